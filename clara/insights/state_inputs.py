"""Inputs of the memory insights (placement, coalescing) from a profile and feature records.

This module turns a ``clara.profile/1`` document (docs/profiling.md) and the NF's
``clara.features/1`` records into the typed inputs of :mod:`clara.insights.placement` and
:mod:`clara.insights.coalescing`:

* :func:`state_objects`: one :class:`StateObject` per top-level state variable, with its
  footprint and per-packet reads and writes. A nested member (``_iph.ip_ttl``) is charged to the
  variable that contains it. A container (``HashMap``, ``HashTable``, ``Vector``, a pointer) has
  heap storage the records cannot size: its footprint is the declared size plus
  ``ASSUMED_ENTRY_BYTES`` per estimated element: for a hash table the smaller of the flows
  seen in the trace and the writes to it (setup and packets), otherwise the writes during
  setup (what ``configure``/``initialize`` built); ``size_overrides`` replaces any footprint.
* :func:`access_vectors`: the profile's access vectors per top-level variable.
* :func:`block_uses`: per IR block, how often it runs per packet and which variables it reads
  and writes (the records' static state accesses).
* :func:`variables`: per variable, its declared type, size and offset (declaration order).
* :func:`declaration_lines`: where each member is declared in the source or the header beside
  it, found by name (None when not found).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clara.errors import ClaraError
from clara.insights.placement import StateObject
from clara.ir.features import ModuleFeatures, StateVariable

PROFILE_SCHEMA = "clara.profile/1"
CONTAINER_TYPES = ("HashMap", "HashTable", "Vector")
ASSUMED_ENTRY_BYTES = 64  # assumed: one flow-table entry or vector element (key, value, link)
HEADER_SUFFIXES = (".hh", ".h", ".hpp")


@dataclass(frozen=True)
class Variable:
    """A top-level state variable: its key (``Object::field``), C type, size, offset in its
    object (the element, or a function-local static) and whether it is a container."""

    name: str
    ctype: str
    size: int
    offset: int
    container: bool
    object: str = ""


@dataclass(frozen=True)
class BlockUse:
    """One IR block: runs per packet and the variables it reads and writes."""

    block: str  # "<function>/<index>", as in the profile's access vectors
    rate: float
    reads: frozenset[str]
    writes: frozenset[str]


def read_profile(path: Path) -> dict[str, Any]:
    """A ``clara.profile/1`` document; another schema is a ClaraError naming the file."""
    try:
        document = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as err:
        raise ClaraError(f"{path}: not a readable profile ({err})") from err
    if document.get("schema") != PROFILE_SCHEMA:
        raise ClaraError(f"{path}: schema {document.get('schema')!r}, expected {PROFILE_SCHEMA}")
    return document


def state_key(object_name: str, field: str) -> str:
    return f"{object_name}::{field}" if field else object_name


def is_container(ctype: str) -> bool:
    return ctype.rstrip().endswith("*") or ctype.startswith(CONTAINER_TYPES)


def _top_level(state: list[StateVariable]) -> list[StateVariable]:
    """The variables not inside another one of the same object (by byte range)."""
    def inside(inner: StateVariable, outer: StateVariable) -> bool:
        return (inner is not outer and inner.object == outer.object
                and outer.offset <= inner.offset
                and inner.offset + inner.size <= outer.offset + outer.size
                and inner.field.startswith(f"{outer.field}."))
    return [s for s in state if not any(inside(s, o) for o in state)]


def variables(features: ModuleFeatures) -> list[Variable]:
    """Top-level state variables in declaration order (object, then byte offset)."""
    tops = sorted(_top_level(features.state), key=lambda s: (s.object, s.offset, s.field))
    return [Variable(state_key(s.object, s.field), s.type, s.size, s.offset, is_container(s.type),
                     s.object) for s in tops]


def owner_map(features: ModuleFeatures) -> dict[str, str]:
    """Every state key (nested members included) → the key of its top-level variable."""
    tops = _top_level(features.state)
    owners: dict[str, str] = {}
    for s in features.state:
        parent = next((t for t in tops if t.object == s.object and (
            t.field == s.field or s.field.startswith(f"{t.field}."))), s)
        owners[state_key(s.object, s.field)] = state_key(parent.object, parent.field)
    return owners


def _profile_counts(profile: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    return {state_key(r["object"], r["field"]): r for r in profile["state"]}


def _entries(var: Variable, flows: int, setup_stores: float, stores: float) -> int:
    """Estimated heap elements of a container variable (0 for a plain one)."""
    if not var.container:
        return 0
    if var.ctype.startswith(("HashMap", "HashTable")):
        return int(min(flows, setup_stores + stores))
    return int(setup_stores)


def state_objects(profile: Mapping[str, Any], features: ModuleFeatures, nf: str = "",
                  size_overrides: Mapping[str, int] | None = None) -> list[StateObject]:
    """The NF's top-level state variables with footprints and per-packet accesses."""
    counts = _profile_counts(profile)
    owners = owner_map(features)
    totals: dict[str, list[float]] = {}
    for key, owner in owners.items():
        row = counts.get(key)
        if row is None:
            continue
        acc = totals.setdefault(owner, [0.0, 0.0, 0.0, 0.0])
        acc[0] += row["loads_per_packet"]
        acc[1] += row["stores_per_packet"]
        acc[2] += row["setup_stores"]
        acc[3] += row["stores"]
    flows = int(profile["flows"]["seen"])
    overrides = size_overrides or {}
    objects = []
    for var in variables(features):
        reads, writes, setup, stores = totals.get(var.name, [0.0, 0.0, 0.0, 0.0])
        size = var.size + _entries(var, flows, setup, stores) * ASSUMED_ENTRY_BYTES
        objects.append(StateObject(
            name=var.name, size=int(overrides.get(var.name, size)), reads_per_packet=reads,
            writes_per_packet=writes, nf=nf, splittable=var.container or "[" in var.ctype))
    return objects


def access_vectors(profile: Mapping[str, Any],
                   features: ModuleFeatures) -> dict[str, dict[str, float]]:
    """Per top-level variable, each block's share of its packet-phase accesses (sums to 1).

    Nested members are merged into their variable, weighted by their access counts.
    """
    counts = _profile_counts(profile)
    merged: dict[str, dict[str, float]] = {}
    for key, owner in owner_map(features).items():
        row, vector = counts.get(key), profile["access_vectors"].get(key, {})
        if row is None:
            continue
        total = row["loads"] + row["stores"]
        acc = merged.setdefault(owner, {})
        for block, share in vector.items():
            acc[block] = acc.get(block, 0.0) + share * total
    return {name: {b: c / sum(v.values()) for b, c in v.items()} if v else {}
            for name, v in merged.items()}


def block_uses(profile: Mapping[str, Any], features: ModuleFeatures) -> list[BlockUse]:
    """Blocks that touch state, with their per-packet rate (packet phase)."""
    packets = max(int(profile["packets"]["processed"]), 1)
    rates = {(b["function"], b["index"]): b["count"] / packets for b in profile["blocks"]}
    owners = owner_map(features)
    uses = []
    for block in features.blocks:
        named = [a for a in block.state_accesses if state_key(a.object, a.field) in owners]
        if not named:
            continue
        reads = frozenset(owners[state_key(a.object, a.field)] for a in named if not a.is_store)
        writes = frozenset(owners[state_key(a.object, a.field)] for a in named if a.is_store)
        uses.append(BlockUse(f"{block.function}/{block.index}",
                             rates.get((block.function, block.index), 0.0), reads, writes))
    return uses


def declaration_lines(source: Path, names: list[str]) -> dict[str, tuple[str, int]]:
    """Where each ``Object::field`` is declared: the first line declaring the field's name."""
    files = [source, *(source.with_suffix(s) for s in HEADER_SUFFIXES)]
    texts = {f: f.read_text(errors="replace").splitlines() for f in files if f.is_file()}
    found: dict[str, tuple[str, int]] = {}
    for name in names:
        field = name.rsplit("::", 1)[-1].split(".")[0]
        pattern = re.compile(rf"^\s*[A-Za-z_][\w:<>, *&]*[\s*&]{re.escape(field)}\s*(\[|;|=|\{{)")
        for path, lines in texts.items():
            hit = next((i for i, text in enumerate(lines, 1) if pattern.search(text)), None)
            if hit is not None:
                found[name] = (str(path), hit)
                break
    return found
