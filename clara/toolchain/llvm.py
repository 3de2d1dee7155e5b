"""Locating the supported LLVM 19 tools and the built ``libClaraPasses.so`` plugin.

Everything that runs ``clang-19`` or ``opt-19`` asks this module for the paths, so there is
one place that knows the supported version and the fix when it is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from clara.errors import ClaraError
from clara.toolchain import analysis_command

LLVM_MAJOR = analysis_command.LLVM_MAJOR
LLVM_PACKAGES = "clang-19 llvm-19-dev libclang-19-dev llvm-19-tools"
PLUGIN_NAME = analysis_command.PLUGIN_NAME
PACKAGE_DIR = Path(analysis_command.PACKAGE_DIR)
REPO_DIR = Path(analysis_command.REPO_DIR)


@dataclass(frozen=True)
class Llvm:
    """Paths of the LLVM 19 tools Clara runs."""

    clang: Path
    clangxx: Path
    opt: Path


def _find_tool(name: str) -> Path:
    bindir = os.environ.get("CLARA_LLVM_BINDIR")
    where = bindir or f"PATH or /usr/lib/llvm-{LLVM_MAJOR}/bin"
    for candidate in analysis_command.tool_candidates(name):
        found = shutil.which(candidate)
        if found:
            return Path(found)
    raise ClaraError(
        f"{name}-{LLVM_MAJOR} was not found in {where}. "
        f"Clara needs LLVM {LLVM_MAJOR}: on Debian 12 / Ubuntu run "
        f"`sudo apt-get install {LLVM_PACKAGES}` (or run scripts/setup.sh)."
    )


@cache
def find_llvm() -> Llvm:
    """The LLVM 19 ``clang``, ``clang++`` and ``opt``; a ClaraError names the packages if absent.

    ``$CLARA_LLVM_BINDIR`` restricts the search to one directory (an LLVM 19 built elsewhere).
    """
    return Llvm(clang=_find_tool("clang"), clangxx=_find_tool("clang++"), opt=_find_tool("opt"))


def disassemble(bitcode: Path) -> str:
    """The text IR of ``bitcode`` (``llvm-dis`` of LLVM 19)."""
    proc = subprocess.run([str(_find_tool("llvm-dis")), str(bitcode), "-o", "-"],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise ClaraError(f"llvm-dis-{LLVM_MAJOR} failed on {bitcode}: {proc.stderr.strip()}")
    return proc.stdout


def demangle(names: Sequence[str]) -> list[str]:
    """The names demangled by ``llvm-cxxfilt`` of LLVM 19 (the demangler the plugin uses for
    its records); a name that is not mangled, or all of them if the tool fails, unchanged."""
    if not names:
        return []
    proc = subprocess.run([str(_find_tool("llvm-cxxfilt"))], input="\n".join(names) + "\n",
                          capture_output=True, text=True, check=False)
    out = proc.stdout.splitlines()
    return out if proc.returncode == 0 and len(out) == len(names) else list(names)


def find_plugin() -> Path:
    """The built ``libClaraPasses.so``; a ClaraError explains how to build it if absent."""
    found = analysis_command.first_plugin()
    if found is not None:
        return Path(found)
    looked = ", ".join(analysis_command.plugin_candidates())
    raise ClaraError(
        f"the Clara LLVM plugin {PLUGIN_NAME} was not found (looked in: {looked}). "
        "Build it with `pip install -e .` or scripts/setup.sh, "
        "or point CLARA_PLUGIN at a built copy."
    )
