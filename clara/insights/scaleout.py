"""Scale-out insight: throughput and latency over core counts, and the core count to use.

This module owns the run-time scale-out prediction (numpy + onnxruntime only):

* the **analytical model** (:class:`AnalyticModel`): per-core rate from cycles per packet,
  capped by a shared-memory bandwidth limit and the line rate. Its constants are fitted to
  measurements where a target has them (agilio-cx: stored in the model card) and otherwise
  derived from the target profile (bluefield2, octeon: no bandwidth cap is known);
* the **GBDT model** (``models_onnx/scaleout-<target>.onnx``): a knee regressor, throughput /
  latency curve regressors and (in models trained since the knee-source choice includes it) a
  direct regressor of the curve's shape ``log(T(n) / T(first))``, over :class:`ProgramFeatures`
  plus the analytical model's outputs; the card names the knee source chosen at training time;
* the two **rules** that choose a core count from curves: the artifact's knee rule and the
  half-latency rule (paper reference [56]), reported side by side.

:func:`predict_scaleout` is the pure entry point ``clara analyze`` calls.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from clara.errors import ClaraError
from clara.insights.program_features import ProgramFeatures
from clara.models.onnx_model import MODELS_DIR, OnnxModel, load_model, read_card

INPUT_SCHEMA = "clara.scaleout-input/1"
BASE_FEATURES = ("compute_instructions", "atomic_updates", "locked_updates",
                 "accelerator_calls", "table_probes", "tables", "stages", "hit_fraction")
ANALYTIC_FEATURES = ("analytic_saturation_cores", "analytic_knee_cores")
POINT_FEATURES = ("cores", "analytic_log_throughput")
KNEE_SOURCE_TEXT = {"regressor": "knee regressor (trained on artifact knee rule labels)",
                    "curve": "artifact knee rule on the GBDT curve"}
# The artifact's knee rule: the first step whose throughput gain falls below
# threshold x T(first) / 5.4 (24..60 MEs in steps of 6); the threshold passed gives the
# offset 0..5 within the step (clara-agilio README, "Reference results").
KNEE_THRESHOLDS = (0.12, 0.24, 0.36, 0.48, 0.60, 0.72)
KNEE_DIVISOR, ARTIFACT_FIRST, ARTIFACT_STEP = 5.4, 24, 6
PEAK_FRACTION = 0.99  # half-latency rule: never past the first point within 1% of the peak
MIN_PACKET_BYTES, ETHERNET_OVERHEAD_BYTES = 64, 20  # line rate in packets/s of minimum frames


# --------------------------------------------------------------------------- rules


def knee_rule(cores: Sequence[float], throughput: Sequence[float]) -> float:
    """The artifact's knee: the first step whose gain falls below a threshold.

    Gains are normalised to the artifact's grid (first point 24, steps of 6), so on that grid
    this is exactly the artifact's labelling; on another grid it is the same rule in units of
    linear scaling.
    """
    t0, c0 = throughput[0], cores[0]
    for i in range(1, len(cores)):
        step = cores[i] - cores[i - 1]
        gain = (throughput[i] - throughput[i - 1]) / t0 * (ARTIFACT_FIRST / c0)
        gain *= ARTIFACT_STEP / step
        for k, threshold in enumerate(KNEE_THRESHOLDS):
            if gain < threshold / KNEE_DIVISOR:
                return float(cores[i - 1] + k * step / ARTIFACT_STEP)
    return float(cores[-1])


def half_latency_rule(cores: Sequence[float], throughput: Sequence[float],
                      latency: Sequence[float]) -> float:
    """The half-latency rule: the most cores whose latency is at most twice the lowest.

    Read as: operate where contention accounts for at most half of the latency (latency at
    most 2x its uncontended value). Adding cores past the point where throughput stops growing
    (within 1% of the peak) is never advised.
    """
    peak = max(throughput)
    last = next(i for i, t in enumerate(throughput) if t >= PEAK_FRACTION * peak)
    base = min(latency)
    ok = [i for i in range(last + 1) if latency[i] <= 2.0 * base]
    return float(cores[ok[-1]] if ok else cores[0])


# --------------------------------------------------------------------------- analytical model


def analytic_terms(features: ProgramFeatures, levels: Sequence[str]) -> dict[str, float]:
    """The per-packet quantities the analytical model charges time for."""
    terms = {"packet": 1.0, "compute": features.compute_instructions}
    terms |= {f"mem.{lv}": features.accesses(lv) for lv in levels}
    terms |= {
        "atomic": features.atomic_updates,
        "locked": features.locked_updates,
        "accelerator": features.total_accelerator_calls(),
        "probe": features.table_probes,
    }
    return terms


@dataclass(frozen=True)
class AnalyticModel:
    """T(n) = min(n / t_core, 1 / t_shared, line rate); latency by Little's law.

    ``core_seconds`` and ``shared_seconds`` give seconds per unit of each analytic term: time
    of one core per packet, and time of the shared memory system per packet (0 = no cap).
    """

    target: str
    levels: tuple[str, ...]
    core_seconds: Mapping[str, float]
    shared_seconds: Mapping[str, float]
    line_rate_pps: float
    clock_hz: float
    threads_in_flight: float
    cores: tuple[int, ...]
    source: str

    def times(self, features: ProgramFeatures) -> tuple[float, float]:
        terms = analytic_terms(features, self.levels)
        t_core = sum(self.core_seconds.get(k, 0.0) * v for k, v in terms.items())
        t_shared = sum(self.shared_seconds.get(k, 0.0) * v for k, v in terms.items())
        return max(t_core, 1e-12), t_shared

    def throughput(self, features: ProgramFeatures, cores: Sequence[float]) -> np.ndarray:
        t_core, t_shared = self.times(features)
        cap = min(self.line_rate_pps, 1.0 / t_shared if t_shared > 0 else np.inf)
        return np.minimum(np.asarray(cores, float) / t_core, cap)

    def latency(self, features: ProgramFeatures, cores: Sequence[float]) -> np.ndarray:
        """Cycles: packets in flight (cores x threads) over throughput (Little's law)."""
        n = np.asarray(cores, float)
        return self.threads_in_flight * n / self.throughput(features, cores) * self.clock_hz

    def saturation_cores(self, features: ProgramFeatures) -> float:
        """Cores at which the per-core rate reaches the cap."""
        t_core, t_shared = self.times(features)
        cap = min(self.line_rate_pps, 1.0 / t_shared if t_shared > 0 else np.inf)
        return float(cap * t_core)

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target, "levels": list(self.levels),
            "core_seconds": dict(self.core_seconds), "shared_seconds": dict(self.shared_seconds),
            "line_rate_pps": self.line_rate_pps, "clock_hz": self.clock_hz,
            "threads_in_flight": self.threads_in_flight, "cores": list(self.cores),
            "source": self.source,
        }


def analytic_from_dict(obj: Mapping[str, Any]) -> AnalyticModel:
    return AnalyticModel(
        target=obj["target"], levels=tuple(obj["levels"]),
        core_seconds=dict(obj["core_seconds"]), shared_seconds=dict(obj["shared_seconds"]),
        line_rate_pps=float(obj["line_rate_pps"]), clock_hz=float(obj["clock_hz"]),
        threads_in_flight=float(obj["threads_in_flight"]), cores=tuple(obj["cores"]),
        source=str(obj["source"]),
    )


def line_rate_pps(line_rate_gbps: float) -> float:
    return line_rate_gbps * 1e9 / ((MIN_PACKET_BYTES + ETHERNET_OVERHEAD_BYTES) * 8)


def analytic_from_profile(profile: Any) -> AnalyticModel:
    """The analytical model of a target without measurements, from its profile only.

    One instruction per cycle (assumed); each memory access costs its level's read latency,
    hidden across the core's threads; an accelerator call costs its engine's published cycles
    (0 when none is published); no shared bandwidth cap (none is published).
    """
    clock = profile.clock_mhz * 1e6
    threads = float(profile.threads_per_core)
    accel = [a.cycles_per_call for a in profile.accelerators if a.cycles_per_call]
    core = {"compute": 1.0 / clock}
    core |= {f"mem.{m.name}": m.read_cycles / threads / clock for m in profile.memory}
    core |= {"atomic": 0.0, "locked": 0.0, "probe": 0.0,
             "accelerator": (float(np.mean(accel)) if accel else 0.0) / clock}
    return AnalyticModel(
        target=profile.name, levels=tuple(m.name for m in profile.memory), core_seconds=core,
        shared_seconds={}, line_rate_pps=line_rate_pps(profile.line_rate_gbps),
        clock_hz=clock, threads_in_flight=threads,
        cores=tuple(range(1, profile.cores + 1)), source=f"target profile {profile.path.name}",
    )


# --------------------------------------------------------------------------- GBDT inputs


def program_feature_names(levels: Sequence[str]) -> list[str]:
    return [*BASE_FEATURES, *(f"mem.{lv}" for lv in levels),
            *(f"mem_per_kinstr.{lv}" for lv in levels), *ANALYTIC_FEATURES]


def program_vector(features: ProgramFeatures, levels: Sequence[str],
                   analytic: AnalyticModel) -> list[float]:
    """The GBDT's program input, in :func:`program_feature_names` order."""
    f = features
    kinstr = max(f.compute_instructions, 1.0) / 1000.0
    curve = analytic.throughput(f, analytic.cores)
    return [
        f.compute_instructions, f.atomic_updates, f.locked_updates,
        f.total_accelerator_calls(), f.table_probes, float(f.tables), float(f.stages),
        f.hit_fraction,
        *(f.accesses(lv) for lv in levels),
        *(f.accesses(lv) / kinstr for lv in levels),
        analytic.saturation_cores(f), knee_rule(analytic.cores, curve),
    ]


def point_rows(features: ProgramFeatures, analytic: AnalyticModel,
               cores: Sequence[int]) -> np.ndarray:
    """The GBDT's per-core-count input: cores and the analytical log throughput there."""
    t = analytic.throughput(features, cores)
    return np.c_[np.asarray(cores, float), np.log(t)]


# --------------------------------------------------------------------------- advice


@dataclass(frozen=True)
class ScaleoutAdvice:
    """Predicted curves over core counts and the core count each rule chooses."""

    program: str
    target: str
    model: str
    cores: tuple[int, ...]
    throughput_pps: tuple[float, ...]
    latency_cycles: tuple[float, ...]
    knee_cores: int
    knee_source: str
    curve_knee_cores: int
    half_latency_cores: int
    caveats: tuple[str, ...] = field(default_factory=tuple)


def model_name(target: str) -> str:
    return f"scaleout-{target}"


def load_scaleout_model(target: str, directory: Path | None = None) -> OnnxModel:
    """The shipped GBDT model of ``target`` with its card checked."""
    directory_ = directory or MODELS_DIR
    card = read_card(directory_ / f"{model_name(target)}.json")
    levels = card.get("levels", [])
    return load_model(
        model_name(target), INPUT_SCHEMA,
        {"program": program_feature_names(levels), "point": list(POINT_FEATURES)},
        f"clara train scaleout --target {target}", directory_,
    )


def _caveats(features: ProgramFeatures, levels: Sequence[str], known: Sequence[str]) -> list[str]:
    out = []
    unknown = sorted(set(features.mem_accesses) - set(known))
    if unknown:
        raise ClaraError(
            f"{features.name}: memory levels {unknown} are not levels of this target "
            f"({', '.join(known)}); name accesses by the target profile's level names"
        )
    unmodelled = sorted(lv for lv in features.mem_accesses
                        if lv not in levels and features.accesses(lv) > 0)
    if unmodelled:
        out.append(f"accesses to {', '.join(unmodelled)} are not modelled (no training data)")
    return out


def knee_sources(grid: Sequence[float], knee_regressor: float, throughput: Sequence[float],
                 log_ratio: Sequence[float] | None) -> dict[str, float]:
    """The knee of every source a model can give: its regressor, the knee rule on its
    throughput curve and, when it has the shape regressor, the knee rule on the predicted
    ``T(n) / T(first)`` and the mean of that and the regressor."""
    out = {"regressor": float(knee_regressor), "curve": knee_rule(grid, throughput)}
    if log_ratio is not None:
        out["ratio"] = knee_rule(grid, np.exp(np.asarray(log_ratio, float)))
        out["mean"] = (out["regressor"] + out["ratio"]) / 2.0
    return out


def gbdt_curves(features: ProgramFeatures, model: OnnxModel, cores: Sequence[int] | None = None
                ) -> tuple[np.ndarray, np.ndarray, dict[str, float]]:
    """(throughput, latency, knee by source) of the GBDT model on ``cores`` (default: the
    card's grid); the card's ``knee_source.chosen`` says which knee the advice uses."""
    levels = list(model.card["levels"])
    analytic = analytic_from_dict(model.card["analytic"])
    grid = list(cores or analytic.cores)
    program = np.array([program_vector(features, levels, analytic)] * len(grid))
    out = model.run({"program": program, "point": point_rows(features, analytic, grid)})
    analytic_t = analytic.throughput(features, grid)
    throughput = np.exp(out["log_throughput_residual"].ravel()) * analytic_t
    ratio = out["log_ratio"].ravel() if "log_ratio" in out else None
    knees = knee_sources(grid, float(out["knee_cores"].ravel()[0]), throughput, ratio)
    return throughput, np.exp(out["log_latency"].ravel()), knees


def _gbdt_advice(features: ProgramFeatures, target: str, model: OnnxModel,
                 known_levels: Sequence[str]) -> ScaleoutAdvice:
    cores = list(analytic_from_dict(model.card["analytic"]).cores)
    throughput, latency, knees = gbdt_curves(features, model, cores)
    knee = knees[model.card["knee_source"]["chosen"]]
    return ScaleoutAdvice(
        program=features.name, target=target, model=f"gbdt {model.path.name}",
        cores=tuple(cores), throughput_pps=tuple(map(float, throughput)),
        latency_cycles=tuple(map(float, latency)),
        knee_cores=round(float(np.clip(knee, cores[0], cores[-1]))),
        knee_source=KNEE_SOURCE_TEXT[model.card["knee_source"]["chosen"]],
        curve_knee_cores=round(knees["curve"]),
        half_latency_cores=round(half_latency_rule(cores, throughput, latency)),
        caveats=tuple(_caveats(features, model.card["levels"], known_levels)),
    )


def _analytic_advice(features: ProgramFeatures, analytic: AnalyticModel,
                     known_levels: Sequence[str]) -> ScaleoutAdvice:
    cores = list(analytic.cores)
    throughput = analytic.throughput(features, cores)
    latency = analytic.latency(features, cores)
    knee = round(knee_rule(cores, throughput))
    caveats = _caveats(features, analytic.levels, known_levels)
    if not analytic.shared_seconds:
        caveats.append("no memory-bandwidth cap: the target has no measurements to fit one")
    return ScaleoutAdvice(
        program=features.name, target=analytic.target,
        model=f"analytic ({analytic.source})", cores=tuple(cores),
        throughput_pps=tuple(map(float, throughput)), latency_cycles=tuple(map(float, latency)),
        knee_cores=knee, knee_source="artifact knee rule on the analytical curve",
        curve_knee_cores=knee,
        half_latency_cores=round(half_latency_rule(cores, throughput, latency)),
        caveats=tuple(caveats),
    )


def predict_scaleout(features: ProgramFeatures, target: str = "agilio-cx",
                     model: str = "auto", models_dir: Path | None = None) -> ScaleoutAdvice:
    """Scale-out advice for one program on ``target``.

    ``model``: ``gbdt`` (the shipped ONNX model; an error if the target has none),
    ``analytic`` (fitted constants from the GBDT's card when it exists, else the target
    profile), or ``auto`` (gbdt when shipped, else analytic).
    """
    from clara.targets.profile import load_target

    profile = load_target(target)
    known = [m.name for m in profile.memory]
    directory = models_dir or MODELS_DIR
    shipped = (directory / f"{model_name(profile.name)}.onnx").is_file()
    if model not in ("auto", "gbdt", "analytic"):
        raise ClaraError(f"--model must be auto, gbdt or analytic, got {model!r}")
    if model == "gbdt" and not shipped:
        raise ClaraError(
            f"{directory / (model_name(profile.name) + '.onnx')}: no scale-out model for "
            f"{profile.name}; train one with `clara train scaleout --measurements FILE "
            f"--target {profile.name}` or use --model analytic"
        )
    if shipped and model in ("auto", "gbdt"):
        return _gbdt_advice(features, profile.name,
                            load_scaleout_model(profile.name, directory), known)
    if shipped:
        card = load_scaleout_model(profile.name, directory).card
        return _analytic_advice(features, analytic_from_dict(card["analytic"]), known)
    return _analytic_advice(features, analytic_from_profile(profile), known)


# --------------------------------------------------------------------------- evaluation


def _metrics(rows: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Means of the per-program errors: ``*_err`` become ``*_mae``, ``*_rel`` ``*_mape``."""
    out: dict[str, float] = {"programs": len(rows)}
    for key in rows[0]:
        stem, kind = key.rsplit("_", 1)
        out[f"{stem}_{'mae' if kind == 'err' else 'mape'}"] = float(np.mean([r[key]
                                                                             for r in rows]))
    return out


def _errors(cores: Sequence[int], throughput: Sequence[float], latency: Sequence[float],
            pred_t: np.ndarray, pred_l: np.ndarray, knees: Mapping[str, float],
            chosen: str) -> dict[str, float]:
    """One program's errors: the chosen knee (``knee_*``), every knee source
    (``<source>_knee_*``), the curves and the half-latency rule."""
    true_knee = knee_rule(cores, throughput)
    t, lat = np.asarray(throughput), np.asarray(latency)
    out = {"knee_err": abs(knees[chosen] - true_knee),
           "knee_rel": abs(knees[chosen] - true_knee) / true_knee}
    for source, knee in knees.items():
        out |= {f"{source}_knee_err": abs(knee - true_knee),
                f"{source}_knee_rel": abs(knee - true_knee) / true_knee}
    return out | {
        "throughput_rel": float(np.mean(np.abs(pred_t - t) / t)),
        "latency_rel": float(np.mean(np.abs(pred_l - lat) / lat)),
        "half_latency_err": abs(half_latency_rule(cores, pred_t, pred_l)
                                - half_latency_rule(cores, t, lat)),
    }


def evaluate_scaleout(curves: Sequence[Any], model: OnnxModel) -> dict[str, dict[str, Any]]:
    """Held-out metrics of the GBDT (its chosen knee and every knee source it has) and of the
    card's analytical model, overall and per workload. ``curves`` are
    :class:`clara.dataset.measurements.Curve` records."""
    analytic = analytic_from_dict(model.card["analytic"])
    chosen = model.card["knee_source"]["chosen"]
    rows: dict[str, list[tuple[str, dict[str, float]]]] = {"gbdt": [], "analytic": []}
    for c in curves:
        t, lat, knees = gbdt_curves(c.features, model, c.cores)
        rows["gbdt"].append((c.workload, _errors(c.cores, c.throughput_pps, c.latency_cycles,
                                                 t, lat, knees, chosen)))
        at = analytic.throughput(c.features, c.cores)
        al = analytic.latency(c.features, c.cores)
        rows["analytic"].append((c.workload, _errors(
            c.cores, c.throughput_pps, c.latency_cycles, at, al,
            {"curve": knee_rule(c.cores, at)}, "curve")))
    out: dict[str, dict[str, Any]] = {}
    for name, items in rows.items():
        workloads = sorted({w for w, _ in items})
        out[name] = {"all": _metrics([e for _, e in items])}
        out[name] |= {w: _metrics([e for ww, e in items if ww == w]) for w in workloads}
    return out
