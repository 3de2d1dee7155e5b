"""clara synth: corpus statistics (real libclang), the generator, and the CLI.

Every program here is compiled by the real compilers (clang++-19 and the BlueField-2
target's aarch64-linux-gnu-g++-12 -O2).
"""

from __future__ import annotations

import json
import math
import re
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, run_cli

from clara.errors import ClaraError
from clara.synth.ast_stats import CorpusStats, measure_corpus, parse, statement_kind
from clara.synth.fidelity import distances
from clara.synth.generator import SAMPLED_STATEMENTS, generate_program

INCLUDE = str(REPO / "clara" / "include")

TINY = """\
#include <click/config.h>
#include <click/element.hh>
#include <clicknet/ip.h>
CLICK_DECLS
class Tiny : public Element {
  public:
    const char *class_name() const { return "Tiny"; }
    Packet *simple_action(Packet *p);
    void configure_like();
  private:
    uint32_t _count;
    uint32_t mix(uint32_t a);
};

uint32_t
Tiny::mix(uint32_t a)
{
    uint32_t x = a * 3;
    for (int i = 0; i < 8; i++)
        x = x ^ (x >> 1);
    return x + 1;
}

Packet *
Tiny::simple_action(Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    click_ip *ip = q->ip_header();
    if (ip->ip_ttl < 2) {
        q->kill();
        return 0;
    }
    ip->ip_ttl = ip->ip_ttl - 1;
    _count++;
    if (mix(_count) & 1)
        _count = 0;
    return q;
}

void
Tiny::configure_like()
{
    if (_count > 5 && _count < 9)
        _count = 1;
}
CLICK_ENDDECLS
"""


TINY2 = """\
#include <click/config.h>
#include <click/element.hh>
CLICK_DECLS
struct Entry { uint32_t hits; };
class Tiny2 : public Element {
  public:
    const char *class_name() const { return "Tiny2"; }
    Packet *simple_action(Packet *p);
  private:
    uint64_t _bytes;
    uint32_t _table[16];
    Entry _entries[4];
};

Packet *
Tiny2::simple_action(Packet *p)
{
    const unsigned char *d = p->data();
    uint8_t proto = d[9];
    Entry *e = &_entries[proto & 3];
    if (proto == 6 && (d[1] > 3 || !e->hits))
        e->hits++;
    _table[proto & 15] += 1;
    _bytes += p->length();
    return p;
}
CLICK_ENDDECLS
"""


@pytest.fixture(scope="module")
def tiny_stats(tmp_path_factory: pytest.TempPathFactory) -> CorpusStats:
    directory = tmp_path_factory.mktemp("corpus")
    (directory / "tiny.cc").write_text(TINY)
    return measure_corpus([directory])


@pytest.fixture(scope="module")
def corpus_stats() -> CorpusStats:
    return measure_corpus([EXAMPLES])


def test_stats_count_the_packet_path(tiny_stats: CorpusStats) -> None:
    # simple_action and mix (called from it); configure_like is not on the packet path
    assert tiny_stats.functions == 2
    assert tiny_stats.own_calls == 1
    s = tiny_stats.statements
    assert s["if"] == 3 and s["for"] == 1 and s["return"] == 4
    assert s["decl"] == 3 and s["assign"] == 3 and s["incdec"] == 1 and s["call"] == 1
    assert s["compound"] == 1
    # * >> ^ + (mix); < - & (simple_action); the loop's i < 8 and the assignments' =
    ops = tiny_stats.binary_ops
    assert ops["*"] == 1 and ops[">>"] == 1 and ops["^"] == 1 and ops["+"] == 1
    assert ops["<"] == 2 and ops["-"] == 1 and ops["&"] == 1 and ops["="] == 3
    assert "&&" not in ops
    assert tiny_stats.unary_ops == {"!": 1, "post++": 2}
    assert tiny_stats.fields_read == {"click_ip.ip_ttl": 2}
    assert tiny_stats.fields_written == {"click_ip.ip_ttl": 1}
    assert tiny_stats.api_calls == {"Packet::uniqueify": 1, "Packet::ip_header": 1,
                                    "Packet::kill": 1}
    assert tiny_stats.loop_trip_counts == {8: 1}
    # _count 3 times in simple_action (++, mix(_count), = 0), never in mix
    assert tiny_stats.member_accesses == {0: 1, 3: 1}
    # the loop body and the kill block sit one level deep; the rest at depth 0
    assert tiny_stats.nesting_depth == {0: 11, 1: 6}


def test_stats_expression_shapes_of_tiny(tiny_stats: CorpusStats) -> None:
    # mix: a, i (cond), i (++), x (assigned), x, x, x (return); simple_action: q (!q), q
    # (return q); q and p as receivers of q->kill() and p->uniqueify() are not leaves
    assert tiny_stats.leaves == {"local": 9, "literal": 11, "field": 3, "state": 3}
    # !q, i < 8, ip->ip_ttl < 2, mix(_count) & 1: one term each
    assert tiny_stats.condition_terms == {1: 4}
    assert tiny_stats.condition_atoms == {"not": 1, "compare": 2, "plain": 1}
    assert tiny_stats.counter_types == {"int": 1}
    assert tiny_stats.control_depth == {0: 4}
    # if (!q) return 0; and the block ending in return 0 are early exits; both bodies end in
    # a return
    assert tiny_stats.guards == 2 and tiny_stats.final_returns == 2
    assert tiny_stats.call_statements == {"Packet::kill": 1}
    # mix opens with uint32_t x; simple_action with the WritablePacket pointer only
    assert tiny_stats.leading_decls == {1: 1, 0: 1}
    # a * 3, x >> 1, x + 1, ttl - 1, mix() & 1 | x ^ (x >> 1) | i < 8, ttl < 2
    assert tiny_stats.operand_shapes == {"value literal": 5, "value variable": 1,
                                         "compare literal": 2}
    assert tiny_stats.state_types == {"unsigned int": 3}
    assert tiny_stats.state_written_types == {"unsigned int": 2}  # _count++, _count = 0


def test_stats_subscripts_terms_and_members(tmp_path: Path) -> None:
    (tmp_path / "tiny2.cc").write_text(TINY2)
    stats = measure_corpus([tmp_path])
    # d[9], d[1] through the local pointer; _entries[proto & 3], _table[proto & 15]
    assert stats.subscripts == {"local literal": 2, "state expression": 2}
    # proto == 6 && (d[1] > 3 || !e->hits)
    assert stats.condition_terms == {3: 1}
    assert stats.condition_atoms == {"compare": 2, "not": 1}
    # e->hits twice is a struct member; e itself, the base, is not a leaf
    assert stats.leaves == {"local": 6, "literal": 7, "state": 3, "member": 2}
    assert stats.state_types == {"Click::Entry[4]": 1, "unsigned int[16]": 1,
                                 "unsigned long": 1}
    assert stats.state_written_types == {"unsigned int[16]": 1, "unsigned long": 1}
    # the pointer declarations continue the opening run; only uint8_t proto is counted
    assert stats.leading_decls == {1: 1}
    assert stats.call_statements == {} and stats.guards == 0


def test_stats_json_round_trip(tiny_stats: CorpusStats) -> None:
    assert CorpusStats.from_json(tiny_stats.to_json()) == tiny_stats


def test_stats_fail_clearly_on_parse_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.cc"
    bad.write_text("#include <click/element.hh>\nint f( { return 1 }\n")
    with pytest.raises(ClaraError, match=r"bad\.cc: libclang could not parse it"):
        measure_corpus([bad])


def test_same_seed_same_source_different_seeds_differ(corpus_stats: CorpusStats) -> None:
    first = generate_program(7, corpus_stats)
    assert first.source == generate_program(7, corpus_stats).source
    assert first.source != generate_program(8, corpus_stats).source
    assert first.source != generate_program(7, None, guided=False).source
    assert first.seed == 7 and first.guided and first.class_name in first.source


def _body_statement_lines(path: Path) -> list[tuple[int, list[int]]]:
    """For each function defined in ``path``: the start lines of its body's statements
    (a ``for`` header's init declaration belongs to the ``for`` and is left out)."""
    tu = parse(path)
    result = []
    for cursor in tu.cursor.walk_preorder():
        if cursor.kind.name != "CXX_METHOD" or not cursor.is_definition():
            continue
        if cursor.location.file is None or Path(cursor.location.file.name) != path:
            continue
        body = next(c for c in cursor.get_children() if c.kind.name == "COMPOUND_STMT")
        for_inits = {
            (c.extent.start.line, c.extent.start.column)
            for f in body.walk_preorder() if f.kind.name == "FOR_STMT"
            for c in list(f.get_children())[:1] if c.kind.name == "DECL_STMT"
        }
        lines = [
            n.extent.start.line for n in body.walk_preorder()
            if n != body and n.kind.is_statement()
            and (n.extent.start.line, n.extent.start.column) not in for_inits
        ]
        result.append((cursor.location.line, lines))
    return result


@pytest.mark.parametrize("guided", [True, False])
def test_one_statement_per_line(corpus_stats: CorpusStats, tmp_path: Path, guided: bool) -> None:
    for seed in range(5):
        program = generate_program(seed, corpus_stats, guided=guided)
        path = tmp_path / f"{program.name}.cc"
        path.write_text(program.source)
        functions = _body_statement_lines(path)
        assert functions, "no function bodies found"
        for line, starts in functions:
            duplicates = sorted({n for n in starts if starts.count(n) > 1})
            assert not duplicates, f"seed {seed}, function at line {line}: {duplicates}"


def _compile(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_twenty_programs_compile_with_clang_and_aarch64_gcc(
    corpus_stats: CorpusStats, tmp_path: Path
) -> None:
    for seed in range(20):
        program = generate_program(seed, corpus_stats, guided=seed % 2 == 0)
        path = tmp_path / f"{program.name}.cc"
        path.write_text(program.source)
        clang = _compile(["clang++-19", "-std=gnu++17", "-O0", "-g", "-Xclang",
                          "-disable-O0-optnone", "-fno-discard-value-names", "-I", INCLUDE,
                          "-S", "-emit-llvm", "-o", str(tmp_path / "out.ll"), str(path)])
        assert clang.returncode == 0, f"seed {seed}: {clang.stderr[:2000]}"
        gcc = _compile(["aarch64-linux-gnu-g++-12", "-std=gnu++17", "-O2", "-mcpu=cortex-a72",
                        "-I", INCLUDE, "-c", "-o", str(tmp_path / "out.o"), str(path)])
        assert gcc.returncode == 0, f"seed {seed}: {gcc.stderr[:2000]}"


def test_cli_writes_programs_and_manifest_and_refuses_non_empty_dir(tmp_path: Path) -> None:
    out = tmp_path / "programs"
    stats_file = tmp_path / "stats.json"
    proc = run_cli("synth", "--count", "3", "--seed", "10", "-o", str(out),
                   "--stats-out", str(stats_file))
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["guided"] is True and manifest["count"] == 3
    assert [p["seed"] for p in manifest["programs"]] == [10, 11, 12]
    assert manifest["generator_version"] and manifest["corpus"]
    for entry in manifest["programs"]:
        source = (out / entry["file"]).read_text()
        assert f"class {entry['class_name']} : public Element" in source
    assert CorpusStats.from_json(stats_file.read_text()).functions > 0

    again = run_cli("synth", "--count", "1", "-o", str(out))
    assert again.returncode != 0 and "not empty" in again.stderr
    forced = run_cli("synth", "--count", "1", "-o", str(out), "--force", "--unguided")
    assert forced.returncode == 0, forced.stderr
    assert json.loads((out / "manifest.json").read_text())["guided"] is False


def _statement_mix(stats: CorpusStats) -> dict[str, float]:
    kinds = [k for k in SAMPLED_STATEMENTS if k != "lookup"]
    return {k: float(stats.statements.get(k, 0)) for k in kinds}


def _measure_generated(corpus_stats: CorpusStats, tmp_path: Path) -> dict[bool, CorpusStats]:
    """libclang statistics of 15 guided (True) and 15 unguided (False) programs."""
    measured = {}
    for guided in (True, False):
        directory = tmp_path / ("guided" if guided else "unguided")
        directory.mkdir()
        for seed in range(15):
            program = generate_program(seed, corpus_stats, guided=guided)
            (directory / f"{program.name}.cc").write_text(program.source)
        measured[guided] = measure_corpus([directory])
    return measured


def test_guided_statement_mix_is_closer_to_the_guide_than_unguided(
    corpus_stats: CorpusStats, tmp_path: Path
) -> None:
    """Measured with the same libclang statistics on the generated programs: the guided
    generator samples statement kinds from the corpus's mix, the baseline uniformly, so the
    guided programs' mix must be the closer one (Jensen-Shannon over the sampled kinds)."""
    measured = _measure_generated(corpus_stats, tmp_path)
    target = _statement_mix(corpus_stats)
    guided_js = distances(target, _statement_mix(measured[True]))["jensen_shannon"]
    unguided_js = distances(target, _statement_mix(measured[False]))["jensen_shannon"]
    assert guided_js < unguided_js / 2, (guided_js, unguided_js)


def test_every_helper_is_called_so_all_are_on_the_packet_path(
    corpus_stats: CorpusStats, tmp_path: Path
) -> None:
    """Helpers are created on their first call: libclang's packet path (the entry and the
    own functions it calls, transitively) holds every function a program defines."""
    helpers_seen = 0
    for seed in range(12):
        program = generate_program(seed, corpus_stats)
        directory = tmp_path / program.name
        directory.mkdir()
        (directory / f"{program.name}.cc").write_text(program.source)
        defined = set(re.findall(rf"{program.class_name}::((?:probe|mix)\d+)\(",
                                 program.source))
        stats = measure_corpus([directory])
        assert stats.functions == 1 + len(defined), seed
        assert stats.own_calls >= len(defined), seed
        helpers_seen += len(defined)
    assert helpers_seen > 0


def _mix(stats: CorpusStats) -> dict[str, float]:
    """Leaf kinds, condition atoms and operand shapes in one histogram."""
    return {**{f"leaf {k}": float(v) for k, v in stats.leaves.items()},
            **{f"atom {k}": float(v) for k, v in stats.condition_atoms.items()},
            **{f"shape {k}": float(v) for k, v in stats.operand_shapes.items()}}


def test_guided_expression_mix_is_closer_to_the_guide_than_unguided(
    corpus_stats: CorpusStats, tmp_path: Path
) -> None:
    """Leaf kinds, condition atoms and literal operands, measured with libclang on the
    programs: the guided generator follows the corpus's, the baseline draws uniformly."""
    measured = _measure_generated(corpus_stats, tmp_path)
    target = _mix(corpus_stats)
    guided_js = distances(target, _mix(measured[True]))["jensen_shannon"]
    unguided_js = distances(target, _mix(measured[False]))["jensen_shannon"]
    assert guided_js < unguided_js, (guided_js, unguided_js)


def test_distances_match_their_definitions() -> None:
    p = {"a": 1000.0, "b": 1000.0}  # large counts: the 1e-6 smoothing is negligible
    assert all(v == pytest.approx(0, abs=1e-9) for v in distances(p, p).values())
    q = {"a": 3000.0, "b": 1000.0}
    d = distances(p, q)
    assert d["variational"] == pytest.approx(0.5)
    assert d["euclidean"] == pytest.approx(math.sqrt(2 * 0.25**2))
    assert d["bhattacharyya"] == pytest.approx(-math.log(math.sqrt(0.5 * 0.75)
                                                         + math.sqrt(0.5 * 0.25)))
    cos = (0.5 * 0.75 + 0.5 * 0.25) / (math.sqrt(0.5) * math.sqrt(0.75**2 + 0.25**2))
    assert d["cosine"] == pytest.approx(1 - cos)
    m = (0.625, 0.375)
    js = 0.5 * sum(a * math.log(a / b) for a, b in zip((0.5, 0.5), m, strict=True)) + \
        0.5 * sum(a * math.log(a / b) for a, b in zip((0.75, 0.25), m, strict=True))
    assert d["jensen_shannon"] == pytest.approx(js)


def test_statement_kind_of_corpus_nodes() -> None:
    tu = parse(EXAMPLES / "mini_nat.cc")
    kinds = {statement_kind(c) for c in tu.cursor.walk_preorder()
             if c.kind.name in ("IF_STMT", "RETURN_STMT", "DECL_STMT")}
    assert kinds == {"if", "return", "decl"}
