"""The compute model: shipped ONNX models and cards, predictions on a real NF, bad models,
unknown tokens, and `clara train compute` / `clara eval compute` end to end (real
clang/opt/plugin, real target compilers, real onnxruntime; no mocks)."""

from __future__ import annotations

import dataclasses
import json
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import EXAMPLES, REPO, run_cli

from clara.analyze import analyze_module
from clara.errors import ClaraError
from clara.insights.compute import (
    INPUT_SCHEMA,
    load_compute_model,
    model_for_target,
    predict_blocks,
)
from clara.ir.features import ModuleFeatures
from clara.ir.vocabulary import UNKNOWN_ID, load_vocabulary
from clara.targets.profile import load_target
from clara.toolchain.compile import CompileOptions

MODELS = REPO / "models_onnx"
TARGETS = ("bluefield2", "octeon")


@pytest.fixture(scope="module")
def mini_nat(tmp_path_factory: pytest.TempPathFactory) -> ModuleFeatures:
    workdir = tmp_path_factory.mktemp("analyze")
    return analyze_module(EXAMPLES / "mini_nat.cc", CompileOptions(), workdir, "mini_nat").features


def copy_model(target: str, into: Path) -> Path:
    for suffix in (".onnx", ".json", ".vocab.json"):
        shutil.copy(MODELS / f"compute-{target}{suffix}", into / f"compute-{target}{suffix}")
    return into


@pytest.mark.parametrize("target", TARGETS)
def test_shipped_model_agrees_with_its_card(target: str) -> None:
    model = load_compute_model(f"compute-{target}")
    vocabulary = load_vocabulary(MODELS / f"compute-{target}.vocab.json")
    assert model.card["input_schema"] == INPUT_SCHEMA
    assert model.card["vocabulary"]["sha256"] == vocabulary.sha256()
    assert model.card["vocabulary"]["size"] == vocabulary.size
    assert model.card["target"] == target
    assert model.card["training_data"]["blocks"] > 0
    assert "metrics" in model.card["heldout"]
    assert (MODELS / f"compute-{target}.onnx").stat().st_size < 5 * 2**20


@pytest.mark.parametrize("target", TARGETS)
def test_predictions_on_an_example_nf_are_finite_and_non_negative(
        target: str, mini_nat: ModuleFeatures) -> None:
    predictions = predict_blocks(mini_nat, load_target(target))
    assert set(predictions) == {(b.function, b.name) for b in mini_nat.blocks}
    values = np.asarray([[p.compute, p.memory, p.memory_state, p.memory_packet, p.memory_stack]
                         for p in predictions.values()])
    assert np.all(np.isfinite(values)) and np.all(values >= 0)
    assert np.allclose(values[:, 1], values[:, 2:].sum(axis=1))
    assert sum(p.compute for p in predictions.values()) > 0
    assert {p.model for p in predictions.values()} == {f"compute-{target}"}


def test_inference_is_fast_for_a_typical_element(mini_nat: ModuleFeatures) -> None:
    target = load_target("bluefield2")
    predict_blocks(mini_nat, target)  # load once
    start = time.perf_counter()
    predict_blocks(mini_nat, target)
    assert time.perf_counter() - start < 0.05


def test_unknown_tokens_are_counted(mini_nat: ModuleFeatures) -> None:
    block = mini_nat.blocks[0]
    odd = dataclasses.replace(block, tokens=(*block.tokens, "frobnicate i7 var", "zork"))
    module = dataclasses.replace(mini_nat, blocks=[odd, *mini_nat.blocks[1:]])
    before = predict_blocks(mini_nat, load_target("bluefield2"))[(block.function, block.name)]
    after = predict_blocks(module, load_target("bluefield2"))[(block.function, block.name)]
    assert after.unknown_tokens == before.unknown_tokens + 2
    assert after.tokens == before.tokens + 2
    assert UNKNOWN_ID == 1


def test_a_card_that_does_not_match_its_vocabulary_is_refused(tmp_path: Path) -> None:
    copy_model("bluefield2", tmp_path)
    vocab_path = tmp_path / "compute-bluefield2.vocab.json"
    vocab = json.loads(vocab_path.read_text())
    vocab["tokens"][2], vocab["tokens"][3] = vocab["tokens"][3], vocab["tokens"][2]
    vocab_path.write_text(json.dumps(vocab))
    with pytest.raises(ClaraError, match=r"vocabulary sha256 .* do not belong together"):
        load_compute_model("compute-bluefield2", tmp_path)
    vocab["tokens"].append("add i32 var var")
    vocab_path.write_text(json.dumps(vocab))
    with pytest.raises(ClaraError, match=r"input 'token_ids' features .* differ"):
        load_compute_model("compute-bluefield2", tmp_path)


def test_a_card_with_another_input_schema_is_refused(tmp_path: Path) -> None:
    copy_model("bluefield2", tmp_path)
    card_path = tmp_path / "compute-bluefield2.json"
    card = json.loads(card_path.read_text())
    card["input_schema"] = "clara.compute-input/0"
    card_path.write_text(json.dumps(card))
    with pytest.raises(ClaraError, match=r"input schema.*clara train compute"):
        load_compute_model("compute-bluefield2", tmp_path)


def test_a_target_without_a_model_says_so(tmp_path: Path) -> None:
    with pytest.raises(ClaraError, match=r"no shipped compute model.*clara train compute"):
        model_for_target(load_target("agilio-cx"), tmp_path)


def test_train_compute_end_to_end_on_a_tiny_dataset(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "models"
    built = run_cli("dataset", "build", "--target", "bluefield2", "--programs", "6",
                    "-o", str(data), "-j", "2", "--no-progress")
    assert built.returncode == 0, built.stderr
    trained = run_cli("train", "compute", "--target", "bluefield2", "--dataset", str(data),
                      "-o", str(out), "--epochs", "1")
    assert trained.returncode == 0, trained.stderr
    model = load_compute_model("compute-bluefield2", out)
    assert model.card["training_data"]["programs"] == 6
    assert model.card["training"]["epochs_run"] == 1
    assert "--programs 6 --seed 0" in model.card["training_data"]["command"]


def test_eval_compute_prints_the_metrics(tmp_path: Path) -> None:
    folder = tmp_path / "nfs"
    folder.mkdir()
    for name in ("mini_nat.cc", "mini_nat.hh"):
        shutil.copy(EXAMPLES / name, folder / name)
    result = run_cli("eval", "compute", "--target", "bluefield2", "--from", str(folder))
    assert result.returncode == 0, result.stderr
    assert "compute-bluefield2" in result.stdout
    for text in ("per block", "per function", "memory", "unknown tokens"):
        assert text in result.stdout
