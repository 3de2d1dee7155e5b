# -*- Python -*-
# FILE: clara_passes/test/lit.cfg.py
# DESCRIPTION: lit configuration for the libClaraPasses.so tests (LLVM style:
#   small .ll inputs checked with FileCheck-19). Environment-driven, no
#   lit.site.cfg.py needed:
#     CLARA_PLUGIN  path of libClaraPasses.so; default: the dev build,
#                   <repo>/build/dev/clara_passes/libClaraPasses.so, found
#                   relative to this file
#     CLARA_OPT, CLARA_FILECHECK  tools; default opt-19 / FileCheck-19 on PATH
#     CLARA_CLANG   clang-19 (optional: tests that compile a source with
#                   -clara-auto are REQUIRES: clang, unsupported without it)
# USAGE: /work/main/.venv/bin/lit -v clara_passes/test
#   Substitutions: %clara_plugin, %opt (opt-19 with the plugin loaded:
#   "opt-19 -load-pass-plugin=<plugin>"), %opt_bare (opt-19 alone), FileCheck,
#   not (lit's internal shell builtin), %inputs (this directory's Inputs/),
#   %src (clara_passes/inputs, the sources), %clang / %clangxx (clang-19 /
#   clang++-19, feature "clang"). Tests are *.ll (and *.test for those that
#   start from a source).
import os
import shutil

import lit.formats

config.name = "ClaraPasses"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ll", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))

here = config.test_source_root
repo = os.path.normpath(os.path.join(here, os.pardir, os.pardir))
default_plugin = os.path.join(repo, "build", "dev", "clara_passes", "libClaraPasses.so")
plugin = os.path.abspath(os.environ.get("CLARA_PLUGIN") or default_plugin)
if not os.path.isfile(plugin):
    lit_config.fatal(
        "libClaraPasses.so not found at %s: build it (cmake -S . -B build/dev -G Ninja "
        "&& cmake --build build/dev) or set CLARA_PLUGIN" % plugin
    )


def find_tool(env_var, name, required=True):
    path = os.environ.get(env_var) or shutil.which(name)
    if not path:
        for d in ("/usr/bin", "/usr/lib/llvm-19/bin"):
            cand = os.path.join(d, name)
            if os.path.isfile(cand):
                path = cand
                break
    if not path and required:
        lit_config.fatal("%s not found on PATH (install llvm-19 tools) or set %s" % (name, env_var))
    return path


opt = find_tool("CLARA_OPT", "opt-19")
filecheck = find_tool("CLARA_FILECHECK", "FileCheck-19")
lit_config.note("plugin: %s" % plugin)

config.substitutions.append(("%clara_plugin", plugin))
config.substitutions.append(("%opt_bare", opt))
config.substitutions.append(("%opt", "%s -load-pass-plugin=%s" % (opt, plugin)))
config.substitutions.append(("%inputs", os.path.join(here, "Inputs")))
config.substitutions.append(("%src", os.path.join(here, os.pardir, "inputs")))
clang = find_tool("CLARA_CLANG", "clang-19", required=False)
if clang:
    config.available_features.add("clang")
    clangxx = os.path.join(os.path.dirname(clang), os.path.basename(clang).replace("clang", "clang++", 1))
    config.substitutions.append(("%clangxx", clangxx if os.path.isfile(clangxx) else clang + " --driver-mode=g++"))
    config.substitutions.append(("%clang", clang))
config.substitutions.append((r"\bFileCheck\b", filecheck))

# Keep the environment small and deterministic.
config.environment["LC_ALL"] = "C"
