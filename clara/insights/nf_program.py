"""An analyzed, profiled NF as ``ProgramFeatures``, for the scale-out and colocation models.

The scale-out and colocation models read an NF as per-packet costs in physical units
(clara.insights.program_features). For an NF that ``clara analyze`` profiled, those come
from the analysis itself: compute instructions per packet from the compute model's block
predictions times block frequencies (IR compute instructions where the target has no compute
model, flagged in ``caveats``), memory accesses per level from the state placement, accelerator
calls from the accelerator regions, and table probes from the profile's API events.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from clara.insights.placement import PlacementResult
from clara.insights.program_features import ProgramFeatures

TABLE_FINDS = ("HashMap::find", "HashTable::find")
CONTAINER_TYPES = ("HashMap<", "HashTable<")


def compute_per_packet(functions: Sequence[dict[str, Any]]) -> tuple[float, bool]:
    """Compute instructions per packet over the packet path; True when predicted by a model."""
    path = [f for f in functions if f["is_packet_entry"]] or list(functions)
    blocks = [b for f in path for b in f["blocks"]]
    predicted = bool(blocks) and all("compute" in b["predictions"] for b in blocks)
    key = (lambda b: b["predictions"]["compute"]) if predicted else (
        lambda b: b["counts"]["compute"])
    return sum(b.get("per_packet", 0.0) * key(b) for b in blocks), predicted


def accesses_per_level(placement: PlacementResult | None, nf: str) -> dict[str, float]:
    """State accesses per packet by memory level, from the placement of ``nf``'s objects."""
    levels: dict[str, float] = {}
    for a in placement.assignments if placement else ():
        if a.obj.nf != nf:
            continue
        for share in a.shares:
            name = share.option.level.name
            levels[name] = levels.get(name, 0.0) + a.obj.accesses_per_packet * share.fraction
    return levels


def table_probes(api_events: Mapping[str, Any]) -> float:
    """Hash-table slots examined per packet (lookups x their mean probe length)."""
    return sum(float(e["per_packet"]) * float(e["probe_len"]["mean"])
               for name, e in api_events.items() if name in TABLE_FINDS)


def nf_program(name: str, functions: Sequence[dict[str, Any]], state: Sequence[dict[str, Any]],
               profile: Mapping[str, Any], placement: PlacementResult | None, nf: str,
               accelerators: Sequence[dict[str, Any]]) -> tuple[ProgramFeatures, list[str]]:
    """The NF's ``ProgramFeatures`` and the caveats on how they were obtained."""
    compute, predicted = compute_per_packet(functions)
    caveats = [] if predicted else [
        "compute instructions per packet are IR counts: the target has no compute model"]
    calls: dict[str, float] = {}
    for record in accelerators:
        cls = record["data"]["class"]
        calls[cls] = calls.get(cls, 0.0) + record["data"].get("calls_per_packet", 0.0)
    program = ProgramFeatures(
        name=name,
        compute_instructions=compute,
        mem_accesses=accesses_per_level(placement, nf),
        accelerator_calls=calls,
        table_probes=table_probes(profile["api_events"]),
        tables=sum(1 for s in state if s["type"].startswith(CONTAINER_TYPES)),
    )
    return program, caveats
