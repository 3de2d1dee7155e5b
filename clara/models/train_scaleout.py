"""Training the scale-out models (extra ``[train]``): analytical fit, GBDTs, ONNX export, card.

This module owns how ``models_onnx/scaleout-<target>.onnx`` is made from measured curves:
the split by program, the least-squares fit of the analytical model's constants, the four
XGBoost regressors (knee; throughput residual over the analytical curve; the curve's shape
``log(T(n) / T(first))`` directly; latency), their conversion to one ONNX graph, the choice of
knee source (:data:`KNEE_SOURCES`) by cross-validation over the training programs only, and
the model card with held-out metrics. It also holds the
small ONNX helpers the colocation trainer shares (:func:`xgb_to_onnx`, :func:`merge_models`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from clara.dataset.measurements import Curve
from clara.errors import ClaraError
from clara.insights.scaleout import (
    INPUT_SCHEMA,
    POINT_FEATURES,
    AnalyticModel,
    analytic_terms,
    evaluate_scaleout,
    knee_rule,
    knee_sources,
    line_rate_pps,
    model_name,
    point_rows,
    program_feature_names,
    program_vector,
)
from clara.models.onnx_model import OnnxModel, load_model

OPSET = 15
TEST_FRACTION = 0.2
# Chosen by 5-fold cross-validation inside the training split (docs/scaleout-colocation.md).
KNEE_PARAMS = {"n_jobs": 1, "max_depth": 4, "learning_rate": 0.03, "subsample": 0.8,
               "colsample_bytree": 0.8, "objective": "reg:absoluteerror"}
CURVE_PARAMS = {"n_jobs": 1, "max_depth": 5, "learning_rate": 0.05, "subsample": 0.8,
                "colsample_bytree": 0.8}
KNEE_TREES, CURVE_TREES = 400, 300
CV_FOLDS = 5
# The knee regressor; the knee rule on the GBDT throughput curve; the knee rule on the direct
# shape regressor's T(n)/T(first); the mean of the first and the third.
KNEE_SOURCES = ("regressor", "curve", "ratio", "mean")
LINEAR_SCALING = 0.9  # a curve still scales linearly if its first step gains >= 90% of linear
PLATEAU_GAIN = 0.01  # a curve has saturated if its last step gains < 1%


# --------------------------------------------------------------------------- split


def natural_key(name: str) -> list[Any]:
    """Sort key that orders ``dataset_hit/9`` before ``dataset_hit/10``."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


def split_names(names: Sequence[str], seed: int, fraction: float = TEST_FRACTION) -> set[str]:
    """The held-out names: a seeded permutation of the naturally sorted names, first part."""
    ordered = sorted(set(names), key=natural_key)
    perm = np.random.RandomState(seed).permutation(len(ordered))
    return {ordered[i] for i in perm[: int(len(ordered) * fraction)]}


def split_curves(curves: Sequence[Curve], seed: int = 0) -> tuple[list[Curve], list[Curve]]:
    """(train, test) split by program, separately within each workload."""
    test: set[tuple[str, str]] = set()
    for workload in sorted({c.workload for c in curves}):
        names = [c.features.name for c in curves if c.workload == workload]
        test |= {(workload, n) for n in split_names(names, seed)}
    train = [c for c in curves if (c.workload, c.features.name) not in test]
    return train, [c for c in curves if (c.workload, c.features.name) in test]


# --------------------------------------------------------------------------- analytical fit


def _nnls(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    from scipy.optimize import nnls

    scale = np.maximum(np.abs(a).max(axis=0), 1e-12)
    return nnls(a / scale, b)[0] / scale


def fit_analytic(curves: Sequence[Curve], profile: Any) -> AnalyticModel:
    """Fit the analytical model's constants to measured curves (non-negative least squares).

    Core time per packet from the first point of curves that still scale linearly there;
    shared-memory time per packet from the last point of curves that have saturated.
    """
    known = [m.name for m in profile.memory]
    levels = sorted({lv for c in curves for lv in c.features.mem_accesses if lv in known})
    keys = list(analytic_terms(curves[0].features, levels))
    shared_keys = [k for k in keys if k not in ("compute", "accelerator")]

    def matrix(cs: Sequence[Curve], ks: Sequence[str]) -> np.ndarray:
        return np.array([[analytic_terms(c.features, levels)[k] for k in ks] for c in cs])

    linear = [c for c in curves if len(c.cores) > 1 and (
        (c.throughput_pps[1] / c.throughput_pps[0]) >= 1 + LINEAR_SCALING
        * (c.cores[1] / c.cores[0] - 1))]
    saturated = [c for c in curves if len(c.cores) > 1
                 and c.throughput_pps[-1] / c.throughput_pps[-2] < 1 + PLATEAU_GAIN]
    if len(linear) < len(keys) or len(saturated) < len(shared_keys):
        raise ClaraError(
            f"too few curves to fit the analytical model ({len(linear)} still scaling, "
            f"{len(saturated)} saturated; need {len(keys)} and {len(shared_keys)}): measure "
            "more programs, over a wider range of core counts"
        )
    core = _nnls(matrix(linear, keys), np.array([c.cores[0] / c.throughput_pps[0]
                                                 for c in linear]))
    shared = _nnls(matrix(saturated, shared_keys),
                   np.array([1.0 / c.throughput_pps[-1] for c in saturated]))
    clock = profile.clock_mhz * 1e6
    in_flight = [lat * t / (n * clock) for c in curves
                 for n, t, lat in zip(c.cores, c.throughput_pps, c.latency_cycles, strict=True)]
    grid = sorted({n for c in curves for n in c.cores})
    return AnalyticModel(
        target=profile.name, levels=tuple(levels),
        core_seconds=dict(zip(keys, map(float, core), strict=True)),
        shared_seconds=dict(zip(shared_keys, map(float, shared), strict=True)),
        line_rate_pps=line_rate_pps(profile.line_rate_gbps), clock_hz=clock,
        threads_in_flight=float(np.median(in_flight)), cores=tuple(grid),
        source=f"fitted to {len(curves)} measured curves",
    )


# --------------------------------------------------------------------------- GBDTs


@dataclass
class ScaleoutModels:
    """The trained regressors and what their inputs were built from."""

    analytic: AnalyticModel
    levels: list[str]
    knee: Any
    throughput: Any
    ratio: Any
    latency: Any


@dataclass
class Design:
    """Training matrices of some curves: one row per program, and one per measured point."""

    programs: np.ndarray
    knees: np.ndarray
    rows: np.ndarray  # program vector and point features of every point
    log_residual: np.ndarray  # log(T / analytical T)
    log_ratio: np.ndarray  # log(T(n) / T(first core count of the curve))
    log_latency: np.ndarray


def design(curves: Sequence[Curve], analytic: AnalyticModel, levels: Sequence[str]) -> Design:
    programs = np.array([program_vector(c.features, levels, analytic) for c in curves])
    knees = np.array([knee_rule(c.cores, c.throughput_pps) for c in curves])
    rows, resid, ratio, lat = [], [], [], []
    for c, p in zip(curves, programs, strict=True):
        log_t = np.log(np.asarray(c.throughput_pps))
        rows.append(np.c_[np.tile(p, (len(c.cores), 1)), point_rows(c.features, analytic,
                                                                     c.cores)])
        resid.extend(log_t - np.log(analytic.throughput(c.features, c.cores)))
        ratio.extend(log_t - log_t[0])
        lat.extend(np.log(c.latency_cycles))
    return Design(programs, knees, np.vstack(rows), np.array(resid), np.array(ratio),
                  np.array(lat))


def train_models(curves: Sequence[Curve], profile: Any, knee_trees: int = KNEE_TREES,
                 curve_trees: int = CURVE_TREES, seed: int = 0,
                 analytic: AnalyticModel | None = None) -> ScaleoutModels:
    """The GBDTs on ``curves`` over ``analytic`` (default: fitted to ``curves``)."""
    import xgboost as xgb

    analytic = analytic or fit_analytic(curves, profile)
    levels = list(analytic.levels)
    d = design(curves, analytic, levels)

    def curve_model(target: np.ndarray) -> Any:
        model = xgb.XGBRegressor(n_estimators=curve_trees, random_state=seed, **CURVE_PARAMS)
        return model.fit(d.rows, target)

    knee = xgb.XGBRegressor(n_estimators=knee_trees, random_state=seed, **KNEE_PARAMS)
    knee.fit(d.programs, d.knees)
    return ScaleoutModels(analytic, levels, knee, curve_model(d.log_residual),
                          curve_model(d.log_ratio), curve_model(d.log_latency))


# --------------------------------------------------------------------------- selection


def cv_folds(curves: Sequence[Curve], seed: int) -> np.ndarray:
    """Fold of each curve: by program, shuffled separately within each workload."""
    folds = np.zeros(len(curves), int)
    rng = np.random.RandomState(seed + 1)
    for workload in sorted({c.workload for c in curves}):
        idx = np.array([i for i, c in enumerate(curves) if c.workload == workload])
        folds[idx[rng.permutation(len(idx))]] = np.arange(len(idx)) % CV_FOLDS
    return folds


def predicted_knees(models: ScaleoutModels, curves: Sequence[Curve]) -> dict[str, np.ndarray]:
    """Every knee source of ``models`` on ``curves`` (:data:`KNEE_SOURCES`)."""
    d = design(curves, models.analytic, models.levels)
    regressor = models.knee.predict(d.programs)
    resid, ratio = models.throughput.predict(d.rows), models.ratio.predict(d.rows)
    bounds = np.cumsum([0, *(len(c.cores) for c in curves)])
    knees = [knee_sources(c.cores, k, np.exp(resid[a:b]) * models.analytic.throughput(
        c.features, c.cores), ratio[a:b])
        for c, k, a, b in zip(curves, regressor, bounds[:-1], bounds[1:], strict=True)]
    return {name: np.array([k[name] for k in knees]) for name in KNEE_SOURCES}


def select_knee_source(curves: Sequence[Curve], profile: Any, knee_trees: int,
                       curve_trees: int, seed: int) -> dict[str, Any]:
    """Knee MAPE of each knee source in ``CV_FOLDS``-fold cross-validation over ``curves``
    (the training programs only; the analytical model is fitted once to all of them, as
    small folds may have too few saturated curves), and the source with the lower MAPE."""
    folds = cv_folds(curves, seed)
    analytic = fit_analytic(curves, profile)
    rel = {name: np.zeros(len(curves)) for name in KNEE_SOURCES}
    for fold in range(CV_FOLDS):
        fit = [c for c, f in zip(curves, folds, strict=True) if f != fold]
        val = [c for c, f in zip(curves, folds, strict=True) if f == fold]
        truth = np.array([knee_rule(c.cores, c.throughput_pps) for c in val])
        models = train_models(fit, profile, knee_trees, curve_trees, seed, analytic)
        for name, knee in predicted_knees(models, val).items():
            rel[name][folds == fold] = np.abs(knee - truth) / truth
    workloads = np.array([c.workload for c in curves])
    cv = {name: {"all": float(r.mean())} | {w: float(r[workloads == w].mean())
                                            for w in sorted(set(workloads))}
          for name, r in rel.items()}
    return {"by": f"{CV_FOLDS}-fold cross-validation over the training programs (by program; "
                  "held-out programs unused)", "criterion": "knee MAPE, all workloads",
            "cv_knee_mape": cv, "chosen": min(KNEE_SOURCES, key=lambda n: cv[n]["all"])}


# --------------------------------------------------------------------------- ONNX


def xgb_to_onnx(model: Any, n_features: int) -> Any:
    """One XGBoost regressor (or a ranker's booster wrapped as one) as an ONNX model."""
    from onnxmltools import convert_xgboost
    from onnxmltools.convert.common.data_types import FloatTensorType

    return convert_xgboost(model, initial_types=[("input", FloatTensorType([None, n_features]))],
                           target_opset=OPSET)


def merge_models(parts: Sequence[tuple[Any, str, str]], inputs: Sequence[tuple[str, int]],
                 concat: dict[str, Sequence[str]]) -> Any:
    """One ONNX graph from single-input, single-output models.

    ``parts``: (model, name of the tensor it reads, name of its output); ``inputs``: graph
    inputs (name, width); ``concat``: tensors made by concatenating inputs along axis 1.
    """
    from onnx import TensorProto, helper

    nodes = [helper.make_node("Concat", list(srcs), [name], axis=1, name=f"concat_{name}")
             for name, srcs in concat.items()]
    initializers, outputs, opsets = [], [], {}
    for index, (model, source, output) in enumerate(parts):
        graph = model.graph
        prefix = f"m{index}_"
        rename = {graph.input[0].name: source, graph.output[0].name: output}
        for node in graph.node:
            new = helper.make_node(
                node.op_type,
                [rename.get(i, prefix + i) for i in node.input],
                [rename.get(o, prefix + o) for o in node.output],
                name=prefix + node.name, domain=node.domain,
            )
            new.attribute.extend(node.attribute)
            nodes.append(new)
        for init in graph.initializer:
            copy = TensorProto()
            copy.CopyFrom(init)
            copy.name = prefix + init.name
            initializers.append(copy)
        outputs.append(helper.make_tensor_value_info(output, TensorProto.FLOAT, [None, 1]))
        for op in model.opset_import:
            opsets[op.domain] = max(opsets.get(op.domain, 0), op.version)
    graph = helper.make_graph(
        nodes, "clara", [helper.make_tensor_value_info(n, TensorProto.FLOAT, [None, w])
                         for n, w in inputs], outputs, initializer=initializers)
    merged = helper.make_model(graph, opset_imports=[helper.make_opsetid(d, v)
                                                    for d, v in sorted(opsets.items())])
    merged.ir_version = min(merged.ir_version, 8)
    return merged


def scaleout_onnx(models: ScaleoutModels) -> Any:
    n_program = len(program_feature_names(models.levels))
    n_point = len(POINT_FEATURES)
    return merge_models(
        [(xgb_to_onnx(models.knee, n_program), "program", "knee_cores"),
         (xgb_to_onnx(models.throughput, n_program + n_point), "curve_in",
          "log_throughput_residual"),
         (xgb_to_onnx(models.ratio, n_program + n_point), "curve_in", "log_ratio"),
         (xgb_to_onnx(models.latency, n_program + n_point), "curve_in", "log_latency")],
        [("program", n_program), ("point", n_point)],
        {"curve_in": ["program", "point"]},
    )


# --------------------------------------------------------------------------- card


def git_commit() -> str:
    proc = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent, check=False)
    return proc.stdout.strip() or "unknown"


def write_model(onnx_model: Any, card: dict[str, Any], out_dir: Path, name: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.onnx"
    path.write_bytes(onnx_model.SerializeToString())
    (out_dir / f"{name}.json").write_text(json.dumps(card, indent=2) + "\n")
    return path


def check_conversion(models: ScaleoutModels, loaded: OnnxModel, curves: Sequence[Curve]) -> None:
    """The ONNX graph reproduces XGBoost's predictions (float32 tolerance)."""
    d = design(curves, models.analytic, models.levels)
    n_program = d.programs.shape[1]
    out = loaded.run({"program": d.rows[:, :n_program], "point": d.rows[:, n_program:]})
    gaps = [np.abs(out[name].ravel() - model.predict(d.rows)).max()
            for name, model in (("log_throughput_residual", models.throughput),
                                ("log_ratio", models.ratio), ("log_latency", models.latency))]
    knee_want = models.knee.predict(d.rows[:, :n_program])
    if max(gaps) > 1e-3 or np.max(np.abs(out["knee_cores"].ravel() - knee_want)) > 1e-2:
        raise ClaraError("ONNX conversion changed the scale-out model's predictions")


def train_scaleout(curves: Sequence[Curve], profile: Any, out_dir: Path, data_path: str,
                   seed: int = 0, holdout: bool = True, knee_trees: int = KNEE_TREES,
                   curve_trees: int = CURVE_TREES) -> tuple[Path, dict[str, Any]]:
    """Train on the training split (or everything), write ONNX + card; returns (path, card)."""
    train, test = split_curves(curves, seed) if holdout else (list(curves), [])
    selection = select_knee_source(train, profile, knee_trees, curve_trees, seed)
    models = train_models(train, profile, knee_trees, curve_trees, seed)
    name = model_name(profile.name)
    card: dict[str, Any] = {
        "model": name, "target": profile.name, "insight": "scaleout",
        "created": dt.date.today().isoformat(), "git_commit": git_commit(),
        "training_data": {"path": data_path, "programs": len(train),
                          "points": sum(len(c.cores) for c in train),
                          "workloads": sorted({c.workload for c in train})},
        "input_schema": INPUT_SCHEMA,
        "inputs": {"program": program_feature_names(models.levels),
                   "point": list(POINT_FEATURES)},
        "outputs": {"knee_cores": "cores at the knee (artifact knee rule), regressor",
                    "log_throughput_residual": "log(throughput / analytical throughput)",
                    "log_ratio": "log(throughput / throughput at the grid's first core count)",
                    "log_latency": "log(latency in cycles)"},
        "levels": models.levels,
        "analytic": models.analytic.to_dict(),
        "knee_source": selection,
        "xgboost": {"knee": {"n_estimators": knee_trees, **KNEE_PARAMS},
                    "curves": {"n_estimators": curve_trees, **CURVE_PARAMS}},
        "heldout": {"split": {"seed": seed, "fraction": TEST_FRACTION if holdout else 0.0,
                              "by": "program, within each workload",
                              "programs": sorted((f"{c.workload}:{c.features.name}"
                                                  for c in test), key=natural_key)},
                    "metrics": {}},
    }
    path = write_model(scaleout_onnx(models), card, out_dir, name)
    loaded = load_model(name, INPUT_SCHEMA, card["inputs"], "clara train scaleout", out_dir)
    check_conversion(models, loaded, train[:50])
    if test:
        card["heldout"]["metrics"] = evaluate_scaleout(test, loaded)
        (out_dir / f"{name}.json").write_text(json.dumps(card, indent=2) + "\n")
    return path, card
