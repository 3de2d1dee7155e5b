"""Training the colocation model (extra ``[train]``): solo regressor, LambdaMART ranker,
retention regressor, the choice of ranking score, one ONNX graph and its card.

This module owns how ``models_onnx/coloc-<target>.onnx`` is made from colocation groups: the
split by group, out-of-fold solo-throughput predictions for the pair features (so training
sees the same prediction noise as use does), the ranker (graded labels: a pair's position in
its group by measured retention), the retention regressor, and the ONNX export (the ranker
converts through its booster, as a regressor).

Which score ranks the pairs (the ranker's, the predicted retention, or their standardised
sum) is chosen by grouped cross-validation over the *training* groups only
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
    model_name,
    nf_feature_names,
    nf_vector,
    pair_feature_names,
    pair_vector,
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
# ranker's margin and of the predicted retention, each divided by its spread on training pairs.
SCORINGS = {"ranker": (1.0, 0.0), "retention": (0.0, 1.0), "ranker+retention": (1.0, 1.0)}


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


def pair_matrix(groups: Sequence[Group], solos: Sequence[np.ndarray], levels: Sequence[str]
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(pair features, graded labels 0..P-1, retention, query id) for ``groups``."""
    x, grade, retention, qid = [], [], [], []
    for q, (g, solo) in enumerate(zip(groups, solos, strict=True)):
        truth = np.asarray(g.retention())
        grade.extend(np.argsort(np.argsort(truth, kind="stable"), kind="stable"))
        retention.extend(truth)
        for p in g.pairs:
            x.append(pair_vector(g.members[p.first], g.members[p.second], solo[p.first],
                                 solo[p.second], levels))
        qid.extend([q] * len(g.pairs))
    return np.array(x), np.array(grade), np.array(retention), np.array(qid)


@dataclass
class ColocationModels:
    levels: list[str]
    solo: Any
    ranker: Any
    retention: Any
    scoring: dict[str, Any]


def _pair_models(x: np.ndarray, grade: np.ndarray, retention: np.ndarray, qid: np.ndarray,
                 trees: int, seed: int) -> tuple[Any, Any]:
    """(LambdaMART ranker, retention regressor) fitted on pair rows."""
    import xgboost as xgb

    ranker = xgb.XGBRanker(n_estimators=trees, random_state=seed, **RANK_PARAMS)
    ranker.fit(x, grade, qid=qid)
    regressor = xgb.XGBRegressor(n_estimators=trees, random_state=seed, **RETENTION_PARAMS)
    regressor.fit(x, retention)
    return ranker, regressor


def scoring_weights(name: str, rank_margin: np.ndarray, retention: np.ndarray
                    ) -> dict[str, float]:
    """Weights of the ranker's margin and the predicted retention for scoring ``name``,
    each scaled by the inverse of its spread (so the sum weighs both alike)."""
    w_rank, w_ret = SCORINGS[name]
    return {"rank_score": w_rank / max(float(np.std(rank_margin)), 1e-9),
            "retention": w_ret / max(float(np.std(retention)), 1e-9)}


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
        x, grade, retention, qid = pair_matrix([groups[i] for i in fit],
                                               [solos[i] for i in fit], levels)
        ranker, regressor = _pair_models(x, grade, retention, qid, trees, seed)
        xv, _, _, _ = pair_matrix([groups[i] for i in val], [solos[i] for i in val], levels)
        margin, predicted = ranker.predict(xv), regressor.predict(xv)
        for name in SCORINGS:
            w = scoring_weights(name, ranker.predict(x), regressor.predict(x))
            scores = w["rank_score"] * margin + w["retention"] * predicted
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
    x, grade, retention, qid = pair_matrix(groups, solos, levels)
    ranker, regressor = _pair_models(x, grade, retention, qid, rank_trees, seed)
    weights = scoring_weights(chosen, ranker.predict(x), regressor.predict(x))
    scoring = {"chosen": chosen, "weights": weights,
               "selection": {"by": f"{CV_FOLDS}-fold cross-validation over the training "
                                   "groups (held-out groups unused)",
                             "criterion": "mean of top-1 and top-3", "cv": cv}}
    return ColocationModels(levels, solo, ranker, regressor, scoring)


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
    n_nf, n_pair = len(nf_feature_names(models.levels)), len(pair_feature_names(models.levels))
    return merge_models(
        [(xgb_to_onnx(models.solo, n_nf), "nf", "solo_log_throughput"),
         (xgb_to_onnx(booster_as_regressor(models.ranker), n_pair), "pair", "rank_score"),
         (xgb_to_onnx(models.retention, n_pair), "pair", "retention")],
        [("nf", n_nf), ("pair", n_pair)], {},
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
        "inputs": {"nf": nf_feature_names(models.levels),
                   "pair": pair_feature_names(models.levels)},
        "outputs": {"solo_log_throughput": "log packets/s of the NF alone on its core share",
                    "rank_score": "LambdaMART score (higher = friendlier pair)",
                    "retention": "(t1 + t2) / (solo1 + solo2) of the pair"},
        "levels": models.levels,
        "scoring": models.scoring,
        "label": "pair throughput retention: (t1 + t2) / (solo1 + solo2)",
        "xgboost": {"solo": {"n_estimators": solo_trees, **SOLO_PARAMS},
                    "ranker": {"n_estimators": rank_trees, **RANK_PARAMS},
                    "retention": {"n_estimators": rank_trees, **RETENTION_PARAMS}},
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
    x, _, _, _ = pair_matrix(groups, solos, models.levels)
    nf = np.zeros((1, len(nf_feature_names(models.levels))))
    out = loaded.run({"nf": nf, "pair": x})
    if (np.max(np.abs(out["rank_score"].ravel() - models.ranker.predict(x))) > 1e-3
            or np.max(np.abs(out["retention"].ravel() - models.retention.predict(x))) > 1e-3):
        raise ClaraError("ONNX conversion changed the colocation model's scores")
