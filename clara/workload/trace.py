"""Packet traces on disk: reading pcap and pcapng files, summarising them, writing pcap.

This module owns the trace file formats and their failure modes. Record and block framing is
parsed here (not by dpkt) so that a truncated or corrupt file is reported with the packet index
and the byte offset of the record where it broke; everything before the break is delivered and
nothing after it. Packet contents are decoded with dpkt, only to classify packets (IPv4, IPv6,
non-IP) and to find their flows; the bytes handed to callers are the captured bytes, unchanged.

Supported: pcap in both byte orders with microsecond or nanosecond timestamps; pcapng with any
number of sections and interfaces (Enhanced, Simple and obsolete Packet Blocks; other blocks are
skipped by their length); link types Ethernet (1), raw IP (101, 228, 229), Linux SLL (113).
"""

from __future__ import annotations

import os
import struct
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import dpkt

from clara.errors import ClaraError

LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101
LINKTYPE_LINUX_SLL = 113
LINKTYPE_IPV4 = 228
LINKTYPE_IPV6 = 229
LINK_TYPES = {
    LINKTYPE_ETHERNET: "Ethernet",
    LINKTYPE_RAW: "raw IP",
    LINKTYPE_LINUX_SLL: "Linux cooked (SLL)",
    LINKTYPE_IPV4: "raw IPv4",
    LINKTYPE_IPV6: "raw IPv6",
}

# libpcap's largest snapshot length; a longer record is corrupt, not a big packet.
MAX_CAPLEN = 262144
# Largest blocks read into memory; blocks Clara does not use are skipped by seeking.
_MAX_PACKET_BLOCK = MAX_CAPLEN + (1 << 16)
_MAX_META_BLOCK = 1 << 20

_PCAP_MAGICS = {  # first four bytes -> (struct byte order, nanosecond timestamps)
    b"\xd4\xc3\xb2\xa1": ("<", False),
    b"\xa1\xb2\xc3\xd4": (">", False),
    b"\x4d\x3c\xb2\xa1": ("<", True),
    b"\xa1\xb2\x3c\x4d": (">", True),
}
_PCAPNG_SHB = b"\x0a\x0d\x0d\x0a"
_PCAPNG_BYTE_ORDER = {b"\x4d\x3c\x2b\x1a": "<", b"\x1a\x2b\x3c\x4d": ">"}
_BLOCK_IDB, _BLOCK_PB, _BLOCK_SPB, _BLOCK_EPB, _BLOCK_SHB = 1, 2, 3, 6, 0x0A0D0D0A
_PACKET_BLOCKS = frozenset((_BLOCK_EPB, _BLOCK_SPB, _BLOCK_PB))
_READ_BLOCKS = _PACKET_BLOCKS | {_BLOCK_SHB, _BLOCK_IDB}
_OPT_TSRESOL, _OPT_TSOFFSET = 9, 14

_FIX_TRUNCATED = (
    "the file ends inside this record (an interrupted capture or copy): copy or capture it again"
)
_FIX_CORRUPT = "the file is damaged from this record on: copy or capture it again"
_FIX_LINKTYPE = (
    "Clara decodes Ethernet (1), raw IP (101, 228, 229) and Linux SLL (113) captures: "
    "capture on an Ethernet interface, or convert the file (editcap -T ether)"
)


class TraceError(ClaraError):
    """A trace file that cannot be read past a point: names the file, packet, offset and fix.

    ``packet_index`` is the 0-based index of the packet that could not be read (so, the number
    of good packets before it); ``byte_offset`` is where its record or block starts.
    """

    def __init__(self, path: Path, index: int, offset: int, reason: str, fix: str) -> None:
        self.path = path
        self.packet_index = index
        self.byte_offset = offset
        self.reason = reason
        keep = (
            f" The {index} packets before it are intact (editcap -r {path} OUT.pcap 1-{index} "
            "keeps only them)."
            if index and fix in (_FIX_TRUNCATED, _FIX_CORRUPT)
            else ""
        )
        super().__init__(
            f"{path}: packet {index} (record at byte offset {offset}): {reason}. Fix: {fix}.{keep}"
        )


@dataclass(frozen=True, slots=True)
class TracePacket:
    """One captured packet: ``data`` is what was captured, ``wire_len`` what was on the wire."""

    index: int
    timestamp_ns: int
    data: bytes
    link_type: int = LINKTYPE_ETHERNET
    wire_len: int | None = None
    interface: int = 0

    @property
    def length(self) -> int:
        """Length on the wire (the captured length when the file does not say)."""
        return len(self.data) if self.wire_len is None else self.wire_len

    @property
    def cut_short(self) -> bool:
        """The capture kept fewer bytes than the packet had (snap length)."""
        return self.length > len(self.data)


FlowKey = tuple[bytes, bytes, int, int, int]


@dataclass(frozen=True, slots=True)
class PacketInfo:
    """What dpkt found in a packet: network layer, IP protocol number, 5-tuple."""

    network: str | None  # "ipv4", "ipv6", or None for non-IP
    protocol: int | None = None
    flow: FlowKey | None = None


@dataclass(frozen=True)
class TraceStats:
    """Counts over a list of packets; sizes are wire lengths in bytes."""

    packets: int = 0
    ipv4: int = 0
    ipv6: int = 0
    non_ip: int = 0
    cut_short: int = 0
    protocols: dict[str, int] = field(default_factory=dict)
    flows: int = 0
    wire_bytes: int = 0
    min_size: int = 0
    max_size: int = 0
    first_ns: int = 0
    last_ns: int = 0
    link_types: tuple[int, ...] = ()

    @property
    def mean_size(self) -> float:
        return self.wire_bytes / self.packets if self.packets else 0.0

    @property
    def duration_s(self) -> float:
        return (self.last_ns - self.first_ns) / 1e9


@dataclass(frozen=True)
class Trace:
    """A trace read up to its end or to its first break (``error``); nothing past a break."""

    path: Path
    format: str
    packets: list[TracePacket]
    stats: TraceStats
    error: TraceError | None = None


# --- reading -------------------------------------------------------------------------------


def describe_format(head: bytes) -> str | None:
    """``pcap (nanosecond, little-endian)`` / ``pcapng`` from a file's first bytes, or None."""
    if head[:4] == _PCAPNG_SHB:
        return "pcapng"
    if head[:4] in _PCAP_MAGICS:
        order, nano = _PCAP_MAGICS[head[:4]]
        unit = "nanosecond" if nano else "microsecond"
        return f"pcap ({unit}, {'little' if order == '<' else 'big'}-endian)"
    return None


def iter_trace(path: str | os.PathLike[str]) -> Iterator[TracePacket]:
    """Yield the packets of a pcap or pcapng file; raise :class:`TraceError` at a break."""
    p = Path(path)
    try:
        f = p.open("rb")
    except OSError as err:
        raise ClaraError(f"{p}: cannot open the trace ({err.strerror}); check the path") from err
    with f:
        head = f.read(4)
        f.seek(0)
        if head in _PCAP_MAGICS:
            yield from _pcap_packets(f, p)
        elif head == _PCAPNG_SHB:
            yield from _pcapng_packets(f, p)
        else:
            raise TraceError(
                p, 0, 0, f"not a pcap or pcapng file (it starts with {head.hex() or 'nothing'})",
                "give a capture file (tcpdump -w, dumpcap, Wireshark 'Save as pcap/pcapng'), "
                "or generate one: clara workload generate SPEC -o FILE.pcap",
            )


def read_trace(path: str | os.PathLike[str]) -> Trace:
    """All packets up to the end or the first break, their stats, and the break if any."""
    p = Path(path)
    packets: list[TracePacket] = []
    error = None
    try:
        packets.extend(iter_trace(p))
    except TraceError as err:
        error = err
    with p.open("rb") as f:
        fmt = describe_format(f.read(4)) or "unknown"
    return Trace(p, fmt, packets, summarize(packets), error)


def _pcap_packets(f: BinaryIO, path: Path) -> Iterator[TracePacket]:
    header = f.read(24)
    if len(header) < 24:
        raise TraceError(
            path, 0, 0, f"the pcap file header is cut short ({len(header)} of 24 bytes)",
            _FIX_TRUNCATED,
        )
    order, nano = _PCAP_MAGICS[header[:4]]
    link_type = struct.unpack(order + "I", header[20:24])[0] & 0xFFFF
    if link_type not in LINK_TYPES:
        raise TraceError(path, 0, 20, f"link type {link_type} is not supported", _FIX_LINKTYPE)
    record = struct.Struct(order + "IIII")
    frac_ns, frac_limit = (1, 10**9) if nano else (1000, 10**6)
    offset, index = 24, 0
    while head := f.read(16):
        if len(head) < 16:
            raise TraceError(
                path, index, offset, f"the record header is cut short ({len(head)} of 16 bytes)",
                _FIX_TRUNCATED,
            )
        sec, frac, caplen, wire_len = record.unpack(head)
        problem = _pcap_record_problem(frac, frac_limit, caplen, wire_len)
        if problem:
            raise TraceError(path, index, offset, problem, _FIX_CORRUPT)
        data = f.read(caplen)
        if len(data) < caplen:
            raise TraceError(
                path, index, offset,
                f"the packet data is cut short ({len(data)} of {caplen} bytes)", _FIX_TRUNCATED,
            )
        yield TracePacket(index, sec * 10**9 + frac * frac_ns, data, link_type, wire_len)
        offset += 16 + caplen
        index += 1


def _pcap_record_problem(frac: int, frac_limit: int, caplen: int, wire_len: int) -> str | None:
    """Why a pcap record header cannot be right, or None."""
    if caplen > MAX_CAPLEN:
        return f"captured length {caplen} is larger than any capture allows ({MAX_CAPLEN})"
    if caplen > wire_len:
        return f"captured length {caplen} is larger than the packet's length {wire_len}"
    if frac >= frac_limit:
        return f"timestamp fraction {frac} is not below {frac_limit}"
    return None


@dataclass(frozen=True, slots=True)
class _Interface:
    link_type: int
    snaplen: int
    tsresol: int = 6  # pcapng if_tsresol byte: 10^-n seconds, or 2^-n with the top bit set
    tsoffset_s: int = 0

    def to_ns(self, ticks: int) -> int:
        if self.tsresol & 0x80:
            ns = (ticks * 10**9) >> (self.tsresol & 0x7F)
        elif self.tsresol <= 9:
            ns = ticks * 10 ** (9 - self.tsresol)
        else:
            ns = ticks // 10 ** (self.tsresol - 9)
        return ns + self.tsoffset_s * 10**9


class _PcapngBreak(Exception):
    """A block that cannot be right; turned into a TraceError with the block's position."""

    def __init__(self, reason: str, fix: str = _FIX_CORRUPT) -> None:
        super().__init__(reason)
        self.reason = reason
        self.fix = fix


def _pcapng_packets(f: BinaryIO, path: Path) -> Iterator[TracePacket]:
    order = "<"
    interfaces: list[_Interface] = []
    offset, index, last_ns = 0, 0, 0
    while head := f.read(8):
        try:
            if head[:4] == _PCAPNG_SHB:
                order = _section_byte_order(f.read(4))
                interfaces = []
            btype, length = _block_header(head, order)
            body = _block_body(f, btype, length, order)
            if btype == _BLOCK_IDB:
                interfaces.append(_parse_idb(body, order))
            elif btype in _PACKET_BLOCKS:
                packet = _parse_packet_block(btype, body, order, interfaces, index, last_ns)
                last_ns = packet.timestamp_ns
                yield packet
                index += 1
        except _PcapngBreak as brk:
            raise TraceError(path, index, offset, brk.reason, brk.fix) from None
        except struct.error:
            raise TraceError(
                path, index, offset, "a field overruns its block", _FIX_CORRUPT
            ) from None
        offset += length


def _section_byte_order(magic: bytes) -> str:
    if len(magic) < 4:
        raise _PcapngBreak("the section header block is cut short", _FIX_TRUNCATED)
    if magic not in _PCAPNG_BYTE_ORDER:
        raise _PcapngBreak(f"the section header has an unknown byte-order magic {magic.hex()}")
    return _PCAPNG_BYTE_ORDER[magic]


def _block_header(head: bytes, order: str) -> tuple[int, int]:
    """(type, total length) of a block, checked for shape and, if Clara reads it, for size."""
    if len(head) < 8:
        raise _PcapngBreak(
            f"the block header is cut short ({len(head)} of 8 bytes)", _FIX_TRUNCATED
        )
    btype, length = struct.unpack(order + "II", head)
    if length < 12 or length % 4:
        raise _PcapngBreak(f"block length {length} is not a multiple of 4 of at least 12")
    limit = _MAX_PACKET_BLOCK if btype in _PACKET_BLOCKS else _MAX_META_BLOCK
    if btype in _READ_BLOCKS and length > limit:
        raise _PcapngBreak(f"block length {length} is larger than such a block can be ({limit})")
    return btype, length


def _block_body(f: BinaryIO, btype: int, length: int, order: str) -> bytes:
    """The block's content between its header and its trailing length (which is checked).

    Blocks Clara does not use are skipped by seeking; only their trailing length is read.
    """
    remaining = length - (12 if btype == _BLOCK_SHB else 8) - 4
    if btype in _READ_BLOCKS:
        body = f.read(remaining)
    else:
        body = b""
        f.seek(remaining, os.SEEK_CUR)
    trailer = f.read(4)
    if len(trailer) < 4 or (btype in _READ_BLOCKS and len(body) < remaining):
        raise _PcapngBreak(
            f"the block (type {btype:#x}, {length} bytes) is cut short", _FIX_TRUNCATED
        )
    if struct.unpack(order + "I", trailer)[0] != length:
        raise _PcapngBreak(f"the block's trailing length does not repeat its length {length}")
    return body


def _parse_idb(body: bytes, order: str) -> _Interface:
    link_type, _, snaplen = struct.unpack_from(order + "HHI", body)
    tsresol, tsoffset = 6, 0
    for code, value in _options(body[8:], order):
        if code == _OPT_TSRESOL and value:
            tsresol = value[0]
        elif code == _OPT_TSOFFSET and len(value) == 8:
            tsoffset = struct.unpack(order + "q", value)[0]
    return _Interface(link_type, snaplen, tsresol, tsoffset)


def _options(data: bytes, order: str) -> Iterator[tuple[int, bytes]]:
    """pcapng options (code, value) up to opt_endofopt or the end of the data."""
    pos = 0
    while pos + 4 <= len(data):
        code, size = struct.unpack_from(order + "HH", data, pos)
        if code == 0:
            return
        if pos + 4 + size > len(data):
            raise _PcapngBreak(f"option {code} overruns its block")
        yield code, data[pos + 4 : pos + 4 + size]
        pos += 4 + (size + 3) // 4 * 4


def _parse_packet_block(
    btype: int, body: bytes, order: str, interfaces: list[_Interface], index: int, last_ns: int
) -> TracePacket:
    if btype == _BLOCK_SPB:
        iface_id, (wire_len,) = 0, struct.unpack_from(order + "I", body)
        start, ticks = 4, None
        caplen = min(wire_len, len(body) - 4)
        if interfaces and interfaces[0].snaplen:
            caplen = min(caplen, interfaces[0].snaplen)
    elif btype == _BLOCK_EPB:
        iface_id, hi, lo, caplen, wire_len = struct.unpack_from(order + "IIIII", body)
        start, ticks = 20, (hi << 32) | lo
    else:
        iface_id, _, hi, lo, caplen, wire_len = struct.unpack_from(order + "HHIIII", body)
        start, ticks = 20, (hi << 32) | lo
    if iface_id >= len(interfaces):
        raise _PcapngBreak(
            f"the packet names interface {iface_id}, but the section describes "
            f"{len(interfaces)} interface(s)"
        )
    if start + caplen > len(body):
        raise _PcapngBreak(f"captured length {caplen} overruns its block")
    iface = interfaces[iface_id]
    if iface.link_type not in LINK_TYPES:
        raise _PcapngBreak(
            f"interface {iface_id} has link type {iface.link_type}, which is not supported",
            _FIX_LINKTYPE,
        )
    timestamp = last_ns if ticks is None else iface.to_ns(ticks)
    data = body[start : start + caplen]
    return TracePacket(index, timestamp, data, iface.link_type, wire_len, iface_id)


# --- decoding ------------------------------------------------------------------------------

_NETWORK_OF_ETHERTYPE = {dpkt.ethernet.ETH_TYPE_IP: "ipv4", dpkt.ethernet.ETH_TYPE_IP6: "ipv6"}


def decode(packet: TracePacket) -> PacketInfo:
    """The network layer, IP protocol and 5-tuple of a packet, decoded with dpkt."""
    network, ip = _network_layer(packet.link_type, packet.data)
    if network is None or not isinstance(ip, dpkt.ip.IP | dpkt.ip6.IP6):
        return PacketInfo(network)
    l4 = ip.data
    if isinstance(l4, dpkt.tcp.TCP | dpkt.udp.UDP):
        ports = (l4.sport, l4.dport)
    elif isinstance(l4, dpkt.icmp.ICMP) and isinstance(l4.data, dpkt.icmp.ICMP.Echo):
        ports = (l4.data.id, 0)
    else:
        ports = (0, 0)
    return PacketInfo(network, ip.p, (ip.src, ip.dst, ip.p, *ports))


def _network_layer(link_type: int, data: bytes) -> tuple[str | None, object]:
    """("ipv4" | "ipv6" | None, the dpkt IP object or None when the header is cut short)."""
    try:
        if link_type == LINKTYPE_ETHERNET:
            eth = dpkt.ethernet.Ethernet(data)
            tags = getattr(eth, "vlan_tags", None)
            ethertype = tags[-1].type if tags else eth.type
            return _NETWORK_OF_ETHERTYPE.get(ethertype), eth.data
        if link_type == LINKTYPE_LINUX_SLL:
            sll = dpkt.sll.SLL(data)
            return _NETWORK_OF_ETHERTYPE.get(sll.ethtype), sll.data
        version = data[0] >> 4 if data else 0
        if version == 4 and link_type in (LINKTYPE_RAW, LINKTYPE_IPV4):
            return "ipv4", dpkt.ip.IP(data)
        if version == 6 and link_type in (LINKTYPE_RAW, LINKTYPE_IPV6):
            return "ipv6", dpkt.ip6.IP6(data)
    except dpkt.UnpackError:
        pass
    return None, None


_PROTOCOL_NAMES = {1: "icmp", 6: "tcp", 17: "udp", 58: "icmpv6"}


def summarize(packets: Iterable[TracePacket]) -> TraceStats:
    """Counts by network layer and protocol, distinct flows, sizes and time span."""
    nets: Counter[str | None] = Counter()
    protocols: Counter[str] = Counter()
    flows: set[FlowKey] = set()
    links: set[int] = set()
    count = cut = total = 0
    smallest, largest, first, last = 0, 0, 0, 0
    for pkt in packets:
        info = decode(pkt)
        nets[info.network] += 1
        if info.protocol is not None:
            protocols[_PROTOCOL_NAMES.get(info.protocol, f"ip-proto-{info.protocol}")] += 1
        if info.flow is not None:
            flows.add(info.flow)
        links.add(pkt.link_type)
        size = pkt.length
        smallest = size if count == 0 else min(smallest, size)
        largest = max(largest, size)
        first = pkt.timestamp_ns if count == 0 else first
        last = pkt.timestamp_ns
        count += 1
        cut += pkt.cut_short
        total += size
    return TraceStats(
        packets=count, ipv4=nets["ipv4"], ipv6=nets["ipv6"], non_ip=nets[None], cut_short=cut,
        protocols=dict(protocols.most_common()), flows=len(flows), wire_bytes=total,
        min_size=smallest, max_size=largest, first_ns=first, last_ns=last,
        link_types=tuple(sorted(links)),
    )


# --- writing -------------------------------------------------------------------------------


def write_pcap(
    path: str | os.PathLike[str],
    packets: Iterable[TracePacket],
    *,
    nanosecond: bool = True,
    link_type: int = LINKTYPE_ETHERNET,
) -> int:
    """Write packets to a little-endian pcap file; return how many were written.

    Timestamps keep full nanoseconds unless ``nanosecond=False`` (microsecond pcap, readable
    by the oldest tools). The file appears complete or not at all.
    """
    p = Path(path)
    tmp = p.with_name(p.name + ".part")
    magic = b"\x4d\x3c\xb2\xa1" if nanosecond else b"\xd4\xc3\xb2\xa1"
    record = struct.Struct("<IIII")
    count = 0
    try:
        with tmp.open("wb") as f:
            f.write(magic + struct.pack("<HHiIII", 2, 4, 0, 0, MAX_CAPLEN, link_type))
            for pkt in packets:
                _check_writable(pkt, link_type, p)
                sec, ns = divmod(pkt.timestamp_ns, 10**9)
                frac = ns if nanosecond else ns // 1000
                f.write(record.pack(sec, frac, len(pkt.data), pkt.length))
                f.write(pkt.data)
                count += 1
        tmp.replace(p)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ClaraError(
            f"{p}: cannot write the trace ({err.strerror}); check that the directory exists "
            "and is writable"
        ) from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def _check_writable(pkt: TracePacket, link_type: int, path: Path) -> None:
    if pkt.link_type != link_type:
        raise ClaraError(
            f"{path}: packet {pkt.index} has link type {pkt.link_type}, the file {link_type}; "
            "write packets of one link type per file"
        )
    if len(pkt.data) > MAX_CAPLEN or pkt.timestamp_ns < 0:
        raise ClaraError(
            f"{path}: packet {pkt.index} cannot be stored in pcap (length {len(pkt.data)}, "
            f"timestamp {pkt.timestamp_ns} ns); keep packets within {MAX_CAPLEN} bytes and "
            "timestamps at or after 1970"
        )
