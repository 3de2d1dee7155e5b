"""Scale-out benchmark: knee and curve accuracy on held-out programs, against the artifact.

For 10 seeds, splits the Agilio CX scale-out measurements by program (20% held out within each
workload; seed 0 is the split of the shipped model), trains Clara's models on the rest, and
measures in the same run: Clara's GBDT with the knee source chosen by cross-validation and
every knee source it has (regressor; knee rule on its throughput curve; knee rule on its direct
``T(n)/T(24)`` curve; mean of the regressor and that), Clara's analytical model, the
artifact's approach (XGBRegressor with 20 trees on its ratio features from the README cost
table, one model per workload, as its scripts do) and the training-median knee. The table
gives the mean and standard deviation over the seeds.

Protocol: every modelling choice is made inside the training programs. The hyperparameters
are constants chosen by 5-fold cross-validation over seed 0's training programs; the knee
source is chosen again by 5-fold cross-validation over the training programs in every
training run, and the CV figures are printed beside the held-out ones. The held-out programs
are used once per seed, for the table.

Ceilings (label noise; no program was measured twice, so noise is estimated): each measured
curve is fitted by a smooth 3-parameter curve. Two estimates of the noise of one measured
point, both upper bounds: (a) the dof-corrected residual of the smooth fit; (b) the part of
that residual the program's physical features cannot predict (5-fold CV) - (a) also counts
as noise the curves' systematic departures from the 3-parameter family, which the features
predict in part. For each, the knee rule on noisy copies of the "true" curve (the smooth fit;
for (b) with its predicted departure) gives the knee MAPE of a model that knows the true
curve exactly (Bayes decision for MAPE) and of a repeat measurement against the label.

Writes ``benchmarks/results/scaleout.json`` and prints a table.

    python benchmarks/scaleout.py [--data ../shared/data/clara-agilio/scale_out] [--seeds 10]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from clara.dataset.agilio_artifact import read_artifact, scaleout_rows  # noqa: E402
from clara.dataset.measurements import Curve, scaleout_curves  # noqa: E402
from clara.insights.colocation import nf_vector  # noqa: E402
from clara.insights.program_features import block_costs  # noqa: E402
from clara.insights.scaleout import knee_rule  # noqa: E402
from clara.models.train_scaleout import split_curves, train_scaleout  # noqa: E402
from clara.targets.profile import load_target  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "clara-agilio" / "scale_out"
TARGETS = {"knee_mape": 0.04, "throughput_mape": 0.08}
ARTIFACT_REPORTED = {"dataset_hit": 0.056, "dataset_miss": 0.059}
ARTIFACT_GRID = (24, 60)  # MEs: the knee rule's range
# The artifact's ratio-feature constants (weights of EMEM and IMEM accesses relative to
# compute), per workload, as in its preprocess scripts for hit and miss traffic.
RATIO_CONSTANTS = {"dataset_hit": (120.0, 2.1), "dataset_miss": (330.0, 6.0)}


def artifact_features(choices: Sequence[int], configs: Sequence[int], workload: str
                      ) -> list[float]:
    """The artifact's hand-made ratio features, from the README per-block cost table."""
    blocks = block_costs(choices, configs)
    compute = sum(b.compute for b in blocks)
    imem = sum(b.near_accesses for b in blocks)
    emem = sum(b.flow_accesses for b in blocks)
    loops = sum(10.0 * configs[7 + i] for i in range(10) if choices[10 + i])
    loops += sum(25.0 * configs[17 + i] for i in range(10) if choices[20 + i])
    w_emem, mix = RATIO_CONSTANTS[workload]
    denominator = w_emem * emem + compute + 55.0 * imem
    features = [loops / max(compute - loops, 1.0), imem, emem, compute, imem / compute,
                emem / compute]
    if workload == "dataset_miss":
        features.append((emem + imem) / compute)
    features += [imem / denominator, emem / denominator, (imem + mix * emem) / compute,
                 (imem - mix * emem) / compute]
    return features


def artifact_baseline(train: Sequence[Curve], test: Sequence[Curve],
                      templates: dict[str, tuple[Sequence[int], Sequence[int]]]
                      ) -> dict[str, dict[str, float]]:
    import xgboost as xgb

    out = {}
    for workload in sorted({c.workload for c in test}):
        tr = [c for c in train if c.workload == workload]
        te = [c for c in test if c.workload == workload]

        def matrix(cs: Sequence[Curve], w: str = workload) -> np.ndarray:
            return np.array([artifact_features(*templates[c.features.name], w) for c in cs])

        y_tr = np.array([knee_rule(c.cores, c.throughput_pps) for c in tr])
        y_te = np.array([knee_rule(c.cores, c.throughput_pps) for c in te])
        model = xgb.XGBRegressor(n_estimators=20, random_state=42).fit(matrix(tr), y_tr)
        pred = model.predict(matrix(te))
        median = float(np.median(y_tr))
        out[workload] = {
            "programs": len(te),
            "artifact_knee_mae": float(np.mean(np.abs(pred - y_te))),
            "artifact_knee_mape": float(np.mean(np.abs(pred - y_te) / y_te)),
            "median_knee_mae": float(np.mean(np.abs(median - y_te))),
            "median_knee_mape": float(np.mean(np.abs(median - y_te) / y_te)),
        }
    return out


def smooth_curve(params: np.ndarray, cores: np.ndarray) -> np.ndarray:
    """T(n) = P x / (1 + x^s)^(1/s), x = n r / P: linear at rate r per core, plateau P."""
    rate, plateau, sharpness = np.exp(params)
    x = cores * rate / plateau
    return plateau * x / (1.0 + x**sharpness) ** (1.0 / sharpness)


def fit_smooth(c: Curve) -> tuple[np.ndarray, np.ndarray]:
    """(parameters, log residuals) of the smooth curve fitted to one measured curve."""
    from scipy.optimize import least_squares

    n, t = np.asarray(c.cores, float), np.asarray(c.throughput_pps)
    start = np.log([t[0] / n[0], t.max(), 4.0])
    fit = least_squares(lambda p: np.log(smooth_curve(p, n)) - np.log(t), start)
    return fit.x, fit.fun


def systematic_departure(curves: Sequence[Curve], residuals: np.ndarray, seed: int = 0
                         ) -> np.ndarray:
    """The smooth-fit residuals as predicted from the programs' physical features by a model
    that never saw the program (5-fold CV, one small GBDT per core count)."""
    import xgboost as xgb

    levels = sorted({lv for c in curves for lv in c.features.mem_accesses})
    x = np.array([nf_vector(c.features, levels) for c in curves])
    folds = np.random.RandomState(seed).permutation(len(curves)) % 5
    predicted = np.zeros_like(residuals)
    for fold in range(5):
        for j in range(residuals.shape[1]):
            model = xgb.XGBRegressor(n_estimators=200, max_depth=3, learning_rate=0.03,
                                     subsample=0.8, n_jobs=1, random_state=seed)
            model.fit(x[folds != fold], residuals[folds != fold, j])
            predicted[folds == fold, j] = model.predict(x[folds == fold])
    return predicted


def _noise_ceiling(curves: Sequence[Curve], truths: np.ndarray, sigma: float,
                   rng: np.random.RandomState, draws: int) -> list[tuple[float, float]]:
    """Per curve: (Bayes floor, repeat measurement) knee MAPE against its label when the true
    curve is ``truths[i]`` and each measured point carries log-normal noise ``sigma``."""
    candidates = np.arange(ARTIFACT_GRID[0], ARTIFACT_GRID[1] + 1, dtype=float)
    out = []
    for c, truth in zip(curves, truths, strict=True):
        sims = np.array([knee_rule(c.cores, truth * np.exp(rng.normal(0, sigma, len(c.cores))))
                         for _ in range(draws)])
        expected = np.mean(np.abs(candidates[:, None] - sims) / sims, axis=1)
        half = draws // 2
        out.append((float(expected.min()),
                    float(np.mean(np.abs(sims[:half] - sims[half:]) / sims[half:]))))
    return out


def knee_ceilings(curves: Sequence[Curve], draws: int = 300, seed: int = 0
                  ) -> dict[str, dict[str, float]]:
    """Knee MAPE that label noise alone costs, per workload (see the module docstring)."""
    fits = [fit_smooth(c) for c in curves]
    residuals = -np.array([r for _, r in fits])  # log measured - log smooth
    dof = residuals.size - 3 * len(curves)
    smooth = np.array([smooth_curve(p, np.asarray(c.cores, float))
                       for c, (p, _) in zip(curves, fits, strict=True)])
    departure = systematic_departure(curves, residuals, seed)
    sigma = {"smooth_fit": float(np.sqrt(np.sum(residuals**2) / dof)),
             "unpredicted": float(np.sqrt(np.sum((residuals - departure) ** 2) / dof))}
    rng = np.random.RandomState(seed)
    floors = {"smooth_fit": _noise_ceiling(curves, smooth, sigma["smooth_fit"], rng, draws),
              "unpredicted": _noise_ceiling(curves, smooth * np.exp(departure),
                                            sigma["unpredicted"], rng, draws)}
    smooth_knee = np.array([abs(knee_rule(c.cores, t) - knee_rule(c.cores, c.throughput_pps))
                            / knee_rule(c.cores, c.throughput_pps)
                            for c, t in zip(curves, smooth, strict=True)])
    workloads = np.array([c.workload for c in curves])
    out = {}
    for w in sorted(set(workloads)):
        mine = workloads == w
        out[w] = {"smooth_fit_knee_mape": float(smooth_knee[mine].mean())}
        for name, rows in floors.items():
            arr = np.array(rows)[mine]
            out[w] |= {f"{name}.point_noise_sigma": sigma[name],
                       f"{name}.bayes_floor_knee_mape": float(arr[:, 0].mean()),
                       f"{name}.repeat_knee_mape": float(arr[:, 1].mean())}
    return out


GBDT_ROWS = (("Clara GBDT (knee source by CV)", "knee"), ("  knee regressor", "regressor_knee"),
             ("  knee of its throughput curve", "curve_knee"),
             ("  knee of its T(n)/T(24) curve", "ratio_knee"),
             ("  mean of regressor and T(n)/T(24)", "mean_knee"))


@dataclass
class SeedRun:
    """One split: held-out metrics of Clara's models and of the baselines, and the CV choice."""

    seed: int
    train_programs: int
    test_programs: int
    clara: dict[str, Any]
    baselines: dict[str, dict[str, float]]
    knee_source: dict[str, Any]


def seed_run(curves: Sequence[Curve], templates: dict[str, tuple[Sequence[int], Sequence[int]]],
             data: str, seed: int) -> SeedRun:
    """Train on one seed's split (choices by CV inside it) and measure everything held out."""
    train, test = split_curves(curves, seed=seed)
    with tempfile.TemporaryDirectory() as tmp:
        _, card = train_scaleout(curves, load_target("agilio-cx"), Path(tmp), data, seed=seed)
    return SeedRun(seed, len(train), len(test), card["heldout"]["metrics"],
                   artifact_baseline(train, test, templates), card["knee_source"])


def _stats(values: Sequence[float]) -> tuple[float, float]:
    return float(np.mean(values)), float(np.std(values))


def summarize(runs: Sequence[SeedRun]) -> dict[str, dict[str, dict[str, float]]]:
    """Mean and sd over the seeds of every model's held-out metrics, per workload."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for w in sorted(runs[0].baselines):
        rows: dict[str, dict[str, float]] = {}
        for name, prefix in GBDT_ROWS:
            rows[name] = {}
            for metric in ("mae", "mape"):
                m, sd = _stats([r.clara["gbdt"][w][f"{prefix}_{metric}"] for r in runs])
                rows[name] |= {f"knee_{metric}": m, f"knee_{metric}_sd": sd}
        for name, source in (("Clara GBDT (knee source by CV)", "gbdt"),
                             ("Clara analytical", "analytic")):
            rows.setdefault(name, {})
            for metric in ("knee_mae", "knee_mape", "throughput_mape", "latency_mape",
                           "half_latency_mae"):
                m, sd = _stats([r.clara[source][w][metric] for r in runs])
                rows[name] |= {metric: m, f"{metric}_sd": sd}
        for name, key in (("artifact XGB(20) ratio features", "artifact"),
                          ("training median", "median")):
            rows[name] = {}
            for metric in ("knee_mae", "knee_mape"):
                m, sd = _stats([r.baselines[w][f"{key}_{metric}"] for r in runs])
                rows[name] |= {metric: m, f"{metric}_sd": sd}
        cv = {s: _stats([r.knee_source["cv_knee_mape"][s][w] for r in runs])[0]
              for s in runs[0].knee_source["cv_knee_mape"]}
        rows["cv"] = cv
        out[w] = rows
    return out


def _cell(row: dict[str, float], metric: str, percent: bool, width: int) -> str:
    if metric not in row:
        return f"{'-':>{width}}"
    m, sd = row[metric], row[f"{metric}_sd"]
    text = f"{m:.2%} ±{sd:.2%}" if percent else f"{m:.2f} ±{sd:.2f}"
    return f"{text:>{width}}"


def print_table(summary: dict[str, dict[str, dict[str, float]]]) -> None:
    head = (f"{'workload':13} {'model':36} {'knee MAE':>13} {'knee MAPE':>15} "
            f"{'thr. curve MAPE':>15} {'lat. curve MAPE':>15} {'half-lat MAE':>13}")
    print(head)
    print("-" * len(head))
    for w, rows in summary.items():
        for name, row in rows.items():
            if name == "cv":
                continue
            print(f"{w:13} {name:36} {_cell(row, 'knee_mae', False, 13)} "
                  f"{_cell(row, 'knee_mape', True, 15)} "
                  f"{_cell(row, 'throughput_mape', True, 15)} "
                  f"{_cell(row, 'latency_mape', True, 15)} "
                  f"{_cell(row, 'half_latency_mae', False, 13)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="artifact scale_out folder")
    parser.add_argument("--seeds", type=int, default=10, help="number of splits (seeds 0..N-1)")
    parser.add_argument("--out", default=str(REPO / "benchmarks" / "results" / "scaleout.json"))
    args = parser.parse_args(argv)
    start = time.time()
    problems: list[str] = []
    data = read_artifact(args.data, problems)
    for p in problems:
        print(f"left out malformed sample: {p}", file=sys.stderr)
    curves = scaleout_curves(scaleout_rows(data.scaleout))
    templates = {p.name: (p.program.choices, p.program.configs) for p in data.scaleout}
    runs = []
    for seed in range(args.seeds):
        run = seed_run(curves, templates, args.data, seed)
        runs.append(run)
        ks, g = run.knee_source, run.clara["gbdt"]
        print(f"seed {seed}: CV knee MAPE in training (hit/miss): " + ", ".join(
            f"{s} {v['dataset_hit']:.2%}/{v['dataset_miss']:.2%}"
            for s, v in ks["cv_knee_mape"].items()) + f" -> {ks['chosen']} | held-out: "
            f"{g['dataset_hit']['knee_mape']:.2%}/{g['dataset_miss']['knee_mape']:.2%} | "
            "artifact " + "/".join(f"{run.baselines[w]['artifact_knee_mape']:.2%}"
                                   for w in ("dataset_hit", "dataset_miss")), flush=True)
    summary = summarize(runs)
    ceilings = knee_ceilings(curves)
    print(f"\nScale-out, Agilio CX ({args.data}): {args.seeds} seeds, "
          f"{runs[0].train_programs} training / {runs[0].test_programs} held-out "
          "programs, split by program; knee = artifact knee rule, 24..60 MEs; mean ± sd over "
          "seeds")
    print_table(summary)
    chosen = [r.knee_source["chosen"] for r in runs]
    print("\nknee source chosen by CV in training: "
          + ", ".join(f"{n} x{chosen.count(n)}" for n in sorted(set(chosen))))
    print(f"{'workload':13} {'CV knee MAPE (mean over seeds): ':32}" + " ".join(
        f"{s:>9}" for s in summary["dataset_hit"]["cv"]))
    for w, rows in summary.items():
        print(f"{w:13} {'':32}" + " ".join(f"{v:9.2%}" for v in rows["cv"].values()))
    print(f"\n{'ceilings':13} {'noise estimate':42} {'sigma':>7} {'Bayes floor':>12} "
          f"{'repeat':>8}")
    for w, c in ceilings.items():
        for name, text in (("smooth_fit", "(a) smooth-fit residual"),
                           ("unpredicted", "(b) residual the features cannot predict")):
            print(f"{w:13} {text:42} {c[name + '.point_noise_sigma']:7.2%} "
                  f"{c[name + '.bayes_floor_knee_mape']:12.2%} "
                  f"{c[name + '.repeat_knee_mape']:8.2%}")
        print(f"{w:13} {'knee rule on the smooth fit vs label':42} {'':7} "
              f"{c['smooth_fit_knee_mape']:12.2%}")
    print(f"targets: knee MAPE <= {TARGETS['knee_mape']:.0%}, throughput-curve MAPE <= "
          f"{TARGETS['throughput_mape']:.0%}; artifact's own split (README): "
          + ", ".join(f"{w} {v:.1%}" for w, v in ARTIFACT_REPORTED.items()))
    best = "Clara GBDT (knee source by CV)"
    met = {w: {"knee_mape": rows[best]["knee_mape"] <= TARGETS["knee_mape"],
               "throughput_mape": rows[best]["throughput_mape"] <= TARGETS["throughput_mape"]}
           for w, rows in summary.items()}
    print(f"targets met (mean over seeds): {met}   ({time.time() - start:.0f} s)")
    result = {
        "benchmark": "scaleout", "data": args.data, "seeds": args.seeds,
        "left_out_malformed": problems, "summary": summary, "runs": [asdict(r) for r in runs],
        "artifact_reported": ARTIFACT_REPORTED, "targets": TARGETS, "targets_met": met,
        "protocol": "per seed: knee source chosen by 5-fold CV over the training programs; "
                    "held-out used once",
        "ceilings": ceilings,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
