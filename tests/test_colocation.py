"""Colocation insight: the metric, symmetric pair features, the shipped ranker and its card,
training through the CLI, and advice on a features file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import SHARED_DATA, run_cli

from clara.dataset.agilio_artifact import colocation_rows, read_artifact
from clara.dataset.measurements import colocation_groups
from clara.errors import ClaraError
from clara.insights.colocation import (
    INPUT_SCHEMA,
    evaluate_colocation,
    load_colocation_model,
    pair_feature_names,
    pair_vector,
    rank_pairs,
    slowdown_feature_names,
    slowdown_retention,
    slowdown_vector,
    top_k_accuracy,
)
from clara.insights.program_features import ProgramFeatures, write_features_file
from clara.models.train_colocation import SCORINGS

DATA = SHARED_DATA / "clara-agilio" / "nf_colocation"

NFS = [
    ProgramFeatures("filter", 2400.0, {"IMEM": 80.0}, stages=3),
    ProgramFeatures("nat", 900.0, {"IMEM": 4.0, "EMEM": 10.0}, table_probes=5, tables=1,
                    stages=4),
    ProgramFeatures("crc", 1500.0, accelerator_calls={"crc": 20.0}, stages=2),
    ProgramFeatures("counter", 300.0, {"IMEM": 4.0}, atomic_updates=2.0, stages=2),
]


@pytest.fixture(scope="module", autouse=True)
def data_present() -> None:
    assert DATA.is_dir(), f"the Agilio CX measurements are missing: expected {DATA}"


def test_top_k_accuracy_by_hand() -> None:
    truth = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    assert top_k_accuracy([6, 5, 4, 3, 2, 1], truth, 1) == 1.0
    assert top_k_accuracy([5, 6, 1, 2, 3, 4], truth, 1) == 0.0
    # predicted best three: 0, 1, 5; true best three: 0, 1, 2 -> 2 of 3
    assert top_k_accuracy([6, 5, 1, 2, 3, 4], truth, 3) == pytest.approx(2 / 3)


def test_pair_features_are_symmetric() -> None:
    levels = ["EMEM", "IMEM"]
    a, b = NFS[0], NFS[1]
    ab = pair_vector(a, b, 8e6, 12e6, levels)
    assert ab == pair_vector(b, a, 12e6, 8e6, levels)
    assert len(ab) == len(pair_feature_names(levels))
    names = pair_feature_names(levels)
    # IMEM demand of the pair: 8e6 x 80 + 12e6 x 4 accesses per second, in 1e9/s.
    assert ab[names.index("sum.demand.IMEM")] == pytest.approx(0.64 + 0.048)


def test_slowdown_features_and_retention_by_hand() -> None:
    levels = ["EMEM", "IMEM"]
    a, b = NFS[0], NFS[1]
    names = slowdown_feature_names(levels)
    first = slowdown_vector(a, b, 8e6, 12e6, False, levels)
    second = slowdown_vector(b, a, 12e6, 8e6, True, levels)
    assert len(first) == len(names) == len(second)
    assert first[names.index("self.compute_instructions")] == 2400.0
    assert first[names.index("partner.compute_instructions")] == 900.0
    assert second[names.index("self.compute_instructions")] == 900.0
    assert (first[names.index("second_half")], second[names.index("second_half")]) == (0.0, 1.0)
    # Pair IMEM demand is the same from either side: 8e6 x 80 + 12e6 x 4 per s, in 1e9/s.
    for row in (first, second):
        assert row[names.index("sum.demand.IMEM")] == pytest.approx(0.64 + 0.048)
    # Solo 8 and 12 Mpps keeping 50% and 75% beside each other: (4 + 9) / 20 of the solos.
    retention = slowdown_retention(np.array([8e6]), np.array([12e6]),
                                   np.log([0.5, 0.75]))
    assert retention == pytest.approx([0.65])


def test_shipped_model_agrees_with_its_card() -> None:
    model = load_colocation_model("agilio-cx")
    card = model.card
    assert card["input_schema"] == INPUT_SCHEMA
    assert model.path.name == "coloc-agilio-cx.onnx" and model.path.stat().st_size < 2_000_000
    held = set(card["heldout"]["split"]["groups"])
    groups = [g for g in colocation_groups(colocation_rows(read_artifact(DATA, []).colocation))
              if g.name in held]
    assert len(groups) == len(held) == 70
    scoring = card["scoring"]
    cv = scoring["selection"]["cv"]
    assert set(cv) <= set(SCORINGS) and "held-out groups unused" in scoring["selection"]["by"]
    best = max(m["top1"] + m["top3"] for m in cv.values())
    assert cv[scoring["chosen"]]["top1"] + cv[scoring["chosen"]]["top3"] == best
    metrics = evaluate_colocation(groups, model)
    for key in ("top1", "top3", "retention_mae"):
        assert metrics[key] == pytest.approx(card["heldout"]["metrics"][key], abs=1e-6)


def test_card_mismatch_is_an_error(tmp_path: Path) -> None:
    for suffix in (".onnx", ".json"):
        shutil.copy(Path(load_colocation_model("agilio-cx").path).with_suffix(suffix), tmp_path)
    card_path = tmp_path / "coloc-agilio-cx.json"
    card = json.loads(card_path.read_text())
    card["inputs"]["pair"] = card["inputs"]["pair"][:-1]
    card_path.write_text(json.dumps(card))
    with pytest.raises(ClaraError, match=rf"{card_path}.*clara train colocation"):
        load_colocation_model("agilio-cx", tmp_path)


def test_rank_pairs_ranks_every_pair() -> None:
    advice = rank_pairs(NFS)
    assert [a.rank for a in advice] == [1, 2, 3, 4, 5, 6]
    assert len({(a.first, a.second) for a in advice}) == 6
    assert all(-100 < a.expected_change_pct < 50 for a in advice)
    assert advice[0].score >= advice[-1].score
    with pytest.raises(ClaraError, match="at least two"):
        rank_pairs(NFS[:1])


def test_train_eval_and_advise_through_the_cli(tmp_path: Path) -> None:
    folder = tmp_path / "nf_colocation" / "dataset"
    folder.mkdir(parents=True)
    for feature in sorted((DATA / "dataset").glob("trainingset_feature_*"))[:25]:
        shutil.copy(feature, folder)
        shutil.copy(str(feature).replace("feature", "tag"), folder)
    csv = tmp_path / "m.csv"
    proc = run_cli("import", "clara-artifact", str(tmp_path / "nf_colocation"), "-o", str(csv))
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "models"
    proc = run_cli("train", "colocation", "--measurements", str(csv), "--target", "agilio-cx",
                   "-o", str(out), "--solo-trees", "5", "--rank-trees", "5")
    assert proc.returncode == 0, proc.stderr
    card = json.loads((out / "coloc-agilio-cx.json").read_text())
    assert "nf_pair" in card["inputs"] and "log_slowdown" in card["outputs"]
    assert set(card["scoring"]["selection"]["cv"]) == set(SCORINGS)
    n = card["training_data"]["groups"] + len(card["heldout"]["split"]["groups"])
    assert n == 25 - proc.stderr.count("left out malformed sample:")
    proc = run_cli("eval", "colocation", "--data", str(folder), "--models-dir", str(out),
                   "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert 0.0 <= json.loads(proc.stdout)["top1"] <= 1.0

    features = tmp_path / "f.json"
    write_features_file(features, NFS)
    proc = run_cli("advise", "colocate", str(features), "--models-dir", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("expect") == 6
