"""Element class resolution: which source implements each class a Click configuration names.

Owns the class index (``index_classes``): every ``.cc`` with ``EXPORT_ELEMENT(CxxClass)`` in
the searched folders, keyed by the Click class name its ``class_name()`` returns, with the
port counts of its ``port_count()`` and its ``processing()`` code read from the class
definition (header beside the source, or the source). Folders, first match wins:
``--elements DIR`` (recursive), ``-I DIR`` (top level), ``--click-root DIR``
(``elements/*/*.cc``), ``examples/elements/``, ``examples/nfs/``. Also owns
``BOUNDARY_CLASSES``: sources and sinks (devices, dumps, queues) that Clara does not compile
and that cost nothing on the NF path, and ``resolve_classes``, which lists every class of a
configuration without a source as one ClaraError.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from clara.errors import ClaraError
from clara.pipeline.config_lang import ClickConfig, PortCount
from clara.runtime.build import element_header
from clara.toolchain.compile import CXX_SUFFIXES
from clara.toolchain.llvm import REPO_DIR

EXAMPLE_DIRS = (REPO_DIR / "examples" / "elements", REPO_DIR / "examples" / "nfs")

SOURCE, SINK, PASS, ELEMENT = "source", "sink", "pass", "element"


@dataclass(frozen=True)
class Boundary:
    """A source/sink class: no source code in Clara, no NF cost."""

    role: str  # SOURCE (emits the trace), SINK (counts and drops), PASS (forwards unchanged)
    ports: str  # its port_count() string in Click


# Sources feed the trace in; sinks count what reaches them; queues and Print forward packets
# unchanged (no scheduling is modelled). Idle is taken as a sink: it never emits.
BOUNDARY_CLASSES: Mapping[str, Boundary] = {
    "FromDevice": Boundary(SOURCE, "0/1"),
    "PollDevice": Boundary(SOURCE, "0/1"),
    "FromDump": Boundary(SOURCE, "0/1"),
    "InfiniteSource": Boundary(SOURCE, "0/1"),
    "RatedSource": Boundary(SOURCE, "0/1"),
    "ToDevice": Boundary(SINK, "1/0"),
    "ToDump": Boundary(SINK, "1/0"),
    "Discard": Boundary(SINK, "1/0"),
    "Idle": Boundary(SINK, "-/-"),
    "Queue": Boundary(PASS, "1/1"),
    "SimpleQueue": Boundary(PASS, "1/1"),
    "Print": Boundary(PASS, "1/1"),
}

# Click's port-count and processing constants (click/element.hh).
PORT_CONSTANTS = {"PORTS_0_0": "0", "PORTS_0_1": "0/1", "PORTS_1_0": "1/0", "PORTS_1_1": "1",
                  "PORTS_1_1X2": "1/1-2"}
PROCESSING_CONSTANTS = {"AGNOSTIC": "a", "PUSH": "h", "PULL": "l", "PUSH_TO_PULL": "h/l",
                        "PULL_TO_PUSH": "l/h", "PROCESSING_A_AH": "a/ah"}
DEFAULT_PORTS = "0"  # Element::port_count() in Click
DEFAULT_PROCESSING = "a"

_EXPORT = re.compile(r"^\s*EXPORT_ELEMENT\(\s*(\w+)\s*\)", re.MULTILINE)
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


@dataclass(frozen=True)
class ElementClass:
    """One Click element class: where its code is and how many ports it has."""

    name: str  # the Click class name (class_name())
    role: str  # ELEMENT, or a boundary role
    ports: PortCount
    processing: str = DEFAULT_PROCESSING
    cxx_name: str = ""  # the C++ class (EXPORT_ELEMENT's argument)
    source: Path | None = None
    header: Path | None = None
    origin: str = ""  # which searched folder it came from


@dataclass(frozen=True)
class SearchPath:
    """A folder to scan for element sources, and how to list its sources."""

    directory: Path
    origin: str
    pattern: str  # glob relative to directory


def search_paths(elements: Sequence[Path] = (), include: Sequence[Path] = (),
                 click_root: Path | None = None) -> list[SearchPath]:
    """The folders scanned for element classes, in precedence order."""
    paths = [SearchPath(d, f"--elements {d}", "**/*") for d in elements]
    paths += [SearchPath(d, f"-I {d}", "*") for d in include]
    if click_root is not None:
        paths.append(SearchPath(click_root / "elements", f"--click-root {click_root}", "*/*"))
    paths += [SearchPath(d, str(d.relative_to(REPO_DIR)), "*") for d in EXAMPLE_DIRS]
    return paths


def _strip_comments(text: str) -> str:
    return _COMMENTS.sub(" ", text)


def _class_body(text: str, cxx_name: str) -> tuple[str, str] | None:
    """(base-clause, body) of ``class cxx_name ... { body }`` in ``text``, if defined there."""
    match = re.search(rf"\b(?:class|struct)\s+{re.escape(cxx_name)}\b([^;{{]*)\{{", text)
    if match is None:
        return None
    depth, start = 1, match.end()
    for pos in range(start, len(text)):
        if text[pos] == "{":
            depth += 1
        elif text[pos] == "}":
            depth -= 1
            if depth == 0:
                return match.group(1), text[start:pos]
    return match.group(1), text[start:]


def _returned(texts: Iterable[str], cxx_name: str, method: str) -> str | None:
    """What ``method() const`` returns, in the class body or an out-of-class definition."""
    method_re = rf"\b{method}\s*\(\s*\)\s*const\s*(?:override\s*)?(?:final\s*)?"
    body_re = re.compile(method_re + r"\{\s*return\s+([^;]+);")
    outside_re = re.compile(rf"\b{re.escape(cxx_name)}::" + method_re + r"\{\s*return\s+([^;]+);")
    for text in texts:
        parts = _class_body(text, cxx_name)
        found = body_re.search(parts[1]) if parts else None
        found = found or outside_re.search(text)
        if found:
            return found.group(1).strip()
    return None


def _constant(value: str, constants: Mapping[str, str]) -> str | None:
    """A returned string literal, or a known Click constant (``PORTS_1_1``, ``PUSH``)."""
    literal = re.fullmatch(r'"([^"]*)"', value)
    if literal:
        return literal.group(1)
    return constants.get(value.rsplit("::", 1)[-1])


def _base_class(texts: Iterable[str], cxx_name: str) -> str | None:
    for text in texts:
        parts = _class_body(text, cxx_name)
        if parts:
            base = re.search(r"(?:public|protected|private)?\s*(?:\w+::)*(\w+)\s*$",
                             parts[0].strip())
            return base.group(1) if base and parts[0].strip() else None
    return None


def _related_texts(source: Path, text: str) -> list[str]:
    """The source, the header beside it and the quoted headers it includes that exist."""
    files = [p for p in (element_header(source),) if p is not None]
    files += [source.parent / name for name in _INCLUDE.findall(text)]
    texts = [text]
    for path in dict.fromkeys(files):
        if path.is_file():
            texts.append(_strip_comments(path.read_text(errors="replace")))
    return texts


def _method_value(texts: list[str], cxx_name: str, method: str,
                  constants: Mapping[str, str]) -> str | None:
    """``method``'s value for the class, following base classes defined in the same files."""
    seen: set[str] = set()
    name: str | None = cxx_name
    while name and name not in seen:
        seen.add(name)
        value = _returned(texts, name, method)
        if value is not None:
            return _constant(value, constants)
        name = _base_class(texts, name)
    return None


def classes_in_source(source: Path, origin: str) -> list[ElementClass]:
    """Every class ``source`` exports with ``EXPORT_ELEMENT``."""
    text = _strip_comments(source.read_text(errors="replace"))
    exported = _EXPORT.findall(text)
    if not exported:
        return []
    texts = _related_texts(source, text)
    classes = []
    for cxx_name in exported:
        click_name = _returned(texts, cxx_name, "class_name")
        name = _constant(click_name, {}) if click_name else None
        ports = _method_value(texts, cxx_name, "port_count", PORT_CONSTANTS) or DEFAULT_PORTS
        try:
            port_count = PortCount.parse(ports)
        except ClaraError as err:
            raise ClaraError(f"{source}: {cxx_name}::port_count(): {err}") from err
        classes.append(ElementClass(
            name=name or cxx_name, role=ELEMENT, ports=port_count,
            processing=(_method_value(texts, cxx_name, "processing", PROCESSING_CONSTANTS)
                        or DEFAULT_PROCESSING),
            cxx_name=cxx_name, source=source.resolve(), header=element_header(source.resolve()),
            origin=origin))
    return classes


def _sources(path: SearchPath) -> list[Path]:
    if not path.directory.is_dir():
        return []
    return sorted(p for p in path.directory.glob(path.pattern)
                  if p.suffix in CXX_SUFFIXES and p.is_file())


def boundary_class(name: str) -> ElementClass:
    boundary = BOUNDARY_CLASSES[name]
    return ElementClass(name=name, role=boundary.role, ports=PortCount.parse(boundary.ports),
                        origin="boundary")


def index_classes(paths: Sequence[SearchPath]) -> dict[str, ElementClass]:
    """Click class name -> class, over ``paths`` in order (the first definition wins), plus
    the boundary classes (a source of the same name takes precedence over them)."""
    index: dict[str, ElementClass] = {}
    for path in paths:
        for source in _sources(path):
            for cls in classes_in_source(source, path.origin):
                index.setdefault(cls.name, cls)
    for name in BOUNDARY_CLASSES:
        index.setdefault(name, boundary_class(name))
    return index


def resolve_classes(config: ClickConfig, index: Mapping[str, ElementClass],
                    paths: Sequence[SearchPath]) -> dict[str, ElementClass]:
    """Element name -> class for a flattened configuration; every class without a source is
    listed (with the line of its first use) in one ClaraError."""
    missing: dict[str, tuple[int, str]] = {}
    resolved = {}
    for element in config.elements:
        cls = index.get(element.class_name)
        if cls is None:
            missing.setdefault(element.class_name, (element.location.line, element.name))
        else:
            resolved[element.name] = cls
    if missing:
        lines = [f"  {name} (first used on line {line}, element {element})"
                 for name, (line, element) in missing.items()]
        searched = ", ".join(p.origin for p in paths) or "nothing"
        raise ClaraError(
            f"{config.path}: {len(missing)} element class(es) have no source:\n"
            + "\n".join(lines)
            + f"\nsearched: {searched}\nfix: give the folder holding each class's source (a "
            "C++ file with EXPORT_ELEMENT(Class)) with --elements DIR, or a Click source tree "
            "with --click-root DIR")
    return resolved


def port_counts(classes: Iterable[ElementClass]) -> dict[str, PortCount]:
    """Click class name -> PortCount, as ``config_lang.check_ports`` takes it."""
    return {cls.name: cls.ports for cls in classes}
