"""Reading a target object: every instruction, memory or compute, charged to a source line.

This module owns the ground-truth side of "which NF source line did each target instruction
come from". It disassembles an object with the target's ``objdump``, classifies each
instruction with the ISA's opcode table from the target file, and attributes it to a line of
the main source file with ONE batched ``addr2line -a -i -f -C`` call per object.

Attribution rule (also in docs/targets.md), per function, instructions in address order:

1. **direct / inline-chain**: walk the instruction's inline frames from the innermost
   outwards and charge it to the first frame whose file is the main source file and whose
   line is known: ``direct`` when that is the innermost frame, ``inline-chain`` when an outer
   one (code inlined from a header is charged to the NF line that called it).
2. A function none of whose instructions has such a frame is not NF code (a header function
   compiled out of line, e.g. an inline virtual method): its instructions stay unattributed
   and are counted as ``foreign``, outside the NF's unattributed rate.
3. **header-line**: an NF-function instruction still unattributed whose innermost frame is
   a header line that has no inline chain at this address (an "orphan" row: the compiler
   moved inlined code and kept its line but dropped the inlined-subroutine range) takes the
   NF line that the same header (file, line) is charged to elsewhere in this function
   through inline chains, if that is exactly one line.
4. **prologue**: a maximal run of still-unattributed instructions that starts at the
   function's first instruction is charged to the function's entry line, the smallest
   main-file line of the function's own (outermost) frames.
5. **epilogue**: a maximal run of still-unattributed instructions that contains a return
   instruction (the ISA's ``returns`` patterns) or ends at the function's last instruction is
   charged to the return line: the own (outermost, main-file) line of the nearest attributed
   instruction before the run (its attributed line when its own frame is not in the file).
6. Any other instruction keeps ``attributed_by = None`` and counts as unattributed.

Each instruction also carries what the attribution to IR blocks needs
(``clara.dataset.builder``): its **loop depth** in its function's target code (natural loops:
:func:`loop_depths`), its **reference** (the symbol it calls, tail-calls or addresses: a
relocation in an object, a resolved ``<symbol>`` operand in a linked binary) and, when
asked, the framework **API** it runs for (:func:`api_of`: the outermost catalog frame of its
inline chain).

Objects are relocatable, so every section starts at address 0 and addresses would be
ambiguous across sections (C++ COMDAT functions each get their own section). Before reading,
the object's allocated sections are given distinct addresses with ``objcopy
--change-section-vma`` (a copy in a temporary directory); objdump and addr2line then agree on
one address space, and the DWARF is relocated consistently by BFD.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from clara.cfg import natural_loops
from clara.errors import ClaraError
from clara.ir.catalog import match_api, shipped_catalog
from clara.targets.compiler import require_program
from clara.targets.profile import CompilerSpec, OpcodeTable, TargetProfile

AttributedBy = Literal["direct", "inline-chain", "header-line", "prologue", "epilogue"]
Access = Literal["load", "store", "atomic"]
TOOL_TIMEOUT_S = 600
# branch-and-link (AArch64, ARM, MIPS) and x86 calls
CALLS = frozenset({"bl", "blr", "blx", "jal", "jalr", "jalx", "bal", "call", "callq"})
# no fall-through (x86: jmp, ret)
UNCONDITIONAL = frozenset({"b", "br", "bx", "j", "jr", "ret", "eret", "jmp", "jmpq", "retq"})


@dataclass(frozen=True)
class Frame:
    """One frame of addr2line's inline chain (innermost first)."""

    function: str
    file: str | None
    line: int | None


@dataclass(frozen=True)
class SectionHeader:
    name: str
    size: int
    vma: int
    align: int
    alloc: bool


@dataclass(frozen=True)
class Symbol:
    name: str
    address: int
    size: int


@dataclass(frozen=True)
class RawInstruction:
    address: int
    mnemonic: str
    operands: str
    relocation: str | None = None  # symbol of a relocation at this instruction (objects)

    @property
    def text(self) -> str:
        return f"{self.mnemonic} {self.operands}".strip()


@dataclass(frozen=True)
class AsmInstruction:
    """One target instruction with its class and its source line."""

    function: str
    address: int
    mnemonic: str
    operands: str
    is_memory: bool
    access: Access | None
    file: str | None
    line: int | None
    attributed_by: AttributedBy | None
    loop_depth: int = 0  # natural loops of its function's target code around it
    reference: str | None = None  # the symbol it branches to or addresses, if any
    api: str | None = None  # the catalog API it runs for (outermost API frame), if asked
    # the call sites of its inline chain outwards from its NF frame (direct/inline-chain):
    # (call line, name of the function inlined there), innermost first
    call_path: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class ObjectReading:
    """All instructions of one object, and which functions are the NF's own."""

    object_path: Path
    source: Path
    instructions: tuple[AsmInstruction, ...]
    nf_functions: frozenset[str]

    @property
    def nf_instructions(self) -> list[AsmInstruction]:
        return [i for i in self.instructions if i.function in self.nf_functions]

    def references(self) -> dict[str, dict[str, int]]:
        """For each symbol, the functions whose instructions branch to or address it, with
        the number of such instructions (a function's references to itself left out)."""
        out: dict[str, dict[str, int]] = {}
        for insn in self.instructions:
            if insn.reference is not None and insn.reference != insn.function:
                callers = out.setdefault(insn.reference, {})
                callers[insn.function] = callers.get(insn.function, 0) + 1
        return out

    @property
    def foreign_count(self) -> int:
        """Instructions of functions with no main-file line (header code compiled out of line)."""
        return len(self.instructions) - len(self.nf_instructions)

    @property
    def unattributed_count(self) -> int:
        return sum(1 for i in self.nf_instructions if i.attributed_by is None)

    @property
    def unattributed_rate(self) -> float:
        total = len(self.nf_instructions)
        return self.unattributed_count / total if total else 0.0

    def counts(self) -> dict[str, int]:
        """Instruction counts by attribution kind ('none' for unattributed NF code)."""
        out = {"direct": 0, "inline-chain": 0, "header-line": 0, "prologue": 0, "epilogue": 0}
        out["none"] = 0
        for insn in self.nf_instructions:
            out[insn.attributed_by or "none"] += 1
        out["foreign"] = self.foreign_count
        return out


# --------------------------------------------------------------------------- parsing

_SECTION = re.compile(
    r"^\s*\d+\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+2\*\*(\d+)\s*(.*)$"
)
_SYMBOL = re.compile(r"^([0-9a-f]+)\s(.{7})\s(\S+)\s+([0-9a-f]+)\s+(.+)$")
_INSN = re.compile(r"^\s*([0-9a-f]+):\t(.*)$")
_ADDRESS = re.compile(r"^0x([0-9a-f]+)$")
_DISCRIMINATOR = re.compile(r"\s+\(discriminator \d+\)$")
_RELOC = re.compile(r"^\s*[0-9a-f]+: R_\w+\s*$")
_BRANCH = re.compile(  # AArch64, MIPS (incl. OCTEON bbit), ARM, x86: jumps, calls, returns
    r"^(?:b|bl|blr|br|bx|blx|ret|cbn?z|tbn?z|j|jal|jalr|jr|bal|bbit[01]3?2?|b\.\w+"
    r"|b(?:eq|ne|ge|gt|le|lt|hi|ls|cc|cs|mi|pl|vs|vc|hs|lo|al)(?:z|zal|al|l|zl|c)?"
    r"|bc1[tf]l?"
    r"|jmpq?|callq?|retq?|j(?:n?(?:a|ae|b|be|c|e|g|ge|l|le|o|p|s|z)|pe|po|[er]?cxz))$")
_TARGET = re.compile(r"(?:^|[\s,])([0-9a-f]+) <[^>]*>")  # objdump may add "// b.any"
_SYMBOL_OPERAND = re.compile(r"<([^+>]+)>")


def parse_section_headers(text: str) -> list[SectionHeader]:
    """Sections from ``objdump -h -w``."""
    sections = []
    for line in text.splitlines():
        m = _SECTION.match(line)
        if m:
            sections.append(
                SectionHeader(
                    name=m.group(1),
                    size=int(m.group(2), 16),
                    vma=int(m.group(3), 16),
                    align=2 ** int(m.group(4)),
                    alloc="ALLOC" in m.group(5),
                )
            )
    return sections


def layout_sections(sections: Sequence[SectionHeader]) -> dict[str, int]:
    """New addresses that make the allocated sections disjoint; empty when they already are."""
    alloc = [s for s in sections if s.alloc and s.size > 0]
    spans = sorted((s.vma, s.vma + s.size) for s in alloc)
    if all(end <= nxt for (_, end), (nxt, _) in itertools.pairwise(spans)):
        return {}
    names = [s.name for s in alloc]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ClaraError(f"cannot separate sections with the same name: {', '.join(duplicates)}")
    placed, vma = {}, 0
    for section in alloc:
        vma = -(-vma // section.align) * section.align
        placed[section.name] = vma
        vma += section.size
    return placed


def parse_symbols(text: str) -> list[Symbol]:
    """Function symbols with a size from ``objdump -t -w``, one per address, by address."""
    by_address: dict[int, Symbol] = {}
    for line in text.splitlines():
        m = _SYMBOL.match(line)
        if not m or "F" not in m.group(2) or int(m.group(4), 16) == 0:
            continue
        symbol = Symbol(m.group(5).split()[-1], int(m.group(1), 16), int(m.group(4), 16))
        known = by_address.get(symbol.address)
        if known is None or symbol.name < known.name:
            by_address[symbol.address] = symbol
    return sorted(by_address.values(), key=lambda s: s.address)


def parse_disassembly(text: str) -> list[RawInstruction]:
    """Instructions from ``objdump -d -w --no-show-raw-insn`` (with ``-r``, a relocation
    follows its instruction on the same line: ``<addr>: R_<TYPE>\t<symbol>[+addend]``);
    data (``.word``) is skipped. The mnemonic ends at a tab (AArch64, MIPS) or a space
    (x86: ``jne    4011a0 <f+0x20>``)."""
    instructions = []
    for line in text.splitlines():
        m = _INSN.match(line)
        if not m:
            continue
        parts = m.group(2).split("\t")
        mnemonic, _, spaced = parts[0].strip().partition(" ")
        if not mnemonic or mnemonic.startswith((".", "(bad)")):
            continue
        operands = parts[1].strip() if len(parts) > 1 and not _RELOC.match(parts[1]) \
            else spaced.strip()
        relocated = [parts[k + 1] for k in range(len(parts) - 1) if _RELOC.match(parts[k])]
        relocation = relocated[0].strip().split("+", 1)[0].split("-", 1)[0] if relocated else None
        instructions.append(RawInstruction(int(m.group(1), 16), mnemonic, operands,
                                           relocation or None))
    return instructions


def branch_target(insn: RawInstruction) -> int | None:
    """The address a direct branch jumps to (``b.ne 4086b8 <f+0x48>``, MIPS ``bnez
    v0,120 <f+0x20>``), or None: a branch (``_BRANCH``) that is not a call, with a
    resolved address operand and no relocation."""
    if not _BRANCH.match(insn.mnemonic) or insn.mnemonic in CALLS or insn.relocation:
        return None
    m = _TARGET.search(insn.operands)
    return int(m.group(1), 16) if m else None


def reference(insn: RawInstruction) -> str | None:
    """The symbol an instruction branches to or addresses: its relocation's symbol (a
    relocatable object) or a resolved ``<symbol>`` operand without an offset (a linked
    binary, or a call within one section)."""
    if insn.relocation is not None:
        return insn.relocation
    m = _SYMBOL_OPERAND.search(insn.operands)
    return m.group(1) if m else None


def basic_blocks(insns: Sequence[RawInstruction], delay_slot: bool = False
                 ) -> tuple[list[int], list[set[int]]]:
    """One function's control-flow graph: the block index of each instruction and each
    block's successors. A block ends after a branch (after its delay slot on MIPS); a
    conditional branch falls through, an unconditional one (``UNCONDITIONAL``, or a branch
    out of the function: a tail call) does not; calls fall through."""
    index = {insn.address: k for k, insn in enumerate(insns)}
    slot = 1 if delay_slot else 0
    ends = {k + slot for k, insn in enumerate(insns)
            if _BRANCH.match(insn.mnemonic) and insn.mnemonic not in CALLS}
    leaders = {0} | {index[t] for i in insns if (t := branch_target(i)) in index}
    leaders |= {k + 1 for k in ends if k + 1 < len(insns)}
    starts = sorted(leaders)
    block_of = [0] * len(insns)
    for b, (lo, hi) in enumerate(itertools.pairwise([*starts, len(insns)])):
        block_of[lo:hi] = [b] * (hi - lo)
    succs: list[set[int]] = [set() for _ in starts]
    for b, (lo, hi) in enumerate(itertools.pairwise([*starts, len(insns)])):
        branch = next((insns[k] for k in range(lo, hi) if k + slot in ends), None)
        if branch is None:
            succs[b] |= {b + 1} if hi < len(insns) else set()
            continue
        target = branch_target(branch)
        if target in index:
            succs[b].add(block_of[index[target]])
        if branch.mnemonic not in UNCONDITIONAL and hi < len(insns):
            succs[b].add(b + 1)
    return block_of, succs


def loop_depths(insns: Sequence[RawInstruction], delay_slot: bool = False) -> list[int]:
    """For each instruction of one function (address order), how many natural loops of the
    target code hold it: a branch to a block that dominates it is a back edge, and its
    loop is the header plus the blocks that reach the branch without passing the header
    (loops sharing a header count once). Backward branches that are not back edges (gcc
    placing a shared tail before its users) make no loop."""
    if not insns:
        return []
    block_of, succs = basic_blocks(insns, delay_slot)
    bodies = natural_loops({b: tuple(sorted(out)) for b, out in enumerate(succs)}, 0)
    depth = [sum(1 for body in bodies.values() if b in body) for b in range(len(succs))]
    return [depth[b] for b in block_of]


def _frame(function: str, location: str) -> Frame:
    path, _, line = _DISCRIMINATOR.sub("", location).rpartition(":")
    return Frame(
        function=function,
        file=None if path in ("", "??") else path,
        line=int(line) if line.isdigit() and int(line) > 0 else None,
    )


def parse_addr2line(text: str) -> dict[int, tuple[Frame, ...]]:
    """Inline chains from ``addr2line -a -i -f``: ``{address: frames innermost first}``."""
    chains: dict[int, list[Frame]] = {}
    current: list[Frame] = []
    function: str | None = None
    for line in text.splitlines():
        m = _ADDRESS.match(line)
        if m:
            current = chains.setdefault(int(m.group(1), 16), [])
            function = None
        elif function is None:
            function = line
        else:
            current.append(_frame(function, line))
            function = None
    return {address: tuple(frames) for address, frames in chains.items()}


# --------------------------------------------------------------------------- classification


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def split_operands(operands: str) -> list[str]:
    """objdump's operand text split at the commas outside parentheses
    (``0x0(%rax,%rbx,4),%ecx`` is two operands)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(operands):
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append(operands[start:i])
            start = i + 1
    return [*parts, operands[start:]] if operands else parts


def classify(mnemonic: str, opcodes: OpcodeTable, operands: str = "") -> Access | None:
    """The memory access kind of ``mnemonic`` (atomic, then load, then store), or None;
    with a ``memory_operand`` table, by its ``operands``: a store when the last operand
    accesses memory, a load when another does."""
    if _compiled(opcodes.atomic).fullmatch(mnemonic):
        return "atomic"
    if _compiled(opcodes.load).fullmatch(mnemonic):
        return "load"
    if _compiled(opcodes.store).fullmatch(mnemonic):
        return "store"
    if opcodes.memory_operand and not _compiled(opcodes.no_access).fullmatch(mnemonic):
        touches = [_compiled(opcodes.memory_operand).fullmatch(o.strip()) is not None
                   for o in split_operands(operands)]
        if touches and touches[-1]:
            return "store"
        if any(touches):
            return "load"
    return None


def is_return(insn: RawInstruction, opcodes: OpcodeTable) -> bool:
    return _compiled(opcodes.returns).fullmatch(insn.text) is not None


# --------------------------------------------------------------------------- attribution

Attribution = tuple[int | None, AttributedBy | None]


def call_path(frames: Sequence[Frame], is_main: Callable[[str], bool]
              ) -> tuple[tuple[int, str], ...]:
    """Where the compiler inlined the innermost main-file frame of an inline chain (the
    frame :func:`chain_attribution` charges): each outer frame's call line with the
    unqualified name of the function inlined there, innermost first."""
    for depth, frame in enumerate(frames):
        if frame.file is not None and frame.line is not None and is_main(frame.file):
            return tuple(
                (outer.line, inner.function.split("(", 1)[0].rsplit("::", 1)[-1])
                for inner, outer in zip(frames[depth:-1], frames[depth + 1:], strict=True)
                if outer.line is not None)
    return ()


def chain_attribution(frames: Sequence[Frame], is_main: Callable[[str], bool]) -> Attribution:
    """Rule 1: the innermost main-file frame with a line, walking outwards."""
    for depth, frame in enumerate(frames):
        if frame.file is not None and frame.line is not None and is_main(frame.file):
            return frame.line, "direct" if depth == 0 else "inline-chain"
    return None, None


@lru_cache(maxsize=4096)
def api_named(function: str) -> str | None:
    """The catalog API a (demangled) function is, or None."""
    hit = match_api(function, shipped_catalog())
    return hit.name if hit is not None else None


FRAMEWORK_CODE = "framework"  # the API of framework code whose inline frames were lost


def called_api(chain: Sequence[Frame]) -> str | None:
    """The framework API an instruction runs for: the outermost frame of its inline chain
    that is a catalog API (as the NF's IR calls it), or None (the NF's own code)."""
    return next((api for frame in reversed(chain)
                 if (api := api_named(frame.function)) is not None), None)


def api_of(chain: Sequence[Frame], framework: tuple[Path, ...]) -> str | None:
    """:func:`called_api`, or ``FRAMEWORK_CODE`` for an instruction whose innermost line is
    in a file under a ``framework`` directory while no frame names the API: gcc dropped the
    inlined call's range and kept the header line (an orphan row), so it is framework code
    run for a call the chain no longer shows."""
    api = called_api(chain)
    if api is None and chain and chain[0].file is not None and _under(chain[0].file, framework):
        return FRAMEWORK_CODE
    return api


@lru_cache(maxsize=4096)
def _under(path: str, roots: tuple[Path, ...]) -> bool:
    real = Path(os.path.realpath(path))
    return any(real.is_relative_to(os.path.realpath(root)) for root in roots)


def own_line(frames: Sequence[Frame], is_main: Callable[[str], bool]) -> int | None:
    """The line in the function's own (outermost) frame, when that is the main file."""
    if not frames:
        return None
    outer = frames[-1]
    return outer.line if outer.file is not None and is_main(outer.file) else None


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """Maximal [start, end] index runs where ``flags`` is true."""
    runs: list[tuple[int, int]] = []
    for i, flag in enumerate(flags):
        if flag and runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        elif flag:
            runs.append((i, i))
    return runs


def header_lines(
    frames: Sequence[Sequence[Frame]], result: Sequence[Attribution]
) -> dict[tuple[str, int], set[int]]:
    """For each header (file, line) seen inside an inline chain of this function, the
    main-file lines those chains were charged to."""
    seen: dict[tuple[str, int], set[int]] = {}
    for chain, (line, by) in zip(frames, result, strict=True):
        if by != "inline-chain" or line is None:
            continue
        for frame in chain:
            if frame.file is not None and frame.line is not None:
                seen.setdefault((frame.file, frame.line), set()).add(line)
    return seen


def header_line_attribution(
    chain: Sequence[Frame], seen: Mapping[tuple[str, int], set[int]]
) -> Attribution:
    """Rule 3: an orphan header row (a header line with no inline chain, left by the
    compiler after moving code) takes the one NF line that the same header line has in this
    function's inline chains; none when there are zero or several."""
    if not chain or chain[0].file is None or chain[0].line is None:
        return None, None
    lines = seen.get((chain[0].file, chain[0].line), set())
    return (min(lines), "header-line") if len(lines) == 1 else (None, None)


def attribute_function(
    insns: Sequence[RawInstruction],
    chains: Mapping[int, Sequence[Frame]],
    is_main: Callable[[str], bool],
    opcodes: OpcodeTable,
) -> list[Attribution]:
    """Rules 1-6 of the module docstring for one function's instructions (address order)."""
    frames = [chains.get(i.address, ()) for i in insns]
    result = [chain_attribution(chain, is_main) for chain in frames]
    if all(line is None for line, _ in result):
        return result
    seen = header_lines(frames, result)
    result = [
        header_line_attribution(chain, seen) if by is None else (line, by)
        for chain, (line, by) in zip(frames, result, strict=True)
    ]
    own = [own_line(chain, is_main) for chain in frames]
    own_lines = [line for line in own if line is not None]
    entry = min(own_lines) if own_lines else min(n for n, _ in result if n is not None)
    for start, end in _runs([by is None for _, by in result]):
        if start == 0:
            attribution: Attribution = (entry, "prologue")
        elif end == len(insns) - 1 or any(
            is_return(insns[k], opcodes) for k in range(start, end + 1)
        ):
            attribution = (own[start - 1] or result[start - 1][0], "epilogue")
        else:
            continue
        for k in range(start, end + 1):
            result[k] = attribution
    return result


# --------------------------------------------------------------------------- driver


def _run(argv: Sequence[str], stdin: str | None = None) -> str:
    proc = subprocess.run(
        list(argv),
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=TOOL_TIMEOUT_S,
    )
    if proc.returncode != 0:
        raise ClaraError(f"{argv[0]} failed (exit {proc.returncode}): {proc.stderr.strip()}")
    return proc.stdout


def _tools(spec: CompilerSpec, target: str) -> dict[str, str]:
    return {
        name: require_program(spec.tool(name), spec, target)
        for name in ("objdump", "objcopy", "addr2line")
    }


def _place(tools: Mapping[str, str], obj: Path, tmp: Path) -> Path:
    """``obj`` itself, or a copy whose allocated sections have disjoint addresses."""
    placement = layout_sections(
        parse_section_headers(_run([tools["objdump"], "-h", "-w", str(obj)]))
    )
    if not placement:
        return obj
    placed = tmp / obj.name
    args = [
        a for name, vma in placement.items() for a in ("--change-section-vma", f"{name}={vma:#x}")
    ]
    _run([tools["objcopy"], *args, str(obj), str(placed)])
    return placed


def _by_function(
    symbols: Sequence[Symbol], insns: Sequence[RawInstruction]
) -> dict[str, list[RawInstruction]]:
    """Instructions grouped by the function symbol whose [address, address+size) holds them;
    padding between functions belongs to none and is dropped."""
    groups: dict[str, list[RawInstruction]] = {}
    ordered = sorted(insns, key=lambda i: i.address)
    k = 0
    for symbol in symbols:
        while k < len(ordered) and ordered[k].address < symbol.address:
            k += 1
        end = symbol.address + symbol.size
        while k < len(ordered) and ordered[k].address < end:
            groups.setdefault(symbol.name, []).append(ordered[k])
            k += 1
    return groups


def _main_matcher(source: Path) -> Callable[[str], bool]:
    main = os.path.realpath(source)
    cache: dict[str, bool] = {}

    def is_main(path: str) -> bool:
        if path not in cache:
            cache[path] = os.path.realpath(path) == main
        return cache[path]

    return is_main


def read_object(
    profile: TargetProfile, object_path: str | Path, source: str | Path,
    framework: tuple[Path, ...] = (),
) -> ObjectReading:
    """Every instruction of every function in ``object_path``, classified and attributed to
    lines of the main source file ``source`` (the file that was compiled); given the
    ``framework`` directories, each also names the API it runs for (:func:`api_of`)."""
    obj, src = Path(object_path), Path(source).resolve()
    if not obj.is_file():
        raise ClaraError(f"{obj}: no such object file")
    spec = profile.compiler
    tools = _tools(spec, profile.name)
    with tempfile.TemporaryDirectory(prefix="clara-asm-") as tmp:
        placed = _place(tools, obj, Path(tmp))
        symbols = parse_symbols(_run([tools["objdump"], "-t", "-w", str(placed)]))
        insns = parse_disassembly(
            _run([tools["objdump"], "-d", "-r", "-w", "--no-show-raw-insn", str(placed)])
        )
        groups = _by_function(symbols, insns)
        addresses = "".join(f"{i.address:#x}\n" for group in groups.values() for i in group)
        chains = parse_addr2line(
            _run([tools["addr2line"], "-a", "-i", "-f", "-C", "-e", str(placed)], addresses)
        )
    is_main = _main_matcher(src)
    records: list[AsmInstruction] = []
    nf: set[str] = set()
    for function, group in groups.items():
        attributions = attribute_function(group, chains, is_main, spec.opcodes)
        if any(by is not None for _, by in attributions):
            nf.add(function)
        records += asm_instructions(function, group, attributions, spec, src, chains,
                                    framework, is_main)
    return ObjectReading(
        object_path=obj, source=src, instructions=tuple(records), nf_functions=frozenset(nf)
    )


def has_delay_slots(isa: str) -> bool:
    """Whether the ISA executes the instruction after a branch before the branch (MIPS)."""
    return isa.lower().startswith("mips")


def asm_instructions(function: str, group: Sequence[RawInstruction],
                     attributions: Sequence[Attribution], spec: CompilerSpec,
                     source: Path, chains: Mapping[int, Sequence[Frame]] | None = None,
                     framework: tuple[Path, ...] = (),
                     is_main: Callable[[str], bool] | None = None) -> list[AsmInstruction]:
    """One function's instructions (address order) with their class, line, loop depth,
    reference and, given their inline ``chains``: with ``is_main``, the call path of the
    attributed ones (:func:`call_path`); with the ``framework`` directories, the API they
    run for (:func:`api_of`)."""
    opcodes = spec.opcodes
    depths = loop_depths(group, has_delay_slots(spec.isa))
    out = []
    for insn, (line, by), depth in zip(group, attributions, depths, strict=True):
        access = classify(insn.mnemonic, opcodes, insn.operands)
        out.append(AsmInstruction(
            function=function, address=insn.address, mnemonic=insn.mnemonic,
            operands=insn.operands, is_memory=access is not None, access=access,
            file=str(source) if by is not None else None, line=line, attributed_by=by,
            loop_depth=depth, reference=reference(insn),
            api=api_of(chains.get(insn.address, ()), framework)
            if chains is not None and framework else None,
            call_path=call_path(chains.get(insn.address, ()), is_main)
            if chains is not None and is_main is not None
            and by in ("direct", "inline-chain") else ()))
    return out
