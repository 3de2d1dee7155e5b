"""The compute model's vocabulary: compacted IR tokens and callee kinds mapped to ids.

This module owns ``models_onnx/compute-<target>.vocab.json``: it is built from the training
blocks (a token seen fewer than ``min_count`` times is left out), reserves id 0 for padding
and id 1 for unknown tokens, encodes a block's token sequence into ids while counting the
unknown ones, and is identified by a sha256 that the model card records. It uses only the
standard library, so analysis at run time does not need the ``[train]`` extra.

**Backoff.** A vocabulary built with ``backoff`` also holds *coarse* tokens (``~`` + opcode
family + operand class, :func:`coarse_token`: ``invoke api.String`` and ``call api.X`` both
become ``~call api``, ``load i16 packet`` becomes ``~load packet``). A token that is not in
the vocabulary is encoded as its coarse token when that is known, else as unknown; it still
counts as unknown (not in the vocabulary). A vocabulary without coarse tokens never backs off.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from clara.errors import ClaraError

SCHEMA = "clara.compute-vocab/1"
PAD, UNKNOWN = "<pad>", "<unk>"
PAD_ID, UNKNOWN_ID = 0, 1
RESERVED = (PAD, UNKNOWN)
COARSE = "~"  # prefix of the coarse (backoff) tokens
BLOCK = "block "  # prefix of the block-name token that starts a block's sequence
MEMORY_PLACES = ("stack", "state", "packet", "global")


@dataclass(frozen=True)
class Vocabulary:
    """Token → id (ids 0 and 1 reserved), the callee kinds the model's context knows, and
    whether its context reads the reference compiler's counts (the target file's
    ``compute_reference``)."""

    tokens: tuple[str, ...]
    callee_kinds: tuple[str, ...]
    min_count: int
    reference: bool = False

    @property
    def size(self) -> int:
        return len(self.tokens)

    def ids(self) -> dict[str, int]:
        return {token: i for i, token in enumerate(self.tokens)}

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"schema": SCHEMA, "min_count": self.min_count,
                                   "tokens": list(self.tokens),
                                   "callee_kinds": list(self.callee_kinds)}
        if self.reference:
            data["reference"] = True
        return data

    def sha256(self) -> str:
        """Hash of the canonical JSON text: what a model card pins."""
        text = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


def operand_class(word: str) -> str:
    """The class of a token's type or place word: int, fp, ptr, aggregate, field, or a
    memory place (stack, state, packet, global)."""
    if word in MEMORY_PLACES or word in ("ptr", "void"):
        return word
    if word.startswith("click_"):
        return "field"
    if word[:1] == "i" and word[1:].isdigit():
        return "int"
    if word in ("half", "float", "double", "fp"):
        return "fp"
    return "aggregate" if word in ("struct", "array") or word.startswith("v") else "other"


def coarse_token(token: str) -> str:
    """The backoff token of a compacted token: opcode family + operand class.

    ``icmp.sgt i32 var const`` → ``~icmp int``; ``load i16 click_ip.ip_len`` → ``~load field``;
    ``store i1 stack`` → ``~store stack``; ``invoke api.String`` → ``~call api``;
    ``call llvm.memcpy state`` → ``~call llvm``; ``block for.cond`` → ``~block``.
    """
    words = token.split()
    family = words[0].split(".")[0]
    if family in ("block", "br"):
        return f"{COARSE}{family}"
    if family in ("call", "invoke"):
        callee = words[1].split(".")[0] if len(words) > 1 else ""
        return f"{COARSE}call {callee}".rstrip()
    if family in ("load", "store") and len(words) > 2:
        return f"{COARSE}{family} {operand_class(words[2])}"
    if len(words) > 1:
        return f"{COARSE}{family} {operand_class(words[1])}"
    return f"{COARSE}{family}"


def block_token(name: str) -> str:
    """The token of a block's clang name, numbers removed: ``if.then27.i`` → ``block
    if.then.i`` (the source construct, and one ``.i`` per inlining level)."""
    return BLOCK + re.sub(r"[0-9]+", "", name)


def build_vocabulary(sequences: Iterable[Sequence[str]], callee_kinds: Iterable[Iterable[str]],
                     min_count: int = 2, backoff: bool = False,
                     reference: bool = False) -> Vocabulary:
    """Tokens and callee kinds seen at least ``min_count`` times, most frequent first; with
    ``backoff``, also the coarse tokens of all tokens (counted over the same blocks);
    ``reference``: the context reads the reference compiler's counts."""
    token_counts: Counter[str] = Counter()
    for sequence in sequences:
        token_counts.update(sequence)
    if backoff:
        coarse: Counter[str] = Counter()
        for token, n in token_counts.items():
            coarse[coarse_token(token)] += n
        token_counts.update(coarse)
    kind_counts: Counter[str] = Counter()
    for kinds in callee_kinds:
        kind_counts.update(kinds)

    def kept(counts: Counter[str]) -> list[str]:
        return [t for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                if n >= min_count and t not in RESERVED]

    return Vocabulary((*RESERVED, *kept(token_counts)), tuple(kept(kind_counts)), min_count,
                      reference)


def token_id(token: str, ids: dict[str, int]) -> int:
    """The token's id, else its coarse token's id, else the unknown id."""
    found = ids.get(token)
    if found is not None:
        return found
    return ids.get(coarse_token(token), UNKNOWN_ID)


def encode(tokens: Sequence[str], ids: dict[str, int]) -> tuple[list[int], int]:
    """The token ids of one block (with backoff) and how many of its tokens are not in the
    vocabulary."""
    return [token_id(t, ids) for t in tokens], sum(1 for t in tokens if t not in ids)


def coarse_ids(vocabulary: Vocabulary) -> list[int]:
    """For each id, the id of its token's coarse token (itself for reserved and coarse
    tokens, or when the coarse token is not in the vocabulary): what training's token
    dropout substitutes, so that the model learns what the backoff tokens mean."""
    ids = vocabulary.ids()
    return [i if t in RESERVED or t.startswith(COARSE) else ids.get(coarse_token(t), i)
            for i, t in enumerate(vocabulary.tokens)]


def unknown_rate(sequences: Iterable[Sequence[str]], vocabulary: Vocabulary,
                 after_backoff: bool = False) -> float:
    """Fraction of all tokens in ``sequences`` that are not in the vocabulary (with
    ``after_backoff``: that are encoded as the unknown id, their coarse token unknown too)."""
    ids = vocabulary.ids()
    total = unknown = 0
    for sequence in sequences:
        total += len(sequence)
        encoded, missing = encode(sequence, ids)
        unknown += encoded.count(UNKNOWN_ID) if after_backoff else missing
    return unknown / total if total else 0.0


def save_vocabulary(vocabulary: Vocabulary, path: Path) -> None:
    path.write_text(json.dumps(vocabulary.to_json(), indent=1) + "\n")


def load_vocabulary(path: Path) -> Vocabulary:
    """Read a vocabulary file; a malformed one is a :class:`ClaraError` naming the file."""
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError:
        raise ClaraError(f"{path}: vocabulary file missing; retrain with "
                         "`clara train compute`") from None
    except json.JSONDecodeError as err:
        raise ClaraError(f"{path}:{err.lineno}: vocabulary is not valid JSON ({err.msg})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ClaraError(f"{path}: not a {SCHEMA} vocabulary; retrain with `clara train compute`")
    tokens = data.get("tokens")
    if not isinstance(tokens, list) or tuple(tokens[:2]) != RESERVED:
        raise ClaraError(f"{path}: vocabulary must start with the reserved tokens {RESERVED}")
    return Vocabulary(tuple(str(t) for t in tokens),
                      tuple(str(k) for k in data.get("callee_kinds", [])),
                      int(data.get("min_count", 1)), data.get("reference") is True)
