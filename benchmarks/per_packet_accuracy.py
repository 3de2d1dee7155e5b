"""Per-packet NIC cost: Clara's prediction against a real execution under QEMU.

For every Click element in examples/nfs/configs.toml and each workload (the presets scaled
down to ``--packets`` packets), one trace is generated and used twice:

* **Clara**: the features (as ``clara analyze``), the host profile over the trace
  (``profile_nf``), the target's compute model per block (``predict_blocks``) and the API cost
  table at the measured quantities (``clara.insights.nic_cost``);
* **QEMU**: the element cross-compiled with the target compiler and the host runtime, run under
  ``qemu-aarch64`` with the counting plugin (``count_execution``): instructions and memory
  instructions per packet in the NF's code and in the framework API code (not the driver glue).

Compared per NF x workload: NF + API instructions and memory accesses per packet. Five
predictions share the profile and the frequencies; the first four also the API costs, and
they differ in the NF part:

* **model** (the primary figure, the one issue 5's target is about): the compute model's
  per-block predictions, as ``clara analyze`` reports;
* **real labels**: the per-block counts the dataset builder's attribution (asm reader lines ->
  IR blocks) gives for the element's code in the binary QEMU runs
  (``clara.runtime.qemu.labels``), the instructions run for API calls left out: no model, no
  out-of-line convention, which isolates the per-packet machinery (frequencies + API costs)
  from the compute model, up to the attribution's own error;
* **inline labels**: the dataset builder's labels in its default mode
  (``clara.dataset.builder.build_program_records``, ``api_calls="inline"``: framework
  headers inlined as in a real build, the instructions run for API calls left out for the
  cost tables), what a perfect compute model trained on them would give;
* **ool labels**: the builder's labels with the framework APIs kept out of line
  (``api_calls="out-of-line"``, the labels the shipped compute model was trained on);
* **baseline**: the IR's own counts, no model and no API table (instructions = IR
  instructions per packet, API calls included as one instruction each; memory = IR stack +
  state + packet accesses per packet).

The NF/API split is compared two ways: as QEMU attributes by DWARF line (``nf``/``api``) and
by call chain (``clara.runtime.qemu.run.chain_split``: an instruction belongs to the API the
element called, as Clara's IR sees it), with the per-API predicted and QEMU counts.
Goal (issue 5): |error| <= 10% on instructions and <= 15% on memory for every workload, on
>= 10 NFs.

    .venv/bin/python benchmarks/per_packet_accuracy.py [--target bluefield2] [--packets 10000]
        [--nf MiniNAT ...] [--workload small-flows ...] [--no-write]
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

from clara.analyze import AnalyzedModule, analyze_module
from clara.dataset.builder import ProgramSource, build_program_records, plugin_line_counts
from clara.insights import nic_cost as nc
from clara.insights.compute import module_backend_counts, predict_blocks
from clara.insights.per_packet import block_frequencies
from clara.ir.features import ModuleFeatures
from clara.runtime.api_costs import load_table
from clara.runtime.qemu.labels import real_build_labels
from clara.runtime.qemu.run import (
    ChainSplit,
    ExecutionCounts,
    chain_split,
    count_execution,
    cross_build,
)
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
LABEL_KINDS = ("real", "inline", "ool")  # NF parts from per-block labels (module docstring)


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


Labels = dict[tuple[str, str], tuple[float, float]]  # (function, block) -> (insns, memory)


def builder_labels(element: Element, target: str, api_calls: str) -> Labels:
    """The dataset builder's labels of the element (``api_calls``: inline or out-of-line)."""
    result = build_program_records(ProgramSource(element.name, element.source),
                                   load_target(target), CompileOptions(), api_calls=api_calls)
    return {(r["function"], r["block"]): (r["target_compute"] + r["target_memory"],
                                          r["target_memory"]) for r in result.records}


def real_labels(module: AnalyzedModule, element: Element, binary: Path) -> Labels:
    """The builder's attribution of the element's code in the QEMU binary (APIs as built)."""
    counts = plugin_line_counts(module.features.blocks)
    blocks = real_build_labels(binary, element.source, module.features, counts)
    return {k: (c.compute + c.memory, c.memory) for k, c in blocks.items()}


def labelled_nf(labels: Labels, frequencies: Mapping[tuple[str, str], float]
                ) -> dict[str, float]:
    """The NF part from the builder's labels: frequency x labelled counts."""
    return {"instructions": sum(f * labels.get(k, (0.0, 0.0))[0] for k, f in frequencies.items()),
            "memory": sum(f * labels.get(k, (0.0, 0.0))[1] for k, f in frequencies.items())}


def predict(features: ModuleFeatures, predictions: Mapping[Any, Any], table: Mapping[str, Any],
            profile: Mapping[str, Any]) -> tuple[nc.NicCost, dict[tuple[str, str], float]]:
    frequencies = block_frequencies(profile, key="block")
    sites = nc.site_calls_per_packet(features.blocks, frequencies)
    api = nc.api_cost_per_packet(profile["api_events"], table, sites)
    return nc.nic_cost_per_packet(frequencies, predictions, api), frequencies


def catalog_of(name: str, table: Mapping[str, Any]) -> str:
    """The catalog API of a costed name: an event's own name, a table entry's catalog."""
    if name in nc.EVENT_RULES or name == nc.FOLDED:
        return name
    return str(table["apis"][name]["catalog"])


def per_api(cost: nc.NicCost, split: ChainSplit, table: Mapping[str, Any]
            ) -> dict[str, dict[str, list[float]]]:
    """Per catalog API: predicted and QEMU (by call chain) instructions and memory."""
    out: dict[str, dict[str, list[float]]] = {}
    for name, c in cost.api.costed.items():
        row = out.setdefault(catalog_of(name, table), {"predicted": [0.0, 0.0],
                                                      "qemu": [0.0, 0.0]})
        row["predicted"][0] += c.instructions
        row["predicted"][1] += c.memory
    for name, (i, m) in split.apis.items():
        row = out.setdefault(name, {"predicted": [0.0, 0.0], "qemu": [0.0, 0.0]})
        row["qemu"] = [i, m]
    return dict(sorted(out.items()))


def _labelled(cost: nc.NicCost, nf: Mapping[str, float], truth: Mapping[str, float],
              split: ChainSplit) -> dict[str, Any]:
    """A prediction with ``nf`` as its NF part and the API costs of ``cost``."""
    total = {"instructions": nf["instructions"] + cost.api.instructions,
             "memory": nf["memory"] + cost.api.memory}
    return {**total, "nf_instructions": nf["instructions"], "nf_memory": nf["memory"],
            "error": {"instructions": rel_error(total["instructions"], truth["instructions"]),
                      "memory": rel_error(total["memory"], truth["memory"]),
                      "nf_instructions_chain": rel_error(nf["instructions"], split.nf[0]),
                      "nf_memory_chain": rel_error(nf["memory"], split.nf[1])}}


def compare(cost: nc.NicCost, labels: Mapping[str, Mapping[str, float]],
            base: Mapping[str, float], qemu: ExecutionCounts, split: ChainSplit,
            table: Mapping[str, Any]) -> dict[str, Any]:
    truth = {"instructions": qemu.nf.instructions + qemu.api.instructions,
             "memory": qemu.nf.memory + qemu.api.memory}
    pred = {"instructions": cost.instructions, "memory": cost.memory}
    return {
        "predicted": {**pred, "nf_instructions": cost.nf_instructions,
                      "api_instructions": cost.api.instructions, "nf_memory": cost.nf_memory,
                      "api_memory": cost.api.memory, "not_costed": cost.api.not_costed},
        **{f"{kind}_labels": _labelled(cost, nf, truth, split) for kind, nf in labels.items()},
        "qemu": {**truth, "nf_instructions": qemu.nf.instructions,
                 "api_instructions": qemu.api.instructions, "nf_memory": qemu.nf.memory,
                 "api_memory": qemu.api.memory, "other_instructions": qemu.other.instructions,
                 "chain": {"nf_instructions": split.nf[0], "nf_memory": split.nf[1],
                           "api_instructions": split.api[0], "api_memory": split.api[1]}},
        "baseline": dict(base),
        "apis": per_api(cost, split, table),
        "error": {
            "instructions": rel_error(cost.instructions, truth["instructions"]),
            "memory": rel_error(cost.memory, truth["memory"]),
            "nf_instructions": rel_error(cost.nf_instructions, qemu.nf.instructions),
            "api_instructions": rel_error(cost.api.instructions, qemu.api.instructions),
            "nf_memory": rel_error(cost.nf_memory, qemu.nf.memory),
            "api_memory": rel_error(cost.api.memory, qemu.api.memory),
            # the same parts against the call-chain split of the same counts
            "nf_instructions_chain": rel_error(cost.nf_instructions, split.nf[0]),
            "api_instructions_chain": rel_error(cost.api.instructions, split.api[0]),
            "api_memory_chain": rel_error(cost.api.memory, split.api[1]),
            # share of the total's absolute error from each part (call-chain split)
            "nf_part": (cost.nf_instructions - split.nf[0]) / truth["instructions"],
            "api_part": (cost.api.instructions - split.api[0]) / truth["instructions"],
        },
        "baseline_error": {"instructions": rel_error(base["instructions"], truth["instructions"]),
                           "memory": rel_error(base["memory"], truth["memory"])},
    }


def run_element(element: Element, target: str, packets: int, presets: list[str],
                traces: Mapping[str, Path]) -> list[dict[str, Any]]:
    work = WORK / element.name
    work.mkdir(parents=True, exist_ok=True)
    module = analyze_module(element.source, CompileOptions(), work, element.name)
    profile = load_target(target)
    backends = module_backend_counts(element.source, module.features, profile,
                                     CompileOptions(), work / "backends")
    predictions = predict_blocks(module.features, profile, backends)
    table = load_table(target)
    binary = cross_build(element.source, element.name, target)
    labels = {"real": real_labels(module, element, binary),
              "inline": builder_labels(element, target, "inline"),
              "ool": builder_labels(element, target, "out-of-line")}
    rows = []
    for preset in presets:
        t0 = time.perf_counter()
        profile = profile_nf(element.source, trace=traces[preset],
                             work_dir=work / f"profile-{preset}").document
        cost, frequencies = predict(module.features, predictions, table, profile)
        pcs = work / f"qemu-{preset}.pcs"
        qemu = count_execution(binary, traces[preset], element.config, element.port,
                               require_ip=element.require_ip, outputs=element.outputs, pcs=pcs)
        split = chain_split(binary, pcs, qemu.packets)
        rows.append({"nf": element.name, "workload": preset,
                     "spec": workload_spec(preset, packets),
                     "packets": profile["packets"]["processed"], "qemu_packets": qemu.packets,
                     **compare(cost, {k: labelled_nf(v, frequencies) for k, v in labels.items()},
                               baseline(module.features, frequencies), qemu, split, table),
                     "seconds": time.perf_counter() - t0})
        real = rows[-1]["real_labels"]["error"]
        print(f"  {element.name} {preset}: {rows[-1]['error']['instructions']:+.1%} "
              f"instructions, {rows[-1]['error']['memory']:+.1%} memory (real labels "
              f"{real['instructions']:+.1%}, {real['memory']:+.1%})", file=sys.stderr)
    return rows


def _get(row: Mapping[str, Any], path: str) -> float:
    value: Any = row
    for key in path.split("."):
        value = value[key]
    return float(value)


def _max_abs(rows: list[dict[str, Any]], path: str) -> float:
    return max(abs(_get(r, path)) for r in rows)


ERRORS = {  # summary name -> path in a row
    "instructions": "error.instructions", "memory": "error.memory",
    "real_labels_instructions": "real_labels.error.instructions",
    "real_labels_memory": "real_labels.error.memory",
    "inline_labels_instructions": "inline_labels.error.instructions",
    "inline_labels_memory": "inline_labels.error.memory",
    "ool_labels_instructions": "ool_labels.error.instructions",
    "ool_labels_memory": "ool_labels.error.memory",
    "api_instructions_chain": "error.api_instructions_chain",
    "baseline_instructions": "baseline_error.instructions",
}


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    by_nf: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_nf.setdefault(r["nf"], []).append(r)
    per_nf = {}
    for nf, mine in by_nf.items():
        s = {f"max_{name}": _max_abs(mine, path) for name, path in ERRORS.items()}
        for kind in ("", "real_labels_", "inline_labels_", "ool_labels_"):
            s[f"{kind}meets_instructions"] = s[f"max_{kind}instructions"] <= INSTRUCTION_BOUND
            s[f"{kind}meets_memory"] = s[f"max_{kind}memory"] <= MEMORY_BOUND
        per_nf[nf] = s

    def mean_abs(path: str) -> float:
        return sum(abs(_get(r, path)) for r in rows) / len(rows) if rows else 0.0

    def count(key: str) -> int:
        return sum(s[key] for s in per_nf.values())

    met = count("meets_instructions")
    return {
        "per_nf": per_nf,
        "nfs_meeting_instruction_bound": met,
        "nfs_meeting_memory_bound": count("meets_memory"),
        "goal_met": met >= NF_GOAL,
        **{f"{kind}_labels_nfs_meeting_{what}_bound": count(f"{kind}_labels_meets_{part}")
           for kind in LABEL_KINDS
           for what, part in (("instruction", "instructions"), ("memory", "memory"))},
        "mean_abs_error": {k: mean_abs(f"error.{k}") for k in
                           ("instructions", "memory", "nf_instructions", "api_instructions",
                            "nf_memory", "api_memory", "nf_instructions_chain",
                            "api_instructions_chain", "api_memory_chain")},
        **{f"{kind}_labels_mean_abs_error": {
            k: mean_abs(f"{kind}_labels.error.{k}") for k in
            ("instructions", "memory", "nf_instructions_chain", "nf_memory_chain")}
           for kind in LABEL_KINDS},
        "baseline_mean_abs_error": {k: mean_abs(f"baseline_error.{k}")
                                    for k in ("instructions", "memory")},
    }


def table_text(rows: list[dict[str, Any]]) -> str:
    header = ["nf", "workload", "qemu insns", "model", "err", "real lbl", "inline lbl",
              "ool lbl", "base", "API", "vs chain", "qemu mem", "model", "real lbl"]
    body = [[r["nf"], r["workload"], f"{r['qemu']['instructions']:.1f}",
             f"{r['predicted']['instructions']:.1f}", f"{r['error']['instructions']:+.1%}",
             f"{r['real_labels']['error']['instructions']:+.1%}",
             f"{r['inline_labels']['error']['instructions']:+.1%}",
             f"{r['ool_labels']['error']['instructions']:+.1%}",
             f"{r['baseline_error']['instructions']:+.1%}",
             f"{r['predicted']['api_instructions']:.1f}",
             f"{r['error']['api_instructions_chain']:+.1%}",
             f"{r['qemu']['memory']:.1f}", f"{r['error']['memory']:+.1%}",
             f"{r['real_labels']['error']['memory']:+.1%}"]
            for r in rows]
    return format_table(header, body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="bluefield2")
    parser.add_argument("--packets", type=int, default=10000)
    parser.add_argument("--nf", action="append", help="element class (default: all)")
    parser.add_argument("--workload", action="append", choices=sorted(WORKLOADS))
    parser.add_argument("--no-write", action="store_true",
                        help="print the table only (for a subset while iterating)")
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
    nfs = len(summary["per_nf"])
    print(f"\nNFs within {INSTRUCTION_BOUND:.0%} on instructions for every workload: "
          f"model {summary['nfs_meeting_instruction_bound']}/{nfs} (goal {NF_GOAL}), real "
          f"labels {summary['real_labels_nfs_meeting_instruction_bound']}/{nfs}, inline "
          f"labels {summary['inline_labels_nfs_meeting_instruction_bound']}/{nfs}, ool labels "
          f"{summary['ool_labels_nfs_meeting_instruction_bound']}/{nfs}; within "
          f"{MEMORY_BOUND:.0%} on memory: model {summary['nfs_meeting_memory_bound']}/{nfs}, "
          f"real labels {summary['real_labels_nfs_meeting_memory_bound']}/{nfs}, inline "
          f"labels {summary['inline_labels_nfs_meeting_memory_bound']}/{nfs}, ool labels "
          f"{summary['ool_labels_nfs_meeting_memory_bound']}/{nfs}")
    for label, key in (("model", "mean_abs_error"),
                       ("real labels", "real_labels_mean_abs_error"),
                       ("inline labels", "inline_labels_mean_abs_error"),
                       ("ool labels", "ool_labels_mean_abs_error"),
                       ("baseline (IR counts, no model)", "baseline_mean_abs_error")):
        print(f"mean |error|, {label}: "
              + ", ".join(f"{k} {v:.1%}" for k, v in summary[key].items()))
    if args.no_write:
        return 0
    path = write_result("per_packet_accuracy", {
        "target": args.target, "packets": args.packets, "workloads": {
            p: workload_spec(p, args.packets) for p in presets},
        "bounds": {"instructions": INSTRUCTION_BOUND, "memory": MEMORY_BOUND, "nfs": NF_GOAL},
        "compute_model": f"compute-{args.target}", "api_table": args.target,
        "primary": "model: the compute model's per-block predictions (issue 5's target)",
        "real_labels": "NF part: the dataset builder's attribution of the element's code in the "
                       "binary QEMU runs (API calls left out), same frequencies and API costs",
        "inline_labels": "NF part: the dataset builder's labels with API calls inline (the "
                         "default mode: headers inlined as in a real build, API-call "
                         "instructions left out), same frequencies and API costs",
        "ool_labels": "NF part: the dataset builder's labels with API calls out of line (the "
                      "labels the shipped compute model was trained on), same frequencies "
                      "and API costs",
        "baseline": "IR counts per packet, no model and no API table",
        "chain": "QEMU's element code split by call chain: an instruction is the API's when "
                 "an outer frame of its inline chain is a catalog API",
        "summary": summary, "rows": rows, "seconds": time.perf_counter() - t0,
    })
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
