"""``clara-cc``: a drop-in C/C++ compiler wrapper (``make CXX=clara-cc``).

It runs clang-19 (or clang++-19) with exactly the arguments it was given, so objects,
diagnostics and the exit status are clang's. For each C/C++ source compiled with ``-c`` or
``-S`` it also analyzes the translation unit, prints Clara's remarks as clang-style
``file:line:col: remark: ... [-Rpass-analysis=clara]`` lines on standard error, and writes
``<obj-stem>.clara.yaml`` (LLVM remarks) and ``<obj-stem>.clara.sarif`` beside the object.
The analysis runs while the real compile runs; its results are written only when the real
compile succeeds, and an analysis failure only warns: it never changes the build's result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clara.errors import ClaraError

# Options whose value is the next argument.
VALUE_OPTIONS = {
    "-o", "-I", "-D", "-U", "-include", "-imacros", "-isystem", "-iquote", "-idirafter",
    "-MF", "-MT", "-MQ", "-x", "-Xclang", "-Xlinker", "-Xpreprocessor", "-Xassembler",
    "-mllvm", "-target", "-arch", "-L", "-l", "-isysroot", "--sysroot", "-u", "-z",
}
# Options the analysis compile keeps (they change what the source means).
PREPROCESSOR_OPTIONS = {"-I", "-D", "-U", "-include", "-imacros", "-isystem", "-iquote",
                        "-idirafter"}
SOURCE_SUFFIXES = {".c": "c", ".cc": "c++", ".cpp": "c++", ".cxx": "c++", ".c++": "c++",
                   ".C": "c++"}


@dataclass(frozen=True)
class Invocation:
    """What a compiler command line means for Clara."""

    sources: tuple[Path, ...]
    output: Path | None
    compiles_only: bool
    analysis_flags: tuple[str, ...]


def parse_invocation(args: Sequence[str]) -> Invocation:
    """Find the sources, the output and the flags that matter to the analysis."""
    sources: list[Path] = []
    kept: list[str] = []
    output: Path | None = None
    compiles_only = False
    preprocess_only = False
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in VALUE_OPTIONS and i + 1 < len(args):
            value = args[i + 1]
            if arg == "-o":
                output = Path(value)
            elif arg in PREPROCESSOR_OPTIONS:
                kept += [arg, value]
            i += 2
            continue
        if arg in ("-c", "-S"):
            compiles_only = True
        elif arg in ("-E", "-M", "-MM", "-fsyntax-only"):
            preprocess_only = True
        elif arg.startswith(("-I", "-D", "-U", "-std=")) and len(arg) > 2:
            kept.append(arg)
        elif not arg.startswith("-") and Path(arg).suffix in SOURCE_SUFFIXES:
            sources.append(Path(arg))
        i += 1
    return Invocation(tuple(sources), output, compiles_only and not preprocess_only, tuple(kept))


def real_compiler(sources: Sequence[Path]) -> str:
    """clang-19 for C-only command lines, clang++-19 otherwise (or $CLARA_CC_COMPILER)."""
    if os.environ.get("CLARA_CC_COMPILER"):
        return os.environ["CLARA_CC_COMPILER"]
    from clara.toolchain.llvm import find_llvm

    llvm = find_llvm()
    c_only = sources and all(SOURCE_SUFFIXES[s.suffix] == "c" for s in sources)
    return str(llvm.clang if c_only else llvm.clangxx)


def object_path(source: Path, invocation: Invocation) -> Path:
    if invocation.output is not None and len(invocation.sources) == 1:
        return invocation.output
    return Path(source.stem + ".o")


@dataclass(frozen=True)
class UnitReport:
    """The analysis of one translation unit, held until the real compile has succeeded."""

    source: Path
    files: dict[Path, str]
    remarks: str


@dataclass
class PendingAnalysis:
    """An analysis compile running beside the real one (clang with ``-clara-auto``)."""

    source: Path
    process: subprocess.Popen[bytes]
    bitcode: Path
    features: Path
    command: list[str]


def start_analysis(source: Path, invocation: Invocation, workdir: Path,
                   number: int) -> PendingAnalysis:
    """Start clang on ``source`` with the plugin writing feature records as it compiles.

    Only light modules are imported before the process starts, so Python's start-up and
    the heavier imports overlap with the compile.
    """
    from clara.toolchain.compile import CompileOptions, compile_command

    bitcode = workdir / f"{number}-{source.stem}.bc"
    features = workdir / f"{number}-{source.stem}.features.jsonl"
    options = CompileOptions(extra_flags=invocation.analysis_flags)
    command = compile_command(source, bitcode, options, features_output=features)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return PendingAnalysis(source, process, bitcode, features, command)


def finish_analysis(pending: PendingAnalysis, invocation: Invocation,
                    workdir: Path) -> UnitReport:
    """Turn a finished analysis compile into the remarks files and lines of its unit.

    The analysis compile's own diagnostics are dropped: the user sees the real compile's.
    """
    from clara.analyze import remarks_yaml
    from clara.insights.ir_summary import SourceInput, build_insights
    from clara.ir.features import read_features
    from clara.report.remarks import render_remarks
    from clara.report.sarif import render_sarif

    _, stderr = pending.process.communicate()
    if pending.process.returncode != 0:
        raise ClaraError(f"the analysis compile failed (clang exit "
                         f"{pending.process.returncode}): {stderr.decode(errors='replace')[:500]}")
    source_input = SourceInput(str(pending.source), SOURCE_SUFFIXES[pending.source.suffix],
                               pending.command)
    document = build_insights([read_features(pending.features)], [source_input])
    base = object_path(pending.source, invocation).with_suffix("")
    files = {
        Path(f"{base}.clara.yaml"): remarks_yaml(document, [(pending.bitcode, False)], workdir),
        Path(f"{base}.clara.sarif"): json.dumps(render_sarif(document), indent=2) + "\n",
    }
    return UnitReport(pending.source, files, render_remarks(document))


def analyze_all(invocation: Invocation, workdir: Path) -> list[UnitReport]:
    """Analyze every source of the command line; failures only warn."""
    reports, pending = [], []
    for number, source in enumerate(invocation.sources):
        try:
            pending.append(start_analysis(source, invocation, workdir, number))
        except Exception as err:  # an analysis failure must never fail a build
            _warn(source, err)
    for job in pending:
        try:
            reports.append(finish_analysis(job, invocation, workdir))
        except Exception as err:  # an analysis failure must never fail a build
            _warn(job.source, err)
    return reports


def _warn(source: Path, err: Exception) -> None:
    print(f"clara-cc: warning: Clara's analysis of {source} failed, the build is "
          f"unaffected: {err}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    invocation = parse_invocation(args)
    try:
        compiler = real_compiler(invocation.sources)
    except ClaraError as err:
        print(f"clara-cc: error: {err}", file=sys.stderr)
        return 1
    compile_process = subprocess.Popen([compiler, *args])
    with tempfile.TemporaryDirectory(prefix="clara-cc-") as tmp:
        reports = analyze_all(invocation, Path(tmp)) if invocation.compiles_only else []
    status = compile_process.wait()
    if status != 0:
        return status
    for report in reports:
        for path, text in report.files.items():
            path.write_text(text)
        sys.stderr.write(report.remarks)
    return status


if __name__ == "__main__":
    sys.exit(main())
