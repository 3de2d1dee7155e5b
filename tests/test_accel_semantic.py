"""The semantic check of CRC / Internet-checksum / hash candidates (clara.accel.semantic): the
maths on hand-computed values, and real clang-19 builds of small functions run on test
vectors."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from clara.accel.detect import class_with_proof, detect_accelerators
from clara.accel.proofs import prove_module
from clara.accel.semantic import (
    Proof,
    Signature,
    avalanche_match,
    checksum_match,
    checksum_vectors,
    crc0,
    crc_match,
    crc_vectors,
    hash_inputs,
    hash_role_assignments,
    ones_sum,
    role_assignments,
    signatures,
)
from clara.analyze import analyze_module
from clara.toolchain.compile import CompileOptions
from clara.toolchain.llvm import find_llvm

CRC32_HELPER = """static uint32_t crc32_sw(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}
"""

CRC32_BITWISE = """
#include <stdint.h>
#include <stddef.h>
""" + CRC32_HELPER + """uint32_t handle(const uint8_t *pkt, size_t len)
{
    if (len < 14)
        return 0;
    return crc32_sw(pkt + 14, len - 14) ^ 5u;
}
"""

# CRC-16/XMODEM, MSB first, running value first (zlib-style argument order), 32-bit length
CRC16_MSB = """
#include <stdint.h>
uint16_t xmodem(uint16_t crc, const unsigned char *p, uint32_t n)
{
    while (n--) {
        crc ^= (uint16_t) (*p++ << 8);
        for (int k = 0; k < 8; k++)
            crc = (crc & 0x8000) ? (uint16_t) ((crc << 1) ^ 0x1021) : (uint16_t) (crc << 1);
    }
    return crc;
}
"""

INET = """
#include <stdint.h>
#include <stddef.h>
uint16_t inet_csum(const void *data, size_t len)
{
    const uint8_t *p = data;
    uint32_t sum = 0;
    for (; len > 1; len -= 2, p += 2)
        sum += (uint32_t) (p[0] << 8 | p[1]);
    if (len)
        sum += (uint32_t) (p[0] << 8);
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return (uint16_t) ~sum;
}
"""

NOT_PROVEN = """
#include <stdint.h>
#include <stddef.h>
uint32_t xor_words(const uint8_t *p, size_t n)   /* GF(2)-linear, but x^32 + 1: a rotation */
{
    uint32_t x = 0;
    for (size_t i = 0; i + 4 <= n; i += 4)
        x ^= (uint32_t) p[i] << 24 | (uint32_t) p[i + 1] << 16
             | (uint32_t) p[i + 2] << 8 | p[i + 3];
    return x;
}
static uint32_t table[256];
void crc_table_init(void)
{
    for (uint32_t b = 0; b < 256; b++) {
        uint32_t r = b;
        for (int k = 0; k < 8; k++)
            r = (r >> 1) ^ (0xEDB88320u & (0u - (r & 1u)));
        table[b] = r;
    }
}
uint32_t crc_needs_init(const uint8_t *p, size_t n)   /* table filled elsewhere */
{
    uint32_t c = 0xFFFFFFFFu;
    while (n--)
        c = table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return ~c;
}
"""


# hashes: a byte loop over a buffer, a finalizer of one word, a keyed struct hash (member
# reads through a pointer), Jenkins' final mix of three words; and what is not a hash though
# it shifts, multiplies or mixes: packing, one multiply-shift, one hash_combine round, an
# xorshift and an LCG step, an EWMA, a generator with hidden state or with its state passed
# in, a GF(2)-linear map
HASHES = """
#include <stdint.h>
#include <stddef.h>
uint32_t fnv1a(const uint8_t *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}
static uint32_t fmix32(uint32_t h)
{
    h ^= h >> 16; h *= 0x85EBCA6Bu; h ^= h >> 13; h *= 0xC2B2AE35u; h ^= h >> 16;
    return h;
}
struct flow { uint32_t src, dst; uint16_t sport, dport; uint8_t proto; };
uint32_t flow_hash(const struct flow *f)
{
    uint32_t h = f->src * 0xCC9E2D51u;
    h = (h << 15 | h >> 17) * 0x1B873593u;
    h ^= f->dst;
    h = (h << 13 | h >> 19) * 5u + 0xE6546B64u;
    h ^= (uint32_t) f->sport << 16 | f->dport;
    return fmix32(h ^ f->proto);
}
#define ROT(x, k) ((x) << (k) | (x) >> (32 - (k)))
uint32_t final3(uint32_t a, uint32_t b, uint32_t c)
{
    c ^= b; c -= ROT(b, 14); a ^= c; a -= ROT(c, 11); b ^= a; b -= ROT(a, 25);
    c ^= b; c -= ROT(b, 16); a ^= c; a -= ROT(c, 4); b ^= a; b -= ROT(a, 14);
    c ^= b; c -= ROT(b, 24);
    return c;
}
uint32_t pack(uint16_t a, uint16_t b) { return (uint32_t) a << 16 | b; }
uint32_t mul_shift(uint32_t x) { return (x * 0x9E3779B1u) >> 20; }
uint32_t combine(uint32_t h, uint32_t x) { return h ^ (x + 0x9E3779B9u + (h << 6) + (h >> 2)); }
uint32_t xorshift(uint32_t x) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; return x; }
uint32_t lcg(uint32_t x) { return x * 1103515245u + 12345u; }
uint32_t ewma(uint32_t avg, uint32_t x) { return avg + (uint32_t) ((int32_t) (x - avg) >> 3); }
static uint32_t state = 1;
uint32_t draw(uint32_t n) { state = state * 1664525u + 1013904223u; return fmix32(state) % n; }
uint32_t parity_map(uint32_t x) { return x ^ (x >> 7) ^ (x << 11) ^ ((x >> 3) & 0x5555u); }
struct responder { unsigned char ports[40]; uint32_t isn_counter; };
uint32_t isn(struct responder *r, uint32_t saddr, uint32_t daddr)   /* RFC 6528: F() + M */
{
    uint32_t h = (saddr ^ 0x5BD1E995u) * 0x9E3779B1u;
    h = (h ^ (h >> 15) ^ daddr) * 0x85EBCA77u;
    h ^= h >> 13; h *= 0xC2B2AE3Du; h ^= h >> 16;
    r->isn_counter += 64000;   /* a member past the bytes the check flips */
    return h + r->isn_counter;
}
uint64_t splitmix(uint64_t *s)   /* mixes like a hash, but advances the state it is given */
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}
"""


def _ll(tmp: Path, name: str, text: str, opt: str = "-O0") -> Path:
    src = tmp / f"{name}.c"
    src.write_text(text)
    out = tmp / f"{name}{opt}.ll"
    subprocess.run([str(find_llvm().clang), "-S", "-emit-llvm", opt, "-w", str(src), "-o",
                    str(out)], check=True)
    return out


def test_crc_maths_by_hand() -> None:
    # CRC-32/ISO-HDLC (init and xor-out all ones) of "123456789" is 0xCBF43926; crc0 is its
    # linear part: the full CRC = crc0(data) ^ crc0 of the init's effect, so a difference of two
    # messages' CRCs equals crc0 of their XOR
    poly = 0x04C11DB7
    a, b = b"123456789", b"987654321"
    full = {m: crc0(bytes(x ^ y for x, y in zip(m, b"\xff\xff\xff\xff" + bytes(5),
                                               strict=True)), 32, poly, True) ^ 0xFFFFFFFF
            for m in (a, b)}
    assert full[a] == 0xCBF43926
    assert full[a] ^ full[b] == crc0(bytes(x ^ y for x, y in zip(a, b, strict=True)), 32,
                                     poly, True)


def test_crc_match_finds_polynomial_and_rejects_other_linear_maps() -> None:
    vectors = crc_vectors(random.Random(3))
    # CRC-16/ARC (0x8005 reflected, init 0) with an xor-out: any affine CRC is recognised
    arc = [crc0(v, 16, 0x8005, True) ^ 0x1234 for v in vectors]
    assert crc_match(vectors, arc, 16) == "CRC-16, polynomial 0x8005, reflected"
    assert crc_match(vectors, arc, 32) == "CRC-16, polynomial 0x8005, reflected"
    # the same values do not fit an 8-bit return type
    assert crc_match(vectors, arc, 8) is None
    # Toeplitz-like GF(2)-linear map (each input bit selects a key window): not a CRC
    key = random.Random(5).getrandbits(64 * 8 + 32)

    def toeplitz(data: bytes) -> int:
        out = 0
        for i in range(len(data) * 8):
            if data[i // 8] >> (7 - i % 8) & 1:
                out ^= (key >> (64 * 8 - i)) & 0xFFFFFFFF
        return out

    assert crc_match(vectors, [toeplitz(v) for v in vectors], 32) is None


def test_checksum_match() -> None:
    vectors = checksum_vectors(random.Random(4))
    # ones_sum by hand: 0x0102 + 0x0304 = 0x0406; 0xFFFF + 0x0002 folds to 0x0002
    assert ones_sum(b"\x01\x02\x03\x04", True) == 0x0406
    assert ones_sum(b"\xff\xff\x00\x02", True) == 0x0002
    assert ones_sum(b"\x01\x02\x03", True) == 0x0402
    host = [ones_sum(v, False) for v in vectors]
    assert checksum_match(vectors, host) == \
        "Internet one's-complement sum of 16-bit words, host (little-endian) order"
    unfolded = [sum(int.from_bytes(v[i:i + 2], "big") for i in range(0, len(v), 2))
                for v in vectors]
    assert checksum_match(vectors, unfolded) == \
        "Internet one's-complement sum of 16-bit words, network order"
    assert checksum_match(vectors, [v ^ 1 for v in host]) is None


def test_signatures_and_roles() -> None:
    text = ("define dso_local zeroext i16 @f(i16 noundef zeroext %0, ptr noundef %1, "
            "i32 noundef %2) #0 {\n}\ndefine internal i32 @g(ptr %p, i64 %n) {\n}\n"
            "define void @h(ptr %p, i64 %n) {\n}\n"
            "define linkonce_odr i32 @_ZN1A1kEPKhm(ptr noundef nonnull align 4 "
            "dereferenceable(13) %0, i64 %1) #2 personality ptr @__gxx_personality_v0 {\n}\n")
    sigs = signatures(text)
    assert sigs == [Signature("f", "i16", ("i16", "ptr", "i32"), False),
                    Signature("g", "i32", ("ptr", "i64"), True),
                    Signature("h", "void", ("ptr", "i64"), False),
                    Signature("_ZN1A1kEPKhm", "i32", ("ptr", "i64"), False)]
    # the i16 cannot be a length: one way to call f; h returns nothing: none
    assert role_assignments(sigs[0]) == [("zero", "data", "len")]
    assert role_assignments(sigs[1]) == [("data", "len")]
    assert role_assignments(sigs[2]) == []
    # a leading pointer before a simple signature: a method's this, given zeroed memory
    assert role_assignments(Signature("m", "i16", ("ptr", "ptr", "i32"), False)) == \
        [("object", "data", "len")]
    assert role_assignments(Signature("n", "i16", ("ptr", "ptr", "ptr", "i32"), False)) == []


@pytest.mark.parametrize("opt", ["-O0", "-O1"])
def test_real_builds_are_proven(tmp_path: Path, opt: str) -> None:
    proofs = {p.function: p for name, text in (("crc32", CRC32_BITWISE),
                                                ("crc16", CRC16_MSB), ("inet", INET))
              for p in prove_module(_ll(tmp_path, name, text, opt), tmp_path / "w",
                                           loops=False)}
    assert proofs["xmodem"].detail == "CRC-16, polynomial 0x1021, not reflected"
    assert proofs["inet_csum"].cls == "checksum"
    assert proofs["inet_csum"].detail == \
        "Internet complemented checksum of 16-bit words, network order"
    # the packet function's result is a CRC of the bytes after the 14th only, not of the
    # message it is given: no proof
    assert "handle" not in proofs
    if opt == "-O0":  # the static helper survives only unoptimised
        assert proofs["crc32_sw"].detail == "CRC-32, polynomial 0x04c11db7, reflected"


def test_rotations_and_uninitialised_tables_are_not_proven(tmp_path: Path) -> None:
    assert prove_module(_ll(tmp_path, "neg", NOT_PROVEN), tmp_path / "w") == []


def test_hash_role_assignments() -> None:
    # a pointer beside a 32/64-bit integer: that integer as the buffer's length first
    assert hash_role_assignments(Signature("f", "i32", ("ptr", "i64"), False)) == \
        [("data", "len"), ("data", "word")]
    assert hash_role_assignments(Signature("g", "i64", ("i32", "i32", "i16"), False)) == \
        [("word", "word", "word")]
    assert hash_role_assignments(Signature("k", "i32", ("ptr", "ptr", "i32"), False)) == \
        [("data", "data", "word")]
    # an 8-bit result, three pointers, no parameter or a float: not checked
    for sig in (Signature("a", "i8", ("i32",), False), Signature("b", "i32", ("ptr",) * 3, False),
                Signature("c", "i32", (), False), Signature("d", "i32", ("double",), False)):
        assert hash_role_assignments(sig) == []


def _fmix32(h: int) -> int:
    h ^= h >> 16
    h = h * 0x85EBCA6B & 0xFFFFFFFF
    h ^= h >> 13
    h = h * 0xC2B2AE35 & 0xFFFFFFFF
    return h ^ h >> 16


def test_avalanche_maths() -> None:
    sig = Signature("f", "i32", ("i32",), False)
    calls, widths = hash_inputs(sig, ("word",), random.Random(2))
    # HASH_BASES bases with 32 neighbours each, the bases again, 4 quadruples
    assert widths == [32] and len(calls) == 8 * 33 + 8 + 16
    assert calls[1].words[0] == calls[0].words[0] ^ 1
    assert calls[33 + 32].words[0] == calls[33].words[0] ^ 1 << 31
    x, y, z, w = calls[-4:]
    assert w.words[0] == x.words[0] ^ y.words[0] ^ z.words[0]
    evidence = avalanche_match([_fmix32(c.words[0]) for c in calls], 32)
    assert evidence is not None and evidence.endswith("over 32 input bits; not GF(2)-linear")
    # a rotation flips exactly one output bit per input bit; a shift-xor mix is GF(2)-linear
    # (and diffuses too little)
    assert avalanche_match([(c.words[0] << 5 | c.words[0] >> 27) & 0xFFFFFFFF
                            for c in calls], 32) is None
    assert avalanche_match([c.words[0] ^ c.words[0] >> 3 ^ (c.words[0] << 9 & 0xFFFFFFFF)
                            for c in calls], 32) is None
    # hidden state: the repeated bases give other results
    noisy = [_fmix32(c.words[0]) for c in calls]
    noisy[8 * 33] ^= 1
    assert avalanche_match(noisy, 32) is None


@pytest.mark.parametrize("opt", ["-O0", "-O1"])
def test_hashes_are_proven_and_look_alikes_are_not(tmp_path: Path, opt: str) -> None:
    proofs = {p.function: p for p in prove_module(_ll(tmp_path, "hashes", HASHES, opt),
                                                  tmp_path / "w")}
    assert all(p.cls == "hash" for p in proofs.values())
    # 13 bytes of the flow struct are read: 104 input bits; 3 words: 96; the byte loop reads
    # the HASH_KEY_BYTES bytes it is given as its length
    assert "over 104 input bits" in proofs["flow_hash"].detail
    assert "over 96 input bits" in proofs["final3"].detail
    assert "over 256 input bits" in proofs["fnv1a"].detail
    # isn writes its counter but hashes integer inputs: a hash; splitmix only advances and
    # mixes the state behind its pointer: a generator
    expected = {"fnv1a", "flow_hash", "final3", "isn"} | ({"fmix32"} if opt == "-O0" else set())
    assert set(proofs) == expected


def test_proof_overrides_model_on_inlined_helper(tmp_path: Path) -> None:
    src = tmp_path / "nf.c"
    src.write_text(CRC32_BITWISE)
    module = analyze_module(src, CompileOptions(), tmp_path, "nf")
    # the packet function (a root) is not called blind: its result is the NF's, and a
    # proof of it would cover all of its code
    proofs = prove_module(tmp_path / "nf.bc", tmp_path / "w", roots=["handle"])
    assert [p.function for p in proofs] == ["crc32_sw"]
    found = detect_accelerators(module.features, proofs=proofs)
    proven = [d for d in found if d.proof]
    assert [(d.cls, d.region, d.probability) for d in proven] == [("crc", "loop", 1.0)]
    assert proven[0].function == "handle" and 6 <= proven[0].first_line <= 9
    assert proven[0].proof == "CRC-32, polynomial 0x04c11db7, reflected"


HANDLER_WITH_HELPERS = """
#include <stdint.h>
#include <stddef.h>
static uint32_t fmix32(uint32_t h)
{
    h ^= h >> 16; h *= 0x85EBCA6Bu; h ^= h >> 13; h *= 0xC2B2AE35u; h ^= h >> 16;
    return h;
}
""" + CRC32_HELPER + """uint32_t handle(const uint8_t *pkt, size_t len)
{
    if (len < 34)
        return 0;
    uint32_t key = (uint32_t) pkt[26] << 24 | (uint32_t) pkt[27] << 16 | pkt[28] << 8 | pkt[29];
    return (fmix32(key) & 1023) ^ crc32_sw(pkt, 14) ^ crc32_sw(pkt + 14, 20);
}
"""


def test_proven_helpers_in_a_packet_function(tmp_path: Path) -> None:
    # a loop-free hash finalizer inlined into the packet function becomes an inlined region
    # of its own, with the proof's class; the CRC helper inlined at two call sites is one
    # detection (its two loop copies share their source line)
    src = tmp_path / "nf.c"
    src.write_text(HANDLER_WITH_HELPERS)
    module = analyze_module(src, CompileOptions(), tmp_path, "nf")
    proofs = prove_module(tmp_path / "nf.bc", tmp_path / "w", roots=["handle"])
    assert {p.function: p.cls for p in proofs} == {"fmix32": "hash", "crc32_sw": "crc"}
    found = [d for d in detect_accelerators(module.features, proofs=proofs) if d.proof]
    assert [(d.cls, d.region, d.helper) for d in found if d.cls == "hash"] == \
        [("hash", "inlined", "fmix32")]
    crc = [d for d in found if d.cls == "crc"]
    assert len(crc) == 1 and crc[0].region == "loop" and 12 <= crc[0].first_line <= 16
    # roots limit the check to what the packet path reaches
    assert prove_module(tmp_path / "nf.bc", tmp_path / "w2", roots=["nowhere"]) == []


def test_class_with_proof() -> None:
    proof = Proof("f", "hash", "avalanche")
    # a hash proof is a hash, unless the model calls the code's regions crypto more often
    assert class_with_proof(proof, ["none", "hash"]) == "hash"
    assert class_with_proof(proof, ["none", "crypto"]) == "crypto"
    assert class_with_proof(proof, ["crypto", "hash", "hash"]) == "hash"
    assert class_with_proof(proof, []) == "hash"
    assert class_with_proof(Proof("g", "crc", "CRC-32"), ["crypto"]) == "crc"


MEMBER_CHECKSUM = """
#include <stdint.h>
struct Encap {
    uint32_t packets;
    uint16_t header_sum(const unsigned char *h, unsigned len) const;
};
uint16_t Encap::header_sum(const unsigned char *h, unsigned len) const
{
    uint32_t s = packets;   /* a member: zero when checked */
    for (unsigned i = 0; i + 1 < len; i += 2)
        s += (uint32_t) (h[i] << 8 | h[i + 1]);
    if (len & 1)
        s += (uint32_t) (h[len - 1] << 8);
    while (s >> 16)
        s = (s & 0xFFFF) + (s >> 16);
    return (uint16_t) ~s;
}
"""


def test_method_checksum_is_proven(tmp_path: Path) -> None:
    src = tmp_path / "encap.cc"
    src.write_text(MEMBER_CHECKSUM)
    ll = tmp_path / "encap.ll"
    subprocess.run([str(find_llvm().clangxx), "-S", "-emit-llvm", "-O0", "-w", str(src), "-o",
                    str(ll)], check=True)
    proofs = prove_module(ll, tmp_path / "w")
    assert [(p.demangled, p.cls) for p in proofs] == \
        [("Encap::header_sum(unsigned char const*, unsigned int) const", "checksum")]

