"""Per-packet NIC cost: Clara's prediction against a real execution under QEMU.

For every Click element in examples/nfs/configs.toml and each workload (the presets scaled
down to ``--packets`` packets), one trace is generated and used twice:

* **Clara**: the features (as ``clara analyze``), the host profile over the trace
  (``profile_nf``), the target's compute model per block (``predict_blocks``) and the API cost
  table at the measured quantities (``clara.insights.nic_cost``);
* **QEMU**: the element cross-compiled with the target compiler and the host runtime, run under
  ``qemu-aarch64`` with the counting plugin (``count_execution``): instructions and memory
  instructions per packet in the NF's code and in the framework API code (not the driver glue).

Compared per NF x workload: NF + API instructions and memory accesses per packet, the error of
the NF part and of the API part, and a baseline in the same run: the IR's own counts with no
model and no API table (instructions = IR instructions per packet, API calls included as one
instruction each; memory = IR stack + state + packet accesses per packet). Goal (issue 5):
|error| <= 10% on instructions and <= 15% on memory for every workload, on >= 10 NFs.

    .venv/bin/python benchmarks/per_packet_accuracy.py [--target bluefield2] [--packets 10000]
        [--nf MiniNAT ...] [--workload small-flows ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomllib
from _common import REPO, format_table, write_result

from clara.analyze import analyze_module
from clara.insights import nic_cost as nc
from clara.insights.compute import predict_blocks
from clara.insights.per_packet import block_frequencies
from clara.ir.features import ModuleFeatures
from clara.runtime.api_costs import load_table
from clara.runtime.qemu.run import count_execution, cross_build
from clara.targets.profile import load_target
from clara.toolchain.compile import CompileOptions
from clara.workload.profile import profile_nf, stage_packets
from clara.workload.spec import iter_packets, parse_spec

CONFIGS = REPO / "examples" / "nfs" / "configs.toml"
WORK = REPO / "build" / "per_packet"
# preset -> overrides at 10,000 packets (flow counts scaled with the packet count)
WORKLOADS: dict[str, str] = {
    "small-flows": "flows={flows_small}",
    "large-flows": "flows=8",
    "small-packets": "flows={flows_mid}",
    "large-packets": "flows={flows_mid}",
}
INSTRUCTION_BOUND, MEMORY_BOUND, NF_GOAL = 0.10, 0.15, 10
MEMORY_KINDS = ("mem.stack", "mem.state", "mem.packet")


@dataclass(frozen=True)
class Element:
    """One example element and how the drivers run it."""

    name: str
    source: Path
    config: str
    port: int
    require_ip: bool
    outputs: int | None


def elements() -> list[Element]:
    table = tomllib.loads(CONFIGS.read_text())
    return [Element(e["class"], CONFIGS.parent / e["source"], e["config"], int(e["port"]),
                    bool(e.get("require_ip", False)), e.get("outputs"))
            for e in table.values()]


def workload_spec(preset: str, packets: int) -> str:
    overrides = WORKLOADS[preset].format(flows_small=max(1, packets // 4),
                                         flows_mid=max(1, packets // 100))
    return f"{preset},packets={packets},{overrides}"


def make_trace(spec: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file():
        stage_packets(iter_packets(parse_spec(spec)), path)
    return path


def rel_error(predicted: float, truth: float) -> float:
    return (predicted - truth) / truth if truth else float("inf") if predicted else 0.0


def baseline(features: ModuleFeatures, frequencies: Mapping[tuple[str, str], float]
             ) -> dict[str, float]:
    """IR counts per packet, no model, no API table."""
    instructions = memory = 0.0
    for b in features.blocks:
        f = frequencies.get((b.function, b.name), 0.0)
        instructions += f * b.n_instructions
        memory += f * sum(b.counts.get(k, 0) for k in MEMORY_KINDS)
    return {"instructions": instructions, "memory": memory}


def predict(features: ModuleFeatures, predictions: Mapping[Any, Any], table: Mapping[str, Any],
            profile: Mapping[str, Any]) -> tuple[nc.NicCost, dict[str, float]]:
    frequencies = block_frequencies(profile, key="block")
    sites = nc.site_calls_per_packet(features.blocks, frequencies)
    api = nc.api_cost_per_packet(profile["api_events"], table, sites)
    return nc.nic_cost_per_packet(frequencies, predictions, api), baseline(features, frequencies)


def compare(cost: nc.NicCost, base: Mapping[str, float], qemu: Any) -> dict[str, Any]:
    truth = {"instructions": qemu.nf.instructions + qemu.api.instructions,
             "memory": qemu.nf.memory + qemu.api.memory}
    pred = {"instructions": cost.instructions, "memory": cost.memory}
    return {
        "predicted": {**pred, "nf_instructions": cost.nf_instructions,
                      "api_instructions": cost.api.instructions, "nf_memory": cost.nf_memory,
                      "api_memory": cost.api.memory, "not_costed": cost.api.not_costed},
        "qemu": {**truth, "nf_instructions": qemu.nf.instructions,
                 "api_instructions": qemu.api.instructions, "nf_memory": qemu.nf.memory,
                 "api_memory": qemu.api.memory, "other_instructions": qemu.other.instructions},
        "baseline": dict(base),
        "error": {
            "instructions": rel_error(cost.instructions, truth["instructions"]),
            "memory": rel_error(cost.memory, truth["memory"]),
            "nf_instructions": rel_error(cost.nf_instructions, qemu.nf.instructions),
            "api_instructions": rel_error(cost.api.instructions, qemu.api.instructions),
            "nf_memory": rel_error(cost.nf_memory, qemu.nf.memory),
            "api_memory": rel_error(cost.api.memory, qemu.api.memory),
            # share of the total's absolute error from each part
            "nf_part": (cost.nf_instructions - qemu.nf.instructions) / truth["instructions"],
            "api_part": (cost.api.instructions - qemu.api.instructions) / truth["instructions"],
        },
        "baseline_error": {"instructions": rel_error(base["instructions"], truth["instructions"]),
                           "memory": rel_error(base["memory"], truth["memory"])},
    }


def run_element(element: Element, target: str, packets: int, presets: list[str],
                traces: Mapping[str, Path]) -> list[dict[str, Any]]:
    work = WORK / element.name
    work.mkdir(parents=True, exist_ok=True)
    module = analyze_module(element.source, CompileOptions(), work, element.name)
    predictions = predict_blocks(module.features, load_target(target))
    table = load_table(target)
    binary = cross_build(element.source, element.name, target)
    rows = []
    for preset in presets:
        t0 = time.perf_counter()
        profile = profile_nf(element.source, trace=traces[preset],
                             work_dir=work / f"profile-{preset}").document
        cost, base = predict(module.features, predictions, table, profile)
        qemu = count_execution(binary, traces[preset], element.config, element.port,
                               require_ip=element.require_ip, outputs=element.outputs)
        rows.append({"nf": element.name, "workload": preset,
                     "spec": workload_spec(preset, packets),
                     "packets": profile["packets"]["processed"], "qemu_packets": qemu.packets,
                     **compare(cost, base, qemu), "seconds": time.perf_counter() - t0})
        print(f"  {element.name} {preset}: {rows[-1]['error']['instructions']:+.1%} "
              f"instructions, {rows[-1]['error']['memory']:+.1%} memory", file=sys.stderr)
    return rows


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    per_nf: dict[str, dict[str, Any]] = {}
    for r in rows:
        s = per_nf.setdefault(r["nf"], {"max_instructions": 0.0, "max_memory": 0.0,
                                        "max_baseline_instructions": 0.0})
        s["max_instructions"] = max(s["max_instructions"], abs(r["error"]["instructions"]))
        s["max_memory"] = max(s["max_memory"], abs(r["error"]["memory"]))
        s["max_baseline_instructions"] = max(s["max_baseline_instructions"],
                                             abs(r["baseline_error"]["instructions"]))
    for s in per_nf.values():
        s["meets_instructions"] = s["max_instructions"] <= INSTRUCTION_BOUND
        s["meets_memory"] = s["max_memory"] <= MEMORY_BOUND

    def mean_abs(key: str, part: str = "error") -> float:
        return sum(abs(r[part][key]) for r in rows) / len(rows) if rows else 0.0

    met = sum(s["meets_instructions"] for s in per_nf.values())
    return {
        "per_nf": per_nf,
        "nfs_meeting_instruction_bound": met,
        "nfs_meeting_memory_bound": sum(s["meets_memory"] for s in per_nf.values()),
        "goal_met": met >= NF_GOAL,
        "mean_abs_error": {k: mean_abs(k) for k in
                           ("instructions", "memory", "nf_instructions", "api_instructions",
                            "nf_memory", "api_memory")},
        "baseline_mean_abs_error": {k: mean_abs(k, "baseline_error")
                                    for k in ("instructions", "memory")},
    }


def table_text(rows: list[dict[str, Any]]) -> str:
    header = ["nf", "workload", "insns pred", "qemu", "err", "NF err", "API err", "base err",
              "mem pred", "qemu", "err", "base err"]
    body = [[r["nf"], r["workload"], f"{r['predicted']['instructions']:.1f}",
             f"{r['qemu']['instructions']:.1f}", f"{r['error']['instructions']:+.1%}",
             f"{r['error']['nf_instructions']:+.1%}", f"{r['error']['api_instructions']:+.1%}",
             f"{r['baseline_error']['instructions']:+.1%}",
             f"{r['predicted']['memory']:.1f}", f"{r['qemu']['memory']:.1f}",
             f"{r['error']['memory']:+.1%}", f"{r['baseline_error']['memory']:+.1%}"]
            for r in rows]
    return format_table(header, body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="bluefield2")
    parser.add_argument("--packets", type=int, default=10000)
    parser.add_argument("--nf", action="append", help="element class (default: all)")
    parser.add_argument("--workload", action="append", choices=sorted(WORKLOADS))
    args = parser.parse_args()
    presets = args.workload or list(WORKLOADS)
    chosen = [e for e in elements() if not args.nf or e.name in args.nf]
    traces = {p: make_trace(workload_spec(p, args.packets),
                            WORK / "traces" / f"{p}-{args.packets}.pcap") for p in presets}
    t0 = time.perf_counter()
    rows = [row for e in chosen for row in run_element(e, args.target, args.packets, presets,
                                                       traces)]
    summary = summarize(rows)
    print(table_text(rows))
    print(f"\nNFs within {INSTRUCTION_BOUND:.0%} on instructions for every workload: "
          f"{summary['nfs_meeting_instruction_bound']}/{len(summary['per_nf'])} "
          f"(goal {NF_GOAL}); within {MEMORY_BOUND:.0%} on memory: "
          f"{summary['nfs_meeting_memory_bound']}/{len(summary['per_nf'])}")
    print("mean |error|: " + ", ".join(f"{k} {v:.1%}"
                                        for k, v in summary["mean_abs_error"].items())
          + "; baseline (IR counts, no model): " + ", ".join(
              f"{k} {v:.1%}" for k, v in summary["baseline_mean_abs_error"].items()))
    path = write_result("per_packet_accuracy", {
        "target": args.target, "packets": args.packets, "workloads": {
            p: workload_spec(p, args.packets) for p in presets},
        "bounds": {"instructions": INSTRUCTION_BOUND, "memory": MEMORY_BOUND, "nfs": NF_GOAL},
        "compute_model": f"compute-{args.target}", "api_table": args.target,
        "baseline": "IR counts per packet, no model and no API table",
        "summary": summary, "rows": rows, "seconds": time.perf_counter() - t0,
    })
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
