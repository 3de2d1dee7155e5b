"""Running a target's opaque compiler on one C/C++ source file.

This module owns the command line that builds a target object (the target file's argv
template with ``-g`` and ``-I`` directories added), the checks that the compiler and its
binutils are installed (an error names the Debian package to install), and the compiler's
version string. Reading the object is :mod:`clara.targets.asm_reader`'s job.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clara.errors import ClaraError
from clara.targets.profile import CompilerSpec, TargetProfile
from clara.toolchain.compile import language_of

COMPILE_TIMEOUT_S = 600


@dataclass(frozen=True)
class CompileResult:
    """One compiled object: what ran, and how long it took."""

    source: Path
    object_path: Path
    argv: tuple[str, ...]
    seconds: float


def template_language(source: Path) -> str:
    """The target file's compiler template for ``source``: ``'c'`` or ``'cxx'``."""
    return "c" if language_of(source) == "c" else "cxx"


def compile_argv(
    spec: CompilerSpec,
    language: str,
    source: Path,
    output: Path,
    include_dirs: Sequence[Path] = (),
) -> list[str]:
    """The compiler command: the template with ``-g`` and ``-I DIR`` after the program name,
    and ``{source}`` / ``{output}`` filled in."""
    template = spec.c if language == "c" else spec.cxx
    extra = ["-g", *(f"-I{d}" for d in include_dirs)]
    filled = [a.replace("{source}", str(source)).replace("{output}", str(output)) for a in template]
    return [filled[0], *extra, *filled[1:]]


def _install_hint(packages: Sequence[str]) -> str:
    if packages:
        return f"install the Debian package(s): apt-get install {' '.join(packages)}"
    return "install it, or give the full path with --compiler"


def require_program(program: str, spec: CompilerSpec, target: str) -> str:
    """The full path of ``program``; a ClaraError naming the package when it is missing."""
    found = shutil.which(program)
    if found is None:
        raise ClaraError(
            f"target {target}: '{program}' is not installed (not on PATH); "
            + _install_hint(spec.debian_packages)
        )
    return found


def compile_source(
    profile: TargetProfile,
    source: str | Path,
    out_dir: str | Path,
    include_dirs: Sequence[str | Path] = (),
) -> CompileResult:
    """Compile ``source`` with the target's compiler into ``out_dir/<stem>.o``."""
    src = Path(source).resolve()
    if not src.is_file():
        raise ClaraError(f"{src}: no such source file")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    obj = out.resolve() / f"{src.stem}.o"
    spec = profile.compiler
    includes = [Path(d).resolve() for d in include_dirs]
    argv = compile_argv(spec, template_language(src), src, obj, includes)
    require_program(argv[0], spec, profile.name)
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            argv, capture_output=True, text=True, check=False, timeout=COMPILE_TIMEOUT_S
        )
    except subprocess.TimeoutExpired as err:
        raise ClaraError(
            f"target {profile.name}: {argv[0]} took over {COMPILE_TIMEOUT_S} s on {src}"
        ) from err
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise ClaraError(
            f"target {profile.name}: {argv[0]} failed on {src} (exit {proc.returncode}):\n"
            + proc.stderr.strip()
        )
    if not obj.is_file():
        raise ClaraError(f"target {profile.name}: {argv[0]} wrote no object {obj}")
    return CompileResult(source=src, object_path=obj, argv=tuple(argv), seconds=seconds)


def compiler_version(profile: TargetProfile, language: str = "c") -> str | None:
    """The first line of ``<compiler> --version``, or None when it is not installed."""
    spec = profile.compiler
    program = (spec.c if language == "c" else spec.cxx)[0]
    if shutil.which(program) is None:
        return None
    proc = subprocess.run(
        [program, "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    lines = (proc.stdout or proc.stderr).strip().splitlines()
    return lines[0] if lines else "(no version output)"
