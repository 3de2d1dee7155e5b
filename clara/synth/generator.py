"""The training-program generator: random, compilable Click elements, guided by corpus stats.

This module owns the generator's grammar (which statements, expressions, header fields, state
and framework calls it can write), the mapping from ``CorpusStats`` to sampling weights
(``choices_from_stats``; ``uniform_choices`` for the unguided baseline) and the text of the
programs. ``generate_program`` is pure: the same seed, stats and mode give the same source.

The mixes that rules outside the sampler also write to (value leaves, assignment targets,
value operators, control statements per depth, braced bodies) follow the corpus's (uniform
ones, unguided) as written: each kind is drawn by how far it is behind its share of what the
program has so far (``_behind``). Helpers are created on their first call, so every helper is
on the packet path, as every own function of the corpus's packet path is.

Safety rules every program obeys, so that it compiles everywhere and ``-O2`` keeps its code:
all arithmetic is unsigned (an operation whose operands are both narrower than 32 bits gets a
``(uint32_t)`` cast, so C's promotion to ``int`` never makes it signed); shift amounts are
constants below the promoted width; divisors are non-zero literals or ``(x | 1U)``; array
indices are literals below the size, loop counters whose bound the array fits, ``uint8_t``
values into 256-entry arrays, or masked by the (power of two) size; loops count a fresh
counter up to a constant, and the counter is never assigned in the body; every variable is
initialized; values come from packet fields, annotations and element state and flow back into
fields, state and the output port choice.
Layout: one statement per line, Allman braces (``{`` on its own line), so target instructions
can be attributed to source lines.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from clara.synth.ast_stats import CorpusStats

GENERATOR_VERSION = "3"

CONTROL = ("if", "for", "while", "do", "switch")
SAMPLED_STATEMENTS = ("assign", "compound_assign", "incdec", "call", "decl", "return", "break",
                      "continue", "lookup", *CONTROL)
SINGLE_LINE = ("assign", "compound_assign", "incdec", "call", "break", "continue", "if", "for",
               "switch")
VALUE_BINARY = ("+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>")
COMPARE = ("==", "!=", "<", ">", "<=", ">=")
LOGICAL = ("&&", "||")
ATOM_KINDS = ("compare", "not", "plain")
MAX_CONDITION_TERMS = 4
COMPOUND_ASSIGN = ("+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=")
SINK_OPS = ("+=", "-=", "*=", "&=", "|=", "^=")  # compound forms that take any right side
VALUE_UNARY = ("~", "-")
INCDEC = ("post++", "post--", "++", "--")
NODE_KINDS = ("BINARY_OPERATOR", "UNARY_OPERATOR", "CONDITIONAL_OPERATOR",
              "ARRAY_SUBSCRIPT_EXPR", "CALL_EXPR")
LEAF_KINDS = ("local", "state", "field", "member", "literal")
TARGET_KINDS = ("local", "state", "field", "member", "array", "lookup")
ROW_FIELDS = {"key": 32, "value": 32, "port": 16, "flags": 8}
ROW_STRUCT = "struct Row { uint32_t key; uint32_t value; uint16_t port; uint8_t flags; };"
LOCAL_TYPES = {"uint8_t": 8, "uint16_t": 16, "uint32_t": 32, "uint64_t": 64}
WIDTHS = tuple(LOCAL_TYPES.values())
SIGNED_ALIASES = {"int": "uint32_t", "unsigned int": "uint32_t", "unsigned": "uint32_t",
                  "unsigned char": "uint8_t", "short": "uint16_t", "long": "uint64_t"}
# widths of the corpus's member variables by canonical type (a Timestamp is one 64-bit count)
STATE_WIDTHS = {"bool": 8, "char": 8, "signed char": 8, "unsigned char": 8, "short": 16,
                "unsigned short": 16, "int": 32, "unsigned int": 32, "long": 64,
                "unsigned long": 64, "long long": 64, "unsigned long long": 64,
                "Click::Timestamp": 64}
TRIP_COUNTS = (2, 3, 4, 6, 8, 13, 16, 32, 64)
ARRAY_SIZES = (4, 8, 16, 64, 256)
MAX_EXPR_DEPTH = 7
MAX_NESTING = 3
MAX_STATEMENTS = 90
MAX_LEADING_DECLS = 6
# add-one smoothing of the operator and statement-kind choices: a guide corpus is a handful of
# files, so an operator or statement it happens not to use (``%``, ``while``) keeps a small
# chance instead of none
OPERATOR_PRIOR = 1.0
PACKET_BYTES = "unsigned char"  # the packet's bytes, ``d = q->data()``, read as ``d[k]``
PACKET_BYTES_READ = 34  # bytes ``d[k]`` may read (an IP header and a UDP/TCP port pair)
HEADER_POINTERS = {"click_ip": ("ip", "ip_header"), "click_tcp": ("tcp", "tcp_header"),
                   "click_udp": ("udp", "udp_header"), "click_ether": ("eth", "ether_header"),
                   PACKET_BYTES: ("d", "data")}
SUBSCRIPT_BASES = ("state", "local")


@dataclass(frozen=True)
class HeaderField:
    """A header field the generator can read or write: ``struct.name``, width, byte order."""

    struct: str
    name: str
    width: int
    network_order: bool = False
    array: int = 0

    @property
    def key(self) -> str:
        return f"{self.struct}.{self.name}"

    def access(self, index: int = 0) -> str:
        pointer = HEADER_POINTERS[self.struct][0]
        if self.array:
            return f"{pointer}->{self.name}[{index}]"
        suffix = ".s_addr" if self.name in ("ip_src", "ip_dst") else ""
        return f"{pointer}->{self.name}{suffix}"


FIELDS = tuple(HeaderField(*spec) for spec in (
    ("click_ip", "ip_v", 8), ("click_ip", "ip_hl", 8), ("click_ip", "ip_tos", 8),
    ("click_ip", "ip_len", 16, True), ("click_ip", "ip_id", 16, True),
    ("click_ip", "ip_off", 16, True), ("click_ip", "ip_ttl", 8), ("click_ip", "ip_p", 8),
    ("click_ip", "ip_sum", 16), ("click_ip", "ip_src", 32, True),
    ("click_ip", "ip_dst", 32, True),
    ("click_tcp", "th_sport", 16, True), ("click_tcp", "th_dport", 16, True),
    ("click_tcp", "th_seq", 32, True), ("click_tcp", "th_ack", 32, True),
    ("click_tcp", "th_off", 8), ("click_tcp", "th_flags", 8), ("click_tcp", "th_win", 16, True),
    ("click_tcp", "th_sum", 16), ("click_tcp", "th_urp", 16, True),
    ("click_udp", "uh_sport", 16, True), ("click_udp", "uh_dport", 16, True),
    ("click_udp", "uh_ulen", 16, True), ("click_udp", "uh_sum", 16),
    ("click_ether", "ether_dhost", 8, False, 6), ("click_ether", "ether_shost", 8, False, 6),
    ("click_ether", "ether_type", 16, True),
))
FIELD_BY_KEY = {f.key: f for f in FIELDS}

# Framework calls the generator writes, by catalog name: value-producing (expression) forms
# and statement forms. ``own`` stands for a call of one of the element's helper functions.
EXPRESSION_APIS = ("Packet::length", "Packet::anno", "Packet::data", "Packet::network_header",
                   "Packet::transport_header", "Timestamp::arith", "IPAddress", "IPFlowID",
                   "HashMap::find", "HashMap::size", "Vector::access", "Vector::size",
                   "click_random", "own")
STATEMENT_APIS = ("Packet::anno", "HashMap::insert", "HashMap::erase", "Vector::push_back",
                  "Vector::erase", "click_in_cksum", "memory.copy", "Timestamp::now", "own")


@dataclass(frozen=True)
class Choices:
    """Sampling weights of every choice the generator makes (guided or uniform)."""

    statements: dict[str, float]
    binary: dict[str, float]
    compare: dict[str, float]
    logical: dict[str, float]
    condition_terms: dict[int, float]
    condition_atoms: dict[str, float]
    compound_assign: dict[str, float]
    unary: dict[str, float]
    incdec: dict[str, float]
    node_kinds: dict[str, float]
    leaf_kinds: dict[str, float]
    expr_depth: dict[int, float]
    fields_read: dict[str, float]
    fields_written: dict[str, float]
    expression_apis: dict[str, float]
    statement_apis: dict[str, float]
    trip_counts: dict[int, float]
    block_lengths: dict[int, float]
    body_lengths: dict[int, float]
    local_types: dict[str, float]
    control_rate: tuple[float, ...]
    assign_targets: dict[str, float]
    else_rate: float
    braced_rate: float
    byteorder_rate: float
    signed_counter_rate: float
    subscript_bases: dict[str, float]
    subscript_literal_rate: float
    plain_index_rate: float
    row_rate: float
    leading_decls: dict[int, float]
    state_widths: dict[int, float]
    state_written_widths: dict[int, float]
    array_widths: dict[int, float]
    value_literal_rate: float
    compare_literal_rate: float
    mean_helpers: float
    new_helper_rate: float


def _restrict(weights: Mapping[str, float] | Mapping[int, float], keys: tuple,
              prior: float = 0.0) -> dict:
    """``weights`` on ``keys`` only (others 0), plus ``prior`` pseudo-counts each; all-zero
    falls back to uniform."""
    picked = {k: float(weights.get(k, 0)) + prior for k in keys}
    return picked if sum(picked.values()) > 0 else dict.fromkeys(keys, 1.0)


def _int_hist(hist: Mapping[int, int], low: int, high: int) -> dict[int, float]:
    picked = {k: float(v) for k, v in hist.items() if low <= k <= high and v > 0}
    return picked or {low: 1.0}


def _control_rate(stats: CorpusStats) -> tuple[float, ...]:
    """The share of control statements among the statements at each nesting depth (0 at
    ``MAX_NESTING``: the generator nests no deeper)."""
    return tuple(stats.control_depth.get(d, 0) / stats.nesting_depth[d]
                 if stats.nesting_depth.get(d) and d < MAX_NESTING else 0.0
                 for d in range(MAX_NESTING + 1))


def _int_share(counter_types: Mapping[str, int]) -> float:
    """The share of ``int`` among the corpus's ``for`` counters (the rest are unsigned)."""
    total = sum(counter_types.values())
    return counter_types.get("int", 0) / total if total else 0.0


SETUP_APIS = ("byteorder", "Packet::ip_header", "Packet::tcp_header", "Packet::udp_header",
              "Packet::ether_header", "Packet::uniqueify", "Packet::kill",
              "Element::output_push")


def _expression_calls(stats: CorpusStats) -> float:
    """Calls inside expressions: all calls less call statements and the calls the generator
    writes by other rules (byte-order wrappers, header accessors, uniqueify, kill, push)."""
    others = stats.statements.get("call", 0) + sum(stats.api_calls.get(a, 0) for a in SETUP_APIS)
    return float(max(0, stats.node_kinds.get("CALL_EXPR", 0) - others))


def _subscripts(subscripts: Mapping[str, int]) -> tuple[dict[str, float], float, float]:
    """Subscript base weights (a local array or pointer, and any other base, are read as the
    packet's bytes ``d[k]``), the share of literal indices and, of the others, the share of
    plain variables."""
    bases = dict.fromkeys(SUBSCRIPT_BASES, 0.0)
    shapes = {"literal": 0, "variable": 0, "expression": 0}
    for key, count in subscripts.items():
        base, shape = key.split(" ")
        bases["state" if base == "state" else "local"] += count
        shapes[shape] += count
    total = sum(shapes.values())
    others = shapes["variable"] + shapes["expression"]
    return (_restrict(bases, SUBSCRIPT_BASES), shapes["literal"] / total if total else 0.0,
            shapes["variable"] / others if others else 0.0)


def _statement_apis(call_statements: Mapping[str, int]) -> dict[str, float]:
    """Call-statement forms by the corpus's call statements of the same API."""
    return _restrict(call_statements, STATEMENT_APIS)


def _read_types(stats: CorpusStats) -> dict[str, int]:
    """Member-variable accesses that are not writes, by type."""
    return {t: n - stats.state_written_types.get(t, 0) for t, n in stats.state_types.items()}


def _state_widths(state_types: Mapping[str, int], arrays: bool) -> dict[int, float]:
    """Integer widths of the member variables the corpus accesses: scalars, or the elements
    of arrays (``unsigned int[256]``); containers and structs are left out."""
    widths = dict.fromkeys(WIDTHS, 0.0)
    for spelling, count in state_types.items():
        element, bracket, _ = spelling.removeprefix("const ").partition("[")
        width = STATE_WIDTHS.get(element.strip())
        if width is not None and bool(bracket) == arrays:
            widths[width] += count
    return _restrict(widths, WIDTHS)


def _literal_rate(stats: CorpusStats, group: str) -> float:
    """The share of the corpus's ``group`` binary operators with a literal operand; for
    ``value``, of those other than shifts (the generator's shift amounts are literals)."""
    shapes = stats.operand_shapes
    literal, variable = shapes.get(f"{group} literal", 0), shapes.get(f"{group} variable", 0)
    if group == "value":
        shifts = min(literal, stats.binary_ops.get("<<", 0) + stats.binary_ops.get(">>", 0))
        literal -= shifts
    return literal / (literal + variable) if literal + variable else 0.5


def _generated_decl_share(stats: CorpusStats) -> float:
    """The share of the corpus's declared locals the ``decl`` statement writes: integers and
    pointers to the NF's own structs (loop counters and framework pointers, such as header
    pointers, are written by other rules)."""
    counters = sum(n for t, n in stats.counter_types.items() if t in SIGNED_ALIASES
                   or t in LOCAL_TYPES)
    integers = sum(n for t, n in stats.local_types.items()
                   if t in LOCAL_TYPES or t in SIGNED_ALIASES or t == "bool") - counters
    total = sum(stats.local_types.values()) - counters
    rows = _row_share(stats.local_types) * sum(stats.local_types.values())
    return min(1.0, (integers + rows) / total) if total > 0 else 1.0


def _row_share(local_types: Mapping[str, int]) -> float:
    """The share of pointers/references to the NF's own structs among the corpus's locals."""
    def framework(spelling: str) -> bool:
        return any(word in spelling for word in ("click_", "Packet", "char", "void", "in_addr",
                                                  "hdr"))

    rows = sum(n for t, n in local_types.items()
               if ("*" in t or "&" in t) and not framework(t))
    total = sum(local_types.values())
    return rows / total if total else 0.0


def choices_from_stats(stats: CorpusStats) -> Choices:
    """Sampling weights measured on a corpus (the guided generator)."""
    local_types: dict[str, float] = {}
    for spelling, count in stats.local_types.items():
        name = SIGNED_ALIASES.get(spelling, spelling)
        if name in LOCAL_TYPES:
            local_types[name] = local_types.get(name, 0.0) + count
    apis = stats.api_calls
    # calls in expressions: all calls of an API less its call statements
    uses = {**apis, "own": stats.own_calls}
    expression_apis = {k: float(max(0, uses.get(k, 0) - stats.call_statements.get(k, 0)))
                       for k in EXPRESSION_APIS}
    order_fields = [f.key for f in FIELDS if f.network_order]
    order_uses = sum(stats.fields_read.get(k, 0) + stats.fields_written.get(k, 0)
                     for k in order_fields)
    bodies = sum(stats.statements.get(k, 0) for k in CONTROL)
    # expression unary nodes: the value operators only (``!`` is a condition atom, ``&`` and
    # ``*`` are written by the calls and lookups that take an address or dereference one)
    # and the binary nodes of values are the arithmetic and bitwise operators (assignments
    # are statements, comparisons and ``&&``/``||`` are drawn for conditions)
    value_unary = sum(stats.unary_ops.get(op, 0) for op in VALUE_UNARY)
    value_binary = sum(stats.binary_ops.get(op, 0) for op in VALUE_BINARY)
    node_kinds = {**stats.node_kinds, "CALL_EXPR": _expression_calls(stats),
                  "UNARY_OPERATOR": value_unary, "BINARY_OPERATOR": value_binary}
    # early exits are written as guards (``return`` statements not last in a block), so the
    # ``if`` weight leaves them out; the final return of a function is written by its frame
    ifs = stats.statements.get("if", 0) - stats.guards
    statements = {**stats.statements, "lookup": apis.get("HashMap::find", 0), "if": ifs,
                  "return": stats.statements.get("return", 0) - stats.final_returns,
                  "decl": stats.statements.get("decl", 0) * _generated_decl_share(stats)}
    subscript_bases, subscript_literal_rate, plain_index_rate = _subscripts(stats.subscripts)
    statement_apis = _statement_apis(stats.call_statements)
    statements["call"] = sum(statement_apis.values()) if stats.call_statements else 0
    return Choices(
        statements=_restrict(statements, SAMPLED_STATEMENTS, OPERATOR_PRIOR),
        binary=_restrict(stats.binary_ops, VALUE_BINARY, OPERATOR_PRIOR),
        compare=_restrict(stats.binary_ops, COMPARE, OPERATOR_PRIOR),
        logical=_restrict(stats.binary_ops, LOGICAL),
        condition_terms=_int_hist(stats.condition_terms, 1, MAX_CONDITION_TERMS),
        condition_atoms=_restrict(stats.condition_atoms, ATOM_KINDS),
        compound_assign=_restrict(stats.binary_ops, COMPOUND_ASSIGN, OPERATOR_PRIOR),
        unary=_restrict(stats.unary_ops, VALUE_UNARY, OPERATOR_PRIOR),
        incdec=_restrict(stats.unary_ops, INCDEC, OPERATOR_PRIOR),
        node_kinds=_restrict(node_kinds, NODE_KINDS),
        leaf_kinds=_restrict(stats.leaves, LEAF_KINDS),
        expr_depth=_int_hist(stats.expr_depth, 0, MAX_EXPR_DEPTH),
        fields_read=_restrict(stats.fields_read, tuple(FIELD_BY_KEY)),
        fields_written=_restrict(stats.fields_written, tuple(FIELD_BY_KEY)),
        expression_apis=_restrict(expression_apis, EXPRESSION_APIS),
        statement_apis=statement_apis,
        trip_counts=_int_hist(stats.loop_trip_counts, 2, 256),
        block_lengths=_int_hist(stats.block_lengths, 1, 24),
        body_lengths=_int_hist(stats.body_lengths, 1, 60),
        local_types=_restrict(local_types, tuple(LOCAL_TYPES)),
        control_rate=_control_rate(stats),
        assign_targets=_restrict({**stats.assign_targets,
                                  "lookup": stats.assign_targets.get("deref", 0)}, TARGET_KINDS),
        else_rate=min(1.0, stats.else_branches / ifs) if ifs > 0 else 0.3,
        braced_rate=min(1.0, stats.statements.get("compound", 0) / bodies) if bodies else 0.5,
        byteorder_rate=min(1.0, apis.get("byteorder", 0) / order_uses) if order_uses else 0.5,
        signed_counter_rate=_int_share(stats.counter_types),
        subscript_bases=subscript_bases, subscript_literal_rate=subscript_literal_rate,
        plain_index_rate=plain_index_rate,
        row_rate=_row_share(stats.local_types),
        leading_decls=_int_hist(stats.leading_decls, 0, MAX_LEADING_DECLS),
        state_widths=_state_widths(_read_types(stats), arrays=False),
        state_written_widths=_state_widths(stats.state_written_types, arrays=False),
        array_widths=_state_widths(stats.state_types, arrays=True),
        value_literal_rate=_literal_rate(stats, "value"),
        compare_literal_rate=_literal_rate(stats, "compare"),
        mean_helpers=max(0.0, stats.functions / max(1, len(stats.files)) - 1.0),
        new_helper_rate=min(1.0, (stats.functions - len(stats.files)) / stats.own_calls)
        if stats.own_calls else 1.0,
    )


def uniform_choices() -> Choices:
    """Uniform weights over the same choices (the unguided baseline)."""
    def flat(keys: tuple) -> dict:
        return dict.fromkeys(keys, 1.0)

    return Choices(
        statements=flat(SAMPLED_STATEMENTS), binary=flat(VALUE_BINARY),
        compare=flat(COMPARE), logical=flat(LOGICAL),
        condition_terms=flat(tuple(range(1, MAX_CONDITION_TERMS + 1))),
        condition_atoms=flat(ATOM_KINDS), compound_assign=flat(COMPOUND_ASSIGN),
        unary=flat(VALUE_UNARY), incdec=flat(INCDEC), node_kinds=flat(NODE_KINDS),
        leaf_kinds=flat(LEAF_KINDS), expr_depth=flat(tuple(range(MAX_EXPR_DEPTH + 1))),
        fields_read=flat(tuple(FIELD_BY_KEY)), fields_written=flat(tuple(FIELD_BY_KEY)),
        expression_apis=flat(EXPRESSION_APIS), statement_apis=flat(STATEMENT_APIS),
        trip_counts=flat(TRIP_COUNTS), block_lengths=flat(tuple(range(1, 9))),
        body_lengths=flat(tuple(range(1, 31))), local_types=flat(tuple(LOCAL_TYPES)),
        control_rate=(0.5,) * MAX_NESTING + (0.0,), assign_targets=flat(TARGET_KINDS),
        else_rate=0.5, braced_rate=0.5, byteorder_rate=0.5,
        signed_counter_rate=0.5, row_rate=0.5,
        leading_decls=flat(tuple(range(MAX_LEADING_DECLS + 1))),
        state_widths=flat(WIDTHS), state_written_widths=flat(WIDTHS), array_widths=flat(WIDTHS),
        value_literal_rate=0.5, compare_literal_rate=0.5,
        subscript_bases=flat(SUBSCRIPT_BASES), subscript_literal_rate=0.5,
        plain_index_rate=0.5,
        mean_helpers=2.0, new_helper_rate=0.5,
    )


@dataclass(frozen=True)
class SynthProgram:
    """One synthesized element: a standalone ``.cc`` compiled against ``clara/include``."""

    name: str
    class_name: str
    source: str
    seed: int
    guided: bool


@dataclass(frozen=True)
class Expr:
    """Generated expression text, its value width in bits (1 = bool) and operator depth."""

    text: str
    width: int
    depth: int
    atomic: bool = True
    constant: bool = False

    def operand(self) -> str:
        return self.text if self.atomic else f"({self.text})"


@dataclass
class Var:
    name: str
    width: int
    assignable: bool = True
    row: bool = False  # a ``Row *`` into a table


@dataclass
class Helper:
    name: str
    takes_packet: bool

    @property
    def params(self) -> str:
        return "Packet *q, uint32_t a" if self.takes_packet else "uint32_t a, uint32_t b"


@dataclass
class Context:
    """Where a function body is being generated: what it may touch."""

    has_packet: bool
    writable: bool
    entry: str  # "push", "simple_action" or "helper"
    caller: int  # the index of the helper being generated, -1 for the entry
    scopes: list[list[Var]] = field(default_factory=lambda: [[]])
    loops: list[tuple[str, int]] = field(default_factory=list)  # counter, bound
    signed: set[str] = field(default_factory=set)  # int loop counters
    lookups: list[str] = field(default_factory=list)
    headers: set[str] = field(default_factory=set)
    wrote_packet: bool = False
    statements: int = 0
    next_var: int = 0
    read: set[str] = field(default_factory=set)  # locals read since their last write

    def visible(self) -> list[Var]:
        return [v for scope in self.scopes for v in scope if not v.row]

    def rows(self) -> list[Var]:
        return [v for scope in self.scopes for v in scope if v.row]


@dataclass
class State:
    """The element's member variables, created on first use."""

    scalars: list[Var] = field(default_factory=list)
    arrays: list[tuple[str, int, int]] = field(default_factory=list)  # name, width, size
    maps: list[str] = field(default_factory=list)
    vectors: list[str] = field(default_factory=list)
    tables: list[tuple[str, int]] = field(default_factory=list)  # name, size

    def declarations(self) -> list[str]:
        type_of = {w: t for t, w in LOCAL_TYPES.items()}
        lines = [ROW_STRUCT] if self.tables else []
        lines += [f"{type_of[v.width]} {v.name} = 0U;" for v in self.scalars]
        lines += [f"Row {n}[{s}] = {{}};" for n, s in self.tables]
        lines += [f"{type_of[w]} {n}[{s}] = {{}};" for n, w, s in self.arrays]
        lines += [f"HashMap<uint32_t, uint32_t> {n};" for n in self.maps]
        lines += [f"Vector<uint32_t> {n};" for n in self.vectors]
        return lines


class _Generator:
    """One program's generation: a seeded RNG, the weights, the element's state."""

    def __init__(self, seed: int, choices: Choices) -> None:
        self.rng = random.Random(seed)
        self.c = choices
        self.state = State()
        self.ctx = Context(has_packet=False, writable=False, entry="helper", caller=-1)
        self.helpers: list[Helper] = []  # created on first call, up to helper_budget
        self.leaf_counts = dict.fromkeys(LEAF_KINDS, 0)  # value leaves written so far
        self.target_counts = dict.fromkeys(TARGET_KINDS, 0)  # assignment targets so far
        self.body_counts = {"braced": 0, "single": 0}  # control-statement bodies so far
        self.op_counts = dict.fromkeys(VALUE_BINARY, 0)  # value operators so far
        # statements written per nesting depth: {"control": n, "other": n}
        self.depth_counts = [{"control": 0, "other": 0} for _ in range(MAX_NESTING + 1)]
        self.helper_budget = 0
        self.call_budget = 0  # own call sites: helpers times the corpus's calls per helper
        self.lines: list[str] = []
        self.indent = 1

    # --- sampling -----------------------------------------------------------------------
    def pick(self, weights: Mapping) -> object:
        keys = [k for k, w in weights.items() if w > 0]
        return self.rng.choices(keys, weights=[weights[k] for k in keys])[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def emit(self, text: str) -> None:
        self.lines.append("    " * self.indent + text)

    # --- state --------------------------------------------------------------------------
    def scalar(self, written: bool = False) -> Var:
        """A member scalar read (or ``written``): its width is drawn from the corpus's member
        reads (writes); a new one is created when none has it, or at random."""
        self.leaf_counts["state"] += 1
        widths = self.c.state_written_widths if written else self.c.state_widths
        width = int(self.pick(widths))  # type: ignore[call-overload]
        matching = [v for v in self.state.scalars if v.width == width]
        if not matching or self.chance(0.15):
            matching = [Var(f"_s{len(self.state.scalars)}", width)]
            self.state.scalars += matching
        return self.rng.choice(matching)

    def array(self) -> tuple[str, int, int]:
        self.leaf_counts["state"] += 1
        if not self.state.arrays or self.chance(0.1):
            width = int(self.pick(self.c.array_widths))  # type: ignore[call-overload]
            size = self.rng.choice(ARRAY_SIZES)
            self.state.arrays.append((f"_t{len(self.state.arrays)}", width, size))
        return self.rng.choice(self.state.arrays)

    def table(self) -> tuple[str, int]:
        if not self.state.tables or self.chance(0.1):
            self.state.tables.append((f"_r{len(self.state.tables)}", self.rng.choice(ARRAY_SIZES)))
        return self.rng.choice(self.state.tables)

    def row_member(self, rows: list[Var]) -> Expr:
        """``r->key`` through one of the row pointers in scope."""
        name, width = self.rng.choice(list(ROW_FIELDS.items()))
        row = self.rng.choice(rows)
        self.ctx.read.add(row.name)
        self.leaf_counts["member"] += 1
        return Expr(f"{row.name}->{name}", width, 0)

    def container(self, kind: str) -> str:
        names = self.state.maps if kind == "map" else self.state.vectors
        if not names or self.chance(0.1):
            names.append(f"_{kind[0]}{len(names)}")
        return self.rng.choice(names)

    # --- expressions --------------------------------------------------------------------
    def literal(self, width: int = 32) -> Expr:
        self.leaf_counts["literal"] += 1
        value = self.rng.choice((0, 1, 2, 3, 4, 6, 8, 17, 64, 255, 1500, 0xFFFF, 0x9E3779B1))
        if width < 32:
            value &= (1 << width) - 1
        return Expr(f"{value}U" if value < 256 else f"0x{value:X}U", 32, 0, constant=True)

    def field_read(self) -> Expr:
        self.leaf_counts["field"] += 1
        spec = FIELD_BY_KEY[str(self.pick(self.c.fields_read))]
        self.use_header(spec.struct)
        text = spec.access(self.rng.randrange(spec.array) if spec.array else 0)
        if spec.network_order and self.chance(self.c.byteorder_rate):
            call = "ntohl" if spec.width == 32 else "ntohs"
            return Expr(f"{call}({text})", spec.width, 1)
        return Expr(text, spec.width, 0)

    def leaf(self, literal: bool = True) -> Expr:
        kinds = dict(self.c.leaf_kinds)
        if not literal:
            kinds["literal"] = 0.0
        rows = self.ctx.rows()
        variables = self.ctx.visible()
        for kind, possible in (("field", self.ctx.has_packet), ("member", rows),
                               ("local", variables)):
            if not possible:
                kinds[kind] = 0.0
        kind = self.pick(self.behind(kinds))
        if kind == "local":
            self.leaf_counts["local"] += 1
            unread = [v for v in variables if v.assignable and v.name not in self.ctx.read]
            var = self.rng.choice(unread or variables)
            self.ctx.read.add(var.name)
            return Expr(var.name, var.width, 0)
        if kind == "state":
            var = self.scalar()
            return Expr(var.name, var.width, 0)
        if kind == "field":
            return self.field_read()
        if kind == "member":
            return self.row_member(rows)
        return self.literal()

    def behind(self, kinds: dict[str, float]) -> dict[str, float]:
        """Leaf-kind weights by how far each kind is behind its corpus share among the
        leaves written so far (structural ones included: state a rule folds into, a header
        field written)."""
        return _behind(kinds, self.c.leaf_kinds, self.leaf_counts)

    def expr(self, depth: int) -> Expr:
        if depth <= 0 or self.ctx.statements > MAX_STATEMENTS:
            return self.leaf()
        kind = self.pick(self.c.node_kinds)
        if kind == "UNARY_OPERATOR":
            return self.unary(str(self.pick(self.c.unary)), self.expr(depth - 1))
        if kind == "CONDITIONAL_OPERATOR":
            cond = self.condition(max(1, depth - 1))
            a, b = self.expr(depth - 1), self.expr(self.rng.randint(0, depth - 1))
            return Expr(f"{cond.operand()} ? {a.operand()} : {b.operand()}",
                        max(a.width, b.width, 32), depth, atomic=False)
        if kind == "ARRAY_SUBSCRIPT_EXPR":
            return self.subscript(depth)
        if kind == "CALL_EXPR":
            return self.call_expr(depth)
        # the operators the safety rules write (index masks, ``| 1U`` divisors) count too
        op = str(self.pick(_behind(self.c.binary, self.c.binary, self.op_counts)))
        deep = self.expr(depth - 1)
        if op in ("<<", ">>"):
            return self.shift(op, deep)
        if self.chance(self.c.value_literal_rate):
            return self.binary(op, deep, self.literal())
        shallow = self.variable(self.rng.randint(0, depth - 1))
        left, right = (deep, shallow) if self.chance(0.5) else (shallow, deep)
        return self.binary(op, left, right)

    def variable(self, depth: int) -> Expr:
        """An operand that is not a literal (the corpus's literal operands are drawn apart)."""
        value = self.expr(depth)
        return self.leaf(literal=False) if value.constant else value

    def binary(self, op: str, a: Expr, b: Expr) -> Expr:
        if b.text == a.text:
            b = self.literal()
        if a.constant and b.constant:
            a = self.leaf(literal=False)  # real code does not compute on two literals
        if op in COMPARE or op in LOGICAL:
            if a.constant:
                a = self.leaf(literal=False)
            if b.constant and op in LOGICAL:
                b = self.leaf(literal=False)
        depth = 1 + max(a.depth, b.depth)
        constant = a.constant and b.constant
        if op in COMPARE or op in LOGICAL:
            return Expr(f"{a.operand()} {op} {b.operand()}", 1, depth, atomic=False)
        left = a.operand()
        self.op_counts[op] += 1
        width = max(32, a.width, b.width)
        if a.width < 32 and b.width < 32:
            left = f"(uint32_t) {left}"
        right = b.operand()
        if op in ("/", "%") and not _literal_value(b):  # a variable or zero divisor
            right = f"({right} | 1U)"
            self.op_counts["|"] += 1
        return Expr(f"{left} {op} {right}", width, depth, atomic=False, constant=constant)

    def shift(self, op: str, a: Expr) -> Expr:
        """``a << k`` or ``a >> k``: a literal amount below the promoted width."""
        if a.constant:
            a = self.leaf(literal=False)
        self.op_counts[op] += 1
        width = max(32, a.width)
        left = f"(uint32_t) {a.operand()}" if a.width < 32 else a.operand()
        amount = self.rng.randint(1, width - 1)
        return Expr(f"{left} {op} {amount}U", width, 1 + a.depth, atomic=False)

    def unary(self, op: str, a: Expr) -> Expr:
        if a.constant:
            a = self.leaf(literal=False)
        if op == "!":
            return Expr(f"!{a.operand()}", 1, a.depth + 1, atomic=False)
        operand = f"(uint32_t) {a.operand()}" if a.width < 32 else a.operand()
        return Expr(f"{op}{operand}", max(32, a.width), a.depth + 1, atomic=False)

    def condition(self, depth: int) -> Expr:
        """Terms joined by ``&&``/``||``: the corpus's term count, operators and atom kinds;
        the operator nodes of the joins count towards ``depth``."""
        terms = int(self.pick(self.c.condition_terms))  # type: ignore[call-overload]
        atom_depth = max(1, depth - terms + 1)
        result = self.atom(atom_depth)
        for _ in range(terms - 1):
            result = self.binary(str(self.pick(self.c.logical)), result, self.atom(atom_depth))
        return result

    def atom(self, depth: int) -> Expr:
        """One term of a condition: a comparison, a negation ``!x``, or a value ``x & 4U``."""
        kind = self.pick(self.c.condition_atoms)
        if kind == "not":
            return self.unary("!", self.expr(depth - 1))
        if kind == "plain":
            value = self.expr(depth - 1)
            if value.constant:
                value = self.leaf(literal=False)
            return Expr(value.text, 1, value.depth, atomic=value.atomic)
        op = str(self.pick(self.c.compare))
        deep = self.expr(depth - 1) if depth > 1 else self.leaf(literal=False)
        if self.chance(self.c.compare_literal_rate):
            return self.binary(op, deep, self.literal(deep.width))
        return self.binary(op, deep, self.variable(self.rng.randint(0, depth - 1)))

    def index(self, size: int, depth: int) -> Expr:
        """An in-bounds index: a plain variable at the corpus's share of them (a loop counter
        whose bound the array fits, a ``uint8_t`` local into a 256-entry array), else an
        expression masked to the size."""
        if self.chance(self.c.plain_index_rate):
            plain = [c for c, bound in self.ctx.loops if bound <= size]
            if size >= 256:
                plain += [v.name for v in self.ctx.visible() if v.width <= 8]
            if plain:
                name = self.rng.choice(plain)
                self.ctx.read.add(name)
                return Expr(name, 32, 0)
        if self.ctx.loops and self.chance(0.5):
            counter, _ = self.rng.choice(self.ctx.loops)
            suffix = "" if counter in self.ctx.signed else "U"
            self.op_counts["&"] += 1
            return Expr(f"{counter} & {size - 1}{suffix}", 32, 1, atomic=False)
        base = self.expr(max(0, depth - 1))
        value = _literal_value(base)
        if value is not None:
            return Expr(f"{value % size}", 32, 0, constant=True)  # no mask on a literal
        if base.width <= 8 and size >= 256:
            return base  # a uint8_t value is always in bounds
        self.op_counts["&"] += 1
        return Expr(f"{base.operand()} & {size - 1}U", 32, base.depth + 1, atomic=False)

    def packet_byte(self) -> Expr:
        """``d[k]``: a byte of the packet through the function's data pointer."""
        self.use_header(PACKET_BYTES)
        return Expr(f"{HEADER_POINTERS[PACKET_BYTES][0]}[{self.rng.randrange(PACKET_BYTES_READ)}]",
                    8, 1)

    def subscript(self, depth: int) -> Expr:
        """An array read: element state ``_t0[k]`` or the packet's bytes ``d[k]``."""
        local = self.ctx.has_packet and self.pick(self.c.subscript_bases) == "local"
        if local:
            self.use_header(PACKET_BYTES)
            name, width, size = HEADER_POINTERS[PACKET_BYTES][0], 8, PACKET_BYTES_READ
        else:
            name, width, size = self.array()
        if self.chance(self.c.subscript_literal_rate):
            return Expr(f"{name}[{self.rng.randrange(size)}]", width, 1)
        idx = self.index(size if not local else 32, depth - 1)
        return Expr(f"{name}[{idx.text}]", width, idx.depth + 1)

    def call_expr(self, depth: int) -> Expr:
        apis = dict(self.c.expression_apis)
        if not self.ctx.has_packet:
            for name in ("Packet::length", "Packet::anno", "Packet::data",
                         "Packet::network_header", "Packet::transport_header", "IPAddress",
                         "IPFlowID", "Timestamp::arith"):
                apis[name] = 0.0
        if not self.can_call_helper():
            apis["own"] = 0.0
        if sum(apis.values()) <= 0:
            return self.leaf()
        api = str(self.pick(apis))
        return self.api_expression(api, depth)

    def api_expression(self, api: str, depth: int) -> Expr:
        q = "q"
        offset = self.rng.choice((0, 4, 8, 16, 24, 28, 32, 36))
        simple: dict[str, Callable[[], Expr]] = {
            "Packet::length": lambda: Expr(f"{q}->length()", 32, 1),
            "Packet::anno": lambda: Expr(
                self.rng.choice((f"{q}->anno_u32({offset})", f"{q}->anno_u8({offset + 1})",
                                 f"{q}->anno_u16({offset + 2})")), 32, 1),
            "Packet::data": lambda: self.packet_byte(),
            "Packet::network_header": lambda: Expr(f"{q}->network_header_length()", 32, 1),
            "Packet::transport_header": lambda: Expr(
                f"(uint32_t) {q}->transport_header_offset()", 32, 1),
            "Timestamp::arith": lambda: Expr(f"(uint32_t) {q}->timestamp_anno().sec()", 32, 2),
            "IPAddress": lambda: self._header_call("click_ip", "IPAddress(ip->{f}).addr()"),
            "IPFlowID": lambda: Expr(f"IPFlowID({q}).hashcode()", 32, 2),
            "HashMap::size": lambda: Expr(f"(uint32_t) {self.container('map')}.size()", 32, 1),
            "Vector::size": lambda: Expr(f"(uint32_t) {self.container('vector')}.size()", 32, 1),
            "click_random": lambda: Expr("click_random()", 32, 1),
        }
        if api in simple:
            return simple[api]()
        arg = self.expr(max(0, depth - 1))
        if api == "HashMap::find":
            return Expr(f"{self.container('map')}.find({arg.text})", 32, arg.depth + 1)
        if api == "Vector::access":
            vector = self.container("vector")
            return Expr(f"({arg.operand()} < (uint32_t) {vector}.size() ? {vector}[{arg.text}]"
                        " : 0U)", 32, arg.depth + 2)
        helper = self.helper()
        if helper.takes_packet:
            return Expr(f"{helper.name}({q}, {arg.text})", 32, arg.depth + 1)
        other = self.expr(self.rng.randint(0, max(0, depth - 1)))
        return Expr(f"{helper.name}({arg.text}, {other.text})", 32,
                    1 + max(arg.depth, other.depth))

    def callable_helpers(self) -> list[Helper]:
        """Helpers created after the current function (so calls never form a cycle)."""
        return [h for h in self.helpers[self.ctx.caller + 1:]
                if self.ctx.has_packet or not h.takes_packet]

    def can_call_helper(self) -> bool:
        return self.call_budget > 0 and (len(self.helpers) < self.helper_budget
                                         or bool(self.callable_helpers()))

    def helper(self) -> Helper:
        """The callee of an own call: a new helper (created on first call, like state), or
        one created after the caller. Every helper is called, so all are on the packet path."""
        callable_ = self.callable_helpers()
        self.call_budget -= 1
        if len(self.helpers) < self.helper_budget and (
                not callable_ or self.chance(self.c.new_helper_rate)):
            takes_packet = self.ctx.has_packet and self.chance(0.5)
            helper = Helper(f"{'probe' if takes_packet else 'mix'}{len(self.helpers)}",
                            takes_packet)
            self.helpers.append(helper)
            return helper
        return self.rng.choice(callable_)

    def _header_call(self, struct: str, template: str) -> Expr:
        self.use_header(struct)
        return Expr(template.format(f=self.rng.choice(("ip_src", "ip_dst"))), 32, 2)

    def depth(self) -> int:
        return int(self.pick(self.c.expr_depth))  # type: ignore[call-overload]

    # --- lvalues ------------------------------------------------------------------------
    def lvalue(self) -> Expr:
        options = dict(self.c.assign_targets)
        locals_ = [v for v in self.ctx.visible() if v.assignable]
        for kind, possible in (("member", self.ctx.rows()), ("local", locals_),
                               ("lookup", self.ctx.lookups), ("field", self.ctx.writable)):
            if not possible:
                options[kind] = 0.0
        if sum(options.values()) <= 0:
            options["state"] = 1.0
        kind = str(self.pick(_behind(options, self.c.assign_targets, self.target_counts)))
        self.target_counts[kind] += 1
        if kind == "local":
            var = self.rng.choice(locals_)
            return Expr(var.name, var.width, 0)
        if kind == "lookup":
            return Expr(f"(*{self.rng.choice(self.ctx.lookups)})", 32, 1)
        if kind == "member":
            return self.row_member(self.ctx.rows())
        if kind == "field":
            spec = FIELD_BY_KEY[str(self.pick(self.c.fields_written))]
            self.leaf_counts["field"] += 1
            self.use_header(spec.struct)
            self.write_packet()
            text = spec.access(self.rng.randrange(spec.array) if spec.array else 0)
            return Expr(text, spec.width, 0)
        if kind == "array":
            name, width, size = self.array()
            idx = self.index(size, 1)
            return Expr(f"{name}[{idx.text}]", width, idx.depth + 1)
        var = self.scalar(written=True)
        return Expr(var.name, var.width, 0)

    def named_lvalue(self) -> Expr:
        """A local or member scalar (a plain name, for ``&x`` and ``sizeof(x)``)."""
        locals_ = [v for v in self.ctx.visible() if v.assignable]
        local = locals_ and self.chance(0.7)
        var = self.rng.choice(locals_) if local else self.scalar(written=True)
        return Expr(var.name, var.width, 0)

    def value_for(self, target: Expr) -> str:
        rhs = self.expr(self.depth())
        spec = next((f for f in FIELDS if target.text == f.access()), None)
        if spec is not None and spec.network_order and self.chance(self.c.byteorder_rate):
            return f"{'htonl' if spec.width == 32 else 'htons'}({rhs.text})"
        return rhs.text

    # --- statements ---------------------------------------------------------------------
    def new_var(self, width: int, prefix: str = "v", assignable: bool = True) -> Var:
        var = Var(f"{prefix}{self.ctx.next_var}", width, assignable)
        self.ctx.next_var += 1
        return var

    def statement_weights(self, depth: int, last: bool) -> dict[str, float]:
        """Statement kinds at ``depth``: control statements (with lookups and early-exit
        guards, which are ``if`` statements) take the corpus's control share at that depth."""
        weights = dict(self.c.statements)
        nested = depth > 0
        control = [*CONTROL, "lookup", *([] if last and nested else ["return"])]
        rate = self.c.control_rate[depth] if depth < len(self.c.control_rate) else 0.0
        if 0 < rate < 1:  # the share still missing at this depth, from what was written
            behind = _behind({"control": 1.0, "other": 1.0},
                             {"control": rate, "other": 1 - rate},
                             self.depth_counts[min(depth, MAX_NESTING)])
            rate = behind["control"] / sum(behind.values())
        if self.ctx.statements > MAX_STATEMENTS:
            rate = 0.0
        control_mass = sum(weights[k] for k in control)
        other_mass = sum(w for k, w in weights.items() if k not in control)
        for kind in weights:
            if kind in control:
                weights[kind] *= rate / control_mass if control_mass else 0.0
            else:
                weights[kind] *= (1 - rate) / other_mass if other_mass else 0.0
        if not (last and self.ctx.loops and nested):
            weights["break"] = 0.0
            weights["continue"] = 0.0
        if sum(weights.values()) <= 0:
            weights["assign"] = 1.0
        return weights

    def block(self, length: int, depth: int, closed: bool = False, leading: int = 0) -> None:
        """``length`` statements, the first ``leading`` of them declarations; ``closed``: the
        caller ends the block with an exit."""
        self.ctx.scopes.append([])
        for position in range(length):
            if position >= max(1, leading) and length - position <= len(self.unread()):
                break  # the rest of the length folds the unread locals (``sink_unread``)
            last = position == length - 1 and not closed
            kind = ("decl" if position < leading
                    else str(self.pick(self.statement_weights(depth, last))))
            if kind == "return" and not (last and depth > 0):
                self.statement("guard", depth)
                continue
            if kind in ("return", "break", "continue"):
                self.sink_unread(depth)
                self.statement(kind, depth)
                break
            self.statement(kind, depth)
        else:
            self.sink_unread(depth)
            self.ctx.scopes.pop()
            return
        if kind not in ("return", "break", "continue"):
            self.sink_unread(depth)
        self.ctx.scopes.pop()

    def unread(self) -> list[Var]:
        """The block's locals written and not read since (``sink_unread`` folds them)."""
        return [v for v in self.ctx.scopes[-1]
                if (v.assignable or v.row) and v.name not in self.ctx.read]

    def sink_unread(self, depth: int) -> None:
        """Fold the scope's locals that were written but not read since into a state
        variable: NF code uses what it computes, so no dead stores for the compiler to drop."""
        ops = _restrict({k: self.c.compound_assign.get(k, 0.0) for k in SINK_OPS}, SINK_OPS)
        for var in self.unread():
            value = f"{var.name}->key" if var.row else var.name
            target = self.scalar(written=True)
            self.target_counts["state"] += 1
            self.written(depth, "other")
            if target.width < 32 and 0 < var.width < 32:
                value = f"(uint32_t) {value}"
            self.emit(f"{target.name} {self.pick(ops)} {value};")
            self.ctx.read.add(var.name)

    def body(self, depth: int, inner: Callable[[], None] | None = None,
             inner_lines: int = 0) -> None:
        """A control statement's body: one unbraced statement, or a braced block whose
        sampled length includes the ``inner_lines`` statements ``inner`` ends it with."""
        weights = self.statement_weights(depth, True)
        single_line = {*SINGLE_LINE, *(["return"] if self.ctx.entry == "helper" else [])}
        singles = {k: w if k in single_line else 0.0 for k, w in weights.items()}
        # braced or not by the corpus's braced-body rate, counting the bodies that must be
        # braced (early exits, several statements)
        shares = {"braced": self.c.braced_rate, "single": 1 - self.c.braced_rate}
        behind = _behind({"braced": 1.0, "single": 1.0 if sum(singles.values()) else 0.0},
                         shares, self.body_counts)
        single = inner is None and self.chance(behind["single"] / sum(behind.values()))
        self.body_counts["single" if single else "braced"] += 1
        if single:
            kind = str(self.pick(singles))
            self.indent += 1
            self.ctx.scopes.append([])
            self.statement(kind, depth)
            self.ctx.scopes.pop()
            self.indent -= 1
            return
        self.emit("{")
        self.indent += 1
        length = int(self.pick(self.c.block_lengths))  # type: ignore[call-overload]
        self.block(max(0, length - inner_lines), depth, closed=inner is not None)
        if inner is not None:
            inner()
        self.indent -= 1
        self.emit("}")

    def statement(self, kind: str, depth: int) -> None:
        self.ctx.statements += 1
        self.written(depth, "control" if kind in (*CONTROL, "guard", "lookup") else "other")
        getattr(self, f"stmt_{kind}")(depth)

    def use_header(self, struct: str) -> None:
        """A header pointer the function's first lines declare (a statement at depth 0)."""
        if struct not in self.ctx.headers:
            self.ctx.headers.add(struct)
            self.written(0, "other")

    def write_packet(self) -> None:
        """The entry writes the packet: it starts with ``uniqueify`` and its null check."""
        if not self.ctx.wrote_packet:
            self.ctx.wrote_packet = True
            self.written(0, "control")

    def written(self, depth: int, kind: str) -> None:
        """Count a statement written at ``depth`` (the control share follows the corpus's)."""
        self.depth_counts[min(depth, MAX_NESTING)][kind] += 1

    def wrote(self, target: Expr) -> None:
        """A write to a local: its value is unread until an expression reads it."""
        self.ctx.read.discard(target.text)

    def stmt_assign(self, depth: int) -> None:
        target = self.lvalue()
        value = self.value_for(target)
        if value == target.text:
            value = f"{value} + 1U"
        self.emit(f"{target.text} = {value};")
        self.wrote(target)

    def stmt_compound_assign(self, depth: int) -> None:
        target = self.lvalue()
        op = str(self.pick(self.c.compound_assign))
        if op in ("<<=", ">>="):
            limit = min(8, target.width - 1) if target.width < 32 else target.width - 1
            self.emit(f"{target.text} {op} {self.rng.randint(1, limit)}U;")
            self.wrote(target)
            return
        rhs = self.expr(self.depth())
        text = rhs.operand()
        if op in ("/=", "%="):
            text = f"({text} | 1U)"
        elif target.width < 32 and rhs.width < 32:
            text = f"(uint32_t) {text}"
        self.emit(f"{target.text} {op} {text};")
        self.wrote(target)

    def stmt_incdec(self, depth: int) -> None:
        target = self.lvalue()
        op = str(self.pick(self.c.incdec))
        text = f"{target.text}{op[4:]}" if op.startswith("post") else f"{op}{target.text}"
        self.emit(f"{text};")
        self.wrote(target)

    def stmt_decl(self, depth: int) -> None:
        if self.chance(self.c.row_rate):
            table, size = self.table()
            row = self.new_var(0, "r", assignable=False)
            self.emit(f"Row *{row.name} = &{table}[{self.index(size, 1).text}];")
            self.ctx.scopes[-1].append(Var(row.name, 0, assignable=False, row=True))
            return
        type_name = str(self.pick(self.c.local_types))
        init = self.expr(self.depth())
        var = self.new_var(LOCAL_TYPES[type_name])
        self.emit(f"{type_name} {var.name} = {init.text};")
        self.ctx.scopes[-1].append(var)

    def stmt_call(self, depth: int) -> None:
        apis = dict(self.c.statement_apis)
        if not self.ctx.has_packet:
            for name in ("Packet::anno", "click_in_cksum", "memory.copy", "Timestamp::now"):
                apis[name] = 0.0
        if not self.ctx.writable:
            apis["click_in_cksum"] = 0.0
        if not self.can_call_helper():
            apis["own"] = 0.0
        api = self.pick(apis) if sum(apis.values()) > 0 else "HashMap::insert"
        if api == "own":
            self.emit(f"{self.api_expression('own', self.depth()).text};")
            return
        if api == "Vector::erase":
            self.emit(f"{self.container('vector')}.clear();")
        elif api == "memory.copy":
            target = self.named_lvalue()
            offset = self.rng.randint(0, 20)
            self.emit(f"memcpy(&{target.text}, q->data() + {offset}, sizeof({target.text}));")
            self.wrote(target)
        elif api == "Timestamp::now":
            self.emit("q->set_timestamp_anno(Timestamp::now());")
        else:  # the forms that take a value (generated only when used: it may call a helper)
            self.value_call(str(api), self.expr(self.depth()))

    def value_call(self, api: str, value: Expr) -> None:
        """A call statement that stores ``value``: an annotation, a map or vector entry, a
        checksum update."""
        if api == "Packet::anno":
            offset = self.rng.choice((0, 4, 8, 16, 24, 28, 32, 36))
            self.emit(f"q->set_anno_u32({offset}, {value.text});")
        elif api == "HashMap::insert":
            key = self.expr(max(0, self.depth() - 1))
            self.emit(f"{self.container('map')}.insert({key.text}, {value.text});")
        elif api == "HashMap::erase":
            self.emit(f"{self.container('map')}.erase({value.text});")
        elif api == "Vector::push_back":
            self.emit(f"{self.container('vector')}.push_back({value.text});")
        else:
            spec = self.rng.choice([f for f in FIELDS if f.name in ("ip_sum", "th_sum", "uh_sum")])
            self.use_header(spec.struct)
            self.write_packet()
            old = self.field_read()
            self.emit(f"click_update_in_cksum(&{spec.access()}, {old.text}, {value.text});")

    def stmt_return(self, depth: int) -> None:
        if self.ctx.entry == "helper":
            self.emit(f"return {self.expr(self.depth()).text};")
            return
        if self.ctx.entry == "push" and self.chance(0.5):
            self.ctx.statements += 1
            self.written(depth, "other")
            self.emit(f"output({self.rng.randint(0, 1)}).push(q);")
        else:
            self.ctx.statements += 1
            self.written(depth, "other")
            self.emit("q->kill();")
        self.emit("return;" if self.ctx.entry == "push" else "return 0;")

    def stmt_guard(self, depth: int) -> None:
        """An early exit: ``if (cond) return ...;`` (or a block that ends with the return)."""
        self.emit(f"if ({self.condition(max(1, self.depth())).text})")
        if self.ctx.entry == "helper" and not self.chance(self.c.braced_rate):
            self.indent += 1
            self.statement("return", depth + 1)
            self.indent -= 1
            return
        exit_lines = 1 if self.ctx.entry == "helper" else 2  # (kill or push and) return
        self.body(depth + 1, lambda: self.statement("return", depth + 1), exit_lines)

    def stmt_break(self, depth: int) -> None:
        self.emit("break;")

    def stmt_continue(self, depth: int) -> None:
        self.emit("continue;" if self.ctx.loops[-1][0].startswith("i") else "break;")

    def stmt_if(self, depth: int) -> None:
        self.emit(f"if ({self.condition(max(1, self.depth())).text})")
        self.body(depth + 1)
        if self.chance(self.c.else_rate):
            self.emit("else")
            self.body(depth + 1)

    def loop_bound(self) -> int:
        return int(self.pick(self.c.trip_counts))  # type: ignore[call-overload]

    def stmt_for(self, depth: int) -> None:
        signed = self.chance(self.c.signed_counter_rate)
        # an int counter is "narrow" (16): every operation on it gets a (uint32_t) cast
        counter = self.new_var(16 if signed else 32, "i", assignable=False)
        if signed:
            self.ctx.signed.add(counter.name)
        bound = self.loop_bound()
        type_name, suffix = ("int", "") if signed else ("uint32_t", "U")
        self.emit(f"for ({type_name} {counter.name} = 0; {counter.name} < {bound}{suffix}; "
                  f"{counter.name}++)")
        self.loop(counter, bound, depth, None)

    def loop(self, counter: Var, bound: int, depth: int,
             step: Callable[[], None] | None) -> None:
        self.ctx.scopes.append([counter])
        self.ctx.loops.append((counter.name, bound))
        self.body(depth + 1, step, 0 if step is None else 1)
        self.ctx.loops.pop()
        self.ctx.scopes.pop()

    def stmt_while(self, depth: int) -> None:
        counter = self.new_var(32, "w", assignable=False)
        self.emit(f"uint32_t {counter.name} = 0U;")
        bound = self.loop_bound()
        self.emit(f"while ({counter.name} < {bound}U)")
        self.loop(counter, bound, depth, lambda: self.emit(f"{counter.name}++;"))

    def stmt_do(self, depth: int) -> None:
        counter = self.new_var(32, "w", assignable=False)
        bound = self.loop_bound()
        self.emit(f"uint32_t {counter.name} = 0U;")
        self.emit("do")
        self.loop(counter, bound, depth, lambda: self.emit(f"{counter.name}++;"))
        self.lines[-1] += f" while ({counter.name} < {bound}U);"

    def stmt_switch(self, depth: int) -> None:
        cases = self.rng.randint(2, 4)
        scrutinee = self.expr(max(0, self.depth() - 1))
        self.op_counts["&"] += 1
        self.emit(f"switch ({scrutinee.operand()} & 3U)")
        self.emit("{")
        for label in [*(f"case {i}:" for i in range(cases - 1)), "default:"]:
            self.emit(label)
            self.indent += 1
            self.ctx.scopes.append([])
            for _ in range(max(1, int(self.pick(self.c.block_lengths)) - 1)):  # type: ignore[call-overload]
                self.statement(self.rng.choice(("assign", "compound_assign", "incdec")),
                               depth + 1)
            self.ctx.scopes.pop()
            self.emit("break;")
            self.indent -= 1
        self.emit("}")

    def stmt_lookup(self, depth: int) -> None:
        """``V *h = map.findp(key); if (h) { ... *h ... }`` (a HashMap::find statement)."""
        handle = self.new_var(32, "h", assignable=False)
        key = self.expr(max(0, self.depth() - 1))
        self.emit(f"uint32_t *{handle.name} = {self.container('map')}.findp({key.text});")
        self.emit(f"if ({handle.name})")
        self.ctx.lookups.append(handle.name)
        self.body(depth + 1)
        self.ctx.lookups.pop()

    # --- functions ----------------------------------------------------------------------
    def function(self, ctx: Context, length: int) -> list[str]:
        self.ctx = ctx
        # the lines every function has besides its body: the packet and the final return or
        # push, and the port for push
        for _ in range(1 if ctx.entry == "helper" else 2 + (ctx.entry == "push")):
            self.written(0, "other")
        self.lines = []
        self.indent = 1
        leading = int(self.pick(self.c.leading_decls))  # type: ignore[call-overload]
        # the parameters stay in scope (``ctx.scopes``)
        self.block(max(length, leading + 1), 0, leading=leading)
        return self.lines


def _setup_lines(ctx: Context, returns: str) -> list[str]:
    """The entry's first lines: the writable packet (if written) and the header pointers."""
    lines: list[str] = []
    if ctx.wrote_packet:
        lines += ["WritablePacket *q = p->uniqueify();", "if (!q)", f"    {returns}"]
    else:
        lines.append("Packet *q = p;")
    const = "" if ctx.wrote_packet else "const "
    for struct, (pointer, accessor) in HEADER_POINTERS.items():
        if struct in ctx.headers:
            lines.append(f"{const}{struct} *{pointer} = q->{accessor}();")
    return ["    " + line for line in lines]


def _helper_setup(ctx: Context) -> list[str]:
    return [f"    const {struct} *{pointer} = q->{accessor}();"
            for struct, (pointer, accessor) in HEADER_POINTERS.items() if struct in ctx.headers]


def generate_program(seed: int, stats: CorpusStats | None, guided: bool = True) -> SynthProgram:
    """A random Click element for ``seed``: guided by ``stats``, or uniform if not ``guided``.

    Pure and deterministic: the same arguments give the same source text.
    """
    if guided and stats is None:
        raise ValueError("the guided generator needs corpus stats (measure_corpus)")
    choices = choices_from_stats(stats) if guided and stats is not None else uniform_choices()
    gen = _Generator(seed, choices)
    mode = "G" if guided else "U"
    class_name = f"Synth{mode}{seed:06d}"
    gen.helper_budget = sum(gen.chance(0.5) for _ in range(round(2 * choices.mean_helpers)))
    gen.call_budget = round(gen.helper_budget / choices.new_helper_rate)
    entry = "push" if gen.chance(0.5) else "simple_action"
    ctx = Context(has_packet=True, writable=True, entry=entry, caller=-1)
    length = max(1, int(gen.pick(choices.body_lengths)) - 3)  # type: ignore[call-overload]
    port_var = [Var("port_bits", 32, False)] if entry == "push" else []
    body = gen.function(_with_args(ctx, port_var), length)
    if entry == "push":
        port = gen.expr(gen.depth()).operand()
        signature = ["void", f"{class_name}::push(int port, Packet *p)"]
        head = [*_setup_lines(ctx, "return;"), "    uint32_t port_bits = (uint32_t) port;"]
        tail = [f"    output({port} & 1U).push(q);"]
    else:
        signature = ["Packet *", f"{class_name}::simple_action(Packet *p)"]
        head = _setup_lines(ctx, "return 0;")
        tail = ["    return q;"]
    entry_def = [*signature, "{", *head, *body, *tail, "}", ""]
    definitions: list[list[str]] = []
    while len(definitions) < len(gen.helpers):  # helpers created meanwhile add to the list
        definitions.append(_helper_definition(gen, class_name, len(definitions)))
    called = _called_helpers(entry_def, gen.helpers, definitions)
    helpers = [h for h in gen.helpers if h.name in called]
    helper_defs = [line for h, lines in zip(gen.helpers, definitions, strict=True)
                   if h.name in called for line in lines]
    source = _assemble(class_name, entry, helpers, gen.state, helper_defs + entry_def,
                       seed, guided)
    return SynthProgram(name=f"synth_{mode.lower()}_{seed:06d}", class_name=class_name,
                        source=source, seed=seed, guided=guided)


def _called_helpers(entry: list[str], helpers: list[Helper],
                    definitions: list[list[str]]) -> set[str]:
    """The helpers the entry calls, transitively. A helper whose only call was in a value a
    safety rule replaced (two equal operands, say) is left out of the program."""
    bodies = {h.name: "\n".join(lines) for h, lines in zip(helpers, definitions, strict=True)}
    called: set[str] = set()
    todo = ["\n".join(entry)]
    while todo:
        text = todo.pop()
        for name, body in bodies.items():
            if name not in called and re.search(rf"\b{name}\(", text):
                called.add(name)
                todo.append(body.split("\n", 2)[2])  # the body, after its signature
    return called


def _helper_definition(gen: _Generator, class_name: str, index: int) -> list[str]:
    """The definition of helper ``index``: it may call only helpers created after it."""
    helper = gen.helpers[index]
    ctx = Context(has_packet=helper.takes_packet, writable=False, entry="helper", caller=index)
    length = max(1, int(gen.pick(gen.c.body_lengths)) - 1)  # type: ignore[call-overload]
    gen.ctx = ctx
    arguments = [Var("a", 32, False)] + ([] if helper.takes_packet else [Var("b", 32, False)])
    body = gen.function(_with_args(ctx, arguments), length)
    result = gen.expr(gen.depth()).text
    return ["uint32_t", f"{class_name}::{helper.name}({helper.params})", "{",
            *(_helper_setup(ctx) if helper.takes_packet else []), *body,
            f"    return {result};", "}", ""]


def _literal_value(expr: Expr) -> int | None:
    """The value of a literal expression (``17U``, ``0x5DCU``), else None."""
    if not expr.constant:
        return None
    try:
        return int(expr.text.rstrip("U"), 0)
    except ValueError:
        return None


def _behind(possible: Mapping[str, float], shares: Mapping[str, float],
            counts: Mapping[str, int]) -> dict[str, float]:
    """Weights of the ``possible`` kinds (weight > 0) by how far each is behind its share
    of what was written so far: the program's mix follows the corpus's even where a kind
    is unavailable for a while. ``possible`` itself when none is behind."""
    scale = (sum(counts.values()) + 1) / sum(shares.values())
    deficits = {k: max(0.0, shares.get(k, 0.0) * scale - counts.get(k, 0)) if w > 0 else 0.0
                for k, w in possible.items()}
    return deficits if sum(deficits.values()) > 0 else dict(possible)


def _with_args(ctx: Context, arguments: list[Var]) -> Context:
    ctx.scopes = [list(arguments)]
    return ctx


INCLUDES = ("click/config.h", "click/element.hh", "click/glue.hh", "click/hashmap.hh",
            "click/vector.hh", "click/timestamp.hh", "click/ipaddress.hh", "click/ipflowid.hh",
            "clicknet/ip.h", "clicknet/tcp.h", "clicknet/udp.h", "clicknet/ether.h", "string.h")


def _assemble(class_name: str, entry: str, helpers: list[Helper], state: State,
              definitions: list[str], seed: int, guided: bool) -> str:
    mode = "guided" if guided else "unguided (uniform choices)"
    ports, processing = ('"1/2"', "PUSH") if entry == "push" else ('"1/1"', "AGNOSTIC")
    entry_decl = ("void push(int port, Packet *p);" if entry == "push"
                  else "Packet *simple_action(Packet *p);")
    helper_decls = [f"uint32_t {h.name}({h.params});" for h in helpers]
    lines = [f"// Synthesized by clara synth (generator {GENERATOR_VERSION}), seed {seed}, {mode}.",
             *(f"#include <{name}>" for name in INCLUDES), "CLICK_DECLS", "",
             f"class {class_name} : public Element {{", "  public:",
             f'    const char *class_name() const {{ return "{class_name}"; }}',
             f"    const char *port_count() const {{ return {ports}; }}",
             f"    const char *processing() const {{ return {processing}; }}",
             f"    {entry_decl}", "", "  private:",
             *("    " + d for d in state.declarations() + helper_decls), "};", "",
             *definitions, "CLICK_ENDDECLS", f"EXPORT_ELEMENT({class_name})", ""]
    return "\n".join(lines)
