"""Compiling an NF source to LLVM IR and running Clara's plugin passes over it.

Every analysis clang command line comes from ``analysis_command.analysis_command`` (here via
``compile_command``/``compile_to_ir``, in ``clara-cc`` directly), so every stage
(``clara analyze``, ``clara-cc``, the dataset builder) sees the same IR.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clara.errors import ClaraError
from clara.toolchain import analysis_command
from clara.toolchain.llvm import find_llvm, find_plugin

C_SUFFIXES = (".c",)
CXX_SUFFIXES = (".cc", ".cpp", ".cxx", ".c++", ".C")
CLICK_COMPAT_INCLUDE = Path(analysis_command.CLICK_COMPAT_INCLUDE)


@dataclass(frozen=True)
class CompileOptions:
    """How to compile NF sources: include dirs, defines, and which Click headers to use."""

    include_dirs: tuple[Path, ...] = ()
    defines: tuple[str, ...] = ()
    click_root: Path | None = None
    extra_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PassRun:
    """The result of one ``opt`` run: its command and what it printed."""

    command: list[str]
    stdout: str
    stderr: str


def language_of(source: Path) -> str:
    """``c`` or ``c++`` from the file extension; anything else is refused with the reason."""
    if source.suffix in C_SUFFIXES:
        return "c"
    if source.suffix in CXX_SUFFIXES:
        return "c++"
    raise ClaraError(
        f"{source}: not a C or C++ source (extension '{source.suffix or '(none)'}'); "
        f"Clara analyzes {', '.join(C_SUFFIXES + CXX_SUFFIXES)} files"
    )


def header_flags(options: CompileOptions) -> list[str]:
    """Include flags: a real configured Click tree if given, else Clara's compatibility headers."""
    flags: list[str] = []
    for directory in options.include_dirs:
        flags += ["-I", str(directory)]
    if options.click_root is not None:
        root = options.click_root
        if not (root / "include" / "click").is_dir():
            raise ClaraError(
                f"--click-root {root}: no include/click/ directory there; point it at the top "
                "of a configured Click source tree"
            )
        flags += ["-I", str(root / "include"), "-I", str(root)]
        flags += ["-DHAVE_CONFIG_H", "-DCLICK_USERLEVEL"]
    else:
        flags += ["-I", str(CLICK_COMPAT_INCLUDE)]
    flags += [f"-D{define}" for define in options.defines]
    return flags


def compile_command(source: Path, output: Path, options: CompileOptions,
                    features_output: Path | None = None) -> list[str]:
    """The clang-19 command that turns ``source`` into analysis bitcode at ``output``.

    With ``features_output`` the same command also writes the feature records there.
    """
    llvm = find_llvm()
    language = language_of(source)
    driver = llvm.clang if language == "c" else llvm.clangxx
    features = (str(find_plugin()), str(features_output)) if features_output is not None else None
    return analysis_command.analysis_command(
        str(driver), language, str(source), str(output),
        [*header_flags(options), *options.extra_flags], features)


def compile_to_ir(source: Path, output: Path, options: CompileOptions) -> list[str]:
    """Compile ``source`` to bitcode; on failure clang's diagnostics reach stderr first.

    Returns the command used. Raises ClaraError naming the file when clang fails.
    """
    if not source.is_file():
        raise ClaraError(f"{source}: no such file")
    command = compile_command(source, output, options)
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    if proc.stderr:
        sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        raise ClaraError(
            f"{source} failed to compile (clang exit {proc.returncode}); fix the errors above, "
            "or add -I DIR / --click-root DIR if headers are missing"
        )
    return command


def run_passes(
    bitcode: Path,
    passes: Sequence[str],
    plugin_args: Sequence[str] = (),
    output: Path | None = None,
) -> PassRun:
    """Run ``opt-19`` with the Clara plugin and ``passes`` over ``bitcode``.

    ``output`` receives the transformed module as bitcode; without it nothing is written.
    """
    plugin = str(find_plugin())
    command = [
        str(find_llvm().opt),
        f"-load-pass-plugin={plugin}",
        f"-passes={','.join(passes)}",
        *plugin_args,
        str(bitcode),
    ]
    command += ["-o", str(output)] if output is not None else ["-disable-output"]
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise ClaraError(
            f"{bitcode}: opt-19 with the Clara plugin failed (exit {proc.returncode}):\n"
            f"{proc.stderr.strip()}\n(command: {' '.join(command)})"
        )
    return PassRun(command=command, stdout=proc.stdout, stderr=proc.stderr)
