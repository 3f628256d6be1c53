#!/usr/bin/env bash
# The GNU MathProg peer of the tool's model build: time glpsol translating the placement model
# (`placement export --format gmpl`) against the tool's own load + build of the same study.
# Usage: bench/gmpl-translate.sh STUDY [STUDY...]   (run from the package root after
#        `swift build -c release --product placement`; needs glpsol from glpk-utils)
set -euo pipefail
placement=.build/release/placement
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for study in "$@"; do
    echo "== $study"
    start=$(date +%s.%N)
    "$placement" export "$study" --format gmpl --output "$work/model" > "$work/export.txt"
    end=$(date +%s.%N)
    echo "tool: load + build + write .mod/.dat: $(echo "$end - $start" | bc) s ($(cat "$work/export.txt"))"
    /usr/bin/time -f "glpsol --math --check: %e s wall, %M KiB peak" \
        glpsol --math "$work/model.mod" --data "$work/model.dat" --check > "$work/glpsol.txt" 2>&1 || true
    tail -1 "$work/glpsol.txt"
    grep -E "^Model has been successfully generated|rows, .*columns" "$work/glpsol.txt" | head -2
done
