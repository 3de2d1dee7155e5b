"""Candidate regions of an NF for the accelerator-opportunity detector: functions and loops.

A region is either a whole function of the NF's own code (every block the plugin recorded for
it, with the helpers ``clara-prepare`` inlined) or one natural loop (its header and body
blocks). Loops are found here, in Python, from the block records' ``succs``: dominators by the
iterative data-flow algorithm from the entry block, a back edge is an edge ``u -> h`` whose
target dominates its source, and the natural loop of a header is the header plus every block
that reaches one of its back edges' sources without passing through the header (back edges
that share a header form one loop). Nested loops are separate regions.

A region's token sequence is the concatenation of its blocks' compacted tokens **in block
index order** (the order clang laid the blocks out, which follows the source), not a CFG walk;
its blocks' data-flow facts (the plugin's ``dataflow`` object) are kept in the same order.

Every region has a **context**: the code around it that its features are read with. A function
is its own context, and so is a loop written in the function itself; a loop of a helper that
was inlined into the function (its header block's ``origin`` names another function) has as
context the blocks written in that helper (a ``scope`` region), not the whole caller, so a CRC
loop inlined into a packet handler is seen with the CRC helper around it, as in the corpus.

A helper that ``clara-prepare`` inlined can also be a candidate of its own (an ``inlined``
region; only for a model trained with them, ``DEFAULT_KINDS`` leaves them out) when its code
has at least ``MIN_INLINED_VIEW`` mining-view tokens: the tokens the plugin's
``inlined`` runs attribute to it (its own code and that of the helpers it calls, every inlined
copy, in block order), whatever blocks they share with the caller. A loop-free hash finalizer
inlined into a packet handler is no loop and only a small part of the function; as its own
region it looks like the finalizer helpers of the corpus. Its context is itself, as a
function's is. Everything here is a pure function of
:class:`clara.ir.features.ModuleFeatures`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from clara.accel.patterns import mining_view
from clara.cfg import natural_loops
from clara.ir.features import Block, BlockDataFlow, ModuleFeatures

FUNCTION, LOOP, SCOPE, INLINED = "function", "loop", "scope", "inlined"
CANDIDATE_KINDS = (FUNCTION, LOOP, INLINED)
# what a detector is trained on unless asked for more (inlined helpers: measured, not shipped,
# docs/accelerators.md) and what a card without ``region_kinds`` was trained on
DEFAULT_KINDS = (FUNCTION, LOOP)
MIN_INLINED_VIEW = 6  # smaller inlined helpers (accessors, byte swaps) are no candidates


@dataclass(frozen=True)
class Region:
    """One candidate region: a function or a natural loop of one function."""

    function: str           # mangled name, as in the feature records
    demangled: str
    kind: str               # FUNCTION, LOOP, INLINED, or SCOPE (a helper loop's context)
    header: int             # block index: the loop header, or the function's entry block
    blocks: tuple[int, ...]  # block indices, sorted
    first_line: int         # the function's line, or the loop header's first source line
    depth: int              # 0 for a function, 1 for an outermost loop, 2 inside it, ...
    inner_loops: int        # loops nested inside this region
    exits: int              # edges leaving the region (0 for a function)
    tokens: tuple[str, ...]  # blocks' tokens in block index order
    dataflow: tuple[BlockDataFlow, ...]  # per block of ``blocks``, same order
    scope: Region | None = None  # a helper loop's context (see the module docstring)
    helper: str = ""        # INLINED: the helper (demangled)
    enclosing: frozenset[str] = frozenset()  # INLINED: helpers around every copy of it
    share: tuple[float, ...] = ()  # INLINED: per block, the part of its tokens that are the
    # region's (empty: all of every block)

    @property
    def key(self) -> tuple[str, str, int, str]:
        """``(function, kind, header, helper)``: unique within a module."""
        return (self.function, self.kind, self.header, self.helper)


def successor_map(blocks: Sequence[Block]) -> dict[int, tuple[int, ...]]:
    """Block index -> successor indices (edges to unknown indices dropped)."""
    known = {b.index for b in blocks}
    return {b.index: tuple(s for s in b.succs if s in known) for b in blocks}


def entry_block(blocks: Sequence[Block]) -> int:
    """The entry block's index: the one marked ``is_entry``, else the lowest index."""
    marked = [b.index for b in blocks if b.is_entry]
    return marked[0] if marked else min(b.index for b in blocks)


def _region_tokens(by_index: Mapping[int, Block], blocks: Sequence[int]) -> tuple[str, ...]:
    return tuple(t for i in sorted(blocks) for t in by_index[i].tokens)


def _region_dataflow(by_index: Mapping[int, Block],
                     blocks: Sequence[int]) -> tuple[BlockDataFlow, ...]:
    return tuple(by_index[i].dataflow for i in sorted(blocks))


def _first_line(by_index: Mapping[int, Block], header: int, blocks: Sequence[int]) -> int:
    if by_index[header].first_line:
        return by_index[header].first_line
    lines = [by_index[i].first_line for i in sorted(blocks) if by_index[i].first_line]
    return lines[0] if lines else 0


def region_kinds(inlined_helpers: bool) -> tuple[str, ...]:
    """The kinds a detector is trained on: ``DEFAULT_KINDS``, plus INLINED if asked."""
    return (*DEFAULT_KINDS, INLINED) if inlined_helpers else DEFAULT_KINDS


def function_regions(module: ModuleFeatures, function: str,
                     kinds: Sequence[str] = CANDIDATE_KINDS) -> list[Region]:
    """The regions of ``function`` of the given kinds: the function region, its loops (by
    header index), then its inlined helpers (computed only when asked for)."""
    info = next(f for f in module.functions if f.name == function)
    blocks = module.blocks_of(function)
    if not blocks:
        return []
    by_index = {b.index: b for b in blocks}
    succs = successor_map(blocks)
    entry = entry_block(blocks)
    loops = natural_loops(succs, entry)
    all_idx = tuple(sorted(by_index))
    whole = Region(function, info.demangled, FUNCTION, entry, all_idx,
                   info.line or _first_line(by_index, entry, all_idx), 0, len(loops), 0,
                   _region_tokens(by_index, all_idx), _region_dataflow(by_index, all_idx))
    scopes = helper_scopes(function, info.demangled, by_index, loops)
    regions = [whole]
    for header, body in loops.items():
        depth = sum(1 for other in loops.values() if body <= other)
        inner = sum(1 for h, other in loops.items() if h != header and other < body)
        exits = sum(1 for b in body for s in succs[b] if s not in body)
        idx = tuple(sorted(body))
        regions.append(Region(function, info.demangled, LOOP, header, idx,
                              _first_line(by_index, header, idx), depth, inner, exits,
                              _region_tokens(by_index, idx), _region_dataflow(by_index, idx),
                              scopes.get(by_index[header].dataflow.origin)))
    if INLINED in kinds:
        regions += inlined_regions(function, info.demangled, by_index, loops)
    return [r for r in regions if r.kind in kinds]


def inlined_regions(function: str, demangled: str, by_index: Mapping[int, Block],
                    loops: Mapping[int, frozenset[int]]) -> list[Region]:
    """An INLINED region per helper named in the blocks' ``inlined`` runs whose tokens make
    at least ``MIN_INLINED_VIEW`` mining-view tokens (helpers in first-seen order)."""
    tokens: dict[str, list[str]] = {}
    per_block: dict[str, dict[int, int]] = {}
    first: dict[str, tuple[int, int]] = {}
    around: dict[str, frozenset[str]] = {}
    for i in sorted(by_index):
        block = by_index[i]
        for run in block.inlined:
            for depth, helper in enumerate(run.chain):
                tokens.setdefault(helper, []).extend(
                    block.tokens[run.start:run.start + run.count])
                counts = per_block.setdefault(helper, {})
                counts[i] = counts.get(i, 0) + run.count
                first.setdefault(helper, (i, run.line))
                outer = frozenset(run.chain[depth + 1:])
                around[helper] = around.get(helper, outer) & outer
    out = []
    for helper, toks in tokens.items():
        if len(mining_view(toks)) < MIN_INLINED_VIEW:
            continue
        idx = tuple(sorted(per_block[helper]))
        header, line = first[helper]
        inner = sum(1 for body in loops.values() if body <= set(idx))
        share = tuple(per_block[helper][i] / max(len(by_index[i].tokens), 1) for i in idx)
        out.append(Region(function, demangled, INLINED, header, idx,
                          line or _first_line(by_index, header, idx), 0, inner, 0,
                          tuple(toks), _region_dataflow(by_index, idx), helper=helper,
                          enclosing=around[helper], share=share))
    return out


def helper_scopes(function: str, demangled: str, by_index: Mapping[int, Block],
                  loops: Mapping[int, frozenset[int]]) -> dict[str, Region]:
    """Origin -> SCOPE region of the blocks written in that inlined helper (not ``function``
    itself, not blocks without an origin)."""
    members: dict[str, list[int]] = {}
    for i in sorted(by_index):
        origin = by_index[i].dataflow.origin
        if origin and origin != function:
            members.setdefault(origin, []).append(i)
    out: dict[str, Region] = {}
    for origin, idx in members.items():
        inner = sum(1 for body in loops.values() if body <= set(idx))
        out[origin] = Region(function, demangled, SCOPE, idx[0], tuple(idx),
                             _first_line(by_index, idx[0], idx), 0, inner, 0,
                             _region_tokens(by_index, idx), _region_dataflow(by_index, idx))
    return out


def module_regions(module: ModuleFeatures, functions: Sequence[str] | None = None,
                   kinds: Sequence[str] = CANDIDATE_KINDS) -> list[Region]:
    """Regions (of ``kinds``) of every recorded function (or of ``functions``), in record
    order."""
    names = [f.name for f in module.functions] if functions is None else list(functions)
    return [r for name in names for r in function_regions(module, name, kinds)]
