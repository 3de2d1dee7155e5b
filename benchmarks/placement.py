"""State placement benchmark: ILP vs naive, greedy and exhaustive on the example NFs.

For every example element (examples/nfs/configs.toml) and workload preset, the real profiler
runs the NF (cached under build/memory-insights/, keyed by NF and workload), the state objects
come from the profile and the feature records (clara.insights.state_inputs), and four
placements on the target are computed with the same cost model: naive (everything in the
largest memory), greedy by access density, the ILP (HiGHS) and exhaustive search. Two scope
rules are reported: ``core`` (the paper's model: any level) and ``global`` (state written per
packet only in memory every core shares). Also: ILP solve time on synthetic 50-object
instances, and all NFs of one workload sharing the NIC. Writes
benchmarks/results/placement.json.

    .venv/bin/python benchmarks/placement.py [--target agilio-cx] [--workloads a,b]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import tomllib

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from _common import format_table, write_result  # noqa: E402

from clara.analyze import analyze_module  # noqa: E402
from clara.insights import placement as pl  # noqa: E402
from clara.insights import state_inputs as si  # noqa: E402
from clara.ir.features import ModuleFeatures  # noqa: E402
from clara.targets.profile import MemoryLevel, load_target_file  # noqa: E402
from clara.toolchain.compile import CompileOptions  # noqa: E402
from clara.workload.profile import profile_nf  # noqa: E402

EXAMPLES = REPO / "examples" / "nfs"
CACHE = REPO / "build" / "memory-insights"
WORKLOADS = ("small-flows", "large-flows")
SCOPES = ("core", "global")
SYNTHETIC_OBJECTS = 50
SYNTHETIC_RUNS = 5


@dataclass(frozen=True)
class NFRun:
    """One example NF profiled under one workload."""

    nf: str
    source: Path
    workload: str
    profile: dict[str, Any]
    features: ModuleFeatures


def example_sources() -> list[Path]:
    tables = tomllib.loads((EXAMPLES / "configs.toml").read_text())
    return sorted(EXAMPLES / t["source"] for t in tables.values() if isinstance(t, dict))


def features_of(source: Path) -> ModuleFeatures:
    work = CACHE / "features"
    work.mkdir(parents=True, exist_ok=True)
    return analyze_module(source, CompileOptions(), work, source.stem).features


def profiled(source: Path, workload: str) -> dict[str, Any]:
    """The profile of ``source`` under ``workload``, from the cache when the source is older."""
    path = CACHE / f"{source.stem}.{workload}.profile.json"
    if not path.is_file() or path.stat().st_mtime < source.stat().st_mtime:
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(profile_nf(source, workload=workload).document) + "\n")
    return si.read_profile(path)


def nf_runs(workloads: tuple[str, ...]) -> list[NFRun]:
    runs = []
    for source in example_sources():
        features = features_of(source)
        runs += [NFRun(source.stem, source, w, profiled(source, w), features) for w in workloads]
    return runs


def _gap(value: float, reference: float) -> float:
    return (value - reference) / reference * 100 if reference > 0 else 0.0


def compare(objects: list[pl.StateObject], levels: tuple[MemoryLevel, ...],
            scope: str) -> dict[str, Any]:
    results = {
        "naive": pl.naive_placement(objects, levels),
        "greedy": pl.greedy_placement(objects, levels, writable_scope=scope),
        "ilp": pl.solve_placement(objects, levels, writable_scope=scope),
        "exhaustive": pl.exhaustive_placement(objects, levels, writable_scope=scope),
    }
    row: dict[str, Any] = {m: r.objective for m, r in results.items()}
    row["ilp_seconds"] = results["ilp"].seconds
    row["exhaustive_seconds"] = results["exhaustive"].seconds
    row["ilp_vs_exhaustive_pct"] = _gap(row["ilp"], row["exhaustive"])
    row["ilp_vs_naive_pct"] = _gap(row["ilp"], row["naive"])
    row["placement"] = {a.obj.name: a.label for a in results["ilp"].assignments}
    return row


def synthetic_objects(rng: np.random.Generator, n: int) -> list[pl.StateObject]:
    sizes = rng.choice([4, 8, 64, 4096, 65536, 1 << 20], size=n)
    return [pl.StateObject(f"obj{i}", int(s), float(rng.exponential(1.0)),
                           float(rng.exponential(0.5)), float(rng.random() < 0.2),
                           splittable=bool(s > 64)) for i, s in enumerate(sizes)]


def solve_times(levels: tuple[MemoryLevel, ...]) -> list[float]:
    rng = np.random.default_rng(7)
    times = []
    for _ in range(SYNTHETIC_RUNS):
        objects = synthetic_objects(rng, SYNTHETIC_OBJECTS)
        start = time.perf_counter()
        pl.solve_placement(objects, levels)
        times.append(time.perf_counter() - start)
    return times


def shared_nic(runs: list[NFRun], levels: tuple[MemoryLevel, ...],
               workload: str) -> dict[str, Any]:
    """All example NFs of one workload on one NIC: capacities shared."""
    objects = [o for r in runs if r.workload == workload
               for o in si.state_objects(r.profile, r.features, r.nf)]
    ilp = pl.solve_placement(objects, levels)
    greedy = pl.greedy_placement(objects, levels)
    return {"workload": workload, "objects": len(objects), "ilp": ilp.objective,
            "greedy": greedy.objective, "naive": pl.naive_placement(objects, levels).objective,
            "ilp_seconds": ilp.seconds, "per_nf": dict(ilp.per_nf)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="agilio-cx")
    parser.add_argument("--workloads", default=",".join(WORKLOADS))
    args = parser.parse_args()
    target = load_target_file(REPO / "clara" / "targets" / f"{args.target}.toml")
    levels = target.memory
    runs = nf_runs(tuple(args.workloads.split(",")))
    rows: list[dict[str, Any]] = []
    for scope in SCOPES:
        for run in runs:
            objects = si.state_objects(run.profile, run.features, run.nf)
            rows.append({"nf": run.nf, "workload": run.workload, "scope": scope,
                         "objects": len(objects), **compare(objects, levels, scope)})
    header = ["NF", "workload", "scope", "objs", "naive", "greedy", "ILP", "exhaustive",
              "ILP vs exh.", "ILP vs naive", "ILP s"]
    print(f"Predicted memory latency, cycles per packet ({target.name})")
    print(format_table(header, [[
        r["nf"], r["workload"], r["scope"], str(r["objects"]), f"{r['naive']:.1f}",
        f"{r['greedy']:.1f}", f"{r['ilp']:.1f}", f"{r['exhaustive']:.1f}",
        f"{r['ilp_vs_exhaustive_pct']:+.2f}%", f"{r['ilp_vs_naive_pct']:+.1f}%",
        f"{r['ilp_seconds']:.3f}"] for r in rows]))
    times = solve_times(levels)
    print(f"\nILP solve time, {SYNTHETIC_OBJECTS} objects: max {max(times):.3f} s, "
          f"mean {sum(times) / len(times):.3f} s over {len(times)} instances")
    shared = [shared_nic(runs, levels, w) for w in args.workloads.split(",")]
    for s in shared:
        print(f"all NFs on one NIC ({s['workload']}, {s['objects']} objects): ILP "
              f"{s['ilp']:.1f}, greedy {s['greedy']:.1f}, naive {s['naive']:.1f} cycles per "
              f"packet summed over NFs ({s['ilp_seconds']:.3f} s)")
    worst = max(r["ilp_vs_exhaustive_pct"] for r in rows)
    print(f"\nworst ILP gap to exhaustive: {worst:+.2f}% (target <= 3%)")
    write_result("placement", {"target": target.name, "rows": rows, "solve_times_50": times,
                               "shared_nic": shared, "worst_gap_pct": worst})
    return 0


if __name__ == "__main__":
    sys.exit(main())
