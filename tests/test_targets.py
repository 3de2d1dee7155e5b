"""Target profiles, their compilers and the assembly reader, with the real cross compilers
and binutils (aarch64, mips64, and the ARM proxy for the NFP)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, run_cli

from clara.errors import ClaraError
from clara.targets.asm_reader import (
    Frame,
    RawInstruction,
    attribute_function,
    classify,
    read_object,
    split_operands,
)
from clara.targets.compiler import compile_source, compiler_version
from clara.targets.profile import (
    list_targets,
    load_reference_compiler,
    load_target,
    load_target_file,
    missing_sources,
    resolve_target,
)

DATA = REPO / "tests" / "data" / "targets"
INCLUDE = DATA / "include"
SHIPPED = ("agilio-cx", "bluefield2", "octeon")
CLASS_NAME = "_ZNK11FlowCounter10class_nameEv"
INPUTS = ("inline_call.cc", "flow_counter.cc", "ip_checksum.cc", "lpm_lookup.c")


def marked_line(source: Path, marker: str) -> int:
    """The 1-based line of ``source`` whose comment ends with ``marker``."""
    lines = source.read_text().splitlines()
    return next(i for i, text in enumerate(lines, 1) if text.rstrip().endswith(f"// {marker}"))


def read(target: str, source: Path, out: Path, include: Path = INCLUDE):
    profile = load_target(target)
    result = compile_source(profile, source, out, [include])
    return result, read_object(profile, result.object_path, source)


# --------------------------------------------------------------------------- profiles


def test_shipped_targets_load_with_a_source_for_every_number() -> None:
    assert set(SHIPPED) <= set(list_targets())
    for name in SHIPPED:
        profile = load_target(name)
        assert profile.name == name
        assert profile.memory and profile.compiler.c and profile.compiler.cxx
        assert profile.models["compute"] == f"compute-{name}.onnx"
        assert missing_sources(profile) == [], name


def test_agilio_memory_costs_are_the_artifacts_ilp_table() -> None:
    profile = load_target("agilio-cx")
    costs = {
        m.name: (m.read_cycles, m.write_cycles, m.atomic_read_cycles, m.atomic_write_cycles)
        for m in profile.memory
    }
    assert costs["EMEM"] == (336, 290, 190, 210)
    assert costs["IMEM"] == (122, 122, 120, 220)
    assert costs["CTM"] == (70, 80, 70, 160)
    assert [m.name for m in profile.memory] == ["LM", "CLS", "CTM", "IMEM", "EMEM"]
    assert profile.compiler.proxy and profile.threads_per_core == 8
    assert all(m.placeable for m in profile.memory)
    assert [m.name for m in load_target("bluefield2").memory if m.placeable] == ["DRAM"]


def _write_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = (REPO / "clara" / "targets" / "agilio-cx.toml").read_text()
    assert old in text
    path = tmp_path / "variant.toml"
    path.write_text(text.replace(old, new, 1))
    return path


def test_missing_field_names_key_and_file(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, "read_cycles = 336", "")
    with pytest.raises(ClaraError) as err:
        load_target_file(path)
    assert "memory[4].read_cycles" in str(err.value) and str(path) in str(err.value)
    assert "missing" in str(err.value)


def test_unknown_key_names_key_and_file(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, "[cores]\n", "[cores]\nfrequency_ghz = 1.2\n")
    with pytest.raises(ClaraError) as err:
        load_target_file(path)
    assert "cores.frequency_ghz" in str(err.value) and str(path) in str(err.value)
    assert "unknown key" in str(err.value)


def test_bad_value_names_key_and_file(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, 'scope = "island"', 'scope = "cluster"')
    with pytest.raises(ClaraError, match=r"memory\[1\]\.scope"):
        load_target_file(path)


def test_llvm_commands_are_optional_and_checked(tmp_path: Path) -> None:
    """``llvm_c``/``llvm_cxx`` (clang-19 for the ISA, read by the compute model) need the
    placeholders like ``c``/``cxx``; a target without them says so when they are asked for."""
    bad = _write_variant(tmp_path, 'binutils_prefix =',
                         'llvm_c = ["clang-19", "-O2", "-c", "{source}"]\n'
                         'llvm_cxx = ["clang++-19", "-O2", "-c", "{source}", "-o", "{output}"]\n'
                         'binutils_prefix =')
    with pytest.raises(ClaraError, match=r"compiler\.llvm_c' must contain \{output\}"):
        load_target_file(bad)
    with pytest.raises(ClaraError, match="no llvm_c/llvm_cxx commands"):
        load_target("agilio-cx").compiler.llvm_build()
    assert load_target("bluefield2").compiler.llvm_build().cxx[:2] == (
        "clang++-19", "--target=aarch64-linux-gnu")


def test_compute_reference_is_an_optional_flag(tmp_path: Path) -> None:
    """``[models] compute_reference``: whether the compute model reads the reference
    compiler's counts (octeon's does, bluefield2's does not); absent means false."""
    assert load_target("octeon").compute_reference
    assert not load_target("bluefield2").compute_reference
    assert not load_target("agilio-cx").compute_reference
    on = _write_variant(tmp_path, 'compute = "compute-agilio-cx.onnx"',
                        'compute = "compute-agilio-cx.onnx"\ncompute_reference = true')
    assert load_target_file(on).compute_reference
    bad = _write_variant(tmp_path, 'compute = "compute-agilio-cx.onnx"',
                         'compute = "compute-agilio-cx.onnx"\ncompute_reference = "gcc"')
    with pytest.raises(ClaraError, match=r"models\.compute_reference' must be true or false"):
        load_target_file(bad)


def test_unknown_target_name_lists_the_shipped_ones() -> None:
    with pytest.raises(ClaraError, match="agilio-cx"):
        load_target("no-such-nic")


# --------------------------------------------------------------------------- compiler


def test_compiler_versions_of_installed_targets() -> None:
    for name in SHIPPED:
        version = compiler_version(load_target(name), "cxx")
        assert version is not None and "12." in version, (name, version)


def test_missing_compiler_names_the_debian_package(tmp_path: Path) -> None:
    path = _write_variant(tmp_path, '"arm-linux-gnueabi-g++-12"', '"arm-linux-gnueabi-g++-99"')
    with pytest.raises(ClaraError) as err:
        compile_source(load_target_file(path), DATA / "inline_call.cc", tmp_path, [INCLUDE])
    assert "arm-linux-gnueabi-g++-99" in str(err.value)
    assert "apt-get install gcc-12-arm-linux-gnueabi g++-12-arm-linux-gnueabi" in str(err.value)


def test_compile_failure_shows_the_compilers_stderr(tmp_path: Path) -> None:
    broken = tmp_path / "broken.c"
    broken.write_text("int f(void) { return undeclared_name; }\n")
    with pytest.raises(ClaraError) as err:
        compile_source(load_target("octeon"), broken, tmp_path / "out")
    assert "undeclared_name" in str(err.value) and "mips64-linux-gnuabi64-gcc-12" in str(err.value)


def test_compile_adds_debug_info_and_include_dirs(tmp_path: Path) -> None:
    result = compile_source(load_target("bluefield2"), DATA / "inline_call.cc", tmp_path, [INCLUDE])
    assert result.argv[:3] == ("aarch64-linux-gnu-g++-12", "-g", f"-I{INCLUDE}")
    assert result.object_path == (tmp_path / "inline_call.o").resolve()
    assert result.object_path.is_file()


# --------------------------------------------------------------------------- reader


@pytest.mark.parametrize("target", SHIPPED)
def test_inlined_header_code_is_charged_to_the_calling_nf_line(target: str, tmp_path: Path) -> None:
    source = DATA / "inline_call.cc"
    call, state, end = (marked_line(source, m) for m in ("CALL", "STATE", "END"))
    _, reading = read(target, source, tmp_path)
    records = [i for i in reading.instructions if i.function == "sum_word"]
    assert records and reading.unattributed_count == 0
    # nf::fold16 is at least three ALU operations; all of them come from nfpkt.hh through
    # the inline chain, and every one is charged to the NF line that called it.
    chained = [i for i in records if i.attributed_by == "inline-chain"]
    assert len(chained) >= 3
    assert {i.line for i in chained} == {call}
    assert all(i.file == str(source) for i in records)
    assert {i.line for i in records} <= {call - 2, call, state, call + 2, end}
    # g_total += s: a load on the STATE line and one store (MIPS fills the return's delay
    # slot with it, and the compiler then gives it the closing line)
    assert any(i.access == "load" and i.line == state for i in records)
    assert [i.line for i in records if i.access == "store"] in ([state], [end])


def test_unattributed_rate_is_under_two_percent_on_test_inputs(tmp_path: Path) -> None:
    for target in SHIPPED:
        total = unattributed = 0
        for name in INPUTS:
            _, reading = read(target, DATA / name, tmp_path / target)
            total += len(reading.nf_instructions)
            unattributed += reading.unattributed_count
        assert total > 200
        assert unattributed / total < 0.02, (target, unattributed, total)


def test_unattributed_rate_on_the_project_example_nfs(tmp_path: Path) -> None:
    sources = sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".cc", ".c"))
    if not sources:
        pytest.skip("no example NFs yet")
    for target in SHIPPED:
        profile = load_target(target)
        total = unattributed = 0
        for source in sources:
            include = [REPO / "clara" / "include", EXAMPLES]
            obj = compile_source(profile, source, tmp_path / target, include)
            reading = read_object(profile, obj.object_path, source)
            total += len(reading.nf_instructions)
            unattributed += reading.unattributed_count
        assert unattributed / total < 0.02, (target, unattributed, total)


def test_comdat_functions_get_their_own_lines(tmp_path: Path) -> None:
    """class_name() is emitted in its own COMDAT section at address 0; without separating
    the sections it would take the line of whatever else starts at 0."""
    source = DATA / "flow_counter.cc"
    lines = source.read_text().splitlines()
    defined = next(i for i, t in enumerate(lines, 1) if "class_name() const override" in t)
    for target in SHIPPED:
        _, reading = read(target, source, tmp_path / target)
        records = [i for i in reading.instructions if i.function == CLASS_NAME]
        assert records, target
        assert {i.line for i in records} == {defined}, target
        assert CLASS_NAME in reading.nf_functions


def test_memory_instructions_are_classified_by_the_isa_table() -> None:
    arm64 = load_target("bluefield2").compiler.opcodes
    mips = load_target("octeon").compiler.opcodes
    arm = load_target("agilio-cx").compiler.opcodes
    assert [classify(m, arm64) for m in ("ldr", "stp", "ldaddal", "add", "prfm")] == [
        "load",
        "store",
        "atomic",
        None,
        None,
    ]
    assert [classify(m, mips) for m in ("lw", "sd", "laa", "li", "lui", "sll")] == [
        "load",
        "store",
        "atomic",
        None,
        None,
        None,
    ]
    assert [classify(m, arm) for m in ("ldrbne", "push", "pop", "strex", "lsls")] == [
        "load",
        "store",
        "load",
        "atomic",
        None,
    ]


def test_x86_memory_is_classified_by_its_operands() -> None:
    """The reference compiler's table (gcc-12 for x86-64): an instruction reaches memory
    through a parenthesised or segment operand, a store when that is the destination (the
    last operand, also for read-modify-write), a load otherwise; lea and nop only look
    like it; push and pop by their mnemonic."""
    x86 = load_reference_compiler().opcodes
    cases = [("mov", "0x8(%rdi),%eax"), ("mov", "%eax,0x8(%rdi)"),
             ("addl", "$0x1,0x10(%rdi,%rax,4)"), ("movzbl", "(%rax,%rdx,1),%eax"),
             ("mov", "%fs:0x28,%rax"), ("lea", "0x8(%rdi,%rax,4),%rax"),
             ("nopw", "0x0(%rax,%rax,1)"), ("add", "%eax,%ebx"), ("push", "%rbx"),
             ("pop", "%rbx"), ("lock", "addl $0x1,(%rax)")]
    assert [classify(m, x86, ops) for m, ops in cases] == [
        "load", "store", "store", "load", "load", None, None, None, "store", "load", "atomic"]
    assert split_operands("0x0(%rax,%rbx,4),%ecx") == ["0x0(%rax,%rbx,4)", "%ecx"]
    assert split_operands("") == []


def test_prologue_and_epilogue_runs_take_entry_and_return_lines() -> None:
    """Rules 4 and 5 on a function whose first and last instructions only have header
    lines (as when a scheduler moves inlined code into the prologue or epilogue)."""
    main, header = "/nf/main.cc", "/nf/hdr.hh"
    insns = [
        RawInstruction(a, m, o)
        for a, m, o in (
            (0, "stp", "x29, x30, [sp]"),
            (4, "add", "x0, x0, 1"),
            (8, "ldr", "w1, [x0]"),
            (12, "mul", "w1, w1, w1"),
            (16, "ldp", "x29, x30, [sp]"),
            (20, "ret", ""),
        )
    ]
    own = lambda line: (Frame("f", main, line),)  # noqa: E731
    chains = {
        0: (Frame("f", header, 3),),
        4: own(10),
        8: (Frame("g", header, 7), Frame("f", main, 12)),
        12: (Frame("f", header, 40),),
        16: (Frame("f", header, 41),),
        20: (Frame("f", header, 41),),
    }
    opcodes = load_target("bluefield2").compiler.opcodes
    result = attribute_function(insns, chains, lambda p: p == main, opcodes)
    assert result == [
        (10, "prologue"),
        (10, "direct"),
        (12, "inline-chain"),
        (12, "epilogue"),
        (12, "epilogue"),
        (12, "epilogue"),
    ]


# --------------------------------------------------------------------------- user targets


def test_user_target_file_with_its_own_compiler_works_end_to_end(tmp_path: Path) -> None:
    profile = load_target_file(DATA / "user-a53.toml")
    source = DATA / "flow_counter.cc"
    result = compile_source(profile, source, tmp_path, [INCLUDE])
    assert "-mcpu=cortex-a53" in result.argv and "-O1" in result.argv
    reading = read_object(profile, result.object_path, source)
    assert len(reading.nf_instructions) > 50
    assert any(i.is_memory for i in reading.nf_instructions)
    assert reading.unattributed_rate < 0.02


def test_compiler_override_replaces_the_proxy(tmp_path: Path) -> None:
    profile = resolve_target("agilio-cx", None, "arm-linux-gnueabi-gcc-12 -O1 -mbig-endian")
    assert profile.compiler.overridden
    assert profile.compiler.c[-4:] == ("-c", "{source}", "-o", "{output}")
    result = compile_source(profile, DATA / "lpm_lookup.c", tmp_path, [INCLUDE])
    reading = read_object(profile, result.object_path, DATA / "lpm_lookup.c")
    assert "-O1" in result.argv and len(reading.nf_instructions) > 10


# --------------------------------------------------------------------------- CLI


def test_cli_show_agilio_lists_levels_with_sources_and_says_proxy() -> None:
    proc = run_cli("targets", "show", "agilio-cx")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "PROXY" in out
    for level in ("LM", "CLS", "CTM", "IMEM", "EMEM"):
        assert f"\n  {level} " in out
    emem = next(line for line in out.splitlines() if line.startswith("  EMEM "))
    note = emem.split("336 [")[1].split("]")[0]
    assert f"[{note}] Clara artifact ILP table (nf_state.py): mem_read_32 EMEM 336" in out
    assert "installed: arm-linux-gnueabi-gcc-12" in out


def test_cli_list_and_show_target_file() -> None:
    listing = run_cli("targets", "list")
    assert listing.returncode == 0, listing.stderr
    assert all(name in listing.stdout for name in SHIPPED)
    assert "PROXY arm-linux-gnueabi-gcc-12" in listing.stdout
    shown = run_cli("targets", "show", "--target-file", str(DATA / "user-a53.toml"))
    assert shown.returncode == 0, shown.stderr
    assert "user-a53" in shown.stdout and "PROXY" not in shown.stdout
    bad = run_cli("targets", "show", "bluefield2", "--target-file", str(DATA / "user-a53.toml"))
    assert bad.returncode == 1 and "exactly one" in bad.stderr
