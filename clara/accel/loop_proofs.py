"""Semantic check of loops and of functions called blind: run the code, test the maths.

``clara.accel.semantic`` runs whole functions with a simple signature. An NF often writes a
checksum, a CRC or a hash as a loop inside the packet handler, or in a helper that takes a
``Packet *``, a header pointer or ``this``: no function of its own is callable with a buffer
and a length. Here LLVM's ``loop-extract`` (after ``sroa``, so a loop's locals are SSA
values) turns every outermost loop into a function whose parameters are the loop's live-ins
and, named ``<value>.out``, pointers to its live-outs (``extract_loops``); a function that
returns an integer is run the same way, its result its one live-out
(``function_runnables``). Such code is run without knowing what its live-ins mean
(``layouts``): every pointer live-in gets a buffer of random bytes of its own (or points
``LENGTH`` bytes past another: a ``p < end`` walk), every integer live-in is 0 or
``LENGTH`` (a length, a count, a start index or an initial sum; each combination is tried).

For one layout, flipping each of the first ``DISCOVER`` bytes of each buffer shows which bytes
each integer live-out depends on (``read_set``). Those bytes, in address order, are the
message; with every other byte held, the live-out as a function of the message is tested
(``check_live_out``):

* **CRC**: ``f(a) ^ f(b) == crc0(a ^ b)`` for the polynomial read off ``f`` itself, the
  message's bytes fed in any order (``crc_stream_match``; the live-in initial value and the
  bytes around the message only change the constant part).
* **Internet checksum**: the live-out folded to 16 bits is the one's-complement sum of the
  message's 16-bit words (or its complement) plus one constant over all messages: a
  pseudo-header sum added before the loop, or an initial sum, is that constant
  (``clara.accel.semantic.checksum_match`` with ``constant``). The fold and the complement
  are usually after the loop.
* **hash**: ``clara.accel.semantic.avalanche_match`` over the message's first
  ``HASH_KEY_BYTES`` bytes.

A proof names the function the loop was written in and the loop header's source line
(``Proof.line``); ``clara.accel.detect`` gives it to the loop region of that function (or of
that helper, inlined) whose header block holds that line. Code that reads bytes depending
on its buffers' contents, or past the first ``DISCOVER`` (a table in an object, random
here), is run again after an ``initializers`` candidate filled the table (a ``configure``
loop). Not covered: loops whose result goes to memory rather than to a local, tables
filled by code that takes more than one pointer, and code that calls the framework (its
calls are unresolved in the driver: such a run crashes, which is no proof).
"""

from __future__ import annotations

import random
import re
import struct
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import product
from pathlib import Path

from clara.accel.semantic import (
    CRC_WIDTHS,
    CTORS_RE,
    HASH_BASES,
    HASH_KEY_BYTES,
    HASH_TRIPLES,
    Proof,
    _balanced,
    _split_params,
    avalanche_match,
    checksum_match,
    crc0,
    crc_name,
    function_bodies,
    probe_polynomial,
    signatures,
)
from clara.toolchain.llvm import demangle, find_llvm

EXTRACT_PASSES = "function(sroa,loop-simplify),loop-extract"
BUF = 16384             # bytes behind each pointer live-in (an object with its tables)
GUARD = 256             # zeroed bytes before and after each buffer (a loop reading p[-1])
DISCOVER = 512          # leading bytes of each buffer flipped to find a live-out's message
LENGTH = 40             # an integer live-in's non-zero value; a pointer pair's distance
MIN_MESSAGE = 4         # bytes: a shorter message is too little to tell anything apart
MAX_INTS = 4            # integer live-ins beyond these take LENGTH only
MAX_BUFFERS = 8         # pointer live-ins (the driver's buffers)
MAX_LIVE_INS = 16       # live-ins of either kind, and live-outs, the driver passes
MAX_INITIALIZERS = 8    # code off the packet path tried as table fills
MAX_PERMUTED = 64       # read bytes up to which a CRC's byte order is found, not assumed
MAX_STREAM = 128        # bytes a CRC's stream may span (read bytes and constants between)
TESTS = 8               # random messages per check
RUN_TIMEOUT = 2.0       # seconds for one driver process (one layout's calls)
MAX_FAILED_RUNS = 3     # runs that crash or time out before a loop is given up
MAX_LAYOUTS = 8         # ways of giving the live-ins tried (``layouts``' first ones)
C_TYPES = {"i1": "_Bool", "i8": "uint8_t", "i16": "uint16_t", "i32": "uint32_t",
           "i64": "uint64_t", "ptr": "unsigned char *"}
LOC_RE = re.compile(r"^!(\d+) = !DILocation\(line: (\d+)", re.MULTILINE)
EXTRACTED_RE = re.compile(r"^define internal (?P<ret>\S+) @(?P<name>\"[^\"\n]+\"|[\w.$]+)\(",
                          re.MULTILINE)


@dataclass(frozen=True)
class Runnable:
    """Code run blind: a loop ``loop-extract`` made into a function (its live-outs stored
    through ``.out`` pointers), or a whole function (``result``: its return value is its
    one live-out)."""

    name: str                  # the function to call (IR name)
    parent: str                # the function the code was written in (IR name)
    line: int                  # a loop header's source line; 0 for a whole function
    ret: str                   # IR return type (a loop's: void, or the exit taken)
    inputs: tuple[str, ...]    # IR types of the live-ins (parameters), in order
    outputs: tuple[str, ...]   # IR types of the live-outs, in order
    result: bool = False       # the return value is the live-out (a whole function)

    @property
    def buffers(self) -> int:
        """Pointer live-ins: each is given a buffer."""
        return self.inputs.count("ptr")

    @property
    def runnable(self) -> bool:
        """Every live-in is a pointer or an integer (no floats, no aggregates)."""
        return (all(t in C_TYPES for t in self.inputs) and self.ret in ("void", *C_TYPES)
                and self.buffers <= MAX_BUFFERS
                and len(self.inputs) <= MAX_LIVE_INS and len(self.outputs) <= MAX_LIVE_INS)


def extract_loops(ll_text: str, parents: Sequence[str], work: Path
                  ) -> tuple[str, list[Runnable]]:
    """The module with its loops extracted (``EXTRACT_PASSES``) and the loops of
    ``parents`` (IR names). Raises ``RuntimeError`` if ``opt`` fails."""
    work.mkdir(parents=True, exist_ok=True)
    source, extracted = work / "module.ll", work / "loops.ll"
    source.write_text(ll_text)
    proc = subprocess.run([str(find_llvm().opt), "-S", f"-passes={EXTRACT_PASSES}",
                           str(source), "-o", str(extracted)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{source}: opt -passes={EXTRACT_PASSES} failed: "
                           f"{proc.stderr.strip()[:400]}")
    text = extracted.read_text()
    lines = {int(n): int(line) for n, line in LOC_RE.findall(text)}
    wanted = sorted(parents, key=len, reverse=True)
    loops = []
    for m in EXTRACTED_RE.finditer(text):
        name = m["name"].strip('"')
        parent = next((p for p in wanted if name.startswith(p + ".")), None)
        if parent is None:
            continue
        params = [p.split() for p in _split_params(_balanced(text, m.end()))]
        body = text[m.end():text.find("\n}\n", m.end())]
        inputs = tuple(p[0] for p in params if not p[-1].endswith(".out"))
        outputs = tuple(_stored_type(body, p[-1]) for p in params if p[-1].endswith(".out"))
        loops.append(Runnable(name, parent, _header_line(body, lines), m["ret"], inputs,
                              outputs))
    return text, loops


def function_runnables(ll_text: str, names: Sequence[str]) -> list[Runnable]:
    """The functions ``names`` as whole-function runnables: those that return an integer of
    8 to 64 bits and take at least one pointer and otherwise integers (a header pointer
    whose length is implied, ``this`` and a key, a packet and its length in any order)."""
    wanted = set(names)
    out = []
    for sig in signatures(ll_text):
        if sig.name in wanted and sig.ret in C_TYPES and sig.ret not in ("i1", "ptr") \
                and "ptr" in sig.params and all(t in C_TYPES for t in sig.params):
            out.append(Runnable(sig.name, sig.name, 0, sig.ret, sig.params, (sig.ret,),
                                result=True))
    return out


def _stored_type(body: str, pointer: str) -> str:
    m = re.search(r"store (\S+) [^,\n]+, ptr " + re.escape(pointer) + r"\b", body)
    return m[1] if m else "ptr"


def _header_line(body: str, lines: dict[int, int]) -> int:
    """The source line of the header's first located instruction that is not a phi (the
    loop condition of a ``for`` or ``while``, as at -O0)."""
    m = re.search(r"newFuncRoot:\n\s+br label %([\w.\"]+)", body)
    if m is None:
        return 0
    header = re.search(r"^" + re.escape(m[1].strip('"')) + r":.*\n((?:[ \t].*\n)*)",
                       body + "\n", re.MULTILINE)
    for inst in (header[1].splitlines() if header else []):
        loc = re.search(r"!dbg !(\d+)", inst)
        if loc and " = phi " not in inst:
            return lines.get(int(loc[1]), 0)
    return 0


@dataclass(frozen=True)
class Layout:
    """How one run gives a loop its live-ins: per pointer, (buffer, offset); per integer,
    its value."""

    pointers: tuple[tuple[int, int], ...]
    ints: tuple[int, ...]

    def argv(self) -> list[str]:
        return [*(f"{b}:{o}" for b, o in self.pointers), *(str(v) for v in self.ints)]


def layouts(loop: Runnable) -> list[Layout]:
    """The ways a loop's live-ins are tried: pointers in buffers of their own, or one pointer
    ``LENGTH`` bytes past another's (both orders); integers 0 or ``LENGTH`` in every
    combination (``LENGTH`` only past ``MAX_INTS``), all-``LENGTH`` first."""
    n_ptr = loop.buffers
    ints = [t for t in loop.inputs if t != "ptr"]
    own = tuple((k, 0) for k in range(n_ptr))
    pointer_choices = [own]
    for a, b in product(range(n_ptr), repeat=2):
        if a != b:
            pointer_choices.append(tuple((a, LENGTH) if k == b else (k, 0)
                                         for k in range(n_ptr)))
    values = [tuple(min(v, 1) if t == "i1" else v for t, v in zip(ints, combo, strict=False))
              + (LENGTH,) * (len(ints) - len(combo))
              for combo in product((LENGTH, 0), repeat=min(len(ints), MAX_INTS))]
    return [Layout(p, v) for v in values for p in pointer_choices]


def driver_source(code: Sequence[Runnable]) -> str:
    """A C program that runs runnable ``argv[1]`` (an index into ``code``) after, if
    ``argv[2]`` is ``I:K`` rather than ``-``, runnable ``I`` on buffer ``K`` alone (an
    initializer: a table fill of ``configure``), with the live-ins of ``Layout.argv``
    (``argv[3:]``). Stdin: every buffer's ``BUF`` bytes (the base), then per run a patch
    count (u32) and that many patches (u16 buffer, u32 offset, u8 value) applied to the base
    before the initializer (buffer ``FAR``: every buffer's bytes from the offset on xored
    with the value). Prints each run's live-outs in hex and whether the run wrote
    into a buffer (1 or 0), one line per run."""
    calls, shapes = [], []
    for n, r in enumerate(code):
        out_params = 0 if r.result else len(r.outputs)
        params = [C_TYPES[t] for t in r.inputs] + ["uint64_t *"] * out_params
        ret = "void" if r.ret == "void" else C_TYPES[r.ret]
        calls.append(f"{ret} clara_code{n}({', '.join(params) or 'void'}) "
                     f"__asm__(\"{r.name}\");\n")
        args, n_ptr, n_int = [], 0, 0
        for t in r.inputs:
            if t == "ptr":
                args.append(f"p[{n_ptr}]")
                n_ptr += 1
            else:
                args.append(f"({C_TYPES[t]}) v[{n_int}]")
                n_int += 1
        args += [f"&o[{k}]" for k in range(out_params)]
        call = f"clara_code{n}({', '.join(args)})"
        shapes.append((n_ptr, n_int, len(r.outputs), int(r.result),
                       f"    case {n}: {'o[0] = (uint64_t) ' if r.result else ''}{call}; "
                       "break;\n"))
    table = ", ".join(f"{{{a}, {b}, {c}, {d}}}" for a, b, c, d, _ in shapes)
    return (
        "#include <stdint.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
        + "".join(calls) +
        f"#define BUF {BUF}\n#define GUARD {GUARD}\n#define MAXB {MAX_BUFFERS}\n"
        f"#define MAXV {MAX_LIVE_INS}\n#define NCODE {len(code)}\n"
        f"static const int shape[NCODE][4] = {{{table}}};\n"
        "static unsigned char mem[MAXB][GUARD + BUF + GUARD], base[MAXB][BUF];\n"
        "static void run(int n, unsigned char **p, unsigned long long *v, uint64_t *o) {\n"
        "    switch (n) {\n" + "".join(c for *_, c in shapes) + "    }\n}\n"
        "int main(int argc, char **argv) {\n"
        "    if (argc < 3) return 2;\n"
        "    int n = atoi(argv[1]), init = -1, init_buf = 0;\n"
        "    if (n < 0 || n >= NCODE) return 2;\n"
        "    if (strcmp(argv[2], \"-\") != 0\n"
        "        && (sscanf(argv[2], \"%d:%d\", &init, &init_buf) != 2\n"
        "        || init < 0 || init >= NCODE || shape[init][0] != 1 || shape[init][1] != 0\n"
        "        || init_buf < 0 || init_buf >= shape[n][0])) return 2;\n"
        "    int n_ptr = shape[n][0], n_int = shape[n][1], n_out = shape[n][2];\n"
        "    if (n_ptr > MAXB || argc != 3 + n_ptr + n_int) return 2;\n"
        "    unsigned char *ptrs[MAXB];\n    unsigned long long ints[MAXV];\n"
        "    for (int k = 0; k < n_ptr; k++) {\n"
        "        int which, offset;\n"
        "        if (sscanf(argv[3 + k], \"%d:%d\", &which, &offset) != 2 || which < 0\n"
        "            || which >= n_ptr || offset < 0 || offset >= BUF) return 2;\n"
        "        ptrs[k] = mem[which] + GUARD + offset;\n"
        "    }\n"
        "    for (int k = 0; k < n_int; k++) ints[k] = strtoull(argv[3 + n_ptr + k], 0, 10);\n"
        "    if (fread(base, 1, (size_t) n_ptr * BUF, stdin) != (size_t) n_ptr * BUF) return 2;\n"
        "    static unsigned char before[MAXB][BUF];\n"
        "    uint32_t count;\n"
        "    while (fread(&count, sizeof count, 1, stdin) == 1) {\n"
        "        for (int k = 0; k < n_ptr; k++) {\n"
        "            memset(mem[k], 0, sizeof mem[k]);\n"
        "            memcpy(mem[k] + GUARD, base[k], BUF);\n"
        "        }\n"
        "        for (uint32_t j = 0; j < count; j++) {\n"
        "            unsigned char patch[7];\n"
        "            if (fread(patch, 1, 7, stdin) != 7) return 2;\n"
        "            unsigned b = patch[0] | patch[1] << 8;\n"
        "            unsigned long off = patch[2] | patch[3] << 8\n"
        "                | (unsigned long) patch[4] << 16 | (unsigned long) patch[5] << 24;\n"
        "            if (b == 0xFFFF && off < BUF) {\n"
        "                for (int k = 0; k < n_ptr; k++)\n"
        "                    for (unsigned long i = off; i < BUF; i++)\n"
        "                        mem[k][GUARD + i] ^= patch[6];\n"
        "                continue;\n"
        "            }\n"
        "            if (b >= (unsigned) n_ptr || off >= BUF) return 2;\n"
        "            mem[b][GUARD + off] = patch[6];\n"
        "        }\n"
        "        uint64_t outs[MAXV] = {0}, scratch[MAXV] = {0};\n"
        "        if (init >= 0) {\n"
        "            unsigned char *ip[1] = {mem[init_buf] + GUARD};\n"
        "            run(init, ip, ints, scratch);\n"
        "        }\n"
        "        int watch = shape[n][3], wrote = 0;\n"
        "        for (int k = 0; k < n_ptr && watch; k++) memcpy(before[k], mem[k] + GUARD, BUF);\n"
        "        run(n, ptrs, ints, outs);\n"
        "        for (int k = 0; k < n_ptr && watch; k++)\n"
        "            wrote |= memcmp(before[k], mem[k] + GUARD, BUF) != 0;\n"
        "        for (int k = 0; k < n_out; k++) printf(\"%llx \", (unsigned long long) outs[k]);\n"
        "        printf(\"%d\\n\", wrote);\n"
        "    }\n"
        "    return 0;\n"
        "}\n")


def build_driver(module_text: str, loops: Sequence[Runnable], work: Path) -> Path | None:
    """Compile the extracted module (its loops made external, no global constructors) with
    ``driver_source`` (None if it does not build)."""
    text = CTORS_RE.sub("", module_text)
    for loop in loops:
        text = re.sub(r"^(define\s+)(?:internal|private)\s+([^@\n]*@" + re.escape(loop.name)
                      + r"\()", r"\1\2", text, count=1, flags=re.MULTILINE)
    work.mkdir(parents=True, exist_ok=True)
    ll, drv, exe = work / "runnable.ll", work / "driver.c", work / "driver.exe"
    ll.write_text(text)
    drv.write_text(driver_source(loops))
    proc = subprocess.run([str(find_llvm().clang), "-w", "-O0", str(drv), str(ll), "-o",
                           str(exe), "-static", "-Wl,--unresolved-symbols=ignore-all"],
                          capture_output=True, text=True, check=False)
    return exe if proc.returncode == 0 and exe.is_file() else None


Patch = tuple[int, int, int]  # (buffer, offset, byte value) written over the base
FAR = 0xFFFF  # a patch's buffer: xor the value into every buffer from the offset on


def run_code(exe: Path, index: int, layout: Layout, base: Sequence[bytes],
             calls: Sequence[Sequence[Patch]], n_out: int,
             init: tuple[int, int] | None = None) -> list[tuple[int, ...]] | None:
    """Each call's live-outs and, last, whether it wrote into a buffer (1 or 0): runnable
    ``index`` of ``driver_source``'s program, on ``base`` (a ``BUF``-byte buffer per
    pointer live-in) with the call's patches, after runnable ``init[0]`` on buffer
    ``init[1]`` (an initializer); None on a crash, a timeout or short output."""
    data = b"".join(base) + b"".join(
        struct.pack("<I", len(patches)) + b"".join(struct.pack("<HIB", *p) for p in patches)
        for patches in calls)
    init_arg = f"{init[0]}:{init[1]}" if init else "-"
    try:
        proc = subprocess.run([str(exe), str(index), init_arg, *layout.argv()], input=data,
                              capture_output=True, timeout=RUN_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return None
    rows = proc.stdout.decode(errors="replace").splitlines()
    if proc.returncode != 0 or len(rows) != len(calls):
        return None
    try:
        out = [tuple(int(v, 16) for v in row.split()) for row in rows]
    except ValueError:
        return None
    return out if all(len(r) == n_out + 1 for r in out) else None


def read_set(results: Sequence[tuple[int, ...]], output: int, buffer: int) -> list[int]:
    """The offsets of ``buffer`` whose flip (``discovery_calls``' order) changed live-out
    ``output``."""
    start = 1 + buffer * DISCOVER
    return [i for i in range(DISCOVER)
            if results[start + i][output] != results[0][output]]


def discovery_calls(base: Sequence[bytes]) -> list[tuple[Patch, ...]]:
    """``base`` as it is, then with one byte flipped (xor 0xA5), for each of the first
    ``DISCOVER`` bytes of each buffer in turn, then with every byte past those flipped
    (``reads_far``)."""
    return [(), *(((k, i, buf[i] ^ 0xA5),) for k, buf in enumerate(base)
                  for i in range(DISCOVER)), ((FAR, DISCOVER, 0xA5),)]


def reads_far(results: Sequence[tuple[int, ...]], output: int) -> bool:
    """Whether live-out ``output`` depends on bytes past the first ``DISCOVER`` of some
    buffer (``discovery_calls``' last call): a table in an object, which ``read_set`` does
    not see."""
    return results[-1][output] != results[0][output]


def with_message(buffer: int, offsets: Sequence[int], message: bytes) -> tuple[Patch, ...]:
    """``message`` (spanning ``offsets``' first to last) written at ``offsets`` of
    ``buffer``; the span's other bytes, which the live-out does not depend on, are left as
    they are."""
    return tuple((buffer, at, message[at - offsets[0]]) for at in offsets)


@dataclass(frozen=True)
class LiveOutTests:
    """The calls testing one live-out on one message (``offsets`` of ``buffer``), and how
    many of them each check takes: CRC vectors, checksum messages, then hash inputs."""

    output: int
    bits: int
    buffer: int
    offsets: tuple[int, ...]
    crc: list[bytes]      # zero, a 01 then an 80 byte alone at each of ``impulses``, randoms
    checksum: list[bytes]
    hash: list[bytes]
    hash_bits: int
    impulses: tuple[int, ...]  # message positions (into the span) probed one byte at a time


def live_out_tests(output: int, bits: int, buffer: int, offsets: Sequence[int],
                   rng: random.Random) -> LiveOutTests:
    """``crc_stream_match``'s vectors (zero; each read byte alone set to 01, then to 80;
    random pairs; only the last byte is probed when more than ``MAX_PERMUTED`` are read),
    ``TESTS`` random checksum messages, and ``avalanche_match``'s calls (bases with every
    one-bit neighbour of the first ``HASH_KEY_BYTES`` message bytes, the bases again,
    linearity quadruples). A message spans ``offsets``' first to last; the bytes between
    that are not in ``offsets`` (a checksum field skipped, or taken as zero) are zero in
    every message, as they are constant in the runs (the references then see the same
    constant bytes at those places in every message, which only a constant term absorbs)."""
    n = offsets[-1] - offsets[0] + 1
    holes = [at - offsets[0] for at in range(offsets[0], offsets[-1]) if at not in offsets]

    def message(data: bytes) -> bytes:
        out = bytearray(data)
        for at in holes:
            out[at] = 0
        return bytes(out)

    def random_message() -> bytes:
        return message(rng.randbytes(n))

    positions = [at - offsets[0] for at in offsets]
    impulses = positions if len(positions) <= MAX_PERMUTED else positions[-1:]
    crc = [bytes(n)]
    for value in (1, 0x80):
        for at in impulses:
            alone = bytearray(n)
            alone[at] = value
            crc.append(bytes(alone))
    crc += [random_message() for _ in range(TESTS)]
    checksum = [random_message() for _ in range(TESTS)]
    flipped = positions[:HASH_KEY_BYTES]
    bases = [random_message() for _ in range(HASH_BASES)]
    hashed = []
    for x in bases:
        hashed.append(x)
        for at in flipped:
            for bit in range(8):
                y = bytearray(x)
                y[at] ^= 1 << bit
                hashed.append(bytes(y))
    hashed += bases
    for _ in range(HASH_TRIPLES):
        x, y, z = (random_message() for _ in range(3))
        hashed += [x, y, z, bytes(a ^ b ^ c for a, b, c in zip(x, y, z, strict=True))]
    flip_bits = 8 * len(flipped)
    return LiveOutTests(output, bits, buffer, tuple(offsets), crc, checksum, hashed,
                        flip_bits, tuple(impulses))


def crc_stream_match(tests: LiveOutTests, values: Sequence[int]) -> str | None:
    """The CRC that explains ``values`` (of ``tests.crc``) when the message bytes are fed
    in some order, with constant bytes between them (a flow key built from header fields
    and port numbers given as integers), or None. A byte that is ``r`` bytes from the end
    of the stream adds ``crc0(byte, 0 * r)``; the byte that comes last gives the polynomial
    (``clara.accel.semantic.probe_polynomial``), every probed byte must then have its own
    ``r`` below ``MAX_STREAM``, and random pairs must satisfy ``f(a) ^ f(b) = crc0`` of the
    stream that order makes of ``a ^ b``."""
    m = len(tests.impulses)
    zero, randoms = values[0], list(zip(tests.crc[1 + 2 * m::2], tests.crc[2 + 2 * m::2],
                                        values[1 + 2 * m::2], values[2 + 2 * m::2],
                                        strict=True))
    for width in (w for w in CRC_WIDTHS if w <= tests.bits):
        if any(v >> width for v in values):
            continue
        for reflected in (False, True):
            probes = values[1 + m:1 + 2 * m] if reflected else values[1:1 + m]
            for last in reversed(range(m)):
                poly = probe_polynomial(probes[last], zero, width, reflected)
                if poly is None:
                    continue
                reg, distance = crc0(bytes([0x80 if reflected else 1]), width, poly,
                                     reflected), {}
                for r in range(MAX_STREAM):
                    distance.setdefault(reg, r)
                    reg = crc0(b"\0", width, poly, reflected, reg)
                order = [distance.get(p ^ zero) for p in probes]
                if None in order or len(set(order)) < m:
                    continue
                ends = {at: r for at, r in zip(tests.impulses, order, strict=True)}

                def stream(diff: bytes, ends: dict[int, int] = ends) -> bytes:
                    out = bytearray(max(ends.values()) + 1)
                    for at, r in ends.items():
                        out[len(out) - 1 - r] = diff[at]
                    return bytes(out)

                if all(ra ^ rb == crc0(stream(bytes(x ^ y for x, y in zip(a, b, strict=True))),
                                       width, poly, reflected)
                       for a, b, ra, rb in randoms):
                    in_order = all(ends[at] == tests.impulses[-1] - at for at in ends)
                    return crc_name(width, poly, reflected) + (
                        "" if in_order else ", over its bytes in another order")
    return None


def check_live_out(tests: LiveOutTests, results: Sequence[int]) -> tuple[str, str] | None:
    """(class, detail) if the live-out's ``results`` on ``tests``' calls, in order, are a
    CRC, a checksum or a hash of the message; else None. A checksum's message is longer
    than the live-out (bytes packed into a wider word fold to their word sum too)."""
    n_crc, n_sum = len(tests.crc), len(tests.checksum)
    mask = (1 << tests.bits) - 1
    values = [r & mask for r in results]
    crc = crc_stream_match(tests, values[:n_crc])
    if crc:
        return "crc", crc
    csum = (checksum_match(tests.checksum, values[n_crc:n_crc + n_sum], constant=True)
            if 8 * len(tests.checksum[0]) > tests.bits else None)
    if csum:
        return "checksum", csum
    evidence = avalanche_match(values[n_crc + n_sum:], tests.hash_bits)
    return ("hash", evidence) if evidence else None


def check_runnable(exe: Path, index: int, code: Runnable, seed: int = 1,
                   init: tuple[int, int] | None = None, only: Layout | None = None
                   ) -> tuple[Proof | None, Layout | None]:
    """Run runnable ``index`` of the driver under each ``layouts`` way (or ``only``) until
    one runs (each run after initializer ``init``, ``run_code``); a Proof if one of its
    integer live-outs is a CRC, a checksum or a hash of the bytes it reads, and the first
    layout under which some live-out read bytes that depend on the buffers' contents or
    lie past the first ``DISCOVER`` of a buffer (a table or a trie: an initializer may fill
    it). The bytes a live-out depends on must be the same for two random contents of the
    buffers (``read_set`` from two bases): code that reads a fixed message. A table lookup,
    a trie walk or a table-driven CRC whose table is random (filled in ``configure`` in the
    NF; random bytes behind ``this`` here) reads other bytes for other contents, and its
    result, random table entries, would pass for a hash. A whole function that writes into
    its buffers is no hash (a generator's step mixes the state it advances: splitmix64)."""
    n_ptr = code.buffers
    outs = [(k, int(t[1:])) for k, t in enumerate(code.outputs)
            if t in C_TYPES and t != "ptr" and int(t[1:]) >= 8]
    if not n_ptr or not outs or not code.runnable:
        return None, None
    rng = random.Random(seed)
    bases = [[rng.randbytes(BUF) for _ in range(n_ptr)] for _ in range(2)]
    failed, unsettled = 0, None
    probes = [discovery_calls(b) for b in bases]
    for layout in [only] if only else layouts(code)[:MAX_LAYOUTS]:
        if failed >= MAX_FAILED_RUNS:
            return None, unsettled
        first = run_code(exe, index, layout, bases[0], probes[0], len(code.outputs), init)
        if first is None:
            failed += 1
            continue
        sets = {(k, b): read_set(first, k, b) for k, _ in outs for b in range(n_ptr)}
        far = any(reads_far(first, k) for k, _ in outs)
        if not far and all(len(v) < MIN_MESSAGE for v in sets.values()):
            continue  # nothing to test, nothing an initializer could fill
        second = run_code(exe, index, layout, bases[1], probes[1], len(code.outputs), init)
        if second is None:
            failed += 1
            continue
        stable = {k for k, _ in outs
                  if all(read_set(second, k, b) == sets[(k, b)] for b in range(n_ptr))}
        if unsettled is None and (len(stable) < len(outs) or far):
            unsettled = layout
        tests = [live_out_tests(k, bits, b, offsets, rng) for k, bits in outs if k in stable
                 for b in range(n_ptr) if len(offsets := sets[(k, b)]) >= MIN_MESSAGE]
        calls = [with_message(t.buffer, t.offsets, m) for t in tests
                 for m in (*t.crc, *t.checksum, *t.hash)]
        results = (run_code(exe, index, layout, bases[0], calls, len(code.outputs), init)
                   if calls else None)
        if results is None:
            failed += bool(calls)
            continue
        at = 0
        for t in tests:
            n = len(t.crc) + len(t.checksum) + len(t.hash)
            verdict = check_live_out(t, [r[t.output] for r in results[at:at + n]])
            at += n
            if verdict and verdict[0] == "hash" and code.result and first[0][-1]:
                verdict = None
            if verdict:
                cls, detail = verdict
                what = "whole function, called blind" if code.result else "loop"
                return Proof(code.parent, cls, f"{detail} ({what}, {len(t.offsets)} bytes)",
                             line=code.line), None
        return None, unsettled
    return None, unsettled


def initializers(ll_text: str, loops: Sequence[Runnable], packet_path: Sequence[str]
                 ) -> list[Runnable]:
    """Code that may fill a table the packet path reads: loops whose only live-in is one
    pointer and that leave nothing in a local (a ``for (b = 0; b < 256; b++) _table[b] =
    ...`` of ``configure``, its live-in ``this``), then functions that take one pointer and
    return nothing (a ``fill_tables()`` member, a constructor); off the packet path first;
    at most ``MAX_INITIALIZERS``."""
    on_path = set(packet_path)
    fills = [r for r in loops if r.inputs == ("ptr",) and not r.outputs]
    members = [Runnable(s.name, s.name, 0, "void", ("ptr",), ()) for s in signatures(ll_text)
               if s.ret == "void" and s.params == ("ptr",)]
    found = [r for r in (*fills, *members) if r.parent not in on_path]
    found += [r for r in fills if r.parent in on_path]
    return found[:MAX_INITIALIZERS]


def prove_loops(ll_text: str, parents: Sequence[str], work: Path, seed: int = 1,
                functions: Sequence[str] = ()) -> list[Proof]:
    """Loop proofs (``Proof.line`` set) for the outermost loops of ``parents`` (the packet
    path), and whole-function proofs for ``functions`` (``function_runnables``: those the
    simple signatures of ``clara.accel.semantic`` did not prove). Code whose reads depend
    on its buffers' contents is tried again after each of the ``initializers`` on each of
    its buffers (a CRC table filled in ``configure``), for a CRC or a checksum only: with
    one of several tables filled, the others random, a CRC mixes like a hash."""
    module, loops = extract_loops(ll_text, list(function_bodies(ll_text)), work)
    on_path = set(parents)
    searched = [r for r in (*(r for r in loops if r.parent in on_path),
                            *function_runnables(module, functions)) if r.runnable]
    if not searched:
        return []
    inits = initializers(module, loops, parents)
    code = [*searched, *inits]
    exe = build_driver(module, code, work)
    if exe is None:
        return []
    proofs = []
    for n, r in enumerate(searched):
        proof, unsettled = check_runnable(exe, n, r, seed)
        tries = [(len(searched) + i, k) for i, init in enumerate(inits)
                 if init.parent != r.parent
                 for k in range(r.buffers)] if unsettled else []
        for init, k in tries:
            if proof is not None:
                break
            proof, _ = check_runnable(exe, n, r, seed, (init, k), unsettled)
            if proof is not None and proof.cls == "hash":
                proof = None  # tables part-filled (one of two fill loops) mix like a hash
            if proof is not None:
                before = demangle([inits[init - len(searched)].parent])[0]
                proof = replace(proof, detail=f"{proof.detail}, after {before} filled its "
                                              "tables")
        if proof is not None:
            proofs.append(proof)
    return proofs
