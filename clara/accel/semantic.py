"""Semantic check of CRC, Internet-checksum and hash candidates: run the function, test the maths.

The classifier guesses from the shape of the code; for three classes the guess can be turned
into evidence by running the code. A function of a module's IR is compiled with a generated
C driver (``driver_source``) and run, in a separate process with a timeout, on test vectors.

A function whose signature is *simple* — it returns an integer (8 to 64 bits) and takes one
data pointer, one integer length and at most one further integer (an initial or previous
value, called with 0) — is tested for two classes:

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

A function that is neither, returns an integer of 16 to 64 bits, takes one to six integers
and at most two pointers (a key, a struct, an object whose members it reads; a buffer with
its length) and xors, multiplies, shifts or rotates (itself or through a callee: accessors
and counters are not run) is then tested for the defining property of a **hash**
(``avalanche_match``): flipping any one input bit flips about half of the output bits, the
same input gives the same result, a call whose inputs are all behind pointers writes nothing
into them (a generator's step does: splitmix64 and xorshift* advance the state they mix; a
keyed ISN that also advances a member counter, RFC 6528, takes its tuple as integers) and
the map is not affine over GF(2). Pointers get ``HASH_KEY_BYTES`` random bytes, every bit
of which is flipped in turn; input bits that never change the result are not counted.
Finalizers (Murmur's fmix, Jenkins' final), FNV, multi-round mixers and keyed struct hashes
pass; packing, sums, meters, a single multiply-shift or ``hash_combine`` round, xorshift/LCG
steps and generators with hidden state fail.

What it does not cover: functions whose result depends on state set up elsewhere (a CRC table
filled by an init function or a constructor, as in a Click element's ``configure``: the driver
cannot know to call it, so such a function just fails the check), results written through a
pointer, CRCs whose input and output reflection differ, linear hashes (Toeplitz: neither a
CRC nor passed as a hash), and ciphers, cryptographic hashes and LPM tables (no reference the
code must equal). A cipher or MAC that returns an integer passes the hash test
(``clara.accel.detect`` leaves code the model calls crypto crypto), and so does the bucket
hash of an LPM's per-length hash tables (a hash indeed). A failed check is no evidence
against the class; a passed one is a proof of a CRC or checksum on the tested lengths, and
strong evidence of a hash. Nothing here touches the model: ``clara.accel.detect`` and the
benchmark decide how to use a proof.

The functions are run natively, in a child process with a timeout: only with
``clara analyze --prove-accelerators``, and only those the packet path reaches (``roots``).
"""

from __future__ import annotations

import random
import re
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from clara.toolchain.llvm import disassemble, find_llvm

CRC_WIDTHS = (8, 16, 24, 32, 64)
CRC_LENGTHS = (8, 16, 24, 64)      # bytes; random pairs per length below
CHECKSUM_LENGTHS = (2, 8, 20, 40, 64)
PAIRS = 3
TIMEOUT = 10.0                      # seconds for one run of the driver
MAX_LEN = 4096
# the hash check (``avalanche_match``)
HASH_BASES = 8          # random inputs whose one-bit neighbours are run
HASH_KEY_BYTES = 32     # bytes given to a pointer parameter (and its length), all flipped
HASH_TRIPLES = 4        # (x, y, z, x^y^z) quadruples of the GF(2)-linearity test
HASH_MIN_INPUT_BITS = 16
HASH_MIN_OUTPUT_BITS = 8
HASH_MEAN = (0.40, 0.60)  # mean share of the output bits one input bit flips
HASH_WEAK = 0.25        # an input bit flipping fewer (on average) diffuses weakly
HASH_MAX_WEAK = 0.10    # share of the input bits that may diffuse weakly
# seconds for the thousands of calls of one run: a hash takes microseconds per call, a method
# given random members may loop for long
HASH_TIMEOUT = 3.0

DEFINE_RE = re.compile(r"^define\s+(?P<pre>[^@\n]*?)\s*(?P<ret>i\d+|void|ptr|float|double|"
                       r"\{[^}\n]*\}|%[\w.]+)\s+@(?P<name>\"[^\"\n]+\"|[\w.$]+)\(",
                       re.MULTILINE)
C_INT = {"i8": "uint8_t", "i16": "uint16_t", "i32": "uint32_t", "i64": "uint64_t"}
CALLEE_RE = re.compile(r"@(\"[^\"\n]+\"|[\w.$]+)")
MIXING_RE = re.compile(r"= (?:xor|mul|shl|lshr|ashr)\b|@llvm\.fsh[lr]\.")


@dataclass(frozen=True)
class Signature:
    """A defined function's IR return type and parameter types."""

    name: str
    ret: str
    params: tuple[str, ...]
    internal: bool


@dataclass(frozen=True)
class Proof:
    """A function shown by execution to compute a CRC, the Internet checksum or a hash."""

    function: str
    cls: str          # "crc", "checksum" or "hash"
    detail: str       # e.g. "CRC-32, polynomial 0x04c11db7, reflected"
    demangled: str = ""  # the function's demangled name (as the plugin's records give it)
    line: int = 0     # a loop's proof (``clara.accel.loop_proofs``): the loop header's source
    # line in ``function``; 0: the proof is of the whole function


def signatures(ll_text: str) -> list[Signature]:
    """Every function defined in a module's textual IR."""
    out = []
    for m in DEFINE_RE.finditer(ll_text):
        params = tuple(p.strip().split(" ", 1)[0]
                       for p in _split_params(_balanced(ll_text, m.end())) if p)
        internal = bool(re.search(r"\b(internal|private)\b", m["pre"]))
        out.append(Signature(m["name"].strip('"'), m["ret"], params, internal))
    return out


def function_bodies(ll_text: str) -> dict[str, str]:
    """Every defined function's body text (from its ``define`` line to the closing brace)."""
    out = {}
    for m in DEFINE_RE.finditer(ll_text):
        end = ll_text.find("\n}\n", m.end())
        out[m["name"].strip('"')] = ll_text[m.start():end if end >= 0 else len(ll_text)]
    return out


def call_graph(bodies: Mapping[str, str]) -> dict[str, set[str]]:
    """Per defined function, the module's functions its body calls (or takes the address of)
    by name."""
    return {n: {name for c in CALLEE_RE.findall(body) if (name := c.strip('"')) in bodies}
            for n, body in bodies.items()}


def reachable(calls: Mapping[str, set[str]], roots: Sequence[str]) -> set[str]:
    """The defined functions ``roots`` reach through direct calls (``call_graph``), the roots
    included."""
    seen, work = set(), [r for r in roots if r in calls]
    while work:
        name = work.pop()
        if name not in seen:
            seen.add(name)
            work.extend(calls[name] - seen)
    return seen


def mixing_functions(bodies: Mapping[str, str], calls: Mapping[str, set[str]]) -> set[str]:
    """The functions that xor, multiply, shift or rotate, or call (``call_graph``) one that
    does: the only ones the hash check runs (an accessor or a counter cannot be a hash)."""
    mixing = {n for n, body in bodies.items() if MIXING_RE.search(body)}
    changed = True
    while changed:
        grown = {n for n, callees in calls.items() if callees & mixing}
        changed = not grown <= mixing
        mixing |= grown
    return mixing


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
    parameter (``data``, ``len``, ``zero``), or none when the signature is not simple. A
    leading pointer before such a signature is an ``object`` (a method's ``this``, given
    zeroed memory: the method may read members, which are zero)."""
    if sig.params and sig.params[0] == "ptr" and sig.params.count("ptr") == 2:
        inner = role_assignments(Signature(sig.name, sig.ret, sig.params[1:], sig.internal))
        return [("object", *roles) for roles in inner]
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
    """A C program that reads one call per line and prints the function's result and
    whether the call wrote into any of its buffers (1 or 0).

    Roles per parameter: ``data`` (a buffer: the line gives ``n`` then ``n`` hex bytes; each
    data parameter has its own zeroed ``MAX_LEN`` buffer), ``len`` (the first buffer's
    ``n``), ``zero``, ``word`` (the line gives its value in hex), ``object`` (zeroed memory,
    zeroed again before every call)."""
    ctypes = ["unsigned char *" if p == "ptr" else C_INT[p] for p in sig.params]
    buffers = [i for i, r in enumerate(roles) if r == "data"]
    reads, args = [], []
    for i, (role, ctype) in enumerate(zip(roles, ctypes, strict=True)):
        at_end = "0" if not reads else "2"   # the end of input is seen at a line's start
        if role == "data":
            b = buffers.index(i)
            reads.append(f"        if (!read_buf(buf{b}, &len{b})) return {at_end};\n")
            args.append(f"buf{b}")
        elif role == "word":
            reads.append(f"        if (scanf(\"%llx\", &w{i}) != 1) return {at_end};\n")
            args.append(f"({ctype}) w{i}")
        elif role == "object":
            args.append("object")
        else:
            args.append(f"({ctype}) {'len0' if role == 'len' else '0'}")
    decls = "".join(f"static unsigned char buf{b}[{MAX_LEN}], saved{b}[{MAX_LEN}];\n"
                    f"static unsigned long len{b};\n" for b in range(len(buffers)))
    if "object" in roles:
        decls += f"static unsigned char object[{MAX_LEN}];\n"
    decls += "".join(f"static unsigned long long w{i};\n" for i, r in enumerate(roles)
                     if r == "word")
    return (
        "#include <stdint.h>\n#include <stdio.h>\n#include <string.h>\n"
        f"{C_INT[sig.ret]} clara_semantic_target({', '.join(ctypes)}) "
        f"__asm__(\"{sig.name}\");\n" + decls +
        "static int read_buf(unsigned char *buf, unsigned long *len) {\n"
        f"    if (scanf(\"%lu\", len) != 1 || *len > {MAX_LEN}) return 0;\n"
        f"    memset(buf, 0, {MAX_LEN});\n"
        "    for (unsigned long i = 0; i < *len; i++) {\n"
        "        unsigned v;\n"
        "        if (scanf(\"%x\", &v) != 1) return 0;\n"
        "        buf[i] = (unsigned char) v;\n"
        "    }\n"
        "    return 1;\n"
        "}\n"
        "int main(void) {\n"
        "    for (;;) {\n" + "".join(reads) +
        "".join(f"        memcpy(saved{b}, buf{b}, {MAX_LEN});\n" for b in range(len(buffers))) +
        (f"        memset(object, 0, {MAX_LEN});\n" if "object" in roles else "") +
        f"        unsigned long long r = (unsigned long long) clara_semantic_target("
        f"{', '.join(args)});\n"
        "        int wrote = 0;\n" +
        "".join(f"        wrote |= memcmp(saved{b}, buf{b}, {MAX_LEN}) != 0;\n"
                for b in range(len(buffers))) +
        "        printf(\"%llx %d\\n\", r, wrote);\n"
        "    }\n"
        "}\n")


def call_line(roles: Sequence[str], buffers: Sequence[bytes], words: Sequence[int]) -> str:
    """One input line of ``driver_source``'s program: the ``data`` parameters' buffers and
    the ``word`` parameters' values, in parameter order."""
    parts, b, w = [], iter(buffers), iter(words)
    for role in roles:
        if role == "data":
            buf = next(b)
            parts.append(f"{len(buf)} {' '.join(f'{x:x}' for x in buf)}".rstrip())
        elif role == "word":
            parts.append(f"{next(w):x}")
    return " ".join(parts) + "\n"


CTORS_RE = re.compile(r"^@llvm\.global_(?:c|d)tors = .*$", re.MULTILINE)


def _runnable_ir(ll_text: str, sig: Signature) -> str:
    """The module with ``sig``'s definition made external (a static helper is callable) and
    without global constructors or destructors (a C++ module's static initialisers would
    call framework code the driver does not link)."""
    text = CTORS_RE.sub("", ll_text)
    if not sig.internal:
        return text
    pattern = re.compile(r"^(define\s+)(?:internal|private)\s+(.*@" + re.escape(sig.name)
                         + r"\()", re.MULTILINE)
    return pattern.sub(r"\1\2", text, count=1)


def build_driver(ll_text: str, sig: Signature, roles: Sequence[str], work: Path) -> Path | None:
    """Compile the module and a driver for ``sig`` into an executable (None if it fails)."""
    work.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"\W", "_", sig.name)[:80] + "-" + "-".join(roles)
    ll = work / f"{stem}.ll"
    ll.write_text(_runnable_ir(ll_text, sig))
    drv = work / f"{stem}.c"
    drv.write_text(driver_source(sig, roles))
    exe = work / f"{stem}.exe"
    # static: a module's undefined framework symbols (a Click element's) are ignored at link
    # time, which a dynamically linked executable's loader refuses
    proc = subprocess.run([str(find_llvm().clang), "-w", "-O0", str(drv), str(ll), "-o",
                           str(exe), "-static", "-Wl,--unresolved-symbols=ignore-all"],
                          capture_output=True, text=True, check=False)
    return exe if proc.returncode == 0 and exe.is_file() else None


@dataclass(frozen=True)
class DriverRun:
    """A driver's results, one per call, and whether any call wrote into its buffers."""

    results: list[int]
    wrote: bool


def run_driver(exe: Path, lines: Sequence[str], timeout: float = TIMEOUT) -> DriverRun | None:
    """The function's results on ``call_line`` inputs (None on a crash, a timeout or bad
    output)."""
    try:
        proc = subprocess.run([str(exe)], input="".join(lines), capture_output=True,
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    out = proc.stdout.split()
    if proc.returncode != 0 or len(out) != 2 * len(lines):
        return None
    return DriverRun([int(v, 16) for v in out[::2]], any(f != "0" for f in out[1::2]))


# --------------------------------------------------------------------------- references


def reflect(value: int, width: int) -> int:
    """``value``'s low ``width`` bits in reverse order."""
    return int(f"{value & ((1 << width) - 1):0{width}b}"[::-1], 2)


def crc0(data: bytes, width: int, poly: int, reflected: bool, start: int = 0) -> int:
    """CRC of ``data`` with init 0 and xor-out 0 (the linear part of any init/xor-out), or,
    from ``start`` (a ``crc0`` result), of the bytes that gave ``start`` followed by
    ``data``."""
    mask, top = (1 << width) - 1, 1 << (width - 1)
    reg = reflect(start, width) if reflected else start
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
        if any(r >> width for r in results):
            continue
        for reflected, probe in ((False, low), (True, high)):
            poly = probe_polynomial(probe, zero, width, reflected)
            if poly is None:
                continue
            if all(ra ^ rb == crc0(bytes(x ^ y for x, y in zip(a, b, strict=True)), width,
                                   poly, reflected) for a, b, ra, rb in pairs):
                return crc_name(width, poly, reflected)
    return None


def probe_polynomial(probe: int, zero: int, width: int, reflected: bool) -> int | None:
    """The polynomial a CRC's result on a message ending in one set bit (``probe``: byte
    01 MSB-first, 80 reflected) and on zeros (``zero``) gives, if it can be one: it has
    the x^0 term and another below x^w (``x^w + 1`` only rotates)."""
    poly = (probe ^ zero) & ((1 << width) - 1)
    poly = reflect(poly, width) if reflected else poly
    return poly if poly & 1 and poly.bit_count() >= 2 else None


def crc_name(width: int, poly: int, reflected: bool) -> str:
    """A proof's text for a CRC: ``CRC-32, polynomial 0x04c11db7, reflected``."""
    return (f"CRC-{width}, polynomial 0x{poly:0{width // 4}x}, "
            f"{'reflected' if reflected else 'not reflected'}")


def checksum_vectors(rng: random.Random) -> list[bytes]:
    return [rng.randbytes(n) for n in CHECKSUM_LENGTHS for _ in range(PAIRS)]


def checksum_match(vectors: Sequence[bytes], results: Sequence[int],
                   constant: bool = False) -> str | None:
    """Which RFC 1071 form explains ``results``, or None; with ``constant``, up to one
    constant added in one's-complement arithmetic (a sum a loop starts from: a
    pseudo-header, an initial value). 0 and 0xFFFF are the same one's-complement value."""
    for big_endian in (True, False):
        sums = [ones_sum(m, big_endian) for m in vectors]
        for complement in (False, True):
            sign = -1 if complement else 1
            offsets = {(fold16(r) - sign * s) % 0xFFFF for r, s in zip(results, sums,
                                                                        strict=True)}
            if len(offsets) == 1 and (constant or offsets == {0}):
                order = "network" if big_endian else "host (little-endian)"
                kind = "complemented checksum" if complement else "one's-complement sum"
                return f"Internet {kind} of 16-bit words, {order} order"
    return None


def hash_role_assignments(sig: Signature) -> list[tuple[str, ...]]:
    """Ways to call ``sig`` for the hash check: it returns an integer of 16 to 64 bits and
    takes one to six integers and at most two pointers. Each pointer is a ``data`` buffer of
    ``HASH_KEY_BYTES`` (a key, a struct, an object's members); an integer is a ``word``
    input, or, beside exactly one pointer, the buffer's ``len`` (tried first)."""
    if sig.ret not in C_INT or sig.ret == "i8" or not 1 <= len(sig.params) <= 6 or \
            any(p != "ptr" and p not in C_INT for p in sig.params) or \
            sig.params.count("ptr") > 2:
        return []
    words = tuple("data" if p == "ptr" else "word" for p in sig.params)
    lengths = [(*words[:i], "len", *words[i + 1:]) for i, p in enumerate(sig.params)
               if sig.params.count("ptr") == 1 and p in ("i32", "i64")]
    return [*lengths, words]


@dataclass(frozen=True)
class HashInput:
    """One call of the hash check: a buffer per ``data`` parameter, a value per ``word``."""

    buffers: tuple[bytes, ...]
    words: tuple[int, ...]

    def flipped(self, bit: int, widths: Sequence[int]) -> HashInput:
        """This input with one bit flipped: bits of the words first, then of the buffers."""
        for n, width in enumerate(widths):
            if bit < width:
                words = (*self.words[:n], self.words[n] ^ 1 << bit, *self.words[n + 1:])
                return HashInput(self.buffers, words)
            bit -= width
        k, bit = divmod(bit, 8 * HASH_KEY_BYTES)
        buf = bytearray(self.buffers[k])
        buf[bit // 8] ^= 1 << (bit % 8)
        return HashInput((*self.buffers[:k], bytes(buf), *self.buffers[k + 1:]), self.words)

    def xor(self, other: HashInput) -> HashInput:
        """The bitwise XOR of two inputs (of the linearity test)."""
        return HashInput(tuple(bytes(x ^ y for x, y in zip(a, b, strict=True))
                               for a, b in zip(self.buffers, other.buffers, strict=True)),
                         tuple(a ^ b for a, b in zip(self.words, other.words, strict=True)))


def hash_inputs(sig: Signature, roles: Sequence[str],
                rng: random.Random) -> tuple[list[HashInput], list[int]]:
    """The hash check's calls, in order: ``HASH_BASES`` random inputs, each followed by its
    one-bit neighbours; the bases again (a function with hidden state gives other
    results); ``HASH_TRIPLES`` linearity quadruples. Also the input widths (bits per word)."""
    widths = [int(p[1:]) for p, r in zip(sig.params, roles, strict=True) if r == "word"]
    n_bufs = roles.count("data")

    def random_input() -> HashInput:
        return HashInput(tuple(rng.randbytes(HASH_KEY_BYTES) for _ in range(n_bufs)),
                         tuple(rng.getrandbits(w) for w in widths))

    n_bits = sum(widths) + 8 * HASH_KEY_BYTES * n_bufs
    bases = [random_input() for _ in range(HASH_BASES)]
    calls = [c for x in bases for c in (x, *(x.flipped(b, widths) for b in range(n_bits)))]
    calls += bases
    for _ in range(HASH_TRIPLES):
        x, y, z = random_input(), random_input(), random_input()
        calls += [x, y, z, x.xor(y).xor(z)]
    return calls, widths


def avalanche_match(results: Sequence[int], n_bits: int) -> str | None:
    """The evidence that ``results`` (of ``hash_inputs``' calls, with ``n_bits`` input bits)
    come from a hash function, or None. A hash: flipping one input bit flips about half of
    the output bits that vary at all (mean share in ``HASH_MEAN``, at most
    ``HASH_MAX_WEAK`` of the input bits below ``HASH_WEAK``), over at least
    ``HASH_MIN_INPUT_BITS`` input bits that change the result and
    ``HASH_MIN_OUTPUT_BITS`` output bits; the same input gives the same result; and the
    function is not affine over GF(2) (a CRC or a Toeplitz map: linear maps the CRC check
    and the model tell apart, not this one). Packing, sums, meters, one multiply-shift and
    xorshift generators fail the first test, an RNG with hidden state the second."""
    step = n_bits + 1
    groups = [results[i * step:(i + 1) * step] for i in range(HASH_BASES)]
    repeated = results[HASH_BASES * step:HASH_BASES * step + HASH_BASES]
    quads = results[HASH_BASES * step + HASH_BASES:]
    if [g[0] for g in groups] != list(repeated):
        return None
    active = 0
    for r in results:
        active |= r ^ results[0]
    n_out = active.bit_count()
    if n_out < HASH_MIN_OUTPUT_BITS:
        return None
    shares = [sum(((g[0] ^ g[b + 1]) & active).bit_count() for g in groups)
              / (HASH_BASES * n_out) for b in range(n_bits)]
    relevant = [a for a in shares if a > 0]
    if len(relevant) < HASH_MIN_INPUT_BITS:
        return None
    mean = sum(relevant) / len(relevant)
    weak = sum(1 for a in relevant if a < HASH_WEAK) / len(relevant)
    if not HASH_MEAN[0] <= mean <= HASH_MEAN[1] or weak > HASH_MAX_WEAK:
        return None
    if all(quads[i] ^ quads[i + 1] ^ quads[i + 2] == quads[i + 3]
           for i in range(0, len(quads), 4)):
        return None
    return (f"hash: one input bit flips {mean:.2f} of {n_out} output bits on average over "
            f"{len(relevant)} input bits; not GF(2)-linear")


def check_hash(ll_text: str, sig: Signature, work: Path, seed: int = 1) -> Proof | None:
    """Run ``sig`` under each ``hash_role_assignments`` way (until one runs) on
    ``hash_inputs``; a Proof if ``avalanche_match`` holds."""
    for roles in hash_role_assignments(sig):
        exe = build_driver(ll_text, sig, roles, work)
        if exe is None:
            continue
        calls, widths = hash_inputs(sig, roles, random.Random(seed))
        run = run_driver(exe, [call_line(roles, c.buffers, c.words) for c in calls],
                         HASH_TIMEOUT)
        if run is None:
            continue
        if run.wrote and "data" in roles and not {"word", "len"} & set(roles):
            return None  # a generator's step: it mixes and advances the state it is given
        evidence = avalanche_match(run.results, sum(widths) + 8 * HASH_KEY_BYTES
                                   * roles.count("data"))
        return Proof(sig.name, "hash", evidence) if evidence else None
    return None


def check_function(ll_text: str, sig: Signature, work: Path, seed: int = 1,
                   mixes: bool = True) -> Proof | None:
    """Run ``sig`` on test vectors under each simple calling convention; a Proof if it
    computes a CRC or the Internet checksum, else (``check_hash``, for a function that
    ``mixes``) if it is a hash."""
    rng = random.Random(seed)
    crc_in, sum_in = crc_vectors(rng), checksum_vectors(rng)
    bits = int(sig.ret[1:])
    for roles in role_assignments(sig):
        exe = build_driver(ll_text, sig, roles, work)
        if exe is None:
            continue
        run = run_driver(exe, [call_line(roles, [m], []) for m in crc_in + sum_in])
        if run is None:
            continue
        results = run.results
        crc = crc_match(crc_in, results[:len(crc_in)], bits)
        if crc:
            return Proof(sig.name, "crc", crc)
        csum = checksum_match(sum_in, results[len(crc_in):])
        if csum:
            return Proof(sig.name, "checksum", csum)
    return check_hash(ll_text, sig, work, seed) if mixes else None


def ir_text(path: Path) -> str:
    """A module's textual IR: the ``.ll`` file itself, or bitcode disassembled."""
    if path.suffix == ".ll":
        return path.read_text(encoding="utf-8", errors="replace")
    return disassemble(path)
