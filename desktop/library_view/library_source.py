"""The guideline library and its search index as the desktop sees them.

`load_backend()` does the slow part (reading the content, checking or rebuilding the index and
opening it) and is meant to run in a background worker; the UI only talks to `LibrarySource`
and to the opened search index. A broken index costs the search, not the library: the reader,
contents and bookmarks keep working.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def load_backend(shipped_dir: Path, cache_dir: Path) -> Backend:
    """Load the library and open a current search index (rebuilt into `cache_dir` if needed)."""
    from index.search import SearchIndex
    from index.store import ensure_index
    from library.content import load_library

    library = load_library()
    try:
        search_index = SearchIndex.open(ensure_index(shipped_dir, cache_dir))
    except Exception as error:  # noqa: BLE001 - the reader still works without search
        log.exception("search index unavailable")
        return Backend(LibrarySource(library), None, str(error))
    return Backend(LibrarySource(library), search_index)
