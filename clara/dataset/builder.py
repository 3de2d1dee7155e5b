"""Per-program ground truth: IR blocks (the analysis path) labelled with target instructions.

This module owns the work done for ONE program, as pure functions around three tool runs:

1. ``clara.analyze.analyze_module`` (clang-19 + ``clara-prepare,clara-features``): the IR
   blocks, their tokens and context, exactly as ``clara analyze`` sees them;
2. the target's compiler (``clara.targets.compiler.compile_source``) at its -O2 with ``-g``,
   with framework API calls inline as in a real build (:func:`with_runtime`; the
   instructions run for an API call are then left out, :func:`without_api_code`) or kept
   out of line (:func:`outline_headers`): :data:`API_CALLS`;
3. ``clara.targets.asm_reader.read_object``: every target instruction charged to a line of
   the NF source (direct, through the inline chain, or as prologue/epilogue), with its
   target loop depth and what it calls;
4. the same two steps with LLVM's own backend for the ISA (the target file's ``llvm_c`` /
   ``llvm_cxx``), whose per-block counts the record carries as ``llvm``, an input of the
   compute model (:func:`llvm_block_counts`), and with the reference compiler (gcc for
   x86-64, the NF's host build), whose per-block instruction counts it carries as
   ``gcc_x86`` (:func:`reference_block_counts`).

Then each target instruction goes from its line to IR blocks (:func:`charge`,
docs/dataset.md), so that a label is target instructions per execution of the block:

- *prologue* / *epilogue* instructions of target function ``F`` go to the entry block /
  the return blocks (split evenly) of the IR function ``F`` (gcc clone suffixes such as
  ``.isra.0`` removed) when the analysis kept ``F``; otherwise they follow their line.
- any other attributed instruction on line ``L`` goes to the blocks on ``L`` of its
  function's home (:func:`home_of`: its own IR function, or for an out-of-line copy of a
  helper the analysis inlined, its callers' IR functions, each with the copies it runs)
  at the instruction's loop depth (:func:`line_home_shares`), split in proportion to their
  IR instructions on ``L``; an instruction gcc made ``k`` copies of counts ``1/k``
  (:func:`copies`).
- where inlining is involved, the ``line`` and ``nearest`` rules go by inlined copy, matched
  by call path (:mod:`clara.dataset.inline_copies`): each IR copy gets the target instance
  its call path runs, in full;
- an uncalled out-of-line copy of a helper the analysis inlined everywhere is not charged;
  an attributed instruction whose line has no IR block is counted as ``no_block``.

Labels per block: target ``compute`` instructions and ``load``/``store``/``atomic``
instructions (the ISA's opcode table), floats because of the splits and weights.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from clara.analyze import analyze_module
from clara.dataset.block_shares import BlockKey, Shares, by_depth, line_shares
from clara.dataset.inline_copies import Sites, copy_shares, inlined_runs, ir_copies
from clara.errors import ClaraError
from clara.ir.features import Block, Function, ModuleFeatures
from clara.runtime.build import TEMPLATES
from clara.runtime.qemu.run import NO_API_EVENTS
from clara.targets.asm_reader import AsmInstruction, ObjectReading, read_object
from clara.targets.compiler import compile_source
from clara.targets.profile import CompilerSpec, TargetProfile, load_reference_compiler
from clara.toolchain.compile import CLICK_COMPAT_INCLUDE, CompileOptions

# The version of the rules below, of the plugin's `opt` object they pair with (per inlined
# copy: clara/dataset/inline_copies.py) and of the records' `llvm` field; part of a
# dataset's identity, and training refuses datasets labelled under other rules.
LABEL_RULES = "clara.label-rules/4"
LineCounts = dict[BlockKey, dict[int, int]]
LineBlocks = dict[int, list[tuple[BlockKey, int]]]  # line -> (block, IR instructions)
HEADER_SUFFIXES = (".h", ".hh", ".hpp", ".hxx")
ACCESS_KINDS = ("load", "store", "atomic")
BLOCK_RULES = ("line", "entry", "return", "nearest", "none")
#: How the target build treats framework API calls (docs/dataset.md, "API calls"):
#: ``inline`` compiles the headers as a real build does and leaves the instructions run for
#: an API call (an API frame in their inline chain) out of the labels, for the API cost
#: tables; ``out-of-line`` keeps every API function a call.
API_CALLS = ("inline", "out-of-line")
DEFAULT_API_CALLS = "inline"


class BuildError(ClaraError):
    """One program failed at ``stage`` (synthesize, ir, target, read); ``detail`` is the
    tool's stderr."""

    def __init__(self, stage: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.stage = stage
        self.detail = detail


@dataclass(frozen=True)
class ProgramSource:
    """One program to label: a source file, its dataset id and (synthesized) its seed."""

    program_id: str
    path: Path
    seed: int | None = None


@dataclass
class TargetCounts:
    """Target instructions charged to one IR block (fractions when a line was split)."""

    compute: float = 0.0
    load: float = 0.0
    store: float = 0.0
    atomic: float = 0.0

    def add(self, access: str | None, weight: float) -> None:
        kind = access if access in ACCESS_KINDS else "compute"
        setattr(self, kind, getattr(self, kind) + weight)

    @property
    def memory(self) -> float:
        return self.load + self.store + self.atomic


@dataclass(frozen=True)
class ProgramResult:
    """The labelled blocks of one program and its attribution statistics."""

    program_id: str
    seed: int | None
    records: list[dict[str, Any]]
    stats: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- target compile


def outline_headers(framework_root: Path, out_dir: Path) -> Path:
    """A shadow include directory that keeps the framework's functions out of line.

    Every header under ``framework_root`` gets a wrapper at the same relative path that
    ``#include_next``-s it between ``#pragma GCC push_options / optimize("O0")`` and
    ``pop_options``. GCC never inlines a function compiled at -O0 into an optimized caller
    (CIF_OPTIMIZATION_MISMATCH), so every framework API call stays a call, as in the IR,
    while the NF's own code is optimized and inlined as the compiler chooses. Put the
    returned directory first on the include path, before ``framework_root``.
    """
    for header in sorted(framework_root.rglob("*")):
        if header.suffix not in HEADER_SUFFIXES or not header.is_file():
            continue
        relative = header.relative_to(framework_root).as_posix()
        wrapper = out_dir / relative
        wrapper.parent.mkdir(parents=True, exist_ok=True)
        wrapper.write_text(
            "#pragma GCC push_options\n"
            '#pragma GCC optimize("O0")\n'
            f"#include_next <{relative}>\n"
            "#pragma GCC pop_options\n"
        )
    return out_dir


def with_dwarf4(profile: TargetProfile) -> TargetProfile:
    """``profile`` with ``-gdwarf-4`` after the compiler name. binutils 2.40's addr2line
    resolves a DWARF 5 line sequence that starts in the default file (entry 1) to the
    primary source file, so an out-of-line framework function (see
    :func:`outline_headers`) would be charged to NF lines; with DWARF 4 it is not."""
    spec = profile.compiler
    c, cxx = ((t[0], "-gdwarf-4", *t[1:]) for t in (spec.c, spec.cxx))
    return replace(profile, compiler=replace(spec, c=c, cxx=cxx))


def with_runtime(profile: TargetProfile) -> TargetProfile:
    """``profile`` whose C++ command force-includes the reverse-ported runtime as a real
    build of an element has it (``clara.runtime.qemu.run.cross_build``): the template
    definitions of ``HashMap``/``HashTable``/``Vector`` (``click_templates.hh``), which the
    compatibility headers only declare, so their code is inlined where gcc chooses instead
    of being calls; and ``no_api_events.h`` first, which compiles the profiling hook away
    (a NIC build has no such call)."""
    spec = profile.compiler
    forced = ("-include", str(NO_API_EVENTS), "-include", str(TEMPLATES))
    return replace(profile, compiler=replace(spec, cxx=(spec.cxx[0], *forced, *spec.cxx[1:])))


def target_include_dirs(options: CompileOptions, shadow: Path | None) -> list[Path]:
    """The target compile's include path: shadow wrappers (API calls out of line), the
    user's dirs, the framework."""
    return [*([shadow] if shadow else []), *options.include_dirs, CLICK_COMPAT_INCLUDE]


def without_api_code(reading: ObjectReading) -> tuple[ObjectReading, Counter[tuple[str, int]]]:
    """``reading`` without the instructions that run for a framework API call (those the
    asm reader named an ``api`` for), and their count per call site (API, NF line)."""
    sites: Counter[tuple[str, int]] = Counter(
        (i.api, i.line or 0) for i in reading.instructions if i.api is not None)
    kept = tuple(i for i in reading.instructions if i.api is None)
    return replace(reading, instructions=kept), sites


# --------------------------------------------------------------------------- line -> blocks


def plugin_line_counts(blocks: Sequence[Block]) -> LineCounts:
    """The plugin's ``line_counts`` block field: IR instructions per main-file line."""
    return {(b.function, b.name): dict(b.line_counts) for b in blocks}


def line_blocks(counts: Mapping[BlockKey, Mapping[int, int]]) -> LineBlocks:
    """For each source line, the blocks with IR instructions on it and how many."""
    per_line: LineBlocks = {}
    for key, lines in counts.items():
        for line, number in lines.items():
            if number > 0:
                per_line.setdefault(line, []).append((key, number))
    return {line: sorted(items) for line, items in per_line.items()}


def entry_shares(blocks: Iterable[Block]) -> dict[str, Shares]:
    """Each recorded function's entry block, with the whole share."""
    return {b.function: [((b.function, b.name), 1.0)] for b in blocks if b.is_entry}


def return_shares(blocks: Iterable[Block]) -> dict[str, Shares]:
    """Each recorded function's return blocks, split evenly."""
    exits: dict[str, list[BlockKey]] = {}
    for b in blocks:
        if b.is_exit:
            exits.setdefault(b.function, []).append((b.function, b.name))
    return {f: [(k, 1.0 / len(keys)) for k in keys] for f, keys in exits.items()}


_STRUCTOR = re.compile(r"([CD])1(?=[EI])")


def ir_function_of(symbol: str, recorded: Mapping[str, Function]) -> str:
    """The IR function a target symbol comes from: gcc's clone suffixes (``.isra.0``,
    ``.part.0``, ``.cold``) removed, and gcc's complete-object constructor/destructor
    (``C1``/``D1``) taken as clang's base-object one (``C2``/``D2``; clang emits C1 as an
    alias) when only that one is recorded."""
    name = symbol.split(".", 1)[0]
    if name not in recorded:
        base = _STRUCTOR.sub(r"\g<1>2", name, count=1)
        return base if base in recorded else name
    return name


@dataclass(frozen=True)
class ShareMaps:
    """Where instructions go: by line, to entry blocks, to return blocks, per function."""

    lines: LineBlocks
    depths: dict[BlockKey, int]
    entries: dict[str, Shares]
    returns: dict[str, Shares]
    functions: dict[str, Function]
    function_lines: dict[str, list[int]]


def share_maps(features: ModuleFeatures, counts: LineCounts) -> ShareMaps:
    """The lookup tables of :func:`instruction_shares` for one module."""
    function_lines: dict[str, set[int]] = {}
    for (function, _), lines in counts.items():
        function_lines.setdefault(function, set()).update(lines)
    return ShareMaps(
        lines=line_blocks(counts),
        depths={(b.function, b.name): b.loop_depth for b in features.blocks},
        entries=entry_shares(features.blocks),
        returns=return_shares(features.blocks),
        functions={f.name: f for f in features.functions},
        function_lines={f: sorted(lines) for f, lines in function_lines.items()},
    )


@dataclass(frozen=True)
class Home:
    """The IR functions a target function's code is charged to, each with a weight (how
    many times one execution of theirs runs it) and a loop-depth offset (the IR loop depth
    of the function's code where it was inlined); ``functions`` empty: any function."""

    functions: dict[str, tuple[float, int]] = field(default_factory=dict)


def home_of(function: str, mapped: Mapping[str, Sequence[int]], maps: ShareMaps,
            references: Mapping[str, Mapping[str, int]], seen: frozenset[str] = frozenset()
            ) -> Home:
    """Where the code of target function ``function`` lives in the IR (docs/dataset.md):
    its own IR function when the analysis kept it; for a helper the analysis inlined
    everywhere, the homes of its target callers (``references``: callee -> caller ->
    calls, followed through callers that are such helpers too), each weighted by the
    copies of the helper it runs, since each call runs the whole out-of-line copy: its
    calls, at most the number of its blocks on the helper's first line at their lowest
    loop depth (one per inlined copy; gcc may duplicate one call on two paths); any
    function when a caller has no home. ``mapped``: each target function's lines that have
    IR code, in order."""
    own = ir_function_of(function, maps.functions)
    if own in maps.functions:
        return Home({own: (1.0, 0)})
    callers = references.get(function, {})
    if not callers or function in seen:
        return Home()
    calls_from: dict[str, float] = {}
    for caller, calls in callers.items():
        outer = home_of(caller, mapped, maps, references, seen | {function})
        if not outer.functions:
            return Home()
        for ir, (weight, _) in outer.functions.items():
            calls_from[ir] = calls_from.get(ir, 0.0) + weight * max(calls, 1)
    lines = mapped.get(function, [])
    homes: dict[str, tuple[float, int]] = {}
    for ir, calls in calls_from.items():
        depths = [maps.depths[k] for line in lines for k, _ in maps.lines[line] if k[0] == ir]
        first = [maps.depths[k] for k, _ in maps.lines.get(lines[0], []) if k[0] == ir] \
            if lines else []
        copies = first.count(min(first)) if first else 1  # a loop's blocks are one copy
        homes[ir] = (max(1.0, min(calls, copies)), min(depths, default=0))
    return Home(homes)


def hoisted(line: int, depth: int, function: str, maps: ShareMaps,
            nearby: Sequence[int]) -> list[tuple[BlockKey, int]]:
    """Code gcc hoisted out of a loop (a target instruction outside the loops that its
    line's IR blocks are in): the blocks of ``function`` at its depth on the nearest line
    of ``nearby`` (the target function's lines; on a tie the earlier line, where a loop's
    set-up is) that has some; empty if none has."""
    for other in sorted(nearby, key=lambda n: (abs(n - line), n > line)):
        found = [(k, n) for k, n in maps.lines.get(other, [])
                 if k[0] == function and maps.depths.get(k, 0) == depth]
        if found:
            return found
    return []


def line_home_shares(line: int, depth: int, home: Home, maps: ShareMaps,
                     nearby: Sequence[int] = ()) -> Shares:
    """A target instruction on ``line`` at target loop depth ``depth``: in each home IR
    function with blocks on the line, its weight split over the blocks at the matching
    loop depth in proportion to their IR instructions on the line (at a lower depth than
    all of them: :func:`hoisted`; else the nearest depth); when no home function has the
    line, every block on it (any function) at the nearest depth shares it."""
    items = maps.lines.get(line, [])
    shares: Shares = []
    for function, (weight, offset) in home.functions.items():
        mine = [(k, n) for k, n in items if k[0] == function]
        if not mine:
            continue
        want = depth + offset
        picked = [(k, n) for k, n in mine if maps.depths.get(k, 0) == want]
        if not picked and want < min(maps.depths.get(k, 0) for k, _ in mine):
            picked = hoisted(line, want, function, maps, nearby)
        shares += line_shares(picked or by_depth(mine, maps.depths, want), weight)
    return shares or line_shares(by_depth(items, maps.depths, depth))


def boundary_shares(line: int, function: str, maps: ShareMaps) -> Shares:
    """A line no IR block holds, in a function the analysis kept: from its declaration line
    up to its first line with IR code (the opening brace) it goes to the entry block, after
    its last line with IR code (the closing brace) to the return blocks. At -O0 clang gives
    the frame set-up and the final return no line, while gcc charges prologue and epilogue
    code to these lines."""
    record, lines = maps.functions.get(function), maps.function_lines.get(function, [])
    if record is None or not lines:
        return []
    body = [n for n in lines if n >= record.line]
    if record.line <= line < (min(body) if body else line + 1):
        return maps.entries.get(function, [])
    if line > max(lines):
        return maps.returns.get(function, [])
    return []


def nearest_line(line: int, mapped: Sequence[int]) -> int | None:
    """The line of ``mapped`` closest to ``line`` (on a tie, the following one)."""
    return min(mapped, key=lambda m: (abs(m - line), m < line)) if mapped else None


def instruction_shares(
    insn: AsmInstruction, maps: ShareMaps, mapped: Sequence[int], home: Home = Home()
) -> tuple[str, Shares]:
    """Where one attributed target instruction goes, and by which rule (docs/dataset.md):
    ``entry``/``return`` (prologue, epilogue, or a boundary line of a kept function),
    ``line`` (:func:`line_home_shares`), ``nearest`` (the closest line with IR code among
    ``mapped``, the lines of the same target function that have IR blocks: the opening and
    closing lines of a function the analysis inlined but the compiler did not), or
    ``none``."""
    name = ir_function_of(insn.function, maps.functions)
    if insn.attributed_by == "prologue" and name in maps.entries:
        return "entry", maps.entries[name]
    if insn.attributed_by == "epilogue" and name in maps.returns:
        return "return", maps.returns[name]
    if insn.line is None:
        return "none", []
    if insn.line in maps.lines:
        return "line", line_home_shares(insn.line, insn.loop_depth, home, maps, mapped)
    boundary = boundary_shares(insn.line, name, maps)
    if boundary:
        return ("entry" if boundary is maps.entries.get(name) else "return"), boundary
    near = nearest_line(insn.line, mapped)
    if near is None:
        return "none", []
    return "nearest", line_home_shares(near, insn.loop_depth, home, maps, mapped)


CHAIN_RULES = ("direct", "inline-chain")  # attributions that carry a call path
COPY_WINDOW = 2  # instructions: a run of (line, instruction text) this long seen twice


def copies(insns: Sequence[AsmInstruction], window: int = COPY_WINDOW) -> list[int]:
    """For each instruction of one target function (address order), how many copies of it
    the compiler made: the most times a run of ``window`` consecutive (line, mnemonic,
    operands) triples that holds it occurs in the function. gcc duplicates code onto the paths that
    reach it (a shared tail and return after an ``if``/``else``, a call reached two ways)
    and unrolls small loops completely; one execution of the IR block runs one copy."""
    tokens = [(i.line, i.mnemonic, i.operands) for i in insns]
    grams = [tuple(tokens[k:k + window]) for k in range(len(tokens) - window + 1)]
    seen = Counter(grams)
    out = [1] * len(tokens)
    for k, gram in enumerate(grams):
        for j in range(k, k + window):
            out[j] = max(out[j], seen[gram])
    return out


@dataclass
class Charged:
    """The outcome of charging one object's instructions to IR blocks."""

    blocks: dict[BlockKey, TargetCounts]
    rules: Counter[str] = field(default_factory=Counter)
    orphan_lines: list[int] = field(default_factory=list)
    not_analyzed: dict[str, int] = field(default_factory=dict)
    uncalled: dict[str, int] = field(default_factory=dict)


def charge(reading: ObjectReading, features: ModuleFeatures, counts: LineCounts) -> Charged:
    """Charge every attributed NF instruction of ``reading`` to IR blocks.

    Not analyzed code, counted in ``not_analyzed`` apart from the unattributed
    instructions, like the asm reader's ``foreign`` functions:

    - a target function that the analysis has no record of and none of whose lines holds
      IR code (e.g. the implicit constructor and destructor gcc emits for a class, which
      clang marks artificial and the plugin skips);
    - an out-of-line copy of a helper that the analysis inlined everywhere (no record)
      and that no instruction of the object calls or addresses (``uncalled``, also in
      ``not_analyzed``): gcc inlined every call too and kept the copy for its external
      linkage; its lines are the inlined copies' lines, so charging it would count that
      code twice.
    """
    maps = share_maps(features, counts)
    references = reading.references()
    out = Charged({(b.function, b.name): TargetCounts() for b in features.blocks})
    by_function: dict[str, list[AsmInstruction]] = {}
    for insn in reading.nf_instructions:
        if insn.attributed_by is not None:
            by_function.setdefault(insn.function, []).append(insn)
    mapped = {f: sorted({i.line for i in insns if i.line in maps.lines})
              for f, insns in by_function.items()}
    kept: dict[str, list[AsmInstruction]] = {}
    for function, insns in by_function.items():
        recorded = ir_function_of(function, maps.functions) in maps.functions
        if not recorded and (not mapped[function] or function not in references):
            out.not_analyzed[function] = len(insns)
            if mapped[function]:
                out.uncalled[function] = len(insns)
            continue
        kept[function] = insns
    runs = inlined_runs(i.call_path for insns in kept.values() for i in insns)
    ir_copies_of = ir_copies(features.blocks, runs)
    holders: dict[tuple[int, Sites], set[str]] = {}
    for function, insns in kept.items():
        for insn in insns:
            if insn.line is not None and insn.attributed_by in CHAIN_RULES:
                holders.setdefault((insn.line, insn.call_path), set()).add(function)
    for function, insns in kept.items():
        home = home_of(function, mapped, maps, references)
        for insn, made in zip(insns, copies(insns), strict=True):
            rule, shares = instruction_shares(insn, maps, mapped[function], home)
            if rule in ("line", "nearest") and insn.attributed_by in CHAIN_RULES:
                line = insn.line if rule == "line" else nearest_line(insn.line or 0,
                                                                     mapped[function])
                run_by = ir_copies_of.get((line or 0, insn.call_path))
                if run_by:
                    shares = copy_shares(run_by, line or 0, insn.loop_depth, maps.depths,
                                         1.0 / len(holders[(insn.line or 0, insn.call_path)]))
            out.rules[rule] += 1
            if not shares:
                out.orphan_lines.append(insn.line or 0)
            for key, weight in shares:
                out.blocks[key].add(insn.access, weight / made)
    return out


# --------------------------------------------------------------------------- records


def callee_kinds(function: Function) -> list[str]:
    """The distinct ``!clara.kind`` of the function's callees."""
    return sorted({str(c.get("kind", "")) for c in function.callees})


def counts_record(counts: TargetCounts | None) -> dict[str, float]:
    """A block's ``llvm`` or ``gcc_x86`` field: another build's compute and memory
    instructions (LLVM's backend for the ISA, the reference compiler; memory by the opcode
    table that build was read with)."""
    counts = counts or TargetCounts()
    return {"compute": counts.compute, "memory": counts.memory}


def block_record(
    source: ProgramSource, block: Block, function: Function, target: TargetCounts,
    in_target: bool, llvm: TargetCounts | None = None, gcc_x86: TargetCounts | None = None,
) -> dict[str, Any]:
    """One dataset record: the block's IR side (tokens, context, counts) and its labels.

    ``in_target`` is false when no target instruction at all was charged to the block's
    function (e.g. an inline method of the element's own header, which the compiler emits
    out of line and the asm reader counts as foreign): its zero labels are not measured.
    """
    return {
        "program": source.program_id,
        "seed": source.seed,
        "function": block.function,
        "block": block.name,
        "index": block.index,
        "tokens": list(block.tokens),
        "n_instructions": block.n_instructions,
        "loop_depth": block.loop_depth,
        "is_entry": block.is_entry,
        "is_exit": block.is_exit,
        "succs": list(block.succs),
        "lines": list(block.lines),
        "function_blocks": function.n_blocks,
        "function_instructions": function.n_instructions,
        "return_blocks": function.return_blocks,
        "is_packet_entry": function.is_packet_entry,
        "callee_kinds": callee_kinds(function),
        "api_calls": [c.name for c in block.api_calls],
        "ir_counts": dict(block.counts),
        "opt": asdict(block.opt) if block.opt is not None else None,
        "llvm": counts_record(llvm),
        "gcc_x86": counts_record(gcc_x86),
        "target_compute": target.compute,
        "target_memory": target.memory,
        "target_load": target.load,
        "target_store": target.store,
        "target_atomic": target.atomic,
        "function_in_target": in_target,
    }


def program_stats(reading: ObjectReading, features: ModuleFeatures, charged: Charged,
                  api_sites: Mapping[tuple[str, int], int]) -> dict[str, Any]:
    """Attribution statistics of one program, step by step (docs/dataset.md)."""
    not_analyzed = sum(charged.not_analyzed.values())
    nf = len(reading.nf_instructions) - not_analyzed
    orphans = charged.orphan_lines
    unattributed = reading.unattributed_count + len(orphans)
    labelled = {f for (f, _), c in charged.blocks.items() if c.compute + c.memory > 0}
    return {
        "ir_blocks": len(features.blocks),
        "ir_instructions": sum(b.n_instructions for b in features.blocks),
        "target_instructions": nf,
        "foreign": reading.foreign_count,
        "not_analyzed": not_analyzed,
        "not_analyzed_functions": sorted(charged.not_analyzed),
        "uncalled": sum(charged.uncalled.values()),
        "uncalled_functions": sorted(charged.uncalled),
        "by_rule": reading.counts(),
        "by_block_rule": {r: charged.rules.get(r, 0) for r in BLOCK_RULES},
        "unattributed_asm": reading.unattributed_count,
        "unattributed_no_block": len(orphans),
        "lines_without_block": sorted(set(orphans)),
        "unattributed": unattributed,
        "attributed": nf - unattributed,
        "charged": sum(c.compute + c.memory for c in charged.blocks.values()),
        "ir_functions_without_target": sorted({b.function for b in features.blocks} - labelled),
        "api_instructions": sum(api_sites.values()),
        "api_sites": [[api, line, n] for (api, line), n in sorted(api_sites.items())],
    }


def target_reading(source: Path, target: TargetProfile, options: CompileOptions, work: Path,
                   api_calls: str = DEFAULT_API_CALLS
                   ) -> tuple[ObjectReading, Counter[tuple[str, int]]]:
    """Compile ``source`` with the target's compiler as ``api_calls`` says (:data:`API_CALLS`)
    and read the object: the NF's instructions with the API code left out (inline mode) and
    the API instructions per call site. Raises BuildError (stage ``target`` or ``read``)."""
    inline = api_calls == "inline"
    shadow = None if inline else outline_headers(CLICK_COMPAT_INCLUDE, work / "outline")
    build = with_runtime(with_dwarf4(target)) if inline else with_dwarf4(target)
    out = work / f"target-{target.compiler.c[0]}"
    try:
        compiled = compile_source(build, source, out, target_include_dirs(options, shadow))
    except ClaraError as err:
        raise BuildError("target", f"{target.name} compiler {target.compiler.c[0]} failed",
                         str(err)) from err
    try:
        return without_api_code(read_object(
            target, compiled.object_path, source,
            (CLICK_COMPAT_INCLUDE, TEMPLATES.parent) if inline else ()))
    except ClaraError as err:
        raise BuildError("read", str(err)) from err


def counts_built_with(compiler: CompilerSpec, source: Path, features: ModuleFeatures,
                      counts: LineCounts, target: TargetProfile, options: CompileOptions,
                      work: Path) -> dict[BlockKey, TargetCounts]:
    """``source`` built with ``compiler`` in place of the target's, like a real build (inline
    API calls), read with that compiler's binutils and opcode table and charged to the IR
    blocks by the same rules as the labels."""
    reading, _ = target_reading(source, replace(target, compiler=compiler), options, work,
                                "inline")
    return charge(reading, features, counts).blocks


def llvm_block_counts(source: Path, features: ModuleFeatures, counts: LineCounts,
                      target: TargetProfile, options: CompileOptions, work: Path
                      ) -> dict[BlockKey, TargetCounts]:
    """LLVM's own backend for the target's ISA (the target file's ``llvm_c``/``llvm_cxx``:
    clang-19 with a target triple), :func:`counts_built_with`: per block, what another -O2
    compiler for the same ISA makes of it, an input of the compute model
    (docs/compute-model.md). Empty for a target without LLVM commands."""
    if not target.compiler.llvm_c:
        return {}
    return counts_built_with(target.compiler.llvm_build(), source, features, counts, target,
                             options, work)


def reference_block_counts(source: Path, features: ModuleFeatures, counts: LineCounts,
                           target: TargetProfile, options: CompileOptions, work: Path
                           ) -> dict[BlockKey, TargetCounts]:
    """The reference compiler (gcc-12 -O2 for x86-64, ``load_reference_compiler``: the NF's
    host build), :func:`counts_built_with`: per block, what the targets' compiler family
    makes of it on another ISA (the middle end is gcc's either way; docs/compute-model.md)."""
    return counts_built_with(load_reference_compiler(), source, features, counts, target,
                             options, work)


def build_program_records(
    source: ProgramSource, target: TargetProfile, options: CompileOptions,
    workdir: Path | None = None, api_calls: str = DEFAULT_API_CALLS,
) -> ProgramResult:
    """Analyze ``source``, compile it for ``target``, and label every IR block;
    ``api_calls`` (:data:`API_CALLS`) says how the target build treats framework calls.

    Raises BuildError naming the failing stage, with the tool's stderr.
    """
    if api_calls not in API_CALLS:
        raise ClaraError(f"api calls {api_calls!r}: use one of {', '.join(API_CALLS)}")
    with contextlib.ExitStack() as stack:
        work = workdir or Path(stack.enter_context(tempfile.TemporaryDirectory(
            prefix="clara-ds-")))
        timings = {}
        start = time.perf_counter()
        clang_stderr = io.StringIO()
        try:
            with contextlib.redirect_stderr(clang_stderr):
                analyzed = analyze_module(source.path, options, work, "ir")
            counts = plugin_line_counts(analyzed.features.blocks)
        except ClaraError as err:
            raise BuildError("ir", str(err), clang_stderr.getvalue()) from err
        timings["ir_s"] = time.perf_counter() - start
        start = time.perf_counter()
        reading, api_sites = target_reading(source.path, target, options, work, api_calls)
        timings["target_s"] = time.perf_counter() - start
        start = time.perf_counter()
        llvm = llvm_block_counts(source.path, analyzed.features, counts, target, options, work)
        timings["llvm_s"] = time.perf_counter() - start
        start = time.perf_counter()
        gcc_x86 = reference_block_counts(source.path, analyzed.features, counts, target,
                                         options, work)
        timings["reference_s"] = time.perf_counter() - start
    features = analyzed.features
    charged = charge(reading, features, counts)
    functions = {f.name: f for f in features.functions}
    stats = program_stats(reading, features, charged, api_sites)
    absent = set(stats["ir_functions_without_target"])
    records = [
        block_record(source, b, functions[b.function], charged.blocks[(b.function, b.name)],
                     b.function not in absent, llvm.get((b.function, b.name)),
                     gcc_x86.get((b.function, b.name)))
        for b in features.blocks
    ]
    return ProgramResult(source.program_id, source.seed, records, {**stats, **timings})


# --------------------------------------------------------------------------- tasks


@dataclass(frozen=True)
class ProgramTask:
    """One unit of parallel work: an existing source (``path``) or a seed to synthesize."""

    program_id: str
    seed: int | None
    path: Path | None
    target: TargetProfile
    options: CompileOptions
    corpus: Any = None  # clara.synth.ast_stats.CorpusStats guiding synthesis, or None
    guided: bool = True
    api_calls: str = DEFAULT_API_CALLS


@dataclass(frozen=True)
class ProgramFailure:
    """A program that could not be labelled: where it failed and the tool's stderr."""

    program_id: str
    seed: int | None
    stage: str
    error: str
    detail: str = ""
    source: str = ""  # the synthesized program's text (empty for an existing file)

    def entry(self) -> dict[str, Any]:
        return {"program": self.program_id, "seed": self.seed, "stage": self.stage,
                "error": self.error, "detail": self.detail, "source": self.source}


def synthesize(task: ProgramTask, workdir: Path) -> tuple[Path, str]:
    """Write the program synthesized from ``task.seed`` into ``workdir``."""
    from clara.synth.generator import generate_program

    program = generate_program(int(task.seed or 0), task.corpus, task.guided)
    path = workdir / f"synth_{task.seed}.cc"
    path.write_text(program.source)
    return path, program.source


def run_task(task: ProgramTask) -> ProgramResult | ProgramFailure:
    """Build one program's records; any failure is returned (never raised), with its stage."""
    text = ""
    try:
        with tempfile.TemporaryDirectory(prefix="clara-ds-") as tmp:
            work = Path(tmp)
            if task.path is None:
                try:
                    path, text = synthesize(task, work)
                except Exception as err:
                    raise BuildError("synthesize", f"{type(err).__name__}: {err}") from err
            else:
                path = task.path
            source = ProgramSource(task.program_id, path, task.seed)
            return build_program_records(source, task.target, task.options, work,
                                         task.api_calls)
    except BuildError as err:
        return ProgramFailure(task.program_id, task.seed, err.stage, str(err), err.detail, text)
    except Exception as err:  # a crash is logged with the program, and the build goes on
        return ProgramFailure(task.program_id, task.seed, "crash",
                              f"{type(err).__name__}: {err}", traceback.format_exc(), text)
