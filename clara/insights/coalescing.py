"""Variable packing and access coalescing insight: which state variables to read in one access.

The cost model (docs/memory-insights.md): the state lives in one memory level that moves at
most ``width`` bytes in one access, in aligned ``width``-byte windows. Per execution, a block
issues one read per distinct window holding a variable it reads and one write per distinct
window holding a variable it writes; a variable larger than ``width`` (an array, a container)
costs one access per read or write, wherever it is. Accesses per packet are summed over blocks
weighted by their runs per packet; latency = reads x read cycles + writes x write cycles.

The layout (the paper's §4.4): the profile's access vectors of the packable variables (at most
``width`` bytes) are clustered with K-means, implemented here with numpy (k-means++ seeding,
fixed seed, several restarts) so that no training-only dependency is needed at run time. ``k``
is the one whose packed layout has the fewest predicted accesses per packet under the cost
model (ties: the smaller ``k``). Each cluster becomes one pack: its variables ordered by their
hottest block, then by size; packs are laid out hottest first, each starting a new window, or
back to back when that costs fewer accesses (the relative position of clusters, which the
paper's expert search found and its K-means missed). Variables never touched per packet go
last. When no clustering beats the declaration order laid out without gaps, that order is
the suggestion (method ``declaration``, k = 0). Baselines: the declaration order (the
original offsets) and the paper's expert, every order of the variables used by the three
hottest blocks.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from clara.insights.ir_summary import insight, location
from clara.insights.state_inputs import BlockUse, Variable
from clara.targets.profile import MemoryLevel

ASSUMED_ACCESS_BYTES = {
    # assumed: an NFP memory command moves up to 16 transfer registers (64 B) at once
    "agilio-cx": 64,
    # assumed: a cache line (Cortex-A72: 64 B; cnMIPS64 OCTEON III: 128 B)
    "bluefield2": 64,
    "octeon": 128,
}
DEFAULT_ACCESS_BYTES = 64  # assumed: a typical cache line for a target not listed above
K_MAX = 8
RESTARTS = 8
ITERATIONS = 100
SEED = 0
EXPERT_BLOCKS = 3
EXPERT_MAX_VARIABLES = 8  # 8! = 40,320 orders


@dataclass(frozen=True)
class AccessCost:
    """State accesses per packet under a layout, and their memory latency."""

    reads: float
    writes: float
    latency: float

    @property
    def accesses(self) -> float:
        return self.reads + self.writes


@dataclass(frozen=True)
class Pack:
    """One suggested struct: variables in order, their offsets, size and access size."""

    variables: tuple[Variable, ...]
    offsets: tuple[int, ...]
    size: int
    access_bytes: int  # the coalesced read/write size: the pack rounded up to 4 bytes
    accesses_per_packet: float


@dataclass(frozen=True)
class CoalescingResult:
    """The packed layout and the cost model's numbers before and after."""

    method: str
    object_name: str
    packs: tuple[Pack, ...]
    k: int
    width: int
    level: str
    before: AccessCost
    after: AccessCost
    unpacked: tuple[Variable, ...]  # larger than one access: not packed


# --------------------------------------------------------------------------- cost model


def alignment(size: int) -> int:
    """Natural alignment assumed for a variable: the largest power of two dividing it, <= 8."""
    align = 1
    while align < 8 and size % (align * 2) == 0:
        align *= 2
    return align


def lay_out(order: Sequence[Variable], start: int = 0) -> list[int]:
    """Offsets of variables placed back to back from ``start`` with natural alignment."""
    offsets, at = [], start
    for var in order:
        at = -(-at // alignment(var.size)) * alignment(var.size)
        offsets.append(at)
        at += var.size
    return offsets


def windows(offset: int, size: int, width: int) -> range:
    return range(offset // width, (offset + size - 1) // width + 1)


def _touched(names: frozenset[str], offsets: Mapping[str, int], sizes: Mapping[str, int],
             width: int) -> int:
    """Accesses for one block touching ``names``: distinct windows, plus unpacked variables."""
    seen: set[int] = set()
    alone = 0
    for name in names:
        if name in offsets:
            seen.update(windows(offsets[name], sizes[name], width))
        else:
            alone += 1
    return len(seen) + alone


def access_cost(offsets: Mapping[str, int], sizes: Mapping[str, int], uses: Sequence[BlockUse],
                width: int, level: MemoryLevel) -> AccessCost:
    """The cost model: accesses per packet and their latency for packable ``offsets``."""
    reads = sum(u.rate * _touched(u.reads, offsets, sizes, width) for u in uses)
    writes = sum(u.rate * _touched(u.writes, offsets, sizes, width) for u in uses)
    return AccessCost(reads, writes, reads * level.read_cycles + writes * level.write_cycles)


# --------------------------------------------------------------------------- K-means


def _kmeans_pp(points: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    centers = [points[rng.integers(len(points))]]
    for _ in range(1, k):
        dist = np.min([((points - c) ** 2).sum(axis=1) for c in centers], axis=0)
        total = dist.sum()
        pick = rng.choice(len(points), p=dist / total) if total > 0 else rng.integers(len(points))
        centers.append(points[pick])
    return np.array(centers)


def _lloyd(points: np.ndarray, centers: np.ndarray) -> tuple[np.ndarray, float]:
    labels = np.zeros(len(points), dtype=int)
    for _ in range(ITERATIONS):
        dist = ((points[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
        labels = dist.argmin(axis=1)
        moved = np.array([points[labels == c].mean(axis=0) if (labels == c).any() else centers[c]
                          for c in range(len(centers))])
        if np.allclose(moved, centers):
            break
        centers = moved
    inertia = float(((points - centers[labels]) ** 2).sum())
    return labels, inertia


def kmeans(points: np.ndarray, k: int, seed: int = SEED) -> np.ndarray:
    """Cluster labels of ``points`` (rows) into ``k`` clusters: best of seeded restarts."""
    rng = np.random.default_rng(seed)
    best: tuple[float, np.ndarray] | None = None
    for _ in range(RESTARTS):
        labels, inertia = _lloyd(points, _kmeans_pp(points, k, rng))
        if best is None or inertia < best[0] - 1e-12:
            best = (inertia, labels)
    assert best is not None
    return _canonical(best[1])


def _canonical(labels: np.ndarray) -> np.ndarray:
    """Labels renumbered by first appearance, so equal clusterings compare equal."""
    order = {lab: i for i, lab in enumerate(dict.fromkeys(labels.tolist()))}
    return np.array([order[lab] for lab in labels.tolist()])


# --------------------------------------------------------------------------- layouts


def _vector_matrix(names: Sequence[str],
                   vectors: Mapping[str, Mapping[str, float]]) -> tuple[np.ndarray, list[str]]:
    blocks = sorted({b for n in names for b in vectors.get(n, {})})
    matrix = np.array([[vectors.get(n, {}).get(b, 0.0) for b in blocks] for n in names])
    return matrix, blocks


def _order_clusters(hot: Sequence[Variable], labels: np.ndarray, matrix: np.ndarray,
                    heat: Mapping[str, float]) -> list[list[Variable]]:
    """Clusters hottest first; inside one, by hottest block then size (largest first)."""
    clusters: dict[int, list[int]] = {}
    for i, lab in enumerate(labels.tolist()):
        clusters.setdefault(lab, []).append(i)
    ordered = sorted(clusters.values(),
                     key=lambda idx: -sum(heat.get(hot[i].name, 0.0) for i in idx))
    return [[hot[i] for i in sorted(idx, key=lambda i: (int(matrix[i].argmax()), -hot[i].size))]
            for idx in ordered]


def _pack_offsets(packs: Sequence[Sequence[Variable]], width: int,
                  aligned: bool) -> list[list[int]]:
    offsets, at = [], 0
    for pack in packs:
        if aligned:
            at = -(-at // width) * width
        offs = lay_out(pack, at)
        offsets.append(offs)
        at = offs[-1] + pack[-1].size if pack else at
    return offsets


def _flat(packs: Sequence[Sequence[Variable]], offsets: Sequence[Sequence[int]]) -> dict[str, int]:
    return {v.name: o for pack, offs in zip(packs, offsets, strict=True)
            for v, o in zip(pack, offs, strict=True)}


def _heat(uses: Sequence[BlockUse]) -> dict[str, float]:
    heat: dict[str, float] = {}
    for u in uses:
        for name in u.reads | u.writes:
            heat[name] = heat.get(name, 0.0) + u.rate
    return heat


def _packable(variables: Sequence[Variable], width: int) -> list[Variable]:
    return [v for v in variables if not v.container and v.size <= width]


def _make_result(method: str, object_name: str, packs: Sequence[Sequence[Variable]],
                 offsets: Sequence[Sequence[int]], k: int, width: int, level: MemoryLevel,
                 before: AccessCost, after: AccessCost, variables: Sequence[Variable],
                 uses: Sequence[BlockUse]) -> CoalescingResult:
    sizes = {v.name: v.size for v in variables}
    flat = _flat(packs, offsets)
    out = []
    for pack, offs in zip(packs, offsets, strict=True):
        if not pack:
            continue
        size = offs[-1] + pack[-1].size - offs[0]
        names = {v.name for v in pack}
        mine = {n: o for n, o in flat.items() if n in names}
        cost = access_cost(mine, sizes, [BlockUse(u.block, u.rate, u.reads & names,
                                                  u.writes & names) for u in uses], width, level)
        out.append(Pack(tuple(pack), tuple(o - offs[0] for o in offs), size,
                        -(-size // 4) * 4, cost.accesses))
    unpacked = tuple(v for v in variables if v.name not in flat)
    return CoalescingResult(method, object_name, tuple(out), k, width, level.name, before,
                            after, unpacked)


def naive_cost(variables: Sequence[Variable], uses: Sequence[BlockUse], width: int,
               level: MemoryLevel) -> AccessCost:
    """The declaration order: the original offsets (the object assumed window-aligned)."""
    packable = _packable(variables, width)
    return access_cost({v.name: v.offset for v in packable}, {v.name: v.size for v in variables},
                       uses, width, level)


def suggest_packing(variables: Sequence[Variable], vectors: Mapping[str, Mapping[str, float]],
                    uses: Sequence[BlockUse], level: MemoryLevel, width: int,
                    object_name: str = "") -> CoalescingResult:
    """The K-means packed layout, ``k`` chosen by the cost model (see the module doc)."""
    sizes = {v.name: v.size for v in variables}
    uses = [u for u in uses if u.rate > 0]
    heat = _heat(uses)
    packable = _packable(variables, width)
    hot = [v for v in packable if vectors.get(v.name)]
    cold = [v for v in packable if not vectors.get(v.name)]
    before = naive_cost(variables, uses, width, level)
    if not hot:
        packs = [cold] if cold else []
        offs = _pack_offsets(packs, width, aligned=True)
        return _make_result("kmeans", object_name, packs, offs, 0, width, level, before,
                            access_cost(_flat(packs, offs), sizes, uses, width, level),
                            variables, uses)
    matrix, _ = _vector_matrix([v.name for v in hot], vectors)
    declared = [packable]  # the declaration order without gaps: kept when nothing beats it
    offs = _pack_offsets(declared, width, aligned=True)
    best: tuple[float, int, list[list[Variable]], list[list[int]]] = (
        access_cost(_flat(declared, offs), sizes, uses, width, level).accesses, 0, declared,
        offs)
    for k in range(1, min(len(hot), K_MAX) + 1):
        clusters = _order_clusters(hot, kmeans(matrix, k), matrix, heat)
        packs = [*clusters, cold] if cold else clusters
        for aligned in (True, False):
            offs = _pack_offsets(packs, width, aligned)
            cost = access_cost(_flat(packs, offs), sizes, uses, width, level).accesses
            if cost < best[0] - 1e-9:
                best = (cost, k, packs, offs)
    _, k, packs, offs = best
    return _make_result("kmeans" if k else "declaration", object_name, packs, offs, k, width,
                        level, before, access_cost(_flat(packs, offs), sizes, uses, width, level),
                        variables, uses)


def expert_packing(variables: Sequence[Variable], uses: Sequence[BlockUse], level: MemoryLevel,
                   width: int, object_name: str = "") -> CoalescingResult:
    """The paper's expert: every order of the variables the three hottest blocks use, packed
    first; the others follow in declaration order (at most ``EXPERT_MAX_VARIABLES``, hottest)."""
    sizes = {v.name: v.size for v in variables}
    uses = [u for u in uses if u.rate > 0]
    heat = _heat(uses)
    packable = _packable(variables, width)
    top = sorted(uses, key=lambda u: -u.rate)[:EXPERT_BLOCKS]
    wanted = {n for u in top for n in u.reads | u.writes}
    chosen = sorted((v for v in packable if v.name in wanted), key=lambda v: -heat.get(v.name, 0.0))
    chosen = chosen[:EXPERT_MAX_VARIABLES]
    rest = [v for v in packable if v not in chosen]
    best: tuple[float, list[Variable]] | None = None
    for perm in itertools.permutations(chosen):
        order = [*perm, *rest]
        cost = access_cost(dict(zip([v.name for v in order], lay_out(order), strict=True)),
                           sizes, uses, width, level).accesses
        if best is None or cost < best[0] - 1e-9:
            best = (cost, order)
    assert best is not None
    packs = [best[1][:len(chosen)], rest]
    offs = _pack_offsets(packs, width, aligned=False)
    return _make_result("expert", object_name, packs, offs, len(packs), width, level,
                        naive_cost(variables, uses, width, level),
                        access_cost(_flat(packs, offs), sizes, uses, width, level),
                        variables, uses)


# --------------------------------------------------------------------------- report


def _c_identifier(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text).strip("_").lower()


def _c_member(var: Variable) -> str:
    field = var.name.rsplit("::", 1)[-1]
    ctype = var.ctype
    dims = ""
    if "[" in ctype:
        ctype, dims = ctype[:ctype.index("[")].strip(), ctype[ctype.index("["):]
    return f"{ctype} {field}{dims};"


def render_packed_struct(result: CoalescingResult) -> str:
    """The suggested layout as C code: one struct per pack, with its access size in comments."""
    base = _c_identifier(result.object_name) or "state"
    lines = [f"/* clara: packed state layout ({result.method}, k={result.k}, "
             f"{result.width}-byte accesses in {result.level}): "
             f"{result.before.accesses:.2f} -> {result.after.accesses:.2f} accesses/packet, "
             f"{result.before.latency:.0f} -> {result.after.latency:.0f} cycles/packet */"]
    for i, pack in enumerate(result.packs, 1):
        lines.append(f"struct {base}_pack{i} {{  /* {pack.size} B: read and write with one "
                     f"{pack.access_bytes}-byte access; {pack.accesses_per_packet:.2f} "
                     f"accesses/packet */")
        lines += [f"    {_c_member(v)}  /* offset {o} */"
                  for v, o in zip(pack.variables, pack.offsets, strict=True)]
        lines.append(f"}} __attribute__((aligned({min(result.width, 64)})));")
    if result.unpacked:
        lines.append("/* not packed (larger than one access): "
                     + ", ".join(v.name.rsplit("::", 1)[-1] for v in result.unpacked) + " */")
    return "\n".join(lines)


def insight_records(result: CoalescingResult,
                    locations: Mapping[str, tuple[str, int]]) -> list[dict[str, object]]:
    """One ``coalescing`` record per pack (``clara.insights/1``), at its first variable."""
    records: list[dict[str, object]] = []
    for i, pack in enumerate(result.packs, 1):
        file, line = locations.get(pack.variables[0].name, ("", 0))
        names = [v.name.rsplit("::", 1)[-1] for v in pack.variables]
        records.append(insight(
            "coalescing", location(file, line),
            f"pack {', '.join(names)} together ({pack.size} B) and access them with one "
            f"{pack.access_bytes}-byte read/write; the layout cuts state accesses from "
            f"{result.before.accesses:.2f} to {result.after.accesses:.2f} per packet",
            data={"pack": i, "object": result.object_name,
                  "variables": [v.name for v in pack.variables], "offsets": list(pack.offsets),
                  "size": pack.size, "access_bytes": pack.access_bytes,
                  "accesses_per_packet": pack.accesses_per_packet, "k": result.k,
                  "width": result.width, "level": result.level,
                  "before": {"reads": result.before.reads, "writes": result.before.writes,
                             "latency": result.before.latency},
                  "after": {"reads": result.after.reads, "writes": result.after.writes,
                            "latency": result.after.latency},
                  "struct": render_packed_struct(result) if i == 1 else None}))
    return records
