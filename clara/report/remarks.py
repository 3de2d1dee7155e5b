"""Remarks as compilers print them: clang-style diagnostic lines and LLVM remarks YAML.

``render_remarks``: ``file:line:col: remark: message [-Rpass-analysis=clara]``, the shape
clang prints for ``-Rpass-analysis``, so editors' and CI log parsers that understand
compiler diagnostics pick Clara's remarks up unchanged (each distinct line once).

``render_remarks_yaml``: the LLVM remarks YAML (``opt-viewer`` format) that the
``clara-remarks`` pass writes with ``-pass-remarks-output``, rebuilt from the feature
records without running ``opt`` (``clara-cc`` uses it to stay within a build's time): the
same remarks in the same order, each at the DebugLoc the pass picks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clara.ir.features import Block, ModuleFeatures

SEVERITY_WORD = {"note": "remark", "warning": "warning", "error": "error"}


def diagnostic_line(record: dict[str, Any]) -> str:
    loc = record["location"]
    column = loc.get("column") or 1
    word = SEVERITY_WORD.get(record.get("severity", "note"), "remark")
    where = f"{loc['file']}:{loc['line']}:{column}"
    return f"{where}: {word}: {record['message']} [-Rpass-analysis=clara]"


def render_remarks(document: dict[str, Any]) -> str:
    """One diagnostic line per record, in source order per file; a line identical to one
    already printed (the records of a helper's copies inlined at several call sites share
    location and message) is printed once."""
    records = sorted(
        document["records"],
        key=lambda r: (r["location"]["file"], r["location"]["line"], r["location"]["column"]),
    )
    return "".join(f"{line}\n" for line in dict.fromkeys(diagnostic_line(r) for r in records))


_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.$-]*")


def _yaml_scalar(text: str) -> str:
    """A YAML scalar for ``text``: plain when safe, else single-quoted ('' for '), else a
    double-quoted escape string when it holds characters single quotes cannot carry."""
    if _PLAIN.fullmatch(text) and text.lower() not in ("true", "false", "null", "yes", "no",
                                                       "on", "off", "y", "n"):
        return text
    if text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text)


def remark_location(block: Block, line: int) -> tuple[int, int, str] | None:
    """(line, column, file) the ``clara-remarks`` pass gives a remark on ``block`` at source
    line ``line``: its first instruction on that line, else its first located one."""
    for loc in block.line_locs:
        if line > 0 and loc[0] == line:
            return loc
    return block.line_locs[0] if block.line_locs else None


def render_remarks_yaml(document: dict[str, Any], features: Sequence[ModuleFeatures]) -> str:
    """One ``--- !Analysis`` document per record that names a function and block of
    ``features``, in record order (records of other modules are skipped, as the pass does)."""
    blocks = {(b.function, b.name): b for module in features for b in module.blocks}
    chunks = []
    for record in document["records"]:
        block = blocks.get((record.get("function"), record.get("block")))
        if block is None:
            continue
        lines = ["--- !Analysis", "Pass:            clara",
                 f"Name:            {_yaml_scalar(record.get('kind', 'insight'))}"]
        loc = remark_location(block, int(record.get("location", {}).get("line", 0)))
        if loc is not None:
            lines.append(f"DebugLoc:        {{ File: {_yaml_scalar(loc[2])}, Line: {loc[0]}, "
                         f"Column: {loc[1]} }}")
        lines += [f"Function:        {_yaml_scalar(block.function)}", "Args:",
                  f"  - String:          {_yaml_scalar(record.get('message', ''))}", "..."]
        chunks.append("\n".join(lines) + "\n")
    return "".join(chunks)
