"""The analysis clang command line and where its pieces live, with only ``os`` imported.

Every analysis compile (``clara analyze``, the dataset builder, ``clara-cc``) is built by
``analysis_command`` from the flags here. ``clara-cc`` starts its analysis compile from this
module before importing anything heavier, so a build does not wait on Python's imports;
``clara.toolchain.llvm`` and ``clara.toolchain.compile`` wrap the same pieces with error
messages and ``Path`` objects.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

LLVM_MAJOR = 19
PLUGIN_NAME = "libClaraPasses.so"
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
REPO_DIR = os.path.dirname(PACKAGE_DIR)
CLICK_COMPAT_INCLUDE = os.path.join(PACKAGE_DIR, "include")

# Flags that keep the IR close to the source: no optimisation, but passes may still run
# (clang marks -O0 functions optnone otherwise), names and debug lines kept, and full debug
# types even for classes whose vtable lives in another translation unit (member names).
ANALYSIS_FLAGS = ("-O0", "-g", "-fstandalone-debug", "-Xclang", "-disable-O0-optnone",
                  "-fno-discard-value-names")
STANDARD_FLAGS = {"c": "-std=gnu11", "c++": "-std=gnu++17"}
DRIVERS = {"c": "clang", "c++": "clang++"}


def tool_candidates(name: str) -> list[str]:
    """Where the LLVM 19 tool ``name`` (``clang``, ``clang++``, ``opt``) is looked for, in
    order: only ``$CLARA_LLVM_BINDIR`` when set, else ``name-19`` on PATH, then
    ``/usr/lib/llvm-19/bin``."""
    bindir = os.environ.get("CLARA_LLVM_BINDIR")
    if bindir:
        return [os.path.join(bindir, f"{name}-{LLVM_MAJOR}"), os.path.join(bindir, name)]
    return [f"{name}-{LLVM_MAJOR}", f"/usr/lib/llvm-{LLVM_MAJOR}/bin/{name}"]


def plugin_candidates() -> list[str]:
    """Where the plugin is looked for, in order.

    ``$CLARA_PLUGIN``; the package directory (a regular install); the environment's
    site-packages (an editable install keeps Python sources in the checkout but installs
    the built plugin there); a developer's ``cmake -B build/dev`` build.
    """
    import sysconfig

    candidates = [os.environ["CLARA_PLUGIN"]] if os.environ.get("CLARA_PLUGIN") else []
    candidates.append(os.path.join(PACKAGE_DIR, "lib", PLUGIN_NAME))
    candidates.append(os.path.join(sysconfig.get_paths()["platlib"], "clara", "lib",
                                   PLUGIN_NAME))
    candidates.append(os.path.join(REPO_DIR, "build", "dev", "clara_passes", PLUGIN_NAME))
    return candidates


def first_plugin() -> str | None:
    """The first plugin candidate that exists, if any."""
    return next((c for c in plugin_candidates() if os.path.isfile(c)), None)


def auto_features_flags(plugin: str, features_output: str) -> list[str]:
    """clang flags that run clara-prepare,clara-features inside the compile (``-clara-auto``).

    The passes run on a copy of the module at the pipeline start, so the bitcode clang
    writes is unchanged and the records are identical to ``opt``'s on that bitcode. clang
    parses ``-mllvm`` options before ``-fpass-plugin`` loads, hence ``-Xclang -load`` too.
    ``features_output`` ``-`` is standard output.
    """
    return [f"-fpass-plugin={plugin}", "-Xclang", "-load", "-Xclang", plugin,
            "-mllvm", "-clara-auto", "-mllvm", f"-clara-features-output={features_output}"]


def analysis_command(driver: str, language: str, source: str, output: str,
                     flags: Sequence[str], features: tuple[str, str] | None = None) -> list[str]:
    """The clang command that compiles ``source`` to analysis bitcode at ``output``.

    ``flags``: include/define flags; ``features``: (plugin, output) to write the feature
    records during the same compile.
    """
    return [driver, STANDARD_FLAGS[language], *ANALYSIS_FLAGS, *flags,
            *(auto_features_flags(*features) if features is not None else ()),
            "-c", "-emit-llvm", "-o", output, source]
