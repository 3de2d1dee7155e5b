"""The semantic check of CRC / Internet-checksum candidates (clara.accel.semantic): the maths on
hand-computed values, and real clang-19 builds of small functions run on test vectors."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from clara.accel.detect import detect_accelerators
from clara.accel.semantic import (
    Signature,
    checksum_match,
    checksum_vectors,
    crc0,
    crc_match,
    crc_vectors,
    ones_sum,
    prove_module,
    role_assignments,
    signatures,
)
from clara.analyze import analyze_module
from clara.toolchain.compile import CompileOptions
from clara.toolchain.llvm import find_llvm

CRC32_BITWISE = """
#include <stdint.h>
#include <stddef.h>
static uint32_t crc32_sw(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}
uint32_t handle(const uint8_t *pkt, size_t len)
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
uint32_t fnv1a(const uint8_t *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}
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


@pytest.mark.parametrize("opt", ["-O0", "-O1"])
def test_real_builds_are_proven(tmp_path: Path, opt: str) -> None:
    proofs = {p.function: p for name, text in (("crc32", CRC32_BITWISE),
                                                ("crc16", CRC16_MSB), ("inet", INET))
              for p in prove_module(_ll(tmp_path, name, text, opt), tmp_path / "w")}
    assert proofs["xmodem"].detail == "CRC-16, polynomial 0x1021, not reflected"
    assert proofs["inet_csum"].cls == "checksum"
    assert proofs["inet_csum"].detail == \
        "Internet complemented checksum of 16-bit words, network order"
    # the packet function's result is a CRC of the bytes after the 14th only, not of the
    # message it is given: no proof
    assert "handle" not in proofs
    if opt == "-O0":  # the static helper survives only unoptimised
        assert proofs["crc32_sw"].detail == "CRC-32, polynomial 0x04c11db7, reflected"


def test_hashes_rotations_and_uninitialised_tables_are_not_proven(tmp_path: Path) -> None:
    assert prove_module(_ll(tmp_path, "neg", NOT_PROVEN), tmp_path / "w") == []


def test_proof_overrides_model_on_inlined_helper(tmp_path: Path) -> None:
    src = tmp_path / "nf.c"
    src.write_text(CRC32_BITWISE)
    module = analyze_module(src, CompileOptions(), tmp_path, "nf")
    proofs = prove_module(tmp_path / "nf.bc", tmp_path / "w")
    assert [p.function for p in proofs] == ["crc32_sw"]
    found = detect_accelerators(module.features, proofs=proofs)
    proven = [d for d in found if d.proof]
    assert [(d.cls, d.region, d.probability) for d in proven] == [("crc", "loop", 1.0)]
    assert proven[0].function == "handle" and 6 <= proven[0].first_line <= 9
    assert proven[0].proof == "CRC-32, polynomial 0x04c11db7, reflected"
