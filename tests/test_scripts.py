"""The set-up script's command line: ``--help`` explains without installing anything, and an
unknown argument is refused before anything is installed."""

import subprocess

from conftest import REPO

SETUP = REPO / "scripts" / "setup.sh"


def test_setup_help_explains_without_installing() -> None:
    proc = subprocess.run(["bash", str(SETUP), "--help"], capture_output=True, text=True,
                          check=False, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("scripts/setup.sh [--test]")
    assert "--test" in proc.stdout and "apt packages" in proc.stdout
    assert "setup:" not in proc.stdout  # no installation step ran


def test_setup_refuses_unknown_argument() -> None:
    proc = subprocess.run(["bash", str(SETUP), "--tests"], capture_output=True, text=True,
                          check=False, timeout=30)
    assert proc.returncode == 2
    assert "unknown argument '--tests'" in proc.stderr and "--help" in proc.stderr
    assert proc.stdout == ""
