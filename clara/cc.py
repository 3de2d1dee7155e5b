"""``clara-cc``: a drop-in C/C++ compiler wrapper (``make CXX=clara-cc``).

It runs clang-19 (or clang++-19) with exactly the arguments it was given, so objects,
diagnostics and the exit status are clang's. For each C/C++ source compiled with ``-c`` or
``-S`` it also runs an analysis compile beside it (clang-19 with the plugin writing feature
records, ``clara.toolchain.analysis_command``); ``clara/cc_analysis.py`` then prints Clara's
remarks as clang-style ``file:line:col: remark: ... [-Rpass-analysis=clara]`` lines on
standard error and writes ``<obj-stem>.clara.yaml`` (LLVM remarks) and
``<obj-stem>.clara.sarif`` beside the object. Results are written only when the real compile
succeeds, and an analysis failure only warns: it never changes the build's result.

This module owns the wrapper's critical path: both compiles are running before anything
heavier than ``os`` is imported (hence plain slotted classes here, not dataclasses, whose
import alone costs a build 5-10 ms per file).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence

from clara.toolchain import analysis_command

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


class Invocation:
    """What a compiler command line means for Clara."""

    __slots__ = ("analysis_flags", "compiles_only", "output", "sources")

    def __init__(self, sources: tuple[str, ...], output: str | None, compiles_only: bool,
                 analysis_flags: tuple[str, ...]) -> None:
        self.sources = sources
        self.output = output
        self.compiles_only = compiles_only
        self.analysis_flags = analysis_flags


class RunningAnalysis:
    """An analysis compile started beside the real one: its process and the anonymous
    files (memfd) that receive its feature records (standard output) and diagnostics."""

    __slots__ = ("command", "features_fd", "pid", "source", "stderr_fd")

    def __init__(self, source: str, pid: int, features_fd: int, stderr_fd: int,
                 command: list[str]) -> None:
        self.source = source
        self.pid = pid
        self.features_fd = features_fd
        self.stderr_fd = stderr_fd
        self.command = command


def iter_arguments(args: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(argument, value) pairs: the value is the next argument for ``VALUE_OPTIONS``."""
    i = 0
    while i < len(args):
        if args[i] in VALUE_OPTIONS and i + 1 < len(args):
            yield args[i], args[i + 1]
            i += 2
        else:
            yield args[i], None
            i += 1


def parse_invocation(args: Sequence[str]) -> Invocation:
    """Find the sources, the output and the flags that matter to the analysis."""
    sources: list[str] = []
    kept: list[str] = []
    output: str | None = None
    compiles_only = False
    preprocess_only = False
    for arg, value in iter_arguments(args):
        if value is not None:
            if arg == "-o":
                output = value
            elif arg in PREPROCESSOR_OPTIONS:
                kept += [arg, value]
        elif arg in ("-c", "-S"):
            compiles_only = True
        elif arg in ("-E", "-M", "-MM", "-fsyntax-only"):
            preprocess_only = True
        elif arg.startswith(("-I", "-D", "-U", "-std=")) and len(arg) > 2:
            kept.append(arg)
        elif not arg.startswith("-") and os.path.splitext(arg)[1] in SOURCE_SUFFIXES:
            sources.append(arg)
    return Invocation(tuple(sources), output, compiles_only and not preprocess_only, tuple(kept))


def language(source: str) -> str:
    return SOURCE_SUFFIXES[os.path.splitext(source)[1]]


def spawn(candidates: Sequence[str], argv_tail: Sequence[str],
          file_actions: Sequence[tuple[object, ...]] = ()) -> tuple[int, str]:
    """Start the first candidate program that exists (PATH lookup for bare names): its pid
    and name. FileNotFoundError when none does."""
    for program in candidates:
        try:
            return os.posix_spawnp(program, [program, *argv_tail], os.environ,
                                   file_actions=list(file_actions)), program
        except FileNotFoundError:
            continue
    raise FileNotFoundError(f"none of {', '.join(candidates)} was found")


def spawn_compiler(args: Sequence[str], sources: Sequence[str]) -> int:
    """Start the real compiler on ``args``: ``$CLARA_CC_COMPILER``, else ``clang-19`` when
    every source is C and ``clang++-19`` otherwise (``$CLARA_LLVM_BINDIR``, PATH,
    ``/usr/lib/llvm-19/bin``); a ClaraError naming the packages when LLVM 19 is missing."""
    override = os.environ.get("CLARA_CC_COMPILER")
    if override:
        return spawn([override], args)[0]
    c_only = bool(sources) and all(language(s) == "c" for s in sources)
    name = "clang" if c_only else "clang++"
    try:
        return spawn(analysis_command.tool_candidates(name), args)[0]
    except FileNotFoundError:
        from clara.toolchain.llvm import find_llvm

        find_llvm()  # raises the ClaraError that names the packages
        raise


def start_analyses(invocation: Invocation) -> list[RunningAnalysis]:
    """Start one analysis compile per source; without a built plugin, the ClaraError that
    says how to build it."""
    plugin = analysis_command.first_plugin()
    if plugin is None:
        from clara.toolchain.llvm import find_plugin

        plugin = str(find_plugin())  # raises the ClaraError (imported only on this path)
    flags = ["-I", analysis_command.CLICK_COMPAT_INCLUDE, *invocation.analysis_flags]
    running = []
    for source in invocation.sources:
        lang = language(source)
        command = analysis_command.analysis_command(
            analysis_command.DRIVERS[lang], lang, source, os.devnull, flags, (plugin, "-"))
        features_fd = os.memfd_create("clara-features")
        stderr_fd = os.memfd_create("clara-stderr")
        actions = [(os.POSIX_SPAWN_DUP2, features_fd, 1), (os.POSIX_SPAWN_DUP2, stderr_fd, 2)]
        candidates = analysis_command.tool_candidates(analysis_command.DRIVERS[lang])
        pid, program = spawn(candidates, command[1:], actions)
        running.append(RunningAnalysis(source, pid, features_fd, stderr_fd,
                                       [program, *command[1:]]))
    return running


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    invocation = parse_invocation(args)
    try:
        pid = spawn_compiler(args, invocation.sources)
    except Exception as err:  # no LLVM 19 (ClaraError) or the override does not run
        print(f"clara-cc: error: {err}", file=sys.stderr)
        return 1
    reports = []
    if invocation.sources and invocation.compiles_only:
        try:
            running = start_analyses(invocation)
            from clara.cc_analysis import finish_analyses

            reports = finish_analyses(invocation, running)
        except Exception as err:  # an analysis failure must never fail a build
            print(f"clara-cc: warning: Clara's analysis failed, the build is unaffected: "
                  f"{err}", file=sys.stderr)
    status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    if status != 0:
        return status
    for report in reports:
        for path, text in report.files.items():
            path.write_text(text)
        sys.stderr.write(report.remarks)
    return status


if __name__ == "__main__":
    sys.exit(main())
