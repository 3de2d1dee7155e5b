"""Training the colocation model (extra ``[train]``): solo regressor, LambdaMART ranker,
retention and per-NF slowdown regressors, the choice of ranking score, one ONNX graph and its
card.

This module owns how ``models_onnx/coloc-<target>.onnx`` is made from colocation groups: the
split by group, out-of-fold solo-throughput predictions for the pair features (so training
sees the same prediction noise as use does), the ranker (graded labels: a pair's position in
its group by measured retention), the retention regressor, the slowdown regressor (each NF's
throughput beside its partner over its solo throughput: two samples per pair), and the ONNX
export (the ranker converts through its booster, as a regressor).

Which score ranks the pairs (:data:`SCORINGS`: the ranker's, a retention estimate, or
standardised sums) is chosen by grouped cross-validation over the *training* groups only
(:func:`select_scoring`); the held-out groups are used once, for the card's metrics.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from clara.dataset.measurements import Group
from clara.errors import ClaraError
from clara.insights.colocation import (
    INPUT_SCHEMA,
    TOP_K,
    evaluate_colocation,
    model_inputs,
    model_name,
    nf_vector,
    pair_vector,
    slowdown_retention,
    slowdown_vector,
    top_k_accuracy,
)
from clara.models.onnx_model import load_model
from clara.models.train_scaleout import (
    TEST_FRACTION,
    git_commit,
    merge_models,
    natural_key,
    split_names,
    write_model,
    xgb_to_onnx,
)

SOLO_PARAMS = {"n_jobs": 1, "max_depth": 4, "learning_rate": 0.05, "subsample": 0.8}
RANK_PARAMS = {"n_jobs": 1, "max_depth": 4, "learning_rate": 0.05, "subsample": 0.8,
               "objective": "rank:pairwise"}
RETENTION_PARAMS = {"n_jobs": 1, "max_depth": 4, "learning_rate": 0.05, "subsample": 0.8}
SOLO_TREES, RANK_TREES = 400, 300
OOF_FOLDS = 5
CV_FOLDS = 5
# Ranking scores compared by cross-validation inside the training groups: weights of the
# ranker's margin, the predicted retention and the retention from the two predicted
# slowdowns, each divided by its spread on training pairs.
SIGNALS = ("rank_score", "retention", "slowdown")
SCORINGS = {"ranker": (1.0, 0.0, 0.0), "retention": (0.0, 1.0, 0.0),
            "ranker+retention": (1.0, 1.0, 0.0), "slowdown": (0.0, 0.0, 1.0),
            "ranker+retention+slowdown": (1.0, 1.0, 1.0)}


def split_groups(groups: Sequence[Group], seed: int) -> tuple[list[Group], list[Group]]:
    test = split_names([g.name for g in groups], seed)
    return [g for g in groups if g.name not in test], [g for g in groups if g.name in test]


def levels_of(groups: Sequence[Group], known: Sequence[str]) -> list[str]:
    return sorted({lv for g in groups for m in g.members for lv in m.mem_accesses
                   if lv in known})


def _solo_model(groups: Sequence[Group], levels: Sequence[str], trees: int, seed: int) -> Any:
    import xgboost as xgb

    x = np.array([nf_vector(m, levels) for g in groups for m in g.members])
    y = np.log([s for g in groups for s in g.solo_pps])
    return xgb.XGBRegressor(n_estimators=trees, random_state=seed, **SOLO_PARAMS).fit(x, y)


def out_of_fold_solo(groups: Sequence[Group], levels: Sequence[str], trees: int,
                     seed: int) -> list[np.ndarray]:
    """Each group's solo throughputs as predicted by a model that never saw the group."""
    folds = np.arange(len(groups)) % OOF_FOLDS
    np.random.RandomState(seed).shuffle(folds)
    out: list[np.ndarray] = [np.empty(0)] * len(groups)
    for fold in range(OOF_FOLDS):
        held = [i for i in range(len(groups)) if folds[i] == fold]
        if not held:
            continue
        model = _solo_model([g for i, g in enumerate(groups) if folds[i] != fold], levels,
                            trees, seed)
        for i in held:
            x = np.array([nf_vector(m, levels) for m in groups[i].members])
            out[i] = np.exp(model.predict(x))
    return out


@dataclass
class PairData:
    """Training rows of some groups: one per pair (ranker, retention regressor) and one per NF
    of each pair (slowdown regressor: first NF, then second), with the solo throughputs (as
    predicted) that weigh the two slowdowns into a retention."""

    x: np.ndarray
    grade: np.ndarray  # the pair's position 0..P-1 in its group by measured retention
    retention: np.ndarray
    qid: np.ndarray
    x_nf: np.ndarray
    log_slowdown: np.ndarray  # log(throughput beside the partner / measured solo throughput)
    solo_first: np.ndarray
    solo_second: np.ndarray


def pair_data(groups: Sequence[Group], solos: Sequence[np.ndarray], levels: Sequence[str]
              ) -> PairData:
    x, grade, retention, qid, x_nf, slowdown, first, second = ([] for _ in range(8))
    for q, (g, solo) in enumerate(zip(groups, solos, strict=True)):
        truth = np.asarray(g.retention())
        grade.extend(np.argsort(np.argsort(truth, kind="stable"), kind="stable"))
        retention.extend(truth)
        for p in g.pairs:
            a, b = g.members[p.first], g.members[p.second]
            x.append(pair_vector(a, b, solo[p.first], solo[p.second], levels))
            x_nf.append(slowdown_vector(a, b, solo[p.first], solo[p.second], False, levels))
            x_nf.append(slowdown_vector(b, a, solo[p.second], solo[p.first], True, levels))
            slowdown.extend([np.log(p.first_pps / g.solo_pps[p.first]),
                             np.log(p.second_pps / g.solo_pps[p.second])])
            first.append(solo[p.first])
            second.append(solo[p.second])
        qid.extend([q] * len(g.pairs))
    return PairData(*(np.array(v) for v in (x, grade, retention, qid, x_nf, slowdown, first,
                                            second)))


@dataclass
class PairModels:
    """The models that score pairs: LambdaMART ranker, retention and slowdown regressors."""

    ranker: Any
    retention: Any
    slowdown: Any

    def signals(self, d: PairData) -> dict[str, np.ndarray]:
        """Per pair: the ranker's margin, the predicted retention, and the retention that
        the two predicted slowdowns give (keys as in :data:`SCORINGS` weights)."""
        return {"rank_score": self.ranker.predict(d.x),
                "retention": self.retention.predict(d.x),
                "slowdown": slowdown_retention(d.solo_first, d.solo_second,
                                               self.slowdown.predict(d.x_nf))}


@dataclass
class ColocationModels:
    levels: list[str]
    solo: Any
    pairs: PairModels
    scoring: dict[str, Any]


def fit_pair_models(d: PairData, trees: int, seed: int) -> PairModels:
    import xgboost as xgb

    ranker = xgb.XGBRanker(n_estimators=trees, random_state=seed, **RANK_PARAMS)
    ranker.fit(d.x, d.grade, qid=d.qid)
    regressor = xgb.XGBRegressor(n_estimators=trees, random_state=seed, **RETENTION_PARAMS)
    regressor.fit(d.x, d.retention)
    slowdown = xgb.XGBRegressor(n_estimators=trees, random_state=seed, **RETENTION_PARAMS)
    slowdown.fit(d.x_nf, d.log_slowdown)
    return PairModels(ranker, regressor, slowdown)


def spreads(signals: dict[str, np.ndarray]) -> dict[str, float]:
    """Standard deviation of each signal over the training pairs."""
    return {key: max(float(np.std(signals[key])), 1e-9) for key in SIGNALS}


def scoring_weights(name: str, spread: dict[str, float]) -> dict[str, float]:
    """Weights of each signal for scoring ``name``, each scaled by the inverse of its spread
    on the training pairs (so a sum weighs its terms alike)."""
    return {key: w / spread[key] for key, w in zip(SIGNALS, SCORINGS[name], strict=True)}


def weighted(signals: dict[str, np.ndarray], weights: dict[str, float]) -> np.ndarray:
    return sum((weights[k] * signals[k] for k in SIGNALS), np.zeros(len(signals[SIGNALS[0]])))


def group_top_k(scores: np.ndarray, groups: Sequence[Group]) -> dict[str, float]:
    """Mean top-1 / top-3 accuracy of pair ``scores`` (rows in group order)."""
    out, start = {f"top{k}": 0.0 for k in TOP_K}, 0
    for g in groups:
        s, start = scores[start:start + len(g.pairs)], start + len(g.pairs)
        for k in TOP_K:
            out[f"top{k}"] += top_k_accuracy(s, g.retention(), k) / len(groups)
    return out


def select_scoring(groups: Sequence[Group], solos: Sequence[np.ndarray], levels: Sequence[str],
                   trees: int, seed: int) -> tuple[str, dict[str, dict[str, float]]]:
    """The scoring with the best mean of top-1 and top-3 in grouped ``CV_FOLDS``-fold
    cross-validation over ``groups`` (training groups only), and every scoring's CV metrics."""
    folds = np.arange(len(groups)) % CV_FOLDS
    np.random.RandomState(seed + 1).shuffle(folds)
    sums = {name: {f"top{k}": 0.0 for k in TOP_K} for name in SCORINGS}
    for fold in range(CV_FOLDS):
        fit = [i for i in range(len(groups)) if folds[i] != fold]
        val = [i for i in range(len(groups)) if folds[i] == fold]
        train = pair_data([groups[i] for i in fit], [solos[i] for i in fit], levels)
        models = fit_pair_models(train, trees, seed)
        spread = spreads(models.signals(train))
        on_val = models.signals(pair_data([groups[i] for i in val], [solos[i] for i in val],
                                          levels))
        for name in SCORINGS:
            scores = weighted(on_val, scoring_weights(name, spread))
            for key, value in group_top_k(scores, [groups[i] for i in val]).items():
                sums[name][key] += value * len(val) / len(groups)
    best = max(SCORINGS, key=lambda n: (sums[n]["top1"] + sums[n]["top3"], -list(SCORINGS)
                                        .index(n)))
    return best, sums


def train_models(groups: Sequence[Group], known_levels: Sequence[str], seed: int = 0,
                 solo_trees: int = SOLO_TREES, rank_trees: int = RANK_TREES) -> ColocationModels:
    if len(groups) < max(OOF_FOLDS, CV_FOLDS):
        raise ClaraError(f"need at least {max(OOF_FOLDS, CV_FOLDS)} colocation groups to "
                         f"train, got {len(groups)}")
    levels = levels_of(groups, known_levels)
    solo = _solo_model(groups, levels, solo_trees, seed)
    solos = out_of_fold_solo(groups, levels, solo_trees, seed)
    chosen, cv = select_scoring(groups, solos, levels, rank_trees, seed)
    data = pair_data(groups, solos, levels)
    pairs = fit_pair_models(data, rank_trees, seed)
    spread = spreads(pairs.signals(data))
    scoring = {"chosen": chosen, "weights": scoring_weights(chosen, spread), "spreads": spread,
               "selection": {"by": f"{CV_FOLDS}-fold cross-validation over the training "
                                   "groups (held-out groups unused)",
                             "criterion": "mean of top-1 and top-3", "cv": cv}}
    return ColocationModels(levels, solo, pairs, scoring)


def booster_as_regressor(ranker: Any) -> Any:
    """The ranker's trees in an XGBRegressor, so onnxmltools converts them (same margins)."""
    import xgboost as xgb

    model = json.loads(bytes(ranker.get_booster().save_raw("json")))
    model["learner"]["objective"] = {"name": "reg:squarederror",
                                     "reg_loss_param": {"scale_pos_weight": "1"}}
    regressor = xgb.XGBRegressor()
    regressor.load_model(bytearray(json.dumps(model).encode()))
    return regressor


def colocation_onnx(models: ColocationModels) -> Any:
    widths = {k: len(v) for k, v in model_inputs(models.levels, slowdown=True).items()}
    return merge_models(
        [(xgb_to_onnx(models.solo, widths["nf"]), "nf", "solo_log_throughput"),
         (xgb_to_onnx(booster_as_regressor(models.pairs.ranker), widths["pair"]), "pair",
          "rank_score"),
         (xgb_to_onnx(models.pairs.retention, widths["pair"]), "pair", "retention"),
         (xgb_to_onnx(models.pairs.slowdown, widths["nf_pair"]), "nf_pair", "log_slowdown")],
        list(widths.items()), {},
    )


def train_colocation(groups: Sequence[Group], profile: Any, out_dir: Path, data_path: str,
                     seed: int = 0, holdout: bool = True, solo_trees: int = SOLO_TREES,
                     rank_trees: int = RANK_TREES) -> tuple[Path, dict[str, Any]]:
    """Train on the training groups (or all), write ONNX + card; returns (path, card)."""
    train, test = split_groups(groups, seed) if holdout else (list(groups), [])
    models = train_models(train, [m.name for m in profile.memory], seed, solo_trees, rank_trees)
    name = model_name(profile.name)
    card: dict[str, Any] = {
        "model": name, "target": profile.name, "insight": "colocation",
        "created": dt.date.today().isoformat(), "git_commit": git_commit(),
        "training_data": {"path": data_path, "groups": len(train),
                          "nfs": sum(len(g.members) for g in train),
                          "pairs": sum(len(g.pairs) for g in train)},
        "input_schema": INPUT_SCHEMA,
        "inputs": model_inputs(models.levels, slowdown=True),
        "outputs": {"solo_log_throughput": "log packets/s of the NF alone on its core share",
                    "rank_score": "LambdaMART score (higher = friendlier pair)",
                    "retention": "(t1 + t2) / (solo1 + solo2) of the pair",
                    "log_slowdown": "log(throughput beside the partner / solo throughput) of "
                                    "one NF of a pair"},
        "levels": models.levels,
        "scoring": models.scoring,
        "label": "pair throughput retention: (t1 + t2) / (solo1 + solo2)",
        "xgboost": {"solo": {"n_estimators": solo_trees, **SOLO_PARAMS},
                    "ranker": {"n_estimators": rank_trees, **RANK_PARAMS},
                    "retention": {"n_estimators": rank_trees, **RETENTION_PARAMS},
                    "slowdown": {"n_estimators": rank_trees, **RETENTION_PARAMS}},
        "heldout": {"split": {"seed": seed, "fraction": TEST_FRACTION if holdout else 0.0,
                              "by": "group",
                              "groups": sorted((g.name for g in test), key=natural_key)},
                    "metrics": {}},
    }
    path = write_model(colocation_onnx(models), card, out_dir, name)
    loaded = load_model(name, INPUT_SCHEMA, card["inputs"], "clara train colocation", out_dir)
    check_conversion(models, loaded, train[:20])
    if test:
        card["heldout"]["metrics"] = evaluate_colocation(test, loaded)
        (out_dir / f"{name}.json").write_text(json.dumps(card, indent=2) + "\n")
    return path, card


def check_conversion(models: ColocationModels, loaded: Any, groups: Sequence[Group]) -> None:
    """The ONNX graph reproduces the XGBoost scores (float32 tolerance)."""
    solos = [np.exp(models.solo.predict(np.array([nf_vector(m, models.levels)
                                                  for m in g.members]))) for g in groups]
    d = pair_data(groups, solos, models.levels)
    nf = np.zeros((1, len(loaded.card["inputs"]["nf"])))
    out = loaded.run({"nf": nf, "pair": d.x, "nf_pair": d.x_nf})
    p = models.pairs
    if (np.max(np.abs(out["rank_score"].ravel() - p.ranker.predict(d.x))) > 1e-3
            or np.max(np.abs(out["retention"].ravel() - p.retention.predict(d.x))) > 1e-3
            or np.max(np.abs(out["log_slowdown"].ravel() - p.slowdown.predict(d.x_nf))) > 1e-3):
        raise ClaraError("ONNX conversion changed the colocation model's scores")
