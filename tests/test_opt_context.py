"""The optimized-IR context (the plugin's block ``opt`` object): what the reader makes of it,
the compute model's input without it, and training's refusal of datasets labelled under
older rules (real clang-19, plugin and target compiler; no mocks)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO, opt

from clara.analyze import analyze_module
from clara.dataset.commands import ProgramSpec, build_dataset
from clara.dataset.store import MANIFEST, iter_records
from clara.errors import ClaraError
from clara.insights.compute import block_input
from clara.ir.features import OptimizedCounts, parse_features
from clara.models.train_compute import load_records
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
        block_input(module.blocks[0], module.functions[0], [], {"compute": 0.0, "memory": 0.0},
                    {"compute": 0.0})
    with pytest.raises(ClaraError, match=r"schema 'clara\.features/9'"):
        parse_features([json.dumps({**block, "schema": "clara.features/9"})], "new.jsonl")


def test_datasets_of_older_label_rules_are_refused_for_training(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    build_dataset(load_target("bluefield2"), CompileOptions(),
                  ProgramSpec(sources=(SOURCE,), root=SOURCE.parent), out, 1, progress=False)
    built = [r for r in iter_records(out) if r["function_in_target"]]
    # the builder writes `opt`: training reads the records as they are
    assert load_records(out) == built
    by_block = {r["block"]: r["opt"] for r in built}
    assert by_block["if.then"] == opt(0.0, 0.0)
    assert by_block["if.then3"] == opt(5.0, 2.0)
    # a dataset built before the per-copy rules (no `label_rules` in its identity)
    manifest = json.loads((out / MANIFEST).read_text())
    del manifest["identity"]["label_rules"]
    (out / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ClaraError, match=r"dataset: labelled under rules older than .*rebuild"):
        load_records(out)
