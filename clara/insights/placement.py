"""State placement insight: which memory level each stateful data structure should live in.

The model (docs/memory-insights.md) is the paper's ILP (§4.3) with reads, writes and atomics
costed separately, solved with HiGHS, plus three extensions:

* **cache residency**: an object whose home is a software-managed level may instead be charged
  the latency of a hardware cache listed before that level (nearest first in the target file)
  when it fits; the cache's capacity is shared by the objects charged to it;
* **spreading**: a splittable object (an array or a container) may be spread over at most two
  placements, its accesses split in proportion to its bytes (uniform access assumed), so a hot
  table that does not fit in a fast level keeps part of its accesses there;
* **scope**: with ``writable_scope`` set to ``island`` or ``global``, an object written per
  packet only goes to levels shared at least that widely (a per-core copy of a flow table is
  wrong when several cores run the NF); ``core`` (the default) is the paper's model.

Several NFs sharing one NIC are one problem: their objects share every level's capacity and
the objective is the sum of their per-packet latencies. Baselines for the benchmark (naive,
greedy by access density, exhaustive branch and bound) use the same model and options.
"""

from __future__ import annotations

import ctypes
import os
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import highspy

from clara.errors import ClaraError
from clara.insights.ir_summary import insight, location
from clara.targets.profile import SCOPES, MemoryLevel

MAX_SPLIT = 2  # placements a splittable object may be spread over
FRACTION_EPS = 1e-6


@dataclass(frozen=True)
class StateObject:
    """A stateful data structure, or a pack of variables read together: footprint in bytes
    and accesses per packet (a pack's are its coalesced accesses)."""

    name: str
    size: int
    reads_per_packet: float
    writes_per_packet: float
    atomics_per_packet: float = 0.0
    nf: str = ""
    splittable: bool = False
    members: tuple[str, ...] = ()  # a pack's variables, in struct order (empty: one variable)

    @property
    def accesses_per_packet(self) -> float:
        return self.reads_per_packet + self.writes_per_packet + self.atomics_per_packet

    @property
    def written(self) -> bool:
        return self.writes_per_packet + self.atomics_per_packet > 0


@dataclass(frozen=True)
class Option:
    """Where an object can go: a placeable level, possibly served by a hardware cache."""

    level: MemoryLevel
    cache: MemoryLevel | None = None

    @property
    def label(self) -> str:
        return f"{self.level.name} (in {self.cache.name})" if self.cache else self.level.name

    def charged(self) -> tuple[MemoryLevel, ...]:
        """The levels whose capacity the object uses."""
        return (self.level, self.cache) if self.cache else (self.level,)

    def cycles(self, obj: StateObject) -> float:
        """Memory cycles per packet of ``obj`` entirely in this option."""
        lat = self.cache or self.level
        atomic = ((lat.atomic_read_cycles or lat.read_cycles)
                  + (lat.atomic_write_cycles or lat.write_cycles))
        return (obj.reads_per_packet * lat.read_cycles + obj.writes_per_packet * lat.write_cycles
                + obj.atomics_per_packet * atomic)


@dataclass(frozen=True)
class Share:
    """A fraction of an object's bytes (and accesses) in one option."""

    option: Option
    fraction: float


@dataclass(frozen=True)
class Assignment:
    """Where one object went and what it costs per packet."""

    obj: StateObject
    shares: tuple[Share, ...]
    cycles: float

    @property
    def label(self) -> str:
        if len(self.shares) == 1:
            return self.shares[0].option.label
        return " + ".join(f"{s.option.label} {s.fraction:.0%}" for s in self.shares)


@dataclass(frozen=True)
class PlacementResult:
    """A placement: per-object assignment, the objective and per-NF latency per packet."""

    method: str
    assignments: tuple[Assignment, ...]
    objective: float  # memory cycles per packet, summed over NFs
    seconds: float
    per_nf: Mapping[str, float] = field(default_factory=dict)

    def level_of(self, name: str) -> str:
        return next(a.label for a in self.assignments if a.obj.name == name)


# --------------------------------------------------------------------------- the options


def _scope_rank(level: MemoryLevel) -> int:
    return SCOPES.index(level.scope)


def options_for(obj: StateObject, levels: Sequence[MemoryLevel], writable_scope: str = "core",
                partial: bool = False) -> list[Option]:
    """The options an object fits in (``partial``: a share of it), honouring the scope rule."""
    floor = SCOPES.index(writable_scope) if obj.written else 0
    options = []
    for j, level in enumerate(levels):
        too_big = obj.size > level.capacity_bytes and not partial
        if not level.placeable or _scope_rank(level) < floor or too_big:
            continue
        options.append(Option(level))
        options += [Option(level, c) for c in levels[:j]
                    if not c.placeable and (partial or obj.size <= c.capacity_bytes)]
    return options


def fit_error(objects: Sequence[StateObject], levels: Sequence[MemoryLevel],
              writable_scope: str = "core", allow_split: bool = False) -> str | None:
    """Why the state cannot fit at all, or None when no simple reason is found."""
    for obj in objects:
        if not options_for(obj, levels, writable_scope, allow_split and obj.splittable):
            allowed = [lv for lv in levels if lv.placeable]
            biggest = max(allowed, key=lambda lv: lv.capacity_bytes)
            return (f"state does not fit: {obj.name} ({obj.size:,} B) fits in no memory level "
                    f"allowed for it (largest: {biggest.name}, {biggest.capacity_bytes:,} B"
                    f"{', scope rule ' + writable_scope if obj.written else ''})")
    need = sum(o.size for o in objects)
    have = sum(lv.capacity_bytes for lv in levels if lv.placeable)
    if need > have:
        return (f"state does not fit: {len(objects)} objects need {need:,} B, the placeable "
                f"levels hold {have:,} B in all")
    return None


def _fail(objects: Sequence[StateObject], levels: Sequence[MemoryLevel], writable_scope: str,
          allow_split: bool = False) -> ClaraError:
    reason = fit_error(objects, levels, writable_scope, allow_split) or (
        f"state does not fit: no assignment of the {len(objects)} objects "
        f"({sum(o.size for o in objects):,} B) to the levels respects every capacity")
    return ClaraError(reason + "; shrink the largest tables or pick a target with more memory")


# --------------------------------------------------------------------------- results


def _result(method: str, objects: Sequence[StateObject], shares: Sequence[Sequence[Share]],
            seconds: float) -> PlacementResult:
    assignments = tuple(
        Assignment(obj, tuple(s), sum(x.fraction * x.option.cycles(obj) for x in s))
        for obj, s in zip(objects, shares, strict=True)
    )
    per_nf: dict[str, float] = {}
    for a in assignments:
        per_nf[a.obj.nf] = per_nf.get(a.obj.nf, 0.0) + a.cycles
    return PlacementResult(method, assignments, sum(a.cycles for a in assignments), seconds,
                           per_nf)


def evaluate(objects: Sequence[StateObject], choice: Sequence[Option],
             method: str) -> PlacementResult:
    """A whole-object placement as a result (capacities are the caller's business)."""
    return _result(method, objects, [[Share(o, 1.0)] for o in choice], 0.0)


# --------------------------------------------------------------------------- the ILP


def quiet_highs() -> highspy.Highs:
    """A HiGHS instance with its output off.

    Its constructor prints a banner on the C library's standard output, which would end up
    inside a report written to standard output (``--format json``); file descriptor 1 points
    at /dev/null while it runs, and the C buffer is flushed before it is restored.
    """
    libc = ctypes.CDLL(None)
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            h = highspy.Highs()
            libc.fflush(None)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    h.setOptionValue("output_flag", False)
    return h


def solve_placement(objects: Sequence[StateObject], levels: Sequence[MemoryLevel], *,
                    writable_scope: str = "core", allow_split: bool = True,
                    time_limit_s: float = 10.0) -> PlacementResult:
    """Minimum-latency placement by ILP (HiGHS); a ClaraError when the state cannot fit."""
    start = time.perf_counter()
    if fit_error(objects, levels, writable_scope, allow_split):
        raise _fail(objects, levels, writable_scope, allow_split)
    h = quiet_highs()
    h.setOptionValue("time_limit", time_limit_s)
    h.setOptionValue("mip_rel_gap", 1e-9)
    inf = highspy.kHighsInf
    columns: list[list[tuple[int, Option]]] = []
    usage: dict[str, list[tuple[int, float]]] = {lv.name: [] for lv in levels}
    for obj in objects:
        cols = []
        split = allow_split and obj.splittable
        picks = []
        for opt in options_for(obj, levels, writable_scope, split):
            col = h.getNumCol()
            h.addCol(opt.cycles(obj), 0.0, 1.0, 0, [], [])
            if not split:
                h.changeColIntegrality(col, highspy.HighsVarType.kInteger)
            else:  # x <= y, y binary: the option is used
                pick = h.getNumCol()
                h.addCol(0.0, 0.0, 1.0, 0, [], [])
                h.changeColIntegrality(pick, highspy.HighsVarType.kInteger)
                h.addRow(-inf, 0.0, 2, [col, pick], [1.0, -1.0])
                picks.append(pick)
            cols.append((col, opt))
            for lv in opt.charged():
                usage[lv.name].append((col, float(obj.size)))
        h.addRow(1.0, 1.0, len(cols), [c for c, _ in cols], [1.0] * len(cols))
        if picks:
            h.addRow(-inf, MAX_SPLIT, len(picks), picks, [1.0] * len(picks))
        columns.append(cols)
    for lv in levels:
        if usage[lv.name]:
            idx, val = zip(*usage[lv.name], strict=True)
            h.addRow(-inf, float(lv.capacity_bytes), len(idx), list(idx), list(val))
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise _fail(objects, levels, writable_scope, allow_split)
    values = h.getSolution().col_value
    shares = [[Share(opt, values[c]) for c, opt in cols if values[c] > FRACTION_EPS]
              for cols in columns]
    return _result("ilp", objects, shares, time.perf_counter() - start)


# --------------------------------------------------------------------------- baselines


def naive_placement(objects: Sequence[StateObject],
                    levels: Sequence[MemoryLevel]) -> PlacementResult:
    """The paper's naive port: everything in the largest placeable level, no cache credited."""
    largest = max((lv for lv in levels if lv.placeable), key=lambda lv: lv.capacity_bytes)
    if sum(o.size for o in objects) > largest.capacity_bytes:
        raise ClaraError(f"state does not fit: {sum(o.size for o in objects):,} B of state "
                         f"exceed {largest.name} ({largest.capacity_bytes:,} B)")
    return evaluate(objects, [Option(largest)] * len(objects), "naive")


def _density(obj: StateObject) -> float:
    return obj.accesses_per_packet / max(obj.size, 1)


def greedy_placement(objects: Sequence[StateObject], levels: Sequence[MemoryLevel], *,
                     writable_scope: str = "core") -> PlacementResult:
    """Densest first (accesses per byte), each into its cheapest option with room left."""
    free = {lv.name: lv.capacity_bytes for lv in levels}
    choice: dict[int, Option] = {}
    for i in sorted(range(len(objects)), key=lambda i: -_density(objects[i])):
        obj = objects[i]
        opts = sorted(options_for(obj, levels, writable_scope), key=lambda o: o.cycles(obj))
        pick = next((o for o in opts if all(free[lv.name] >= obj.size for lv in o.charged())),
                    None)
        if pick is None:
            raise _fail(objects, levels, writable_scope)
        for lv in pick.charged():
            free[lv.name] -= obj.size
        choice[i] = pick
    return evaluate(objects, [choice[i] for i in range(len(objects))], "greedy")


def exhaustive_placement(objects: Sequence[StateObject], levels: Sequence[MemoryLevel], *,
                         writable_scope: str = "core") -> PlacementResult:
    """The paper's expert: every whole-object placement, searched exactly (branch and bound).

    Objects are taken hottest first; a branch is cut when its cost plus every remaining
    object's cheapest option (capacities ignored) cannot beat the best found.
    """
    start = time.perf_counter()
    order = sorted(range(len(objects)), key=lambda i: -objects[i].accesses_per_packet)
    opts = [sorted(options_for(objects[i], levels, writable_scope),
                   key=lambda o, i=i: o.cycles(objects[i])) for i in order]
    floor = [min((o.cycles(objects[i]) for o in opts[k]), default=0.0)
             for k, i in enumerate(order)]
    rest = [sum(floor[k:]) for k in range(len(order) + 1)]
    free = {lv.name: lv.capacity_bytes for lv in levels}
    best: list[float | list[Option] | None] = [float("inf"), None]
    picked: list[Option] = []

    def search(k: int, cost: float) -> None:
        if cost + rest[k] >= best[0] - 1e-12:  # type: ignore[operator]
            return
        if k == len(order):
            best[0], best[1] = cost, list(picked)
            return
        obj = objects[order[k]]
        for opt in opts[k]:
            if any(free[lv.name] < obj.size for lv in opt.charged()):
                continue
            for lv in opt.charged():
                free[lv.name] -= obj.size
            picked.append(opt)
            search(k + 1, cost + opt.cycles(obj))
            picked.pop()
            for lv in opt.charged():
                free[lv.name] += obj.size

    search(0, 0.0)
    if best[1] is None:
        raise _fail(objects, levels, writable_scope)
    choice: dict[int, Option] = dict(zip(order, best[1], strict=True))  # type: ignore[arg-type]
    result = evaluate(objects, [choice[i] for i in range(len(objects))], "exhaustive")
    return PlacementResult(result.method, result.assignments, result.objective,
                           time.perf_counter() - start, result.per_nf)


# --------------------------------------------------------------------------- report


def render_placement_table(result: PlacementResult) -> str:
    """The placement as a text table: object, size, accesses per packet, level, latency."""
    header = ("object", "size (B)", "accesses/pkt", "reads", "writes", "level", "cycles/pkt")
    rows = [(a.obj.name, f"{a.obj.size:,}", f"{a.obj.accesses_per_packet:.2f}",
             f"{a.obj.reads_per_packet:.2f}",
             f"{a.obj.writes_per_packet + a.obj.atomics_per_packet:.2f}", a.label,
             f"{a.cycles:.1f}") for a in sorted(result.assignments, key=lambda a: -a.cycles)]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
             for r in (header, tuple("-" * w for w in widths), *rows)]
    lines.append(f"predicted memory latency: {result.objective:.1f} cycles per packet "
                 f"({result.method})")
    lines += [f"{a.obj.name} = " + ", ".join(m.rsplit("::", 1)[-1] for m in a.obj.members)
              for a in result.assignments if a.obj.members]
    return "\n".join(lines)


def _short(name: str) -> str:
    return name.rsplit("::", 1)[-1]


def insight_records(result: PlacementResult,
                    locations: Mapping[str, tuple[str, int]]) -> list[dict[str, object]]:
    """One ``placement`` record per state variable (``clara.insights/1``), at its declaration;
    the variables of one pack share its placement and its numbers (``data.pack``)."""
    records: list[dict[str, object]] = []
    for a in result.assignments:
        numbers = (f"{a.obj.size:,} B, {a.obj.accesses_per_packet:.2f} accesses/packet) in "
                   f"{a.label}: {a.cycles:.1f} memory cycles per packet")
        for name in a.obj.members or (a.obj.name,):
            file, line = locations.get(name, ("", 0))
            others = [_short(m) for m in a.obj.members if m != name]
            message = (f"place {name} with {', '.join(others)} in {a.obj.name} ({numbers} for "
                       "the pack" if a.obj.members else f"place {name} ({numbers}")
            records.append(insight(
                "placement", location(file, line), message,
                data={"object": name, "pack": a.obj.name if a.obj.members else None,
                      "members": list(a.obj.members), "nf": a.obj.nf, "size": a.obj.size,
                      "reads_per_packet": a.obj.reads_per_packet,
                      "writes_per_packet": a.obj.writes_per_packet,
                      "atomics_per_packet": a.obj.atomics_per_packet,
                      "placement": [{"level": s.option.level.name,
                                     "cache": s.option.cache.name if s.option.cache else None,
                                     "fraction": round(s.fraction, 6)} for s in a.shares],
                      "cycles_per_packet": a.cycles, "objective": result.objective,
                      "method": result.method}))
    return records
