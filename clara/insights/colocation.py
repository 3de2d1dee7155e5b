"""Colocation insight: which NFs share a NIC with the least interference.

This module owns the run-time colocation ranking (numpy + onnxruntime only). The shipped
model ``models_onnx/coloc-<target>.onnx`` has these parts: a solo-throughput regressor (the
NF alone on its share of the cores), a LambdaMART pairwise ranker over pair features, a
regressor of the pair's throughput retention ((t1 + t2) / (solo1 + solo2)), so advice can say
"expect -12%", and (in models trained since it exists) a per-NF slowdown regressor: one NF's
throughput beside a partner over its solo throughput, from both NFs' features and which half
of the cores it runs on; the two NFs' slowdowns, weighted by their predicted solo throughputs,
give a second estimate of the pair's retention. Pairs are ranked by the card's ``scoring``: a
weighted sum of the ranker's margin and the retention estimates, the weights chosen at training
time by cross-validation over the training groups. Pair features are symmetric in the two
NFs: each NF's arithmetic intensity, compute instructions, accesses per memory level and
predicted memory demand (solo throughput x accesses, in accesses per second) enter as the
pair's minimum and maximum, plus sums and ratios. A pair ``(a, b)`` runs ``a`` on the first
half of the cores and ``b`` on the second, as the artifact measured them; :func:`rank_pairs`
pairs programs in the order given and is the pure entry point ``clara analyze`` calls.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from clara.errors import ClaraError
from clara.insights.program_features import ProgramFeatures
from clara.models.onnx_model import MODELS_DIR, OnnxModel, load_model, read_card

INPUT_SCHEMA = "clara.colocation-input/1"
NF_BASE = ("compute_instructions", "atomic_updates", "locked_updates", "accelerator_calls",
           "table_probes", "tables", "stages", "hit_fraction")
TOP_K = (1, 3)


def model_name(target: str) -> str:
    return f"coloc-{target}"


def nf_feature_names(levels: Sequence[str]) -> list[str]:
    return [*NF_BASE, *(f"mem.{lv}" for lv in levels), *(f"mem_per_kinstr.{lv}" for lv in levels)]


def nf_vector(f: ProgramFeatures, levels: Sequence[str]) -> list[float]:
    kinstr = max(f.compute_instructions, 1.0) / 1000.0
    return [
        f.compute_instructions, f.atomic_updates, f.locked_updates, f.total_accelerator_calls(),
        f.table_probes, float(f.tables), float(f.stages), f.hit_fraction,
        *(f.accesses(lv) for lv in levels), *(f.accesses(lv) / kinstr for lv in levels),
    ]


def _per_nf(f: ProgramFeatures, solo_pps: float, levels: Sequence[str]) -> dict[str, float]:
    out = {"compute": f.compute_instructions, "intensity": f.arithmetic_intensity(),
           "solo_mpps": solo_pps / 1e6, "locked": f.locked_updates, "atomic": f.atomic_updates}
    out |= {f"mem.{lv}": f.accesses(lv) for lv in levels}
    out |= {f"demand.{lv}": solo_pps * f.accesses(lv) / 1e9 for lv in levels}
    return out


def pair_feature_names(levels: Sequence[str]) -> list[str]:
    keys = list(_per_nf(ProgramFeatures("x", 1.0), 1.0, levels))
    return [*(f"{side}.{k}" for k in keys for side in ("min", "max")),
            *(f"sum.demand.{lv}" for lv in levels), "sum.solo_mpps",
            "ratio.intensity", "ratio.compute"]


def slowdown_feature_names(levels: Sequence[str]) -> list[str]:
    keys = [*nf_feature_names(levels), *_per_nf(ProgramFeatures("x", 1.0), 1.0, levels)]
    return [*(f"{who}.{k}" for who in ("self", "partner") for k in keys),
            *(f"sum.demand.{lv}" for lv in levels), "second_half"]


def slowdown_vector(me: ProgramFeatures, partner: ProgramFeatures, solo_me: float,
                    solo_partner: float, second_half: bool, levels: Sequence[str]
                    ) -> list[float]:
    """Inputs of the slowdown regressor for ``me`` running beside ``partner``."""
    mine, theirs = _per_nf(me, solo_me, levels), _per_nf(partner, solo_partner, levels)
    return [*nf_vector(me, levels), *mine.values(), *nf_vector(partner, levels),
            *theirs.values(), *(mine[f"demand.{lv}"] + theirs[f"demand.{lv}"] for lv in levels),
            float(second_half)]


def slowdown_retention(solo_first: np.ndarray, solo_second: np.ndarray,
                       log_slowdown: np.ndarray) -> np.ndarray:
    """Pair retention from both NFs' slowdowns (rows: first, second of each pair in turn)."""
    rho = np.exp(np.asarray(log_slowdown, float).reshape(-1, 2))
    return (solo_first * rho[:, 0] + solo_second * rho[:, 1]) / (solo_first + solo_second)


def pair_vector(a: ProgramFeatures, b: ProgramFeatures, solo_a: float, solo_b: float,
                levels: Sequence[str]) -> list[float]:
    """Symmetric pair features (same vector for (a, b) and (b, a))."""
    fa, fb = _per_nf(a, solo_a, levels), _per_nf(b, solo_b, levels)
    out = [v for k in fa for v in (min(fa[k], fb[k]), max(fa[k], fb[k]))]
    out += [fa[f"demand.{lv}"] + fb[f"demand.{lv}"] for lv in levels]
    out.append(fa["solo_mpps"] + fb["solo_mpps"])
    for key in ("intensity", "compute"):
        lo, hi = sorted((fa[key], fb[key]))
        out.append((hi + 1.0) / (lo + 1.0))
    return out


@dataclass(frozen=True)
class PairAdvice:
    """One candidate pair, best first: rank 1 is the friendliest pair."""

    first: str
    second: str
    rank: int
    score: float
    expected_retention: float
    expected_change_pct: float
    model: str


def model_inputs(levels: Sequence[str], slowdown: bool) -> dict[str, list[str]]:
    """Input feature names of a colocation model (``slowdown``: it has the slowdown part)."""
    inputs = {"nf": nf_feature_names(levels), "pair": pair_feature_names(levels)}
    return inputs | ({"nf_pair": slowdown_feature_names(levels)} if slowdown else {})


def load_colocation_model(target: str, directory: Path | None = None) -> OnnxModel:
    directory = directory or MODELS_DIR
    card = read_card(directory / f"{model_name(target)}.json")
    inputs = model_inputs(card.get("levels", []), "nf_pair" in card.get("inputs", {}))
    return load_model(model_name(target), INPUT_SCHEMA, inputs,
                      f"clara train colocation --target {target}", directory)


def _run(model: OnnxModel, **feeds: np.ndarray) -> dict[str, np.ndarray]:
    """Run with some of the model's inputs; the others get one row of zeros (unused)."""
    widths = {name: len(names) for name, names in model.card["inputs"].items()}
    return model.run({name: feeds.get(name, np.zeros((1, width)))
                      for name, width in widths.items()})


def predict_solo(model: OnnxModel, programs: Sequence[ProgramFeatures]) -> np.ndarray:
    levels = model.card["levels"]
    x = np.array([nf_vector(p, levels) for p in programs])
    return np.exp(_run(model, nf=x)["solo_log_throughput"].ravel())


def pair_signals(model: OnnxModel, programs: Sequence[ProgramFeatures]
                 ) -> tuple[list[tuple[int, int]], dict[str, np.ndarray]]:
    """Every pair of ``programs`` and, per pair, each signal the model has: the ranker's
    margin (``rank_score``), the predicted ``retention`` and, when the model has the slowdown
    part, the retention its two predicted slowdowns give (``slowdown``)."""
    levels = model.card["levels"]
    solo = predict_solo(model, programs)
    pairs = list(combinations(range(len(programs)), 2))
    feeds = {"pair": np.array([pair_vector(programs[i], programs[j], solo[i], solo[j], levels)
                               for i, j in pairs])}
    if "nf_pair" in model.card["inputs"]:
        feeds["nf_pair"] = np.array([
            slowdown_vector(programs[me], programs[other], solo[me], solo[other], side, levels)
            for i, j in pairs for side, (me, other) in enumerate(((i, j), (j, i)))])
    out = _run(model, **feeds)
    signals = {"rank_score": out["rank_score"].ravel(), "retention": out["retention"].ravel()}
    if "nf_pair" in model.card["inputs"]:
        first, second = (np.array([solo[p[k]] for p in pairs]) for k in (0, 1))
        signals["slowdown"] = slowdown_retention(first, second, out["log_slowdown"].ravel())
    return pairs, signals


def pair_scores(model: OnnxModel, programs: Sequence[ProgramFeatures]
                ) -> tuple[list[tuple[int, int]], np.ndarray, np.ndarray]:
    """(pairs, ranking scores, predicted retention) for every pair of ``programs``; the score
    weighs the signals by the card's ``scoring.weights``."""
    pairs, signals = pair_signals(model, programs)
    weights = model.card["scoring"]["weights"]
    scores = sum((weights[k] * v for k, v in signals.items()), np.zeros(len(pairs)))
    return pairs, scores, signals["retention"]


def rank_pairs(programs: Sequence[ProgramFeatures], target: str = "agilio-cx",
               models_dir: Path | None = None) -> list[PairAdvice]:
    """Every pair of ``programs`` ranked by predicted friendliness, best first."""
    if len(programs) < 2:
        raise ClaraError("colocation needs at least two programs to pair")
    names = [p.name for p in programs]
    if len(set(names)) != len(names):
        raise ClaraError(f"program names must be distinct to rank pairs, got {names}")
    model = load_colocation_model(target, models_dir)
    known = set(model.card["levels"])
    for p in programs:
        extra = sorted(lv for lv in p.mem_accesses if lv not in known and p.accesses(lv) > 0)
        if extra:
            raise ClaraError(f"{p.name}: the colocation model knows the levels {sorted(known)}, "
                             f"not {extra}; retrain it with measurements that use them")
    pairs, scores, retention = pair_scores(model, programs)
    order = np.argsort(-scores, kind="stable")
    return [
        PairAdvice(names[pairs[k][0]], names[pairs[k][1]], rank + 1, float(scores[k]),
                   float(retention[k]), float((retention[k] - 1.0) * 100.0),
                   f"xgboost {model.card['scoring']['chosen']} {model.path.name}")
        for rank, k in enumerate(order)
    ]


# --------------------------------------------------------------------------- evaluation


def top_k_accuracy(scores: Sequence[float], truth: Sequence[float], k: int) -> float:
    """Share of the true k best pairs found among the predicted k best (the artifact's metric)."""
    predicted = set(np.argsort(-np.asarray(scores), kind="stable")[:k].tolist())
    actual = set(np.argsort(-np.asarray(truth), kind="stable")[:k].tolist())
    return len(predicted & actual) / k


def evaluate_colocation(groups: Sequence[Any], model: OnnxModel) -> dict[str, Any]:
    """Top-k accuracy of the ranking and retention error, over ``groups``
    (:class:`clara.dataset.measurements.Group`)."""
    acc: Mapping[int, list[float]] = {k: [] for k in TOP_K}
    errors: list[float] = []
    for g in groups:
        _, scores, retention = pair_scores(model, g.members)
        truth = g.retention()
        for k in TOP_K:
            acc[k].append(top_k_accuracy(scores, truth, k))
        errors.extend(np.abs(np.asarray(retention) - np.asarray(truth)).tolist())
    return {"groups": len(groups), **{f"top{k}": float(np.mean(v)) for k, v in acc.items()},
            "retention_mae": float(np.mean(errors))}
