"""Loop proofs (clara.accel.loop_proofs): loops cut out of a packet handler by opt-19's
loop-extract, run natively with live-ins chosen blind, their results tested against the
CRC / RFC 1071 / avalanche references; and detect_accelerators applying them."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

from clara.accel.detect import detect_accelerators
from clara.accel.loop_proofs import (
    LENGTH,
    Runnable,
    extract_loops,
    layouts,
    live_out_tests,
    prove_loops,
)
from clara.accel.proofs import prove_module
from clara.accel.semantic import checksum_match, ones_sum
from clara.analyze import analyze_module
from clara.toolchain.compile import CompileOptions
from clara.toolchain.llvm import find_llvm

# Three algorithms written inside a packet handler, each a loop whose result is a local
# (the fold, the final xor and the use come after the loop), and four look-alikes: a byte
# sum with a running maximum, a copy, and an XOR of 16-bit words (linear, but x^16 + 1 is no
# CRC). The line numbers below are this text's.
HANDLER = """#include <stdint.h>
struct pkt { uint8_t *data; uint32_t len; uint32_t port; };
static uint32_t drops, bytes_seen;
static uint8_t shadow[64];
int handle(struct pkt *p)
{
    if (p->len < 74) { drops++; return -1; }
    const uint8_t *ip = p->data + 14;
    uint32_t sum = 0;
    for (int i = 0; i < 20; i += 2)
        sum += (uint32_t) ip[i] << 8 | ip[i + 1];
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    if (sum != 0xFFFF) { drops++; return -1; }
    uint32_t h = 2166136261u;
    for (int i = 12; i < 20; i++) {
        h ^= ip[i];
        h *= 16777619u;
    }
    const uint8_t *pay = p->data + 34;
    uint32_t n = p->len - 34;
    uint32_t c = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < n; i++) {
        c ^= (i - 4 < 4) ? 0 : pay[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0x82F63B78u & (0u - (c & 1u)));
    }
    uint32_t bsum = 0, best = 0;
    for (uint32_t i = 0; i < n; i++) {
        bsum += pay[i];
        if (pay[i] > best) best = pay[i];
    }
    for (uint32_t i = 0; i < 64 && i < n; i++)
        shadow[i] = pay[i];
    uint32_t parity = 0;
    for (int i = 0; i < 20; i += 2)
        parity ^= (uint32_t) ip[i] << 8 | ip[i + 1];
    bytes_seen += bsum + best + parity;
    p->port = (h ^ ~c) & 3;
    return 0;
}
"""
CHECKSUM_LINE, HASH_LINE, CRC_LINE, BYTESUM_LINE, COPY_LINE, PARITY_LINE = 10, 16, 23, 29, 33, 36


def _ll(tmp_path: Path, text: str, opt: str = "-O0") -> Path:
    src, ll = tmp_path / "nf.c", tmp_path / f"nf{opt}.ll"
    src.write_text(text)
    subprocess.run([str(find_llvm().clang), "-S", "-emit-llvm", opt, "-g", "-Xclang",
                    "-disable-O0-optnone", "-fno-discard-value-names", "-w", str(src), "-o",
                    str(ll)], check=True)
    return ll


def test_extracted_loops_and_their_live_ins(tmp_path: Path) -> None:
    _, loops = extract_loops(_ll(tmp_path, HANDLER).read_text(), ["handle"], tmp_path / "x")
    by_line = {loop.line: loop for loop in loops}
    # every outermost loop of the handler (the fold's while loop too), named after it, with
    # its header's source line (the condition's)
    assert sorted(by_line) == [10, 12, 16, 23, 29, 33, 36]
    assert all(loop.parent == "handle" and loop.name.startswith("handle.") for loop in loops)
    # the checksum loop reads through the IP header pointer and leaves the sum
    assert by_line[CHECKSUM_LINE].inputs == ("ptr",)
    assert by_line[CHECKSUM_LINE].outputs == ("i32",)
    # the CRC loop also takes the payload length (computed before the loop)
    assert sorted(by_line[CRC_LINE].inputs) == ["i32", "ptr"]
    # the copy loop leaves nothing in a local: its work is memory
    assert by_line[COPY_LINE].outputs == ()


def test_layouts_cover_pointer_pairs_and_integer_roles() -> None:
    loop = Runnable("f.for.cond", "f", 3, "void", ("ptr", "i32", "ptr", "i1"), ("i32",))
    found = layouts(loop)
    # pointers in buffers of their own, or one LENGTH bytes past the other (a p < end walk)
    assert {layout.pointers for layout in found} == {
        ((0, 0), (1, 0)), ((0, 0), (0, LENGTH)), ((1, LENGTH), (1, 0))}
    # integers 0 or LENGTH (an i1 0 or 1), all-LENGTH first
    assert found[0].ints == (LENGTH, 1)
    assert {layout.ints for layout in found} == {(LENGTH, 1), (LENGTH, 0), (0, 1), (0, 0)}
    assert len(found) == 12


def test_checksum_up_to_a_constant() -> None:
    rng = random.Random(3)
    messages = [rng.randbytes(20) for _ in range(8)]
    pseudo = 0x1234 + 0x0006 + 20  # a pseudo-header sum the loop starts from
    sums = [pseudo + sum(int.from_bytes(m[i:i + 2], "big") for i in range(0, 20, 2))
            for m in messages]
    assert checksum_match(messages, sums, constant=True) == \
        "Internet one's-complement sum of 16-bit words, network order"
    assert checksum_match(messages, [0xFFFF ^ ones_sum(m, False) for m in messages],
                          constant=True) == \
        "Internet complemented checksum of 16-bit words, host (little-endian) order"
    # a byte sum is no 16-bit word sum plus a constant
    assert checksum_match(messages, [sum(m) for m in messages], constant=True) is None


def test_messages_keep_the_bytes_a_loop_skips_constant() -> None:
    tests = live_out_tests(0, 32, 0, (10, 11, 16, 17), random.Random(1))
    # the message spans offsets 10..17; 12..15 are not read: zero in every message
    assert all(len(m) == 8 and m[2:6] == bytes(4) for m in (*tests.crc, *tests.checksum))
    # the hash check flips only the bits the loop reads
    assert tests.hash_bits == 32


def test_handler_loops_are_proven(tmp_path: Path) -> None:
    for opt in ("-O0", "-O1"):
        proofs = prove_loops(_ll(tmp_path, HANDLER, opt).read_text(), ["handle"],
                             tmp_path / f"w{opt}")
        # a proof's line is the header's first located instruction: the condition at -O0,
        # the body's first line in a rotated -O1 loop
        found = {line: p for p in proofs for line in (p.line, p.line - 1)
                 if line in (CHECKSUM_LINE, HASH_LINE, CRC_LINE)}
        assert set(found) == {CHECKSUM_LINE, HASH_LINE, CRC_LINE} and len(proofs) == 3, opt
        assert found[CHECKSUM_LINE].cls == "checksum"
        assert found[CHECKSUM_LINE].detail.startswith(
            "Internet one's-complement sum of 16-bit words, network order (loop, 20 bytes")
        # CRC-32C: the reflected form of 0x82F63B78; bytes 4..7 taken as zero are no part
        # of the message the loop reads (40 bytes, LENGTH)
        assert found[CRC_LINE].detail == \
            "CRC-32, polynomial 0x1edc6f41, reflected (loop, 36 bytes)"
        assert found[HASH_LINE].cls == "hash" and "over 64 input bits" in found[HASH_LINE].detail
        assert all(p.function == "handle" for p in proofs)


def test_loop_proofs_override_the_model_in_detection(tmp_path: Path) -> None:
    src = tmp_path / "nf.c"
    src.write_text(HANDLER)
    module = analyze_module(src, CompileOptions(), tmp_path, "nf")
    proofs = prove_module(tmp_path / "nf.bc", tmp_path / "w", roots=["handle"])
    assert sorted((p.line, p.cls) for p in proofs) == \
        [(CHECKSUM_LINE, "checksum"), (HASH_LINE, "hash"), (CRC_LINE, "crc")]
    found = {d.first_line: d for d in detect_accelerators(module.features, proofs=proofs)}
    for line, cls in ((CHECKSUM_LINE, "checksum"), (HASH_LINE, "hash"), (CRC_LINE, "crc")):
        assert (found[line].region, found[line].cls, found[line].probability) == \
            ("loop", cls, 1.0)
        assert found[line].proof
    # look-alikes keep whatever the model says; no proof is attached to them
    assert all(not found[line].proof for line in (BYTESUM_LINE, COPY_LINE, PARITY_LINE)
               if line in found)


# Whole functions no simple signature fits, called blind: a header checksum whose length is
# implied (20 bytes behind one pointer), and two look-alikes: a lookup chained through a
# table behind a second pointer (random table entries mix like a hash, but which bytes are
# read depends on their contents) and a generator's step (mixes the state it advances).
BLIND = """#include <stdint.h>
struct hdr { uint8_t vhl, tos; uint16_t len, id, off; uint8_t ttl, p; uint16_t sum;
             uint32_t src, dst; };
uint16_t header_sum(const struct hdr *ip)
{
    const uint16_t *w = (const uint16_t *) ip;
    uint32_t s = 0;
    for (int i = 0; i < 10; i++)
        s += w[i];
    s = (s >> 16) + (s & 0xFFFF);
    s += s >> 16;
    return (uint16_t) ~s;
}
struct table { uint32_t slots[256]; };
uint32_t chained_lookup(const struct table *t, const uint8_t *key)
{
    uint32_t h = 0;
    for (int i = 0; i < 8; i++)
        h = t->slots[(h ^ key[i]) & 255];
    return h;
}
uint64_t splitmix_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
"""


def test_whole_functions_called_blind(tmp_path: Path) -> None:
    ll = _ll(tmp_path, BLIND)
    proofs = prove_module(ll, tmp_path / "w")
    assert [(p.function, p.cls, p.line) for p in proofs] == [("header_sum", "checksum", 0)]
    assert proofs[0].detail == ("Internet complemented checksum of 16-bit words, host "
                                "(little-endian) order (whole function, called blind, "
                                "20 bytes)")
    # the simple signatures of clara.accel.semantic call none of them
    assert prove_module(ll, tmp_path / "w2", loops=False) == []


def test_member_table_crc_is_proven_after_its_fill_loop(tmp_path: Path) -> None:
    # crc_lb's CRC-32 of a 13-byte flow key read from a table member that initialize()
    # fills: with the table random the result only mixes; after the fill loop it is a CRC
    # of the key's bytes (source and destination addresses and protocol from the IP
    # header, the ports given as integers), which come in another order than in memory
    src = Path(__file__).resolve().parents[1] / "examples" / "nfs" / "crc_lb.cc"
    ll = tmp_path / "crc_lb.ll"
    subprocess.run([str(find_llvm().clangxx), "-S", "-emit-llvm", "-O0", "-g", "-Xclang",
                    "-disable-O0-optnone", "-fno-discard-value-names", "-w", "-std=gnu++17",
                    "-I", str(src.parents[2] / "clara" / "include"), str(src), "-o", str(ll)],
                   check=True)
    push = "_ZN5Click15CRCLoadBalancer4pushEiPNS_6PacketE"
    proofs = prove_module(ll, tmp_path / "w", roots=[push])
    assert [(p.demangled.split("(")[0], p.cls, p.line) for p in proofs] == \
        [("Click::CRCLoadBalancer::crc32_tuple", "crc", 0)]
    assert proofs[0].detail == (
        "CRC-32, polynomial 0x04c11db7, reflected, over its bytes in another order (whole "
        "function, called blind, 9 bytes), after Click::CRCLoadBalancer::initialize("
        "Click::ErrorHandler*) filled its tables")
