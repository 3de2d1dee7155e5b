"""Finding LLVM 19 and the plugin, and the plugin's own lit + FileCheck suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO, run_cli

from clara.toolchain.llvm import find_plugin


def test_missing_llvm_names_the_packages(tmp_path: Path) -> None:
    source = REPO / "examples" / "nfs" / "mini_nat.cc"
    env = {**os.environ, "CLARA_LLVM_BINDIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "clara.cli", "analyze", str(source)],
                          capture_output=True, text=True, check=False, env=env)
    assert proc.returncode == 1
    assert "apt-get install clang-19 llvm-19-dev" in proc.stderr


def test_plugin_lit_suite() -> None:
    env = {**os.environ, "CLARA_PLUGIN": str(find_plugin())}
    lit = Path(sys.executable).parent / "lit"  # the venv's lit script (no `python -m lit`)
    proc = subprocess.run([str(lit), "-v", str(REPO / "clara_passes" / "test")],
                          capture_output=True, text=True, check=False, env=env)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "Passed" in proc.stdout


def test_opt_prints_feature_records_with_the_plugin(tmp_path: Path) -> None:
    source = REPO / "examples" / "nfs" / "mini_nat.cc"
    ir = tmp_path / "mini_nat.ll"
    subprocess.run(["clang++-19", "-O0", "-g", "-Xclang", "-disable-O0-optnone",
                    "-fno-discard-value-names", "-I", str(REPO / "clara" / "include"),
                    "-S", "-emit-llvm", "-o", str(ir), str(source)], check=True)
    proc = subprocess.run(["opt-19", f"-load-pass-plugin={find_plugin()}",
                           "-passes=clara-prepare,clara-features", "-disable-output", str(ir)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    records = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert any('"record":"block"' in r.replace(" ", "") for r in records)


def test_clara_help_lists_commands() -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0
    listed = [line.split()[0] for line in proc.stdout.splitlines()
              if line.startswith("    ") and not line.startswith("     ")]
    # Every command, the main job first (argparse would list the groups first).
    assert listed == ["analyze", "profile", "workload", "targets", "advise", "synth", "dataset",
                      "train", "eval", "import"]


def test_a_wheel_carries_the_plugin_and_the_shipped_models(tmp_path: Path) -> None:
    """A non-editable install must analyze without the source tree: the wheel holds the plugin
    and every shipped model file next to the package."""
    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".venv", "build", ".git", "__pycache__", "*.egg-info"))
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                           "-w", str(tmp_path / "dist"), str(source)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    (wheel,) = (tmp_path / "dist").glob("clara_nf-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "clara/lib/libClaraPasses.so" in names
    shipped = {f"clara/models_onnx/{p.name}" for p in (REPO / "models_onnx").iterdir()}
    assert shipped and shipped <= names
