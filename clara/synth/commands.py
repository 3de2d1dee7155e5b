"""The ``clara synth`` command: write N synthesized elements and their manifest to a directory.

Owns the command line and the manifest format (``clara.synth-manifest/1``); generation itself
is ``clara.synth.generator`` and the corpus statistics ``clara.synth.ast_stats``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from clara.errors import ClaraError

MANIFEST_SCHEMA = "clara.synth-manifest/1"
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "examples" / "nfs"


def register(
    sub: argparse._SubParsersAction, groups: dict[str, argparse._SubParsersAction]
) -> None:
    """Add ``clara synth``."""
    del groups
    parser = sub.add_parser(
        "synth",
        help="synthesize random Click elements for training, guided by a corpus",
        description="Write COUNT random, compilable Click elements (one .cc each) and a "
        "manifest.json. Generation is guided by libclang AST statistics of a corpus of NFs "
        "(default: examples/nfs), or uniform with --unguided.",
    )
    parser.add_argument("--count", type=int, required=True, help="number of programs")
    parser.add_argument("--seed", type=int, default=0, help="first seed (program i: SEED+i)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="output directory")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="corpus directory or file that guides generation")
    parser.add_argument("--unguided", action="store_true",
                        help="uniform choices (the baseline), no corpus statistics")
    parser.add_argument("--stats-out", type=Path, help="also write the corpus statistics (JSON)")
    parser.add_argument("--force", action="store_true", help="write into a non-empty directory")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from clara import __version__
    from clara.synth.ast_stats import measure_corpus
    from clara.synth.generator import GENERATOR_VERSION, generate_program

    if args.count < 1:
        raise ClaraError(f"--count must be at least 1 (got {args.count})")
    out: Path = args.output
    if out.exists() and not out.is_dir():
        raise ClaraError(f"{out}: exists and is not a directory")
    if out.is_dir() and any(out.iterdir()) and not args.force:
        raise ClaraError(f"{out}: directory is not empty; choose another or pass --force")
    guided = not args.unguided
    stats = measure_corpus([args.corpus]) if guided or args.stats_out else None
    if args.stats_out and stats is not None:
        args.stats_out.write_text(stats.to_json())
    out.mkdir(parents=True, exist_ok=True)
    programs = []
    for seed in tqdm(range(args.seed, args.seed + args.count), desc="synth", unit="program"):
        program = generate_program(seed, stats if guided else None, guided=guided)
        (out / f"{program.name}.cc").write_text(program.source)
        programs.append({"name": program.name, "file": f"{program.name}.cc",
                         "class_name": program.class_name, "seed": seed})
    manifest = {
        "schema": MANIFEST_SCHEMA,
        "generator_version": GENERATOR_VERSION,
        "clara_version": __version__,
        "guided": guided,
        "corpus": [str(p) for p in stats.files] if stats is not None and guided else [],
        "first_seed": args.seed,
        "count": args.count,
        "programs": programs,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    print(f"wrote {args.count} programs and manifest.json to {out}")
    return 0
