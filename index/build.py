"""Build the search index of a library into a folder, atomically.

The index is written into a fresh temporary sibling folder and only then moved into place, so a
reader never sees half an index and two builders cannot corrupt each other (the last move wins;
both built the same thing). The same folder holds the library's prebuilt form (library/compact.py,
`library.json`), which the app reads at start instead of the markdown: one stamp, one atomic move.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
import uuid
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from whoosh.filedb.filestore import FileStorage

from index.analysis import ANALYZER_VERSION, find_tokens, fold, is_cjk, iter_terms
from index.expand import build_expansion_data
from index.folder import (
    BUILDING,
    EXPANSIONS_FILE,
    INDEX_FORMAT,
    INDEX_NAME,
    OLD,
    STAMP_FILE,
    WRITELOCK,
    file_record,
)
from index.matching import LENGTHS_FILE, WEIGHTS_FILE, write_lengths, write_weights
from index.schema import BODY, DOC_TITLE, FIELD_BOOSTS, HEAD, build_schema
from library.compact import write_compact
from library.content import Library
from library.ids import COMPACT_FORMAT, LIBRARY_FILE, REFERENCES_DOC

# The reference list cites every drug and trial by name: its entries stay findable, but below the
# topics that explain them (searching "Xgeva" should open the denosumab topic first).
SECTION_WEIGHTS = {REFERENCES_DOC: 0.1}


class LibraryLike(Protocol):
    documents: dict[tuple[str, str], Any]
    synonyms: list[list[str]]
    # query_words (how a question is read; see library.content) is optional: read with getattr


def section_records(library: LibraryLike) -> Iterator[dict[str, str]]:
    """One record per section (raw text; see index_terms): the opening one carries title, tags, summary."""
    for (doc_id, lang), document in sorted(library.documents.items()):
        title = getattr(document, "title", "") or (
            document.sections[0].title if document.sections else doc_id
        )
        tags = " ".join(getattr(document, "tags", []) or [])
        for section in document.sections:
            opening = section.anchor == ""
            yield {
                "doc_id": doc_id,
                "lang": lang,
                "anchor": section.anchor,
                "section": "" if opening else section.title,
                "title": title,
                "text": section.text,
                HEAD: title if opening else section.title,
                DOC_TITLE: "" if opening else title,  # the opening section has the title as its heading
                BODY: f"{section.text} {tags}" if opening else section.text,  # tags: findable, not a title
            }


def pinyin_terms(library: LibraryLike) -> set[str]:
    """Chinese words that get pinyin keys besides the glossary: the Chinese titles and their parts."""
    terms: set[str] = set()
    for (_, lang), document in library.documents.items():
        if lang != "zh":
            continue
        title = fold(getattr(document, "title", "") or "")
        terms.update(m.group() for m in find_tokens(title) if is_cjk(m.group()) and 2 <= len(m.group()) <= 8)
    return terms


def heading_words(library: LibraryLike) -> set[str]:
    """Chinese words of the titles and headings (runs of 3–8 characters): what a one-character typo
    in a query is matched against (颌骨怀死 → 颌骨坏死)."""
    words: set[str] = set()
    for (_, lang), document in library.documents.items():
        if lang != "zh":
            continue
        for text in [getattr(document, "title", "") or "", *(s.title for s in document.sections)]:
            words.update(m.group() for m in find_tokens(fold(text)) if 3 <= len(m.group()) <= 8)
    return {w for w in words if is_cjk(w)}


def build_index(
    library: LibraryLike,
    out_dir: Path,
    *,
    content_version: str | None = None,
    limitmb: int = 256,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Index every section of `library` into `out_dir` (replacing it atomically); returns build figures.

    A real `Library` also gets its prebuilt form written into the folder (synthetic benchmark
    libraries do not). `progress(done, total)` is called after each document is indexed."""
    if content_version is None:
        from guideline_content import content_version as bundled_version

        content_version = bundled_version()
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    temp_dir = out_dir.with_name(f".{out_dir.name}{BUILDING}{os.getpid()}-{uuid.uuid4().hex[:8]}")
    temp_dir.mkdir()
    started = time.perf_counter()
    try:
        storage = FileStorage(str(temp_dir), supports_mmap=False)
        ix = storage.create_index(build_schema(), indexname=INDEX_NAME)
        writer = ix.writer(limitmb=limitmb)
        lengths = {name: array("I") for name in FIELD_BOOSTS}
        weights = array("f")
        sections = 0
        total, done, current = len(library.documents), 0, None
        for record in section_records(library):
            if progress is not None and (record["doc_id"], record["lang"]) != current:
                if current is not None:
                    done += 1
                    progress(done, total)
                current = (record["doc_id"], record["lang"])
            weights.append(SECTION_WEIGHTS.get(record["doc_id"], 1.0))
            for name in FIELD_BOOSTS:  # tokenized once, here; whoosh only splits on the spaces
                terms = list(iter_terms(record[name], index_mode=True))
                record[name] = " ".join(terms)
                lengths[name].append(len(terms))
            writer.add_document(**record)
            sections += 1
        writer.commit()
        ix.close()
        if progress is not None:
            progress(total, total)
        write_lengths(temp_dir / LENGTHS_FILE, lengths)
        write_weights(temp_dir / WEIGHTS_FILE, weights)
        data = build_expansion_data(
            library.synonyms,
            pinyin_terms(library),
            getattr(library, "query_words", None),
            heading_words(library) | {t for group in library.synonyms for t in group if is_cjk(t)},
        )
        _write_json(temp_dir / EXPANSIONS_FILE, data.to_json())
        prebuilt = {}
        if isinstance(library, Library):
            write_compact(library, temp_dir / LIBRARY_FILE, content_version)
            prebuilt = {"library_format": COMPACT_FORMAT}
        # Every file's size and hash, checked before the folder is trusted (index/store.py); not
        # whoosh's empty write-lock file, which holds no data and which a copy may leave out.
        files = {
            p.name: file_record(p)
            for p in sorted(temp_dir.iterdir())
            if p.is_file() and not p.name.endswith(WRITELOCK)
        }
        stamp = {
            "content_version": content_version,
            **_content_files(content_version),
            "analyzer_version": ANALYZER_VERSION,
            "index_format": INDEX_FORMAT,
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "documents": len(library.documents),
            "sections": sections,
            **prebuilt,
            "files": files,
        }
        _write_json(temp_dir / STAMP_FILE, stamp)  # written last: its presence marks a finished build
        seconds = time.perf_counter() - started
        size = folder_size(temp_dir)
        publish_dir(temp_dir, out_dir)
    except BaseException:
        shutil.rmtree(temp_dir, ignore_errors=True)
        raise
    return {
        **{key: value for key, value in stamp.items() if key != "files"},
        "seconds": round(seconds, 3),
        "bytes": size,
        "path": str(out_dir),
        "pinyin_keys": len(data.pinyin) + len(data.initials),
        "synonym_groups": len(data.groups),
    }


def _content_files(content_version: str) -> dict:
    """{"content_files": fingerprint} when the bundled content is, now, of `content_version`: the
    app then takes the version from the stamp instead of hashing the content at every start
    (guideline_content.adopt_version). Nothing for other libraries (fixtures, benchmarks)."""
    from guideline_content import fingerprinted_version

    version, fingerprint = fingerprinted_version()
    return {"content_files": fingerprint} if version == content_version and fingerprint else {}


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def publish_dir(built: Path, target: Path, attempts: int = 5) -> None:
    """Move a finished folder to `target`, moving any previous one aside first (last move wins)."""
    for _ in range(attempts):
        old = target.with_name(f".{target.name}{OLD}{uuid.uuid4().hex[:8]}")
        try:
            os.replace(target, old)
        except FileNotFoundError:
            old = None
        try:
            os.replace(built, target)
            return
        except OSError:
            continue  # another builder published between our two moves: move theirs aside and retry
        finally:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    raise OSError(f"could not move the new index into {target}")
