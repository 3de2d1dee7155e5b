"""State placement benchmark: ILP vs naive, greedy and exhaustive on the example NFs.

For every example element (examples/nfs/configs.toml) and workload preset, the real profiler
runs the NF (cached under build/memory-insights/, keyed by NF and workload), and the combined
memory model (clara.insights.memory) packs its variables and places the packs and the
containers with the ILP, repacking per level until the latency stops dropping. On the same
objects (the final packs, the containers and wide arrays, with their coalesced accesses)
four placements are compared: naive (everything in the largest memory), greedy by access
density, the ILP (HiGHS) and exhaustive search. Also the paper's naive port end to end (every
variable accessed on its own, as written, everything in the largest memory) and the ILP
without packing (every variable on its own). Two scope rules are reported: ``core`` (the
paper's model: any level) and ``global`` (state written per packet only in memory every core
shares). Also: ILP solve time on synthetic 50-object instances, and all NFs of one workload
sharing the NIC. Writes benchmarks/results/placement.json.

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
from clara.insights import coalescing as co  # noqa: E402
from clara.insights import memory  # noqa: E402
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


def compare(state: memory.NFState, levels: tuple[MemoryLevel, ...], width: int,
            scope: str) -> dict[str, Any]:
    start = time.perf_counter()
    plan = memory.plan_memory([state], levels, width, writable_scope=scope)
    seconds = time.perf_counter() - start
    objects = [a.obj for a in plan.placement.assignments]
    results = {
        "naive": pl.naive_placement(objects, levels),
        "greedy": pl.greedy_placement(objects, levels, writable_scope=scope),
        "ilp": plan.placement,
        "exhaustive": pl.exhaustive_placement(objects, levels, writable_scope=scope),
    }
    separate = memory.separate_objects(state, width)
    row: dict[str, Any] = {m: r.objective for m, r in results.items()}
    row["objects"] = len(objects)
    row["naive_port"] = pl.naive_placement(separate, levels).objective
    row["ilp_unpacked"] = pl.solve_placement(separate, levels, writable_scope=scope).objective
    row["rounds"] = plan.rounds
    row["plan_seconds"] = seconds
    row["exhaustive_seconds"] = results["exhaustive"].seconds
    row["ilp_vs_exhaustive_pct"] = _gap(row["ilp"], row["exhaustive"])
    row["ilp_vs_naive_pct"] = _gap(row["ilp"], row["naive"])
    row["clara_vs_naive_port_pct"] = _gap(row["ilp"], row["naive_port"])
    row["placement"] = {a.obj.name: a.label for a in plan.placement.assignments}
    row["packs"] = {a.obj.name: list(a.obj.members) for a in plan.placement.assignments
                    if a.obj.members}
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


def shared_nic(runs: list[NFRun], levels: tuple[MemoryLevel, ...], width: int,
               workload: str) -> dict[str, Any]:
    """All example NFs of one workload on one NIC: capacities shared."""
    states = [memory.nf_state(r.profile, r.features, r.nf, r.nf) for r in runs
              if r.workload == workload]
    start = time.perf_counter()
    plan = memory.plan_memory(states, levels, width)
    seconds = time.perf_counter() - start
    objects = [a.obj for a in plan.placement.assignments]
    separate = [o for s in states for o in memory.separate_objects(s, width)]
    return {"workload": workload, "objects": len(objects), "ilp": plan.placement.objective,
            "greedy": pl.greedy_placement(objects, levels).objective,
            "naive": pl.naive_placement(objects, levels).objective,
            "naive_port": pl.naive_placement(separate, levels).objective,
            "ilp_seconds": plan.placement.seconds, "plan_seconds": seconds,
            "rounds": plan.rounds, "per_nf": dict(plan.placement.per_nf)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="agilio-cx")
    parser.add_argument("--workloads", default=",".join(WORKLOADS))
    args = parser.parse_args()
    target = load_target_file(REPO / "clara" / "targets" / f"{args.target}.toml")
    levels = target.memory
    width = co.access_bytes(target.name)
    runs = nf_runs(tuple(args.workloads.split(",")))
    rows: list[dict[str, Any]] = []
    for scope in SCOPES:
        for run in runs:
            state = memory.nf_state(run.profile, run.features, run.nf, run.nf)
            rows.append({"nf": run.nf, "workload": run.workload, "scope": scope,
                         **compare(state, levels, width, scope)})
    header = ["NF", "workload", "scope", "objs", "naive port", "ILP unpacked", "naive",
              "greedy", "ILP", "exhaustive", "ILP vs exh.", "ILP vs naive", "vs naive port",
              "rounds", "s"]
    print(f"Predicted memory latency, cycles per packet ({target.name}, {width}-byte "
          f"accesses); naive/greedy/ILP/exhaustive place the same packed objects")
    print(format_table(header, [[
        r["nf"], r["workload"], r["scope"], str(r["objects"]), f"{r['naive_port']:.1f}",
        f"{r['ilp_unpacked']:.1f}", f"{r['naive']:.1f}", f"{r['greedy']:.1f}",
        f"{r['ilp']:.1f}", f"{r['exhaustive']:.1f}", f"{r['ilp_vs_exhaustive_pct']:+.2f}%",
        f"{r['ilp_vs_naive_pct']:+.1f}%", f"{r['clara_vs_naive_port_pct']:+.1f}%",
        str(r["rounds"]), f"{r['plan_seconds']:.2f}"] for r in rows]))
    times = solve_times(levels)
    print(f"\nILP solve time, {SYNTHETIC_OBJECTS} objects: max {max(times):.3f} s, "
          f"mean {sum(times) / len(times):.3f} s over {len(times)} instances")
    shared = [shared_nic(runs, levels, width, w) for w in args.workloads.split(",")]
    for s in shared:
        print(f"all NFs on one NIC ({s['workload']}, {s['objects']} objects): ILP "
              f"{s['ilp']:.1f}, greedy {s['greedy']:.1f}, naive {s['naive']:.1f}, naive port "
              f"{s['naive_port']:.1f} cycles per packet summed over NFs (last ILP "
              f"{s['ilp_seconds']:.3f} s, {s['rounds']} rounds in {s['plan_seconds']:.2f} s)")
    worst = max(r["ilp_vs_exhaustive_pct"] for r in rows)
    print(f"\nworst ILP gap to exhaustive: {worst:+.2f}% (target <= 3%)")
    write_result("placement", {"target": target.name, "rows": rows, "solve_times_50": times,
                               "shared_nic": shared, "worst_gap_pct": worst})
    return 0


if __name__ == "__main__":
    sys.exit(main())
