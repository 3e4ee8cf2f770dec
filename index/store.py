"""Where the app's index comes from: the shipped one if it is current, else a rebuild in the user cache.

The install folder is read-only on ward PCs, so nothing here ever writes into `shipped_dir`. A rebuild
goes to a temporary sibling of the cache folder and is moved into place (build.py). An operating-system
lock (filelock) keeps two app instances from building at the same time; the OS releases it when its
holder dies, so a build killed mid-way holds nobody up, and the next builder removes the temporary
folders it left. If two build anyway (the lock timed out or is unsupported), the last move wins.

A folder is trusted only when every file the build wrote still has its size and SHA-256 (listed in
the stamp): flipped bytes in a segment otherwise pass whoosh's own reading and leave search empty or
its scores garbled. Hashing the bundled index (3.5 MB) costs a few milliseconds; the app opens it
checking sizes only and verifies it in its search thread before the first search (`verify=False`),
so start-up does not wait for it (figures: docs/architecture.md).

The folder also holds the library's prebuilt form (`library.json`, library/compact.py): a folder
is current only when its stamp names this content version, this analyzer, this index format and
this prebuilt-library format, so the two are always replaced together.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from index.analysis import ANALYZER_VERSION
from index.folder import INDEX_FORMAT, file_sha256, leftover_patterns, read_stamp
from index.search import IndexUnavailable, SearchIndex
from library.ids import COMPACT_FORMAT

log = logging.getLogger(__name__)

LOCK_NAME = ".index-build.lock"
LOCK_WAIT_SECONDS = 120  # a live builder takes seconds; after this we build too (the last move wins)


def library_version(root: Path | None) -> str:
    """Content version of the bundled library, or of another library folder (fixtures, tests)."""
    from guideline_content import CONTENT_DIR, content_version

    if root is None or Path(root).resolve() == CONTENT_DIR.resolve():
        return content_version()
    import hashlib  # not on the app's start path (issue 14)

    digest = hashlib.sha256()
    files = sorted(p for p in Path(root).rglob("*") if p.is_file() and p.suffix in {".md", ".yaml", ""})
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"local+{digest.hexdigest()[:8]}"


def bundled_content_version(folders: tuple[Path, ...]) -> str:
    """The bundled content's version, taken from the first of `folders` whose stamp recorded it
    with a fingerprint that still matches the content files; hashed when none does.

    The frozen app takes it from its shipped index (the first folder) as it is: the build makes
    content and index together (scripts/build_frozen.sh, checked by check_frozen.sh) and the install
    folder is read-only, but copying or unzipping it changes the files' times (a zip keeps them to
    2 s), so the fingerprint would never match and every start would hash 700 KB for nothing. The
    index's own files are still checked against their hashes before the first search."""
    import guideline_content

    if getattr(sys, "frozen", False):
        version = (read_stamp(folders[0]) or {}).get("content_version") if folders else None
        if isinstance(version, str):
            guideline_content.trust_version(version)
            return version
    for folder in folders:
        stamp = read_stamp(folder) or {}
        version = stamp.get("content_version")
        if isinstance(version, str) and guideline_content.adopt_version(version, stamp.get("content_files")):
            return version
    return guideline_content.content_version()


def damaged_files(index_dir: Path, stamp: dict, *, hashes: bool = True) -> list[str]:
    """The stamped files of a folder that are missing or differ from what the build wrote (size,
    then SHA-256 unless `hashes` is False); a stamp listing no files counts as damage. Never raises."""
    files = stamp.get("files")
    if not isinstance(files, dict) or not files:
        return ["the stamp lists no files"]
    problems = []
    for name, record in files.items():
        path = Path(index_dir) / str(name)
        if not isinstance(record, dict) or path.parent != Path(index_dir):
            problems.append(f"{name}: bad stamp entry")
            continue
        try:
            if not path.is_file() or path.stat().st_size != record.get("bytes"):
                problems.append(f"{name}: size differs")
            elif hashes and file_sha256(path) != record.get("sha256"):
                problems.append(f"{name}: content differs")
        except OSError as exc:
            problems.append(f"{name}: {exc}")
    return problems


def intact_file(index_dir: Path, name: str, content_version: str) -> Path | None:
    """One file of a folder of this content version, when it is as the build wrote it; None otherwise.
    The app reads the prebuilt library this way, so a damaged search part does not cost the reader."""
    stamp = read_stamp(index_dir)
    files = stamp.get("files") if stamp else None
    if not stamp or stamp.get("content_version") != content_version or not isinstance(files, dict):
        return None
    if name not in files or damaged_files(index_dir, {"files": {name: files[name]}}):
        return None
    return Path(index_dir) / name


def is_current(index_dir: Path, content_version: str, damage: list[str] | None = None) -> bool:
    """True when the folder holds a finished, intact, readable index of this content and analyzer."""
    index = open_if_current(index_dir, content_version, damage)
    if index is None:
        return False
    index.close()
    return True


def open_if_current(
    index_dir: Path, content_version: str, damage: list[str] | None = None, *, verify: bool = True
) -> SearchIndex | None:
    """The folder's index, opened and checked, when it is current (see is_current); else None.
    Callers that go on to search use this rather than is_current, which would open it twice.
    A folder of this version that is damaged (not merely missing or older) is described in `damage`.
    With `verify` False only the files' sizes are checked here: the caller must run
    `verify_index(index)` before the index answers a search (the app does, first thing in its one
    search thread, so start-up does not wait for the hashing)."""
    stamp = read_stamp(index_dir)
    if not stamp or stamp.get("content_version") != content_version:
        return None
    if stamp.get("analyzer_version") != ANALYZER_VERSION or stamp.get("index_format") != INDEX_FORMAT:
        return None
    if stamp.get("library_format") != COMPACT_FORMAT:
        return None
    problems = damaged_files(index_dir, stamp, hashes=verify)
    if problems:
        return _damaged(index_dir, "; ".join(problems[:3]), damage)
    try:
        index = SearchIndex.open(index_dir, stamp)
    except IndexUnavailable as exc:
        return _damaged(index_dir, str(exc), damage)
    problems = verify_index(index, hashes=False) if verify else []
    if problems:
        return _damaged(index_dir, problems[0], damage)
    return index


def verify_index(index: SearchIndex, *, hashes: bool = True) -> list[str]:
    """What is wrong with an open index: files that differ from its stamp (unless `hashes` is
    False), else a part whoosh cannot read. A damaged index is closed, so that a search queued
    behind this check finds nothing rather than reading it. Never raises."""
    problems = damaged_files(index.index_dir, index.stamp) if hashes else []
    if not problems:
        try:
            index.check()
        except IndexUnavailable as exc:
            problems = [str(exc)]
    if problems:
        index.close()
    return problems


def _damaged(index_dir: Path, reason: str, damage: list[str] | None) -> None:
    log.warning("index in %s is not usable: %s", index_dir, reason)
    if damage is not None and f"{index_dir}: {reason}" not in damage:  # met again by ensure_index
        damage.append(f"{index_dir}: {reason}")


def open_current(
    shipped_dir: Path,
    cache_dir: Path,
    content_version: str,
    damage: list[str] | None = None,
    *,
    verify: bool = True,
) -> SearchIndex | None:
    """The current index (shipped first, then cache), opened; None when neither is current.
    `verify` as in open_if_current."""
    for folder in (Path(shipped_dir), Path(cache_dir)):
        index = open_if_current(folder, content_version, damage, verify=verify)
        if index is not None:
            return index
    return None


def current_index(
    shipped_dir: Path, cache_dir: Path, content_version: str, damage: list[str] | None = None
) -> Path | None:
    """The folder (shipped first, then cache) that holds a current index, or None: never builds."""
    for folder in (Path(shipped_dir), Path(cache_dir)):
        if is_current(folder, content_version, damage):
            return folder
    return None


def ensure_index(
    shipped_dir: Path,
    cache_dir: Path,
    *,
    library_root: Path | None = None,
    library: Any = None,
    progress: Callable[[int, int], None] | None = None,
    damage: list[str] | None = None,
) -> Path:
    """A current, openable index folder: `shipped_dir` if valid, else `cache_dir` (rebuilt if needed).

    A rebuild indexes `library` when given (the app has read the markdown already, to show the
    reader meanwhile), else the library at `library_root`; `progress(done, total)` follows it.
    Damaged folders met on the way are described in `damage` (see open_if_current)."""
    shipped_dir, cache_dir = Path(shipped_dir), Path(cache_dir)
    version = library_version(library_root)
    found = current_index(shipped_dir, cache_dir, version, damage)
    if found is not None:
        return found
    with _build_lock(cache_dir) as locked:
        if locked:
            remove_leftovers(cache_dir)
        if not is_current(cache_dir, version):  # another instance may have finished while we waited
            if library is None:
                from library.content import load_library

                library = load_library(library_root)
            from index.build import build_index

            log.info("building the search index into %s", cache_dir)
            build_index(library, cache_dir, content_version=version, progress=progress)
    return cache_dir


@contextlib.contextmanager
def _build_lock(cache_dir: Path) -> Iterator[bool]:
    """Hold the operating system's lock on a file beside the cache folder; yields whether it is held.

    Released by the OS when its holder dies (kill -9, power cut), so a crashed build never makes the
    next one wait. After LOCK_WAIT_SECONDS, or where the file system has no locks, we build anyway."""
    from filelock import FileLock, Timeout

    cache_dir.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(cache_dir.with_name(f"{cache_dir.name}{LOCK_NAME}")), timeout=LOCK_WAIT_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        log.warning("another instance has been building the index for %s s: building too", LOCK_WAIT_SECONDS)
        yield False
        return
    except (OSError, NotImplementedError) as exc:  # a file system without locks (some network drives)
        log.warning("cannot lock %s (%s): building without the lock", lock.lock_file, exc)
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def remove_leftovers(cache_dir: Path) -> list[str]:
    """Remove the temporary folders of builds that died (called holding the build lock, when no other
    build into `cache_dir` can be running); returns their names."""
    removed = []
    folders = [
        f for pattern in leftover_patterns(Path(cache_dir)) for f in Path(cache_dir).parent.glob(pattern)
    ]
    for folder in folders:
        if folder.is_dir():
            log.info("removing %s, left by an interrupted index build", folder)
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed
