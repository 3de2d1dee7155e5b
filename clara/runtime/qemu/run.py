"""Ground-truth per-packet execution counts: a Click element cross-compiled for a target and run
under QEMU user mode with a counting TCG plugin (``counter_plugin.c``, docs/qemu-validation.md).

``cross_build(source, class_name, target)`` compiles the element, the reverse-ported host
runtime (``clara/runtime/host``) and the pcap driver (``-DCLARA_QEMU_MARKERS``) with the
target's compiler and flags (bluefield2: ``aarch64-linux-gnu-g++-12 -O2 -mcpu=cortex-a72``) plus
``-g -static``, cached by content hash under ``build/qemu/``; the runtime's profiling hook
``clara_rt_api_event`` is compiled away in every file (``no_api_events.h``).
Beside the binary it writes the code ranges the plugin counts in (``.ranges``) and the marker
addresses (``.json``).

``count_execution(binary, trace, config, port)`` runs the binary over a pcap under
``qemu-<arch>`` with the plugin and returns :class:`ExecutionCounts`: per-packet instructions and
memory instructions in the NF's own code (``nf``), in the runtime's API code (``api``), in
everything else run while the element had the packet (``other``: libc, libstdc++, the driver's
dispatch) and their sum (``total``).

Attribution is per instruction, by the DWARF line of its address (the innermost inlined
location): a line in the element's directory is ``nf``, a line in ``clara/include`` or
``clara/runtime/host`` is ``api``; this is applied inside functions whose own (outermost)
location is one of those, so an API accessor inlined into the element counts as ``api``, and one
inlined into the driver counts as ``other``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from bisect import bisect_right
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from clara.errors import ClaraError
from clara.runtime.build import (
    DRIVER_SOURCE,
    HOST_DIR,
    INCLUDE_DIR,
    PROFILE_DUMP,
    RUNTIME_DIR,
    TEMPLATES,
    element_header,
    element_jobs,
)
from clara.targets.asm_reader import Frame, api_of, parse_addr2line
from clara.targets.profile import TargetProfile, load_target

QEMU_DIR = Path(__file__).resolve().parent
PLUGIN_SOURCE = QEMU_DIR / "counter_plugin.c"
NO_API_EVENTS = QEMU_DIR / "no_api_events.h"
REPO_ROOT = RUNTIME_DIR.parent.parent
BUILD_DIR = REPO_ROOT / "build" / "qemu"

#: Plugin categories, in the order of the ranges file; the plugin adds "other".
CATEGORIES = ("nf", "api")
#: The plugin's per-category fields, in its JSON order.
FIELDS = ("insns", "mem_insns", "load_insns", "store_insns", "load_accesses", "store_accesses",
          "static_mem_insns")
MARKERS = {
    "begin": "clara_qemu_packet_begin",
    "end": "clara_qemu_packet_end",
    "pause": "clara_qemu_pause",
    "resume": "clara_qemu_resume",
}
#: binutils prefix of a target's compiler -> the QEMU user-mode emulator that runs it.
QEMU_FOR_PREFIX = {
    "aarch64-linux-gnu-": "qemu-aarch64",
    "mips64-linux-gnuabi64-": "qemu-mips64",
    "arm-linux-gnueabi-": "qemu-arm",
}
QEMU_PACKAGE = "qemu-user"
BUILD_VERSION = "3"  # bump when the build or the attribution changes
COMPILE_TIMEOUT_S = 900
EXIT_CRASH = 3


# ------------------------------------------------------------------------------ results


@dataclass(frozen=True)
class Counts:
    """Mean per packet over the packets the element was given.

    ``memory`` counts memory instructions (an instruction that accessed memory, once per
    execution: what Clara's opcode tables count); ``loads``/``stores`` count instructions that
    read/wrote (an atomic is in both); ``*_accesses`` count QEMU's accesses (an LDP is two).
    ``static_memory`` counts executed instructions that are memory instructions by their
    mnemonic (aarch64 only, else 0): a cross-check of ``memory``."""

    instructions: float
    memory: float
    loads: float
    stores: float
    load_accesses: float
    store_accesses: float
    static_memory: float


@dataclass(frozen=True)
class ExecutionCounts:
    """Per-packet execution counts of one element over one trace under QEMU.

    ``per_packet`` has shape ``(packets, len(categories), len(FIELDS))`` (the plugin's raw
    integers, categories ``("nf", "api", "other")``); ``total`` sums the categories."""

    element: str
    trace: str
    target: str
    binary: str
    packets: int
    nf: Counts
    api: Counts
    other: Counts
    total: Counts
    categories: tuple[str, ...]
    per_packet: np.ndarray = field(repr=False)
    outside: dict[str, dict[str, int]] = field(default_factory=dict)
    driver: dict[str, Any] = field(default_factory=dict, repr=False)
    seconds: float = 0.0

    def series(self, category: str, what: str = "insns") -> np.ndarray:
        """One count per packet: ``category`` in nf/api/other/total, ``what`` in FIELDS."""
        if what not in FIELDS:
            raise ClaraError(f"unknown count {what!r}; one of {', '.join(FIELDS)}")
        k = FIELDS.index(what)
        if category == "total":
            return np.asarray(self.per_packet[:, :, k].sum(axis=1))
        if category not in self.categories:
            raise ClaraError(f"unknown category {category!r}; one of {', '.join(self.categories)}")
        return np.asarray(self.per_packet[:, self.categories.index(category), k])


def _mean_counts(rows: np.ndarray) -> Counts:
    """``rows``: (packets, FIELDS)."""
    means = rows.mean(axis=0) if len(rows) else np.zeros(len(FIELDS))
    return Counts(*(float(v) for v in means))


# ---------------------------------------------------------------------------- tools


def _run(argv: Sequence[str], timeout: float = COMPILE_TIMEOUT_S, **kw: Any) -> str:
    try:
        proc = subprocess.run(
            list(argv), capture_output=True, text=True, check=False, timeout=timeout, **kw
        )
    except FileNotFoundError as err:
        raise ClaraError(f"{argv[0]}: not installed") from err
    except subprocess.TimeoutExpired as err:
        raise ClaraError(f"took over {timeout:.0f} s: {' '.join(argv)}") from err
    if proc.returncode != 0:
        raise ClaraError(
            f"failed (exit {proc.returncode}): {' '.join(argv)}\n{proc.stderr.strip()[-4000:]}"
        )
    return proc.stdout


def qemu_program(profile: TargetProfile) -> str:
    """The ``qemu-<arch>`` user-mode emulator for a target; a ClaraError naming the package
    when it is missing or was built without TCG plugin support."""
    name = QEMU_FOR_PREFIX.get(profile.compiler.binutils_prefix)
    if name is None:
        raise ClaraError(f"target {profile.name}: no QEMU user-mode emulator known for "
                         f"{profile.compiler.binutils_prefix}* binaries")
    found = shutil.which(name)
    if found is None:
        raise ClaraError(f"{name} is not installed; install the Debian package: "
                         f"apt-get install {QEMU_PACKAGE}")
    help_text = subprocess.run([found, "-h"], capture_output=True, text=True, check=False).stdout
    if "-plugin" not in help_text:
        raise ClaraError(f"{found} was built without TCG plugin support (no -plugin option); "
                         f"install Debian's {QEMU_PACKAGE} (7.2 has it) or a QEMU built with "
                         "--enable-plugins")
    return found


def plugin_path(out_dir: Path = BUILD_DIR) -> Path:
    """``counter_plugin.c`` built with the host C compiler (cached by content)."""
    cc = shutil.which(os.environ.get("CC", "gcc")) or shutil.which("cc")
    if cc is None:
        raise ClaraError("no host C compiler (gcc) to build the QEMU plugin; "
                         "apt-get install gcc")
    flags = ["-O2", "-Wall", "-Wextra", "-shared", "-fPIC"]
    digest = hashlib.sha256("\0".join([cc, *flags]).encode() + PLUGIN_SOURCE.read_bytes())
    so = out_dir / f"counter_plugin-{digest.hexdigest()[:16]}.so"
    if not so.is_file():
        out_dir.mkdir(parents=True, exist_ok=True)
        tmp = so.with_suffix(f".{os.getpid()}.tmp")
        _run([cc, *flags, str(PLUGIN_SOURCE), "-o", str(tmp)])
        tmp.replace(so)
    return so


def _target_command(profile: TargetProfile) -> tuple[str, list[str]]:
    """The target's C++ compiler and its flags (the template without -c/-o/placeholders)."""
    template = list(profile.compiler.cxx)
    flags: list[str] = []
    skip = False
    for arg in template[1:]:
        if skip:
            skip = False
            continue
        if arg == "-o":
            skip = True
            continue
        if arg == "-c" or "{source}" in arg or "{output}" in arg:
            continue
        flags.append(arg)
    program = shutil.which(template[0])
    if program is None:
        packages = " ".join(profile.compiler.debian_packages)
        raise ClaraError(f"target {profile.name}: '{template[0]}' is not installed; "
                         + (f"apt-get install {packages}" if packages else "install it"))
    return program, flags


# ---------------------------------------------------------------------------- build


def _digest(parts: Sequence[str | bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode())
        h.update(b"\0")
    return h.hexdigest()[:16]


def _tree_bytes(paths: Sequence[Path]) -> list[str | bytes]:
    out: list[str | bytes] = []
    for p in sorted(paths):
        out += [str(p), p.read_bytes()]
    return out


def cross_build(
    source: str | Path, class_name: str, target: str = "bluefield2", *,
    out_dir: str | Path | None = None,
) -> Path:
    """A static binary of the element ``class_name`` (from ``source``, a Click element's .cc;
    its header, if any, beside it) with the host runtime and the pcap driver, compiled with
    the target's compiler and flags plus ``-g -static -DCLARA_QEMU_MARKERS``.

    Cached by content hash under ``build/qemu/`` (or ``out_dir``); ``<binary>.json`` holds the
    marker addresses, ``<binary>.ranges`` the nf/api address ranges for the plugin."""
    src = Path(source).resolve()
    if not src.is_file():
        raise ClaraError(f"{src}: no such source file")
    if not class_name.isidentifier():
        raise ClaraError(f"{class_name!r} is not a C++ class name")
    profile = load_target(target)
    program, target_flags = _target_command(profile)
    out_root = Path(out_dir).resolve() if out_dir else BUILD_DIR
    common = [*target_flags, "-std=c++17", "-g", f"-I{INCLUDE_DIR}", "-include", str(TEMPLATES)]
    no_events = ["-include", str(NO_API_EVENTS)]  # must come before click_templates.hh

    runtime_sources = sorted(s for s in HOST_DIR.glob("*.cc") if s != PROFILE_DUMP)
    runtime_key = _digest([BUILD_VERSION, program, *common, *_tree_bytes(
        [*HOST_DIR.glob("*"), *INCLUDE_DIR.rglob("*.h*"), NO_API_EVENTS])])
    runtime_dir = out_root / f"runtime-{profile.name}-{runtime_key}"
    element_files = [p for p in src.parent.iterdir() if p.is_file()
                     and p.suffix in (".cc", ".hh", ".h", ".hpp", ".cpp", ".c")]
    key = _digest([runtime_key, class_name, str(src), *_tree_bytes(
        [*element_files, DRIVER_SOURCE, Path(__file__).resolve()])])
    build = out_root / f"{class_name}-{profile.name}-{key}"
    binary = build / f"clara_driver-{class_name}"
    meta_path = binary.with_suffix(".json")
    if binary.is_file() and meta_path.is_file() and binary.with_suffix(".ranges").is_file():
        return binary

    header = element_header(src)
    runtime_objects = [runtime_dir / f"{s.stem}.o" for s in runtime_sources]
    jobs: list[list[str]] = []
    if not all(o.is_file() for o in runtime_objects):
        runtime_dir.mkdir(parents=True, exist_ok=True)
        jobs += [[program, *no_events, *common, "-c", str(s), "-o", str(o)]
                 for s, o in zip(runtime_sources, runtime_objects, strict=True)]
    build.mkdir(parents=True, exist_ok=True)
    elt_flags = [*no_events, *common, f"-I{src.parent}", f"-DCLARA_ELEMENT_CLASS={class_name}",
                 "-DCLARA_QEMU_MARKERS"]
    element, link = element_jobs(program, elt_flags, src, header, build / "clara_driver.o",
                                 build / f"{src.stem}.o")
    jobs += element
    with ThreadPoolExecutor(max_workers=min(8, len(jobs))) as pool:
        list(pool.map(_run, jobs))
    tmp = binary.with_suffix(".tmp")
    _run([program, *target_flags, "-g", "-static", *map(str, link), *map(str, runtime_objects),
          "-o", str(tmp)])
    markers, ranges = _classify(tmp, profile, src.parent)
    binary.with_suffix(".ranges").write_text(
        " ".join(CATEGORIES) + "\n"
        + "".join(f"{s:x} {e:x} {c}\n" for s, e, c in ranges)
    )
    meta_path.write_text(json.dumps({
        "schema": "clara.qemu-build/1", "class_name": class_name, "source": str(src),
        "target": profile.name, "compiler": [program, *target_flags, "-g", "-static"],
        "markers": {k: f"0x{v:x}" for k, v in markers.items()},
        "ranges": {c: sum(e - s for s, e, k in ranges if k == i)
                   for i, c in enumerate(CATEGORIES)},
    }, indent=1) + "\n")
    tmp.replace(binary)
    return binary


def _symbols(binary: Path, profile: TargetProfile) -> list[tuple[int, int, str]]:
    """Defined function symbols: (address, size, name), one per address (the largest)."""
    out = _run([profile.compiler.tool("nm"), "-S", "--defined-only", str(binary)])
    by_addr: dict[int, tuple[int, str]] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) != 4 or parts[2] not in ("T", "t", "W", "w"):
            continue
        addr, size = int(parts[0], 16), int(parts[1], 16)
        if size and size > by_addr.get(addr, (0, ""))[0]:
            by_addr[addr] = (size, parts[3])
    return sorted((a, s, n) for a, (s, n) in by_addr.items())


def _locations(binary: Path, profile: TargetProfile, addrs: Sequence[int],
               inlines: bool) -> list[list[str]]:
    """For each address, the source files of its location, innermost first (``-i``: the whole
    inline chain; otherwise the innermost only)."""
    if not addrs:
        return []
    argv = [profile.compiler.tool("addr2line"), "-e", str(binary), "-a"]
    if inlines:
        argv.append("-i")
    out = _run(argv, input="".join(f"0x{a:x}\n" for a in addrs))
    result: list[list[str]] = []
    for line in out.splitlines():
        if line.startswith("0x"):
            result.append([])
        elif result:
            loc = line.split(" (discriminator")[0].strip()
            result[-1].append(loc.rsplit(":", 1)[0])
    if len(result) != len(addrs):
        raise ClaraError(f"{binary}: addr2line answered {len(result)} of {len(addrs)} addresses")
    return result


def _file_category(path: str, nf_dir: Path) -> int | None:
    if not path or path.startswith("??"):
        return None
    p = Path(path)
    try:
        p = p.resolve()
    except OSError:
        return None
    if p.parent == nf_dir:
        return CATEGORIES.index("nf")
    if p.is_relative_to(INCLUDE_DIR) or p.is_relative_to(HOST_DIR):
        return CATEGORIES.index("api")
    return None


def _classify(binary: Path, profile: TargetProfile, nf_dir: Path
              ) -> tuple[dict[str, int], list[tuple[int, int, int]]]:
    """Marker addresses and merged (start, end, category) ranges for the plugin."""
    symbols = _symbols(binary, profile)
    names = {n: a for a, _, n in symbols}
    missing = [s for s in MARKERS.values() if s not in names]
    if missing:
        raise ClaraError(f"{binary}: no marker symbols {', '.join(missing)} "
                         "(the driver must be built with -DCLARA_QEMU_MARKERS)")
    markers = {k: names[s] for k, s in MARKERS.items()}
    outer = _locations(binary, profile, [a for a, _, _ in symbols], inlines=True)
    owned: list[tuple[int, int, int]] = []  # functions whose own code is nf or api
    cache: dict[str, int | None] = {}
    for (addr, size, _), chain in zip(symbols, outer, strict=True):
        home = chain[-1] if chain else ""
        if home not in cache:
            cache[home] = _file_category(home, nf_dir)
        cat = cache[home]
        if cat is not None:
            owned.append((addr, size, cat))
    step = 2 if profile.compiler.binutils_prefix.startswith("arm-") else 4
    insn_addrs = [a for addr, size, _ in owned for a in range(addr, addr + size, step)]
    inner = _locations(binary, profile, insn_addrs, inlines=False)
    per_insn: list[tuple[int, int]] = []
    i = 0
    for addr, size, cat in owned:
        for a in range(addr, addr + size, step):
            files = inner[i]
            i += 1
            f = files[0] if files else ""
            if f not in cache:
                cache[f] = _file_category(f, nf_dir)
            c = cache[f]
            per_insn.append((a, cat if c is None else c))
    ranges: list[tuple[int, int, int]] = []
    for a, c in per_insn:
        if ranges and ranges[-1][1] == a and ranges[-1][2] == c:
            ranges[-1] = (ranges[-1][0], a + step, c)
        else:
            ranges.append((a, a + step, c))
    return markers, ranges


# ---------------------------------------------------------------------------- run


def run_counter(
    qemu: str, binary: Path, argv: Sequence[str], ranges_file: Path | None,
    markers: dict[str, int] | None, timeout: float = 3600.0, options: Sequence[str] = (),
) -> tuple[dict[str, Any], subprocess.CompletedProcess[str]]:
    """Run ``binary argv...`` under ``qemu`` with the counter plugin (``options``: more
    ``key=value`` plugin arguments); the plugin's JSON and the finished process (the caller
    checks the exit status)."""
    plugin = plugin_path()
    with tempfile.TemporaryDirectory(prefix="clara-qemu-") as tmp:
        out = Path(tmp) / "counts.json"
        args = [str(plugin), f"out={out}"]
        if ranges_file is not None:
            args.append(f"ranges={ranges_file}")
        for key, addr in (markers or {}).items():
            args.append(f"{key}=0x{addr:x}")
        args += list(options)
        cmd = [qemu, "-plugin", ",".join(args), str(binary), *argv]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False,
                                  timeout=timeout)
        except subprocess.TimeoutExpired as err:
            raise ClaraError(f"{binary.name} under {Path(qemu).name} ran over {timeout:.0f} s"
                             ) from err
        if not out.is_file():
            raise ClaraError(f"{Path(qemu).name} wrote no counts (exit {proc.returncode}); "
                             f"is {plugin} loadable?\n{proc.stderr.strip()[-2000:]}")
        return json.loads(out.read_text()), proc


def count_execution(
    binary: str | Path,
    trace: str | Path,
    config: str,
    port: int = 0,
    *,
    require_ip: bool = False,
    outputs: int | None = None,
    limit: int | None = None,
    timeout: float = 3600.0,
    pcs: str | Path | None = None,
) -> ExecutionCounts:
    """Run a ``cross_build`` binary over ``trace`` (pushing into input ``port``, with the
    element's configuration string) under QEMU with the counting plugin; per-packet counts of
    the instructions and memory instructions executed in the NF's code, the runtime's API code,
    and the rest, while the element had each packet (not the driver's reading, making and
    killing of packets). Packets that never reach the element (``require_ip`` bypass, records
    too big for a buffer) have no record. ``pcs``: also write the per-address counts inside
    packets there (:func:`read_pcs`)."""
    exe = Path(binary).resolve()
    meta_path = exe.with_suffix(".json")
    if not exe.is_file() or not meta_path.is_file():
        raise ClaraError(f"{exe}: not a cross_build binary (no {meta_path.name})")
    meta = json.loads(meta_path.read_text())
    profile = load_target(meta["target"])
    qemu = qemu_program(profile)
    argv = ["--element", meta["class_name"], "--config", config, "--trace",
            str(Path(trace).resolve()), "--port", str(port), "--quiet"]
    if require_ip:
        argv.append("--require-ip")
    if outputs is not None:
        argv += ["--outputs", str(outputs)]
    if limit is not None:
        argv += ["--limit", str(limit)]
    markers = {k: int(v, 16) for k, v in meta["markers"].items()}
    start = time.monotonic()
    options = ["mnemonics=aarch64"] if profile.compiler.binutils_prefix == "aarch64-linux-gnu-" \
        else []
    if pcs is not None:
        options.append(f"pcs={Path(pcs).resolve()}")
    counts, proc = run_counter(qemu, exe, argv, exe.with_suffix(".ranges"), markers, timeout,
                               options)
    seconds = time.monotonic() - start
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip().startswith("{")]
    summary: dict[str, Any] = json.loads(lines[-1]) if lines else {}
    if proc.returncode == EXIT_CRASH or summary.get("crash"):
        crash = summary.get("crash") or {}
        raise ClaraError(f"{meta['class_name']} crashed under QEMU "
                         f"({crash.get('signal', 'signal')}) on packet index "
                         f"{crash.get('packet_index', '?')} of {trace}")
    if proc.returncode != 0 or not summary or "error" in summary:
        raise ClaraError(f"{meta['class_name']} on {trace} under QEMU: "
                         f"{summary.get('error', 'driver failed')} (exit {proc.returncode})\n"
                         + proc.stderr.strip()[-2000:])
    categories = tuple(str(c) for c in counts["categories"])
    if tuple(counts["fields"]) != FIELDS or categories != (*CATEGORIES, "other"):
        raise ClaraError(f"counter plugin output has unexpected layout: {counts['fields']}, "
                         f"{categories}")
    if counts["unbalanced_markers"]:
        raise ClaraError(f"{counts['unbalanced_markers']} unbalanced packet markers")
    shape = (len(counts["packets"]), len(categories), len(FIELDS))
    per_packet = np.asarray(counts["packets"], dtype=np.int64).reshape(shape)
    if shape[0] != int(summary.get("given_to_element", -1)):
        raise ClaraError(f"{shape[0]} packet records but the driver gave "
                         f"{summary.get('given_to_element')} packets to the element")
    outside_raw = np.asarray(counts["outside"], dtype=np.int64).reshape(shape[1:])
    return ExecutionCounts(
        element=str(meta["class_name"]),
        trace=str(trace),
        target=str(meta["target"]),
        binary=str(exe),
        packets=shape[0],
        nf=_mean_counts(per_packet[:, 0, :]),
        api=_mean_counts(per_packet[:, 1, :]),
        other=_mean_counts(per_packet[:, 2, :]),
        total=_mean_counts(per_packet.sum(axis=1)),
        categories=categories,
        per_packet=per_packet,
        outside={c: {f: int(outside_raw[i, k]) for k, f in enumerate(FIELDS)}
                 for i, c in enumerate(categories)},
        driver=summary,
        seconds=seconds,
    )


def read_pcs(path: str | Path) -> dict[int, tuple[int, int]]:
    """The plugin's ``pcs=`` file: address -> (executions, memory executions) inside packets,
    summed over the blocks the address was translated in."""
    out: dict[int, tuple[int, int]] = {}
    for line in Path(path).read_text().splitlines():
        addr, execs, mem = line.split()
        a = int(addr, 16)
        e, m = out.get(a, (0, 0))
        out[a] = (e + int(execs), m + int(mem))
    return out


# ------------------------------------------------------------------ attribution by call chain


@dataclass(frozen=True)
class ChainSplit:
    """Per-packet counts of the element's code (``nf`` + ``api`` of the DWARF split) split
    by call chain instead: an instruction belongs to the framework API the element called
    to run it (the outermost frame of its inline chain that is a catalog API, as Clara's
    IR sees the call; ``framework`` for a framework line whose inline frames gcc dropped:
    ``asm_reader.api_of``, as the labels do), else to the NF. ``apis``: catalog name ->
    (instructions, memory)."""

    nf: tuple[float, float]
    apis: dict[str, tuple[float, float]]

    @property
    def api(self) -> tuple[float, float]:
        return (sum(i for i, _ in self.apis.values()), sum(m for _, m in self.apis.values()))


def inline_chains(binary: Path, addrs: Sequence[int]) -> dict[int, tuple[Frame, ...]]:
    """Each address's inline chain (``addr2line -i -f -C``), innermost frame first."""
    meta = json.loads(binary.with_suffix(".json").read_text())
    profile = load_target(meta["target"])
    return parse_addr2line(_run(
        [profile.compiler.tool("addr2line"), "-e", str(binary), "-a", "-i", "-f", "-C"],
        input="".join(f"0x{a:x}\n" for a in addrs)))


def chain_split(binary: str | Path, pcs: str | Path, packets: int) -> ChainSplit:
    """:class:`ChainSplit` of a :func:`count_execution` run that wrote ``pcs``."""
    exe = Path(binary).resolve()
    counts = read_pcs(pcs)
    ranges = [line.split() for line in exe.with_suffix(".ranges").read_text().splitlines()[1:]]
    spans = sorted((int(a, 16), int(b, 16)) for a, b, _ in ranges)
    starts = [a for a, _ in spans]
    mine = [a for a in counts if (k := bisect_right(starts, a) - 1) >= 0 and a < spans[k][1]]
    chains = inline_chains(exe, sorted(mine))
    nf = [0.0, 0.0]
    apis: dict[str, list[float]] = {}
    for address in mine:
        execs, memory = counts[address]
        api = api_of(chains.get(address, ()), (INCLUDE_DIR, HOST_DIR))
        into = nf if api is None else apis.setdefault(api, [0.0, 0.0])
        into[0] += execs / max(1, packets)
        into[1] += memory / max(1, packets)
    return ChainSplit((nf[0], nf[1]), {n: (v[0], v[1]) for n, v in sorted(apis.items())})
