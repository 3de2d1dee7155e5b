"""Per-packet NIC cost of an NF for a workload: block frequencies x predicted block costs, plus
the framework API calls priced by the target's API cost table at the measured quantities.

Three pure steps (docs/per-packet.md):

* :func:`api_cost_per_packet` maps each API the profile saw (``api_events``: calls per packet
  and exact histograms of ``probe_len``, ``occupancy``, ``bytes``) to the cost table's units
  and evaluates the table at every histogram value (:data:`EVENT_RULES`). APIs that are inline
  accessors and report no event (``Packet::ip_header``...) are priced per call from their call
  sites x block frequencies (:data:`SITE_APIS`). Everything else is listed as *not costed*.
* :func:`nic_cost_per_packet` sums frequency x predicted compute and memory over the blocks
  and adds the API costs; it also ranks the hottest blocks by predicted instructions.
* :func:`latency_cycles` turns the counts into cycles with the target's memory levels.

:func:`nic_cost_records` renders the result as ``clara.insights/1`` records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clara.insights.compute import BlockPrediction
from clara.insights.ir_summary import insight, location
from clara.ir.features import Block
from clara.runtime.api_costs import evaluate
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


# ------------------------------------------------------------------ event rules, per API


def _hash_uses(entry: str) -> Callable[[Event], list[Use]]:
    """find/insert/erase: probes = probe_len; compares = occupied slots compared, at the
    measured ratio of compares to probes; key_words = key bytes / 4. The histograms are
    marginal, so compares follow probes in proportion (exact when every probe compares)."""
    def uses(event: Event) -> list[Use]:
        probes = _mean(event, "probe_len")
        ratio = _mean(event, "occupancy") / probes if probes else 0.0
        key_words = _mean(event, "bytes") / 4
        return [
            Use(share, "HashMap::clear", {"slots": k}) if k > MAX_BUCKET_SLOTS else
            Use(share, entry, {"probes": k, "compares": k * ratio, "key_words": key_words})
            for k, share in distribution(event, "probe_len")
        ]
    return uses


def _iterate_uses(entry: str) -> Callable[[Event], list[Use]]:
    """begin/++: scanned = probe_len (slots scanned to the next entry)."""
    def uses(event: Event) -> list[Use]:
        return [Use(s, entry, {"scanned": k}) for k, s in distribution(event, "probe_len")]
    return uses


def _vector_push_uses(event: Event) -> list[Use]:
    """push_back/insert/resize report entries moved: 0 is a push_back, k > 0 an insert that
    moves k entries; elt_words = entry bytes / 4."""
    elt = _mean(event, "bytes") / 4
    return [Use(s, "Vector::insert", {"moved": k, "elt_words": elt}) if k else
            Use(s, "Vector::push_back", {"elt_words": elt})
            for k, s in distribution(event, "probe_len")]


def _vector_erase_uses(event: Event) -> list[Use]:
    """erase/pop_front/pop_back/clear: moved = probe_len (0 is a mark-only delete)."""
    elt = _mean(event, "bytes") / 4
    return [Use(s, "Vector::erase", {"moved": k, "elt_words": elt})
            for k, s in distribution(event, "probe_len")]


def _cksum_uses(event: Event) -> list[Use]:
    """click_in_cksum reports 16-bit words summed (words16 = bytes / 2), the pseudo-header
    fold reports 0; the odd-byte path is taken for the share of odd byte counts."""
    odd = sum(s for b, s in distribution(event, "bytes") if b % 2)
    out: list[Use] = []
    for k, s in distribution(event, "probe_len"):
        if k == 0:
            out.append(Use(s, "click_in_cksum_pseudohdr", {}))
            continue
        out.append(Use(s * odd, "click_in_cksum", {"words16": k}, "odd"))
        out.append(Use(s * (1 - odd), "click_in_cksum", {"words16": k}, NO_PATH))
    return out


def _random_uses(event: Event) -> list[Use]:
    """click_random reports 4 bytes, click_jiffies 0."""
    return [Use(s, "click_random" if b else "click_jiffies", {})
            for b, s in distribution(event, "bytes")]


def _make_uses(event: Event) -> list[Use]:
    """Packet::make copies the data by words: words = bytes // 4, tail_bytes = bytes % 4."""
    return [Use(s, "Packet::make", {"words": b // 4, "tail_bytes": b % 4})
            for b, s in distribution(event, "bytes")]


def _clone_uses(event: Event) -> list[Use]:
    """Packet::clone: words = packet bytes / 4, plus the annotation words."""
    return [Use(s, "Packet::clone", {"words": b / 4, "anno_words": ANNO_WORDS})
            for b, s in distribution(event, "bytes")]


def _per_call(entry: str) -> Callable[[Event], list[Use]]:
    """An API whose NIC cost does not vary per call."""
    def uses(event: Event) -> list[Use]:
        return [Use(1.0, entry, {})]
    return uses


EVENT_RULES: dict[str, Callable[[Event], list[Use]]] = {
    "HashMap::find": _hash_uses("HashMap::find"),
    "HashMap::insert": _hash_uses("HashMap::insert"),
    "HashMap::erase": _hash_uses("HashMap::erase"),
    "HashMap::iterate": _iterate_uses("HashMap::iterate"),
    "HashTable::find": _hash_uses("HashTable::find"),
    "HashTable::insert": _hash_uses("HashTable::insert"),
    "HashTable::erase": _hash_uses("HashTable::erase"),
    "HashTable::iterate": _iterate_uses("HashTable::iterate"),
    "Vector::push_back": _vector_push_uses,
    "Vector::erase": _vector_erase_uses,
    "click_in_cksum": _cksum_uses,
    "click_random": _random_uses,
    "Timestamp::now": _per_call("Timestamp::now"),
    "Packet::make": _make_uses,
    "Packet::clone": _clone_uses,
    "Packet::kill": _per_call("Packet::kill"),
    # NIC packets are always writable: the host's copy in expensive_uniqueify is no NIC cost.
    "Packet::uniqueify": _per_call("Packet::uniqueify"),
    "Packet::push": _per_call("Packet::push"),
    "Packet::put": _per_call("Packet::put"),
    "Element::output_push": _per_call("Element::output_push"),
    "Element::input_pull": _per_call("Element::input_pull"),
    "IPFlowID": _per_call("IPFlowID"),
}

# Inline accessors that report no event: catalog name of the call site -> table entry.
SITE_APIS: dict[str, str] = {
    "Packet::ip_header": "Packet::ip_header",
    "Packet::network_header": "Packet::ip_header",
    "Packet::tcp_header": "Packet::transport_header",
    "Packet::udp_header": "Packet::transport_header",
    "Packet::icmp_header": "Packet::transport_header",
    "Packet::transport_header": "Packet::transport_header",
    "Packet::ether_header": "Packet::data",
    "Packet::mac_header": "Packet::data",
    "Packet::data": "Packet::data",
    "Packet::length": "Packet::length",
    "Packet::pull": "Packet::pull",
    "Packet::take": "Packet::take",
    "Packet::anno": "Packet::anno",
    "Vector::access": "Vector::access",
    "Packet::uniqueify": "Packet::uniqueify",  # not shared: no copy, no event
}


# ------------------------------------------------------------------ API costs


def _price(use: Use, table: Mapping[str, Any]) -> dict[str, float]:
    entry = table["apis"][use.entry]
    if use.path == NO_PATH:
        return evaluate({**entry, "paths": {}}, **use.quantities)
    return evaluate(entry, use.path, **use.quantities)


def site_calls_per_packet(blocks: Iterable[Block],
                          frequencies: Mapping[tuple[str, str], float]) -> dict[str, float]:
    """Static API call sites x block executions per packet, per catalog name."""
    calls: dict[str, float] = {}
    for block in blocks:
        f = frequencies.get((block.function, block.name), 0.0)
        for call in block.api_calls:
            if f:
                calls[call.name] = calls.get(call.name, 0.0) + f
    return calls


def api_cost_per_packet(api_events: Mapping[str, Event], table: Mapping[str, Any],
                        site_calls: Mapping[str, float] | None = None) -> ApiCosts:
    """NIC instructions and memory accesses per packet of every API: evaluated per
    histogram value from ``api_events`` (:data:`EVENT_RULES`), per call from ``site_calls``
    for the accessors in :data:`SITE_APIS`; the rest in ``not_costed`` (calls per packet).
    Call sites of an API that reported events are not counted again; call sites of an event
    API that reported none are inline variants (``click_update_in_cksum``): not costed."""
    costed: dict[str, ApiCost] = {}
    not_costed: dict[str, float] = {}
    for name, event in sorted(api_events.items()):
        rule = EVENT_RULES.get(name)
        if rule is None:
            not_costed[name] = float(event["per_packet"])
            continue
        per_call = [(u.share, _price(u, table)) for u in rule(event)]
        calls = float(event["per_packet"])
        costed[name] = ApiCost(calls, calls * sum(s * c["instructions"] for s, c in per_call),
                               calls * sum(s * c["memory"] for s, c in per_call), "events")
    for name, calls in sorted((site_calls or {}).items()):
        if name in api_events:
            continue
        if name not in SITE_APIS:
            inline = " (inline, no event)" if name in EVENT_RULES else ""
            not_costed[name + inline] = calls
            continue
        cost = _price(Use(1.0, SITE_APIS[name], {}), table)
        costed[name] = ApiCost(calls, calls * cost["instructions"], calls * cost["memory"],
                               "call sites")
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
