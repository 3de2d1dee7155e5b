"""The Click configuration parser (clara.pipeline.config_lang): every construct, every error
with its line and column, compound flattening and port checks.

Expected lines and columns are counted by hand in each test's own input (1-based; the
comment next to each assertion says what was counted).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clara.errors import ClaraError
from clara.pipeline.config_lang import (
    ClickConfig,
    ClickConfigError,
    Connection,
    ElementDecl,
    PortCount,
    SourceLocation,
    check_ports,
    flatten,
    load_config,
    parse_config,
    split_arguments,
    substitute_parameters,
)


def edges(config: ClickConfig) -> set[tuple[str, int, str, int]]:
    return {(c.source, c.source_port, c.target, c.target_port) for c in config.connections}


def names(config: ClickConfig) -> list[str]:
    return [e.name for e in config.elements]


def element(config: ClickConfig, name: str) -> ElementDecl:
    (found,) = [e for e in config.elements if e.name == name]
    return found


def parse_error(text: str) -> ClickConfigError:
    with pytest.raises(ClickConfigError) as info:
        parse_config(text, "t.click")
    return info.value


def flatten_error(text: str) -> ClickConfigError:
    config = parse_config(text, "t.click")
    with pytest.raises(ClickConfigError) as info:
        flatten(config)
    return info.value


def at(error: ClickConfigError) -> tuple[int, int]:
    assert error.location.file == "t.click"
    return (error.location.line, error.location.column)


# ----------------------------------------------------------------------------------------------
# Constructs
# ----------------------------------------------------------------------------------------------


def test_declaration_keeps_config_verbatim_with_location() -> None:
    config = parse_config("\n  c :: Classifier(12/0800, -);\n", "d.click")
    # 'c' is the third character of line 2
    assert config.elements == (
        ElementDecl("c", "Classifier", "12/0800, -", SourceLocation("d.click", 2, 3), False),
    )
    assert config.connections == ()
    assert config.path == "d.click"


def test_several_names_share_class_and_config() -> None:
    config = parse_config("a, b :: Counter(LIMIT 5);")
    assert [(e.name, e.class_name, e.config, e.location.column) for e in config.elements] == [
        ("a", "Counter", "LIMIT 5", 1), ("b", "Counter", "LIMIT 5", 4),
    ]


def test_anonymous_elements_in_a_chain() -> None:
    text = "FromDevice(eth0) -> Counter -> Discard;"
    config = parse_config(text)
    # Click's convention: Class@<1-based index of the element>
    assert [(e.name, e.class_name, e.config, e.anonymous) for e in config.elements] == [
        ("FromDevice@1", "FromDevice", "eth0", True),
        ("Counter@2", "Counter", "", True),
        ("Discard@3", "Discard", "", True),
    ]
    # the arrows are at columns 18 and 29; the classes start at 1, 21 and 32
    assert [c.location.column for c in config.connections] == [18, 29]
    assert [e.location.column for e in config.elements] == [1, 21, 32]
    assert config.connections[0] == Connection(
        "FromDevice@1", 0, "Counter@2", 0, SourceLocation("<string>", 1, 18))


def test_undeclared_lowercase_word_is_an_anonymous_class_not_an_error() -> None:
    # Click decides by whether the word names a class; the parser leaves that to the resolver
    config = parse_config("Src :: FromDevice(eth0);\nSrc -> mynat -> Discard;")
    assert [(e.name, e.class_name) for e in config.elements] == [
        ("Src", "FromDevice"), ("mynat@2", "mynat"), ("Discard@3", "Discard"),
    ]
    assert edges(config) == {("Src", 0, "mynat@2", 0), ("mynat@2", 0, "Discard@3", 0)}


def test_anonymous_name_skips_a_taken_name() -> None:
    config = parse_config("Counter@2 :: Paint(1);\nCounter -> Discard;")
    assert names(config) == ["Counter@2", "Counter@3", "Discard@3"]


def test_ports_on_both_sides() -> None:
    text = "c :: Classifier(a, b, -);\nc [1] -> [2] x :: Paint(1) [0] -> y :: Discard;\nc[2]->[0]y;"
    config = parse_config(text)
    assert [(c.source, c.source_port, c.target, c.target_port) for c in config.connections] == [
        ("c", 1, "x", 2), ("x", 0, "y", 0), ("c", 2, "y", 0),
    ]
    # line 2: the first '->' is the 7th character; line 3: '->' follows 'c[2]'
    assert [(c.location.line, c.location.column) for c in config.connections] == [
        (2, 7), (2, 32), (3, 5),
    ]


def test_declarations_inside_a_chain() -> None:
    config = parse_config("src :: FromDevice(eth0) -> cnt :: Counter -> Discard;")
    assert [(e.name, e.class_name, e.location.column) for e in config.elements] == [
        ("src", "FromDevice", 1), ("cnt", "Counter", 28), ("Discard@3", "Discard", 46),
    ]
    assert [(c.source, c.target, c.location.column) for c in config.connections] == [
        ("src", "cnt", 25), ("cnt", "Discard@3", 43),
    ]


def test_chain_spans_lines_and_semicolons_are_optional() -> None:
    text = "a :: Idle\nb :: Counter\na\n  -> b\n  -> Discard\nb2 :: Counter"
    config = parse_config(text)
    assert names(config) == ["a", "b", "Discard@3", "b2"]
    assert edges(config) == {("a", 0, "b", 0), ("b", 0, "Discard@3", 0)}
    # the arrows start lines 4 and 5 after two spaces
    assert [(c.location.line, c.location.column) for c in config.connections] == [(4, 3), (5, 3)]


def test_many_to_one_and_one_to_many() -> None:
    config = parse_config("a, b :: Idle;\nt :: Tee;\na, b -> c :: Counter;\nt -> x :: Discard, "
                          "[1] c;")
    assert edges(config) == {
        ("a", 0, "c", 0), ("b", 0, "c", 0), ("t", 0, "x", 0), ("t", 0, "c", 1),
    }


def test_declaration_in_a_many_to_one_connection_declares_one_name() -> None:
    # click(5): 'n1, n2 :: class -> n3' declares only n2
    config = parse_config("n1 :: Idle;\nn1, n2 :: Idle -> n3 :: Discard;")
    assert [(e.name, e.class_name) for e in config.elements] == [
        ("n1", "Idle"), ("n2", "Idle"), ("n3", "Discard"),
    ]
    assert edges(config) == {("n1", 0, "n3", 0), ("n2", 0, "n3", 0)}


def test_repeated_connection_is_kept_once() -> None:
    config = parse_config("a :: Idle; b :: Discard;\na -> b;\na -> b;")
    assert len(config.connections) == 1
    assert config.connections[0].location.line == 2


def test_comments_in_statements_and_configs() -> None:
    text = (
        "// a line comment\n"
        "a :: Idle; /* a block\n comment */ b :: Paint(1 /* one */, 2 // two )\n"
        ") -> Discard;\n"
        "c :: Print(\"http://x/*y*/\", '(//)');\n"
    )
    config = parse_config(text)
    # a block comment becomes one space, a line comment is dropped up to its newline
    assert element(config, "b").config == "1  , 2"
    # quotes protect comment starts and parentheses
    assert element(config, "c").config == "\"http://x/*y*/\", '(//)'"
    assert edges(config) == {("b", 0, "Discard@3", 0)}


def test_config_strings_with_nested_parentheses_quotes_commas() -> None:
    config = parse_config('x :: IPFilter(allow (src host 10.0.0.1) && dst port 53, deny all);\n'
                          'p :: Print("odd (non-IP), dropped", MAXLENGTH 64);')
    assert element(config, "x").config == "allow (src host 10.0.0.1) && dst port 53, deny all"
    assert element(config, "p").config == '"odd (non-IP), dropped", MAXLENGTH 64'
    assert split_arguments(element(config, "p").config) == [
        '"odd (non-IP), dropped"', "MAXLENGTH 64",
    ]


def test_split_arguments_follows_click() -> None:
    assert split_arguments("") == []
    assert split_arguments("1, ") == ["1"]  # an empty last argument is ignored
    assert split_arguments("a,,b") == ["a", "", "b"]
    assert split_arguments("'x, y', \"p\\\", q\"") == ["'x, y'", '"p\\", q"']


def test_real_router_configuration() -> None:
    text = (
        "FromDevice(eth0) -> c :: Classifier(12/0800, 12/0806 20/0002, -);\n"
        "c[0] -> Strip(14) -> CheckIPHeader -> ipc :: IPClassifier(udp port 53, -)\n"
        "  -> Discard;\n"
        "c[1] -> ARPResponder(10.0.0.1 00:11:22:33:44:55) -> ToDevice(eth0);\n"
        "c[2] -> Print(\"odd (non-IP), dropped\", MAXLENGTH 64) -> Discard;\n"
        "ipc[1] -> Discard;\n"
    )
    config = parse_config(text)
    assert [(e.name, e.class_name, e.config) for e in config.elements] == [
        ("FromDevice@1", "FromDevice", "eth0"),
        ("c", "Classifier", "12/0800, 12/0806 20/0002, -"),
        ("Strip@3", "Strip", "14"),
        ("CheckIPHeader@4", "CheckIPHeader", ""),
        ("ipc", "IPClassifier", "udp port 53, -"),
        ("Discard@6", "Discard", ""),
        ("ARPResponder@7", "ARPResponder", "10.0.0.1 00:11:22:33:44:55"),
        ("ToDevice@8", "ToDevice", "eth0"),
        ("Print@9", "Print", '"odd (non-IP), dropped", MAXLENGTH 64'),
        ("Discard@10", "Discard", ""),
        ("Discard@11", "Discard", ""),
    ]
    assert edges(config) == {
        ("FromDevice@1", 0, "c", 0), ("c", 0, "Strip@3", 0), ("Strip@3", 0, "CheckIPHeader@4", 0),
        ("CheckIPHeader@4", 0, "ipc", 0), ("ipc", 0, "Discard@6", 0),
        ("c", 1, "ARPResponder@7", 0), ("ARPResponder@7", 0, "ToDevice@8", 0),
        ("c", 2, "Print@9", 0), ("Print@9", 0, "Discard@10", 0), ("ipc", 1, "Discard@11", 0),
    }


def test_identifiers_with_slashes_end_at_a_comment() -> None:
    config = parse_config("an/id :: Idle;\nan/id//comment\n-> Discard;")
    assert names(config) == ["an/id", "Discard@2"]
    assert edges(config) == {("an/id", 0, "Discard@2", 0)}


def test_require_statements() -> None:
    config = parse_config('require(package "fastclassifier");\nrequire(a, library x.click)\n'
                          "a :: Idle;")
    assert config.requirements == ('package "fastclassifier"', "a", "library x.click")


def test_define_parameters() -> None:
    config = parse_config("define($DEV eth0, $N 2);\nFromDevice($DEV) -> Discard;")
    assert config.definitions == (("$DEV", "eth0"), ("$N", "2"))
    assert element(flatten(config), "FromDevice@1").config == "eth0"


def test_elementclass_with_formals_and_pseudo_elements() -> None:
    text = ("elementclass Limit { $rate, $burst |\n"
            "  input -> s :: Shaper($rate, $burst) -> output;\n"
            "  input [1] -> [1] output;\n"
            "}\n")
    config = parse_config(text)
    (compound,) = config.compounds
    assert compound.name == "Limit"
    assert compound.formals == ("$rate", "$burst")
    # 'Limit' starts at column 14 of line 1
    assert compound.location == SourceLocation("<string>", 1, 14)
    assert compound.body.elements == (
        ElementDecl("s", "Shaper", "$rate, $burst", SourceLocation("<string>", 2, 12), False),
    )
    assert edges(compound.body) == {("input", 0, "s", 0), ("s", 0, "output", 0),
                                    ("input", 1, "output", 1)}
    assert config.elements == ()


def test_compound_without_formals_and_with_empty_formals() -> None:
    config = parse_config("elementclass A { input -> output }\nelementclass B { | input -> "
                          "output }")
    assert [(c.name, c.formals) for c in config.compounds] == [("A", ()), ("B", ())]


def test_elementclass_synonym() -> None:
    config = parse_config("elementclass MyQueue Queue;\nelementclass Q2 MyQueue;\n"
                          "Idle -> MyQueue -> q :: Q2(5) -> Discard;")
    # the anonymous element keeps the written word in its name; the class is resolved
    assert [(e.name, e.class_name) for e in config.elements] == [
        ("Idle@1", "Idle"), ("MyQueue@2", "Queue"), ("q", "Queue"), ("Discard@4", "Discard"),
    ]


# ----------------------------------------------------------------------------------------------
# Syntax errors, each at its exact line and column
# ----------------------------------------------------------------------------------------------


def test_error_message_format_and_type() -> None:
    error = parse_error("a :: Idle;\n  a :: Discard;")
    assert isinstance(error, ClaraError)
    assert error.exit_code == 1
    # the second 'a' is at column 3 of line 2
    assert str(error) == ("t.click:2:3: error: redeclaration of element 'a'\n"
                          "  hint: 'a' was first declared at 1:1; rename one of them")


def test_unterminated_comment() -> None:
    # '/*' is the 9th character of line 2
    assert at(parse_error("a :: X;\nb :: Y; /* open\n")) == (2, 9)


def test_unterminated_comment_inside_a_config_string() -> None:
    # the '/*' after 'Paint(' starts at column 12
    assert at(parse_error("p :: Paint(/* 1)\n")) == (1, 12)


def test_unterminated_string() -> None:
    error = parse_error('a :: X;\nb :: Print("oops);\n')
    assert at(error) == (2, 12)  # the '"' after 'Print('
    assert "unterminated string" in error.what


def test_unterminated_parenthesis() -> None:
    # the inner '(' at column 11 is balanced; the outer one at column 7 is not
    error = parse_error("a :: X(1, (2);\nb :: Y;")
    assert at(error) == (1, 7)
    assert "unterminated '('" in error.what


def test_unterminated_brace() -> None:
    # '{' is the 16th character of 'elementclass E {'
    assert at(parse_error("elementclass E {\n  input -> output;\n")) == (1, 16)


def test_unterminated_bracket() -> None:
    assert at(parse_error("a :: X; b :: Y;\na [1 -> b;")) == (2, 3)


def test_missing_semicolon_between_statements_on_one_line() -> None:
    error = parse_error("a :: X; b :: Y;\na -> b Discard;")
    assert at(error) == (2, 8)  # 'Discard'
    assert error.what == "missing ';' before 'Discard'"
    assert at(parse_error("a :: X b :: Y;")) == (1, 8)  # the second declaration's 'b'


def test_port_that_may_start_the_next_statement_is_reported() -> None:
    # Click reads '[1]' as b's output port; the chain then ends without using it
    error = parse_error("a :: X; b :: Y; c :: Z;\na -> b\n[1] c -> a;")
    assert at(error) == (3, 1)
    assert "output port [1] of 'b' is not connected" in error.what


def test_arrow_with_nothing_after_it() -> None:
    assert at(parse_error("a :: X;\na -> ;")) == (2, 3)
    assert at(parse_error("a :: X;\na ->")) == (2, 3)
    assert at(parse_error("elementclass E {\n  input -> }")) == (2, 9)


def test_arrow_with_nothing_before_it() -> None:
    assert at(parse_error("-> X;")) == (1, 1)
    assert at(parse_error("elementclass E {\n  -> X -> output }")) == (2, 3)


def test_unknown_port_syntax() -> None:
    assert at(parse_error("a :: X; b :: Y;\na [x] -> b;")) == (2, 4)  # 'x'
    assert at(parse_error("a :: X; b :: Y;\na -> [-1] b;")) == (2, 7)  # '-'
    assert at(parse_error("a :: X; b :: Y;\na [] -> b;")) == (2, 3)  # '[' of an empty port
    error = parse_error("a :: X; b :: Y;\na [0, 1] -> b;")
    assert at(error) == (2, 4)
    assert "port lists" in error.what


def test_input_port_at_the_start_of_a_chain() -> None:
    assert at(parse_error("a :: X; b :: Y;\n[1] a -> b;")) == (2, 1)


def test_implicit_compound_ports_are_not_supported() -> None:
    error = parse_error("elementclass E {\n  [0] -> X -> output }")
    assert at(error) == (2, 3)
    assert "implicit" in error.what


def test_redeclared_element_name() -> None:
    error = parse_error("a :: X;\nsrc :: Idle -> a :: Y;")
    assert at(error) == (2, 16)  # the 'a' after 'src :: Idle -> '
    assert "1:1" in error.hint


def test_use_before_declaration_is_an_undeclared_element() -> None:
    error = parse_error("x :: A;\nx -> b -> y :: C;\nb :: D;")
    assert at(error) == (2, 6)  # the use of 'b', not its later declaration
    assert error.what == "undeclared element 'b'"
    assert "3:1" in error.hint


def test_pseudo_elements_outside_a_compound() -> None:
    assert at(parse_error("input -> Discard;")) == (1, 1)
    assert at(parse_error("FromDevice -> output;")) == (1, 15)


def test_pseudo_elements_used_the_wrong_way() -> None:
    # errors point at the connection's arrow
    error = parse_error("elementclass E {\n  input -> output;\n  Idle -> input;\n}")
    assert at(error) == (3, 8)
    assert "'input' used as the target" in error.what
    assert at(parse_error("elementclass E {\n  output -> Discard;\n}")) == (2, 10)
    assert at(parse_error("elementclass E {\n  input :: Counter;\n}")) == (2, 3)


def test_compound_port_gap() -> None:
    error = parse_error("elementclass E {\n  input -> output;\n  input [2] -> Discard;\n}")
    assert at(error) == (3, 13)  # the arrow of the connection using input [2]
    assert error.what == "'input [2]' is used but 'input [1]' is not"


def test_configuration_on_a_reference() -> None:
    assert at(parse_error("c :: Counter;\nx :: A -> c(5);")) == (2, 11)


def test_unsupported_constructs_are_named() -> None:
    assert "'=>'" in parse_error("a :: X;\na => b;").what
    assert at(parse_error("a :: X;\na => b;")) == (2, 3)
    assert at(parse_error("a :: X;\na -> ( input -> output ) -> b;")) == (2, 6)
    error = parse_error("elementclass E { input -> output || input -> output }")
    assert at(error) == (1, 34)
    assert "overloading" in error.what
    error = parse_error("elementclass E { COUNT $c | input -> output }")
    assert at(error) == (1, 18)
    assert "keyword parameter" in error.what
    assert at(parse_error("provide(x);")) == (1, 1)
    error = parse_error("a :: X, b :: Y -> c :: Z, d :: W;")
    assert at(error) == (1, 16)  # many-to-many: the '->'


def test_hash_is_not_a_comment() -> None:
    error = parse_error("a :: X;\n# not a comment\n")
    assert at(error) == (2, 1)
    assert "//" in error.hint


def test_class_used_as_element_name() -> None:
    assert at(parse_error("elementclass E { input -> output }\nE :: Counter;")) == (2, 1)
    assert at(parse_error("elementclass Q Queue;\nx :: Idle;\nQ :: Counter;")) == (3, 1)


def test_all_digit_element_name() -> None:
    assert at(parse_error("x :: A;\n1 :: Counter;")) == (2, 1)
    assert at(parse_error("  a/2 :: Counter;")) == (1, 3)


def test_unexpected_tokens() -> None:
    error = parse_error("a :: X;\na -> b % c;")
    assert at(error) == (2, 8)
    assert error.what == "unexpected character '%'"
    assert at(parse_error("a :: X;\n}")) == (2, 1)
    assert at(parse_error("a :: X;\na -> b ) c")) == (2, 8)
    assert at(parse_error("a :: ;")) == (1, 6)
    assert at(parse_error("elementclass ;")) == (1, 14)
    assert at(parse_error("define($x 1, y 2);")) == (1, 1)


# ----------------------------------------------------------------------------------------------
# Flattening
# ----------------------------------------------------------------------------------------------

TTL_PIPELINE = (
    "elementclass TTL { $limit |\n"
    "  input -> dec :: DecIPTTL($limit) -> output;\n"
    "  dec [1] -> [1] output;\n"
    "}\n"
    "src :: FromDevice(eth0) -> t :: TTL(64) -> ToDevice(eth1);\n"
    "t [1] -> ICMPError(10.0.0.1, timeexceeded) -> Discard;\n"
)


def test_flatten_round_trip_of_a_compound_pipeline() -> None:
    flat = flatten(parse_config(TTL_PIPELINE, "ttl.click"))
    assert flat.compounds == ()
    assert [(e.name, e.class_name, e.config) for e in flat.elements] == [
        ("src", "FromDevice", "eth0"),
        ("t/dec", "DecIPTTL", "64"),
        ("ToDevice@3", "ToDevice", "eth1"),
        ("ICMPError@4", "ICMPError", "10.0.0.1, timeexceeded"),
        ("Discard@5", "Discard", ""),
    ]
    assert edges(flat) == {
        ("src", 0, "t/dec", 0), ("t/dec", 0, "ToDevice@3", 0), ("t/dec", 1, "ICMPError@4", 0),
        ("ICMPError@4", 0, "Discard@5", 0),
    }
    # an inner element keeps its location inside the elementclass body
    assert element(flat, "t/dec").location == SourceLocation("ttl.click", 2, 12)
    # a flattened connection keeps the location of the connection leaving its source
    locations = {(c.source, c.target): (c.location.line, c.location.column)
                 for c in flat.connections}
    assert locations[("src", "t/dec")] == (5, 25)
    assert locations[("t/dec", "ToDevice@3")] == (2, 36)
    # flattening a flat configuration changes nothing
    assert flatten(flat) == flat


def test_flatten_nested_anonymous_compounds_with_parameters() -> None:
    text = (
        "define($ADDR 10.0.0.1);\n"
        "elementclass Stamp { $v | input -> Paint($v) -> output }\n"
        "elementclass Pair { $a, $b |\n"
        "  input -> first :: Stamp($a) -> second :: Stamp(${b}0) -> output;\n"
        "}\n"
        "FromDevice(eth0) -> Pair(1, 2) -> s :: SetIPAddress($ADDR) -> Discard;\n"
    )
    flat = flatten(parse_config(text))
    assert [(e.name, e.config) for e in flat.elements] == [
        ("FromDevice@1", "eth0"),
        ("Pair@2/first/Paint@1", "1"),
        ("Pair@2/second/Paint@1", "20"),
        ("s", "10.0.0.1"),
        ("Discard@4", ""),
    ]
    assert edges(flat) == {
        ("FromDevice@1", 0, "Pair@2/first/Paint@1", 0),
        ("Pair@2/first/Paint@1", 0, "Pair@2/second/Paint@1", 0),
        ("Pair@2/second/Paint@1", 0, "s", 0),
        ("s", 0, "Discard@4", 0),
    }


def test_flatten_inline_compounds_and_unused_compound_input() -> None:
    text = ("Idle -> { input -> c :: Counter -> output } -> Discard;\n"
            "{ input -> Paint(2) -> output } -> Discard;\n"
            "x :: { $n | input -> Paint($n) -> output }(7);\nIdle -> x -> Discard;")
    config = parse_config(text)
    assert [c.name for c in config.compounds] == ["@Compound1", "@Compound2", "@Compound3"]
    flat = flatten(config)
    # anonymous compounds are named '@N' as in Click
    assert [(e.name, e.config) for e in flat.elements] == [
        ("Idle@1", ""), ("@2/c", ""), ("Discard@3", ""), ("@4/Paint@1", "2"),
        ("Discard@5", ""), ("x/Paint@1", "7"), ("Idle@7", ""), ("Discard@8", ""),
    ]
    # nothing feeds the second compound's input: its connection vanishes, as in Click
    assert edges(flat) == {
        ("Idle@1", 0, "@2/c", 0), ("@2/c", 0, "Discard@3", 0), ("@4/Paint@1", 0, "Discard@5", 0),
        ("Idle@7", 0, "x/Paint@1", 0), ("x/Paint@1", 0, "Discard@8", 0),
    }


def test_flatten_pass_through_compounds_and_port_mapping() -> None:
    text = ("elementclass Pass { input -> output }\n"
            "elementclass Swap { input [0] -> [1] output; input [1] -> [0] output }\n"
            "src :: Idle -> p :: Pass -> Pass -> Discard;\n"
            "a :: Idle; b :: Idle; s :: Swap;\n"
            "a -> s; b -> [1] s;\ns [0] -> x :: Discard; s [1] -> y :: Discard;")
    flat = flatten(parse_config(text))
    assert names(flat) == ["src", "Discard@4", "a", "b", "x", "y"]
    assert edges(flat) == {("src", 0, "Discard@4", 0), ("a", 0, "y", 0), ("b", 0, "x", 0)}


def test_flatten_compound_may_reuse_the_class_it_shadows() -> None:
    flat = flatten(parse_config("elementclass Queue { input -> Queue(10) -> output }\n"
                                "Idle -> Queue -> Discard;"))
    assert [(e.name, e.class_name, e.config) for e in flat.elements] == [
        ("Idle@1", "Idle", ""), ("Queue@2/Queue@1", "Queue", "10"), ("Discard@3", "Discard", ""),
    ]


def test_flatten_compound_scope_starts_after_its_definition() -> None:
    text = ("Idle -> Later -> Discard;\n"
            "elementclass Later { input -> Counter -> output }\n"
            "Idle -> Later -> Discard;")
    flat = flatten(parse_config(text))
    assert [(e.name, e.class_name) for e in flat.elements] == [
        ("Idle@1", "Idle"), ("Later@2", "Later"), ("Discard@3", "Discard"),
        ("Idle@4", "Idle"), ("Later@5/Counter@1", "Counter"), ("Discard@6", "Discard"),
    ]


def test_flatten_collects_requirements_of_expanded_compounds() -> None:
    flat = flatten(parse_config("require(a);\nelementclass E { require(b, a); input -> output }\n"
                                "Idle -> E -> Discard;"))
    assert flat.requirements == ("a", "b")


def test_substitute_parameters() -> None:
    env = {"$a": "5"}
    assert substitute_parameters("$a, '$a', \"$a\", ${a}x, ${b-def}, $b", env) == (
        "5, '$a', \"5\", 5x, def, $b")


def test_flatten_argument_count_error() -> None:
    error = flatten_error("elementclass E { $a, $b | input -> X($a, $b) -> output }\n"
                          "src :: S -> e :: E(1) -> Discard;")
    assert at(error) == (2, 13)  # the instance 'e'
    assert "takes 2 argument(s) ($a, $b), but 'e' passes 1" in error.what


def test_flatten_compound_port_that_does_not_exist() -> None:
    error = flatten_error("elementclass E { input -> output }\ne :: E; S -> [1] e -> x :: X;")
    assert at(error) == (2, 11)  # the arrow of 'S -> [1] e'
    assert error.what == "'e' (compound 'E') has 1 input; input [1] does not exist"


def test_flatten_name_clash() -> None:
    error = flatten_error("elementclass E { input -> x :: X -> output }\n"
                          "c/x :: Y; S -> c :: E -> D;")
    assert at(error) == (1, 27)  # the inner 'x'
    assert "2:1" in error.what


# ----------------------------------------------------------------------------------------------
# Port counts and check_ports
# ----------------------------------------------------------------------------------------------


def test_port_count_parse() -> None:
    assert PortCount.parse("1/1-2") == PortCount((1, 1), (1, 2))
    assert PortCount.parse("1/-") == PortCount((1, 1), (0, None))
    assert PortCount.parse("-/-") == PortCount((0, None), (0, None))
    assert PortCount.parse("0/1") == PortCount((0, 0), (1, 1))
    assert PortCount.parse("2-/-6") == PortCount((2, None), (0, 6))
    assert PortCount.parse("3") == PortCount((3, 3), (3, 3))
    assert PortCount.parse("1-/=") == PortCount((1, None), (1, None))
    assert PortCount.parse("1/=+") == PortCount((1, 1), (2, 2))
    for bad in ("x/1", "1/2-1", "/1", "1/a"):
        with pytest.raises(ClaraError, match="bad port count"):
            PortCount.parse(bad)


PORTS = {name: PortCount.parse(text) for name, text in {
    "FromDevice": "0/1", "Classifier": "1/-", "Discard": "1/0", "Counter": "1/1",
    "Tee": "1/2-", "ToDevice": "1/0",
}.items()}


def port_error(text: str) -> ClickConfigError:
    config = flatten(parse_config(text, "t.click"))
    with pytest.raises(ClickConfigError) as info:
        check_ports(config, PORTS)
    return info.value


def test_check_ports_accepts_a_valid_pipeline_and_skips_unknown_classes() -> None:
    config = parse_config("f :: FromDevice -> c :: Classifier(a, b) -> Discard;\n"
                          "c [1] -> Mystery -> Mystery;")
    check_ports(flatten(config), PORTS)


def test_check_ports_output_out_of_range() -> None:
    error = port_error("f :: FromDevice -> c :: Counter -> Discard;\nc [1] -> Discard;")
    assert at(error) == (2, 7)
    assert error.what == "'c' (Counter) has no output [1]: the class has exactly 1 output"


def test_check_ports_input_out_of_range() -> None:
    error = port_error("f :: FromDevice -> [1] c :: Counter -> Discard;")
    assert at(error) == (1, 17)
    assert "has no input [1]" in error.what
    error = port_error("f :: FromDevice -> d :: Discard -> Counter;")
    assert at(error) == (1, 33)
    assert "has no output [0]" in error.what


def test_check_ports_output_connected_twice() -> None:
    error = port_error("f :: FromDevice -> c :: Counter -> Discard;\nc -> ToDevice;")
    assert at(error) == (2, 3)
    assert error.what == "output [0] of 'c' is connected twice (first at 1:33)"


def test_check_ports_below_minimum() -> None:
    error = port_error("f :: FromDevice -> t :: Tee -> Discard;")
    assert at(error) == (1, 29)  # t's only output connection
    assert "needs at least 2 outputs" in error.what
    # with no connection at all, the element's declaration is the location
    assert at(port_error("f :: FromDevice -> Discard;\nt :: Tee;")) == (2, 1)


def test_check_ports_unconnected_port_below_a_connected_one() -> None:
    error = port_error("f :: FromDevice -> c :: Classifier(a, b, c) -> Discard;\n"
                       "c [2] -> Discard;")
    assert at(error) == (2, 7)
    assert error.what == "output [1] of 'c' is not connected, but a higher output is"


def test_check_ports_inside_a_flattened_compound() -> None:
    error = port_error("elementclass Two { input -> c :: Counter -> output; c [1] -> output }\n"
                       "FromDevice -> Two -> Discard;")
    assert at(error) == (1, 59)  # the arrow of 'c [1] -> output' inside the body
    assert "'Two@2/c' (Counter) has no output [1]" in error.what


# ----------------------------------------------------------------------------------------------
# Files
# ----------------------------------------------------------------------------------------------


def test_load_config_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "p.click"
    path.write_text("a :: Idle;\r\na -> Discard;\r\n", encoding="utf-8")
    config = load_config(path)
    assert config.path == str(path)
    # CRLF line ends count as one line end
    assert config.connections[0].location == SourceLocation(str(path), 2, 3)


def test_load_config_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ClaraError, match="no such Click configuration file"):
        load_config(tmp_path / "missing.click")
    path = tmp_path / "bad.click"
    path.write_text("a :: Idle;\na ->", encoding="utf-8")
    with pytest.raises(ClickConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}:2:3: error: '->' with nothing after it")
