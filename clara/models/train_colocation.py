"""Training the colocation model (extra ``[train]``): solo regressor, LambdaMART ranker,
retention regressor, one ONNX graph and its card.

This module owns how ``models_onnx/coloc-<target>.onnx`` is made from colocation groups: the
split by group, out-of-fold solo-throughput predictions for the pair features (so training
sees the same prediction noise as use does), the ranker (graded labels: a pair's position in
its group by measured retention), the retention regressor, and the ONNX export (the ranker
converts through its booster, as a regressor).
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
    evaluate_colocation,
    model_name,
    nf_feature_names,
    nf_vector,
    pair_feature_names,
    pair_vector,
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

SOLO_PARAMS = {"max_depth": 4, "learning_rate": 0.05, "subsample": 0.8}
RANK_PARAMS = {"max_depth": 4, "learning_rate": 0.05, "subsample": 0.8,
               "objective": "rank:pairwise"}
RETENTION_PARAMS = {"max_depth": 4, "learning_rate": 0.05, "subsample": 0.8}
SOLO_TREES, RANK_TREES = 400, 300
OOF_FOLDS = 5


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


def train_models(groups: Sequence[Group], known_levels: Sequence[str], seed: int = 0,
                 solo_trees: int = SOLO_TREES, rank_trees: int = RANK_TREES) -> ColocationModels:
    import xgboost as xgb

    if len(groups) < OOF_FOLDS:
        raise ClaraError(f"need at least {OOF_FOLDS} colocation groups to train, got "
                         f"{len(groups)}")
    levels = levels_of(groups, known_levels)
    solo = _solo_model(groups, levels, solo_trees, seed)
    x, grade, retention, qid = pair_matrix(
        groups, out_of_fold_solo(groups, levels, solo_trees, seed), levels)
    ranker = xgb.XGBRanker(n_estimators=rank_trees, random_state=seed, **RANK_PARAMS)
    ranker.fit(x, grade, qid=qid)
    regressor = xgb.XGBRegressor(n_estimators=rank_trees, random_state=seed, **RETENTION_PARAMS)
    regressor.fit(x, retention)
    return ColocationModels(levels, solo, ranker, regressor)


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
    if np.max(np.abs(out["rank_score"].ravel() - models.ranker.predict(x))) > 1e-3:
        raise ClaraError("ONNX conversion changed the colocation ranker's scores")
