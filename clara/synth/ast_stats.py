"""AST statistics of a corpus of NFs, measured with libclang: what guides the synthesizer.

This module owns ``CorpusStats`` (its fields, their exact definitions and its JSON form) and
``measure_corpus``. Only the NF's own code is measured (functions defined in the main file or
in a file in the same directory, e.g. its ``.hh``; never the framework headers), and of that
only the **packet path**: the packet entries (``simple_action``, ``push``, ``pull``,
``smaction``; for plain C, a function whose first parameter is a pointer and that no other own
function calls) and the own functions they call, transitively. Configuration and handler code
(``configure``, ``add_handlers``, read handlers) is never offloaded and is not what the
compute model is applied to, so it does not guide generation.

Definitions (the generator in ``clara.synth.generator`` mirrors them):

- *statement position*: a direct child of a compound statement, or the body/branch of an
  ``if``/``for``/``while``/``do``/``switch``/``case``/``default``.
- *statement kind* of a node in statement position: ``if for while do switch case default
  break continue return compound decl null goto label``, or for an expression statement
  ``assign`` (``=``), ``compound_assign`` (``+=`` ...), ``incdec`` (``++``/``--``), ``call``,
  ``expr`` (anything else).
- *nesting depth* of a statement: the number of enclosing ``if/for/while/do/switch``
  statements within its function.
- *expression depth*: ``depth(n) = [n is an operator node] + max(depth(child))`` where the
  operator nodes are binary, compound-assignment, unary and conditional operators, array
  subscripts and calls; names, literals and member accesses are transparent (depth 0 alone).
  It is measured on each statement's top expressions: the right-hand side of an assignment
  statement, the operand of an ``incdec`` statement, a call statement, a variable's
  initializer, a returned value, and the condition of ``if``/``while``/``do``/``switch`` and
  ``for``.
- *header field*: a member of ``click_ip``, ``click_tcp``, ``click_udp``, ``click_ether``,
  ``click_icmp`` (``click_ip.ip_src``); *written* when it is the target of an assignment, of
  ``++``/``--``, or has its address taken (``&ip->ip_sum`` passed to a checksum update).
- *API call*: a call whose callee, written ``Class::method(`` (``Class<>::`` for a class
  template), matches the shipped API catalog (``clara.ir.catalog``); a call of another own
  packet-path function is counted in ``own_calls``; any other call is ``extern``, except
  constructors outside the catalog (libclang shows ``Key k;`` of a plain struct as a call of
  its implicit constructor, which compiles to nothing), which are not counted.
- *member access*: a member reference to a field of the method's own class (for plain C, a
  reference to a global variable defined in the NF's own files), counted per function.
- *loop trip-count literal*: an integer literal compared with something in a loop condition.
- *assignment target* of an ``assign``/``compound_assign``/``incdec`` statement: ``field`` (a
  header field), ``state`` (a member access as above), ``member`` (another struct member,
  e.g. ``f->int_ip``), ``local``, ``array`` (a subscript), ``deref`` (``*p``) or ``other``.
- *else branches*: ``if`` statements that have an ``else``.
- *guards*: ``if`` statements without ``else`` whose body is a ``return`` or a block that
  ends with one (an early exit); *final returns*: function bodies whose last statement is a
  ``return``.
- *value leaf* (``leaves``): an operand that reads a value without an operator, by kind:
  ``literal`` (integer or bool literal), ``local`` (a local variable or parameter; not when it
  is only the base of a member access such as ``ip`` in ``ip->ip_p``), ``state`` (a member
  access as above), ``field`` (a header field, ``ip->ip_src.s_addr`` counted once) or
  ``member`` (another struct member, ``c.state``). Method names (``q->kill``) and callees are
  not leaves.
- *condition*: the controlling expression of an ``if``/``while``/``do``/``for``.
  ``condition_terms`` counts its terms (the operands of its ``&&``/``||`` tree: ``a && (b ||
  c)`` has 3); ``condition_atoms`` the kind of each term: ``compare`` (``== != < > <= >=``),
  ``not`` (``!x``) or ``plain`` (any other value tested for non-zero, ``flags & TH_SYN``).
- *control statements per depth* (``control_depth``): the ``if/for/while/do/switch``
  statements at each nesting depth (``nesting_depth`` counts all statements there).
- *subscript* (``subscripts``): an array subscript by the kind of its base and of its index,
  ``"BASE INDEX"``: base ``state`` (a member or own global array), ``local`` (a local array
  or pointer, e.g. ``data[i]``) or ``other`` (``p->data()[1]``, ``a[i][j]``'s inner part);
  index ``literal`` (an integer literal), ``variable`` (a plain variable, ``data[i]``) or
  ``expression`` (anything else, ``h & (n - 1)``).
- *call statement* (``call_statements``): a ``call`` statement by its callee: the catalog
  name, ``own`` for an own packet-path function, or ``extern``.
- *leading integer declarations* (``leading_decls``): per function, the integer locals
  declared by the declarations that open its body (the run of ``decl`` statements before the
  first other statement; a pointer declaration in the run, ``const click_ip *iph = ...``,
  continues it but is not counted).
- *operand shape* (``operand_shapes``): each binary operator other than assignment, comma
  and ``&&``/``||``, as ``"GROUP SHAPE"``: group ``compare`` (``== != < > <= >=``) or
  ``value`` (arithmetic and bitwise), shape ``literal`` when an operand is an integer literal,
  else ``variable``.
- *state type* (``state_types``): the canonical type of each member access (above), e.g.
  ``unsigned long`` or ``unsigned int[256]``; ``state_written_types`` counts those that are
  written (the target of an assignment or of ``++``/``--``, through subscripts).
- *loop counter type*: the declared type of the variable a ``for`` statement's init declares.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

from clara.errors import ClaraError
from clara.ir.catalog import match_api, shipped_catalog
from clara.toolchain.compile import CLICK_COMPAT_INCLUDE

LIBCLANG = Path("/usr/lib/llvm-19/lib/libclang.so")
STATS_SCHEMA = "clara.synth-stats/2"
PACKET_ENTRIES = frozenset({"simple_action", "push", "pull", "smaction"})
HEADER_STRUCTS = frozenset({"click_ip", "click_tcp", "click_udp", "click_ether", "click_icmp"})
CONTROL_KINDS = frozenset({"if", "for", "while", "do", "switch"})
COMPARISONS = frozenset({"==", "!=", "<", ">", "<=", ">="})

BINARY_SPELLING = {
    "Mul": "*", "Div": "/", "Rem": "%", "Add": "+", "Sub": "-", "Shl": "<<", "Shr": ">>",
    "Cmp": "<=>", "LT": "<", "GT": ">", "LE": "<=", "GE": ">=", "EQ": "==", "NE": "!=",
    "And": "&", "Xor": "^", "Or": "|", "LAnd": "&&", "LOr": "||", "Assign": "=",
    "MulAssign": "*=", "DivAssign": "/=", "RemAssign": "%=", "AddAssign": "+=",
    "SubAssign": "-=", "ShlAssign": "<<=", "ShrAssign": ">>=", "AndAssign": "&=",
    "XorAssign": "^=", "OrAssign": "|=", "Comma": ",", "PtrMemD": ".*", "PtrMemI": "->*",
}
PREFIX_UNARY = ("++", "--", "!", "~", "-", "+", "*", "&")


@dataclass
class CorpusStats:
    """Histograms of the packet-path code of a corpus (definitions in the module docstring)."""

    schema: str = STATS_SCHEMA
    files: list[str] = field(default_factory=list)
    functions: int = 0
    node_kinds: dict[str, int] = field(default_factory=dict)
    statements: dict[str, int] = field(default_factory=dict)
    nesting_depth: dict[int, int] = field(default_factory=dict)
    expr_depth: dict[int, int] = field(default_factory=dict)
    binary_ops: dict[str, int] = field(default_factory=dict)
    unary_ops: dict[str, int] = field(default_factory=dict)
    fields_read: dict[str, int] = field(default_factory=dict)
    fields_written: dict[str, int] = field(default_factory=dict)
    api_calls: dict[str, int] = field(default_factory=dict)
    own_calls: int = 0
    member_accesses: dict[int, int] = field(default_factory=dict)
    loop_trip_counts: dict[int, int] = field(default_factory=dict)
    block_lengths: dict[int, int] = field(default_factory=dict)
    body_lengths: dict[int, int] = field(default_factory=dict)
    local_types: dict[str, int] = field(default_factory=dict)
    assign_targets: dict[str, int] = field(default_factory=dict)
    else_branches: int = 0
    guards: int = 0
    final_returns: int = 0
    leaves: dict[str, int] = field(default_factory=dict)
    condition_terms: dict[int, int] = field(default_factory=dict)
    condition_atoms: dict[str, int] = field(default_factory=dict)
    counter_types: dict[str, int] = field(default_factory=dict)
    control_depth: dict[int, int] = field(default_factory=dict)
    subscripts: dict[str, int] = field(default_factory=dict)
    call_statements: dict[str, int] = field(default_factory=dict)
    leading_decls: dict[int, int] = field(default_factory=dict)
    operand_shapes: dict[str, int] = field(default_factory=dict)
    state_types: dict[str, int] = field(default_factory=dict)
    state_written_types: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> CorpusStats:
        data = json.loads(text)
        if data.get("schema") != STATS_SCHEMA:
            raise ClaraError(f"stats schema is {data.get('schema')!r}, expected {STATS_SCHEMA!r}")
        int_keyed = {"nesting_depth", "expr_depth", "member_accesses", "loop_trip_counts",
                     "block_lengths", "body_lengths", "condition_terms", "control_depth",
                     "leading_decls"}
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                raise ClaraError(f"stats: missing field {f.name!r}")
            value = data[f.name]
            values[f.name] = {int(k): v for k, v in value.items()} if f.name in int_keyed else value
        return cls(**values)


@cache
def _cindex() -> Any:
    """The libclang bindings, bound to the system LLVM 19 library (loaded once)."""
    import clang.cindex as cindex

    if not LIBCLANG.is_file():
        raise ClaraError(f"{LIBCLANG}: libclang of LLVM 19 not found (apt install libclang-19-dev)")
    if not cindex.Config.loaded:
        cindex.Config.set_library_file(str(LIBCLANG))
    return cindex


def parse_args_for(path: Path) -> list[str]:
    """The analysis language flags for ``path`` (as clang_passes sees it) plus include dirs."""
    language = ["-x", "c", "-std=gnu11"] if path.suffix == ".c" else ["-x", "c++", "-std=gnu++17"]
    return [*language, "-I", str(CLICK_COMPAT_INCLUDE), "-I", str(path.parent)]


def parse(path: Path) -> Any:
    """Parse one source with libclang; parse errors raise ClaraError listing them."""
    cindex = _cindex()
    tu = cindex.Index.create().parse(str(path), args=parse_args_for(path))
    errors = [d for d in tu.diagnostics if d.severity >= cindex.Diagnostic.Error]
    if errors:
        shown = "\n".join(
            f"  {d.location.file}:{d.location.line}:{d.location.column}: {d.spelling}"
            for d in errors[:10]
        )
        raise ClaraError(f"{path}: libclang could not parse it ({len(errors)} errors):\n{shown}")
    return tu


def _own(cursor: Any, directory: Path) -> bool:
    location = cursor.location.file
    return location is not None and Path(location.name).resolve().parent == directory


def _definitions(tu: Any, directory: Path) -> dict[str, Any]:
    """Own function definitions by USR."""
    kinds = {"FUNCTION_DECL", "CXX_METHOD", "CONSTRUCTOR", "DESTRUCTOR", "FUNCTION_TEMPLATE"}
    return {
        c.get_usr(): c
        for c in tu.cursor.walk_preorder()
        if c.kind.name in kinds and c.is_definition() and _own(c, directory)
    }


def _callees(function: Any) -> set[str]:
    return {
        c.referenced.get_usr()
        for c in function.walk_preorder()
        if c.kind.name == "CALL_EXPR" and c.referenced is not None
    }


def _is_c_entry(function: Any, called: set[str]) -> bool:
    args = list(function.get_arguments())
    return (function.kind.name == "FUNCTION_DECL" and function.get_usr() not in called
            and bool(args) and args[0].type.get_canonical().kind.name == "POINTER")


def packet_path(tu: Any, path: Path) -> list[Any]:
    """The own functions on the packet path of ``tu``, in source order."""
    defs = _definitions(tu, path.resolve().parent)
    edges = {usr: _callees(c) & defs.keys() for usr, c in defs.items()}
    called = set().union(*edges.values()) if edges else set()
    if path.suffix == ".c":
        todo = [u for u, c in defs.items() if _is_c_entry(c, called)]
    else:
        todo = [u for u, c in defs.items()
                if c.kind.name == "CXX_METHOD" and c.spelling in PACKET_ENTRIES]
    seen: set[str] = set()
    while todo:
        usr = todo.pop()
        if usr not in seen:
            seen.add(usr)
            todo.extend(edges[usr])
    return sorted((defs[u] for u in seen), key=lambda c: c.extent.start.offset)


def _strip(node: Any) -> Any:
    """Look through implicit and parenthesis nodes."""
    while node.kind.name in ("UNEXPOSED_EXPR", "PAREN_EXPR"):
        children = list(node.get_children())
        if len(children) != 1:
            break
        node = children[0]
    return node


def binary_op(node: Any) -> str:
    return BINARY_SPELLING.get(node.binary_operator.name, node.binary_operator.name)


def unary_op(node: Any) -> str:
    """``++``/``--`` prefix, ``post++``/``post--`` postfix, else the operator spelling."""
    tokens = [t.spelling for t in node.get_tokens()]
    if tokens and tokens[0] in PREFIX_UNARY:
        return tokens[0]
    if tokens and tokens[-1] in ("++", "--"):
        return "post" + tokens[-1]
    return tokens[0] if tokens else "?"


def statement_kind(node: Any) -> str:
    """The statement kind of a node in statement position (see the module docstring)."""
    name = node.kind.name
    if name.endswith("_STMT"):
        return {"IF_STMT": "if", "FOR_STMT": "for", "WHILE_STMT": "while", "DO_STMT": "do",
                "SWITCH_STMT": "switch", "CASE_STMT": "case", "DEFAULT_STMT": "default",
                "BREAK_STMT": "break", "CONTINUE_STMT": "continue", "RETURN_STMT": "return",
                "COMPOUND_STMT": "compound", "DECL_STMT": "decl", "NULL_STMT": "null",
                "GOTO_STMT": "goto", "LABEL_STMT": "label"}.get(name, name.lower())
    top = _strip(node)
    if top.kind.name == "BINARY_OPERATOR" and binary_op(top) == "=":
        return "assign"
    if top.kind.name == "COMPOUND_ASSIGNMENT_OPERATOR":
        return "compound_assign"
    if top.kind.name == "UNARY_OPERATOR" and unary_op(top).removeprefix("post") in ("++", "--"):
        return "incdec"
    if top.kind.name == "CALL_EXPR":
        return "call"
    return "expr"


OPERATOR_NODES = frozenset({"BINARY_OPERATOR", "COMPOUND_ASSIGNMENT_OPERATOR", "UNARY_OPERATOR",
                            "CONDITIONAL_OPERATOR", "ARRAY_SUBSCRIPT_EXPR", "CALL_EXPR"})


def expression_depth(node: Any) -> int:
    own = 1 if node.kind.name in OPERATOR_NODES else 0
    return own + max((expression_depth(c) for c in node.get_children()), default=0)


def _split_statement(node: Any) -> tuple[list[Any], list[Any]]:
    """(top expressions, sub-statements) of a statement in statement position."""
    kind = statement_kind(node)
    children = list(node.get_children())
    if kind in ("if", "switch", "case"):
        exprs = [c for c in children[:1] if c.kind.is_expression()]
        return exprs, children[len(exprs):]
    if kind == "while":
        return children[:1], children[1:]
    if kind == "do":
        return children[1:], children[:1]
    if kind == "for":
        body = children[-1:]
        conds = [c for c in children[:-1] if c.kind.is_expression()]
        return conds[:1], body
    if kind in ("compound", "default", "label"):
        return [], children
    if kind == "decl":
        inits = [list(v.get_children())[-1] for v in children
                 if v.kind.name == "VAR_DECL" and list(v.get_children())
                 and list(v.get_children())[-1].kind.is_expression()]
        return inits, []
    if kind == "return":
        return children, []
    top = _strip(node)
    if kind in ("assign", "compound_assign"):
        return list(top.get_children())[1:], []
    if kind == "incdec":
        return list(top.get_children()), []
    return ([top] if top.kind.is_expression() else []), []


class _Measure:
    """Accumulates the histograms over functions (one instance per corpus)."""

    def __init__(self) -> None:
        self.counters: dict[str, Counter[Any]] = {
            name: Counter() for name in (
                "node_kinds", "statements", "nesting_depth", "expr_depth", "binary_ops",
                "unary_ops", "fields_read", "fields_written", "api_calls", "member_accesses",
                "loop_trip_counts", "block_lengths", "body_lengths", "local_types",
                "assign_targets", "leaves", "condition_terms", "condition_atoms",
                "counter_types", "control_depth", "subscripts", "call_statements",
                "leading_decls", "operand_shapes", "state_types", "state_written_types")
        }
        self.functions = 0
        self.own_calls = 0
        self.else_branches = 0
        self.guards = 0
        self.final_returns = 0
        self.scope: tuple[Any, Path] | None = None  # the function being measured, its dir
        self.own: set[str] = set()  # USRs of the corpus file's packet-path functions

    def function(self, function: Any, own_usrs: set[str], directory: Path) -> None:
        self.functions += 1
        self.own = own_usrs
        self.scope = (function, directory)
        body = next((c for c in function.get_children() if c.kind.name == "COMPOUND_STMT"), None)
        if body is None:
            return
        written = _written_fields(body)
        targets = {_span(t) for t in _targets(body)}
        members = 0
        for node in body.walk_preorder():
            self.counters["node_kinds"][node.kind.name] += 1
            if _is_member_access(node, function, directory):
                members += 1
                state_type = node.referenced.type.get_canonical().spelling
                self.counters["state_types"][state_type] += 1
                if _span(node) in targets:
                    self.counters["state_written_types"][state_type] += 1
            if node.kind.name == "ARRAY_SUBSCRIPT_EXPR":
                self.counters["subscripts"][_subscript_kind(node, function, directory)] += 1
            self._expression_node(node, written, own_usrs)
        self.counters["member_accesses"][members] += 1
        self.counters["leaves"].update(_leaves(body, function, directory))
        self.counters["body_lengths"][len(list(body.get_children()))] += 1
        self.counters["leading_decls"][_leading_integer_decls(body)] += 1
        self.final_returns += _ends_with_return(body)
        for child in body.get_children():
            self._statement(child, 0)

    def _expression_node(self, node: Any, written: set[tuple[int, int]], own: set[str]) -> None:
        name = node.kind.name
        if name in ("BINARY_OPERATOR", "COMPOUND_ASSIGNMENT_OPERATOR"):
            self.counters["binary_ops"][binary_op(node)] += 1
            if name == "BINARY_OPERATOR" and binary_op(node) not in ("=", ",", "&&", "||"):
                self.counters["operand_shapes"][_operand_shape(node)] += 1
        elif name == "UNARY_OPERATOR":
            self.counters["unary_ops"][unary_op(node)] += 1
        elif name == "MEMBER_REF_EXPR":
            header_field = _header_field(node)
            if header_field:
                which = "fields_written" if _span(node) in written else "fields_read"
                self.counters[which][header_field] += 1
        elif name == "CALL_EXPR" and node.referenced is not None:
            api = api_name(node.referenced)
            if node.referenced.get_usr() in own:
                self.own_calls += 1
            elif api != "extern" or node.referenced.kind.name != "CONSTRUCTOR":
                self.counters["api_calls"][api] += 1
        elif name == "VAR_DECL":
            self.counters["local_types"][node.type.spelling] += 1

    def _statement(self, node: Any, depth: int) -> None:
        kind = statement_kind(node)
        self.counters["statements"][kind] += 1
        self.counters["nesting_depth"][depth] += 1
        if kind in CONTROL_KINDS:
            self.counters["control_depth"][depth] += 1
        exprs, subs = _split_statement(node)
        for expr in exprs:
            self.counters["expr_depth"][expression_depth(expr)] += 1
        if kind in ("for", "while", "do"):
            for literal in _trip_literals(exprs):
                self.counters["loop_trip_counts"][literal] += 1
        if kind in ("if", "for", "while", "do") and exprs:
            terms = _condition_terms(exprs[0])
            self.counters["condition_terms"][len(terms)] += 1
            self.counters["condition_atoms"].update(_atom_kind(t) for t in terms)
        if kind == "for":
            self.counters["counter_types"].update(_counter_types(node))
        if kind == "compound":
            self.counters["block_lengths"][len(subs)] += 1
        if kind == "if" and len(subs) >= 2:
            self.else_branches += 1
        if kind == "if" and len(subs) == 1 and _ends_with_return(subs[0]):
            self.guards += 1
        if kind == "call":
            self.counters["call_statements"][_callee_kind(_strip(node), self.own)] += 1
        if kind in ("assign", "compound_assign", "incdec") and self.scope is not None:
            target = next(_strip(node).get_children(), None)
            self.counters["assign_targets"][_target_kind(target, *self.scope)] += 1
        inner = depth + (1 if kind in CONTROL_KINDS else 0)
        for sub in subs:
            self._statement(sub, inner)

    def result(self, files: list[str]) -> CorpusStats:
        def plain(counter: Counter[Any]) -> dict[Any, int]:
            return dict(sorted(counter.items()))

        return CorpusStats(files=files, functions=self.functions, own_calls=self.own_calls,
                           else_branches=self.else_branches, guards=self.guards,
                           final_returns=self.final_returns,
                           **{name: plain(c) for name, c in self.counters.items()})


def _target_kind(target: Any | None, function: Any, directory: Path) -> str:
    """The kind of an assignment target (see the module docstring)."""
    if target is None:
        return "other"
    target = _strip(target)
    name = target.kind.name
    if _lvalue_target(target) is not None:
        return "field"
    if _is_member_access(target, function, directory):
        return "state"
    if name == "MEMBER_REF_EXPR":
        return "member"
    if name == "DECL_REF_EXPR":
        return "local"
    if name == "ARRAY_SUBSCRIPT_EXPR":
        return "array"
    if name == "UNARY_OPERATOR" and unary_op(target) == "*":
        return "deref"
    return "other"


def _leaves(node: Any, function: Any, directory: Path, parent: Any = None) -> Iterator[str]:
    """The value leaves under ``node`` by kind (see the module docstring)."""
    name = node.kind.name
    base_of_member = parent is not None and parent.kind.name == "MEMBER_REF_EXPR"
    ref = node.referenced if name in ("DECL_REF_EXPR", "MEMBER_REF_EXPR") else None
    if name in ("INTEGER_LITERAL", "CXX_BOOL_LITERAL_EXPR"):
        yield "literal"
    elif name == "DECL_REF_EXPR" and ref is not None and not base_of_member:
        if _is_member_access(node, function, directory):
            yield "state"
        elif ref.kind.name in ("VAR_DECL", "PARM_DECL"):
            yield "local"
    elif (name == "MEMBER_REF_EXPR" and ref is not None and ref.kind.name == "FIELD_DECL"
          and not base_of_member):
        if _lvalue_target(node) is not None:
            yield "field"
            return  # the base chain of a header field is part of the field
        yield "state" if _is_member_access(node, function, directory) else "member"
    # implicit conversions and parentheses are transparent: ``q`` in ``q->kill()`` is the
    # base of the member access even under its lvalue-to-rvalue conversion
    through = parent if name in ("UNEXPOSED_EXPR", "PAREN_EXPR") else node
    for child in node.get_children():
        yield from _leaves(child, function, directory, through)


INTEGER_TYPES = frozenset({"BOOL", "CHAR_U", "UCHAR", "USHORT", "UINT", "ULONG", "ULONGLONG",
                           "CHAR_S", "SCHAR", "SHORT", "INT", "LONG", "LONGLONG"})


def _ends_with_return(statement: Any) -> bool:
    if statement.kind.name == "COMPOUND_STMT":
        children = list(statement.get_children())
        return bool(children) and children[-1].kind.name == "RETURN_STMT"
    return statement.kind.name == "RETURN_STMT"


def _operand_shape(node: Any) -> str:
    """``"GROUP SHAPE"`` of a binary operator (see the module docstring)."""
    group = "compare" if binary_op(node) in COMPARISONS else "value"
    literal = any(_strip(c).kind.name == "INTEGER_LITERAL" for c in node.get_children())
    return f"{group} {'literal' if literal else 'variable'}"


def _leading_integer_decls(body: Any) -> int:
    """Integer locals declared by the run of declarations that opens ``body``."""
    count = 0
    for statement in body.get_children():
        if statement.kind.name != "DECL_STMT":
            break
        count += sum(v.kind.name == "VAR_DECL"
                     and v.type.get_canonical().kind.name in INTEGER_TYPES
                     for v in statement.get_children())
    return count


def _callee_kind(call: Any, own: set[str]) -> str:
    """``own``, the catalog name, or ``extern`` for the callee of a call expression."""
    callee = call.referenced
    if callee is None:
        return "extern"
    return "own" if callee.get_usr() in own else api_name(callee)


def _subscript_kind(node: Any, function: Any, directory: Path) -> str:
    """``"BASE INDEX"`` of an array subscript (see the module docstring)."""
    children = [_strip(c) for c in node.get_children()]
    if len(children) != 2:
        return "other expression"
    base, index = children
    if _is_member_access(base, function, directory):
        base_kind = "state"
    elif (base.kind.name == "DECL_REF_EXPR" and base.referenced is not None
          and base.referenced.kind.name in ("VAR_DECL", "PARM_DECL")):
        base_kind = "local"
    else:
        base_kind = "other"
    shape = {"INTEGER_LITERAL": "literal", "DECL_REF_EXPR": "variable"}.get(index.kind.name,
                                                                         "expression")
    return f"{base_kind} {shape}"


def _condition_terms(condition: Any) -> list[Any]:
    """The operands of a condition's ``&&``/``||`` tree, left to right."""
    top = _strip(condition)
    if top.kind.name == "BINARY_OPERATOR" and binary_op(top) in ("&&", "||"):
        return [t for child in top.get_children() for t in _condition_terms(child)]
    return [top]


def _atom_kind(term: Any) -> str:
    name = term.kind.name
    if name == "BINARY_OPERATOR" and binary_op(term) in COMPARISONS:
        return "compare"
    if name == "UNARY_OPERATOR" and unary_op(term) == "!":
        return "not"
    return "plain"


def _counter_types(for_stmt: Any) -> list[str]:
    init = next(for_stmt.get_children(), None)
    if init is None or init.kind.name != "DECL_STMT":
        return []
    return [v.type.spelling for v in init.get_children() if v.kind.name == "VAR_DECL"]


def _span(node: Any) -> tuple[int, int]:
    return node.extent.start.offset, node.extent.end.offset


def _header_field(node: Any) -> str | None:
    ref = node.referenced
    if ref is None or ref.kind.name != "FIELD_DECL":
        return None
    parent = ref.semantic_parent
    name = parent.spelling if parent is not None else ""
    if name not in HEADER_STRUCTS:
        name = parent.type.get_canonical().spelling.removeprefix("struct ") if parent else ""
    return f"{name}.{ref.spelling}" if name in HEADER_STRUCTS else None


def _lvalue_target(node: Any) -> Any | None:
    """The header member reference an lvalue expression designates, if any."""
    node = _strip(node)
    while True:
        if node.kind.name == "MEMBER_REF_EXPR" and _header_field(node):
            return node
        if node.kind.name in ("MEMBER_REF_EXPR", "ARRAY_SUBSCRIPT_EXPR"):
            children = list(node.get_children())
            if not children:
                return None
            node = _strip(children[0])
            continue
        return None


def _targets(body: Any) -> Iterator[Any]:
    """The innermost base of each assignment and ``++``/``--`` target (``_t[i]`` -> ``_t``)."""
    for node in body.walk_preorder():
        name = node.kind.name
        if name == "COMPOUND_ASSIGNMENT_OPERATOR" or (
                name == "BINARY_OPERATOR" and binary_op(node) == "=") or (
                name == "UNARY_OPERATOR" and unary_op(node).removeprefix("post") in ("++", "--")):
            target = _strip(next(node.get_children()))
            while target.kind.name == "ARRAY_SUBSCRIPT_EXPR":
                target = _strip(next(target.get_children()))
            yield target


def _written_fields(body: Any) -> set[tuple[int, int]]:
    """Spans of header member references that are written (assigned, ++/--, address taken)."""
    written: set[tuple[int, int]] = set()
    for node in body.walk_preorder():
        name = node.kind.name
        assigns = name == "COMPOUND_ASSIGNMENT_OPERATOR" or (
            name == "BINARY_OPERATOR" and binary_op(node) == "=")
        modifies = name == "UNARY_OPERATOR" and unary_op(node).removeprefix("post") in ("++",
                                                                                       "--", "&")
        target = _lvalue_target(next(node.get_children())) if assigns or modifies else None
        if target is not None:
            written.add(_span(target))
    return written


def _is_member_access(node: Any, function: Any, directory: Path) -> bool:
    ref = node.referenced
    if node.kind.name == "MEMBER_REF_EXPR" and ref is not None and ref.kind.name == "FIELD_DECL":
        owner = function.semantic_parent
        return owner is not None and ref.semantic_parent == owner
    if node.kind.name == "DECL_REF_EXPR" and ref is not None and ref.kind.name == "VAR_DECL":
        parent = ref.semantic_parent
        return (parent is not None and parent.kind.name in ("TRANSLATION_UNIT", "NAMESPACE")
                and _own(ref, directory))
    return False


def api_name(callee: Any) -> str:
    """The catalog name of a callee cursor, or ``extern``."""
    match = match_api(_qualified(callee) + "(", shipped_catalog())
    return match.name if match else "extern"


def _qualified(cursor: Any) -> str:
    parts = [cursor.spelling]
    parent = cursor.semantic_parent
    while parent is not None and parent.kind.name != "TRANSLATION_UNIT":
        if parent.kind.name == "CLASS_TEMPLATE":
            parts.append(parent.spelling + "<>")
        elif parent.spelling and not (parent.kind.name == "NAMESPACE"
                                      and parent.spelling == "Click"):
            parts.append(parent.displayname or parent.spelling)
        parent = parent.semantic_parent
    return "::".join(reversed(parts))


def _trip_literals(conditions: Iterable[Any]) -> Iterator[int]:
    for cond in conditions:
        top = _strip(cond)
        if top.kind.name != "BINARY_OPERATOR" or binary_op(top) not in ("<", "<=", ">", ">=",
                                                                         "!="):
            continue
        for operand in top.get_children():
            operand = _strip(operand)
            if operand.kind.name == "INTEGER_LITERAL":
                value = _literal_value(operand)
                if value is not None:
                    yield value


def _literal_value(node: Any) -> int | None:
    tokens = [t.spelling for t in node.get_tokens()]
    if not tokens:
        return None
    try:
        return int(tokens[0].rstrip("uUlL"), 0)
    except ValueError:
        return None


def measure_corpus(paths: Sequence[Path]) -> CorpusStats:
    """Measure the packet-path code of ``paths`` (files or directories of .cc/.c files)."""
    sources = corpus_files(paths)
    measure = _Measure()
    for source in sources:
        tu = parse(source)
        functions = packet_path(tu, source)
        own = {f.get_usr() for f in functions}
        for function in functions:
            measure.function(function, own, source.resolve().parent)
    return measure.result([str(s) for s in sources])


def corpus_files(paths: Sequence[Path]) -> list[Path]:
    """The .cc/.c files named by ``paths`` (a directory contributes its own, sorted)."""
    sources: list[Path] = []
    for path in paths:
        if path.is_dir():
            sources += sorted(p for p in path.iterdir() if p.suffix in (".cc", ".c"))
        elif path.is_file():
            sources.append(path)
        else:
            raise ClaraError(f"{path}: no such corpus file or directory")
    if not sources:
        raise ClaraError(f"no .cc or .c files in {', '.join(map(str, paths))}")
    return sources
