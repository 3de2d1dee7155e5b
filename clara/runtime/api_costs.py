"""Per-target cost tables of the reverse-ported framework API, measured from compiler output.

The C versions of the SmartNIC-style API (``clara/runtime/nic/clara_nic.c``) are compiled with
the target's compiler (:func:`clara.targets.compiler.compile_source`, the target's flags plus
``-g``) and read back with :func:`clara.targets.asm_reader.read_object`, which charges every
target instruction to a source line. The source marks its loops and alternative paths with
``/* @loop UNIT */ ... /* @end */`` and ``/* @path NAME */ ... /* @end */``; an instruction
belongs to its line's innermost region, and lines in no region are the fixed part. A call then
costs

    fixed + max over paths(path + loops inside it) + sum over loops(per-trip x trips)

instructions (and memory accesses: loads, stores and atomics, by the target's opcode table).
Trip counts are the quantities the host runtime reports per call through
``clara_rt_api_event`` (probes, compares, key words, entries moved, 16-bit words summed...).
Key, value and element sizes are run-time fields in the C code, so the loops stay loops and the
counts are linear in the trips; a port specialised to one key size could unroll them.

Each API gets a headline form ``fixed + per_unit x unit`` (its primary unit, with the other
quantities at documented defaults) and the full list of terms, each with the source lines and
the function it was read from. Schema ``clara.api-costs/1``.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from clara.errors import ClaraError
from clara.targets.asm_reader import AsmInstruction, read_object
from clara.targets.compiler import compile_argv, compile_source, compiler_version
from clara.targets.profile import TargetProfile

SCHEMA = "clara.api-costs/1"
RUNTIME_DIR = Path(__file__).resolve().parent
NIC_SOURCE = RUNTIME_DIR / "nic" / "clara_nic.c"
TABLE_DIR = RUNTIME_DIR / "api_costs"

# Sizes the headline figures assume (the examples' common cases): an IPFlowID key
# (3 words), an int value, a 16-byte Vector entry.
DEFAULTS: dict[str, int] = {"key_words": 3, "value_words": 1, "elt_words": 4}

_MARK = re.compile(r"^\s*/\*\s*@(loop|path)\s+(\S+)\s*\*/\s*$")
_END = re.compile(r"^\s*/\*\s*@end\s*\*/\s*$")


@dataclass(frozen=True)
class Region:
    """A marked line range of the C source."""

    kind: str           # "loop" or "path"
    name: str           # the loop's unit ("probes", "compares*key_words") or the path's name
    first: int          # first line inside the markers
    last: int           # last line inside the markers
    path: str | None    # the enclosing path, for a loop inside one

    @property
    def lines(self) -> str:
        return f"{self.first}-{self.last}"


@dataclass(frozen=True)
class Api:
    """One costed API: the C function that implements it and its headline unit."""

    name: str
    catalog: str
    function: str
    unit: str               # the headline unit ("call" when nothing varies)
    per_unit: str           # how the headline per-unit figure combines terms (see _per_unit)
    note: str


APIS: tuple[Api, ...] = (
    Api("HashMap::find", "HashMap::find", "clara_nic_table_find", "probes", "probe",
        "find/findp/find_pair/operator[]; a probe examines one slot of the key's bucket"),
    Api("HashMap::insert", "HashMap::insert", "clara_nic_table_insert", "probes", "probe",
        "insert/set/find_force; fails (path 'full') when the bucket has no free slot"),
    Api("HashMap::erase", "HashMap::erase", "clara_nic_table_erase", "probes", "probe",
        "erase/remove: find, then clear the slot's valid word"),
    Api("HashMap::iterate", "HashMap::iterate", "clara_nic_table_next", "scanned", "scanned",
        "begin/iterator::operator++: slots scanned to the next occupied one"),
    Api("HashMap::clear", "HashMap::erase", "clara_nic_table_clear", "slots", "slots",
        "clear: every slot's valid word"),
    Api("HashTable::find", "HashTable::find", "clara_nic_table_find", "probes", "probe",
        "same table as HashMap"),
    Api("HashTable::insert", "HashTable::insert", "clara_nic_table_insert", "probes", "probe",
        "find_insert/set/replace/operator[]"),
    Api("HashTable::erase", "HashTable::erase", "clara_nic_table_erase", "probes", "probe",
        "erase"),
    Api("HashTable::iterate", "HashTable::iterate", "clara_nic_table_next", "scanned",
        "scanned", "begin/iterator::operator++"),
    Api("Vector::push_back", "Vector::push_back", "clara_nic_vec_push_back", "call", "none",
        "fixed capacity: fails (path 'full') when full; copies one entry"),
    Api("Vector::insert", "Vector::push_back", "clara_nic_vec_insert", "moved", "moved",
        "insert/push_front: entries after the position move up by one"),
    Api("Vector::erase", "Vector::erase", "clara_nic_vec_erase", "moved", "moved",
        "erase/pop_front: marks the range invalid and moves the tail down (moved = 0 is a "
        "mark-only delete)"),
    Api("Vector::pop_back", "Vector::erase", "clara_nic_vec_pop_back", "call", "none", ""),
    Api("Vector::clear", "Vector::erase", "clara_nic_vec_clear", "call", "none", "n = 0"),
    Api("Vector::access", "Vector::access", "clara_nic_vec_at", "call", "none",
        "operator[]/at/begin: base + index x entry size"),
    Api("click_in_cksum", "click_in_cksum", "clara_nic_in_cksum", "bytes", "bytes16",
        "RFC 1071 over 16-bit words"),
    Api("click_in_cksum_pseudohdr", "click_in_cksum", "clara_nic_in_cksum_pseudohdr_raw",
        "call", "none", "pseudo-header fold"),
    Api("Timestamp::now", "Timestamp::now", "clara_nic_timestamp_now", "call", "none",
        "one read of a 64-bit timestamp counter"),
    Api("click_jiffies", "click_random", "clara_nic_jiffies", "call", "none", ""),
    Api("click_random", "click_random", "clara_nic_random", "call", "none", "xorshift32"),
    Api("Packet::ip_header", "Packet::ip_header", "clara_nic_pkt_ip_header", "call", "none",
        "buffer + parsed L3 offset"),
    Api("Packet::transport_header", "Packet::transport_header",
        "clara_nic_pkt_transport_header", "call", "none", "also tcp_header/udp_header"),
    Api("Packet::data", "Packet::data", "clara_nic_pkt_data", "call", "none", ""),
    Api("Packet::length", "Packet::length", "clara_nic_pkt_length", "call", "none", ""),
    Api("Packet::push", "Packet::push", "clara_nic_pkt_push", "call", "none",
        "into the headroom; no reallocation"),
    Api("Packet::pull", "Packet::pull", "clara_nic_pkt_pull", "call", "none", ""),
    Api("Packet::put", "Packet::put", "clara_nic_pkt_put", "call", "none", ""),
    Api("Packet::take", "Packet::take", "clara_nic_pkt_take", "call", "none", ""),
    Api("Packet::uniqueify", "Packet::uniqueify", "clara_nic_pkt_uniqueify", "call", "none",
        "NIC packets are always writable"),
    Api("Packet::anno", "Packet::anno", "clara_nic_pkt_anno_u32", "call", "none",
        "anno_u32 and the *_ANNO macros"),
    Api("Packet::set_anno", "Packet::anno", "clara_nic_pkt_set_anno_u32", "call", "none", ""),
    Api("Packet::copy_annotations", "Packet::anno", "clara_nic_pkt_copy_annotations", "call",
        "none", "12 annotation words and the timestamp"),
    Api("Packet::make", "Packet::make", "clara_nic_pkt_make", "bytes", "bytes32",
        "a buffer from the free ring; data copied by words"),
    Api("Packet::kill", "Packet::kill", "clara_nic_pkt_kill", "call", "none",
        "the buffer back on the free ring"),
    Api("Packet::clone", "Packet::clone", "clara_nic_pkt_clone", "bytes", "bytes32",
        "a copy of the buffer's used part (headroom + data)"),
    Api("Element::output_push", "Element::output_push", "clara_nic_port_push", "call", "none",
        "enqueue on a ring"),
    Api("Element::input_pull", "Element::input_pull", "clara_nic_port_pull", "call", "none",
        "dequeue from a ring"),
    Api("IPFlowID", "IPFlowID", "clara_nic_flowid", "call", "none",
        "IPFlowID(const click_ip *): fixed-offset loads"),
)


def parse_regions(source: Path) -> list[Region]:
    """The ``@loop`` / ``@path`` regions of a C source, outermost first."""
    stack: list[tuple[str, str, int]] = []
    regions: list[Region] = []
    for number, text in enumerate(source.read_text().splitlines(), start=1):
        mark = _MARK.match(text)
        if mark:
            stack.append((mark.group(1), mark.group(2), number + 1))
            continue
        if _END.match(text):
            if not stack:
                raise ClaraError(f"{source}:{number}: @end without a region")
            kind, name, first = stack.pop()
            path = next((n for k, n, _ in reversed(stack) if k == "path"), None)
            regions.append(Region(kind, name, first, number - 1, path))
    if stack:
        raise ClaraError(f"{source}: unclosed region {stack[-1][1]!r}")
    return sorted(regions, key=lambda r: (r.first, -r.last))


def innermost(regions: list[Region], line: int | None) -> Region | None:
    """The smallest region containing ``line``."""
    if line is None:
        return None
    best: Region | None = None
    for r in regions:
        smaller = best is None or r.last - r.first < best.last - best.first
        if r.first <= line <= r.last and smaller:
            best = r
    return best


def ancestors(regions: list[Region], region: Region) -> list[Region]:
    """``region`` and the regions around it, innermost first."""
    around = [r for r in regions if r.first <= region.first and region.last <= r.last]
    return sorted(around, key=lambda r: r.last - r.first)


def _counts(insns: list[AsmInstruction]) -> dict[str, int]:
    return {"instructions": len(insns), "memory": sum(1 for i in insns if i.is_memory)}


def _function_regions(regions: list[Region], insns: list[AsmInstruction]) -> list[Region]:
    lines = [i.line for i in insns if i.line is not None]
    if not lines:
        return []
    lo, hi = min(lines), max(lines)
    return [r for r in regions if r.first <= hi and lo <= r.last]


_TARGET = re.compile(r"(?:^|[\s,])(?:0x)?([0-9a-f]+) <[^>]+>")


def back_edges(insns: list[AsmInstruction], delay_slots: bool) -> list[tuple[int, int, int]]:
    """(target, branch, end) address spans of the function's backward branches: the
    instructions from ``target`` to ``end`` (the branch, or its delay slot) repeat."""
    ordered = sorted(insns, key=lambda i: i.address)
    start = ordered[0].address if ordered else 0
    spans = []
    for k, insn in enumerate(ordered):
        m = _TARGET.search(insn.operands)
        if not m:
            continue
        target = int(m.group(1), 16)
        if start <= target <= insn.address:
            end = ordered[k + 1].address if delay_slots and k + 1 < len(ordered) else insn.address
            spans.append((target, insn.address, end))
    return spans


def cost_function(insns: list[AsmInstruction], regions: list[Region],
                  delay_slots: bool = False) -> dict[str, Any]:
    """Fixed part, per-path and per-loop-trip counts of one function's instructions.

    An instruction on a line of ``@loop`` region L counts per trip of L only if it lies
    inside L's loop in the object: the address spans of the backward branches found on L's
    lines and its sub-regions' lines. Otherwise (loop set-up the compiler left on the loop's
    line, or an exit) it goes to the next region out: an enclosing loop whose span holds it,
    an enclosing path, or the fixed part."""
    mine = _function_regions(regions, insns)
    spans = back_edges(insns, delay_slots)
    by_address = {i.address: i for i in insns}
    extent: dict[Region, list[tuple[int, int]]] = {}
    for target, branch, end in spans:
        region = innermost(mine, by_address[branch].line)
        if region is None:
            continue
        for r in ancestors(mine, region):
            if r.kind == "loop":
                extent.setdefault(r, []).append((target, end))
    groups: dict[Region | None, list[AsmInstruction]] = {}
    for insn in insns:
        region = innermost(mine, insn.line)
        charged: Region | None = None
        if region is not None:
            for r in ancestors(mine, region):
                if r.kind == "path" or any(a <= insn.address <= b for a, b in extent.get(r, [])):
                    charged = r
                    break
        groups.setdefault(charged, []).append(insn)
    fixed = groups.get(None, [])
    paths: dict[str, dict[str, Any]] = {}
    terms: list[dict[str, Any]] = []
    for r in mine:
        counts = _counts(groups.get(r, []))
        if r.kind == "path":
            paths[r.name] = {**counts, "lines": r.lines}
        else:
            terms.append({"unit": r.name, **counts, "path": r.path, "lines": r.lines})
    return {
        "fixed": {**_counts(fixed),
                  "unattributed": sum(1 for i in fixed if i.line is None)},
        "paths": paths,
        "terms": terms,
    }


def _trips(unit: str, quantities: Mapping[str, float]) -> float:
    value = 1.0
    for factor in unit.split("*"):
        value *= quantities.get(factor, 0.0)
    return value


def evaluate(
    entry: Mapping[str, Any], path: str | None = None, **quantities: float
) -> dict[str, float]:
    """Instructions and memory accesses of one call: ``quantities`` give the trips of each
    unit (probes=, compares=, key_words=, moved=, words16=, ...); sizes default to DEFAULTS.
    ``path`` selects an alternative path (default: the costliest)."""
    q: dict[str, float] = {**{k: float(v) for k, v in DEFAULTS.items()}, **quantities}
    out = {"instructions": float(entry["fixed"]["instructions"]),
           "memory": float(entry["fixed"]["memory"])}
    paths: dict[str, Any] = entry.get("paths", {})
    chosen = path
    if chosen is None and paths:
        def path_cost(name: str) -> float:
            inner = sum(t["instructions"] * _trips(t["unit"], q)
                        for t in entry["terms"] if t["path"] == name)
            return float(paths[name]["instructions"]) + inner
        chosen = max(paths, key=path_cost)
    if chosen is not None:
        if chosen not in paths:
            raise ClaraError(f"{entry.get('function')}: no path {chosen!r} (has {sorted(paths)})")
        out["instructions"] += paths[chosen]["instructions"]
        out["memory"] += paths[chosen]["memory"]
    for t in entry["terms"]:
        if t["path"] is not None and t["path"] != chosen:
            continue
        trips = _trips(t["unit"], q)
        out["instructions"] += t["instructions"] * trips
        out["memory"] += t["memory"] * trips
    return out


def _headline(api: Api, entry: dict[str, Any]) -> dict[str, Any]:
    """``fixed + per_unit x unit`` in the API's primary unit, other sizes at DEFAULTS."""
    d = {k: float(v) for k, v in DEFAULTS.items()}
    per_call = {"probe": {"probes": 1.0, "compares": 1.0},
                "scanned": {"scanned": 1.0},
                "slots": {"slots": 1.0},
                "moved": {"moved": 1.0},
                "bytes16": {"words16": 0.5},
                "bytes32": {"words": 0.25},
                "none": {}}[api.per_unit]
    zero = {**d, **dict.fromkeys(per_call, 0.0)}
    one = {**d, **per_call}
    base = evaluate(entry, **zero)
    unit = evaluate(entry, **one)
    return {
        "unit": api.unit,
        "fixed_instructions": round(base["instructions"], 3),
        "per_unit_instructions": round(unit["instructions"] - base["instructions"], 3),
        "fixed_memory": round(base["memory"], 3),
        "per_unit_memory": round(unit["memory"] - base["memory"], 3),
    }


def build_table(profile: TargetProfile, work_dir: Path | None = None) -> dict[str, Any]:
    """Compile the C versions with the target's compiler and derive every API's cost."""
    with tempfile.TemporaryDirectory(prefix="clara-api-costs-") as tmp:
        out = Path(work_dir) if work_dir else Path(tmp)
        result = compile_source(profile, NIC_SOURCE, out, include_dirs=[NIC_SOURCE.parent])
        reading = read_object(profile, result.object_path, NIC_SOURCE)
    regions = parse_regions(NIC_SOURCE)
    delay_slots = "mips" in profile.compiler.binutils_prefix
    by_function: dict[str, list[AsmInstruction]] = {}
    for insn in reading.instructions:
        by_function.setdefault(insn.function, []).append(insn)
    argv = " ".join(compile_argv(profile.compiler, "c", Path("clara_nic.c"),
                                 Path("clara_nic.o"), [Path("nic")]))
    apis: dict[str, Any] = {}
    for api in APIS:
        insns = by_function.get(api.function)
        if not insns:
            raise ClaraError(f"target {profile.name}: {api.function} not found in "
                             f"{result.object_path.name} (inlined away or renamed?)")
        entry = cost_function(insns, regions, delay_slots)
        entry = {"catalog": api.catalog, "function": api.function, **entry}
        headline = _headline(api, entry)
        fixed = entry["fixed"]
        entry = {
            **headline,
            "catalog": api.catalog,
            "note": api.note,
            "function": api.function,
            "fixed": fixed,
            "paths": entry["paths"],
            "terms": entry["terms"],
            "source": (
                f"{len(insns)} instructions of {api.function} in clara_nic.o; fixed = "
                f"{fixed['instructions']} on lines outside @loop/@path regions "
                f"({fixed['unattributed']} with no line) + the costliest path; per-unit = the "
                f"@loop regions' instructions x trips, sizes at the defaults"
            ),
        }
        apis[api.name] = entry
    return {
        "schema": SCHEMA,
        "target": profile.name,
        "proxy": profile.compiler.proxy,
        "proxy_of": profile.compiler.proxy_of,
        "compiler": {"command": argv, "version": compiler_version(profile, "c")},
        "source": "clara/runtime/nic/clara_nic.c",
        "generated": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "defaults": DEFAULTS,
        "counts": reading.counts(),
        "method": (
            "compile_source (target flags + -g), read_object (objdump + addr2line); an "
            "instruction is charged to its line's innermost @loop/@path region of the C "
            "source; memory = loads + stores + atomics by the target's opcode table"
        ),
        "apis": apis,
    }


def write_table(table: Mapping[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(table, indent=1, sort_keys=False) + "\n")


def load_table(target: str) -> dict[str, Any]:
    """A shipped cost table (``clara/runtime/api_costs/<target>.json``)."""
    path = TABLE_DIR / f"{target}.json"
    if not path.is_file():
        raise ClaraError(f"no API cost table for target {target!r} ({path}); "
                         f"build it with `clara dataset api-costs --target {target} -o {path}`")
    data: dict[str, Any] = json.loads(path.read_text())
    if data.get("schema") != SCHEMA:
        raise ClaraError(f"{path}: schema {data.get('schema')!r}, expected {SCHEMA!r}")
    return data
