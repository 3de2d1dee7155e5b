"""Tests of the workload profile (``clara profile``, clara/workload/profile.py): the real
clang/opt/plugin, the host runtime and the drivers, over generated and hand-made traces.

Counts are checked against what the code must do: the entry block runs once per packet, block
counts are conserved along the CFG of the feature records, a loop of 4 fixed trips runs 4 times
per packet, a member incremented once per packet is loaded and stored once per packet, API events
match the blocks that call the API; and against the failure contract: a truncated pcap is reported
with packet index and byte offset and nothing past it is run (exit 1), a crash is reported with
its packet index, non-IP packets are counted and passed.
"""

from __future__ import annotations

import json
import struct
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dpkt
import pytest

from clara.errors import ClaraError
from clara.ir.features import ModuleFeatures, read_features
from clara.runtime.build import TEMPLATES
from clara.toolchain.compile import CompileOptions, compile_to_ir, language_of, run_passes
from clara.workload.profile import check_layout, profile_nf
from clara.workload.spec import iter_packets, parse_spec
from clara.workload.trace import TracePacket, write_pcap
from tests.conftest import EXAMPLES, run_cli

MINI_NAT = EXAMPLES / "mini_nat.cc"
XDP = EXAMPLES / "xdp_filter.c"
NAT_WORKLOAD = "packets=3000,flows=60,proto=tcp:0.9/udp:0.1,syn=0.02,seed=3"

LOOP_HH = """\
#ifndef LOOP_COUNTER_HH
#define LOOP_COUNTER_HH
#include <click/element.hh>
CLICK_DECLS
class LoopCounter : public Element {
  public:
    LoopCounter();
    const char *class_name() const { return "LoopCounter"; }
    const char *port_count() const { return PORTS_1_1; }
    int configure(Vector<String> &conf, ErrorHandler *errh);
    Packet *simple_action(Packet *p);
  private:
    uint32_t _sums[4];
    uint64_t _count;
    int _crash_at;
};
CLICK_ENDDECLS
#endif
"""

LOOP_CC = """\
#include <click/config.h>
#include "loop_counter.hh"
#include <click/args.hh>
#include <click/error.hh>
CLICK_DECLS

LoopCounter::LoopCounter() : _count(0), _crash_at(-1)
{
    for (int i = 0; i < 4; i++)
        _sums[i] = 0;
}

int
LoopCounter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    return Args(conf, this, errh).read_p("CRASH_AT", _crash_at).complete();
}

Packet *
LoopCounter::simple_action(Packet *p)
{
    const unsigned char *d = p->data();
    for (int i = 0; i < 4; i++)
        _sums[i] += d[i];
    if ((int) _count == _crash_at)
        *(volatile int *) 0 = 1;
    _count++;
    return p;
}

CLICK_ENDDECLS
EXPORT_ELEMENT(LoopCounter)
"""


# ------------------------------------------------------------------ helpers


@pytest.fixture(scope="module", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Runtime objects compiled once for this module, outside the user's cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("CLARA_CACHE_DIR", str(tmp_path_factory.mktemp("clara-cache")))
    yield
    mp.undo()


def _features(source: Path, work: Path) -> ModuleFeatures:
    bitcode = work / f"{source.stem}.bc"
    compile_to_ir(source, bitcode, CompileOptions())
    out = work / f"{source.stem}.jsonl"
    run_passes(bitcode, ["clara-prepare", "clara-features"], [f"-clara-features-output={out}"])
    return read_features(out)


def _counts(doc: dict[str, Any]) -> dict[tuple[str, int], int]:
    return {(b["function"], b["index"]): b["count"] for b in doc["blocks"]}


def _function(doc: dict[str, Any], suffix: str) -> str:
    names = [f["function"] for f in doc["functions"] if f["demangled"].split("(")[0]
             .endswith(suffix)]
    assert len(names) == 1, names
    return names[0]


def _check_flow_conservation(doc: dict[str, Any], features: ModuleFeatures) -> int:
    """Block counts against the CFG of the feature records; returns the edges checked."""
    counts = _counts(doc)
    checked = 0
    for fn in features.functions:
        blocks = features.blocks_of(fn.name)
        preds: dict[int, list[int]] = defaultdict(list)
        for b in blocks:
            for s in b.succs:
                preds[s].append(b.index)
        for b in blocks:
            c = counts[(fn.name, b.index)]
            ps = preds[b.index]
            if b.is_entry:
                # entered once per call, plus any back edge into the entry block
                assert c >= sum(counts[(fn.name, p)] for p in ps)
                continue
            single = [p for p in ps if len(blocks[p].succs) == 1]
            # inflow: exactly the single-successor predecessors' counts, at most all of them
            assert sum(counts[(fn.name, p)] for p in single) <= c, (fn.name, b.name)
            assert c <= sum(counts[(fn.name, p)] for p in ps), (fn.name, b.name)
            if len(ps) == len(single):
                assert c == sum(counts[(fn.name, p)] for p in ps), (fn.name, b.name)
                checked += 1
        for b in blocks:
            # outflow of a branch whose targets have no other predecessor
            succs = sorted(set(b.succs))
            if len(succs) > 1 and all(preds[s] == [b.index] for s in succs):
                assert counts[(fn.name, b.index)] == sum(counts[(fn.name, s)] for s in succs)
                checked += 1
        calls = counts[(fn.name, 0)]
        exits = [b for b in blocks if b.is_exit]
        if exits and not any(s == 0 for b in blocks for s in b.succs):
            assert sum(counts[(fn.name, b.index)] for b in exits) == calls, fn.name
    return checked


def _loop_element(tmp_path: Path) -> Path:
    (tmp_path / "loop_counter.hh").write_text(LOOP_HH)
    source = tmp_path / "loop_counter.cc"
    source.write_text(LOOP_CC)
    return source


def _eth_ip_udp(i: int) -> bytes:
    udp = dpkt.udp.UDP(sport=1000 + i, dport=53, data=b"x" * 20)
    udp.ulen = len(bytes(udp))
    ip = dpkt.ip.IP(src=bytes([10, 0, 0, 1]), dst=bytes([10, 0, 0, 2]), p=17, data=udp)
    ip.len = len(bytes(ip))
    return bytes(dpkt.ethernet.Ethernet(src=b"\x02" * 6, dst=b"\x04" * 6,
                                        type=dpkt.ethernet.ETH_TYPE_IP, data=ip))


def _arp() -> bytes:
    return bytes(dpkt.ethernet.Ethernet(src=b"\x02" * 6, dst=b"\xff" * 6,
                                        type=dpkt.ethernet.ETH_TYPE_ARP,
                                        data=dpkt.arp.ARP()))


def _pcapng(path: Path, frames: list[bytes]) -> None:
    """A minimal little-endian pcapng: SHB, one Ethernet IDB, one EPB per frame."""
    def block(btype: int, body: bytes) -> bytes:
        body += b"\0" * (-len(body) % 4)
        n = len(body) + 12
        return struct.pack("<II", btype, n) + body + struct.pack("<I", n)

    out = block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
    out += block(1, struct.pack("<HHI", 1, 0, 0))
    for i, frame in enumerate(frames):
        ts = 1_700_000_000_000_000 + i
        out += block(6, struct.pack("<IIIII", 0, ts >> 32, ts & 0xFFFFFFFF, len(frame),
                                    len(frame)) + frame)
    path.write_bytes(out)


# ------------------------------------------------------------------ layout invariant


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir()
                                        if p.suffix in (".cc", ".c")))
def test_instrumented_slots_are_the_feature_records(name: str, tmp_path: Path) -> None:
    """On every example: the instrumented IR (C++: with the runtime's templates) has the
    blocks and state accesses of `clara analyze`'s records, slot for slot."""
    source = EXAMPLES / name
    features = _features(source, tmp_path)
    to_instrument = tmp_path / "t.bc"
    extra = ("-include", str(TEMPLATES)) if language_of(source) == "c++" else ()
    compile_to_ir(source, to_instrument, CompileOptions(extra_flags=extra))
    layout_path = tmp_path / "layout.json"
    run_passes(to_instrument, ["clara-prepare", "clara-instrument"],
               [f"-clara-profile-layout-output={layout_path}"], output=tmp_path / "i.bc")
    layout = json.loads(layout_path.read_text())
    check_layout(layout, features)
    assert len(layout["blocks"]) == len(features.blocks) > 0
    n_accesses = sum(len(b.state_accesses) for b in features.blocks)
    assert sum(a["sites"] for a in layout["access"]) == n_accesses


# ------------------------------------------------------------------ mini_nat


@pytest.fixture(scope="module")
def nat_profile() -> dict[str, Any]:
    return profile_nf(MINI_NAT, workload=NAT_WORKLOAD).document


@pytest.fixture(scope="module")
def nat_features(tmp_path_factory: pytest.TempPathFactory) -> ModuleFeatures:
    return _features(MINI_NAT, tmp_path_factory.mktemp("nat-features"))


def test_mini_nat_entry_count_is_packets_processed(nat_profile: dict[str, Any]) -> None:
    doc = nat_profile
    assert doc["schema"] == "clara.profile/1" and doc["complete"] is True
    assert doc["workload"] == parse_spec(NAT_WORKLOAD).text()
    assert doc["nf"]["config"] == "1.2.3.4, 10000, 10999" and doc["nf"]["port"] == 1
    packets = doc["packets"]
    assert packets["in"] == doc["trace"]["packets"] == 3000
    assert packets["processed"] == 3000 - packets["non_ip_bypassed"]
    push = _function(doc, "MiniNAT::push")
    assert _counts(doc)[(push, 0)] == packets["processed"]
    assert doc["flows"]["seen"] == 60
    assert sum(doc["outputs"].values()) + doc["dropped"] == packets["processed"]


def test_mini_nat_counts_are_conserved_along_the_cfg(nat_profile: dict[str, Any],
                                                     nat_features: ModuleFeatures) -> None:
    assert _check_flow_conservation(nat_profile, nat_features) > 10


def test_mini_nat_state_and_api_events_agree_with_blocks(nat_profile: dict[str, Any],
                                                         nat_features: ModuleFeatures) -> None:
    doc = nat_profile
    counts = _counts(doc)
    state = {(s["object"], s["field"]): s for s in doc["state"]}
    # _translated++ once per translated packet (both directions)
    translated = state[("MiniNAT", "_translated")]
    assert translated["loads"] == translated["stores"] == sum(doc["outputs"].values()) > 0
    # every executed HashMap::find call site is one find event
    finds = sum(counts[(b.function, b.index)] * sum(c.name == "HashMap::find"
                                                    for c in b.api_calls)
                for b in nat_features.blocks)
    assert doc["api_events"]["HashMap::find"]["calls"] == finds > 0
    # state access counts = block count x static sites, summed per variable
    expected: Counter[tuple[str, str, bool]] = Counter()
    for b in nat_features.blocks:
        for a in b.state_accesses:
            expected[(a.object, a.field, a.is_store)] += counts[(b.function, b.index)]
    for (obj, fld), rec in state.items():
        assert rec["loads"] == expected[(obj, fld, False)]
        assert rec["stores"] == expected[(obj, fld, True)]
    for name, vector in doc["access_vectors"].items():
        if vector:
            assert abs(sum(vector.values()) - 1) < 1e-4, name
    assert doc["per_packet"]["blocks"] > 1


def test_mini_nat_api_operations_and_paths(nat_profile: dict[str, Any]) -> None:
    """Per operation, the joint records of the hash tables' path, probes, compares and key
    and value sizes: they add up to the calls and to the marginal histograms, and follow
    from the code (a miss examines the whole 4-slot bucket; a new flow is inserted into both
    maps, ext_key -> uint16_t and int_key -> flow)."""
    events = nat_profile["api_events"]
    for name, event in events.items():
        assert sum(op["calls"] for op in event["ops"].values()) == event["calls"], name
    find = events["HashMap::find"]
    assert set(find["ops"]) == {"find"}
    detail = find["ops"]["find"]["detail"]
    assert sum(d["calls"] for d in detail) == find["calls"]
    assert {d["path"] for d in detail} == {"hit", "miss"}
    assert {(d["key_bytes"], d["value_bytes"]) for d in detail} == {(12, 2)}
    assert all(d["probe_len"] == 4 for d in detail if d["path"] == "miss")
    assert all(1 <= d["occupancy"] <= d["probe_len"] for d in detail if d["path"] == "hit")
    marginal: Counter[int] = Counter()
    for d in detail:
        marginal[d["probe_len"]] += d["calls"]
    assert {str(k): v for k, v in sorted(marginal.items())} == find["probe_len"]["histogram"]
    insert = events["HashMap::insert"]["ops"]["insert"]["detail"]
    assert {d["path"] for d in insert} <= {"new", "full"}  # only after a miss
    by_value: Counter[int] = Counter()
    for d in insert:
        by_value[d["value_bytes"]] += d["calls"]
    assert set(by_value) == {2, 8} and by_value[2] == by_value[8] > 0
    # events without a path report no detail
    assert events["Element::output_push"]["ops"]["push"]["detail"] == []


def test_profile_is_deterministic(nat_profile: dict[str, Any]) -> None:
    again = profile_nf(MINI_NAT, workload=NAT_WORKLOAD).document
    assert json.dumps(again, sort_keys=True) == json.dumps(nat_profile, sort_keys=True)


# ------------------------------------------------------------------ hand-written element


def test_loop_and_member_counts_follow_from_the_code(tmp_path: Path) -> None:
    source = _loop_element(tmp_path)
    doc = profile_nf(source, workload="packets=500,flows=20,seed=2").document
    processed = doc["packets"]["processed"]
    assert processed == 500
    action = _function(doc, "LoopCounter::simple_action")
    blocks = {b["block"]: b["count"] for b in doc["blocks"] if b["function"] == action}
    assert blocks["entry"] == processed
    assert blocks["for.body"] == 4 * processed
    assert blocks["for.cond"] == 5 * processed
    state = {(s["object"], s["field"]): s for s in doc["state"]}
    count = state[("LoopCounter", "_count")]
    assert count["loads"] >= processed and count["stores"] == processed
    assert count["stores_per_packet"] == 1.0
    sums = state[("LoopCounter", "_sums")]
    assert sums["loads"] == sums["stores"] == 4 * processed
    # construction-time accesses are kept apart from the packet phase (the driver
    # constructs the element twice: once to read port_count(), once to run it)
    assert sums["setup_stores"] == 2 * 4


def test_crashing_element_is_reported_with_its_packet_index(tmp_path: Path) -> None:
    source = _loop_element(tmp_path)
    with pytest.raises(ClaraError, match=r"crashed \(SIGSEGV\) on packet index 7 of"):
        profile_nf(source, workload="packets=50,flows=5", config="CRASH_AT 7")
    trace = tmp_path / "t.pcap"
    write_pcap(trace, iter_packets(parse_spec("packets=50,flows=5")))
    proc = run_cli("profile", str(source), "--trace", str(trace), "--config", "CRASH_AT 7",
                   "-o", str(tmp_path / "p.json"))
    assert proc.returncode == 1
    assert "on packet index 7 of " + str(trace) in proc.stderr
    assert not (tmp_path / "p.json").exists()


def test_non_ip_packets_are_counted_and_passed(tmp_path: Path) -> None:
    source = _loop_element(tmp_path)
    frames = [_arp() if i % 4 == 0 else _eth_ip_udp(i) for i in range(40)]
    trace = tmp_path / "mixed.pcap"
    write_pcap(trace, [TracePacket(i, 1_700_000_000 * 10**9 + i * 1000, f)
                       for i, f in enumerate(frames)])
    doc = profile_nf(source, trace=trace).document
    assert doc["packets"] == {"in": 40, "processed": 40, "non_ip": 10, "non_ip_bypassed": 0,
                              "not_made": 0}
    assert doc["outputs"] == {"0": 40}
    assert doc["flows"]["seen"] == 30
    # pcapng: the same packets, the same counts
    ng = tmp_path / "mixed.pcapng"
    _pcapng(ng, frames)
    doc_ng = profile_nf(source, trace=ng).document
    assert doc_ng["packets"] == doc["packets"] and doc_ng["blocks"] == doc["blocks"]
    # an element that needs IP (configs.toml require_ip): non-IP bypasses it, counted
    nat = profile_nf(MINI_NAT, trace=trace).document
    assert nat["packets"]["non_ip_bypassed"] == 10 and nat["packets"]["processed"] == 30


# ------------------------------------------------------------------ broken traces


def test_truncated_pcap_reports_index_and_offset_and_runs_nothing_past_it(
        tmp_path: Path) -> None:
    packets = list(iter_packets(parse_spec("packets=40,flows=4,proto=tcp,seed=5")))
    full = tmp_path / "full.pcap"
    write_pcap(full, packets)
    offset = 24 + sum(16 + len(p.data) for p in packets[:25])
    cut = tmp_path / "cut.pcap"
    cut.write_bytes(full.read_bytes()[: offset + 16 + 10])  # inside packet 25's data
    out = tmp_path / "p.json"
    proc = run_cli("profile", str(MINI_NAT), "--trace", str(cut), "-o", str(out))
    assert proc.returncode == 1, proc.stderr
    assert f"packet 25 (record at byte offset {offset})" in proc.stderr
    assert "nothing past it was run" in proc.stderr
    doc = json.loads(out.read_text())
    assert doc["complete"] is False
    assert doc["error"]["packet_index"] == 25 and doc["error"]["byte_offset"] == offset
    assert doc["packets"]["in"] == doc["trace"]["packets"] == 25
    push = _function(doc, "MiniNAT::push")
    assert _counts(doc)[(push, 0)] == doc["packets"]["processed"] <= 25
    # the same 25 packets, intact, give the same counts
    first = tmp_path / "first.pcap"
    write_pcap(first, packets[:25])
    intact = profile_nf(MINI_NAT, trace=first).document
    assert intact["blocks"] == doc["blocks"] and intact["state"] == doc["state"]


def test_not_a_trace_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "x.pcap"
    bogus.write_bytes(b"hello world, not a capture")
    with pytest.raises(ClaraError, match=r"packet 0 .*byte offset 0"):
        profile_nf(MINI_NAT, trace=bogus)


# ------------------------------------------------------------------ plain C (XDP)


def test_xdp_filter_profiles(tmp_path: Path) -> None:
    out = tmp_path / "xdp.json"
    proc = run_cli("profile", str(XDP), "--workload", "packets=800,flows=40,seed=4",
                   "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text())
    assert doc["nf"]["language"] == "c" and doc["nf"]["element"] == "xdp_filter_prog"
    processed = doc["packets"]["processed"]
    assert processed == 800
    entry = _function(doc, "xdp_filter_prog")
    assert _counts(doc)[(entry, 0)] == processed
    assert sum(doc["outputs"].values()) == processed
    assert doc["outputs"]["XDP_PASS"] > 0
    xdp_stats = [s for s in doc["state"] if s["object"] == "xdp_stats"]
    # RX_PACKETS++, RX_BYTES += len and one verdict counter (at least) per packet
    assert sum(s["stores"] for s in xdp_stats) >= 3 * processed
    assert _check_flow_conservation(doc, _features(XDP, tmp_path)) > 5
    assert "hottest blocks" in proc.stdout
