"""The ground-truth dataset builder (`clara dataset build`), with the real clang-19, opt-19,
plugin, cross compilers and binutils: per-block labels on small NFs whose target code can be
reasoned about, the proportional line split, resume, failures, executors, and the examples."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, opt, run_cli

from clara.dataset.builder import (
    ProgramFailure,
    ProgramResult,
    ProgramSource,
    ProgramTask,
    build_program_records,
    copies,
    ir_function_of,
    line_blocks,
    line_shares,
    nearest_line,
    run_task,
    with_dwarf4,
)
from clara.dataset.commands import SYSTEMATIC_FAILURES
from clara.dataset.store import iter_records, read_manifest
from clara.files import file_sha256
from clara.targets.asm_reader import AsmInstruction, read_object
from clara.targets.compiler import compile_source
from clara.targets.profile import REFERENCE_COMPILER, load_reference_compiler, load_target
from clara.toolchain.compile import CompileOptions

SEL = """\
int sel(int c, int a, int b)
{
    int x = c ? a : b; /* SPLIT */
    return x * 3;
}

unsigned hash(const unsigned char *pkt, unsigned n)
{
    unsigned h = 2166136261u;
    for (unsigned i = 0; i < n; i++) {
        h = (h ^ pkt[i]) * 16777619u; /* BODY */
    }
    return h;
}
"""
BROKEN = "int broken(int x) { return x +; }\n"



def marked(text: str, marker: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if marker in line)


def blocks_by_name(records: list[dict]) -> dict[tuple[str, str], dict]:
    return {(r["function"], r["block"]): r for r in records}


def target_lines(target: str, source: Path, tmp: Path) -> dict[int, list[AsmInstruction]]:
    """The asm reader's view of ``source`` (built as the dataset builds it): for each line,
    the target instructions charged to it."""
    profile = with_dwarf4(load_target(target))
    obj = compile_source(profile, source, tmp / "check").object_path
    lines: dict[int, list[AsmInstruction]] = {}
    for insn in read_object(profile, obj, source).nf_instructions:
        if insn.line is not None:
            lines.setdefault(insn.line, []).append(insn)
    return lines


def labelled_program(target: str, tmp: Path, name: str, text: str
                     ) -> tuple[ProgramResult, list[AsmInstruction]]:
    """``text`` written to ``tmp/name``, labelled by the builder, and the asm reader's NF
    instructions of the target's build of it (as the builder compiles it)."""
    source = tmp / name
    source.write_text(text)
    result = build_program_records(ProgramSource(name, source), load_target(target),
                                   CompileOptions())
    profile = with_dwarf4(load_target(target))
    obj = compile_source(profile, source, tmp / "check").object_path
    return result, read_object(profile, obj, source).nf_instructions


@pytest.fixture(scope="module")
def sel_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sel") / "sel.c"
    path.write_text(SEL)
    return path


# --------------------------------------------------------------------------- pure rules


def test_line_shares_split_in_proportion_to_ir_instructions() -> None:
    counts = {("f", "entry"): {3: 3}, ("f", "cond.true"): {3: 2}, ("f", "cond.end"): {3: 1, 4: 2}}
    lines = line_blocks(counts)
    assert dict(line_shares(lines[3])) == {("f", "entry"): 0.5, ("f", "cond.true"): 2 / 6,
                                           ("f", "cond.end"): 1 / 6}
    assert line_shares(lines[4], 2.0) == [(("f", "cond.end"), 2.0)]


def test_target_symbols_map_to_clangs_function_names() -> None:
    recorded = {"_ZN3FooC2Ev": None, "_ZN3FooD2Ev": None, "f": None}
    assert ir_function_of("_ZN3FooC1Ev", recorded) == "_ZN3FooC2Ev"  # type: ignore[arg-type]
    assert ir_function_of("_ZN3FooD1Ev", recorded) == "_ZN3FooD2Ev"  # type: ignore[arg-type]
    assert ir_function_of("f.isra.0", recorded) == "f"  # type: ignore[arg-type]
    assert ir_function_of("g.part.0", recorded) == "g"  # type: ignore[arg-type]
    assert nearest_line(10, [4, 12, 8]) == 12 and nearest_line(3, []) is None


def test_copies_are_repeated_runs_of_lines_and_mnemonics() -> None:
    """A shared tail that gcc copied onto two paths (the same three instructions on the same
    lines twice) counts as 2 copies; an instruction repeated alone does not."""
    def insn(address: int, line: int, mnemonic: str) -> AsmInstruction:
        return AsmInstruction("f", address, mnemonic, "", False, None, "f.c", line, "direct")

    tail = [(131, "add"), (133, "ldp"), (133, "ret")]
    seq = [(120, "ldr"), *tail, (128, "ldr"), (128, "add"), *tail, (140, "ldr")]
    made = copies([insn(4 * k, line, m) for k, (line, m) in enumerate(seq)])
    assert made == [1, 2, 2, 2, 1, 1, 2, 2, 2, 1]


# --------------------------------------------------------------------------- one program


@pytest.mark.parametrize("target", ["bluefield2", "octeon"])
def test_every_instruction_lands_in_a_block(target: str, sel_source: Path, tmp_path: Path) -> None:
    result = build_program_records(ProgramSource("sel.c", sel_source), load_target(target),
                                   CompileOptions())
    stats = result.stats
    assert stats["unattributed"] == 0 and stats["target_instructions"] > 0
    total = sum(r["target_compute"] + r["target_memory"] for r in result.records)
    assert total == pytest.approx(stats["attributed"]) == pytest.approx(stats["charged"])
    assert stats["attributed"] == stats["target_instructions"]
    # The loop body's lines (the BODY statement and the closing brace) are block for.body
    # only; it gets the target instructions on them inside the target's loop, while those
    # gcc hoisted out of the loop (constants, the end pointer) go to a block outside it.
    blocks = blocks_by_name(result.records)
    body = blocks[("hash", "for.body")]
    assert all(key == ("hash", "for.body") or not set(r["lines"]) & set(body["lines"])
               for key, r in blocks.items())
    lines = target_lines(target, sel_source, tmp_path)
    in_loop = [i.is_memory for line in body["lines"] for i in lines.get(line, [])
               if i.loop_depth == 1]
    assert body["target_compute"] == in_loop.count(False) > 0
    assert body["target_memory"] == in_loop.count(True) >= 1  # the load of pkt[i]
    assert body["loop_depth"] == 1 and body["tokens"] and body["ir_counts"]["compute"] > 0
    # loop-depth matching: the loop's blocks get exactly the target loop's instructions
    hash_insns = [i for on_line in lines.values() for i in on_line if i.function == "hash"]
    in_loops = sum(r["target_compute"] + r["target_memory"] for r in result.records
                   if r["function"] == "hash" and r["loop_depth"] == 1)
    loop_insns = sum(1 for i in hash_insns if i.loop_depth == 1)
    assert in_loops == pytest.approx(loop_insns) and loop_insns >= 4


@pytest.mark.parametrize("target", ["bluefield2", "octeon"])
def test_records_carry_llvms_backend_counts(target: str, sel_source: Path,
                                            tmp_path: Path) -> None:
    """Each record's ``llvm`` object: clang-19's code for the target's ISA (the target file's
    llvm_c), charged by the label rules. FNV's loop body loads pkt[i] and xors and multiplies
    in any compiler's code for it, and every instruction of clang's object lands in a
    block."""
    result = build_program_records(ProgramSource("sel.c", sel_source), load_target(target),
                                   CompileOptions())
    body = blocks_by_name(result.records)[("hash", "for.body")]
    assert body["llvm"]["memory"] >= 1 and body["llvm"]["compute"] >= 2
    llvm = replace(load_target(target), compiler=load_target(target).compiler.llvm_build())
    obj = compile_source(with_dwarf4(llvm), sel_source, tmp_path / "clang").object_path
    attributed = [i for i in read_object(llvm, obj, sel_source).nf_instructions
                  if i.attributed_by is not None]
    total = sum(r["llvm"]["compute"] + r["llvm"]["memory"] for r in result.records)
    assert total == pytest.approx(len(attributed)) and total > 0


def test_records_carry_the_reference_compilers_counts(sel_source: Path, tmp_path: Path
                                                      ) -> None:
    """Each record's ``gcc_x86``: gcc-12 -O2 for x86-64 (the reference compiler), charged by
    the label rules. Every instruction of its object lands in a block; x86's conditional
    jumps close FNV's loop, so its loop-depth-1 instructions (the byte load, xor, multiply,
    increment, compare and jump) are exactly what the loop's IR blocks get."""
    result = build_program_records(ProgramSource("sel.c", sel_source), load_target("octeon"),
                                   CompileOptions())
    reference = replace(load_target("octeon"), compiler=load_reference_compiler())
    obj = compile_source(reference, sel_source, tmp_path / "x86").object_path
    reading = read_object(reference, obj, sel_source)
    attributed = [i for i in reading.nf_instructions if i.attributed_by is not None]
    assert len(attributed) == len(reading.nf_instructions)
    total = sum(r["gcc_x86"]["compute"] + r["gcc_x86"]["memory"] for r in result.records)
    assert total == pytest.approx(len(attributed)) and total > 0
    memory = sum(r["gcc_x86"]["memory"] for r in result.records)
    assert memory == pytest.approx(sum(i.is_memory for i in attributed)) and memory > 0
    in_loop = [i for i in attributed if i.function == "hash" and i.loop_depth == 1]
    assert len(in_loop) >= 5 and any(i.mnemonic.startswith("j") for i in in_loop)
    charged = sum(r["gcc_x86"]["compute"] + r["gcc_x86"]["memory"] for r in result.records
                  if r["function"] == "hash" and r["loop_depth"] == 1)
    assert charged == pytest.approx(len(in_loop))


def test_a_line_shared_by_blocks_is_split_by_their_ir_instructions(
        sel_source: Path, tmp_path: Path) -> None:
    """``int x = c ? a : b;`` at -O0 is, all on one line: entry (load c, icmp, br),
    cond.true (load a, br), cond.false (load b, br), cond.end (phi, store x): 9 IR
    instructions, so the arms get 2/9 each of that line's target instructions."""
    result = build_program_records(ProgramSource("sel.c", sel_source), load_target("bluefield2"),
                                   CompileOptions())
    blocks = blocks_by_name(result.records)
    split = marked(SEL, "SPLIT")
    on_line = len(target_lines("bluefield2", sel_source, tmp_path)[split])
    for arm in ("cond.true", "cond.false"):
        record = blocks[("sel", arm)]
        assert record["lines"] == [split]
        assert record["target_compute"] + record["target_memory"] == pytest.approx(
            on_line * 2 / 9)
    entry = blocks[("sel", "entry")]
    assert entry["lines"] == [split]
    assert entry["target_compute"] + entry["target_memory"] == pytest.approx(on_line * 3 / 9)


def test_block_records_carry_the_plugins_opt_object() -> None:
    """clara_passes/inputs/opt_lines.c: -O2 deletes the dead computation (``if.then``) and
    folds the constants (``entry``); the live update (``if.then3``) keeps 5 instructions, 2
    of them memory. The record holds the plugin's numbers as they are, so training needs no
    second analysis run (clara/models/opt_context.py)."""
    source = REPO / "clara_passes" / "inputs" / "opt_lines.c"
    result = build_program_records(ProgramSource("opt_lines.c", source),
                                   load_target("bluefield2"), CompileOptions())
    blocks = {r["block"]: r for r in result.records}
    assert blocks["if.then"]["opt"] == opt(0.0, 0.0)
    assert blocks["entry"]["opt"] == opt(0.0, 0.0)
    assert blocks["if.then3"]["opt"] == opt(5.0, 2.0)


HELPERS = """\
unsigned scan(const unsigned char *p, unsigned n)
{
    unsigned s = 0;
    for (unsigned i = 0; i < n; i++)
        s += p[i];
    return s;
}

__attribute__((noinline)) unsigned mix(unsigned x)
{
    x ^= x >> 15;
    x *= 0x2c1b3c6du;
    x ^= x >> 12;
    return x;
}

unsigned first(const unsigned char *p)
{
    return scan(p, 16) + mix(p[0]);
}

unsigned second(const unsigned char *p)
{
    return mix(p[1]) ^ 7u;
}
"""


@pytest.mark.parametrize("target", ["bluefield2", "octeon"])
def test_out_of_line_copies_of_inlined_helpers(target: str, tmp_path: Path) -> None:
    """clara-prepare inlines both helpers into their callers (no records). gcc inlines
    ``scan`` too but keeps its external copy, which nothing calls: it is not charged
    (``uncalled``), or ``first`` would pay for scan's loop twice. gcc keeps ``mix`` out of
    line (noinline) and calls it from both functions: each execution of either runs all of
    mix, so both get its instructions (the labels sum to one more copy of mix)."""
    result, insns = labelled_program(target, tmp_path, "helpers.c", HELPERS)
    per_function: dict[str, int] = {}
    for insn in insns:
        per_function[insn.function] = per_function.get(insn.function, 0) + 1
    stats = result.stats
    assert {r["function"] for r in result.records} == {"first", "second"}
    assert stats["uncalled_functions"] == ["scan"] and stats["uncalled"] == per_function["scan"]
    assert stats["target_instructions"] == sum(per_function.values()) - per_function["scan"]
    assert stats["unattributed"] == 0
    labels = sum(r["target_compute"] + r["target_memory"] for r in result.records)
    assert labels == pytest.approx(stats["charged"])
    assert labels == pytest.approx(stats["attributed"] + per_function["mix"])


LOOP_CALLS = """\
__attribute__((noinline)) unsigned mix(unsigned x)
{
    x ^= x >> 15;
    x *= 0x2c1b3c6du;
    x ^= x >> 12;
    return x;
}

static unsigned twist(unsigned x)
{
    return (x << 3) | (x >> 29);
}

unsigned walk(const unsigned char *p, unsigned n)
{
    unsigned h = mix(n);
    for (unsigned i = 0; i < n; i++)
        h += mix(twist(p[i])); /* LOOP */
    return h;
}
"""


@pytest.mark.parametrize("target", ["bluefield2", "octeon"])
def test_each_inlined_copy_runs_the_whole_out_of_line_helper(target: str,
                                                             tmp_path: Path) -> None:
    """clara-prepare inlines ``mix`` twice into ``walk``, once before the loop and once in
    it (and ``twist`` once, on the same line as a ``mix`` call); gcc keeps ``mix`` out of
    line and inlines ``twist``. Each IR copy runs all of gcc's ``mix`` once per execution,
    so both get its instructions, the one in the loop in its loop blocks (loop depth 1 = the
    copy's depth + mix's own 0), and the two calls on the LOOP line are told apart by
    callee: twist's copy gets its inlined instructions, not mix's."""
    result, insns = labelled_program(target, tmp_path, "loop_calls.c", LOOP_CALLS)
    per_function: dict[str, int] = {}
    for insn in insns:
        per_function[insn.function] = per_function.get(insn.function, 0) + 1
    assert set(per_function) == {"mix", "walk"}  # gcc inlined twist, not mix
    stats = result.stats
    assert {r["function"] for r in result.records} == {"walk"}
    assert stats["unattributed"] == 0
    labels = sum(r["target_compute"] + r["target_memory"] for r in result.records)
    assert labels == pytest.approx(stats["charged"])
    assert labels == pytest.approx(per_function["walk"] + 2 * per_function["mix"])
    in_loop = sum(r["target_compute"] + r["target_memory"] for r in result.records
                  if r["loop_depth"] == 1)
    walk_loop = sum(1 for i in insns if i.function == "walk" and i.loop_depth == 1)
    hoisted_max = sum(1 for i in insns if i.function == "walk" and i.loop_depth == 0
                      and i.line == marked(LOOP_CALLS, "LOOP"))
    assert walk_loop + per_function["mix"] <= in_loop
    assert in_loop <= walk_loop + per_function["mix"] + hoisted_max


def test_a_failing_program_is_returned_with_its_seed_and_stderr(tmp_path: Path) -> None:
    broken = tmp_path / "broken.c"
    broken.write_text(BROKEN)
    outcome = run_task(ProgramTask("seed-7", 7, broken, load_target("octeon"), CompileOptions()))
    assert isinstance(outcome, ProgramFailure)
    assert (outcome.seed, outcome.stage) == (7, "ir")
    assert "expected expression" in outcome.detail


# --------------------------------------------------------------------------- the command


def nf_dir(tmp_path: Path, count: int, broken: bool = False) -> Path:
    directory = tmp_path / "nfs"
    directory.mkdir()
    for n in range(count):
        (directory / f"nf{n}.c").write_text(SEL.replace("sel(", f"sel{n}("))
    if broken:
        (directory / "broken.c").write_text(BROKEN)
    return directory


def build(*args: str) -> dict:
    proc = run_cli("dataset", "build", "--no-progress", *args)
    assert proc.returncode == 0, proc.stderr
    out = args[args.index("-o") + 1]
    return read_manifest(Path(out))


def test_resume_rebuilds_only_what_is_missing(tmp_path: Path) -> None:
    source, out = nf_dir(tmp_path, 3), tmp_path / "ds"
    common = ("--target", "bluefield2", "--from", str(source), "-o", str(out), "-j", "2",
              "--shard-size", "1")
    first = build(*common)
    assert first["counts"]["programs_ok"] == 3 and first["state"] == "complete"
    records = list(iter_records(out))
    assert {r["program"] for r in records} == {"nf0.c", "nf1.c", "nf2.c"}

    again = build(*common)
    assert (again["last_run"]["built"], again["last_run"]["skipped"]) == (0, 3)

    shard = json.loads((out / "programs.jsonl").read_text().splitlines()[1])["shard"]
    (out / "data" / shard).unlink()
    rebuilt = build(*common)
    assert (rebuilt["last_run"]["built"], rebuilt["last_run"]["skipped"]) == (1, 2)
    assert rebuilt["counts"]["programs_ok"] == 3
    assert sorted(map(json.dumps, iter_records(out))) == sorted(map(json.dumps, records))

    index = (out / "programs.jsonl").read_text().splitlines()
    (out / "programs.jsonl").write_text("\n".join(index[1:]) + "\n")  # forget one program
    rebuilt = build(*common)
    assert rebuilt["last_run"]["built"] == 1
    assert len(list(iter_records(out))) == len(records)  # no duplicate records

    other = run_cli("dataset", "build", "--no-progress", "--target", "octeon", "--from",
                    str(source), "-o", str(out))
    assert other.returncode == 1 and "target ('bluefield2', now 'octeon')" in other.stderr


def test_api_calls_inline_leave_the_framework_out_of_the_labels(tmp_path: Path) -> None:
    """MiniNAT's HashMap lookups: inline (the runtime's templates force-included, as a real
    build has them), the code run for each call is counted at its call site and left out of
    the labels; out of line, the calls stay calls to foreign functions and no API code is in
    the object's NF functions. The mode is in the manifest; a build in the other mode into
    the same directory is refused."""
    source = EXAMPLES / "mini_nat.cc"
    lookup = next(n for n, text in enumerate(source.read_text().splitlines(), 1)
                  if "ext_map.findp(ek)" in text)
    program = ProgramSource("mini_nat.cc", source)
    inline = build_program_records(program, load_target("bluefield2"), CompileOptions(),
                                   api_calls="inline").stats
    outlined = build_program_records(program, load_target("bluefield2"), CompileOptions(),
                                     api_calls="out-of-line").stats
    sites = {(api, line): n for api, line, n in inline["api_sites"]}
    assert sites[("HashMap::find", lookup)] > 5
    assert inline["api_instructions"] == sum(sites.values())
    assert outlined["api_instructions"] == 0 and outlined["foreign"] > 0
    assert inline["unattributed"] == outlined["unattributed"] == 0
    # the calls' set-up, spills and reloads are gone with the calls
    assert inline["target_instructions"] < outlined["target_instructions"]

    single = tmp_path / "one"
    single.mkdir()
    (single / "nf0.c").write_text(SEL)
    out = tmp_path / "ds"
    manifest = build("--target", "bluefield2", "--from", str(single), "-o", str(out))
    assert manifest["identity"]["api_calls"] == "inline"
    other = run_cli("dataset", "build", "--no-progress", "--target", "bluefield2", "--from",
                    str(single), "-o", str(out), "--api-calls", "out-of-line")
    assert other.returncode == 1 and "api_calls" in other.stderr


def test_a_failing_program_is_logged_and_the_build_goes_on(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    manifest = build("--target", "octeon", "--from", str(nf_dir(tmp_path, 2, broken=True)),
                     "-o", str(out), "-j", "2")
    assert manifest["counts"]["programs_ok"] == 2
    assert manifest["counts"]["programs_failed"] == 1
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert [(f["program"], f["seed"], f["stage"]) for f in failures] == [("broken.c", None, "ir")]
    assert "error" in failures[0]["detail"]
    again = build("--target", "octeon", "--from", str(out.parent / "nfs"), "-o", str(out))
    assert again["last_run"]["skipped"] == 3  # a failure is not retried


def test_a_build_where_every_program_fails_stops(tmp_path: Path) -> None:
    source = tmp_path / "broken"
    source.mkdir()
    for n in range(SYSTEMATIC_FAILURES + 5):
        (source / f"b{n:03d}.c").write_text(BROKEN)
    out = tmp_path / "ds"
    proc = run_cli("dataset", "build", "--no-progress", "--target", "octeon", "--from",
                   str(source), "-o", str(out), "-j", "2")
    assert proc.returncode == 1
    assert f"the first {SYSTEMATIC_FAILURES} programs all failed" in proc.stderr
    manifest = read_manifest(out)
    assert manifest["state"] == "interrupted"
    assert manifest["counts"]["programs_failed"] >= SYSTEMATIC_FAILURES


def test_synthesized_programs_carry_their_seeds(tmp_path: Path) -> None:
    pytest.importorskip("clang.cindex")
    out = tmp_path / "ds"
    manifest = build("--target", "bluefield2", "--programs", "2", "--seed", "5", "-o", str(out),
                     "-j", "2")
    assert manifest["counts"]["programs_ok"] + manifest["counts"]["programs_failed"] == 2
    assert manifest["seeds"] == [5, 6]
    assert manifest["identity"]["source"]["kind"] == "synth"
    assert {r["seed"] for r in iter_records(out)} <= {5, 6}


def test_ray_executor_matches_the_process_pool(tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is the optional [ray] extra; not installed here")
    source = nf_dir(tmp_path, 2)
    local, ray = tmp_path / "local", tmp_path / "ray"
    build("--target", "bluefield2", "--from", str(source), "-o", str(local), "-j", "2")
    manifest = build("--target", "bluefield2", "--from", str(source), "-o", str(ray), "-j", "2",
                     "--executor", "ray")
    assert manifest["last_run"]["executor"] == "ray"
    assert manifest["counts"]["programs_ok"] == 2
    assert sorted(map(json.dumps, iter_records(ray))) == sorted(
        map(json.dumps, iter_records(local)))


def test_octeon_ground_truth_for_the_examples(tmp_path: Path) -> None:
    out = tmp_path / "ds"
    manifest = build("--target", "octeon", "--from", str(EXAMPLES), "-o", str(out), "-j", "2")
    counts = manifest["counts"]
    sources = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".c", ".cc"))
    assert counts["programs_ok"] == len(sources) and counts["programs_failed"] == 0
    assert counts["unattributed_rate"] < 0.02
    assert manifest["identity"]["compiler_version_cxx"].startswith("mips64-linux-gnuabi64-g++")
    assert manifest["identity"]["clang_version"]
    # the reference compiler's file (its opcode table decides gcc_x86's memory split) is
    # part of what the labels depend on
    assert manifest["identity"]["reference_compiler_file_sha256"] == file_sha256(
        REFERENCE_COMPILER)
    programs = {r["program"] for r in iter_records(out)}
    assert programs == set(sources)
    info = run_cli("dataset", "info", str(out))
    assert info.returncode == 0 and f"{len(sources)} programs" in info.stdout


def test_the_nf_training_corpus_is_labelled_whole(tmp_path: Path) -> None:
    """The NF-like training elements (clara/dataset/nf_corpus) all build with the target
    compiler and clang against the compatibility headers, and every target instruction of
    theirs lands in an IR block: a header change that breaks one would silently shrink the
    compute model's real-code training data."""
    corpus = REPO / "clara" / "dataset" / "nf_corpus"
    sources = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*.cc"))
    assert len(sources) >= 18
    out = tmp_path / "ds"
    manifest = build("--target", "bluefield2", "--from", str(corpus), "-o", str(out), "-j", "2",
                     "--api-calls", "inline")
    counts = manifest["counts"]
    assert counts["programs_ok"] == len(sources) and counts["programs_failed"] == 0
    assert counts["unattributed_rate"] < 0.01
    assert {r["program"] for r in iter_records(out)} == set(sources)


def test_llvms_mips_backend_builds_conditional_string_addresses(tmp_path: Path) -> None:
    """clang-19's MIPS backend fails on GP-relative small data for the address of a string
    literal chosen by a condition ("Cannot select: MipsISD::GPRel"); octeon's LLVM flags
    turn small data off (-G0), as gcc's non-PIC code has none."""
    source = tmp_path / "pick.c"
    source.write_text("const char *pick(int i) { return i ? \" \" : \"\"; }\n"
                      "int touch(unsigned char *p) { return p[0] + (pick(p[1]) != 0); }\n")
    manifest = build("--target", "octeon", "--from", str(source), "-o", str(tmp_path / "ds"))
    assert manifest["counts"]["programs_ok"] == 1 and manifest["counts"]["programs_failed"] == 0
