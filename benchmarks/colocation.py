"""Colocation benchmark: top-1 / top-3 accuracy over held-out groups, against the artifact.

For 10 seeds, splits the Agilio CX colocation groups (4 NFs, 6 pairs each) by group (20%
held out), trains Clara's colocation model on the rest (through ONNX, as shipped) and, on
the same split, the artifact's ranker: XGBoost pairwise ranker (80 trees, learning rate 0.1,
subsample 0.93, depth 3) over its 27 pair features from the README cost table, with binary
top-k labels and one model per k, as its scripts do. Top-k accuracy is the artifact's: the
share of the true k best pairs (by measured throughput retention) among the predicted k best.

Protocol: every modelling choice is made inside each seed's training groups. The ranking
score (ranker, predicted retention, per-NF slowdowns combined into a retention, or
standardised sums of them) is chosen per seed by 5-fold cross-validation over that seed's
training groups; its CV figures are printed. The held-out table also gives every candidate
score of the same trained models (not a choice: the chosen one is the headline). The tree
hyperparameters are fixed defaults, not tuned. Held-out groups are used once, for the table.

Extras, not the headline: "top-1 within noise" counts a predicted best pair as a hit when its
measured retention is within TIE_POINTS of the best (one standard deviation of the
difference of two measured retentions, noise estimate (a)); the ceiling is the top-k of an
oracle that knows the measured retentions exactly, scored against copies of them with
measurement noise per throughput - optimistic, since the measured retentions already carry
noise - for both of the scale-out benchmark's noise estimates (POINT_NOISE: (a) the smooth-fit
residual, (b) the part of it the features cannot predict; both upper bounds).

Writes ``benchmarks/results/colocation.json`` and prints a table.

    python benchmarks/colocation.py [--data ../shared/data/clara-agilio/nf_colocation]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from clara.dataset.agilio_artifact import (  # noqa: E402
    ColocationGroup,
    colocation_rows,
    read_artifact,
)
from clara.dataset.measurements import Group, colocation_groups  # noqa: E402
from clara.insights.colocation import (  # noqa: E402
    load_colocation_model,
    pair_scores,
    pair_signals,
    top_k_accuracy,
)
from clara.insights.program_features import block_costs  # noqa: E402
from clara.models.train_colocation import (  # noqa: E402
    SCORINGS,
    scoring_weights,
    split_groups,
    train_colocation,
)
from clara.targets.profile import load_target  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "clara-agilio" / "nf_colocation"
SEEDS = range(10)
TARGETS = {"top1": 0.80, "top3": 0.95}
ARTIFACT_REPORTED = {"top1": "0.65-0.70", "top3": 0.87}
# Log-throughput noise of one measurement, benchmarks/scaleout.py's estimates (a) and (b).
POINT_NOISE = {"smooth_fit": 0.0107, "unpredicted": 0.0050}
TIE_POINTS = 0.0116  # retention: sd of the difference of two measured retentions


def artifact_nf(choices: Sequence[int], configs: Sequence[int]) -> list[float]:
    """The artifact's 9 per-NF features (weights 250 and 4.6 as in its colocation script)."""
    blocks = block_costs(choices, configs)
    c = sum(b.compute for b in blocks)
    i = sum(b.near_accesses for b in blocks)
    e = sum(b.flow_accesses for b in blocks)
    d = 250.0 * e + c + 55.0 * i
    return [i / c, e / c, i, e, c, i / d, e / d, (i - 4.6 * e) / c, (i + 4.6 * e) / c]


def artifact_pair(a: list[float], b: list[float]) -> list[float]:
    """27 pair features: both NFs' 9, and 9 ratios between them."""
    return a + b + [(x + 1.0) / (y + 1.0) for x, y in zip(a[:8], b[:8], strict=True)] + [
        a[8] / b[8]]


def top1_within_noise(scores: Sequence[float], truth: Sequence[float]) -> float:
    """1 when the predicted best pair's measured retention is within TIE_POINTS of the best."""
    best = int(np.argmax(np.asarray(scores)))
    return float(truth[best] >= max(truth) - TIE_POINTS)


def oracle_ceiling(groups: Sequence[Group], noise: float, draws: int = 200, seed: int = 0
                   ) -> dict[str, float]:
    """Top-k of ranking by the measured retentions, against noisy re-measurements."""
    rng = np.random.RandomState(seed)
    acc = {1: [], 3: []}
    for g in groups:
        truth = np.asarray(g.retention())
        solo, first = np.asarray(g.solo_pps), [p.first for p in g.pairs]
        second = [p.second for p in g.pairs]
        pair = np.array([[p.first_pps, p.second_pps] for p in g.pairs])
        for _ in range(draws):
            s = solo * np.exp(rng.normal(0, noise, solo.shape))
            t = pair * np.exp(rng.normal(0, noise, pair.shape))
            noisy = t.sum(axis=1) / (s[first] + s[second])
            for k in acc:
                acc[k].append(top_k_accuracy(truth, noisy, k))
    return {f"top{k}": float(np.mean(v)) for k, v in acc.items()}


def clara_extras(model_dir: Path, test: Sequence[Group]) -> dict[str, Any]:
    """Top-1 within noise of the trained model in ``model_dir`` on ``test``, and the top-k of
    every candidate score (:data:`SCORINGS`) of the same models."""
    model = load_colocation_model("agilio-cx", model_dir)
    signals = [pair_signals(model, g.members)[1] for g in test]
    spread = model.card["scoring"]["spreads"]
    candidates = {}
    for name in SCORINGS:
        weights = scoring_weights(name, spread)
        scores = [sum(weights[k] * v for k, v in s.items()) for s in signals]
        candidates[name] = {f"top{k}": float(np.mean([
            top_k_accuracy(sc, g.retention(), k) for sc, g in zip(scores, test, strict=True)]))
            for k in (1, 3)}
    within = [top1_within_noise(pair_scores(model, g.members)[1], g.retention()) for g in test]
    return {"top1_within_noise": float(np.mean(within)), "candidates": candidates}


def artifact_ranker(train: Sequence[ColocationGroup], test: Sequence[ColocationGroup],
                    retention: dict[int, list[float]]) -> dict[str, float]:
    import xgboost as xgb

    def matrix(groups: Sequence[ColocationGroup]) -> np.ndarray:
        rows = []
        for g in groups:
            nfs = [artifact_nf(p.choices, p.configs) for p in g.programs]
            rows += [artifact_pair(nfs[p.first], nfs[p.second]) for p in g.pairs]
        return np.array(rows)

    x_tr, x_te = matrix(train), matrix(test)
    qid = np.repeat(np.arange(len(train)), 6)
    out = {}
    for k in (1, 3):
        labels = np.zeros((len(train), 6))
        for row, g in enumerate(train):
            labels[row, np.argsort(-np.asarray(retention[g.sample]), kind="stable")[:k]] = 1
        model = xgb.XGBRanker(n_estimators=80, learning_rate=0.1, subsample=0.93, max_depth=3,
                              objective="rank:pairwise", random_state=0, n_jobs=1)
        model.fit(x_tr, labels.ravel(), qid=qid)
        scores = model.predict(x_te).reshape(-1, 6)
        out[f"top{k}"] = float(np.mean([top_k_accuracy(s, retention[g.sample], k)
                                        for s, g in zip(scores, test, strict=True)]))
        if k == 1:
            out["top1_within_noise"] = float(np.mean([
                top1_within_noise(s, retention[g.sample]) for s, g in zip(scores, test,
                                                                         strict=True)]))
    return out


def _mean_sd(values: Sequence[float]) -> tuple[float, float]:
    return float(np.mean(values)), float(np.std(values))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="artifact nf_colocation folder")
    parser.add_argument("--out",
                        default=str(REPO / "benchmarks" / "results" / "colocation.json"))
    args = parser.parse_args(argv)
    start = time.time()
    problems: list[str] = []
    data = read_artifact(args.data, problems)
    for p in problems:
        print(f"left out malformed sample: {p}", file=sys.stderr)
    groups = colocation_groups(colocation_rows(data.colocation))
    raw = {g.sample: g for g in data.colocation}
    retention = {int(g.name.rsplit("/", 1)[1]): g.retention() for g in groups}
    profile = load_target("agilio-cx")
    per_seed = []
    for seed in SEEDS:
        train, test = split_groups(groups, seed)
        with tempfile.TemporaryDirectory() as tmp:
            _, card = train_colocation(groups, profile, Path(tmp), args.data, seed=seed)
            extras = clara_extras(Path(tmp), test)
        base = artifact_ranker([raw[int(g.name.rsplit("/", 1)[1])] for g in train],
                               [raw[int(g.name.rsplit("/", 1)[1])] for g in test], retention)
        clara = card["heldout"]["metrics"] | {"top1_within_noise": extras["top1_within_noise"]}
        chosen = card["scoring"]["chosen"]
        per_seed.append({"seed": seed, "test_groups": len(test), "clara": clara,
                         "artifact": base, "scoring": card["scoring"],
                         "candidates": extras["candidates"]})
        cv = card["scoring"]["selection"]["cv"]
        print(f"seed {seed}: CV in training: " + ", ".join(
            f"{n} {m['top1']:.3f}/{m['top3']:.3f}" for n, m in cv.items())
            + f" -> {chosen} | held-out: Clara top-1 {clara['top1']:.3f} top-3 "
            f"{clara['top3']:.3f} | artifact top-1 {base['top1']:.3f} top-3 "
            f"{base['top3']:.3f}", flush=True)

    def stats(model: str, key: str) -> tuple[float, float]:
        return _mean_sd([s[model][key] for s in per_seed])

    print(f"\nColocation, Agilio CX ({args.data}): {len(groups)} groups of 4 NFs (6 pairs), "
          f"20% held out by group, {len(SEEDS)} seeds; label = pair throughput retention")
    head = (f"{'model':48} {'top-1':>14} {'top-3':>14} {'retention MAE':>14} "
            f"{'(extra) top-1 within noise':>27}")
    print(head)
    print("-" * len(head))
    summary = {}
    for model, name in (("clara", "Clara (physical pair features, scoring by CV)"),
                        ("artifact", "artifact ranker (27 ratio features)")):
        t1, t3 = stats(model, "top1"), stats(model, "top3")
        mae = f"{stats(model, 'retention_mae')[0]:14.3f}" if model == "clara" else f"{'-':>14}"
        tol = stats(model, "top1_within_noise")[0]
        print(f"{name:48} {t1[0]:7.3f} ±{t1[1]:.3f} {t3[0]:7.3f} ±{t3[1]:.3f} {mae} {tol:27.3f}")
        summary[model] = {"top1": t1[0], "top1_std": t1[1], "top3": t3[0], "top3_std": t3[1],
                          "top1_within_noise": tol}
    summary["clara"]["retention_mae"] = stats("clara", "retention_mae")[0]
    summary["candidates"] = {}
    for name in SCORINGS:
        t1, t3 = (_mean_sd([s["candidates"][name][f"top{k}"] for s in per_seed]) for k in (1, 3))
        print(f"{'  same models, score: ' + name:48} {t1[0]:7.3f} ±{t1[1]:.3f} {t3[0]:7.3f} "
              f"±{t3[1]:.3f}")
        summary["candidates"][name] = {"top1": t1[0], "top1_std": t1[1], "top3": t3[0],
                                       "top3_std": t3[1]}
    ceiling = {name: oracle_ceiling(groups, noise) for name, noise in POINT_NOISE.items()}
    for name, text in (("smooth_fit", "(a)"), ("unpredicted", "(b)")):
        c = ceiling[name]
        print(f"{'ceiling: measured retention, noise ' + text + f' {POINT_NOISE[name]:.2%}':48} "
              f"{c['top1']:7.3f} {'':6} {c['top3']:7.3f}")
    choices = [s["scoring"]["chosen"] for s in per_seed]
    print("scoring chosen by CV in training: "
          + ", ".join(f"{n} x{choices.count(n)}" for n in sorted(set(choices))))
    met = {k: summary["clara"][k] >= v for k, v in TARGETS.items()}
    print(f"targets: top-1 >= {TARGETS['top1']}, top-3 >= {TARGETS['top3']}; artifact's own "
          f"(README): top-1 {ARTIFACT_REPORTED['top1']}, top-3 {ARTIFACT_REPORTED['top3']}")
    print(f"targets met: {met}   ({time.time() - start:.0f} s)")
    result = {"benchmark": "colocation", "data": args.data, "groups": len(groups),
              "protocol": "scoring chosen per seed by 5-fold CV over its training groups; "
                          "held-out groups used once",
              "left_out_malformed": problems, "seeds": per_seed, "summary": summary,
              "ceiling": ceiling, "point_noise": POINT_NOISE, "tie_points": TIE_POINTS,
              "artifact_reported": ARTIFACT_REPORTED, "targets": TARGETS, "targets_met": met}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
