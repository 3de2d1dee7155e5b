"""``clara-cc`` as a drop-in compiler: same objects and exit status as clang, plus remarks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, run_cli
from test_analyze import load_remarks

from clara.report.remarks import render_remarks

CLARA_CC = [sys.executable, "-m", "clara.cc"]


def make(project: Path, cxx: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "-C", str(project), f"CXX={cxx}", f"CLARA_ROOT={REPO}"],
                          capture_output=True, text=True, check=False)


def clara_cc_script(tmp_path: Path) -> str:
    """A one-line executable that runs this interpreter's clara-cc, usable as CXX."""
    script = tmp_path / "clara-cc"
    script.write_text(f"#!/bin/sh\nexec {sys.executable} -m clara.cc \"$@\"\n")
    script.chmod(0o755)
    return str(script)


def test_make_with_clara_cc_builds_and_reports(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(REPO / "examples" / "make-project", project)
    proc = make(project, clara_cc_script(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert (project / "libnfs.a").is_file()
    for stem in ("mini_nat", "crc_lb"):
        assert (project / f"{stem}.clara.yaml").read_text().count("--- !Analysis") > 0
        assert '"version": "2.1.0"' in (project / f"{stem}.clara.sarif").read_text()
    assert "remark:" in proc.stderr and "[-Rpass-analysis=clara]" in proc.stderr


def test_objects_are_identical_to_plain_clang(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(REPO / "examples" / "make-project", project)
    assert make(project, "clang++-19").returncode == 0
    plain = (project / "mini_nat.o").read_bytes()
    subprocess.run(["make", "-C", str(project), "clean"], check=True, capture_output=True)
    assert make(project, clara_cc_script(tmp_path)).returncode == 0
    assert (project / "mini_nat.o").read_bytes() == plain


def test_failing_compile_keeps_clangs_status_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "broken.cc"
    bad.write_text("int f( { return 0; }\n")
    obj = tmp_path / "broken.o"
    plain = subprocess.run(["clang++-19", "-c", str(bad), "-o", str(obj)],
                           capture_output=True, text=True, check=False)
    wrapped = subprocess.run([*CLARA_CC, "-c", str(bad), "-o", str(obj)],
                             capture_output=True, text=True, check=False)
    assert wrapped.returncode == plain.returncode != 0
    assert "error:" in wrapped.stderr
    assert not list(tmp_path.glob("*.clara.*"))


def test_analysis_failure_never_breaks_the_build(tmp_path: Path) -> None:
    # Nested functions are a GCC extension clang rejects: gcc builds it, the analysis cannot.
    source = tmp_path / "nested.c"
    source.write_text("int outer(int x) { int inner(int y) { return y + 1; } return inner(x); }\n")
    env = {**os.environ, "CLARA_CC_COMPILER": "gcc"}
    proc = subprocess.run([*CLARA_CC, "-c", str(source), "-o", str(tmp_path / "nested.o")],
                          capture_output=True, text=True, check=False, env=env)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "nested.o").is_file()
    assert "clara-cc: warning: Clara's analysis of" in proc.stderr


def test_remarks_are_those_of_clara_analyze(tmp_path: Path) -> None:
    # The same analysis IR and IR-summary insights as `clara analyze`, so the same remarks:
    # the YAML clara-cc rebuilds from feature records equals the clara-remarks pass's, and
    # its clang-style lines equal `clara analyze --format remarks`, less the model-based
    # records (accelerator detection), which a build does not run.
    source = REPO / "examples" / "nfs" / "crc_lb.cc"
    obj = tmp_path / "crc_lb.o"
    wrapped = subprocess.run([*CLARA_CC, f"-I{REPO / 'clara' / 'include'}",
                              f"-I{REPO / 'examples' / 'nfs'}", "-O2", "-g", "-c", str(source),
                              "-o", str(obj)],
                             capture_output=True, text=True, check=False)
    assert wrapped.returncode == 0, wrapped.stderr
    analyzed_yaml = run_cli("analyze", str(source), "--format", "yaml")
    analyzed_json = run_cli("analyze", str(source), "--format", "json")
    assert analyzed_yaml.returncode == analyzed_json.returncode == 0
    expected = [r for r in load_remarks(analyzed_yaml.stdout) if r["Name"] != "accelerator"]
    written = load_remarks((tmp_path / "crc_lb.clara.yaml").read_text())
    assert written and written == expected
    document = json.loads(analyzed_json.stdout)
    document["records"] = [r for r in document["records"] if r["kind"] != "accelerator"]
    assert wrapped.stderr == render_remarks(document)
