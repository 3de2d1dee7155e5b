#!/usr/bin/env bash
# scripts/demo.sh: set up Clara (scripts/setup.sh) and analyze a bundled example NF.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/clara analyze examples/nfs/mini_nat.cc "$@"
