"""The ``clara targets list`` and ``clara targets show`` commands.

This module owns how a target profile is printed for a person: the memory hierarchy table
with the source of every number (as numbered notes), the accelerators, the compiler with its
installed/not-installed status and version, and the word PROXY when the compiler stands in
for a vendor compiler that is not available.
"""

from __future__ import annotations

import argparse
import shlex
import shutil

from clara.targets.compiler import compiler_version
from clara.targets.profile import TargetProfile, list_targets, load_target, resolve_target


class Notes:
    """Numbered source notes: the same text gets the same number."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def ref(self, text: str | None) -> str:
        if not text:
            return ""
        if text not in self.texts:
            self.texts.append(text)
        return f"[{self.texts.index(text) + 1}]"

    def render(self) -> list[str]:
        return [f"  [{i}] {text}" for i, text in enumerate(self.texts, 1)]


def format_bytes(n: int) -> str:
    """``4096`` -> ``4 KiB``; exact binary units only, else bytes."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} B"


def format_number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:g}"


def _cell(value: str, note: str) -> str:
    return f"{value} {note}".strip()


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def memory_lines(profile: TargetProfile, notes: Notes) -> list[str]:
    rows = [
        ["level", "scope", "managed by", "capacity", "read", "write", "atomic read", "atomic write"]
    ]
    for m in profile.memory:
        s = m.sources
        rows.append(
            [
                m.name,
                m.scope,
                m.managed_by,
                _cell(format_bytes(m.capacity_bytes), notes.ref(s.get("capacity_bytes"))),
                _cell(format_number(m.read_cycles), notes.ref(s.get("read_cycles"))),
                _cell(format_number(m.write_cycles), notes.ref(s.get("write_cycles"))),
                _cell(format_number(m.atomic_read_cycles), notes.ref(s.get("atomic_read_cycles"))),
                _cell(
                    format_number(m.atomic_write_cycles), notes.ref(s.get("atomic_write_cycles"))
                ),
            ]
        )
    return _table(rows)


def accelerator_lines(profile: TargetProfile, notes: Notes) -> list[str]:
    if not profile.accelerators:
        return ["  (none)"]
    rows = [["kind", "name", "cycles/call", "cycles/byte", "note"]]
    for a in profile.accelerators:
        s = a.sources
        rows.append(
            [
                a.kind,
                a.name,
                _cell(format_number(a.cycles_per_call), notes.ref(s.get("cycles_per_call"))),
                _cell(format_number(a.cycles_per_byte), notes.ref(s.get("cycles_per_byte"))),
                notes.ref(s.get("")),
            ]
        )
    return _table(rows)


def _status(version: str | None) -> str:
    return f"installed: {version}" if version else "NOT INSTALLED"


def compiler_lines(profile: TargetProfile, versions: dict[str, str | None]) -> list[str]:
    spec = profile.compiler
    if spec.overridden:
        head = "compiler: user-supplied (--compiler)"
    elif spec.proxy:
        head = f"compiler: PROXY for {spec.proxy_of}; compute counts are the proxy's, not the NIC's"
    else:
        head = "compiler: the target's own toolchain"
    lines = [head, f"  ISA: {spec.isa}"]
    for language, argv in (("c", spec.c), ("cxx", spec.cxx)):
        label = "C  " if language == "c" else "C++"
        lines.append(f"  {label}: {shlex.join(argv)}")
        lines.append(f"       {_status(versions[language])}")
    tools = [spec.tool(t) for t in ("objdump", "addr2line", "objcopy")]
    missing = [t for t in tools if shutil.which(t) is None]
    lines.append(
        f"  reader: {', '.join(tools)} "
        + (f"(NOT INSTALLED: {', '.join(missing)})" if missing else "(installed)")
    )
    if spec.debian_packages:
        lines.append(f"  Debian packages: {' '.join(spec.debian_packages)}")
    if spec.proxy and not spec.overridden:
        lines.append('  a user with the vendor SDK overrides it with --compiler "CMD ..."')
    return lines


def format_show(profile: TargetProfile, versions: dict[str, str | None]) -> str:
    """The full ``clara targets show`` text for ``profile``."""
    notes = Notes()
    s = profile.sources
    cores = (
        f"cores: {profile.cores} {notes.ref(s.get('cores.count'))} x "
        f"{profile.threads_per_core} threads {notes.ref(s.get('cores.threads_per_core'))} at "
        f"{format_number(profile.clock_mhz)} MHz {notes.ref(s.get('cores.clock_mhz'))}"
    )
    if profile.code_store_bytes is not None:
        cores += (
            f"; code store {format_bytes(profile.code_store_bytes)} "
            f"{notes.ref(s.get('cores.code_store_bytes'))}"
        )
    lines = [
        f"{profile.name}: {profile.description}",
        f"file: {profile.path}",
        "",
        cores,
        f"line rate: {format_number(profile.line_rate_gbps)} Gb/s "
        f"{notes.ref(s.get('line_rate_gbps'))}",
        "",
        "memory hierarchy (nearest first; latencies in cycles per 32-bit access):",
        *memory_lines(profile, notes),
        "",
        "accelerators:",
        *accelerator_lines(profile, notes),
        "",
        *compiler_lines(profile, versions),
        "",
        "models: " + ", ".join(f"{k}={v}" for k, v in profile.models.items()),
        "",
        "sources:",
        *notes.render(),
    ]
    return "\n".join(lines) + "\n"


def _versions(profile: TargetProfile) -> dict[str, str | None]:
    return {language: compiler_version(profile, language) for language in ("c", "cxx")}


def cmd_list(args: argparse.Namespace) -> int:
    rows = [["name", "cores", "clock", "line rate", "compiler", "status", "description"]]
    for name in list_targets():
        profile = load_target(name)
        program = profile.compiler.c[0]
        rows.append(
            [
                name,
                f"{profile.cores}x{profile.threads_per_core}",
                f"{format_number(profile.clock_mhz)} MHz",
                f"{format_number(profile.line_rate_gbps)} Gb/s",
                ("PROXY " if profile.compiler.proxy else "") + program,
                "installed" if shutil.which(program) else "NOT INSTALLED",
                profile.description.split(":")[0],
            ]
        )
    print("\n".join(line[2:] for line in _table(rows)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    profile = resolve_target(args.name, args.target_file, args.compiler)
    print(format_show(profile, _versions(profile)), end="")
    return 0


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    """``--target NAME | --target-file FILE`` (one required) and ``--compiler "CMD"``, as every
    command that compiles with a target's compiler takes them (see ``resolve_target``)."""
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--target", help="shipped target name (see `clara targets list`)")
    target.add_argument("--target-file", metavar="FILE", help="a target TOML file")
    parser.add_argument("--compiler", metavar="CMD",
                        help="replace the target's compiler command (e.g. a vendor compiler)")


def register(
    sub: argparse._SubParsersAction, groups: dict[str, argparse._SubParsersAction]
) -> None:
    """Add ``list`` and ``show`` to the ``clara targets`` group."""
    targets = groups["targets"]
    listing = targets.add_parser("list", help="list the shipped targets")
    listing.set_defaults(func=cmd_list)
    show = targets.add_parser(
        "show",
        help="show a target's cores, memory hierarchy (with sources), accelerators, compiler",
    )
    show.add_argument("name", nargs="?", help="a shipped target (see 'clara targets list')")
    show.add_argument("--target-file", metavar="FILE", help="a target TOML file of your own")
    show.add_argument(
        "--compiler",
        metavar="CMD",
        help='replace the target compiler, e.g. --compiler "nfcc -O2" (quoted, one string)',
    )
    show.set_defaults(func=cmd_show)
