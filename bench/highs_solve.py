#!/usr/bin/env python3
"""Solve an MPS file exported by SovereignPlacement with HiGHS and print one JSON line.

Bench only (`placement-bench scale --highs` runs it); needs `pip install highspy`.

    python3 bench/highs_solve.py model.mps [--threads 1] [--time-limit S] [--solver choose]

The tool writes a free MPS file with a header of `*` comments. A model that maximises is
written as the minimisation of its negation ("this file MINIMISES its negation"), so the
model's objective is minus the file's. An objective constant is either the cost of a
column fixed at 1 ("... is the cost of column NAME, fixed at 1"), already inside the
file's optimum, or only stated in the comment, then added here. `objective` is in the
model's sense and units (thousands of USD for the placement LP), comparable with
`placement optimize`; `file_objective` is the optimum of the file as HiGHS read it.
"""

import argparse
import json
import os
import re
import resource
import sys
import time

NEGATED = re.compile(r"MINIMISES its negation")
CONSTANT = re.compile(r"objective constant ([-+0-9.eE]+)")
COLUMN = re.compile(r"cost of column ([^\s,]+)")


def header_comments(path):
    """The leading `*` comment lines of an MPS file, without the `*`."""
    lines = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.startswith("*"):
                break
            lines.append(line[1:].strip())
    return lines


def objective_convention(comments, has_column):
    """(negated, constant to add) from the header; `has_column(name)` says if a column exists."""
    negated = any(NEGATED.search(line) for line in comments)
    constant = 0.0
    for line in comments:
        match = CONSTANT.search(line)
        if match:
            column = COLUMN.search(line)
            # A constant carried by a fixed column is already in the file's optimum.
            if column is None or not has_column(column.group(1)):
                constant += float(match.group(1).rstrip("."))
    return negated, constant


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mps", help="free MPS file (as `placement export --format mps` or the bench writes it)")
    parser.add_argument("--threads", type=int, default=1, help="HiGHS threads (default 1)")
    parser.add_argument("--time-limit", type=float, default=None, help="seconds")
    parser.add_argument("--solver", default="choose", choices=["choose", "simplex", "ipm", "pdlp"])
    parser.add_argument("--log", action="store_true", help="HiGHS's own log on stderr")
    args = parser.parse_args()
    if args.threads < 1:
        parser.error(f"--threads must be at least 1, got {args.threads}")
    if args.time_limit is not None and not args.time_limit > 0:
        parser.error(f"--time-limit must be a positive number of seconds, got {args.time_limit}")

    try:
        import highspy
    except ImportError:
        sys.exit("highs_solve.py: highspy is not installed (pip install highspy)")

    try:
        comments = header_comments(args.mps)
    except OSError as error:
        sys.exit(f"highs_solve.py: {args.mps}: {error.strerror}")

    # HiGHS prints a banner on stdout when it starts: keep stdout for the JSON line alone
    # (the banner goes to stderr with --log, nowhere without).
    json_out = os.fdopen(os.dup(1), "w")
    os.dup2(2 if args.log else os.open(os.devnull, os.O_WRONLY), 1)
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", args.log)
    if args.log:
        highs.setOptionValue("log_to_console", False)
        highs.setOptionValue("log_file", "/dev/stderr")
    highs.setOptionValue("threads", args.threads)
    if args.threads == 1:
        highs.setOptionValue("parallel", "off")
    highs.setOptionValue("solver", args.solver)
    if args.time_limit is not None:
        highs.setOptionValue("time_limit", args.time_limit)

    start = time.perf_counter()
    status = highs.readModel(args.mps)
    read_seconds = time.perf_counter() - start
    if status == highspy.HighsStatus.kError:
        sys.exit(f"highs_solve.py: HiGHS could not read {args.mps}")

    start = time.perf_counter()
    highs.run()
    seconds = time.perf_counter() - start

    model_status = highs.getModelStatus()
    info = highs.getInfo()
    lp = highs.getLp()
    optimal = model_status == highspy.HighsModelStatus.kOptimal
    file_objective = info.objective_function_value if info.primal_solution_status == 2 else None

    def has_column(name):
        found = highs.getColByName(name)
        return found[0] == highspy.HighsStatus.kOk

    negated, constant = objective_convention(comments, has_column)
    objective = None
    if file_objective is not None:
        objective = (-file_objective if negated else file_objective) + constant

    sys.stdout.flush()
    print(json.dumps({
        "file": args.mps,
        "highs_version": highs.version(),
        "threads": args.threads,
        "solver": args.solver,
        "rows": lp.num_row_,
        "columns": lp.num_col_,
        "nonzeros": lp.a_matrix_.numNz() if hasattr(lp.a_matrix_, "numNz") else len(lp.a_matrix_.value_),
        "status": "optimal" if optimal else highs.modelStatusToString(model_status),
        "model_status": highs.modelStatusToString(model_status),
        "objective": objective,
        "file_objective": file_objective,
        "objective_negated": negated,
        "objective_constant_added": constant,
        "read_seconds": round(read_seconds, 6),
        "seconds": round(seconds, 6),
        "iterations": max(0, info.simplex_iteration_count) + max(0, info.ipm_iteration_count)
        + max(0, info.pdlp_iteration_count),
        "simplex_iterations": info.simplex_iteration_count,
        "ipm_iterations": info.ipm_iteration_count,
        "crossover_iterations": info.crossover_iteration_count,
        # Linux reports ru_maxrss in KiB.
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }), file=json_out, flush=True)


if __name__ == "__main__":
    main()
