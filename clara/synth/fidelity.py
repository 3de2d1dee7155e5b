"""How close synthesized programs are to real ones: IR instruction histograms and distances.

Owns the measurement behind the paper's Table 1 (``benchmarks/synth_fidelity.py``): compiling
a source with the analysis flags, running ``clara-prepare,clara-features``, taking the
instructions of the packet-entry functions (own helpers are inlined into them, so this is the
packet path, as in ``clara.synth.ast_stats``), and the six distances between two histograms.

Distances, for histograms ``P`` (reference) and ``Q`` (synthesized) over the union of their
bins, each smoothed as ``p_i = (c_i + EPS) / (N + EPS * K)`` (``K`` bins, ``EPS = 1e-6``, so
a bin one side never uses does not make a logarithm infinite), natural logarithms:

- Jensen-Shannon ``JS = KL(P||M)/2 + KL(Q||M)/2``, ``M = (P+Q)/2``;
- Rényi of order ``RENYI_ALPHA = 0.99`` (as in Ruder & Plank 2017, the paper's [63]):
  ``D = ln(sum p_i^a q_i^(1-a)) / (a - 1)``;
- Bhattacharyya ``-ln(sum sqrt(p_i q_i))``;
- cosine ``1 - P.Q / (|P| |Q|)``;
- Euclidean ``|P - Q|_2``;
- variational ``sum |p_i - q_i|`` (the L1 distance, twice the total-variation distance).
"""

from __future__ import annotations

import math
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from clara.ir.features import ModuleFeatures, read_features
from clara.toolchain.compile import CompileOptions, compile_command, run_passes

EPS = 1e-6
RENYI_ALPHA = 0.99
METRICS = ("jensen_shannon", "renyi", "bhattacharyya", "cosine", "euclidean", "variational")


@dataclass(frozen=True)
class IrResult:
    """One source compiled to IR: success, clang's diagnostics, and its packet-path tokens."""

    source: Path
    ok: bool
    stderr: str
    tokens: tuple[str, ...]


def packet_tokens(features: ModuleFeatures) -> list[str]:
    """The compacted tokens of every block of the module's packet-entry functions."""
    entries = {f.name for f in features.functions if f.is_packet_entry}
    return [t for b in features.blocks if b.function in entries for t in b.tokens]


def opcode(token: str) -> str:
    """The LLVM opcode of a compacted token (``icmp.eq i32 var const`` -> ``icmp``)."""
    return token.split(" ", 1)[0].split(".", 1)[0]


def compile_packet_path(source: Path) -> IrResult:
    """Compile ``source`` with the analysis flags, run the plugin, return its packet tokens."""
    options = CompileOptions(include_dirs=(source.resolve().parent,))
    with tempfile.TemporaryDirectory(prefix="clara-fidelity-") as tmp:
        bitcode = Path(tmp) / "module.bc"
        features = Path(tmp) / "features.jsonl"
        proc = subprocess.run(compile_command(source, bitcode, options), capture_output=True,
                              text=True, check=False)
        if proc.returncode != 0:
            return IrResult(source, False, proc.stderr, ())
        run_passes(bitcode, ["clara-prepare", "clara-features"],
                   [f"-clara-features-output={features}"])
        tokens = tuple(packet_tokens(read_features(features)))
    return IrResult(source, True, proc.stderr, tokens)


def histogram(token_lists: Iterable[Iterable[str]], by_opcode: bool = True) -> Counter[str]:
    """Pooled counts of opcodes (or whole tokens) over many programs."""
    counts: Counter[str] = Counter()
    for tokens in token_lists:
        counts.update(opcode(t) if by_opcode else t for t in tokens)
    return counts


def _smoothed(counts: Mapping[str, float], bins: list[str]) -> list[float]:
    total = sum(counts.get(b, 0) for b in bins) + EPS * len(bins)
    return [(counts.get(b, 0) + EPS) / total for b in bins]


def _kl(p: list[float], q: list[float]) -> float:
    return sum(a * math.log(a / b) for a, b in zip(p, q, strict=True))


def distances(reference: Mapping[str, float], synthesized: Mapping[str, float]) -> dict[str, float]:
    """The six distances between two histograms (definitions in the module docstring)."""
    bins = sorted(set(reference) | set(synthesized))
    p, q = _smoothed(reference, bins), _smoothed(synthesized, bins)
    m = [(a + b) / 2 for a, b in zip(p, q, strict=True)]
    renyi = math.log(sum(a**RENYI_ALPHA * b ** (1 - RENYI_ALPHA)
                         for a, b in zip(p, q, strict=True))) / (RENYI_ALPHA - 1)
    dot = sum(a * b for a, b in zip(p, q, strict=True))
    norm = math.sqrt(sum(a * a for a in p)) * math.sqrt(sum(b * b for b in q))
    return {
        "jensen_shannon": 0.5 * _kl(p, m) + 0.5 * _kl(q, m),
        "renyi": renyi,
        "bhattacharyya": -math.log(sum(math.sqrt(a * b) for a, b in zip(p, q, strict=True))),
        "cosine": 1.0 - dot / norm,
        "euclidean": math.sqrt(sum((a - b) ** 2 for a, b in zip(p, q, strict=True))),
        "variational": sum(abs(a - b) for a, b in zip(p, q, strict=True)),
    }
