"""Memory insights for an analysis: state placement over all NFs, and packing per NF.

Runs once the NFs are profiled and a target is known. Placement is one ILP over the state of
every analyzed NF (they share the NIC's capacities); packing is suggested per NF for the
memory level the ILP put most of its packable variables in. The records and the rendered
table and structs go into the insights document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clara.insights import coalescing, placement, state_inputs
from clara.ir.features import ModuleFeatures
from clara.targets.profile import MemoryLevel, TargetProfile


@dataclass(frozen=True)
class ProfiledModule:
    """One analyzed NF with its profile document."""

    source: Path
    features: ModuleFeatures
    profile: dict[str, Any]


def _packing_level(result: placement.PlacementResult, names: Sequence[str],
                   levels: Sequence[MemoryLevel]) -> MemoryLevel:
    """The level holding most of ``names`` (the NF's variables); the first level if none."""
    chosen = Counter(s.option.level.name for a in result.assignments if a.obj.name in names
                     for s in a.shares)
    if not chosen:
        return levels[0]
    name = chosen.most_common(1)[0][0]
    return next(level for level in levels if level.name == name)


def memory_insights(modules: Sequence[ProfiledModule], target: TargetProfile
                    ) -> tuple[list[dict[str, Any]], dict[str, Any],
                               placement.PlacementResult | None]:
    """The placement and packing records, their rendered text, and the placement."""
    objects = [obj for m in modules
               for obj in state_inputs.state_objects(m.profile, m.features, nf=str(m.source))]
    if not objects:
        return [], {}, None
    result = placement.solve_placement(objects, target.memory)
    locations: dict[str, tuple[str, int]] = {}
    for m in modules:
        names = [v.name for v in state_inputs.variables(m.features)]
        locations |= state_inputs.declaration_lines(m.source, names)
    records: list[dict[str, Any]] = list(placement.insight_records(result, locations))
    structs = []
    width = coalescing.ASSUMED_ACCESS_BYTES.get(target.name, coalescing.DEFAULT_ACCESS_BYTES)
    for m in modules:
        variables = state_inputs.variables(m.features)
        level = _packing_level(result, [v.name for v in variables], target.memory)
        packing = coalescing.suggest_packing(
            variables, state_inputs.access_vectors(m.profile, m.features),
            state_inputs.block_uses(m.profile, m.features), level, width, m.source.stem)
        if packing.packs:
            records += coalescing.insight_records(packing, locations)
            structs.append(coalescing.render_packed_struct(packing))
    rendered = {"placement_table": placement.render_placement_table(result),
                "packed_structs": structs}
    return records, rendered, result
