"""Reading the plugin's ``clara.features/3`` JSONL records into typed objects.

The record shapes are specified in docs/design.md ("clara-features"). Unknown extra keys
are ignored so a newer plugin does not break an older reader. Schema 1 records (an older
plugin) are read too; they lack the blocks' ``opt`` object (``Block.opt`` is None).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clara.errors import ClaraError

FEATURES_SCHEMA = "clara.features/3"
READABLE_SCHEMAS = ("clara.features/1", FEATURES_SCHEMA)
KINDS = ("compute", "mem.stack", "mem.state", "mem.packet", "api", "control")


@dataclass(frozen=True)
class ApiCall:
    name: str
    demangled: str
    line: int
    column: int
    # per argument, what it is ("c4" a constant, "a0" an argument, "s3" a local assigned
    # once, in casts: "zext(s3)"); equal strings are the same value, "" is unknown
    args: tuple[str, ...] = ()


@dataclass(frozen=True)
class StateAccess:
    object: str
    field: str
    offset: int
    size: int
    is_store: bool
    line: int


@dataclass(frozen=True)
class InlinedRun:
    """Consecutive tokens of a block whose code ``clara-prepare`` inlined from helpers (the
    record's ``inlined`` runs): ``tokens[start:start + count]``, the first source line among
    them, and the helpers (demangled), innermost first, without the block's own function."""

    start: int
    count: int
    line: int
    chain: tuple[str, ...]


@dataclass(frozen=True)
class BlockDataFlow:
    """A block's def-use facts (the record's ``dataflow`` object; zeros when absent).

    Counts of the block's instructions: data loads whose address index is computed from a
    value loaded in the same loop (the function, outside loops) — a table indexed by data;
    data loads whose address comes, by address arithmetic only, from a value loaded in the
    previous iteration — pointer/index chasing; rotates; and/or/xor/select with a constant of
    at least 12 significant bits that is not a mask; multiplies by an odd constant of at least
    8 bits; data loads that read only constant globals (data fixed at compile time) and whose
    value is compared with something: a fixed list being matched (a filter's rules; a routing
    table is filled at run time); stores (or, in SSA code, loop-header phis) that keep a
    best-so-far: a local replaced under a condition, inside a loop that goes on, by a value
    computed from a data load of the loop, and read after it (a longest-prefix scan keeps its
    match so; a first-match scan leaves the loop with it). ``trip_count``: on a loop header,
    the loop's constant trip count (an upper bound if it also has data-dependent exits),
    else 0. ``origin``: the function the block's code was written in (a helper inlined by
    clara-prepare keeps its own name), "" without debug info.
    """

    data_indexed_loads: int = 0
    chase_loads: int = 0
    rotates: int = 0
    bitwise_big_const: int = 0
    mul_odd_const: int = 0
    const_match_loads: int = 0
    best_updates: int = 0
    trip_count: int = 0
    origin: str = ""


@dataclass(frozen=True)
class OptimizedCounts:
    """What LLVM -O2, run on a clone of the module, keeps of the block's source lines (the
    record's ``opt`` object): instructions, memory accesses and calls, per inlined copy
    (clara_passes/include/OptLines.h); ``api``/``api_memory``: the part of them a real
    build folds into the inlined framework API code (the API calls and what only computes
    their arguments)."""

    instructions: float
    memory: float
    calls: float
    api: float = 0.0
    api_memory: float = 0.0


def _optimized(rec: dict[str, Any] | None) -> OptimizedCounts | None:
    if rec is None:
        return None
    return OptimizedCounts(float(rec["instructions"]), float(rec["memory"]),
                           float(rec["calls"]), float(rec.get("api", 0.0)),
                           float(rec.get("api_memory", 0.0)))


def _dataflow(rec: dict[str, Any]) -> BlockDataFlow:
    counts = {k: int(rec[k]) for k in BlockDataFlow.__dataclass_fields__
              if k != "origin" and k in rec}
    return BlockDataFlow(**counts, origin=str(rec.get("origin", "")))


@dataclass(frozen=True)
class Block:
    """One basic block of an NF function, as the plugin measured it."""

    function: str
    name: str
    index: int
    succs: tuple[int, ...]
    loop_depth: int
    file: str
    lines: tuple[int, ...]
    first_line: int
    first_column: int
    # per source line, (line, column, file) of the block's first instruction on it, in
    # instruction order (the first entry is the first located instruction)
    line_locs: tuple[tuple[int, int, str], ...]
    n_instructions: int
    tokens: tuple[str, ...]
    counts: dict[str, int]
    line_counts: dict[int, int]
    # the same per (line, call path): the call sites ("line:col", innermost first, ";"
    # joined) through which clara-prepare inlined the line's code; "" in its own function
    path_counts: dict[tuple[int, str], int]
    api_calls: tuple[ApiCall, ...]
    state_accesses: tuple[StateAccess, ...]
    is_entry: bool
    is_exit: bool
    dataflow: BlockDataFlow = field(default_factory=BlockDataFlow)
    opt: OptimizedCounts | None = None  # None: written by a schema-1 plugin
    inlined: tuple[InlinedRun, ...] = ()  # () from plugins before the runs were recorded


@dataclass(frozen=True)
class Function:
    name: str
    demangled: str
    file: str
    line: int
    n_blocks: int
    n_instructions: int
    return_blocks: int
    is_packet_entry: bool
    callees: tuple[dict[str, str], ...]


@dataclass(frozen=True)
class StateVariable:
    object: str
    field: str
    type: str
    offset: int
    size: int
    scope: str


@dataclass(frozen=True)
class FeatureWarning:
    function: str
    block: str
    line: int
    message: str


@dataclass
class ModuleFeatures:
    """Everything the plugin reported for one module."""

    module: str
    source_file: str
    functions: list[Function] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    state: list[StateVariable] = field(default_factory=list)
    warnings: list[FeatureWarning] = field(default_factory=list)

    def blocks_of(self, function: str) -> list[Block]:
        return [b for b in self.blocks if b.function == function]


def _block(rec: dict[str, Any]) -> Block:
    return Block(
        function=rec["function"],
        name=rec["block"],
        index=int(rec["index"]),
        succs=tuple(int(s) for s in rec.get("succs", ())),
        loop_depth=int(rec.get("loop_depth", 0)),
        file=rec.get("file", ""),
        lines=tuple(int(x) for x in rec.get("lines", ())),
        first_line=int(rec.get("first_line", 0)),
        first_column=int(rec.get("first_column", 0)),
        line_locs=tuple((int(line), int(column), str(file))
                        for line, column, file in rec.get("line_locs", ())),
        n_instructions=int(rec.get("n_instructions", 0)),
        tokens=tuple(rec.get("tokens", ())),
        counts={k: int(rec.get("counts", {}).get(k, 0)) for k in KINDS},
        line_counts={int(line): int(n) for line, n in rec.get("line_counts", {}).items()},
        path_counts={(int(key.split("@", 1)[0]), key.split("@", 1)[1]): int(n)
                     for key, n in rec.get("path_counts", {}).items()},
        api_calls=tuple(
            ApiCall(c["name"], c.get("demangled", c["name"]), int(c.get("line", 0)),
                    int(c.get("column", 0)), tuple(str(a) for a in c.get("args", ())))
            for c in rec.get("api_calls", ())
        ),
        state_accesses=tuple(
            StateAccess(a["object"], a.get("field", ""), int(a.get("offset", 0)),
                        int(a.get("size", 0)), bool(a.get("is_store", False)),
                        int(a.get("line", 0)))
            for a in rec.get("state_accesses", ())
        ),
        is_entry=bool(rec.get("is_entry", False)),
        is_exit=bool(rec.get("is_exit", False)),
        dataflow=_dataflow(rec.get("dataflow", {})),
        opt=_optimized(rec.get("opt")),
        inlined=tuple(InlinedRun(int(start), int(count), int(line), tuple(map(str, chain)))
                      for start, count, line, chain in rec.get("inlined", ())),
    )


def _function(rec: dict[str, Any]) -> Function:
    return Function(
        name=rec["function"],
        demangled=rec.get("demangled", rec["function"]),
        file=rec.get("file", ""),
        line=int(rec.get("line", 0)),
        n_blocks=int(rec.get("blocks", 0)),
        n_instructions=int(rec.get("instructions", 0)),
        return_blocks=int(rec.get("return_blocks", 0)),
        is_packet_entry=bool(rec.get("is_packet_entry", False)),
        callees=tuple(rec.get("callees", ())),
    )


def _state(rec: dict[str, Any]) -> StateVariable:
    return StateVariable(
        object=rec["object"],
        field=rec.get("field", ""),
        type=rec.get("type", ""),
        offset=int(rec.get("offset", 0)),
        size=int(rec.get("size", 0)),
        scope=rec.get("scope", "global"),
    )


def _warning(rec: dict[str, Any]) -> FeatureWarning:
    return FeatureWarning(
        function=rec.get("function", ""),
        block=rec.get("block", ""),
        line=int(rec.get("line", 0)),
        message=rec["message"],
    )


def parse_features(lines: Iterable[str], origin: str) -> ModuleFeatures:
    """Parse JSONL feature records; ``origin`` names the source in error messages."""
    features = ModuleFeatures(module="", source_file="")
    readers = {"function": _function, "block": _block, "state": _state, "warning": _warning}
    targets: dict[str, list[Any]] = {
        "function": features.functions,
        "block": features.blocks,
        "state": features.state,
        "warning": features.warnings,
    }
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if rec.get("schema") not in READABLE_SCHEMAS:
                raise ValueError(f"schema {rec.get('schema')!r}, expected one of "
                                 f"{', '.join(READABLE_SCHEMAS)}")
            kind = rec.get("record")
            if kind == "module":
                features.module = rec.get("module", "")
                features.source_file = rec.get("source_file", "")
            elif kind in readers:
                targets[kind].append(readers[kind](rec))
            else:
                raise ValueError(f"unknown record kind {kind!r}")
        except (ValueError, KeyError, TypeError) as err:
            raise ClaraError(
                f"{origin}:{number}: malformed feature record ({err}); the plugin and the "
                "Python package may be from different versions: rebuild with scripts/setup.sh"
            ) from err
    return features


def read_features(path: Path) -> ModuleFeatures:
    """Read a features JSONL file written by ``clara-features``."""
    with path.open() as handle:
        return parse_features(handle, str(path))

