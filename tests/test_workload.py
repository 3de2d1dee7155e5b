"""Traces and workload specs: pcap/pcapng reading and its failure reports, the pcap writer,
spec parsing and errors, and the generated traffic (checksums, flags, skew, determinism).

Files are built by hand (struct) or by independent writers (dpkt's, and tcpdump's libpcap when
tcpdump is installed); checksums are checked with a separate RFC 1071 implementation.
"""

from __future__ import annotations

import itertools
import json
import math
import shutil
import struct
import subprocess
from collections import Counter
from pathlib import Path

import dpkt
import pytest
from conftest import run_cli

from clara.errors import ClaraError
from clara.workload.spec import PRESETS, generate, parse_spec
from clara.workload.trace import (
    LINKTYPE_LINUX_SLL,
    LINKTYPE_RAW,
    TraceError,
    TracePacket,
    decode,
    iter_trace,
    read_trace,
    write_pcap,
)

MIXED = "packets=3000,flows=60,size=54..1500,proto=tcp:0.6/udp:0.3/icmp:0.1,syn=0.05,seed=11"


# --- helpers: independent encoders and checks -------------------------------------------------


def rfc1071(data: bytes) -> int:
    """Internet checksum of ``data`` (0 when ``data`` contains a correct checksum)."""
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def pcap_bytes(records: list[tuple[int, int, bytes]], *, order: str = "<", nano: bool = False,
               link_type: int = 1) -> bytes:
    """A pcap file: (seconds, fraction, data) records, each captured whole."""
    magic = 0xA1B23C4D if nano else 0xA1B2C3D4
    out = struct.pack(order + "IHHiIII", magic, 2, 4, 0, 0, 65535, link_type)
    for sec, frac, data in records:
        out += struct.pack(order + "IIII", sec, frac, len(data), len(data)) + data
    return out


def ng_block(order: str, btype: int, body: bytes) -> bytes:
    body += b"\0" * (-len(body) % 4)
    length = 12 + len(body)
    return struct.pack(order + "II", btype, length) + body + struct.pack(order + "I", length)


def ng_shb(order: str) -> bytes:
    return ng_block(order, 0x0A0D0D0A, struct.pack(order + "IHHq", 0x1A2B3C4D, 1, 0, -1))


def ng_idb(order: str, link_type: int, tsresol: int | None = None) -> bytes:
    opts = b""
    if tsresol is not None:
        opts = struct.pack(order + "HHB3x", 9, 1, tsresol) + struct.pack(order + "HH", 0, 0)
    return ng_block(order, 1, struct.pack(order + "HHI", link_type, 0, 0) + opts)


def ng_epb(order: str, iface: int, ticks: int, data: bytes) -> bytes:
    head = struct.pack(order + "IIIII", iface, ticks >> 32, ticks & 0xFFFFFFFF, len(data),
                       len(data))
    return ng_block(order, 6, head + data)


def eth_ipv4_udp(src: int, sport: int, payload: bytes = b"hello") -> bytes:
    udp = dpkt.udp.UDP(sport=sport, dport=53, data=payload)
    ip = dpkt.ip.IP(src=src.to_bytes(4, "big"), dst=b"\x08\x08\x08\x08", p=17, data=udp)
    return bytes(dpkt.ethernet.Ethernet(src=b"\x02" * 6, dst=b"\x04" * 6, data=ip))


def arp_frame() -> bytes:
    arp = dpkt.arp.ARP(op=dpkt.arp.ARP_OP_REQUEST, sha=b"\x02" * 6, spa=b"\x0a\0\0\1",
                       tha=b"\0" * 6, tpa=b"\x0a\0\0\2")
    return bytes(dpkt.ethernet.Ethernet(src=b"\x02" * 6, dst=b"\xff" * 6,
                                        type=dpkt.ethernet.ETH_TYPE_ARP, data=arp))


@pytest.fixture(scope="module")
def mixed() -> list[TracePacket]:
    return generate(parse_spec(MIXED))


# --- generation: round trip, checksums, determinism ------------------------------------------


def test_round_trip_is_byte_identical(tmp_path: Path, mixed: list[TracePacket]) -> None:
    first, second = tmp_path / "a.pcap", tmp_path / "b.pcap"
    assert write_pcap(first, mixed) == len(mixed)
    trace = read_trace(first)
    assert trace.error is None
    assert [(p.index, p.timestamp_ns, p.data) for p in trace.packets] == [
        (p.index, p.timestamp_ns, p.data) for p in mixed
    ]
    write_pcap(second, trace.packets)
    assert first.read_bytes() == second.read_bytes()


def test_microsecond_pcap_keeps_microseconds(tmp_path: Path, mixed: list[TracePacket]) -> None:
    path = tmp_path / "us.pcap"
    write_pcap(path, mixed[:50], nanosecond=False)
    assert path.read_bytes()[:4] == bytes.fromhex("d4c3b2a1")
    got = read_trace(path).packets
    assert [p.timestamp_ns for p in got] == [p.timestamp_ns // 1000 * 1000 for p in mixed[:50]]


def test_checksums_verify_independently(mixed: list[TracePacket]) -> None:
    kinds: Counter[int] = Counter()
    for pkt in mixed:
        ip = pkt.data[14:]
        ihl = (ip[0] & 0xF) * 4
        total_len, proto = struct.unpack_from("!H", ip, 2)[0], ip[9]
        assert ip[0] >> 4 == 4 and total_len == len(ip)
        assert rfc1071(ip[:ihl]) == 0, f"IP header checksum of packet {pkt.index}"
        l4 = ip[ihl:total_len]
        if proto == 1:
            assert rfc1071(l4) == 0, f"ICMP checksum of packet {pkt.index}"
        else:
            pseudo = ip[12:20] + bytes([0, proto]) + len(l4).to_bytes(2, "big")
            assert rfc1071(pseudo + l4) == 0, f"L4 checksum of packet {pkt.index}"
        kinds[proto] += 1
    assert set(kinds) == {1, 6, 17}
    assert {len(p.data) % 2 for p in mixed} == {0, 1}  # odd payloads exercised


@pytest.mark.skipif(shutil.which("tcpdump") is None, reason="tcpdump is not installed")
def test_tcpdump_reads_generated_trace_and_agrees_on_checksums(
    tmp_path: Path, mixed: list[TracePacket]
) -> None:
    path = tmp_path / "g.pcap"
    write_pcap(path, mixed)
    out = subprocess.run(["tcpdump", "-nn", "-vv", "-r", str(path)], capture_output=True,
                         text=True, check=True).stdout
    assert "incorrect" not in out and "bad cksum" not in out and "wrong icmp" not in out
    protocols = Counter(decode(p).protocol for p in mixed)
    assert out.count("(correct)") == protocols[6]  # TCP
    assert out.count("[udp sum ok]") == protocols[17]
    assert out.count("ICMP echo request") == protocols[1]


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    spec = "packets=500,flows=20,size=imix,dist=zipf:1.1,syn=0.1,seed=5"
    a, b = generate(parse_spec(spec)), generate(parse_spec(spec))
    c = generate(parse_spec(spec.replace("seed=5", "seed=6")))
    assert [p.data for p in a] == [p.data for p in b]
    assert [p.data for p in a] != [p.data for p in c]


def test_payload_kind_changes_only_payloads() -> None:
    spec = "packets=400,flows=30,size=64..400,proto=udp:1,seed=3"
    rand = generate(parse_spec(spec))
    zero = generate(parse_spec(spec + ",payload=zero"))
    assert [decode(p).flow for p in rand] == [decode(p).flow for p in zero]
    assert [len(p.data) for p in rand] == [len(p.data) for p in zero]
    assert all(set(p.data[42:]) <= {0} for p in zero)
    assert any(p.data[42:].strip(b"\0") for p in rand)


# --- generation: flows, flags, sizes, skew -----------------------------------------------------


def test_zipf_top_flow_share() -> None:
    """Top-flow share for zipf:1.1 over 1000 flows, 100000 packets.

    Every flow gets one packet; the other P-F are drawn with p_k = k^-s / H, H = sum k^-s over
    k = 1..F. Integral bounds give H in [(1-(F+1)^-0.1)/0.1, 1+(1-F^-0.1)/0.1] = [4.99, 5.99],
    so the top flow's expected share (1 + (P-F) p_1) / P is within [0.165, 0.199]; the binomial
    standard deviation is about 0.0012, and five of them are allowed either side.
    """
    packets, flows, s = 100_000, 1000, 1.1
    trace = generate(parse_spec(f"packets={packets},flows={flows},dist=zipf:{s},size=64"))
    counts = Counter(decode(p).flow for p in trace)
    assert len(counts) == flows
    top = max(counts.values()) / packets
    h_low = (1 - (flows + 1) ** (1 - s)) / (s - 1)
    h_high = 1 + (1 - flows ** (1 - s)) / (s - 1)
    sigma = math.sqrt(0.2 * 0.8 / (packets - flows))
    low = (1 + (packets - flows) / h_high) / packets - 5 * sigma
    high = (1 + (packets - flows) / h_low) / packets + 5 * sigma
    assert low < top < high
    h = sum(k ** -s for k in range(1, flows + 1))
    assert abs(top - (1 + (packets - flows) / h) / packets) < 5 * sigma


def test_uniform_flows_are_not_skewed() -> None:
    trace = generate(parse_spec("packets=20000,flows=100,size=64,seed=2"))
    counts = Counter(decode(p).flow for p in trace)
    assert len(counts) == 100
    assert max(counts.values()) < 200 * 1.5  # mean 200 per flow


def test_tcp_flows_open_with_syn_and_syn_share(mixed: list[TracePacket]) -> None:
    seen: set[object] = set()
    later = later_syn = 0
    for pkt in mixed:
        info = decode(pkt)
        if info.protocol != 6:
            continue
        syn = dpkt.ethernet.Ethernet(pkt.data).data.data.flags & dpkt.tcp.TH_SYN
        if info.flow not in seen:
            assert syn, f"packet {pkt.index} opens a TCP flow without SYN"
            seen.add(info.flow)
        else:
            later += 1
            later_syn += bool(syn)
    sigma = math.sqrt(0.05 * 0.95 / later)
    assert abs(later_syn / later - 0.05) < 5 * sigma


def test_sizes_imix_fixed_and_range() -> None:
    imix = Counter(len(p.data) for p in generate(parse_spec("packets=12000,flows=10,size=imix")))
    assert set(imix) == {64, 576, 1500}
    assert abs(imix[64] / 12000 - 7 / 12) < 0.03 and abs(imix[1500] / 12000 - 1 / 12) < 0.02
    assert {len(p.data) for p in generate(parse_spec("packets=300,flows=3,size=1500"))} == {1500}
    sizes = [len(p.data) for p in generate(parse_spec("packets=3000,flows=3,size=100..110"))]
    assert set(sizes) == set(range(100, 111))


def test_protocol_packet_shares_follow_spec() -> None:
    trace = generate(parse_spec("packets=50000,flows=1000,dist=zipf:1.1,size=64,"
                                "proto=tcp:0.7/udp:0.2/icmp:0.1"))
    protocols = Counter(decode(p).protocol for p in trace)
    for proto, share in ((6, 0.7), (17, 0.2), (1, 0.1)):
        assert abs(protocols[proto] / len(trace) - share) < 0.02


def test_rate_spaces_timestamps() -> None:
    trace = generate(parse_spec("packets=100,flows=2,rate=2.5"))
    gaps = {b.timestamp_ns - a.timestamp_ns for a, b in itertools.pairwise(trace)}
    assert gaps == {400}


def test_presets_parse_and_round_trip() -> None:
    for name in PRESETS:
        spec = parse_spec(name)
        assert parse_spec(spec.text()) == spec
    small = parse_spec("small-packets,seed=9")
    assert small.size.low == small.size.high == 64 and small.seed == 9
    assert parse_spec("large-flows").flows < 10 < parse_spec("small-flows").flows / 1000


# --- spec errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "names"),
    [
        ("packet=100", ["'packet'", "did you mean 'packets'"]),
        ("packets=lots", ["packets=lots", "whole number"]),
        ("flows=0", ["flows=0", "at least 1"]),
        ("proto=tcp:0.5/udp:0.2", ["proto=tcp:0.5/udp:0.2", "add up to 0.7", "tcp:0.8/udp:0.2"]),
        ("proto=sctp:1", ["proto=sctp:1", "'sctp'"]),
        ("dist=zipf:x", ["dist=zipf:x", "zipf:1.1"]),
        ("dist=pareto", ["dist=pareto", "uniform"]),
        ("size=1500..64", ["size=1500..64"]),
        ("syn=1.5", ["syn=1.5", "[0, 1]"]),
        ("payload=ones", ["payload=ones", "random"]),
        ("packets=10,flows=20", ["flows=20", "packets=10"]),
        ("size=48,proto=tcp:1", ["size=48", "54"]),
        ("packets=10,packets=20", ["packets is given twice"]),
        ("tiny-flows", ["'tiny-flows'", "small-flows"]),
    ],
)
def test_spec_errors_name_the_key(spec: str, names: list[str]) -> None:
    with pytest.raises(ClaraError) as err:
        parse_spec(spec)
    for name in names:
        assert name in str(err.value)
    assert "Fix:" in str(err.value) or "keep one" in str(err.value)


def test_spec_numbers_accept_suffixes() -> None:
    spec = parse_spec("packets=100k,flows=2k,size=64..1500,dist=zipf:0.9,seed=0")
    assert (spec.packets, spec.flows, spec.seed, spec.zipf_s) == (100_000, 2000, 0, 0.9)


# --- reading: formats ------------------------------------------------------------------------


def test_dpkt_written_pcap_and_nanosecond_timestamps(tmp_path: Path) -> None:
    path = tmp_path / "dpkt.pcap"
    frames = [eth_ipv4_udp(0x0A000001 + i, 1000 + i) for i in range(5)]
    with path.open("wb") as f:
        writer = dpkt.pcap.Writer(f, nano=True)
        for i, frame in enumerate(frames):
            writer.writepkt(frame, ts=1.0 + i * 0.000000123)
    trace = read_trace(path)
    assert trace.format == "pcap (nanosecond, little-endian)"
    assert [p.data for p in trace.packets] == frames
    assert [p.timestamp_ns for p in trace.packets] == [10**9 + 123 * i for i in range(5)]
    assert (trace.stats.ipv4, trace.stats.flows) == (5, 5)


@pytest.mark.parametrize("order", ["<", ">"])
@pytest.mark.parametrize("nano", [False, True])
def test_pcap_byte_orders_and_resolutions(tmp_path: Path, order: str, nano: bool) -> None:
    path = tmp_path / "x.pcap"
    frames = [eth_ipv4_udp(0x0A000001, 7), arp_frame()]
    path.write_bytes(pcap_bytes([(5, 999, frames[0]), (6, 1, frames[1])], order=order,
                                nano=nano))
    trace = read_trace(path)
    unit = 1 if nano else 1000
    assert [p.timestamp_ns for p in trace.packets] == [5 * 10**9 + 999 * unit, 6 * 10**9 + unit]
    assert [p.data for p in trace.packets] == frames


@pytest.mark.skipif(shutil.which("tcpdump") is None, reason="tcpdump is not installed")
def test_reads_pcap_written_by_libpcap(tmp_path: Path) -> None:
    source = tmp_path / "in.pcap"
    frames = [eth_ipv4_udp(0x0A000001 + i, 2000 + i) for i in range(20)] + [arp_frame()]
    with source.open("wb") as f:
        writer = dpkt.pcap.Writer(f)
        for i, frame in enumerate(frames):
            writer.writepkt(frame, ts=1700000000 + i / 8)
    rewritten = subprocess.run(["tcpdump", "-r", str(source), "-w", "-"], capture_output=True,
                               check=True).stdout
    (tmp_path / "libpcap.pcap").write_bytes(rewritten)
    trace = read_trace(tmp_path / "libpcap.pcap")
    assert trace.error is None
    assert [p.data for p in trace.packets] == frames
    assert [p.timestamp_ns for p in trace.packets] == [
        1700000000 * 10**9 + i * 125_000_000 for i in range(21)
    ]
    assert (trace.stats.ipv4, trace.stats.non_ip) == (20, 1)


def test_non_ip_packets_are_counted_and_passed(tmp_path: Path) -> None:
    path = tmp_path / "arp.pcap"
    frames = [eth_ipv4_udp(0x0A000001, 1), arp_frame(), eth_ipv4_udp(0x0A000002, 2), arp_frame()]
    path.write_bytes(pcap_bytes([(1, i, f) for i, f in enumerate(frames)]))
    trace = read_trace(path)
    assert [p.data for p in trace.packets] == frames
    s = trace.stats
    assert (s.packets, s.ipv4, s.ipv6, s.non_ip) == (4, 2, 0, 2)


def test_cut_short_captures_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "snap.pcap"
    frame = eth_ipv4_udp(0x0A000001, 9, payload=b"x" * 200)
    packets = [TracePacket(0, 0, frame[:60], wire_len=len(frame)), TracePacket(1, 5, frame)]
    write_pcap(path, packets)
    trace = read_trace(path)
    assert trace.stats.cut_short == 1 and trace.stats.ipv4 == 2 and trace.stats.flows == 1
    assert trace.packets[0].length == len(frame) and trace.stats.max_size == len(frame)


def test_raw_ip_and_linux_sll_link_types(tmp_path: Path) -> None:
    ip = dpkt.ethernet.Ethernet(eth_ipv4_udp(0x0A000001, 3)).data
    ip6 = dpkt.ip6.IP6(src=b"\x20" * 16, dst=b"\x30" * 16, nxt=17, hlim=64,
                       data=dpkt.udp.UDP(sport=1, dport=2, data=b"x"))
    ip6.plen = len(ip6.data)
    raw = tmp_path / "raw.pcap"
    raw.write_bytes(pcap_bytes([(0, 0, bytes(ip)), (0, 1, bytes(ip6))], link_type=LINKTYPE_RAW))
    s = read_trace(raw).stats
    assert (s.ipv4, s.ipv6, s.non_ip, s.protocols) == (1, 1, 0, {"udp": 2})
    sll = dpkt.sll.SLL(type=0, hrd=1, hlen=6, hdr=b"\x02" * 6 + b"\0\0", ethtype=0x0800, data=ip)
    cooked = tmp_path / "sll.pcap"
    cooked.write_bytes(pcap_bytes([(0, 0, bytes(sll))], link_type=LINKTYPE_LINUX_SLL))
    assert read_trace(cooked).stats.ipv4 == 1


@pytest.mark.parametrize("order", ["<", ">"])
def test_pcapng_two_interfaces_unknown_blocks_and_spb(tmp_path: Path, order: str) -> None:
    eth, ip = eth_ipv4_udp(0x0A000001, 1), bytes(dpkt.ethernet.Ethernet(eth_ipv4_udp(0x0A000002,
                                                                                      2)).data)
    blob = (
        ng_shb(order)
        + ng_idb(order, 1)  # microseconds (default)
        + ng_idb(order, LINKTYPE_RAW, tsresol=9)  # nanoseconds
        + ng_block(order, 0x0BAD, b"some vendor block we do not know")
        + ng_epb(order, 0, 1_500_000, eth)
        + ng_epb(order, 1, 2_000_000_123, ip)
        + ng_block(order, 3, struct.pack(order + "I", len(eth)) + eth)  # simple packet block
    )
    path = tmp_path / "two.pcapng"
    path.write_bytes(blob)
    trace = read_trace(path)
    assert trace.error is None and trace.format == "pcapng"
    got = [(p.interface, p.link_type, p.timestamp_ns, p.data) for p in trace.packets]
    assert got == [
        (0, 1, 1_500_000_000, eth),
        (1, LINKTYPE_RAW, 2_000_000_123, ip),
        (0, 1, 2_000_000_123, eth),  # an SPB has no timestamp: the previous one is kept
    ]
    assert trace.stats.ipv4 == 3 and trace.stats.link_types == (1, LINKTYPE_RAW)


def test_pcapng_written_by_dpkt_with_two_interfaces(tmp_path: Path) -> None:
    path = tmp_path / "dpkt.pcapng"
    idbs = [dpkt.pcapng.InterfaceDescriptionBlockLE(linktype=1, snaplen=65535),
            dpkt.pcapng.InterfaceDescriptionBlockLE(linktype=LINKTYPE_RAW, snaplen=65535)]
    eth = eth_ipv4_udp(0x0A000001, 1)
    ip = bytes(dpkt.ethernet.Ethernet(eth).data)
    with path.open("wb") as f:
        writer = dpkt.pcapng.Writer(f, idb=idbs)
        for i in range(6):
            iface = i % 2
            ticks = 10**6 + i
            writer.writepkt(dpkt.pcapng.EnhancedPacketBlockLE(
                iface_id=iface, ts_high=ticks >> 32, ts_low=ticks & 0xFFFFFFFF,
                pkt_data=ip if iface else eth))
    trace = read_trace(path)
    assert trace.error is None
    assert [p.interface for p in trace.packets] == [0, 1, 0, 1, 0, 1]
    assert [p.timestamp_ns for p in trace.packets] == [(10**6 + i) * 1000 for i in range(6)]
    assert trace.stats.ipv4 == 6


# --- reading: breaks ---------------------------------------------------------------------------


def test_truncated_pcap_reports_packet_and_offset(tmp_path: Path,
                                                  mixed: list[TracePacket]) -> None:
    whole = tmp_path / "whole.pcap"
    write_pcap(whole, mixed[:40])
    k = 25
    record_start = 24 + sum(16 + len(p.data) for p in mixed[:k])
    for cut in (record_start + 16 + len(mixed[k].data) // 2, record_start + 7):
        path = tmp_path / f"cut{cut}.pcap"
        path.write_bytes(whole.read_bytes()[:cut])
        trace = read_trace(path)
        assert len(trace.packets) == k
        assert [p.data for p in trace.packets] == [p.data for p in mixed[:k]]
        err = trace.error
        assert err is not None and (err.packet_index, err.byte_offset) == (k, record_start)
        message = str(err)
        assert str(path) in message and f"packet {k}" in message
        assert f"byte offset {record_start}" in message and "Fix:" in message


def test_corrupt_record_length_stops_reading(tmp_path: Path, mixed: list[TracePacket]) -> None:
    data = bytearray(pcap_bytes([(1, 0, p.data) for p in mixed[:10]]))
    k = 6
    record_start = 24 + sum(16 + len(p.data) for p in mixed[:k])
    struct.pack_into("<I", data, record_start + 8, 0x7FFFFFFF)  # incl_len
    path = tmp_path / "corrupt.pcap"
    path.write_bytes(bytes(data))
    trace = read_trace(path)
    assert len(trace.packets) == k
    assert trace.error is not None
    assert (trace.error.packet_index, trace.error.byte_offset) == (k, record_start)
    assert "captured length 2147483647" in str(trace.error)


def test_iter_trace_yields_up_to_the_break_then_raises(tmp_path: Path) -> None:
    frames = [eth_ipv4_udp(0x0A000001, i) for i in range(3)]
    path = tmp_path / "cut.pcap"
    path.write_bytes(pcap_bytes([(0, i, f) for i, f in enumerate(frames)])[:-1])
    got: list[bytes] = []
    with pytest.raises(TraceError) as err:
        got.extend(p.data for p in iter_trace(path))
    assert got == frames[:2] and err.value.packet_index == 2
    assert err.value.byte_offset == 24 + 2 * (16 + len(frames[0]))


def test_truncated_and_corrupt_pcapng(tmp_path: Path) -> None:
    eth = eth_ipv4_udp(0x0A000001, 1)
    head = ng_shb("<") + ng_idb("<", 1)
    blocks = [ng_epb("<", 0, i, eth) for i in range(4)]
    third = len(head) + len(blocks[0]) + len(blocks[1])
    cut = tmp_path / "cut.pcapng"
    cut.write_bytes((head + b"".join(blocks))[: third + 30])
    trace = read_trace(cut)
    assert len(trace.packets) == 2 and trace.error is not None
    assert (trace.error.packet_index, trace.error.byte_offset) == (2, third)
    bad = bytearray(head + b"".join(blocks))
    struct.pack_into("<I", bad, third + len(blocks[2]) - 4, 4)  # trailing length of packet 2
    broken = tmp_path / "bad.pcapng"
    broken.write_bytes(bytes(bad))
    trace = read_trace(broken)
    assert len(trace.packets) == 2 and trace.error is not None
    assert trace.error.byte_offset == third and "trailing length" in trace.error.reason
    wrong_iface = tmp_path / "iface.pcapng"
    wrong_iface.write_bytes(head + ng_epb("<", 3, 0, eth))
    err = read_trace(wrong_iface).error
    assert err is not None and "interface 3" in err.reason and err.byte_offset == len(head)


def test_not_a_trace(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    err = read_trace(path).error
    assert err is not None and err.byte_offset == 0 and "not a pcap" in str(err)
    with pytest.raises(ClaraError, match="cannot open"):
        read_trace(tmp_path / "missing.pcap")


def test_unsupported_link_type(tmp_path: Path) -> None:
    path = tmp_path / "usb.pcap"
    path.write_bytes(pcap_bytes([(0, 0, b"\0" * 30)], link_type=189))
    err = read_trace(path).error
    assert err is not None and "link type 189" in str(err) and "Ethernet (1)" in str(err)


def test_write_refuses_mixed_link_types(tmp_path: Path) -> None:
    with pytest.raises(ClaraError, match="link type"):
        write_pcap(tmp_path / "x.pcap", [TracePacket(0, 0, b"\x45" + b"\0" * 19, LINKTYPE_RAW)])
    assert not (tmp_path / "x.pcap").exists() and not list(tmp_path.iterdir())


# --- the commands ---------------------------------------------------------------------------


def test_cli_generate_and_inspect(tmp_path: Path) -> None:
    out = tmp_path / "w.pcap"
    gen = run_cli("workload", "generate", "packets=2000,flows=50,proto=tcp:0.5/udp:0.5",
                  "-o", str(out))
    assert gen.returncode == 0, gen.stderr
    assert "wrote 2000 packets" in gen.stdout and "seed=1" in gen.stdout
    text = run_cli("workload", "inspect", str(out))
    assert text.returncode == 0, text.stderr
    assert "packets    2000" in text.stdout and "flows      50" in text.stdout
    js = run_cli("workload", "inspect", str(out), "--format", "json")
    report = json.loads(js.stdout)
    assert report["packets"] == 2000 and report["flows"] == 50 and report["error"] is None
    assert report["ipv4"] == 2000 and sum(report["protocols"].values()) == 2000


def test_cli_inspect_truncated_reports_and_stops(tmp_path: Path) -> None:
    out = tmp_path / "w.pcap"
    assert run_cli("workload", "generate", "packets=100,flows=5,size=100", "-o",
                   str(out)).returncode == 0
    out.write_bytes(out.read_bytes()[: 24 + 116 * 42 + 50])
    res = run_cli("workload", "inspect", str(out))
    assert res.returncode == 1
    assert "packets    42 (before the break)" in res.stdout
    assert "packet 42" in res.stderr and f"byte offset {24 + 116 * 42}" in res.stderr
    bad = run_cli("workload", "generate", "packets=10,flowz=2", "-o", str(tmp_path / "y.pcap"))
    assert bad.returncode == 1 and "'flowz'" in bad.stderr
    assert not (tmp_path / "y.pcap").exists()
