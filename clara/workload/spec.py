"""Workload specs: the ``key=value,...`` grammar, named presets, and synthetic traffic from them.

This module owns what a spec means and the packets it stands for. ``parse_spec`` turns text
such as ``packets=100000,flows=1000,size=64..1500,proto=tcp:0.8/udp:0.2,dist=zipf:1.1,syn=0.05``
(or a preset name, optionally followed by overrides) into a validated :class:`WorkloadSpec`;
``iter_packets``/``generate`` turn a spec into Ethernet/IPv4/TCP|UDP|ICMP packets with correct
checksums. Generation draws from numpy Generators seeded by the spec's seed only, one
independent stream per aspect (flows, flow order, sizes, SYNs, payloads), so the same spec gives
the same bytes, and changing e.g. the payload does not change the flows. See docs/workload.md.
"""

from __future__ import annotations

import difflib
import re
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import numpy as np

from clara.errors import ClaraError
from clara.workload.trace import LINKTYPE_ETHERNET, TracePacket

PROTOCOLS = {"tcp": 6, "udp": 17, "icmp": 1}
HEADER_BYTES = {"tcp": 14 + 20 + 20, "udp": 14 + 20 + 8, "icmp": 14 + 20 + 8}
IMIX = ((64, 7), (576, 4), (1500, 1))  # frame size, weight
MAX_FRAME = 9014  # a 9000-byte jumbo MTU plus the Ethernet header
START_NS = 1_704_067_200 * 10**9  # 2024-01-01T00:00:00Z: the first packet's timestamp

PRESETS: dict[str, tuple[str, str]] = {
    "small-flows": (
        "packets=100000,flows=25000,size=imix,dist=uniform",
        "many mice: 25,000 flows of about 4 packets each",
    ),
    "large-flows": (
        "packets=100000,flows=8,size=imix,dist=uniform",
        "a few elephants: 8 flows of about 12,500 packets each",
    ),
    "small-packets": (
        "packets=100000,flows=1000,size=64,dist=zipf:1.1",
        "minimum-size 64-byte frames over 1,000 Zipf-popular flows",
    ),
    "large-packets": (
        "packets=100000,flows=1000,size=1500,dist=zipf:1.1",
        "full 1500-byte frames over 1,000 Zipf-popular flows",
    ),
}

_ETHERNET = bytes.fromhex("020000000002" "020000000001" "0800")  # dst, src, IPv4
_TCP_SYN, _TCP_PSH, _TCP_ACK = 0x02, 0x08, 0x10
_CHUNK = 4096  # packets whose payloads are drawn at once (fixed: part of determinism)


@dataclass(frozen=True)
class SizeDist:
    """Frame sizes (Ethernet header to payload end, no FCS): uniform in [low, high], or IMIX."""

    low: int
    high: int
    imix: bool = False

    def text(self) -> str:
        if self.imix:
            return "imix"
        return str(self.low) if self.low == self.high else f"{self.low}..{self.high}"

    def sample(self, rng: np.random.Generator, n: int) -> np.ndarray:
        if self.imix:
            sizes = np.array([s for s, _ in IMIX])
            weights = np.array([w for _, w in IMIX], dtype=float)
            return rng.choice(sizes, size=n, p=weights / weights.sum())
        return rng.integers(self.low, self.high + 1, size=n)


@dataclass(frozen=True)
class WorkloadSpec:
    """A validated workload: how many packets and flows, of which sizes and protocols."""

    packets: int = 10_000
    flows: int = 100
    size: SizeDist = field(default_factory=lambda: SizeDist(64, 1500, imix=True))
    proto: tuple[tuple[str, float], ...] = (("tcp", 0.8), ("udp", 0.2))
    zipf_s: float = 0.0  # flow popularity exponent; 0 is uniform
    syn: float = 0.0  # share of non-first TCP packets that are SYNs too
    seed: int = 1
    payload: str = "random"
    rate_mpps: float = 1.0

    def text(self) -> str:
        """The spec in canonical form; ``parse_spec(spec.text()) == spec``."""
        proto = "/".join(f"{name}:{share:g}" for name, share in self.proto)
        dist = f"zipf:{self.zipf_s:g}" if self.zipf_s else "uniform"
        return (
            f"packets={self.packets},flows={self.flows},size={self.size.text()},proto={proto},"
            f"dist={dist},syn={self.syn:g},seed={self.seed},payload={self.payload},"
            f"rate={self.rate_mpps:g}"
        )


class _Bad(Exception):
    """A value that does not parse: what is wrong and how to write it instead."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix


# --- parsing ---------------------------------------------------------------------------------


def _count(value: str, minimum: int = 1) -> int:
    """``100000``, ``100k`` or ``1M``."""
    match = re.fullmatch(r"(\d+)([kKmM]?)", value.strip())
    if not match:
        raise _Bad("not a whole number", "write digits, optionally with k or M: 100000, 100k, 1M")
    n = int(match.group(1)) * {"": 1, "k": 1000, "m": 1_000_000}[match.group(2).lower()]
    if n < minimum:
        raise _Bad(f"{n} is below {minimum}", f"use a number of at least {minimum}")
    return n


def _number(value: str, low: float, high: float, example: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise _Bad("not a number", f"write a decimal number, e.g. {example}") from None
    if not low <= x <= high:
        raise _Bad(f"{x:g} is outside [{low:g}, {high:g}]", f"use a value in that range: {example}")
    return x


def _size(value: str) -> SizeDist:
    if value == "imix":
        return SizeDist(64, 1500, imix=True)
    low_text, _, high_text = value.partition("..")
    fix = "write size=N, size=A..B (bytes per frame, no FCS) or size=imix"
    try:
        low = _count(low_text)
        high = _count(high_text) if high_text else low
    except _Bad:
        raise _Bad("not a size", fix) from None
    if low > high or high > MAX_FRAME:
        raise _Bad(f"{low}..{high} is not a range within {MAX_FRAME} bytes", fix)
    return SizeDist(low, high)


def _proto(value: str) -> tuple[tuple[str, float], ...]:
    fix = "write name:share pairs joined by '/', shares adding up to 1: proto=tcp:0.8/udp:0.2"
    shares: dict[str, float] = {}
    for part in value.split("/"):
        name, colon, share_text = part.partition(":")
        if name not in PROTOCOLS or name in shares:
            raise _Bad(f"{name!r} is not one of {', '.join(PROTOCOLS)} (each once)", fix)
        shares[name] = _number(share_text, 0.0, 1.0, "tcp:0.8") if colon else 1.0
    total = sum(shares.values())
    if abs(total - 1.0) > 1e-6:
        raise _Bad(f"the shares add up to {total:g}, not 1", fix)
    return tuple((name, share) for name, share in shares.items() if share > 0)


def _dist(value: str) -> float:
    if value == "uniform":
        return 0.0
    kind, _, exponent = value.partition(":")
    if kind != "zipf" or not exponent:
        raise _Bad("not a distribution", "write dist=uniform or dist=zipf:S, e.g. zipf:1.1")
    s = _number(exponent, 0.0, 10.0, "zipf:1.1")
    if s == 0:
        raise _Bad("zipf:0 is uniform", "write dist=uniform, or an exponent above 0")
    return s


def _payload(value: str) -> str:
    if value not in ("random", "zero"):
        raise _Bad("not a payload kind", "write payload=random or payload=zero")
    return value


_FIELDS: dict[str, tuple[str, Callable[[str], object]]] = {  # spec key -> (field, parser)
    "packets": ("packets", _count),
    "flows": ("flows", _count),
    "size": ("size", _size),
    "proto": ("proto", _proto),
    "dist": ("zipf_s", _dist),
    "syn": ("syn", lambda v: _number(v, 0.0, 1.0, "syn=0.05")),
    "seed": ("seed", lambda v: _count(v, minimum=0)),
    "payload": ("payload", _payload),
    "rate": ("rate_mpps", lambda v: _number(v, 1e-6, 1000.0, "rate=1 (Mpps)")),
}
KEYS = tuple(_FIELDS)


def parse_spec(text: str) -> WorkloadSpec:
    """A spec string, or ``PRESET[,key=value...]``, as a validated :class:`WorkloadSpec`."""
    items = [item.strip() for item in text.split(",") if item.strip()]
    spec = WorkloadSpec()
    if items and "=" not in items[0]:
        spec = _preset(items.pop(0), text)
    seen: set[str] = set()
    for item in items:
        key, eq, value = item.partition("=")
        key = key.strip()
        if not eq or key not in _FIELDS:
            raise _unknown_key(key, text)
        if key in seen:
            raise ClaraError(f"workload spec {text!r}: {key} is given twice; keep one")
        seen.add(key)
        name, parse = _FIELDS[key]
        try:
            spec = replace(spec, **{name: parse(value.strip())})
        except _Bad as bad:
            raise ClaraError(
                f"workload spec {text!r}: {key}={value.strip()}: {bad.problem}. Fix: {bad.fix}"
            ) from None
    _check_consistent(spec, text)
    return spec


def _preset(name: str, text: str) -> WorkloadSpec:
    if name not in PRESETS:
        close = difflib.get_close_matches(name, PRESETS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ClaraError(
            f"workload spec {text!r}: {name!r} is neither key=value nor a preset{hint}. "
            f"Fix: use a preset ({', '.join(PRESETS)}) or keys {', '.join(KEYS)}"
        )
    return parse_spec(PRESETS[name][0])


def _unknown_key(key: str, text: str) -> ClaraError:
    close = difflib.get_close_matches(key, KEYS, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return ClaraError(
        f"workload spec {text!r}: unknown key {key!r}{hint}. "
        f"Fix: write key=value pairs with keys {', '.join(KEYS)}"
    )


def _check_consistent(spec: WorkloadSpec, text: str) -> None:
    if spec.flows > spec.packets:
        raise ClaraError(
            f"workload spec {text!r}: flows={spec.flows} is more than packets={spec.packets}; "
            "every flow needs a packet. Fix: raise packets or lower flows"
        )
    smallest = max(HEADER_BYTES[name] for name, _ in spec.proto)
    if spec.size.low < smallest:
        raise ClaraError(
            f"workload spec {text!r}: size={spec.size.text()} has frames below {smallest} "
            f"bytes, the headers of proto={'/'.join(n for n, _ in spec.proto)}. "
            f"Fix: size={smallest}.. or larger"
        )


# --- flows -----------------------------------------------------------------------------------


def popularity(flows: int, zipf_s: float) -> np.ndarray:
    """Probability of each flow (flow k has rank k+1): proportional to rank^-s."""
    weights = np.arange(1, flows + 1, dtype=float) ** -zipf_s
    return weights / weights.sum()


def assign_protocols(weights: np.ndarray, shares: tuple[float, ...]) -> np.ndarray:
    """Protocol index per flow so that each protocol's packet share is met as whole flows allow.

    ``weights`` are the flows' expected packet shares, most popular first; each flow goes to
    the protocol furthest below its share of the packets assigned so far (ties to the first).
    """
    target = np.array(shares)
    got = np.zeros(len(shares))
    out = np.empty(len(weights), dtype=np.int64)
    assigned = 0.0
    for k, w in enumerate(weights):
        assigned += w
        j = int(np.argmax(target * assigned - got))
        got[j] += w
        out[k] = j
    return out


@dataclass(frozen=True)
class Flows:
    """Per-flow columns: IP protocol, addresses, ports (ICMP: echo id), TCP sequence bases."""

    proto: np.ndarray
    src: np.ndarray
    dst: np.ndarray
    sport: np.ndarray
    dport: np.ndarray
    isn: np.ndarray
    ack: np.ndarray


def make_flows(spec: WorkloadSpec, rng: np.random.Generator) -> Flows:
    """Distinct 5-tuples: sources in 10.0.0.0/8, destinations in 172.16.0.0/12."""
    n = spec.flows
    names = [name for name, _ in spec.proto]
    # expected packet share of each flow: its one guaranteed packet plus its popularity draws
    share = (1 + (spec.packets - n) * popularity(n, spec.zipf_s)) / spec.packets
    which = assign_protocols(share, tuple(s for _, s in spec.proto))
    proto = np.array([PROTOCOLS[names[j]] for j in which], dtype=np.int64)
    src = 0x0A000000 + rng.integers(0, 1 << 24, n)
    dst = 0xAC100000 + rng.integers(0, 1 << 20, n)
    sport = rng.integers(1024, 1 << 16, n)
    dport = np.where(proto == PROTOCOLS["icmp"], 0, rng.integers(1, 1 << 16, n))
    while (dup := _duplicates(np.stack([proto, src, dst, sport, dport], axis=1))).size:
        src[dup] = 0x0A000000 + rng.integers(0, 1 << 24, dup.size)
    isn = rng.integers(0, 1 << 32, n)
    ack = rng.integers(0, 1 << 32, n)
    return Flows(proto, src, dst, sport, dport, isn, ack)


def _duplicates(rows: np.ndarray) -> np.ndarray:
    """Indices of rows equal to an earlier row."""
    _, first = np.unique(rows, axis=0, return_index=True)
    mask = np.ones(len(rows), dtype=bool)
    mask[first] = False
    return np.flatnonzero(mask)


def flow_sequence(packets: int, weights: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The flow of each packet: every flow once, the rest drawn by popularity, shuffled."""
    flows = len(weights)
    seq = np.concatenate([np.arange(flows), rng.choice(flows, size=packets - flows, p=weights)])
    rng.shuffle(seq)
    return seq


# --- packets ---------------------------------------------------------------------------------


def _fold(total: int) -> int:
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def _words(x: int) -> int:
    """Sum of the two 16-bit halves of a 32-bit value."""
    return (x >> 16) + (x & 0xFFFF)


def payload_sums(buf: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Sum of the big-endian 16-bit words of each payload (an odd tail padded with zero).

    ``buf`` holds the payloads at even ``starts``, each followed by a zero pad byte if odd.
    """
    words = np.concatenate([buf.view(">u2"), np.zeros(1, ">u2")])
    sums = np.add.reduceat(words, starts // 2, dtype=np.int64)
    return np.where(lengths > 0, sums, 0)


def _payload_chunk(
    lengths: np.ndarray, kind: str, rng: np.random.Generator
) -> tuple[bytes, np.ndarray, np.ndarray]:
    """(bytes, start of each payload, 16-bit word sum of each payload) for one chunk."""
    padded = lengths + (lengths & 1)
    starts = np.concatenate([[0], np.cumsum(padded)[:-1]]).astype(np.int64)
    total = int(padded.sum())
    if kind == "random":
        buf = np.frombuffer(rng.bytes(total), dtype=np.uint8).copy()
    else:
        buf = np.zeros(total, dtype=np.uint8)
    odd = lengths & 1 == 1
    buf[(starts + lengths)[odd]] = 0
    return buf.tobytes(), starts, payload_sums(buf, starts, lengths)


def _ipv4_header(total_len: int, ident: int, proto: int, src: int, dst: int) -> bytes:
    csum = ~_fold(0x4500 + total_len + ident + 0x4000 + (64 << 8 | proto) + _words(src)
                  + _words(dst)) & 0xFFFF
    return struct.pack("!BBHHHBBHII", 0x45, 0, total_len, ident, 0x4000, 64, proto, csum,
                       src, dst)


def _l4_header(
    flow: tuple[int, int, int, int, int], seq: int, ack: int, flags: int, l4_len: int,
    payload_sum: int,
) -> bytes:
    """TCP, UDP or ICMP echo header with its checksum; ``flow`` is (proto, src, dst, sport,
    dport), and for ICMP ``sport`` is the echo id and ``seq`` the echo sequence number."""
    proto, src, dst, sport, dport = flow
    pseudo = _words(src) + _words(dst) + proto + l4_len
    if proto == PROTOCOLS["tcp"]:
        rest = sport + dport + _words(seq) + _words(ack) + (0x5000 | flags) + 0xFFFF
        csum = ~_fold(pseudo + rest + payload_sum) & 0xFFFF
        return struct.pack("!HHIIHHHH", sport, dport, seq, ack, 0x5000 | flags, 0xFFFF, csum, 0)
    if proto == PROTOCOLS["udp"]:
        csum = ~_fold(pseudo + sport + dport + l4_len + payload_sum) & 0xFFFF
        return struct.pack("!HHHH", sport, dport, l4_len, csum or 0xFFFF)
    csum = ~_fold(0x0800 + sport + (seq & 0xFFFF) + payload_sum) & 0xFFFF
    return struct.pack("!BBHHH", 8, 0, csum, sport, seq & 0xFFFF)


def iter_packets(spec: WorkloadSpec) -> Iterator[TracePacket]:
    """The spec's packets in time order; the same spec always gives the same bytes."""
    seeds = np.random.SeedSequence(spec.seed).spawn(5)
    flow_rng, order_rng, size_rng, syn_rng, payload_rng = (
        np.random.Generator(np.random.PCG64(s)) for s in seeds
    )
    flows = make_flows(spec, flow_rng)
    order = flow_sequence(spec.packets, popularity(spec.flows, spec.zipf_s), order_rng)
    sizes = spec.size.sample(size_rng, spec.packets)
    syn_draw = syn_rng.random(spec.packets) < spec.syn
    syn_draw[np.unique(order, return_index=True)[1]] = True  # every flow opens with a SYN
    tcp = PROTOCOLS["tcp"]
    syn = syn_draw & (flows.proto[order] == tcp)
    payload_len = sizes - np.array([HEADER_BYTES[_name(p)] for p in flows.proto.tolist()])[order]
    tuples = list(zip(*(c.tolist() for c in (flows.proto, flows.src, flows.dst, flows.sport,
                                              flows.dport)), strict=True))
    acks = flows.ack.tolist()
    next_seq = flows.isn.tolist()  # TCP: next sequence number; ICMP: next echo sequence
    step_ns = 1000.0 / spec.rate_mpps
    for start in range(0, spec.packets, _CHUNK):
        chunk = slice(start, min(start + _CHUNK, spec.packets))
        raw, starts, sums = _payload_chunk(payload_len[chunk], spec.payload, payload_rng)
        columns = (order[chunk], sizes[chunk], payload_len[chunk], syn[chunk], starts, sums)
        for i, (f, size, n, is_syn, at, psum) in enumerate(
            zip(*(c.tolist() for c in columns), strict=True), start
        ):
            flow = tuples[f]
            seq = next_seq[f] & 0xFFFFFFFF
            if flow[0] == tcp:
                flags = _TCP_SYN if is_syn else _TCP_ACK | (_TCP_PSH if n else 0)
                ack = 0 if is_syn else acks[f]
                next_seq[f] = seq + n + is_syn
            else:
                flags, ack, next_seq[f] = 0, 0, seq + 1
            l4 = _l4_header(flow, seq, ack, flags, size - 34, psum)
            ip = _ipv4_header(size - 14, i & 0xFFFF, flow[0], flow[1], flow[2])
            data = _ETHERNET + ip + l4 + raw[at : at + n]
            yield TracePacket(i, START_NS + round(i * step_ns), data, LINKTYPE_ETHERNET)


def _name(proto: int) -> str:
    return next(name for name, number in PROTOCOLS.items() if number == proto)


def generate(spec: WorkloadSpec) -> list[TracePacket]:
    """All of the spec's packets (see :func:`iter_packets`)."""
    return list(iter_packets(spec))
