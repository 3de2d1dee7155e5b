"""The optimized-IR context (the plugin's block ``opt`` object): what the reader makes of it,
the compute model's input without it, and its join onto dataset records (real clang-19,
plugin and target compiler; no mocks)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO

from clara.analyze import analyze_module
from clara.dataset.commands import ProgramSpec, build_dataset
from clara.dataset.store import iter_records
from clara.errors import ClaraError
from clara.insights.compute import block_input
from clara.ir.features import OptimizedCounts, parse_features
from clara.models.opt_context import attach_opt, program_contexts, with_opt_context
from clara.targets.profile import load_target
from clara.toolchain.compile import CompileOptions

SOURCE = REPO / "clara_passes" / "inputs" / "opt_lines.c"


@pytest.fixture(scope="module")
def opt_lines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, OptimizedCounts | None]:
    workdir = tmp_path_factory.mktemp("opt")
    features = analyze_module(SOURCE, CompileOptions(), workdir, "opt_lines").features
    return {b.name: b.opt for b in features.blocks}


def test_dead_and_folded_code_keeps_nothing_live_code_keeps_its_instructions(
        opt_lines: dict[str, OptimizedCounts | None]) -> None:
    # opt_lines.c: line 7 computes a value nobody reads, lines 10-11 constants that fold
    # into line 13's xor; -O2 keeps line 12's compare and branch (2), line 13's xor, load,
    # add and store plus line 14's branch (5, of which 2 memory) and the return.
    assert opt_lines["if.then"] == OptimizedCounts(0.0, 0.0, 0.0)
    assert opt_lines["entry"] == OptimizedCounts(0.0, 0.0, 0.0)
    assert opt_lines["if.end"] == OptimizedCounts(2.0, 0.0, 0.0)
    assert opt_lines["if.then3"] == OptimizedCounts(5.0, 2.0, 0.0)
    assert opt_lines["if.end5"] == OptimizedCounts(1.0, 0.0, 0.0)


def test_schema_1_records_are_read_without_opt_and_the_model_refuses_them() -> None:
    block = {"schema": "clara.features/1", "record": "block", "function": "f",
             "block": "entry", "index": 0, "file": "old.c", "tokens": ["ret void"]}
    function = {"schema": "clara.features/1", "record": "function", "function": "f"}
    module = parse_features([json.dumps(function), json.dumps(block)], "old.jsonl")
    assert module.blocks[0].opt is None
    with pytest.raises(ClaraError, match=r"old\.c: .*older plugin"):
        block_input(module.blocks[0], module.functions[0], [])
    with pytest.raises(ClaraError, match=r"schema 'clara\.features/9'"):
        parse_features([json.dumps({**block, "schema": "clara.features/9"})], "new.jsonl")


def test_old_dataset_records_get_the_opt_object_of_their_block(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    build_dataset(load_target("bluefield2"), CompileOptions(),
                  ProgramSpec(sources=(SOURCE,), root=SOURCE.parent), out, 1, progress=False)
    built = list(iter_records(out))
    # the builder writes `opt`: those records are used as they are, with no analysis run
    assert with_opt_context(out, built, cache_dir=tmp_path / "unused") is built
    assert not (tmp_path / "unused").exists()
    # records of a dataset built before (no `opt`, or null from a schema-1 plugin) get
    # the same objects by the join
    records = [{k: v for k, v in r.items() if k != "opt"} for r in built]
    records[0]["opt"] = None
    contexts = program_contexts(out, records, jobs=1, cache_dir=tmp_path / "cache")
    attach_opt(records, contexts, str(out))
    assert [r["opt"] for r in records] == [r["opt"] for r in built]
    by_block = {r["block"]: r["opt"] for r in records}
    assert by_block["if.then"] == {"instructions": 0.0, "memory": 0.0, "calls": 0.0}
    assert by_block["if.then3"] == {"instructions": 5.0, "memory": 2.0, "calls": 0.0}
    # cached: a second look-up analyzes nothing and gives the same blocks
    again = program_contexts(out, records, jobs=1, cache_dir=tmp_path / "cache")
    assert again == contexts
    # a record whose tokens differ from the analysis (its program changed) is refused
    changed = [{**records[0], "tokens": ["ret void"]}]
    changed[0].pop("opt")
    with pytest.raises(ClaraError, match="no optimized-IR context with the same tokens"):
        attach_opt(changed, contexts, str(out))
