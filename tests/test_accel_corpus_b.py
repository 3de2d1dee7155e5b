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
import random
import re
import shutil
import struct
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "clara" / "accel" / "corpus"
PART_B = ("lpm", "crypto", "negative")
CLANG = shutil.which("clang-19")
CLANGXX = shutil.which("clang++-19")
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
        [str(compiler), std, "-O1", "-shared", "-fPIC", "-o", str(out), *srcs],
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
    assert len(corpus_files("lpm")) >= 14
    assert len(corpus_files("crypto")) >= 10
    assert len(corpus_files("negative")) >= 40


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
    if width == 32:
        routes = random_routes4(rng, 500)
    else:
        routes = random_routes6(rng, 250)
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
