"""``clara analyze X.click``: a Click configuration analyzed as one NF.

Owns the pipeline flow of ``clara analyze``: parse and flatten the configuration, resolve
every class (``classes``), check ports, analyze each element source once (cached,
``element_cache``) with the same per-module insights as ``clara analyze`` of a source, and
add the pipeline section: the element graph, each element's per-packet cost (static: its
packet-path functions' IR instructions, and with a compute model their predicted NIC
instructions; with a workload: measured per packet it received, and weighted by the share of
the pipeline's packets that reached it), every source-to-sink path's total, the hottest
element and block, and, with a target and a workload, the whole configuration as one NF for
the scale-out model (and for colocation when several configurations are given).

With a workload, the per-module documents are normalized per packet that entered the
pipeline, so per-module numbers (per-packet records, hottest blocks, state placement over
all elements' state at once, NIC cost) add up over the pipeline; the per-instance documents
(per packet received) are in each element's ``profile``.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clara.analyze import (
    AnalyzedModule,
    NFProgram,
    add_advice,
    add_model_insights,
    add_profile_insights,
    analyze_module,
    nf_code_cost,
    nf_programs,
)
from clara.errors import ClaraError
from clara.insights.ir_summary import SourceInput, build_insights, insight, location
from clara.insights.program_features import ProgramFeatures
from clara.ir.features import read_features
from clara.pipeline.classes import (
    ELEMENT,
    PASS,
    SOURCE,
    ElementClass,
    SearchPath,
    index_classes,
    port_counts,
    resolve_classes,
    search_paths,
)
from clara.pipeline.config_lang import check_ports, flatten, load_config
from clara.pipeline.element_cache import cache_root, cached_build, dependency_files, entry_key
from clara.pipeline.graph import (
    Node,
    PipelineGraph,
    PipelinePath,
    build_graph,
    enumerate_paths,
    path_total,
)
from clara.pipeline.host_run import PipelineRun, run_pipeline
from clara.toolchain.compile import CompileOptions, compile_command, language_of

if TYPE_CHECKING:
    from clara.targets.profile import TargetProfile

IR, NIC = "ir_instructions", "nic_instructions"


@dataclass(frozen=True)
class ClassModule:
    """An element source analyzed once, and whether the analysis came from the cache."""

    module: AnalyzedModule
    cached: bool


@dataclass(frozen=True)
class Pipeline:
    """A loaded configuration: flattened, classes resolved, ports checked."""

    path: Path
    graph: PipelineGraph

    @property
    def sources(self) -> list[Path]:
        """Element sources in declaration order (each once)."""
        found = [n.cls.source for n in self.graph.nodes.values() if n.cls.source is not None]
        return list(dict.fromkeys(found))


# --- loading and analyzing classes -----------------------------------------------------------


def load_pipeline(path: Path, index: Mapping[str, ElementClass],
                  paths: Sequence[SearchPath]) -> Pipeline:
    """Parse, flatten, resolve every class (all missing ones in one error), check ports."""
    if not path.is_file():
        raise ClaraError(f"{path}: no such file")
    config = flatten(load_config(path))
    classes = resolve_classes(config, index, paths)
    check_ports(config, port_counts(classes.values()))
    return Pipeline(path, build_graph(config, classes))


def analyze_class(source: Path, options: CompileOptions, root: Path | None,
                  scratch: Path) -> ClassModule:
    """``analyze_module`` on one element source, through the element cache."""
    stem = "element"

    def build(directory: Path) -> list[Path]:
        depfile = directory / "deps.d"
        analyze_module(source, replace(options, extra_flags=(
            *options.extra_flags, "-MD", "-MF", str(depfile))), directory, stem)
        (directory / f"{stem}.bc").unlink()
        return dependency_files(depfile)

    built = cached_build(entry_key("analyze", source, options), build, root,
                         scratch / f"analyze-{source.stem}")
    directory = built.directory
    # The command as a user would run it: without the dependency-file flags.
    command = compile_command(source, directory / f"{stem}.bc", options)
    module = AnalyzedModule(source, read_features(directory / f"{stem}.features.jsonl"),
                            directory / f"{stem}.prepared.bc", command)
    return ClassModule(module, built.cached)


# --- element costs --------------------------------------------------------------------------


def _packet_path(functions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in functions if f["is_packet_entry"]] or list(functions)


def static_costs(functions: Sequence[dict[str, Any]]) -> dict[str, float]:
    """IR instructions of the packet-path functions (each block once), and with predictions
    their predicted NIC instructions (compute + memory; framework API calls not included)."""
    path = _packet_path(functions)
    costs = {IR: float(sum(sum(f["counts"].values()) for f in path))}
    if path and all(f.get("predicted") for f in path):
        costs[NIC] = sum(f["predicted"]["compute"] + f["predicted"]["memory"] for f in path)
    return costs


def _functions_of(document: dict[str, Any], source: Path | None) -> list[dict[str, Any]]:
    return [f for f in document["functions"] if source is not None and f["source"] == str(source)]


def measured_costs(profile: dict[str, Any], module: AnalyzedModule, predicted: Mapping[Any, Any],
                   target: TargetProfile | None) -> dict[str, float]:
    """Per packet the element received: IR instructions (all blocks run in the packet
    phase) and, with a compute model, NIC instructions (own code + framework API)."""
    costs = {IR: float(profile["per_packet"]["ir_instructions"])}
    if predicted and target is not None:
        costs[NIC] = nf_code_cost(module, profile, predicted, target).instructions
    return costs


def _scaled(costs: Mapping[str, float], share: float) -> dict[str, float]:
    return {k: v * share for k, v in costs.items()}


def element_entries(pipeline: Pipeline, document: dict[str, Any],
                    modules: Mapping[Path, AnalyzedModule], predictions: Mapping[Path, Any],
                    run: PipelineRun | None,
                    target: TargetProfile | None) -> list[dict[str, Any]]:
    """One entry per element: declaration, class, ports, static and measured costs."""
    entries = []
    for node in pipeline.graph.nodes.values():
        decl, cls = node.decl, node.cls
        entry: dict[str, Any] = {
            "name": decl.name, "class": cls.name, "config": decl.config, "role": cls.role,
            "anonymous": decl.anonymous,
            "location": location(decl.location.file, decl.location.line, decl.location.column),
            "source": str(cls.source) if cls.source else None, "origin": cls.origin,
            "inputs": node.inputs, "outputs": node.outputs, "processing": cls.processing,
            "static": (static_costs(_functions_of(document, cls.source))
                       if cls.source else {IR: 0.0}),
        }
        if run is not None:
            counts = run.nodes[decl.name]
            share = counts.received / run.packets if run.packets else 0.0
            profile = run.instance_profiles.get(decl.name)
            per_received = (measured_costs(profile, modules[cls.source],
                                           predictions[cls.source], target)
                            if profile is not None and cls.source is not None else {IR: 0.0})
            entry["measured"] = {
                "received": counts.received, "share": share, "inputs": list(counts.inputs),
                "outputs": list(counts.outputs), "unconnected": list(counts.unconnected),
                "per_received": per_received, "weighted": _scaled(per_received, share)}
            if profile is not None:
                entry["profile"] = profile
        entries.append(entry)
    return entries


def cost_unit(entries: Sequence[dict[str, Any]]) -> str:
    """NIC instructions when every element with code has a prediction, else IR."""
    coded = [e for e in entries if e["source"]]
    return NIC if coded and all(NIC in e["static"] for e in coded) else IR


def element_cost(entry: dict[str, Any], unit: str, measured: bool) -> float:
    if measured:
        return float(entry["measured"]["weighted"].get(unit, 0.0))
    return float(entry["static"].get(unit, 0.0))


# --- paths and the hottest element / block ---------------------------------------------------


def _packets_along(path: PipelinePath, run: PipelineRun) -> int:
    """At most this many packets took the whole path: the smallest packet count over its
    edges (and its open output, if it ends on one). Exact where no paths merge before its
    end; where they merge (a Queue fed by two branches), a bound, not a count."""
    counts = []
    for hop, after in zip(path.hops, path.hops[1:], strict=False):
        counts.append(sum(e.packets for e in run.edges if e.source == hop.element
                          and e.source_port == hop.port and e.target == after.element))
    last = path.hops[-1]
    if last.port is not None:
        counts.append(run.nodes[last.element].unconnected[last.port])
    return min(counts, default=0)


def path_entries(pipeline: Pipeline, entries: Sequence[dict[str, Any]],
                 run: PipelineRun | None) -> tuple[list[dict[str, Any]], bool]:
    """Every source-to-sink path with its static totals and, measured: the cost per packet
    along it (each element's cost per packet received), the weighted total (each element's
    cost per pipeline packet) and at most how many packets took all of it."""
    by_name = {e["name"]: e for e in entries}
    paths, truncated = enumerate_paths(pipeline.graph)
    result = []
    for path in paths:
        coded = [by_name[n] for n in path.elements if by_name[n]["source"]]
        units = [u for u in (IR, NIC) if all(u in e["static"] for e in coded)]
        item: dict[str, Any] = {
            "elements": list(path.elements), "label": path.label(pipeline.graph),
            "static": {u: path_total(path, {e["name"]: e["static"][u] for e in coded})
                       for u in units}}
        if run is not None:
            for key, name in (("along", "per_received"), ("weighted", "weighted")):
                item[key] = {u: path_total(path, {e["name"]: e["measured"][name].get(u, 0.0)
                                                  for e in coded}) for u in units}
            item["packets_along"] = _packets_along(path, run)
        result.append(item)
    return result, truncated


def hottest_element(entries: Sequence[dict[str, Any]], unit: str,
                    measured: bool) -> dict[str, Any] | None:
    coded = [e for e in entries if e["source"]]
    if not coded:
        return None
    total = sum(element_cost(e, unit, measured) for e in coded)
    best = max(coded, key=lambda e: element_cost(e, unit, measured))
    cost = element_cost(best, unit, measured)
    return {"name": best["name"], "class": best["class"], "unit": unit, "cost": cost,
            "share": cost / total if total else 0.0, "measured": measured,
            "location": best["location"]}


def _block_work(block: dict[str, Any], unit: str, measured: bool) -> float:
    predicted = block["predictions"]
    size = (predicted["compute"] + predicted["memory"] if unit == NIC and "compute" in predicted
            else float(block["n_instructions"]))
    return size * block.get("per_packet", 0.0) if measured else size


def hottest_block(document: dict[str, Any], sources: Sequence[Path], unit: str,
                  measured: bool) -> dict[str, Any] | None:
    """The block with the most work per pipeline packet (static: the largest block) over the
    packet-path functions of every element class."""
    best: tuple[float, dict[str, Any], dict[str, Any]] | None = None
    total = 0.0
    functions = [f for s in sources for f in _packet_path(_functions_of(document, s))]
    for function in functions:
        for block in function["blocks"]:
            work = _block_work(block, unit, measured)
            total += work
            if best is None or work > best[0]:
                best = (work, function, block)
    if best is None:
        return None
    work, function, block = best
    return {"function": function["function"], "demangled": function["demangled"],
            "block": block["block"], "source": function["source"], "location": block["location"],
            "unit": unit, "work": work, "per_packet": block.get("per_packet"),
            "share": work / total if total else 0.0, "measured": measured}


# --- records --------------------------------------------------------------------------------


UNIT_LABEL = {IR: "IR instructions", NIC: "NIC instructions"}


def _phrase(totals: Mapping[str, float]) -> str:
    return ", ".join(f"{v:,.1f} {UNIT_LABEL[u]}" for u, v in totals.items())


def _element_record(entry: dict[str, Any], unit: str) -> dict[str, Any]:
    static = entry["static"]
    message = (f"element {entry['name']} ({entry['class']}): "
               f"{static[IR]:.0f} IR instructions on its packet path")
    if NIC in static:
        message += f", ~{static[NIC]:.0f} predicted NIC instructions (own code)"
    measured = entry.get("measured")
    if measured:
        per = measured["per_received"].get(unit, 0.0)
        message += (f"; received {measured['received']} packets ({measured['share']:.0%} of the "
                    f"pipeline's), {per:.1f} {UNIT_LABEL[unit]} per packet received, "
                    f"{per * measured['share']:.1f} per pipeline packet")
    return insight("pipeline-element", entry["location"], message,
                   data={k: v for k, v in entry.items() if k != "profile"})


def pipeline_records(section: dict[str, Any]) -> list[dict[str, Any]]:
    """Records for every renderer: per element at its declaration, per path, the hottest."""
    unit, measured = section["unit"], section["measured"]
    records = [_element_record(e, unit) for e in section["elements"] if e["source"]]
    by_name = {e["name"]: e for e in section["elements"]}
    for number, path in enumerate(section["paths"], start=1):
        if measured:
            phrase = (f"{_phrase(path['along'])} per packet along it, "
                      f"{_phrase(path['weighted'])} per pipeline packet (weighted), "
                      f"at most {path['packets_along']} packets took all of it")
        else:
            phrase = f"{_phrase(path['static'])} (static, each block once)"
        records.append(insight(
            "pipeline-path", by_name[path["elements"][0]]["location"],
            f"path {number}: {path['label']}: {phrase}", data=path))
    hot = section["hottest_element"]
    if hot:
        records.append(insight(
            "hot-element", hot["location"],
            f"hottest element: {hot['name']} ({hot['class']}), {hot['cost']:.1f} "
            f"{UNIT_LABEL[hot['unit']]} ({hot['share']:.0%} of the pipeline's"
            f"{' per-packet' if hot['measured'] else ' static'} cost)", data=hot))
    block = section["hottest_block"]
    if block:
        what = (f"runs {block['per_packet']:.2f}x per pipeline packet, {block['work']:.1f} "
                f"{UNIT_LABEL[block['unit']]} per pipeline packet" if block["measured"]
                else f"{block['work']:.0f} {UNIT_LABEL[block['unit']]} (largest block, static)")
        records.append(insight(
            "hot-block-pipeline", block["location"],
            f"hottest block of the pipeline: {block['block']} in {block['demangled']}: {what} "
            f"({block['share']:.0%} of the pipeline's)", function=block["function"],
            block=block["block"], data=block))
    return records


# --- the whole configuration as one NF ------------------------------------------------------


def combine_programs(name: str, programs: Sequence[ProgramFeatures],
                     stages: int) -> ProgramFeatures:
    """One NF from per-element features that are all per pipeline packet: sums."""
    def summed(maps: Sequence[Mapping[str, float]]) -> dict[str, float]:
        out: dict[str, float] = {}
        for m in maps:
            for k, v in m.items():
                out[k] = out.get(k, 0.0) + v
        return out

    return ProgramFeatures(
        name=name,
        compute_instructions=sum(p.compute_instructions for p in programs),
        mem_accesses=summed([p.mem_accesses for p in programs]),
        atomic_updates=sum(p.atomic_updates for p in programs),
        locked_updates=sum(p.locked_updates for p in programs),
        accelerator_calls=summed([p.accelerator_calls for p in programs]),
        table_probes=sum(p.table_probes for p in programs),
        tables=sum(p.tables for p in programs),
        stages=stages,
    )


# --- one configuration ----------------------------------------------------------------------


@dataclass(frozen=True)
class PipelineResult:
    document: dict[str, Any]
    modules: list[AnalyzedModule]
    program: NFProgram | None


def _can_enter(node: Node) -> bool:
    """The trace can start here: a boundary source, or an element with an input port."""
    return node.cls.role == SOURCE or (node.cls.role in (ELEMENT, PASS) and node.inputs > 0)


def _entry_element(pipeline: Pipeline, requested: str | None) -> str:
    graph = pipeline.graph
    sources = [s for s in graph.sources() if _can_enter(graph.nodes[s])]
    if requested is not None:
        node = graph.nodes.get(requested)
        if node is None or not _can_enter(node):
            raise ClaraError(f"{pipeline.path}: --entry {requested}: no source or element with "
                             f"an input of that name; sources: {', '.join(sources) or 'none'}")
        return requested
    if not sources:
        raise ClaraError(f"{pipeline.path}: no source element to push the trace into (add "
                         "FromDevice(...) -> ... or give --entry ELEMENT)")
    return sources[0]


def _tag(items: Sequence[dict[str, Any]], name: str) -> None:
    for item in items:
        item["pipeline"] = name


def analyze_pipeline(pipeline: Pipeline, args: argparse.Namespace, target: TargetProfile | None,
                     options: CompileOptions, workdir: Path) -> PipelineResult:
    """The insights document of one configuration (tagged with its path)."""
    root = None if args.no_cache else cache_root()
    scratch = workdir / pipeline.path.stem
    classes = [analyze_class(s, options, root, scratch) for s in pipeline.sources]
    modules = [c.module for c in classes]
    document = build_insights(
        [m.features for m in modules],
        [SourceInput(str(m.source), language_of(m.source), m.compile_command) for m in modules],
        target.name if target else None)
    by_source = {m.source: m for m in modules}
    measured = bool(args.trace or args.workload)
    run = None
    if measured:
        entry = _entry_element(pipeline, args.entry)
        run = run_pipeline(pipeline.graph, by_source, entry, options, trace=args.trace,
                           workload=args.workload, cache=root, work=scratch / "run")
    profiles = [run.module_profiles[m.source] for m in modules] if run else []
    predictions = add_model_insights(document, modules, target, profiles, options, scratch)
    program = None
    if run is not None:
        placement = add_profile_insights(document, modules, profiles, target, predictions)
        if target is not None:
            parts = nf_programs(document, modules, profiles, placement)
            stages = sum(1 for n in pipeline.graph.nodes.values() if n.cls.source)
            program = NFProgram(
                combine_programs(pipeline.path.stem, [p.program for p in parts], stages),
                tuple(dict.fromkeys(c for p in parts for c in p.caveats)), str(pipeline.path))
    elements = element_entries(pipeline, document, by_source,
                               dict(zip(by_source, predictions, strict=True)), run, target)
    unit = cost_unit(elements)
    paths, truncated = path_entries(pipeline, elements, run)
    section: dict[str, Any] = {
        "config": str(pipeline.path), "unit": unit, "measured": measured,
        "elements": elements,
        "connections": [
            {"from": c.source, "from_port": c.source_port, "to": c.target,
             "to_port": c.target_port,
             "location": location(c.location.file, c.location.line, c.location.column)}
            for c in pipeline.graph.edges],
        "paths": paths, "paths_truncated": truncated,
        "hottest_element": hottest_element(elements, unit, measured),
        "hottest_block": hottest_block(document, pipeline.sources, unit, measured),
        "classes": [{"source": str(c.module.source), "cached": c.cached} for c in classes],
        "memory": document.pop("memory", {}),
    }
    if run is not None:
        section["run"] = {
            "entry": run.entry, "packets": run.packets, "workload": run.workload,
            "trace": run.trace, "runtime": run.runtime, "loop_dropped": run.loop_dropped,
            "total": {u: sum(element_cost(e, u, True) for e in elements) for u in (IR, NIC)
                      if u == IR or unit == NIC}}
        for connection, edge in zip(section["connections"], run.edges, strict=True):
            connection["packets"] = edge.packets
    document["records"] += pipeline_records(section)
    for key in ("functions", "state", "records"):
        _tag(document[key], str(pipeline.path))
    document["pipelines"] = [section]
    return PipelineResult(document, modules, program)


def analyze_configs(configs: Sequence[Path], args: argparse.Namespace,
                    target: TargetProfile | None, options: CompileOptions,
                    workdir: Path) -> tuple[dict[str, Any], list[AnalyzedModule]]:
    """The insights document of one or more configurations, and the analyzed modules."""
    paths = search_paths(elements=[Path(d) for d in args.elements],
                         include=options.include_dirs, click_root=options.click_root)
    index = index_classes(paths)
    pipelines = [load_pipeline(c, index, paths) for c in configs]  # every error before work
    results = [analyze_pipeline(p, args, target, options, workdir) for p in pipelines]
    document = results[0].document
    for result in results[1:]:
        for key in ("inputs", "functions", "state", "records", "pipelines"):
            document[key] += result.document[key]
    programs = [r.program for r in results if r.program is not None]
    if target is not None and programs:
        add_advice(document, programs, target, str(configs[0]))
    modules = list({m.source: m for r in results for m in r.modules}.values())
    return document, modules
