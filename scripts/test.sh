#!/usr/bin/env bash
# scripts/test.sh: set up Clara with its test extras, then run the whole test suite
# (pytest: unit and end-to-end tests, the plugin's lit tests, ruff). Extra arguments go to
# pytest. Exits non-zero when any test fails or when no test ran.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
exec .venv/bin/python -m pytest -q "$@"
