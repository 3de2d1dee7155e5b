"""Per-packet NIC cost of an NF for a workload: block frequencies x predicted block costs, plus
the framework API calls priced by the target's API cost table at the measured quantities.

Three pure steps (docs/per-packet.md):

* :func:`api_cost_per_packet` maps each API the profile saw (``api_events``: calls per packet,
  per operation, exact histograms of ``probe_len``, ``occupancy``, ``bytes`` and, for the hash
  tables, joint records of path, probes, compares, key and value sizes) to the cost table's
  entries and units (:data:`EVENT_RULES`). Call sites of inline members, which report no event
  (``Packet::ip_header``, ``Timestamp::operator-``, ``click_update_in_cksum``...), are priced
  per call by their demangled callee (:data:`SITE_RULES`), from :func:`site_calls_per_packet`
  (sites x block frequencies, a field's repeated loads in one function folded into one, a
  checksum update right after another chained, one repeating an earlier update's words
  repeated, the framework's push around a ``simple_action``). Everything else is listed as
  *not costed*.
* :func:`nic_cost_per_packet` sums frequency x predicted compute and memory over the blocks
  and adds the API costs; it also ranks the hottest blocks by predicted instructions.
* :func:`latency_cycles` turns the counts into cycles with the target's memory levels.

:func:`nic_cost_records` renders the result as ``clara.insights/1`` records.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from clara.insights.compute import BlockPrediction
from clara.insights.ir_summary import insight, location
from clara.ir.features import ApiCall, Block
from clara.runtime.api_costs import SIZED_KEY_WORDS, SIZED_VALUE_WORDS, evaluate
from clara.targets.profile import MemoryLevel, TargetProfile

HOT_BLOCKS = 3
NO_PATH = ""  # evaluate an API with none of its optional paths (e.g. checksum of even length)
MAX_BUCKET_SLOTS = 16  # an erase event longer than this is a clear (it reports every slot)
ANNO_WORDS = 12  # CLARA_NIC_ANNO_WORDS: annotation words a clone copies
CYCLES_PER_INSTRUCTION = 1.0  # no target file gives an IPC; one non-memory instruction a cycle
STATE_APIS = ("HashMap::", "HashTable::", "Vector::")  # API memory that touches NF state

Event = Mapping[str, Any]
Quantities = dict[str, float]


@dataclass(frozen=True)
class Use:
    """A share of one profiled API's calls priced as one table entry with given quantities."""

    share: float
    entry: str
    quantities: Quantities
    path: str | None = None  # None: the table's costliest path; NO_PATH: none


Rule = Callable[[str, Event], list[Use]]  # (operation, its event) -> uses


@dataclass(frozen=True)
class ApiCost:
    """One API's cost per packet on the NIC."""

    calls: float
    instructions: float
    memory: float
    source: str  # "events" (measured quantities) or "call sites" (frequency x sites)


@dataclass(frozen=True)
class ApiCosts:
    """Costed APIs, and the APIs with no table entry (calls per packet)."""

    costed: dict[str, ApiCost]
    not_costed: dict[str, float]

    @property
    def instructions(self) -> float:
        return sum(c.instructions for c in self.costed.values())

    @property
    def memory(self) -> float:
        return sum(c.memory for c in self.costed.values())

    def memory_matching(self, prefixes: Sequence[str]) -> float:
        return sum(c.memory for n, c in self.costed.items() if n.startswith(tuple(prefixes)))


@dataclass(frozen=True)
class HotBlock:
    """A block ranked by predicted NIC instructions per packet."""

    function: str
    block: str
    per_packet: float
    instructions: float
    memory: float
    share: float


@dataclass(frozen=True)
class NicCost:
    """Predicted NIC cost per packet: the NF's own code (by the compute model) and its API calls
    (by the cost table). ``nf_instructions`` = ``compute`` + ``memory`` (the model's compute
    output excludes memory instructions, as its training labels do)."""

    compute: float
    memory_state: float
    memory_stack: float
    memory_packet: float
    api: ApiCosts
    hot: tuple[HotBlock, ...]
    model: str

    @property
    def nf_memory(self) -> float:
        return self.memory_state + self.memory_stack + self.memory_packet

    @property
    def nf_instructions(self) -> float:
        return self.compute + self.nf_memory

    @property
    def instructions(self) -> float:
        return self.nf_instructions + self.api.instructions

    @property
    def memory(self) -> float:
        return self.nf_memory + self.api.memory


@dataclass(frozen=True)
class Latency:
    """Cycles per packet under the latency model of :func:`latency_cycles`."""

    cycles: float
    compute_cycles: float
    memory_cycles: float
    state_level: str
    state_cycles: float  # per state access
    near_level: str
    near_cycles: float  # per stack, packet or other access


# ------------------------------------------------------------------ measured distributions


def distribution(event: Event, metric: str) -> list[tuple[int, float]]:
    """(value, share of calls) from an event's exact histogram of ``metric``."""
    hist = {int(k): int(v) for k, v in event[metric]["histogram"].items()}
    calls = sum(hist.values())
    return [(k, v / calls) for k, v in sorted(hist.items())] if calls else []


def _mean(event: Event, metric: str) -> float:
    return float(event[metric]["mean"])


def _words(nbytes: float) -> int:
    return math.ceil(nbytes / 4)


def operations(name: str, event: Event) -> list[tuple[str, Event]]:
    """The operations of one profiled API (``ops``: find, insert, clear, pseudohdr...); a
    profile without them (an older driver) gives the API as one operation named ``""``."""
    ops = event.get("ops")
    return sorted(ops.items()) if ops else [("", event)]


# ------------------------------------------------------------------ event rules, per API


def _table_entry(op: str, key_words: int, value_words: int | None = None) -> str:
    """The table entry of a hash operation: compiled for the key and value sizes when the
    table has one (``HashMap::find/k3v1``), else for the key size (``HashMap::find/k3``,
    the value size read at run time), else the run-time sizes version."""
    if key_words not in SIZED_KEY_WORDS:
        return f"HashMap::{op}"
    if value_words in SIZED_VALUE_WORDS:
        return f"HashMap::{op}/k{key_words}v{value_words}"
    return f"HashMap::{op}/k{key_words}"


def _table_uses(op: str, event: Event) -> list[Use]:
    """find/insert/erase. With the joint records of the profile (``detail``: path, probes,
    compares, key and value bytes per call) each record is priced as it is, on its path;
    without them the histograms are marginal: probes = probe_len, compares at the measured
    ratio of compares to probes, the mean key size, the costliest path."""
    detail = event.get("detail") or []
    calls = sum(int(d["calls"]) for d in detail)
    if calls:
        return [Use(int(d["calls"]) / calls,
                    _table_entry(op, _words(d["key_bytes"]), _words(d["value_bytes"])),
                    {"probes": d["probe_len"], "compares": d["occupancy"],
                     "key_words": _words(d["key_bytes"]),
                     "value_words": _words(d["value_bytes"])}, d["path"])
                for d in detail]
    probes = _mean(event, "probe_len")
    ratio = _mean(event, "occupancy") / probes if probes else 0.0
    key_words = _words(_mean(event, "bytes"))
    return [Use(share, _table_entry(op, key_words),
                {"probes": k, "compares": k * ratio, "key_words": key_words})
            for k, share in distribution(event, "probe_len")]


def _hash_uses(default_op: str) -> Rule:
    """HashMap/HashTable find, insert, erase (and clear, reported under erase). Without
    operations in the profile, an erase event with more than 16 probes is a clear (it
    reports every slot)."""
    def uses(op: str, event: Event) -> list[Use]:
        if op == "clear":
            return [Use(s, "HashMap::clear", {"slots": k})
                    for k, s in distribution(event, "probe_len")]
        if op or default_op != "erase":
            return _table_uses(op or default_op, event)
        out: list[Use] = []
        for k, share in distribution(event, "probe_len"):
            if k > MAX_BUCKET_SLOTS:
                out.append(Use(share, "HashMap::clear", {"slots": k}))
            else:
                out += [replace(u, share=u.share * share) for u in _table_uses(
                    "erase", {**event, "probe_len": {"mean": k, "histogram": {str(k): 1}}})]
        return out
    return uses


def _iterate_uses(op: str, event: Event) -> list[Use]:
    """begin/++: scanned = probe_len (slots scanned to the next entry)."""
    return [Use(s, "HashMap::iterate", {"scanned": k}) for k, s in distribution(event, "probe_len")]


def _vector_push_uses(op: str, event: Event) -> list[Use]:
    """push_back/insert/resize report entries moved: 0 is a push_back, k > 0 an insert that
    moves k entries; elt_words = entry bytes / 4."""
    elt = _mean(event, "bytes") / 4
    return [Use(s, "Vector::insert", {"moved": k, "elt_words": elt}, "ok") if k else
            Use(s, "Vector::push_back", {"elt_words": elt}, "ok")
            for k, s in distribution(event, "probe_len")]


def _vector_erase_uses(op: str, event: Event) -> list[Use]:
    """erase/pop_front: moved = probe_len (0 is a mark-only delete); pop_back and clear
    by their own entries when the profile tells the operations apart."""
    if op in ("pop_back", "clear"):
        return [Use(1.0, f"Vector::{op}", {})]
    elt = _mean(event, "bytes") / 4
    return [Use(s, "Vector::erase", {"moved": k, "elt_words": elt}, "ok" if k else "empty")
            for k, s in distribution(event, "probe_len")]


def _cksum_uses(op: str, event: Event) -> list[Use]:
    """click_in_cksum reports 16-bit words summed (words16 = bytes / 2), the pseudo-header
    fold reports 0; the odd-byte path is taken for the share of odd byte counts."""
    if op == "pseudohdr":
        return [Use(1.0, "click_in_cksum_pseudohdr", {})]
    odd = sum(s for b, s in distribution(event, "bytes") if b % 2)
    out: list[Use] = []
    for k, s in distribution(event, "probe_len"):
        if k == 0 and op != "cksum":
            out.append(Use(s, "click_in_cksum_pseudohdr", {}))
            continue
        out.append(Use(s * odd, "click_in_cksum", {"words16": k}, "odd"))
        out.append(Use(s * (1 - odd), "click_in_cksum", {"words16": k}, NO_PATH))
    return out


def _random_uses(op: str, event: Event) -> list[Use]:
    """click_random reports 4 bytes, click_jiffies 0."""
    if op:
        return [Use(1.0, "click_jiffies" if op == "jiffies" else "click_random", {})]
    return [Use(s, "click_random" if b else "click_jiffies", {})
            for b, s in distribution(event, "bytes")]


def _make_uses(op: str, event: Event) -> list[Use]:
    """Packet::make copies the data by words: words = bytes // 4, tail_bytes = bytes % 4."""
    return [Use(s, "Packet::make", {"words": b // 4, "tail_bytes": b % 4}, NO_PATH)
            for b, s in distribution(event, "bytes")]


def _copy_uses(entry: str) -> Rule:
    """The slow paths of uniqueify (a clone's copy), push/put and shift_data (the data
    moved in the buffer): words = the bytes copied or moved (probe_len) / 4."""
    def uses(op: str, event: Event) -> list[Use]:
        return [Use(s, entry, {"words": k / 4}, NO_PATH)
                for k, s in distribution(event, "probe_len")]
    return uses


def _per_call(entry: str, path: str | None = NO_PATH) -> Rule:
    """An API whose NIC cost does not vary per call (on ``path``: NO_PATH for none)."""
    def uses(op: str, event: Event) -> list[Use]:
        return [Use(1.0, entry, {}, path)]
    return uses


EVENT_RULES: dict[str, Rule] = {
    "HashMap::find": _hash_uses("find"),
    "HashMap::insert": _hash_uses("insert"),
    "HashMap::erase": _hash_uses("erase"),
    "HashMap::iterate": _iterate_uses,
    "HashTable::find": _hash_uses("find"),
    "HashTable::insert": _hash_uses("insert"),
    "HashTable::erase": _hash_uses("erase"),
    "HashTable::iterate": _iterate_uses,
    "Vector::push_back": _vector_push_uses,
    "Vector::erase": _vector_erase_uses,
    "click_in_cksum": _cksum_uses,
    "click_random": _random_uses,
    "Timestamp::now": _per_call("Timestamp::now"),
    "Packet::make": _make_uses,
    "Packet::clone": _per_call("Packet::clone"),
    # the profile does not tell a clone's kill from the last reference's: the common one
    "Packet::kill": _per_call("Packet::kill", "last"),
    "Packet::uniqueify": _copy_uses("Packet::copy_data"),
    "Packet::push": _copy_uses("Packet::move_data"),
    "Packet::put": _copy_uses("Packet::move_data"),
    "Element::output_push": _per_call("Element::output_push", "next"),
    "Element::input_pull": _per_call("Element::input_pull"),
    # the profile does not tell IPFlowID(p, true) from IPFlowID(p): the forward one
    "IPFlowID": _per_call("IPFlowID", "forward"),
}

# Call sites in the IR, by the demangled callee (``Click::`` removed; first match wins):
# EVENT for a member that reports an event (priced from the profile's events), FOLDED for
# one that takes a member's address or builds a small value (an address, a flow id, a
# timestamp) from values the caller has: free, folded into the code that uses it (the
# stores that put the value in memory are the caller's assignment), else the table entry
# of an inline member, which reports none and is priced per call.
EVENT = ""
FOLDED = "(folded)"  # member addresses and small values: folded into the code using them
ELEMENT_PUSH = "Element::push (simple_action)"  # the framework's push around simple_action
CKSUM_UPDATE = "click_update_in_cksum("
CHAINED_CKSUM = "click_update_in_cksum (chained)"  # an update right after another one
REPEATED_CKSUM = "click_update_in_cksum (repeated)"  # the words of an earlier update
CHAINED_REPEATED_CKSUM = "click_update_in_cksum (chained, repeated)"  # both
_SITE_RULES: tuple[tuple[str, str], ...] = (
    (r"(Writable)?Packet::(make|kill|clone|expensive_\w+|shift_data)\(", EVENT),
    (r"Element::Port::(push|pull)\(", EVENT),
    (r"Hash(Map|Table)<.*>::((const_)?iterator::operator\+\+|begin)\(", EVENT),
    (r"Hash(Map|Table)<.*>::(find|findp|find_pair|get|count|operator\[\]|insert|set|"
     r"find_insert|find_force|replace|erase|remove|clear)\(", EVENT),
    (r"Vector<.*>::(push_back|push_front|insert|resize|reserve|erase|pop_back|pop_front|"
     r"clear|assign|operator=)\(", EVENT),
    (r"click_in_cksum(_pseudohdr(_raw|_hard)?)?\(", EVENT),
    (r"Timestamp::(now|now_steady|recent|recent_steady|assign_now)\(", EVENT),
    (r"(click_random|click_jiffies)\(", EVENT),
    (r"IPFlowID::IPFlowID\((Packet|click_ip) const\*", EVENT),
    (r"(Writable)?Packet::has_\w+_header\(", "Packet::has_network_header"),
    (r"(Writable)?Packet::(network_header|ip_header)\(", "Packet::network_header"),
    (r"(Writable)?Packet::(transport|tcp|udp|icmp)_header\(", "Packet::transport_header"),
    (r"(Writable)?Packet::(mac|ether)_header\(", "Packet::mac_header"),
    (r"(Writable)?Packet::(data|end_data|buffer|end_buffer)\(", "Packet::data"),
    (r"(Writable)?Packet::length\(", "Packet::length"),
    (r"(Writable)?Packet::(headroom|tailroom|buffer_length|\w+_offset|\w+_length)\(",
     "Packet::headroom"),
    (r"(Writable)?Packet::(set_\w+_header|set_ip_header|set_\w+_header_length|"
     r"clear_\w+_header)\(", "Packet::set_header"),
    (r"(Writable)?Packet::shared\(", "Packet::shared"),
    (r"(Writable)?Packet::uniqueify\(", "Packet::uniqueify"),
    (r"(Writable)?Packet::(nonunique_push|push|push_mac_header)\(", "Packet::push"),
    (r"(Writable)?Packet::(nonunique_)?put\(", "Packet::put"),
    (r"(Writable)?Packet::pull\(", "Packet::pull"),
    (r"(Writable)?Packet::take\(", "Packet::take"),
    (r"(Writable)?Packet::set_\w*anno\w*\(", "Packet::set_anno"),
    (r"(Writable)?Packet::(timestamp_anno|anno|all_anno)\(", FOLDED),
    (r"(Writable)?Packet::(anno_\w+|\w+_anno)\(", "Packet::anno"),
    (r"(Writable)?Packet::copy_annotations\(", "Packet::copy_annotations"),
    (r"Element::(output|input|port)\(", "Element::output"),
    (r"Element::(noutputs|ninputs|nports)\(", "Element::noutputs"),
    (r"Element::checked_output_push\(", "Element::checked_output_push"),
    (r"Hash(Map|Table)<.*>::(size|empty)\(", "HashMap::size"),
    (r"Hash(Map|Table)<.*>::(const_)?iterator::(value|key|pair|operator\*|operator->)\(",
     FOLDED),
    # live(): a pointer member tested in a branch, the same code as has_network_header
    (r"Hash(Map|Table)<.*>::(const_)?iterator::(live|operator bool)\(",
     "Packet::has_network_header"),
    (r"Vector<.*>::(operator\[\]|at|front|back|data|begin|end)\(", "Vector::access"),
    (r"Vector<.*>::(size|empty|capacity)\(", "Vector::size"),
    (r"click_update_in_cksum\(", "click_update_in_cksum"),
    (r"(ntohs|htons|__bswap_16)(\(|$)", "byteorder16"),
    (r"(ntohl|htonl|__bswap_32)(\(|$)", "byteorder32"),
    (r"Timestamp::operator[-+]=?\(", "Timestamp::sub"),
    (r"Timestamp::operator(<|<=|>|>=|==|!=)\(", "Timestamp::compare"),
    (r"Timestamp::(operator bool|is_set)\(", "Timestamp::bool"),
    (r"Timestamp::(sec|msec1|usec1|msecval|usecval)\(", "Timestamp::sec"),
    (r"Timestamp::(Timestamp|make_\w+)\(", FOLDED),
    (r"IPAddress::(addr|operator unsigned int)\(", "IPAddress::addr"),
    (r"IPAddress::IPAddress\(", FOLDED),
    (r"IPAddress::(operator bool|empty|operator==|operator!=)\(", "IPAddress::bool"),
    (r"IPFlowID::(IPFlowID|assign|reverse|rev)\(", FOLDED),
    (r"IPFlowID::(saddr|daddr|sport|dport)\(", "IPFlowID::field"),
    (re.escape(ELEMENT_PUSH), "Element::push"),
    (re.escape(CHAINED_CKSUM), "click_update_in_cksum/chained"),
    (re.escape(REPEATED_CKSUM), "click_update_in_cksum/repeated"),
    (re.escape(CHAINED_REPEATED_CKSUM), "click_update_in_cksum/chained+repeated"),
)
SITE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), entry) for pattern, entry in _SITE_RULES)


# Inline accessors that load one field of the packet descriptor or the element: the
# field, for the redundant-load elimination of :func:`site_calls_per_packet`.
_CSE_FIELDS: tuple[tuple[str, str], ...] = (
    (r"(Writable)?Packet::(network_header|ip_header|has_network_header)\(", "Packet::_nh"),
    (r"(Writable)?Packet::(transport_header|tcp_header|udp_header|icmp_header|"
     r"has_transport_header)\(", "Packet::_h"),
    (r"(Writable)?Packet::(mac_header|ether_header|has_mac_header)\(", "Packet::_mac"),
    (r"(Writable)?Packet::data\(", "Packet::_data"),
    (r"(Writable)?Packet::end_data\(", "Packet::_tail"),
    (r"Element::output\(", "Element::_ports"),
    (r"Element::noutputs\(", "Element::_nports"),
)
CSE_FIELDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), field) for pattern, field in _CSE_FIELDS)


def site_entry(callee: str) -> str | None:
    """The pricing of a call site by its demangled callee: EVENT, a table entry, or None
    (no rule: not costed)."""
    name = callee.removeprefix("Click::")
    return next((entry for pattern, entry in SITE_RULES if pattern.match(name)), None)


# ------------------------------------------------------------------ API costs


def _price(use: Use, table: Mapping[str, Any]) -> dict[str, float]:
    entry = table["apis"][use.entry]
    if use.path == NO_PATH or (use.path is not None and use.path not in entry["paths"]):
        return evaluate({**entry, "paths": {}}, **use.quantities)  # a path with no code
    return evaluate(entry, use.path, **use.quantities)


def _is_simple_action(function: str) -> bool:
    """A (mangled) ``Element::simple_action(Packet *)`` override."""
    return "13simple_actionEPNS_6PacketE" in function


def _cksum_site(call: ApiCall, previous: str | None, seen: set[tuple[str, ...]]) -> str:
    """A checksum update's site name: chained when the block's previous site is an update
    (the sum stays in a register), repeated when an earlier update in the function (layout
    order) had the same old and new words (``~old + new`` computed once: an address
    rewrite fixes the IP and the transport checksum with the same words); ``seen``
    collects the function's (old, new) argument identities."""
    chained = previous is not None and previous.startswith("click_update_in_cksum")
    words = tuple(call.args[1:3])
    known = len(words) == 2 and all(words)
    repeated = known and words in seen
    if known:
        seen.add(words)
    if chained:
        return CHAINED_REPEATED_CKSUM if repeated else CHAINED_CKSUM
    return REPEATED_CKSUM if repeated else call.demangled.removeprefix("Click::")


def _block_sites(block: Block, seen: set[tuple[str, ...]]) -> list[str]:
    """The block's API call sites by demangled callee, checksum updates named by
    :func:`_cksum_site` (``seen``: the (old, new) words of the function's updates so far),
    and the framework's push around a ``simple_action`` on its entry block
    (:data:`ELEMENT_PUSH`)."""
    sites: list[str] = []
    for call in block.api_calls:
        name = call.demangled.removeprefix("Click::")
        if name.startswith(CKSUM_UPDATE):
            name = _cksum_site(call, sites[-1] if sites else None, seen)
        sites.append(name)
    if block.is_entry and _is_simple_action(block.function):
        sites.append(ELEMENT_PUSH)
    return sites


def cse_field(callee: str) -> str | None:
    """The object field an inline accessor loads (:data:`CSE_FIELDS`), or None."""
    return next((field for pattern, field in CSE_FIELDS if pattern.match(callee)), None)


def site_calls_per_packet(blocks: Iterable[Block],
                          frequencies: Mapping[tuple[str, str], float]) -> dict[str, float]:
    """API call sites x block executions per packet, per demangled callee (and the
    synthetic sites of :func:`_block_sites`). An accessor that loads a packet or element
    field (:func:`cse_field`) costs one load per execution of its function however many
    sites read the field: the compiler keeps the field in a register after the first
    load, so a field's sites in a function count at most as many calls as the function
    has (its entry block's executions), in proportion."""
    per_function: dict[str, dict[str, float]] = {}
    entries: dict[str, float] = {}
    seen: dict[str, set[tuple[str, ...]]] = {}  # per function, in layout order
    for block in blocks:
        names = _block_sites(block, seen.setdefault(block.function, set()))
        f = frequencies.get((block.function, block.name), 0.0)
        if not f:
            continue
        if block.is_entry:
            entries[block.function] = entries.get(block.function, 0.0) + f
        sites = per_function.setdefault(block.function, {})
        for name in names:
            sites[name] = sites.get(name, 0.0) + f
    calls: dict[str, float] = {}
    for function, sites in per_function.items():
        fields: dict[str, float] = {}
        for name, n in sites.items():
            if (field := cse_field(name)) is not None:
                fields[field] = fields.get(field, 0.0) + n
        runs = entries.get(function, 0.0)
        for name, n in sites.items():
            field = cse_field(name)
            if field is not None and runs and fields[field] > runs:
                n *= runs / fields[field]
            calls[name] = calls.get(name, 0.0) + n
    return calls


def _add(costed: dict[str, ApiCost], name: str, cost: ApiCost) -> None:
    old = costed.get(name)
    if old is None:
        costed[name] = cost
        return
    source = old.source if old.source == cost.source else f"{old.source} + {cost.source}"
    costed[name] = ApiCost(old.calls + cost.calls, old.instructions + cost.instructions,
                           old.memory + cost.memory, source)


def _event_cost(name: str, event: Event, rule: Rule, table: Mapping[str, Any]) -> ApiCost:
    instructions = memory = 0.0
    for op, stats in operations(name, event):
        calls = float(stats["per_packet"])
        for use in rule(op, stats):
            cost = _price(use, table)
            instructions += calls * use.share * cost["instructions"]
            memory += calls * use.share * cost["memory"]
    return ApiCost(float(event["per_packet"]), instructions, memory, "events")


def api_cost_per_packet(api_events: Mapping[str, Event], table: Mapping[str, Any],
                        site_calls: Mapping[str, float] | None = None) -> ApiCosts:
    """NIC instructions and memory accesses per packet of every API: evaluated per
    operation and histogram value (or joint record) from ``api_events``
    (:data:`EVENT_RULES`); per call from ``site_calls`` (:func:`site_calls_per_packet`) for
    the inline members, which report no event (:data:`SITE_RULES`); the rest in
    ``not_costed`` (calls per packet)."""
    costed: dict[str, ApiCost] = {}
    not_costed: dict[str, float] = {}
    for name, event in sorted(api_events.items()):
        rule = EVENT_RULES.get(name)
        if rule is None:
            not_costed[name] = float(event["per_packet"])
            continue
        _add(costed, name, _event_cost(name, event, rule, table))
    for callee, calls in sorted((site_calls or {}).items()):
        entry = site_entry(callee)
        if entry == EVENT:
            continue
        if entry is None:
            not_costed[callee] = not_costed.get(callee, 0.0) + calls
            continue
        if entry == FOLDED:
            _add(costed, FOLDED, ApiCost(calls, 0.0, 0.0, "call sites"))
            continue
        cost = _price(Use(1.0, entry, {}, NO_PATH), table)
        _add(costed, entry, ApiCost(calls, calls * cost["instructions"],
                                    calls * cost["memory"], "call sites"))
    return ApiCosts(costed, not_costed)


# ------------------------------------------------------------------ per-packet totals


def nic_cost_per_packet(frequencies: Mapping[tuple[str, str], float],
                        predictions: Mapping[tuple[str, str], BlockPrediction],
                        api_costs: ApiCosts, hot_blocks: int = HOT_BLOCKS) -> NicCost:
    """Sum of frequency x predicted counts over the blocks, plus the API costs."""
    parts = dict.fromkeys(("compute", "state", "stack", "packet"), 0.0)
    hot: list[tuple[float, BlockPrediction, float]] = []
    for key, f in frequencies.items():
        p = predictions.get(key)
        if p is None or f <= 0:
            continue
        parts["compute"] += f * p.compute
        parts["state"] += f * p.memory_state
        parts["stack"] += f * p.memory_stack
        parts["packet"] += f * p.memory_packet
        hot.append((f * (p.compute + p.memory), p, f))
    nf_total = sum(parts.values())
    hot.sort(key=lambda item: item[0], reverse=True)
    ranked = tuple(
        HotBlock(p.function, p.block, f, work, f * p.memory, work / nf_total if nf_total else 0.0)
        for work, p, f in hot[:hot_blocks]
    )
    models = sorted({p.model for p in predictions.values()})
    return NicCost(parts["compute"], parts["state"], parts["stack"], parts["packet"], api_costs,
                   ranked, ", ".join(models))


# ------------------------------------------------------------------ latency


def default_state_level(target: TargetProfile) -> MemoryLevel:
    """Where state lives without a placement: the largest global level a program can place
    data in (bluefield2: DRAM), else the largest level."""
    placeable = [m for m in target.memory if m.scope == "global" and m.placeable]
    return max(placeable or list(target.memory), key=lambda m: m.capacity_bytes)


def _read_write(level: MemoryLevel) -> float:
    return (level.read_cycles + level.write_cycles) / 2


def latency_cycles(cost: NicCost, target: TargetProfile, placement: Any = None) -> Latency:
    """Cycles per packet, a model: every non-memory instruction takes
    :data:`CYCLES_PER_INSTRUCTION` cycle (target files give no IPC); every memory access takes
    its level's latency (mean of read and write), with no overlap. State accesses (the NF's
    ``mem.state`` and the container APIs' memory) go to the default state level, or, given a
    placement (:class:`clara.insights.placement.PlacementResult`), cost its mean cycles per
    state access; stack, packet and other API accesses go to the nearest level."""
    near = target.memory[0]
    if placement is not None and sum(a.obj.accesses_per_packet for a in placement.assignments):
        accesses = sum(a.obj.accesses_per_packet for a in placement.assignments)
        state_level = f"placement ({placement.method})"
        state_cycles = sum(a.cycles for a in placement.assignments) / accesses
    else:
        level = default_state_level(target)
        state_level, state_cycles = level.name, _read_write(level)
    state = cost.memory_state + cost.api.memory_matching(STATE_APIS)
    other = cost.memory - state
    compute = (cost.instructions - cost.memory) * CYCLES_PER_INSTRUCTION
    memory = state * state_cycles + other * _read_write(near)
    return Latency(compute + memory, compute, memory, state_level, state_cycles, near.name,
                   _read_write(near))


# ------------------------------------------------------------------ records


def _block_location(blocks: Mapping[tuple[str, str], Block], function: str, name: str,
                    source: str) -> dict[str, Any]:
    b = blocks.get((function, name))
    return location(b.file or source, b.first_line, b.first_column) if b else location(source, 1)


def _models(cost: NicCost, table: Mapping[str, Any]) -> dict[str, Any]:
    proxy = " (PROXY)" if table.get("proxy") else ""
    return {"compute_model": cost.model, "api_table": f"{table['target']}{proxy}"}


def nic_cost_records(cost: NicCost, latency: Latency, *, target: str,
                     table: Mapping[str, Any], source: str,
                     blocks: Iterable[Block]) -> list[dict[str, Any]]:
    """``per-packet-nic`` and ``hot-block-nic`` records (``clara.insights/1``)."""
    models = _models(cost, table)
    label = f"model {models['compute_model']}, API table {models['api_table']}"
    not_costed = (f"; not costed: {', '.join(sorted(cost.api.not_costed))}"
                  if cost.api.not_costed else "")
    records = [insight(
        "per-packet-nic", location(source, 1),
        f"per packet on {target}: ~{cost.instructions:,.0f} instructions "
        f"(NF {cost.nf_instructions:,.0f} + API {cost.api.instructions:,.0f}), "
        f"{cost.memory:,.0f} memory accesses, ~{latency.cycles:,.0f} cycles "
        f"({label}){not_costed}",
        data={
            **models, "target": target,
            "instructions": cost.instructions, "memory": cost.memory,
            "nf": {"instructions": cost.nf_instructions, "compute": cost.compute,
                   "memory": cost.nf_memory, "memory_state": cost.memory_state,
                   "memory_stack": cost.memory_stack, "memory_packet": cost.memory_packet},
            "api": {"instructions": cost.api.instructions, "memory": cost.api.memory,
                    "per_api": {n: vars(c) for n, c in cost.api.costed.items()},
                    "not_costed": cost.api.not_costed},
            "latency": vars(latency),
            "cycles_per_instruction": CYCLES_PER_INSTRUCTION,
        })]
    by_key = {(b.function, b.name): b for b in blocks}
    for rank, hot in enumerate(cost.hot, start=1):
        records.append(insight(
            "hot-block-nic", _block_location(by_key, hot.function, hot.block, source),
            f"hot block #{rank} ({hot.block}) on {target}: runs {hot.per_packet:.2f}x per "
            f"packet, ~{hot.instructions:.1f} NIC instructions per packet ({hot.share:.0%} of "
            f"the NF's own code; model {cost.model})", function=hot.function, block=hot.block,
            data={"rank": rank, **vars(hot), "compute_model": cost.model, "target": target}))
    return records
