"""Shared fixtures: paths of the repository, its examples, and a way to run the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "nfs"
SHARED_DATA = REPO.parent / "shared" / "data"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``clara ARGS`` in a fresh interpreter, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "clara.cli", *args],
        capture_output=True, text=True, cwd=cwd, check=False,
    )


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def example_nfs() -> list[Path]:
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".cc", ".c"))
    assert files, f"no example NFs in {EXAMPLES}"
    return files


def opt(instructions: float, memory: float) -> dict[str, float]:
    """An ``opt`` record of code with no calls (so nothing folded into API code)."""
    return {"instructions": instructions, "memory": memory, "calls": 0.0, "api": 0.0,
            "api_memory": 0.0}
