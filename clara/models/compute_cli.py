"""CLI commands of the compute model: ``clara train compute`` and ``clara eval compute``.

This module owns their argument parsing and printing. ``train compute`` builds the dataset
when asked (``--programs N``, the same builder as ``clara dataset build``) and trains with
:mod:`clara.models.train_compute`; ``eval compute`` labels any folder of NF sources with the
target compiler and prints the shipped model's metrics on it. The work is elsewhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clara.errors import ClaraError


@dataclass(frozen=True)
class Recipe:
    """Synthesized programs (seeds 0 .. N-1) and the loss weight of real-code blocks."""

    programs: int
    real_code_weight: float


# what the shipped models were trained from (their cards' training_data.command); any other
# target gets the small recipe
SHIPPED_RECIPES = {"bluefield2": Recipe(9600, 40.0), "octeon": Recipe(1200, 5.0)}
SMALL_RECIPE = Recipe(1200, 5.0)
DEFAULT_FUNCTION_WEIGHT = 0.0  # docs/compute-model.md: validation comparison
DATASETS_DIR = Path("build") / "datasets"
# real code written in this project for training: packet-processing C algorithms and
# NF-like Click elements (neither is an evaluation NF)
REAL_CODE = (Path("clara") / "accel" / "corpus", Path("clara") / "dataset" / "nf_corpus")


def build(target: str, options: Any, spec: Any, out: Path, jobs: int) -> None:
    """Build (or resume) a dataset with the dataset builder, without a progress bar."""
    from clara.dataset.commands import build_dataset, summary_text
    from clara.targets.profile import load_target

    manifest = build_dataset(load_target(target), options, spec, out, jobs, progress=False)
    sys.stderr.write(summary_text(manifest))


def compile_options(args: argparse.Namespace) -> Any:
    from clara.toolchain.compile import CompileOptions

    return CompileOptions(include_dirs=tuple(Path(d).resolve() for d in args.include),
                          click_root=Path(args.click_root).resolve() if args.click_root else None)


def default_recipe(target: str) -> Recipe:
    """The training recipe ``clara train compute --target T`` uses unless told otherwise."""
    return SHIPPED_RECIPES.get(target, SMALL_RECIPE)


def training_datasets(args: argparse.Namespace) -> list[Path]:
    """The ``--dataset`` directories, or: synthesize ``--programs`` and label the real code
    (``--real-code``, default :data:`REAL_CODE`) with the dataset builder."""
    from clara.dataset.commands import ProgramSpec, sources_in

    if args.dataset:
        return [Path(d) for d in args.dataset]
    programs = args.programs or default_recipe(args.target).programs
    synthesized = DATASETS_DIR / f"{args.target}-{programs}"
    build(args.target, compile_options(args), ProgramSpec(count=programs, seed=0),
          synthesized, args.jobs)
    if args.no_real_code:
        return [synthesized]
    root, sources = sources_in([Path(p) for p in args.real_code or REAL_CODE])
    real = DATASETS_DIR / f"{args.target}-real-code"
    build(args.target, compile_options(args), ProgramSpec(sources=sources, root=root), real,
          args.jobs)
    return [synthesized, real]


def cmd_train(args: argparse.Namespace) -> int:
    from clara.models.train_compute import TrainConfig, train_compute

    weight = args.real_code_weight
    chosen = {"model": args.model, "ensemble": args.ensemble,
              "real_code_weight": default_recipe(args.target).real_code_weight
              if weight is None else weight}
    config = TrainConfig(epochs=args.epochs, max_seconds=60 * args.max_minutes,
                         function_weight=args.function_weight, seed=args.seed,
                         calibrate=not args.no_calibration,
                         **{k: v for k, v in chosen.items() if v is not None})
    config.architecture()  # an unknown --model fails before any work
    path, card = train_compute(training_datasets(args), args.target, Path(args.output),
                               config, log=lambda text: print(text, file=sys.stderr))
    print(f"wrote {path} (+ .vocab.json, .json) in {card['training']['seconds']} s of "
          "training")
    for kind, section in card.get("heldout", {}).items():
        print(metrics_text(section["metrics"], f"held-out {kind.replace('_', ' ')} programs"))
    return 0


def metrics_text(metrics: dict[str, Any], what: str) -> str:
    """The metrics of one evaluation as a few aligned lines."""
    def pct(x: float) -> str:
        return f"{100 * x:6.1f}%"

    lines = [f"{what}: {metrics['programs']} programs, {metrics['blocks']} blocks "
             "(WMAPE = sum|pred-true|/sum(true))"]
    for quantity in ("compute", "memory"):
        m = metrics[quantity]
        lines.append(
            f"  {quantity:8s} per block {pct(m['block'])}  per function {pct(m['function'])}  "
            f"per program (mean) block {pct(m['block_per_program']['mean'])} "
            f"function {pct(m['function_per_program']['mean'])}")
    return "\n".join(lines)


def cmd_eval(args: argparse.Namespace) -> int:
    from clara.dataset.commands import ProgramSpec, sources_in
    from clara.insights.compute import model_for_target
    from clara.ir.vocabulary import unknown_rate
    from clara.models.train_compute import evaluate, load_records
    from clara.targets.profile import load_target

    model = model_for_target(load_target(args.target),
                             Path(args.models) if args.models else None)
    root, sources = sources_in([Path(p) for p in args.from_paths])
    if not sources:
        raise ClaraError(f"{', '.join(args.from_paths)}: no C/C++ sources found")
    with tempfile.TemporaryDirectory(prefix="clara-eval-") as tmp:
        out = Path(args.output) if args.output else Path(tmp) / "dataset"
        build(args.target, compile_options(args), ProgramSpec(sources=sources, root=root),
              out, args.jobs)
        records = load_records(out)
    pred, unknown = model.predict(records)
    metrics = evaluate(records, pred)
    metrics["unknown_token_rate"] = unknown_rate((r["tokens"] for r in records),
                                                 model.vocabulary)
    metrics["model"] = model.name
    if args.json:
        print(json.dumps(metrics, indent=2))
    else:
        print(f"model {model.name} on {root}")
        print(metrics_text(metrics, "ground truth from the target compiler"))
        print(f"  unknown tokens {100 * metrics['unknown_token_rate']:.2f}% "
              f"({int(unknown.sum())} tokens)")
    return 0


def _recipes(field: str) -> str:
    """``bluefield2 9600, octeon 1200, others 1200`` for the help texts."""
    shipped = [f"{t} {getattr(r, field):g}" for t, r in SHIPPED_RECIPES.items()]
    return ", ".join([*shipped, f"others {getattr(SMALL_RECIPE, field):g}"])


def register(sub: argparse._SubParsersAction,
             groups: dict[str, argparse._SubParsersAction]) -> None:
    train = groups["train"].add_parser(
        "compute", help="train the compute model (NIC instructions per IR block)",
        description="Train the LSTM compute model from a dataset (clara dataset build) or "
                    "build one first (--programs N), export ONNX, vocabulary and card.")
    train.add_argument("--target", required=True, help="target name (bluefield2, octeon)")
    data = train.add_mutually_exclusive_group()
    data.add_argument("--dataset", action="append", metavar="DIR",
                      help="an existing dataset directory (repeatable: synthesized programs "
                           "and real code labelled with `clara dataset build --from`)")
    data.add_argument("--programs", type=int, metavar="N",
                      help="synthesize and label N programs first (default: the shipped "
                           "model's recipe, " + _recipes("programs") + f"; into "
                           f"{DATASETS_DIR}/<target>-<N>)")
    train.add_argument("--real-code", action="append", metavar="PATH",
                       help="without --dataset: C/C++ sources (not the NFs you evaluate on) "
                            f"labelled into {DATASETS_DIR}/<target>-real-code and trained on "
                            "with the synthesized programs (default "
                            f"{' and '.join(map(str, REAL_CODE))}); repeatable")
    train.add_argument("--no-real-code", action="store_true",
                       help="without --dataset: train on synthesized programs only")
    train.add_argument("--real-code-weight", type=float, metavar="W",
                       help="loss weight of real-code blocks (default: the shipped "
                            "model's recipe, " + _recipes("real_code_weight") + ")")
    train.add_argument("--model", choices=("function-lstm", "lstm"),
                       help="function-lstm (blocks see their function's blocks) or lstm "
                            "(each block alone); default: TrainConfig's")
    train.add_argument("-o", "--output", default="models_onnx", metavar="DIR")
    train.add_argument("-j", "--jobs", type=int, default=2, help="dataset build jobs")
    train.add_argument("--epochs", type=int, default=30, help="at most this many epochs")
    train.add_argument("--max-minutes", type=float, default=30.0,
                       help="stop training after this long (default 30)")
    train.add_argument("--function-weight", type=float, default=DEFAULT_FUNCTION_WEIGHT,
                       help="weight of the function-sum L1 loss (default "
                            f"{DEFAULT_FUNCTION_WEIGHT}, chosen on validation programs)")
    train.add_argument("--seed", type=int, default=0,
                       help="random seed of initialization and batch order (default 0)")
    train.add_argument("--ensemble", type=int, metavar="N",
                       help="train N models, seeds --seed .. --seed + N - 1, and ship the "
                            "mean of their outputs as one ONNX graph (default: "
                            "TrainConfig's, 3; 1 for a single model)")
    train.add_argument("--no-calibration", action="store_true",
                       help="keep the L1 model's per-block medians (by default the "
                            "predicted compute and memory counts are scaled by the factors "
                            "that best fit the validation programs' function sums)")
    train.add_argument("-I", dest="include", action="append", default=[], metavar="DIR")
    train.add_argument("--click-root", metavar="DIR")
    train.set_defaults(func=cmd_train)

    ev = groups["eval"].add_parser(
        "compute", help="check the compute model on your own NF sources",
        description="Label NF sources with the target compiler and print the shipped compute "
                    "model's WMAPE per block and per function (compute and memory).")
    ev.add_argument("--target", required=True)
    ev.add_argument("--from", dest="from_paths", action="append", required=True,
                    metavar="PATH", help="C/C++ source file or folder (repeatable)")
    ev.add_argument("-I", dest="include", action="append", default=[], metavar="DIR")
    ev.add_argument("--click-root", metavar="DIR")
    ev.add_argument("--models", metavar="DIR", help="model directory (default models_onnx)")
    ev.add_argument("-o", "--output", metavar="DIR", help="keep the labelled dataset here")
    ev.add_argument("-j", "--jobs", type=int, default=2)
    ev.add_argument("--json", action="store_true", help="print the metrics as JSON")
    ev.set_defaults(func=cmd_eval)
