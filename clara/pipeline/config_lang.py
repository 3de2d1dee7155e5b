"""The Click configuration language: data model, parser, compound flattening, port checks.

Owns the syntax of ``.click`` files (declarations, connections, ``elementclass`` compounds,
``require``, ``define``), their flattening into primitive elements, and the port-count check
of a flattened configuration against the classes' ``port_count()`` strings. Knows nothing
about which classes exist: class resolution lives elsewhere in ``clara.pipeline``.

The language is Click's (the click(5) manual); the supported subset and its diagnostics are
described in docs/click-config.md. Every syntax error is a ``ClickConfigError`` carrying the
exact 1-based line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from clara.errors import ClaraError

# ----------------------------------------------------------------------------------------------
# Data model (the API shared with the class resolver and the path analysis)
# ----------------------------------------------------------------------------------------------


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
    """``source [source_port] -> [target_port] target``, located at its ``->``."""

    source: str
    source_port: int
    target: str
    target_port: int
    location: SourceLocation


@dataclass(frozen=True)
class CompoundClass:
    """An ``elementclass Name { $formal, ... | body }`` definition (or an inline ``{...}``)."""

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
    # ``define($NAME value, ...)`` parameters of this scope, as ("$NAME", "value") pairs
    definitions: tuple[tuple[str, str], ...] = ()


def _parse_port_range(text: str, whole: str) -> tuple[int, int | None]:
    """One side of a port count: ``N``, ``N-M``, ``N-``, ``-M`` or ``-`` (min, max; max None =
    unbounded)."""
    low, dash, high = text.partition("-")
    if (not low and not dash) or (low and not low.isdigit()) or (high and not high.isdigit()):
        raise ClaraError(
            f"bad port count {whole!r}: expected N, N-M, N-, -M or - on each side of '/'"
        )
    minimum = int(low) if low else 0
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
        """Parse Click's port-count syntax (``Element::port_count``).

        ``IN/OUT`` where each side is ``N``, ``N-M``, ``N-`` (at least N), ``-M`` (at most M)
        or ``-`` (any); a string without ``/`` applies to both sides. ``OUT`` may be ``=``
        (as many outputs as inputs) or ``=+``, ``=++``... (one, two... more outputs than
        inputs): the output range is then the input range shifted by that many.
        """
        stripped = text.strip()
        inputs_text, slash, outputs_text = stripped.partition("/")
        inputs = _parse_port_range(inputs_text, text)
        if not slash:
            return cls(inputs, inputs)
        if outputs_text.startswith("=") and set(outputs_text[1:]) <= {"+"}:
            extra = len(outputs_text) - 1
            high = None if inputs[1] is None else inputs[1] + extra
            return cls(inputs, (inputs[0] + extra, high))
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


def _at(location: SourceLocation) -> str:
    """``LINE:COL`` of a location, for messages that point at a second place."""
    return f"{location.line}:{location.column}"


# ----------------------------------------------------------------------------------------------
# Lexer
# ----------------------------------------------------------------------------------------------

_KEYWORDS = frozenset({"elementclass", "require", "provide", "define"})
_PUNCTUATION = ("...", "->", "=>", "::", "||", ";", ",", "(", ")", "[", "]", "{", "}", "|")


def _is_word_char(char: str) -> bool:
    """Letters, digits, ``_`` and ``@`` (ASCII, as in Click's lexer)."""
    return char.isascii() and (char.isalnum() or char in "_@")


@dataclass(frozen=True)
class _Token:
    """kind: "ident", "var", a keyword, a punctuation string, or "eof"."""

    kind: str
    text: str
    location: SourceLocation


def _describe(token: _Token) -> str:
    """How a token is named in an error message."""
    if token.kind == "eof":
        return "end of file"
    if token.kind == "var":
        return f"parameter '{token.text}'"
    return f"'{token.text}'"


class _Lexer:
    """Turns Click text into tokens; reads configuration strings and port brackets raw."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.path = path
        self.pos = 0
        self.line = 1
        self.column = 1
        self.last_line = 1  # line of the last consumed token (the end of a config string)
        self._ahead: list[_Token] = []

    def location(self) -> SourceLocation:
        return SourceLocation(self.path, self.line, self.column)

    def _advance(self, count: int) -> None:
        for char in self.text[self.pos : self.pos + count]:
            if char == "\n":
                self.line += 1
                self.column = 1
            else:
                self.column += 1
        self.pos += count

    def _char(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def _skip_comment(self) -> bool:
        """Skip one ``//`` or ``/* */`` comment at the position; False when there is none."""
        if self._char() != "/" or self._char(1) not in ("/", "*"):
            return False
        if self._char(1) == "/":
            end = self.text.find("\n", self.pos)
            self._advance((len(self.text) if end < 0 else end) - self.pos)
            return True
        start = self.location()
        end = self.text.find("*/", self.pos + 2)
        if end < 0:
            raise ClickConfigError(start, "unterminated comment '/*'", "close it with '*/'")
        self._advance(end + 2 - self.pos)
        return True

    def _skip_blanks(self) -> None:
        while self.pos < len(self.text):
            if self._char().isspace():
                self._advance(1)
            elif not self._skip_comment():
                return

    def peek(self, index: int = 0) -> _Token:
        while len(self._ahead) <= index:
            self._ahead.append(self._lex())
        return self._ahead[index]

    def next(self) -> _Token:
        token = self.peek()
        self._ahead.pop(0)
        self.last_line = token.location.line
        return token

    def _lex(self) -> _Token:
        self._skip_blanks()
        start = self.location()
        char = self._char()
        if not char:
            return _Token("eof", "", start)
        if _is_word_char(char):
            end = self.pos + 1
            while end < len(self.text) and (
                _is_word_char(self.text[end])
                or (
                    self.text[end] == "/"
                    and end + 1 < len(self.text)
                    and _is_word_char(self.text[end + 1])
                )
            ):
                end += 1
            word = self.text[self.pos : end]
            self._advance(end - self.pos)
            return _Token(word if word in _KEYWORDS else "ident", word, start)
        if char == "$":
            end = self.pos + 1
            while end < len(self.text) and (
                self.text[end].isascii() and (self.text[end].isalnum() or self.text[end] == "_")
            ):
                end += 1
            if end > self.pos + 1:
                name = self.text[self.pos : end]
                self._advance(end - self.pos)
                return _Token("var", name, start)
        for punct in _PUNCTUATION:
            if self.text.startswith(punct, self.pos):
                self._advance(len(punct))
                return _Token(punct, punct, start)
        if char == "#":
            raise ClickConfigError(
                start,
                "'#' is not part of the Click language",
                "Click comments are '// ...' and '/* ... */'; '#' preprocessor line "
                "directives are not supported",
            )
        raise ClickConfigError(start, f"unexpected character {char!r}")

    # -- raw readers: called right after the opening '(' or '[' was consumed --------------

    def read_config(self, open_location: SourceLocation) -> str:
        """The configuration string up to the matching ``)``: comments removed, stripped.

        Parentheses inside quotes and comments do not count; a ``/* */`` comment becomes one
        space (as Click's argument parser treats it), a ``//`` comment is dropped up to the
        end of its line.
        """
        assert not self._ahead, "read_config needs the lexer positioned after '('"
        pieces: list[str] = []
        start = self.pos
        depth = 1
        while True:
            char = self._char()
            if not char:
                raise ClickConfigError(
                    open_location,
                    "unterminated '(': no matching ')'",
                    "close the configuration string with ')'",
                )
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    break
            elif char in "'\"":
                self._skip_quoted(char)
                continue
            elif char == "/" and self._char(1) in ("/", "*"):
                pieces.append(self.text[start : self.pos])
                block = self._char(1) == "*"
                self._skip_comment()
                if block:
                    pieces.append(" ")
                start = self.pos
                continue
            elif char == "\\" and self._char(1) == "<":
                self._skip_until(">", "unterminated '\\<' data", "close it with '>'")
                continue
            self._advance(1)
        pieces.append(self.text[start : self.pos])
        self._advance(1)
        self.last_line = self.line
        return "".join(pieces).strip()

    def _skip_quoted(self, quote: str) -> None:
        start = self.location()
        self._advance(1)
        while True:
            char = self._char()
            if not char:
                raise ClickConfigError(
                    start,
                    f"unterminated string {quote}...{quote}",
                    f"close the string with {quote}",
                )
            if char == "\\" and quote == '"':
                self._advance(2)
                continue
            self._advance(1)
            if char == quote:
                return

    def _skip_until(self, end: str, what: str, hint: str) -> None:
        start = self.location()
        found = self.text.find(end, self.pos)
        if found < 0:
            raise ClickConfigError(start, what, hint)
        self._advance(found + len(end) - self.pos)

    def read_port(self, open_location: SourceLocation) -> tuple[int, SourceLocation]:
        """The port number of ``[N]`` (the ``[`` already consumed) and the ``[``'s location."""
        assert not self._ahead, "read_port needs the lexer positioned after '['"
        end = self.pos
        while end < len(self.text) and self.text[end] not in "]\n;{}":
            end += 1
        if end >= len(self.text) or self.text[end] != "]":
            raise ClickConfigError(
                open_location,
                "unterminated '[': expected ']' after the port",
                "write ports as [N], e.g. 'c [1] -> x'",
            )
        raw = self.text[self.pos : end]
        self._advance(len(raw) - len(raw.lstrip()))
        content_location = self.location()
        self._advance(end + 1 - self.pos)
        self.last_line = self.line
        text = raw.strip()
        if text.isascii() and text.isdigit():
            return int(text), open_location
        if "," in text:
            raise ClickConfigError(
                content_location,
                f"port lists '[{text}]' are not supported",
                "port lists only serve '=>' connections; write one '->' connection per port",
            )
        where = open_location if not text else content_location
        raise ClickConfigError(
            where,
            f"unknown port syntax '[{text}]'",
            "a port is a non-negative integer in brackets, e.g. [0] or [2]",
        )


# ----------------------------------------------------------------------------------------------
# Parser
# ----------------------------------------------------------------------------------------------

_PSEUDO = ("input", "output")
# tokens that cannot start an element: '->' followed by one of them has nothing after it
_STATEMENT_END = frozenset({";", "eof", "}", ")", "elementclass", "require", "provide", "define"})


@dataclass
class _Scope:
    """A file or a compound body being parsed."""

    compound: bool
    classes: set[str]  # compound and synonym class names visible here
    synonyms: dict[str, str]  # elementclass A B; (A -> B), visible here
    elements: list[ElementDecl] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    compounds: list[CompoundClass] = field(default_factory=list)
    definitions: list[tuple[str, str]] = field(default_factory=list)
    declared: dict[str, ElementDecl] = field(default_factory=dict)
    # bare words taken as anonymous elements of that class: word -> first use
    class_uses: dict[str, SourceLocation] = field(default_factory=dict)
    # ports used on the input/output pseudo-elements: port -> first connection using it
    pseudo_ports: dict[str, dict[int, SourceLocation]] = field(
        default_factory=lambda: {"input": {}, "output": {}}
    )

    def config(self, path: str) -> ClickConfig:
        return ClickConfig(
            path,
            tuple(self.elements),
            tuple(_unique(self.connections)),
            tuple(self.requirements),
            tuple(self.compounds),
            tuple(self.definitions),
        )


@dataclass
class _Ref:
    """One element written in a statement, before it is resolved to a name."""

    word: str | None  # the identifier, None for an inline '{...}' compound
    location: SourceLocation
    declared_class: str | None  # after '::' (or the inline compound's class)
    config: str | None  # None without parentheses
    in_port: tuple[int, SourceLocation] | None
    out_port: tuple[int, SourceLocation] | None

    @property
    def bare(self) -> bool:
        return self.word is not None and self.declared_class is None and self.config is None


@dataclass(frozen=True)
class _End:
    """A resolved element of a connection statement, with the ports written around it."""

    name: str
    in_port: int
    out_port: int


class _Parser:
    """Recursive descent over the token stream, building scopes."""

    def __init__(self, lexer: _Lexer) -> None:
        self.lexer = lexer
        self.inline_compounds = 0

    def expect(self, kind: str, context: str) -> _Token:
        token = self.lexer.next()
        if token.kind != kind:
            raise ClickConfigError(
                token.location, f"expected '{kind}' {context}, found {_describe(token)}"
            )
        return token

    # -- statements --------------------------------------------------------------------------

    def statements(self, scope: _Scope, closing: str) -> None:
        """Statements up to ``closing`` ("eof" or "}"), which is left unconsumed."""
        while True:
            token = self.lexer.peek()
            if token.kind == closing:
                return
            if token.kind == "eof":
                return  # the caller reports the unterminated '{'
            if token.kind == ";":
                self.lexer.next()
            elif token.kind == "elementclass":
                self.elementclass(scope)
            elif token.kind in ("require", "define"):
                self.require_or_define(scope)
            else:
                self.unsupported_statement(token, scope)
                self.connection(scope)

    def unsupported_statement(self, token: _Token, scope: _Scope) -> None:
        """Reject statement starts outside the supported subset with a precise message."""
        if token.kind == "provide":
            raise ClickConfigError(token.location, "'provide' statements are not supported")
        if token.kind in ("||", "..."):
            raise ClickConfigError(
                token.location,
                f"'{token.text}' (compound overloading) is not supported",
                "define one elementclass per variant, with different names",
            )
        if token.kind in ("->", "=>"):
            hint = (
                "write the pseudo-element explicitly: 'input -> ...'"
                if scope.compound
                else "start the connection with an element: 'a -> b'"
            )
            raise ClickConfigError(
                token.location, f"'{token.text}' with no element before it", hint
            )
        if token.kind == "}":
            raise ClickConfigError(token.location, "unexpected '}' with no open '{'")
        if token.kind not in ("ident", "[", "{", "("):
            raise ClickConfigError(
                token.location,
                f"unexpected {_describe(token)}",
                "a statement starts with an element, 'elementclass', 'require' or 'define'",
            )

    def elementclass(self, scope: _Scope) -> None:
        self.lexer.next()
        name = self.lexer.next()
        if name.kind != "ident":
            raise ClickConfigError(
                name.location,
                f"expected a class name after 'elementclass', found {_describe(name)}",
            )
        body = self.lexer.next()
        if body.kind == "{":
            compound = self.compound_body(scope, name.text, body.location, name.location)
            scope.compounds.append(compound)
            scope.synonyms.pop(name.text, None)
        elif body.kind == "ident":
            scope.synonyms[name.text] = scope.synonyms.get(body.text, body.text)
        else:
            raise ClickConfigError(
                body.location,
                f"expected '{{' or a class name after 'elementclass {name.text}', "
                f"found {_describe(body)}",
            )
        scope.classes.add(name.text)

    def require_or_define(self, scope: _Scope) -> None:
        keyword = self.lexer.next()
        opening = self.expect("(", f"after '{keyword.text}'")
        arguments = [
            arg for arg in split_arguments(self.lexer.read_config(opening.location)) if arg
        ]
        if keyword.kind == "require":
            scope.requirements.extend(arguments)
            return
        known = {name for name, _ in scope.definitions}
        for argument in arguments:
            match = re.fullmatch(r"(\$\w+)\s*(.*)", argument, re.DOTALL)
            if not match:
                raise ClickConfigError(
                    keyword.location,
                    f"define expects '$NAME value' pairs, found {argument!r}",
                    "write define($DEV eth0, $COUNT 1)",
                )
            if match.group(1) in known:
                raise ClickConfigError(
                    keyword.location, f"parameter '{match.group(1)}' defined twice in this scope"
                )
            known.add(match.group(1))
            scope.definitions.append((match.group(1), match.group(2).strip()))

    # -- compounds ---------------------------------------------------------------------------

    def compound_body(
        self, parent: _Scope, name: str, open_location: SourceLocation, location: SourceLocation
    ) -> CompoundClass:
        """``{ [$a, $b |] statements }`` after its ``{``; the compound's own name is not
        visible inside (Click's lexical scoping), so ``elementclass Queue { ... Queue ... }``
        refers to the outer Queue."""
        scope = _Scope(compound=True, classes=set(parent.classes), synonyms=dict(parent.synonyms))
        formals = self.formals()
        self.statements(scope, "}")
        closing = self.lexer.next()
        if closing.kind != "}":
            raise ClickConfigError(
                open_location,
                "unterminated '{': no matching '}'",
                "close the compound element with '}'",
            )
        self.check_pseudo_ports(scope)
        return CompoundClass(name, formals, scope.config(self.lexer.path), location)

    def formals(self) -> tuple[str, ...]:
        """Optional ``$a, $b |`` at the start of a compound body."""
        first = self.lexer.peek()
        if first.kind == "ident" and self.lexer.peek(1).kind == "var":
            raise ClickConfigError(
                first.location,
                f"keyword parameter '{first.text} {self.lexer.peek(1).text}' is not supported",
                "use positional parameters: { $a, $b | ... }",
            )
        if first.kind == "|":
            self.lexer.next()
            return ()
        if first.kind != "var":
            return ()
        names: list[str] = []
        while True:
            token = self.lexer.next()
            if token.kind != "var":
                raise ClickConfigError(
                    token.location, f"expected a parameter like $name, found {_describe(token)}"
                )
            if token.text in names:
                raise ClickConfigError(token.location, f"parameter '{token.text}' declared twice")
            names.append(token.text)
            separator = self.lexer.next()
            if separator.kind == "|":
                return tuple(names)
            if separator.kind != ",":
                raise ClickConfigError(
                    separator.location,
                    f"expected ',' or '|' after parameter '{token.text}', "
                    f"found {_describe(separator)}",
                )

    def check_pseudo_ports(self, scope: _Scope) -> None:
        """Compound ports are numbered without gaps (Click: "'input' input 1 missing")."""
        for pseudo, used in scope.pseudo_ports.items():
            for port in range(max(used, default=-1)):
                if port not in used:
                    above = min(p for p in used if p > port)
                    raise ClickConfigError(
                        used[above],
                        f"'{pseudo} [{above}]' is used but '{pseudo} [{port}]' is not",
                        "number a compound's ports from 0 without gaps",
                    )

    # -- connections and declarations --------------------------------------------------------

    def connection(self, scope: _Scope) -> None:
        """``elements { -> elements }``: a declaration, a chain, or both."""
        incoming: tuple[list[_End], SourceLocation] | None = None  # sources and their '->'
        while True:
            refs = self.element_list(scope)
            following = self.lexer.peek()
            if incoming is None:
                self.check_no_input_ports(refs)
                self.spread_declaration(refs, following)
            ends = [self.resolve(scope, ref) for ref in refs]
            if incoming is not None:
                self.connect(scope, incoming[0], ends, incoming[1])
            if following.kind == "=>":
                raise ClickConfigError(
                    following.location,
                    "'=>' connections are not supported",
                    "write one '->' connection per port",
                )
            if following.kind != "->":
                self.check_no_output_ports(refs, following)
                self.check_statement_end(scope, following)
                return
            arrow = self.lexer.next()
            after = self.lexer.peek()
            if after.kind in _STATEMENT_END or after.kind in ("->", "=>", ","):
                raise ClickConfigError(
                    arrow.location,
                    "'->' with nothing after it",
                    "connect it to an element: 'a -> b'",
                )
            incoming = (ends, arrow.location)

    def element_list(self, scope: _Scope) -> list[_Ref]:
        refs = [self.element(scope)]
        while self.lexer.peek().kind == ",":
            self.lexer.next()
            refs.append(self.element(scope))
        return refs

    def port(self) -> tuple[int, SourceLocation] | None:
        if self.lexer.peek().kind != "[":
            return None
        opening = self.lexer.next()
        return self.lexer.read_port(opening.location)

    def element(self, scope: _Scope) -> _Ref:
        """``[port] (name [:: Class] | Class | {...}) [(config)] [port]``."""
        in_port = self.port()
        token = self.lexer.next()
        word: str | None = None
        declared_class: str | None = None
        if token.kind == "ident":
            word = token.text
            if self.lexer.peek().kind == "::":
                self.lexer.next()
                declared_class = self.class_after_colons(scope, token)
        elif token.kind == "{":
            declared_class = self.inline_compound(scope, token.location, token.location)
        elif token.kind == "(":
            raise ClickConfigError(
                token.location,
                "element groups '( ... )' are not supported",
                "declare the elements and connect them one by one",
            )
        elif token.kind in ("->", "=>") and in_port is not None:
            raise ClickConfigError(
                in_port[1],
                "a port with no element before '->' (Click's implicit "
                "'input'/'output') is not supported",
                "write the pseudo-element explicitly: 'input [1] -> ...'",
            )
        else:
            raise ClickConfigError(
                token.location, f"expected an element name or class, found {_describe(token)}"
            )
        config = None
        if self.lexer.peek().kind == "(":
            opening = self.lexer.next()
            config = self.lexer.read_config(opening.location)
        return _Ref(word, token.location, declared_class, config, in_port, self.port())

    def class_after_colons(self, scope: _Scope, name: _Token) -> str:
        token = self.lexer.next()
        if token.kind == "ident":
            return scope.synonyms.get(token.text, token.text)
        if token.kind == "{":
            return self.inline_compound(scope, token.location, name.location)
        raise ClickConfigError(
            token.location,
            f"expected a class after '{name.text} ::', found {_describe(token)}",
            f"declare it as '{name.text} :: Class(config)'",
        )

    def inline_compound(
        self, scope: _Scope, open_location: SourceLocation, element_location: SourceLocation
    ) -> str:
        """``{ ... }`` used as a class: a compound named ``@CompoundK`` (K counts them in the
        file), located at the element it defines."""
        self.inline_compounds += 1
        name = f"@Compound{self.inline_compounds}"
        scope.compounds.append(self.compound_body(scope, name, open_location, element_location))
        return name

    def spread_declaration(self, refs: list[_Ref], following: _Token) -> None:
        """``a, b :: Class(config);``: every bare name gets the last name's class."""
        last = refs[-1]
        if (
            len(refs) > 1
            and following.kind != "->"
            and last.declared_class is not None
            and all(ref.bare for ref in refs[:-1])
            and all(ref.in_port is None and ref.out_port is None for ref in refs)
        ):
            for ref in refs[:-1]:
                ref.declared_class = last.declared_class
                ref.config = last.config

    def check_no_input_ports(self, refs: list[_Ref]) -> None:
        for ref in refs:
            if ref.in_port is not None:
                port, location = ref.in_port
                raise ClickConfigError(
                    location,
                    f"input port [{port}] at the start of a chain has no connection coming in",
                    f"put the port after an arrow: 'x -> [{port}] element'",
                )

    def check_no_output_ports(self, refs: list[_Ref], following: _Token) -> None:
        for ref in refs:
            if ref.out_port is not None:
                port, location = ref.out_port
                raise ClickConfigError(
                    location,
                    f"output port [{port}] of '{ref.word or '{...}'}' is not "
                    f"connected: the statement ends at {_describe(following)}",
                    "continue with '-> element', or end the previous statement "
                    "with ';' if the port starts a new one",
                )

    def check_statement_end(self, scope: _Scope, following: _Token) -> None:
        """Two statements on one line need a ';' (``a -> b c -> d`` is a missing '->')."""
        if following.kind in (";", "eof", "}"):
            return
        if following.kind not in (
            "ident",
            "[",
            "{",
            "elementclass",
            "require",
            "define",
            "provide",
        ):
            self.unsupported_statement(following, scope)
            raise ClickConfigError(following.location, f"unexpected {_describe(following)}")
        if following.location.line == self.lexer.last_line:
            raise ClickConfigError(
                following.location,
                f"missing ';' before {_describe(following)}",
                "end the statement with ';', or write '->' to continue the chain",
            )

    def resolve(self, scope: _Scope, ref: _Ref) -> _End:
        """Declare, reference or create the element ``ref`` names."""
        in_port = ref.in_port[0] if ref.in_port else 0
        out_port = ref.out_port[0] if ref.out_port else 0
        if ref.word is None:
            assert ref.declared_class is not None
            name = self.add_anonymous(scope, "", ref.declared_class, ref.config, ref.location)
        elif ref.declared_class is not None:
            self.declare(scope, ref.word, ref.declared_class, ref.config, ref.location)
            name = ref.word
        else:
            name = self.reference(scope, ref)
        return _End(name, in_port, out_port)

    def reference(self, scope: _Scope, ref: _Ref) -> str:
        """A word without ``::``: a declared element, a pseudo-element or an anonymous one."""
        word = ref.word
        assert word is not None
        existing = scope.declared.get(word)
        if existing is not None or (scope.compound and word in _PSEUDO):
            if ref.config is not None:
                where = (
                    f"declared at {_at(existing.location)}"
                    if existing
                    else "a compound's pseudo-element"
                )
                raise ClickConfigError(
                    ref.location,
                    f"configuration string on a reference to element '{word}' ({where})",
                    "give the configuration once, where the element is declared",
                )
            return word
        if word in _PSEUDO:
            raise ClickConfigError(
                ref.location,
                f"'{word}' is only meaningful inside an elementclass or compound body",
                "declare an element, or wrap these statements in 'elementclass Name { ... }'",
            )
        scope.class_uses.setdefault(word, ref.location)
        class_name = scope.synonyms.get(word, word)
        return self.add_anonymous(scope, word, class_name, ref.config, ref.location)

    def add_anonymous(
        self,
        scope: _Scope,
        prefix: str,
        class_name: str,
        config: str | None,
        location: SourceLocation,
    ) -> str:
        """``Class@N`` (N = the element's 1-based index in its scope, bumped past taken
        names); inline compounds are ``@N``, as in Click."""
        index = len(scope.elements) + 1
        while f"{prefix}@{index}" in scope.declared:
            index += 1
        decl = ElementDecl(f"{prefix}@{index}", class_name, config or "", location, True)
        scope.elements.append(decl)
        scope.declared[decl.name] = decl
        return decl.name

    def declare(
        self,
        scope: _Scope,
        name: str,
        class_name: str,
        config: str | None,
        location: SourceLocation,
    ) -> None:
        if scope.compound and name in _PSEUDO:
            raise ClickConfigError(
                location,
                f"'{name}' is a compound's pseudo-element and cannot be declared",
                "choose another element name",
            )
        if any(part.isdigit() for part in name.split("/")):
            raise ClickConfigError(
                location,
                f"element name '{name}' has an all-digit component",
                "element names need a non-digit character in each '/' part",
            )
        previous = scope.declared.get(name)
        if previous is not None:
            raise ClickConfigError(
                location,
                f"redeclaration of element '{name}'",
                f"'{name}' was first declared at {_at(previous.location)}; rename one of them",
            )
        if name in scope.classes:
            raise ClickConfigError(
                location,
                f"'{name}' is an element class, not an element name",
                "choose an element name that is not a class",
            )
        if name in scope.class_uses:
            raise ClickConfigError(
                scope.class_uses[name],
                f"undeclared element '{name}'",
                f"'{name}' is declared later, at {_at(location)}; declare "
                "elements before connecting them",
            )
        decl = ElementDecl(name, class_name, config or "", location, False)
        scope.elements.append(decl)
        scope.declared[name] = decl

    def connect(
        self, scope: _Scope, sources: list[_End], targets: list[_End], location: SourceLocation
    ) -> None:
        if len(sources) > 1 and len(targets) > 1:
            raise ClickConfigError(
                location,
                f"{len(sources)} elements connected to {len(targets)} elements with '->'",
                "connect many to one or one to many; many-to-many needs '=>', "
                "which is not supported",
            )
        for source in sources:
            for target in targets:
                self.check_pseudo_direction(scope, source.name, "output", location)
                self.check_pseudo_direction(scope, target.name, "input", location)
                connection = Connection(
                    source.name, source.out_port, target.name, target.in_port, location
                )
                if scope.compound and source.name == "input":
                    scope.pseudo_ports["input"].setdefault(source.out_port, location)
                if scope.compound and target.name == "output":
                    scope.pseudo_ports["output"].setdefault(target.in_port, location)
                scope.connections.append(connection)

    def check_pseudo_direction(
        self, scope: _Scope, name: str, wrong: str, location: SourceLocation
    ) -> None:
        """``input`` is only a source and ``output`` only a target of connections."""
        if scope.compound and name == wrong:
            role = "target" if wrong == "input" else "source"
            raise ClickConfigError(
                location,
                f"'{wrong}' used as the {role} of a connection",
                "in a compound, packets come from 'input' and go to 'output'",
            )


def _unique(connections: Iterable[Connection]) -> list[Connection]:
    """Drop repeated connections (same ends and ports), keeping the first: Click allows
    repeating a connection and keeps one."""
    seen: set[tuple[str, int, str, int]] = set()
    kept: list[Connection] = []
    for connection in connections:
        key = (connection.source, connection.source_port, connection.target, connection.target_port)
        if key not in seen:
            seen.add(key)
            kept.append(connection)
    return kept


def split_arguments(config: str) -> list[str]:
    """Split a configuration string at commas outside quotes, like Click's ``cp_argvec``.

    Arguments are stripped; an empty last argument is dropped (``X(1, )`` is ``X(1)``).
    """
    arguments: list[str] = []
    current: list[str] = []
    quote = ""
    index = 0
    while index < len(config):
        char = config[index]
        if quote:
            if char == "\\" and quote == '"' and index + 1 < len(config):
                current.append(config[index : index + 2])
                index += 2
                continue
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == ",":
            arguments.append("".join(current).strip())
            current = []
            index += 1
            continue
        current.append(char)
        index += 1
    last = "".join(current).strip()
    if last or arguments:
        arguments.append(last)
    if arguments and not arguments[-1]:
        arguments.pop()
    return arguments


def parse_config(text: str, path: str = "<string>") -> ClickConfig:
    """Parse a configuration's syntax (classes are not resolved)."""
    lexer = _Lexer(text, path)
    parser = _Parser(lexer)
    top = _Scope(compound=False, classes=set(), synonyms={})
    parser.statements(top, "eof")
    return top.config(path)


def load_config(path: Path) -> ClickConfig:
    """Read and parse a ``.click`` file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ClaraError(f"{path}: no such Click configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaraError(
            f"{path}: cannot read the Click configuration ({exc}); pass a UTF-8 .click file"
        ) from None
    return parse_config(text, str(path))


# ----------------------------------------------------------------------------------------------
# Flattening compound elements
# ----------------------------------------------------------------------------------------------

_PARAMETER = re.compile(r"\$(?:\{(\w+)(?:-([^}]*))?\}|(\w+))")


def substitute_parameters(config: str, env: Mapping[str, str]) -> str:
    """Replace ``$name``, ``${name}`` and ``${name-default}`` with their values in ``env``
    (keys like ``"$name"``); unknown parameters stay as written; nothing changes inside
    single quotes (Click's way to keep a literal ``$``)."""

    def value(match: re.Match[str]) -> str:
        name = "$" + (match.group(1) or match.group(3))
        if name in env:
            return env[name]
        return match.group(2) if match.group(2) is not None else match.group(0)

    pieces: list[str] = []
    start = 0
    quote = ""
    for index, char in enumerate(config):
        if quote == "'" and char == "'":
            pieces.append(config[start : index + 1])
            start = index + 1
            quote = ""
        elif not quote and char == "'":
            pieces.append(_PARAMETER.sub(value, config[start:index]))
            start = index
            quote = "'"
        elif quote == '"' and char == '"' and config[index - 1] != "\\":
            quote = ""
        elif not quote and char == '"':
            quote = '"'
    rest = config[start:]
    pieces.append(rest if quote == "'" else _PARAMETER.sub(value, rest))
    return "".join(pieces)


@dataclass(frozen=True)
class _Visible:
    """A compound class visible in a scope, with its definition site's parameters and the
    compounds visible there (its body's outer scope)."""

    compound: CompoundClass
    env: Mapping[str, str]
    outer: tuple[_Visible, ...]


@dataclass
class _Expansion:
    """The flattened elements and the connections still running through compound ports."""

    elements: dict[str, ElementDecl] = field(default_factory=dict)
    edges: list[Connection] = field(default_factory=list)
    instances: dict[str, tuple[CompoundClass, ElementDecl]] = field(default_factory=dict)
    requirements: list[str] = field(default_factory=list)


def _not_after(first: SourceLocation, second: SourceLocation) -> bool:
    return (first.line, first.column) <= (second.line, second.column)


def _lookup(
    class_name: str, at: SourceLocation, local: list[_Visible], outer: tuple[_Visible, ...]
) -> _Visible | None:
    """The compound ``class_name`` names at ``at``: the latest one defined before it in this
    scope (an inline compound is located at its element), else the latest visible from the
    enclosing scopes; None for a primitive class."""
    for visible in reversed(local):
        if visible.compound.name == class_name and _not_after(visible.compound.location, at):
            return visible
    for visible in reversed(outer):
        if visible.compound.name == class_name:
            return visible
    return None


def _compound_ports(compound: CompoundClass, pseudo: str) -> int:
    """How many inputs (``pseudo="input"``) or outputs a compound has."""
    body = compound.body.connections
    used = (
        [c.source_port for c in body if c.source == pseudo]
        if pseudo == "input"
        else [c.target_port for c in body if c.target == pseudo]
    )
    return max(used, default=-1) + 1


def _instantiate(
    element: ElementDecl, name: str, visible: _Visible, config: str, out: _Expansion
) -> dict[str, str]:
    """Bind a compound instance's arguments to the compound's formals."""
    compound = visible.compound
    arguments = split_arguments(config)
    if len(arguments) != len(compound.formals):
        wanted = ", ".join(compound.formals) if compound.formals else "none"
        raise ClickConfigError(
            element.location,
            f"compound class '{compound.name}' takes {len(compound.formals)} argument(s) "
            f"({wanted}), but '{element.name}' passes {len(arguments)}",
            f"pass exactly the parameters declared at {_at(compound.location)}",
        )
    out.instances[name] = (compound, element)
    out.requirements.extend(compound.body.requirements)
    return {**visible.env, **dict(zip(compound.formals, arguments, strict=True))}


def _expand(
    scope: ClickConfig,
    prefix: str,
    env: Mapping[str, str],
    outer: tuple[_Visible, ...],
    out: _Expansion,
) -> None:
    """Add a scope's elements (compounds expanded, recursively) and its raw connections,
    with names prefixed by ``prefix``."""
    env = {**env, **{name: substitute_parameters(value, env) for name, value in scope.definitions}}
    local: list[_Visible] = []
    for compound in scope.compounds:
        local.append(_Visible(compound, env, (*outer, *local)))
    for element in scope.elements:
        name = prefix + element.name
        config = substitute_parameters(element.config, env)
        visible = _lookup(element.class_name, element.location, local, outer)
        if name in out.elements or name in out.instances:
            taken = out.elements[name] if name in out.elements else out.instances[name][1]
            raise ClickConfigError(
                element.location,
                f"flattening creates element '{name}' twice (also "
                f"declared at {_at(taken.location)})",
                "avoid '/' in element names: Click uses it for compound components",
            )
        if visible is None:
            out.elements[name] = replace(element, name=name, config=config)
            continue
        inner_env = _instantiate(element, name, visible, config, out)
        _expand(visible.compound.body, name + "/", inner_env, visible.outer, out)
    for connection in scope.connections:
        out.edges.append(
            replace(
                connection, source=prefix + connection.source, target=prefix + connection.target
            )
        )


def _check_instance_ports(out: _Expansion) -> None:
    """A connection to a compound's port must name a port its body uses."""
    for edge in out.edges:
        for name, port, pseudo in (
            (edge.target, edge.target_port, "input"),
            (edge.source, edge.source_port, "output"),
        ):
            if name not in out.instances:
                continue
            compound, _ = out.instances[name]
            count = _compound_ports(compound, pseudo)
            if port >= count:
                raise ClickConfigError(
                    edge.location,
                    f"'{name}' (compound '{compound.name}') has {_plural(count, pseudo)}; "
                    f"{pseudo} [{port}] does not exist",
                    f"the body defined at {_at(compound.location)} uses "
                    f"{_port_range_text(count, pseudo)}"
                    if count
                    else f"the body defined at {_at(compound.location)} never uses '{pseudo}'",
                )


def _resolve_edges(out: _Expansion) -> list[Connection]:
    """Connections between primitive elements, through compound ports (tunnels).

    A connection into instance X's input port p continues along X's body connections from
    ``X/input`` port p; one into ``X/output`` port q continues along the connections from X's
    output q. Ports nobody feeds vanish, as in Click.
    """
    by_source: dict[tuple[str, int], list[Connection]] = {}
    for edge in out.edges:
        by_source.setdefault((edge.source, edge.source_port), []).append(edge)

    def tunnel(name: str, port: int) -> tuple[str, int] | None:
        if name in out.instances:
            return (name + "/input", port)
        owner, slash, pseudo = name.rpartition("/")
        if slash and pseudo == "output" and owner in out.instances:
            return (owner, port)
        return None

    def targets(name: str, port: int, seen: set[tuple[str, int]]) -> list[tuple[str, int]]:
        key = tunnel(name, port)
        if key is None:
            return [(name, port)]
        if key in seen:
            return []
        seen.add(key)
        reached: list[tuple[str, int]] = []
        for edge in by_source.get(key, []):
            reached.extend(targets(edge.target, edge.target_port, seen))
        return reached

    resolved: list[Connection] = []
    for edge in out.edges:
        if edge.source not in out.elements:
            continue
        for target, port in targets(edge.target, edge.target_port, set()):
            resolved.append(replace(edge, target=target, target_port=port))
    resolved.sort(key=lambda c: (c.location.line, c.location.column))
    return _unique(resolved)


def flatten(config: ClickConfig) -> ClickConfig:
    """Expand instances of compound classes into primitive elements named "instance/inner".

    ``$formal`` parameters (and ``define`` parameters) are substituted in inner configs;
    connections through the compound's ``input``/``output`` pseudo-elements are rewired to
    the inner elements; the result has ``compounds=()`` and no definitions. A flattened
    connection keeps the location of the connection leaving its source element, and the
    connections are sorted by location (source order across compound bodies).
    """
    out = _Expansion()
    _expand(config, "", {}, (), out)
    _check_instance_ports(out)
    requirements = tuple(dict.fromkeys((*config.requirements, *out.requirements)))
    return ClickConfig(
        config.path, tuple(out.elements.values()), tuple(_resolve_edges(out)), requirements, ()
    )


# ----------------------------------------------------------------------------------------------
# Port checks
# ----------------------------------------------------------------------------------------------


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _count_text(bounds: tuple[int, int | None], noun: str) -> str:
    low, high = bounds
    if high is None:
        return f"any number of {noun}s" if low == 0 else f"at least {_plural(low, noun)}"
    if low == high:
        return f"exactly {_plural(low, noun)}"
    return f"{low} to {high} {noun}s"


def _port_range_text(count: int, noun: str) -> str:
    """How to name the existing ports 0..count-1 in a hint."""
    return f"{noun} [0]" if count == 1 else f"{noun}s [0] to [{count - 1}]"


def check_ports(config: ClickConfig, ports: Mapping[str, PortCount]) -> None:
    """Check a flattened configuration's port use against ``ports`` (class -> PortCount).

    Raises ClickConfigError at the connection's location for a port number outside the
    class's range, an element using fewer inputs or outputs than the class's minimum, and the
    same output port connected twice. Click also rejects an unconnected port below a
    connected one (``c [0]`` and ``c [2]`` but no ``c [1]``): so does this check. Elements
    whose class is not in ``ports`` are not checked; every output is treated as push.
    """
    counts = {
        element.name: (element, ports[element.class_name])
        for element in config.elements
        if element.class_name in ports
    }
    used: dict[tuple[str, str], dict[int, Connection]] = {}
    for connection in config.connections:
        for name, port, side in (
            (connection.source, connection.source_port, "output"),
            (connection.target, connection.target_port, "input"),
        ):
            if name not in counts:
                continue
            element, count = counts[name]
            bounds = count.outputs if side == "output" else count.inputs
            if bounds[1] is not None and port >= bounds[1]:
                raise ClickConfigError(
                    connection.location,
                    f"'{name}' ({element.class_name}) has no {side} [{port}]: the class has "
                    f"{_count_text(bounds, side)}",
                    f"use {_port_range_text(bounds[1], side)}"
                    if bounds[1]
                    else f"{element.class_name} has no {side}s; remove this connection",
                )
            side_use = used.setdefault((name, side), {})
            first = side_use.get(port)
            if side == "output" and first is not None:
                raise ClickConfigError(
                    connection.location,
                    f"output [{port}] of '{name}' is connected twice (first at "
                    f"{_at(first.location)})",
                    "a push output feeds exactly one input; use a Tee to copy packets",
                )
            side_use.setdefault(port, connection)
    for name, (element, count) in counts.items():
        _check_side(element, used.get((name, "input"), {}), count.inputs, "input")
        _check_side(element, used.get((name, "output"), {}), count.outputs, "output")


def _check_side(
    element: ElementDecl, use: Mapping[int, Connection], bounds: tuple[int, int | None], side: str
) -> None:
    """Minimum port count, and no unconnected port below the highest connected one."""
    connected = max(use, default=-1) + 1
    for port in range(connected):
        if port not in use:
            above = use[min(p for p in use if p > port)]
            raise ClickConfigError(
                above.location,
                f"{side} [{port}] of '{element.name}' is not connected, but a higher {side} is",
                f"connect {side} [{port}] (e.g. to Discard) or renumber the ports",
            )
    if connected < bounds[0]:
        last = use.get(connected - 1)
        raise ClickConfigError(
            last.location if last else element.location,
            f"'{element.name}' ({element.class_name}) has {_plural(connected, side)} "
            f"connected, but the class needs {_count_text(bounds, side)}",
            f"connect {side} [{connected}]",
        )
