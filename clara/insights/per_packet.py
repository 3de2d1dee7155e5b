"""Per-packet cost from a workload profile: block frequencies applied to per-block numbers.

Given an insights document and the ``clara.profile/1`` document of the same source, every
block gets ``per_packet`` (executions per processed packet), every function the per-packet sum
of its blocks' counts by kind, and the document gets ``hot-block`` records for the blocks that
carry most of the per-packet work. Until a compute model exists for the target, the numbers
are IR instructions, and the records say so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from clara.insights.ir_summary import insight, location
from clara.ir.features import KINDS

HOT_BLOCKS = 3


def _packets(profile: Mapping[str, Any]) -> int:
    return int(profile["packets"]["processed"])


# Element members the framework calls to configure or inspect an element; a driver may call
# them per packet (clara_driver asks processing() where each packet goes), but they are no
# packet work.
FRAMEWORK_QUERY = re.compile(
    r"::(class_name|port_count|processing|flow_code|flags|cast|configure_phase|configure|"
    r"add_handlers|initialize|take_state|cleanup|can_live_reconfigure|live_reconfigure)\(")


def framework_queries(profile: Mapping[str, Any]) -> set[str]:
    """The profiled functions that are :data:`FRAMEWORK_QUERY` members (mangled names)."""
    return {f["function"] for f in profile.get("functions", ())
            if FRAMEWORK_QUERY.search(f.get("demangled", ""))}


def block_frequencies(profile: Mapping[str, Any],
                      key: str = "index") -> dict[tuple[str, Any], float]:
    """(function, block ``key``) -> executions per processed packet (packet phase), for
    every block but those of :func:`framework_queries`.

    ``key`` is ``"index"`` (the feature records' block index) or ``"block"`` (its IR name).
    """
    packets = max(1, _packets(profile))
    queries = framework_queries(profile)
    return {(b["function"], b[key]): b["count"] / packets for b in profile["blocks"]
            if b["function"] not in queries}


def _work(block: dict[str, Any]) -> float:
    return block["per_packet"] * block["n_instructions"]


def _hot_records(functions: list[dict[str, Any]], total: float) -> list[dict[str, Any]]:
    blocks = [(f, b) for f in functions for b in f["blocks"] if b["per_packet"] > 0]
    blocks.sort(key=lambda fb: _work(fb[1]), reverse=True)
    records = []
    for rank, (function, block) in enumerate(blocks[:HOT_BLOCKS], start=1):
        work = _work(block)
        share = work / total if total else 0.0
        records.append(insight(
            "hot-block", block["location"],
            f"hot block #{rank} ({block['block']}): runs {block['per_packet']:.2f}x per "
            f"packet, {work:.1f} IR instructions per packet ({share:.0%} of the packet path)",
            function=function["function"], block=block["block"],
            data={"rank": rank, "per_packet": block["per_packet"],
                  "ir_instructions_per_packet": work, "share": share}))
    return records


def _profile_summary(profile: dict[str, Any], total: float, source: str) -> dict[str, Any]:
    per_packet = profile["per_packet"]
    return insight(
        "per-packet", location(source, 1),
        f"per packet over {_packets(profile)} packets of "
        f"{profile.get('workload') or 'the trace'}: {total:.1f} IR instructions, "
        f"{per_packet['state_loads']:.2f} state loads, "
        f"{per_packet['state_stores']:.2f} state stores, "
        f"{per_packet['api_calls']:.2f} framework API calls (LLVM IR-level counts, before any "
        "target model)",
        data={**per_packet, "packets": _packets(profile), "ir_instructions": total})


def apply_profile(document: dict[str, Any], profile: dict[str, Any], source: str) -> None:
    """Add per-packet numbers and records for ``source`` to ``document`` (in place)."""
    frequencies = block_frequencies(profile)
    mine = [f for f in document["functions"] if f["source"] == source]
    for function in mine:
        per_kind = dict.fromkeys(KINDS, 0.0)
        for block in function["blocks"]:
            block["per_packet"] = frequencies.get((function["function"], block["index"]), 0.0)
            for kind in KINDS:
                per_kind[kind] += block["per_packet"] * block["counts"][kind]
        function["per_packet"] = per_kind
    # The packet path only: a driver may call configuration-time methods per packet.
    path = [f for f in mine if f["is_packet_entry"]] or mine
    total = sum(_work(b) for f in path for b in f["blocks"])
    document.setdefault("profiles", []).append({
        "source": source, "packets": _packets(profile), "complete": profile["complete"],
        "workload": profile.get("workload"), "trace": profile.get("trace"),
    })
    document["records"].append(_profile_summary(profile, total, source))
    document["records"].extend(_hot_records(path, total))
