"""Splitting one target instruction over IR blocks: the share types and the two rules that
both the per-function attribution (:mod:`clara.dataset.builder`) and the per-copy one
(:mod:`clara.dataset.inline_copies`) use: pick the blocks at the instruction's loop depth
(else the nearest depth), then split by their IR instructions on the line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

BlockKey = tuple[str, str]  # (IR function, IR block name)
Shares = list[tuple[BlockKey, float]]


def line_shares(items: Sequence[tuple[BlockKey, int]], weight: float = 1.0) -> Shares:
    """``weight`` split over the blocks in proportion to their IR instructions on a line."""
    total = sum(n for _, n in items)
    return [(key, weight * n / total) for key, n in items] if total else []


def by_depth(items: Sequence[tuple[BlockKey, int]], depths: Mapping[BlockKey, int],
             depth: int) -> list[tuple[BlockKey, int]]:
    """The blocks of ``items`` at loop depth ``depth``, else those at the nearest depth:
    a line that spans a loop's set-up and its body (``for (i = 0; i < n; i++)``) goes to
    the blocks whose depth is the target instruction's."""
    if not items:
        return []
    best = min(abs(depths.get(k, 0) - depth) for k, _ in items)
    return [(k, n) for k, n in items if abs(depths.get(k, 0) - depth) == best]
