"""The workload profile: run an instrumented NF over a trace and count what it did.

``profile_nf`` compiles the NF with the analysis flags, runs ``clara-prepare,clara-instrument``
(block and state-access counters whose slots are the feature records' blocks), compiles the
instrumented bitcode with ``clang++-19 -O1`` and links it with the host runtime, the pcap driver
(``clara/runtime/build.py``; plain-C XDP-style NFs: ``driver/xdp_driver.c``) and
``host/profile_dump.cc``. The trace (pcap/pcapng, or the packets of a workload spec) is first
copied packet by packet into a temporary classic pcap, so the driver sees exactly the packets
before a break and nothing after it; flows are counted on the way. The result is a
``clara.profile/1`` document (docs/profiling.md): block counts, state accesses, per-block access
vectors, API event histograms, per-packet averages. It is deterministic for a trace: no times,
no temporary paths.
"""

from __future__ import annotations

import ipaddress
import json
import os
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from clara.errors import ClaraError
from clara.files import file_sha256
from clara.ir.features import ModuleFeatures, read_features
from clara.runtime.build import (
    TEMPLATES,
    DriverResult,
    build_driver,
    build_xdp_driver,
    profile_dump_object,
    run_driver,
)
from clara.toolchain.compile import CompileOptions, compile_to_ir, language_of, run_passes
from clara.toolchain.llvm import find_llvm
from clara.workload.spec import WorkloadSpec, iter_packets, parse_spec
from clara.workload.trace import (
    LINKTYPE_ETHERNET,
    FlowKey,
    TraceError,
    TracePacket,
    decode,
    iter_trace,
    write_pcap,
)

SCHEMA = "clara.profile/1"
LAYOUT_SCHEMA = "clara.profile-layout/1"
RAW_SCHEMA = "clara.profile-raw/1"
CONFIGS_NAME = "configs.toml"
TOP_FLOWS = 10
SHARE_DIGITS = 6
COMPILE_TIMEOUT_S = 600
API_METRICS = ("probe_len", "occupancy", "bytes")


@dataclass(frozen=True)
class NFSettings:
    """How to run the NF: class (C++) or entry (C), configuration, input port, ports."""

    element: str | None = None
    config: str = ""
    port: int = 0
    outputs: int | None = None
    require_ip: bool = False
    from_configs: str | None = None  # the configs.toml the defaults came from


@dataclass
class StagedTrace:
    """The packets handed to the driver: a clean classic pcap of the packets before any break."""

    pcap: Path
    packets: int = 0
    link_type: int = LINKTYPE_ETHERNET
    flows: Counter[FlowKey] = field(default_factory=Counter)
    error: TraceError | None = None


@dataclass(frozen=True)
class ProfileResult:
    """The ``clara.profile/1`` document and, if the trace broke, the break."""

    document: dict[str, Any]
    error: TraceError | None = None

    @property
    def complete(self) -> bool:
        return self.error is None


# --- settings --------------------------------------------------------------------------------


def example_settings(source: Path) -> NFSettings | None:
    """The defaults from a ``configs.toml`` beside the source (the examples have one)."""
    configs = source.parent / CONFIGS_NAME
    if not configs.is_file():
        return None
    try:
        tables = tomllib.loads(configs.read_text())
    except tomllib.TOMLDecodeError as err:
        raise ClaraError(f"{configs}: not valid TOML ({err})") from err
    for table in tables.values():
        if isinstance(table, dict) and table.get("source") == source.name:
            outputs = table.get("outputs")
            return NFSettings(
                element=str(table["class"]), config=str(table.get("config", "")),
                port=int(table.get("port", 0)),
                outputs=int(outputs) if outputs is not None else None,
                require_ip=bool(table.get("require_ip", False)), from_configs=str(configs),
            )
    return None


# --- the trace -------------------------------------------------------------------------------


def stage_packets(packets: Iterator[TracePacket], out: Path) -> StagedTrace:
    """Copy packets into ``out`` (classic pcap) up to the end or the first break."""
    staged = StagedTrace(out)
    first: list[TracePacket] = []
    try:
        first = [next(packets)]
    except StopIteration:
        pass
    except TraceError as err:
        staged.error = err
    if first:
        staged.link_type = first[0].link_type

    def counted() -> Iterator[TracePacket]:
        for pkt in _chain(first, packets, staged):
            info = decode(pkt)
            if info.flow is not None:
                staged.flows[info.flow] += 1
            staged.packets += 1
            yield pkt

    write_pcap(out, counted(), link_type=staged.link_type)
    return staged


def _chain(first: list[TracePacket], rest: Iterator[TracePacket],
           staged: StagedTrace) -> Iterator[TracePacket]:
    yield from first
    if staged.error is not None:
        return
    try:
        yield from rest
    except TraceError as err:
        staged.error = err


# --- building --------------------------------------------------------------------------------


def runtime_cache_dir() -> Path:
    """Where built runtime objects are cached: $CLARA_CACHE_DIR, else
    $XDG_CACHE_HOME/clara (~/.cache/clara), then runtime/."""
    base = os.environ.get("CLARA_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "clara"
    )
    return Path(base) / "runtime"


def _packet_entries(features: ModuleFeatures) -> list[str]:
    return [f.name for f in features.functions if f.is_packet_entry]


def _class_of(features: ModuleFeatures, source: Path) -> str:
    classes = set()
    for fn in features.functions:
        if fn.is_packet_entry and "::" in fn.demangled:
            qualified = fn.demangled.split("(")[0].rsplit("::", 1)[0]
            classes.add(qualified.removeprefix("Click::"))
    if len(classes) != 1:
        found = ", ".join(sorted(classes)) or "none"
        raise ClaraError(
            f"{source}: cannot tell which element class to run (packet entry classes: {found}); "
            "profile one element per source, with simple_action/push/pull"
        )
    name = classes.pop()
    if not name.isidentifier():
        raise ClaraError(f"{source}: element class {name} is nested or templated; the driver "
                         "needs a top-level class")
    return name


def check_layout(layout: dict[str, Any], features: ModuleFeatures) -> None:
    """The instrumented module's slots are the feature records' blocks and state accesses."""
    if layout.get("schema") != LAYOUT_SCHEMA:
        raise ClaraError(f"instrumented module: layout schema {layout.get('schema')!r}, "
                         f"expected {LAYOUT_SCHEMA}")
    ours = [(b["function"], b["block"], b["index"]) for b in layout["blocks"]]
    theirs = [(b.function, b.name, b.index) for b in features.blocks]
    if ours != theirs:
        diff = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
                    min(len(ours), len(theirs)))
        raise ClaraError(
            "the instrumented IR's blocks differ from the feature records (slot "
            f"{diff}: {ours[diff] if diff < len(ours) else None} vs "
            f"{theirs[diff] if diff < len(theirs) else None}); block counts would not match "
            "`clara analyze`"
        )
    sites: Counter[tuple[str, int, str, str, bool]] = Counter()
    for a in layout["access"]:
        sites[(a["function"], a["index"], a["object"], a["field"], a["is_store"])] += a["sites"]
    expected: Counter[tuple[str, int, str, str, bool]] = Counter()
    for b in features.blocks:
        for s in b.state_accesses:
            expected[(b.function, b.index, s.object, s.field, s.is_store)] += 1
    if sites != expected:
        raise ClaraError("the instrumented IR's state accesses differ from the feature records")


def compile_object(bitcode: Path, obj: Path, cxx: bool) -> None:
    llvm = find_llvm()
    argv = [str(llvm.clangxx if cxx else llvm.clang), "-O1", "-g", "-c", str(bitcode),
            "-o", str(obj)]
    proc = subprocess.run(argv, capture_output=True, text=True, check=False,
                          timeout=COMPILE_TIMEOUT_S)
    if proc.returncode != 0:
        raise ClaraError(f"compiling the instrumented NF failed: {' '.join(argv)}\n"
                         f"{proc.stderr.strip()}")


@dataclass(frozen=True)
class BuiltNF:
    binary: Path
    element: str
    language: str
    features: ModuleFeatures
    layout: dict[str, Any]


def build_profiled_nf(source: Path, include_dirs: Sequence[Path], element: str | None,
                      work: Path) -> BuiltNF:
    """Features from the analysis IR, the instrumented driver, and the slot layout."""
    language = language_of(source)
    options = CompileOptions(include_dirs=tuple(include_dirs))
    plain = work / "nf.bc"
    compile_to_ir(source, plain, options)
    features_path = work / "nf.features.jsonl"
    run_passes(plain, ["clara-prepare", "clara-features"],
               [f"-clara-features-output={features_path}"])
    features = read_features(features_path)
    if language == "c++":
        # The runtime's template definitions, so the instrumented object links; the own
        # functions' IR is unchanged (check_layout verifies it against the records above).
        to_instrument = work / "nf.templates.bc"
        compile_to_ir(source, to_instrument,
                      CompileOptions(include_dirs=tuple(include_dirs),
                                     extra_flags=("-include", str(TEMPLATES))))
    else:
        to_instrument = plain
    layout_path = work / "nf.layout.json"
    instrumented = work / "nf.instrumented.bc"
    run_passes(to_instrument, ["clara-prepare", "clara-instrument"],
               [f"-clara-profile-layout-output={layout_path}"], output=instrumented)
    layout = json.loads(layout_path.read_text())
    check_layout(layout, features)
    obj = work / "nf.instrumented.o"
    compile_object(instrumented, obj, language == "c++")
    dump = profile_dump_object(runtime_cache_dir())
    if language == "c++":
        name = element or _class_of(features, source)
        binary = build_driver(source, name, work / "bin", element_object=obj,
                              extra_objects=[dump], runtime_dir=runtime_cache_dir())
    else:
        entries = _packet_entries(features)
        name = element or (entries[0] if len(entries) == 1 else "")
        if not name:
            raise ClaraError(
                f"{source}: cannot tell the entry function (packet entries: "
                f"{', '.join(entries) or 'none'}); give it with --element"
            )
        binary = build_xdp_driver(obj, name, work / "bin", extra_objects=[dump])
    return BuiltNF(binary, name, language, features, layout)


# --- the document ----------------------------------------------------------------------------


def _address(raw: bytes) -> str:
    return str(ipaddress.ip_address(raw))


def _flows(flows: Counter[FlowKey]) -> dict[str, Any]:
    top = sorted(flows.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_FLOWS]
    return {
        "seen": len(flows),
        "top": [{"src": _address(k[0]), "dst": _address(k[1]), "proto": k[2], "sport": k[3],
                 "dport": k[4], "packets": n} for k, n in top],
    }


def _per(value: float, packets: int) -> float:
    return round(value / packets, SHARE_DIGITS) if packets else 0.0


def _histogram(hist: Mapping[int, int]) -> dict[str, Any]:
    items = sorted((int(k), int(v)) for k, v in hist.items())
    calls = sum(v for _, v in items)
    mean = sum(k * v for k, v in items) / calls if calls else 0.0
    return {"mean": round(mean, SHARE_DIGITS), "histogram": {str(k): v for k, v in items}}


def _detail(records: Counter[tuple[str, int, int, int, int]]) -> list[dict[str, Any]]:
    return [{"path": path, "probe_len": probe, "occupancy": occupancy, "key_bytes": key,
             "value_bytes": value, "calls": n}
            for (path, probe, occupancy, key, value), n in sorted(records.items())]


def _api_stats(calls: int, packets: int, hists: dict[str, Counter[int]]) -> dict[str, Any]:
    return {"calls": calls, "per_packet": _per(calls, packets),
            **{m: _histogram(hists[m]) for m in API_METRICS}}


def _api_events(raw: dict[str, Any], packets: int) -> dict[str, Any]:
    """Per catalog name: the calls and histograms of all its operations, and per operation
    (``ops``: find, insert, clear, pseudohdr...) the same and, for the hash tables, the
    joint records of path, probe length, key compares and key and value sizes
    (``detail``). A raw document without ``op``/``detail`` (another driver) gives one
    operation named after the API and no detail."""
    merged: dict[str, dict[str, Any]] = {}
    for rec in raw.get("api_events", {}).values():
        name = rec["name"] or "unknown"
        entry = merged.setdefault(name, {"calls": 0, "ops": {},
                                         **{m: Counter() for m in API_METRICS}})
        op = entry["ops"].setdefault(rec.get("op") or name, {
            "calls": 0, "detail": Counter(), **{m: Counter() for m in API_METRICS}})
        for target in (entry, op):
            target["calls"] += rec["calls"]
            for metric in API_METRICS:
                target[metric].update({int(k): int(v) for k, v in rec[metric].items()})
        for path, probe, occupancy, key, value, n in rec.get("detail", ()):
            op["detail"][(str(path), int(probe), int(occupancy), int(key), int(value))] += int(n)
    return {
        name: {**_api_stats(e["calls"], packets, e),
               "ops": {op: {**_api_stats(o["calls"], packets, o),
                            "detail": _detail(o["detail"])}
                       for op, o in sorted(e["ops"].items())}}
        for name, e in sorted(merged.items())
    }


def build_document(*, source: str, built: BuiltNF, settings: NFSettings, staged: StagedTrace,
                   trace: dict[str, Any], workload: WorkloadSpec | None, result: DriverResult,
                   raw: dict[str, Any]) -> dict[str, Any]:
    """The ``clara.profile/1`` document from the driver's summary and the raw counters."""
    layout = built.layout
    total, setup = raw["total"], raw["setup"]

    def phase(kind: str) -> list[int]:
        return [t - s for t, s in zip(total[kind], setup[kind], strict=True)]

    block_counts, state_counts, access_counts = phase("blocks"), phase("state"), phase("access")
    processed = result.given_to_element
    by_block = {(b.function, b.index): b for b in built.features.blocks}
    blocks = [
        {"function": b["function"], "block": b["block"], "index": b["index"], "count": c,
         "setup_count": s}
        for b, c, s in zip(layout["blocks"], block_counts, setup["blocks"], strict=True)
    ]
    scopes = {(v.object, v.field): v.scope for v in built.features.state}
    state: dict[tuple[str, str], dict[str, Any]] = {}
    for slot, count, before in zip(layout["state"], state_counts, setup["state"], strict=True):
        key = (slot["object"], slot["field"])
        rec = state.setdefault(key, {"object": key[0], "field": key[1],
                                     "scope": scopes.get(key), "loads": 0, "stores": 0,
                                     "setup_loads": 0, "setup_stores": 0})
        kind = "stores" if slot["is_store"] else "loads"
        rec[kind] += count
        rec[f"setup_{kind}"] += before
    for rec in state.values():
        rec["loads_per_packet"] = _per(rec["loads"], processed)
        rec["stores_per_packet"] = _per(rec["stores"], processed)
    vectors: dict[str, Counter[str]] = {f"{o}::{f}": Counter() for o, f in state}
    for slot, count in zip(layout["access"], access_counts, strict=True):
        vectors[f"{slot['object']}::{slot['field']}"][f"{slot['function']}/{slot['index']}"] += (
            count
        )
    access_vectors = {
        name: {k: round(v / sum(c.values()), SHARE_DIGITS) for k, v in sorted(c.items()) if v}
        for name, c in sorted(vectors.items())
    }
    instructions = sum(
        c * by_block[(b["function"], b["index"])].n_instructions
        for b, c in zip(layout["blocks"], block_counts, strict=True)
    )
    api = _api_events(raw, processed)
    names = result.raw.get("output_names")
    outputs = {str(names[k] if names else k): n for k, n in enumerate(result.outputs)}
    loads = sum(r["loads"] for r in state.values())
    stores = sum(r["stores"] for r in state.values())
    return {
        "schema": SCHEMA,
        "nf": {"source": source, "language": built.language, "element": built.element,
               "config": settings.config, "port": settings.port,
               "require_ip": settings.require_ip, "defaults_from": settings.from_configs},
        "trace": trace,
        "workload": None if workload is None else workload.text(),
        "complete": staged.error is None,
        "error": None if staged.error is None else {
            "message": str(staged.error), "packet_index": staged.error.packet_index,
            "byte_offset": staged.error.byte_offset, "reason": staged.error.reason,
        },
        "packets": {"in": result.packets_in, "processed": processed, "non_ip": result.non_ip,
                    "non_ip_bypassed": result.non_ip_bypassed, "not_made": result.not_made},
        "flows": _flows(staged.flows),
        "outputs": outputs,
        "dropped": result.dropped,
        "functions": [
            {"function": f["function"], "demangled": f["demangled"],
             "is_packet_entry": f["is_packet_entry"],
             "calls": block_counts[f["first_slot"]] if f["blocks"] else 0}
            for f in layout["functions"]
        ],
        "blocks": blocks,
        "state": [state[k] for k in sorted(state)],
        "access_vectors": access_vectors,
        "api_events": api,
        "per_packet": {
            "blocks": _per(sum(block_counts), processed),
            "ir_instructions": _per(instructions, processed),
            "state_loads": _per(loads, processed),
            "state_stores": _per(stores, processed),
            "api_calls": _per(sum(e["calls"] for e in api.values()), processed),
        },
        "runtime": dict(sorted(result.runtime.items())),
        "handlers": result.handlers,
        "messages": list(result.messages),
    }


# --- the run ---------------------------------------------------------------------------------


def profile_nf(
    source: str | Path,
    *,
    trace: str | Path | None = None,
    workload: str | None = None,
    config: str | None = None,
    port: int | None = None,
    element: str | None = None,
    require_ip: bool | None = None,
    include_dirs: Sequence[str | Path] = (),
    work_dir: str | Path | None = None,
) -> ProfileResult:
    """Profile ``source`` over ``trace`` or the packets of ``workload`` (exactly one)."""
    if (trace is None) == (workload is None):
        raise ClaraError("give a trace (--trace FILE.pcap) or a workload spec (--workload SPEC)")
    src = Path(source)
    language_of(src)
    if not src.is_file():
        raise ClaraError(f"{src}: no such file")
    defaults = example_settings(src.resolve()) or NFSettings()
    settings = NFSettings(
        element=element or defaults.element,
        config=defaults.config if config is None else config,
        port=defaults.port if port is None else port,
        outputs=defaults.outputs,
        require_ip=defaults.require_ip if require_ip is None else require_ip,
        from_configs=defaults.from_configs,
    )
    spec = parse_spec(workload) if workload is not None else None
    with tempfile.TemporaryDirectory(prefix="clara-profile-") as tmp:
        work = Path(work_dir) if work_dir else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        staged_path = work / "trace.pcap"
        if spec is not None:
            staged = stage_packets(iter_packets(spec), staged_path)
            trace_doc: dict[str, Any] = {"path": None, "generated": True,
                                         "sha256": file_sha256(staged_path),
                                         "packets": staged.packets}
        else:
            trace_path = Path(str(trace))
            staged = stage_packets(iter_trace(trace_path), staged_path)
            trace_doc = {"path": str(trace), "generated": False,
                         "sha256": file_sha256(trace_path), "packets": staged.packets}
        if staged.error is not None and staged.packets == 0:
            raise staged.error  # nothing before the break: nothing to run
        built = build_profiled_nf(src.resolve(), [Path(d) for d in include_dirs],
                                  settings.element, work)
        raw_path = work / "profile.raw.json"
        label = str(trace) if trace is not None else f"the trace of workload {spec.text()}"
        try:
            result = run_driver(built.binary, staged_path, settings.config, settings.port,
                                require_ip=settings.require_ip, outputs=settings.outputs,
                                extra_args=["--profile", str(raw_path)])
        except ClaraError as err:
            raise ClaraError(str(err).replace(str(staged_path), label)) from err
        raw = json.loads(raw_path.read_text())
    if raw.get("schema") != RAW_SCHEMA or not raw.get("instrumented"):
        raise ClaraError(f"{src}: the driver wrote no counters (not instrumented?)")
    document = build_document(source=str(source), built=built, settings=settings,
                              staged=staged, trace=trace_doc, workload=spec, result=result,
                              raw=raw)
    return ProfileResult(document, staged.error)
