#!/usr/bin/env bash
# Regenerate packaging/requirements-freeze.txt: every package the frozen build installs, pinned, with
# the sha256 of every wheel of that version (Windows and Linux alike), so scripts/build_frozen.sh and
# .github/workflows/windows.yml install exactly these files (pip --require-hashes) on either system.
# Inputs: [project] dependencies and the `freeze` extra of pyproject.toml, for CPython 3.11.
# Run after changing either (see CONTRIBUTING.md); needs the package index; a few minutes with the check.
#
# Why uv: pip-compile resolves for the machine it runs on, so from Linux it would leave out PyInstaller's
# Windows-only dependencies (pefile, pywin32-ctypes); `uv pip compile --universal` resolves for every
# platform at once and writes them with their sys_platform markers. uv is only this script's tool, in
# a throw-away virtualenv; the build itself needs nothing but pip.
set -euo pipefail
cd "$(dirname "$0")/.."
lock=packaging/requirements-freeze.txt
tools="$(mktemp -d)"; trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools/venv"
"$tools/venv/bin/python" -m pip install -q "uv>=0.5,<1"
"$tools/venv/bin/uv" pip compile pyproject.toml --extra freeze --universal --python-version 3.11 \
  --only-binary :all: --generate-hashes --no-emit-package bonemet-guide --quiet -o "$lock"
# Check with pip itself that the Windows wheels are there and match their hashes (pip download with
# --require-hashes fails on a missing or different file). Markers are evaluated for this machine, so
# the two pure-Python Windows-only packages are not fetched here; the Windows workflow installs them.
"$tools/venv/bin/python" -m pip download -q --isolated --require-hashes --no-deps --only-binary=:all: \
  --platform win_amd64 --python-version 3.11 --implementation cp -d "$tools/win" -r "$lock"
echo "wrote $lock ($(grep -c '^[a-z]' "$lock") packages); Windows wheels verified: $(ls "$tools/win" | wc -l)"
