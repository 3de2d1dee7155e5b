"""Access coalescing benchmark: K-means packing vs declaration order and the expert search.

For every example element and workload preset (profiles cached by benchmarks/placement.py's
helpers under build/memory-insights/), the state accesses per packet and the predicted memory
latency of three layouts under the cost model of clara.insights.coalescing: naive (declaration
order, the original offsets), Clara's K-means packing, and the paper's expert (every order of
the variables the three hottest blocks use). The state is assumed to live in one level
(``--level``, default IMEM: global, so shared by all cores). Writes
benchmarks/results/coalescing.json.

    .venv/bin/python benchmarks/coalescing.py [--target agilio-cx] [--level IMEM]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from _common import format_table, write_result  # noqa: E402
from placement import WORKLOADS, nf_runs  # noqa: E402

from clara.insights import coalescing as co  # noqa: E402
from clara.insights import state_inputs as si  # noqa: E402
from clara.targets.profile import load_target_file  # noqa: E402

MANY_VARIABLES = 8  # the target applies to NFs with more state variables than this


def _cut(after: float, before: float) -> float:
    return (before - after) / before * 100 if before > 0 else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="agilio-cx")
    parser.add_argument("--level", default="IMEM")
    parser.add_argument("--workloads", default=",".join(WORKLOADS))
    parser.add_argument("--width", type=int, help="bytes per access (default: the target's)")
    args = parser.parse_args()
    target = load_target_file(REPO / "clara" / "targets" / f"{args.target}.toml")
    level = next(lv for lv in target.memory if lv.name == args.level)
    width = args.width or co.ASSUMED_ACCESS_BYTES.get(target.name, co.DEFAULT_ACCESS_BYTES)
    rows: list[dict[str, Any]] = []
    for run in nf_runs(tuple(args.workloads.split(","))):
        variables = si.variables(run.features)
        vectors = si.access_vectors(run.profile, run.features)
        uses = si.block_uses(run.profile, run.features)
        clara = co.suggest_packing(variables, vectors, uses, level, width, run.nf)
        expert = co.expert_packing(variables, uses, level, width, run.nf)
        naive = clara.before
        separate = co.access_cost({}, {}, uses, width, level)  # one access per variable
        rows.append({
            "nf": run.nf, "workload": run.workload, "variables": len(variables),
            "k": clara.k, "uncoalesced": separate.accesses, "naive": naive.accesses,
            "clara": clara.after.accesses,
            "expert": expert.after.accesses, "naive_latency": naive.latency,
            "clara_latency": clara.after.latency, "expert_latency": expert.after.latency,
            "cut_vs_naive_pct": _cut(clara.after.accesses, naive.accesses),
            "cut_vs_uncoalesced_pct": _cut(clara.after.accesses, separate.accesses),
            "vs_expert_pct": (clara.after.accesses - expert.after.accesses)
            / expert.after.accesses * 100 if expert.after.accesses else 0.0,
            "struct": co.render_packed_struct(clara),
        })
    print(f"State accesses per packet and memory latency (cycles/packet), {target.name} "
          f"{level.name}, {width}-byte accesses")
    header = ["NF", "workload", "vars", "k", "uncoal.", "naive", "clara", "expert",
              "cut vs naive", "cut vs uncoal.", "clara vs expert", "lat naive", "lat clara",
              "lat expert"]
    print(format_table(header, [[
        r["nf"], r["workload"], str(r["variables"]), str(r["k"]), f"{r['uncoalesced']:.2f}",
        f"{r['naive']:.2f}",
        f"{r['clara']:.2f}", f"{r['expert']:.2f}", f"{r['cut_vs_naive_pct']:.1f}%",
        f"{r['cut_vs_uncoalesced_pct']:.1f}%", f"{r['vs_expert_pct']:+.1f}%",
        f"{r['naive_latency']:.0f}", f"{r['clara_latency']:.0f}",
        f"{r['expert_latency']:.0f}"] for r in rows]))
    many = [r for r in rows if r["variables"] > MANY_VARIABLES]
    print(f"\nNFs with > {MANY_VARIABLES} variables: smallest cut vs naive "
          f"{min(r['cut_vs_naive_pct'] for r in many):.1f}% (target >= 40%), worst vs expert "
          f"{max(r['vs_expert_pct'] for r in rows):+.1f}% (target <= 5%)")
    write_result("coalescing", {"target": target.name, "level": level.name, "width": width,
                                "rows": rows})
    return 0


if __name__ == "__main__":
    sys.exit(main())
