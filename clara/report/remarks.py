"""Clang-style diagnostic lines: ``file:line:col: remark: message [-Rpass-analysis=clara]``.

The same shape clang prints for ``-Rpass-analysis``, so editors' and CI log parsers that
understand compiler diagnostics pick Clara's remarks up unchanged.
"""

from __future__ import annotations

from typing import Any

SEVERITY_WORD = {"note": "remark", "warning": "warning", "error": "error"}


def diagnostic_line(record: dict[str, Any]) -> str:
    loc = record["location"]
    column = loc.get("column") or 1
    word = SEVERITY_WORD.get(record.get("severity", "note"), "remark")
    where = f"{loc['file']}:{loc['line']}:{column}"
    return f"{where}: {word}: {record['message']} [-Rpass-analysis=clara]"


def render_remarks(document: dict[str, Any]) -> str:
    """One diagnostic line per record, in source order per file."""
    records = sorted(
        document["records"],
        key=lambda r: (r["location"]["file"], r["location"]["line"], r["location"]["column"]),
    )
    return "".join(diagnostic_line(r) + "\n" for r in records)
