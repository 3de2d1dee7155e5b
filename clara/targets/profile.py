"""Target profiles: loading and validating a target TOML file into typed dataclasses.

This module owns the ``clara.target/1`` schema (documented in ``docs/targets.md``): which keys
exist, their types and allowed values, and the errors for a file that breaks it. Shipped
targets are the ``*.toml`` files beside this module; a user's file (``--target-file``) goes
through exactly the same loader. The source comment after each number is kept (see
:func:`line_comments`) so that ``clara targets show`` can print it next to the number.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from clara.errors import ClaraError

SCHEMA = "clara.target/1"
TARGETS_DIR = Path(__file__).resolve().parent
# gcc for x86-64, whose code the dataset records next to the labels (load_reference_compiler)
REFERENCE_COMPILER = TARGETS_DIR / "reference" / "gcc-x86_64.toml"
SCOPES = ("core", "island", "global")
MANAGERS = ("hardware", "software")
ACCELERATOR_KINDS = ("crc", "checksum", "lpm", "hash", "crypto", "regex", "compression")
MODEL_KINDS = ("compute", "accelerator", "scaleout", "colocation")
OPCODE_CLASSES = ("atomic", "load", "store", "returns")
# Optional: ISAs whose instructions reach memory through operands (x86)
OPERAND_CLASSES = ("memory_operand", "no_access")
COMPILER_KEYS = ("proxy", "proxy_of", "isa", "c", "cxx", "binutils_prefix", "debian_packages",
                 "opcodes", "llvm_c", "llvm_cxx")
PLACEHOLDERS = ("{source}", "{output}")


@dataclass(frozen=True)
class MemoryLevel:
    """One level of the memory hierarchy; latencies are cycles for one 32-bit access."""

    name: str
    capacity_bytes: int
    read_cycles: float
    write_cycles: float
    atomic_read_cycles: float | None
    atomic_write_cycles: float | None
    scope: str
    managed_by: str
    sources: Mapping[str, str]

    @property
    def placeable(self) -> bool:
        """Whether a program can place data in this level (a cache fills itself)."""
        return self.managed_by == "software"


@dataclass(frozen=True)
class Accelerator:
    """A fixed-function engine; absent cycle numbers mean none was published."""

    kind: str
    name: str
    cycles_per_call: float | None
    cycles_per_byte: float | None
    sources: Mapping[str, str]


@dataclass(frozen=True)
class OpcodeTable:
    """Full-match regular expressions that classify the ISA's instructions."""

    atomic: tuple[str, ...]
    load: tuple[str, ...]
    store: tuple[str, ...]
    returns: tuple[str, ...]
    # One operand (objdump's text) that accesses memory, e.g. x86's ``0x8(%rdi)``: an
    # instruction with such an operand is a store when it is the last (the destination),
    # else a load; ``no_access`` mnemonics never access memory (``lea``, ``nop``)
    memory_operand: tuple[str, ...] = ()
    no_access: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompilerSpec:
    """The target's opaque compiler and the binutils that read its objects."""

    proxy: bool
    proxy_of: str | None
    isa: str
    c: tuple[str, ...]
    cxx: tuple[str, ...]
    binutils_prefix: str
    debian_packages: tuple[str, ...]
    opcodes: OpcodeTable
    overridden: bool = False
    # LLVM's own backend for the same ISA (clang-19 with a target triple), whose code the
    # compute model reads next to the IR (clara.dataset.builder.llvm_block_counts); empty:
    # none
    llvm_c: tuple[str, ...] = ()
    llvm_cxx: tuple[str, ...] = ()

    def tool(self, name: str) -> str:
        """The binutils program ``name`` (objdump, addr2line, objcopy) for this ISA."""
        return f"{self.binutils_prefix}{name}"

    def with_command(self, argv: Sequence[str]) -> CompilerSpec:
        """This spec with both C and C++ commands replaced by ``argv`` (``--compiler``).

        ``-c {source} -o {output}`` is appended when the command has no placeholders.
        """
        if not argv:
            raise ClaraError("--compiler: empty command")
        template = tuple(argv)
        if not all(any(p in a for a in template) for p in PLACEHOLDERS):
            template = (*template, "-c", "{source}", "-o", "{output}")
        return replace(self, c=template, cxx=template, debian_packages=(), overridden=True)

    def llvm_build(self) -> CompilerSpec:
        """This spec with LLVM's commands for the ISA as its compiler (same binutils and
        opcode table: clang-19 writes the same ISA)."""
        if not self.llvm_c or not self.llvm_cxx:
            raise ClaraError(f"the target's compiler for {self.isa} has no llvm_c/llvm_cxx "
                             "commands (clang-19 for the same ISA) in its target file")
        return replace(self, c=self.llvm_c, cxx=self.llvm_cxx)


@dataclass(frozen=True)
class TargetProfile:
    """A SmartNIC target: cores, memory levels, accelerators, compiler and model files."""

    name: str
    description: str
    path: Path
    line_rate_gbps: float
    cores: int
    threads_per_core: int
    clock_mhz: float
    code_store_bytes: int | None
    memory: tuple[MemoryLevel, ...]
    accelerators: tuple[Accelerator, ...]
    compiler: CompilerSpec
    models: Mapping[str, str]
    sources: Mapping[str, str]
    # the compute model reads the reference compiler's counts (REFERENCE_COMPILER) next to
    # LLVM's: ``[models] compute_reference = true``
    compute_reference: bool = False

    def with_compiler(self, command: Sequence[str]) -> TargetProfile:
        """This profile with its compiler replaced (a user who has the vendor SDK)."""
        return replace(self, compiler=self.compiler.with_command(command))


# --------------------------------------------------------------------------- comments


def _strip_comment(line: str) -> tuple[str, str | None]:
    """Split a TOML line into (code, comment) at the first ``#`` outside a string."""
    quote: str | None = None
    escaped = False
    for i, ch in enumerate(line):
        if quote == '"' and escaped:
            escaped = False
        elif quote == '"' and ch == "\\":
            escaped = True
        elif quote is not None:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            return line[:i], line[i + 1 :].strip()
    return line, None


_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-]+)\s*\]")
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")

Section = tuple[str, int]


def line_comments(text: str) -> dict[Section, dict[str, str]]:
    """The comments of a TOML text, by table: ``{(table, index): {key: comment}}``.

    ``table`` is the dotted header name ('' for the top level) and ``index`` counts the
    ``[[array]]`` entries (0 for plain tables). A trailing comment is stored under its key;
    comment lines directly inside a table (no blank line between them and the table's
    header or keys) are joined under the key ``""``.
    """
    comments: dict[Section, dict[str, str]] = {}
    counts: dict[str, int] = {}
    section: Section = ("", 0)
    attached = True
    for raw in text.splitlines():
        if '"""' in raw or "'''" in raw:
            attached = False
            continue
        code, comment = _strip_comment(raw)
        array, table, key = (
            _ARRAY_HEADER.match(code),
            _TABLE_HEADER.match(code),
            _KEY_LINE.match(code),
        )
        if array:
            counts[array.group(1)] = counts.get(array.group(1), -1) + 1
            section = (array.group(1), counts[array.group(1)])
        elif table:
            section = (table.group(1), 0)
        if array or table or key:
            attached = True
            if key and comment:
                comments.setdefault(section, {})[key.group(1)] = comment
        elif not code.strip() and comment is not None and attached:
            notes = comments.setdefault(section, {})
            notes[""] = f"{notes['']} {comment}".strip() if "" in notes else comment
        elif not raw.strip():
            attached = False
    return comments


# --------------------------------------------------------------------------- validation


class _Table:
    """A TOML table being validated: typed getters that name the key and file on error."""

    def __init__(self, data: Any, where: str, path: Path, allowed: Sequence[str]) -> None:
        if not isinstance(data, dict):
            raise ClaraError(f"{path}: key '{where}' must be a table")
        self.data, self.where, self.path = data, where, path
        for key in data:
            if key not in allowed:
                raise ClaraError(
                    f"{path}: unknown key '{self.key(key)}' (allowed here: {', '.join(allowed)})"
                )

    def key(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def _get(self, name: str, required: bool) -> Any:
        if name not in self.data:
            if required:
                raise ClaraError(f"{self.path}: missing key '{self.key(name)}'")
            return None
        return self.data[name]

    def _fail(self, name: str, what: str) -> ClaraError:
        return ClaraError(
            f"{self.path}: key '{self.key(name)}' must be {what}, got {self.data[name]!r}"
        )

    def string(self, name: str, required: bool = True, choices: Sequence[str] = ()) -> Any:
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            raise self._fail(name, "a non-empty string")
        if choices and value not in choices:
            raise self._fail(name, f"one of {', '.join(choices)}")
        return value

    def number(self, name: str, required: bool = True, integer: bool = False) -> Any:
        value = self._get(name, required)
        if value is None:
            return None
        kinds: tuple[type, ...] = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds) or value < 0:
            raise self._fail(name, "a non-negative " + ("integer" if integer else "number"))
        return value

    def positive(self, name: str, required: bool = True, integer: bool = False) -> Any:
        value = self.number(name, required, integer)
        if value == 0:
            raise self._fail(name, "greater than zero")
        return value

    def boolean(self, name: str, required: bool = True) -> bool:
        """The key's value (``false`` when an optional key is absent)."""
        value = self._get(name, required)
        if value is None and not required:
            return False
        if not isinstance(value, bool):
            raise self._fail(name, "true or false")
        return value

    def strings(self, name: str, required: bool = True) -> tuple[str, ...]:
        value = self._get(name, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self._fail(name, "a list of non-empty strings")
        return tuple(value)

    def table(self, name: str, allowed: Sequence[str], required: bool = True) -> _Table | None:
        value = self._get(name, required)
        return None if value is None else _Table(value, self.key(name), self.path, allowed)

    def tables(self, name: str, allowed: Sequence[str], required: bool = True) -> list[_Table]:
        value = self._get(name, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._fail(name, "an array of tables ([[" + name + "]])")
        return [
            _Table(v, f"{self.key(name)}[{i}]", self.path, allowed) for i, v in enumerate(value)
        ]


_MEMORY_NUMBERS = (
    "capacity_bytes",
    "read_cycles",
    "write_cycles",
    "atomic_read_cycles",
    "atomic_write_cycles",
)
_ACCELERATOR_NUMBERS = ("cycles_per_call", "cycles_per_byte")
_MEMORY_KEYS = (
    "name",
    "capacity_bytes",
    "read_cycles",
    "write_cycles",
    "atomic_read_cycles",
    "atomic_write_cycles",
    "scope",
    "managed_by",
)


def _memory(t: _Table, sources: Mapping[str, str]) -> MemoryLevel:
    return MemoryLevel(
        name=t.string("name"),
        capacity_bytes=t.positive("capacity_bytes", integer=True),
        read_cycles=t.number("read_cycles"),
        write_cycles=t.number("write_cycles"),
        atomic_read_cycles=t.number("atomic_read_cycles", required=False),
        atomic_write_cycles=t.number("atomic_write_cycles", required=False),
        scope=t.string("scope", choices=SCOPES),
        managed_by=t.string("managed_by", choices=MANAGERS),
        sources=sources,
    )


def _accelerator(t: _Table, sources: Mapping[str, str]) -> Accelerator:
    return Accelerator(
        kind=t.string("kind", choices=ACCELERATOR_KINDS),
        name=t.string("name"),
        cycles_per_call=t.number("cycles_per_call", required=False),
        cycles_per_byte=t.number("cycles_per_byte", required=False),
        sources=sources,
    )


def _patterns(t: _Table, name: str, required: bool = True) -> tuple[str, ...]:
    patterns = t.strings(name, required)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ClaraError(
                f"{t.path}: key '{t.key(name)}' has a bad regular expression {pattern!r}: {err}"
            ) from err
    return patterns


def _template(t: _Table, name: str) -> tuple[str, ...]:
    argv = t.strings(name)
    if not argv:
        raise ClaraError(f"{t.path}: key '{t.key(name)}' must not be empty")
    for placeholder in PLACEHOLDERS:
        if not any(placeholder in a for a in argv):
            raise ClaraError(f"{t.path}: key '{t.key(name)}' must contain {placeholder}")
    return argv


def _compiler(t: _Table) -> CompilerSpec:
    proxy = t.boolean("proxy")
    proxy_of = t.string("proxy_of", required=proxy)
    if proxy_of and not proxy:
        raise ClaraError(f"{t.path}: key '{t.key('proxy_of')}' is only allowed with proxy = true")
    ops = t.table("opcodes", OPCODE_CLASSES + OPERAND_CLASSES)
    assert ops is not None
    return CompilerSpec(
        proxy=proxy,
        proxy_of=proxy_of,
        isa=t.string("isa"),
        c=_template(t, "c"),
        cxx=_template(t, "cxx"),
        binutils_prefix=t.string("binutils_prefix"),
        debian_packages=t.strings("debian_packages", required=False),
        opcodes=OpcodeTable(*(_patterns(ops, name) for name in OPCODE_CLASSES),
                            *(_patterns(ops, name, required=False) for name in OPERAND_CLASSES)),
        llvm_c=_template(t, "llvm_c") if "llvm_c" in t.data else (),
        llvm_cxx=_template(t, "llvm_cxx") if "llvm_cxx" in t.data else (),
    )


def _models(t: _Table) -> dict[str, str]:
    models = {}
    for kind in MODEL_KINDS:
        file_name = t.string(kind, required=kind == "compute")
        if file_name is None:
            continue
        if not file_name.endswith(".onnx") or "/" in file_name:
            raise ClaraError(f"{t.path}: key '{t.key(kind)}' must be a file name ending in .onnx")
        models[kind] = file_name
    return models


def parse_target(text: str, path: Path) -> TargetProfile:
    """Validate the TOML ``text`` of the target file ``path`` into a :class:`TargetProfile`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ClaraError(f"{path}: not valid TOML: {err}") from err
    comments = line_comments(text)
    top = _Table(
        data,
        "",
        path,
        (
            "schema",
            "name",
            "description",
            "line_rate_gbps",
            "cores",
            "memory",
            "accelerator",
            "compiler",
            "models",
        ),
    )
    if top.string("schema") != SCHEMA:
        raise ClaraError(f"{path}: key 'schema' must be {SCHEMA!r}, got {data['schema']!r}")
    cores = top.table("cores", ("count", "threads_per_core", "clock_mhz", "code_store_bytes"))
    compiler = top.table("compiler", COMPILER_KEYS)
    models = top.table("models", (*MODEL_KINDS, "compute_reference"))
    assert cores is not None and compiler is not None and models is not None
    memory = top.tables("memory", _MEMORY_KEYS)
    if not memory:
        raise ClaraError(f"{path}: key 'memory' must list at least one [[memory]] level")
    accel_keys = ("kind", "name", *_ACCELERATOR_NUMBERS)
    sources = {**comments.get(("", 0), {})}
    sources.update({f"cores.{k}": v for k, v in comments.get(("cores", 0), {}).items()})
    profile = TargetProfile(
        name=top.string("name"),
        description=top.string("description"),
        path=path,
        line_rate_gbps=top.positive("line_rate_gbps"),
        cores=cores.positive("count", integer=True),
        threads_per_core=cores.positive("threads_per_core", integer=True),
        clock_mhz=cores.positive("clock_mhz"),
        code_store_bytes=cores.positive("code_store_bytes", required=False, integer=True),
        memory=tuple(_memory(t, comments.get(("memory", i), {})) for i, t in enumerate(memory)),
        accelerators=tuple(
            _accelerator(t, comments.get(("accelerator", i), {}))
            for i, t in enumerate(top.tables("accelerator", accel_keys, required=False))
        ),
        compiler=_compiler(compiler),
        models=_models(models),
        sources=sources,
        compute_reference=models.boolean("compute_reference", required=False),
    )
    names = [level.name for level in profile.memory]
    if len(set(names)) != len(names):
        raise ClaraError(f"{path}: memory level names must be unique, got {names}")
    return profile


# --------------------------------------------------------------------------- lookup


def list_targets() -> list[str]:
    """Names of the shipped targets (the ``*.toml`` files in ``clara/targets``)."""
    return sorted(p.stem for p in TARGETS_DIR.glob("*.toml"))


def load_reference_compiler(path: Path = REFERENCE_COMPILER) -> CompilerSpec:
    """The reference compiler (gcc for x86-64, the NF's host build): a file holding one
    ``[compiler]`` table of the target-file schema."""
    try:
        data = tomllib.loads(path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ClaraError(f"{path}: cannot read the reference compiler: {err}") from err
    compiler = _Table(data, "", path, ("compiler",)).table("compiler", COMPILER_KEYS)
    assert compiler is not None
    return _compiler(compiler)


def load_target_file(path: str | Path) -> TargetProfile:
    """Load a target file from any path (a user's ``--target-file``)."""
    file_path = Path(path)
    try:
        text = file_path.read_text(encoding="utf-8")
    except OSError as err:
        raise ClaraError(f"{file_path}: cannot read target file: {err.strerror}") from err
    return parse_target(text, file_path)


def load_target(name_or_path: str | Path) -> TargetProfile:
    """A shipped target by name (``agilio-cx``), or a target file by path."""
    text = str(name_or_path)
    if text.endswith(".toml") or "/" in text:
        return load_target_file(text)
    shipped = TARGETS_DIR / f"{text}.toml"
    if not shipped.is_file():
        raise ClaraError(f"unknown target {text!r}; shipped targets: {', '.join(list_targets())}")
    return load_target_file(shipped)


def resolve_target(
    name: str | None, target_file: str | None, compiler: str | None = None
) -> TargetProfile:
    """The target a command line asks for: ``NAME`` or ``--target-file FILE``, and an
    optional ``--compiler "CMD ..."`` that replaces the target's compiler."""
    if (name is None) == (target_file is None):
        raise ClaraError("give exactly one of a target name or --target-file FILE")
    profile = load_target_file(target_file) if target_file else load_target(str(name))
    return profile.with_compiler(shlex.split(compiler)) if compiler else profile


def missing_sources(profile: TargetProfile) -> list[str]:
    """Numbers in ``profile`` without a source comment (shipped files must have none), and
    accelerators without any note."""
    top = {
        "line_rate_gbps": profile.line_rate_gbps,
        "cores.count": profile.cores,
        "cores.threads_per_core": profile.threads_per_core,
        "cores.clock_mhz": profile.clock_mhz,
        "cores.code_store_bytes": profile.code_store_bytes,
    }
    missing = [k for k, v in top.items() if v is not None and k not in profile.sources]
    for level in profile.memory:
        missing += [
            f"memory.{level.name}.{key}"
            for key in _MEMORY_NUMBERS
            if getattr(level, key) is not None and key not in level.sources
        ]
    for accel in profile.accelerators:
        missing += [
            f"accelerator.{accel.kind}.{key}"
            for key in _ACCELERATOR_NUMBERS
            if getattr(accel, key) is not None and key not in accel.sources
        ]
        if not accel.sources:
            missing.append(f"accelerator.{accel.kind}: no source note")
    return missing
