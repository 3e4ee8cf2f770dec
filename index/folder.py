"""What an index folder holds and how it is recognised: file names, the format number, the stamp
the build writes last, and the fingerprint (size + SHA-256) of each file.

Kept apart from build.py so that opening an index for search (the app's start, `bonemet search`)
never imports the writing side of whoosh nor the markdown library.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

STAMP_FILE = "stamp.json"
EXPANSIONS_FILE = "expansions.json"
INDEX_FORMAT = 6  # bump when the folder layout, the stamp or the stored fields change
INDEX_NAME = "sections"
WRITELOCK = "_WRITELOCK"
BUILDING, OLD = ".building-", ".old-"  # temporary siblings: a build in progress, a folder being replaced


def read_stamp(index_dir: Path) -> dict[str, Any] | None:
    """The build stamp of an index folder, or None when it is missing or unreadable."""
    try:
        stamp = json.loads((Path(index_dir) / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def file_sha256(path: Path) -> str:
    import hashlib  # loads OpenSSL: not needed to open an index, only to check it (issue 14)

    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def file_record(path: Path) -> dict[str, Any]:
    return {"bytes": path.stat().st_size, "sha256": file_sha256(path)}


def leftover_patterns(target: Path) -> tuple[str, ...]:
    """Glob patterns of the temporary siblings of `target` that builds make (and may leave if killed)."""
    return (f".{target.name}{BUILDING}*", f".{target.name}{OLD}*")
