"""Per-target cost tables of the reverse-ported framework API, measured from compiler output.

The C versions of the SmartNIC-style API (``clara/runtime/nic/clara_nic.c``) are compiled with
the target's compiler (:func:`clara.targets.compiler.compile_source`, the target's flags plus
``-g``) and read back with :func:`clara.targets.asm_reader.read_object`, which charges every
target instruction to a source line. The source marks its loops and alternative paths with
``/* @loop UNIT */ ... /* @end */`` and ``/* @path NAME */ ... /* @end */``; an instruction
belongs to its line's innermost region, and lines in no region are the fixed part. A call then
costs

    route(path) + path + sum over loops(per-trip x trips)

instructions (and memory accesses: loads, stores and atomics, by the target's opcode table),
for the path the call takes (by default the costliest). ``route(path)`` is the fixed part a
call on that path runs: the fixed instructions on the heaviest route of the object's
control-flow graph (back edges removed) from the entry to a return or tail call that passes
through the path's code and no other path's. Code no call on that path runs (another path's
return, an error exit the compiler placed after the tail call) is not charged; a path
whose code shares a basic block with another's falls back to every fixed instruction with
one epilogue.
Trip counts are the quantities the host runtime reports per call through
``clara_rt_api_event`` (probes, compares, key words, entries moved, 16-bit words summed...).
Key, value and element sizes are run-time fields in the C code, so the loops stay loops and the
counts are linear in the trips; a port specialised to one key size could unroll them.

Each API gets a headline form ``fixed + per_unit x unit`` (its primary unit, with the other
quantities at documented defaults) and the full list of terms, each with the source lines and
the function it was read from. Schema ``clara.api-costs/2`` (``/2``: the
per-path routes).
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

from clara.cfg import back_edges, natural_loops, reachable
from clara.errors import ClaraError
from clara.targets.asm_reader import (
    AsmInstruction,
    RawInstruction,
    basic_blocks,
    branch_target,
    has_delay_slots,
    is_return,
    read_object,
)
from clara.targets.compiler import compile_argv, compile_source, compiler_version
from clara.targets.profile import OpcodeTable, TargetProfile

SCHEMA = "clara.api-costs/2"
RUNTIME_DIR = Path(__file__).resolve().parent
NIC_SOURCE = RUNTIME_DIR / "nic" / "clara_nic.c"
TABLE_DIR = RUNTIME_DIR / "api_costs"

# Sizes the headline figures assume (the examples' common cases): an IPFlowID key
# (3 words), an int value, a 16-byte Vector entry.
DEFAULTS: dict[str, int] = {"key_words": 3, "value_words": 1, "elt_words": 4}

SIZED_KEY_WORDS = (1, 2, 3, 4)  # key sizes the table operations are also compiled for
SIZED_VALUE_WORDS = (1, 2, 3, 4)  # value sizes they are compiled for with each key size
BRANCH_REFERENCE = "clara_nic_branch_reference"

_MARK = re.compile(r"^\s*/\*\s*@(loop|each|path)\s+(\S+)\s*\*/\s*$")
_END = re.compile(r"^\s*/\*\s*@end\s*\*/\s*$")


@dataclass(frozen=True)
class Region:
    """A marked line range of the C source."""

    kind: str           # "loop", "each" or "path"
    name: str           # the loop's unit ("probes", "compares*key_words") or the path's name
    first: int          # first line inside the markers
    last: int           # last line inside the markers
    path: str | None    # the enclosing path, for a loop inside one

    @property
    def lines(self) -> str:
        return f"{self.first}-{self.last}"


@dataclass(frozen=True)
class Api:
    """One costed API: the C function that implements it, its headline unit and how its
    instructions are counted (:data:`KINDS`). With ``less``, the cost is the difference
    between two functions without their returns: a predicate written as a call site
    branches on it, less :data:`BRANCH_REFERENCE` (the caller's branch); two chained
    checksum updates less one (an update in a chain)."""

    name: str
    catalog: str
    function: str
    unit: str               # the headline unit ("call" when nothing varies)
    per_unit: str           # how the headline per-unit figure combines terms (see _headline)
    note: str
    kind: str = "call"      # "call" or "inline" (see KINDS)
    less: str = ""          # a function whose cost (without its return) is subtracted


def _table_apis(op: str, unit: str, note: str) -> tuple[Api, ...]:
    """A table operation at run-time key and value sizes (``HashMap::find``), compiled for
    keys of 1 to 4 words (``HashMap::find/k3``: :data:`SIZED_KEY_WORDS`), and for keys and
    values of 1 to 4 words each (``HashMap::find/k3v1``: :data:`SIZED_VALUE_WORDS`)."""
    generic = Api(f"HashMap::{op}", f"HashMap::{op}", f"clara_nic_table_{op}", unit, "probe",
                  note + "; also HashTable")
    by_key = (Api(f"HashMap::{op}/k{k}", f"HashMap::{op}", f"clara_nic_table_{op}_k{k}", unit,
                  "probe", f"a {4 * k}-byte key (the key loops unrolled)")
              for k in SIZED_KEY_WORDS)
    by_key_value = (Api(f"HashMap::{op}/k{k}v{v}", f"HashMap::{op}",
                        f"clara_nic_table_{op}_k{k}v{v}", unit, "probe",
                        f"a {4 * k}-byte key and a {4 * v}-byte value (key and value loops "
                        "unrolled, constant slot stride)")
                    for k in SIZED_KEY_WORDS for v in SIZED_VALUE_WORDS)
    return (generic, *by_key, *by_key_value)


def _inline(name: str, catalog: str, function: str, note: str, less: str = "") -> Api:
    return Api(name, catalog, function, "call", "none", note, "inline", less)


def _predicate(name: str, catalog: str, function: str, note: str) -> Api:
    return _inline(name, catalog, function, note + "; a call site's branch on it",
                   BRANCH_REFERENCE)


KINDS = {
    "call": "the function's instructions: a call of it runs them all, its return included",
    "inline": "an inline member on the host (an accessor, an operator, a fast path): the "
              "function's instructions without its return, what a call site that inlines "
              "it runs",
}



APIS: tuple[Api, ...] = (
    *_table_apis("find", "probes", "find/findp/find_pair/get/count/operator[]; hashes the "
                 "key, then examines the slots of its bucket (path hit or miss)"),
    *_table_apis("insert", "probes", "insert/set/find_insert/find_force/replace; path new, "
                 "update or full (the bucket has no free slot)"),
    *_table_apis("erase", "probes", "erase/remove: find, then clear the slot's valid byte"),
    Api("HashMap::iterate", "HashMap::iterate", "clara_nic_table_next", "scanned", "scanned",
        "begin/iterator::operator++: slots scanned to the next used one; also HashTable"),
    Api("HashMap::clear", "HashMap::erase", "clara_nic_table_clear", "slots", "slots",
        "clear: every slot's valid byte"),
    _inline("HashMap::size", "HashMap::size", "clara_nic_table_size", "size/empty"),
    Api("Vector::push_back", "Vector::push_back", "clara_nic_vec_push_back", "call", "none",
        "fixed capacity: fails (path 'full') when full; copies one entry"),
    Api("Vector::insert", "Vector::push_back", "clara_nic_vec_insert", "moved", "moved",
        "insert/push_front: entries after the position move up by one"),
    Api("Vector::erase", "Vector::erase", "clara_nic_vec_erase", "moved", "moved",
        "erase/pop_front: marks the range invalid and moves the tail down (moved = 0 is a "
        "mark-only delete)"),
    Api("Vector::pop_back", "Vector::erase", "clara_nic_vec_pop_back", "call", "none", ""),
    Api("Vector::clear", "Vector::erase", "clara_nic_vec_clear", "call", "none", "n = 0"),
    _inline("Vector::access", "Vector::access", "clara_nic_vec_at",
            "operator[]/at/front/back/begin: base + index x a constant entry size"),
    _inline("Vector::size", "Vector::size", "clara_nic_vec_size", "size/empty/capacity"),
    Api("click_in_cksum", "click_in_cksum", "clara_nic_in_cksum", "bytes", "bytes16",
        "RFC 1071 over 16-bit words"),
    Api("click_in_cksum_pseudohdr", "click_in_cksum", "clara_nic_in_cksum_pseudohdr_raw",
        "call", "none", "pseudo-header fold"),
    _inline("click_update_in_cksum", "click_in_cksum", "clara_nic_update_in_cksum",
            "RFC 1624 incremental update"),
    _inline("click_update_in_cksum/chained", "click_in_cksum", "clara_nic_update_in_cksum2",
            "an update right after another one in the same block (the sum stays in a "
            "register): two updates less one", "clara_nic_update_in_cksum"),
    _inline("click_update_in_cksum/repeated", "click_in_cksum", "clara_nic_update_in_cksum_rep",
            "an update with the old and new words of an earlier one in the function, of "
            "another checksum (~old + new computed once): two updates less one",
            "clara_nic_update_in_cksum"),
    _inline("click_update_in_cksum/chained+repeated", "click_in_cksum",
            "clara_nic_update_in_cksum_rep2",
            "a chained update that also repeats an earlier one's words: a chained pair on "
            "two checksums less its first three updates",
            "clara_nic_update_in_cksum_rep2_head"),
    _inline("byteorder16", "byteorder", "clara_nic_bswap16", "ntohs/htons"),
    _inline("byteorder32", "byteorder", "clara_nic_bswap32", "ntohl/htonl"),
    Api("Timestamp::now", "Timestamp::now", "clara_nic_timestamp_now", "call", "none",
        "one read of a 64-bit timestamp counter"),
    Api("click_jiffies", "click_random", "clara_nic_jiffies", "call", "none", ""),
    Api("click_random", "click_random", "clara_nic_random", "call", "none", "xorshift32"),
    _inline("Timestamp::sub", "Timestamp::arith", "clara_nic_ts_sub", "operator-, +, +=, -="),
    _predicate("Timestamp::compare", "Timestamp::arith", "clara_nic_ts_less",
            "operator<, <=, >, >=, ==, !="),
    _predicate("Timestamp::bool", "Timestamp::arith", "clara_nic_ts_nonzero",
            "operator bool, is_set"),
    _inline("Timestamp::sec", "Timestamp::arith", "clara_nic_ts_sec",
            "sec, msec1, usec1: floor division"),
    _inline("IPAddress::addr", "IPAddress", "clara_nic_ipaddr_addr", "addr, operator uint32_t"),
    _predicate("IPAddress::bool", "IPAddress", "clara_nic_ipaddr_nonzero",
            "operator bool, empty, comparisons"),
    Api("IPFlowID", "IPFlowID", "clara_nic_flowid_packet", "call", "none",
        "IPFlowID(const Packet *, bool) and (const click_ip *, bool): fixed-offset loads"),
    _inline("IPFlowID::field", "IPFlowID", "clara_nic_flowid_field",
            "saddr, daddr, sport, dport"),
    _inline("Packet::network_header", "Packet::network_header",
            "clara_nic_pkt_network_header", "network_header, ip_header: a header pointer"),
    _predicate("Packet::has_network_header", "Packet::network_header",
            "clara_nic_pkt_has_network_header", "has_*_header"),
    _inline("Packet::transport_header", "Packet::transport_header",
            "clara_nic_pkt_transport_header", "transport/tcp/udp/icmp_header"),
    _inline("Packet::mac_header", "Packet::mac_header", "clara_nic_pkt_mac_header",
            "mac_header, ether_header"),
    _inline("Packet::data", "Packet::data", "clara_nic_pkt_data",
            "data, end_data, buffer, end_buffer"),
    _inline("Packet::length", "Packet::length", "clara_nic_pkt_length", "end - start"),
    _inline("Packet::headroom", "Packet::data", "clara_nic_pkt_headroom",
            "headroom, tailroom, *_offset, *_length"),
    _inline("Packet::set_header", "Packet::network_header",
            "clara_nic_pkt_set_network_header", "set_*_header"),
    _predicate("Packet::shared", "Packet::uniqueify", "clara_nic_pkt_shared", "shared"),
    _inline("Packet::uniqueify", "Packet::uniqueify", "clara_nic_pkt_uniqueify",
            "the shared() test; a shared packet's copy is Packet::copy_data"),
    Api("Packet::copy_data", "Packet::uniqueify", "clara_nic_pkt_copy_data", "bytes", "bytes32",
        "expensive_uniqueify of a clone: the used part of the buffer copied by words"),
    _inline("Packet::push", "Packet::push", "clara_nic_pkt_push",
            "fast path: into the headroom (path slow: Packet::move_data)"),
    _inline("Packet::put", "Packet::put", "clara_nic_pkt_put",
            "fast path: into the tailroom (path slow: Packet::move_data)"),
    Api("Packet::move_data", "Packet::push", "clara_nic_pkt_move_data", "bytes", "bytes32",
        "expensive_push/put, shift_data: the data moved within the buffer by words"),
    _inline("Packet::pull", "Packet::pull", "clara_nic_pkt_pull", ""),
    _inline("Packet::take", "Packet::take", "clara_nic_pkt_take", ""),
    _inline("Packet::anno", "Packet::anno", "clara_nic_pkt_anno_u32",
            "anno_u*, dst_ip_anno and the *_ANNO macros"),
    _inline("Packet::set_anno", "Packet::anno", "clara_nic_pkt_set_anno_u32",
            "set_anno_u*, set_dst_ip_anno"),
    Api("Packet::copy_annotations", "Packet::anno", "clara_nic_pkt_copy_annotations", "call",
        "none", "48 annotation bytes and the timestamp"),
    Api("Packet::make", "Packet::make", "clara_nic_pkt_make", "bytes", "bytes32",
        "a descriptor off the free stack; data copied by words"),
    Api("Packet::kill", "Packet::kill", "clara_nic_pkt_kill", "call", "none",
        "the descriptor back on the free stack (path last; clone: a clone's)"),
    Api("Packet::clone", "Packet::clone", "clara_nic_pkt_clone", "call", "none",
        "a descriptor sharing the data (copy on write)"),
    Api("Element::output_push", "Element::output_push", "clara_nic_port_push", "call", "none",
        "Port::push: a call of the next element's push (path drop: unwired)"),
    Api("Element::input_pull", "Element::input_pull", "clara_nic_port_pull", "call", "none",
        "Port::pull: a call of the element upstream"),
    Api("Element::push", "Element::lifetime", "clara_nic_element_push", "call", "none",
        "the framework's push of an element that defines only simple_action"),
    _inline("Element::output", "Element::output_push", "clara_nic_element_output",
            "output(i), input(i), port(...) of a constant port"),
    _inline("Element::noutputs", "Element::output_push", "clara_nic_element_noutputs",
            "noutputs, ninputs, nports"),
    _inline("Element::checked_output_push", "Element::output_push",
            "clara_nic_element_checked_push", "the port check before Port::push"),
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
    """The regions holding at least one of the function's instructions, and the regions
    around them (a region with none adds nothing; a function whose lines span other
    functions' bodies, as an inlined body and its wrappers do, must not pick up theirs)."""
    lines = {i.line for i in insns if i.line is not None}
    holding = [r for r in regions if any(r.first <= line <= r.last for line in lines)]
    return [r for r in regions if any(r.first <= h.first and h.last <= r.last for h in holding)]


@dataclass(frozen=True)
class FunctionGraph:
    """One function's basic blocks (:func:`clara.targets.asm_reader.basic_blocks`) with its
    back edges (:func:`clara.cfg.back_edges`) split off: ``dag`` is what a single pass
    through the function can take; ``loops`` gives each back edge's last instruction before
    it (the branch, or the last instruction of a block that falls into the header) and the
    addresses of its natural loop (:func:`clara.cfg.natural_loops`), which repeat."""

    insns: tuple[AsmInstruction, ...]  # address order
    block_of: tuple[int, ...]          # block index of each instruction
    dag: dict[int, tuple[int, ...]]
    order: tuple[int, ...]             # the dag's blocks reachable from the entry, topological
    exits: frozenset[int]              # blocks without successors: a return or a tail call
    loops: tuple[tuple[int, frozenset[int]], ...]


def function_graph(insns: list[AsmInstruction], delay_slots: bool) -> FunctionGraph:
    """The control-flow graph of one function's instructions (a branch to another symbol
    is a tail call, not an edge)."""
    ordered = tuple(sorted(insns, key=lambda i: i.address))
    raw = [RawInstruction(i.address, i.mnemonic, i.operands,
                          i.reference if i.reference not in (None, i.function) else None)
           for i in ordered]
    block_of, succs = basic_blocks(raw, delay_slots)
    graph = {b: tuple(sorted(out)) for b, out in enumerate(succs)}
    back = back_edges(graph, 0) if ordered else []
    bodies = natural_loops(graph, 0, back)
    removed = set(back)
    dag = {b: tuple(s for s in out if (b, s) not in removed) for b, out in graph.items()}
    addresses: dict[int, set[int]] = {}
    last: dict[int, int] = {}  # index of each block's last instruction
    for k, b in enumerate(block_of):
        addresses.setdefault(b, set()).add(ordered[k].address)
        last[b] = k

    def branch_of(block: int) -> int:
        """The address of the block's branch (before its delay slot), or of its last
        instruction when it falls through."""
        k = last[block]
        before = k - 1 if delay_slots and k > 0 and block_of[k - 1] == block else k
        return ordered[before if branch_target(raw[before]) is not None else k].address

    return FunctionGraph(
        ordered, tuple(block_of), dag, tuple(reachable(dag, 0) if ordered else ()),
        frozenset(b for b, out in graph.items() if not out),
        tuple(sorted((branch_of(u), frozenset().union(*(addresses[b] for b in bodies[h])))
                     for u, h in back)))


Weight = tuple[int, int]  # (instructions, memory accesses)


def heaviest_route(graph: FunctionGraph, weight: Mapping[int, Weight],
                   paths: Mapping[int, frozenset[str]], name: str) -> Weight | None:
    """The heaviest route of ``graph.dag`` from the entry to an exit that passes through a
    block of path ``name`` ("" for none) and through no block of another path (``paths``:
    each block's path names), or None when there is no such route."""
    def allowed(block: int) -> bool:
        return paths[block] <= {name}

    def seen_in(block: int) -> bool:
        return not name or name in paths[block]

    order = graph.order
    # best[(block, seen)]: the heaviest route from the entry to the end of block, and
    # whether it has passed through the path's code
    best: dict[tuple[int, bool], Weight] = (
        {(0, seen_in(0)): weight[0]} if order and allowed(0) else {})
    for b in order:
        for seen in (False, True):
            here = best.get((b, seen))
            if here is None:
                continue
            for s in graph.dag[b]:
                key = (s, seen or seen_in(s))
                cand = (here[0] + weight[s][0], here[1] + weight[s][1])
                if allowed(s) and cand > best.get(key, (-1, -1)):
                    best[key] = cand
    return max((best[(b, True)] for b in graph.exits if (b, True) in best), default=None)


def one_epilogue(fixed: list[AsmInstruction], returns: frozenset[int]) -> list[AsmInstruction]:
    """The fixed part with one epilogue: a function with several returns has a copy of its
    epilogue before each (frame restore and return, on the return's line), and a call runs
    one of them; the longest is kept."""
    ordered = sorted(fixed, key=lambda i: i.address)
    runs: list[list[AsmInstruction]] = []
    for k, insn in enumerate(ordered):
        if insn.address not in returns:
            continue
        start = k
        while start > 0 and ordered[start - 1].line == insn.line and (
                ordered[start - 1].address not in returns):
            start -= 1
        runs.append(ordered[start:k + 1])
    if len(runs) < 2:
        return fixed
    keep = max(runs, key=len)
    drop = {i.address for run in runs if run is not keep for i in run}
    return [i for i in fixed if i.address not in drop]


def cost_function(insns: list[AsmInstruction], regions: list[Region],
                  delay_slots: bool = False,
                  returns: frozenset[int] = frozenset(),
                  uncounted: frozenset[int] = frozenset()) -> dict[str, Any]:
    """Fixed part, per-path and per-loop-trip counts of one function's instructions
    (``uncounted``: addresses that are part of its control flow but not of its cost, the
    returns of an inline API).

    An instruction on a line of ``@loop`` region L counts per trip of L only if it lies
    inside L's loop in the object: the natural loops of the back edges whose branch is on
    L's lines or its sub-regions' lines. An instruction of an ``@each`` region E (a
    conditional part of a loop body) counts per unit of E if it lies inside the loop
    around E. Otherwise (loop set-up the compiler left on the loop's line, an exit, a loop
    the compiler unrolled) it goes to the next region out: an enclosing region whose loop
    holds it, an enclosing path, or the fixed part. ``fixed`` is every fixed instruction
    with one epilogue (``returns``: the return instructions, for :func:`one_epilogue`);
    ``routes`` the fixed instructions a call on each path runs (:func:`heaviest_route`,
    "" for a call on none)."""
    graph = function_graph(insns, delay_slots)
    counted = [i for i in insns if i.address not in uncounted]
    mine = _function_regions(regions, counted)
    by_address = {i.address: i for i in insns}
    extent: dict[Region, set[int]] = {}
    for branch, body in graph.loops:
        region = innermost(mine, by_address[branch].line)
        if region is None:
            continue
        for r in ancestors(mine, region):
            if r.kind == "loop":
                extent.setdefault(r, set()).update(body)
    def inside(r: Region, address: int) -> bool:
        """In the loop of ``r`` (a @loop), or of the loop around ``r`` (an @each)."""
        loops = [r] if r.kind == "loop" else [a for a in ancestors(mine, r)
                                               if a.kind == "loop" and a != r]
        return any(address in extent.get(loop, ()) for loop in loops)

    groups: dict[Region | None, list[AsmInstruction]] = {}
    charged_to: dict[int, Region | None] = {}
    for insn in counted:
        region = innermost(mine, insn.line)
        charged: Region | None = None
        if region is not None:
            for r in ancestors(mine, region):
                if r.kind == "path" or inside(r, insn.address):
                    charged = r
                    break
        groups.setdefault(charged, []).append(insn)
        charged_to[insn.address] = charged
    fixed = one_epilogue(groups.get(None, []), returns)
    paths: dict[str, dict[str, Any]] = {}
    terms: list[dict[str, Any]] = []
    for r in mine:
        counts = _counts(groups.get(r, []))
        if r.kind == "path":
            paths[r.name] = {**counts, "lines": r.lines}
        else:
            terms.append({"unit": r.name, **counts, "path": r.path, "lines": r.lines})
    weight: dict[int, Weight] = dict.fromkeys(graph.dag, (0, 0))
    on_paths: dict[int, frozenset[str]] = dict.fromkeys(graph.dag, frozenset())
    for insn, b in zip(graph.insns, graph.block_of, strict=True):
        if insn.address not in charged_to:
            continue
        region = charged_to[insn.address]
        if region is None:
            weight[b] = (weight[b][0] + 1, weight[b][1] + int(insn.is_memory))
            continue
        path = region.name if region.kind == "path" else region.path
        if path is not None:
            on_paths[b] = on_paths[b] | {path}
    routes = {name: w for name in ["", *sorted(paths)]
              if (w := heaviest_route(graph, weight, on_paths, name)) is not None}
    return {
        "fixed": {**_counts(fixed),
                  "unattributed": sum(1 for i in fixed if i.line is None)},
        "routes": {name: {"instructions": w[0], "memory": w[1]} for name, w in routes.items()},
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
    ``path`` selects an alternative path (default: the costliest, a call on none of them
    included)."""
    q: dict[str, float] = {**{k: float(v) for k, v in DEFAULTS.items()}, **quantities}
    paths: dict[str, Any] = entry.get("paths", {})

    def fixed(name: str | None) -> Mapping[str, Any]:
        """The fixed part a call on path ``name`` runs: its route, else every fixed
        instruction."""
        return entry.get("routes", {}).get(name or "") or entry["fixed"]

    chosen = path
    if chosen is None and paths:
        def path_cost(name: str | None) -> float:
            if name is None:
                return float(fixed(None)["instructions"])
            inner = sum(t["instructions"] * _trips(t["unit"], q)
                        for t in entry["terms"] if t["path"] == name)
            return float(fixed(name)["instructions"] + paths[name]["instructions"]) + inner
        # a call on none of the paths is a candidate when some route takes none
        candidates: list[str | None] = [*paths, *([None] if "" in entry.get("routes", {})
                                                  else [])]
        chosen = max(candidates, key=path_cost)
    if chosen is not None and chosen not in paths:
        raise ClaraError(f"{entry.get('function')}: no path {chosen!r} (has {sorted(paths)})")
    out = {"instructions": float(fixed(chosen)["instructions"]),
           "memory": float(fixed(chosen)["memory"])}
    if chosen is not None:
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


def without_returns(insns: list[AsmInstruction], opcodes: OpcodeTable,
                    delay_slots: bool) -> list[AsmInstruction]:
    """An inline member's instructions: the function's, less its return instructions (and a
    ``nop`` in a return's delay slot), which a call site that inlines it does not run."""
    ordered = sorted(insns, key=lambda i: i.address)
    drop: set[int] = set()
    for k, insn in enumerate(ordered):
        if is_return(RawInstruction(insn.address, insn.mnemonic, insn.operands), opcodes):
            drop.add(insn.address)
            if delay_slots and k + 1 < len(ordered) and ordered[k + 1].mnemonic == "nop":
                drop.add(ordered[k + 1].address)
    return [i for i in ordered if i.address not in drop]


def _less(entry: dict[str, Any], api: Api, other: Mapping[str, int]) -> dict[str, Any]:
    """``entry`` (of a function without regions) less the counts of ``api.less``."""
    if entry["paths"] or entry["terms"] or not other["instructions"]:
        raise ClaraError(f"{api.function} less {api.less}: both must exist and have no "
                         "@loop/@each/@path regions")

    def less(counts: Mapping[str, Any]) -> dict[str, int]:
        return {k: max(0, int(counts[k]) - other[k]) for k in ("instructions", "memory")}

    return {**entry, "fixed": {**less(entry["fixed"]),
                               "unattributed": entry["fixed"]["unattributed"]},
            "routes": {name: less(r) for name, r in entry["routes"].items()}}


def build_table(profile: TargetProfile, work_dir: Path | None = None) -> dict[str, Any]:
    """Compile the C versions with the target's compiler and derive every API's cost."""
    with tempfile.TemporaryDirectory(prefix="clara-api-costs-") as tmp:
        out = Path(work_dir) if work_dir else Path(tmp)
        result = compile_source(profile, NIC_SOURCE, out, include_dirs=[NIC_SOURCE.parent])
        reading = read_object(profile, result.object_path, NIC_SOURCE)
    regions = parse_regions(NIC_SOURCE)
    delay_slots = has_delay_slots(profile.compiler.isa)
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
        returns = frozenset(i.address for i in insns if is_return(
            RawInstruction(i.address, i.mnemonic, i.operands), profile.compiler.opcodes))
        kept = {i.address for i in (insns if api.kind == "call" else without_returns(
            insns, profile.compiler.opcodes, delay_slots))}
        entry = cost_function(insns, regions, delay_slots, returns,
                              frozenset(i.address for i in insns) - kept)
        if api.less:
            entry = _less(entry, api, _counts(without_returns(
                by_function.get(api.less, []), profile.compiler.opcodes, delay_slots)))
        entry = {"catalog": api.catalog, "function": api.function, **entry}
        headline = _headline(api, entry)
        fixed = entry["fixed"]
        entry = {
            **headline,
            "catalog": api.catalog,
            "note": api.note,
            "function": api.function,
            "kind": api.kind,
            "less": api.less or None,
            "fixed": fixed,
            "routes": entry["routes"],
            "paths": entry["paths"],
            "terms": entry["terms"],
            "source": (
                f"{len(kept)} instructions of {api.function} in clara_nic.o"
                + ("" if api.kind == "call" else f" ({api.kind}: {KINDS[api.kind]})")
                + (f", less {api.less}'s" if api.less else "")
                + f"; fixed = {fixed['instructions']} on lines outside @loop/@each/@path "
                f"regions ({fixed['unattributed']} with no line), routes = the fixed part on "
                f"each path's route; headline = the costliest path; per-unit = the "
                f"@loop/@each regions' instructions x trips, sizes at the defaults"
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
            "instruction is charged to its line's innermost @loop/@each/@path region of the "
            "C source; memory = loads + stores + atomics by the target's opcode table; an "
            "inline API's return instruction is left out; a path's fixed part is the fixed "
            "instructions on its heaviest route through the object's control-flow graph"
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
