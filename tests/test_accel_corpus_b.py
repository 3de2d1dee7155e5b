"""Accelerator corpus, part B (lpm/, crypto/, negative/): every file compiles cleanly, carries
a well-formed ``clara-corpus:`` tag, and behaves like an independent Python reference.

Calling conventions (the ``signature=`` kinds) are documented in
``clara/accel/corpus/README-part-b.md``. Each corpus file is compiled once into a shared object
(``clang-19 -O1 -shared -fPIC``) and driven through :mod:`ctypes`.
"""

from __future__ import annotations

import ctypes
import hashlib
import hmac
import os
import random
import re
import shutil
import struct
import subprocess
from collections.abc import Callable
from math import isqrt
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "clara" / "accel" / "corpus"
PART_B = ("lpm", "crypto", "negative")
CLANG = shutil.which("clang-19")
CLANGXX = shutil.which("clang++-19")
# Flags for the behavioural builds; override to re-run the checks under other code generation,
# e.g. CLARA_CORPUS_B_CFLAGS="-O0" or "-O2 -fsanitize=undefined" (with the UBSan runtime preloaded).
BUILD_FLAGS = os.environ.get("CLARA_CORPUS_B_CFLAGS", "-O1").split()
ALLOWED_INCLUDES = {"stdint.h", "stddef.h", "string.h", "stdlib.h"}
TAG_RE = re.compile(r"^//\s*clara-corpus:\s*(.*)$", re.MULTILINE)

pytestmark = pytest.mark.skipif(CLANG is None or CLANGXX is None, reason="clang-19 not found")


def corpus_files(cls: str | None = None) -> list[Path]:
    """All part-B corpus files, optionally of one class directory."""
    dirs = [cls] if cls else list(PART_B)
    out: list[Path] = []
    for d in dirs:
        folder = CORPUS / d
        if folder.is_dir():
            out += sorted(p for p in folder.iterdir() if p.suffix in (".c", ".cc"))
    return out


def file_id(p: Path) -> str:
    return f"{p.parent.name}/{p.name}"


def parse_tag(path: Path) -> dict[str, str]:
    """The ``key=value`` pairs of the file's one ``// clara-corpus:`` line."""
    tags = TAG_RE.findall(path.read_text())
    assert len(tags) == 1, f"{path}: expected exactly one clara-corpus line, found {len(tags)}"
    fields: dict[str, str] = {}
    for item in tags[0].split():
        key, sep, value = item.partition("=")
        assert sep and key and value, f"{path}: malformed field {item!r}"
        fields[key] = value
    return fields


# Sources linked next to a corpus file that only *declares* an external function.
STUBS: dict[str, str] = {
    "bloom_insert_extern_hash": """
#include <stdint.h>
#include <stddef.h>
uint32_t flow_hash32(const void *key, size_t len, uint32_t seed) {
    const uint8_t *p = key; uint32_t h = seed ^ 0x12345u;
    for (size_t i = 0; i < len; i++) h = h * 31u + p[i];
    return h;
}
""",
    "csum_verify_caller": """
#include <stdint.h>
#include <stddef.h>
uint16_t inet_csum_fold(const void *buf, size_t len, uint32_t seed) {
    const uint8_t *p = buf; uint32_t s = seed;
    for (size_t i = 0; i + 1 < len; i += 2) s += (uint32_t)(p[i] << 8 | p[i + 1]);
    if (len & 1) s += (uint32_t)p[len - 1] << 8;
    while (s >> 16) s = (s & 0xffff) + (s >> 16);
    return (uint16_t)~s;
}
""",
}

_LIBS: dict[Path, ctypes.CDLL] = {}


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("corpus_b")


def load(path: Path, build_dir: Path) -> ctypes.CDLL:
    """Compile ``path`` (plus its stub, if any) into a shared object and load it once."""
    if path in _LIBS:
        return _LIBS[path]
    compiler = CLANGXX if path.suffix == ".cc" else CLANG
    std = "-std=c++17" if path.suffix == ".cc" else "-std=gnu11"
    out = build_dir / f"{path.parent.name}_{path.stem}.so"
    srcs = [str(path)]
    if path.stem in STUBS:
        stub = build_dir / f"stub_{path.stem}.c"
        stub.write_text(STUBS[path.stem])
        srcs.append(str(stub))
    proc = subprocess.run(
        [str(compiler), std, *BUILD_FLAGS, "-shared", "-fPIC", "-o", str(out), *srcs],
        capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lib = ctypes.CDLL(str(out))
    _LIBS[path] = lib
    return lib


def fn(lib: ctypes.CDLL, name: str, restype: object, *argtypes: object) -> Callable[..., int]:
    f = getattr(lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f  # type: ignore[no-any-return]


def u8buf(data: bytes | bytearray) -> ctypes.Array[ctypes.c_uint8]:
    return (ctypes.c_uint8 * max(1, len(data))).from_buffer_copy(bytes(data) or b"\0")


def out_buf(n: int) -> ctypes.Array[ctypes.c_uint8]:
    return (ctypes.c_uint8 * n)()


# --------------------------------------------------------------------------------------------
# Every file: compiles cleanly, only allowed headers, no main, one tag, entry defined.


@pytest.mark.parametrize("path", corpus_files(), ids=file_id)
def test_compiles_clean(path: Path) -> None:
    compiler = CLANGXX if path.suffix == ".cc" else CLANG
    std = "-std=c++17" if path.suffix == ".cc" else "-std=gnu11"
    for opt in (["-O0", "-g"], ["-O1"]):
        proc = subprocess.run(
            [str(compiler), std, *opt, "-Wall", "-Wextra", "-Werror", "-c", str(path),
             "-o", "/dev/null"],
            capture_output=True, text=True, check=False,
        )
        assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("path", corpus_files(), ids=file_id)
def test_tag_and_shape(path: Path, build_dir: Path) -> None:
    text = path.read_text()
    tag = parse_tag(path)
    expected = "none" if path.parent.name == "negative" else path.parent.name
    assert tag.get("class") == expected
    assert "entry" in tag and "signature" in tag
    assert text.lstrip().startswith("/*"), "top comment first"
    includes = set(re.findall(r"#include\s*<([^>]+)>", text))
    assert includes <= ALLOWED_INCLUDES, includes - ALLOWED_INCLUDES
    assert not re.search(r"\bint\s+main\s*\(", text)
    lib = load(path, build_dir)
    for key in ("entry", "init", "insert", "finalize", "setkey"):
        if key in tag:
            assert hasattr(lib, tag[key]), f"{key}={tag[key]} not exported"
    for helper in tag.get("helpers", "").split(","):
        if helper:
            assert re.search(rf"\b{re.escape(helper)}\s*\(", text), helper


def test_counts() -> None:
    assert len(corpus_files("lpm")) >= 30
    assert len(corpus_files("crypto")) >= 20
    assert len(corpus_files("negative")) >= 80


# --------------------------------------------------------------------------------------------
# LPM: build with the file's insert function, compare with a Python longest-prefix match.


def random_routes4(rng: random.Random, n: int) -> list[tuple[int, int, int]]:
    """Distinct (prefix, len, nexthop) with nested prefixes and every length 0..32."""
    seen: dict[tuple[int, int], int] = {}
    lens = list(range(33)) + [rng.choice((8, 16, 20, 22, 24, 24, 24, 28, 32)) for _ in range(n)]
    bases: list[int] = [rng.getrandbits(32) for _ in range(12)]
    for ln in lens:
        if len(seen) >= n:
            break
        base = rng.choice(bases) if rng.random() < 0.6 else rng.getrandbits(32)
        if rng.random() < 0.3:
            base ^= rng.getrandbits(8) << rng.randrange(0, 24)
        mask = ((0xFFFFFFFF << (32 - ln)) & 0xFFFFFFFF) if ln else 0
        key = (base & mask, ln)
        if key not in seen:
            seen[key] = rng.randrange(0, 4000)
    return [(p, ln, nh) for (p, ln), nh in seen.items()]


def ref_lpm(routes: list[tuple[int, int, int]], addr: int, width: int) -> int | None:
    best: tuple[int, int] | None = None
    full = (1 << width) - 1
    for p, ln, nh in routes:
        mask = (full << (width - ln)) & full if ln else 0
        if (addr & mask) == p and (best is None or ln > best[0]):
            best = (ln, nh)
    return None if best is None else best[1]


def probe_addrs(rng: random.Random, routes: list[tuple[int, int, int]], width: int,
                n: int) -> list[int]:
    full = (1 << width) - 1
    addrs = [rng.getrandbits(width) for _ in range(n // 2)]
    while len(addrs) < n:
        p, ln, _ = rng.choice(routes)
        host = (1 << (width - ln)) - 1
        addrs.append(rng.choice((p, p | host, p | (rng.getrandbits(width) & host))) & full)
    return addrs


def lpm_case(path: Path, build_dir: Path, with_default: bool, seed: int) -> int:
    """Build the file's table from random routes and compare lookups. Returns #checked."""
    tag = parse_tag(path)
    kind = tag["signature"]
    lib = load(path, build_dir)
    rng = random.Random(seed)
    width = 128 if kind.startswith("lpm6") else 32
    u32, i32 = ctypes.c_uint32, ctypes.c_int32
    routes = random_routes4(rng, 500) if width == 32 else random_routes6(rng, 250)
    if not with_default:
        routes = [r for r in routes if r[1] != 0]
    rng.shuffle(routes)
    miss = int(tag.get("miss", "-1"), 0) & 0xFFFFFFFF
    ctx: int | None = None

    if kind == "lpm4_ctx":
        ctx = fn(lib, tag["init"], ctypes.c_void_p)()
        assert ctx
    elif "init" in tag:
        fn(lib, tag["init"], None)()

    ctx_args: list[object] = [ctypes.c_void_p] if kind == "lpm4_ctx" else []
    pre: list[object] = [ctypes.c_void_p(ctx)] if kind == "lpm4_ctx" else []
    if width == 32:
        ins = fn(lib, tag["insert"], ctypes.c_int, *ctx_args, u32, ctypes.c_uint, u32)
        for p, ln, nh in routes:
            ins(*pre, p, ln, nh)
    else:
        arg = ctypes.POINTER(u32) if kind == "lpm6_w32" else ctypes.POINTER(ctypes.c_uint8)
        ins = fn(lib, tag["insert"], ctypes.c_int, arg, ctypes.c_uint, u32)
        for p, ln, nh in routes:
            ins(v6arg(kind, p), ln, nh)
    if "finalize" in tag:
        fn(lib, tag["finalize"], *([None, ctypes.c_void_p] if ctx else [None]))(*pre)

    addrs = probe_addrs(rng, routes, width, 3000)
    entry = tag["entry"]
    if kind in ("lpm4_global", "lpm4_ctx"):
        look = fn(lib, entry, u32, *ctx_args, u32)

        def got(a: int) -> int | None:
            v = look(*pre, a)
            return None if v == miss else v
    elif kind == "lpm4_out":
        look = fn(lib, entry, ctypes.c_int, u32, ctypes.POINTER(u32))

        def got(a: int) -> int | None:
            nh = u32(0xDEADBEEF)
            return nh.value if look(a, ctypes.byref(nh)) else None
    elif kind == "lpm4_bytes":
        look = fn(lib, entry, i32, ctypes.POINTER(ctypes.c_uint8))

        def got(a: int) -> int | None:
            v = look(u8buf(a.to_bytes(4, "big")))
            return None if (v & 0xFFFFFFFF) == miss else v
    elif kind in ("lpm6_w32", "lpm6_b8"):
        arg = ctypes.POINTER(u32) if kind == "lpm6_w32" else ctypes.POINTER(ctypes.c_uint8)
        look = fn(lib, entry, i32, arg)

        def got(a: int) -> int | None:
            v = look(v6arg(kind, a))
            return None if (v & 0xFFFFFFFF) == miss else v
    else:
        raise AssertionError(f"unknown lpm signature {kind}")

    bad = [(hex(a), got(a), ref_lpm(routes, a, width)) for a in addrs
           if got(a) != ref_lpm(routes, a, width)]
    assert not bad, f"{len(bad)} mismatches, first: {bad[:5]}"
    return len(addrs)


def random_routes6(rng: random.Random, n: int) -> list[tuple[int, int, int]]:
    seen: dict[tuple[int, int], int] = {}
    bases = [(0x2001 << 112) | rng.getrandbits(96) << 16 for _ in range(6)]
    lens = [0, 1, 8, 16, 128] + [rng.choice((32, 40, 48, 56, 60, 64, 64, 64, 96, 112, 127, 128))
                                 for _ in range(n * 2)]
    full = (1 << 128) - 1
    for ln in lens:
        if len(seen) >= n:
            break
        base = rng.choice(bases) ^ (rng.getrandbits(16) << rng.randrange(0, 112))
        if rng.random() < 0.2:
            base = rng.getrandbits(128)
        mask = (full << (128 - ln)) & full if ln else 0
        seen.setdefault((base & mask, ln), rng.randrange(0, 4000))
    return [(p, ln, nh) for (p, ln), nh in seen.items()]


def v6arg(kind: str, a: int) -> object:
    if kind == "lpm6_w32":
        return (ctypes.c_uint32 * 4)(*[(a >> (96 - 32 * i)) & 0xFFFFFFFF for i in range(4)])
    return u8buf(a.to_bytes(16, "big"))


@pytest.mark.parametrize("path", corpus_files("lpm"), ids=file_id)
def test_lpm_against_reference(path: Path, build_dir: Path) -> None:
    # two independent tables per file: with and without a default route
    assert lpm_case(path, build_dir, with_default=True, seed=1) > 0
    assert lpm_case(path, build_dir, with_default=False, seed=2) > 0


# --------------------------------------------------------------------------------------------
# Crypto references (independent Python implementations + published vectors).


def _gmul(a: int, b: int) -> int:
    r = 0
    while b:
        if b & 1:
            r ^= a
        a = ((a << 1) ^ 0x11B) if a & 0x80 else a << 1
        b >>= 1
    return r


def _aes_sbox() -> list[int]:
    inv = [0] * 256
    for x in range(1, 256):
        inv[x] = next(y for y in range(1, 256) if _gmul(x, y) == 1)
    box = []
    for x in range(256):
        b = inv[x]
        s = 0x63
        for i in range(8):
            bit = (b >> i ^ b >> (i + 4) % 8 ^ b >> (i + 5) % 8 ^ b >> (i + 6) % 8
                   ^ b >> (i + 7) % 8) & 1
            s ^= bit << i
        box.append(s)
    return box


AES_SBOX = _aes_sbox()


def aes128_ref(key: bytes, block: bytes) -> bytes:
    """FIPS-197 AES-128 encryption, state as a list of 16 bytes in column-major order."""
    w = [list(key[i:i + 4]) for i in range(0, 16, 4)]
    rcon = 1
    for i in range(4, 44):
        t = list(w[i - 1])
        if i % 4 == 0:
            t = [AES_SBOX[b] for b in t[1:] + t[:1]]
            t[0] ^= rcon
            rcon = _gmul(rcon, 2)
        w.append([a ^ b for a, b in zip(w[i - 4], t, strict=True)])
    s = list(block)

    def add(r: int) -> None:
        for c in range(4):
            for j in range(4):
                s[4 * c + j] ^= w[4 * r + c][j]

    add(0)
    for rnd in range(1, 11):
        s = [AES_SBOX[b] for b in s]
        s = [s[4 * ((c + r) % 4) + r] for c in range(4) for r in range(4)]
        if rnd < 10:
            m = []
            for c in range(4):
                a = s[4 * c:4 * c + 4]
                m += [_gmul(a[r], 2) ^ _gmul(a[(r + 1) % 4], 3) ^ a[(r + 2) % 4] ^ a[(r + 3) % 4]
                      for r in range(4)]
            s = m
        add(rnd)
    return bytes(s)


FIPS197 = [
    ("000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
     "69c4e0d86a7b0430d8cdb78070b4c55a"),
    ("2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734",
     "3925841d02dc09fbdc118597196a0b32"),
]


def aes_caller(path: Path, build_dir: Path) -> Callable[[bytes, bytes], bytes]:
    tag = parse_tag(path)
    lib = load(path, build_dir)
    p8 = ctypes.POINTER(ctypes.c_uint8)
    if tag["signature"] == "key_in_out":
        enc = fn(lib, tag["entry"], None, p8, p8, p8)

        def run(key: bytes, pt: bytes) -> bytes:
            out = out_buf(16)
            enc(u8buf(key), u8buf(pt), out)
            return bytes(out)
        return run
    assert tag["signature"] == "rk_in_out"
    rk_t = ctypes.c_uint32 * 60
    setkey = fn(lib, tag["setkey"], None, p8, ctypes.POINTER(ctypes.c_uint32))
    enc = fn(lib, tag["entry"], None, ctypes.POINTER(ctypes.c_uint32), p8, p8)

    def run_rk(key: bytes, pt: bytes) -> bytes:
        rk = rk_t()
        setkey(u8buf(key), rk)
        out = out_buf(16)
        enc(rk, u8buf(pt), out)
        return bytes(out)
    return run_rk


def md_pad(msg: bytes, little: bool, word: int = 4) -> bytes:
    """Merkle-Damgard padding for blocks of 16 words of ``word`` bytes: 0x80, zeros, and the
    bit length in two words."""
    block, size = 16 * word, 2 * word
    bits = (len(msg) * 8).to_bytes(size, "little" if little else "big")
    padded = msg + b"\x80" + b"\0" * ((block - size - 1 - len(msg)) % block)
    return padded + bits


# algorithm: (initial state, little-endian, word bytes)
MD_INIT = {
    "md5": ([0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476], True, 4),
    "sha1": ([0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0], False, 4),
    "sha256": ([0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A,
                0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19], False, 4),
    "sha512": ([0x6A09E667F3BCC908, 0xBB67AE8584CAA73B, 0x3C6EF372FE94F82B,
                0xA54FF53A5F1D36F1, 0x510E527FADE682D1, 0x9B05688C2B3E6C1F,
                0x1F83D9ABFB41BD6B, 0x5BE0CD19137E2179], False, 8),
}


def rc4_ref(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


M32 = 0xFFFFFFFF
M64 = (1 << 64) - 1


def rotl32(v: int, c: int) -> int:
    return ((v << c) | (v >> (32 - c))) & M32


def chacha20_ref(key: bytes, counter: int, nonce: bytes) -> bytes:
    st = [0x61707865, 0x3320646E, 0x79622D32, 0x6B206574]
    st += [*struct.unpack("<8I", key), counter, *struct.unpack("<3I", nonce)]
    x = list(st)

    def qr(a: int, b: int, c: int, d: int) -> None:
        x[a] = (x[a] + x[b]) & M32
        x[d] = rotl32(x[d] ^ x[a], 16)
        x[c] = (x[c] + x[d]) & M32
        x[b] = rotl32(x[b] ^ x[c], 12)
        x[a] = (x[a] + x[b]) & M32
        x[d] = rotl32(x[d] ^ x[a], 8)
        x[c] = (x[c] + x[d]) & M32
        x[b] = rotl32(x[b] ^ x[c], 7)

    for _ in range(10):
        for q in ((0, 4, 8, 12), (1, 5, 9, 13), (2, 6, 10, 14), (3, 7, 11, 15),
                  (0, 5, 10, 15), (1, 6, 11, 12), (2, 7, 8, 13), (3, 4, 9, 14)):
            qr(*q)
    return struct.pack("<16I", *[(a + b) & M32 for a, b in zip(x, st, strict=True)])


def salsa_qr(y: list[int]) -> list[int]:
    z1 = y[1] ^ rotl32((y[0] + y[3]) & M32, 7)
    z2 = y[2] ^ rotl32((z1 + y[0]) & M32, 9)
    z3 = y[3] ^ rotl32((z2 + z1) & M32, 13)
    z0 = y[0] ^ rotl32((z3 + z2) & M32, 18)
    return [z0, z1, z2, z3]


def salsa20_ref(inp: list[int]) -> list[int]:
    x = list(inp)

    def apply(groups: tuple[tuple[int, int, int, int], ...]) -> None:
        for g in groups:
            vals = salsa_qr([x[i] for i in g])
            for i, v in zip(g, vals, strict=True):
                x[i] = v

    for _ in range(10):
        apply(((0, 4, 8, 12), (5, 9, 13, 1), (10, 14, 2, 6), (15, 3, 7, 11)))  # columnround
        apply(((0, 1, 2, 3), (5, 6, 7, 4), (10, 11, 8, 9), (15, 12, 13, 14)))  # rowround
    return [(a + b) & M32 for a, b in zip(x, inp, strict=True)]


def tea_ref(v: tuple[int, int], k: tuple[int, int, int, int]) -> tuple[int, int]:
    y, z, s = v[0], v[1], 0
    for _ in range(32):
        s = (s + 0x9E3779B9) & M32
        y = (y + ((((z << 4) & M32) + k[0]) ^ (z + s) ^ ((z >> 5) + k[1]))) & M32
        z = (z + ((((y << 4) & M32) + k[2]) ^ (y + s) ^ ((y >> 5) + k[3]))) & M32
    return y, z


def xtea_ref(v: tuple[int, int], k: tuple[int, int, int, int]) -> tuple[int, int]:
    v0, v1, s = v[0], v[1], 0
    for _ in range(32):
        v0 = (v0 + (((((v1 << 4) & M32) ^ (v1 >> 5)) + v1) ^ (s + k[s & 3]))) & M32
        s = (s + 0x9E3779B9) & M32
        v1 = (v1 + (((((v0 << 4) & M32) ^ (v0 >> 5)) + v0) ^ (s + k[(s >> 11) & 3]))) & M32
    return v0, v1


def speck64_ref(v: tuple[int, int], k: tuple[int, int, int, int]) -> tuple[int, int]:
    """Speck64/128: v = (x, y), k = (k0, l0, l1, l2); 27 rounds, rotations 8 and 3."""
    def ror(x: int, r: int) -> int:
        return ((x >> r) | (x << (32 - r))) & M32

    x, y = v
    a, ls = k[0], [k[1], k[2], k[3]]
    for i in range(27):
        x = ((ror(x, 8) + y) & M32) ^ a
        y = rotl32(y, 3) ^ x
        ls.append(((a + ror(ls[i], 8)) & M32) ^ i)
        a = rotl32(a, 3) ^ ls[-1]
    return x, y


def gf128_ref(x: int, y: int) -> int:
    """GCM multiplication; integers are the 128-bit big-endian block values."""
    z, v = 0, y
    for i in range(128):
        if (x >> (127 - i)) & 1:
            z ^= v
        v = (v >> 1) ^ (0xE1 << 120) if v & 1 else v >> 1
    return z


def ghash_ref(h: bytes, data: bytes) -> bytes:
    hv, y = int.from_bytes(h, "big"), 0
    for i in range(0, len(data), 16):
        blk = data[i:i + 16].ljust(16, b"\0")
        y = gf128_ref(y ^ int.from_bytes(blk, "big"), hv)
    return y.to_bytes(16, "big")


def crypto_files(ref: str) -> list[Path]:
    return [p for p in corpus_files("crypto") if parse_tag(p).get("ref") == ref]


def test_reference_self_checks() -> None:
    """The Python references reproduce published values before they judge the C code."""
    for key, pt, ct in FIPS197:
        assert aes128_ref(bytes.fromhex(key), bytes.fromhex(pt)).hex() == ct
    assert rc4_ref(b"Key", b"Plaintext").hex() == "bbf316e8d940af0ad3"
    assert rc4_ref(b"Wiki", b"pedia").hex() == "1021bf0420"
    # Salsa20 spec, quarterround examples
    assert salsa_qr([1, 0, 0, 0]) == [0x08008145, 0x00000080, 0x00010200, 0x20500000]
    assert salsa_qr([0, 0, 0, 0]) == [0, 0, 0, 0]
    assert chacha20_ref(bytes(range(32)), 1, bytes.fromhex("000000090000004a00000000")).hex() \
        == RFC8439_BLOCK
    # Speck64/128 test vector of the Simon and Speck paper (key l2 l1 l0 k0, plaintext x y)
    assert speck64_ref((0x3B726574, 0x7475432D), (0x03020100, 0x0B0A0908, 0x13121110, 0x1B1A1918)) \
        == (0x8C6FA548, 0x454E028B)


RFC8439_BLOCK = (  # RFC 8439 section 2.3.2, serialized block
    "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
    "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e"
)


@pytest.mark.parametrize("path", crypto_files("aes128"), ids=file_id)
def test_aes128(path: Path, build_dir: Path) -> None:
    run = aes_caller(path, build_dir)
    for key, pt, ct in FIPS197:
        assert run(bytes.fromhex(key), bytes.fromhex(pt)).hex() == ct
    rng = random.Random(7)
    for _ in range(40):
        key, pt = rng.randbytes(16), rng.randbytes(16)
        assert run(key, pt) == aes128_ref(key, pt)


@pytest.mark.parametrize("path", crypto_files("aes128-dec"), ids=file_id)
def test_aes128_decrypt(path: Path, build_dir: Path) -> None:
    """The inverse cipher undoes the reference encryption (FIPS-197 vectors and random)."""
    run = aes_caller(path, build_dir)
    for key, pt, ct in FIPS197:
        assert run(bytes.fromhex(key), bytes.fromhex(ct)).hex() == pt
    rng = random.Random(9)
    for _ in range(40):
        key, pt = rng.randbytes(16), rng.randbytes(16)
        assert run(key, aes128_ref(key, pt)) == pt


@pytest.mark.parametrize("path", crypto_files("md5") + crypto_files("sha1")
                         + crypto_files("sha256") + crypto_files("sha512"), ids=file_id)
def test_md_compression(path: Path, build_dir: Path) -> None:
    """One compression call per block (`void f(uintW_t state[], const uint8_t block[])`),
    the digest against hashlib; lengths around the padding's block boundaries."""
    tag = parse_tag(path)
    algo = tag["ref"]
    init, little, word = MD_INIT[algo]
    ctype, code = (ctypes.c_uint32, "I") if word == 4 else (ctypes.c_uint64, "Q")
    lib = load(path, build_dir)
    comp = fn(lib, tag["entry"], None, ctypes.POINTER(ctype), ctypes.POINTER(ctypes.c_uint8))
    block = 16 * word
    rng = random.Random(3)
    for n in (0, 3, 14 * word - 1, 14 * word, block, 25 * word, 30 * word - 1, 50 * word):
        msg = b"abc" if n == 3 else rng.randbytes(n)
        padded = md_pad(msg, little, word)
        state = (ctype * len(init))(*init)
        for off in range(0, len(padded), block):
            comp(state, u8buf(padded[off:off + block]))
        digest = struct.pack(("<" if little else ">") + f"{len(init)}{code}", *state)
        assert digest == hashlib.new(algo, msg).digest(), (algo, n)


@pytest.mark.parametrize("path", crypto_files("rc4"), ids=file_id)
def test_rc4(path: Path, build_dir: Path) -> None:
    tag = parse_tag(path)
    lib = load(path, build_dir)
    p8 = ctypes.POINTER(ctypes.c_uint8)
    setkey = fn(lib, tag["setkey"], None, ctypes.c_void_p, p8, ctypes.c_size_t)
    crypt = fn(lib, tag["entry"], None, ctypes.c_void_p, p8, p8, ctypes.c_size_t)

    def run(key: bytes, data: bytes, split: int | None = None) -> bytes:
        ctx = (ctypes.c_uint8 * 1024)()
        setkey(ctx, u8buf(key), len(key))
        parts = [data] if split is None else [data[:split], data[split:]]
        res = b""
        for part in parts:
            out = out_buf(len(part))
            crypt(ctx, u8buf(part), out, len(part))
            res += bytes(out)[:len(part)]
        return res

    assert run(b"Key", b"Plaintext").hex() == "bbf316e8d940af0ad3"
    assert run(b"Wiki", b"pedia").hex() == "1021bf0420"
    assert run(b"Secret", b"Attack at dawn").hex() == "45a01f645fc35b383552544b9bf5"
    rng = random.Random(5)
    for _ in range(10):
        key, data = rng.randbytes(rng.randrange(1, 40)), rng.randbytes(rng.randrange(1, 600))
        assert run(key, data, split=len(data) // 3) == rc4_ref(key, data)


@pytest.mark.parametrize("path", crypto_files("chacha20"), ids=file_id)
def test_chacha20(path: Path, build_dir: Path) -> None:
    tag = parse_tag(path)
    lib = load(path, build_dir)
    pu32 = ctypes.POINTER(ctypes.c_uint32)
    blk = fn(lib, tag["entry"], None, pu32, ctypes.c_uint32, pu32,
             ctypes.POINTER(ctypes.c_uint8))

    def run(key: bytes, ctr: int, nonce: bytes) -> bytes:
        out = out_buf(64)
        blk((ctypes.c_uint32 * 8)(*struct.unpack("<8I", key)), ctr,
            (ctypes.c_uint32 * 3)(*struct.unpack("<3I", nonce)), out)
        return bytes(out)

    assert run(bytes(range(32)), 1, bytes.fromhex("000000090000004a00000000")).hex() \
        == RFC8439_BLOCK
    rng = random.Random(11)
    for _ in range(20):
        key, ctr, nonce = rng.randbytes(32), rng.getrandbits(32), rng.randbytes(12)
        assert run(key, ctr, nonce) == chacha20_ref(key, ctr, nonce)


@pytest.mark.parametrize("path", crypto_files("salsa20"), ids=file_id)
def test_salsa20(path: Path, build_dir: Path) -> None:
    tag = parse_tag(path)
    lib = load(path, build_dir)
    pu32 = ctypes.POINTER(ctypes.c_uint32)
    core = fn(lib, tag["entry"], None, pu32, pu32)
    rng = random.Random(13)
    for i in range(20):
        inp = [0] * 16 if i == 0 else [rng.getrandbits(32) for _ in range(16)]
        out = (ctypes.c_uint32 * 16)()
        core(out, (ctypes.c_uint32 * 16)(*inp))
        assert list(out) == salsa20_ref(inp)
    assert salsa20_ref([0] * 16) == [0] * 16


@pytest.mark.parametrize("path", crypto_files("tea") + crypto_files("xtea")
                         + crypto_files("speck64"), ids=file_id)
def test_tea_family(path: Path, build_dir: Path) -> None:
    tag = parse_tag(path)
    lib = load(path, build_dir)
    pu32 = ctypes.POINTER(ctypes.c_uint32)
    enc = fn(lib, tag["entry"], None, pu32, pu32)
    ref = {"tea": tea_ref, "xtea": xtea_ref, "speck64": speck64_ref}[tag["ref"]]
    rng = random.Random(17)
    for i in range(30):
        v = (0, 0) if i == 0 else (rng.getrandbits(32), rng.getrandbits(32))
        k = (0, 0, 0, 0) if i == 0 else tuple(rng.getrandbits(32) for _ in range(4))
        buf = (ctypes.c_uint32 * 2)(*v)
        enc(buf, (ctypes.c_uint32 * 4)(*k))
        assert tuple(buf) == ref(v, k)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", crypto_files("ghash"), ids=file_id)
def test_ghash(path: Path, build_dir: Path) -> None:
    tag = parse_tag(path)
    lib = load(path, build_dir)
    p8 = ctypes.POINTER(ctypes.c_uint8)
    gh = fn(lib, tag["entry"], None, p8, p8, ctypes.c_size_t, p8)

    def run(h: bytes, data: bytes) -> bytes:
        out = out_buf(16)
        gh(u8buf(h), u8buf(data), len(data), out)
        return bytes(out)

    # GCM spec test case 2 (K = 0, P = 0^128, IV = 0^96): H = E_K(0), and
    # tag = E_K(J0) xor GHASH_H(C || len(A) || len(C)).
    h = aes128_ref(bytes(16), bytes(16))
    assert h.hex() == "66e94bd4ef8a2c3b884cfa59ca342b2e"
    c = bytes.fromhex("0388dace60b6a392f328c2b971b2fe78")
    ek_j0 = aes128_ref(bytes(16), bytes(15) + b"\x01")
    s = run(h, c + (0).to_bytes(8, "big") + (128).to_bytes(8, "big"))
    assert bytes(a ^ b for a, b in zip(s, ek_j0, strict=True)).hex() \
        == "ab6e47d42cec13bdf53a67b21257bddf"
    one = (1 << 127).to_bytes(16, "big")  # the field's multiplicative identity in GCM order
    rng = random.Random(19)
    for _ in range(20):
        h, x = rng.randbytes(16), rng.randbytes(16)
        assert run(h, x) == gf128_ref(int.from_bytes(x, "big"), int.from_bytes(h, "big")) \
            .to_bytes(16, "big")
        assert run(one, x) == x
        data = rng.randbytes(rng.randrange(1, 100))
        assert run(h, data) == ghash_ref(h, data)


@pytest.mark.parametrize("path", crypto_files("hmac-sha256"), ids=file_id)
def test_hmac_sha256(path: Path, build_dir: Path) -> None:
    tag = parse_tag(path)
    lib = load(path, build_dir)
    p8 = ctypes.POINTER(ctypes.c_uint8)
    mac = fn(lib, tag["entry"], None, p8, ctypes.c_size_t, p8, ctypes.c_size_t, p8)
    rng = random.Random(23)
    for klen in (0, 3, 20, 32, 64, 65, 131):
        for mlen in (0, 1, 55, 56, 64, 200):
            key, msg = rng.randbytes(klen), rng.randbytes(mlen)
            out = out_buf(32)
            mac(u8buf(key), klen, u8buf(msg), mlen, out)
            assert bytes(out) == hmac.new(key, msg, hashlib.sha256).digest(), (klen, mlen)


# ---- Spritz:
#      `void f(const uint8_t *key, size_t keylen, const uint8_t *in, size_t len, uint8_t *out)`
def spritz_ref(key: bytes, data: bytes) -> bytes:
    S = list(range(256))
    r = {"i": 0, "j": 0, "k": 0, "z": 0, "a": 0, "w": 1}

    def update() -> None:
        r["i"] = (r["i"] + r["w"]) % 256
        r["j"] = (r["k"] + S[(r["j"] + S[r["i"]]) % 256]) % 256
        r["k"] = (r["i"] + r["k"] + S[r["j"]]) % 256
        S[r["i"]], S[r["j"]] = S[r["j"]], S[r["i"]]

    def whip(n: int) -> None:
        for _ in range(n):
            update()
        r["w"] = (r["w"] + 1) % 256
        while r["w"] % 2 == 0:
            r["w"] = (r["w"] + 1) % 256

    def crush() -> None:
        for v in range(128):
            if S[v] > S[255 - v]:
                S[v], S[255 - v] = S[255 - v], S[v]

    def shuffle() -> None:
        whip(512)
        crush()
        whip(512)
        crush()
        whip(512)
        r["a"] = 0

    def nibble(x: int) -> None:
        if r["a"] == 128:
            shuffle()
        S[r["a"]], S[128 + x] = S[128 + x], S[r["a"]]
        r["a"] += 1

    for b in key:
        nibble(b & 15)
        nibble(b >> 4)
    out = bytearray()
    for b in data:
        if r["a"] > 0:
            shuffle()
        update()
        r["z"] = S[(r["j"] + S[(r["i"] + S[(r["z"] + r["k"]) % 256]) % 256]) % 256]
        out.append((b + r["z"]) % 256)
    return bytes(out)


@pytest.mark.parametrize("path", crypto_files("spritz"), ids=file_id)
def test_spritz(path: Path, build_dir: Path) -> None:
    lib = load(path, build_dir)
    p8 = ctypes.POINTER(ctypes.c_uint8)
    enc = fn(lib, parse_tag(path)["entry"], None, p8, ctypes.c_size_t, p8, ctypes.c_size_t, p8)

    def run(key: bytes, data: bytes) -> bytes:
        out = out_buf(len(data))
        enc(u8buf(key), len(key), u8buf(data), len(data), out)
        return bytes(out)[:len(data)]

    # Rivest & Schuldt 2014: Squeeze(8) after Absorb(input)
    for key, want in ((b"ABC", "779a8e01f9e9cbc0"), (b"spam", "f0609a1df143cebf"),
                      (b"arcfour", "1afa8b5ee337dbc7")):
        assert spritz_ref(key, bytes(8)).hex() == want
        assert run(key, bytes(8)).hex() == want
    rng = random.Random(5)
    for _ in range(10):
        key, data = rng.randbytes(rng.randrange(1, 200)), rng.randbytes(rng.randrange(1, 300))
        assert run(key, data) == spritz_ref(key, data)


# ---- Feistel with sqrt-constant keyed S-boxes:
#      `void setkey(void *ctx, const uint8_t *key, size_t keylen)`,
#      `void f(const void *ctx, uint32_t blk[2])`
def _sqrt_consts(n: int) -> list[int]:
    out, v = [], 2
    while len(out) < n:
        if isqrt(v) ** 2 != v:
            out.append(isqrt(v << 64) & M32)
        v += 1
    return out


def fsb_ref(key: bytes, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    c = _sqrt_consts(18 + 1024)
    P, S = c[:18], [c[18 + 256 * t:18 + 256 * (t + 1)] for t in range(4)]

    def F(x: int) -> int:
        return ((((S[0][x >> 24] + S[1][x >> 16 & 255]) & M32) ^ S[2][x >> 8 & 255])
                + S[3][x & 255]) & M32

    def enc(L: int, R: int) -> tuple[int, int]:
        for i in range(16):
            L ^= P[i]
            R ^= F(L)
            L, R = R, L
        L, R = R, L
        return L ^ P[17], R ^ P[16]

    kb = (key * (72 // len(key) + 1))[:72]
    P = [p ^ int.from_bytes(kb[4 * i:4 * i + 4], "big") for i, p in enumerate(P)]
    L = R = 0
    for i in range(0, 18, 2):
        L, R = enc(L, R)
        P[i], P[i + 1] = L, R
    for t in range(4):
        for i in range(0, 256, 2):
            L, R = enc(L, R)
            S[t][i], S[t][i + 1] = L, R
    return [enc(L, R) for L, R in blocks]


@pytest.mark.parametrize("path", crypto_files("fsb-sqrt"), ids=file_id)
def test_fsb(path: Path, build_dir: Path) -> None:
    lib = load(path, build_dir)
    setkey = fn(lib, "fsb_setkey", None, ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint8),
                ctypes.c_size_t)
    enc = fn(lib, parse_tag(path)["entry"], None, ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint32))
    rng = random.Random(7)
    for klen in (4, 7, 16, 56):
        key = rng.randbytes(klen)
        blocks = [(0, 0)] + [(rng.getrandbits(32), rng.getrandbits(32)) for _ in range(20)]
        ctx = (ctypes.c_uint8 * 8192)()
        setkey(ctx, u8buf(key), klen)
        got = []
        for L, R in blocks:
            b = (ctypes.c_uint32 * 2)(L, R)
            enc(ctx, b)
            got.append((b[0], b[1]))
        assert got == fsb_ref(key, blocks), klen


# ---- Poly1305: shared kind key_buf_len_out (key = r || s, 32 bytes; out = 16-byte tag)
def poly1305_ref(key: bytes, msg: bytes) -> bytes:
    r = int.from_bytes(key[:16], "little") & 0x0FFFFFFC0FFFFFFC0FFFFFFC0FFFFFFF
    s = int.from_bytes(key[16:], "little")
    p, acc = (1 << 130) - 5, 0
    for i in range(0, len(msg), 16):
        blk = msg[i:i + 16] + b"\x01"
        acc = (acc + int.from_bytes(blk, "little")) * r % p
    return ((acc + s) & ((1 << 128) - 1)).to_bytes(16, "little")


@pytest.mark.parametrize("path", crypto_files("poly1305"), ids=file_id)
def test_poly1305(path: Path, build_dir: Path) -> None:
    lib = load(path, build_dir)
    p8 = ctypes.POINTER(ctypes.c_uint8)
    mac = fn(lib, parse_tag(path)["entry"], None, p8, p8, ctypes.c_size_t, p8)

    def run(key: bytes, msg: bytes) -> bytes:
        out = out_buf(16)
        mac(u8buf(key), u8buf(msg), len(msg), out)
        return bytes(out)

    key = bytes.fromhex("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b")
    msg = b"Cryptographic Forum Research Group"
    assert poly1305_ref(key, msg).hex() == "a8061dc1305136c6c22b8baf0c0127a9"  # RFC 8439 2.5.2
    assert run(key, msg).hex() == "a8061dc1305136c6c22b8baf0c0127a9"
    rng = random.Random(11)
    edge = [b"\xff" * 32, b"\xff" * 16 + bytes(16), bytes(32)]
    for i in range(60):
        key = edge[i] if i < len(edge) else rng.randbytes(32)
        for msg in (b"", rng.randbytes(rng.randrange(1, 300)), b"\xff" * 64):
            assert run(key, msg) == poly1305_ref(key, msg)
    # RFC 8439 appendix A.3 vectors 6-8 (the final reduction of h >= p)
    one, two = bytes([1]) + bytes(31), bytes([2]) + bytes(31)
    for key, msg, want in (
            (two, b"\xff" * 16, "03" + "00" * 15),
            (one, b"\xff" * 16 + b"\xf0" + b"\xff" * 15 + b"\x11" + bytes(15), "05" + "00" * 15),
            (one, b"\xff" * 16 + b"\xfb" + b"\xfe" * 15 + b"\x01" * 16, "00" * 16)):
        assert poly1305_ref(key, msg).hex() == want
        assert run(key, msg).hex() == want


def test_every_crypto_file_is_checked() -> None:
    checked = {"aes128", "aes128-dec", "md5", "sha1", "sha256", "rc4", "chacha20", "salsa20",
               "tea", "xtea", "speck64", "ghash", "hmac-sha256", "sha512", "spritz",
               "fsb-sqrt", "poly1305"}
    for p in corpus_files("crypto"):
        assert parse_tag(p).get("ref") in checked, p


# --------------------------------------------------------------------------------------------
# Negatives (class none): a smoke call for every file, real behaviour checks where cheap.

P8 = ctypes.POINTER(ctypes.c_uint8)
PU16 = ctypes.POINTER(ctypes.c_uint16)
PU32 = ctypes.POINTER(ctypes.c_uint32)
PU64 = ctypes.POINTER(ctypes.c_uint64)
SZ = ctypes.c_size_t
Lib = ctypes.CDLL


def ipv4_header(proto: int = 6, ihl: int = 5, total: int = 40, ttl: int = 64,
                src: int = 0x0A000001, dst: int = 0xC0A80102, frag: int = 0) -> bytearray:
    h = bytearray(ihl * 4)
    h[0] = 0x40 | ihl
    h[2:4] = total.to_bytes(2, "big")
    h[6:8] = frag.to_bytes(2, "big")
    h[8], h[9] = ttl, proto
    h[12:16] = src.to_bytes(4, "big")
    h[16:20] = dst.to_bytes(4, "big")
    return h


def inet_csum(data: bytes) -> int:
    s = sum(int.from_bytes(data[i:i + 2].ljust(2, b"\0"), "big") for i in range(0, len(data), 2))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def neg_parse_eth_ipv4(lib: Lib) -> None:
    f = fn(lib, "eth_ipv4_l4_offset", ctypes.c_int, P8, SZ)
    frame = bytes(12) + b"\x08\x00" + ipv4_header(ihl=6, total=44) + bytes(20)
    assert f(u8buf(frame), len(frame)) == 14 + 24
    arp = bytes(12) + b"\x08\x06" + bytes(28)
    assert f(u8buf(arp), len(arp)) == -1
    frag = bytes(12) + b"\x08\x00" + ipv4_header(frag=0x2000) + bytes(20)
    assert f(u8buf(frag), len(frag)) == -1


class FlowTuple(ctypes.Structure):
    _fields_ = [("saddr", ctypes.c_uint32), ("daddr", ctypes.c_uint32),
                ("sport", ctypes.c_uint16), ("dport", ctypes.c_uint16),
                ("proto", ctypes.c_uint8), ("pad", ctypes.c_uint8 * 3)]


def neg_parse_five_tuple(lib: Lib) -> None:
    f = fn(lib, "extract_flow_tuple", ctypes.c_int, P8, SZ, ctypes.POINTER(FlowTuple))
    pkt = ipv4_header(proto=17) + (5353).to_bytes(2, "big") + (53).to_bytes(2, "big") + bytes(4)
    ft = FlowTuple()
    assert f(u8buf(pkt), len(pkt), ctypes.byref(ft)) == 0
    assert (ft.saddr, ft.daddr, ft.sport, ft.dport, ft.proto) == \
        (0x0A000001, 0xC0A80102, 5353, 53, 17)
    assert f(u8buf(pkt[:10]), 10, ctypes.byref(ft)) == -1


def neg_parse_vlan_mpls(lib: Lib) -> None:
    f = fn(lib, "l2_skip_encap", SZ, P8, SZ, PU16, ctypes.POINTER(ctypes.c_uint),
           PU16)
    et, nt, vid = ctypes.c_uint16(), ctypes.c_uint(), ctypes.c_uint16()
    qinq = bytes(12) + b"\x88\xa8\x00\x64" + b"\x81\x00\x00\x0a" + b"\x08\x00" + bytes(20)
    assert f(u8buf(qinq), len(qinq), ctypes.byref(et), ctypes.byref(nt), ctypes.byref(vid)) == 22
    assert (et.value, nt.value, vid.value) == (0x0800, 2, 100)
    mpls = bytes(12) + b"\x88\x47" + b"\x00\x01\x00\x40" + b"\x00\x02\x01\x40" + bytes(20)
    assert f(u8buf(mpls), len(mpls), ctypes.byref(et), ctypes.byref(nt), ctypes.byref(vid)) == 22
    assert (et.value, nt.value) == (0, 2)


def neg_ipv4_options_walk(lib: Lib) -> None:
    f = fn(lib, "ipv4_find_option", ctypes.c_int, P8, ctypes.c_uint8)
    h = ipv4_header(ihl=8)
    h[20:32] = bytes([1, 1, 0x94, 4, 0, 0, 0x44, 6, 5, 0, 0, 0])  # NOP NOP RA TS(len 6)
    assert f(u8buf(h), 0x94) == 22
    assert f(u8buf(h), 0x44) == 26
    assert f(u8buf(h), 0x83) == -1


def neg_tcp_options_parse(lib: Lib) -> None:
    f = fn(lib, "tcp_syn_options", ctypes.c_uint, P8, PU16, P8)
    opts = bytes([2, 4, 0x05, 0xB4, 4, 2, 8, 10]) + bytes(8) + bytes([1, 3, 3, 7])
    tcp = bytearray(20) + opts
    tcp[12] = (len(tcp) // 4) << 4
    mss, ws = ctypes.c_uint16(), ctypes.c_uint8()
    assert f(u8buf(tcp), ctypes.byref(mss), ctypes.byref(ws)) == 15
    assert (mss.value, ws.value) == (1460, 7)


def neg_dns_name_parse(lib: Lib) -> None:
    f = fn(lib, "dns_read_name", ctypes.c_int, P8, SZ, SZ, ctypes.c_char_p, SZ)
    msg = bytes(12) + b"\x03www\x07example\x03com\x00" + b"\x04mail\xc0\x10"
    out = ctypes.create_string_buffer(256)
    assert f(u8buf(msg), len(msg), 12, out, 256) == 17
    assert out.value == b"www.example.com"
    assert f(u8buf(msg), len(msg), 29, out, 256) == 7
    assert out.value == b"mail.example.com"
    loop = bytes(12) + b"\xc0\x0c"
    assert f(u8buf(loop), len(loop), 12, out, 256) == -1


def neg_arp_responder(lib: Lib) -> None:
    f = fn(lib, "arp_answer_in_place", ctypes.c_int, P8, SZ, ctypes.c_uint32, P8)
    me = bytes.fromhex("020000000001")
    peer = bytes.fromhex("020000000002")
    req = (b"\xff" * 6 + peer + b"\x08\x06" + b"\x00\x01\x08\x00\x06\x04\x00\x01" + peer
           + bytes([10, 0, 0, 2]) + bytes(6) + bytes([10, 0, 0, 1]))
    buf = u8buf(req)
    assert f(buf, len(req), 0x0A000001, u8buf(me)) == 1
    rep = bytes(buf)
    assert rep[0:6] == peer and rep[6:12] == me and rep[21] == 2
    assert rep[22:28] == me and rep[32:38] == peer and rep[38:42] == bytes([10, 0, 0, 2])
    assert f(u8buf(req), len(req), 0x0A000009, u8buf(me)) == 0


def neg_vxlan_encap(lib: Lib) -> None:
    f = fn(lib, "vxlan_encap", SZ, P8, P8, SZ, ctypes.c_uint32, ctypes.c_uint32,
           ctypes.c_uint32, ctypes.c_uint16)
    inner = bytes(range(60))
    out = out_buf(200)
    assert f(out, u8buf(inner), 60, 0x123456, 0x0A000001, 0x0A000002, 777) == 96
    o = bytes(out)
    assert o[0] == 0x45 and o[9] == 17 and int.from_bytes(o[22:24], "big") == 4789
    assert o[36:96] == inner and int.from_bytes(o[32:35], "big") == 0x123456


class NatBinding(ctypes.Structure):
    _fields_ = [("ext_addr", ctypes.c_uint32), ("ext_port", ctypes.c_uint16),
                ("flags", ctypes.c_uint16), ("packets", ctypes.c_uint64),
                ("octets", ctypes.c_uint64)]


def neg_nat_rewrite(lib: Lib) -> None:
    f = fn(lib, "snat_rewrite", ctypes.c_uint64, P8, ctypes.POINTER(NatBinding))
    pkt = u8buf(ipv4_header(proto=6, total=40) + bytes(20))
    b = NatBinding(0xC6336401, 40000, 0, 0, 0)
    assert f(pkt, ctypes.byref(b)) == 1
    assert f(pkt, ctypes.byref(b)) == 2
    raw = bytes(pkt)
    assert raw[12:16] == bytes([198, 51, 100, 1]) and int.from_bytes(raw[20:22], "big") == 40000
    assert b.octets == 80


def neg_ttl_decrement(lib: Lib) -> None:
    f = fn(lib, "fwd_ttl_step", ctypes.c_uint, P8, P8)
    flags = ctypes.c_uint8(0)
    h = u8buf(ipv4_header(ttl=2))
    assert f(h, ctypes.byref(flags)) == 1 and h[8] == 1 and flags.value == 1
    assert f(h, ctypes.byref(flags)) == 0


def neg_flow_table_probe(lib: Lib) -> None:
    fn(lib, "flow_table_clear", None)()
    ins = fn(lib, "flow_insert_hashed", ctypes.c_int, ctypes.c_uint64, ctypes.c_uint32,
             ctypes.c_int32)
    era = fn(lib, "flow_erase_hashed", ctypes.c_int, ctypes.c_uint64, ctypes.c_uint32)
    find = fn(lib, "flow_find_hashed", ctypes.c_int32, ctypes.c_uint64, ctypes.c_uint32)
    rng = random.Random(29)
    keys = {rng.getrandbits(64): (rng.getrandbits(4), i) for i in range(300)}  # many collisions
    for k, (h, v) in keys.items():
        assert ins(k, h, v) >= 0
    victims = list(keys)[:50]
    for k in victims:
        assert era(k, keys[k][0]) == 0
    for k, (h, v) in keys.items():
        assert find(k, h) == (-1 if k in victims else v)


class FlowRecord(ctypes.Structure):
    _fields_ = [("packets", ctypes.c_uint64), ("bytes", ctypes.c_uint64),
                ("first_ns", ctypes.c_uint64), ("last_ns", ctypes.c_uint64),
                ("max_len", ctypes.c_uint32), ("tcp_flags", ctypes.c_uint8),
                ("pad", ctypes.c_uint8 * 3)]


def neg_flow_counters(lib: Lib) -> None:
    f = fn(lib, "flow_account", ctypes.c_uint64, ctypes.POINTER(FlowRecord), ctypes.c_uint32,
           ctypes.c_uint32, ctypes.c_uint8, ctypes.c_uint64)
    tbl = (FlowRecord * 4)()
    f(tbl, 2, 100, 0x02, 10)
    assert f(tbl, 2, 1500, 0x10, 20) == 1600
    r = tbl[2]
    assert (r.packets, r.first_ns, r.last_ns, r.max_len, r.tcp_flags) == (2, 10, 20, 1500, 0x12)


def neg_byte_value_spread(lib: Lib) -> None:
    f = fn(lib, "payload_distinct_bytes", ctypes.c_uint, P8, SZ)
    data = random.Random(31).randbytes(300)
    assert f(u8buf(data), len(data)) == len(set(data))


class SizeStats(ctypes.Structure):
    _fields_ = [("avg_fp", ctypes.c_uint32), ("min", ctypes.c_uint32),
                ("max", ctypes.c_uint32), ("samples", ctypes.c_uint32)]


def neg_ewma_pkt_size(lib: Lib) -> None:
    f = fn(lib, "ewma_update", ctypes.c_uint32, ctypes.POINTER(SizeStats), ctypes.c_uint32)
    st = SizeStats()
    avg = None
    for s in random.Random(37).choices((64, 576, 1500), k=50):
        got = f(ctypes.byref(st), s)
        if avg is None:
            avg = s << 8
        else:
            d = (s << 8) - avg
            avg += int(d / 8)  # C division truncates toward zero
        assert got == avg
    assert st.min == 64 or st.max == 1500


def neg_window_byte_counter(lib: Lib) -> None:
    fn(lib, "meter_reset", None)()
    f = fn(lib, "meter_add_bytes", ctypes.c_uint64, ctypes.c_uint32, ctypes.c_uint32)
    events: list[tuple[int, int]] = []
    t = 5000
    rng = random.Random(41)
    for _ in range(200):
        t += rng.randrange(0, 60)
        b = rng.randrange(60, 1500)
        events.append((t, b))
        epoch = t // 100
        want = sum(bb for tt, bb in events if epoch - tt // 100 < 10)
        assert f(t, b) == want


class TokenBucket(ctypes.Structure):
    _fields_ = [("rate_bps", ctypes.c_uint64), ("burst", ctypes.c_uint64),
                ("tokens", ctypes.c_uint64), ("last_ns", ctypes.c_uint64)]


def neg_token_bucket(lib: Lib) -> None:
    f = fn(lib, "tb_conform", ctypes.c_int, ctypes.POINTER(TokenBucket), ctypes.c_uint64,
           ctypes.c_uint32)
    tb = TokenBucket(1_000_000, 3000, 3000, 0)
    assert [f(ctypes.byref(tb), 0, 1000) for _ in range(4)] == [1, 1, 1, 0]
    assert f(ctypes.byref(tb), 1_000_000, 1000) == 1   # 1 ms later: 1000 bytes refilled
    assert f(ctypes.byref(tb), 1_000_000, 1000) == 0


def neg_rate_limit_window(lib: Lib) -> None:
    f = fn(lib, "rl_allow", ctypes.c_int, ctypes.c_uint32, ctypes.c_uint32)
    assert [f(7, 100) for _ in range(7)] == [1] * 5 + [0, 0]
    assert f(7, 101) == 1 and f(8, 100) == 1


def neg_tcp_seq_window(lib: Lib) -> None:
    f = fn(lib, "tcp_segment_acceptable", ctypes.c_int, *[ctypes.c_uint32] * 4)
    assert f(1000, 100, 1000, 500) == 1
    assert f(0xFFFFFFF0, 0x40, 0xFFFFFFF0, 1000) == 1  # wraps around
    assert f(2000, 100, 1000, 500) == 0
    assert f(999, 0, 1000, 0) == 0 and f(1000, 0, 1000, 0) == 1


def neg_conntrack_fsm(lib: Lib) -> None:
    f = fn(lib, "ct_tcp_next", ctypes.c_int, ctypes.c_int, ctypes.c_uint8, ctypes.c_int)
    s = 0
    for flags, client in ((0x02, 1), (0x12, 0), (0x10, 1)):
        s = f(s, flags, client)
    assert s == 3  # established
    assert f(s, 0x11, 1) == 4 and f(s, 0x04, 0) == 7


def _sorted_check(lib: Lib, name: str, ctype: type, bits: int, with_tmp: bool = False) -> None:
    rng = random.Random(43)
    for n in (0, 1, 2, 7, 8, 9, 100, 1000):
        vals = [rng.getrandbits(bits) for _ in range(n)]
        if n == 100:
            vals = [rng.choice((1, 2, 3)) for _ in range(n)]  # many duplicates
        arr = (ctype * max(1, n))(*vals)
        if with_tmp:
            fn(lib, name, None, ctypes.POINTER(ctype), ctypes.POINTER(ctype), SZ)(
                arr, (ctype * max(1, n))(), n)
        else:
            fn(lib, name, None, ctypes.POINTER(ctype), SZ)(arr, n)
        assert list(arr)[:n] == sorted(vals)


def neg_sort_insertion(lib: Lib) -> None:
    _sorted_check(lib, "sort_u32_insertion", ctypes.c_uint32, 32)


def neg_sort_quick_ports(lib: Lib) -> None:
    _sorted_check(lib, "sort_ports", ctypes.c_uint16, 16)


def neg_sort_radix_lsd(lib: Lib) -> None:
    _sorted_check(lib, "radix_sort_u32", ctypes.c_uint32, 32, with_tmp=True)


def neg_timer_heap(lib: Lib) -> None:
    push = fn(lib, "timerq_push", ctypes.c_int, ctypes.c_uint64)
    pop = fn(lib, "timerq_pop", ctypes.c_uint64)
    vals = [random.Random(47).getrandbits(48) + 1 for _ in range(500)]
    for v in vals:
        assert push(v) == 0
    assert [pop() for _ in vals] == sorted(vals)
    assert pop() == 0


def neg_port_bsearch(lib: Lib) -> None:
    f = fn(lib, "port_set_find", ctypes.c_int, PU16, SZ, ctypes.c_uint16)
    ports = sorted(random.Random(53).sample(range(65536), 200))
    arr = (ctypes.c_uint16 * len(ports))(*ports)
    for i, p in enumerate(ports):
        assert f(arr, len(ports), p) == i
    absent = next(p for p in range(65536) if p not in ports)
    assert f(arr, len(ports), absent) == -1


def _search_check(lib: Lib, name: str) -> None:
    f = fn(lib, name, ctypes.c_long, P8, SZ, P8, SZ)
    rng = random.Random(59)
    for _ in range(200):
        hay = bytes(rng.choice(b"abc") for _ in range(rng.randrange(0, 80)))
        needle = bytes(rng.choice(b"abc") for _ in range(rng.randrange(1, 6)))
        assert f(u8buf(hay), len(hay), u8buf(needle), len(needle)) == hay.find(needle)
    hay = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n"
    assert f(u8buf(hay), len(hay), u8buf(b"Host:"), 5) == hay.find(b"Host:")


def neg_strsearch_naive(lib: Lib) -> None:
    _search_check(lib, "payload_find")


def neg_strsearch_kmp(lib: Lib) -> None:
    _search_check(lib, "kmp_find")


def neg_strsearch_bmh(lib: Lib) -> None:
    _search_check(lib, "bmh_search")


def neg_mem_copy_words(lib: Lib) -> None:
    f = fn(lib, "pkt_copy", ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, SZ)
    src = random.Random(61).randbytes(300)
    for off, n in ((0, 300), (3, 100), (5, 7), (1, 0)):
        dst = out_buf(320)
        f(ctypes.addressof(dst) + off, u8buf(src), n)
        assert bytes(dst)[off:off + n] == src[:n]


def neg_mem_cmp_set(lib: Lib) -> None:
    cmp = fn(lib, "meta_memcmp", ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, SZ)
    fill = fn(lib, "meta_fill", None, ctypes.c_void_p, ctypes.c_uint8, SZ)
    a = random.Random(67).randbytes(50)
    for i in (0, 13, 49):
        b = bytearray(a)
        b[i] = (b[i] + 1) % 256
        want = (a > bytes(b)) - (a < bytes(b))
        got = cmp(u8buf(a), u8buf(b), 50)
        assert (got > 0) - (got < 0) == want
    assert cmp(u8buf(a), u8buf(a), 50) == 0
    buf = out_buf(20)
    fill(buf, 0xAB, 20)
    assert bytes(buf) == b"\xab" * 20


def neg_byteswap_utils(lib: Lib) -> None:
    f = fn(lib, "bswap32_array", ctypes.c_uint32, PU32, SZ)
    vals = [0x11223344, 0xDEADBEEF, 1]
    arr = (ctypes.c_uint32 * 3)(*vals)
    f(arr, 3)
    assert list(arr) == [int.from_bytes(v.to_bytes(4, "big"), "little") for v in vals]
    assert fn(lib, "my_bswap64", ctypes.c_uint64, ctypes.c_uint64)(0x0102030405060708) \
        == 0x0807060504030201


def neg_bit_reverse(lib: Lib) -> None:
    f = fn(lib, "bitrev32", ctypes.c_uint32, ctypes.c_uint32)
    for v in (0, 1, 0x80000000, 0x12345678, 0xFFFF0000):
        assert f(v) == int(f"{v:032b}"[::-1], 2)


def neg_bitrev_table_bytes(lib: Lib) -> None:
    f = fn(lib, "reverse_bits_inplace", SZ, P8, SZ)
    data = bytes(range(256))
    buf = u8buf(data)
    f(buf, 256)
    assert bytes(buf) == bytes(int(f"{b:08b}"[::-1], 2) for b in data)


def neg_popcount_ffs(lib: Lib) -> None:
    f = fn(lib, "mask_popcount_ffs", ctypes.c_uint, PU64, SZ, ctypes.POINTER(ctypes.c_long))
    words = [0, 0, 0x10, 0xFFFF_0000_0000_0001]
    first = ctypes.c_long()
    assert f((ctypes.c_uint64 * 4)(*words), 4, ctypes.byref(first)) == 18
    assert first.value == 128 + 4
    assert f((ctypes.c_uint64 * 1)(0), 1, ctypes.byref(first)) == 0 and first.value == -1


def neg_parity_fold(lib: Lib) -> None:
    f = fn(lib, "buffer_parity", ctypes.c_uint8, P8, SZ)
    rng = random.Random(71)
    for n in (0, 1, 5, 64, 333):
        data = rng.randbytes(n)
        assert f(u8buf(data), n) == sum(bin(b).count("1") for b in data) % 2


def neg_rng_lcg(lib: Lib) -> None:
    f = fn(lib, "lcg_fill", None, PU32, PU32, SZ)
    st = ctypes.c_uint32(42)
    out = (ctypes.c_uint32 * 10)()
    f(ctypes.byref(st), out, 10)
    s, want = 42, []
    for _ in range(10):
        s = (s * 1664525 + 1013904223) & M32
        want.append(s)
    assert list(out) == want and st.value == s


def neg_rng_xorshift(lib: Lib) -> None:
    f = fn(lib, "xorshift64star", ctypes.c_uint64, PU64)
    st = ctypes.c_uint64(0x9E3779B97F4A7C15)
    x = st.value
    for _ in range(20):
        x ^= x >> 12
        x ^= (x << 25) & M64
        x ^= x >> 27
        assert f(ctypes.byref(st)) == (x * 0x2545F4914F6CDD1D) & M64


class Pcg32(ctypes.Structure):
    _fields_ = [("state", ctypes.c_uint64), ("inc", ctypes.c_uint64)]


def neg_rng_pcg32(lib: Lib) -> None:
    f = fn(lib, "pcg32_next", ctypes.c_uint32, ctypes.POINTER(Pcg32))
    g = Pcg32(0x853C49E6748FEA9B, 0xDA3E39CB94B95BDB)
    state, inc = g.state, g.inc
    for _ in range(20):
        old = state
        state = (old * 6364136223846793005 + (inc | 1)) & M64
        xs = (((old >> 18) ^ old) >> 27) & M32
        rot = old >> 59
        assert f(ctypes.byref(g)) == ((xs >> rot) | (xs << ((32 - rot) & 31))) & M32


def neg_bitmap_id_alloc(lib: Lib) -> None:
    fn(lib, "id_reset", None)()
    alloc = fn(lib, "id_alloc", ctypes.c_int)
    free = fn(lib, "id_free", None, ctypes.c_int)
    assert [alloc() for _ in range(130)] == list(range(130))
    free(5)
    free(70)
    assert alloc() == 5 and alloc() == 70 and alloc() == 130


def neg_ring_spsc(lib: Lib) -> None:
    fn(lib, "ring_reset", None)()
    push = fn(lib, "ring_push", ctypes.c_int, ctypes.c_uint64)
    pop = fn(lib, "ring_pop", ctypes.c_int, PU64)
    assert all(push(i) == 0 for i in range(256)) and push(999) == -1
    out = ctypes.c_uint64()
    got = []
    while pop(ctypes.byref(out)):
        got.append(out.value)
    assert got == list(range(256))


def neg_timer_wheel(lib: Lib) -> None:
    fn(lib, "tw_init", None, ctypes.c_uint32)(1000)
    add = fn(lib, "tw_add", ctypes.c_int, ctypes.c_int, ctypes.c_uint32)
    adv = fn(lib, "tw_advance", ctypes.c_uint, ctypes.c_uint32, ctypes.POINTER(ctypes.c_int32),
             ctypes.c_uint)
    expiries = {i: 1000 + 1 + (i * 37) % 700 for i in range(100)}
    for i, e in expiries.items():
        assert add(i, e) == 0
    buf = (ctypes.c_int32 * 128)()
    fired: list[int] = []
    for now in (1100, 1300, 1701):
        n = adv(now, buf, 128)
        fired_now = list(buf)[:n]
        assert all(expiries[i] <= now for i in fired_now)
        fired += fired_now
    assert sorted(fired) == sorted(expiries)


def neg_latency_histogram(lib: Lib) -> None:
    f = fn(lib, "lat_hist_record", ctypes.c_uint, PU64, ctypes.c_uint32)
    bins = (ctypes.c_uint64 * 24)()
    for us in (0, 1, 2, 3, 1000, 1 << 30):
        assert f(bins, us) == min(23, max(0, us.bit_length() - 1))
    assert sum(bins) == 6


def neg_rle_encode(lib: Lib) -> None:
    f = fn(lib, "rle_pack", SZ, P8, SZ, P8)
    data = b"\0" * 300 + b"ab" + b"c" * 5
    out = out_buf(2 * len(data))
    n = f(u8buf(data), len(data), out)
    enc = bytes(out)[:n]
    dec = b"".join(bytes([enc[i + 1]]) * enc[i] for i in range(0, n, 2))
    assert dec == data and n == 10


def neg_base64_encode(lib: Lib) -> None:
    import base64

    f = fn(lib, "b64_encode", SZ, P8, SZ, ctypes.c_char_p)
    rng = random.Random(73)
    for n in range(0, 40):
        data = rng.randbytes(n)
        out = ctypes.create_string_buffer(4 * (n // 3 + 1) + 1)
        assert f(u8buf(data), n, out) == len(base64.b64encode(data))
        assert out.value == base64.b64encode(data)


def neg_varint_leb128(lib: Lib) -> None:
    enc = fn(lib, "uvarint_encode", SZ, P8, ctypes.c_uint64)
    dec = fn(lib, "uvarint_decode", ctypes.c_int, P8, SZ, PU64)
    for v in (0, 1, 127, 128, 300, 2**32, 2**64 - 1):
        want = bytearray()
        x = v
        while True:
            b = x & 0x7F
            x >>= 7
            want.append(b | (0x80 if x else 0))
            if not x:
                break
        out = out_buf(10)
        n = enc(out, v)
        assert bytes(out)[:n] == bytes(want)
        got = ctypes.c_uint64()
        assert dec(out, n, ctypes.byref(got)) == n and got.value == v


def neg_utf8_validate(lib: Lib) -> None:
    f = fn(lib, "utf8_valid", ctypes.c_int, P8, SZ)
    samples = [b"", b"plain", "héllo €𝄞".encode(), b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80",
               b"\xf4\x90\x80\x80", b"\xe2\x82", b"\x80", b"ok\xf0\x9f\x98\x80", b"\xff"]
    rng = random.Random(79)
    samples += [rng.randbytes(rng.randrange(1, 8)) for _ in range(300)]
    for s in samples:
        try:
            s.decode("utf-8")
            ok = 1
        except UnicodeDecodeError:
            ok = 0
        assert f(u8buf(s), len(s)) == ok, s


def neg_hex_encode(lib: Lib) -> None:
    f = fn(lib, "hex_encode", SZ, P8, SZ, ctypes.c_char_p)
    data = random.Random(83).randbytes(33)
    out = ctypes.create_string_buffer(67)
    assert f(u8buf(data), 33, out) == 66 and out.value == data.hex().encode()


def neg_ipv4_dotted_parse(lib: Lib) -> None:
    f = fn(lib, "parse_dotted_quad", ctypes.c_int, ctypes.c_char_p, PU32)
    out = ctypes.c_uint32()
    assert f(b"192.168.1.254", ctypes.byref(out)) == 1 and out.value == 0xC0A801FE
    assert f(b"0.0.0.0", ctypes.byref(out)) == 1 and out.value == 0
    for bad in (b"256.1.1.1", b"1.2.3", b"1.2.3.4.", b"01.2.3.4", b"a.b.c.d", b""):
        assert f(bad, ctypes.byref(out)) == 0, bad


def neg_acl_first_match(lib: Lib) -> None:
    fn(lib, "acl_clear", None)()
    add = fn(lib, "acl_append", ctypes.c_int, *[ctypes.c_uint32] * 4, ctypes.c_uint16,
             ctypes.c_uint16, ctypes.c_uint8, ctypes.c_uint8)
    cls = fn(lib, "acl_classify", ctypes.c_int, ctypes.c_uint32, ctypes.c_uint32,
             ctypes.c_uint16, ctypes.c_uint16, ctypes.c_uint8)
    # rule order, not prefix length, decides: the /8 deny comes before the /24 allow
    add(0, 0, 0x0A000000, 0xFF000000, 22, 22, 6, 2)
    add(0, 0, 0x0A010100, 0xFFFFFF00, 0, 65535, 0, 1)
    assert cls(0x01020304, 0x0A010105, 5555, 22, 6) == 2
    assert cls(0x01020304, 0x0A010105, 5555, 80, 6) == 1
    assert cls(0x01020304, 0x0B010105, 5555, 80, 6) == 0


def neg_mac_learning(lib: Lib) -> None:
    learn = fn(lib, "l2_fdb_learn", None, P8, ctypes.c_uint16, ctypes.c_uint32)
    look = fn(lib, "l2_fdb_lookup", ctypes.c_int, P8)
    macs = [bytes([2, 0, 0, 0, i // 256, i % 256]) for i in range(80)]
    for t, m in enumerate(macs):
        learn(u8buf(m), t % 8, t)
    assert look(u8buf(macs[-1])) == 79 % 8
    assert look(u8buf(macs[0])) == -1  # aged out (table holds 64)
    assert look(u8buf(b"\x01\x00\x5e\x00\x00\x01")) == -1


def neg_lru_list(lib: Lib) -> None:
    fn(lib, "lru_reset", None)()
    f = fn(lib, "lru_touch", ctypes.c_int, ctypes.c_uint32, ctypes.POINTER(ctypes.c_int))
    ev = ctypes.c_int()
    slots = {k: f(k, ctypes.byref(ev)) for k in range(16)}
    assert ev.value == 0 and sorted(slots.values()) == list(range(16))
    f(0, ctypes.byref(ev))          # 0 becomes most recent; 1 is now LRU
    assert f(100, ctypes.byref(ev)) == slots[1] and ev.value == 1


def neg_ws_xor_unmask(lib: Lib) -> None:
    f = fn(lib, "ws_unmask", ctypes.c_uint, P8, SZ, P8, ctypes.c_uint)
    key = bytes.fromhex("37fa213d")
    data = random.Random(89).randbytes(103)
    for phase in range(4):
        buf = u8buf(data)
        assert f(buf, len(data), u8buf(key), phase) == (phase + len(data)) % 4
        assert bytes(buf) == bytes(b ^ key[(phase + i) % 4] for i, b in enumerate(data))


def neg_maglev_populate(lib: Lib) -> None:
    f = fn(lib, "maglev_fill", SZ, ctypes.POINTER(ctypes.c_int32), SZ, PU32, PU32, SZ)
    m, nb = 251, 5
    rng = random.Random(97)
    off = [rng.randrange(m) for _ in range(nb)]
    skip = [rng.randrange(1, m) for _ in range(nb)]
    table = (ctypes.c_int32 * m)()
    assert f(table, m, (ctypes.c_uint32 * nb)(*off), (ctypes.c_uint32 * nb)(*skip), nb) == m
    counts = [list(table).count(b) for b in range(nb)]
    assert sum(counts) == m and max(counts) - min(counts) <= 1


class WrrState(ctypes.Structure):
    _fields_ = [("last", ctypes.c_int), ("cw", ctypes.c_int)]


def neg_wrr_scheduler(lib: Lib) -> None:
    f = fn(lib, "wrr_next", ctypes.c_int, ctypes.POINTER(WrrState),
           ctypes.POINTER(ctypes.c_int), ctypes.c_int)
    w = [4, 2, 1]
    st = WrrState(-1, 0)
    picks = [f(ctypes.byref(st), (ctypes.c_int * 3)(*w), 3) for _ in range(70)]
    assert [picks.count(i) for i in range(3)] == [40, 20, 10]
    assert f(ctypes.byref(WrrState(-1, 0)), (ctypes.c_int * 2)(0, 0), 2) == -1


def neg_bloom_insert_extern_hash(lib: Lib) -> None:
    add = fn(lib, "bloom_add", ctypes.c_uint, P8, SZ, ctypes.c_void_p, SZ)
    query = fn(lib, "bloom_maybe_contains", ctypes.c_int, P8, SZ, ctypes.c_void_p, SZ)
    bits = out_buf(1024)
    keys = [f"flow-{i}".encode() for i in range(50)]
    assert add(bits, 8192, u8buf(keys[0]), len(keys[0])) > 0
    for k in keys[1:]:
        add(bits, 8192, u8buf(k), len(k))
    assert all(query(bits, 8192, u8buf(k), len(k)) for k in keys)
    absent = sum(query(bits, 8192, u8buf(f"x{i}".encode()), len(f"x{i}")) for i in range(200))
    assert absent < 20


def neg_csum_verify_caller(lib: Lib) -> None:
    f = fn(lib, "ipv4_hdr_validate", ctypes.c_int, P8, SZ)
    h = ipv4_header()
    h[10:12] = inet_csum(bytes(h)).to_bytes(2, "big")
    assert f(u8buf(h), 20) == 0
    h[8] ^= 1
    assert f(u8buf(h), 20) == 5
    assert f(u8buf(h), 10) == 1


def neg_pkt_batch_filter(lib: Lib) -> None:
    f = fn(lib, "batch_filter_lengths", SZ, PU16, SZ, ctypes.c_uint16, ctypes.c_uint16)
    lens = [40, 64, 1500, 9000, 60, 128]
    arr = (ctypes.c_uint16 * 6)(*lens)
    assert f(arr, 6, 60, 1514) == 4
    assert list(arr)[:4] == [64, 1500, 60, 128]


def neg_port_stats_cpp(lib: Lib) -> None:
    f = fn(lib, "port_stats_feed", ctypes.c_uint64, PU16, PU32, SZ, ctypes.c_uint16)
    ports = [80, 443, 80, 53, 80]
    lens = [100, 200, 300, 50, 5]
    assert f((ctypes.c_uint16 * 5)(*ports), (ctypes.c_uint32 * 5)(*lens), 5, 80) == 405


def neg_isn_counter_clock(lib: Lib) -> None:
    fn(lib, "isn_reset", None, ctypes.c_uint32)(0xFFFFFF00)
    nxt = fn(lib, "isn_next", ctypes.c_uint32, ctypes.c_uint32)
    for n, clock in enumerate((0, 4, 1000, 123456, 0xFFFFFFFF)):
        assert nxt(clock) == (0xFFFFFF00 + (clock >> 2) * 64 + n) & M32


def _check_map(put: Callable[[int, int], int], find: Callable[[int], int], seed: int,
               key_bits: int, count: int) -> dict[int, int]:
    """Insert ``count`` random keys (``put`` returns 0), then find every one; the table."""
    rng = random.Random(seed)
    table = {rng.getrandbits(key_bits): rng.randrange(1 << 30) for _ in range(count)}
    for k, v in table.items():
        assert put(k, v) == 0
    for k, v in table.items():
        assert find(k) == v
    return table


def neg_bst_flow_lookup(lib: Lib) -> None:
    fn(lib, "bst_clear", None)()
    put = fn(lib, "bst_put", ctypes.c_int, ctypes.c_uint64, ctypes.c_int32)
    find = fn(lib, "bst_find", ctypes.c_int32, ctypes.c_uint64)
    _check_map(put, find, seed=41, key_bits=64, count=800)
    assert find(12345) == -1


def neg_skiplist_find(lib: Lib) -> None:
    fn(lib, "sl_clear", None)()
    ins = fn(lib, "sl_insert", ctypes.c_int, ctypes.c_uint32, ctypes.c_int32)
    find = fn(lib, "sl_find", ctypes.c_int32, ctypes.c_uint32)
    table = _check_map(ins, find, seed=43, key_bits=32, count=1000)
    missing = next(k for k in range(1, 100) if k not in table)
    assert find(missing) == -1


def neg_hash_chain_walk(lib: Lib) -> None:
    fn(lib, "chain_clear", None)()
    u32, u16 = ctypes.c_uint32, ctypes.c_uint16
    add = fn(lib, "chain_add", ctypes.c_int, u32, u32, u32, u16, u16, ctypes.c_int32)
    look = fn(lib, "chain_lookup", ctypes.c_int32, u32, u32, u32, u16, u16)
    rng = random.Random(47)
    flows = [(rng.getrandbits(32), rng.getrandbits(32), rng.getrandbits(32), rng.getrandbits(16),
              rng.getrandbits(16)) for _ in range(500)]
    for i, f in enumerate(flows):
        assert add(*f, i) == 0
    for i, f in enumerate(flows):
        assert look(*f) == i
    h, sa, da, sp, dp = flows[0]
    assert look(h, sa, da, sp, (dp + 1) & 0xFFFF) == -1


def neg_bitmatrix_transpose8(lib: Lib) -> None:
    f = fn(lib, "transpose8_all", None, PU64, SZ)
    rng = random.Random(53)
    words = [rng.getrandbits(64) for _ in range(30)]
    arr = (ctypes.c_uint64 * 30)(*words)
    f(arr, 30)
    for w, t in zip(words, arr, strict=True):
        want = 0
        for r in range(8):
            for c in range(8):
                if w >> (8 * r + c) & 1:
                    want |= 1 << (8 * c + r)
        assert t == want


def neg_morton_interleave(lib: Lib) -> None:
    f = fn(lib, "morton2", ctypes.c_uint32, ctypes.c_uint16, ctypes.c_uint16)
    rng = random.Random(59)
    for _ in range(200):
        x, y = rng.getrandbits(16), rng.getrandbits(16)
        want = sum(((x >> i & 1) << (2 * i)) | ((y >> i & 1) << (2 * i + 1)) for i in range(16))
        assert f(x, y) == want


def neg_popcount_swar(lib: Lib) -> None:
    f = fn(lib, "count_active_ports", ctypes.c_uint32, PU32, SZ)
    rng = random.Random(61)
    words = [rng.getrandbits(32) for _ in range(100)] + [0, M32]
    assert f((ctypes.c_uint32 * len(words))(*words), len(words)) == \
        sum(bin(w).count("1") for w in words)


def neg_u32_to_decimal(lib: Lib) -> None:
    f = fn(lib, "u32_to_dec", SZ, ctypes.c_uint32, ctypes.c_char_p)
    rng = random.Random(67)
    for v in [0, 9, 10, 99, 100, M32] + [rng.getrandbits(32) for _ in range(200)]:
        buf = ctypes.create_string_buffer(12)
        n = f(v, buf)
        assert buf.raw[:n].decode() == str(v)


def neg_ipv4_hdr_validate(lib: Lib) -> None:
    f = fn(lib, "ipv4_validate", ctypes.c_int, P8, SZ, ctypes.c_int)
    good = ipv4_header(total=40)
    assert f(u8buf(good), 60, 1) == 0
    assert f(u8buf(good), 19, 0) == 1
    assert f(u8buf(bytearray([0x65]) + good[1:]), 60, 0) == 1
    assert f(u8buf(bytearray([0x44]) + good[1:]), 60, 0) == 2
    assert f(u8buf(ipv4_header(total=80)), 60, 0) == 3
    assert f(u8buf(ipv4_header(ttl=1)), 60, 0) == 4
    assert f(u8buf(ipv4_header(frag=0x2000)), 60, 1) == 5
    assert f(u8buf(ipv4_header(frag=0x2000)), 60, 0) == 0


def neg_ipv6_ext_walk(lib: Lib) -> None:
    f = fn(lib, "ipv6_upper_layer", ctypes.c_int, P8, SZ, ctypes.POINTER(SZ))
    hdr = bytearray(40)
    hdr[6] = 0                                    # hop-by-hop
    hbh = bytes([43, 0]) + bytes(6)               # 8 bytes, next: routing
    rt = bytes([44, 1]) + bytes(14)               # 16 bytes, next: fragment
    frag = bytes([6]) + bytes(7)                  # 8 bytes, next: TCP
    pkt = bytes(hdr) + hbh + rt + frag + bytes(20)
    off = SZ(0)
    assert f(u8buf(pkt), len(pkt), ctypes.byref(off)) == 6 and off.value == 40 + 8 + 16 + 8
    assert f(u8buf(pkt[:50]), 50, ctypes.byref(off)) == -1
    hdr[6] = 17
    assert f(u8buf(bytes(hdr) + bytes(8)), 48, ctypes.byref(off)) == 17 and off.value == 40


def neg_gray_code(lib: Lib) -> None:
    f = fn(lib, "gray_roundtrip", None, PU32, PU32, PU32, SZ)
    rng = random.Random(71)
    vals = [rng.getrandbits(32) for _ in range(50)]
    enc, dec = (ctypes.c_uint32 * 50)(), (ctypes.c_uint32 * 50)()
    f((ctypes.c_uint32 * 50)(*vals), enc, dec, 50)
    assert list(enc) == [v ^ (v >> 1) for v in vals] and list(dec) == vals


def neg_port_shuffle(lib: Lib) -> None:
    f = fn(lib, "shuffle_ports", ctypes.c_uint32, PU16, SZ, ctypes.c_uint32)
    ports = list(range(1024, 1124))
    arr = (ctypes.c_uint16 * 100)(*ports)
    st, want = 2463534242, list(ports)
    for i in range(100, 1, -1):
        st ^= (st << 13) & M32
        st ^= st >> 17
        st ^= (st << 5) & M32
        j = st % i
        want[i - 1], want[j] = want[j], want[i - 1]
    assert f(arr, 100, 2463534242) == st and list(arr) == want


def neg_ring_successor(lib: Lib) -> None:
    f = fn(lib, "ring_owner", ctypes.c_int, PU32, ctypes.POINTER(ctypes.c_int), SZ,
           ctypes.c_uint32)
    rng = random.Random(73)
    points = sorted(rng.sample(range(1 << 32), 64))
    owners = [rng.randrange(8) for _ in points]
    pa, oa = (ctypes.c_uint32 * 64)(*points), (ctypes.c_int * 64)(*owners)
    for h in [0, points[0], points[-1], points[-1] + 1] + [rng.getrandbits(32) for _ in range(300)]:
        h &= M32
        succ = next((i for i, p in enumerate(points) if p >= h), 0)
        assert f(pa, oa, 64, h) == owners[succ]


def neg_lfsr_prbs31(lib: Lib) -> None:
    f = fn(lib, "prbs31_fill", ctypes.c_uint32, ctypes.c_uint32, P8, SZ)
    out = out_buf(64)
    st = 0x7FFFFFFF
    want = bytearray()
    for _ in range(64):
        byte = 0
        for _ in range(8):
            fb = ((st >> 30) ^ (st >> 27)) & 1
            st = ((st << 1) | fb) & 0x7FFFFFFF
            byte = (byte << 1) | fb
        want.append(byte)
    assert f(0x7FFFFFFF, out, 64) == st and bytes(out) == bytes(want)


def neg_url_percent_decode(lib: Lib) -> None:
    from urllib.parse import unquote_to_bytes

    f = fn(lib, "percent_decode", SZ, P8, SZ, P8)
    for text in (b"/a%20b/%7euser", b"%41%42c", b"100%", b"%zz%4", b"plain+path", b""):
        out = out_buf(len(text) + 1)
        n = f(u8buf(text), len(text), out)
        assert bytes(out)[:n] == unquote_to_bytes(text)


def neg_host_casecmp(lib: Lib) -> None:
    f = fn(lib, "host_blocked", ctypes.c_int, P8, SZ, ctypes.POINTER(ctypes.c_char_p), SZ)
    names = [b"ads.example", b"Tracker.NET", b"x"]
    arr = (ctypes.c_char_p * 3)(*names)
    for host, want in ((b"ADS.example", 0), (b"tracker.net", 1), (b"X", 2), (b"tracker.ne", -1),
                       (b"ads.example.org", -1)):
        assert f(u8buf(host), len(host), arr, 3) == want


def neg_ecmp_select(lib: Lib) -> None:
    f = fn(lib, "ecmp_pick_batch", None, PU32, SZ, P8, ctypes.c_uint32,
           ctypes.POINTER(ctypes.c_int))
    rng = random.Random(79)
    hashes = [rng.getrandbits(32) for _ in range(200)]
    live = [1, 0, 1, 1, 0, 0, 1]
    out = (ctypes.c_int * 200)()
    f((ctypes.c_uint32 * 200)(*hashes), 200, u8buf(bytes(live)), 7, out)
    for h, got in zip(hashes, out, strict=True):
        idx = (h * 7) >> 32
        assert got == next(m for m in [(idx + k) % 7 for k in range(7)] if live[m])
    f((ctypes.c_uint32 * 200)(*hashes), 1, u8buf(bytes(7)), 7, out)
    assert out[0] == -1


def neg_dscp_remap(lib: Lib) -> None:
    f = fn(lib, "dscp_remap_batch", None, P8, SZ, P8)
    rng = random.Random(83)
    hdrs = bytearray(rng.randbytes(20 * 10))
    mapping = bytes(rng.randrange(64) for _ in range(64))
    buf = u8buf(hdrs)
    f(buf, 10, u8buf(mapping))
    for i in range(10):
        tos = hdrs[20 * i + 1]
        hdrs[20 * i + 1] = (mapping[tos >> 2] << 2) | (tos & 3)
    assert bytes(buf) == bytes(hdrs)


def neg_byte_translate(lib: Lib) -> None:
    f = fn(lib, "translate_bytes", None, P8, SZ, P8)
    rng = random.Random(89)
    data, tab = rng.randbytes(300), bytes(rng.sample(range(256), 256))
    buf = u8buf(data)
    f(buf, len(data), u8buf(tab))
    assert bytes(buf) == bytes(tab[b] for b in data)


def neg_nmea_xor_checksum(lib: Lib) -> None:
    f = fn(lib, "nmea_valid", ctypes.c_int, P8, SZ)

    def sentence(body: bytes, fix: int = 0) -> bytes:
        x = 0
        for b in body:
            x ^= b
        return b"$" + body + b"*" + f"{x ^ fix:02X}".encode()

    body = b"GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,"
    for s, want in ((sentence(body), 1), (sentence(body, 1), 0), (sentence(b""), 1),
                    (b"$AB*4", 0), (b"GPGGA*00", 0)):
        assert f(u8buf(s), len(s)) == want, s


def neg_ipmi_zero_sum(lib: Lib) -> None:
    cs = fn(lib, "zero_sum8", ctypes.c_uint8, P8, SZ)
    ok = fn(lib, "zero_sum_ok", ctypes.c_int, P8, SZ)
    rng = random.Random(97)
    for n in (0, 1, 7, 64):
        data = rng.randbytes(n)
        c = cs(u8buf(data), n)
        assert c == (-sum(data)) % 256
        assert ok(u8buf(data + bytes([c])), n + 1) == 1
        assert ok(u8buf(data + bytes([(c + 1) % 256])), n + 1) == 0


class Srtcm(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint64) for name in
                ("cir", "cbs", "ebs", "tc", "te", "last_ns")]


def neg_srtcm_meter(lib: Lib) -> None:
    init = fn(lib, "srtcm_init", None, ctypes.POINTER(Srtcm), ctypes.c_uint64, ctypes.c_uint64,
              ctypes.c_uint64)
    batch = fn(lib, "srtcm_color_batch", None, ctypes.POINTER(Srtcm), PU64, PU32, SZ, P8)
    m = Srtcm()
    init(ctypes.byref(m), 1_000_000, 3000, 3000)   # 1 MB/s: 1 byte per microsecond
    ts = [0, 0, 0, 0, 0, 1_000_000, 10_000_000]    # ns
    lens = [1500, 1500, 1500, 1500, 100, 1500, 1500]
    out = out_buf(len(ts))
    batch(ctypes.byref(m), (ctypes.c_uint64 * 7)(*ts), (ctypes.c_uint32 * 7)(*lens), 7, out)
    # C and E start full (3000): two greens empty C, two yellows empty E, the 100-byte packet
    # is red; after 1 ms C holds 1000 < 1500 and E is empty: red; after 9 more ms both
    # buckets are full again: green
    assert list(out) == [0, 0, 1, 1, 2, 2, 0]


class FlowEntry(ctypes.Structure):
    _fields_ = [("key", ctypes.c_uint64), ("last_seen", ctypes.c_uint64),
                ("packets", ctypes.c_uint32), ("pad", ctypes.c_uint32)]


def neg_flow_aging_scan(lib: Lib) -> None:
    f = fn(lib, "age_flows", SZ, ctypes.POINTER(FlowEntry), SZ, ctypes.c_uint64, ctypes.c_uint64)
    rng = random.Random(101)
    entries = [(i, rng.randrange(0, 1000), i) for i in range(60)]
    arr = (FlowEntry * 60)(*[FlowEntry(k, t, p, 0) for k, t, p in entries])
    n = f(arr, 60, 1000, 300)
    live = [e for e in entries if 1000 - e[1] <= 300]
    assert n == len(live)
    assert [(arr[i].key, arr[i].last_seen) for i in range(n)] == [(k, t) for k, t, _ in live]


def neg_mpls_push(lib: Lib) -> None:
    f = fn(lib, "mpls_push_stack", SZ, PU32, SZ, ctypes.c_uint8, ctypes.c_uint8, P8)
    labels = [16, 1048575, 299]
    out = out_buf(12)
    assert f((ctypes.c_uint32 * 3)(*labels), 3, 5, 64, out) == 12
    want = b"".join(((lab << 12) | (5 << 9) | ((i == 2) << 8) | 64).to_bytes(4, "big")
                    for i, lab in enumerate(labels))
    assert bytes(out) == want


def neg_gre_decap(lib: Lib) -> None:
    key, proto = ctypes.c_uint32(), ctypes.c_uint16()
    f = fn(lib, "gre_parse", ctypes.c_int, P8, SZ, PU32, PU16)
    plain = bytes.fromhex("00000800")
    assert f(u8buf(plain), 4, ctypes.byref(key), ctypes.byref(proto)) == 4
    assert key.value == 0 and proto.value == 0x0800
    keyed = bytes.fromhex("b0006558") + bytes(4) + bytes.fromhex("deadbeef") + bytes(4)
    assert f(u8buf(keyed), 16, ctypes.byref(key), ctypes.byref(proto)) == 16
    assert key.value == 0xDEADBEEF and proto.value == 0x6558
    assert f(u8buf(bytes.fromhex("00010800")), 4, ctypes.byref(key), ctypes.byref(proto)) == -1
    assert f(u8buf(keyed[:10]), 10, ctypes.byref(key), ctypes.byref(proto)) == -1


def neg_cuckoo_find(lib: Lib) -> None:
    fn(lib, "cuckoo_clear", None)()
    put = fn(lib, "cuckoo_put_at", ctypes.c_int, ctypes.c_uint32, ctypes.c_int, ctypes.c_uint16,
             ctypes.c_uint64, ctypes.c_int32)
    find = fn(lib, "cuckoo_find", ctypes.c_int32, ctypes.c_uint32, ctypes.c_uint32,
              ctypes.c_uint16, ctypes.c_uint64)
    put(3, 1, 0xABCD, 111, 7)
    put(200, 3, 0x1234, 222, 9)
    assert find(3, 50, 0xABCD, 111) == 7
    assert find(60, 200, 0x1234, 222) == 9
    assert find(3, 200, 0xABCD, 222) == -1
    assert find(4, 5, 0xABCD, 111) == -1


def neg_tcp_flags_classify(lib: Lib) -> None:
    f = fn(lib, "classify_flags", None, P8, SZ, PU32)
    flags = [0x02, 0x12, 0x10, 0x11, 0x04, 0x03, 0x06, 0x00, 0x01, 0x18, 0x14]
    counts = (ctypes.c_uint32 * 5)()
    f(u8buf(bytes(flags)), len(flags), counts)
    # syn; synack; ack, ack+psh; fin+ack, rst, rst+ack; syn+fin, syn+rst, none, fin alone
    assert list(counts) == [1, 1, 2, 3, 4]


def neg_dfa_scan(lib: Lib) -> None:
    build = fn(lib, "dfa_build", ctypes.c_int, P8, SZ)
    find = fn(lib, "dfa_find", ctypes.c_long, P8, SZ)
    rng = random.Random(103)
    for _ in range(30):
        pat = bytes(rng.choice(b"ab") for _ in range(rng.randrange(1, 6)))
        text = bytes(rng.choice(b"abc") for _ in range(rng.randrange(0, 60)))
        assert build(u8buf(pat), len(pat)) == 0
        pos = text.find(pat)
        assert find(u8buf(text), len(text)) == (-1 if pos < 0 else pos + len(pat))


def neg_aho_corasick_count(lib: Lib) -> None:
    fn(lib, "ac_reset", None)()
    add = fn(lib, "ac_add", ctypes.c_int, P8, SZ)
    fn_count = fn(lib, "ac_count", ctypes.c_uint, P8, SZ)
    pats = [b"he", b"she", b"his", b"hers", b"abab", b"b"]
    for p in pats:
        assert add(u8buf(p), len(p)) == 0
    fn(lib, "ac_finish", None)()
    rng = random.Random(107)
    for _ in range(20):
        text = bytes(rng.choice(b"hersiab") for _ in range(rng.randrange(0, 80)))
        want = sum(1 for p in pats for i in range(len(text)) if text.startswith(p, i))
        assert fn_count(u8buf(text), len(text)) == want


def neg_fsm_table_walk(lib: Lib) -> None:
    f = fn(lib, "fsm_run", ctypes.c_int, P8, SZ)
    for flags, want in (([], 0), ([0x02], 1), ([0x02, 0x12, 0x10], 3),
                        ([0x02, 0x12, 0x10, 0x01], 4), ([0x02, 0x12, 0x10, 0x01, 0x10], 0),
                        ([0x02, 0x04], 0), ([0x10, 0x02, 0x12], 2)):
        assert f(u8buf(bytes(flags)), len(flags)) == want


def neg_blocklist_first_match(lib: Lib) -> None:
    f = fn(lib, "blocklist_match", ctypes.c_int, ctypes.c_uint32)
    for addr, want in ((0x0A010203, 0), (0x0A0A0A0A, 0), (0xC0A80101, 1), (0xAC1F0001, 2),
                       (0xAC200001, -1), (0xCB007105, 5), (0xE0000001, 7), (0x08080808, -1)):
        assert f(addr) == want


def neg_bogon_source_check(lib: Lib) -> None:
    f = fn(lib, "count_bogons", SZ, PU32, SZ)
    addrs = [0x00000001, 0x7F000001, 0xA9FE0101, 0xE0000001, 0xFFFFFFFF, 0xC0000201,
             0x08080808, 0xC0A80001, 0xC0000301]
    assert f((ctypes.c_uint32 * len(addrs))(*addrs), len(addrs)) == 6


def neg_subnet_allowlist(lib: Lib) -> None:
    f = fn(lib, "mgmt_allowed", ctypes.c_int, ctypes.c_uint32)
    for addr, want in ((0x0A140505, 1), (0x0A150505, 0), (0xC0A80A63, 1), (0xC0A80B63, 0),
                       (0x0A000001, 1), (0x0A000002, 0), (0x647F0001, 1), (0x64800001, 0)):
        assert f(addr) == want


def neg_vlan_acl_rules(lib: Lib) -> None:
    f = fn(lib, "vlan_acl_action", ctypes.c_int, ctypes.c_uint16, ctypes.c_uint32)
    for vid, src, want in ((100, 0x0A010101, 1), (100, 0x0B010101, 2), (205, 0xC0A80101, 3),
                           (215, 0xC0A80101, 0), (7, 0xE0000001, 4), (300, 0x0A0A0001, 5),
                           (301, 0x7F000001, 6), (301, 0x08080808, 0)):
        assert f(vid, src) == want


def neg_lfsr_galois_scrambler(lib: Lib) -> None:
    f = fn(lib, "galois_scramble", ctypes.c_uint16, ctypes.c_uint16, P8, P8, SZ)

    def ref(state: int, data: bytes) -> tuple[int, bytes]:
        out = bytearray()
        for c in data:
            ks = 0
            for b in range(8):
                bit = state & 1
                state >>= 1
                if bit:
                    state ^= 0xB400
                ks |= bit << b
            out.append(c ^ ks)
        return state, bytes(out)

    data = random.Random(131).randbytes(300)
    for seed in (1, 0xACE1, 0xFFFF):
        out = out_buf(len(data))
        st = f(seed, u8buf(data), out, len(data))
        assert (st, bytes(out)) == ref(seed, data)
        # descrambling with the same seed restores the data
        back = out_buf(len(data))
        f(seed, out, back, len(data))
        assert bytes(back) == data
    # maximal-length register: period 65535 steps, so 65535 bytes bring the state back
    zeros = bytes(65535)
    assert f(0xACE1, u8buf(zeros), out_buf(65535), 65535) == 0xACE1


def neg_rng_xoshiro128_fill(lib: Lib) -> None:
    f = fn(lib, "xoshiro128ss_fill", None, PU32, P8, SZ)

    def rotl(x: int, k: int) -> int:
        return ((x << k) | (x >> (32 - k))) & M32

    def ref(s: list[int], n: int) -> bytes:
        out = bytearray()
        while len(out) < n:
            r = (rotl((s[1] * 5) & M32, 7) * 9) & M32
            t = (s[1] << 9) & M32
            s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]  # noqa: E702
            s[2] ^= t
            s[3] = rotl(s[3], 11)
            out += r.to_bytes(4, "little")
        return bytes(out[:n])

    st = (ctypes.c_uint32 * 4)(1, 2, 3, 4)
    out = out_buf(8)
    f(st, out, 8)
    assert bytes(out) == (11520).to_bytes(4, "little") + bytes(4)   # first outputs 11520, 0
    rng = random.Random(137)
    for n in (0, 1, 3, 4, 5, 64, 257):
        seed = [rng.getrandbits(32) for _ in range(4)]
        st = (ctypes.c_uint32 * 4)(*seed)
        out = out_buf(n)
        f(st, out, n)
        want_state = list(seed)
        assert bytes(out)[:n] == ref(want_state, n)
        assert list(st) == want_state


def neg_bitmap_mirror_swar(lib: Lib) -> None:
    f = fn(lib, "bitmap_mirror", None, PU32, SZ)
    rng = random.Random(139)
    for n in (0, 1, 2, 3, 7, 8, 33):
        words = [rng.getrandbits(32) for _ in range(n)] if n != 3 else [1, 0, M32]
        big = sum(w << (32 * i) for i, w in enumerate(words))
        mirrored = int(format(big, f"0{32 * n}b")[::-1] or "0", 2)
        arr = (ctypes.c_uint32 * max(1, n))(*words)
        f(arr, n)
        assert list(arr)[:n] == [(mirrored >> (32 * i)) & M32 for i in range(n)]


def neg_xor_unmask_key8(lib: Lib) -> None:
    f = fn(lib, "xor_unmask8", ctypes.c_uint64, P8, SZ, P8, ctypes.c_uint64)
    key = bytes.fromhex("9d04c1e7335a08f2")
    data = random.Random(149).randbytes(203)
    for pos in (0, 1, 5, 7, 8, 13, 1 << 40):
        for n in (0, 3, 8, 17, 203):
            buf = u8buf(data[:n])
            assert f(buf, n, u8buf(key), pos) == pos + n
            assert bytes(buf)[:n] == bytes(b ^ key[(pos + i) % 8] for i, b in enumerate(data[:n]))


def neg_acl5_soa_first_hit(lib: Lib) -> None:
    fn(lib, "acl5_flush", None)()
    push = fn(lib, "acl5_push", ctypes.c_int, *[ctypes.c_uint32] * 4, *[ctypes.c_uint16] * 4,
              ctypes.c_uint8, ctypes.c_uint8)
    hit = fn(lib, "acl5_first_hit", ctypes.c_int, ctypes.c_uint32, ctypes.c_uint32,
             ctypes.c_uint16, ctypes.c_uint16, ctypes.c_uint8)
    action = fn(lib, "acl5_action", ctypes.c_int, ctypes.c_int)
    hits = fn(lib, "acl5_rule_hits", ctypes.c_uint64, ctypes.c_int)
    # a broad /8 deny for ssh first, then a narrower /24 allow-all: order decides
    assert push(0, 0, 0x0A000000, 0xFF000000, 0, 65535, 22, 22, 6, 2) == 0
    assert push(0, 0, 0x0A010100, 0xFFFFFF00, 0, 65535, 0, 65535, 0, 1) == 1
    assert push(0xC0A80000, 0xFFFF0000, 0, 0, 1024, 65535, 53, 53, 17, 3) == 2
    assert hit(0x01020304, 0x0A010105, 5555, 22, 6) == 0
    assert hit(0x01020304, 0x0A010105, 5555, 80, 6) == 1
    assert hit(0x01020304, 0x0A010105, 5555, 22, 17) == 1
    assert hit(0xC0A80101, 0x08080808, 40000, 53, 17) == 2
    assert hit(0xC0A80101, 0x08080808, 1000, 53, 17) == -1
    assert hit(0x01020304, 0x0B010105, 5555, 80, 6) == -1
    assert [action(i) for i in range(3)] == [2, 1, 3] and action(-1) == 0
    assert [hits(i) for i in range(3)] == [1, 2, 1]


def neg_prefix_acl_const_shadow(lib: Lib) -> None:
    f = fn(lib, "egress_verdict", ctypes.c_int, ctypes.c_uint32)
    for addr, want in ((0x0A010203, 0), (0x0A000001, 0), (0xC0A86401, 1), (0xC0A80001, 1),
                       (0xAC1F0001, 1), (0xAC200001, 0), (0xC6336407, 1), (0xC6336408, 0),
                       (0xE0000005, 0), (0x64400001, 1), (0x647FFFFF, 1), (0x64800000, 0),
                       (0x08080808, 0)):
        assert f(addr) == want, hex(addr)


def neg_flow_tuple_bst_index(lib: Lib) -> None:
    fn(lib, "ftree_reset", None)()
    put = fn(lib, "ftree_insert", ctypes.c_int, ctypes.c_uint32, ctypes.c_uint32,
             ctypes.c_uint16, ctypes.c_uint16, ctypes.c_uint8, ctypes.c_int32)
    find = fn(lib, "ftree_find", ctypes.c_int32, ctypes.c_uint32, ctypes.c_uint32,
              ctypes.c_uint16, ctypes.c_uint16, ctypes.c_uint8)
    rng = random.Random(211)
    flows: dict[tuple[int, int, int, int, int], int] = {}
    while len(flows) < 400:
        k = (rng.choice((0x0A000001, 0x0A000002, rng.getrandbits(32))),
             rng.choice((0xC0A80001, rng.getrandbits(32))), rng.choice((80, 443, 5000)),
             rng.getrandbits(16), rng.choice((6, 17)))
        flows[k] = rng.randrange(0, 1 << 20)
    for k, v in flows.items():
        assert put(*k, v) == 1
    k0 = next(iter(flows))
    assert put(*k0, 77) == 0
    flows[k0] = 77
    for k, v in flows.items():
        assert find(*k) == v
        other = (k[0], k[1], k[2], k[3], 23 - k[4])  # same addresses/ports, other protocol
        if other not in flows:
            assert find(*other) == -1
    assert find(1, 2, 3, 4, 6) == -1


def neg_allowlist_addr_bsearch(lib: Lib) -> None:
    fn(lib, "allow_clear", None)()
    add = fn(lib, "allow_add", ctypes.c_int, ctypes.c_uint32)
    has = fn(lib, "allow_has", ctypes.c_int, ctypes.c_uint32)
    assert has(0x0A000001) == 0
    rng = random.Random(223)
    addrs = [*rng.sample(range(1 << 32), 600), 0, 0xFFFFFFFF]
    for a in addrs:
        assert add(a) == 1
    assert add(addrs[5]) == 0
    present = set(addrs)
    for a in addrs:
        assert has(a) == 1
    for _ in range(500):
        a = rng.getrandbits(32)
        assert has(a) == (1 if a in present else 0)
    for a in addrs[:50]:  # neighbours of listed hosts are not allowed (no prefixes)
        for b in (a - 1, a + 1):
            if 0 <= b <= 0xFFFFFFFF and b not in present:
                assert has(b) == 0


def neg_rx_desc_field_reorder(lib: Lib) -> None:
    f = fn(lib, "rx_desc_reorder", SZ, P8, P8, SZ)
    rng = random.Random(109)
    dev = bytearray(rng.randbytes(16 * 12))
    for k in range(12):
        dev[16 * k + 8] = rng.choice((0x00, 0x01, 0x03, 0x02))
    out = out_buf(16 * 12)
    done = f(u8buf(dev), out, 12)
    assert done == sum(dev[16 * k + 8] & 1 for k in range(12))
    for k in range(12):
        d = dev[16 * k:16 * k + 16]
        want = (d[12:16][::-1] + d[4:8][::-1] + d[0:2][::-1] + d[2:4][::-1]
                + bytes([d[10], d[8], d[9], 0]))
        assert bytes(out)[16 * k:16 * k + 16] == want


class WideStats(ctypes.Structure):
    _fields_ = [("packets", ctypes.c_uint64), ("bytes", ctypes.c_uint32 * 4),
                ("sumsq", ctypes.c_uint32 * 4), ("weighted", ctypes.c_uint32 * 6)]


def neg_stats_wide_counters(lib: Lib) -> None:
    f = fn(lib, "stats_accumulate", None, ctypes.POINTER(WideStats), PU32, PU64, SZ)
    rng = random.Random(113)

    def limbs(v: ctypes.Array[ctypes.c_uint32]) -> int:
        return sum(x << (32 * i) for i, x in enumerate(v))

    st = WideStats()
    # start near the top of the low limbs so carries ripple
    st.bytes[0] = st.bytes[1] = 0xFFFFFFFF
    st.sumsq[0] = st.sumsq[1] = st.sumsq[2] = 0xFFFFFFF0
    start = (limbs(st.bytes), limbs(st.sumsq), 0)
    tot_b, tot_sq, tot_w = start
    pkts = 0
    for n in (1, 50, 200):
        lens = [rng.choice((0, 64, 1500, 9000, 0xFFFFFFFF, rng.getrandbits(32))) for _ in range(n)]
        gaps = [rng.choice((0, 1, (1 << 64) - 1, rng.getrandbits(64))) for _ in range(n)]
        f(ctypes.byref(st), (ctypes.c_uint32 * n)(*lens), (ctypes.c_uint64 * n)(*gaps), n)
        pkts += n
        tot_b += sum(lens)
        tot_sq += sum(x * x for x in lens)
        tot_w += sum(x * g for x, g in zip(lens, gaps, strict=True))
        assert st.packets == pkts
        assert limbs(st.bytes) == tot_b % (1 << 128)
        assert limbs(st.sumsq) == tot_sq % (1 << 128)
        assert limbs(st.weighted) == tot_w % (1 << 192)


def neg_byte_tile_transpose_rotate(lib: Lib) -> None:
    f = fn(lib, "tiles_transform", ctypes.c_int, P8, SZ, ctypes.c_uint, ctypes.c_int)
    rng = random.Random(127)
    for dim in (4, 8):
        tiles = [[list(rng.randbytes(dim)) for _ in range(dim)] for _ in range(5)]
        for op in range(4):
            flat = bytes(b for t in tiles for row in t for b in row)
            buf = u8buf(flat)
            assert f(buf, 5, dim, op) == 0
            for k, t in enumerate(tiles):
                if op == 0:
                    want = [[t[c][r] for c in range(dim)] for r in range(dim)]
                elif op == 1:
                    want = [[t[dim - 1 - c][r] for c in range(dim)] for r in range(dim)]
                elif op == 2:
                    want = [[t[dim - 1 - r][dim - 1 - c] for c in range(dim)] for r in range(dim)]
                else:
                    want = [[t[c][dim - 1 - r] for c in range(dim)] for r in range(dim)]
                area = dim * dim
                assert bytes(buf)[k * area:(k + 1) * area] == bytes(b for row in want for b in row)
    assert f(u8buf(bytes(36)), 1, 6, 0) == -1
    assert f(u8buf(bytes(16)), 1, 4, 4) == -1


PAYLOAD_PATTERN = bytes.fromhex("a55ac33c96690ff055aa33cc669911ee123456789abcdef0fedcba9876543210")


def neg_payload_scramble_copy(lib: Lib) -> None:
    f = fn(lib, "payload_scramble_copy", SZ, P8, P8, SZ, ctypes.c_uint32)
    rng = random.Random(131)
    for n, seq in ((0, 5), (1, 0), (7, 3), (64, 0), (100, 13), (1500, 0xFFFFFFFF)):
        src = rng.randbytes(n)
        dst = out_buf(n + 1)
        assert f(dst, u8buf(src), n, seq) == n
        want = bytes(b ^ PAYLOAD_PATTERN[(seq + i) % 32] for i, b in enumerate(src))
        assert bytes(dst)[:n] == want
        back = out_buf(n + 1)
        f(back, u8buf(want), n, seq)
        assert bytes(back)[:n] == src


def neg_lfsr_prbs15_check(lib: Lib) -> None:
    fill = fn(lib, "prbs15_fill", ctypes.c_uint16, ctypes.c_uint16, P8, SZ)
    count = fn(lib, "prbs15_count_errors", ctypes.c_uint32, P8, SZ)

    def gen(st: int, n: int) -> tuple[int, bytes]:
        out = bytearray()
        for _ in range(n):
            v = 0
            for _ in range(8):
                bit = ((st >> 14) ^ (st >> 13)) & 1
                st = ((st << 1) | bit) & 0x7FFF
                v = (v << 1) | bit
            out.append(v)
        return st, bytes(out)

    def errors(data: bytes) -> int:
        reg = errs = seen = 0
        for byte in data:
            for b in range(7, -1, -1):
                got = (byte >> b) & 1
                if seen >= 15 and got != (((reg >> 14) ^ (reg >> 13)) & 1):
                    errs += 1
                reg = ((reg << 1) | got) & 0x7FFF
                seen += 1
        return errs

    for seed in (1, 0x7FFF, 0x1234):
        out = out_buf(300)
        st, want = gen(seed, 300)
        assert fill(seed, out, 300) == st and bytes(out) == want
        assert count(out, 300) == 0
        # one flipped bit is seen three times: itself and at the two taps 14 and 15 bits later
        for pos in (15, 100, 1000, 2000):
            bad = bytearray(want)
            bad[pos // 8] ^= 0x80 >> (pos % 8)
            assert count(u8buf(bad), 300) == 3
    # maximal length: period 2^15 - 1 bits, so 32767 bytes (8 periods) bring the state back
    assert fill(1, out_buf(32767), 32767) == 1
    rng = random.Random(233)
    for n in (0, 1, 2, 3, 77):
        data = rng.randbytes(n)
        assert count(u8buf(data), n) == errors(data)


def neg_rng_splitmix64_fill(lib: Lib) -> None:
    f = fn(lib, "splitmix64_fill", ctypes.c_uint64, ctypes.c_uint64, P8, SZ)
    gamma = 0x9E3779B97F4A7C15

    def ref(st: int, n: int) -> tuple[int, bytes]:
        out = bytearray()
        while len(out) < n:
            st = (st + gamma) & M64
            z = st
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
            out += (z ^ (z >> 31)).to_bytes(8, "little")
        return st, bytes(out[:n])

    out = out_buf(8)
    assert f(0, out, 8) == gamma
    assert int.from_bytes(bytes(out), "little") == 0xE220A8397B1DCDAF  # first output, seed 0
    rng = random.Random(239)
    for n in (0, 1, 7, 8, 9, 64, 301):
        seed = rng.getrandbits(64)
        out = out_buf(n)
        st, want = ref(seed, n)
        assert f(seed, out, n) == st and bytes(out)[:n] == want


def neg_u64_to_decimal_recip(lib: Lib) -> None:
    f = fn(lib, "u64_to_dec", SZ, ctypes.c_uint64, ctypes.c_char_p)
    rng = random.Random(241)
    vals = [0, 1, 9, 10, 99, 100, 101, 999, 1000, 10**19 - 1, 10**19, M64, M64 - 1, 1 << 32]
    vals += [10**k + d for k in range(1, 20) for d in (-1, 0, 1)]
    vals += [rng.getrandbits(rng.randrange(1, 65)) for _ in range(3000)]
    for v in vals:
        buf = ctypes.create_string_buffer(21)
        n = f(v, buf)
        assert buf.raw[:n].decode() == str(v), v


def neg_fletcher16_deferred(lib: Lib) -> None:
    f = fn(lib, "fletcher16", ctypes.c_uint16, P8, SZ)

    def ref(data: bytes) -> int:
        a = b = 0
        for c in data:
            a = (a + c) % 255
            b = (b + a) % 255
        return (b << 8) | a

    for text, want in ((b"abcde", 0xC8F0), (b"abcdef", 0x2057), (b"abcdefgh", 0x0627)):
        assert f(u8buf(text), len(text)) == want
    assert f(u8buf(b""), 0) == 0
    rng = random.Random(251)
    for n in (1, 2, 255, 5801, 5802, 5803, 20000):
        for data in (rng.randbytes(n), b"\xff" * n):
            assert f(u8buf(data), n) == ref(data), n
    data = b"\x12\x34" * 100
    assert f(u8buf(data), len(data)) != inet_csum(data)


def neg_base32_encode(lib: Lib) -> None:
    import base64

    f = fn(lib, "base32_encode", SZ, P8, SZ, ctypes.c_char_p)
    rng = random.Random(257)
    cases = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"]  # RFC 4648 section 10
    cases += [rng.randbytes(n) for n in (1, 4, 5, 6, 31, 100)]
    for data in cases:
        want = base64.b32encode(data)
        buf = ctypes.create_string_buffer(len(want) + 8)
        assert f(u8buf(data), len(data), buf) == len(want)
        assert buf.value == want
    assert base64.b32encode(b"foobar") == b"MZXW6YTBOI======"


def neg_ascii_fold_rot13_table(lib: Lib) -> None:
    f = fn(lib, "text_map", SZ, P8, SZ, ctypes.c_int)
    letters = bytes(range(ord("a"), ord("z") + 1))
    upper = letters.upper()
    fold = bytes.maketrans(upper, letters)
    rot = bytes.maketrans(letters + upper, letters[13:] + letters[:13] + upper[13:] + upper[:13])
    rng = random.Random(263)
    samples = [b"Host: Example.COM\r\n", b"Uryyb, Jbeyq! 123", bytes(range(256)),
               rng.randbytes(500), b""]
    for data in samples:
        for mode, want in ((0, data.translate(fold)), (1, data.translate(rot)),
                           (2, data.translate(fold).translate(rot))):
            buf = u8buf(data)
            n = f(buf, len(data), mode)
            assert bytes(buf)[:len(data)] == want
            assert n == sum(a != b for a, b in zip(data, want, strict=True))
    buf = u8buf(b"Hello")
    f(buf, 5, 1)
    f(buf, 5, 1)
    assert bytes(buf) == b"Hello"


def neg_sorted_list_find(lib: Lib) -> None:
    fn(lib, "host_list_reset", None)()
    put = fn(lib, "host_list_insert", ctypes.c_int, ctypes.c_uint32, ctypes.c_int32)
    find = fn(lib, "host_list_find", ctypes.c_int32, ctypes.c_uint32)
    assert find(0x0A000001) == -1
    rng = random.Random(269)
    hosts: dict[int, int] = {}
    for a in [*rng.sample(range(1 << 32), 700), 0, M32, 0x0A000000, 0x0A0000FF]:
        hosts[a] = rng.randrange(0, 1 << 16)
        assert put(a, hosts[a]) == 1
    a0 = next(iter(hosts))
    assert put(a0, 4242) == 0
    hosts[a0] = 4242
    for a, v in hosts.items():
        assert find(a) == v
    for _ in range(500):
        a = rng.getrandbits(32)
        assert find(a) == hosts.get(a, -1)
    for a in list(hosts)[:40]:      # the neighbours of a host are not covered: no prefixes
        for b in (a - 1, a + 1):
            if 0 <= b <= M32:
                assert find(b) == hosts.get(b, -1)


def neg_log2_debruijn_histogram(lib: Lib) -> None:
    f = fn(lib, "log2_histogram", ctypes.c_uint, PU32, SZ, PU32)
    rng = random.Random(271)
    vals = [0, 1, 2, 3, 4, 64, 65, 1500, M32, 1 << 31, (1 << 31) - 1]
    vals += [1 << k for k in range(32)] + [(1 << k) - 1 for k in range(1, 33)]
    vals += [rng.getrandbits(rng.randrange(1, 33)) for _ in range(1000)]
    hist = (ctypes.c_uint32 * 33)()
    assert f((ctypes.c_uint32 * 1)(), 0, hist) == 0 and list(hist) == [0] * 33
    assert f((ctypes.c_uint32 * len(vals))(*vals), len(vals), hist) == 32
    want = [0] * 33
    for v in vals:
        want[v.bit_length()] += 1
    assert list(hist) == want
    assert f((ctypes.c_uint32 * 3)(0, 5, 1), 3, hist) == 3
    assert hist[0] == want[0] + 1 and hist[3] == want[3] + 1 and hist[1] == want[1] + 1


def neg_morton_pair_codec(lib: Lib) -> None:
    pack = fn(lib, "morton_pack_arrays", None, PU16, PU16, PU32, SZ)
    unpack = fn(lib, "morton_unpack_arrays", None, PU32, PU16, PU16, SZ)
    rng = random.Random(277)
    n = 300
    xs = [0, 0xFFFF, 0, 0xFFFF, 0x8000] + [rng.getrandbits(16) for _ in range(n - 5)]
    ys = [0, 0, 0xFFFF, 0xFFFF, 1] + [rng.getrandbits(16) for _ in range(n - 5)]
    z = (ctypes.c_uint32 * n)()
    pack((ctypes.c_uint16 * n)(*xs), (ctypes.c_uint16 * n)(*ys), z, n)
    for x, y, got in zip(xs, ys, z, strict=True):
        assert got == sum((((x >> b) & 1) << (2 * b)) | (((y >> b) & 1) << (2 * b + 1))
                          for b in range(16))
    zs = [rng.getrandbits(32) for _ in range(n)]
    ox, oy = (ctypes.c_uint16 * n)(), (ctypes.c_uint16 * n)()
    unpack((ctypes.c_uint32 * n)(*zs), ox, oy, n)
    for v, x, y in zip(zs, ox, oy, strict=True):
        assert x == sum(((v >> (2 * b)) & 1) << b for b in range(16))
        assert y == sum(((v >> (2 * b + 1)) & 1) << b for b in range(16))


def neg_eytzinger_flow_find(lib: Lib) -> None:
    build = fn(lib, "eyt_build", ctypes.c_int, PU64, ctypes.POINTER(ctypes.c_int32), SZ)
    find = fn(lib, "eyt_find", ctypes.c_int32, ctypes.c_uint64)
    rng = random.Random(281)
    assert build((ctypes.c_uint64 * 1)(), (ctypes.c_int32 * 1)(), 0) == 0
    assert find(0) == -1
    for n in (1, 2, 3, 7, 8, 100, 1023, 4096):
        keys = sorted({rng.getrandbits(64) for _ in range(n)} | {0, M64})[:n]
        vals = [rng.randrange(0, 1 << 30) for _ in keys]
        assert build((ctypes.c_uint64 * n)(*keys), (ctypes.c_int32 * n)(*vals), n) == 0
        table = dict(zip(keys, vals, strict=True))
        for k, v in table.items():
            assert find(k) == v
        for _ in range(300):
            k = rng.getrandbits(64)
            assert find(k) == table.get(k, -1)
        for k in keys[:20]:
            if k + 1 <= M64 and k + 1 not in table:
                assert find(k + 1) == -1
    assert build((ctypes.c_uint64 * 1)(), (ctypes.c_int32 * 1)(), 4097) == -1

def neg_sig_dfa_byteclass_ac(lib: Lib) -> None:
    assert fn(lib, "sig_init", ctypes.c_int)() > 1
    scan = fn(lib, "sig_scan", ctypes.c_uint32, P8, SZ, ctypes.c_int, ctypes.POINTER(SZ))
    pats = [b"cmd.exe", b"/etc/passwd", b"../", b"<script", b"\x90" * 4, b"SELECT ", b"passwd"]
    pieces = [*pats, b"cmd", b".exe", b"/etc/", b"pass", b"..", b"<scr", b"\x90\x90", b"SELECT",
              b"a", b"/", b".", b"e", b"\x00", b"\xff", b"GET ", b" "]
    rng = random.Random(283)
    samples = [b"", b"GET /../../etc/passwd HTTP/1.1", b"\x90" * 9, b"SELECT * FROM t", b"xyz"]
    samples += [b"".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
                for _ in range(300)]
    stop = SZ()
    for text in samples:
        ends = [sum(1 << k for k, p in enumerate(pats) if text.endswith(p, 0, e + 1))
                for e in range(len(text))]
        want_all = 0
        for m in ends:
            want_all |= m
        assert scan(u8buf(text), len(text), 0, ctypes.byref(stop)) == want_all
        assert stop.value == len(text)
        first = next((e for e, m in enumerate(ends) if m), None)
        got = scan(u8buf(text), len(text), 1, ctypes.byref(stop))
        if first is None:
            assert got == 0 and stop.value == len(text)
        else:
            assert got == ends[first] and stop.value == first + 1


def neg_rx_dfa_flat_subset(lib: Lib) -> None:
    assert fn(lib, "rx_build", ctypes.c_int)() > 1
    count = fn(lib, "rx_count", SZ, P8, SZ, SZ, PU32)
    pats = [b"HTTP/#.#", b"\r\n\r\n", b"%2@", b"=##&", b".."]

    def elem_ok(e: int, b: int) -> bool:
        if e == ord("#"):
            return 0x30 <= b <= 0x39
        if e == ord("@"):
            return 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A
        return e == b

    def ending(text: bytes, e: int) -> list[int]:
        return [k for k, p in enumerate(pats) if e + 1 >= len(p)
                and all(elem_ok(x, y) for x, y in zip(p, text[e + 1 - len(p):e + 1], strict=True))]

    pieces = [b"HTTP/", b"1.1", b"2.0", b"HTTP/1", b"\r\n", b"\r", b"\n", b"%2", b"%2f", b"%2E",
              b"=", b"42", b"7", b"&", b".", b"..", b"a", b"Z", b"x=", b"9", b"%", b" ", b"\xfe"]
    rng = random.Random(293)
    samples = [b"", b"GET /a/..%2f..%2Fx?id=42& HTTP/1.1\r\nHost: h\r\n\r\n", b"." * 7]
    samples += [b"".join(rng.choice(pieces) for _ in range(rng.randrange(0, 20)))
                for _ in range(300)]
    seen = ctypes.c_uint32()
    for text in samples:
        for limit in (0, 1, 3):
            want_hits, want_mask = 0, 0
            for e in range(len(text)):
                ks = ending(text, e)
                want_hits += len(ks)
                for k in ks:
                    want_mask |= 1 << k
                if ks and limit and want_hits >= limit:
                    break
            assert count(u8buf(text), len(text), limit, ctypes.byref(seen)) == want_hits
            assert seen.value == want_mask


def neg_shift_and_multi(lib: Lib) -> None:
    comp = fn(lib, "sa_compile", ctypes.c_int, P8, P8, ctypes.c_uint, ctypes.c_int)
    scan = fn(lib, "sa_scan", ctypes.c_long, P8, SZ, PU32)
    assert comp(u8buf(b"x" * 65), u8buf(bytes([65])), 1, 0) == -1
    assert comp(u8buf(b"ab"), u8buf(bytes([1, 0])), 2, 0) == -1
    rng = random.Random(307)
    for trial in range(120):
        nocase = trial % 3 == 0
        alpha = b"abAB.-" if nocase else b"abc\x00"
        pats = [bytes(rng.choice(alpha) for _ in range(rng.randrange(1, 9)))
                for _ in range(rng.randrange(1, 8))]
        if trial == 0:
            pats = [b"Host:", b"ost", b"t", b"ho"]
        blob = b"".join(pats)
        assert comp(u8buf(blob), u8buf(bytes(len(p) for p in pats)), len(pats), int(nocase)) == 0
        text = bytes(rng.choice(alpha) for _ in range(rng.randrange(0, 120)))
        if trial == 0:
            text = b"GET / HTTP/1.1\r\nhost: Host:x\r\n"
        ht = text.lower() if nocase else text
        want = [sum(ht.startswith(p.lower() if nocase else p, i) for i in range(len(ht)))
                for p in pats]
        ends = [i + len(p) for p in pats for i in range(len(ht))
                if ht.startswith(p.lower() if nocase else p, i)]
        hits = (ctypes.c_uint32 * len(pats))()
        assert scan(u8buf(text), len(text), hits) == (min(ends) if ends else -1)
        assert list(hits) == want
        scan(u8buf(text), len(text), hits)             # counters accumulate
        assert list(hits) == [2 * w for w in want]


def neg_http_request_line_fsm(lib: Lib) -> None:
    f = fn(lib, "http_reqline_count", SZ, P8, SZ, ctypes.POINTER(SZ))
    line_re = re.compile(rb"[A-Z]{1,16} [\x21-\x7e]+ HTTP/[0-9]\.[0-9]\r")

    def ref(data: bytes) -> tuple[int, int]:
        good = bad = 0
        for line in data.split(b"\n")[:-1]:
            if line in (b"", b"\r"):
                continue
            if line_re.fullmatch(line):
                good += 1
            else:
                bad += 1
        return good, bad

    lines = [b"GET / HTTP/1.1\r\n", b"POST /api/v1?x=1 HTTP/1.0\r\n", b"\r\n", b"\n",
             b"OPTIONS * HTTP/1.1\r\n", b"get / HTTP/1.1\r\n", b"GET  / HTTP/1.1\r\n",
             b"GET / HTTP/1.1\n", b"GET / HTTP/11\r\n", b"GET / HTTP/1.1 \r\n", b"GET /\r\n",
             b"ABCDEFGHIJKLMNOPQ / HTTP/1.1\r\n", b"ABCDEFGHIJKLMNOP / HTTP/1.1\r\n",
             b"GET /\x7f HTTP/1.1\r\n", b"GET / HTTX/1.1\r\n", b"\r\r\n", b"Host: a\r\n",
             b"PUT /a%20b HTTP/2.0\r\n", b"GET / HTTP/1.1\r\r\n", b"GET / HTTP/1.1\r"]
    rng = random.Random(311)
    samples = [b"", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", b"GET / HTTP/1.1"]
    samples += [b"".join(rng.choice(lines) for _ in range(rng.randrange(0, 12)))
                for _ in range(300)]
    samples += [bytes(rng.choice(b"GET /HTP1.\r\n ") for _ in range(rng.randrange(0, 80)))
                for _ in range(200)]
    bad = SZ()
    for data in samples:
        good, nbad = ref(data)
        assert f(u8buf(data), len(data), ctypes.byref(bad)) == good
        assert bad.value == nbad

# ---- end ------------------------------------------------------------------------------------


NEG_CHECKS: dict[str, Callable[[Lib], None]] = {
    name[len("neg_"):]: obj for name, obj in dict(globals()).items()
    if name.startswith("neg_") and callable(obj)
}


@pytest.mark.parametrize("path", corpus_files("negative"), ids=file_id)
def test_negative_behaviour(path: Path, build_dir: Path) -> None:
    assert path.stem in NEG_CHECKS, f"no check written for {path.name}"
    NEG_CHECKS[path.stem](load(path, build_dir))
