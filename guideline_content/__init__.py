"""The bundled guideline library as data: markdown documents, references and synonyms.

Only the location of the files and the content version live here (standard library only), so
that the calculator can report the version and the index can read the files without either
package importing the other.
"""

from __future__ import annotations

import os
from pathlib import Path

# The languages the content, the clinical texts and the UI are written in, in display order: the one
# list every package reads (the calculator and the library may both import this data package).
LANGUAGES = ("zh", "en")

# From this file, not importlib.resources (about 5 ms to import, issue 14): the frozen build keeps
# this a real package beside its files.
CONTENT_DIR = Path(__file__).resolve().parent
DOCS_DIR = CONTENT_DIR / "docs"


def content_names() -> list[str]:
    """Every file that makes up the content, as a "/"-separated path in the content folder, in a
    stable order (what the version hashes). os.walk: the app lists them at every start."""
    names = ["EDITION"]
    for folder, _subfolders, files in os.walk(CONTENT_DIR):
        prefix = Path(folder).relative_to(CONTENT_DIR).as_posix()
        prefix = "" if prefix == "." else f"{prefix}/"
        names += [prefix + name for name in files if name.endswith((".md", ".yaml"))]
    return sorted(names)


def content_files() -> list[Path]:
    """The content files (see content_names) as paths."""
    return [CONTENT_DIR / name for name in content_names()]


_version: str | None = None  # this process's answer: content is not edited under a running app


def content_version() -> str:
    """Edition date plus a short hash of every content file, e.g. ``2026-11-26+3f9a1c2e``."""
    global _version
    if _version is None:
        _version = fingerprinted_version()[0]
    return _version


def content_fingerprint() -> dict[str, list[int]]:
    """Size and modification time (ns) of every content file, by its path in the content folder."""
    found = {}
    for name in content_names():
        try:
            status = os.stat(CONTENT_DIR / name)
        except OSError:
            continue
        found[name] = [status.st_size, status.st_mtime_ns]
    return found


def fingerprinted_version() -> tuple[str, dict[str, list[int]] | None]:
    """The content version hashed now, with the fingerprint of the files it was hashed from (None
    when a file changed meanwhile). An index build records both in its stamp (index/folder.py)."""
    import hashlib  # loads OpenSSL: not on the way to the first paint, which imports this module

    before = content_fingerprint()
    digest = hashlib.sha256()
    for path in content_files():
        if not path.exists():
            continue
        digest.update(path.relative_to(CONTENT_DIR).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
        digest.update(b"\0")
    version = f"{edition_date()}+{digest.hexdigest()[:8]}"
    return version, before if content_fingerprint() == before else None


def adopt_version(version: str, fingerprint: object) -> bool:
    """Take `version` as this content's without hashing it, when `fingerprint` (recorded with it)
    still matches every file's size and modification time: the check Python itself makes before
    trusting a .pyc. True when `version` is this content's version. Hashing the 700 KB of content
    cost every start about 8 ms, OpenSSL's loading included (issue 14)."""
    global _version
    if _version is None and isinstance(fingerprint, dict) and fingerprint == content_fingerprint():
        _version = version
    return content_version() == version


def trust_version(version: str) -> None:
    """Take `version` as this content's without checking the files (the frozen app, whose content
    and shipped index are built together and installed read-only: see index.store)."""
    global _version
    if _version is None:
        _version = version


def edition_date() -> str:
    """The ISO date of this content edition (the EDITION file, edited when content is released)."""
    edition = CONTENT_DIR / "EDITION"
    return edition.read_text(encoding="utf-8").strip() if edition.exists() else "unreleased"
