"""Per-packet NIC cost (clara/insights/nic_cost.py): the API cost mapping against numbers
computed by hand from the shipped bluefield2 table, the block sum on a hand-made case, and an
end-to-end run on mini_nat (analysis + host profile + the shipped compute model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from clara.analyze import analyze_module
from clara.insights import nic_cost as nc
from clara.insights.compute import BlockPrediction, module_backend_counts, predict_blocks
from clara.insights.per_packet import block_frequencies
from clara.ir.features import ApiCall
from clara.runtime.api_costs import evaluate, load_table
from clara.targets.profile import load_target
from clara.toolchain.compile import CompileOptions
from clara.workload.profile import profile_nf


def _event(per_packet: float, probe_len: dict[int, int], occupancy: dict[int, int],
           nbytes: dict[int, int]) -> dict[str, Any]:
    def hist(h: dict[int, int]) -> dict[str, Any]:
        n = sum(h.values())
        return {"mean": sum(k * v for k, v in h.items()) / n,
                "histogram": {str(k): v for k, v in h.items()}}
    calls = sum(probe_len.values())
    return {"calls": calls, "per_packet": per_packet, "probe_len": hist(probe_len),
            "occupancy": hist(occupancy), "bytes": hist(nbytes)}


@pytest.fixture(scope="module")
def table() -> dict[str, Any]:
    return load_table("bluefield2")


def _terms(table: dict[str, Any], api: str) -> dict[tuple[str, str | None], dict[str, Any]]:
    return {(t["unit"], t["path"]): t for t in table["apis"][api]["terms"]}


def _route(entry: dict[str, Any], path: str) -> dict[str, int]:
    """The fixed part a call on ``path`` ("" for none) runs."""
    return entry["routes"].get(path) or entry["fixed"]


def test_hash_find_at_measured_histogram(table: dict[str, Any]) -> None:
    """A profile without operations or joint records: the marginal histograms."""
    # 3 calls of 1 probe and 1 call of 3 probes; 6 occupied slots compared in all; 12-byte keys
    event = _event(2.0, {1: 3, 3: 1}, {1: 2, 2: 2}, {12: 4})
    costs = nc.api_cost_per_packet({"HashMap::find": event}, table)
    entry = table["apis"]["HashMap::find/k3"]  # compiled for the 3-word key
    t = _terms(table, "HashMap::find/k3")
    # the costliest path, each with the fixed instructions on its route
    path = max(entry["paths"], key=lambda p: _route(entry, p)["instructions"]
               + entry["paths"][p]["instructions"])
    fixed_i = _route(entry, path)["instructions"] + entry["paths"][path]["instructions"]
    fixed_m = _route(entry, path)["memory"] + entry["paths"][path]["memory"]
    probes = compares = 6 / 4  # means per call
    per_call_i = (fixed_i + t[("probes", None)]["instructions"] * probes
                  + t[("compares", None)]["instructions"] * compares)
    per_call_m = (fixed_m + t[("probes", None)]["memory"] * probes
                  + t[("compares", None)]["memory"] * compares)
    got = costs.costed["HashMap::find"]
    assert got.calls == 2.0 and got.source == "events"
    assert got.instructions == pytest.approx(2 * per_call_i)
    assert got.memory == pytest.approx(2 * per_call_m)
    # with the bluefield2 numbers: (25 + 1 + 1.5 x (6 + 8)) x 2 = 94
    assert got.instructions == pytest.approx(94.0)


def _op(calls: int, per_packet: float, detail: list[dict[str, Any]],
        probe_len: dict[int, int]) -> dict[str, Any]:
    return {**_event(per_packet, probe_len, {0: calls}, {0: calls}), "calls": calls,
            "detail": detail}


def test_joint_records_are_priced_on_their_path(table: dict[str, Any]) -> None:
    """With the profile's operations and joint records, every record is priced as it was:
    its path, probes, compares, key size (the sized entry) and value size; a clear reported
    under erase is priced as a clear."""
    def rec(path: str, probes: int, compares: int, key: int, value: int, calls: int
            ) -> dict[str, Any]:
        return {"path": path, "probe_len": probes, "occupancy": compares, "key_bytes": key,
                "value_bytes": value, "calls": calls}

    find = [rec("hit", 1, 1, 12, 4, 3), rec("miss", 4, 2, 12, 4, 1)]
    insert = [rec("new", 4, 0, 16, 8, 1), rec("update", 2, 2, 16, 8, 1)]
    events = {
        "HashMap::find": {**_op(4, 2.0, find, {1: 3, 4: 1}),
                          "ops": {"find": _op(4, 2.0, find, {1: 3, 4: 1})}},
        "HashMap::insert": {**_op(2, 0.5, insert, {4: 1, 2: 1}),
                            "ops": {"insert": _op(2, 0.5, insert, {4: 1, 2: 1})}},
        "HashMap::erase": {**_op(2, 0.2, [], {4096: 1, 1: 1}), "ops": {
            "clear": _op(1, 0.1, [], {4096: 1}),
            "erase": _op(1, 0.1, [rec("miss", 1, 0, 4, 4, 1)], {1: 1})}},
    }
    costs = nc.api_cost_per_packet(events, table)
    apis = table["apis"]
    k3 = apis["HashMap::find/k3v1"]  # a 12-byte key, a 4-byte value
    # hit: 21 + 1 + 6 + 8 = 36; miss: 21 + 1 + 4 x 6 + 2 x 8 = 62 (bluefield2)
    hit = evaluate(k3, "hit", probes=1, compares=1, key_words=3, value_words=1)
    miss = evaluate(k3, "miss", probes=4, compares=2, key_words=3, value_words=1)
    assert (hit["instructions"], miss["instructions"]) == (36.0, 62.0)
    assert costs.costed["HashMap::find"].instructions == pytest.approx(
        2.0 * (3 * 36 + 62) / 4)
    k4 = apis["HashMap::insert/k4v2"]
    new = evaluate(k4, "new", probes=4, compares=0, key_words=4, value_words=2)
    update = evaluate(k4, "update", probes=2, compares=2, key_words=4, value_words=2)
    assert new["instructions"] > update["instructions"]
    assert costs.costed["HashMap::insert"].instructions == pytest.approx(
        0.5 * (new["instructions"] + update["instructions"]) / 2)
    clear = evaluate(apis["HashMap::clear"], slots=4096)
    erase = evaluate(apis["HashMap::erase/k1v1"], "miss", probes=1, compares=0, key_words=1,
                     value_words=1)
    assert costs.costed["HashMap::erase"].instructions == pytest.approx(
        0.1 * clear["instructions"] + 0.1 * erase["instructions"])


def test_a_value_of_more_than_four_words_uses_the_key_sized_entry(
        table: dict[str, Any]) -> None:
    """Values of 1-4 words have entries compiled for them (``/k3v4``); a 20-byte value has
    none, so the record is priced with the key-sized entry, value words as a run-time loop."""
    def record(value_bytes: int) -> dict[str, Any]:
        detail = [{"path": "update", "probe_len": 2, "occupancy": 1, "key_bytes": 12,
                   "value_bytes": value_bytes, "calls": 1}]
        return {"HashMap::insert": {**_op(1, 1.0, detail, {2: 1}),
                                    "ops": {"insert": _op(1, 1.0, detail, {2: 1})}}}

    apis = table["apis"]
    q = {"probes": 2, "compares": 1, "key_words": 3}
    for value_bytes, entry in ((16, "HashMap::insert/k3v4"), (20, "HashMap::insert/k3")):
        expected = evaluate(apis[entry], "update", **q, value_words=value_bytes // 4)
        costs = nc.api_cost_per_packet(record(value_bytes), table)
        assert costs.costed["HashMap::insert"].instructions == pytest.approx(
            expected["instructions"])


def test_vector_checksum_and_random_mappings(table: dict[str, Any]) -> None:
    events = {
        # 2 push_backs (0 moved) and 2 inserts moving 3 entries; 16-byte entries
        "Vector::push_back": _event(1.0, {0: 2, 3: 2}, {5: 4}, {16: 4}),
        # 1 checksum over 20 bytes (10 words), 1 over 21 bytes (10 words + odd), 2 pseudo-header
        "click_in_cksum": _event(0.5, {10: 2, 0: 2}, {0: 4}, {20: 1, 21: 1, 12: 2}),
        "click_random": _event(1.0, {0: 4}, {0: 4}, {4: 3, 0: 1}),
        "HashMap::size": _event(3.0, {0: 1}, {0: 1}, {0: 1}),
    }
    costs = nc.api_cost_per_packet(events, table)
    apis = table["apis"]
    push = evaluate(apis["Vector::push_back"], "ok", elt_words=4)["instructions"]
    insert = evaluate(apis["Vector::insert"], "ok", moved=3, elt_words=4)["instructions"]
    assert costs.costed["Vector::push_back"].instructions == pytest.approx((push + insert) / 2)
    ck = apis["click_in_cksum"]
    words = _terms(table, "click_in_cksum")[("words16", None)]["instructions"] * 10
    even = _route(ck, "")["instructions"] + words
    odd = _route(ck, "odd")["instructions"] + ck["paths"]["odd"]["instructions"] + words
    pseudo = apis["click_in_cksum_pseudohdr"]["fixed_instructions"]
    # odd share is 1/4 of the calls' byte counts (21 is the only odd one)
    expected = 0.5 * (0.5 * (0.75 * even + 0.25 * odd) + 0.5 * pseudo)
    assert costs.costed["click_in_cksum"].instructions == pytest.approx(expected)
    random = 0.75 * apis["click_random"]["fixed_instructions"] + 0.25 * apis["click_jiffies"][
        "fixed_instructions"]
    assert costs.costed["click_random"].instructions == pytest.approx(random)
    assert costs.not_costed == {"HashMap::size": 3.0}  # size reports no event: a site API


def test_site_apis_and_not_costed(table: dict[str, Any]) -> None:
    sites = {"WritablePacket::tcp_header() const": 2.0,
             "Packet::transport_header() const": 1.0,
             "IPAddress::IPAddress(unsigned int)": 1.0,
             "click_update_in_cksum(unsigned short*, unsigned short, unsigned short)": 4.0,
             "HashMap<IPFlowID, int>::findp(IPFlowID const&) const": 1.0,  # an event API
             "MyHelper::thing()": 0.5}
    costs = nc.api_cost_per_packet({}, table, sites)
    apis = table["apis"]
    per_call = apis["Packet::transport_header"]["fixed"]["instructions"]
    assert costs.costed["Packet::transport_header"].calls == 3.0
    assert costs.costed["Packet::transport_header"].instructions == pytest.approx(3 * per_call)
    assert costs.costed["Packet::transport_header"].source == "call sites"
    assert costs.costed["click_update_in_cksum"].instructions == pytest.approx(
        4 * apis["click_update_in_cksum"]["fixed"]["instructions"])
    # building an IPAddress is folded into the code using it; findp reports events
    assert costs.costed[nc.FOLDED].calls == 1.0 and costs.costed[nc.FOLDED].instructions == 0
    assert "HashMap::find" not in costs.costed
    assert costs.not_costed == {"MyHelper::thing()": 0.5}


def _analyzed(repo: Path, tmp_path: Path, name: str) -> Any:
    return analyze_module(repo / "examples" / "nfs" / name, CompileOptions(), tmp_path,
                          name.removesuffix(".cc")).features


def test_site_calls_fold_repeated_field_loads_and_chain_updates(repo: Path,
                                                                tmp_path: Path) -> None:
    """Every block of the packet entry runs once: FlowAggregateCounter's simple_action reads
    the network header pointer at 5 sites (has_network_header x2, network_header,
    ip_header x2), one load for the function; the framework's push runs once around it.
    CRCLoadBalancer rewrites the destination address's two words in the IP checksum
    (lines 133-134) and then with the same words in the transport checksum (136-137): the
    second of each pair is chained, the second pair repeats the first's words."""
    features = _analyzed(repo, tmp_path, "aggregate_counter.cc")
    action = next(b.function for b in features.blocks if "13simple_action" in b.function)
    once = {(b.function, b.name): 1.0 for b in features.blocks if b.function == action}
    sites = [c.demangled.removeprefix("Click::") for b in features.blocks
             if b.function == action for c in b.api_calls]
    nh = [s for s in sites if nc.cse_field(s) == "Packet::_nh"]
    assert len(nh) == 5
    calls = nc.site_calls_per_packet(features.blocks, once)
    assert sum(calls[s] for s in set(nh)) == pytest.approx(1.0)
    assert calls[nc.ELEMENT_PUSH] == 1.0
    crc = _analyzed(repo, tmp_path, "crc_lb.cc")
    everywhere = {(b.function, b.name): 1.0 for b in crc.blocks}
    updates = {c.line: c.args for b in crc.blocks for c in b.api_calls
               if c.demangled.startswith("click_update_in_cksum")}
    assert sorted(updates) == [133, 134, 136, 137]
    # same old and new words (locals assigned once), another checksum (unknown pointer)
    assert updates[133][1:] == updates[136][1:] and updates[134][1:] == updates[137][1:]
    assert all(updates[133][1:]) and updates[133][1:] != updates[134][1:]
    crc_calls = nc.site_calls_per_packet(crc.blocks, everywhere)
    assert crc_calls["click_update_in_cksum(unsigned short*, unsigned short, unsigned short)"] \
        == crc_calls[nc.CHAINED_CKSUM] == crc_calls[nc.REPEATED_CKSUM] \
        == crc_calls[nc.CHAINED_REPEATED_CKSUM] == 1.0


def test_checksum_updates_repeat_only_known_equal_words() -> None:
    """An update repeats an earlier one when both its old and new words are known and the
    same; unknown words ("") never match, and a different word pair is not a repeat."""
    def update(old: str, new: str) -> ApiCall:
        return ApiCall("click_in_cksum", "click_update_in_cksum(unsigned short*, unsigned "
                       "short, unsigned short)", 1, 1, ("", old, new))

    seen: set[tuple[str, ...]] = set()
    first = nc._cksum_site(update("s4", "s5"), None, seen)
    assert first.startswith(nc.CKSUM_UPDATE)
    assert nc._cksum_site(update("s4", "s5"), None, seen) == nc.REPEATED_CKSUM
    assert nc._cksum_site(update("s4", "s5"), first, seen) == nc.CHAINED_REPEATED_CKSUM
    assert nc._cksum_site(update("s4", "s6"), first, seen) == nc.CHAINED_CKSUM
    assert nc._cksum_site(update("", "s5"), None, seen) == first
    assert nc._cksum_site(update("", "s5"), None, seen) == first  # unknown: never seen


def _prediction(function: str, block: str, compute: float, state: float, stack: float,
                packet: float) -> BlockPrediction:
    return BlockPrediction(function, block, compute, state + stack + packet, state, packet,
                           stack, 10, 0, 5, "compute-test")


def test_block_sum_and_hot_blocks(table: dict[str, Any]) -> None:
    predictions = {("f", "a"): _prediction("f", "a", 10, 2, 1, 1),
                   ("f", "b"): _prediction("f", "b", 4, 0, 1, 0),
                   ("f", "c"): _prediction("f", "c", 100, 0, 0, 0)}
    frequencies = {("f", "a"): 1.0, ("f", "b"): 3.0, ("f", "c"): 0.0}
    api = nc.api_cost_per_packet({}, table, {"Packet::length() const": 2.0})
    cost = nc.nic_cost_per_packet(frequencies, predictions, api)
    assert cost.compute == pytest.approx(10 + 12)
    assert (cost.memory_state, cost.memory_stack, cost.memory_packet) == (2.0, 4.0, 1.0)
    assert cost.nf_instructions == pytest.approx(29.0)
    length = table["apis"]["Packet::length"]["fixed"]
    assert cost.instructions == pytest.approx(29 + 2 * length["instructions"])
    assert cost.memory == pytest.approx(7 + 2 * length["memory"])
    assert [h.block for h in cost.hot] == ["b", "a"]  # c never runs
    assert cost.hot[0].instructions == pytest.approx(15.0)
    assert cost.hot[0].share == pytest.approx(15 / 29)
    latency = nc.latency_cycles(cost, load_target("bluefield2"))
    # state in DRAM (325 cycles), the rest in L1D (4), non-memory at 1 per cycle
    other_memory = cost.memory - cost.memory_state
    assert latency.state_level == "DRAM" and latency.near_level == "L1D"
    assert latency.cycles == pytest.approx(
        (cost.instructions - cost.memory) + 2 * 325 + other_memory * 4)


def test_mini_nat_end_to_end(repo: Path, tmp_path: Path) -> None:
    source = repo / "examples" / "nfs" / "mini_nat.cc"
    module = analyze_module(source, CompileOptions(), tmp_path, "mini_nat")
    profile = profile_nf(source, workload="small-flows,packets=2000,flows=500,proto=tcp:1",
                         work_dir=tmp_path / "profile").document
    target = load_target("bluefield2")
    table = load_table("bluefield2")
    frequencies = block_frequencies(profile, key="block")
    api = nc.api_cost_per_packet(profile["api_events"], table,
                                 nc.site_calls_per_packet(module.features.blocks, frequencies))
    backends = module_backend_counts(source, module.features, target, CompileOptions(),
                                     tmp_path / "backends")
    cost = nc.nic_cost_per_packet(frequencies,
                                  predict_blocks(module.features, target, backends), api)
    parts = (cost.compute, cost.memory_state, cost.memory_stack, cost.memory_packet,
             api.instructions, api.memory)
    assert all(p >= 0 for p in parts)
    assert cost.instructions == pytest.approx(cost.compute + cost.nf_memory + api.instructions)
    assert cost.memory == pytest.approx(cost.nf_memory + api.memory) and cost.memory > 0
    assert api.instructions == pytest.approx(sum(c.instructions for c in api.costed.values()))
    assert {"HashMap::find", "Packet::network_header", "Element::output_push"} <= set(api.costed)
    # all TCP: the hottest block (the outbound translation) runs for every packet
    assert cost.hot[0].per_packet == pytest.approx(1.0)
    latency = nc.latency_cycles(cost, target)
    assert latency.cycles == pytest.approx(latency.compute_cycles + latency.memory_cycles)
    assert latency.cycles > cost.instructions
    records = nc.nic_cost_records(cost, latency, target="bluefield2", table=table,
                                  source=str(source), blocks=module.features.blocks)
    assert [r["kind"] for r in records] == ["per-packet-nic"] + ["hot-block-nic"] * len(cost.hot)
    summary = records[0]
    assert summary["message"].startswith("per packet on bluefield2: ~")
    assert "model compute-bluefield2, API table bluefield2" in summary["message"]
    assert summary["data"]["compute_model"] == "compute-bluefield2"
    assert records[1]["location"]["line"] > 0


def test_framework_queries_are_not_packet_work(repo: Path, tmp_path: Path) -> None:
    """The pcap driver asks MiniNAT's processing() for every packet; its blocks are counted
    in the profile but are no packet work, so they get no per-packet frequency."""
    source = repo / "examples" / "nfs" / "mini_nat.cc"
    profile = profile_nf(source, workload="small-flows,packets=500,flows=50,proto=tcp:1",
                         work_dir=tmp_path / "profile").document
    processing = next(f for f in profile["functions"]
                      if f["demangled"] == "Click::MiniNAT::processing() const")
    assert processing["calls"] == profile["packets"]["processed"]
    assert block_frequencies(profile).keys().isdisjoint(
        {(b["function"], b["index"]) for b in profile["blocks"]
         if b["function"] == processing["function"]})
    assert any(f > 0 for f in block_frequencies(profile).values())


def test_push_mac_header_is_priced_as_push() -> None:
    """push_mac_header is push plus setting the MAC header pointer: the push entry."""
    assert nc.site_entry("WritablePacket::push_mac_header(unsigned int)") == "Packet::push"
    assert nc.site_entry("Packet::push(unsigned int)") == "Packet::push"
