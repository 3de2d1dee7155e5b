"""Control-flow graphs as successor maps (node -> successor nodes): reachability, dominators,
back edges and natural loops. Used for the IR blocks of the plugin's records (accelerator
regions) and for the basic blocks of target code (the asm reader's loop depths).

Dominators by the iterative data-flow algorithm over the nodes reachable from the entry; a
back edge is an edge ``u -> h`` whose target dominates its source; the natural loop of a
header is the header plus every node that reaches one of its back edges' sources without
passing through the header (back edges that share a header form one loop).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def reachable(succs: Mapping[int, Sequence[int]], entry: int) -> list[int]:
    """Blocks reachable from ``entry``, in reverse postorder."""
    seen: set[int] = set()
    post: list[int] = []
    stack: list[tuple[int, int]] = [(entry, 0)]
    seen.add(entry)
    while stack:
        node, i = stack.pop()
        out = succs.get(node, ())
        if i < len(out):
            stack.append((node, i + 1))
            nxt = out[i]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, 0))
        else:
            post.append(node)
    return post[::-1]


def dominators(succs: Mapping[int, Sequence[int]], entry: int) -> dict[int, frozenset[int]]:
    """Dominator sets of the blocks reachable from ``entry`` (iterative data flow)."""
    order = reachable(succs, entry)
    nodes = set(order)
    preds: dict[int, list[int]] = {n: [] for n in order}
    for n in order:
        for s in succs.get(n, ()):
            if s in nodes:
                preds[s].append(n)
    everything = frozenset(order)
    dom: dict[int, frozenset[int]] = {n: everything for n in order}
    dom[entry] = frozenset((entry,))
    changed = True
    while changed:
        changed = False
        for n in order:
            if n == entry:
                continue
            meet = frozenset.intersection(*(dom[p] for p in preds[n])) if preds[n] else \
                frozenset()
            new = meet | {n}
            if new != dom[n]:
                dom[n] = new
                changed = True
    return dom


def back_edges(succs: Mapping[int, Sequence[int]], entry: int) -> list[tuple[int, int]]:
    """Edges ``(u, h)`` whose target ``h`` dominates their source ``u``."""
    dom = dominators(succs, entry)
    return sorted((u, h) for u in dom for h in succs.get(u, ()) if h in dom.get(u, ()))


def natural_loops(succs: Mapping[int, Sequence[int]], entry: int,
                  back: Sequence[tuple[int, int]] | None = None) -> dict[int, frozenset[int]]:
    """Header -> the blocks of its natural loop (all back edges to that header merged);
    ``back``: the graph's back edges when the caller has them already."""
    preds: dict[int, list[int]] = {}
    for u, outs in succs.items():
        for s in outs:
            preds.setdefault(s, []).append(u)
    loops: dict[int, set[int]] = {}
    for u, h in back_edges(succs, entry) if back is None else back:
        body = loops.setdefault(h, {h})
        work = [u]
        while work:
            n = work.pop()
            if n not in body:
                body.add(n)
                work.extend(preds.get(n, ()))
    return {h: frozenset(b) for h, b in sorted(loops.items())}
