"""Where the app's index comes from: the shipped one if it is current, else a rebuild in the user cache.

The install folder is read-only on ward PCs, so nothing here ever writes into `shipped_dir`. A rebuild
goes to a temporary sibling of the cache folder and is moved into place (build.py); a lock file keeps
two app instances from building at the same time, and if one does anyway, the last move wins.

The folder also holds the library's prebuilt form (`library.json`, library/compact.py): a folder
is current only when its stamp names this content version, this analyzer, this index format and
this prebuilt-library format, so the two are always replaced together.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from index.analysis import ANALYZER_VERSION
from index.build import INDEX_FORMAT, build_index
from index.search import IndexUnavailable, SearchIndex, read_stamp
from library.compact import COMPACT_FORMAT

log = logging.getLogger(__name__)

LOCK_NAME = ".index-build.lock"
LOCK_STALE_SECONDS = 600  # a lock older than this belongs to a crashed build
LOCK_WAIT_SECONDS = 120


def library_version(root: Path | None) -> str:
    """Content version of the bundled library, or of another library folder (fixtures, tests)."""
    from guideline_content import CONTENT_DIR, content_version

    if root is None or Path(root).resolve() == CONTENT_DIR.resolve():
        return content_version()
    digest = hashlib.sha256()
    files = sorted(p for p in Path(root).rglob("*") if p.is_file() and p.suffix in {".md", ".yaml", ""})
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"local+{digest.hexdigest()[:8]}"


def is_current(index_dir: Path, content_version: str) -> bool:
    """True when the folder holds a finished, readable index of this content and this analyzer."""
    index = open_if_current(index_dir, content_version)
    if index is None:
        return False
    index.close()
    return True


def open_if_current(index_dir: Path, content_version: str) -> SearchIndex | None:
    """The folder's index, opened and checked, when it is current (see is_current); else None.
    Callers that go on to search use this rather than is_current, which would open it twice."""
    stamp = read_stamp(index_dir)
    if not stamp or stamp.get("content_version") != content_version:
        return None
    if stamp.get("analyzer_version") != ANALYZER_VERSION or stamp.get("index_format") != INDEX_FORMAT:
        return None
    if stamp.get("library_format") != COMPACT_FORMAT:
        return None
    try:
        index = SearchIndex.open(index_dir)
    except IndexUnavailable as exc:
        log.warning("index in %s is not usable: %s", index_dir, exc)
        return None
    try:
        index.check()
    except IndexUnavailable as exc:
        log.warning("index in %s is not usable: %s", index_dir, exc)
        index.close()
        return None
    return index


def open_current(shipped_dir: Path, cache_dir: Path, content_version: str) -> SearchIndex | None:
    """The current index (shipped first, then cache), opened; None when neither is current."""
    for folder in (Path(shipped_dir), Path(cache_dir)):
        index = open_if_current(folder, content_version)
        if index is not None:
            return index
    return None


def current_index(shipped_dir: Path, cache_dir: Path, content_version: str) -> Path | None:
    """The folder (shipped first, then cache) that holds a current index, or None: never builds."""
    for folder in (Path(shipped_dir), Path(cache_dir)):
        if is_current(folder, content_version):
            return folder
    return None


def ensure_index(
    shipped_dir: Path,
    cache_dir: Path,
    *,
    library_root: Path | None = None,
    library: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """A current, openable index folder: `shipped_dir` if valid, else `cache_dir` (rebuilt if needed).

    A rebuild indexes `library` when given (the app has read the markdown already, to show the
    reader meanwhile), else the library at `library_root`; `progress(done, total)` follows it."""
    shipped_dir, cache_dir = Path(shipped_dir), Path(cache_dir)
    version = library_version(library_root)
    found = current_index(shipped_dir, cache_dir, version)
    if found is not None:
        return found
    with _build_lock(cache_dir):
        if not is_current(cache_dir, version):  # another instance may have finished while we waited
            if library is None:
                from library.content import load_library

                library = load_library(library_root)
            log.info("building the search index into %s", cache_dir)
            build_index(library, cache_dir, content_version=version, progress=progress)
    return cache_dir


@contextlib.contextmanager
def _build_lock(cache_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock file beside the cache folder; gives up waiting after LOCK_WAIT_SECONDS."""
    cache_dir.parent.mkdir(parents=True, exist_ok=True)
    lock = cache_dir.with_name(f"{cache_dir.name}{LOCK_NAME}")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    handle = None
    while handle is None:
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            if _is_stale(lock) or time.monotonic() > deadline:
                with contextlib.suppress(OSError):
                    lock.unlink()
                continue
            time.sleep(0.2)
    try:
        os.write(handle, str(os.getpid()).encode())
        yield
    finally:
        os.close(handle)
        with contextlib.suppress(OSError):
            lock.unlink()


def _is_stale(lock: Path) -> bool:
    try:
        return time.time() - lock.stat().st_mtime > LOCK_STALE_SECONDS
    except OSError:
        return False
