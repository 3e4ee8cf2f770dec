#!/usr/bin/env bash
# Build the one-folder frozen app into dist/BoneMetGuide (PyInstaller, no UPX), with the prebuilt
# search index and compiled translations inside, then smoke-test it and write checksums.
# Windows: run the same steps in Git Bash or translate them one to one (see docs/deploying.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/python -m pip install -q -e ".[freeze]"
rm -rf build/index
.venv/bin/bonemet index build --out build/index
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/bonemet.spec
bash scripts/check_frozen.sh dist/BoneMetGuide
