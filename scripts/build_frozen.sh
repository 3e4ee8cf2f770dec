#!/usr/bin/env bash
# Build the one-folder frozen app into dist/BoneMetGuide (PyInstaller, no UPX), with the prebuilt
# search index and compiled translations inside, then smoke-test it and write checksums.
# Usage: bash scripts/build_frozen.sh      (about a minute; needs the .venv made by bootstrap.sh)
# Windows: run the same steps in Git Bash or translate them one to one (see docs/deploying.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh   # the dev .venv: compiles the translations (.qm) the spec bundles
# A clean virtualenv with exactly the locked, hash-checked wheels (packaging/requirements-freeze.txt,
# made by scripts/lock_freeze.sh): what gets frozen is what was reviewed, not whatever the index has today.
# The project itself is not installed: the spec takes the packages from the source tree.
freeze_venv=build/freeze-venv
if [ ! -e "$freeze_venv/.lock-stamp" ] || ! cmp -s packaging/requirements-freeze.txt "$freeze_venv/.lock-stamp"; then
  .venv/bin/python -m venv --clear "$freeze_venv"   # same interpreter as the dev .venv; its bundled pip
  "$freeze_venv/bin/python" -m pip install -q --require-hashes --only-binary=:all: -r packaging/requirements-freeze.txt
  cp packaging/requirements-freeze.txt "$freeze_venv/.lock-stamp"
fi
"$freeze_venv/bin/python" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/bonemet.spec
# The frozen app indexes the content it carries (into <bundle>/_internal/prebuilt_index, its
# shipped-index folder), so index and content cannot drift apart even if content is edited mid-build.
exe=dist/BoneMetGuide/bonemet; [ -x "$exe" ] || exe=dist/BoneMetGuide/bonemet.exe
"$exe" index build
# Example patients beside the executables, for the smoke test IT runs on the target PC.
cp -R examples dist/BoneMetGuide/examples
bash scripts/check_frozen.sh dist/BoneMetGuide
