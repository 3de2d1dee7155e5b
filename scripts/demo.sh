#!/usr/bin/env bash
# scripts/demo.sh: set up Clara (scripts/setup.sh) and analyze a bundled example NF for the
# BlueField-2 target over a generated workload (per-block predictions, per-packet cost,
# state placement, scale-out). Extra arguments go to `clara analyze`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/clara analyze examples/nfs/mini_nat.cc --target bluefield2 --workload small-flows "$@"
