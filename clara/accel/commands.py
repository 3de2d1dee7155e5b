"""``clara train accel`` and ``clara eval accel``: the accelerator detector's CLI.

``train accel`` builds the dataset from a folder of tagged sources (default: the shipped
corpus), chooses settings by cross-validation inside it, and writes ``accel.onnx``,
``accel.json`` and ``accel-patterns.json``. ``eval accel --from DIR`` runs a shipped model on
every region of every variant of DIR's tagged sources and prints per-class precision and
recall and the confusion matrix.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from clara.accel.regions import region_kinds
from clara.errors import ClaraError


def _configs(names: str | None) -> tuple:
    from clara.accel.variants import CONFIGS

    if not names:
        return CONFIGS
    by_name = {c.name: c for c in CONFIGS}
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in by_name]
    if unknown:
        raise ClaraError(f"--configs: unknown {', '.join(unknown)}; choose from "
                         f"{', '.join(by_name)}")
    return tuple(by_name[n] for n in wanted)


def _transforms(names: str | None) -> tuple[str, ...]:
    from clara.accel.variants import SOURCE_TRANSFORMS
    from clara.models.train_accel import TRANSFORMS

    if not names:
        return TRANSFORMS
    wanted = tuple(n.strip() for n in names.split(",") if n.strip())
    unknown = [n for n in wanted if n not in SOURCE_TRANSFORMS]
    if unknown:
        raise ClaraError(f"--transforms: unknown {', '.join(unknown)}; choose from "
                         f"{', '.join(SOURCE_TRANSFORMS)}")
    return wanted


def _families(names: str | None) -> tuple[str, ...]:
    from clara.models.train_accel import MODEL_FAMILIES

    if not names:
        return MODEL_FAMILIES
    wanted = tuple(n.strip() for n in names.split(",") if n.strip())
    unknown = [n for n in wanted if n not in MODEL_FAMILIES]
    if unknown or "svm" not in wanted:
        raise ClaraError(f"--families: must include svm and be among "
                         f"{', '.join(MODEL_FAMILIES)}")
    return wanted


def _corpus(args: argparse.Namespace) -> Path:
    from clara.accel.variants import CORPUS_DIR

    root = Path(args.corpus) if args.corpus else CORPUS_DIR
    if not root.is_dir():
        raise ClaraError(f"{root}: not a directory of tagged sources")
    return root


def run_train(args: argparse.Namespace) -> int:
    try:
        from clara.models import train_accel
    except ImportError as err:
        raise ClaraError(f"training needs the [train] extra ({err}); install it with "
                         "`pip install -e .[train]`") from None
    heldout = {}
    if args.heldout:
        heldout = json.loads(Path(args.heldout).read_text()).get("heldout", {})
    files = train_accel.tagged_files(_corpus(args))
    card = train_accel.train(
        files, Path(args.output), jobs=args.jobs, seed=args.seed,
        transforms=_transforms(args.transforms), configs=_configs(args.configs),
        families=_families(args.families), heldout=heldout, threshold=args.threshold,
        kinds=region_kinds(args.inlined_helpers),
        progress=not args.quiet)
    print(f"wrote {Path(args.output) / 'accel.onnx'} ({card['model']['family']}, "
          f"{card['patterns']['count']} patterns, {card['training_data']['regions']} regions "
          f"from {card['training_data']['files']} files)")
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from clara.accel.detect import CLASSES, classify_regions, decide, load_detector
    from clara.models.train_accel import build_dataset, per_class_metrics, tagged_files

    detector = load_detector(Path(args.model_dir)) if args.model_dir else load_detector()
    files = tagged_files(Path(args.source))
    samples = build_dataset(files, args.jobs, args.seed, _transforms(args.transforms),
                            _configs(args.configs), progress=not args.quiet,
                            kinds=detector.region_kinds)
    probs = classify_regions(detector, [s.region for s in samples])
    pred = decide(probs, float(detector.card["decision"]["threshold"]))
    metrics = per_class_metrics([s.label for s in samples], pred)
    print(f"{len(samples)} regions from {len(files)} files")
    print(f"{'class':10} {'precision':>9} {'recall':>7} {'regions':>8}")
    for cls, m in metrics["per_class"].items():
        print(f"{cls:10} {m['precision']:9.3f} {m['recall']:7.3f} {m['support']:8d}")
    print("confusion (rows: true, columns: predicted) " + " ".join(CLASSES))
    for cls, row in zip(CLASSES, metrics["confusion"]["matrix"], strict=True):
        print(f"{cls:10} " + " ".join(f"{v:6d}" for v in row))
    if args.json:
        Path(args.json).write_text(json.dumps(metrics, indent=1) + "\n")
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=int, default=2, help="compile threads (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="variant generator seed")
    parser.add_argument("--transforms", help="source transforms, comma-separated, of orig, "
                        "rename, reorder, rename+reorder, handler (the entry's body pasted "
                        "into a synthetic packet handler), rename+handler (default "
                        "orig,rename+reorder,rename+handler)")
    parser.add_argument("--configs", help="compiler configurations, comma-separated "
                                          "(default: all of clara.accel.variants.CONFIGS)")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")


def register(sub: argparse._SubParsersAction,
             groups: dict[str, argparse._SubParsersAction]) -> None:
    del sub
    p = groups["train"].add_parser(
        "accel", help="train the accelerator-opportunity detector on a tagged corpus",
        description=sys.modules[__name__].__doc__)
    p.add_argument("--corpus", metavar="DIR",
                   help="folder of `// clara-corpus:`-tagged sources (default: the shipped "
                        "corpus)")
    p.add_argument("-o", "--output", default="models_onnx", metavar="DIR",
                   help="where accel.onnx, accel.json, accel-patterns.json go")
    p.add_argument("--families", help="model families to compare (svm,forest,logreg)")
    p.add_argument("--heldout", metavar="JSON",
                   help="benchmark result whose 'heldout' metrics go into the card")
    p.add_argument("--threshold", type=float, metavar="P",
                   help="abstention threshold to ship (default: the inner CV's choice; 0: "
                        "always the arg-max class)")
    p.add_argument("--inlined-helpers", action="store_true",
                   help="also make every helper clara-prepare inlined a region of its own "
                        "(recorded in the card's region_kinds; measured, not shipped: more "
                        "hashes found in NF code, and more false positives, "
                        "docs/accelerators.md)")
    _common(p)
    p.set_defaults(func=run_train)
    e = groups["eval"].add_parser(
        "accel", help="evaluate the accelerator detector on tagged sources",
        description="Per-class precision/recall of a shipped accelerator model on every "
                    "region of every variant of the tagged sources in DIR.")
    e.add_argument("--from", dest="source", required=True, metavar="DIR",
                   help="folder of tagged sources")
    e.add_argument("--model-dir", metavar="DIR", help="model directory (default models_onnx)")
    e.add_argument("--json", metavar="FILE", help="also write the metrics as JSON")
    _common(e)
    e.set_defaults(func=run_eval)
