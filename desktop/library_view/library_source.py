"""The guideline library and its search index as the desktop sees them.

`load_backend()` does the slow part (finding a current index folder, reading the library's
prebuilt form from it, opening the index) and is meant to run in a background worker; the UI only
talks to `LibrarySource` and to the opened search index. A broken index costs the search, not the
library: the reader, contents and bookmarks keep working.

On a fresh profile from a source checkout there is no current folder yet: the library is then read
from the markdown (the reader works as soon as that is done) and the index is built meanwhile,
reporting its progress. Pages are rendered from markdown only when first opened.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TocItem:
    doc_id: str
    title: str
    summary: str


class LibrarySource:
    """Read-only view of an `library.content.Library` for the reader and the table of contents."""

    def __init__(self, library: Any) -> None:
        self._library = library

    def toc(self, lang: str) -> list[TocItem]:
        return [TocItem(doc.id, doc.title, doc.summary) for doc in self._library.toc(lang)]

    def has(self, doc_id: str, lang: str) -> bool:
        return self._library.get(doc_id, lang) is not None

    def title(self, doc_id: str, lang: str) -> str:
        doc = self._library.get(doc_id, lang)
        return doc.title if doc is not None else doc_id

    def reference_title(self, reference: str, lang: str) -> str | None:
        """ "Document › Section" for a "doc-id#anchor" reference (the document title alone when the
        anchor names no section); None when the document is not in the library."""
        doc_id, _, anchor = reference.partition("#")
        doc = self._library.get(doc_id, lang)
        if doc is None:
            return None
        section = next((s for s in doc.sections if anchor and s.anchor == anchor), None)
        return f"{doc.title} › {section.title}" if section is not None else doc.title

    def html(self, doc_id: str, lang: str) -> str:
        from library.render import document_html

        return document_html(self._library, doc_id, lang)

    def print_html(self, doc_id: str, lang: str) -> str:
        from library.handout import print_html

        return print_html(self._library, doc_id, lang)

    def sources(self) -> list[str]:
        return [ref.citation() for ref in self._library.references.values()]


@dataclass
class Backend:
    source: Any  # LibrarySource or a test double with the same methods
    search_index: Any  # index.search.SearchIndex or a test double; None when it could not be opened
    search_error: str = ""


class BackendReporter(Protocol):
    """Hears from `load_backend` before it returns (called on the worker thread)."""

    def library_ready(self, source: LibrarySource) -> None: ...

    def index_progress(self, done: int, total: int) -> None: ...


def load_backend(shipped_dir: Path, cache_dir: Path, reporter: BackendReporter | None = None) -> Backend:
    """Read the library and open a current search index (rebuilt into `cache_dir` if needed)."""
    from guideline_content import content_version
    from index.search import SearchIndex
    from index.store import ensure_index, open_current
    from library.compact import LIBRARY_FILE, read_compact

    version = content_version()
    search_index = open_current(shipped_dir, cache_dir, version)
    library = None
    if search_index is not None:
        library = read_compact(search_index.index_dir / LIBRARY_FILE, version)
    if library is None:  # no current folder yet, or its prebuilt library is damaged
        from library.content import load_library

        log.info("no prebuilt library in a current index folder: reading the markdown")
        library = load_library()
    source = LibrarySource(library)
    if reporter is not None:
        reporter.library_ready(source)
    if search_index is not None:
        return Backend(source, search_index)
    try:
        progress = reporter.index_progress if reporter is not None else None
        search_index = SearchIndex.open(
            ensure_index(shipped_dir, cache_dir, library=library, progress=progress)
        )
    except Exception as error:  # noqa: BLE001 - the reader still works without search
        log.exception("search index unavailable")
        return Backend(source, None, str(error))
    return Backend(source, search_index)
