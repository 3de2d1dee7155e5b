"""The Click configuration language: data model, parser, compound flattening, port checks.

Owns the syntax of ``.click`` files (declarations, connections, ``elementclass`` compounds,
``require``), their flattening into primitive elements, and the port-count check of a
flattened configuration against the classes' ``port_count()`` strings. Knows nothing about
which classes exist: class resolution lives elsewhere in ``clara.pipeline``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from clara.errors import ClaraError


@dataclass(frozen=True)
class SourceLocation:
    """1-based line and column in a ``.click`` file."""

    file: str
    line: int
    column: int


@dataclass(frozen=True)
class ElementDecl:
    """One element: declared (``name :: Class(config)``) or anonymous (``Class@N``)."""

    name: str
    class_name: str
    config: str
    location: SourceLocation
    anonymous: bool


@dataclass(frozen=True)
class Connection:
    """``source [source_port] -> [target_port] target``."""

    source: str
    source_port: int
    target: str
    target_port: int
    location: SourceLocation


@dataclass(frozen=True)
class CompoundClass:
    """An ``elementclass Name { $formal, ... | body }`` definition."""

    name: str
    formals: tuple[str, ...]
    body: ClickConfig
    location: SourceLocation


@dataclass(frozen=True)
class ClickConfig:
    """A parsed configuration (or a compound's body)."""

    path: str
    elements: tuple[ElementDecl, ...]
    connections: tuple[Connection, ...]
    requirements: tuple[str, ...]
    compounds: tuple[CompoundClass, ...]


def _parse_port_range(text: str, whole: str) -> tuple[int, int | None]:
    """One side of a port count: ``N``, ``N-M``, ``N-`` or ``-`` (min, max; None = unbounded)."""
    if text == "-":
        return (0, None)
    low, dash, high = text.partition("-")
    if not low.isdigit() or (high and not high.isdigit()):
        raise ClaraError(
            f"bad port count {whole!r}: expected N, N-M, N- or - on each side of '/'"
        )
    minimum = int(low)
    if not dash:
        return (minimum, minimum)
    if not high:
        return (minimum, None)
    maximum = int(high)
    if maximum < minimum:
        raise ClaraError(f"bad port count {whole!r}: range {text} has max below min")
    return (minimum, maximum)


@dataclass(frozen=True)
class PortCount:
    """An element's ``port_count()`` string, e.g. ``"1/1-2"``, ``"1/-"``, ``"-/-"``, ``"0/1"``."""

    inputs: tuple[int, int | None]
    outputs: tuple[int, int | None]

    @classmethod
    def parse(cls, text: str) -> PortCount:
        """Parse Click's port-count syntax.

        ``IN/OUT`` where each side is ``N``, ``N-M``, ``N-`` (at least N) or ``-`` (any);
        ``OUT`` may be ``=`` (as many outputs as inputs); a string without ``/`` applies to
        both sides.
        """
        stripped = text.strip()
        inputs_text, slash, outputs_text = stripped.partition("/")
        inputs = _parse_port_range(inputs_text, text)
        if not slash:
            return cls(inputs, inputs)
        if outputs_text == "=":
            return cls(inputs, inputs)
        return cls(inputs, _parse_port_range(outputs_text, text))


class ClickConfigError(ClaraError):
    """A syntax or port error in a ``.click`` file, at an exact line and column.

    The message reads ``FILE:LINE:COL: error: WHAT`` plus a ``hint:`` line when there is a fix.
    """

    def __init__(self, location: SourceLocation, what: str, hint: str = "") -> None:
        message = f"{location.file}:{location.line}:{location.column}: error: {what}"
        if hint:
            message += f"\n  hint: {hint}"
        super().__init__(message)
        self.location = location
        self.what = what
        self.hint = hint


def parse_config(text: str, path: str = "<string>") -> ClickConfig:
    """Parse a configuration's syntax (classes are not resolved)."""
    raise NotImplementedError


def load_config(path: Path) -> ClickConfig:
    """Read and parse a ``.click`` file."""
    raise NotImplementedError


def flatten(config: ClickConfig) -> ClickConfig:
    """Expand instances of compound classes into primitive elements named "instance/inner".

    ``$formal`` parameters are substituted in inner configs; connections through the
    compound's ``input``/``output`` pseudo-elements are rewired to the inner elements; the
    result has ``compounds=()``.
    """
    raise NotImplementedError


def check_ports(config: ClickConfig, ports: Mapping[str, PortCount]) -> None:
    """Check a flattened configuration's port use against ``ports`` (class -> PortCount).

    Raises ClickConfigError at the connection's location for a port number outside the
    class's range, an element using fewer inputs or outputs than the class's minimum, and the
    same output port connected twice.
    """
    raise NotImplementedError
