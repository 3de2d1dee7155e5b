"""SARIF 2.1.0 rendering of an insights document (for editors and code-scanning services).

Each insight record becomes a ``result`` whose ``ruleId`` is ``clara/<kind>`` and whose
``properties`` carry the record's numbers; the rules are listed once in the driver.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_LEVEL = {"note": "note", "warning": "warning", "error": "error"}
RULE_HELP = {
    "function-summary": "IR instruction counts of an NF function by kind, with its API calls.",
    "api-call": "A call into the NF framework API; on the NIC it runs a reverse-ported version.",
    "state-access": "A read or write of state that persists across packets.",
    "unclassified": "Code Clara could not classify; its cost is not modelled.",
    "block-cost": "Predicted NIC compute instructions and memory accesses of one IR block.",
    "function-cost": "Predicted NIC cost of a packet-path function, summed over its blocks.",
    "model-missing": "The target has no shipped model for an insight; it was not computed.",
    "accelerator": "Code that implements an algorithm a SmartNIC engine runs faster.",
    "per-packet": "Per-packet cost over the profiled workload.",
    "hot-block": "A block that carries much of the per-packet work.",
    "per-packet-nic": "Predicted NIC instructions, memory accesses and cycles per packet.",
    "hot-block-nic": "A block that carries much of the predicted NIC work per packet.",
    "placement": "Memory level suggested for a state variable (ILP over the memory levels).",
    "coalescing": "State variables to pack together and access with one memory operation.",
    "scaleout": "The core count past which more cores stop paying for their latency.",
    "colocation": "A pair of NFs ranked by how well they share one NIC.",
    "pipeline-element": "One element of a Click configuration: its class, configuration and "
                        "cost per packet it receives.",
    "pipeline-path": "A source-to-sink path of a Click configuration and its cost per packet.",
    "hot-element": "The element of a Click configuration that carries the most work per "
                   "packet entering it.",
    "hot-block-pipeline": "The block of a Click configuration that carries the most work per "
                          "packet entering it.",
}


def _artifact_uri(file: str) -> str:
    path = Path(file)
    return path.resolve().as_uri() if path.is_absolute() else path.as_posix()


def _result(record: dict[str, Any]) -> dict[str, Any]:
    loc = record["location"]
    region: dict[str, int] = {"startLine": max(1, int(loc["line"]))}
    if loc.get("column"):
        region["startColumn"] = int(loc["column"])
    return {
        "ruleId": f"clara/{record['kind']}",
        "level": SARIF_LEVEL.get(record.get("severity", "note"), "note"),
        "message": {"text": record["message"]},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": _artifact_uri(loc["file"])},
                "region": region,
            },
            "logicalLocations": [{"name": record.get("function", ""), "kind": "function"}],
        }],
        "properties": {"block": record.get("block", ""), "data": record.get("data", {})},
    }


def render_sarif(document: dict[str, Any]) -> dict[str, Any]:
    """The SARIF log object for ``document`` (serialise with ``json.dumps``)."""
    kinds = sorted({r["kind"] for r in document["records"]})
    rules = [
        {
            "id": f"clara/{kind}",
            "name": kind,
            "shortDescription": {"text": RULE_HELP.get(kind, kind)},
        }
        for kind in kinds
    ]
    tool = document["tool"]
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": tool["name"],
                "version": tool["version"],
                "rules": rules,
            }},
            "results": [_result(r) for r in document["records"]],
            "properties": {"target": document.get("target")},
        }],
    }
