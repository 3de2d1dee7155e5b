"""The ``handler`` corpus transformation: a corpus entry called from a synthetic packet handler.

Real clang-19 (the wrapped file is compiled and run), the real plugin (clara-prepare inlines
the entry into the handler), no mocks.
"""

from __future__ import annotations

import subprocess
import zlib
from pathlib import Path

import pytest

from clara.accel.packet_handler import (
    HANDLER,
    Parameter,
    call_arguments,
    find_definition,
    handler_source,
    inline_returns,
    wrap_in_handler,
)
from clara.accel.regions import CANDIDATE_KINDS, FUNCTION, INLINED, LOOP
from clara.accel.variants import (
    CONFIGS,
    CORPUS_DIR,
    corpus_files,
    read_tag,
    transformed_sources,
)
from clara.models.train_accel import document_samples, source_document
from clara.toolchain.llvm import find_llvm

O0 = tuple(c for c in CONFIGS if c.name == "O0")


def test_prototypes() -> None:
    text = """
uint32_t
crc_it(const uint8_t *buf, size_t len, uint32_t state[8])
{ return 0; }
void sink(struct ctx *c, const unsigned char block[64]) { }
static inline int many(void) { return 1; }
int cb(int (*f)(int), int x) { return f(x); }
struct pair two(uint32_t a) { struct pair p; return p; }
int by_value(struct pair p) { return 0; }
double real(uint32_t a) { return a; }
"""
    crc = find_definition(text, "crc_it")
    assert crc is not None and crc.returns == "uint32_t"
    assert crc.body == " return 0; " and crc.body_line == 4
    assert crc.parameters == (Parameter("const uint8_t *", "buf"), Parameter("size_t", "len"),
                              Parameter("uint32_t *", "state"))
    sink = find_definition(text, "sink")
    assert sink is not None and sink.returns == "void"
    assert [p.base for p in sink.parameters] == ["ctx", "unsigned char"]
    many = find_definition(text, "many")
    assert many is not None and many.parameters == ()
    # a function pointer, a struct by value (in or out), a float: not callable generically
    for name in ("cb", "two", "by_value", "real", "absent"):
        assert find_definition(text, name) is None, name
    # the packet goes to the data pointer, the payload length to len, scratch to the state
    # words; a byte pointer named like a key or an output gets scratch, integers get fields
    assert call_arguments(crc) == ["(const uint8_t *)(hv_d + hv_off)", "(size_t)hv_plen",
                                   "(uint32_t *)(void *)(hv_scratch + 0)"]
    keyed = find_definition("uint32_t mac(const uint8_t *key, const uint8_t *msg, size_t n, "
                            "uint32_t seed, uint16_t port) { return 1; }", "mac")
    assert keyed is not None
    assert call_arguments(keyed) == ["(const uint8_t *)(void *)(hv_scratch + 0)",
                                     "(const uint8_t *)(hv_d + hv_off)", "(size_t)hv_plen",
                                     "(uint32_t)(hv_src)", "(uint16_t)(hv_dst)"]


def test_returns_become_jumps() -> None:
    """Every return of the pasted body sets the result and leaves it, on the same line."""
    body = "\n  if (n == 0)\n    return f(a, (b));\n  for (;;) { return x ? 1 : 2; }\n  return;\n"
    assert inline_returns(body, "uint32_t") == (
        "\n  if (n == 0)\n    { hv_result = (uint64_t)( f(a, (b))); goto hv_done; }\n"
        "  for (;;) { { hv_result = (uint64_t)( x ? 1 : 2); goto hv_done; } }\n"
        "  goto hv_done;\n")
    assert "(uint64_t)(uintptr_t)( p)" in inline_returns("return p;", "struct node *")


def test_every_corpus_entry_is_wrapped() -> None:
    """Every corpus file's entry can be pasted into the handler, and the original text is
    kept as it was (line numbers are what the labels rely on)."""
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        wrapped = wrap_in_handler(text, read_tag(path).entry, seed=1)
        assert wrapped is not None, path
        assert wrapped.startswith(text) and f"int {HANDLER}(" in wrapped[len(text):], path


def _seed_using(text: str, entry: str, needle: str) -> int:
    defn = find_definition(text, entry)
    assert defn is not None
    return next(s for s in range(200) if needle in handler_source(defn, s))


DRIVER = """
#include <stdio.h>
void hv_emit(struct hv_packet *p, int port) { (void)p; printf("emit %d\\n", port); }
void hv_drop(struct hv_packet *p) { (void)p; printf("drop\\n"); }
int main(void) {
    static uint8_t frame[] = {FRAME};
    struct hv_packet p = {frame, sizeof frame, 0, 0};
    int rc = hv_handle(&p);
    printf("rc %d stamp %02x%02x%02x%02x ttl %u\\n", rc, frame[38], frame[39], frame[40],
           frame[41], frame[22]);
    return 0;
}
"""


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
def test_handler_runs_the_entry_on_the_packet(opt: str, tmp_path: Path) -> None:
    """A CRC-32 entry pasted into a handler that stamps its result into the L4 header: run
    on an Ethernet/IPv4 frame, it writes zlib's CRC-32 of the bytes after the IPv4 header
    (the handler's arguments: L4 header onward, payload length) and decrements the TTL."""
    path = CORPUS_DIR / "crc" / "crc32_ieee_bitwise.c"
    text = path.read_text(encoding="utf-8")
    entry = read_tag(path).entry
    seed = _seed_using(text, entry, "hv_d[hv_off + 4] = (uint8_t)(r >> 24);")
    wrapped = wrap_in_handler(text, entry, seed)
    assert wrapped is not None
    frame = bytearray(range(100))
    frame[12:14] = b"\x08\x00"
    frame[14] = 0x45                     # IPv4, IHL 5
    frame[22] = 64                       # TTL
    payload = bytes(frame[34:])
    src = tmp_path / "wrapped.c"
    src.write_text(wrapped + DRIVER.replace("FRAME", ", ".join(map(str, frame))))
    exe = tmp_path / "wrapped"
    proc = subprocess.run([str(find_llvm().clang), "-std=gnu11", opt, "-Wall", "-Werror",
                           "-Wno-unused-function", str(src), "-o", str(exe)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["emit 0", f"rc 0 stamp {zlib.crc32(payload):08x} ttl 63"]


def test_handler_variant_labels(tmp_path: Path) -> None:
    """Real clang -O0 + plugin on ``handler`` variants: the CRC entry's loops, pasted into
    the handler, are the handler's own loops (no inlined helper's scope: code written in the
    packet handler) at the lines they have in the entry, labelled crc; the handler's options
    loop is none; the handler function mixes both and the file's own functions are left to
    the plain variants. In a negative file every region, the handler included, is none."""
    path = CORPUS_DIR / "crc" / "crc32_ieee_bitwise.c"
    seed = next(s for s in range(1, 100) if "o = 20" in
                transformed_sources(path, s, ("handler",))[0].text)  # with an options loop
    crc = source_document(path, seed=seed, transforms=("orig", "handler"), configs=O0,
                          cache_dir=tmp_path)
    orig, handler = crc["variants"]
    assert handler["handler"] == HANDLER and handler["handler_line"] > 1
    assert orig["handler"] is None
    samples = document_samples(crc)
    entry_loops = {s.region.first_line for s in samples
                   if s.transform.startswith("orig") and s.region.kind == LOOP}
    assert len(entry_loops) == 2  # bytes, bits
    pasted = [s for s in samples if s.transform.startswith("handler")]
    assert {s.region.function for s in pasted} == {HANDLER}
    assert not [s for s in pasted if s.region.kind == FUNCTION]
    crc_loops = [s for s in pasted if s.label == "crc"]
    assert {s.region.first_line for s in crc_loops} == entry_loops
    assert all(s.region.kind == LOOP and s.region.scope is None for s in crc_loops)
    handler_loops = [s for s in pasted if s.label == "none"]
    assert len(handler_loops) == 1
    assert handler_loops[0].region.first_line >= handler["handler_line"]
    negative = source_document(CORPUS_DIR / "negative" / "hex_encode.c", seed=3,
                               transforms=("handler",), configs=O0, cache_dir=tmp_path)
    labels = {(s.region.function, s.region.kind, s.label)
              for s in document_samples(negative)}
    assert (HANDLER, FUNCTION, "none") in labels
    assert {label for _, _, label in labels} == {"none"}


def test_handler_variant_inlined_helper_labels(tmp_path: Path) -> None:
    """With inlined helpers as regions, a handler variant's labelled helper (CRC-32
    slice-by-4's table builder) is crc, an unlabelled helper of the file (its little-endian
    word load, part of the algorithm) is left out, and the handler's own accessors
    (``hv_be16``/``hv_be32``, inlined by clara-prepare) are none."""
    doc = source_document(CORPUS_DIR / "crc" / "crc32_slice4.c", seed=1,
                          transforms=("handler",), configs=O0, cache_dir=tmp_path)
    inlined = {s.region.helper: s.label for s in document_samples(doc, CANDIDATE_KINDS)
               if s.region.kind == INLINED}
    assert inlined.get("s4_tables_init") == "crc"
    assert "load_le32" not in inlined
    assert {inlined[h] for h in inlined if h.startswith("hv_be")} == {"none"}
    assert any(h.startswith("hv_be") for h in inlined)
