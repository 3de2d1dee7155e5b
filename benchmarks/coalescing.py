"""Access coalescing benchmark: Clara's packing vs the naive layouts and the expert search.

For every example element and workload preset (profiles cached by benchmarks/placement.py's
helpers under build/memory-insights/), the state accesses per packet and the predicted memory
latency of the layouts under the cost model of clara.insights.coalescing, all in one level
(``--level``, default IMEM: global, so shared by all cores; the paper's Figure 13 setting):

* separate: one access per variable per block, the code as written (the paper's naive port
  on the NFP, whose memories have no cache to widen an access);
* declared: the declaration order (original offsets) read in ``width``-byte windows (what a
  cache line gives a naive port; the harder baseline);
* kmeans: the paper's method alone (K-means clusters, one pack each, accesses per block);
* clara: K-means, local search, and per-packet access of read-only and counter packs;
* expert: the paper's expert emulation (every order of the three hottest blocks' variables);
* optimum: every partition of the variables used per packet into packs (exact; up to 12).

Scalar (packable) accesses are what a layout can change; containers and wider arrays cost
their profile's accesses under every layout: cuts are given over the scalar accesses and over
all state accesses. Writes benchmarks/results/coalescing.json.

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
from clara.insights import memory  # noqa: E402
from clara.targets.profile import load_target_file  # noqa: E402

MANY_VARIABLES = 8  # the target applies to NFs with more state variables than this
LAYOUTS = ("separate", "declared", "kmeans", "clara", "expert", "optimum")


def _cut(after: float, before: float) -> float:
    return (before - after) / before * 100 if before > 0 else 0.0


def measure(state: memory.NFState, width: int, weights: co.Weights) -> dict[str, Any]:
    """One NF under one workload: every layout's scalar accesses, and the fixed part."""
    args = (state.variables, state.vectors, state.uses, width, weights, state.name)
    clara = co.suggest_packing(*args)
    kmeans = co.suggest_packing(*args, search=False, per_packet=False)
    expert = co.expert_packing(state.variables, state.uses, width, weights, state.name)
    optimum = co.optimal_packing(state.variables, state.uses, width, weights, state.name)
    costs = {"separate": clara.separate, "declared": clara.declared, "kmeans": kmeans.after,
             "clara": clara.after, "expert": expert.after}
    if optimum is not None:
        costs["optimum"] = optimum.after
    fixed = memory.unpacked_objects(state, width)
    fixed_accesses = sum(o.accesses_per_packet for o in fixed)
    fixed_latency = sum(o.reads_per_packet * weights.read + o.writes_per_packet * weights.write
                        for o in fixed)
    row: dict[str, Any] = {
        "variables": len(state.variables),
        "packable": len(co.packable(state.variables, width)), "k": clara.k,
        "scalar": {m: c.accesses for m, c in costs.items()},
        "fixed": fixed_accesses,
        "all": {m: c.accesses + fixed_accesses for m, c in costs.items()},
        "latency": {m: c.latency + fixed_latency for m, c in costs.items()},
        "per_packet_packs": sum(p.per_packet for p in clara.packs),
        "struct": co.render_packed_struct(clara),
    }
    for base in ("separate", "declared"):
        row[f"cut_vs_{base}_scalar_pct"] = _cut(row["scalar"]["clara"], row["scalar"][base])
        row[f"cut_vs_{base}_all_pct"] = _cut(row["all"]["clara"], row["all"][base])
    for ref in ("expert", "optimum"):
        if ref in costs:
            row[f"vs_{ref}_pct"] = -_cut(row["scalar"]["clara"], row["scalar"][ref])
    return row


def _summary(rows: list[dict[str, Any]]) -> list[str]:
    many = [r for r in rows if r["variables"] > MANY_VARIABLES]
    lines = []
    for base in ("separate", "declared"):
        for part in ("scalar", "all"):
            cuts = [r[f"cut_vs_{base}_{part}_pct"] for r in many]
            met = sum(c >= 40 for c in cuts)
            median = sorted(cuts)[len(cuts) // 2]
            lines.append(f"NFs with > {MANY_VARIABLES} variables, cut vs {base} over {part} "
                         f"accesses: min {min(cuts):.1f}%, median {median:.1f}%, >= 40% on "
                         f"{met} of {len(cuts)}")
    for ref in ("expert", "optimum"):
        gaps = [r[f"vs_{ref}_pct"] for r in rows if f"vs_{ref}_pct" in r]
        lines.append(f"worst clara vs {ref} (scalar accesses, {len(gaps)} rows): "
                     f"{max(gaps):+.1f}% (target <= +5%)")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="agilio-cx")
    parser.add_argument("--level", default="IMEM")
    parser.add_argument("--workloads", default=",".join(WORKLOADS))
    parser.add_argument("--width", type=int, help="bytes per access (default: the target's)")
    args = parser.parse_args()
    target = load_target_file(REPO / "clara" / "targets" / f"{args.target}.toml")
    level = next(lv for lv in target.memory if lv.name == args.level)
    width = args.width or co.access_bytes(target.name)
    weights = co.Weights(level.read_cycles, level.write_cycles)
    rows = []
    for run in nf_runs(tuple(args.workloads.split(","))):
        state = memory.nf_state(run.profile, run.features, run.nf, run.nf)
        rows.append({"nf": run.nf, "workload": run.workload, **measure(state, width, weights)})
    print(f"Scalar state accesses per packet by layout ({target.name} {level.name}, {width}-byte "
          f"accesses); 'fixed' = container and wide-array accesses (every layout)")
    header = ["NF", "workload", "vars", "pack.", "k", *LAYOUTS, "fixed", "cut vs sep. scal/all",
              "cut vs decl. scal/all", "vs exp.", "vs opt.", "lat sep.", "lat clara"]
    print(format_table(header, [[
        r["nf"], r["workload"], str(r["variables"]), str(r["packable"]), str(r["k"]),
        *(f"{r['scalar'][m]:.2f}" if m in r["scalar"] else "n/a" for m in LAYOUTS),
        f"{r['fixed']:.2f}",
        f"{r['cut_vs_separate_scalar_pct']:.1f}% / {r['cut_vs_separate_all_pct']:.1f}%",
        f"{r['cut_vs_declared_scalar_pct']:.1f}% / {r['cut_vs_declared_all_pct']:.1f}%",
        f"{r['vs_expert_pct']:+.1f}%",
        f"{r['vs_optimum_pct']:+.1f}%" if "vs_optimum_pct" in r else "n/a",
        f"{r['latency']['separate']:.0f}", f"{r['latency']['clara']:.0f}"] for r in rows]))
    summary = _summary(rows)
    print("\n" + "\n".join(summary))
    write_result("coalescing", {"target": target.name, "level": level.name, "width": width,
                                "rows": rows, "summary": summary})
    return 0


if __name__ == "__main__":
    sys.exit(main())
