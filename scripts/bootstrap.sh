#!/usr/bin/env bash
# Sets up everything BoneMet Guide needs on a fresh Debian/Ubuntu machine, and does nothing
# that is already done: the system libraries Qt needs, CJK fonts, a virtualenv in .venv with the
# project and its test tools, and the compiled translations. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's offscreen/xcb platform needs these shared libraries; a minimal Debian lacks them
# (measured one by one in a debootstrap chroot, see the project notes). The CJK font is what
# makes Chinese readable instead of tofu boxes.
APT_PACKAGES=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libfontconfig1 libfreetype6
              libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 fonts-wqy-microhei)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing system packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "bootstrap: need root to install ${missing[*]}; ask your administrator" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# A Python >= 3.11 with venv.
PY=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    PY="$candidate"; break
  fi
done
[ -n "$PY" ] || { echo "bootstrap: Python 3.11 or newer is required" >&2; exit 1; }

stamp_want="$($PY --version 2>&1) $(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -x .venv/bin/python ] || [ "$(cat .venv/.bootstrap-stamp 2>/dev/null)" != "$stamp_want" ]; then
  echo "bootstrap: creating .venv and installing the project (one-off, about a minute)"
  if ! "$PY" -m venv --clear .venv 2>/dev/null; then
    $SUDO apt-get install -y -qq python3-venv >/dev/null && "$PY" -m venv --clear .venv
  fi
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  echo "$stamp_want" > .venv/.bootstrap-stamp
fi

# Compiled translations are build products (not in git); rebuild when a .ts is newer.
for ts in resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  qm="${ts%.ts}.qm"
  if [ ! -e "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done

# Byte-compile the project's packages once: this environment may set PYTHONDONTWRITEBYTECODE,
# and then every source start compiles each project module again (~100+ ms of the app's launch)
# while the frozen build ships bytecode. compileall skips modules whose .pyc is current.
.venv/bin/python -m compileall -q calculator desktop index library guideline_content resources
