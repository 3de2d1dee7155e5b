"""Building and running the host pcap driver for one Click element.

``build_driver`` compiles an element's ``.cc`` together with the reverse-ported host runtime
(``clara/runtime/host``) and the driver (``clara/runtime/driver/clara_driver.cc``) with
``clang++-19 -O1 -g``; ``run_driver`` runs the binary over a pcap trace and parses its JSON
summary into a :class:`DriverResult`. The runtime's objects are compiled once per set of extra
flags and cached next to the binaries (``out_dir/runtime-<hash>/``).

Profiling (``clara profile``, docs/profiling.md) links an element object built elsewhere (the
``clara-instrument`` output: ``build_driver(..., element_object=...)``) and
``host/profile_dump.cc`` (``profile_dump_object``), which is not one of the runtime objects every
driver links since it overrides the runtime's weak ``clara_rt_api_event``. Plain-C XDP-style NFs
run under ``driver/xdp_driver.c`` (``build_xdp_driver``).

A whole Click configuration runs under ``driver/pipeline_driver.cc``
(``build_pipeline_driver``): a generated registry (``pipeline_registry``) includes every
element class's header and maps Click class names to factories and to the ``clara-instrument``
descriptor of each class's module, which ``rename_symbol`` renames per module so that several
instrumented modules link into one binary.

The element class is chosen at compile time (``-DCLARA_ELEMENT_CLASS=Name``, plus
``-DCLARA_ELEMENT_HEADER="x.hh"`` when the source has a header next to it; otherwise the
source itself is included into the driver's translation unit): the compatibility headers'
``EXPORT_ELEMENT`` is empty, so there is no registry to find a class by name at run time.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clara.errors import ClaraError
from clara.toolchain.llvm import find_llvm

RUNTIME_DIR = Path(__file__).resolve().parent
HOST_DIR = RUNTIME_DIR / "host"
DRIVER_SOURCE = RUNTIME_DIR / "driver" / "clara_driver.cc"
XDP_DRIVER_SOURCE = RUNTIME_DIR / "driver" / "xdp_driver.c"
PIPELINE_DRIVER_SOURCE = RUNTIME_DIR / "driver" / "pipeline_driver.cc"
PROFILE_SYMBOL = "__clara_profile"
PROFILE_DUMP = HOST_DIR / "profile_dump.cc"
INCLUDE_DIR = RUNTIME_DIR.parent / "include"
TEMPLATES = HOST_DIR / "click_templates.hh"
BASE_FLAGS = ("-std=c++17", "-O1", "-g", "-fno-omit-frame-pointer")
HEADER_SUFFIXES = (".hh", ".h", ".hpp", ".hxx")
COMPILE_TIMEOUT_S = 600
EXIT_CONFIGURE = 2
EXIT_CRASH = 3


@dataclass(frozen=True)
class DriverResult:
    """The driver's JSON summary of one run."""

    element: str
    config: str
    trace: str
    port: int
    ninputs: int
    noutputs: int
    packets_in: int
    given_to_element: int
    outputs: tuple[int, ...]
    dropped: int
    non_ip: int
    non_ip_bypassed: int
    not_made: int
    packets_held: int
    handlers: dict[str, str] = field(default_factory=dict)
    runtime: dict[str, int] = field(default_factory=dict)
    messages: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict)


def _common_flags(extra_flags: Sequence[str]) -> list[str]:
    return [*BASE_FLAGS, f"-I{INCLUDE_DIR}", "-include", str(TEMPLATES), *extra_flags]


def _run_compiler(argv: list[str]) -> None:
    try:
        proc = subprocess.run(
            argv, capture_output=True, text=True, check=False, timeout=COMPILE_TIMEOUT_S
        )
    except subprocess.TimeoutExpired as err:
        raise ClaraError(f"compiling took over {COMPILE_TIMEOUT_S} s: {' '.join(argv)}") from err
    if proc.returncode != 0:
        raise ClaraError(
            f"compile failed (exit {proc.returncode}): {' '.join(argv)}\n{proc.stderr.strip()}"
        )


def runtime_objects(out_dir: Path, extra_flags: Sequence[str] = ()) -> list[Path]:
    """The host runtime compiled with these flags (cached by content and flags)."""
    clangxx = str(find_llvm().clangxx)
    sources = sorted(s for s in HOST_DIR.glob("*.cc") if s != PROFILE_DUMP)
    digest = hashlib.sha256()
    digest.update(clangxx.encode())
    for flag in _common_flags(extra_flags):
        digest.update(flag.encode() + b"\0")
    for path in [*sources, *sorted(HOST_DIR.glob("*.h*")), *sorted(INCLUDE_DIR.rglob("*.h*"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    cache = out_dir / f"runtime-{digest.hexdigest()[:16]}"
    objects = [cache / f"{s.stem}.o" for s in sources]
    if all(o.is_file() for o in objects):
        return objects
    cache.mkdir(parents=True, exist_ok=True)
    argvs = [
        [clangxx, *_common_flags(extra_flags), "-c", str(s), "-o", str(o)]
        for s, o in zip(sources, objects, strict=True)
    ]
    with ThreadPoolExecutor(max_workers=len(argvs)) as pool:
        list(pool.map(_run_compiler, argvs))
    return objects


def profile_dump_object(out_dir: Path) -> Path:
    """``host/profile_dump.cc`` compiled (cached by content) for profiling builds."""
    clangxx = str(find_llvm().clangxx)
    argv_flags = [*BASE_FLAGS, "-Wall", f"-I{HOST_DIR}"]
    digest = hashlib.sha256("\0".join([clangxx, *argv_flags]).encode())
    for path in (PROFILE_DUMP, HOST_DIR / "clara_rt.h"):
        digest.update(path.read_bytes())
    obj = out_dir / f"profile_dump-{digest.hexdigest()[:16]}.o"
    if not obj.is_file():
        out_dir.mkdir(parents=True, exist_ok=True)
        _run_compiler([clangxx, *argv_flags, "-c", str(PROFILE_DUMP), "-o", str(obj)])
    return obj


def build_xdp_driver(
    nf_object: str | Path, entry: str, out_dir: str | Path, extra_objects: Sequence[Path] = ()
) -> Path:
    """Link a plain-C XDP-style NF (an object or bitcode defining ``int entry(ctx *)``) with
    ``driver/xdp_driver.c`` into ``out_dir/xdp_driver-<entry>``; returns the binary's path."""
    if not entry.isidentifier():
        raise ClaraError(f"{entry!r} is not a C function name")
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    llvm = find_llvm()
    driver_obj = out / f"xdp_driver-{entry}.o"
    binary = out / f"xdp_driver-{entry}"
    _run_compiler([str(llvm.clang), "-std=gnu11", "-O1", "-g", "-Wall",
                   f"-DCLARA_XDP_ENTRY={entry}", "-c", str(XDP_DRIVER_SOURCE),
                   "-o", str(driver_obj)])
    _run_compiler([str(llvm.clangxx), "-O1", "-g", str(driver_obj), str(nf_object),
                   *[str(o) for o in extra_objects], "-o", str(binary)])
    binary.with_suffix(".json").write_text(
        json.dumps({"class_name": entry, "source": str(nf_object), "extra_flags": []}) + "\n"
    )
    return binary


def element_header(src: Path) -> Path | None:
    """The header declaring the element, beside its source (``x.cc`` -> ``x.hh``), if any."""
    return next((src.with_suffix(s) for s in HEADER_SUFFIXES if src.with_suffix(s).is_file()),
                None)


def element_jobs(compiler: str, flags: Sequence[str], src: Path, header: Path | None,
                 driver_obj: Path, element_obj: Path) -> tuple[list[list[str]], list[Path]]:
    """The compile commands of the driver and the element, and the objects to link.

    With a header beside the source the driver includes the header and the element is its own
    object; without one the element's source is part of the driver's translation unit.
    """
    if header is None:
        return ([[compiler, *flags, f'-DCLARA_ELEMENT_HEADER="{src}"',
                  "-c", str(DRIVER_SOURCE), "-o", str(driver_obj)]], [driver_obj])
    return ([[compiler, *flags, f'-DCLARA_ELEMENT_HEADER="{header.name}"',
              "-c", str(DRIVER_SOURCE), "-o", str(driver_obj)],
             [compiler, *flags, "-c", str(src), "-o", str(element_obj)]],
            [driver_obj, element_obj])


def build_driver(
    source: str | Path,
    class_name: str,
    out_dir: str | Path,
    extra_flags: Sequence[str] = (),
    *,
    element_object: str | Path | None = None,
    extra_objects: Sequence[Path] = (),
    runtime_dir: str | Path | None = None,
) -> Path:
    """Compile ``source`` (a Click element's .cc) with the runtime and the driver into
    ``out_dir/clara_driver-<ClassName>``; returns the binary's path.

    With ``element_object`` (an object or bitcode file of ``source`` built elsewhere, e.g.
    instrumented), that is linked instead of compiling ``source``, into
    ``clara_driver-<ClassName>-profile``; the class must then be declared in a header beside
    the source. ``extra_objects`` are linked too (e.g. ``profile_dump_object``).
    ``runtime_dir`` caches the runtime objects elsewhere than ``out_dir``."""
    src = Path(source).resolve()
    if not src.is_file():
        raise ClaraError(f"{src}: no such source file")
    if not class_name.isidentifier():
        raise ClaraError(f"{class_name!r} is not a C++ class name")
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    clangxx = str(find_llvm().clangxx)
    objects = runtime_objects(Path(runtime_dir) if runtime_dir else out, extra_flags)
    header = element_header(src)
    flags = [*_common_flags(extra_flags), f"-I{src.parent}", f"-DCLARA_ELEMENT_CLASS={class_name}"]
    suffix = "" if element_object is None else "-profile"
    binary = out / f"clara_driver-{class_name}{suffix}"
    driver_obj = out / f"clara_driver-{class_name}{suffix}.o"
    element_obj = out / f"{src.stem}-{class_name}.o"
    jobs: list[list[str]] = []
    link_inputs = [driver_obj]
    if element_object is not None:
        if header is None:
            raise ClaraError(
                f"{src}: declare {class_name} in a header beside the source "
                f"({src.with_suffix('.hh').name}) to link it with the driver"
            )
        jobs.append([clangxx, *flags, f'-DCLARA_ELEMENT_HEADER="{header.name}"',
                     "-c", str(DRIVER_SOURCE), "-o", str(driver_obj)])
        link_inputs += [Path(element_object), *extra_objects]
    else:
        jobs, link_inputs = element_jobs(clangxx, flags, src, header, driver_obj, element_obj)
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        list(pool.map(_run_compiler, jobs))
    _run_compiler([clangxx, *BASE_FLAGS, *[str(p) for p in link_inputs],
                   *[str(o) for o in objects], "-o", str(binary)])
    binary.with_suffix(".json").write_text(
        json.dumps({"class_name": class_name, "source": str(src), "extra_flags": list(extra_flags)})
        + "\n"
    )
    return binary


@dataclass(frozen=True)
class PipelineClass:
    """One element class linked into a pipeline driver: its Click name, C++ class, the header
    declaring it, and the (renamed) profile descriptor of its instrumented module."""

    click_name: str
    cxx_name: str
    header: Path
    profile_symbol: str


def _objcopy() -> Path:
    """``llvm-objcopy`` of the LLVM that ``find_llvm`` found (same directory and suffix)."""
    opt = find_llvm().opt
    return opt.with_name(opt.name.replace("opt", "llvm-objcopy", 1))


def rename_symbol(obj: Path, old: str, new: str) -> None:
    """Rename a global symbol of an object file in place (``llvm-objcopy --redefine-sym``)."""
    _run_compiler([str(_objcopy()), f"--redefine-sym={old}={new}", str(obj)])


def pipeline_registry(classes: Sequence[PipelineClass]) -> str:
    """The C++ the pipeline driver includes: the classes' headers, then the class table."""
    lines = ["// Generated by clara/runtime/build.py (pipeline_registry): do not edit."]
    for header in dict.fromkeys(c.header for c in classes):
        lines.append(f"#include {json.dumps(str(header))}")
    for symbol in dict.fromkeys(c.profile_symbol for c in classes):
        lines.append(f'extern "C" const clara_profile_desc {symbol} __attribute__((weak));')
    lines.append("static const PipelineClass pipeline_classes[] = {")
    for c in classes:
        lines.append(f"    {{{json.dumps(c.click_name)}, []() -> Click::Element * "
                     f"{{ return new {c.cxx_name}(); }}, &{c.profile_symbol}}},")
    lines.append("};")
    return "\n".join(lines) + "\n"


def build_pipeline_driver(classes: Sequence[PipelineClass], objects: Sequence[Path],
                          out_dir: str | Path, runtime_dir: str | Path | None = None,
                          include_dirs: Sequence[Path] = ()) -> Path:
    """Link ``driver/pipeline_driver.cc`` with the element objects (each instrumented module
    once, descriptors renamed), the host runtime and ``include_dirs`` for the headers, into
    ``out_dir/pipeline_driver``; returns the binary's path."""
    if not classes:
        raise ClaraError("a pipeline driver needs at least one element class")
    for c in classes:
        if not c.cxx_name.isidentifier():
            raise ClaraError(f"{c.cxx_name!r} is not a C++ class name")
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    registry = out / "pipeline_registry.inc"
    registry.write_text(pipeline_registry(classes))
    clangxx = str(find_llvm().clangxx)
    runtime = runtime_objects(Path(runtime_dir) if runtime_dir else out)
    driver_obj = out / "pipeline_driver.o"
    binary = out / "pipeline_driver"
    _run_compiler([clangxx, *_common_flags(()), *[f"-I{d}" for d in include_dirs],
                   f'-DCLARA_PIPELINE_REGISTRY="{registry}"', "-c",
                   str(PIPELINE_DRIVER_SOURCE), "-o", str(driver_obj)])
    _run_compiler([clangxx, *BASE_FLAGS, str(driver_obj), *[str(o) for o in objects],
                   *[str(o) for o in runtime], "-o", str(binary)])
    return binary


NIC_SOURCE = RUNTIME_DIR / "nic" / "clara_nic.c"
EQUIVALENCE_SOURCE = RUNTIME_DIR / "nic" / "check_equivalence.cc"


def build_equivalence_check(out_dir: str | Path) -> Path:
    """The harness that runs the host containers and their C versions (clara_nic.c, built
    for the host with ``clang-19 -DCLARA_NIC_TRACE``) side by side; see
    ``nic/check_equivalence.cc``."""
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    llvm = find_llvm()
    objects = runtime_objects(out)
    nic_obj = out / "clara_nic-trace.o"
    harness_obj = out / "check_equivalence.o"
    binary = out / "check_equivalence"
    jobs = [
        [str(llvm.clang), "-std=c11", "-O1", "-g", "-DCLARA_NIC_TRACE", "-c", str(NIC_SOURCE),
         "-o", str(nic_obj)],
        [str(llvm.clangxx), *_common_flags(()), f"-I{NIC_SOURCE.parent}", "-c",
         str(EQUIVALENCE_SOURCE), "-o", str(harness_obj)],
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(_run_compiler, jobs))
    _run_compiler([str(llvm.clangxx), *BASE_FLAGS, str(harness_obj), str(nic_obj),
                   *[str(o) for o in objects], "-o", str(binary)])
    return binary


def _class_of(binary: Path) -> str:
    meta = binary.with_suffix(".json")
    if meta.is_file():
        return str(json.loads(meta.read_text())["class_name"])
    prefix = "clara_driver-"
    if binary.name.startswith(prefix):
        return binary.name[len(prefix):]
    raise ClaraError(f"{binary}: cannot tell which element it was built for (no {meta.name})")


def _int_map(value: Any) -> dict[str, int]:
    return {str(k): int(v) for k, v in (value or {}).items()}


def run_driver(
    binary: str | Path,
    trace: str | Path,
    config: str,
    port: int = 0,
    *,
    require_ip: bool = False,
    outputs: int | None = None,
    reads: Sequence[str] = (),
    extra_args: Sequence[str] = (),
    timeout: float = 600.0,
) -> DriverResult:
    """Run the driver over ``trace`` with the element's configuration string, pushing into
    input ``port``. A crash of the element is a ClaraError naming the packet index."""
    exe = Path(binary).resolve()
    if not exe.is_file():
        raise ClaraError(f"{exe}: no such driver binary (build it with build_driver)")
    class_name = _class_of(exe)
    argv = [str(exe), "--element", class_name, "--config", config, "--trace", str(trace),
            "--port", str(port), "--quiet"]
    if require_ip:
        argv.append("--require-ip")
    if outputs is not None:
        argv += ["--outputs", str(outputs)]
    for name in reads:
        argv += ["--read", name]
    argv += list(extra_args)
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=timeout)
    except subprocess.TimeoutExpired as err:
        raise ClaraError(f"{class_name} on {trace}: the driver ran over {timeout:.0f} s") from err
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip().startswith("{")]
    if not lines:
        raise ClaraError(
            f"{class_name} on {trace}: the driver printed no summary (exit {proc.returncode})\n"
            + proc.stderr.strip()
        )
    data = json.loads(lines[-1])
    crash = data.get("crash")
    if proc.returncode == EXIT_CRASH or crash:
        crash = crash or {}
        raise ClaraError(
            f"{class_name} crashed ({crash.get('signal', 'signal')}) on packet index "
            f"{crash.get('packet_index', '?')} of {trace} (phase {crash.get('phase', '?')}); "
            f"config {config!r}"
        )
    if proc.returncode != 0 or "error" in data:
        messages = "; ".join(data.get("messages", []))
        raise ClaraError(
            f"{class_name} on {trace}: {data.get('error', 'driver failed')} "
            f"(exit {proc.returncode}) with config {config!r}"
            + (f": {messages}" if messages else "")
        )
    return DriverResult(
        element=str(data["element"]),
        config=str(data["config"]),
        trace=str(data["trace"]),
        port=int(data["port"]),
        ninputs=int(data["ninputs"]),
        noutputs=int(data["noutputs"]),
        packets_in=int(data["packets_in"]),
        given_to_element=int(data["given_to_element"]),
        outputs=tuple(int(c) for c in data["outputs"]),
        dropped=int(data["dropped"]),
        non_ip=int(data["non_ip"]),
        non_ip_bypassed=int(data["non_ip_bypassed"]),
        not_made=int(data["not_made"]),
        packets_held=int(data["packets_held"]),
        handlers={str(k): str(v) for k, v in data.get("handlers", {}).items()},
        runtime=_int_map(data.get("runtime")),
        messages=tuple(str(m) for m in data.get("messages", [])),
        raw=data,
    )
