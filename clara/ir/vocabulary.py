"""The compute model's vocabulary: compacted IR tokens and callee kinds mapped to ids.

This module owns ``models_onnx/compute-<target>.vocab.json``: it is built from the training
blocks (a token seen fewer than ``min_count`` times is left out), reserves id 0 for padding
and id 1 for unknown tokens, encodes a block's token sequence into ids while counting the
unknown ones, and is identified by a sha256 that the model card records. It uses only the
standard library, so analysis at run time does not need the ``[train]`` extra.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from clara.errors import ClaraError

SCHEMA = "clara.compute-vocab/1"
PAD, UNKNOWN = "<pad>", "<unk>"
PAD_ID, UNKNOWN_ID = 0, 1
RESERVED = (PAD, UNKNOWN)


@dataclass(frozen=True)
class Vocabulary:
    """Token → id (ids 0 and 1 reserved) and the callee kinds the model's context knows."""

    tokens: tuple[str, ...]
    callee_kinds: tuple[str, ...]
    min_count: int

    @property
    def size(self) -> int:
        return len(self.tokens)

    def ids(self) -> dict[str, int]:
        return {token: i for i, token in enumerate(self.tokens)}

    def to_json(self) -> dict[str, object]:
        return {"schema": SCHEMA, "min_count": self.min_count, "tokens": list(self.tokens),
                "callee_kinds": list(self.callee_kinds)}

    def sha256(self) -> str:
        """Hash of the canonical JSON text: what a model card pins."""
        text = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()


def build_vocabulary(sequences: Iterable[Sequence[str]], callee_kinds: Iterable[Iterable[str]],
                     min_count: int = 2) -> Vocabulary:
    """Tokens and callee kinds seen at least ``min_count`` times, most frequent first."""
    token_counts: Counter[str] = Counter()
    for sequence in sequences:
        token_counts.update(sequence)
    kind_counts: Counter[str] = Counter()
    for kinds in callee_kinds:
        kind_counts.update(kinds)

    def kept(counts: Counter[str]) -> list[str]:
        return [t for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                if n >= min_count and t not in RESERVED]

    return Vocabulary((*RESERVED, *kept(token_counts)), tuple(kept(kind_counts)), min_count)


def encode(tokens: Sequence[str], ids: dict[str, int]) -> tuple[list[int], int]:
    """The token ids of one block and how many of its tokens were unknown."""
    encoded = [ids.get(t, UNKNOWN_ID) for t in tokens]
    return encoded, sum(1 for i in encoded if i == UNKNOWN_ID)


def unknown_rate(sequences: Iterable[Sequence[str]], vocabulary: Vocabulary) -> float:
    """Fraction of all tokens in ``sequences`` that are not in the vocabulary."""
    ids = vocabulary.ids()
    total = unknown = 0
    for sequence in sequences:
        total += len(sequence)
        unknown += encode(sequence, ids)[1]
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
                      int(data.get("min_count", 1)))
