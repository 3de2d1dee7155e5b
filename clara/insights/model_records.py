"""Model-based insights in an analysis: compute predictions per block, accelerator regions.

``apply_compute_predictions`` fills each block's ``predictions`` with the target's compute
model (clara.insights.compute) and adds ``block-cost``/``function-cost`` records;
``accelerator_records`` turns the accelerator detector's regions (clara.accel.detect) into
``accelerator`` records with the target's engine and, when a profile gives block frequencies,
the software cost per packet the engine would replace.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clara.accel.detect import Detection
from clara.accel.regions import Region
from clara.insights.compute import BlockPrediction
from clara.insights.ir_summary import insight, location
from clara.targets.profile import TargetProfile

PREDICTED = ("compute", "memory", "memory_state", "memory_stack", "memory_packet")


def _prediction_record(p: BlockPrediction) -> dict[str, Any]:
    return {"model": p.model, "compute": round(p.compute, 3), "memory": round(p.memory, 3),
            "memory_state": round(p.memory_state, 3), "memory_stack": round(p.memory_stack, 3),
            "memory_packet": round(p.memory_packet, 3), "unknown_tokens": p.unknown_tokens}


def _block_cost(function: dict[str, Any], block: dict[str, Any], target: str) -> dict[str, Any]:
    p = block["predictions"]
    # a block without a source line (an inlined callee's exit, a merged return) is reported
    # at its function's line, not at line 0, which editors and SARIF viewers cannot show
    where = block["location"] if block["location"]["line"] else function["location"]
    return insight("block-cost", where,
                   f"block {block['block']}: ~{p['compute']:.0f} compute, {p['memory']:.0f} "
                   f"memory ({p['memory_state']:.0f} state) on {target}",
                   function=function["function"], block=block["block"], data=dict(p))


def _function_cost(function: dict[str, Any], target: str, model: str) -> dict[str, Any]:
    totals = function["predicted"]
    return insight("function-cost", function["location"],
                   f"{function['demangled']} on {target}: ~{totals['compute']:.0f} compute "
                   f"instructions, {totals['memory']:.0f} memory accesses "
                   f"({totals['memory_state']:.0f} state, {totals['memory_stack']:.0f} stack) "
                   f"over its blocks, predicted by {model}; framework API calls are priced "
                   "separately", function=function["function"],
                   block=function["blocks"][0]["block"] if function["blocks"] else "",
                   data={"model": model, **totals})


def apply_compute_predictions(document: dict[str, Any], source: str,
                              predictions: Mapping[tuple[str, str], BlockPrediction],
                              target: str, reported: set[str]) -> None:
    """Fill the blocks of ``source``'s functions and add cost records (in place)."""
    for function in (f for f in document["functions"] if f["source"] == source):
        totals = dict.fromkeys(PREDICTED, 0.0)
        model = ""
        for block in function["blocks"]:
            prediction = predictions.get((function["function"], block["block"]))
            if prediction is None:
                continue
            model = prediction.model
            block["predictions"] = _prediction_record(prediction)
            for key in PREDICTED:
                totals[key] += block["predictions"][key]
        function["predicted"] = {k: round(v, 3) for k, v in totals.items()}
        if function["function"] in reported and model:
            document["records"].append(_function_cost(function, target, model))
            document["records"].extend(
                _block_cost(function, b, target) for b in function["blocks"]
                if "compute" in b["predictions"] and b["n_instructions"])


def region_entries(region: Region, succs: Mapping[int, tuple[int, ...]],
                   frequency: Mapping[int, float]) -> float:
    """Times per packet the region is entered: its header's executions minus back edges.

    A back edge is counted as its latch's executions: exact when every latch branches only to
    the header (clang's -O0 for/while loops), an over-count of back edges otherwise.
    """
    if region.kind == "function":
        return frequency.get(region.header, 0.0)
    back = sum(frequency.get(b, 0.0) for b in region.blocks if region.header in succs[b])
    return max(frequency.get(region.header, 0.0) - back, 0.0)


# how a remark names what a region computes, and the engine for it (the detector's classes)
COMPUTES = {"crc": "a CRC", "checksum": "an Internet checksum",
            "lpm": "a longest-prefix match", "hash": "a hash", "crypto": "cryptography"}
ENGINE = {"crc": "CRC", "checksum": "checksum", "lpm": "LPM", "hash": "hash",
          "crypto": "crypto"}


def _engine_phrase(cls: str, target: TargetProfile | None) -> str:
    if target is None:
        return "pass --target to see the NIC's engine for it"
    engines = [a for a in target.accelerators if a.kind == cls]
    if not engines:
        return f"{target.name} lists no {ENGINE[cls]} engine"
    engine = engines[0]
    cost = (f", {engine.cycles_per_call:.0f} cycles per call" if engine.cycles_per_call
            else ", no published cycle count")
    article = "an" if ENGINE[cls] == "LPM" else "a"
    return f"{target.name} has {article} {ENGINE[cls]} engine ({engine.name}{cost})"


def accelerator_records(detections: list[Detection], regions: Mapping[tuple, Region],
                        block_costs: Mapping[tuple[str, int], float],
                        frequencies: Mapping[tuple[str, int], float] | None,
                        succs: Mapping[tuple[str, int], tuple[int, ...]],
                        target: TargetProfile | None) -> list[dict[str, Any]]:
    """One ``accelerator`` record per detection.

    ``block_costs`` are the instructions of one execution of each block (predicted compute
    when a model ran, else IR instructions); with ``frequencies`` (executions per packet) the
    record also gives the software instructions per packet and the engine's cycles per packet.
    """
    records = []
    for d in detections:
        region = regions[(d.function, d.region, d.header, d.helper)]
        what = {"function": "function",
                "inlined": f"inlined {d.helper.split('(')[0]}"}.get(d.region, "loop")
        share = dict(zip(region.blocks, region.share or (1.0,) * len(region.blocks),
                         strict=True))
        engine = _engine_phrase(d.cls, target)
        evidence = f"proven by execution: {d.proof}" if d.proof else f"p={d.probability:.2f}"
        message = f"{what} computes {COMPUTES[d.cls]} ({evidence}); {engine}"
        data: dict[str, Any] = {"class": d.cls, "probability": d.probability,
                                "region": d.region, "blocks": list(region.blocks),
                                **({"proof": d.proof} if d.proof else {})}
        if frequencies is not None:
            freq = {b: frequencies.get((d.function, b), 0.0) for b in region.blocks}
            software = sum(freq[b] * share[b] * block_costs.get((d.function, b), 0.0)
                           for b in region.blocks)
            entries = region_entries(region, {b: succs[(d.function, b)] for b in region.blocks},
                                     freq)
            data |= {"software_instructions_per_packet": software, "calls_per_packet": entries}
            message += f"; software: ~{software:.0f} instructions per packet"
            unit = next((a for a in (target.accelerators if target else ())
                         if a.kind == d.cls and a.cycles_per_call), None)
            if unit is not None and unit.cycles_per_call is not None:
                hardware = unit.cycles_per_call * entries
                data["engine_cycles_per_packet"] = hardware
                message += f" -> ~{hardware:.0f} engine cycles per packet"
        records.append(insight("accelerator", location(d.file, d.first_line), message,
                               function=d.function, block=d.header_block, data=data))
    return records
