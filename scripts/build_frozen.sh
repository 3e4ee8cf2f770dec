#!/usr/bin/env bash
# Build the one-folder frozen app into dist/BoneMetGuide (PyInstaller, no UPX), with the prebuilt
# search index and compiled translations inside, then smoke-test it and write checksums.
# Usage: bash scripts/build_frozen.sh      (about a minute; needs the .venv made by bootstrap.sh)
# Windows: run the same steps in Git Bash or translate them one to one (see docs/deploying.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/python -m pip install -q -e ".[freeze]"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/bonemet.spec
# The frozen app indexes the content it carries (into <bundle>/_internal/prebuilt_index, its
# shipped-index folder), so index and content cannot drift apart even if content is edited mid-build.
exe=dist/BoneMetGuide/bonemet; [ -x "$exe" ] || exe=dist/BoneMetGuide/bonemet.exe
"$exe" index build
# Example patients beside the executables, for the smoke test IT runs on the target PC.
cp -R examples dist/BoneMetGuide/examples
bash scripts/check_frozen.sh dist/BoneMetGuide
