"""The per-class build cache: each element source is compiled and analyzed once.

An entry is a directory ``<cache>/elements/<key>/`` (``$CLARA_CACHE_DIR`` or
``$XDG_CACHE_HOME/clara``, default ``~/.cache/clara``). The key is the SHA-256 of what the
build depends on besides headers: the step's name, the source's path and bytes, the compile
options, the plugin library's bytes, the compiler's path and the working directory (clang
writes debug-info file names relative to it, and the records carry them). The headers the
compile read are recorded in the entry's ``manifest.json`` (from clang's ``-MD`` dependency
file) with their SHA-256; an entry is valid only while every one of them still has that
content, so an edited header, source, option or plugin all rebuild. Entries are written to a
temporary directory and renamed into place, so a concurrent or interrupted run never leaves a
half entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from clara.files import file_sha256
from clara.toolchain.compile import CompileOptions
from clara.toolchain.llvm import find_llvm, find_plugin
from clara.workload.profile import runtime_cache_dir

MANIFEST = "manifest.json"
SCHEMA = "clara.element-cache/1"


@dataclass(frozen=True)
class Built:
    """A build step's output directory, and whether it came from the cache."""

    directory: Path
    cached: bool


def cache_root() -> Path:
    """``<clara cache>/elements``: beside the runtime objects ``clara profile`` caches."""
    return runtime_cache_dir().parent / "elements"


@cache
def _tool_digest(path: Path, size: int, mtime: float) -> str:
    return file_sha256(path)


def plugin_digest() -> str:
    """SHA-256 of the plugin library (memoized per file version within a process)."""
    plugin = find_plugin()
    stat = plugin.stat()
    return _tool_digest(plugin, stat.st_size, stat.st_mtime)


def entry_key(step: str, source: Path, options: CompileOptions, *extra: str) -> str:
    """The key of ``step`` on ``source`` (headers are checked through the manifest)."""
    digest = hashlib.sha256()
    for part in (SCHEMA, step, str(source.resolve()), file_sha256(source), repr(options),
                 plugin_digest(), str(find_llvm().clangxx), os.getcwd(), *extra):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def dependency_files(depfile: Path) -> list[Path]:
    """The files a Make-style ``-MD`` dependency file lists (``target: dep dep \\ ...``)."""
    text = depfile.read_text().replace("\\\n", " ")
    _, _, deps = text.partition(": ")
    files, current = [], ""
    i = 0
    while i < len(deps):
        char = deps[i]
        if char == "\\" and i + 1 < len(deps) and deps[i + 1] == " ":
            current += " "
            i += 2
            continue
        if char.isspace():
            if current:
                files.append(Path(current))
            current = ""
        else:
            current += char
        i += 1
    if current:
        files.append(Path(current))
    return files


def _manifest_valid(entry: Path) -> bool:
    manifest = entry / MANIFEST
    if not manifest.is_file():
        return False
    try:
        deps = json.loads(manifest.read_text())["deps"]
    except (ValueError, KeyError):
        return False
    for name, digest in deps.items():
        path = Path(name)
        if not path.is_file() or file_sha256(path) != digest:
            return False
    return True


def _write_manifest(directory: Path, deps: Sequence[Path]) -> None:
    manifest = {"schema": SCHEMA,
                "deps": {str(p.resolve()): file_sha256(p) for p in dict.fromkeys(deps)}}
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")


def cached_build(key: str, build: Callable[[Path], Sequence[Path]],
                 root: Path | None, scratch: Path) -> Built:
    """Run ``build(directory)`` (it returns the files the result depends on) unless a valid
    entry ``key`` exists under ``root``. Without a root (``--no-cache``) the build goes to a
    fresh directory under ``scratch`` and nothing is read or written in the cache."""
    if root is None:
        directory = scratch / key[:16]
        directory.mkdir(parents=True, exist_ok=True)
        build(directory)
        return Built(directory, cached=False)
    entry = root / key
    if _manifest_valid(entry):
        return Built(entry, cached=True)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{key[:16]}.", dir=root))
    try:
        _write_manifest(staging, build(staging))
        if entry.exists():
            shutil.rmtree(entry, ignore_errors=True)
        try:
            os.replace(staging, entry)
        except OSError:  # another run put a fresh entry in place first: use it
            if not _manifest_valid(entry):
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Built(entry, cached=False)
