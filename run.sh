#!/usr/bin/env bash
# Set everything up (first run only) and start BoneMet Guide. Extra arguments go to `bonemet`.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/bootstrap.sh
.venv/bin/bonemet index build --if-stale >/dev/null
exec .venv/bin/bonemet "$@"
