"""The model-free insight: per-function and per-block IR facts, as ``clara.insights/1``.

Builds the ``insights.json`` document from the plugin's feature records: counts by
``!clara.kind``, framework API calls, state objects with sizes and accesses, and warnings.
Model-based insights (compute prediction, per-packet cost) later fill each block's
``predictions`` and add records of their own; every renderer reads only this document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from clara import __version__
from clara.ir.features import KINDS, Block, FeatureWarning, Function, ModuleFeatures

INSIGHTS_SCHEMA = "clara.insights/1"


@dataclass(frozen=True)
class SourceInput:
    """One analyzed source file and how it was compiled."""

    file: str
    language: str
    compile_command: Sequence[str]


def location(file: str, line: int, column: int = 0) -> dict[str, Any]:
    return {"file": file, "line": line, "column": column}


def insight(kind: str, where: dict[str, Any], message: str, *, function: str = "",
            block: str = "", severity: str = "note",
            data: dict[str, Any] | None = None) -> dict[str, Any]:
    """One ``clara.insights/1`` record: what every renderer reports."""
    return {"kind": kind, "severity": severity, "function": function, "block": block,
            "location": where, "message": message, "data": data or {}}


def _sum_counts(blocks: Iterable[Block]) -> dict[str, int]:
    total = Counter({kind: 0 for kind in KINDS})
    for block in blocks:
        total.update(block.counts)
    return dict(total)


def _api_histogram(blocks: Iterable[Block]) -> dict[str, int]:
    return dict(Counter(call.name for block in blocks for call in block.api_calls))


def _block_record(block: Block) -> dict[str, Any]:
    return {
        "block": block.name,
        "index": block.index,
        "location": location(block.file, block.first_line, block.first_column),
        "lines": list(block.lines),
        "loop_depth": block.loop_depth,
        "succs": list(block.succs),
        "n_instructions": block.n_instructions,
        "counts": block.counts,
        "api_calls": [
            {"name": c.name, "demangled": c.demangled, "line": c.line, "column": c.column}
            for c in block.api_calls
        ],
        "state_accesses": [
            {"object": a.object, "field": a.field, "offset": a.offset, "size": a.size,
             "is_store": a.is_store, "line": a.line}
            for a in block.state_accesses
        ],
        "is_entry": block.is_entry,
        "is_exit": block.is_exit,
        "predictions": {},
    }


def state_key(obj: str, field: str) -> str:
    """How a state variable is named in messages: ``Class::field`` or the global's name."""
    return f"{obj}::{field}" if field else obj


def _function_record(function: Function, blocks: list[Block], source: str) -> dict[str, Any]:
    return {
        "function": function.name,
        "source": source,
        "demangled": function.demangled,
        "location": location(function.file, function.line),
        "is_packet_entry": function.is_packet_entry,
        "n_blocks": len(blocks),
        "return_blocks": function.return_blocks,
        "counts": _sum_counts(blocks),
        "api_calls": _api_histogram(blocks),
        "blocks": [_block_record(b) for b in sorted(blocks, key=lambda b: b.index)],
    }


def _state_records(module: ModuleFeatures) -> list[dict[str, Any]]:
    loads: Counter[tuple[str, str]] = Counter()
    stores: Counter[tuple[str, str]] = Counter()
    for block in module.blocks:
        for access in block.state_accesses:
            (stores if access.is_store else loads)[(access.object, access.field)] += 1
    records = []
    for var in module.state:
        key = (var.object, var.field)
        records.append({
            "object": var.object,
            "field": var.field,
            "type": var.type,
            "size": var.size,
            "scope": var.scope,
            "module": module.source_file,
            "accesses": {"loads": loads[key], "stores": stores[key]},
        })
    return records


def _counts_phrase(counts: dict[str, int]) -> str:
    parts = [f"{counts[k]} {k}" for k in KINDS if counts.get(k)]
    return ", ".join(parts) if parts else "no instructions"


def _function_summary(record: dict[str, Any], state_names: list[str]) -> dict[str, Any]:
    counts = record["counts"]
    total = sum(counts.values())
    apis = record["api_calls"]
    message = (
        f"{record['demangled']}: {record['n_blocks']} blocks, {total} IR instructions "
        f"({_counts_phrase(counts)})"
    )
    if apis:
        message += "; framework API: " + ", ".join(f"{n} x{c}" for n, c in sorted(apis.items()))
    if state_names:
        message += "; state: " + ", ".join(state_names)
    entry = record["blocks"][0]["block"] if record["blocks"] else ""
    return insight("function-summary", record["location"], message,
                   function=record["function"], block=entry,
                   data={"counts": counts, "api_calls": apis, "instructions": total,
                         "blocks": record["n_blocks"], "state": state_names})


def _block_records(function: str, block: Block) -> list[dict[str, Any]]:
    records = []
    for call in block.api_calls:
        records.append(insight(
            "api-call", location(block.file, call.line, call.column),
            f"framework API call {call.name} (reverse-ported on the NIC)",
            function=function, block=block.name,
            data={"api": call.name, "demangled": call.demangled}))
    by_line: dict[int, list[str]] = {}
    for access in block.state_accesses:
        verb = "write" if access.is_store else "read"
        by_line.setdefault(access.line, []).append(
            f"{verb} {state_key(access.object, access.field)} ({access.size} B)"
        )
    for line, accesses in sorted(by_line.items()):
        records.append(insight("state-access", location(block.file, line),
                               "state access: " + ", ".join(accesses),
                               function=function, block=block.name,
                               data={"accesses": accesses}))
    return records


def _warning_record(module: ModuleFeatures, warning: FeatureWarning) -> dict[str, Any]:
    return insight("unclassified", location(module.source_file, warning.line),
                   warning.message, function=warning.function, block=warning.block,
                   severity="warning")


def _module_state_names(module: ModuleFeatures, blocks: list[Block]) -> list[str]:
    seen = dict.fromkeys(
        state_key(a.object, a.field) for b in blocks for a in b.state_accesses
    )
    return list(seen)


def _empty_module_record(module: ModuleFeatures) -> dict[str, Any]:
    return insight("unclassified", location(module.source_file, 1),
                   "no function bodies of the NF's own were found: methods defined inside a "
                   "class are only emitted when used; define the element's methods in the "
                   ".cc file", severity="warning")


def reported_functions(module: ModuleFeatures) -> list[Function]:
    """The functions whose blocks get records: the packet path, or everything if none is.

    Constructors, ``configure`` and handlers run once, not per packet; their numbers stay in
    the document's ``functions`` but would drown the packet path's remarks.
    """
    entries = [f for f in module.functions if f.is_packet_entry]
    return entries or list(module.functions)


def summarize_module(module: ModuleFeatures) -> dict[str, Any]:
    """The functions, state and records of one module (a part of ``clara.insights/1``)."""
    functions = [_function_record(f, module.blocks_of(f.name), module.source_file)
                 for f in module.functions]
    records = []
    reported = {f.name for f in reported_functions(module)}
    for function, record in zip(module.functions, functions, strict=True):
        if function.name not in reported:
            continue
        blocks = module.blocks_of(function.name)
        records.append(_function_summary(record, _module_state_names(module, blocks)))
        for block in sorted(blocks, key=lambda b: b.index):
            records.extend(_block_records(function.name, block))
    records.extend(_warning_record(module, w) for w in module.warnings
                   if w.function in reported)
    if not module.functions:
        records.append(_empty_module_record(module))
    return {"functions": functions, "state": _state_records(module), "records": records}


def build_insights(
    modules: Sequence[ModuleFeatures],
    inputs: Sequence[SourceInput],
    target: str | None = None,
) -> dict[str, Any]:
    """The ``clara.insights/1`` document for the analyzed modules."""
    document: dict[str, Any] = {
        "schema": INSIGHTS_SCHEMA,
        "tool": {"name": "clara", "version": __version__},
        "target": target,
        "inputs": [
            {"file": i.file, "language": i.language, "compile_command": list(i.compile_command)}
            for i in inputs
        ],
        "functions": [],
        "state": [],
        "records": [],
    }
    for module in modules:
        part = summarize_module(module)
        for key in ("functions", "state", "records"):
            document[key].extend(part[key])
    return document

