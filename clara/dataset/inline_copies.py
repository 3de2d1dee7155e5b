"""Matching the target compiler's code to the IR's inlined copies by call path.

``clara-prepare`` inlines every own helper at every call, so a helper called from three
places has three IR copies of its lines; the target compiler (gcc -O2) inlines some calls
and keeps the helper out of line for others. Each IR copy runs exactly one target
*instance* of its lines: the code gcc inlined along the copy's own call path, or the
out-of-line helper it calls. This module owns that correspondence, the way the plugin's
``opt`` object already does for LLVM -O2 (clara_passes/include/OptLines.h):

- an IR copy is a key ``(line, call path)`` of the plugin's ``path_counts`` block field,
  the call path being the call sites (``line:col:callee``, innermost first) through which
  ``clara-prepare`` inlined the line's code;
- a target instruction carries the call sites of its inline chain outwards from its NF
  frame (``AsmInstruction.call_path``: call line and the inlined function's name);
- both sides compare call sites as (line, callee name): two calls on one line
  (``mix4(mix3(x))``) are told apart by what they call, not by column (gcc gives none);
- a call path is *inlined* in the target when some target chain holds it as a run of
  consecutive call sites; an IR copy maps to the target instance whose path is the
  longest prefix of its own that is inlined (the empty path: the out-of-line function);
- each execution of an IR copy runs its instance once, so every IR copy mapped to an
  instance gets the instance's instructions in full (split over the copy's blocks on the
  line at the instruction's loop depth, offset by the IR loop depth where the instance's
  function was inlined), divided among gcc's clones of the function that hold the same
  instance (``.constprop``/``.isra`` copies serve different calls).

Without ``path_counts`` (features of an older plugin) nothing maps and the builder keeps
its per-function rule (:func:`clara.dataset.builder.line_home_shares`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from clara.dataset.block_shares import BlockKey, Shares, by_depth, line_shares
from clara.ir.features import Block

Site = tuple[int, str]  # (call line, name of the function inlined there)
Sites = tuple[Site, ...]  # innermost first


@dataclass(frozen=True)
class IRCopy:
    """One inlined IR copy of a line: its blocks with their IR instructions on the line,
    the IR loop depth where the target instance's function sits, and the copy's blocks on
    its other lines ``(line, block, instructions)`` (where hoisted code goes)."""

    blocks: tuple[tuple[BlockKey, int], ...]
    offset: int
    others: tuple[tuple[int, BlockKey, int], ...] = ()
    inlined: bool = True  # clara-prepare inlined it (its call path is not empty)


def path_sites(path: str) -> tuple[str, ...]:
    """The call sites of a plugin call path (``"48:16:bucket;60:3:mix"``), innermost
    first."""
    return tuple(path.split(";")) if path else ()


def site_keys(sites: Sequence[str]) -> Sites:
    """Plugin call sites as (line, callee name)."""
    out = []
    for site in sites:
        line, _column, callee = site.split(":", 2)
        out.append((int(line), callee))
    return tuple(out)


def inlined_runs(paths: Iterable[Sites]) -> set[Sites]:
    """Every run of consecutive call sites of the target chains: the call paths the target
    compiler inlined somewhere."""
    runs: set[Sites] = set()
    for path in paths:
        for begin in range(len(path)):
            for end in range(begin + 1, len(path) + 1):
                runs.add(path[begin:end])
    return runs


def instance_length(sites: Sites, runs: set[Sites]) -> int:
    """How many call sites of an IR copy's path the target inlined too: the longest prefix
    of ``sites`` in ``runs`` (0: the out-of-line function)."""
    length = len(sites)
    while length > 0 and sites[:length] not in runs:
        length -= 1
    return length


def ir_copies(blocks: Sequence[Block], runs: set[Sites]
              ) -> dict[tuple[int, Sites], list[IRCopy]]:
    """For each target instance ``(line, call sites)`` that inlining is involved in (the
    target's or the IR's), the IR copies that run it. Lines of code that neither inlined
    keep the builder's per-function rule."""
    per_copy: dict[tuple[str, int, tuple[str, ...]], list[tuple[BlockKey, int]]] = {}
    per_path: dict[tuple[str, tuple[str, ...]], list[tuple[int, BlockKey, int]]] = {}
    depth_of: dict[tuple[str, tuple[str, ...]], int] = {}  # (function, path suffix)
    for block in blocks:
        key = (block.function, block.name)
        for (line, path), number in block.path_counts.items():
            sites = path_sites(path)
            per_copy.setdefault((block.function, line, sites), []).append((key, number))
            per_path.setdefault((block.function, sites), []).append((line, key, number))
            for begin in range(len(sites) + 1):
                suffix = (block.function, sites[begin:])
                depth_of[suffix] = min(depth_of.get(suffix, block.loop_depth),
                                       block.loop_depth)
    out: dict[tuple[int, Sites], list[IRCopy]] = {}
    for (function, line, sites), items in per_copy.items():
        keys = site_keys(sites)
        length = instance_length(keys, runs)
        offset = depth_of[(function, sites[length:])] if length < len(sites) else 0
        others = tuple(o for o in per_path[(function, sites)] if o[0] != line)
        out.setdefault((line, keys[:length]), []).append(
            IRCopy(tuple(items), offset, others, bool(sites)))
    return {instance: copies for instance, copies in out.items()
            if instance[1] or any(c.inlined for c in copies)}


def copy_shares(copies: Sequence[IRCopy], line: int, depth: int,
                depths: Mapping[BlockKey, int], weight: float) -> Shares:
    """A target instruction on ``line`` at loop depth ``depth`` run by each of ``copies``:
    ``weight`` to each copy, split by IR instructions on the line over the copy's blocks at
    the instruction's depth plus the copy's offset; code hoisted above all of them goes to
    the copy's blocks at that depth on its nearest other line (on a tie the earlier, where
    a loop's set-up is); else the nearest depth."""
    shares: Shares = []
    for copy in copies:
        want = depth + copy.offset
        picked = [(k, n) for k, n in copy.blocks if depths.get(k, 0) == want]
        if not picked and want < min(depths.get(k, 0) for k, _ in copy.blocks):
            outside = [o for o in copy.others if depths.get(o[1], 0) == want]
            if outside:
                near = min((o[0] for o in outside), key=lambda n: (abs(n - line), n > line))
                picked = [(k, n) for other, k, n in outside if other == near]
        shares += line_shares(picked or by_depth(copy.blocks, depths, want), weight)
    return shares
