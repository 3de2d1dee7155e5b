"""Tests of the reverse-ported runtime (clara/runtime): the pcap driver on every example element,
C (NIC) versus host container behaviour, and the per-target API cost tables."""

from __future__ import annotations

import json
import random
import socket
import struct
import subprocess
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import dpkt
import pytest
import tomllib

from clara.errors import ClaraError
from clara.runtime.api_costs import (
    APIS,
    SCHEMA,
    TABLE_DIR,
    build_table,
    cost_function,
    evaluate,
    parse_regions,
)
from clara.runtime.build import (
    DriverResult,
    build_driver,
    build_equivalence_check,
    run_driver,
)
from clara.targets.asm_reader import AsmInstruction
from clara.targets.compiler import compiler_version
from clara.targets.profile import list_targets, load_target

REPO = Path(__file__).resolve().parent.parent
NFS = REPO / "examples" / "nfs"
CONFIGS = tomllib.loads((NFS / "configs.toml").read_text())
WEP_KEY = bytes.fromhex("0123456789")
T0 = 1_700_000_000.0


# ------------------------------------------------------------------ traces


def _eth(ip: dpkt.ip.IP) -> bytes:
    return bytes(
        dpkt.ethernet.Ethernet(
            src=b"\x02\x00\x00\x00\x00\x01", dst=b"\x02\x00\x00\x00\x00\x02",
            type=dpkt.ethernet.ETH_TYPE_IP, data=ip,
        )
    )


def _ip(src: str, dst: str, proto: int, payload: dpkt.Packet | bytes, ttl: int = 64,
         off: int = 0) -> dpkt.ip.IP:
    return dpkt.ip.IP(
        src=socket.inet_aton(src), dst=socket.inet_aton(dst), p=proto, ttl=ttl, off=off,
        data=payload, id=random.randrange(65536),
    )


def _tcp(src: str, dst: str, sport: int, dport: int, flags: int, payload: bytes = b"",
         seq: int = 1000, ttl: int = 64) -> bytes:
    opts = b"\x02\x04\x05\xb4" if flags == dpkt.tcp.TH_SYN else b""
    t = dpkt.tcp.TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=0, win=65535,
                     opts=opts, data=payload)
    t.off = (20 + len(opts)) // 4
    return _eth(_ip(src, dst, dpkt.ip.IP_PROTO_TCP, t, ttl=ttl))


def _udp(src: str, dst: str, sport: int, dport: int, payload: bytes) -> bytes:
    u = dpkt.udp.UDP(sport=sport, dport=dport, data=payload)
    u.ulen = 8 + len(payload)
    return _eth(_ip(src, dst, dpkt.ip.IP_PROTO_UDP, u))


def ethernet_trace(path: Path) -> int:
    """A small mixed IPv4 trace: TCP connections (handshake, data with DPI patterns, FIN),
    a heavy UDP flow, DNS, ICMP, a TTL-1 packet, a fragment, an ARP frame; 2 ms apart, with one
    timestamp going backwards."""
    random.seed(7)
    syn, ack, fin = dpkt.tcp.TH_SYN, dpkt.tcp.TH_ACK, dpkt.tcp.TH_FIN
    pkts: list[bytes] = []
    for i in range(4):                          # four clients to a web server
        c, sp = f"10.0.0.{i + 1}", 40000 + i
        pkts.append(_tcp(c, "8.8.8.8", sp, 80, syn))
        pkts.append(_tcp("8.8.8.8", c, 80, sp, syn | ack))
        pkts.append(_tcp(c, "8.8.8.8", sp, 80, ack))
        body = b"GET /etc/passwd HTTP/1.0\r\n\r\n" if i == 0 else b"GET / HTTP/1.0 Attack\r\n"
        pkts.append(_tcp(c, "8.8.8.8", sp, 80, ack, body if i < 2 else b"GET / HTTP/1.0\r\n"))
        pkts.append(_tcp(c, "8.8.8.8", sp, 80, fin | ack))
    pkts.append(_tcp("10.0.0.9", "93.184.216.34", 41000, 443, syn))
    pkts.append(_tcp("10.0.0.9", "93.184.216.34", 41000, 22, syn))   # port not listened to
    pkts.append(_tcp("172.16.0.1", "10.0.0.1", 5555, 80, ack))        # no connection
    for _ in range(12):                         # a heavy hitter
        pkts.append(_udp("10.0.0.7", "192.168.1.5", 5000, 9999, b"x" * 200))
    pkts.append(_udp("10.0.0.3", "8.8.8.8", 5353, 53, b"\x12\x34" + b"\x00" * 30))
    pkts.append(_udp("10.0.0.3", "1.1.1.1", 5353, 53, b"evil payload"))
    icmp = dpkt.icmp.ICMP(type=8, code=0, data=dpkt.icmp.ICMP.Echo(id=1, seq=1, data=b"ping"))
    pkts.append(_eth(_ip("10.0.0.2", "8.8.8.8", dpkt.ip.IP_PROTO_ICMP, icmp)))
    pkts.append(_tcp("10.0.0.4", "8.8.8.8", 40100, 80, syn, ttl=1))
    frag = _ip("10.0.0.5", "8.8.8.8", dpkt.ip.IP_PROTO_UDP, b"\x00" * 16, off=10)
    pkts.append(_eth(frag))
    arp = dpkt.ethernet.Ethernet(src=b"\x02\x00\x00\x00\x00\x01", dst=b"\xff" * 6,
                                 type=dpkt.ethernet.ETH_TYPE_ARP, data=b"\x00" * 28)
    pkts.append(bytes(arp))
    with path.open("wb") as f:
        w = dpkt.pcap.Writer(f, nano=True)
        for i, buf in enumerate(pkts):
            ts = T0 + i * 0.002 - (0.005 if i == len(pkts) - 4 else 0.0)
            w.writepkt(buf, ts)
    return len(pkts)


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out, x, y = bytearray(), 0, 0
    for b in data:
        x = (x + 1) & 0xFF
        y = (y + s[x]) & 0xFF
        s[x], s[y] = s[y], s[x]
        out.append(b ^ s[(s[x] + s[y]) & 0xFF])
    return bytes(out)


def _wifi(protected: bool, body: bytes) -> bytes:
    fc = bytes([0x08, 0x40 if protected else 0x00])
    return fc + b"\x00\x00" + b"\x02\x00\x00\x00\x00\x01" * 3 + b"\x10\x00" + body


def wifi_trace(path: Path) -> int:
    """802.11 data frames: WEP with WEP_KEY (one with a corrupt ICV, one with a weak IV),
    one unprotected, one truncated."""
    frames = []
    for i in range(6):
        iv = bytes([3, 0xFF, i]) if i == 5 else bytes([i, 0x10, 0x20])
        payload = b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + bytes(range(40 + i))
        icv = struct.pack("<I", zlib.crc32(payload) & 0xFFFFFFFF)
        enc = _rc4(iv + WEP_KEY, payload + icv)
        if i == 2:
            enc = enc[:-1] + bytes([enc[-1] ^ 0x55])
        frames.append(_wifi(True, iv + b"\x00" + enc))
    frames.append(_wifi(False, b"\xaa\xaa\x03\x00\x00\x00\x08\x00plain"))
    frames.append(b"\x08\x40\x00")
    with path.open("wb") as f:
        w = dpkt.pcap.Writer(f, linktype=105)
        for i, fr in enumerate(frames):
            w.writepkt(fr, T0 + i * 0.001)
    return len(frames)


# ------------------------------------------------------------------ driver


@pytest.fixture(scope="module")
def traces(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    d = tmp_path_factory.mktemp("traces")
    eth, wifi = d / "ethernet.pcap", d / "wifi-wep.pcap"
    return {"ethernet": (eth, ethernet_trace(eth)), "wifi-wep": (wifi, wifi_trace(wifi))}


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("drivers")


@pytest.fixture(scope="module")
def drivers(build_dir: Path) -> dict[str, Path]:
    out = build_dir

    def build(name: str) -> tuple[str, Path]:
        entry = CONFIGS[name]
        return name, build_driver(NFS / entry["source"], entry["class"], out)

    with ThreadPoolExecutor(max_workers=6) as pool:
        return dict(pool.map(build, CONFIGS))


def test_configs_cover_every_example_element() -> None:
    sources = {p.name for p in NFS.glob("*.cc")}
    assert sources == {entry["source"] for entry in CONFIGS.values()}
    for name, entry in CONFIGS.items():
        assert entry["class"] == name
        assert f'return "{name}"' in (NFS / entry["source"]).with_suffix(".hh").read_text()


def _run(name: str, drivers: dict[str, Path], traces: dict[str, tuple[Path, int]],
         **kw: object) -> tuple[DriverResult, int]:
    entry = CONFIGS[name]
    trace, n = traces[entry["trace"]]
    result = run_driver(
        drivers[name], trace, entry["config"], entry["port"],
        require_ip=entry["require_ip"], outputs=entry["outputs"], reads=entry["reads"],
        **kw,  # type: ignore[arg-type]
    )
    return result, n


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_driver_runs_example(name: str, drivers: dict[str, Path],
                             traces: dict[str, tuple[Path, int]]) -> None:
    result, n = _run(name, drivers, traces)
    entry = CONFIGS[name]
    assert result.element == name
    assert result.packets_in == n
    assert result.not_made == 0
    assert result.noutputs == entry["outputs"] == len(result.outputs)
    assert result.given_to_element + result.non_ip_bypassed == n
    assert result.packets_held == 0                     # every packet killed or emitted
    assert sum(result.outputs) > 0
    assert set(result.handlers) == set(entry["reads"])
    if entry["trace"] == "ethernet":
        assert result.non_ip == 1                       # the ARP frame
        assert result.non_ip_bypassed == (1 if entry["require_ip"] else 0)
    print(name, result.outputs, result.handlers)


def test_driver_counts_match_element_semantics(drivers: dict[str, Path],
                                               traces: dict[str, tuple[Path, int]]) -> None:
    nat, _ = _run("FlowNAT", drivers, traces)
    # outbound: every TCP packet of a flow opened by a SYN, and UDP, is translated
    assert int(nat.handlers["translated_out"]) == nat.outputs[0]
    assert int(nat.handlers["rejected"]) == nat.outputs[2]
    lpm, _ = _run("LPMRouter", drivers, traces)
    assert int(lpm.handlers["lookups"]) == lpm.given_to_element
    syn, _ = _run("SynAckResponder", drivers, traces)
    # SYNs to port 80 (4 clients + the TTL-1 one) and 443 are answered; port 22 is not
    assert syn.outputs[0] == int(syn.handlers["replies"]) == 6
    wep, n = _run("WEPDecap", drivers, traces)
    assert wep.handlers == {"decrypted": "5", "icv_errors": "1", "bad": "1", "unprotected": "1"}
    assert wep.outputs == (6, 2)
    cms, _ = _run("CMSHeavyHitter", drivers, traces)
    assert cms.outputs[1] >= 12 - 3                     # the heavy UDP flow, after threshold
    enc, n = _run("UDPIPEncapsulator", drivers, traces)
    assert enc.outputs == (n,)


def test_driver_writes_valid_checksums(drivers: dict[str, Path],
                                       traces: dict[str, tuple[Path, int]],
                                       tmp_path: Path) -> None:
    """NAT rewrites and SYN-ACK replies carry correct IP/TCP/UDP checksums (host checksum
    helpers), checked with dpkt's own computation."""
    for name in ("FlowNAT", "SynAckResponder", "CRCLoadBalancer", "UDPIPEncapsulator"):
        prefix = tmp_path / name
        _run(name, drivers, traces, extra_args=["--output-pcap", str(prefix)])
        seen = 0
        with (tmp_path / f"{name}-out0.pcap").open("rb") as f:
            for _, buf in dpkt.pcap.Reader(f):
                ip = dpkt.ethernet.Ethernet(buf).data
                assert isinstance(ip, dpkt.ip.IP)
                l4 = ip.data
                if name == "UDPIPEncapsulator":
                    assert isinstance(l4, dpkt.udp.UDP)
                if not isinstance(l4, dpkt.tcp.TCP | dpkt.udp.UDP) or ip.off & 0x1FFF:
                    continue
                got_ip, got_l4 = ip.sum, l4.sum
                ip.sum = 0
                l4.sum = 0
                fresh = dpkt.ip.IP(bytes(ip))
                assert got_ip == fresh.sum, name
                if isinstance(l4, dpkt.udp.UDP) and got_l4 == 0:
                    continue
                assert got_l4 == fresh.data.sum, name
                seen += 1
        assert seen > 0, name


def test_driver_reports_crash_with_packet_index(tmp_path: Path, build_dir: Path,
                                                traces: dict[str, tuple[Path, int]]) -> None:
    src = tmp_path / "crasher.cc"
    src.write_text(
        "#include <click/config.h>\n#include <click/element.hh>\nCLICK_DECLS\n"
        "class Crasher : public Element { public:\n"
        "  const char *class_name() const { return \"Crasher\"; }\n"
        "  const char *port_count() const { return PORTS_1_1; }\n"
        "  int n = 0;\n"
        "  Packet *simple_action(Packet *p) {\n"
        "    if (++n == 5) { volatile int *z = 0; *z = 1; }\n"
        "    return p; } };\nCLICK_ENDDECLS\n"
    )
    binary = build_driver(src, "Crasher", build_dir)
    with pytest.raises(ClaraError, match=r"crashed \(SIGSEGV\) on packet index 4"):
        run_driver(binary, traces["ethernet"][0], "")


def test_driver_configure_error_is_reported(drivers: dict[str, Path],
                                            traces: dict[str, tuple[Path, int]]) -> None:
    with pytest.raises(ClaraError, match=r"configure failed.*PUBLIC_IP"):
        run_driver(drivers["FlowNAT"], traces["ethernet"][0], "PORT_LO 5", 0)


def test_hash_insert_failures_are_counted(drivers: dict[str, Path],
                                          traces: dict[str, tuple[Path, int]]) -> None:
    """One bucket of one slot: the second distinct flow cannot be inserted."""
    result, _ = _run("TimestampFilter", drivers, traces,
                     extra_args=["--hash-buckets", "1", "--hash-slots", "1"])
    assert result.handlers["flows"] == "1"
    assert result.runtime["hash_insert_failed"] > 0


# ------------------------------------------------------- C versus host


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_nic_c_versions_match_host_runtime(seed: int, build_dir: Path) -> None:
    """One random sequence of HashMap/HashTable/Vector/checksum/random operations on the host
    runtime and on clara_nic.c (built for the host): same results, same probe lengths, same
    entries moved, with full buckets and full vectors exercised."""
    binary = build_equivalence_check(build_dir / "equivalence")
    proc = subprocess.run([str(binary), str(seed), "20000"], capture_output=True, text=True,
                          check=False, timeout=300)
    summary = json.loads(proc.stdout)
    assert proc.returncode == 0, summary["first_mismatch"]
    assert summary["mismatches"] == 0
    assert summary["ops"] > 40000
    assert summary["hash_insert_failed"] > 0 and summary["vector_full"] > 0


# ------------------------------------------------------------ cost tables


@pytest.mark.parametrize("target", list_targets())
def test_api_cost_table_shipped_and_monotone(target: str) -> None:
    table = json.loads((TABLE_DIR / f"{target}.json").read_text())
    assert table["schema"] == SCHEMA
    assert table["target"] == target
    assert table["compiler"]["version"]
    assert table["counts"]["none"] == 0                 # every instruction has a line
    assert {a.name for a in APIS} == set(table["apis"])
    for name, entry in table["apis"].items():
        for key in ("fixed_instructions", "per_unit_instructions", "fixed_memory",
                    "per_unit_memory", "unit", "source", "catalog"):
            assert key in entry, (name, key)
        if entry["kind"] == "call":
            assert entry["fixed_instructions"] > 0, name
        else:  # what an inlined member adds; byte order is free on a big-endian core
            assert entry["fixed_instructions"] >= 0, name
        assert entry["per_unit_instructions"] >= 0 and entry["per_unit_memory"] >= 0, name
        previous = None
        for trips in range(0, 6):
            q = {"probes": trips, "compares": trips, "scanned": trips, "slots": trips,
                 "moved": trips, "words16": trips, "words": trips}
            cost = evaluate(entry, **q)
            if previous is not None:
                assert cost["instructions"] >= previous["instructions"], name
                assert cost["memory"] >= previous["memory"], name
            previous = cost
    find = table["apis"]["HashMap::find"]
    assert find["unit"] == "probes" and find["per_unit_instructions"] > 0
    # a longer key costs more per compare
    assert evaluate(find, probes=2, compares=2, key_words=4)["instructions"] > evaluate(
        find, probes=2, compares=2, key_words=3)["instructions"]
    assert table["apis"]["click_in_cksum"]["per_unit_instructions"] > 0


@pytest.mark.parametrize("target", list_targets())
def test_api_cost_table_is_reproduced_from_compiler_output(target: str) -> None:
    """The shipped numbers are what the target's compiler gives today."""
    profile = load_target(target)
    if compiler_version(profile) is None:
        pytest.skip(f"{target}: compiler not installed")
    fresh = build_table(profile)
    shipped = json.loads((TABLE_DIR / f"{target}.json").read_text())
    for name, entry in fresh["apis"].items():
        old = shipped["apis"][name]
        for key in ("fixed_instructions", "per_unit_instructions", "fixed_memory",
                    "per_unit_memory"):
            assert entry[key] == old[key], (target, name, key)


def _bluefield2() -> dict[str, dict[str, object]]:
    return json.loads((TABLE_DIR / "bluefield2.json").read_text())["apis"]


def test_inline_members_cost_what_a_call_site_inlines() -> None:
    """bluefield2 (AArch64), read from the code: a header accessor is one load (ldr, its ret
    left out); has_network_header is that load, the call site's cbz being its own branch;
    a Timestamp comparison is two loads and a cmp; ntohs is one rev16."""
    apis = _bluefield2()

    def fixed(name: str) -> tuple[object, object]:
        entry = apis[name]["fixed"]
        assert isinstance(entry, dict)
        return entry["instructions"], entry["memory"]

    assert apis["Packet::network_header"]["kind"] == "inline"
    assert fixed("Packet::network_header") == (1, 1)
    assert fixed("Packet::has_network_header") == (1, 1)
    assert apis["Packet::has_network_header"]["less"] == "clara_nic_branch_reference"
    assert fixed("Timestamp::compare") == (3, 2)
    assert fixed("byteorder16") == (1, 0)
    # an update right after another keeps the sum in a register: no load, no store
    single, chained = fixed("click_update_in_cksum"), fixed("click_update_in_cksum/chained")
    assert chained[0] < single[0] and chained[1] == 0  # type: ignore[operator]
    # a repeat of an earlier update's words on another checksum reuses ~old + new: cheaper
    # than an update, but it loads and stores its own checksum; a chained repeat is the
    # cheapest of all (sum in a register and the words' part computed)
    repeated = fixed("click_update_in_cksum/repeated")
    both = fixed("click_update_in_cksum/chained+repeated")
    assert repeated[0] < single[0] and repeated[1] == single[1]  # type: ignore[operator]
    assert both[0] < chained[0] and both[1] == 0  # type: ignore[operator]
    # a call keeps its return: Packet::kill is a called function
    assert apis["Packet::kill"]["kind"] == "call"


def test_sized_table_operations_unroll_the_key_loops() -> None:
    """HashMap::find/k3 is the lookup compiled for a 3-word key: no per-key-word loop is
    left, so a compare costs a fixed amount; the run-time key size version keeps the loops."""
    apis = _bluefield2()
    sized, generic = apis["HashMap::find/k3"], apis["HashMap::find"]

    def per_unit(entry: dict[str, object], unit: str) -> float:
        terms = entry["terms"]
        assert isinstance(terms, list)
        return sum(t["instructions"] for t in terms if t["unit"] == unit)

    assert per_unit(sized, "compares*key_words") == per_unit(sized, "key_words") == 0
    assert per_unit(sized, "compares") > 0
    assert per_unit(generic, "compares*key_words") > 0 and per_unit(generic, "key_words") > 0
    for probes, compares in ((1, 1), (4, 0), (4, 2)):
        q = {"probes": probes, "compares": compares, "key_words": 3}
        assert evaluate(sized, "hit", **q)["instructions"] < evaluate(
            generic, "hit", **q)["instructions"]


def test_key_and_value_sized_insert_copies_the_value_without_a_loop() -> None:
    """HashMap::insert/k3v2 is compiled for a 3-word key and a 2-word value, as a typed host
    entry is: the value copy is unrolled (no per-value-word term), the slot stride is a
    constant (no load of the table's value size), so an update costs less than with the
    value size read at run time; the value words' loop stays in the key-sized version."""
    apis = _bluefield2()
    kv, k = apis["HashMap::insert/k3v2"], apis["HashMap::insert/k3"]
    assert [t for t in kv["terms"] if "value_words" in t["unit"] and t["instructions"]] == []
    assert any(t["unit"] == "value_words" and t["instructions"] > 0 for t in k["terms"])
    q = {"probes": 2, "compares": 1, "key_words": 3, "value_words": 2}
    for path in ("update", "new"):
        assert evaluate(kv, path, **q)["instructions"] < evaluate(k, path, **q)["instructions"]
    assert kv["fixed"]["memory"] < k["fixed"]["memory"]  # value_words not loaded


def hand_made(function: str, source: Path, address: int, line: int, mnemonic: str,
              operands: str = "", reference: str | None = None) -> AsmInstruction:
    """An instruction of a hand-made function; ``ldr`` is its only memory access."""
    return AsmInstruction(function, address, mnemonic, operands, mnemonic == "ldr",
                          "load" if mnemonic == "ldr" else None, str(source), line, "direct",
                          reference=reference)


def test_each_regions_and_one_epilogue(tmp_path: Path) -> None:
    """cost_function on a hand-made function: a loop (back edge from 0x18 to 0x8) whose
    conditional part is an @each region; two returns, each behind a copy of the epilogue."""
    source = tmp_path / "f.c"
    source.write_text("\n".join([
        "int f(void) {",            # 1
        "  /* @loop probes */",     # 2
        "  for (;;) {",             # 3
        "    /* @each compares */",  # 4
        "    x++;",                 # 5
        "    /* @end */",           # 6
        "  }",                      # 7
        "  /* @end */",             # 8
        "  return 0;",              # 9
        "}",                        # 10
    ]) + "\n")
    regions = parse_regions(source)
    assert [(r.kind, r.name, r.lines) for r in regions] == [
        ("loop", "probes", "3-7"), ("each", "compares", "5-5")]

    def insn(address: int, line: int, mnemonic: str = "add", operands: str = "") -> AsmInstruction:
        return hand_made("f", source, address, line, mnemonic, operands)

    insns = [insn(0x0, 1), insn(0x4, 3),                   # set-up: fixed
             insn(0x8, 3, "ldr"), insn(0xC, 5), insn(0x10, 5, "ldr"),  # in the loop
             insn(0x14, 3), insn(0x18, 3, "b.ne", "8 <f+0x8>"),
             insn(0x1C, 5),                                 # on the @each line, after the loop
             insn(0x20, 10, "ldp"), insn(0x24, 10, "ret"),  # epilogue copy 1
             insn(0x28, 9), insn(0x2C, 10, "ldp"), insn(0x30, 10, "ret")]  # return 0; copy 2
    cost = cost_function(insns, regions, returns=frozenset({0x24, 0x30}))
    terms = {t["unit"]: (t["instructions"], t["memory"]) for t in cost["terms"]}
    assert terms == {"probes": (3, 1), "compares": (2, 1)}
    # fixed: 0x0, 0x4, 0x1C (outside the loop: the next region out), 0x28 and ONE epilogue
    assert cost["fixed"]["instructions"] == 6
    # a call runs 0x0, 0x4, the loop, then 0x1C and the first epilogue: 0x28.. is never
    # reached (nothing branches there)
    assert cost["routes"] == {"": {"instructions": 5, "memory": 0}}


def test_routes_charge_each_path_the_fixed_code_it_runs(tmp_path: Path) -> None:
    """Two paths, one ending in a tail call: a call on ``next`` runs the test and jumps
    away, so the other path's return is not charged to it; no call runs neither path."""
    source = tmp_path / "g.c"
    source.write_text("\n".join([
        "int g(int *p) {",      # 1
        "  if (p) {",           # 2
        "    /* @path next */",  # 3
        "    sink(p);",         # 4
        "    /* @end */",       # 5
        "  }",                  # 6
        "  /* @path drop */",   # 7
        "  kill(p);",           # 8
        "  /* @end */",         # 9
        "  return 0;",          # 10
        "}",                    # 11
    ]) + "\n")
    regions = parse_regions(source)

    def insn(address: int, line: int, mnemonic: str, operands: str = "",
             reference: str | None = None) -> AsmInstruction:
        return hand_made("g", source, address, line, mnemonic, operands, reference)

    insns = [insn(0x0, 1, "ldr"), insn(0x4, 2, "cbz", "x0, 14 <g+0x14>"),
             insn(0x8, 4, "mov"), insn(0xC, 4, "b", "40 <sink>", "sink"),  # tail call
             insn(0x10, 10, "nop"),                                        # padding
             insn(0x14, 8, "mov"), insn(0x18, 8, "bl", "80 <kill>", "kill"),
             insn(0x1C, 10, "mov"), insn(0x20, 11, "ret")]
    cost = cost_function(insns, regions, returns=frozenset({0x20}))
    assert cost["routes"] == {"next": {"instructions": 2, "memory": 1},
                              "drop": {"instructions": 4, "memory": 1}}
    assert cost["fixed"]["instructions"] == 5  # every fixed instruction, the padding too
    entry = {**cost, "function": "g"}
    assert evaluate(entry, "next")["instructions"] == 2 + 2
    assert evaluate(entry, "drop")["instructions"] == 4 + 2
    assert evaluate(entry)["instructions"] == 6  # the costliest path
