"""The guideline library and its search index as the desktop sees them.

`load_backend()` does the slow part (finding a current index folder, opening the index, reading
the library's prebuilt form from the same folder) and is meant to run in a background worker; it
hands the opened index to the window before it reads the library, so search is ready first. The UI
only talks to `LibrarySource` and to the opened search index. A broken index costs the search, not
the library: the reader, contents and bookmarks keep working. The index folder's `library.json` is
used whenever it is intact, even when the folder's search part is damaged.

The index is opened checking its files' sizes; their hashes are checked by `verify` as the first
task of the search thread, before any query. A damaged index (its files differ from the sizes and
hashes in its stamp) is then rebuilt into the cache, as it is when a search raises
(`Backend.repair`); the window tells the user.

On a fresh profile from a source checkout there is no current folder yet: the library is then read
from the markdown (the reader works as soon as that is done) and the index is built meanwhile,
reporting its progress. Pages are rendered from markdown only when first opened.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # imported lazily at run time: loading them is the slow part of start-up
    from index.search import Hit
    from library.content import Library

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TocItem:
    doc_id: str
    title: str
    summary: str


class LibraryReader(Protocol):
    """What the reader, the contents and the main window ask of the library (LibrarySource or a test double)."""

    def toc(self, lang: str) -> list[TocItem]: ...
    def has(self, doc_id: str, lang: str) -> bool: ...
    def title(self, doc_id: str, lang: str) -> str: ...
    def reference_title(self, reference: str, lang: str) -> str | None: ...
    def html(self, doc_id: str, lang: str) -> str: ...
    def sources(self) -> list[str]: ...


class SearchBackend(Protocol):
    """What the search controller asks of the index (index.search.SearchIndex or a test double)."""

    def search(self, query: str, lang: str = ..., limit: int = ...) -> list[Hit]: ...
    def expansions(self, query: str) -> list[str]: ...


class LibrarySource:
    """Read-only view of an `library.content.Library` for the reader and the table of contents."""

    def __init__(self, library: Library) -> None:
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
    source: LibraryReader
    search_index: SearchBackend | None  # None when it could not be opened
    search_error: str = ""
    index_rebuilt: bool = False  # a damaged index was found and rebuilt: the user is told
    # repair(search_index) after a search raised: a Backend with a rebuilt index when the files
    # were damaged, with the same index when they are intact; None where nothing can be rebuilt.
    repair: Callable[[Any], Backend] | None = None
    # verify() -> the problems found, when the index was opened before its files were hashed: run
    # before its first search (the search thread's first task); a damaged index is closed by it.
    # None when there is nothing to verify, or when it went with BackendReporter.index_ready.
    verify: Callable[[], list[str]] | None = None


class BackendReporter(Protocol):
    """Hears from `load_backend` before it returns (called on the worker thread): an index opened,
    before the library is read (search need not wait for it); or, when the index has to be built
    first, the library as soon as it is read, then the build's progress."""

    def index_ready(self, search_index: Any, verify: Callable[[], list[str]]) -> None: ...

    def library_ready(self, source: LibrarySource) -> None: ...

    def index_progress(self, done: int, total: int) -> None: ...


def load_backend(shipped_dir: Path, cache_dir: Path, reporter: BackendReporter | None = None) -> Backend:
    """Read the library and open a current search index (rebuilt into `cache_dir` if needed).

    Nothing the index does can take the library down: its faults cost the search only."""
    damage: list[str] = []
    try:
        from index.store import bundled_content_version, open_current

        version = bundled_content_version((shipped_dir, cache_dir))
        # Verified (hashed, read once) in the search thread before the first search
        # (Backend.verify), not here: search is ready sooner (issue 14).
        search_index = open_current(shipped_dir, cache_dir, version, damage, verify=False)
    except Exception:  # noqa: BLE001 - the reader still works without search
        log.exception("search index unavailable")
        from guideline_content import content_version

        version, search_index = content_version(), None
    verify = functools.partial(_verify, search_index) if search_index is not None else None
    if reporter is not None and verify is not None:
        # Search is ready now; the library (about 10 ms more) follows in the Backend.
        reporter.index_ready(search_index, verify)
        verify = None  # the receiver runs it
    library = _prebuilt_library(search_index, (shipped_dir, cache_dir), version)
    markdown = None  # the full library: a build indexes section text, which the prebuilt form lacks
    if library is None:  # no current folder yet, or its prebuilt library is damaged
        from library.content import load_library

        log.info("no prebuilt library in a current index folder: reading the markdown")
        library = markdown = load_library()
    source = LibrarySource(library)
    build = functools.partial(_build_index, shipped_dir, cache_dir, markdown, source, reporter)
    if search_index is not None:
        return Backend(source, search_index, repair=functools.partial(_repair, build, source), verify=verify)
    if reporter is not None:  # the build takes seconds: the reader need not wait for it
        reporter.library_ready(source)
    return build(damage)


def _prebuilt_library(search_index: Any, folders: tuple[Path, ...], version: str) -> Any:
    """The library's prebuilt form from the open index's folder, else from any folder of this version
    whose `library.json` is intact even if its search part is not; None when there is none."""
    from index.store import intact_file
    from library.compact import read_compact
    from library.ids import LIBRARY_FILE

    if search_index is not None:
        folders = (search_index.index_dir,)
    for folder in folders:
        try:
            path = intact_file(folder, LIBRARY_FILE, version)
            library = read_compact(path, version) if path is not None else None
        except Exception:  # noqa: BLE001 - the markdown is always there to fall back on
            log.exception("prebuilt library in %s unusable", folder)
            library = None
        if library is not None:
            return library
    return None


def _build_index(
    shipped_dir: Path,
    cache_dir: Path,
    library: Any,
    source: LibrarySource,
    reporter: BackendReporter | None,
    damage: list[str],
) -> Backend:
    """Build a current index into the cache (unless one appeared meanwhile) and open it; from
    `library` when given (read from the markdown already), else from the markdown."""
    from index.search import SearchIndex
    from index.store import ensure_index

    build = functools.partial(_build_index, shipped_dir, cache_dir, library, source, reporter)
    repair = functools.partial(_repair, build, source)
    try:
        progress = reporter.index_progress if reporter is not None else None
        search_index = SearchIndex.open(
            ensure_index(shipped_dir, cache_dir, library=library, progress=progress, damage=damage)
        )
    except Exception as error:  # noqa: BLE001 - the reader still works without search
        log.exception("search index unavailable")
        return Backend(source, None, str(error), repair=repair)
    if damage:
        log.warning("search index rebuilt after damage: %s", "; ".join(damage))
    return Backend(source, search_index, index_rebuilt=bool(damage), repair=repair)


def _verify(search_index: Any) -> list[str]:
    from index.store import verify_index

    problems = verify_index(search_index)
    if problems:
        log.warning("index in %s is damaged: %s", search_index.index_dir, "; ".join(problems[:3]))
    return problems


def _repair(build: Callable[[list[str]], Backend], source: LibrarySource, search_index: Any) -> Backend:
    """After a search raised: rebuild when the index's files differ from its stamp; else keep it
    (the fault was that query's, and it is logged)."""
    from index.store import damaged_files

    problems = damaged_files(search_index.index_dir, search_index.stamp)
    if not problems:
        log.warning("a search failed but the index in %s is intact: kept", search_index.index_dir)
        return Backend(source, search_index, repair=functools.partial(_repair, build, source))
    search_index.close()  # Windows cannot move a folder with open files aside for the rebuild
    return build([f"{search_index.index_dir}: {'; '.join(problems[:3])}"])
