"""The bundled guideline library as data: markdown documents, references and synonyms.

Only the location of the files and the content version live here (standard library only), so
that the calculator can report the version and the index can read the files without either
package importing the other.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

# The languages the content, the clinical texts and the UI are written in, in display order: the one
# list every package reads (the calculator and the library may both import this data package).
LANGUAGES = ("zh", "en")

CONTENT_DIR = Path(str(files(__name__)))
DOCS_DIR = CONTENT_DIR / "docs"


def content_files() -> list[Path]:
    """Every file that makes up the content, in a stable order (what the version hashes)."""
    found = [p for p in CONTENT_DIR.rglob("*") if p.is_file() and p.suffix in {".md", ".yaml"}]
    found.append(CONTENT_DIR / "EDITION")
    return sorted(found, key=lambda p: p.relative_to(CONTENT_DIR).as_posix())


@lru_cache(maxsize=1)
def content_version() -> str:
    """Edition date plus a short hash of every content file, e.g. ``2026-11-26+3f9a1c2e``."""
    digest = hashlib.sha256()
    for path in content_files():
        if not path.exists():
            continue
        digest.update(path.relative_to(CONTENT_DIR).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
        digest.update(b"\0")
    return f"{edition_date()}+{digest.hexdigest()[:8]}"


def edition_date() -> str:
    """The ISO date of this content edition (the EDITION file, edited when content is released)."""
    edition = CONTENT_DIR / "EDITION"
    return edition.read_text(encoding="utf-8").strip() if edition.exists() else "unreleased"
