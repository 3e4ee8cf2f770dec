#!/usr/bin/env bash
# Set everything up (first run only) and run the whole test suite, the linters and the layering check.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports
.venv/bin/python scripts/check_types.py
.venv/bin/python -m pytest "$@"
