"""CLI commands for the measured insights: import, train, eval and advise for scale-out and
colocation.

This module owns the argument parsing and printing of ``clara import clara-artifact``,
``clara train scaleout|colocation``, ``clara eval scaleout|colocation`` and
``clara advise scaleout|colocate``; the work itself is in :mod:`clara.dataset`,
:mod:`clara.models` and :mod:`clara.insights`.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from clara.errors import ClaraError

DEFAULT_TARGET = "agilio-cx"


# --------------------------------------------------------------------------- data loading


def _report(problems: list[str]) -> None:
    for problem in problems:
        print(f"clara: warning: left out malformed sample: {problem}", file=sys.stderr)
    if problems:
        print(f"clara: warning: {len(problems)} malformed sample(s) left out "
              "(use --strict to stop at the first)", file=sys.stderr)


def _artifact(path: str, strict: bool) -> Any:
    from clara.dataset.agilio_artifact import read_artifact

    problems: list[str] | None = None if strict else []
    data = read_artifact(path, problems)
    _report(problems or [])
    return data


def _rows(args: argparse.Namespace, kind: str) -> list[Any]:
    """Measurement rows from ``--data`` (artifact folders) or ``--measurements`` (CSV)."""
    from clara.dataset.agilio_artifact import colocation_rows, scaleout_rows
    from clara.dataset.measurements import read_measurements

    if bool(args.data) == bool(args.measurements):
        raise ClaraError("give exactly one of --data DIR (artifact format) or "
                         "--measurements FILE (CSV, docs/measurements.md)")
    if args.measurements:
        return read_measurements(args.measurements)
    data = _artifact(args.data, args.strict)
    return scaleout_rows(data.scaleout) if kind == "scaleout" else colocation_rows(data.colocation)


def _curves(args: argparse.Namespace) -> list[Any]:
    from clara.dataset.measurements import scaleout_curves

    curves = scaleout_curves(_rows(args, "scaleout"))
    if not curves:
        raise ClaraError(f"{args.data or args.measurements}: no scale-out measurements in it")
    return curves


def _groups(args: argparse.Namespace) -> list[Any]:
    from clara.dataset.measurements import colocation_groups

    groups = colocation_groups(_rows(args, "colocation"))
    if not groups:
        raise ClaraError(f"{args.data or args.measurements}: no colocation groups in it")
    return groups


# --------------------------------------------------------------------------- commands


def cmd_import(args: argparse.Namespace) -> int:
    from clara.dataset.agilio_artifact import tidy_rows
    from clara.dataset.measurements import write_measurements

    rows = tidy_rows(_artifact(args.directory, args.strict))
    write_measurements(args.output, rows)
    kinds = {k: sum(r.kind == k for r in rows) for k in ("scaleout", "solo", "pair")}
    print(f"wrote {len(rows)} rows to {args.output} ({kinds['scaleout']} scale-out, "
          f"{kinds['solo']} solo, {kinds['pair']} pair)")
    return 0


def _data_path(args: argparse.Namespace) -> str:
    return str(args.data or args.measurements)


def cmd_train_scaleout(args: argparse.Namespace) -> int:
    from clara.models.train_scaleout import train_scaleout
    from clara.targets.profile import load_target

    path, card = train_scaleout(_curves(args), load_target(args.target), Path(args.output),
                                _data_path(args), args.seed, not args.no_holdout,
                                args.knee_trees, args.curve_trees)
    print(f"wrote {path} and its card ({card['training_data']['programs']} training programs)")
    if card["heldout"]["metrics"]:
        _print_scaleout_metrics(card["heldout"]["metrics"], "held-out programs")
    return 0


def cmd_train_colocation(args: argparse.Namespace) -> int:
    from clara.models.train_colocation import train_colocation
    from clara.targets.profile import load_target

    path, card = train_colocation(_groups(args), load_target(args.target), Path(args.output),
                                  _data_path(args), args.seed, not args.no_holdout,
                                  args.solo_trees, args.rank_trees)
    print(f"wrote {path} and its card ({card['training_data']['groups']} training groups)")
    if card["heldout"]["metrics"]:
        _print_colocation_metrics(card["heldout"]["metrics"], "held-out groups")
    return 0


def _print_scaleout_metrics(metrics: dict[str, Any], what: str) -> None:
    print(f"scale-out metrics on {what}:")
    print(f"  {'model':9} {'workload':14} {'n':>5} {'knee MAE':>9} {'knee MAPE':>10} "
          f"{'curve-knee MAPE':>16} {'thr. MAPE':>10} {'lat. MAPE':>10} {'half-lat MAE':>13}")
    for model, by_workload in metrics.items():
        for workload, m in by_workload.items():
            print(f"  {model:9} {workload:14} {m['programs']:5d} {m['knee_mae']:9.2f} "
                  f"{m['knee_mape']:10.2%} {m['curve_knee_mape']:16.2%} "
                  f"{m['throughput_mape']:10.2%} {m['latency_mape']:10.2%} "
                  f"{m['half_latency_mae']:13.2f}")


def _print_colocation_metrics(metrics: dict[str, Any], what: str) -> None:
    print(f"colocation metrics on {what}: groups {metrics['groups']}, top-1 "
          f"{metrics['top1']:.3f}, top-3 {metrics['top3']:.3f}, retention MAE "
          f"{metrics['retention_mae']:.3f}")


def cmd_eval_scaleout(args: argparse.Namespace) -> int:
    from clara.insights.scaleout import evaluate_scaleout, load_scaleout_model

    model = load_scaleout_model(args.target, Path(args.models_dir) if args.models_dir else None)
    metrics = evaluate_scaleout(_curves(args), model)
    if args.format == "json":
        print(json.dumps(metrics, indent=2))
    else:
        _print_scaleout_metrics(metrics, f"{_data_path(args)} (model {model.path})")
    return 0


def cmd_eval_colocation(args: argparse.Namespace) -> int:
    from clara.insights.colocation import evaluate_colocation, load_colocation_model

    model = load_colocation_model(args.target,
                                  Path(args.models_dir) if args.models_dir else None)
    metrics = evaluate_colocation(_groups(args), model)
    if args.format == "json":
        print(json.dumps(metrics, indent=2))
    else:
        _print_colocation_metrics(metrics, f"{_data_path(args)} (model {model.path})")
    return 0


def cmd_advise_scaleout(args: argparse.Namespace) -> int:
    from clara.insights.program_features import read_features_file
    from clara.insights.scaleout import predict_scaleout

    models_dir = Path(args.models_dir) if args.models_dir else None
    advice = [predict_scaleout(p, args.target, args.model, models_dir)
              for p in read_features_file(args.features)]
    if args.format == "json":
        print(json.dumps([asdict(a) for a in advice], indent=2))
        return 0
    for a in advice:
        print(f"{a.program} on {a.target} [{a.model}]")
        print(f"  {'cores':>5} {'Mpps':>8} {'latency (cycles)':>17}")
        for c, t, lat in zip(a.cores, a.throughput_pps, a.latency_cycles, strict=True):
            print(f"  {c:5d} {t / 1e6:8.2f} {lat:17.0f}")
        print(f"  knee rule (artifact): {a.knee_cores} cores ({a.knee_source}); "
              f"on the predicted curve: {a.curve_knee_cores}")
        print(f"  half-latency rule:    {a.half_latency_cores} cores")
        for caveat in a.caveats:
            print(f"  note: {caveat}")
    return 0


def cmd_advise_colocate(args: argparse.Namespace) -> int:
    from clara.insights.colocation import rank_pairs
    from clara.insights.program_features import read_features_file

    models_dir = Path(args.models_dir) if args.models_dir else None
    advice = rank_pairs(read_features_file(args.features), args.target, models_dir)
    if args.format == "json":
        print(json.dumps([asdict(a) for a in advice], indent=2))
        return 0
    print(f"NF pairs on {args.target}, friendliest first [{advice[0].model}]")
    for a in advice:
        print(f"  {a.rank:2d}. {a.first} + {a.second}: expect {a.expected_change_pct:+.0f}% "
              f"throughput vs. each alone (score {a.score:+.3f})")
    return 0


# --------------------------------------------------------------------------- parsers


def _source_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", metavar="DIR",
                   help="measurements in the Clara artifact's format (the artifact folder or "
                        "one of its data folders)")
    p.add_argument("--measurements", metavar="FILE",
                   help="measurements CSV (schema: docs/measurements.md)")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first malformed artifact sample instead of reporting "
                        "and leaving it out")


def _target_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--target", default=DEFAULT_TARGET,
                   help=f"target profile name (default {DEFAULT_TARGET})")


def _train_args(p: argparse.ArgumentParser) -> None:
    _source_args(p)
    p.add_argument("--target", required=True, help="target profile the measurements are from")
    p.add_argument("-o", "--output", default="models_onnx",
                   help="directory for the .onnx model and its .json card (default models_onnx)")
    p.add_argument("--seed", type=int, default=0, help="seed of the held-out split and trees")
    p.add_argument("--no-holdout", action="store_true",
                   help="train on everything (the card then has no held-out metrics)")


def _eval_args(p: argparse.ArgumentParser) -> None:
    _source_args(p)
    _target_arg(p)
    p.add_argument("--models-dir", help="directory of the model and card (default: shipped)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def _advise_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("features", help="features file (clara.program-features/1 JSON)")
    _target_arg(p)
    p.add_argument("--models-dir", help="directory of the model and card (default: shipped)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def register(sub: argparse._SubParsersAction,
             groups: dict[str, argparse._SubParsersAction]) -> None:
    """Add this module's commands to the ``import``, ``train``, ``eval`` and ``advise`` groups."""
    del sub  # all commands live in groups
    p = groups["import"].add_parser(
        "clara-artifact", help="Clara artifact Agilio CX measurements -> measurements CSV",
        description="Parse the Clara artifact's scale_out/ and nf_colocation/ text files into "
                    "the measurements CSV (one row per program and core count; solo and pair "
                    "rows for colocation).")
    p.add_argument("directory", help="artifact folder, or one of its data folders")
    p.add_argument("-o", "--output", required=True, help="CSV file to write")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first malformed sample instead of reporting and leaving "
                        "it out")
    p.set_defaults(func=cmd_import)

    p = groups["train"].add_parser(
        "scaleout", help="train the scale-out models (knee, throughput, latency)",
        description="Fit the analytical model and train the GBDT scale-out models on measured "
                    "curves; writes scaleout-<target>.onnx and its card.")
    _train_args(p)
    p.add_argument("--knee-trees", type=int, default=400, help="trees of the knee regressor")
    p.add_argument("--curve-trees", type=int, default=300, help="trees of each curve regressor")
    p.set_defaults(func=cmd_train_scaleout)

    p = groups["train"].add_parser(
        "colocation", help="train the colocation ranker (LambdaMART) and retention regressor",
        description="Train the solo-throughput regressor, the pairwise ranker and the "
                    "retention regressor on colocation groups; writes coloc-<target>.onnx.")
    _train_args(p)
    p.add_argument("--solo-trees", type=int, default=400, help="trees of the solo regressor")
    p.add_argument("--rank-trees", type=int, default=300,
                   help="trees of the ranker and of the retention regressor")
    p.set_defaults(func=cmd_train_colocation)

    p = groups["eval"].add_parser("scaleout", help="evaluate the scale-out model on measurements",
                                  description="Knee MAE/MAPE, curve MAPE and half-latency error "
                                              "of the shipped GBDT and analytical models.")
    _eval_args(p)
    p.set_defaults(func=cmd_eval_scaleout)

    p = groups["eval"].add_parser("colocation", help="evaluate the colocation ranker",
                                  description="Top-1 / top-3 accuracy and retention error of "
                                              "the shipped colocation model.")
    _eval_args(p)
    p.set_defaults(func=cmd_eval_colocation)

    p = groups["advise"].add_parser(
        "scaleout", help="core-count advice for programs in a features file",
        description="Predicted throughput/latency over core counts, and the core counts the "
                    "knee rule and the half-latency rule choose.")
    _advise_args(p)
    p.add_argument("--model", choices=("auto", "gbdt", "analytic"), default="auto",
                   help="gbdt (shipped model), analytic, or auto (gbdt when the target has one)")
    p.set_defaults(func=cmd_advise_scaleout)

    p = groups["advise"].add_parser(
        "colocate", help="rank NF pairs of a features file for colocation",
        description="Every pair of the programs in the features file, friendliest first, with "
                    "the expected throughput change.")
    _advise_args(p)
    p.set_defaults(func=cmd_advise_colocate)
