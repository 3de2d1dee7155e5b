"""Ground-truth execution counts under QEMU (clara/runtime/qemu, docs/qemu-validation.md).

Real ``qemu-aarch64`` (Debian ``qemu-user``), the real bluefield2 cross compiler and the real
counting plugin: the counts of a hand-written aarch64 program are derived from its
disassembly; identical packets give identical counts; mini_nat under QEMU gives the same output
counts as the host driver on the same trace.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import REPO

from clara.errors import ClaraError
from clara.runtime.build import build_driver, run_driver
from clara.runtime.qemu.run import (
    FIELDS,
    ExecutionCounts,
    chain_split,
    count_execution,
    cross_build,
    qemu_program,
    read_pcs,
    run_counter,
)
from clara.targets.profile import load_target
from clara.workload.spec import iter_packets, parse_spec
from clara.workload.trace import TracePacket, write_pcap

CC = "aarch64-linux-gnu-gcc-12"
pytestmark = pytest.mark.skipif(
    shutil.which("qemu-aarch64") is None or shutil.which(CC) is None,
    reason="needs qemu-aarch64 (apt-get install qemu-user) and the bluefield2 cross compiler",
)

MINI_NAT = REPO / "examples" / "nfs" / "mini_nat.cc"
NAT_CONFIG = "1.2.3.4, 10000, 10999"
NAT_PORT = 1  # from the inside: outbound, output 1 (examples/nfs/configs.toml)

# Three "packets": each runs nf_work(N_COUNTED) between the begin/end markers, and
# nf_work(N_PAUSED) between pause/resume (not counted), then the loop goes round.
N_COUNTED = 100
N_PAUSED = 7
PACKETS = 3
PROGRAM = f"""
    .text
    .global _start
    .type _start, %function
_start:
    mov x19, #{PACKETS}
1:  bl clara_qemu_packet_begin
    mov x0, #{N_COUNTED}
    bl nf_work
    bl clara_qemu_pause
    mov x0, #{N_PAUSED}
    bl nf_work
    bl clara_qemu_resume
    bl clara_qemu_packet_end
    subs x19, x19, #1
    b.ne 1b
    mov x0, #0
    mov x8, #93          // exit
    svc #0
    .size _start, .-_start

    .global nf_work
    .type nf_work, %function
nf_work:                 // x0 = trips (>= 1)
    adrp x1, buf
    add x1, x1, :lo12:buf
    ldp x4, x5, [x1]
    mov x2, x0
2:  ldr x3, [x1]
    add x3, x3, #1
    str x3, [x1]
    subs x2, x2, #1
    b.ne 2b
    ret
    .size nf_work, .-nf_work

    .macro marker name
    .global \\name
    .type \\name, %function
\\name:
    ret
    .size \\name, .-\\name
    .endm
    marker clara_qemu_packet_begin
    marker clara_qemu_packet_end
    marker clara_qemu_pause
    marker clara_qemu_resume

    .bss
    .balign 16
buf: .skip 16
"""


def _disassembly(binary: Path) -> dict[str, list[str]]:
    """Function name -> mnemonics, from objdump."""
    out = subprocess.run(["aarch64-linux-gnu-objdump", "-d", str(binary)], capture_output=True,
                         text=True, check=True).stdout
    funcs: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in out.splitlines():
        head = re.match(r"^[0-9a-f]+ <(\w+)>:$", line)
        if head:
            current = funcs.setdefault(head.group(1), [])
        elif current is not None and re.match(r"^\s+[0-9a-f]+:\t", line):
            current.append(line.split("\t")[2].split()[0])
    return funcs


def _symbols(binary: Path) -> dict[str, tuple[int, int]]:
    out = subprocess.run(["aarch64-linux-gnu-nm", "-S", str(binary)], capture_output=True,
                         text=True, check=True).stdout
    return {p[3]: (int(p[0], 16), int(p[1], 16))
            for p in (ln.split() for ln in out.splitlines()) if len(p) == 4}


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("qemu-asm")
    (d / "t.S").write_text(PROGRAM)
    subprocess.run([CC, "-nostdlib", "-static", "-o", str(d / "t"), str(d / "t.S")], check=True)
    return d / "t"


def _run_program(program: Path, markers: bool) -> dict[str, object]:
    syms = _symbols(program)
    start, size = syms["nf_work"]
    ranges = program.with_suffix(".ranges")
    ranges.write_text(f"nf\n{start:x} {start + size:x} 0\n")
    marks = {k: syms[f"clara_qemu_{n}"][0] for k, n in
             [("begin", "packet_begin"), ("end", "packet_end"), ("pause", "pause"),
              ("resume", "resume")]} if markers else None
    counts, proc = run_counter(qemu_program(load_target("bluefield2")), program, [], ranges,
                               marks, options=["mnemonics=aarch64"])
    assert proc.returncode == 0, proc.stderr
    return counts


def test_counts_are_exact_on_a_hand_written_program(program: Path) -> None:
    funcs = _disassembly(program)
    # the disassembly, read: nf_work is 4 set-up instructions (adrp, add, ldp, mov), a 5
    # instruction loop body (ldr, add, str, subs, b.ne) and ret
    assert funcs["nf_work"] == ["adrp", "add", "ldp", "mov", "ldr", "add", "str", "subs", "b.ne",
                                "ret"]
    assert funcs["_start"][1:10] == ["bl", "mov", "bl", "bl", "mov", "bl", "bl", "bl", "subs"]

    def work(n: int) -> list[int]:
        # insns, memory instructions (ldp + n ldr + n str), load insns, store insns,
        # load accesses (the ldp makes two), store accesses, memory instructions by mnemonic
        return [4 + 5 * n + 1, 2 * n + 1, n + 1, n, n + 2, n, 2 * n + 1]

    counts = _run_program(program, markers=True)
    assert counts["categories"] == ["nf", "other"]
    assert counts["fields"] == list(FIELDS)
    assert counts["unbalanced_markers"] == 0
    # in a packet, "other" is _start's: mov + bl nf_work after begin, bl pause, bl packet_end
    # (the markers' own ret is never counted; the paused call is not counted)
    expected = [*work(N_COUNTED), 4, 0, 0, 0, 0, 0, 0]
    assert counts["packets"] == [expected] * PACKETS
    # outside packets: the paused calls
    assert counts["outside"][:7] == [PACKETS * v for v in work(N_PAUSED)]

    whole = _run_program(program, markers=False)  # no markers: the whole run is one record
    _start_insns = len(funcs["_start"])  # mov x19, 10 per round, 3 to exit
    assert _start_insns == 1 + 10 + 3
    marker_rets = 4 * PACKETS
    assert whole["packets"] == [[
        *[PACKETS * (a + b) for a, b in zip(work(N_COUNTED), work(N_PAUSED), strict=True)],
        1 + 10 * PACKETS + 3 + marker_rets, 0, 0, 0, 0, 0, 0,
    ]]


@pytest.fixture(scope="module")
def nat_binary() -> Path:
    return cross_build(MINI_NAT, "MiniNAT", "bluefield2")


def test_cross_build_is_static_aarch64_and_cached(nat_binary: Path) -> None:
    info = subprocess.run(["file", str(nat_binary)], capture_output=True, text=True,
                          check=False).stdout if shutil.which("file") else ""
    head = nat_binary.read_bytes()[:20]
    assert head[:4] == b"\x7fELF" and int.from_bytes(head[18:20], "little") == 183  # EM_AARCH64
    if info:
        assert "statically linked" in info
    meta = json.loads(nat_binary.with_suffix(".json").read_text())
    assert meta["target"] == "bluefield2" and "-mcpu=cortex-a72" in meta["compiler"]
    assert meta["ranges"]["nf"] > 0 and meta["ranges"]["api"] > 0
    assert cross_build(MINI_NAT, "MiniNAT", "bluefield2") == nat_binary


def test_identical_packets_give_identical_counts(nat_binary: Path, tmp_path: Path) -> None:
    first = next(iter_packets(parse_spec("packets=1,flows=1,proto=tcp,size=64")))
    trace = tmp_path / "same.pcap"
    write_pcap(trace, [TracePacket(i, first.timestamp_ns, first.data) for i in range(20)])
    result = count_execution(nat_binary, trace, NAT_CONFIG, NAT_PORT, require_ip=True)
    assert result.packets == 20
    rows = result.per_packet
    # the first packet makes the mapping (a HashMap insert); all later ones find it
    assert all((rows[i] == rows[1]).all() for i in range(2, 20))
    assert result.series("api")[0] > result.series("api")[1]
    assert result.series("nf")[1] > 0 and result.series("api")[1] > 0


def test_mini_nat_under_qemu_matches_the_host_driver(nat_binary: Path, tmp_path: Path) -> None:
    trace = tmp_path / "small.pcap"
    write_pcap(trace, iter_packets(parse_spec("small-flows,packets=300,flows=60")))
    result = count_execution(nat_binary, trace, NAT_CONFIG, NAT_PORT, require_ip=True)
    host = run_driver(build_driver(MINI_NAT, "MiniNAT", tmp_path / "host"), trace, NAT_CONFIG,
                      NAT_PORT, require_ip=True)
    assert isinstance(result, ExecutionCounts)
    assert tuple(result.driver["outputs"]) == host.outputs
    assert result.driver["given_to_element"] == host.given_to_element == result.packets
    assert result.driver["dropped"] == host.dropped
    assert result.driver["runtime"] == host.runtime
    # every packet runs some NF code and some API code; total is the sum
    assert (result.series("nf") > 0).all() and (result.series("api") > 0).all()
    assert np.array_equal(result.series("total"), result.series("nf") + result.series("api")
                          + result.series("other"))
    assert result.total.instructions == pytest.approx(
        result.nf.instructions + result.api.instructions + result.other.instructions)
    assert 0 < result.nf.memory <= result.nf.instructions
    # no memory access is missed: every executed ld*/st* made one, and nothing else did
    for category in ("nf", "api", "other"):
        assert np.array_equal(result.series(category, "mem_insns"),
                              result.series(category, "static_mem_insns")), category


def test_pcs_profile_and_call_chain_split_add_up(nat_binary: Path, tmp_path: Path) -> None:
    """The per-address profile (pcs=) sums to the per-packet records; splitting the element's
    code by call chain redistributes the nf + api counts without losing any."""
    trace = tmp_path / "small.pcap"
    write_pcap(trace, iter_packets(parse_spec("small-flows,packets=200,flows=40")))
    pcs = tmp_path / "nat.pcs"
    result = count_execution(nat_binary, trace, NAT_CONFIG, NAT_PORT, require_ip=True,
                             pcs=pcs)
    per_address = read_pcs(pcs)
    assert sum(e for e, _ in per_address.values()) == result.series("total").sum()
    assert sum(m for _, m in per_address.values()) == result.series("total", "mem_insns").sum()
    split = chain_split(nat_binary, pcs, result.packets)
    assert split.nf[0] + split.api[0] == pytest.approx(
        result.nf.instructions + result.api.instructions)
    assert split.nf[1] + split.api[1] == pytest.approx(result.nf.memory + result.api.memory)
    # MiniNAT's outbound path calls HashMap::findp and pushes on a port: both are API time,
    # and its own key type's hashcode/operator== (its header: nf by DWARF file) runs inside
    # the HashMap call, so the call-chain API part is larger than the DWARF one
    assert {"HashMap::find", "Element::output_push"} <= set(split.apis)
    assert split.api[0] > result.api.instructions


def test_ground_truth_build_has_no_profiling_calls(nat_binary: Path) -> None:
    """no_api_events.h removes every call of the profiling hook, glue.cc's included (the
    calls the runtime's own .cc files make: Timestamp::now, IPFlowID, click_in_cksum...)."""
    out = subprocess.run(["aarch64-linux-gnu-objdump", "-d", str(nat_binary)],
                         capture_output=True, text=True, check=True).stdout
    assert "clara_rt_api_event>:" in out  # glue.cc still defines the (weak, empty) hook
    assert not re.search(r"\bbl\s+[0-9a-f]+ <clara_rt_api_event>", out)


def test_missing_qemu_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ClaraError, match="apt-get install qemu-user"):
        qemu_program(load_target("bluefield2"))
    assert os.environ["PATH"] == str(tmp_path)
