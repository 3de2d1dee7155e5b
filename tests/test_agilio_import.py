"""Importing the Clara artifact's Agilio CX files, the measurements CSV, and the features
derived from the template with the README cost table."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import SHARED_DATA, run_cli

from clara.dataset.agilio_artifact import (
    read_artifact,
    read_colocation_dir,
    read_scaleout_dir,
    scaleout_rows,
    tidy_rows,
)
from clara.dataset.measurements import read_measurements, write_measurements
from clara.errors import ClaraError
from clara.insights.program_features import from_template

DATA = SHARED_DATA / "clara-agilio"
HIT = DATA / "scale_out" / "dataset_hit"
COLOCATION = DATA / "nf_colocation" / "dataset"


@pytest.fixture(scope="module", autouse=True)
def data_present() -> None:
    assert HIT.is_dir() and COLOCATION.is_dir(), (
        f"the Agilio CX measurements are missing: expected {DATA} (shared/data/clara-agilio "
        "beside the repository)"
    )


def copy_samples(src: Path, dst: Path, samples: list[int]) -> Path:
    dst.mkdir(parents=True)
    for n in samples:
        for prefix in ("trainingset_feature_", "trainingset_tag_"):
            shutil.copy(src / f"{prefix}{n}", dst / f"{prefix}{n}")
    return dst


def test_scaleout_sample_parsed_from_real_file(tmp_path: Path) -> None:
    # Values read off scale_out/dataset_hit/trainingset_{feature,tag}_1 by eye.
    [program] = read_scaleout_dir(copy_samples(HIT, tmp_path / "dataset_hit", [1]))
    assert program.name == "dataset_hit/1"
    assert program.cores == (24, 30, 36, 42, 48, 54, 60)
    assert program.program.configs[:3] == (34, 23, 3)
    assert len(program.program.choices) == 35 and program.program.choices[-1] == 1
    first, last = program.runs[0], program.runs[-1]
    assert first.throughput_pps == pytest.approx(4923251.70246)
    assert first.latency_cycles == pytest.approx(15908.48)
    assert first.cycles_per_packet == pytest.approx(9301.67166146)
    assert last.throughput_pps == pytest.approx(6695694.15119)
    assert first.source.endswith("trainingset_tag_1:2")


def test_whole_folders_match_readme_counts() -> None:
    assert len(read_scaleout_dir(HIT)) == 704  # README: 704 programs
    problems: list[str] = []
    groups = read_colocation_dir(COLOCATION, problems)
    # README: 352 groups; two files repeat record 1 (restarted runs) and are reported.
    assert len(groups) + len(problems) == 352
    assert all(":" in p and "record number 1 repeated" in p for p in problems)
    with pytest.raises(ClaraError, match=r"trainingset_feature_\d+:\d+"):
        read_colocation_dir(COLOCATION)


def test_colocation_group_structure(tmp_path: Path) -> None:
    [group] = read_colocation_dir(copy_samples(COLOCATION, tmp_path / "dataset", [1]))
    assert [(p.first, p.second) for p in group.pairs] == [
        (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    assert len(group.programs[0].choices) == 30 and len(group.programs[0].configs) == 27
    assert all(s.throughput_pps > 0 for s in group.solo)


def test_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    folder = copy_samples(HIT, tmp_path / "dataset_hit", [1, 2])
    feature = folder / "trainingset_feature_2"
    lines = feature.read_text().splitlines()
    assert lines[2].startswith("('configs: '")
    lines[2] = re.sub(r"'\d+'", "'x'", lines[2], count=1)  # line 3: the first configs list
    feature.write_text("\n".join(lines) + "\n")
    with pytest.raises(ClaraError, match=rf"{feature}:3: configs entry 'x'"):
        read_scaleout_dir(folder)
    problems: list[str] = []
    assert [p.sample for p in read_scaleout_dir(folder, problems)] == [1]
    assert problems and f"{feature}:3" in problems[0]


def test_missing_tag_and_bad_tag_line(tmp_path: Path) -> None:
    folder = copy_samples(HIT, tmp_path / "dataset_hit", [1])
    tag = folder / "trainingset_tag_1"
    text = tag.read_text().splitlines()
    text[1] = text[1].replace("throughput:", "thruput:")
    tag.write_text("\n".join(text) + "\n")
    with pytest.raises(ClaraError, match=rf"{tag}:2: missing fields \['throughput'\]"):
        read_scaleout_dir(folder)
    tag.unlink()
    with pytest.raises(ClaraError, match="its tag file trainingset_tag_1 is missing"):
        read_scaleout_dir(folder)


def test_unknown_workload_folder_name(tmp_path: Path) -> None:
    folder = copy_samples(HIT, tmp_path / "dataset", [1])
    with pytest.raises(ClaraError, match="name the scale-out folder"):
        read_scaleout_dir(folder)


def test_features_of_a_real_program_by_hand() -> None:
    # dataset_hit/1 (choices/configs in its feature file), README cost table:
    # IPFilter 60x34 + 60x23, AverageCounter 40, Counter 20, WebGen 15x3+105, UDPIPEncap 56,
    # TCPDemux 40x4, TCPConn 12x4, compute loops 10x(3+1), CRC loops 25x(1+8).
    [program] = [p for p in read_scaleout_dir(HIT) if p.sample == 1]
    f = from_template("p", program.program.choices, program.program.configs, 1.0)
    assert f.compute_instructions == 2040 + 1380 + 40 + 20 + 150 + 56 + 160 + 48 + 40 + 225
    assert f.accesses("IMEM") == 2 * 34 + 2 * 23 + 2 + 2
    assert f.accesses("EMEM") == 3 + 4 * 4 + 4
    assert (f.atomic_updates, f.locked_updates) == (2, 1)
    assert f.accelerator_calls == {"crc": 9}
    assert (f.table_probes, f.tables, f.stages) == (3 + 4 + 4, 3, 15)


def test_flow_table_costs_by_hand() -> None:
    choices = [0] * 35
    configs = [0] * 32
    choices[5], configs[2], configs[3] = 1, 2, 3  # FTPPortMapper, depths 2 and 3
    choices[2], configs[4] = 1, 4  # IPRewriter, depth 4
    f = from_template("t", choices, configs, 0.0)
    assert f.compute_instructions == (35 * 5 + 60) + (35 * 4 + 30)
    assert f.accesses("EMEM") == 2 * 5 + 2 * 4 and f.accesses("IMEM") == 0
    assert (f.table_probes, f.tables, f.stages, f.hit_fraction) == (9, 3, 2, 0.0)
    with pytest.raises(ClaraError, match="35 choices and 32 configs"):
        from_template("t", choices[:20], configs, 1.0)


def test_csv_round_trip_and_errors(tmp_path: Path) -> None:
    folder = copy_samples(HIT, tmp_path / "dataset_hit", [1, 2])
    rows = tidy_rows(read_artifact(folder))
    path = tmp_path / "m.csv"
    write_measurements(path, rows)
    back = read_measurements(path)
    assert [(r.program, r.cores, r.throughput_pps, r.features) for r in back] == [
        (r.program, r.cores, r.throughput_pps, r.features) for r in rows]
    lines = path.read_text().splitlines()
    cells = lines[2].split(",")
    cells[6] = "fast"  # throughput_pps of the second data row (file line 3)
    lines[2] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ClaraError, match=rf"{path}:3: column 'throughput_pps' is not a number"):
        read_measurements(path)
    path.write_text("program,cores\nx,1\n")
    with pytest.raises(ClaraError, match=rf"{path}:1: missing required columns"):
        read_measurements(path)


def test_import_command(tmp_path: Path) -> None:
    root = tmp_path / "artifact"
    copy_samples(HIT, root / "scale_out" / "dataset_hit", [1, 2, 3])
    copy_samples(COLOCATION, root / "nf_colocation" / "dataset", [1])
    out = tmp_path / "all.csv"
    proc = run_cli("import", "clara-artifact", str(root), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = read_measurements(out)
    assert sum(r.kind == "scaleout" for r in rows) == 3 * 7
    assert sum(r.kind == "solo" for r in rows) == 4
    assert sum(r.kind == "pair" for r in rows) == 12
    assert len(scaleout_rows(read_artifact(root).scaleout)) == 21
    proc = run_cli("import", "clara-artifact", str(tmp_path / "nowhere"), "-o", str(out))
    assert proc.returncode == 1 and "no such directory" in proc.stderr
