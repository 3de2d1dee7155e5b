"""Sequential patterns of compacted IR tokens: the mining view, mining, and the pattern list.

The paper's features are subsequences of LLVM instructions that occur in many regions of an
accelerator class (high *support*) and rarely elsewhere (high *confidence*). Here:

* **Mining view.** A region's tokens are first reduced to the computation: allocas, plain
  stack loads/stores (locals at -O0), unconditional branches and phis are dropped, but a stack
  load right after a ``getelementptr`` (an element of a local array) is kept as a memory load;
  integer widths above 8 bits become ``iw`` (CRC-16/32/64 and -m32 look alike), memory kinds
  become ``mem`` (``hdr`` for header fields), operands ``var``/``global`` become ``v`` and
  ``const``/``null``/``undef`` become ``c``, calls keep only their callee kind (``api``,
  ``extern``, or the intrinsic family such as ``llvm.fshl``).
* **Patterns.** A pattern is a tuple of 2..k view tokens that occur in that order in the view,
  consecutive elements at most ``max_gap`` positions apart (``max_gap=1``: contiguous).
* **Support and confidence.** Regions are weighted so that every (implementation, label) pair
  weighs 1 in total, however many variants it has. Support of pattern p for class c is the
  weighted fraction of class-c regions containing p; confidence is the weighted
  P(class = c | p). A pattern is kept for a positive class when both reach the thresholds; the
  list is capped per class (highest support x confidence first).
* **Pattern list.** A versioned JSON file (``PATTERNS_SCHEMA``) shipped beside the model; its
  SHA-256 is recorded in the model card.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from clara.errors import ClaraError

PATTERNS_SCHEMA = "clara.accel-patterns/1"
Pattern = tuple[str, ...]

_DROP_OPS = ("alloca", "phi", "unreachable")
_INT_RE = re.compile(r"\bi(16|32|64|128)\b")
_HDR_RE = re.compile(r"\bclick_\w+\.[\w\[\]]+")


def view_token(token: str, after_gep: bool) -> str | None:
    """One token in the mining view, or None if the view drops it."""
    parts = token.split()
    op = parts[0]
    if op in _DROP_OPS or token == "br":
        return None
    if op in ("load", "store") and parts[-1] == "stack" and not (op == "load" and after_gep):
        return None
    if op in ("call", "invoke"):
        callee = parts[1] if len(parts) > 1 else ""
        if callee.startswith("api."):
            return "call api" if callee != "api.extern" else "call extern"
        if callee.startswith("llvm."):
            return "call " + ".".join(callee.split(".")[:2])
        return "call " + callee
    text = _HDR_RE.sub("hdr", token)
    text = _INT_RE.sub("iw", text)
    words = []
    for w in text.split():
        if w in ("var", "global"):
            w = "v"
        elif w in ("const", "null", "undef"):
            w = "c"
        elif w in ("stack", "state", "packet"):
            w = "mem"
        words.append(w)
    return " ".join(words)


def view_op(token: str) -> str:
    """The operation of a mining-view token: its first word without a predicate
    (``icmp.eq iw v v`` -> ``icmp``; ``call llvm.fshl`` -> ``call``)."""
    return token.split(" ", 1)[0].split(".", 1)[0]


def mining_view(tokens: Sequence[str]) -> tuple[str, ...]:
    """The computation tokens of a region, normalised (see the module docstring)."""
    out: list[str] = []
    prev = ""
    for tok in tokens:
        v = view_token(tok, prev.startswith("getelementptr"))
        if v is not None:
            out.append(v)
        prev = tok
    return tuple(out)


def region_patterns(view: Sequence[str], k: int, max_gap: int) -> set[Pattern]:
    """Every pattern of length 2..k in ``view`` (consecutive elements <= max_gap apart)."""
    found: set[Pattern] = set()
    n = len(view)
    frontier: list[tuple[Pattern, int]] = [((view[i],), i) for i in range(n)]
    for _ in range(k - 1):
        nxt: list[tuple[Pattern, int]] = []
        for pat, last in frontier:
            for j in range(last + 1, min(n, last + 1 + max_gap)):
                p = (*pat, view[j])
                nxt.append((p, j))
                found.add(p)
        frontier = nxt
    return found


@dataclass(frozen=True)
class MinedPattern:
    """A kept pattern: its tokens, the class it was kept for, and its statistics."""

    tokens: Pattern
    cls: str
    support: float
    confidence: float


def pattern_statistics(presence: np.ndarray, labels: Sequence[str], weights: np.ndarray,
                       classes: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(support, confidence), each classes x patterns, from a regions x patterns 0/1 matrix.

    ``presence`` may be a scipy sparse matrix; ``weights`` are per region.
    """
    lab = np.asarray(labels)
    support = np.zeros((len(classes), presence.shape[1]))
    mass = np.zeros_like(support)
    for ci, cls in enumerate(classes):
        w = np.where(lab == cls, weights, 0.0)
        total = w.sum()
        col = np.asarray(presence.T @ w).ravel()
        mass[ci] = col
        support[ci] = col / total if total > 0 else 0.0
    every = mass.sum(axis=0)
    confidence = np.divide(mass, every, out=np.zeros_like(mass), where=every > 0)
    return support, confidence


def select_patterns(support: np.ndarray, confidence: np.ndarray, classes: Sequence[str],
                    positive: Sequence[str], min_support: float, min_confidence: float,
                    per_class: int) -> list[int]:
    """Column indices of the kept patterns, grouped by class, best first, no repeats."""
    kept: list[int] = []
    seen: set[int] = set()
    for cls in positive:
        ci = list(classes).index(cls)
        ok = np.flatnonzero((support[ci] >= min_support) & (confidence[ci] >= min_confidence))
        score = support[ci, ok] * confidence[ci, ok]
        order = ok[np.lexsort((ok, -score))]
        for j in order[:per_class]:
            if int(j) not in seen:
                seen.add(int(j))
                kept.append(int(j))
    return kept


def weights_by_group(groups: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    """Per-region weights: every (group, label) pair sums to 1."""
    keys = [f"{g}\0{lab}" for g, lab in zip(groups, labels, strict=True)]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return np.array([1.0 / counts[key] for key in keys])


# --------------------------------------------------------------------------- pattern list


@dataclass(frozen=True)
class PatternList:
    """The shipped patterns with the parameters they were mined with."""

    patterns: tuple[MinedPattern, ...]
    k: int
    max_gap: int
    min_support: float
    min_confidence: float

    @property
    def tokens(self) -> list[Pattern]:
        return [p.tokens for p in self.patterns]

    def to_json(self) -> str:
        doc = {
            "schema": PATTERNS_SCHEMA,
            "k": self.k, "max_gap": self.max_gap,
            "min_support": self.min_support, "min_confidence": self.min_confidence,
            "patterns": [{"tokens": list(p.tokens), "class": p.cls,
                          "support": round(p.support, 4), "confidence": round(p.confidence, 4)}
                         for p in self.patterns],
        }
        return json.dumps(doc, indent=1) + "\n"


def read_pattern_list(path: Path) -> PatternList:
    """Load a pattern list; a wrong schema or shape is a ClaraError naming the file."""
    try:
        doc = json.loads(path.read_text())
    except FileNotFoundError:
        raise ClaraError(f"{path}: pattern list missing; retrain with `clara train accel`") \
            from None
    except json.JSONDecodeError as err:
        raise ClaraError(f"{path}:{err.lineno}: pattern list is not valid JSON ({err.msg}); "
                         "retrain with `clara train accel`") from None
    if not isinstance(doc, dict) or doc.get("schema") != PATTERNS_SCHEMA:
        got = doc.get("schema") if isinstance(doc, dict) else None
        raise ClaraError(f"{path}: pattern list schema {got!r}, this Clara expects "
                         f"{PATTERNS_SCHEMA!r}; retrain with `clara train accel`")
    try:
        patterns = tuple(MinedPattern(tuple(p["tokens"]), p["class"], float(p["support"]),
                                      float(p["confidence"])) for p in doc["patterns"])
        return PatternList(patterns, int(doc["k"]), int(doc["max_gap"]),
                           float(doc["min_support"]), float(doc["min_confidence"]))
    except (KeyError, TypeError, ValueError) as err:
        raise ClaraError(f"{path}: malformed pattern list ({err}); retrain with "
                         "`clara train accel`") from None


def presence_vector(found: Iterable[Pattern], patterns: Sequence[Pattern]) -> np.ndarray:
    """0/1 per pattern of ``patterns``: whether it is in ``found``."""
    have = set(found)
    return np.array([1.0 if p in have else 0.0 for p in patterns])
