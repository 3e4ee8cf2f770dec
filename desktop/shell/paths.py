"""The one home for file locations: install folder, shipped index, per-user data, cache, logs.

Works from a source checkout, from an installed package and from a PyInstaller bundle, and never
points anything writable into the install folder (ward PCs install read-only). A ``portable.txt``
file beside the executable keeps all per-user data in ``data/`` next to it instead; the
``BONEMET_HOME`` environment variable (used by the tests) puts everything under one folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "BoneMetGuide"
APP_AUTHOR = "BoneMet"
PORTABLE_MARKER = "portable.txt"


def install_root() -> Path:
    """Folder the app runs from: the bundle folder when frozen, else the source checkout."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[2]


def executable_dir() -> Path:
    """Folder holding the executable (where a portable marker would sit)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return install_root()


def shipped_index_dir() -> Path:
    """The prebuilt, read-only search index that ships with the app (made by the build step)."""
    frozen_copy = install_root() / "prebuilt_index"
    return frozen_copy if getattr(sys, "frozen", False) else install_root() / "build" / "index"


@dataclass(frozen=True)
class UserDirs:
    config: Path
    data: Path
    cache: Path
    log: Path
    portable: bool = False


def user_dirs() -> UserDirs:
    """Per-user writable folders (not created here; writers create what they need)."""
    home = os.environ.get("BONEMET_HOME")
    if home:
        return _under(Path(home), portable=False)
    marker_dir = executable_dir()
    if (marker_dir / PORTABLE_MARKER).exists():
        return _under(marker_dir / "data", portable=True)
    import platformdirs

    return UserDirs(
        config=Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR, roaming=False)),
        data=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
        log=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
    )


def _under(root: Path, portable: bool) -> UserDirs:
    return UserDirs(
        config=root / "config", data=root / "data", cache=root / "cache", log=root / "log", portable=portable
    )
