"""Running a whole Click configuration on the host with the profiling runtime.

Owns the workload-weighted half of pipeline analysis: every element module is instrumented
with ``clara-instrument`` as ``clara profile`` does (compiled with the runtime's templates,
checked slot by slot against the analysis records, compiled ``-O1``; cached like the
analysis, see ``element_cache``), its descriptor renamed per module so the modules link
together, and linked with ``driver/pipeline_driver.cc``; the driver instantiates every element
with its configuration string, wires ports as the configuration does and pushes each trace
packet into the entry. From the driver's counters this module builds ``clara.profile/1``
documents (``clara.workload.profile.build_document``): one per element instance, per packet
that instance received, and one per module, per packet that entered the pipeline (so they add
up over the pipeline), plus the packets per port and per edge.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clara.errors import ClaraError
from clara.files import file_sha256
from clara.pipeline.classes import ELEMENT, PASS, SINK, SOURCE
from clara.pipeline.config_lang import ClickConfigError
from clara.pipeline.element_cache import cached_build, dependency_files, entry_key
from clara.pipeline.graph import PipelineGraph
from clara.runtime.build import (
    PROFILE_SYMBOL,
    TEMPLATES,
    DriverResult,
    PipelineClass,
    build_pipeline_driver,
    rename_symbol,
)
from clara.toolchain.compile import CompileOptions, compile_to_ir, run_passes
from clara.workload.profile import (
    BuiltNF,
    NFSettings,
    StagedTrace,
    build_document,
    check_layout,
    compile_object,
    runtime_cache_dir,
    stage_packets,
)
from clara.workload.spec import WorkloadSpec, iter_packets, parse_spec
from clara.workload.trace import iter_trace

if TYPE_CHECKING:
    from clara.analyze import AnalyzedModule

RUN_SCHEMA = "clara.pipeline-run/1"
RUN_TIMEOUT_S = 1200.0
KIND = {ELEMENT: "element", SOURCE: "source", SINK: "sink", PASS: "pass"}


@dataclass(frozen=True)
class InstrumentedModule:
    """An element module built with counters: its object, slot layout and descriptor."""

    source: Path
    obj: Path
    layout: dict[str, Any]
    symbol: str
    cached: bool


@dataclass(frozen=True)
class NodeCounts:
    """Packets an element received per input port and emitted per output port."""

    inputs: tuple[int, ...]
    outputs: tuple[int, ...]
    unconnected: tuple[int, ...]

    @property
    def received(self) -> int:
        return sum(self.inputs)


@dataclass(frozen=True)
class EdgeCount:
    source: str
    source_port: int
    target: str
    target_port: int
    packets: int


@dataclass(frozen=True)
class PipelineRun:
    """What the host run measured."""

    entry: str
    packets: int  # packets that entered the pipeline
    nodes: dict[str, NodeCounts]
    edges: tuple[EdgeCount, ...]
    instance_profiles: dict[str, dict[str, Any]]  # element name -> clara.profile/1
    module_profiles: dict[Path, dict[str, Any]]  # module source -> clara.profile/1
    trace: dict[str, Any]
    workload: str | None
    runtime: dict[str, int]
    loop_dropped: int


@dataclass(frozen=True)
class StagedInput:
    staged: StagedTrace
    trace: dict[str, Any]
    spec: WorkloadSpec | None
    label: str


# --- building -------------------------------------------------------------------------------


def profile_symbol(source: Path) -> str:
    """The per-module name of the ``clara-instrument`` descriptor."""
    return f"{PROFILE_SYMBOL}_{hashlib.sha256(str(source).encode()).hexdigest()[:16]}"


def instrument_module(module: AnalyzedModule, options: CompileOptions, root: Path | None,
                      scratch: Path) -> InstrumentedModule:
    """The module built with counters (cached); its slots are checked against the records."""
    source = module.source
    symbol = profile_symbol(source)

    def build(directory: Path) -> list[Path]:
        depfile = directory / "deps.d"
        bitcode, instrumented = directory / "nf.bc", directory / "nf.instrumented.bc"
        compile_to_ir(source, bitcode, replace(
            options, extra_flags=(*options.extra_flags, "-include", str(TEMPLATES), "-MD",
                                  "-MF", str(depfile))))
        layout_path = directory / "layout.json"
        run_passes(bitcode, ["clara-prepare", "clara-instrument"],
                   [f"-clara-profile-layout-output={layout_path}"], output=instrumented)
        check_layout(json.loads(layout_path.read_text()), module.features)
        compile_object(instrumented, directory / "nf.o", cxx=True)
        rename_symbol(directory / "nf.o", PROFILE_SYMBOL, symbol)
        bitcode.unlink()
        instrumented.unlink()
        return dependency_files(depfile)

    built = cached_build(entry_key("instrument", source, options, symbol), build, root,
                         scratch / f"instrument-{source.stem}")
    layout = json.loads((built.directory / "layout.json").read_text())
    return InstrumentedModule(source, built.directory / "nf.o", layout, symbol, built.cached)


def _pipeline_classes(graph: PipelineGraph,
                      instrumented: Mapping[Path, InstrumentedModule]) -> list[PipelineClass]:
    classes: dict[str, PipelineClass] = {}
    for node in graph.nodes.values():
        cls = node.cls
        if cls.role != ELEMENT or cls.name in classes or cls.source is None:
            continue
        if cls.header is None:
            raise ClaraError(
                f"{cls.source}: declare {cls.cxx_name} in a header beside the source "
                f"({cls.source.with_suffix('.hh').name}) so the pipeline driver can create it")
        classes[cls.name] = PipelineClass(cls.name, cls.cxx_name, cls.header,
                                          instrumented[cls.source].symbol)
    return list(classes.values())


# --- the spec and the run -------------------------------------------------------------------


def _hex(text: str) -> str:
    return text.encode().hex() or "-"


def pipeline_spec(graph: PipelineGraph, entry: str) -> str:
    """The ``clara-pipeline/1`` spec the driver reads (see pipeline_driver.cc)."""
    index = {name: i for i, name in enumerate(graph.nodes)}
    lines = ["clara-pipeline/1"]
    for i, node in enumerate(graph.nodes.values()):
        lines.append(f"node {i} {KIND[node.cls.role]} {_hex(node.name)} {_hex(node.cls.name)} "
                     f"{node.inputs} {node.outputs} {_hex(node.decl.config)}")
    for edge in graph.edges:
        lines.append(f"edge {index[edge.source]} {edge.source_port} {index[edge.target]} "
                     f"{edge.target_port}")
    lines.append(f"entry {index[entry]}")
    return "\n".join(lines) + "\n"


def stage_input(trace: str | None, workload: str | None, work: Path) -> StagedInput:
    """The trace or the workload's packets as a clean classic pcap (as ``clara profile``)."""
    pcap = work / "trace.pcap"
    if workload is not None:
        spec = parse_spec(workload)
        staged = stage_packets(iter_packets(spec), pcap)
        doc = {"path": None, "generated": True, "sha256": file_sha256(pcap),
               "packets": staged.packets}
        label = f"the trace of workload {spec.text()}"
    else:
        spec = None
        staged = stage_packets(iter_trace(Path(str(trace))), pcap)
        doc = {"path": str(trace), "generated": False, "sha256": file_sha256(Path(str(trace))),
               "packets": staged.packets}
        label = str(trace)
    if staged.error is not None:
        raise staged.error
    return StagedInput(staged, doc, spec, label)


def _driver_output(proc: subprocess.CompletedProcess[str], binary: Path) -> dict[str, Any]:
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip().startswith("{")]
    if not lines:
        raise ClaraError(f"{binary}: the pipeline driver printed no summary "
                         f"(exit {proc.returncode})\n{proc.stderr.strip()}")
    data: dict[str, Any] = json.loads(lines[-1])
    if data.get("schema") != RUN_SCHEMA:
        raise ClaraError(f"{binary}: unexpected driver output schema {data.get('schema')!r}")
    return data


def _check_run(data: dict[str, Any], graph: PipelineGraph, label: str) -> None:
    """A configure/initialize failure or a crash, as an error at the element's declaration."""
    crash = data.get("crash")
    if crash:
        node = graph.nodes.get(crash.get("element", ""))
        where = f" in element {node.name} ({node.cls.name})" if node else ""
        message = (f"the pipeline crashed ({crash['signal']}){where} on packet index "
                   f"{crash['packet_index']} of {label} (phase {crash['phase']})")
        if node is None:
            raise ClaraError(f"{graph.config.path}: {message}")
        raise ClickConfigError(node.decl.location, message)
    if "error" not in data:
        return
    node = graph.nodes.get(data.get("element", ""))
    messages = "; ".join(data.get("messages", [])) or "no message"
    if node is None:
        raise ClaraError(f"{graph.config.path}: the pipeline driver failed: {data['error']}: "
                         f"{messages}")
    config = f"configuration {node.decl.config!r}" if node.decl.config else "an empty configuration"
    raise ClickConfigError(
        node.decl.location,
        f"element {node.name} ({node.cls.name}) rejected {config} "
        f"({data.get('phase', 'configure')}): {messages}",
        hint=f"fix the configuration string; see {node.cls.source or node.cls.name}")


def _result(*, element: str, config: str, trace: str, counts: NodeCounts, packets_in: int,
            given: int, data: dict[str, Any]) -> DriverResult:
    emitted = sum(counts.outputs)
    port = next((i for i, n in enumerate(counts.inputs) if n), 0)
    return DriverResult(
        element=element, config=config, trace=trace, port=port, ninputs=len(counts.inputs),
        noutputs=len(counts.outputs), packets_in=packets_in, given_to_element=given,
        outputs=counts.outputs, dropped=given - emitted, non_ip=0, non_ip_bypassed=0,
        not_made=int(data["not_made"]), packets_held=int(data["packets_held"]),
        runtime={str(k): int(v) for k, v in data["runtime"].items()},
        messages=tuple(str(m) for m in data["messages"]))


def _sum_counts(parts: Sequence[NodeCounts]) -> NodeCounts:
    width = max((len(p.outputs) for p in parts), default=0)
    outputs = tuple(sum(p.outputs[k] for p in parts if k < len(p.outputs)) for k in range(width))
    return NodeCounts((sum(p.received for p in parts),), outputs, ())


def _documents(data: dict[str, Any], graph: PipelineGraph, modules: Mapping[Path, AnalyzedModule],
               instrumented: Mapping[Path, InstrumentedModule], staged: StagedInput,
               nodes: Mapping[str, NodeCounts]) -> tuple[dict[str, Any], dict[Path, Any]]:
    entered = int(data["packets_in"]) - int(data["not_made"])
    common = {"staged": staged.staged, "trace": staged.trace, "workload": staged.spec}
    instances = {}
    for raw_node in data["nodes"]:
        node = graph.nodes[raw_node["name"]]
        if raw_node["raw"] is None or node.cls.source is None:
            continue
        source = node.cls.source
        built = BuiltNF(Path(), node.cls.name, "c++", modules[source].features,
                        instrumented[source].layout)
        settings = NFSettings(element=node.cls.name, config=node.decl.config)
        counts = nodes[node.name]
        instances[node.name] = build_document(
            source=str(source), built=built, settings=settings, raw=raw_node["raw"],
            result=_result(element=node.cls.name, config=node.decl.config,
                           trace=staged.label, counts=counts, packets_in=entered,
                           given=counts.received, data=data), **common)
    per_module = {}
    for raw_module in data["modules"]:
        names = raw_module["classes"]
        members = [n for n in graph.nodes.values() if n.cls.name in names]
        source = members[0].cls.source
        assert source is not None
        built = BuiltNF(Path(), ", ".join(names), "c++", modules[source].features,
                        instrumented[source].layout)
        counts = _sum_counts([nodes[n.name] for n in members])
        per_module[source] = build_document(
            source=str(source), built=built, settings=NFSettings(element=", ".join(names)),
            raw=raw_module["raw"],
            result=_result(element=", ".join(names), config="", trace=staged.label,
                           counts=counts, packets_in=entered, given=entered, data=data),
            **common)
    return instances, per_module


def run_pipeline(graph: PipelineGraph, modules: Mapping[Path, AnalyzedModule], entry: str,
                 options: CompileOptions, *, trace: str | None, workload: str | None,
                 cache: Path | None, work: Path) -> PipelineRun:
    """Build the instrumented pipeline, run it over the trace or workload, and measure it."""
    if options.click_root is not None:
        raise ClaraError(
            "--trace/--workload with --click-root: the host run links the elements with "
            "Clara's runtime, which is built on Clara's compatibility headers; analyze without "
            "--click-root to run the pipeline on a workload")
    if not modules:
        raise ClaraError(f"{graph.config.path}: no element with code to run on the workload "
                         f"(only {', '.join(sorted({n.cls.name for n in graph.nodes.values()}))}"
                         "); analyze it without --trace/--workload")
    work.mkdir(parents=True, exist_ok=True)
    staged = stage_input(trace, workload, work)
    instrumented = {source: instrument_module(module, options, cache, work)
                    for source, module in modules.items()}
    binary = build_pipeline_driver(
        _pipeline_classes(graph, instrumented),
        [m.obj for m in instrumented.values()], work / "bin", runtime_dir=runtime_cache_dir(),
        include_dirs=options.include_dirs)
    spec = work / "pipeline.spec"
    spec.write_text(pipeline_spec(graph, entry))
    argv = [str(binary), "--spec", str(spec), "--trace", str(staged.staged.pcap), "--quiet"]
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, check=False,
                              timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired as err:
        raise ClaraError(f"{graph.config.path}: the pipeline ran over {RUN_TIMEOUT_S:.0f} s "
                         f"on {staged.label}") from err
    data = _driver_output(proc, binary)
    _check_run(data, graph, staged.label)
    nodes = {n["name"]: NodeCounts(tuple(n["inputs"]), tuple(n["outputs"]),
                                   tuple(n["unconnected"])) for n in data["nodes"]}
    edges = tuple(EdgeCount(e["from"], e["from_port"], e["to"], e["to_port"], e["packets"])
                  for e in data["edges"])
    instances, per_module = _documents(data, graph, modules, instrumented, staged, nodes)
    return PipelineRun(
        entry=entry, packets=int(data["packets_in"]) - int(data["not_made"]), nodes=nodes,
        edges=edges, instance_profiles=instances, module_profiles=per_module,
        trace=staged.trace, workload=None if staged.spec is None else staged.spec.text(),
        runtime={str(k): int(v) for k, v in data["runtime"].items()},
        loop_dropped=int(data["loop_dropped"]))
