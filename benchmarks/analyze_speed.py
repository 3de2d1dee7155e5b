"""Speed of ``clara analyze`` per example NF, and of ``make CXX=clara-cc`` vs plain clang.

Targets (issue: analysis pipeline): ``clara analyze`` of a 400-line element under 1.5 s on
one core, and a ``clara-cc`` build at most 1.5x the plain ``clang++-19`` build of the same
Makefile, measured in the same run. Run: ``.venv/bin/python benchmarks/analyze_speed.py``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import REPO, format_table, write_result

EXAMPLES = REPO / "examples" / "nfs"
REPEATS = 3


def timed(command: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=cwd)
    return time.perf_counter() - start


def analyze_times() -> list[dict[str, object]]:
    rows = []
    for source in sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".cc", ".c")):
        header = source.with_suffix(".hh")
        lines = len(source.read_text().splitlines())
        lines += len(header.read_text().splitlines()) if header.exists() else 0
        command = ["taskset", "-c", "0", sys.executable, "-m", "clara.cli", "analyze",
                   str(source), "--format", "json", "-o", "/dev/null"]
        seconds = statistics.median(timed(command) for _ in range(REPEATS))
        rows.append({"nf": source.name, "lines": lines, "seconds": round(seconds, 3)})
    return rows


def build_time(cxx: str, objects: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(REPO / "examples" / "make-project", project)
        return timed(["make", f"CXX={cxx}", f"CLARA_ROOT={REPO}", f"OBJECTS={objects}"],
                     cwd=project)


def main(argv: list[str] | None = None) -> None:
    argparse.ArgumentParser(description=__doc__).parse_args(argv)
    load_before = os.getloadavg()
    rows = analyze_times()
    objects = " ".join(p.with_suffix(".o").name for p in sorted(EXAMPLES.glob("*.cc")))
    # The installed console script, as a user's `make CXX=clara-cc` runs it.
    wrapper = Path(sys.executable).parent / "clara-cc"
    plain = statistics.median(build_time("clang++-19", objects) for _ in range(REPEATS))
    wrapped = statistics.median(build_time(str(wrapper), objects) for _ in range(REPEATS))
    ratio = wrapped / plain
    largest = max(rows, key=lambda r: int(r["lines"]))  # type: ignore[arg-type]
    result = {
        "data": "examples/nfs (the project's example NFs)",
        "analyze": rows,
        "largest_nf": largest,
        "target_analyze_seconds": 1.5,
        "make": {"clang++-19_seconds": round(plain, 3), "clara-cc_seconds": round(wrapped, 3),
                 "ratio": round(ratio, 3), "target_ratio": 1.5, "objects": objects.split()},
        # the machine is shared: 1-minute load averages when the run started and ended
        "load_average": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
    }
    path = write_result("analyze_speed", result)
    print(format_table(["example NF", "lines (.cc+.hh)", "clara analyze s (1 core)"],
                       [[r["nf"], r["lines"], r["seconds"]] for r in rows]))
    print(f"\nmake, {len(objects.split())} elements: clang++-19 {plain:.2f} s, "
          f"clara-cc {wrapped:.2f} s, ratio {ratio:.2f} (target <= 1.5)")
    print(f"largest NF {largest['nf']} ({largest['lines']} lines): {largest['seconds']} s "
          "(target < 1.5 s)")
    print(f"load average (1 min) at start and end: {result['load_average']}")
    print(f"written: {path}")


if __name__ == "__main__":
    main()
