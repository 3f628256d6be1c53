#!/bin/sh
# Fuzzes the loader with libFuzzer for a fixed number of runs (not part of `swift test`).
#
#   Tests/Fuzz/run-loader-fuzz.sh [RUNS] [MAX_SECONDS]     (defaults: 200000 runs, 600 s)
#
# Builds the loader-fuzz target with -sanitize=fuzzer,address into .build-fuzz, seeds the corpus
# with every bundled region, model, study and sweep file (each behind the selector byte of its
# slot, see LoaderFuzz.swift), and runs. Crashing inputs are kept in .build-fuzz/crashes; replay
# one with `swift run loader-fuzz FILE`. Exits non-zero when libFuzzer found a crash.
set -eu
cd "$(dirname "$0")/../.."
runs=${1:-200000}
seconds=${2:-600}
# lld: gold fails on the sanitizers' objects ("internal error in format_file_lineno").
swift build -c release --scratch-path .build-fuzz --product loader-fuzz -Xswiftc -use-ld=lld \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address
binary=$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/loader-fuzz
corpus=.build-fuzz/corpus
crashes=.build-fuzz/crashes
mkdir -p "$corpus" "$crashes"
seed() { # slot file
    printf "\\$(printf '%03o' "$1")" | cat - "$2" > "$corpus/seed-$1-$(basename "$2")"
}
seed 0 Models/baseline.yaml
for file in Regions/*.yaml; do seed 1 "$file"; seed 2 "$file"; done
seed 3 Models/hardware.yaml
seed 4 Models/workloads.yaml
seed 5 Models/tenants.yaml
seed 6 Models/scenarios.yaml
for file in Models/sweeps/*.yaml; do seed 7 "$file"; done
"$binary" -runs="$runs" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus"
