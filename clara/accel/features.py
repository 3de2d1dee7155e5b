"""Region -> feature vector: pattern presence plus structural features.

The vector is the 0/1 presence of each shipped sequential pattern (``clara.accel.patterns``)
followed by ``STRUCTURAL_FEATURES``: sizes, nesting, and densities (per mining-view token) of
the idioms the paper names and that separate the classes — bitwise/shift/xor density, shifts
by constants, table loads indexed by loaded data (CRC tables, S-boxes, DIR-24-8 arrays),
pointer chasing in a loop (trie walks), compare-and-branch against constants (fixed round or
trip counts), multiplies by constants (multiplicative hashes), rotate idioms (funnel-shift
intrinsics, or ``shl c``/``lshr c``/``or`` close together), one's-complement folds
(``lshr c`` then ``add``: checksums), byte loads, calls. The tokens carry no def-use edges,
so "indexed by loaded data" and "address from a previous load" are read from token order
within a short window; the window sizes are constants below.

The ``df_*`` features come from the plugin's per-block ``dataflow`` facts, which follow def-use
edges (through -O0 stack slots too): densities of loads indexed by a value loaded in the same
loop, of loads addressed through a value loaded in the previous iteration (pointer or index
chasing), of exact rotates, of and/or/xor/select with big non-mask constants and of multiplies
by odd constants, of loads of constant globals whose value is compared (a list fixed at
compile time being matched, as a filter's rules are; a routing table is filled at run
time), of best-so-far updates (a local replaced, under a condition, by a loaded value
inside a loop that goes on, and read after it: the longest match a prefix scan or trie walk
keeps; a first-match scan leaves the loop instead); whether any indexed or chasing load, or
best-so-far update, is present; the log2 trip count of a loop with a constant (or bounded)
trip count and the largest one among its inner loops.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from clara.accel.patterns import (
    Pattern,
    PatternList,
    mining_view,
    presence_vector,
    region_patterns,
    view_op,
)
from clara.accel.regions import FUNCTION, INLINED, LOOP, Region

WINDOW = 6  # tokens of the mining view an idiom may span

STRUCTURAL_FEATURES: tuple[str, ...] = (
    "log_tokens", "log_blocks", "is_loop", "depth", "log_inner_loops", "log_exits",
    "bitwise", "xor", "shift", "shift_const", "rotate", "add_sub", "mul", "mul_const",
    "cmp", "cmp_const_branch", "select", "load", "store", "load_byte", "table_load",
    "data_indexed_load", "pointer_chase", "index_chase", "ones_complement_fold", "bswap",
    "call_extern", "call_api", "header_field", "zext_byte", "trunc",
    "df_data_indexed", "df_has_data_indexed", "df_chase", "df_has_chase", "df_rotate",
    "df_big_const", "df_mul_odd", "df_const_match", "df_best_update", "df_has_best_update",
    "df_trip", "df_inner_trip",
)


def _is_bitwise(tok: str) -> bool:
    return view_op(tok) in ("and", "or", "xor")


def _is_shift(tok: str) -> bool:
    return view_op(tok) in ("shl", "lshr", "ashr")


def _ends_const(tok: str) -> bool:
    return tok.endswith(" c")


def _is_load(tok: str) -> bool:
    return tok.startswith("load ")


def _is_index_gep(tok: str) -> bool:
    """A getelementptr with a variable last index (an array element chosen by data)."""
    return tok.startswith("getelementptr") and tok.endswith(" v")


def _window_has(view: Sequence[str], end: int, test: Callable[[str], bool]) -> bool:
    return any(test(t) for t in view[max(0, end - WINDOW):end])


def _count_idioms(view: Sequence[str]) -> dict[str, int]:
    c = dict.fromkeys(("table_load", "data_indexed_load", "rotate", "fold", "cmp_branch",
                       "index_chase"), 0)
    for i, tok in enumerate(view):
        nxt = view[i + 1] if i + 1 < len(view) else ""
        if _is_index_gep(tok) and _is_load(nxt):
            c["table_load"] += 1
            before = view[max(0, i - WINDOW):i]
            if any(_is_load(t) for t in before) and any(_is_bitwise(t) or _is_shift(t)
                                                        for t in before):
                c["data_indexed_load"] += 1
            if any(_is_load(t) for t in before) and not any(_is_bitwise(t) for t in before):
                c["index_chase"] += 1
        if view_op(tok) == "or" and _window_has(view, i, lambda t: t.startswith("shl") and
                                            _ends_const(t)) and \
                _window_has(view, i, lambda t: t.startswith("lshr") and _ends_const(t)):
            c["rotate"] += 1
        if tok.startswith("call llvm.fsh"):
            c["rotate"] += 1
        if view_op(tok) == "add" and _window_has(view, i, lambda t: t.startswith("lshr") and
                                             _ends_const(t)):
            c["fold"] += 1
        if tok.startswith("icmp") and _ends_const(tok) and nxt == "br cond":
            c["cmp_branch"] += 1
    return c


def dataflow_features(region: Region, n: int) -> dict[str, float]:
    """The ``df_*`` features of a region whose mining view has ``n`` (>= 1) tokens."""
    flows = dict(zip(region.blocks, region.dataflow, strict=True))
    indexed = sum(f.data_indexed_loads for f in flows.values())
    chase = sum(f.chase_loads for f in flows.values())
    best = sum(f.best_updates for f in flows.values())
    own_trip = flows[region.header].trip_count if region.kind == LOOP else 0
    inner = max((f.trip_count for i, f in flows.items()
                 if i != region.header or region.kind != LOOP), default=0)
    return {
        "df_data_indexed": indexed / n,
        "df_has_data_indexed": 1.0 if indexed else 0.0,
        "df_chase": chase / n,
        "df_has_chase": 1.0 if chase else 0.0,
        "df_rotate": sum(f.rotates for f in flows.values()) / n,
        "df_big_const": sum(f.bitwise_big_const for f in flows.values()) / n,
        "df_mul_odd": sum(f.mul_odd_const for f in flows.values()) / n,
        "df_const_match": sum(f.const_match_loads for f in flows.values()) / n,
        "df_best_update": best / n,
        "df_has_best_update": 1.0 if best else 0.0,
        "df_trip": math.log2(1 + own_trip),
        "df_inner_trip": math.log2(1 + inner),
    }


def structural_features(region: Region, view: Sequence[str]) -> np.ndarray:
    """The ``STRUCTURAL_FEATURES`` of a region, given its mining view."""
    n = max(len(view), 1)
    ops = [view_op(t) for t in view]
    idioms = _count_idioms(view)
    raw_ptr_chase = sum(1 for t in region.tokens
                        if t.startswith("load ptr") and not t.endswith(" stack"))

    def dens(count: int) -> float:
        return count / n

    values = {
        "log_tokens": math.log1p(len(view)),
        "log_blocks": math.log1p(len(region.blocks)),
        "is_loop": 1.0 if region.kind == LOOP else 0.0,
        "depth": float(min(region.depth, 4)),
        "log_inner_loops": math.log1p(region.inner_loops),
        "log_exits": math.log1p(region.exits),
        "bitwise": dens(sum(1 for t in view if _is_bitwise(t))),
        "xor": dens(ops.count("xor")),
        "shift": dens(sum(1 for t in view if _is_shift(t))),
        "shift_const": dens(sum(1 for t in view if _is_shift(t) and _ends_const(t))),
        "rotate": dens(idioms["rotate"]),
        "add_sub": dens(ops.count("add") + ops.count("sub")),
        "mul": dens(ops.count("mul")),
        "mul_const": dens(sum(1 for t in view if view_op(t) == "mul" and _ends_const(t))),
        "cmp": dens(ops.count("icmp")),
        "cmp_const_branch": dens(idioms["cmp_branch"]),
        "select": dens(ops.count("select")),
        "load": dens(ops.count("load")),
        "store": dens(ops.count("store")),
        "load_byte": dens(sum(1 for t in view if t.startswith("load i8"))),
        "table_load": dens(idioms["table_load"]),
        "data_indexed_load": dens(idioms["data_indexed_load"]),
        "pointer_chase": dens(raw_ptr_chase) if region.kind == LOOP else 0.0,
        "index_chase": dens(idioms["index_chase"]) if region.kind == LOOP else 0.0,
        "ones_complement_fold": dens(idioms["fold"]),
        "bswap": dens(sum(1 for t in view if t.startswith("call llvm.bswap"))),
        "call_extern": dens(sum(1 for t in view if t == "call extern")),
        "call_api": dens(sum(1 for t in view if t == "call api")),
        "header_field": dens(sum(1 for t in view if " hdr" in t)),
        "zext_byte": dens(sum(1 for t in view if t.startswith("zext i8"))),
        "trunc": dens(ops.count("trunc")),
        **dataflow_features(region, n),
    }
    return np.array([values[name] for name in STRUCTURAL_FEATURES])


def feature_names(patterns: Sequence[Pattern]) -> list[str]:
    """Names of the vector's columns: ``pattern:<i>``, the region's structural features,
    then the same structural features of its context (``function:<name>``: the enclosing
    function, or the inlined helper a loop was written in, ``Region.scope``)."""
    return ([f"pattern:{i}" for i in range(len(patterns))] + list(STRUCTURAL_FEATURES)
            + [f"function:{name}" for name in STRUCTURAL_FEATURES])


def context_rows(regions: Sequence[Region], structural: np.ndarray) -> np.ndarray:
    """Each region's context row: its enclosing function's row of ``structural`` (which
    ``regions`` must hold), for a loop of an inlined helper its scope's features, for an
    inlined helper its own."""
    own = {r.key[0]: i for i, r in enumerate(regions) if r.kind == FUNCTION}
    scoped: dict[tuple[str, str, int, str], np.ndarray] = {}
    rows = []
    for i, r in enumerate(regions):
        if r.kind == INLINED:
            rows.append(structural[i])
            continue
        if r.scope is None:
            rows.append(structural[own[r.function]])
            continue
        if r.scope.key not in scoped:
            scoped[r.scope.key] = structural_features(r.scope, mining_view(r.scope.tokens))
        rows.append(scoped[r.scope.key])
    return np.array(rows).reshape(len(regions), -1)


def region_vectors(regions: Sequence[Region], patterns: PatternList) -> np.ndarray:
    """Feature vectors (one row per region) under a pattern list; see ``feature_names``."""
    views = [mining_view(r.tokens) for r in regions]
    width = len(patterns.tokens) + 2 * len(STRUCTURAL_FEATURES)
    if not regions:
        return np.zeros((0, width))
    presence = np.array([presence_vector(region_patterns(v, patterns.k, patterns.max_gap),
                                         patterns.tokens) for v in views])
    structural = np.array([structural_features(r, v) for r, v in zip(regions, views,
                                                                     strict=True)])
    return np.hstack([presence.reshape(len(regions), -1), structural,
                      context_rows(regions, structural)])
