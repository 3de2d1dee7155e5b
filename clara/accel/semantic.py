"""Semantic check of CRC and Internet-checksum candidates: run the function, compare the maths.

The classifier guesses from the shape of the code; for two classes the guess can be turned into
a proof by running the code. A function of a module's IR whose signature is *simple* — it
returns an integer (8 to 64 bits) and takes one data pointer, one integer length and at most
one further integer (an initial or previous value, called with 0) — is compiled with a
generated C driver and run, in a separate process with a timeout, on test vectors:

* **CRC**: for messages of one length, a CRC with any init and xor-out (input and output
  reflected alike) satisfies ``f(a) ^ f(b) == crc0(a ^ b)``, ``crc0`` being the CRC with the
  same polynomial, init 0 and xor-out 0. The polynomial is read off the function itself:
  ``f(0..0 01) ^ f(0..0 00)`` is the polynomial (MSB-first CRC) and the same with ``80`` is
  the reflected polynomial (LSB-first CRC), for the widths 8, 16, 24, 32 and 64 the return
  type can hold; the candidate is accepted only if it has the x^0 term and at least one
  other below x^w (``x^w + 1`` only rotates: an XOR fold of words, not an error-detecting
  code; the corpus's byte-swap negative computes exactly that) and the identity holds on
  random pairs of several lengths (multiples of 8 bytes, so word-at-a-time code qualifies).
  A hash that is linear over GF(2) (Toeplitz) fails: its linear map is not a polynomial
  remainder.
* **Internet checksum** (RFC 1071): the result, folded to 16 bits, equals the one's-complement
  sum of the message's 16-bit words or its complement, with either byte order (code that
  loads host-order words gets the byte-swapped sum), on random messages of several even
  lengths; 0 and 0xFFFF are the same one's-complement value.

What it does not cover: functions whose result depends on state set up elsewhere (a CRC table
filled by an init function or a constructor, as in a Click element's ``configure``: the driver
cannot know to call it, so such a function just fails the check), other signatures (the data
in a struct, a key pointer, results written through a pointer), CRCs whose input and output
reflection differ, and the other classes (a hash, cipher or LPM table has no reference the
code must equal). A failed check is no evidence against the class; a passed one is a proof on
the tested lengths. Nothing here touches the model: ``clara.accel.detect`` and the benchmark
decide how to use a proof.
"""

from __future__ import annotations

import random
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clara.toolchain.llvm import disassemble, find_llvm

CRC_WIDTHS = (8, 16, 24, 32, 64)
CRC_LENGTHS = (8, 16, 24, 64)      # bytes; random pairs per length below
CHECKSUM_LENGTHS = (2, 8, 20, 40, 64)
PAIRS = 3
TIMEOUT = 10.0                      # seconds for one run of the driver
MAX_LEN = 4096

DEFINE_RE = re.compile(r"^define\s+(?P<pre>[^@\n]*?)\s*(?P<ret>i\d+|void|ptr|float|double|"
                       r"\{[^}\n]*\}|%[\w.]+)\s+@(?P<name>\"[^\"\n]+\"|[\w.$]+)\(",
                       re.MULTILINE)
C_INT = {"i8": "uint8_t", "i16": "uint16_t", "i32": "uint32_t", "i64": "uint64_t"}


@dataclass(frozen=True)
class Signature:
    """A defined function's IR return type and parameter types."""

    name: str
    ret: str
    params: tuple[str, ...]
    internal: bool


@dataclass(frozen=True)
class Proof:
    """A function shown by execution to compute a CRC or the Internet checksum."""

    function: str
    cls: str          # "crc" or "checksum"
    detail: str       # e.g. "CRC-32, polynomial 0x04c11db7, reflected"


def signatures(ll_text: str) -> list[Signature]:
    """Every function defined in a module's textual IR."""
    out = []
    for m in DEFINE_RE.finditer(ll_text):
        params = tuple(p.strip().split(" ", 1)[0]
                       for p in _split_params(_balanced(ll_text, m.end())) if p)
        internal = bool(re.search(r"\b(internal|private)\b", m["pre"]))
        out.append(Signature(m["name"].strip('"'), m["ret"], params, internal))
    return out


def _balanced(text: str, start: int) -> str:
    """The text from ``start`` (just after an opening parenthesis) to its matching one."""
    depth = 1
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return text[start:i]
    return text[start:]


def _split_params(text: str) -> list[str]:
    """Top-level comma split (attributes such as ``byval(%t)`` hold no commas, types might)."""
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "([{<":
            depth += 1
        elif ch in ")]}>":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur).strip())
    return [p for p in parts if p]


def role_assignments(sig: Signature) -> list[tuple[str, ...]]:
    """Ways to call ``sig`` as (data, length[, initial value]): a tuple of roles per
    parameter (``data``, ``len``, ``zero``), or none when the signature is not simple."""
    if sig.ret not in C_INT or sig.params.count("ptr") != 1 or \
            any(p != "ptr" and p not in C_INT for p in sig.params) or not 2 <= len(sig.params) <= 3:
        return []
    ints = [i for i, p in enumerate(sig.params) if p != "ptr"]
    out = []
    for length in ints:
        if sig.params[length] not in ("i32", "i64"):
            continue
        out.append(tuple("data" if p == "ptr" else "len" if i == length else "zero"
                         for i, p in enumerate(sig.params)))
    return out


def driver_source(sig: Signature, roles: Sequence[str]) -> str:
    """A C program that reads ``len hex-bytes...`` lines and prints the function's result."""
    ctypes = ["const unsigned char *" if p == "ptr" else C_INT[p] for p in sig.params]
    args = ", ".join("buf" if r == "data" else f"({t}) len" if r == "len" else f"({t}) 0"
                     for r, t in zip(roles, ctypes, strict=True))
    ret = C_INT[sig.ret]
    return (
        "#include <stdint.h>\n#include <stdio.h>\n"
        f"{ret} clara_semantic_target({', '.join(ctypes)}) __asm__(\"{sig.name}\");\n"
        f"static unsigned char buf[{MAX_LEN}];\n"
        "int main(void) {\n"
        "    unsigned long len;\n"
        "    while (scanf(\"%lu\", &len) == 1) {\n"
        "        for (unsigned long i = 0; i < len; i++) {\n"
        "            unsigned v;\n"
        "            if (scanf(\"%x\", &v) != 1) return 2;\n"
        "            buf[i] = (unsigned char) v;\n"
        "        }\n"
        f"        printf(\"%llx\\n\", (unsigned long long) clara_semantic_target({args}));\n"
        "    }\n"
        "    return 0;\n"
        "}\n")


def _exported_ir(ll_text: str, sig: Signature) -> str:
    """The module with ``sig``'s definition made external (a static helper is callable)."""
    if not sig.internal:
        return ll_text
    pattern = re.compile(r"^(define\s+)(?:internal|private)\s+(.*@" + re.escape(sig.name)
                         + r"\()", re.MULTILINE)
    return pattern.sub(r"\1\2", ll_text, count=1)


def build_driver(ll_text: str, sig: Signature, roles: Sequence[str], work: Path) -> Path | None:
    """Compile the module and a driver for ``sig`` into an executable (None if it fails)."""
    work.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"\W", "_", sig.name)[:80] + "-" + "-".join(roles)
    ll = work / f"{stem}.ll"
    ll.write_text(_exported_ir(ll_text, sig))
    drv = work / f"{stem}.c"
    drv.write_text(driver_source(sig, roles))
    exe = work / f"{stem}.exe"
    proc = subprocess.run([str(find_llvm().clang), "-w", "-O0", str(drv), str(ll), "-o",
                           str(exe), "-Wl,--unresolved-symbols=ignore-all"],
                          capture_output=True, text=True, check=False)
    return exe if proc.returncode == 0 and exe.is_file() else None


def run_driver(exe: Path, messages: Sequence[bytes]) -> list[int] | None:
    """The function's results on ``messages`` (None on a crash, a timeout or bad output)."""
    text = "".join(f"{len(m)} {' '.join(f'{b:x}' for b in m)}\n" for m in messages)
    try:
        proc = subprocess.run([str(exe)], input=text, capture_output=True, text=True,
                              timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return None
    lines = proc.stdout.split()
    if proc.returncode != 0 or len(lines) != len(messages):
        return None
    return [int(v, 16) for v in lines]


# --------------------------------------------------------------------------- references


def reflect(value: int, width: int) -> int:
    """``value``'s low ``width`` bits in reverse order."""
    return int(f"{value & ((1 << width) - 1):0{width}b}"[::-1], 2)


def crc0(data: bytes, width: int, poly: int, reflected: bool) -> int:
    """CRC of ``data`` with init 0 and xor-out 0 (the linear part of any init/xor-out)."""
    mask, top, reg = (1 << width) - 1, 1 << (width - 1), 0
    for byte in data:
        reg ^= (reflect(byte, 8) if reflected else byte) << (width - 8)
        for _ in range(8):
            reg = ((reg << 1) ^ poly) & mask if reg & top else (reg << 1) & mask
    return reflect(reg, width) if reflected else reg


def ones_sum(data: bytes, big_endian: bool) -> int:
    """RFC 1071 one's-complement sum of 16-bit words (odd length padded with a zero)."""
    padded = data + b"\0" * (len(data) % 2)
    total = sum(int.from_bytes(padded[i:i + 2], "big" if big_endian else "little")
                for i in range(0, len(padded), 2))
    return fold16(total)


def fold16(value: int) -> int:
    """Fold a wider sum to 16 bits with end-around carry."""
    while value >> 16:
        value = (value & 0xFFFF) + (value >> 16)
    return value


def _same_ones(a: int, b: int) -> bool:
    return a % 0xFFFF == b % 0xFFFF


# --------------------------------------------------------------------------- checks


def crc_vectors(rng: random.Random) -> list[bytes]:
    """Probe messages (zeros, a low bit, a high bit) then random pairs per length."""
    out = [bytes(8), bytes(7) + b"\x01", bytes(7) + b"\x80"]
    for n in CRC_LENGTHS:
        for _ in range(PAIRS):
            out += [rng.randbytes(n), rng.randbytes(n)]
    return out


def crc_match(vectors: Sequence[bytes], results: Sequence[int],
              ret_bits: int) -> str | None:
    """The CRC that explains ``results`` on ``crc_vectors``, or None."""
    zero, low, high = results[:3]
    pairs = list(zip(vectors[3::2], vectors[4::2], results[3::2], results[4::2], strict=True))
    for width in (w for w in CRC_WIDTHS if w <= ret_bits):
        mask = (1 << width) - 1
        if any(r >> width for r in results):
            continue
        for reflected, probe in ((False, low), (True, high)):
            poly = (probe ^ zero) & mask
            poly = reflect(poly, width) if reflected else poly
            if not poly & 1 or poly.bit_count() < 2:
                continue
            if all(ra ^ rb == crc0(bytes(x ^ y for x, y in zip(a, b, strict=True)), width,
                                   poly, reflected) for a, b, ra, rb in pairs):
                return (f"CRC-{width}, polynomial 0x{poly:0{width // 4}x}, "
                        f"{'reflected' if reflected else 'not reflected'}")
    return None


def checksum_vectors(rng: random.Random) -> list[bytes]:
    return [rng.randbytes(n) for n in CHECKSUM_LENGTHS for _ in range(PAIRS)]


def checksum_match(vectors: Sequence[bytes], results: Sequence[int]) -> str | None:
    """Which RFC 1071 form explains ``results``, or None."""
    for big_endian in (True, False):
        for complement in (False, True):
            if all(_same_ones(fold16(r), (ones_sum(m, big_endian) ^ 0xFFFF) if complement
                              else ones_sum(m, big_endian))
                   for m, r in zip(vectors, results, strict=True)):
                order = "network" if big_endian else "host (little-endian)"
                kind = "complemented checksum" if complement else "one's-complement sum"
                return f"Internet {kind} of 16-bit words, {order} order"
    return None


def check_function(ll_text: str, sig: Signature, work: Path, seed: int = 1) -> Proof | None:
    """Run ``sig`` on test vectors under each simple calling convention; a Proof if it
    computes a CRC or the Internet checksum."""
    rng = random.Random(seed)
    crc_in, sum_in = crc_vectors(rng), checksum_vectors(rng)
    bits = int(sig.ret[1:])
    for roles in role_assignments(sig):
        exe = build_driver(ll_text, sig, roles, work)
        if exe is None:
            continue
        results = run_driver(exe, crc_in + sum_in)
        if results is None:
            continue
        crc = crc_match(crc_in, results[:len(crc_in)], bits)
        if crc:
            return Proof(sig.name, "crc", crc)
        csum = checksum_match(sum_in, results[len(crc_in):])
        if csum:
            return Proof(sig.name, "checksum", csum)
    return None


def ir_text(path: Path) -> str:
    """A module's textual IR: the ``.ll`` file itself, or bitcode disassembled."""
    if path.suffix == ".ll":
        return path.read_text(encoding="utf-8", errors="replace")
    return disassemble(path)


def prove_module(ir_path: Path, work: Path, functions: Sequence[str] | None = None,
                 seed: int = 1) -> list[Proof]:
    """Proofs for the simple-signature functions of an IR module (``.ll`` or bitcode; the
    module as compiled, before ``clara-prepare`` inlines helpers), or of ``functions``. A
    module that defines ``main`` is skipped (the driver has its own)."""
    text = ir_text(ir_path)
    sigs = signatures(text)
    if any(s.name == "main" for s in sigs):
        return []
    wanted = [s for s in sigs if (functions is None or s.name in functions)
              and role_assignments(s)]
    proofs = []
    for sig in wanted:
        proof = check_function(text, sig, work, seed)
        if proof:
            proofs.append(proof)
    return proofs
