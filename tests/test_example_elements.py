"""Tests of the standard Click elements in examples/elements/ (the inputs of the pipelines in
examples/pipelines/): each one runs in the real host driver (clang++-19, the reverse-ported
runtime) over hand-built pcap traces of known composition, and in the profiler over a generated
workload, and its outputs are checked against what the element must do: which output each packet
leaves on, the bytes it leaves with (rewritten headers, checksums recomputed here with dpkt), and
its counters.
"""

from __future__ import annotations

import random
import socket
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import dpkt
import pytest
import tomllib

from clara.errors import ClaraError
from clara.pipeline.classes import BOUNDARY_CLASSES
from clara.pipeline.config_lang import ClickConfig, flatten, load_config
from clara.runtime.build import DriverResult, build_driver, run_driver
from clara.workload.profile import profile_nf
from clara.workload.spec import iter_packets, parse_spec
from clara.workload.trace import (
    LINKTYPE_ETHERNET,
    LINKTYPE_RAW,
    TracePacket,
    decode,
    iter_trace,
    write_pcap,
)
from tests.conftest import REPO

ELEMENTS = REPO / "examples" / "elements"
NFS = REPO / "examples" / "nfs"
PIPELINES = REPO / "examples" / "pipelines"
CONFIGS = tomllib.loads((ELEMENTS / "configs.toml").read_text())
T0_NS = 1_700_000_000 * 10**9
STEP_NS = 10_000_000                    # 10 ms between packets unless a test says otherwise
MAC_CLIENT = bytes.fromhex("020000000099")
MAC_ROUTER = bytes.fromhex("020000000001")
MAC_PEER = bytes.fromhex("020000000002")
ETH_IP, ETH_ARP, ETH_IP6 = 0x0800, 0x0806, 0x86DD
PROFILE_WORKLOAD = "small-flows,packets=2000,flows=500"


# ------------------------------------------------------------------ packets


def ether(body: bytes, ethertype: int = ETH_IP, dst: bytes = MAC_PEER,
          src: bytes = MAC_ROUTER) -> bytes:
    return dst + src + struct.pack("!H", ethertype) + body


def with_ip_checksum(header: bytes) -> bytes:
    """The IPv4 header with its checksum field recomputed."""
    zeroed = header[:10] + b"\0\0" + header[12:]
    return zeroed[:10] + struct.pack("!H", dpkt.in_cksum(zeroed)) + zeroed[12:]


def ip_header(src: str, dst: str, proto: int, payload_len: int, *, ttl: int = 64,
              ident: int = 1, version: int = 4, ihl: int = 5, total_len: int | None = None,
              options: bytes = b"") -> bytes:
    total = len(options) + 20 + payload_len if total_len is None else total_len
    header = struct.pack("!BBHHHBBH4s4s", version << 4 | ihl, 0, total, ident, 0x4000, ttl,
                         proto, 0, socket.inet_aton(src), socket.inet_aton(dst))
    return with_ip_checksum(header + options)


def udp_checksum(src: bytes, dst: bytes, segment: bytes) -> int:
    """The UDP checksum of a segment whose checksum field is zero (RFC 768: 0 is sent as
    0xFFFF)."""
    pseudo = src + dst + struct.pack("!BBH", 0, 17, len(segment))
    return dpkt.in_cksum(pseudo + segment) or 0xFFFF


def udp_packet(src: str, dst: str, sport: int, dport: int, payload: bytes = b"q" * 24, *,
               ttl: int = 64, ident: int = 1, checksum: bool = True) -> bytes:
    """An IPv4/UDP packet (no link header)."""
    segment = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    if checksum:
        cksum = udp_checksum(socket.inet_aton(src), socket.inet_aton(dst), segment)
        segment = segment[:6] + struct.pack("!H", cksum) + segment[8:]
    return ip_header(src, dst, 17, len(segment), ttl=ttl, ident=ident) + segment


def tcp_packet(src: str, dst: str, sport: int, dport: int) -> bytes:
    """An IPv4/TCP packet (no link header; the TCP checksum is not used by these tests)."""
    segment = struct.pack("!HHIIBBHHH", sport, dport, 1000, 0, 5 << 4, 0x10, 65535, 0, 0)
    return ip_header(src, dst, 6, len(segment)) + segment


def arp_frame(op: int, sha: bytes, spa: str, tha: bytes, tpa: str,
              dst: bytes = b"\xff" * 6) -> bytes:
    body = struct.pack("!HHBBH", 1, ETH_IP, 6, 4, op) + sha + socket.inet_aton(spa) \
        + tha + socket.inet_aton(tpa)
    return ether(body, ETH_ARP, dst=dst, src=sha)


def assert_checksums_fresh(ip_bytes: bytes) -> None:
    """The IP header checksum, and a non-zero UDP checksum, equal a fresh computation."""
    hlen = (ip_bytes[0] & 0xF) * 4
    header = ip_bytes[:hlen]
    assert header == with_ip_checksum(header)
    if ip_bytes[9] == 17:
        segment = ip_bytes[hlen:]
        got = struct.unpack("!H", segment[6:8])[0]
        if got:
            zeroed = segment[:6] + b"\0\0" + segment[8:]
            assert got == udp_checksum(ip_bytes[12:16], ip_bytes[16:20], zeroed)


# ------------------------------------------------------------------ running


@dataclass(frozen=True)
class Run:
    """One driver run: its summary and the packets each output emitted (bytes, time in ns)."""

    result: DriverResult
    outputs: list[list[bytes]]
    times: list[list[int]]


def run_element(binary: Path, tmp: Path, frames: Sequence[bytes], config: str, *,
                outputs: int, port: int = 0, keep_l2: bool = False, require_ip: bool = False,
                link_type: int = LINKTYPE_ETHERNET, times: Sequence[int] | None = None,
                reads: Sequence[str] = ()) -> Run:
    """Write frames to a pcap, run the driver over it, and read back every output's pcap."""
    trace = tmp / f"{binary.name}-in.pcap"
    stamps = list(times) if times is not None else [T0_NS + i * STEP_NS
                                                     for i in range(len(frames))]
    write_pcap(trace, [TracePacket(i, t, f, link_type)
                       for i, (t, f) in enumerate(zip(stamps, frames, strict=True))],
               link_type=link_type)
    prefix = tmp / f"{binary.name}-run"
    extra = ["--output-pcap", str(prefix), *(["--keep-l2"] if keep_l2 else [])]
    result = run_driver(binary, trace, config, port, require_ip=require_ip, outputs=outputs,
                        reads=reads, extra_args=extra)
    records = [list(iter_trace(f"{prefix}-out{k}.pcap")) for k in range(outputs)]
    return Run(result, [[p.data for p in out] for out in records],
               [[p.timestamp_ns for p in out] for out in records])


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("element-drivers")


def class_sources() -> dict[str, Path]:
    """Every example element class (examples/elements and examples/nfs) and its source."""
    return {entry["class"]: folder / entry["source"]
            for folder in (ELEMENTS, NFS)
            for entry in tomllib.loads((folder / "configs.toml").read_text()).values()}


@pytest.fixture(scope="module")
def driver(build_dir: Path) -> Callable[[str], Path]:
    """The driver binary of an example element class, built once per module."""
    sources = class_sources()
    built: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in built:
            built[name] = build_driver(sources[name], name, build_dir)
        return built[name]

    return get


def build_probe(build_dir: Path, source: str, class_name: str, body: str) -> Path:
    """A driver for a test subclass of an element: the element's source plus a class that wires
    it the way a configuration would (the single-element driver has one input and no
    downstream element)."""
    probe = build_dir / f"{class_name.lower()}.cc"
    probe.write_text(f'#include "{ELEMENTS / source}"\nCLICK_DECLS\n{body}\nCLICK_ENDDECLS\n')
    return build_driver(probe, class_name, build_dir)


# ------------------------------------------------------------------ catalogue


def test_configs_cover_every_element() -> None:
    sources = {p.name for p in ELEMENTS.glob("*.cc")}
    assert sources == {entry["source"] for entry in CONFIGS.values()}
    for name, entry in CONFIGS.items():
        assert entry["class"] == name
        source = ELEMENTS / entry["source"]
        assert f'return "{name}"' in source.with_suffix(".hh").read_text()
        assert f"EXPORT_ELEMENT({name})" in source.read_text()


def _expected_profile_outputs(name: str) -> tuple[int, ...]:
    """What each element must emit per output for PROFILE_WORKLOAD: every generated packet is a
    valid TCP or UDP IPv4 packet with TTL 64, from 10.0.0.0/8, none of them ARP."""
    protocols = [decode(p).protocol for p in iter_packets(parse_spec(PROFILE_WORKLOAD))]
    n, tcp, udp = len(protocols), protocols.count(6), protocols.count(17)
    return {
        "ARPResponder": (0, n), "CheckIPHeader": (n, 0), "Classifier": (tcp, udp, n - tcp - udp),
        "DecIPTTL": (n, 0), "UDPPortRedirect": (n, 0),
    }.get(name, (n,))


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_element_runs_in_the_profiler(name: str, tmp_path: Path) -> None:
    """`clara profile` with the configs.toml defaults: every packet processed, split over the
    outputs as the element's semantics say."""
    result = profile_nf(ELEMENTS / CONFIGS[name]["source"], workload=PROFILE_WORKLOAD,
                        work_dir=tmp_path)
    doc = result.document
    assert result.complete
    assert doc["nf"]["element"] == name
    assert doc["packets"]["processed"] == 2000
    expected = _expected_profile_outputs(name)
    assert tuple(doc["outputs"][str(k)] for k in range(len(expected))) == expected
    assert doc["per_packet"]["blocks"] >= 1.0


# ------------------------------------------------------------------ Classifier


def classifier_frames() -> list[bytes]:
    """3 ARP requests, 2 ARP replies, 4 TCP, 3 UDP to port 9999 and 2 to port 53 (IPv4), one
    IPv6 frame and one 10-byte runt."""
    frames = [arp_frame(1, MAC_CLIENT, "10.0.0.50", b"\0" * 6, f"10.0.0.{i}") for i in (1, 2, 3)]
    frames += [arp_frame(2, MAC_PEER, "10.0.0.2", MAC_CLIENT, "10.0.0.50") for _ in range(2)]
    frames += [ether(tcp_packet("10.0.0.9", "8.8.8.8", 40000 + i, 80)) for i in range(4)]
    frames += [ether(udp_packet("10.0.0.9", "8.8.8.8", 5000 + i, 9999)) for i in range(3)]
    frames += [ether(udp_packet("10.0.0.9", "8.8.8.8", 5100 + i, 53)) for i in range(2)]
    frames.append(ether(b"\x60" + b"\0" * 39, ETH_IP6))
    frames.append(b"\xff" * 10)
    return frames


def test_classifier_splits_ethernet_frames_by_pattern(driver: Callable[[str], Path],
                                                      tmp_path: Path) -> None:
    frames = classifier_frames()
    run = run_element(driver("Classifier"), tmp_path, frames,
                      "12/0806 20/0001, 12/0806 20/0002, 12/0800, -", outputs=4, keep_l2=True,
                      reads=["matches", "no_match", "program"])
    assert run.result.outputs == (3, 2, 9, 2)
    assert run.result.handlers["matches"] == "3 2 9 2"
    assert run.result.handlers["no_match"] == "0"
    # the EtherType (bytes 12-13) and the ARP opcode (bytes 20-21) each fill the first half of
    # an aligned word, shown in wire order; a failed test moves on to the next pattern
    assert run.result.handlers["program"].splitlines() == [
        "0: 12/08060000%ffff0000 1 2",
        "1: 20/00010000%ffff0000 out 0 2",
        "2: 12/08060000%ffff0000 3 4",
        "3: 20/00020000%ffff0000 out 1 4",
        "4: 12/08000000%ffff0000 out 2 out 3",
    ]
    assert run.outputs[0] == frames[0:3]
    assert run.outputs[3] == frames[-2:]


def test_classifier_masks_wildcards_and_negation(driver: Callable[[str], Path],
                                                 tmp_path: Path) -> None:
    """Pattern 0: IPv4, not TCP, destination port 53 (the 2 DNS frames). Pattern 1: EtherType
    08xx and IP version nibble 4 (the other 7 IPv4 frames; ARP has 0x00 at byte 14). Pattern 2:
    first EtherType byte 0x08 (the 5 ARP frames). IPv6 and the runt match nothing."""
    run = run_element(driver("Classifier"), tmp_path, classifier_frames(),
                      "12/0800 !23/06 36/0035, 12/08?? 14/40%f0, 12/0800%ff00", outputs=3,
                      keep_l2=True, reads=["no_match", "program"])
    assert run.result.outputs == (2, 7, 5)
    assert run.result.dropped == 2
    assert run.result.handlers["no_match"] == "2"
    # the negated test swaps its targets: protocol 6 fails pattern 0, anything else goes on
    assert run.result.handlers["program"].splitlines() == [
        "0: 12/08000000%ffff0000 1 3",
        "1: 20/00000006%000000ff 3 2",
        "2: 36/00350000%ffff0000 out 0 3",
        "3: 12/08000000%ff000000 4 5",
        "4: 12/00004000%0000f000 out 1 5",
        "5: 12/08000000%ff000000 out 2 drop",
    ]
    # a negated clause over two words (source address 10.0.0.53): UDP not from the resolver;
    # 192.168.1.5 differs in the first word already, 10.0.0.9 only in the second
    frames = [*pipeline_trace(), ether(udp_packet("192.168.1.5", "8.8.8.8", 5000, 9999))]
    run = run_element(driver("Classifier"), tmp_path, frames, "!26/0a000035 23/11, -",
                      outputs=2, keep_l2=True)
    assert run.result.outputs == (5, 8)


@pytest.mark.parametrize(("config", "outputs", "message"), [
    ("12/0800, -", 3, "2 patterns but 3 outputs"),
    ("12/08x0", 1, "VALUE must be pairs of hex digits"),
    ("12/0800%ff", 1, "MASK must be hex digits as long as VALUE"),
    ("twelve/0800", 1, "bad offset"),
])
def test_classifier_rejects_bad_configurations(driver: Callable[[str], Path], tmp_path: Path,
                                               config: str, outputs: int, message: str) -> None:
    with pytest.raises(ClaraError, match=message):
        run_element(driver("Classifier"), tmp_path, [ether(b"\0" * 46)], config,
                    outputs=outputs)


# ------------------------------------------------------------------ CheckIPHeader


def check_ip_frames() -> tuple[list[bytes], list[bytes], dict[str, int]]:
    """Good frames, bad frames, and the bad ones per drop reason."""
    good_udp = udp_packet("10.0.0.9", "8.8.8.8", 5000, 53)
    good = [
        ether(good_udp),
        ether(tcp_packet("10.0.0.9", "8.8.8.8", 40000, 80)),
        ether(good_udp + b"\0" * 6),                              # Ethernet padding
        ether(ip_header("10.0.0.9", "8.8.8.8", 17, 8, ihl=6, options=b"\x01" * 4) + b"u" * 8),
    ]
    bad_checksum = bytearray(ether(good_udp))
    bad_checksum[14 + 10] ^= 0x5A
    bad = [
        ether(good_udp[:10]),                                                 # too_short
        ether(ip_header("10.0.0.9", "8.8.8.8", 17, 8, version=6) + b"u" * 8),  # bad_version
        ether(ip_header("10.0.0.9", "8.8.8.8", 17, 8, ihl=4) + b"u" * 8),     # bad_header_length
        ether(ip_header("10.0.0.9", "8.8.8.8", 17, 8, ihl=15) + b"u" * 8),    # bad_header_length
        bytes(bad_checksum),                                                  # bad_checksum
        ether(ip_header("10.0.0.9", "8.8.8.8", 17, 8, total_len=1000) + b"u" * 8),  # bad_length
        ether(ip_header("10.0.0.9", "8.8.8.8", 17, 8, total_len=12) + b"u" * 8),    # bad_length
        ether(udp_packet("255.255.255.255", "8.8.8.8", 68, 67)),              # bad_source
        ether(udp_packet("224.0.0.5", "8.8.8.8", 5000, 53)),                  # bad_source
        ether(udp_packet("10.0.0.1", "8.8.8.8", 5000, 53)),                   # bad_source (BADSRC)
    ]
    reasons = {"too_short": 1, "bad_version": 1, "bad_header_length": 2, "bad_checksum": 1,
               "bad_length": 2, "bad_source": 3}
    return good, bad, reasons


def test_check_ip_header_sorts_good_from_bad(driver: Callable[[str], Path],
                                             tmp_path: Path) -> None:
    good, bad, reasons = check_ip_frames()
    run = run_element(driver("CheckIPHeader"), tmp_path, good + bad,
                      "14, BADSRC 10.0.0.1 10.0.0.2", outputs=2, keep_l2=True,
                      reads=["count", "drops", "drop_details"])
    assert run.result.outputs == (len(good), len(bad))
    assert run.result.handlers["count"] == str(len(good))
    assert run.result.handlers["drops"] == str(len(bad))
    details = dict(line.split() for line in run.result.handlers["drop_details"].splitlines())
    assert {k: int(v) for k, v in details.items()} == reasons
    # good packets are trimmed to the IP total length (the padded one loses its 6 bytes)
    ip_lengths = [struct.unpack("!H", f[16:18])[0] for f in good]
    assert run.outputs[0] == [f[:14 + n] for f, n in zip(good, ip_lengths, strict=True)]
    assert len(run.outputs[0][2]) == len(good[2]) - 6
    assert run.outputs[1] == bad


def test_check_ip_header_options(driver: Callable[[str], Path], tmp_path: Path) -> None:
    """CHECKSUM false lets the corrupted checksum through; with one output bad packets are
    dropped."""
    good, bad, _ = check_ip_frames()
    run = run_element(driver("CheckIPHeader"), tmp_path, good + bad,
                      "OFFSET 14, CHECKSUM false, BADSRC 10.0.0.1", outputs=2, keep_l2=True)
    assert run.result.outputs == (len(good) + 1, len(bad) - 1)
    run = run_element(driver("CheckIPHeader"), tmp_path, good + bad, "14, BADSRC 10.0.0.1",
                      outputs=1, keep_l2=True)
    assert run.result.outputs == (len(good),)
    assert run.result.dropped == len(bad)


# ------------------------------------------------------------------ DecIPTTL


def test_dec_ip_ttl_decrements_and_keeps_checksums_valid(driver: Callable[[str], Path],
                                                         tmp_path: Path) -> None:
    rng = random.Random(5)
    ttls = [64, 2, 1, 0, 255, 128] + [rng.randrange(2, 256) for _ in range(60)]
    frames = [ether(udp_packet(f"10.{rng.randrange(256)}.{rng.randrange(256)}.9", "8.8.8.8",
                               5000 + i, 53, ttl=ttl, ident=rng.randrange(65536)))
              for i, ttl in enumerate(ttls)]
    frames.append(arp_frame(1, MAC_CLIENT, "10.0.0.50", b"\0" * 6, "10.0.0.1"))
    run = run_element(driver("DecIPTTL"), tmp_path, frames, "", outputs=2, require_ip=True,
                      reads=["count", "drops"])
    live = [(f, t) for f, t in zip(frames, ttls, strict=False) if t > 1]
    assert run.result.outputs == (len(live), 2)
    assert run.result.non_ip_bypassed == 1
    assert run.result.handlers == {"count": str(len(live)), "drops": "2"}
    for out, (orig, ttl) in zip(run.outputs[0], live, strict=True):
        assert out[14 + 8] == ttl - 1
        assert_checksums_fresh(out[14:])
        # only the TTL and the header checksum changed
        assert out[:22] == orig[:22] and out[23:24] == orig[23:24] and out[26:] == orig[26:]
    assert run.outputs[1] == [frames[2], frames[3]]


def test_dec_ip_ttl_can_leave_multicast_alone(driver: Callable[[str], Path],
                                              tmp_path: Path) -> None:
    frames = [ether(udp_packet("10.0.0.9", "224.0.0.9", 520, 520, ttl=1)),
              ether(udp_packet("10.0.0.9", "8.8.8.8", 5000, 53, ttl=1)),
              ether(udp_packet("10.0.0.9", "8.8.8.8", 5000, 53, ttl=5))]
    run = run_element(driver("DecIPTTL"), tmp_path, frames, "MULTICAST false", outputs=2,
                      require_ip=True)
    assert run.result.outputs == (2, 1)
    assert run.outputs[0][0] == frames[0]
    assert run.outputs[0][1][14 + 8] == 4
    assert run.outputs[1] == [frames[1]]


# ------------------------------------------------------------------ EtherEncap


def test_ether_encap_prepends_the_configured_header(driver: Callable[[str], Path],
                                                    tmp_path: Path) -> None:
    packets = [udp_packet("10.0.0.9", "8.8.8.8", 5000 + i, 53) for i in range(3)]
    packets.append(tcp_packet("10.0.0.9", "8.8.8.8", 40000, 80))
    run = run_element(driver("EtherEncap"), tmp_path, packets,
                      "0x0800, 02:00:00:00:00:0a, 02:00:00:00:00:0b", outputs=1,
                      link_type=LINKTYPE_RAW, reads=["src", "dst", "ethertype"])
    header = bytes.fromhex("02000000000b" "02000000000a" "0800")
    assert run.outputs[0] == [header + p for p in packets]
    assert run.result.handlers == {"src": "02:00:00:00:00:0A", "dst": "02:00:00:00:00:0B",
                                   "ethertype": "0x0800"}
    with pytest.raises(ClaraError, match="does not fit 16 bits"):
        run_element(driver("EtherEncap"), tmp_path, packets,
                    "0x10000, 02:00:00:00:00:0a, 02:00:00:00:00:0b", outputs=1,
                    link_type=LINKTYPE_RAW)


# ------------------------------------------------------------------ ARPResponder


def test_arp_responder_answers_requests_for_its_addresses(driver: Callable[[str], Path],
                                                          tmp_path: Path) -> None:
    frames = [
        arp_frame(1, MAC_CLIENT, "10.0.0.50", b"\0" * 6, "10.0.0.1"),     # answered
        arp_frame(1, MAC_CLIENT, "10.0.0.50", b"\0" * 6, "172.16.5.9"),   # answered (prefix)
        arp_frame(1, MAC_CLIENT, "10.0.0.50", b"\0" * 6, "10.0.0.99"),    # not ours
        arp_frame(2, MAC_PEER, "10.0.0.1", MAC_CLIENT, "10.0.0.50"),      # a reply
        *[ether(udp_packet("10.0.0.9", "8.8.8.8", 5000 + i, 53)) for i in range(3)],
        arp_frame(1, MAC_CLIENT, "10.0.0.50", b"\0" * 6, "10.0.0.1")[:34],  # truncated
    ]
    config = "10.0.0.1 02:00:00:00:00:01, 172.16.0.0/12 02:00:00:00:00:02"
    run = run_element(driver("ARPResponder"), tmp_path, frames, config, outputs=2,
                      keep_l2=True, reads=["requests", "replies", "passed"])
    assert run.result.outputs == (2, 6)
    assert run.result.handlers == {"requests": "3", "replies": "2", "passed": "6"}
    assert run.outputs[1] == frames[2:]
    for reply, asked, mac in zip(run.outputs[0], ("10.0.0.1", "172.16.5.9"),
                                 (MAC_ROUTER, MAC_PEER), strict=True):
        assert len(reply) == 42
        assert reply[:14] == MAC_CLIENT + mac + b"\x08\x06"
        assert reply[14:22] == struct.pack("!HHBBH", 1, ETH_IP, 6, 4, 2)
        assert reply[22:28] == mac and reply[28:32] == socket.inet_aton(asked)
        assert reply[32:38] == MAC_CLIENT and reply[38:42] == socket.inet_aton("10.0.0.50")
    assert run.times[0] == [T0_NS, T0_NS + STEP_NS]     # replies carry their request's time


def test_arp_responder_rejects_arguments_without_one_ethernet_address(
        driver: Callable[[str], Path], tmp_path: Path) -> None:
    with pytest.raises(ClaraError, match="one Ethernet address"):
        run_element(driver("ARPResponder"), tmp_path, [ether(b"\0" * 46)], "10.0.0.1",
                    outputs=2)


# ------------------------------------------------------------------ Paint


PAINT_PROBE = """
class PaintProbe : public Paint {
  public:
    const char *class_name() const override { return "PaintProbe"; }
    const char *port_count() const override { return "1/-"; }
    const char *processing() const override { return PUSH; }
    /* Paint, then route by the paint annotation, as a PaintSwitch downstream would. */
    void push(int, Packet *p) override {
        p = simple_action(p);
        checked_output_push(PAINT_ANNO(p), p);
    }
};
"""


@pytest.fixture(scope="module")
def paint_probe(build_dir: Path) -> Path:
    return build_probe(build_dir, "paint.cc", "PaintProbe", PAINT_PROBE)


@pytest.mark.parametrize("color", [3, 5])
def test_paint_sets_the_annotation(paint_probe: Path, tmp_path: Path, color: int) -> None:
    probe = paint_probe
    frames = classifier_frames()
    run = run_element(probe, tmp_path, frames, str(color), outputs=6)
    assert run.result.outputs == tuple(len(frames) if k == color else 0 for k in range(6))


# ------------------------------------------------------------------ Strip, Unstrip, Counter


@pytest.mark.parametrize("length", [14, 100])
def test_strip_removes_bytes_from_the_front(driver: Callable[[str], Path], tmp_path: Path,
                                            length: int) -> None:
    frames = [ether(udp_packet("10.0.0.9", "8.8.8.8", 5000, 53, b"x" * n)) for n in (18, 200)]
    run = run_element(driver("Strip"), tmp_path, frames, str(length), outputs=1, keep_l2=True)
    assert run.outputs[0] == [f[length:] for f in frames]      # a 60-byte frame: nothing left


def test_unstrip_gives_back_headroom(driver: Callable[[str], Path], tmp_path: Path) -> None:
    packets = [udp_packet("10.0.0.9", "8.8.8.8", 5000 + i, 53) for i in range(3)]
    run = run_element(driver("Unstrip"), tmp_path, packets, "14", outputs=1,
                      link_type=LINKTYPE_RAW)
    assert [len(out) for out in run.outputs[0]] == [len(p) + 14 for p in packets]
    assert [out[14:] for out in run.outputs[0]] == packets


def test_counter_counts_packets_and_bytes(driver: Callable[[str], Path],
                                          tmp_path: Path) -> None:
    frames = classifier_frames()
    run = run_element(driver("Counter"), tmp_path, frames, "", outputs=1, keep_l2=True,
                      reads=["count", "byte_count"])
    assert run.outputs[0] == frames
    assert run.result.handlers == {"count": str(len(frames)),
                                   "byte_count": str(sum(len(f) for f in frames))}


# ------------------------------------------------------------------ UDPPortRedirect


REDIRECT_PROBE = """
class RedirectProbe : public UDPPortRedirect {
  public:
    const char *class_name() const override { return "RedirectProbe"; }
    /* Packets from the proxy host enter input 1, the rest input 0, as a Classifier on the
       source address would send them. */
    void push(int, Packet *p) override {
        uint32_t src;
        memcpy(&src, &p->ip_header()->ip_src, 4);
        UDPPortRedirect::push(src == htonl(0x0A000035) ? 1 : 0, p);
    }
};
"""
PROXY = "10.0.0.53"


@pytest.fixture(scope="module")
def redirect_probe(build_dir: Path) -> Path:
    return build_probe(build_dir, "udp_port_redirect.cc", "RedirectProbe", REDIRECT_PROBE)


def _ip_of(frame: bytes) -> dpkt.ip.IP:
    ip = dpkt.ethernet.Ethernet(frame).data
    assert isinstance(ip, dpkt.ip.IP)
    return ip


def test_udp_port_redirect_rewrites_queries_and_replies(redirect_probe: Path,
                                                        tmp_path: Path) -> None:
    probe = redirect_probe
    frames = [
        ether(udp_packet("10.0.0.3", "8.8.8.8", 40001, 53)),                   # q1: redirected
        ether(udp_packet("10.0.0.4", "1.1.1.1", 40002, 53, checksum=False)),   # q2: redirected
        ether(udp_packet("10.0.0.3", "8.8.8.8", 40003, 123)),                  # other port
        ether(tcp_packet("10.0.0.3", "8.8.8.8", 40004, 53)),                   # not UDP
        ether(udp_packet(PROXY, "10.0.0.3", 5353, 40001, b"a" * 40)),           # reply to q1
        ether(udp_packet(PROXY, "10.0.0.4", 5353, 40002, checksum=False)),     # reply to q2
        ether(udp_packet(PROXY, "10.0.0.5", 5353, 40005)),                     # no query
        ether(udp_packet(PROXY, "10.0.0.3", 22, 40001)),                       # not the proxy port
        ether(udp_packet("10.0.0.6", "9.9.9.9", 40006, 53)),                   # q3: redirected
        ether(udp_packet(PROXY, "10.0.0.6", 5353, 40006)),                     # too late
    ]
    times = [T0_NS + i * STEP_NS for i in range(9)] + [T0_NS + 8 * STEP_NS + 2 * 10**9]
    run = run_element(probe, tmp_path, frames, f"53, {PROXY}, 5353, TIMEOUT 1", outputs=2,
                      require_ip=True, times=times,
                      reads=["redirected", "restored", "unmatched", "collisions", "passed",
                             "flows"])
    assert run.result.outputs == (5, 3)
    assert run.result.dropped == 2
    assert run.result.handlers == {"redirected": "3", "restored": "2", "unmatched": "2",
                                   "collisions": "0", "passed": "3", "flows": "0"}
    out0, out1 = run.outputs
    assert [out0[2], out0[3]] == [frames[2], frames[3]]
    for out, orig in zip((out0[0], out0[1], out0[4]), (frames[0], frames[1], frames[8]),
                         strict=True):
        ip, before = _ip_of(out), _ip_of(orig)
        assert (ip.src, ip.data.sport, ip.data.data) == (before.src, before.data.sport,
                                                         before.data.data)
        assert (socket.inet_ntoa(ip.dst), ip.data.dport) == (PROXY, 5353)
        assert_checksums_fresh(out[14:])
    assert _ip_of(out0[1]).data.sum == 0                    # no checksum stays no checksum
    for out, server in zip(out1[:2], ("8.8.8.8", "1.1.1.1"), strict=True):
        ip = _ip_of(out)
        assert (socket.inet_ntoa(ip.src), ip.data.sport) == (server, 53)
        assert_checksums_fresh(out[14:])
    assert _ip_of(out1[0]).data.data == b"a" * 40
    assert _ip_of(out1[1]).data.sum == 0
    assert out1[2] == frames[7]


def test_udp_port_redirect_table_collisions(redirect_probe: Path, tmp_path: Path) -> None:
    """One slot: a second client is turned away while the first one's entry lives, and takes
    the slot once it has expired."""
    probe = redirect_probe
    a = ether(udp_packet("10.0.0.3", "8.8.8.8", 40001, 53))
    b = ether(udp_packet("10.0.0.4", "8.8.8.8", 40002, 53))
    times = [T0_NS, T0_NS + STEP_NS, T0_NS + 2 * STEP_NS, T0_NS + 40 * 10**9]
    run = run_element(probe, tmp_path, [a, b, a, b], f"53, {PROXY}, 5353, CAPACITY 1",
                      outputs=2, require_ip=True, times=times,
                      reads=["redirected", "collisions", "flows"])
    assert run.result.outputs == (3, 0)
    assert run.result.handlers == {"redirected": "3", "collisions": "1", "flows": "1"}
    assert [socket.inet_ntoa(_ip_of(f).src) for f in run.outputs[0]] == [
        "10.0.0.3", "10.0.0.3", "10.0.0.4"]


# ------------------------------------------------------------------ pipelines


def used_outputs(config: ClickConfig, element: str) -> int:
    """How many outputs an element of a flat configuration has: one past its highest
    connected output port."""
    return max((c.source_port + 1 for c in config.connections if c.source == element),
               default=1)


def test_pipelines_use_only_example_and_boundary_classes() -> None:
    known = set(class_sources()) | set(BOUNDARY_CLASSES)
    paths = sorted(PIPELINES.glob("*.click"))
    assert {p.stem for p in paths} >= {"nat_gateway", "dns_redirector", "udp_counter"}
    for path in paths:
        config = flatten(load_config(path))
        assert {e.class_name for e in config.elements} <= known, path.name
        assert len({e.class_name for e in config.elements} - set(BOUNDARY_CLASSES)) >= 4


@pytest.mark.parametrize("path", sorted(PIPELINES.glob("*.click")), ids=lambda p: p.stem)
def test_pipeline_configurations_are_accepted(path: Path, driver: Callable[[str], Path],
                                              tmp_path: Path) -> None:
    """Every element of the flattened pipeline runs configure() and initialize() in the driver
    with its configuration string and the number of outputs the pipeline connects."""
    config = flatten(load_config(path))
    trace = tmp_path / "one.pcap"
    write_pcap(trace, [TracePacket(0, T0_NS, ether(udp_packet("10.0.0.9", "8.8.8.8", 1, 53)))])
    checked = 0
    for element in config.elements:
        if element.class_name in BOUNDARY_CLASSES:
            continue
        result = run_driver(driver(element.class_name), trace, element.config,
                            outputs=used_outputs(config, element.name),
                            extra_args=["--limit", "0"])
        assert result.packets_in == 0, element.name
        checked += 1
    assert checked >= 5


def pipeline_trace() -> list[bytes]:
    """2 ARP requests, 1 ARP reply, 3 TCP, 2 DNS queries, 1 answer from the resolver
    10.0.0.53:5353, 2 other UDP packets, 1 IPv6 frame."""
    return [
        arp_frame(1, MAC_CLIENT, "10.0.0.50", b"\0" * 6, "10.0.0.1"),
        arp_frame(1, MAC_CLIENT, "10.0.0.50", b"\0" * 6, "1.2.3.4"),
        arp_frame(2, MAC_PEER, "10.0.0.2", MAC_CLIENT, "10.0.0.50"),
        *[ether(tcp_packet("10.0.0.9", "8.8.8.8", 40000 + i, 443)) for i in range(3)],
        *[ether(udp_packet("10.0.0.9", "8.8.8.8", 5300 + i, 53)) for i in range(2)],
        ether(udp_packet("10.0.0.53", "10.0.0.9", 5353, 5300)),
        *[ether(udp_packet("10.0.0.9", "8.8.8.8", 6000 + i, 9999)) for i in range(2)],
        ether(b"\x60" + b"\0" * 39, ETH_IP6),
    ]


@pytest.mark.parametrize(("pipeline", "element", "expected"), [
    # ARP request / ARP reply / IPv4 / other
    ("nat_gateway", "inside/cl", (2, 1, 8, 1)),
    # UDP to port 53 / UDP from 10.0.0.53 port 5353 / other
    ("dns_redirector", "cl", (2, 1, 9)),
    # ARP request / UDP over IPv4 / other (the ARP reply, TCP, IPv6)
    ("udp_counter", "cl", (2, 5, 5)),
])
def test_pipeline_classifiers_split_a_mixed_trace(driver: Callable[[str], Path], tmp_path: Path,
                                                  pipeline: str, element: str,
                                                  expected: tuple[int, ...]) -> None:
    config = flatten(load_config(PIPELINES / f"{pipeline}.click"))
    decl = next(e for e in config.elements if e.name == element)
    assert decl.class_name == "Classifier"
    run = run_element(driver("Classifier"), tmp_path, pipeline_trace(), decl.config,
                      outputs=used_outputs(config, element), keep_l2=True)
    assert run.result.outputs == expected
