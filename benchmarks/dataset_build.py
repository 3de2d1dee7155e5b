"""Speed and attribution quality of ``clara dataset build`` on synthesized programs.

Target (issue: ground-truth dataset builder): ``clara dataset build --target bluefield2
--programs 2000`` on 2 cores in under 20 minutes with under 2% of target instructions
unattributed; the same for octeon. This builds ``--programs`` programs (default 2000) per
target with ``-j 2`` into a fresh directory and records wall time, programs/s, failures and
the unattributed share, and the 1-minute load average before and after (the machine is
shared); with fewer programs it also extrapolates the time to 2000 (linear in the program
count: every program is independent). Run:
``.venv/bin/python benchmarks/dataset_build.py [--programs N] [--targets bluefield2 octeon]
[--api-calls inline|out-of-line]``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import format_table, write_result

from clara.dataset.builder import API_CALLS, DEFAULT_API_CALLS
from clara.dataset.commands import ProgramSpec, build_dataset
from clara.targets.profile import load_target
from clara.toolchain.compile import CompileOptions

GOAL_PROGRAMS = 2000
GOAL_SECONDS = 20 * 60
GOAL_UNATTRIBUTED = 0.02
JOBS = 2
MAX_FAILED_SHARE = 0.01  # a run where programs fail to build proves nothing


def measure(target: str, programs: int, seed: int, out: Path, api_calls: str
            ) -> dict[str, Any]:
    start = time.perf_counter()
    load_before = os.getloadavg()[0]
    manifest = build_dataset(load_target(target), CompileOptions(),
                             ProgramSpec(count=programs, seed=seed, api_calls=api_calls), out,
                             JOBS, progress=False)
    seconds = time.perf_counter() - start
    counts = manifest["counts"]
    extrapolated = seconds * GOAL_PROGRAMS / programs
    return {
        "target": target,
        "api_calls": api_calls,
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "programs": programs,
        "seeds": manifest["seeds"],
        "jobs": JOBS,
        "seconds": round(seconds, 1),
        "programs_per_s": round(programs / seconds, 3),
        "seconds_for_2000": round(extrapolated, 1),
        "ok": counts["programs_ok"],
        "failed": counts["programs_failed"],
        "failed_by_stage": counts["failed_by_stage"],
        "blocks": counts["blocks"],
        "target_instructions": counts["target_instructions"],
        "unattributed": counts["unattributed"],
        "unattributed_asm": counts["unattributed_asm"],
        "unattributed_no_block": counts["unattributed_no_block"],
        "unattributed_pct": round(100 * counts["unattributed_rate"], 3),
        "not_analyzed": counts["not_analyzed"],
        "attributed": counts["attributed"],
        "charged": round(counts["charged"], 1),
        "foreign": counts["foreign"],
        "by_block_rule": counts["by_block_rule"],
        "meets_goal": (extrapolated < GOAL_SECONDS
                       and counts["unattributed_rate"] < GOAL_UNATTRIBUTED
                       and counts["programs_failed"] <= MAX_FAILED_SHARE * programs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programs", type=int, default=GOAL_PROGRAMS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--targets", nargs="+", default=["bluefield2", "octeon"])
    parser.add_argument("--api-calls", choices=API_CALLS, default=DEFAULT_API_CALLS)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="clara-bench-ds-") as tmp:
        for target in args.targets:
            rows.append(measure(target, args.programs, args.seed, Path(tmp) / target,
                                args.api_calls))
            print(f"{target}: {rows[-1]['seconds']} s", flush=True)
    path = write_result("dataset_build", {
        "goal": {"programs": GOAL_PROGRAMS, "seconds": GOAL_SECONDS, "jobs": JOBS,
                 "unattributed_rate": GOAL_UNATTRIBUTED},
        "cpus_available": len(os.sched_getaffinity(0)),
        "load_average_at_end": list(os.getloadavg()),
        "max_failed_share": MAX_FAILED_SHARE,
        "results": rows,
    })
    header = ["target", "programs", "seconds", "prog/s", "s for 2000", "failed",
              "unattributed %", "meets goal"]
    print(format_table(header, [[r["target"], r["programs"], r["seconds"], r["programs_per_s"],
                                 r["seconds_for_2000"], r["failed"], r["unattributed_pct"],
                                 r["meets_goal"]] for r in rows]))
    print(f"written {path}")


if __name__ == "__main__":
    main()
