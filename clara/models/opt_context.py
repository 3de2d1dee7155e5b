"""The optimized-IR context of dataset blocks (the plugin's ``opt`` object), for training.

Dataset records (``clara dataset build``) carry the plugin's ``opt`` object (what LLVM -O2,
run on a clone of the module, keeps of the block's source lines;
clara_passes/lib/ClaraFeatures.cpp) since the builder copies it into each record; those are
used as they are. Datasets built before that (no ``opt`` field, or ``null`` from a plugin of
schema 1) get it here, for the compute model's training and evaluation: this module re-runs
the builder's analysis step (:func:`clara.analyze.analyze_module`: clang-19 +
``clara-prepare,clara-features``) on every program of a dataset, a synthesized program
regenerated from its seed with the generator and corpus statistics the manifest pins, an
existing source read under the manifest's root, and joins the blocks by (program, function,
block), checking that the block's tokens are the record's. The -O0 analysis does not depend
on the target, so one cache per program source (``opt-context/<key>.jsonl`` beside the
dataset directory, e.g. ``build/datasets/opt-context/``; one line per program, resumable)
serves every target's dataset of the same programs.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from clara.errors import ClaraError

CACHE_NAME = "opt-context"  # a directory beside the dataset directories
OPT_FIELDS = ("instructions", "memory", "calls")
BlockKey = tuple[str, str, str]  # (program, function, block)


@dataclass(frozen=True)
class ProgramJob:
    """One program to analyze: an existing source (``path``) or a seed to synthesize."""

    program: str
    seed: int | None
    path: Path | None
    include_dirs: tuple[Path, ...]
    corpus: Any = None  # clara.synth.ast_stats.CorpusStats for synthesized programs
    guided: bool = True


@dataclass(frozen=True)
class ProgramContext:
    """What the analysis found for one program: per (function, block), the digest of the
    block's tokens and its ``opt`` object; or the error that stopped the analysis."""

    program: str
    blocks: dict[str, tuple[str, dict[str, float]]]
    error: str = ""


def tokens_digest(tokens: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(tokens).encode()).hexdigest()[:16]


def block_id(function: str, block: str) -> str:
    return f"{function}\t{block}"


def analyze_job(job: ProgramJob) -> ProgramContext:
    """Analyze one program as the dataset builder does; failures are returned, not raised."""
    from clara.analyze import analyze_module
    from clara.toolchain.compile import CompileOptions

    try:
        with tempfile.TemporaryDirectory(prefix="clara-opt-") as tmp, \
                contextlib.redirect_stderr(io.StringIO()):  # clang's warnings
            work = Path(tmp)
            path = job.path
            if path is None:
                from clara.synth.generator import generate_program

                path = work / f"synth_{job.seed}.cc"
                path.write_text(generate_program(int(job.seed or 0), job.corpus,
                                                 job.guided).source)
            analyzed = analyze_module(path, CompileOptions(include_dirs=job.include_dirs),
                                      work, "ir")
    except ClaraError as err:
        return ProgramContext(job.program, {}, str(err))
    blocks = {}
    for b in analyzed.features.blocks:
        if b.opt is None:
            return ProgramContext(job.program, {}, "the plugin wrote no `opt` object "
                                  "(schema 1): rebuild it (pip install -e .)")
        blocks[block_id(b.function, b.name)] = (tokens_digest(b.tokens), asdict(b.opt))
    return ProgramContext(job.program, blocks)


def source_identity(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """What a dataset's -O0 analysis depends on (not the target)."""
    identity = manifest["identity"]
    return {"source": identity["source"], "include_dirs": identity.get("include_dirs", []),
            "analysis_flags": identity.get("analysis_flags", []),
            "clang_version": identity.get("clang_version", "")}


def cache_path(manifest: Mapping[str, Any], plugin_sha256: str, cache_dir: Path) -> Path:
    key = json.dumps({**source_identity(manifest), "plugin": plugin_sha256}, sort_keys=True)
    return cache_dir / f"{hashlib.sha256(key.encode()).hexdigest()[:16]}.jsonl"


def synth_corpus(root: Path, source: Mapping[str, Any]) -> Any:
    """The corpus statistics that guided the dataset's synthesis, checked against the
    manifest, with the generator's sha256 (regenerated programs must be the same)."""
    from clara.dataset.commands import DEFAULT_CORPUS
    from clara.files import file_sha256
    from clara.synth import generator
    from clara.synth.ast_stats import measure_corpus

    generator_sha = file_sha256(Path(generator.__file__))
    if generator_sha != source.get("generator_sha256"):
        raise ClaraError(
            f"{root}: built with synthesizer {source.get('generator_sha256')}, but "
            f"clara/synth/generator.py is now {generator_sha}: its programs cannot be "
            f"regenerated for the optimized-IR context; rebuild the dataset")
    stats = measure_corpus([DEFAULT_CORPUS])
    stats_sha = hashlib.sha256(stats.to_json().encode()).hexdigest()
    if stats_sha != source.get("corpus_stats_sha256"):
        raise ClaraError(
            f"{root}: synthesized with corpus statistics {source.get('corpus_stats_sha256')}"
            f", but {DEFAULT_CORPUS} now gives {stats_sha}: rebuild the dataset")
    return stats


def program_jobs(root: Path, manifest: Mapping[str, Any], programs: Iterable[str],
                 seeds: Mapping[str, int | None]) -> list[ProgramJob]:
    """The analysis job of each program of the dataset."""
    identity = manifest["identity"]
    source = identity["source"]
    includes = tuple(Path(d) for d in identity.get("include_dirs", []))
    if source["kind"] == "synth":
        corpus = synth_corpus(root, source)
        return [ProgramJob(p, seeds[p], None, includes, corpus, bool(source.get("guided", True)))
                for p in programs]
    base = Path(source["root"])
    return [ProgramJob(p, None, base / p, includes) for p in programs]


def read_cache(path: Path) -> dict[str, ProgramContext]:
    found: dict[str, ProgramContext] = {}
    if path.is_file():
        for line in path.read_text().splitlines():
            rec = json.loads(line)
            blocks = {k: (str(v[0]), dict(v[1])) for k, v in rec["blocks"].items()}
            found[rec["program"]] = ProgramContext(rec["program"], blocks, rec.get("error", ""))
    return found


def program_contexts(root: Path, records: Sequence[Mapping[str, Any]], jobs: int = 2,
                     cache_dir: Path | None = None,
                     log: Callable[[str], None] | None = None) -> dict[str, ProgramContext]:
    """The analysis of every program of ``records`` (a dataset's), from the cache (default
    beside the dataset) or run."""
    from clara.dataset.executors import run_local
    from clara.dataset.store import read_manifest
    from clara.files import file_sha256
    from clara.toolchain.llvm import find_plugin

    manifest = read_manifest(root)
    path = cache_path(manifest, file_sha256(find_plugin()),
                      cache_dir or root.resolve().parent / CACHE_NAME)
    found = read_cache(path)
    seeds = {str(r["program"]): r.get("seed") for r in records}
    todo = sorted(p for p in seeds if p not in found)
    if todo:
        if log:
            log(f"optimized-IR context: analyzing {len(todo)} programs of {root} -> {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a") as out:
            def keep(context: ProgramContext) -> None:
                found[context.program] = context
                out.write(json.dumps({"program": context.program, "error": context.error,
                                      "blocks": context.blocks}) + "\n")
                out.flush()

            run_local(program_jobs(root, manifest, todo, seeds), analyze_job, keep, jobs)
    return found


def has_opt(record: Mapping[str, Any]) -> bool:
    """Whether the record carries its ``opt`` object (a dataset built by a builder that
    copies it, with a plugin of schema 2)."""
    return record.get("opt") is not None


def attach_opt(records: Sequence[dict[str, Any]], contexts: Mapping[str, ProgramContext],
               origin: str) -> None:
    """Add each record's ``opt`` object (in place). A block the analysis did not find with
    the same tokens is an error naming the dataset: its programs changed since it was built."""
    missing: list[str] = []
    for record in records:
        if has_opt(record):
            continue
        context = contexts.get(str(record["program"]))
        entry = context.blocks.get(block_id(record["function"], record["block"])) \
            if context else None
        if entry is None or entry[0] != tokens_digest(record["tokens"]):
            missing.append(f"{record['program']}:{record['function']}:{record['block']}"
                           + (f" ({context.error})" if context and context.error else ""))
            continue
        record["opt"] = {k: float(entry[1][k]) for k in OPT_FIELDS}
    if missing:
        raise ClaraError(
            f"{origin}: {len(missing)} of {len(records)} blocks have no optimized-IR context "
            f"with the same tokens (first: {missing[0]}); the programs or the plugin's "
            "tokens changed since the dataset was built: rebuild it")


def with_opt_context(root: Path, records: list[dict[str, Any]], jobs: int = 2,
                     cache_dir: Path | None = None) -> list[dict[str, Any]]:
    """``records`` of the dataset at ``root``, each with its ``opt`` object."""
    if all(has_opt(r) for r in records):
        return records
    contexts = program_contexts(root, records, jobs, cache_dir,
                                log=lambda text: print(text, file=sys.stderr))
    attach_opt(records, contexts, str(root))
    return records
