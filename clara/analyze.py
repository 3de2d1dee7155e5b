"""The ``clara analyze`` driver: sources -> IR -> plugin features -> insights -> a report.

``analyze_sources`` is the library entry point (used by the CLI and by ``clara-cc``); it
returns the ``clara.insights/1`` document and keeps the prepared modules so remarks can be
emitted on exactly the IR the features describe.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clara.errors import ClaraError
from clara.insights.ir_summary import SourceInput, build_insights
from clara.ir.features import ModuleFeatures, read_features
from clara.report.remarks import render_remarks
from clara.report.sarif import render_sarif
from clara.report.text import render_text
from clara.toolchain.compile import CompileOptions, compile_to_ir, language_of, run_passes

if TYPE_CHECKING:
    from clara.targets.profile import TargetProfile

FORMATS = ("text", "json", "yaml", "remarks", "sarif")
CLICK_SUFFIX = ".click"


@dataclass(frozen=True)
class AnalyzedModule:
    """One source after the plugin ran: its features and the prepared bitcode."""

    source: Path
    features: ModuleFeatures
    prepared_bitcode: Path
    compile_command: list[str]
    bitcode: Path | None = None  # the module as compiled (not kept for cached pipeline classes)


def analyze_module(source: Path, options: CompileOptions, workdir: Path,
                   stem: str) -> AnalyzedModule:
    """Compile one source and run ``clara-prepare,clara-features`` over it.

    Intermediate files go to ``workdir`` under names starting with ``stem``.
    """
    bitcode = workdir / f"{stem}.bc"
    command = compile_to_ir(source, bitcode, options)
    features_path = workdir / f"{stem}.features.jsonl"
    prepared = workdir / f"{stem}.prepared.bc"
    run_passes(
        bitcode,
        ["clara-prepare", "clara-features"],
        [f"-clara-features-output={features_path}"],
        output=prepared,
    )
    return AnalyzedModule(source, read_features(features_path), prepared, command, bitcode)


def analyze_sources(
    sources: Sequence[Path],
    options: CompileOptions,
    workdir: Path,
    target: str | None = None,
    progress: bool = False,
) -> tuple[dict[str, Any], list[AnalyzedModule]]:
    """Analyze every source; the insights document and the analyzed modules."""
    items: Iterable[Path] = sources
    if progress:
        from tqdm import tqdm  # imported only here: it costs 60 ms of start-up

        items = tqdm(sources, desc="analyzing", unit="file", file=sys.stderr)
    modules = [
        analyze_module(source, options, workdir, f"{number}-{source.stem}")
        for number, source in enumerate(items)
    ]
    inputs = [SourceInput(str(m.source), language_of(m.source), m.compile_command)
              for m in modules]
    document = build_insights([m.features for m in modules], inputs, target)
    return document, modules


def remarks_yaml(document: dict[str, Any], bitcodes: Sequence[tuple[Path, bool]],
                 workdir: Path) -> str:
    """LLVM remarks YAML (``opt-viewer`` format) from the ``clara-remarks`` pass.

    ``bitcodes`` are (module, is_prepared) pairs; an unprepared module gets
    ``clara-prepare`` first, which names its blocks exactly as the feature records do.
    """
    insights_path = workdir / "insights.json"
    insights_path.write_text(json.dumps(document))
    chunks = []
    for number, (bitcode, is_prepared) in enumerate(bitcodes):
        yaml_path = workdir / f"{number}.remarks.yaml"
        passes = ["clara-remarks"] if is_prepared else ["clara-prepare", "clara-remarks"]
        run_passes(
            bitcode,
            passes,
            [f"-clara-insights={insights_path}", f"-pass-remarks-output={yaml_path}",
             "-pass-remarks-filter=clara"],
        )
        chunks.append(yaml_path.read_text())
    return "".join(chunks)


def render(document: dict[str, Any], fmt: str, modules: Sequence[AnalyzedModule],
           workdir: Path) -> str:
    """The report text in ``fmt`` (one of FORMATS)."""
    if fmt == "text":
        return render_text(document)
    if fmt == "json":
        return json.dumps(document, indent=2) + "\n"
    if fmt == "remarks":
        return render_remarks(document)
    if fmt == "sarif":
        return json.dumps(render_sarif(document), indent=2) + "\n"
    if fmt == "yaml":
        return remarks_yaml(document, [(m.prepared_bitcode, True) for m in modules], workdir)
    raise ClaraError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file, so no partial report is left.

    A path that exists and is not a regular file (``/dev/null``, a FIFO, a terminal) is
    written directly: renaming over it would replace the device with a file.
    """
    if path.exists() and not path.is_file():
        with path.open("w") as handle:
            handle.write(text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False,
                                     prefix=f".{path.name}.") as handle:
        handle.write(text)
    os.replace(handle.name, path)


def options_from_args(args: argparse.Namespace) -> CompileOptions:
    return CompileOptions(
        include_dirs=tuple(Path(d) for d in args.include),
        defines=tuple(args.define),
        click_root=Path(args.click_root) if args.click_root else None,
    )


def _configs(files: Sequence[Path]) -> list[Path]:
    """The ``.click`` inputs; refuses a mix of configurations and sources."""
    configs = [f for f in files if f.suffix == CLICK_SUFFIX]
    if configs and len(configs) != len(files):
        raise ClaraError(
            f"{configs[0]}: analyze Click configurations (.click) without C/C++ sources on the "
            "same command line; their element classes are found by EXPORT_ELEMENT (add source "
            "folders with --elements DIR)")
    return configs


def run_analyze(args: argparse.Namespace) -> int:
    sources = [Path(f) for f in args.files]
    configs = _configs(sources)
    if configs and (args.config is not None or args.port is not None):
        raise ClaraError("--config and --port apply to a single element source; a Click "
                         "configuration gives each element its configuration string and the "
                         "trace enters at its source (choose it with --entry ELEMENT)")
    if args.entry and not configs:
        raise ClaraError("--entry names the source element of a Click configuration (.click)")
    if args.prove_accelerators and configs:
        raise ClaraError("--prove-accelerators applies to C/C++ sources; the element classes of "
                         "a Click configuration are analyzed from the element cache, which "
                         "keeps no unprepared IR")
    for source in sources:
        if not configs:
            language_of(source)
        if not source.is_file():
            raise ClaraError(f"{source}: no such file")
    target = None
    if args.target:
        from clara.targets.profile import load_target

        target = load_target(args.target)
    options = options_from_args(args)
    with tempfile.TemporaryDirectory(prefix="clara-") as tmp:
        workdir = Path(args.save_temps) if args.save_temps else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        if configs:
            from clara.pipeline.analysis import analyze_configs

            document, modules = analyze_configs(configs, args, target, options, workdir)
        else:
            document, modules = analyze_sources(sources, options, workdir,
                                                target.name if target else None,
                                                progress=len(sources) > 1)
            profiles = (profile_modules(modules, args, workdir)
                        if args.trace or args.workload else [])
            predictions = add_model_insights(document, modules, target, profiles, options,
                                             workdir, args.prove_accelerators)
            if profiles:
                placement = add_profile_insights(document, modules, profiles, target,
                                                 predictions)
                if target is not None:
                    programs = nf_programs(document, modules, profiles, placement)
                    add_advice(document, programs, target, modules[0].features.source_file)
        text = render(document, args.format, modules, workdir)
    if args.output:
        write_atomically(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def profile_modules(modules: Sequence[AnalyzedModule], args: argparse.Namespace,
                    workdir: Path) -> list[dict[str, Any]]:
    """The ``clara.profile/1`` document of every source over the trace or workload."""
    from clara.workload.profile import profile_nf

    profiles = []
    for number, module in enumerate(modules):
        result = profile_nf(module.source, trace=args.trace, workload=args.workload,
                            config=args.config, port=args.port,
                            include_dirs=args.include, work_dir=workdir / f"profile-{number}")
        if result.error is not None:
            raise result.error
        profiles.append(result.document)
    return profiles


def _missing_model_record(source: str, message: str) -> dict[str, Any]:
    from clara.insights.ir_summary import insight, location

    return insight("model-missing", location(source, 1), message)


def add_model_insights(document: dict[str, Any], modules: Sequence[AnalyzedModule],
                       target: TargetProfile | None, profiles: Sequence[dict[str, Any]],
                       options: CompileOptions, workdir: Path, prove: bool = False
                       ) -> list[dict[Any, Any]]:
    """Compute predictions (with a target) and accelerator regions for every module; the
    compute model's LLVM backend builds go to ``workdir``.

    With ``prove``, the CRC/checksum/hash candidates the packet path calls are also run on
    test vectors in ``workdir`` (``clara.accel.semantic``); a proof overrides the model for
    its regions. Returns each module's block predictions (empty without a target or a compute
    model).
    """
    from clara.accel.detect import detect_accelerators
    from clara.accel.proofs import prove_module
    from clara.accel.regions import module_regions
    from clara.insights.compute import module_backend_counts, predict_blocks
    from clara.insights.ir_summary import reported_functions
    from clara.insights.model_records import accelerator_records, apply_compute_predictions
    from clara.insights.per_packet import block_frequencies
    from clara.models.onnx_model import MODELS_DIR

    per_module: list[dict[Any, Any]] = []
    for number, module in enumerate(modules):
        features = module.features
        reported = [f.name for f in reported_functions(features)]
        predictions = {}
        if target is not None:
            model_file = target.models.get("compute")
            if model_file and (MODELS_DIR / model_file).is_file():
                backends = module_backend_counts(module.source, features, target, options,
                                                 workdir / f"backends-{number}")
                predictions = predict_blocks(features, target, backends)
                apply_compute_predictions(document, features.source_file, predictions,
                                          target.name, set(reported))
            else:
                document["records"].append(_missing_model_record(
                    features.source_file,
                    f"no compute model is shipped for {target.name}: NIC instruction counts "
                    f"are not predicted (train one with `clara train compute --target "
                    f"{target.name}`)"))
        costs = {(b.function, b.index): (predictions[(b.function, b.name)].compute
                                         if (b.function, b.name) in predictions
                                         else float(b.n_instructions))
                 for b in features.blocks}
        regions = {r.key: r for r in module_regions(features, reported)}
        succs = {(b.function, b.index): b.succs for b in features.blocks}
        frequencies = block_frequencies(profiles[number]) if profiles else None
        proofs = (prove_module(module.bitcode, workdir / f"prove-{number}", roots=reported)
                  if prove and module.bitcode is not None else [])
        document["records"] += accelerator_records(
            detect_accelerators(features, proofs=proofs), regions, costs, frequencies, succs,
            target)
        per_module.append(predictions)
    return per_module


def add_profile_insights(document: dict[str, Any], modules: Sequence[AnalyzedModule],
                         profiles: Sequence[dict[str, Any]], target: TargetProfile | None,
                         predictions: Sequence[dict[Any, Any]]) -> Any:
    """Per-packet numbers, hottest blocks; with a target, placement and packing, and with a
    compute model the per-packet NIC cost (blocks x frequency + framework API costs).

    Returns the state placement (None without a target or without state)."""
    from clara.insights.memory import ProfiledModule, memory_insights
    from clara.insights.per_packet import apply_profile

    for module, profile in zip(modules, profiles, strict=True):
        apply_profile(document, profile, module.features.source_file)
    if target is None:
        return None
    profiled = [ProfiledModule(m.source, m.features, p)
                for m, p in zip(modules, profiles, strict=True)]
    records, rendered, placement = memory_insights(profiled, target)
    document["records"] += records
    document["memory"] = rendered
    for module, profile, predicted in zip(modules, profiles, predictions, strict=True):
        if predicted:
            document["records"] += nic_cost(module, profile, predicted, target, placement)
    return placement


@dataclass(frozen=True)
class NFProgram:
    """One NF as the scale-out and colocation models read it, and how it was obtained."""

    program: Any  # clara.insights.program_features.ProgramFeatures
    caveats: tuple[str, ...]
    source: str  # where its records go


def nf_programs(document: dict[str, Any], modules: Sequence[AnalyzedModule],
                profiles: Sequence[dict[str, Any]], placement: Any) -> list[NFProgram]:
    """Every profiled module as ``ProgramFeatures`` (from the document's numbers)."""
    from clara.insights.nf_program import nf_program

    programs = []
    for module, profile in zip(modules, profiles, strict=True):
        source = module.features.source_file
        program, caveats = nf_program(
            module.source.stem,
            [f for f in document["functions"] if f["source"] == source],
            [s for s in document["state"] if s["module"] == source], profile, placement,
            str(module.source),
            [r for r in document["records"] if r["kind"] == "accelerator"
             and r["location"]["file"] == source])
        programs.append(NFProgram(program, tuple(caveats), source))
    return programs


def add_advice(document: dict[str, Any], programs: Sequence[NFProgram], target: TargetProfile,
               anchor: str) -> None:
    """Core-count advice per NF and, for several NFs, their pairs ranked for colocation
    (pair records go to ``anchor``)."""
    from dataclasses import asdict, replace

    from clara.insights.colocation import load_colocation_model, rank_pairs
    from clara.insights.ir_summary import insight, location
    from clara.insights.scaleout import predict_scaleout

    for nf in programs:
        program = nf.program
        advice = predict_scaleout(program, target.name)
        notes = [*nf.caveats, *advice.caveats]
        document.setdefault("scaleout", []).append({**asdict(advice), "caveats": notes})
        document["records"].append(insight(
            "scaleout", location(nf.source, 1),
            f"{program.name} on {target.name}: {advice.knee_cores} cores by the knee rule, "
            f"{advice.half_latency_cores} by the half-latency rule [{advice.model}]"
            + "".join(f"; note: {n}" for n in notes),
            data={"knee_cores": advice.knee_cores,
                  "half_latency_cores": advice.half_latency_cores, "model": advice.model}))
    if len(programs) < 2:
        return
    try:
        known = set(load_colocation_model(target.name).card["levels"])
    except ClaraError as err:
        document["records"].append(_missing_model_record(
            anchor, f"NF pairs are not ranked: {err}"))
        return
    left_out = sorted({lv for nf in programs for lv in nf.program.mem_accesses
                       if lv not in known})
    kept = [replace(nf.program, mem_accesses={lv: n for lv, n in nf.program.mem_accesses.items()
                                              if lv in known}) for nf in programs]
    pairs = rank_pairs(kept, target.name)
    document["colocation"] = [
        {**asdict(p), "caveat": (f"accesses to {', '.join(left_out)} are left out: the model "
                                 f"was trained on {', '.join(sorted(known))} only")
                                if left_out else ""} for p in pairs]
    for pair in document["colocation"]:
        document["records"].append(insight(
            "colocation", location(anchor, 1),
            f"colocation rank {pair['rank']}: {pair['first']} + {pair['second']}, expect "
            f"{pair['expected_change_pct']:+.0f}% throughput vs. each alone [{pair['model']}]"
            + (f"; note: {pair['caveat']}" if pair["caveat"] else ""), data=pair))


def nf_code_cost(module: AnalyzedModule, profile: dict[str, Any], predicted: dict[Any, Any],
                 target: TargetProfile, table: dict[str, Any] | None = None) -> Any:
    """The ``NicCost`` per packet of one profiled module: predicted blocks x frequency plus
    its framework API calls priced by the target's table."""
    from clara.insights import nic_cost as cost
    from clara.insights.per_packet import block_frequencies
    from clara.runtime.api_costs import load_table

    frequencies = block_frequencies(profile, key="block")
    api = cost.api_cost_per_packet(profile["api_events"], table or load_table(target.name),
                                   cost.site_calls_per_packet(module.features.blocks,
                                                              frequencies))
    return cost.nic_cost_per_packet(frequencies, predicted, api)


def nic_cost(module: AnalyzedModule, profile: dict[str, Any], predicted: dict[Any, Any],
             target: TargetProfile, placement: Any) -> list[dict[str, Any]]:
    """The ``per-packet-nic`` records of one profiled module."""
    from clara.insights import nic_cost as cost
    from clara.runtime.api_costs import load_table

    table = load_table(target.name)
    per_packet = nf_code_cost(module, profile, predicted, target, table)
    latency = cost.latency_cycles(per_packet, target, placement)
    return cost.nic_cost_records(per_packet, latency, target=target.name, table=table,
                                 source=module.features.source_file,
                                 blocks=module.features.blocks)


def add_compile_arguments(parser: argparse.ArgumentParser) -> None:
    """The header and define options shared by commands that compile NF sources."""
    parser.add_argument("-I", dest="include", action="append", default=[], metavar="DIR",
                        help="add DIR to the include search path (as for clang)")
    parser.add_argument("-D", dest="define", action="append", default=[], metavar="NAME[=V]",
                        help="define a preprocessor macro (as for clang)")
    parser.add_argument("--click-root", metavar="DIR",
                        help="compile against a real configured Click tree's headers instead "
                             "of Clara's compatibility headers")


def register(sub: argparse._SubParsersAction,
             groups: dict[str, argparse._SubParsersAction]) -> None:
    description = (
        "Compile each NF source (Click element .cc or plain C) to LLVM IR, run Clara's "
        "plugin passes, and report per function and block: IR instructions by kind "
        "(compute, stack, state, packet, framework API, control), framework API calls, "
        "and state that persists across packets, with source locations. "
        "A Click configuration (FILE.click: elements wired together in the Click language) "
        "is analyzed as one NF: each element class is found by EXPORT_ELEMENT in "
        "examples/elements, examples/nfs, --elements DIR, -I DIR or --click-root DIR, "
        "compiled and analyzed once (cached by content), and the report shows the element "
        "graph, each element's per-packet cost, every source-to-sink path's total and the "
        "hottest element and block; with --trace/--workload the whole pipeline runs on the "
        "host and costs are weighted by how packets split (docs/pipelines.md)."
    )
    parser = sub.add_parser("analyze", help="analyze NF sources or Click configurations",
                            description=description)
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="C or C++ NF sources, or Click configurations (.click)")
    parser.add_argument("--target", help="SmartNIC target name or target file (see "
                                         "`clara targets list`)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default): per-function tables; json: insights.json; "
                             "yaml: LLVM remarks YAML (opt-viewer); remarks: clang-style "
                             "diagnostic lines; sarif: SARIF 2.1.0")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write the report to OUT instead of standard output")
    workload = parser.add_mutually_exclusive_group()
    workload.add_argument("--trace", metavar="PCAP",
                          help="profile the NF on the host over this pcap/pcapng trace and "
                               "report per-packet cost and the hottest blocks")
    workload.add_argument("--workload", metavar="SPEC",
                          help="the same over a generated workload: a spec such as "
                               "packets=100000,flows=1000,size=64..1500,dist=zipf:1.1 or a "
                               "preset (small-flows, large-flows, small-packets, "
                               "large-packets); see docs/workload.md")
    parser.add_argument("--config", metavar="ARGS",
                        help="the element's configuration string for profiling (default: "
                             "examples/nfs/configs.toml for the examples)")
    parser.add_argument("--port", type=int, metavar="N",
                        help="input port the profiled packets arrive on")
    parser.add_argument("--save-temps", metavar="DIR",
                        help="keep the IR, feature records and insights.json in DIR")
    parser.add_argument("--prove-accelerators", action="store_true",
                        help="run the code the packet path reaches on test vectors: "
                             "f(data, length[, init]) -> integer to prove a CRC or the "
                             "Internet checksum, mixing functions with integer or pointer "
                             "inputs for a hash's avalanche, and every loop (cut out of its "
                             "function with its live-ins given blind) and other integer "
                             "function for all three (executes that code of yours, natively, "
                             "in a child process with a timeout); a proof replaces the "
                             "model's guess (docs/accelerators.md)")
    pipeline = parser.add_argument_group("Click configurations (.click inputs)")
    pipeline.add_argument("--elements", action="append", default=[], metavar="DIR",
                          help="also look for element classes in DIR (its C++ sources with "
                               "EXPORT_ELEMENT, searched recursively; first match wins, "
                               "before -I, --click-root and the bundled examples); repeatable")
    pipeline.add_argument("--no-cache", action="store_true",
                          help="compile every element class afresh and leave the element "
                               "cache ($XDG_CACHE_HOME/clara/elements) untouched")
    pipeline.add_argument("--entry", metavar="ELEMENT",
                          help="the source element the trace's packets enter (default: the "
                               "first source of the configuration)")
    add_compile_arguments(parser)
    parser.set_defaults(func=run_analyze)
