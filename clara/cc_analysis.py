"""What ``clara-cc`` makes of the analysis compiles it started beside the real compile.

For each translation unit: the feature records (read from the analysis compile's anonymous
output file), the IR summary insights, and the unit's remarks: clang-style lines, LLVM
remarks YAML rebuilt from the feature records (``render_remarks_yaml``: the same remarks the
``clara-remarks`` pass writes, without a second ``opt`` process) and SARIF. Failures only
warn: an analysis must never fail a build.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clara.cc import Invocation, RunningAnalysis, language
from clara.errors import ClaraError
from clara.insights.ir_summary import SourceInput, build_insights
from clara.ir.features import parse_features
from clara.report.remarks import render_remarks, render_remarks_yaml
from clara.report.sarif import render_sarif


@dataclass(frozen=True)
class UnitReport:
    """The analysis of one translation unit, held until the real compile has succeeded."""

    source: Path
    files: dict[Path, str]
    remarks: str


def object_path(source: str, invocation: Invocation) -> Path:
    if invocation.output is not None and len(invocation.sources) == 1:
        return Path(invocation.output)
    return Path(Path(source).stem + ".o")


def _read_all(fd: int) -> str:
    """The whole content of an anonymous file written by a child process (closes it)."""
    os.lseek(fd, 0, os.SEEK_SET)
    with os.fdopen(fd, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def finish_analysis(job: RunningAnalysis, invocation: Invocation) -> UnitReport:
    """Wait for one analysis compile and turn its records into the unit's report.

    The analysis compile's own diagnostics are dropped unless it fails: the user sees the
    real compile's.
    """
    status = os.waitstatus_to_exitcode(os.waitpid(job.pid, 0)[1])
    records, stderr = _read_all(job.features_fd), _read_all(job.stderr_fd)
    if status != 0:
        raise ClaraError(f"the analysis compile failed (clang exit {status}): {stderr[:500]}")
    features = parse_features(records.splitlines(), f"the analysis of {job.source}")
    document = build_insights([features],
                              [SourceInput(job.source, language(job.source), job.command)])
    base = object_path(job.source, invocation).with_suffix("")
    files = {
        Path(f"{base}.clara.yaml"): render_remarks_yaml(document, [features]),
        Path(f"{base}.clara.sarif"): json.dumps(render_sarif(document), indent=2) + "\n",
    }
    return UnitReport(Path(job.source), files, render_remarks(document))


def finish_analyses(invocation: Invocation,
                    running: Sequence[RunningAnalysis]) -> list[UnitReport]:
    """The reports of every source whose analysis succeeded; the others only warn."""
    reports = []
    for job in running:
        try:
            reports.append(finish_analysis(job, invocation))
        except Exception as err:  # an analysis failure must never fail a build
            print(f"clara-cc: warning: Clara's analysis of {job.source} failed, the build "
                  f"is unaffected: {err}", file=sys.stderr)
    return reports
