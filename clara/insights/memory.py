"""The memory insights of an analysis: one cost model for state placement and packing.

Owns the combined model (docs/memory-insights.md, "One memory cost model"): each NF's
packable variables are packed (:mod:`clara.insights.coalescing`), every pack becomes one
placement object whose accesses are its coalesced reads and writes, containers and larger
arrays are objects with the profile's accesses, and one ILP over every analyzed NF places
them all (:mod:`clara.insights.placement`). Then the packs placed in one memory level (per
NF) are packed again at that level's latencies, starting from the current packs, and the
ILP runs again, until the predicted latency stops dropping. So a pack lives in one level,
every access is charged at its placed level's latency, and the placement table, the packing
suggestion and their totals are the same numbers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from clara.insights import coalescing, placement, state_inputs
from clara.insights.coalescing import AccessCost, CoalescingResult, Pack, Weights
from clara.insights.placement import PlacementResult, StateObject
from clara.insights.state_inputs import BlockUse, Variable
from clara.ir.features import ModuleFeatures
from clara.targets.profile import MemoryLevel, TargetProfile

MAX_ROUNDS = 4  # placement / repacking rounds (the latency stops dropping after 1-2)
EPS = 1e-9


@dataclass(frozen=True)
class ProfiledModule:
    """One analyzed NF with its profile document."""

    source: Path
    features: ModuleFeatures
    profile: dict[str, Any]


@dataclass(frozen=True)
class NFState:
    """One NF's inputs to the memory model."""

    nf: str  # the key of its placement objects (per_nf)
    name: str  # a short name, for struct names
    variables: tuple[Variable, ...]
    vectors: Mapping[str, Mapping[str, float]]
    uses: tuple[BlockUse, ...]
    objects: tuple[StateObject, ...]  # one per variable, with the profile's accesses


@dataclass(frozen=True)
class MemoryPlan:
    """The placement of packs and large objects, and each NF's packing at those levels."""

    placement: PlacementResult
    packings: tuple[CoalescingResult, ...]
    rounds: int


def nf_state(profile: Mapping[str, Any], features: ModuleFeatures, nf: str,
             name: str) -> NFState:
    return NFState(nf, name, tuple(state_inputs.variables(features)),
                   state_inputs.access_vectors(profile, features),
                   tuple(state_inputs.block_uses(profile, features)),
                   tuple(state_inputs.state_objects(profile, features, nf=nf)))


def unpacked_objects(state: NFState, width: int) -> list[StateObject]:
    """Containers and variables wider than one access: the profile's accesses (one per
    executed access site), whatever the layout."""
    fit = {v.name for v in coalescing.packable(state.variables, width)}
    return [o for o in state.objects if o.name not in fit]


def separate_objects(state: NFState, width: int) -> list[StateObject]:
    """Every variable on its own, as written: a packable one costs one access per block that
    reads or writes it (the naive port); the others as in :func:`unpacked_objects`."""
    use = coalescing.usages(state.uses)
    scalars = []
    for var in coalescing.packable(state.variables, width):
        cost = coalescing.separate_cost([var], use, Weights())
        scalars.append(StateObject(var.name, var.size, cost.reads, cost.writes, nf=state.nf))
    return [*scalars, *unpacked_objects(state, width)]


def _pack_name(state: NFState, pack: Pack, number: int) -> str:
    if len(pack.variables) == 1:
        return pack.variables[0].name
    return coalescing.struct_name(state.name, number)


def pack_objects(state: NFState, packs: Sequence[Pack]) -> list[StateObject]:
    """One placement object per pack: its bytes and coalesced accesses."""
    return [StateObject(_pack_name(state, p, i), p.size, p.cost.reads, p.cost.writes,
                        nf=state.nf, members=p.names if len(p.variables) > 1 else ())
            for i, p in enumerate(packs, 1)]


def combined_objects(states: Sequence[NFState], packs: Mapping[str, Sequence[Pack]],
                     width: int) -> list[StateObject]:
    """The placement's objects under the combined model: packs, then the unpacked objects."""
    return [o for s in states for o in (*pack_objects(s, packs[s.nf]),
                                        *unpacked_objects(s, width))]


def _weights(option: placement.Option) -> Weights:
    """Read and write cycles where ``option`` serves its objects (the cache, if any)."""
    level = option.cache or option.level
    return Weights(level.read_cycles, level.write_cycles)


def _options(result: PlacementResult, state: NFState,
             packs: Sequence[Pack]) -> list[placement.Option]:
    """Where each pack of ``state`` was placed (a pack is never split)."""
    where = {a.obj.name: a.shares[0].option for a in result.assignments if a.obj.nf == state.nf}
    return [where[o.name] for o in pack_objects(state, packs)]


def _at_level(pack: Pack, option: placement.Option) -> Pack:
    weights = _weights(option)
    cost = AccessCost(pack.cost.reads, pack.cost.writes,
                      pack.cost.reads * weights.read + pack.cost.writes * weights.write)
    return replace(pack, cost=cost, level=option.label)


def _repack(state: NFState, packs: Sequence[Pack], options: Sequence[placement.Option],
            width: int) -> list[Pack]:
    """The packs of each level packed again at that level's latencies, from the current ones."""
    groups: dict[str, tuple[placement.Option, list[Pack]]] = {}
    for pack, option in zip(packs, options, strict=True):
        groups.setdefault(option.label, (option, []))[1].append(pack)
    out: list[Pack] = []
    for option, group in groups.values():
        variables = [v for p in group for v in p.variables]
        again = coalescing.suggest_packing(
            variables, state.vectors, state.uses, width, _weights(option), state.name,
            start=[list(p.variables) for p in group])
        out += again.packs
    return out


def plan_memory(states: Sequence[NFState], levels: Sequence[MemoryLevel], width: int, *,
                writable_scope: str = "core") -> MemoryPlan:
    """Packing and placement under the combined model (see the module doc)."""
    first = {s.nf: coalescing.suggest_packing(s.variables, s.vectors, s.uses, width,
                                              object_name=s.name) for s in states}
    packs = {nf: list(r.packs) for nf, r in first.items()}
    best: tuple[PlacementResult, dict[str, list[Pack]]] | None = None
    rounds = 0
    while rounds < MAX_ROUNDS:
        rounds += 1
        result = placement.solve_placement(combined_objects(states, packs, width), levels,
                                           writable_scope=writable_scope)
        if best is not None and result.objective >= best[0].objective - EPS:
            break
        best = (result, packs)
        packs = {s.nf: _repack(s, packs[s.nf], _options(result, s, packs[s.nf]), width)
                 for s in states}
    assert best is not None
    result, packs = best
    packings = tuple(_packing(s, packs[s.nf], _options(result, s, packs[s.nf]), width,
                              first[s.nf].k) for s in states)
    return MemoryPlan(result, packings, rounds)


def _packing(state: NFState, packs: Sequence[Pack], options: Sequence[placement.Option],
             width: int, k: int) -> CoalescingResult:
    """One NF's packing with every pack costed at its placed level, and its baselines (one
    access per variable; the declaration order) at the same levels."""
    use = coalescing.usages(state.uses)
    placed = [_at_level(p, o) for p, o in zip(packs, options, strict=True)]
    by_level: dict[str, tuple[placement.Option, list[Variable]]] = {}
    for pack, option in zip(placed, options, strict=True):
        by_level.setdefault(option.label, (option, []))[1].extend(pack.variables)
    separate = declared = coalescing.ZERO
    for option, variables in by_level.values():
        separate += coalescing.separate_cost(variables, use, _weights(option))
        declared += coalescing.declared_cost(variables, use, width, _weights(option))
    after = sum((p.cost for p in placed), coalescing.ZERO)
    mine = {v.name for p in placed for v in p.variables}
    return CoalescingResult("clara", state.name, tuple(placed), k, width, separate, declared,
                            after, tuple(v for v in state.variables if v.name not in mine))


def memory_insights(modules: Sequence[ProfiledModule], target: TargetProfile
                    ) -> tuple[list[dict[str, Any]], dict[str, Any], PlacementResult | None]:
    """The placement and packing records, their rendered text, and the placement."""
    states = [nf_state(m.profile, m.features, str(m.source), m.source.stem) for m in modules]
    if not any(s.variables for s in states):
        return [], {}, None
    plan = plan_memory(states, target.memory, coalescing.access_bytes(target.name))
    locations: dict[str, tuple[str, int]] = {}
    for m, s in zip(modules, states, strict=True):
        locations |= state_inputs.declaration_lines(m.source, [v.name for v in s.variables])
    records: list[dict[str, Any]] = list(placement.insight_records(plan.placement, locations))
    structs = []
    for packing in plan.packings:
        if packing.packs:
            records += coalescing.insight_records(packing, locations)
            structs.append(coalescing.render_packed_struct(packing))
    rendered = {"placement_table": placement.render_placement_table(plan.placement),
                "packed_structs": structs}
    return records, rendered, plan.placement
