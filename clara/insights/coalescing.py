"""Variable packing and access coalescing insight: which state variables to read in one access.

The cost model (docs/memory-insights.md, "One memory cost model"): state is read and written in
aligned ``width``-byte windows. Per execution, a block issues one read per distinct window
holding a variable it reads and one write per distinct window holding a variable it writes
(a scalar read twice in one block is one read: straight-line code keeps it in a register).
With ``per_packet``, a window holding only read-only variables (configure-time constants) and
counters (written per packet, and read only by blocks that write them) is read at most once
per packet, at its first use, and written at most once, when the packet leaves: its reads are
min(1, the per-block reads) and likewise its writes (the union bound on the chance that a
packet touches it). Other written state (an allocator's free list) is never deferred. Only
packable variables (not containers, at most ``width`` bytes) are laid out here; arrays and
containers cost one access per executed access site wherever they are
(:mod:`clara.insights.memory`).

The layout (the paper's §4.4, extended): the profile's access vectors of the packable
variables are clustered with K-means (numpy: k-means++ seeding, fixed seed, restarts); each
cluster is one pack (a struct starting a new window). Then a local search moves single
variables between packs, into a new pack, or merges two packs, while the cost model's
latency drops (the clusters' relative position, which the paper's expert found and its
K-means missed, and variables whose vectors differ but share hot blocks). ``k`` is the one
whose searched layout costs least (ties: the smaller ``k``). Variables never touched per
packet form the last pack. Baselines: one access per variable (the code as written), the
declaration order (original offsets, ``width`` windows), K-means alone (the paper's method),
the paper's expert (every order of the variables the three hottest blocks use) and the
optimum over every partition of the hot variables into packs (exact, for up to
``OPTIMUM_MAX_VARIABLES``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from clara.insights.ir_summary import insight, location
from clara.insights.state_inputs import BlockUse, Variable

ASSUMED_ACCESS_BYTES = {
    # assumed: an NFP memory command moves up to 16 32-bit transfer registers (64 B) at once
    "agilio-cx": 64,
    # assumed: a cache line (Cortex-A72: 64 B; cnMIPS64 OCTEON III: 128 B)
    "bluefield2": 64,
    "octeon": 128,
}
DEFAULT_ACCESS_BYTES = 64  # assumed: a typical cache line for a target not listed above
PER_PACKET_CAP = 1.0  # a per-packet window: at most one read and one write per packet
K_MAX = 8
RESTARTS = 8
ITERATIONS = 100
SEED = 0
EXPERT_BLOCKS = 3
EXPERT_MAX_VARIABLES = 8  # 8! = 40,320 orders
OPTIMUM_MAX_VARIABLES = 12  # the subset recursion visits 3^12 = 531,441 (pack, rest) pairs
EPS = 1e-9


def access_bytes(target: str) -> int:
    """The assumed access width of ``target`` (its files carry no access-size key)."""
    return ASSUMED_ACCESS_BYTES.get(target, DEFAULT_ACCESS_BYTES)


@dataclass(frozen=True)
class Weights:
    """Cycles of one read and one write where the packed state lives (1, 1: count accesses)."""

    read: float = 1.0
    write: float = 1.0


@dataclass(frozen=True)
class AccessCost:
    """State accesses per packet under a layout, and their memory latency."""

    reads: float
    writes: float
    latency: float

    @property
    def accesses(self) -> float:
        return self.reads + self.writes

    def __add__(self, other: AccessCost) -> AccessCost:
        return AccessCost(self.reads + other.reads, self.writes + other.writes,
                          self.latency + other.latency)


ZERO = AccessCost(0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Usage:
    """One packable variable's per-packet use: the blocks reading and writing it (runs/packet)."""

    reads: Mapping[str, float]
    writes: Mapping[str, float]

    @property
    def deferrable(self) -> bool:
        """Read-only per packet, or a counter (every block reading it also writes it)."""
        return not self.writes or set(self.reads) <= set(self.writes)


@dataclass(frozen=True)
class Pack:
    """One suggested struct: variables in order, their offsets and what reading it costs."""

    variables: tuple[Variable, ...]
    offsets: tuple[int, ...]
    size: int
    windows: int
    access_bytes: int  # the coalesced read/write size: the pack rounded up to 4 B, <= width
    cost: AccessCost
    per_packet: bool  # read at most once per packet (first use), written back at most once
    level: str = ""  # where the placement put it (the combined model; "" for one level)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(v.name for v in self.variables)


@dataclass(frozen=True)
class CoalescingResult:
    """A packed layout and the cost model's numbers for it and the baselines."""

    method: str
    object_name: str
    packs: tuple[Pack, ...]
    k: int
    width: int
    separate: AccessCost  # one access per variable per block: the code as written
    declared: AccessCost  # the declaration order (original offsets) in width windows
    after: AccessCost
    unpacked: tuple[Variable, ...]  # containers and variables larger than one access


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


def packable(variables: Sequence[Variable], width: int) -> list[Variable]:
    """Variables a layout can coalesce: not containers, at most one access wide."""
    return [v for v in variables if not v.container and v.size <= width]


def usages(uses: Sequence[BlockUse]) -> dict[str, Usage]:
    """Per variable, the blocks (with their runs per packet > 0) reading and writing it."""
    reads: dict[str, dict[str, float]] = {}
    writes: dict[str, dict[str, float]] = {}
    for u in uses:
        if u.rate <= 0:
            continue
        for name in u.reads:
            reads.setdefault(name, {})[u.block] = u.rate
        for name in u.writes:
            writes.setdefault(name, {})[u.block] = u.rate
    return {n: Usage(reads.get(n, {}), writes.get(n, {})) for n in {*reads, *writes}}


def _heat(use: Usage | None) -> float:
    return sum(use.reads.values()) + sum(use.writes.values()) if use else 0.0


def window_cost(placed: Iterable[tuple[Variable, int]], use: Mapping[str, Usage], width: int,
                weights: Weights, per_packet: bool) -> tuple[AccessCost, bool]:
    """The cost model over variables at absolute offsets; True when a window is accessed per
    packet (and that saves accesses)."""
    members: dict[int, list[str]] = {}
    for var, offset in placed:
        for w in windows(offset, var.size, width):
            members.setdefault(w, []).append(var.name)
    reads = writes = 0.0
    deferred = False
    for names in members.values():
        read_blocks: dict[str, float] = {}
        write_blocks: dict[str, float] = {}
        for name in names:
            if name in use:
                read_blocks |= use[name].reads
                write_blocks |= use[name].writes
        r, w = sum(read_blocks.values()), sum(write_blocks.values())
        if (per_packet and max(r, w) > PER_PACKET_CAP + EPS
                and all(use[n].deferrable for n in names if n in use)):
            r, w, deferred = min(r, PER_PACKET_CAP), min(w, PER_PACKET_CAP), True
        reads += r
        writes += w
    return AccessCost(reads, writes, reads * weights.read + writes * weights.write), deferred


def separate_cost(variables: Sequence[Variable], use: Mapping[str, Usage],
                  weights: Weights) -> AccessCost:
    """One access per variable a block reads or writes: the code as written, no coalescing."""
    total = ZERO
    for var in variables:
        u = use.get(var.name)
        if u:
            r, w = sum(u.reads.values()), sum(u.writes.values())
            total += AccessCost(r, w, r * weights.read + w * weights.write)
    return total


def declared_offsets(variables: Sequence[Variable], width: int) -> list[tuple[Variable, int]]:
    """The declaration order: each object's members at their original offsets, the objects
    (the element, function-local statics) one after another, each ``width``-aligned."""
    placed, base = [], 0
    by_object: dict[str, list[Variable]] = {}
    for var in variables:
        by_object.setdefault(var.object, []).append(var)
    for members in by_object.values():
        placed += [(v, base + v.offset) for v in members]
        end = max(v.offset + v.size for v in members)
        base += -(-end // width) * width
    return placed


def declared_cost(variables: Sequence[Variable], use: Mapping[str, Usage], width: int,
                  weights: Weights) -> AccessCost:
    """The declaration order read as written (per block), in ``width``-byte windows."""
    return window_cost(declared_offsets(packable(variables, width), width), use, width,
                       weights, per_packet=False)[0]


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


def vector_matrix(variables: Sequence[Variable],
                  vectors: Mapping[str, Mapping[str, float]]) -> np.ndarray:
    """The access vectors as rows (columns: every block any of them uses, sorted)."""
    blocks = sorted({b for v in variables for b in vectors.get(v.name, {})})
    return np.array([[vectors.get(v.name, {}).get(b, 0.0) for b in blocks] for v in variables])


# --------------------------------------------------------------------------- layouts


@dataclass
class _Search:
    """Pack costs under one cost model, memoized by the pack's set of variables."""

    use: Mapping[str, Usage]
    width: int
    weights: Weights
    per_packet: bool
    memo: dict[frozenset[str], float]

    def order(self, pack: Iterable[Variable]) -> list[Variable]:
        """A pack's variables in struct order: the ones written per packet first (a write-back
        covers one range), each part by widest alignment (least padding), hottest, name."""
        def key(v: Variable) -> tuple[bool, int, float, str]:
            u = self.use.get(v.name)
            return (not (u and u.writes), -alignment(v.size), -_heat(u), v.name)
        return sorted(pack, key=key)

    def cost(self, pack: Sequence[Variable]) -> float:
        key = frozenset(v.name for v in pack)
        if key not in self.memo:
            ordered = self.order(pack)
            self.memo[key] = window_cost(zip(ordered, lay_out(ordered), strict=True), self.use,
                                         self.width, self.weights, self.per_packet)[0].latency
        return self.memo[key]

    def total(self, packs: Sequence[Sequence[Variable]]) -> float:
        return sum(self.cost(p) for p in packs)

    def improve(self, packs: Sequence[Sequence[Variable]]) -> list[list[Variable]]:
        """Best-improvement local search: move one variable to another or a new pack, or
        merge two packs, while the layout's latency drops."""
        current = [list(p) for p in packs if p]
        while True:
            best: tuple[float, list[list[Variable]]] | None = None
            for i, j in itertools.combinations(range(len(current)), 2):
                delta = (self.cost(current[i] + current[j]) - self.cost(current[i])
                         - self.cost(current[j]))
                if delta < -EPS and (best is None or delta < best[0] - EPS):
                    merged = [p for n, p in enumerate(current) if n not in (i, j)]
                    best = (delta, [*merged, current[i] + current[j]])
            for i, pack in enumerate(current):
                for var in pack:
                    rest = [v for v in pack if v is not var]
                    for j in [*range(len(current)), -1]:
                        if j == i or (j == -1 and not rest):
                            continue
                        target = current[j] if j >= 0 else []
                        delta = (self.cost(rest) + self.cost([*target, var])
                                 - self.cost(pack) - self.cost(target))
                        if delta < -EPS and (best is None or delta < best[0] - EPS):
                            moved = [list(p) for p in current]
                            moved[i] = rest
                            if j >= 0:
                                moved[j] = [*target, var]
                            else:
                                moved.append([var])
                            best = (delta, [p for p in moved if p])
            if best is None:
                return current
            current = best[1]


def _layout_packs(packs: Sequence[Sequence[Variable]], search: _Search
                  ) -> list[tuple[list[Variable], list[int]]]:
    """Packs hottest first, each in struct order, each starting a new window."""
    ordered = sorted((search.order(p) for p in packs if p),
                     key=lambda p: (-sum(_heat(search.use.get(v.name)) for v in p),
                                    p[0].name))
    return [(p, lay_out(p)) for p in ordered]


def make_pack(variables: Sequence[Variable], offsets: Sequence[int], use: Mapping[str, Usage],
              width: int, weights: Weights, per_packet: bool) -> Pack:
    """One pack with its offsets relative to its start, and its cost."""
    cost, deferred = window_cost(zip(variables, offsets, strict=True), use, width, weights,
                                 per_packet)
    size = offsets[-1] + variables[-1].size - offsets[0]
    return Pack(tuple(variables), tuple(o - offsets[0] for o in offsets), size,
                len(windows(offsets[0], size, width)), min(-(-size // 4) * 4, width), cost,
                deferred)


def _total(packs: Sequence[Pack]) -> AccessCost:
    return sum((p.cost for p in packs), ZERO)


def _result(method: str, object_name: str, packs: Sequence[Pack], k: int, width: int,
            variables: Sequence[Variable], use: Mapping[str, Usage],
            weights: Weights) -> CoalescingResult:
    mine = [v for p in packs for v in p.variables]
    return CoalescingResult(method, object_name, tuple(packs), k, width,
                            separate_cost(mine, use, weights),
                            declared_cost(mine, use, width, weights), _total(packs),
                            tuple(v for v in variables if v not in mine))


def _clusters(hot: Sequence[Variable], labels: np.ndarray) -> list[list[Variable]]:
    clusters: dict[int, list[Variable]] = {}
    for var, lab in zip(hot, labels.tolist(), strict=True):
        clusters.setdefault(lab, []).append(var)
    return list(clusters.values())


def suggest_packing(variables: Sequence[Variable], vectors: Mapping[str, Mapping[str, float]],
                    uses: Sequence[BlockUse], width: int, weights: Weights = Weights(),
                    object_name: str = "", *, search: bool = True,
                    per_packet: bool = True,
                    start: Sequence[Sequence[Variable]] = ()) -> CoalescingResult:
    """Clara's packed layout (see the module doc). ``search=False, per_packet=False`` is the
    paper's K-means alone; ``start`` is one more layout to search from (a previous packing)."""
    use = usages(uses)
    fit = packable(variables, width)
    hot = [v for v in fit if vectors.get(v.name) and v.name in use]
    cold = [v for v in fit if v not in hot]
    finder = _Search(use, width, weights, per_packet, {})
    candidates: list[tuple[float, int, list[list[Variable]]]] = []
    if hot:
        matrix = vector_matrix(hot, vectors)
        for k in range(1, min(len(hot), K_MAX) + 1):
            packs = _clusters(hot, kmeans(matrix, k))
            packs = finder.improve(packs) if search else packs
            candidates.append((finder.total(packs), k, packs))
    if start:
        names = {v.name for v in hot}
        packs = [[v for v in p if v.name in names] for p in start]
        packs = finder.improve(packs) if search else [p for p in packs if p]
        candidates.append((finder.total(packs), 0, packs))
    best = min(candidates, key=lambda c: (c[0], c[1] == 0, c[1]), default=(0.0, 0, []))
    return _finish("clara" if search or per_packet else "kmeans", best[2], cold, best[1], finder,
                   object_name, variables)


def expert_packing(variables: Sequence[Variable], uses: Sequence[BlockUse], width: int,
                   weights: Weights = Weights(),
                   object_name: str = "") -> CoalescingResult:
    """The paper's expert: every order of the variables the three hottest blocks use, packed
    first; the others follow in declaration order (at most ``EXPERT_MAX_VARIABLES``, hottest).
    Costed like Clara's layout (per-packet accesses allowed)."""
    use = usages(uses)
    fit = packable(variables, width)
    top = sorted((u for u in uses if u.rate > 0), key=lambda u: -u.rate)[:EXPERT_BLOCKS]
    wanted = {n for u in top for n in u.reads | u.writes}
    chosen = sorted((v for v in fit if v.name in wanted), key=lambda v: -_heat(use.get(v.name)))
    chosen = chosen[:EXPERT_MAX_VARIABLES]
    rest = [v for v in fit if v not in chosen]
    best: tuple[float, list[Variable]] | None = None
    for perm in itertools.permutations(chosen):
        order = [*perm, *rest]
        cost = window_cost(zip(order, lay_out(order), strict=True), use, width, weights,
                           per_packet=True)[0].latency
        if best is None or cost < best[0] - EPS:
            best = (cost, order)
    assert best is not None
    order = best[1]
    offsets = lay_out(order)
    packs = [make_pack([order[i] for i in idx], [offsets[i] for i in idx], use, width, weights,
                       True) for idx in _by_window(order, offsets, width)]
    return _result("expert", object_name, packs, 0, width, variables, use, weights)


def _finish(method: str, packs: Sequence[Sequence[Variable]], cold: Sequence[Variable], k: int,
            search: _Search, object_name: str, variables: Sequence[Variable]
            ) -> CoalescingResult:
    """The result for ``packs`` laid out hottest first, then the cold variables' pack. A pack
    wider than one window is cut at window boundaries first (the same windows, so the same
    cost: each pack is then one coalesced access)."""
    cut = []
    for pack in packs:
        order = search.order(pack)
        cut += [[order[i] for i in run] for run in _by_window(order, lay_out(order), search.width)]
    laid = _layout_packs(cut, search)
    if cold:
        order = search.order(cold)
        laid.append((order, lay_out(order)))
    made = [make_pack(p, offs, search.use, search.width, search.weights, search.per_packet)
            for p, offs in laid]
    return _result(method, object_name, made, k, search.width, variables, search.use,
                   search.weights)


def optimal_packing(variables: Sequence[Variable], uses: Sequence[BlockUse], width: int,
                    weights: Weights = Weights(),
                    object_name: str = "") -> CoalescingResult | None:
    """The optimum of Clara's layout space: every partition of the variables used per packet
    into packs (each starting a new window, per-packet accesses allowed), by recursion over
    subsets (3^n steps); None above ``OPTIMUM_MAX_VARIABLES`` variables."""
    use = usages(uses)
    fit = packable(variables, width)
    hot = [v for v in fit if v.name in use]
    if len(hot) > OPTIMUM_MAX_VARIABLES:
        return None
    finder = _Search(use, width, weights, True, {})
    full = (1 << len(hot)) - 1
    cost = [finder.cost([v for i, v in enumerate(hot) if mask >> i & 1])
            for mask in range(full + 1)]
    best = [0.0] * (full + 1)
    pick = [0] * (full + 1)
    for mask in range(1, full + 1):
        low = mask & -mask
        rest = sub = mask ^ low
        best[mask] = float("inf")
        while True:  # every pack holding the lowest variable of mask, and the best of the rest
            value = cost[low | sub] + best[mask ^ low ^ sub]
            if value < best[mask] - EPS:
                best[mask], pick[mask] = value, low | sub
            if not sub:
                break
            sub = (sub - 1) & rest
    packs, mask = [], full
    while mask:
        packs.append([v for i, v in enumerate(hot) if pick[mask] >> i & 1])
        mask ^= pick[mask]
    return _finish("optimum", packs, [v for v in fit if v not in hot], 0, finder, object_name,
                   variables)


def _by_window(order: Sequence[Variable], offsets: Sequence[int],
               width: int) -> list[list[int]]:
    """Indices of a back-to-back layout grouped into runs sharing windows (one pack each)."""
    groups: list[list[int]] = []
    last = -1
    for i, (var, off) in enumerate(zip(order, offsets, strict=True)):
        span = windows(off, var.size, width)
        if groups and span.start <= last:
            groups[-1].append(i)
        else:
            groups.append([i])
        last = max(last, span.stop - 1)
    return groups


# --------------------------------------------------------------------------- report


def _c_identifier(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text).strip("_").lower()


def struct_name(object_name: str, number: int) -> str:
    """The C name of the ``number``-th suggested struct (1-based) of ``object_name``."""
    return f"{_c_identifier(object_name) or 'state'}_pack{number}"


def _c_member(var: Variable) -> str:
    field = var.name.rsplit("::", 1)[-1]
    ctype = var.ctype
    dims = ""
    if "[" in ctype:
        ctype, dims = ctype[:ctype.index("[")].strip(), ctype[ctype.index("["):]
    return f"{ctype} {field}{dims};"


def pack_access(pack: Pack) -> str:
    """How the pack is accessed: at most once per packet, or per block."""
    span = (f"one {pack.access_bytes}-byte access" if pack.windows == 1
            else f"{pack.windows} accesses")
    if not pack.cost.accesses:
        return "not accessed per packet"
    if pack.per_packet:
        back = (", its counters updated in registers and written back with one write when "
                "the packet leaves") if pack.cost.writes else ""
        return f"read it with {span} at most once per packet, at first use{back}"
    return f"read/write it with {span} per block"


def render_packed_struct(result: CoalescingResult) -> str:
    """The suggested layout as C code: one struct per pack, with its access in comments."""
    lines = [f"/* clara: packed state layout ({result.method}, k={result.k}, "
             f"{result.width}-byte accesses): scalar state accesses per packet "
             f"{result.separate.accesses:.2f} as written (one per variable), "
             f"{result.declared.accesses:.2f} in declaration order, "
             f"{result.after.accesses:.2f} packed; {result.separate.latency:.1f} -> "
             f"{result.after.latency:.1f} cycles/packet */"]
    for i, pack in enumerate(result.packs, 1):
        level = f" in {pack.level}" if pack.level else ""
        lines.append(f"struct {struct_name(result.object_name, i)} {{  /* {pack.size} B{level}: "
                     f"{pack_access(pack)}; "
                     f"{pack.cost.accesses:.2f} accesses/packet */")
        lines += [f"    {_c_member(v)}  /* offset {o} */"
                  for v, o in zip(pack.variables, pack.offsets, strict=True)]
        lines.append(f"}} __attribute__((aligned({min(result.width, 64)})));")
    if result.unpacked:
        lines.append("/* not packed (containers, or larger than one access): "
                     + ", ".join(v.name.rsplit("::", 1)[-1] for v in result.unpacked) + " */")
    return "\n".join(lines)


def insight_records(result: CoalescingResult,
                    locations: Mapping[str, tuple[str, int]]) -> list[dict[str, object]]:
    """One ``coalescing`` record per pack (``clara.insights/1``), at its first variable's
    declaration: a remark there saying which variables to pack with it and how to read them."""
    records: list[dict[str, object]] = []
    for i, pack in enumerate(result.packs, 1):
        file, line = locations.get(pack.variables[0].name, ("", 0))
        names = [v.name.rsplit("::", 1)[-1] for v in pack.variables]
        level = f" in {pack.level}" if pack.level else ""
        records.append(insight(
            "coalescing", location(file, line),
            f"pack {', '.join(names)} together ({pack.size} B{level}): {pack_access(pack)}; "
            f"the layout cuts scalar state accesses from {result.separate.accesses:.2f} "
            f"(one per variable) to {result.after.accesses:.2f} per packet",
            data={"pack": i, "object": result.object_name, "variables": list(pack.names),
                  "offsets": list(pack.offsets), "size": pack.size, "windows": pack.windows,
                  "access_bytes": pack.access_bytes, "per_packet": pack.per_packet,
                  "level": pack.level,
                  "accesses_per_packet": pack.cost.accesses, "k": result.k,
                  "width": result.width,
                  "separate": _cost_data(result.separate),
                  "declared": _cost_data(result.declared),
                  "after": _cost_data(result.after),
                  "struct": render_packed_struct(result) if i == 1 else None}))
    return records


def _cost_data(cost: AccessCost) -> dict[str, float]:
    return {"reads": cost.reads, "writes": cost.writes, "latency": cost.latency}
