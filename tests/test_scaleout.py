"""Scale-out insight: the rules, the analytical model, the shipped GBDT model and its card,
training through the CLI, and advice on a features file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import REPO, SHARED_DATA, run_cli

from clara.dataset.agilio_artifact import read_artifact, scaleout_rows
from clara.dataset.measurements import scaleout_curves
from clara.errors import ClaraError
from clara.insights.program_features import ProgramFeatures, write_features_file
from clara.insights.scaleout import (
    INPUT_SCHEMA,
    evaluate_scaleout,
    half_latency_rule,
    knee_rule,
    knee_sources,
    load_scaleout_model,
    predict_scaleout,
    program_feature_names,
)

DATA = SHARED_DATA / "clara-agilio" / "scale_out"
GRID = [24, 30, 36, 42, 48, 54, 60]


@pytest.fixture(scope="module", autouse=True)
def data_present() -> None:
    assert DATA.is_dir(), f"the Agilio CX measurements are missing: expected {DATA}"


def test_knee_rule_by_hand() -> None:
    # Gains / T0: 0.25, 0.25, 0.10 -> 0.10 is below 0.60/5.4 = 0.111 but not 0.48/5.4 = 0.089,
    # so the knee is 36 + 4.
    assert knee_rule(GRID, [100, 125, 150, 160, 162, 163, 163]) == 40
    assert knee_rule(GRID, [100, 125, 150, 175, 200, 225, 250]) == 60  # linear: never
    assert knee_rule(GRID, [100, 101, 102, 103, 104, 105, 106]) == 24  # flat from the start


def test_knee_sources_by_hand() -> None:
    # The throughput curve has its knee at 40 (test above); the shape curve
    # T(n)/T(24) = 1, 1.25, 1.5, 1.75, 1.77, ... gains 0.25 three times, then 0.02 < 0.12/5.4:
    # knee 42. The mean is that of the regressor (45.5) and the shape curve's knee.
    throughput = [100, 125, 150, 160, 162, 163, 163]
    ratio = np.log([1.0, 1.25, 1.5, 1.75, 1.77, 1.78, 1.78])
    knees = knee_sources(GRID, 45.5, throughput, ratio)
    assert knees == {"regressor": 45.5, "curve": 40.0, "ratio": 42.0, "mean": 43.75}
    assert knee_sources(GRID, 45.5, throughput, None) == {"regressor": 45.5, "curve": 40.0}


def test_half_latency_rule_by_hand() -> None:
    throughput = [1, 2, 3, 4, 4.5, 4.5, 4.5]  # within 1% of the peak from 48 cores on
    latency = [100, 100, 110, 150, 210, 300, 400]  # at most 2 x 100 up to 42 cores
    assert half_latency_rule(GRID, throughput, latency) == 42
    assert half_latency_rule(GRID, throughput, [100] * 7) == 48  # never past the peak


def test_analytic_model_from_profile_by_hand() -> None:
    # bluefield2: 2.5 GHz, one instruction per cycle: 1000 instructions = 0.4 us per packet
    # on one core, 2.5 Mpps per core, far below 200 Gb/s of 64 B frames; 8 cores.
    f = ProgramFeatures("cpu-only", compute_instructions=1000.0)
    advice = predict_scaleout(f, "bluefield2")
    assert advice.model.startswith("analytic")
    assert advice.cores == tuple(range(1, 9))
    assert advice.throughput_pps[3] == pytest.approx(4 * 2.5e6)
    assert advice.knee_cores == 8 and advice.half_latency_cores == 8
    assert any("no memory-bandwidth cap" in c for c in advice.caveats)
    with pytest.raises(ClaraError, match="not levels of this target"):
        predict_scaleout(ProgramFeatures("x", 10.0, {"EMEM": 1.0}), "bluefield2")
    with pytest.raises(ClaraError, match="no scale-out model for bluefield2"):
        predict_scaleout(f, "bluefield2", model="gbdt")


def test_shipped_model_agrees_with_its_card() -> None:
    model = load_scaleout_model("agilio-cx")
    card = model.card
    assert card["input_schema"] == INPUT_SCHEMA
    assert card["inputs"]["program"] == program_feature_names(card["levels"])
    assert model.path.stat().st_size < 2_000_000
    held = set(card["heldout"]["split"]["programs"])
    curves = [c for c in scaleout_curves(scaleout_rows(read_artifact(DATA, []).scaleout))
              if f"{c.workload}:{c.features.name}" in held]
    assert len(curves) == len(held) > 100
    selection = card["knee_source"]
    assert selection["chosen"] in ("regressor", "curve") and "held-out programs unused" in \
        selection["by"]
    cv = selection["cv_knee_mape"]
    assert cv[selection["chosen"]]["all"] == min(v["all"] for v in cv.values())
    metrics = evaluate_scaleout(curves, model)
    for name in ("gbdt", "analytic"):
        for key, value in card["heldout"]["metrics"][name]["all"].items():
            assert metrics[name]["all"][key] == pytest.approx(value, rel=1e-4), (name, key)


def test_card_mismatch_is_an_error(tmp_path: Path) -> None:
    for suffix in (".onnx", ".json"):
        shutil.copy(REPO / "models_onnx" / f"scaleout-agilio-cx{suffix}", tmp_path)
    card_path = tmp_path / "scaleout-agilio-cx.json"
    card = json.loads(card_path.read_text())
    card["inputs"]["program"] = card["inputs"]["program"][::-1]
    card_path.write_text(json.dumps(card))
    with pytest.raises(ClaraError, match=rf"{card_path}.*clara train scaleout"):
        load_scaleout_model("agilio-cx", tmp_path)
    card["input_schema"] = "clara.scaleout-input/0"
    card_path.write_text(json.dumps(card))
    with pytest.raises(ClaraError, match="input schema"):
        load_scaleout_model("agilio-cx", tmp_path)


def test_gbdt_predicts_slower_for_heavier_programs() -> None:
    light = ProgramFeatures("light", 800.0, {"IMEM": 10.0, "EMEM": 4.0}, table_probes=2,
                            tables=1, stages=4)
    heavy = ProgramFeatures("heavy", 4000.0, {"IMEM": 100.0, "EMEM": 20.0}, table_probes=10,
                            tables=3, stages=12)
    a, b = predict_scaleout(light), predict_scaleout(heavy)
    assert a.model.startswith("gbdt") and a.cores == tuple(GRID)
    assert all(x > y for x, y in zip(a.throughput_pps, b.throughput_pps, strict=True))
    assert 24 <= b.knee_cores <= 60 and 24 <= b.half_latency_cores <= 60


def test_train_eval_and_advise_through_the_cli(tmp_path: Path) -> None:
    csv = tmp_path / "m.csv"
    folder = tmp_path / "dataset_hit"
    folder.mkdir()
    samples = sorted(DATA.glob("dataset_hit/trainingset_feature_*"))[:60]
    for feature in samples:
        shutil.copy(feature, folder)
        shutil.copy(str(feature).replace("feature", "tag"), folder)
    assert run_cli("import", "clara-artifact", str(folder), "-o", str(csv)).returncode == 0
    out = tmp_path / "models"
    proc = run_cli("train", "scaleout", "--measurements", str(csv), "--target", "agilio-cx",
                   "-o", str(out), "--knee-trees", "5", "--curve-trees", "5")
    assert proc.returncode == 0, proc.stderr
    card = json.loads((out / "scaleout-agilio-cx.json").read_text())
    assert card["training_data"]["programs"] == 48
    assert len(card["heldout"]["split"]["programs"]) == 12
    cv = card["knee_source"]["cv_knee_mape"]
    assert set(cv) == {"regressor", "curve", "ratio", "mean"} and "log_ratio" in card["outputs"]
    assert cv[card["knee_source"]["chosen"]]["all"] == min(v["all"] for v in cv.values())
    proc = run_cli("eval", "scaleout", "--data", str(folder), "--models-dir", str(out),
                   "--format", "json")
    assert proc.returncode == 0, proc.stderr
    metrics = json.loads(proc.stdout)["gbdt"]["all"]
    assert metrics["programs"] == 60
    assert metrics["knee_mape"] == metrics[f"{card['knee_source']['chosen']}_knee_mape"]

    features = tmp_path / "f.json"
    write_features_file(features, [ProgramFeatures("nat", 1500.0, {"IMEM": 20.0, "EMEM": 8.0},
                                                   table_probes=4, tables=2, stages=5)])
    proc = run_cli("advise", "scaleout", str(features), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    [advice] = json.loads(proc.stdout)
    assert advice["cores"] == GRID and np.all(np.array(advice["throughput_pps"]) > 0)
    proc = run_cli("advise", "scaleout", str(features), "--model", "analytic")
    assert proc.returncode == 0 and "knee rule" in proc.stdout and "half-latency" in proc.stdout
    features.write_text('{"schema": "clara.program-features/1", "programs": [{"name": "x"}]}')
    proc = run_cli("advise", "scaleout", str(features))
    assert proc.returncode == 1 and "compute_instructions" in proc.stderr
