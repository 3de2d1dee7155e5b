"""Variants of accelerator-corpus implementations, as LLVM IR.

A corpus file (``clara/accel/corpus/<class>/<impl>.c``) is one implementation written by a
developer; the classifier must recognise the algorithm however the code is spelled and however
the compiler transformed it. This module multiplies each implementation into variants:

* source transformations (pure text, no libclang):
  ``rename`` — every identifier the file defines (functions, globals, macros, types, fields,
  locals, parameters) gets a fresh name, consistently, by a token-aware rewrite that skips
  comments, string literals, preprocessor directive words and the standard names the corpus may
  use; ``reorder`` — independent top-level definitions are emitted in another order that still
  respects every define-before-use dependency (a seeded topological order); ``handler`` — a
  synthetic packet handler with the entry's body pasted into it is appended
  (``clara.accel.packet_handler``; applied first, so ``rename+handler`` renames the handler
  too, and a file whose entry cannot be pasted generically has no such variant);
* compiler configurations (see ``CONFIGS``): ``-O0`` (with ``-Xclang -disable-O0-optnone``, as
  the analysis pipeline compiles), ``-O1``, ``-O1 -funroll-loops``, ``-O1 -fno-inline``, ``-m32``
  (freestanding, with a tiny ``string.h`` shim since 32-bit libc headers may be absent), the
  file's own ``-D`` width macros (``widths=`` in its tag), and compiling a C file as C++
  (``-x c++``).

``compile_variants(source, out_dir, seed)`` returns one ``Variant`` per (source transformation,
configuration) that compiles; it is deterministic for a seed. Every variant keeps the label
and the implementation id of its source file: split training data by ``impl_id``.

The ``clara-corpus:`` tag format is defined in ``clara/accel/corpus/README.md``;
``parse_corpus_tag`` is its parser.
"""

from __future__ import annotations

import random
import re
import subprocess
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clara.accel.c_tokens import Token, tokenize
from clara.accel.packet_handler import HANDLER, wrap_in_handler
from clara.toolchain.llvm import find_llvm

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
CLASSES = ("crc", "checksum", "lpm", "hash", "crypto", "none")
CLASS_DIRS = {"crc": "crc", "checksum": "checksum", "lpm": "lpm", "hash": "hash",
              "crypto": "crypto", "none": "negative"}
SOURCE_SUFFIXES = (".c", ".cc")

TAG_RE = re.compile(r"//\s*clara-corpus:\s*(?P<body>.*)$", re.MULTILINE)


class CorpusError(ValueError):
    """A corpus file's ``clara-corpus:`` tag is missing or malformed."""


@dataclass(frozen=True)
class CorpusTag:
    """The parsed ``// clara-corpus: class=... entry=... signature=... [key=value ...]`` line."""

    cls: str
    entry: str
    signature: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def helpers(self) -> list[str]:
        """Functions besides the entry that carry the class label (``helpers=a,b``)."""
        value = self.extra.get("helpers", "")
        return [h for h in value.split(",") if h]

    @property
    def api(self) -> list[str]:
        """``init,update,final`` functions of a struct-API file (``api=...``), else empty."""
        value = self.extra.get("api", "")
        return [h for h in value.split(",") if h]

    @property
    def widths(self) -> tuple[str, list[str]] | None:
        """``(MACRO, [values])`` from ``widths=MACRO:v1,v2``, or None."""
        value = self.extra.get("widths")
        if not value or ":" not in value:
            return None
        macro, values = value.split(":", 1)
        return macro, [v for v in values.split(",") if v]

    def labelled_functions(self) -> list[str]:
        """The entry followed by the helpers: every function that carries the class label."""
        return [self.entry, *self.helpers]


def parse_corpus_tag(text: str) -> CorpusTag:
    """Parse the one ``clara-corpus:`` line of a corpus file's text."""
    found = TAG_RE.findall(text)
    if len(found) != 1:
        raise CorpusError(f"expected exactly one clara-corpus: line, found {len(found)}")
    fields: dict[str, str] = {}
    for item in found[0].split():
        if "=" not in item:
            raise CorpusError(f"clara-corpus: item {item!r} is not key=value")
        key, value = item.split("=", 1)
        if key in fields:
            raise CorpusError(f"clara-corpus: key {key!r} repeated")
        fields[key] = value
    for key in ("class", "entry", "signature"):
        if not fields.get(key):
            raise CorpusError(f"clara-corpus: missing {key}=")
    if fields["class"] not in CLASSES:
        raise CorpusError(f"clara-corpus: class {fields['class']!r} not one of {CLASSES}")
    extra = {k: v for k, v in fields.items() if k not in ("class", "entry", "signature")}
    return CorpusTag(fields["class"], fields["entry"], fields["signature"], extra)


def read_tag(path: Path) -> CorpusTag:
    """The tag of the corpus file at ``path``."""
    return parse_corpus_tag(path.read_text(encoding="utf-8"))


def corpus_files(classes: Iterable[str] = CLASSES, root: Path = CORPUS_DIR) -> list[Path]:
    """The corpus source files of the given classes, sorted by implementation id."""
    out: list[Path] = []
    for cls in classes:
        folder = root / CLASS_DIRS[cls]
        if folder.is_dir():
            out.extend(p for p in folder.iterdir() if p.suffix in SOURCE_SUFFIXES)
    return sorted(out, key=lambda p: implementation_id(p, root))


def implementation_id(path: Path, root: Path = CORPUS_DIR) -> str:
    """The implementation id: the path relative to the corpus root (``crc/crc32_slice4.c``)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


# --------------------------------------------------------------------------------------------
# tokens

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


C_KEYWORDS = _words("""
auto break case char const continue default do double else enum extern float for goto if inline
int long register restrict return short signed sizeof static struct switch typedef union
unsigned void volatile while _Alignas _Alignof _Atomic _Bool _Complex _Generic _Imaginary
_Noreturn _Static_assert _Thread_local asm typeof bool true false
""")
CXX_KEYWORDS = _words("""
alignas alignof and bitand bitor catch class compl concept consteval constexpr constinit
const_cast co_await co_return co_yield decltype delete dynamic_cast explicit export final
friend mutable namespace new noexcept not nullptr operator or override private protected
public reinterpret_cast requires static_assert static_cast template this thread_local throw
try typeid typename using virtual wchar_t xor std begin end
""")
PREPROCESSOR_WORDS = _words(
    "include define undef if ifdef ifndef elif else endif error pragma line defined")
# Names the corpus may take from <stdint.h>, <stddef.h>, <string.h>, <stdlib.h> or the compiler.
STANDARD_NAMES = _words("""
int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t intptr_t uintptr_t intmax_t
uintmax_t size_t ptrdiff_t max_align_t wchar_t NULL offsetof int_least8_t int_least16_t
int_least32_t int_least64_t uint_least8_t uint_least16_t uint_least32_t uint_least64_t
int_fast8_t int_fast16_t int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t
uint_fast64_t INT8_MAX INT16_MAX INT32_MAX INT64_MAX UINT8_MAX UINT16_MAX UINT32_MAX UINT64_MAX
INT8_MIN INT16_MIN INT32_MIN INT64_MIN SIZE_MAX UINTPTR_MAX UINT64_C UINT32_C INT64_C INT32_C
memcpy memmove memset memcmp memchr strlen strcmp strncmp strcpy strncpy strchr strrchr strstr
strcat strncat strspn strcspn strnlen malloc calloc realloc free abort
main __LINE__ __FILE__ __func__
""")


def _protected(name: str, cxx: bool = True) -> bool:
    return (name in C_KEYWORDS or name in STANDARD_NAMES or name.startswith("__")
            or (cxx and name in CXX_KEYWORDS))


def _renamable_tokens(tokens: list[Token], cxx: bool, keep: set[str]) -> list[int]:
    """Indices of identifier tokens a consistent rename may change.

    Excluded: keywords (C++ ones only in C++), standard-library and compiler names,
    preprocessor directive words, ``#include`` operands, names after ``std::`` or
    ``operator``, and ``keep``.
    """
    out: list[int] = []
    directive_pos = -1
    in_include = False
    prev_sig: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "space" and "\n" in tok.text:
            in_include = False
            directive_pos = -1
        if tok.kind in ("space", "comment"):
            continue
        if tok.kind == "punct" and tok.text == "#" and directive_pos < 0:
            directive_pos = i
        if tok.kind == "ident":
            after_hash = directive_pos >= 0 and all(
                t.kind in ("space", "comment") for t in tokens[directive_pos + 1:i])
            if after_hash and tok.text in PREPROCESSOR_WORDS:
                in_include = tok.text == "include"
            elif not (in_include or _protected(tok.text, cxx) or tok.text in keep
                      or prev_sig[-3:] == ["std", ":", ":"] or prev_sig[-1:] == ["operator"]):
                out.append(i)
        prev_sig = [*prev_sig[-2:], tok.text]
    return out


def defined_identifiers(text: str, keep: Iterable[str] = (), cxx: bool = False) -> list[str]:
    """Identifiers of ``text`` that a consistent rename may change, in first-use order."""
    tokens = tokenize(text)
    out: dict[str, None] = {}
    for i in _renamable_tokens(tokens, cxx, set(keep)):
        out.setdefault(tokens[i].text, None)
    return list(out)


_SYLLABLES = ("acc", "st", "val", "cur", "tmp", "blk", "wrd", "ctx", "reg", "lane", "pos",
              "buf", "res", "sum", "ix", "nxt", "hv", "ptr", "tab", "cnt", "w", "q", "k")


def _fresh_names(names: Sequence[str], rng: random.Random, taken: set[str]) -> dict[str, str]:
    style = rng.choice(("snake", "camel", "short", "prefixed"))
    prefix = rng.choice(("nf_", "pkt_", "my_", "x_", "dp_", "fw_"))
    mapping: dict[str, str] = {}
    used = set(taken)
    for name in names:
        for attempt in range(1000):
            parts = [rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3))]
            if style == "snake":
                new = "_".join(parts)
            elif style == "camel":
                new = parts[0] + "".join(p.capitalize() for p in parts[1:])
            elif style == "short":
                new = parts[0]
            else:
                new = prefix + "_".join(parts)
            if attempt > 3 or new in used:
                new = f"{new}{rng.randint(0, 999)}"
            if new not in used and not _protected(new) and new not in PREPROCESSOR_WORDS:
                break
        mapping[name] = new
        used.add(new)
    return mapping


def rename_source(text: str, seed: int, keep: Iterable[str] = (),
                  cxx: bool = False) -> tuple[str, dict[str, str]]:
    """Rename every identifier the file defines; returns the new text and the old->new map.

    Comments and strings are left alone except the ``clara-corpus:`` line, whose function
    names (``entry``, ``helpers``, ``api``) are rewritten with the same map. New names avoid
    C++ keywords even in C files, so that a renamed C file still compiles as C++.
    """
    tokens = tokenize(text)
    positions = set(_renamable_tokens(tokens, cxx, set(keep)))
    names = list(dict.fromkeys(tokens[i].text for i in sorted(positions)))
    all_idents = {t.text for t in tokens if t.kind == "ident"}
    rng = random.Random(seed)
    mapping = _fresh_names(names, rng, all_idents)
    pieces: list[str] = []
    for i, tok in enumerate(tokens):
        if i in positions:
            pieces.append(mapping[tok.text])
        elif tok.kind == "comment" and "clara-corpus:" in tok.text:
            pieces.append(_rename_tag_line(tok.text, mapping))
        else:
            pieces.append(tok.text)
    return "".join(pieces), mapping


def _rename_tag_line(line: str, mapping: dict[str, str]) -> str:
    def fix(m: re.Match[str]) -> str:
        key, value = m.group(1), m.group(2)
        if key in ("entry", "helpers", "api"):
            value = ",".join(mapping.get(v, v) for v in value.split(","))
        return f"{key}={value}"
    return re.sub(r"(\w+)=(\S+)", fix, line)


# --------------------------------------------------------------------------------------------
# reordering of top-level definitions

@dataclass
class _Chunk:
    text: str
    pinned: bool = False
    defines: set[str] = field(default_factory=set)
    uses: set[str] = field(default_factory=set)


def _split_top_level(text: str) -> list[_Chunk] | None:
    """Split a file into top-level chunks; None if it has top-level conditionals."""
    tokens = tokenize(text)
    chunks: list[_Chunk] = []
    cur: list[Token] = []
    depth = 0
    i = 0
    at_line_start = True
    body_brace = False
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "punct" and tok.text == "#" and at_line_start and depth == 0:
            # a preprocessor line (with backslash continuations) is its own chunk
            j = i
            line: list[Token] = []
            while j < len(tokens):
                t = tokens[j]
                if t.kind == "space" and "\n" in t.text:
                    before = "".join(x.text for x in line)
                    if not before.rstrip(" \t").endswith("\\"):
                        break
                line.append(t)
                j += 1
            directive = "".join(x.text for x in line)
            word = re.match(r"#\s*(\w+)", directive)
            if word and word.group(1) in ("if", "ifdef", "ifndef", "elif", "else", "endif"):
                return None
            if any(t.kind not in ("space", "comment") for t in cur):
                chunks.append(_Chunk("".join(t.text for t in cur)))
            elif cur:
                line = cur + line
            cur = []
            pinned = bool(word and word.group(1) in ("include", "pragma"))
            chunks.append(_Chunk("".join(t.text for t in line), pinned=pinned))
            i = j
            continue
        cur.append(tok)
        if tok.kind == "space":
            if "\n" in tok.text:
                at_line_start = True
        elif tok.kind != "comment":
            at_line_start = False
        if tok.kind == "punct":
            if tok.text == "{" and depth == 0:
                body_brace = _opens_body(cur)
            if tok.text in "{(":
                depth += 1
            elif tok.text in "})":
                depth -= 1
            if depth == 0 and (tok.text == ";" or (tok.text == "}" and body_brace)):
                chunks.append(_Chunk("".join(t.text for t in cur)))
                cur = []
                body_brace = False
        i += 1
    if cur:
        chunks.append(_Chunk("".join(t.text for t in cur), pinned=True))
    return chunks


def _opens_body(cur: list[Token]) -> bool:
    """Whether the ``{`` just appended to ``cur`` opens a function or namespace body.

    Such a body ends its definition at the matching ``}``; a struct/enum body or an
    initialiser list is followed by declarators and a ``;``.
    """
    sig = [t.text for t in cur[:-1] if t.kind not in ("space", "comment")]
    if sig and sig[0] in ("namespace", "extern"):
        return True
    while sig and sig[-1] in ("const", "noexcept", "override", "final"):
        sig.pop()
    return bool(sig) and sig[-1] == ")"


def _analyse_chunk(chunk: _Chunk, names: set[str]) -> None:
    toks = [t for t in tokenize(chunk.text) if t.kind not in ("space", "comment")]
    idents = [t.text for t in toks if t.kind == "ident" and t.text in names]
    defines: set[str] = set()
    if toks and toks[0].text == "#":
        m = re.match(r"#\s*define\s+(\w+)", chunk.text.strip())
        if m:
            defines.add(m.group(1))
    else:
        depth = 0
        for k, t in enumerate(toks):
            if t.text in "{([":
                if t.text == "{" and depth == 0 and k > 0 and toks[k - 1].kind == "ident" \
                        and k > 1 and toks[k - 2].text in ("struct", "union", "enum", "class"):
                    defines.add(toks[k - 1].text)
                if depth == 0 and k > 0 and toks[k - 1].kind == "ident" and t.text in "([":
                    defines.add(toks[k - 1].text)
                depth += 1
            elif t.text in "})]":
                depth -= 1
            elif depth == 0 and t.kind == "ident" and k + 1 < len(toks) \
                    and toks[k + 1].text in (";", ",", "="):
                defines.add(t.text)
            elif t.text == "namespace" and k + 1 < len(toks):
                defines.add(toks[k + 1].text)
        # fields of a struct, enumerators, a namespace's members are defined by the chunk too
        if toks and toks[0].text in ("struct", "union", "enum", "typedef", "class",
                                     "namespace"):
            defines.update(idents)
    chunk.defines = {d for d in defines if d in names}
    chunk.uses = set(idents) - chunk.defines


def reorder_source(text: str, seed: int) -> str:
    """Emit the top-level chunks in a seeded order that keeps every dependency satisfied.

    Includes, pragmas, the leading comment and anything before the first definition stay in
    place; comments travel with the definition that follows them. A file with top-level
    preprocessor conditionals, or whose dependencies cannot be recovered, comes back unchanged.
    """
    chunks = _split_top_level(text)
    if chunks is None:
        return text
    names = {t.text for t in tokenize(text)
             if t.kind == "ident" and not _protected(t.text, cxx=False)}
    head: list[_Chunk] = []
    body: list[_Chunk] = []
    for c in chunks:
        if not body and (c.pinned or not c.text.strip() or _only_comment(c.text)):
            head.append(c)
        else:
            body.append(c)
    if any(c.pinned and c.text.strip() and not _only_comment(c.text) for c in body[:-1]):
        return text
    tail = [body.pop()] if body and body[-1].pinned else []
    for c in body:
        _analyse_chunk(c, names)
    # a namespace defines only what no other chunk defines; it uses the rest
    for c in body:
        if re.match(r"\s*(?:(?://[^\n]*|/\*.*?\*/)\s*)*namespace\b", c.text, re.DOTALL):
            elsewhere = set().union(*(o.defines for o in body if o is not c))
            everything = c.defines | c.uses
            c.defines = everything - elsewhere
            c.uses = everything & elsewhere
    definers: dict[str, list[int]] = {}
    for idx, c in enumerate(body):
        for d in c.defines:
            definers.setdefault(d, []).append(idx)
    preds: list[set[int]] = [set() for _ in body]
    for idx, c in enumerate(body):
        for u in c.uses:
            for d in definers.get(u, []):
                if d != idx:
                    preds[idx].add(d)
        # two chunks defining one name (prototype + definition) keep their order
        for d in c.defines:
            preds[idx].update(j for j in definers[d] if j < idx)
    rng = random.Random(seed)
    order: list[int] = []
    done: set[int] = set()
    while len(order) < len(body):
        ready = [i for i in range(len(body)) if i not in done and preds[i] <= done]
        if not ready:
            return text
        pick = rng.choice(ready)
        order.append(pick)
        done.add(pick)
    parts = [c.text for c in head]
    for i in order:
        piece = body[i].text
        if not piece.startswith("\n"):
            piece = "\n" + piece.lstrip(" \t")
        parts.append(piece)
    parts.extend(c.text for c in tail)
    out = "".join(parts)
    return out if out.endswith("\n") else out + "\n"


def _only_comment(text: str) -> bool:
    return all(t.kind in ("space", "comment") for t in tokenize(text))


# --------------------------------------------------------------------------------------------
# compiler configurations

@dataclass(frozen=True)
class Config:
    """One compiler configuration: a name and the flags it adds."""

    name: str
    flags: tuple[str, ...]
    cxx: bool = False
    m32: bool = False


CONFIGS: tuple[Config, ...] = (
    Config("O0", ("-O0", "-Xclang", "-disable-O0-optnone")),
    Config("O1", ("-O1",)),
    Config("O1-unroll", ("-O1", "-funroll-loops")),
    Config("O1-noinline", ("-O1", "-fno-inline")),
    Config("m32-O0", ("-O0", "-Xclang", "-disable-O0-optnone"), m32=True),
    Config("m32-O1", ("-O1",), m32=True),
    Config("cxx-O0", ("-O0", "-Xclang", "-disable-O0-optnone"), cxx=True),
    Config("cxx-O1", ("-O1",), cxx=True),
)
_STDLIB_SHIM = """\
/* Minimal <stdlib.h> for freestanding -m32 variant builds (32-bit libc headers may be absent). */
#ifndef CLARA_SHIM_STDLIB_H
#define CLARA_SHIM_STDLIB_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
void *malloc(size_t);
void *calloc(size_t, size_t);
void *realloc(void *, size_t);
void free(void *);
void abort(void);
#ifdef __cplusplus
}
#endif
#endif
"""
SOURCE_TRANSFORMS = ("orig", "rename", "reorder", "rename+reorder", "handler",
                     "rename+handler")
COMMON_FLAGS = ("-g", "-fno-discard-value-names", "-S", "-emit-llvm", "-w")

_STRING_SHIM = """\
/* Minimal <string.h> for freestanding -m32 variant builds (32-bit libc headers may be absent). */
#ifndef CLARA_SHIM_STRING_H
#define CLARA_SHIM_STRING_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
void *memcpy(void *, const void *, size_t);
void *memmove(void *, const void *, size_t);
void *memset(void *, int, size_t);
int memcmp(const void *, const void *, size_t);
size_t strlen(const char *);
#ifdef __cplusplus
}
#endif
#endif
"""


@dataclass(frozen=True)
class Variant:
    """One compiled variant of a corpus implementation."""

    source: Path          # the corpus file it came from
    impl_id: str          # implementation id (corpus-relative path of the source)
    label: str            # the class of the source file
    transform: str        # e.g. "rename+reorder/O1-unroll" or "orig/O0/CSUM_ACC_BITS=32"
    entry: str            # the entry function's name in this variant (renamed if so)
    labelled: tuple[str, ...]  # entry + helpers, as named in this variant
    ll_path: Path         # the LLVM IR file
    variant_source: Path  # the transformed source that was compiled
    flags: tuple[str, ...]
    handler: str | None = None  # the synthetic packet handler's name (``handler`` variants)
    handler_line: int = 0       # its first line: lines before it are the corpus file's


def _seed_for(seed: int, impl_id: str, salt: str) -> int:
    return (seed * 1_000_003) ^ zlib.crc32(f"{impl_id}|{salt}".encode())


@dataclass(frozen=True)
class TransformedSource:
    """One source transformation's text, its rename map and, for ``handler`` variants, the
    first line of the appended handler."""

    name: str
    text: str
    mapping: dict[str, str]
    handler_line: int = 0


def transformed_sources(source: Path, seed: int,
                        transforms: Sequence[str] = SOURCE_TRANSFORMS
                        ) -> list[TransformedSource]:
    """The requested source transformations of ``source`` (a ``handler`` one is left out
    when the entry cannot be pasted generically)."""
    text = source.read_text(encoding="utf-8")
    impl = implementation_id(source)
    tag = parse_corpus_tag(text)
    keep = [tag.widths[0]] if tag.widths else []
    out: list[TransformedSource] = []
    for name in transforms:
        if name not in SOURCE_TRANSFORMS:
            raise ValueError(f"unknown source transform {name!r}")
        new, mapping, handler_line = text, {}, 0
        if "handler" in name:
            wrapped = wrap_in_handler(text, tag.entry, _seed_for(seed, impl, "handler"))
            if wrapped is None:
                continue
            handler_line = len(text.splitlines()) + 1
            new = wrapped
        if "reorder" in name:
            new = reorder_source(new, _seed_for(seed, impl, "reorder"))
        if "rename" in name:
            new, mapping = rename_source(new, _seed_for(seed, impl, "rename"), keep,
                                         cxx=source.suffix == ".cc")
        out.append(TransformedSource(name, new, mapping, handler_line))
    return out


def compile_variants(source: Path, out_dir: Path, seed: int, *,
                     transforms: Sequence[str] = SOURCE_TRANSFORMS,
                     configs: Sequence[Config] = CONFIGS,
                     widths: bool = True) -> list[Variant]:
    """Compile every (source transformation x configuration) variant of ``source`` to IR.

    Variants that do not compile (a C file that is not valid C++, say) are skipped, and so is
    a source transformation whose text equals an earlier one's (reordering a file that has a
    single movable definition); the result is deterministic for a given seed. ``out_dir``
    receives the transformed sources and the ``.ll`` files, named after the implementation id
    and the transformation.
    """
    source = Path(source)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    impl = implementation_id(source)
    tag = read_tag(source)
    is_cxx_file = source.suffix == ".cc"
    stem = impl.replace("/", "__").rsplit(".", 1)[0]
    shim = out_dir / "_shim"
    shim.mkdir(exist_ok=True)
    (shim / "string.h").write_text(_STRING_SHIM, encoding="utf-8")
    (shim / "stdlib.h").write_text(_STDLIB_SHIM, encoding="utf-8")
    llvm = find_llvm()

    width_opts: list[tuple[str, tuple[str, ...]]] = [("", ())]
    if widths and tag.widths:
        macro, values = tag.widths
        width_opts += [(f"{macro}={v}", (f"-D{macro}={v}",)) for v in values]

    variants: list[Variant] = []
    seen_texts: set[str] = set()
    for ts in transformed_sources(source, seed, transforms):
        tname, mapping = ts.name, ts.mapping
        if ts.text in seen_texts:
            continue  # e.g. reordering a file with a single definition: a duplicate
        seen_texts.add(ts.text)
        tslug = tname.replace("+", "_")
        src = out_dir / f"{stem}.{tslug}{source.suffix}"
        src.write_text(ts.text, encoding="utf-8")
        entry = mapping.get(tag.entry, tag.entry)
        labelled = tuple(mapping.get(f, f) for f in tag.labelled_functions())
        handler = mapping.get(HANDLER, HANDLER) if ts.handler_line else None
        for cfg in configs:
            if cfg.cxx and is_cxx_file:
                continue  # a .cc file is C++ already; its plain configs cover it
            for wname, wflags in width_opts:
                if wname and cfg.name not in ("O0", "O1"):
                    continue  # width macros with the two base configurations only
                flags: list[str] = list(COMMON_FLAGS) + list(cfg.flags) + list(wflags)
                if is_cxx_file or cfg.cxx:
                    flags += ["-x", "c++", "-std=c++17"]
                else:
                    flags += ["-x", "c", "-std=gnu11"]
                if cfg.m32:
                    flags += ["-m32", "-ffreestanding", "-nostdlibinc", "-isystem", str(shim)]
                label = "/".join(x for x in (tname, cfg.name, wname) if x)
                ll = out_dir / f"{stem}.{tslug}.{cfg.name}{'.' + wname if wname else ''}.ll"
                compiler = llvm.clangxx if (is_cxx_file or cfg.cxx) else llvm.clang
                cmd = [str(compiler), *flags, str(src), "-o", str(ll)]
                proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
                if proc.returncode != 0:
                    ll.unlink(missing_ok=True)
                    continue
                variants.append(Variant(source=source, impl_id=impl, label=tag.cls,
                                        transform=label, entry=entry, labelled=labelled,
                                        ll_path=ll, variant_source=src, flags=tuple(flags),
                                        handler=handler, handler_line=ts.handler_line))
    return variants
