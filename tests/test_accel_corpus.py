"""The accelerator corpus (crc, checksum, hash) is correct, and its variants compile and behave.

Every corpus file of those classes is compiled (cleanly, -Wall -Wextra, at -O0 and -O1) into a
shared library, and its entry function, called through ctypes as its ``clara-corpus:`` tag's
signature kind says, is compared with an independent Python reference on many inputs. The
references are themselves checked against published values first: the CRC catalogue's check
value of "123456789" for each parameter set, zlib/binascii, RFC examples, the Murmur3 and
SipHash test vectors, the Microsoft RSS verification suite for Toeplitz.

The tag format of every corpus file (all classes) is checked too, and ``variants.py``:
variants compile, are deterministic for a seed, and renaming changes names but not behaviour.
"""

from __future__ import annotations

import binascii
import ctypes
import random
import re
import struct
import subprocess
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from clara.accel.variants import (
    CLASS_DIRS,
    CONFIGS,
    CORPUS_DIR,
    SOURCE_TRANSFORMS,
    compile_variants,
    corpus_files,
    implementation_id,
    parse_corpus_tag,
    read_tag,
    rename_source,
)
from clara.toolchain.llvm import find_llvm

MY_CLASSES = ("crc", "checksum", "hash")
FILES = corpus_files(MY_CLASSES)
ALLOWED_INCLUDES = {"stdint.h", "stddef.h", "string.h"}
SIGNATURE_KINDS = {
    "buf_len_u8", "buf_len_u16", "buf_len_u32", "buf_len_u64",
    "update_u16", "update_u32", "update_u64", "struct_u16", "struct_u32", "struct_u64",
    "buf_len_seed_u32", "buf_len_seed_u64", "key_buf_len_u32", "key_buf_len_u64",
    "buf_len_u128", "hdr20_u16", "incr_u16", "incr32_u16", "pseudo4_u16", "pseudo6_u16",
    "tuple5_u32", "isn4_u32", "lpm_u32",
    "key_in_out", "key_buf_len_out", "opaque",
}
M32 = (1 << 32) - 1
M64 = (1 << 64) - 1
CHECK_INPUT = b"123456789"


# ------------------------------------------------------------------------------------------
# references: CRC (the Rocksoft/Williams parameter model, bit by bit)

def _reflect(value: int, width: int) -> int:
    out = 0
    for i in range(width):
        if value >> i & 1:
            out |= 1 << (width - 1 - i)
    return out


def crc_model(width: int, poly: int, init: int, refin: bool, refout: bool, xorout: int,
              data: bytes) -> int:
    mask = (1 << width) - 1
    top = 1 << (width - 1)
    reg = init
    for byte in data:
        if refin:
            byte = _reflect(byte, 8)
        reg ^= byte << (width - 8)
        for _ in range(8):
            reg = ((reg << 1) ^ poly) & mask if reg & top else (reg << 1) & mask
    if refout:
        reg = _reflect(reg, width)
    return reg ^ xorout


# name: (width, poly, init, refin, refout, xorout, check)
CRC_CATALOGUE: dict[str, tuple[int, int, int, bool, bool, int, int]] = {
    "crc-8/smbus": (8, 0x07, 0, False, False, 0, 0xF4),
    "crc-8/maxim-dow": (8, 0x31, 0, True, True, 0, 0xA1),
    "crc-16/ibm-3740": (16, 0x1021, 0xFFFF, False, False, 0, 0x29B1),
    "crc-16/xmodem": (16, 0x1021, 0, False, False, 0, 0x31C3),
    "crc-16/kermit": (16, 0x1021, 0, True, True, 0, 0x2189),
    "crc-16/arc": (16, 0x8005, 0, True, True, 0, 0xBB3D),
    "crc-16/modbus": (16, 0x8005, 0xFFFF, True, True, 0, 0x4B37),
    "crc-32/iso-hdlc": (32, 0x04C11DB7, M32, True, True, M32, 0xCBF43926),
    "crc-32/bzip2": (32, 0x04C11DB7, M32, False, False, M32, 0xFC891918),
    "crc-32/mpeg-2": (32, 0x04C11DB7, M32, False, False, 0, 0x0376E6E7),
    "crc-32/iscsi": (32, 0x1EDC6F41, M32, True, True, M32, 0xE3069283),
    "crc-64/ecma-182": (64, 0x42F0E1EBA9EA3693, 0, False, False, 0, 0x6C40DF5F0B497347),
    "crc-64/xz": (64, 0x42F0E1EBA9EA3693, M64, True, True, M64, 0x995DC9BBDF1939FA),
    "crc-64/go-iso": (64, 0x1B, M64, True, True, M64, 0xB90956C775A41001),
    "crc-8/autosar": (8, 0x2F, 0xFF, False, False, 0xFF, 0xDF),
    "crc-16/usb": (16, 0x8005, 0xFFFF, True, True, 0xFFFF, 0xB4C8),
    "crc-16/genibus": (16, 0x1021, 0xFFFF, False, False, 0xFFFF, 0xD64E),
    "crc-24/openpgp": (24, 0x864CFB, 0xB704CE, False, False, 0, 0x21CF02),
    "crc-32/autosar": (32, 0xF4ACFB13, M32, True, True, M32, 0x1697D06A),
    "crc-32/cksum": (32, 0x04C11DB7, 0, False, False, M32, 0x765E7680),
    "crc-64/we": (64, 0x42F0E1EBA9EA3693, M64, False, False, M64, 0x62EC59E3F1A4F00A),
}


def crc_ref(name: str) -> Callable[[bytes], int]:
    w, poly, init, refin, refout, xorout, _ = CRC_CATALOGUE[name]
    return lambda data: crc_model(w, poly, init, refin, refout, xorout, data)


# ------------------------------------------------------------------------------------------
# references: Internet checksum (RFC 1071 / 1624), written from the RFC's definition

def inet_sum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f">{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def inet_cksum(data: bytes) -> int:
    return ~inet_sum(data) & 0xFFFF


def ones_add(a: int, b: int) -> int:
    s = a + b
    return (s & 0xFFFF) + (s >> 16)


def rfc1624(hc: int, m: int, m_new: int) -> int:
    return ~ones_add(ones_add(~hc & 0xFFFF, ~m & 0xFFFF), m_new) & 0xFFFF


def pseudo_v4(saddr: int, daddr: int, proto: int, l4: bytes) -> bytes:
    return struct.pack(">IIBBH", saddr, daddr, 0, proto, len(l4)) + l4


def pseudo_v6(saddr: bytes, daddr: bytes, next_header: int, l4: bytes) -> bytes:
    """RFC 8200 section 8.1: addresses, 32-bit upper-layer length, 3 zero bytes, next header."""
    return saddr + daddr + struct.pack(">I3xB", len(l4), next_header) + l4


# ------------------------------------------------------------------------------------------
# references: hashes, written from their definitions

def _rotl32(x: int, r: int) -> int:
    return ((x << r) | (x >> (32 - r))) & M32


def _rotl64(x: int, r: int) -> int:
    return ((x << r) | (x >> (64 - r))) & M64


def oaat(data: bytes) -> int:
    h = 0
    for b in data:
        h = (h + b) & M32
        h = (h + (h << 10)) & M32
        h ^= h >> 6
    h = (h + (h << 3)) & M32
    h ^= h >> 11
    return (h + (h << 15)) & M32


def _lookup3_final(a: int, b: int, c: int) -> int:
    c ^= b; c = (c - _rotl32(b, 14)) & M32  # noqa: E702
    a ^= c; a = (a - _rotl32(c, 11)) & M32  # noqa: E702
    b ^= a; b = (b - _rotl32(a, 25)) & M32  # noqa: E702
    c ^= b; c = (c - _rotl32(b, 16)) & M32  # noqa: E702
    a ^= c; a = (a - _rotl32(c, 4)) & M32  # noqa: E702
    b ^= a; b = (b - _rotl32(a, 14)) & M32  # noqa: E702
    c ^= b; c = (c - _rotl32(b, 24)) & M32  # noqa: E702
    return c


def lookup3(data: bytes, initval: int) -> int:
    a = b = c = (0xDEADBEEF + len(data) + initval) & M32
    rest = data
    while len(rest) > 12:
        x, y, z = struct.unpack("<3I", rest[:12])
        a = (a + x) & M32
        b = (b + y) & M32
        c = (c + z) & M32
        for sa, sb, sc, r in ((0, 2, 1, 4), (1, 0, 2, 6), (2, 1, 0, 8),
                              (0, 2, 1, 16), (1, 0, 2, 19), (2, 1, 0, 4)):
            # v[sa] -= v[sb]; v[sa] ^= rot(v[sb], r); v[sb] += v[sc]
            v = [a, b, c]
            v[sa] = (v[sa] - v[sb]) & M32
            v[sa] ^= _rotl32(v[sb], r)
            v[sb] = (v[sb] + v[sc]) & M32
            a, b, c = v
        rest = rest[12:]
    if not rest:
        return c
    x, y, z = struct.unpack("<3I", rest.ljust(12, b"\0"))
    return _lookup3_final((a + x) & M32, (b + y) & M32, (c + z) & M32)


def _fmix32(h: int) -> int:
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    return h ^ (h >> 16)


def murmur3_32(data: bytes, seed: int) -> int:
    c1, c2 = 0xCC9E2D51, 0x1B873593
    h = seed & M32
    n = len(data) // 4
    for (k,) in struct.iter_unpack("<I", data[: 4 * n]):
        k = _rotl32((k * c1) & M32, 15) * c2 & M32
        h = (_rotl32(h ^ k, 13) * 5 + 0xE6546B64) & M32
    tail = data[4 * n:]
    if tail:
        k = int.from_bytes(tail, "little")
        h ^= _rotl32((k * c1) & M32, 15) * c2 & M32
    return _fmix32(h ^ len(data))


def _fmix64(k: int) -> int:
    k ^= k >> 33
    k = (k * 0xFF51AFD7ED558CCD) & M64
    k ^= k >> 33
    k = (k * 0xC4CEB9FE1A85EC53) & M64
    return k ^ (k >> 33)


def murmur3_x64_128(data: bytes, seed: int) -> tuple[int, int]:
    c1, c2 = 0x87C37B91114253D5, 0x4CF5AD432745937F
    h1 = h2 = seed & M32
    n = len(data) // 16
    for k1, k2 in struct.iter_unpack("<QQ", data[: 16 * n]):
        h1 ^= _rotl64((k1 * c1) & M64, 31) * c2 & M64
        h1 = (_rotl64(h1, 27) + h2) & M64
        h1 = (h1 * 5 + 0x52DCE729) & M64
        h2 ^= _rotl64((k2 * c2) & M64, 33) * c1 & M64
        h2 = (_rotl64(h2, 31) + h1) & M64
        h2 = (h2 * 5 + 0x38495AB5) & M64
    tail = data[16 * n:]
    if len(tail) > 8:
        k2 = int.from_bytes(tail[8:], "little")
        h2 ^= _rotl64((k2 * c2) & M64, 33) * c1 & M64
    if tail:
        k1 = int.from_bytes(tail[:8], "little")
        h1 ^= _rotl64((k1 * c1) & M64, 31) * c2 & M64
    h1 ^= len(data)
    h2 ^= len(data)
    h1 = (h1 + h2) & M64
    h2 = (h2 + h1) & M64
    h1, h2 = _fmix64(h1), _fmix64(h2)
    h1 = (h1 + h2) & M64
    h2 = (h2 + h1) & M64
    return h1, h2


def smhasher_verification(hash_bytes: Callable[[bytes, int], bytes], width: int) -> int:
    """SMHasher's VerificationTest: hash keys 0..i with seed 256-i, hash the concatenation."""
    key = bytes(range(256))
    hashes = b"".join(hash_bytes(key[:i], 256 - i) for i in range(256))
    assert len(hashes) == 256 * width
    return int.from_bytes(hash_bytes(hashes, 0)[:4], "little")


def fnv(data: bytes, bits: int, alternate: bool) -> int:
    basis, prime, mask = ((0x811C9DC5, 0x01000193, M32) if bits == 32
                          else (0xCBF29CE484222325, 0x100000001B3, M64))
    h = basis
    for b in data:
        h = ((h ^ b) * prime) & mask if alternate else ((h * prime) & mask) ^ b
    return h


P32 = (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1)
P64 = (0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63,
       0x27D4EB2F165667C5)


def xxh32(data: bytes, seed: int) -> int:
    p1, p2, p3, p4, p5 = P32
    off, n = 0, len(data)

    def rnd(acc: int, lane: int) -> int:
        return _rotl32((acc + lane * p2) & M32, 13) * p1 & M32

    if n >= 16:
        v = [(seed + p1 + p2) & M32, (seed + p2) & M32, seed & M32, (seed - p1) & M32]
        while off + 16 <= n:
            lanes = struct.unpack_from("<4I", data, off)
            v = [rnd(a, x) for a, x in zip(v, lanes, strict=True)]
            off += 16
        h = (_rotl32(v[0], 1) + _rotl32(v[1], 7) + _rotl32(v[2], 12) + _rotl32(v[3], 18)) & M32
    else:
        h = (seed + p5) & M32
    h = (h + n) & M32
    while off + 4 <= n:
        (w,) = struct.unpack_from("<I", data, off)
        h = _rotl32((h + w * p3) & M32, 17) * p4 & M32
        off += 4
    while off < n:
        h = _rotl32((h + data[off] * p5) & M32, 11) * p1 & M32
        off += 1
    h ^= h >> 15
    h = (h * p2) & M32
    h ^= h >> 13
    h = (h * p3) & M32
    return h ^ (h >> 16)


def xxh64(data: bytes, seed: int) -> int:
    p1, p2, p3, p4, p5 = P64
    off, n = 0, len(data)

    def rnd(acc: int, lane: int) -> int:
        return _rotl64((acc + lane * p2) & M64, 31) * p1 & M64

    if n >= 32:
        v = [(seed + p1 + p2) & M64, (seed + p2) & M64, seed & M64, (seed - p1) & M64]
        while off + 32 <= n:
            lanes = struct.unpack_from("<4Q", data, off)
            v = [rnd(a, x) for a, x in zip(v, lanes, strict=True)]
            off += 32
        h = (_rotl64(v[0], 1) + _rotl64(v[1], 7) + _rotl64(v[2], 12) + _rotl64(v[3], 18)) & M64
        for a in v:
            h = ((h ^ rnd(0, a)) * p1 + p4) & M64
    else:
        h = (seed + p5) & M64
    h = (h + n) & M64
    while off + 8 <= n:
        (w,) = struct.unpack_from("<Q", data, off)
        h = (_rotl64(h ^ rnd(0, w), 27) * p1 + p4) & M64
        off += 8
    if off + 4 <= n:
        (w,) = struct.unpack_from("<I", data, off)
        h = (_rotl64(h ^ (w * p1 & M64), 23) * p2 + p3) & M64
        off += 4
    while off < n:
        h = _rotl64(h ^ (data[off] * p5 & M64), 11) * p1 & M64
        off += 1
    h ^= h >> 33
    h = (h * p2) & M64
    h ^= h >> 29
    h = (h * p3) & M64
    return h ^ (h >> 32)


def toeplitz(key: bytes, data: bytes) -> int:
    """RSS hash by definition: xor of the 32-bit key windows at every set input bit."""
    kbits = int.from_bytes(key, "big")
    klen = len(key) * 8
    out = 0
    for i in range(len(data) * 8):
        if data[i // 8] >> (7 - i % 8) & 1:
            out ^= (kbits >> (klen - 32 - i)) & M32 if klen - 32 - i >= 0 else \
                (kbits << (i + 32 - klen)) & M32
    return out


CITY_K0, CITY_K1, CITY_K2 = 0xC3A5C85C97CB3127, 0xB492B66FBE98F273, 0x9AE16A3B2F90404F
CITY_MUL = 0x9DDFEA08EB382D69


def _city_len16(u: int, v: int) -> int:
    a = ((u ^ v) * CITY_MUL) & M64
    a ^= a >> 47
    b = ((v ^ a) * CITY_MUL) & M64
    b ^= b >> 47
    return (b * CITY_MUL) & M64


def _rotr64(v: int, s: int) -> int:
    return v if s == 0 else ((v >> s) | (v << (64 - s))) & M64


def cityish64(data: bytes) -> int:
    n = len(data)
    if n <= 16:
        a, b = struct.unpack("<QQ", data.ljust(16, b"\0"))
        a = (a + CITY_K2) & M64
        return _city_len16((_rotr64((b + n) & M64, 37) * CITY_K1 + a) & M64,
                           (_rotr64(a, 25) + b) & M64) ^ n
    x = struct.unpack_from("<Q", data, n - 16)[0] ^ CITY_K1
    y = (struct.unpack_from("<Q", data, n - 8)[0] * CITY_K0) & M64
    z = (n * CITY_K2) & M64
    off = 0
    while off + 16 <= n:
        w0, w1 = struct.unpack_from("<QQ", data, off)
        x = (_rotr64((x + w0) & M64, 33) * CITY_K1) & M64
        y = (_rotr64(y ^ w1, 29) * CITY_K0 + x) & M64
        z ^= _city_len16(w0, w1)
        z = (_rotr64(z, 21) + y) & M64
        off += 16
    return _city_len16((_city_len16(x, y) + z) & M64, y ^ _rotr64(z, 13))


def multiplicative_hash(data: bytes, mult: int) -> int:
    """h = h * mult + c over the bytes, h starting at 0 (BKDR with mult 131)."""
    h = 0
    for b in data:
        h = (h * mult + b) & M32
    return h


def djb2(data: bytes) -> int:
    h = 5381
    for b in data:
        h = (h * 33 + b) & M32
    return h


def djb2a(data: bytes) -> int:
    h = 5381
    for b in data:
        h = ((h * 33) & M64) ^ b
    return h & M32


def sdbm(data: bytes) -> int:
    h = 0
    for b in data:
        h = (b + h * 65599) & M32
    return h


def murmur2(data: bytes, seed: int) -> int:
    m = 0x5BD1E995
    h = (seed ^ len(data)) & M32
    n = len(data) // 4
    for (k,) in struct.iter_unpack("<I", data[: 4 * n]):
        k = (k * m) & M32
        k ^= k >> 24
        k = (k * m) & M32
        h = ((h * m) & M32) ^ k
    tail = data[4 * n:]
    if tail:
        h ^= int.from_bytes(tail, "little")
        h = (h * m) & M32
    h ^= h >> 13
    h = (h * m) & M32
    return h ^ (h >> 15)


def murmur64a(data: bytes, seed: int) -> int:
    m, r = 0xC6A4A7935BD1E995, 47
    h = (seed ^ (len(data) * m)) & M64
    n = len(data) // 8
    for (k,) in struct.iter_unpack("<Q", data[: 8 * n]):
        k = (k * m) & M64
        k ^= k >> r
        k = (k * m) & M64
        h = ((h ^ k) * m) & M64
    tail = data[8 * n:]
    if tail:
        h = ((h ^ int.from_bytes(tail, "little")) * m) & M64
    h ^= h >> r
    h = (h * m) & M64
    return h ^ (h >> r)


def _sfh_signed(b: int) -> int:
    return (b - 256 if b > 127 else b) & M32


def superfasthash(data: bytes) -> int:
    """Paul Hsieh's SuperFastHash (16-bit little-endian halves, sign-extended tail byte)."""
    if not data:
        return 0
    h = len(data)
    n, rem = len(data) // 4, len(data) % 4
    for i in range(n):
        lo, hi = struct.unpack_from("<HH", data, 4 * i)
        h = (h + lo) & M32
        tmp = ((hi << 11) ^ h) & M32
        h = ((h << 16) & M32) ^ tmp
        h = (h + (h >> 11)) & M32
    t = data[4 * n:]
    if rem == 3:
        h = (h + struct.unpack_from("<H", t)[0]) & M32
        h ^= (h << 16) & M32
        h ^= (_sfh_signed(t[2]) << 18) & M32
        h = (h + (h >> 11)) & M32
    elif rem == 2:
        h = (h + struct.unpack_from("<H", t)[0]) & M32
        h ^= (h << 11) & M32
        h = (h + (h >> 17)) & M32
    elif rem == 1:
        h = (h + _sfh_signed(t[0])) & M32
        h ^= (h << 10) & M32
        h = (h + (h >> 1)) & M32
    for op, sh in (("x", 3), ("a", 5), ("x", 4), ("a", 17), ("x", 25), ("a", 6)):
        h = h ^ ((h << sh) & M32) if op == "x" else (h + (h >> sh)) & M32
    return h


def _pearson_perm() -> list[int]:
    perm, x = list(range(256)), 1
    for i in range(255, 0, -1):
        x = (x * 1103515245 + 12345) & M32
        j = (x >> 16) % (i + 1)
        perm[i], perm[j] = perm[j], perm[i]
    return perm


PEARSON = _pearson_perm()


def pearson32(data: bytes) -> int:
    out = 0
    for j in range(4):
        h = PEARSON[(j + (data[0] if data else 0)) & 0xFF]
        for b in data[1:]:
            h = PEARSON[h ^ b]
        out = (out << 8) | h
    return out


def _pearson_perm_xorshift() -> list[int]:
    """Fisher-Yates driven by xorshift32 (13, 17, 5) from 0x9E3779B9."""
    perm, s = list(range(256)), 0x9E3779B9
    for i in range(255, 0, -1):
        s ^= (s << 13) & M32
        s ^= s >> 17
        s ^= (s << 5) & M32
        j = s % (i + 1)
        perm[i], perm[j] = perm[j], perm[i]
    return perm


PEARSON_XS = _pearson_perm_xorshift()


def pearson4_xorshift(data: bytes) -> int:
    """Four Pearson lanes over PEARSON_XS; the empty input hashes to 0."""
    if not data:
        return 0
    out = 0
    for lane in range(4):
        h = PEARSON_XS[(data[0] + lane) & 0xFF]
        for b in data[1:]:
            h = PEARSON_XS[h ^ b]
        out = (out << 8) | h
    return out



def _pearson_perm_inside_out() -> list[int]:
    """Inside-out Fisher-Yates (T[i] = T[j]; T[j] = i) driven by the LCG 1664525x + 1013904223
    from 0x2545F491, j = (x >> 8) mod (i + 1)."""
    perm, x = [0] * 256, 0x2545F491
    for i in range(256):
        x = (x * 1664525 + 1013904223) & M32
        j = (x >> 8) % (i + 1)
        perm[i] = perm[j]
        perm[j] = i
    return perm


PEARSON_IO = _pearson_perm_inside_out()


def pearson8_inside_out(data: bytes) -> int:
    """Pearson's original 8-bit hash: h = 0, h = T[h ^ c]."""
    h = 0
    for b in data:
        h = PEARSON_IO[h ^ b]
    return h


def _pearson_perm_minstd() -> list[int]:
    """Forward Fisher-Yates (i = 0..254 swaps i with i + r mod (256 - i)), Park-Miller
    minimal standard generator x = 16807x mod (2^31 - 1) from 1."""
    perm, x = list(range(256)), 1
    for i in range(255):
        x = x * 16807 % 0x7FFFFFFF
        j = i + x % (256 - i)
        perm[i], perm[j] = perm[j], perm[i]
    return perm


PEARSON_MINSTD = _pearson_perm_minstd()


def pearson16_minstd(data: bytes) -> int:
    """Two Pearson lanes starting at T[c0] and T[c0 + 1]; lane 0 is the high byte."""
    c0 = data[0] if data else 0
    out = 0
    for lane in range(2):
        h = PEARSON_MINSTD[(c0 + lane) & 0xFF]
        for b in data[1:]:
            h = PEARSON_MINSTD[h ^ b]
        out = (out << 8) | h
    return out


def _lowbias32(x: int) -> int:
    x ^= x >> 16
    x = (x * 0x7FEB352D) & M32
    x ^= x >> 15
    x = (x * 0x846CA68B) & M32
    return x ^ (x >> 16)


def _pearson_perm_seeded(seed: int) -> list[int]:
    """Fisher-Yates from 255 down; r = lowbias32(seed + k * golden), j = r * (i + 1) >> 32."""
    perm, ctr = list(range(256)), seed
    for i in range(255, 0, -1):
        ctr = (ctr + 0x9E3779B9) & M32
        j = (_lowbias32(ctr) * (i + 1)) >> 32
        perm[i], perm[j] = perm[j], perm[i]
    return perm


def pearson32_seeded(data: bytes, seed: int) -> int:
    """Four Pearson lanes over the seed's permutation, lane k starting from h = k."""
    perm = _pearson_perm_seeded(seed)
    out = 0
    for lane in range(4):
        h = lane
        for b in data:
            h = perm[h ^ b]
        out = (out << 8) | h
    return out

def _tabulation_tables() -> list[list[int]]:
    s, tables = 0x9E3779B9, []
    for _ in range(4):
        row = []
        for _ in range(256):
            s = (s + 0x9E3779B9) & M32
            z = ((s ^ (s >> 16)) * 0x85EBCA6B) & M32
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
            row.append(z ^ (z >> 16))
        tables.append(row)
    return tables


TABULATION = _tabulation_tables()


def tabulation(data: bytes) -> int:
    h = len(data) & M32
    for i, b in enumerate(data):
        h ^= _rotl32(TABULATION[i & 3][b], (i >> 2) & 31)
    return h


def elf_hash(data: bytes) -> int:
    h = 0
    for b in data:
        h = ((h << 4) + b) & M32
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & M32
    return h


def knuth_hash(data: bytes) -> int:
    h = len(data) & M32
    for b in data:
        h = _rotl32(h, 5) ^ b
    return h


def lookup2(data: bytes, initval: int) -> int:
    def mix(a: int, b: int, c: int) -> tuple[int, int, int]:
        for sa, sb, sc in ((13, 8, 13), (12, 16, 5), (3, 10, 15)):
            a = ((a - b - c) & M32) ^ (c >> sa)
            b = ((b - c - a) & M32) ^ ((a << sb) & M32)
            c = ((c - a - b) & M32) ^ (b >> sc)
        return a, b, c

    a = b = 0x9E3779B9
    c = initval & M32
    rest = data
    while len(rest) >= 12:
        x, y, z = struct.unpack("<3I", rest[:12])
        a, b, c = mix((a + x) & M32, (b + y) & M32, (c + z) & M32)
        rest = rest[12:]
    c = (c + len(data)) & M32
    pad = rest.ljust(11, b"\0")
    a = (a + int.from_bytes(pad[0:4], "little")) & M32
    b = (b + int.from_bytes(pad[4:8], "little")) & M32
    c = (c + (int.from_bytes(pad[8:11], "little") << 8)) & M32
    return mix(a, b, c)[2]


def mum64(data: bytes, seed: int) -> int:
    p0, p1 = 0xA0761D6478BD642F, 0xE7037ED1A0B428DB

    def mix(a: int, b: int) -> int:
        r = a * b
        return (r & M64) ^ (r >> 64)

    h = (seed ^ p0) & M64
    for i in range(0, len(data), 8):
        h = mix(h ^ int.from_bytes(data[i:i + 8], "little"), p1)
    return mix(h ^ len(data), p0)


def fx64(data: bytes) -> int:
    k = 0x517CC1B727220A95
    h, i = 0, 0
    chunks = []
    while len(data) - i >= 8:
        chunks.append(data[i:i + 8])
        i += 8
    if len(data) - i >= 4:
        chunks.append(data[i:i + 4])
        i += 4
    chunks.extend(data[j:j + 1] for j in range(i, len(data)))
    for c in chunks:
        h = ((_rotl64(h, 5) ^ int.from_bytes(c, "little")) * k) & M64
    return h


def sm64(data: bytes) -> int:
    def mix(z: int) -> int:
        z ^= z >> 30
        z = (z * 0xBF58476D1CE4E5B9) & M64
        z ^= z >> 27
        z = (z * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    h = len(data)
    for i in range(0, len(data), 8):
        h = mix(h ^ int.from_bytes(data[i:i + 8], "little"))
    return h


def siphash(key: bytes, data: bytes, c_rounds: int, d_rounds: int) -> int:
    """SipHash-c-d (the reference's round structure, any round counts)."""
    k0, k1 = struct.unpack("<QQ", key)
    v = [k0 ^ 0x736F6D6570736575, k1 ^ 0x646F72616E646F6D, k0 ^ 0x6C7967656E657261,
         k1 ^ 0x7465646279746573]

    def rounds(count: int) -> None:
        for _ in range(count):
            v[0] = (v[0] + v[1]) & M64; v[1] = _rotl64(v[1], 13) ^ v[0]  # noqa: E702
            v[0] = _rotl64(v[0], 32)
            v[2] = (v[2] + v[3]) & M64; v[3] = _rotl64(v[3], 16) ^ v[2]  # noqa: E702
            v[0] = (v[0] + v[3]) & M64; v[3] = _rotl64(v[3], 21) ^ v[0]  # noqa: E702
            v[2] = (v[2] + v[1]) & M64; v[1] = _rotl64(v[1], 17) ^ v[2]  # noqa: E702
            v[2] = _rotl64(v[2], 32)

    n = len(data) // 8
    for (m,) in struct.iter_unpack("<Q", data[: 8 * n]):
        v[3] ^= m
        rounds(c_rounds)
        v[0] ^= m
    b = ((len(data) & 0xFF) << 56) | int.from_bytes(data[8 * n:], "little")
    v[3] ^= b
    rounds(c_rounds)
    v[0] ^= b
    v[2] ^= 0xFF
    rounds(d_rounds)
    return v[0] ^ v[1] ^ v[2] ^ v[3]


def siphash24(key: bytes, data: bytes) -> int:
    return siphash(key, data, 2, 4)


def flow5_murmur3(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    return murmur3_32(struct.pack(">IIHHB", s, d, sp, dp, proto), 0x2D358DCC)


def flow5_mix3(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    h = 0x7F4A7C15
    for w, m in zip((s, d, ((sp << 16) | dp) ^ (proto << 8)),
                    (0x27D4EB2F, 0x165667B1, 0xCC9E2D51), strict=True):
        h = ((h ^ w) * m) & M32
        h ^= h >> 16
        h = _rotl32(h, 11)
    h ^= h >> 13
    h = (h * 0x85EBCA6B) & M32
    return h ^ (h >> 16)


def flow5_wang(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    k = s ^ _rotl32(d, 16) ^ ((sp << 16) | dp) ^ proto
    k = ((~k & M32) + ((k << 15) & M32)) & M32
    k ^= k >> 12
    k = (k + ((k << 2) & M32)) & M32
    k ^= k >> 4
    k = (k * 2057) & M32
    return k ^ (k >> 16)


def flow5_fib(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    g = 0x9E3779B1
    h = (s * g + d) & M32
    h = (h * g + ((sp << 16) | dp)) & M32
    h = (h * g + proto) & M32
    return h ^ (h >> 15)


def flow5_sym(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    off = 0x3C6EF372
    ports = (min(sp, dp) << 16) | max(sp, dp)
    return _lookup3_final((min(s, d) + off) & M32, (max(s, d) + off) & M32,
                          ((ports ^ proto) + off) & M32)


def flow5_key(s: int, d: int, sp: int, dp: int, proto: int) -> bytes:
    """The 13-byte network-order flow key (saddr, daddr, sport, dport, proto)."""
    return struct.pack(">IIHHB", s, d, sp, dp, proto)


def flow5_mix64(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    h = 0x9E3779B97F4A7C15
    for w in ((s << 32) | d, (sp << 48) | (dp << 32) | proto):
        h = ((h ^ w) * 0xBF58476D1CE4E5B9) & M64
        h ^= h >> 31
    h = (h * 0x94D049BB133111EB) & M64
    return (h >> 32) ^ (h & M32)


def flow5_rounds4(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    h = 0x6A09E667
    for w in (s, d, (sp << 16) | dp, proto):
        h ^= _rotl32((w * 0xCC9E2D51) & M32, 15) * 0x1B873593 & M32
        h = (_rotl32(h, 13) * 5 + 0xE6546B64) & M32
    return _fmix32(h ^ 16)


def isn_rounds(s: int, d: int, sp: int, dp: int, secret: int, clock: int) -> int:
    h = secret
    for w, m in zip((s, d, (sp << 16) | dp, secret),
                    (0x85EBCA6B, 0xC2B2AE35, 0x27D4EB2D, 0x165667B1), strict=True):
        h = ((h ^ w) * m) & M32
        h ^= h >> 13
        h = _rotl32(h, 9)
    return (h + clock) & M32


def isn_mix(s: int, d: int, sp: int, dp: int, secret: int, clock: int) -> int:
    h = secret ^ 0x6A09E667
    for w in (s, d, (sp << 16) | dp):
        h = ((h ^ w) * 0x2C1B3C6D) & M32
        h ^= h >> 12
        h = (h * 0x297A2D39) & M32
        h ^= h >> 15
    return (h + clock) & M32


def isn_jhash(s: int, d: int, sp: int, dp: int, secret: int, clock: int) -> int:
    f = _lookup3_final((s + secret) & M32, (d + 0x9E3779B9) & M32, ((sp << 16) | dp) ^ secret)
    return (f + clock) & M32


def flow5_jhash(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    init = (0x9E3779B9 + 0xDEADBEEF + 12) & M32
    c = ((sp << 16 | dp) ^ proto)
    return _lookup3_final((s + init) & M32, (d + init) & M32, (c + init) & M32)


def flow5_fnv(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    return fnv(struct.pack(">IIHHB", s, d, sp, dp, proto), 32, alternate=True)



def flow5_rss_tcp4(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    """RSS hash type TCP_IPV4 under the default key: Toeplitz over saddr, daddr, sport, dport."""
    del proto
    return toeplitz(RSS_KEY, struct.pack(">IIHH", s, d, sp, dp))


def _flow5_tab_tables() -> list[list[int]]:
    """13 x 256 words: high halves of xorshift64* (12, 25, 27; 0x2545F4914F6CDD1D)."""
    x, tables = 0x853C49E6748FEA9B, []
    for _ in range(13):
        row = []
        for _ in range(256):
            x ^= x >> 12
            x ^= (x << 25) & M64
            x ^= x >> 27
            row.append(((x * 0x2545F4914F6CDD1D) & M64) >> 32)
        tables.append(row)
    return tables


FLOW5_TAB = _flow5_tab_tables()


def flow5_tab(s: int, d: int, sp: int, dp: int, proto: int) -> int:
    """Simple tabulation over the 13-byte network-order flow key, one table per position."""
    h = 0
    for pos, b in enumerate(flow5_key(s, d, sp, dp, proto)):
        h ^= FLOW5_TAB[pos][b]
    return h

BUF_REFS: dict[str, Callable[[bytes], int]] = {
    **{name: crc_ref(name) for name in CRC_CATALOGUE},
    "inet": inet_cksum,
    "inet-sum": inet_sum,
    "oaat": oaat,
    "fnv1-32": lambda d: fnv(d, 32, False),
    "fnv1a-32": lambda d: fnv(d, 32, True),
    "fnv1-64": lambda d: fnv(d, 64, False),
    "fnv1a-64": lambda d: fnv(d, 64, True),
    "cityish64": cityish64,
    "djb2": djb2,
    "djb2a": djb2a,
    "sdbm": sdbm,
    "sfh": superfasthash,
    "pearson": pearson32,
    "pearson4-xorshift": pearson4_xorshift,
    "pearson8-inside-out": pearson8_inside_out,
    "pearson16-minstd": pearson16_minstd,
    "tabulation": tabulation,
    "elf": elf_hash,
    "bkdr": lambda d: multiplicative_hash(d, 131),
    "knuth": knuth_hash,
    "fx64": fx64,
    "sm64": sm64,
}
SEEDED_REFS: dict[str, Callable[[bytes, int], int]] = {
    "lookup3": lookup3, "murmur3-32": murmur3_32, "xxh32": xxh32, "xxh64": xxh64,
    "murmur2": murmur2, "murmur64a": murmur64a, "lookup2": lookup2, "mum64": mum64,
    "pearson32-seeded": pearson32_seeded,
}
KEYED_REFS: dict[str, Callable[[bytes, bytes], int]] = {
    "toeplitz": toeplitz, "siphash-2-4": siphash24,
    "siphash-1-3": lambda k, d: siphash(k, d, 1, 3),
}
TUPLE_REFS: dict[str, Callable[[int, int, int, int, int], int]] = {
    "flow5-jhash": flow5_jhash, "flow5-fnv": flow5_fnv, "flow5-murmur3": flow5_murmur3,
    "flow5-mix3": flow5_mix3, "flow5-wang": flow5_wang, "flow5-fib": flow5_fib,
    "flow5-sym": flow5_sym, "flow5-mix64": flow5_mix64, "flow5-rounds4": flow5_rounds4,
    "flow5-crc32": lambda *t: zlib.crc32(flow5_key(*t)),
    "flow5-crc32c": lambda *t: crc_ref("crc-32/iscsi")(flow5_key(*t)),
    "flow5-crc16": lambda *t: crc_ref("crc-16/ibm-3740")(flow5_key(*t)),
    "flow5-rss-tcp4": flow5_rss_tcp4, "flow5-tab": flow5_tab,
}
ISN_REFS: dict[str, Callable[[int, int, int, int, int, int], int]] = {
    "isn-mix": isn_mix, "isn-jhash": isn_jhash, "isn-rounds": isn_rounds,
}

RSS_KEY = bytes.fromhex("6d5a56da255b0ec24167253d43a38fb0d0ca2bcbae7b30b477cb2da38030f20c"
                        "6a42b73bbeac01fa")


# ------------------------------------------------------------------------------------------
# the references against published values

@pytest.mark.parametrize("name", sorted(CRC_CATALOGUE))
def test_crc_model_check_values(name: str) -> None:
    assert crc_ref(name)(CHECK_INPUT) == CRC_CATALOGUE[name][6]


def test_crc_model_matches_zlib() -> None:
    rng = random.Random(1)
    for n in (0, 1, 7, 64, 333):
        data = rng.randbytes(n)
        assert crc_ref("crc-32/iso-hdlc")(data) == zlib.crc32(data) == binascii.crc32(data)


def test_inet_reference_values() -> None:
    # RFC 1071 section 3 example: words 0001 f203 f4f5 f6f7 sum to ddf2 (one's complement)
    assert inet_sum(bytes.fromhex("0001f203f4f5f6f7")) == 0xDDF2
    assert inet_cksum(bytes.fromhex("0001f203f4f5f6f7")) == 0x220D
    # an IPv4 header whose stored checksum is b861
    hdr = bytes.fromhex("450000730000400040110000c0a80001c0a800c7")
    assert inet_cksum(hdr) == 0xB861
    assert inet_cksum(hdr[:10] + b"\xb8\x61" + hdr[12:]) == 0
    # RFC 1624 eqn. 3 agrees with recomputation
    rng = random.Random(2)
    for _ in range(200):
        data = bytearray(rng.randbytes(40))
        hc = inet_cksum(bytes(data))
        i = rng.randrange(20) * 2
        m = int.from_bytes(data[i:i + 2], "big")
        m_new = rng.randrange(65536)
        data[i:i + 2] = m_new.to_bytes(2, "big")
        assert rfc1624(hc, m, m_new) == inet_cksum(bytes(data))


def test_hash_reference_vectors() -> None:
    assert lookup3(b"", 0) == 0xDEADBEEF
    assert lookup3(b"Four score and seven years ago", 0) == 0x17770551
    assert lookup3(b"Four score and seven years ago", 1) == 0xCD628161
    assert murmur3_32(b"", 0) == 0
    assert murmur3_32(b"", 1) == 0x514E28B7
    assert murmur3_32(b"", 0xFFFFFFFF) == 0x81F16F39
    assert murmur3_32(b"Hello, world!", 0x9747B28C) == 0x24884CBA
    assert murmur3_32(b"The quick brown fox jumps over the lazy dog", 0x9747B28C) == 0x2FA826CD
    assert smhasher_verification(
        lambda d, s: murmur3_32(d, s).to_bytes(4, "little"), 4) == 0xB0F57EE3
    assert smhasher_verification(
        lambda d, s: b"".join(h.to_bytes(8, "little") for h in murmur3_x64_128(d, s)),
        16) == 0x6384BA69
    assert fnv(b"a", 32, False) == 0x050C5D7E
    assert fnv(b"a", 32, True) == 0xE40C292C
    assert fnv(b"a", 64, False) == 0xAF63BD4C8601B7BE
    assert fnv(b"a", 64, True) == 0xAF63DC4C8601EC8C
    assert fnv(b"foobar", 32, True) == 0xBF9CF968
    assert fnv(b"foobar", 64, True) == 0x85944171F73967E8
    assert oaat(b"a") == 0xCA2E9442
    assert oaat(b"The quick brown fox jumps over the lazy dog") == 0x519E91F5
    assert xxh32(b"", 0) == 0x02CC5D05
    assert xxh64(b"", 0) == 0xEF46DB3751D8E999
    assert xxh32(b"abc", 0) == 0x32D153FF
    assert xxh64(b"abc", 0) == 0x44BC2CF5AD770999
    key16 = bytes(range(16))
    assert siphash24(key16, b"") == 0x726FDB47DD0E0E31
    assert siphash24(key16, bytes(range(15))) == 0xA129CA6149BE45E5
    # Microsoft RSS verification suite (IPv4: src, dst; with TCP: + sport, dport)
    suite = [
        ("66.9.149.187", 2794, "161.142.100.80", 1766, 0x323E8FC2, 0x51CCC178),
        ("199.92.111.2", 14230, "65.69.140.83", 4739, 0xD718262A, 0xC626B0EA),
        ("24.19.198.95", 12898, "12.22.207.184", 38024, 0xD2D0A5DE, 0x5C2B394A),
    ]
    for src, sport, dst, dport, ipv4_only, with_tcp in suite:
        addrs = bytes(map(int, src.split("."))) + bytes(map(int, dst.split(".")))
        assert toeplitz(RSS_KEY, addrs) == ipv4_only
        assert toeplitz(RSS_KEY, addrs + struct.pack(">HH", sport, dport)) == with_tcp
        s, d = int.from_bytes(addrs[:4], "big"), int.from_bytes(addrs[4:], "big")
        assert flow5_rss_tcp4(s, d, sport, dport, 6) == with_tcp
    # the shuffled Pearson tables are permutations of 0..255
    for perm in (PEARSON_IO, PEARSON_MINSTD, _pearson_perm_seeded(0),
                 _pearson_perm_seeded(0xFFFFFFFF)):
        assert sorted(perm) == list(range(256))


# ------------------------------------------------------------------------------------------
# building the corpus

def _compile_cmd(src: Path, out: Path, opt: str, shared: bool,
                 defines: tuple[str, ...] = ()) -> list[str]:
    llvm = find_llvm()
    if src.suffix == ".cc":
        cmd = [str(llvm.clangxx), "-std=c++17"]
    else:
        cmd = [str(llvm.clang), "-std=gnu11"]
    cmd += [opt, "-g", "-Wall", "-Wextra", "-Werror"]
    cmd += ["-shared", "-fPIC"] if shared else ["-c"]
    return [*cmd, *defines, str(src), "-o", str(out)]


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def libs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every corpus file of ours built as a shared library at -O0 and -O1."""
    out = tmp_path_factory.mktemp("accel_libs")
    jobs: dict[tuple[str, str], tuple[list[str], Path]] = {}
    for f in FILES:
        impl = implementation_id(f)
        for opt in ("-O0", "-O1"):
            so = out / f"{impl.replace('/', '__')}{opt}.so"
            jobs[(impl, opt)] = (_compile_cmd(f, so, opt, shared=True), so)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(jobs, pool.map(lambda j: _run(j[0]), jobs.values()), strict=True))
    built: dict[tuple[str, str], Path] = {}
    for key, proc in results.items():
        if proc.returncode == 0:
            built[key] = jobs[key][1]
    return built


def _ids(files: list[Path]) -> list[str]:
    return [implementation_id(f) for f in files]


def test_corpus_sizes() -> None:
    counts = {cls: len(corpus_files((cls,))) for cls in MY_CLASSES}
    assert counts["crc"] >= 30, counts
    assert counts["checksum"] >= 30, counts
    assert counts["hash"] >= 45, counts


@pytest.mark.parametrize("path", corpus_files(), ids=_ids(corpus_files()))
def test_tag_format(path: Path) -> None:
    """Every corpus file (all classes) carries one well-formed clara-corpus: line.

    The signature kinds of lpm/, crypto/ and negative/ are that part's own (README-part-b.md,
    tests/test_accel_corpus_b.py); here they only need to be present.
    """
    text = path.read_text(encoding="utf-8")
    tag = parse_corpus_tag(text)
    assert CLASS_DIRS[tag.cls] == path.parent.name, (tag.cls, path.parent.name)
    mine = tag.cls in MY_CLASSES
    if mine:
        assert tag.signature in SIGNATURE_KINDS, tag.signature
    for fn in (tag.labelled_functions() + tag.api) if mine else [tag.entry]:
        assert re.search(rf"\b{re.escape(fn)}\s*\(", text), f"{fn} not defined in {path.name}"


@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_self_contained_and_clean(path: Path, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    includes = set(re.findall(r"^\s*#\s*include\s*<([^>]+)>", text, re.MULTILINE))
    assert includes <= ALLOWED_INCLUDES, includes
    assert not re.search(r'^\s*#\s*include\s*"', text, re.MULTILINE)
    assert not re.search(r"\bmain\s*\(", text)
    assert text.lstrip().startswith("/*"), "top comment missing"
    for opt in ("-O0", "-O1"):
        proc = _run(_compile_cmd(path, tmp_path / "x.o", opt, shared=False))
        assert proc.returncode == 0 and not proc.stderr, proc.stderr


# ------------------------------------------------------------------------------------------
# calling entry functions

LENGTHS = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 20, 23, 24, 25, 31, 32, 33,
           40, 47, 48, 63, 64, 65, 100, 255, 256, 1000)
CTYPE = {"u8": ctypes.c_uint8, "u16": ctypes.c_uint16, "u32": ctypes.c_uint32,
         "u64": ctypes.c_uint64}


class Caller:
    """Calls a corpus entry function with Python bytes/ints, per its signature kind."""

    def __init__(self, lib: ctypes.CDLL, tag_entry: str, kind: str, api: list[str]):
        self.lib = lib
        self.kind = kind
        self.fn = getattr(lib, tag_entry)
        self.api = api
        self._keep: list[Any] = []
        width = kind.rsplit("_", 1)[-1]
        rt = CTYPE.get(width)
        vp, sz = ctypes.c_void_p, ctypes.c_size_t
        if kind.startswith(("buf_len_seed_",)):
            self.fn.argtypes = [vp, sz, rt]
        elif kind.startswith(("buf_len_", "struct_")) and kind != "buf_len_u128":
            self.fn.argtypes = [vp, sz]
        elif kind.startswith("update_"):
            self.fn.argtypes = [rt, vp, sz]
        elif kind.startswith("key_buf_len_"):
            self.fn.argtypes = [vp, vp, sz]
        elif kind == "buf_len_u128":
            self.fn.argtypes = [vp, sz, ctypes.c_uint32, vp]
        elif kind == "hdr20_u16":
            self.fn.argtypes = [vp]
        elif kind == "incr_u16":
            self.fn.argtypes = [ctypes.c_uint16] * 3
        elif kind == "incr32_u16":
            self.fn.argtypes = [ctypes.c_uint16, ctypes.c_uint32, ctypes.c_uint32]
        elif kind == "pseudo6_u16":
            self.fn.argtypes = [vp, vp, ctypes.c_uint8, vp, sz]
        elif kind == "pseudo4_u16":
            self.fn.argtypes = [ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint8, vp, sz]
        elif kind == "tuple5_u32":
            self.fn.argtypes = [ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint16,
                                ctypes.c_uint16, ctypes.c_uint8]
        elif kind == "isn4_u32":
            self.fn.argtypes = [ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint16,
                                ctypes.c_uint16, ctypes.c_uint32, ctypes.c_uint32]
        else:
            raise AssertionError(f"no caller for signature kind {kind}")
        self.fn.restype = None if kind == "buf_len_u128" else rt

    def ptr(self, data: bytes, offset: int = 0) -> int:
        """Address of a fresh copy of ``data`` at ``offset`` bytes into a buffer."""
        buf = (ctypes.c_uint8 * (len(data) + offset + 8))()
        ctypes.memmove(ctypes.addressof(buf) + offset, data, len(data))
        self._keep = [buf]
        return ctypes.addressof(buf) + offset

    def __call__(self, *args: Any, offset: int = 0) -> Any:
        k = self.kind
        if k.startswith(("buf_len_u", "struct_")) and k != "buf_len_u128":
            (data,) = args
            return self.fn(self.ptr(data, offset), len(data))
        if k.startswith("buf_len_seed_"):
            data, seed = args
            return self.fn(self.ptr(data, offset), len(data), seed)
        if k.startswith("update_"):
            prev, data = args
            return self.fn(prev, self.ptr(data, offset), len(data))
        if k.startswith("key_buf_len_"):
            key, data = args
            kbuf = (ctypes.c_uint8 * len(key)).from_buffer_copy(key)
            return self.fn(ctypes.addressof(kbuf), self.ptr(data, offset), len(data))
        if k == "buf_len_u128":
            data, seed = args
            out = (ctypes.c_uint64 * 2)()
            self.fn(self.ptr(data, offset), len(data), seed, ctypes.addressof(out))
            return out[0], out[1]
        if k == "hdr20_u16":
            return self.fn(self.ptr(args[0], offset))
        if k == "pseudo4_u16":
            s, d, proto, l4 = args
            return self.fn(s, d, proto, self.ptr(l4, offset), len(l4))
        if k == "pseudo6_u16":
            s, d, nh, l4 = args
            addrs = (ctypes.c_uint8 * 32).from_buffer_copy(s + d)
            base = ctypes.addressof(addrs)
            return self.fn(base, base + 16, nh, self.ptr(l4, offset), len(l4))
        return self.fn(*args)

    def struct_api(self, chunks: list[bytes]) -> int:
        """Run init / update per chunk / final on an opaque context."""
        init, update, final = (getattr(self.lib, n) for n in self.api)
        ctx = (ctypes.c_uint8 * 256)()
        vp = ctypes.c_void_p
        init.argtypes = [vp]
        update.argtypes = [vp, vp, ctypes.c_size_t]
        final.argtypes = [vp]
        final.restype = self.fn.restype
        init(ctypes.addressof(ctx))
        for c in chunks:
            update(ctypes.addressof(ctx), self.ptr(c), len(c))
        return final(ctypes.addressof(ctx))


def check_behaviour(lib_path: Path, path: Path, entry: str | None = None,
                    api: list[str] | None = None) -> int:
    """Compare the entry function with its reference; returns the number of comparisons."""
    tag = read_tag(path)
    ref = tag.extra.get("ref", "")
    lib = ctypes.CDLL(str(lib_path))
    call = Caller(lib, entry or tag.entry, tag.signature, api if api is not None else tag.api)
    rng = random.Random(zlib.crc32(path.name.encode()))
    inputs = [rng.randbytes(n) for n in LENGTHS] + [b"\xff" * 40, b"\0" * 40]
    n_checks = 0
    kind = tag.signature

    def eq(got: Any, want: Any, what: str) -> None:
        nonlocal n_checks
        assert got == want, f"{path.name}: {what}: got {got!r}, want {want!r}"
        n_checks += 1

    if ref in CRC_CATALOGUE or ref in BUF_REFS:
        f = BUF_REFS[ref]
        if ref in CRC_CATALOGUE:
            args = (0, CHECK_INPUT) if kind.startswith("update_") else (CHECK_INPUT,)
            eq(call(*args), CRC_CATALOGUE[ref][6], "check value of '123456789'")
        for data in inputs:
            for off in (0, 1, 3):
                args = (0, data) if kind.startswith("update_") else (data,)
                eq(call(*args, offset=off), f(data), f"len {len(data)} offset {off}")
        if ref == "crc-32/iso-hdlc" and not kind.startswith("struct_"):
            data = inputs[-5]
            args = (0, data) if kind.startswith("update_") else (data,)
            eq(call(*args), zlib.crc32(data), "zlib.crc32")
        if kind.startswith("update_"):
            for data in inputs[10:20]:
                cut = len(data) // 3
                eq(call(call(0, data[:cut]), data[cut:]), f(data), "chained update")
        if kind.startswith("struct_") and call.api:
            for data in inputs[10:20]:
                a, b = len(data) // 3, 2 * len(data) // 3
                eq(call.struct_api([data[:a], data[a:b], data[b:]]), f(data), "split struct API")
    elif ref in SEEDED_REFS:
        g = SEEDED_REFS[ref]
        for data in inputs:
            for seed in (0, 1, 0x9747B28C, 0xFFFFFFFF):
                eq(call(data, seed, offset=len(data) % 3), g(data, seed), f"len {len(data)}")
    elif ref == "murmur3-x64-128":
        for data in inputs:
            for seed in (0, 1, 0x9747B28C):
                eq(call(data, seed), murmur3_x64_128(data, seed), f"len {len(data)}")
        eq(smhasher_verification(
            lambda d, s: b"".join(h.to_bytes(8, "little") for h in call(d, s)), 16),
            0x6384BA69, "SMHasher verification")
    elif ref in KEYED_REFS:
        h = KEYED_REFS[ref]
        keys = [RSS_KEY, rng.randbytes(40)] if ref == "toeplitz" else \
            [bytes(range(16)), rng.randbytes(16)]
        maxlen = 36 if ref == "toeplitz" else 10**6
        for key in keys:
            for data in inputs:
                if len(data) <= maxlen:
                    eq(call(key, data, offset=1), h(key, data), f"len {len(data)}")
    elif ref in ("ipv4-hdr",):
        known = bytes.fromhex("450000730000400040110000c0a80001c0a800c7")
        eq(call(known), 0xB861, "example header")
        for _ in range(50):
            hdr = rng.randbytes(20)
            want = inet_cksum(hdr[:10] + b"\0\0" + hdr[12:])
            eq(call(hdr, offset=rng.randrange(4)), want, "random header")
    elif ref == "rfc1624":
        for _ in range(300):
            data = bytearray(rng.randbytes(2 * rng.randrange(2, 40)))
            hc = inet_cksum(bytes(data))
            i = 2 * rng.randrange(len(data) // 2)
            m = int.from_bytes(data[i:i + 2], "big")
            m_new = rng.randrange(65536)
            data[i:i + 2] = m_new.to_bytes(2, "big")
            eq(call(hc, m, m_new), rfc1624(hc, m, m_new), "eqn 3")
            eq(call(hc, m, m_new), inet_cksum(bytes(data)), "recomputation")
    elif ref == "rfc1624-32":
        for _ in range(300):
            data = bytearray(rng.randbytes(2 * rng.randrange(2, 40)))
            hc = inet_cksum(bytes(data))
            i = 2 * rng.randrange(len(data) // 2 - 1)
            old, new = int.from_bytes(data[i:i + 4], "big"), rng.getrandbits(32)
            data[i:i + 4] = new.to_bytes(4, "big")
            eq(call(hc, old, new), inet_cksum(bytes(data)), "recomputation")
    elif ref in ("inet-pseudo6", "inet-pseudo6-udp"):
        for data in inputs:
            s, d = rng.randbytes(16), rng.randbytes(16)
            nh = 17 if ref.endswith("udp") else 6
            want = inet_cksum(pseudo_v6(s, d, nh, data))
            if ref.endswith("udp") and want == 0:
                want = 0xFFFF
            eq(call(s, d, nh, data, offset=1), want, f"len {len(data)}")
    elif ref in ("inet-pseudo", "inet-pseudo-udp"):
        for data in inputs:
            s, d = rng.getrandbits(32), rng.getrandbits(32)
            proto = 17 if ref.endswith("udp") else 6
            want = inet_cksum(pseudo_v4(s, d, proto, data))
            if ref.endswith("udp") and want == 0:
                want = 0xFFFF
            eq(call(s, d, proto, data, offset=1), want, f"len {len(data)}")
    elif ref in TUPLE_REFS:
        t = TUPLE_REFS[ref]
        for _ in range(200):
            args = (rng.getrandbits(32), rng.getrandbits(32), rng.getrandbits(16),
                    rng.getrandbits(16), rng.choice((6, 17, 1, 132)))
            eq(call(*args), t(*args), f"tuple {args}")
    elif ref in ISN_REFS:
        g = ISN_REFS[ref]
        for _ in range(200):
            args = (rng.getrandbits(32), rng.getrandbits(32), rng.getrandbits(16),
                    rng.getrandbits(16), rng.getrandbits(32), rng.getrandbits(32))
            eq(call(*args), g(*args), f"tuple {args}")
    else:
        raise AssertionError(f"{path.name}: no reference named {ref!r}")
    return n_checks


@pytest.mark.parametrize("opt", ["-O0", "-O1"])
@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_entry_matches_reference(path: Path, opt: str,
                                 libs: dict[tuple[str, str], Path]) -> None:
    key = (implementation_id(path), opt)
    assert key in libs, f"{key} did not build as a shared library"
    assert check_behaviour(libs[key], path) > 10


# ------------------------------------------------------------------------------------------
# variants

VARIANT_SAMPLES = [CORPUS_DIR / "crc" / "crc32_struct_api.c",
                   CORPUS_DIR / "checksum" / "inet_cksum_acc64.c",
                   CORPUS_DIR / "hash" / "fnv1a_64.cc",
                   CORPUS_DIR / "hash" / "lookup3_hashlittle.c"]


@pytest.mark.parametrize("path", VARIANT_SAMPLES, ids=_ids(VARIANT_SAMPLES))
def test_variants_compile(path: Path, tmp_path: Path) -> None:
    variants = compile_variants(path, tmp_path, seed=11)
    transforms = {v.transform for v in variants}
    assert len(variants) == len(transforms)
    n_cfg = len([c for c in CONFIGS if not (c.cxx and path.suffix == ".cc")])
    widths = read_tag(path).widths
    n_width = 2 * len(widths[1]) if widths else 0
    n_sources = len({v.variant_source for v in variants})
    assert 4 <= n_sources <= len(SOURCE_TRANSFORMS)
    assert {"handler", "rename+handler"} <= {v.transform.split("/")[0] for v in variants}
    assert len(variants) == n_sources * (n_cfg + n_width), sorted(transforms)
    for v in variants:
        text = v.ll_path.read_text()
        assert re.search(rf"define .*@{re.escape(v.entry)}\(", text) or \
            v.entry in text, (v.transform, v.entry)
        assert v.impl_id == implementation_id(path)
        assert v.label == read_tag(path).cls
    renamed = [v for v in variants if v.transform.startswith("rename")]
    assert all(v.entry != read_tag(path).entry for v in renamed)


def test_variants_deterministic(tmp_path: Path) -> None:
    path = CORPUS_DIR / "crc" / "crc16_arc_table_init.c"
    cfg = [c for c in CONFIGS if c.name == "O1"]
    a = compile_variants(path, tmp_path / "a", seed=5, configs=cfg)
    b = compile_variants(path, tmp_path / "b", seed=5, configs=cfg)
    c = compile_variants(path, tmp_path / "c", seed=6, configs=cfg)
    assert [v.variant_source.read_text() for v in a] == [v.variant_source.read_text() for v in b]
    assert [v.entry for v in a] == [v.entry for v in b]
    assert [v.entry for v in a if "rename" in v.transform] != \
        [v.entry for v in c if "rename" in v.transform]


@pytest.mark.parametrize("name", ["crc/crc32_slice4.c", "crc/crc16_ccitt_struct.c",
                                  "crc/crc64_xz_table.c", "crc/crc32_constexpr.cc"])
def test_renaming_keeps_behaviour(name: str, tmp_path: Path) -> None:
    path = CORPUS_DIR / name
    text = path.read_text(encoding="utf-8")
    tag = parse_corpus_tag(text)
    new_text, mapping = rename_source(text, seed=3, cxx=path.suffix == ".cc")
    new_tag = parse_corpus_tag(new_text)
    assert new_tag.entry == mapping[tag.entry] != tag.entry
    assert not re.search(rf"\b{re.escape(tag.entry)}\b", new_text.split("*/", 1)[1])
    src = tmp_path / f"renamed{path.suffix}"
    src.write_text(new_text, encoding="utf-8")
    so = tmp_path / "renamed.so"
    proc = _run(_compile_cmd(src, so, "-O1", shared=True))
    assert proc.returncode == 0, proc.stderr
    assert check_behaviour(so, path, entry=new_tag.entry, api=new_tag.api) > 10


WIDTH_FILES = [f for f in FILES if read_tag(f).widths]


@pytest.mark.parametrize("path", WIDTH_FILES, ids=_ids(WIDTH_FILES))
def test_width_macros_keep_behaviour(path: Path, tmp_path: Path) -> None:
    """Every value of a file's ``widths=`` macro builds cleanly and computes the same thing."""
    widths = read_tag(path).widths
    assert widths is not None
    macro, values = widths
    for value in values:
        so = tmp_path / f"w{value}.so"
        proc = _run(_compile_cmd(path, so, "-O1", shared=True, defines=(f"-D{macro}={value}",)))
        assert proc.returncode == 0 and not proc.stderr, proc.stderr
        assert check_behaviour(so, path) > 10
