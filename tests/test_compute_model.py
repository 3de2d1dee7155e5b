"""The compute model: shipped ONNX models and cards, predictions on a real NF, function
context, bad models, unknown tokens and their backoff, and `clara train compute` /
`clara eval compute` end to end (real clang/opt/plugin, real target compilers, real
onnxruntime; no mocks)."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import EXAMPLES, REPO, run_cli

from clara.analyze import analyze_module
from clara.dataset.builder import DEFAULT_API_CALLS
from clara.errors import ClaraError
from clara.insights.compute import (
    INPUT_SCHEMA,
    REFERENCE_CONTEXT,
    SYNTHESIZED,
    BackendCounts,
    ComputeModel,
    block_input,
    callee_kinds,
    context_names,
    encode_records,
    load_compute_model,
    model_for_target,
    module_backend_counts,
    predict_blocks,
)
from clara.ir.features import ModuleFeatures
from clara.ir.vocabulary import (
    UNKNOWN_ID,
    block_token,
    build_vocabulary,
    coarse_token,
    encode,
    load_vocabulary,
    unknown_rate,
)
from clara.models.compute_cli import SMALL_RECIPE, default_recipe
from clara.models.train_compute import fit_function_scale, load_records
from clara.targets.profile import load_target
from clara.toolchain.compile import CompileOptions

MODELS = REPO / "models_onnx"
TARGETS = ("bluefield2", "octeon")


@pytest.fixture(scope="module")
def mini_nat(tmp_path_factory: pytest.TempPathFactory) -> ModuleFeatures:
    workdir = tmp_path_factory.mktemp("analyze")
    return analyze_module(EXAMPLES / "mini_nat.cc", CompileOptions(), workdir, "mini_nat").features


@pytest.fixture(scope="module")
def mini_nat_backends(mini_nat: ModuleFeatures, tmp_path_factory: pytest.TempPathFactory
                      ) -> dict[str, BackendCounts]:
    """Each target's LLVM backend counts of mini_nat's blocks (clang-19 for the ISA) and,
    for octeon (``compute_reference``), the reference compiler's (gcc-12 for x86-64)."""
    return {t: module_backend_counts(EXAMPLES / "mini_nat.cc", mini_nat, load_target(t),
                                     CompileOptions(), tmp_path_factory.mktemp(f"be-{t}"))
            for t in TARGETS}


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
    assert "metrics" in model.card["heldout"]["synthesized"]
    assert (MODELS / f"compute-{target}.onnx").stat().st_size < 5 * 2**20
    # the model reads the reference compiler's counts exactly when its target file says so
    reads = vocabulary.reference
    assert reads == load_target(target).compute_reference
    assert all((name in model.card["inputs"]["context"]) == reads for name in REFERENCE_CONTEXT)


@pytest.mark.parametrize("target", TARGETS)
def test_the_default_recipe_is_the_shipped_models(target: str) -> None:
    """`clara train compute --target T` without --programs / --real-code-weight uses what
    the shipped model's card says it was trained from."""
    card = load_compute_model(f"compute-{target}").card
    recipe = default_recipe(target)
    synthesized = [d["programs"] for d in card["training_data"]["datasets"]
                   if d["kind"] == "synth"]
    assert sum(synthesized) == recipe.programs
    assert card["training"]["config"]["real_code_weight"] == recipe.real_code_weight
    assert card["training_data"]["command"].endswith(
        f"--real-code-weight {recipe.real_code_weight:g}")
    assert default_recipe("agilio-cx") == SMALL_RECIPE


def test_a_model_and_a_target_that_disagree_on_the_reference_are_refused(
        mini_nat: ModuleFeatures, mini_nat_backends: dict[str, BackendCounts]) -> None:
    """octeon's model reads gcc's x86-64 counts: a target file that turns its
    ``compute_reference`` off (and so builds none at analysis time) cannot use it."""
    octeon = load_target("octeon")
    assert predict_blocks(mini_nat, octeon, mini_nat_backends["octeon"])
    without = dataclasses.replace(octeon, compute_reference=False)
    with pytest.raises(ClaraError, match=r"compute-octeon\.onnx: the model reads the reference "
                       r"compiler's counts, but target 'octeon' says it does not"):
        predict_blocks(mini_nat, without, mini_nat_backends["octeon"])


@pytest.mark.parametrize("target", TARGETS)
def test_predictions_on_an_example_nf_are_finite_and_non_negative(
        target: str, mini_nat: ModuleFeatures,
        mini_nat_backends: dict[str, BackendCounts]) -> None:
    # LLVM's backend, and gcc for x86-64 where the target's model reads it, made code for
    # the packet path (push and what it inlined)
    backends = mini_nat_backends[target]
    reads_reference = load_target(target).compute_reference
    assert reads_reference == (target == "octeon")
    assert (backends.gcc_x86 is not None) == reads_reference
    for counts in (backends.llvm, *([backends.gcc_x86] if backends.gcc_x86 else [])):
        assert sum(counts[k].compute for k in counts if "4push" in k[0]) > 20
    predictions = predict_blocks(mini_nat, load_target(target), backends)
    assert set(predictions) == {(b.function, b.name) for b in mini_nat.blocks}
    values = np.asarray([[p.compute, p.memory, p.memory_state, p.memory_packet, p.memory_stack]
                         for p in predictions.values()])
    assert np.all(np.isfinite(values)) and np.all(values >= 0)
    assert np.allclose(values[:, 1], values[:, 2:].sum(axis=1))
    assert sum(p.compute for p in predictions.values()) > 0
    assert {p.model for p in predictions.values()} == {f"compute-{target}"}


def module_records(module: ModuleFeatures) -> list[dict[str, object]]:
    functions = {f.name: f for f in module.functions}
    return [block_input(b, functions[b.function], callee_kinds(functions[b.function]),
                        {"compute": 1.0, "memory": 0.0}, {"compute": 2.0, "memory": 1.0})
            for b in module.blocks if b.function in functions]


def test_analysed_code_is_never_marked_synthesized(mini_nat: ModuleFeatures) -> None:
    model = load_compute_model("compute-bluefield2")
    batch = encode_records(module_records(mini_nat), model.vocabulary)
    column = context_names(model.vocabulary).index(SYNTHESIZED)
    assert np.all(batch.context[:, column] == 0.0)


def test_unknown_tokens_are_counted(
        mini_nat: ModuleFeatures,
        mini_nat_backends: dict[str, BackendCounts]) -> None:
    block = mini_nat.blocks[0]
    odd = dataclasses.replace(block, tokens=(*block.tokens, "frobnicate i7 var", "zork"))
    module = dataclasses.replace(mini_nat, blocks=[odd, *mini_nat.blocks[1:]])
    target, backends = load_target("bluefield2"), mini_nat_backends["bluefield2"]
    before = predict_blocks(mini_nat, target, backends)[(block.function, block.name)]
    after = predict_blocks(module, target, backends)[(block.function, block.name)]
    assert after.unknown_tokens == before.unknown_tokens + 2
    assert after.tokens == before.tokens + 2
    assert UNKNOWN_ID == 1


def test_unknown_tokens_back_off_to_their_opcode_class() -> None:
    blocks = [["call api.HashMap::find", "load i32 state", "icmp.eq i32 var const", "br cond"]]
    vocabulary = build_vocabulary(blocks * 3, [[]], min_count=3, backoff=True)
    ids = vocabulary.ids()
    unseen = ["invoke api.String", "load i16 packet", "icmp.sgt i32 var var", "landingpad struct"]
    encoded, unknown = encode(unseen, ids)
    # packet loads and landing pads were never seen, not even as a class
    assert encoded == [ids["~call api"], UNKNOWN_ID, ids["~icmp int"], UNKNOWN_ID]
    assert unknown == 4  # none of them is in the vocabulary, backoff or not
    assert unknown_rate([unseen], vocabulary) == 1.0
    assert unknown_rate([unseen], vocabulary, after_backoff=True) == 0.5
    assert coarse_token("load i16 click_ip.ip_len") == "~load field"
    assert block_token("if.then27.i") == "block if.then.i"
    plain = build_vocabulary(blocks * 3, [[]], min_count=3)
    assert encode(unseen, plain.ids()) == ([UNKNOWN_ID] * 4, 4)


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


@pytest.mark.parametrize("factor", ["1.05", 0.0, 40])
def test_a_card_with_damaged_calibration_is_refused(tmp_path: Path, factor: object) -> None:
    copy_model("bluefield2", tmp_path)
    card_path = tmp_path / "compute-bluefield2.json"
    card = json.loads(card_path.read_text())
    card["calibration"]["memory"] = factor
    card_path.write_text(json.dumps(card))
    with pytest.raises(ClaraError, match=r"calibration factors .* damaged.*clara train compute"):
        load_compute_model("compute-bluefield2", tmp_path)


def test_a_target_without_a_model_says_so(tmp_path: Path) -> None:
    with pytest.raises(ClaraError, match=r"no shipped compute model.*clara train compute"):
        model_for_target(load_target("agilio-cx"), tmp_path)


def test_train_compute_end_to_end_on_a_tiny_dataset(tmp_path: Path,
                                                    mini_nat: ModuleFeatures) -> None:
    """A function-context model (`--model function-lstm`): trained and exported, a block's
    prediction depends on its own function only (padding and batching do not leak), and
    changes when a neighbouring block of its function changes."""
    data, out = tmp_path / "data", tmp_path / "models"
    built = run_cli("dataset", "build", "--target", "bluefield2", "--programs", "6",
                    "-o", str(data), "-j", "2", "--no-progress")
    assert built.returncode == 0, built.stderr
    trained = run_cli("train", "compute", "--target", "bluefield2", "--dataset", str(data),
                      "-o", str(out), "--epochs", "1", "--model", "function-lstm",
                      "--ensemble", "1")
    assert trained.returncode == 0, trained.stderr
    model = load_compute_model("compute-bluefield2", out)
    assert model.card["training_data"]["programs"] == 6
    assert [m["epochs_run"] for m in model.card["training"]["members"]] == [1]
    assert " --ensemble 1 " in model.card["training_data"]["command"]
    command = model.card["training_data"]["datasets"][0]["command"]
    assert f"--programs 6 --seed 0 --api-calls {DEFAULT_API_CALLS}" in command
    # the loss weight of real code is part of the recipe: the card's command must carry it
    assert model.card["training_data"]["command"].endswith(
        f"--real-code-weight {model.card['training']['config']['real_code_weight']:g}")
    assert model.card["training_data"]["synthesized_flag_used"] is False
    assert {"function_slots", "function_lengths", "block_slot"} <= set(model.input_names)

    records = module_records(mini_nat)
    together, _ = model.predict(records)
    function = max({r["function"] for r in records},
                   key=lambda f: sum(r["function"] == f for r in records))
    rows = [i for i, r in enumerate(records) if r["function"] == function]
    assert len(rows) > 2
    alone, _ = model.predict([records[i] for i in rows])
    assert np.allclose(together[rows], alone, atol=1e-4)

    blocks = sorted((records[i] for i in rows), key=lambda r: r["index"])
    # the neighbour's tokens replaced, as many (same padded width: any change of the block
    # before it comes from the function context, not from numerics of another shape)
    last = blocks[-1]
    changed = [*blocks[:-1], {**last, "tokens": ["add i32 var var"] * len(last["tokens"])}]
    assert np.abs(raw_outputs(model, changed)[-2]
                  - raw_outputs(model, blocks)[-2]).max() > 1e-6  # its neighbour changed


def raw_outputs(model: ComputeModel, blocks: list[dict[str, object]]) -> np.ndarray:
    """The ONNX graph's unclipped, uncalibrated outputs on ``blocks`` (one batch)."""
    batch = encode_records(blocks, model.vocabulary)
    return model.session.run(["prediction"], batch.feeds(model.input_names))[0]


def test_train_compute_on_synthesized_programs_and_real_code(tmp_path: Path,
                                                            mini_nat: ModuleFeatures) -> None:
    """Two datasets: synthesized programs and real C labelled with --from; both are split
    by program, and the synthesized flag is used. The card's calibration factors are what
    the loaded model applies: the same training with --no-calibration predicts the same
    counts divided by them. An ensemble of seeds 3 and 4 outputs the mean of what the
    models trained with --seed 3 and --seed 4 alone output."""
    synth, real, out = tmp_path / "synth", tmp_path / "real", tmp_path / "models"
    for args in (("--programs", "4", "-o", str(synth)),
                 ("--from", str(REPO / "clara" / "accel" / "corpus" / "checksum"),
                  "--from", str(REPO / "clara" / "accel" / "corpus" / "crc"), "-o", str(real))):
        built = run_cli("dataset", "build", "--target", "bluefield2", *args, "-j", "2",
                        "--no-progress")
        assert built.returncode == 0, built.stderr
    def train(where: Path, *options: str) -> ComputeModel:
        trained = run_cli("train", "compute", "--target", "bluefield2", "--dataset", str(synth),
                          "--dataset", str(real), "-o", str(where), "--epochs", "1",
                          "--model", "lstm", *options)
        assert trained.returncode == 0, trained.stderr
        assert "held-out" in trained.stdout
        return load_compute_model("compute-bluefield2", where)

    card = train(out, "--seed", "3", "--ensemble", "2").card
    assert [m["seed"] for m in card["training"]["members"]] == [3, 4]
    assert "(seeds 3-4)" in card["architecture"]
    assert " --seed 3 --ensemble 2 " in card["training_data"]["command"]
    kinds = [d["kind"] for d in card["training_data"]["datasets"]]
    assert kinds == ["synth", "from"]
    assert "--from clara/accel/corpus" in card["training_data"]["datasets"][1]["command"]
    assert card["training_data"]["synthesized_flag_used"] is True
    assert card["training"]["config"]["model"] == "lstm"

    uncalibrated = train(tmp_path / "plain", "--seed", "3", "--ensemble", "2",
                         "--no-calibration")
    assert uncalibrated.scale == (1.0, 1.0)
    assert uncalibrated.card["training_data"]["command"].endswith("--no-calibration")
    scale = np.array([card["calibration"]["compute"], card["calibration"]["memory"]])
    assert ((scale >= 0.85) & (scale <= 1.25)).all()
    records = module_records(mini_nat)
    with_scale, _ = load_compute_model("compute-bluefield2", out).predict(records)
    without, _ = uncalibrated.predict(records)
    assert without.sum(axis=0).min() > 0
    assert np.allclose(with_scale, scale * without, rtol=1e-4, atol=1e-4)

    members = [train(tmp_path / f"seed{seed}", "--seed", str(seed), "--ensemble", "1",
                     "--no-calibration") for seed in (3, 4)]
    blocks = records[:40]
    alone = [raw_outputs(member, blocks) for member in members]
    assert np.abs(alone[0] - alone[1]).max() > 1e-3  # the seeds give different models
    assert np.allclose(raw_outputs(uncalibrated, blocks), (alone[0] + alone[1]) / 2,
                       atol=1e-5)


def test_a_target_with_a_reference_trains_a_model_that_reads_it(tmp_path: Path) -> None:
    """octeon (``compute_reference``): its model's vocabulary and card name the reference
    compiler's columns, it reads them (other gcc_x86 counts, other predictions), and a
    dataset without the memory split is refused with the rebuild command."""
    data, out = tmp_path / "data", tmp_path / "models"
    built = run_cli("dataset", "build", "--target", "octeon", "--programs", "4", "-o",
                    str(data), "-j", "2", "--no-progress")
    assert built.returncode == 0, built.stderr
    trained = run_cli("train", "compute", "--target", "octeon", "--dataset", str(data), "-o",
                      str(out), "--epochs", "1", "--ensemble", "1")
    assert trained.returncode == 0, trained.stderr
    model = load_compute_model("compute-octeon", out)
    assert model.vocabulary.reference
    assert context_names(model.vocabulary)[-len(model.vocabulary.callee_kinds) - 4:][:4] == \
        list(REFERENCE_CONTEXT)
    records = load_records(data)[:50]
    doubled = [{**r, "gcc_x86": {k: 2 * v + 5 for k, v in r["gcc_x86"].items()}}
               for r in records]
    assert not np.allclose(raw_outputs(model, records), raw_outputs(model, doubled))

    shard = next((data / "data").glob("*.jsonl"))
    lines = [json.loads(line) for line in shard.read_text().splitlines()]
    for line in lines:
        line["gcc_x86"] = {"compute": line["gcc_x86"]["compute"]}  # as before the split
    shard.write_text("".join(json.dumps(line) + "\n" for line in lines))
    refused = run_cli("train", "compute", "--target", "octeon", "--dataset", str(data), "-o",
                      str(tmp_path / "again"), "--epochs", "1", "--ensemble", "1")
    assert refused.returncode != 0
    assert "split by memory operand" in refused.stderr and "clara dataset build" in \
        refused.stderr


def test_the_calibration_fits_function_sums() -> None:
    """fit_function_scale: the grid factor with the least per-function error; 1 when the
    sums are right already; blocks of one function are summed before comparing."""
    records = [{"program": "p", "function": f} for f in ("f", "f", "g")]
    true = np.array([10.0, 12.0, 30.0])
    predicted = np.array([10.0, 10.0, 25.0])  # f: 20 for 22, g: 25 for 30
    # |20 s - 22| + |25 s - 30| falls with slope -5 on [1.1, 1.2], rises with 45 after 1.2
    assert fit_function_scale(records, predicted, true) == 1.2
    # |20 s - 22| + |20 s - 24| is flat on [1.1, 1.2]: the grid's first of the ties
    assert fit_function_scale(records, np.array([10.0, 10.0, 20.0]),
                              np.array([10.0, 12.0, 24.0])) == 1.1
    assert fit_function_scale(records, true, true) == 1.0
    assert fit_function_scale(records, 2 * true, true) == 0.85  # the grid's end


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
