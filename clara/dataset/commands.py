"""``clara dataset build`` and ``clara dataset info``: ground-truth datasets from the CLI.

``build_dataset`` is the library entry point (the CLI and benchmarks/dataset_build.py call
it): it lists the programs (seeds to synthesize, or existing sources with ``--from``),
skips those a previous run finished, runs :func:`clara.dataset.builder.run_task` on the
rest with the chosen executor, and writes each result to the dataset directory as it
arrives (:class:`clara.dataset.store.DatasetWriter`).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from clara import __version__
from clara.dataset.builder import (
    API_CALLS,
    DEFAULT_API_CALLS,
    LABEL_RULES,
    ProgramFailure,
    ProgramResult,
    ProgramTask,
    run_task,
)
from clara.dataset.executors import (
    EXECUTORS,
    default_jobs,
    import_ray,
    progress_bar,
    run_tasks,
)
from clara.dataset.store import DatasetWriter, read_manifest
from clara.errors import ClaraError
from clara.files import file_sha256
from clara.ir.catalog import CATALOG_PATH
from clara.targets.commands import add_target_arguments
from clara.targets.compiler import compiler_version
from clara.targets.profile import (
    REFERENCE_COMPILER,
    TargetProfile,
    load_reference_compiler,
    resolve_target,
)
from clara.toolchain.analysis_command import ANALYSIS_FLAGS
from clara.toolchain.compile import C_SUFFIXES, CXX_SUFFIXES, CompileOptions
from clara.toolchain.llvm import REPO_DIR, find_llvm, find_plugin

DEFAULT_CORPUS = REPO_DIR / "examples" / "nfs"
SYSTEMATIC_FAILURES = 50  # this many failures and no success: the build stops


@dataclass(frozen=True)
class ProgramSpec:
    """Which programs a build covers: ``count`` seeds from ``seed``, or existing sources."""

    count: int = 0
    seed: int = 0
    sources: tuple[Path, ...] = ()
    root: Path | None = None  # program ids of existing sources are relative to it
    guided: bool = True
    corpus: tuple[Path, ...] = (DEFAULT_CORPUS,)
    api_calls: str = DEFAULT_API_CALLS  # how the target build treats framework API calls


def first_line_of(argv: Sequence[str]) -> str:
    proc = subprocess.run(list(argv), capture_output=True, text=True, check=False)
    lines = (proc.stdout or proc.stderr).strip().splitlines()
    return lines[0] if lines else ""


def headline(text: str) -> str:
    """The first line of ``text`` (empty if none)."""
    return text.splitlines()[0] if text.strip() else ""


def sources_in(paths: Sequence[Path]) -> tuple[Path, tuple[Path, ...]]:
    """The C/C++ sources under ``paths`` (directories searched recursively), and the
    directory their program ids are relative to."""
    suffixes = C_SUFFIXES + CXX_SUFFIXES
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in suffixes and p.is_file())
        elif path.is_file() and path.suffix in suffixes:
            found.append(path)
        else:
            raise ClaraError(f"--from {path}: no such directory or C/C++ source")
    if not found:
        raise ClaraError(f"--from {', '.join(map(str, paths))}: no C or C++ sources there")
    resolved = tuple(p.resolve() for p in found)
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0].resolve(), resolved
    return Path(os.path.commonpath([p.parent for p in resolved])), resolved


def identity(profile: TargetProfile, options: CompileOptions, spec: ProgramSpec,
             corpus_json: str) -> dict[str, Any]:
    """What the dataset's labels depend on; a resumed build must match it exactly."""
    llvm = find_llvm()
    compiler = profile.compiler
    reference = load_reference_compiler()
    if spec.sources:
        source: dict[str, Any] = {"kind": "from", "root": str(spec.root)}
    else:
        generator = Path(__file__).resolve().parent.parent / "synth" / "generator.py"
        source = {"kind": "synth", "guided": spec.guided,
                  "generator_sha256": file_sha256(generator) if generator.is_file() else None,
                  "corpus_stats_sha256": hashlib.sha256(corpus_json.encode()).hexdigest()}
    return {
        "target": profile.name,
        "target_file_sha256": file_sha256(profile.path),
        "isa": compiler.isa,
        "proxy": compiler.proxy,
        "compiler_c": list(compiler.c),
        "compiler_cxx": list(compiler.cxx),
        "compiler_llvm_c": list(compiler.llvm_c),
        "compiler_llvm_cxx": list(compiler.llvm_cxx),
        "reference_compiler_cxx": list(reference.cxx),
        "reference_compiler_file_sha256": file_sha256(REFERENCE_COMPILER),
        "reference_compiler_version": compiler_version(replace(profile, compiler=reference),
                                                       "cxx"),
        "compiler_version_c": compiler_version(profile, "c"),
        "compiler_version_cxx": compiler_version(profile, "cxx"),
        "clang_version": first_line_of([str(llvm.clang), "--version"]),
        "analysis_flags": list(ANALYSIS_FLAGS),
        "plugin_sha256": file_sha256(find_plugin()),
        "catalog_sha256": file_sha256(CATALOG_PATH),
        "include_dirs": [str(d) for d in options.include_dirs],
        "source": source,
        "api_calls": spec.api_calls,
        "label_rules": LABEL_RULES,
    }


def corpus_stats(spec: ProgramSpec) -> tuple[Any, str]:
    """The AST statistics guiding synthesis (None and '' for existing sources)."""
    if spec.sources:
        return None, ""
    from clara.synth.ast_stats import measure_corpus

    importlib.import_module("clara.synth.generator")  # forked workers share this version
    stats = measure_corpus(list(spec.corpus))
    return stats, stats.to_json()


def tasks_for(spec: ProgramSpec, profile: TargetProfile, options: CompileOptions,
              corpus: Any) -> list[ProgramTask]:
    """One task per program, in a stable order."""
    if spec.sources:
        root = spec.root or Path("/")
        return [ProgramTask(path.relative_to(root).as_posix(), None, path, profile, options,
                            api_calls=spec.api_calls)
                for path in spec.sources]
    return [ProgramTask(f"seed-{seed}", seed, None, profile, options, corpus, spec.guided,
                        spec.api_calls)
            for seed in range(spec.seed, spec.seed + spec.count)]


def build_dataset(profile: TargetProfile, options: CompileOptions, spec: ProgramSpec,
                  out: Path, jobs: int, executor: str = "local", address: str | None = None,
                  shard_size: int = 500, progress: bool = True) -> dict[str, Any]:
    """Build (or resume) the dataset in ``out``; returns the final manifest, whose
    ``last_run`` says how many programs this run built, failed and skipped."""
    corpus, corpus_json = corpus_stats(spec)
    writer = DatasetWriter(out, identity(profile, options, spec, corpus_json), shard_size)
    tasks = tasks_for(spec, profile, options, corpus)
    todo = [t for t in tasks if not writer.is_finished(t.program_id)]
    run = {"requested": len(tasks), "skipped": len(tasks) - len(todo), "built": 0,
           "failed": 0, "jobs": jobs, "executor": executor, "seconds": 0.0,
           "clara_version": __version__}
    writer.write_manifest("building", run)
    start = time.perf_counter()
    state = "interrupted"
    with progress_bar(len(todo), f"dataset {profile.name}", progress) as bar:

        def on_result(result: ProgramResult | ProgramFailure) -> None:
            if isinstance(result, ProgramFailure):
                writer.fail(result.entry())
                run["failed"] += 1
                bar.write(f"clara: {result.program_id} (seed {result.seed}) failed at "
                          f"{result.stage}: {headline(result.error)}")
                if run["built"] == 0 and run["failed"] == SYSTEMATIC_FAILURES < len(todo):
                    raise ClaraError(
                        f"the first {SYSTEMATIC_FAILURES} programs all failed (last: "
                        f"{result.stage}: {headline(result.error)}); stopping, as "
                        f"something is broken for every program: see {out}/failures.jsonl")
            else:
                writer.add(result.program_id, result.seed, result.records, result.stats)
                run["built"] += 1
            bar.set_postfix(failed=run["failed"], refresh=False)
            bar.update(1)

        try:
            run_tasks(todo, run_task, on_result, jobs, executor, address)
            state = "complete"
        finally:
            run["seconds"] = round(time.perf_counter() - start, 3)
            manifest = writer.write_manifest(state, run)
            writer.close()
    return manifest


# --------------------------------------------------------------------------- CLI


def spec_from_args(args: argparse.Namespace) -> ProgramSpec:
    if args.from_paths:
        root, sources = sources_in([Path(p) for p in args.from_paths])
        return ProgramSpec(sources=sources, root=root, api_calls=args.api_calls)
    if args.programs is None or args.programs < 1:
        raise ClaraError("give --programs N (N >= 1) to synthesize, or --from DIR")
    corpus = tuple(Path(p) for p in args.corpus) if args.corpus else (DEFAULT_CORPUS,)
    return ProgramSpec(count=args.programs, seed=args.seed, guided=not args.unguided,
                       corpus=corpus, api_calls=args.api_calls)


def summary_text(manifest: dict[str, Any]) -> str:
    counts, run = manifest["counts"], manifest.get("last_run", {})
    api_calls = manifest["identity"].get("api_calls", "out-of-line")
    lines = [
        f"dataset {manifest['identity']['target']}, API calls {api_calls} ({manifest['state']}): "
        f"{counts['programs_ok']} programs, {counts['programs_failed']} failed, "
        f"{counts['blocks']} blocks",
        f"  target instructions {counts['target_instructions']}, unattributed "
        f"{counts['unattributed']} ({100 * counts['unattributed_rate']:.2f}%: "
        f"asm reader {counts['unattributed_asm']}, no IR block {counts['unattributed_no_block']})"
        f", foreign {counts['foreign']}",
    ]
    if run:
        lines.append(f"  last run: built {run['built']}, failed {run['failed']}, skipped "
                     f"{run['skipped']} (already done) in {run['seconds']:.1f} s "
                     f"with {run['jobs']} jobs ({run['executor']})")
    return "\n".join(lines) + "\n"


def run_build(args: argparse.Namespace) -> int:
    profile = resolve_target(args.target, args.target_file, args.compiler)
    options = CompileOptions(include_dirs=tuple(Path(d).resolve() for d in args.include))
    if args.executor == "ray":
        import_ray()  # fail before any work when Ray is missing
    manifest = build_dataset(profile, options, spec_from_args(args), Path(args.output),
                             args.jobs or default_jobs(), args.executor, args.ray_address,
                             args.shard_size, progress=not args.no_progress)
    sys.stdout.write(summary_text(manifest))
    return 0


def run_info(args: argparse.Namespace) -> int:
    manifest = read_manifest(Path(args.dataset))
    text = json.dumps(manifest, indent=2) + "\n" if args.json else summary_text(manifest)
    sys.stdout.write(text)
    return 0


def register(sub: argparse._SubParsersAction,
             groups: dict[str, argparse._SubParsersAction]) -> None:
    dataset = groups["dataset"]
    build = dataset.add_parser(
        "build", help="build a per-block ground-truth dataset with a target's compiler",
        description="Label every IR block of each program (synthesized, or existing sources "
                    "with --from) with the target compiler's compute and memory instruction "
                    "counts. Resumes: programs already in OUT are skipped.")
    add_target_arguments(build)
    programs = build.add_mutually_exclusive_group(required=True)
    programs.add_argument("--programs", type=int, metavar="N",
                          help="synthesize N programs (seeds SEED .. SEED+N-1)")
    programs.add_argument("--from", dest="from_paths", action="append", metavar="PATH",
                          help="label existing C/C++ sources (a directory is searched "
                               "recursively); repeatable")
    build.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    build.add_argument("--unguided", action="store_true",
                       help="synthesize without the corpus statistics")
    build.add_argument("--corpus", action="append", metavar="PATH",
                       help="NF sources whose AST statistics guide synthesis "
                            "(default: examples/nfs)")
    build.add_argument("-o", "--output", required=True, metavar="OUT",
                       help="dataset directory (created, or resumed if it exists)")
    build.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                       help="parallel programs (default: the CPUs available)")
    build.add_argument("--executor", choices=EXECUTORS, default="local",
                       help="local process pool (default) or a Ray cluster (extra [ray])")
    build.add_argument("--ray-address", metavar="ADDR",
                       help="Ray cluster to join (default $RAY_ADDRESS, else a local instance)")
    build.add_argument("--shard-size", type=int, default=500, metavar="N",
                       help="programs per data shard (default 500)")
    build.add_argument("--no-progress", action="store_true", help="no progress bar")
    build.add_argument("-I", dest="include", action="append", default=[], metavar="DIR",
                       help="add DIR to the include path of both compilers")
    build.add_argument("--api-calls", choices=API_CALLS, default=DEFAULT_API_CALLS,
                       help="inline (default): compile the framework headers as a real build "
                            "does and leave the instructions run for API calls out of the "
                            "labels (the API cost tables price them); out-of-line: keep "
                            "every framework API function a call")
    build.set_defaults(func=run_build)
    info = dataset.add_parser("info", help="summarize a dataset directory",
                              description="Print a dataset's manifest: target, tools, counts.")
    info.add_argument("dataset", metavar="OUT")
    info.add_argument("--json", action="store_true", help="print manifest.json as is")
    info.set_defaults(func=run_info)
