"""The library's prebuilt form: one JSON file the app reads at start instead of the markdown.

Parsing 50 markdown files (YAML front matter, markdown to sections) costs most of a second; this
file is written once, when the search index is built, into the index folder (index/build.py), so
it is shipped, stamped and replaced atomically together with the index. Reading it needs neither
yaml nor markdown: `read_compact()` gives back an ordinary `Library` whose documents carry their
front matter, markdown body and section headings, which is everything the reader, the contents
and the calculator's reference titles use. Each page is still rendered (library.render, which
imports markdown) only when it is first opened.

What the prebuilt form leaves out: section text (only the search index reads it, and it is built
from the markdown), the raw front matter and the load problems. So a Library read from here serves
the reader; validation and index builds always read the markdown (`load_library`).

The file carries its stamp (`format`, `content_version`), and the index stamp records the format
too, so a format change rebuilds the folder; a file with another format or content version, or one
that cannot be read, is treated as missing, never half used.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from library.content import Document, Library, Reference, Section
from library.ids import COMPACT_FORMAT

log = logging.getLogger(__name__)


_DOC_FIELDS = (
    "id",
    "lang",
    "title",
    "summary",
    "sources",
    "source_notes",
    "updated",
    "status",
    "tags",
    "see_also",
    "order",
)


def compact_data(library: Library, content_version: str) -> dict[str, Any]:
    """The prebuilt form of `library` as JSON-ready data (stamp first)."""
    documents = []
    for (doc_id, lang), doc in library.documents.items():
        entry = {name: getattr(doc, name) for name in _DOC_FIELDS}
        entry.update(
            key=[doc_id, lang],
            path=library.relpath(doc.path),
            body=doc.body,
            sections=[[s.anchor, s.title, s.level] for s in doc.sections],
        )
        documents.append(entry)
    return {
        "format": COMPACT_FORMAT,
        "content_version": content_version,
        "documents": documents,
        "references": [asdict(ref) for ref in library.references.values()],
        "synonyms": library.synonyms,
    }


def write_compact(library: Library, path: Path, content_version: str) -> None:
    """Write the prebuilt form to `path` atomically (a temporary sibling, then one rename)."""
    path = Path(path)
    import uuid  # written at build time only; reading is on the app's start path (issue 14)

    temp = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        text = json.dumps(compact_data(library, content_version), ensure_ascii=False, separators=(",", ":"))
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def read_compact(path: Path, content_version: str | None = None, root: Path | None = None) -> Library | None:
    """The Library in a prebuilt file, or None when the file is missing, damaged, of another format
    or (when `content_version` is given) of another content version."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != COMPACT_FORMAT:
            return None
        if content_version is not None and data.get("content_version") != content_version:
            return None
        return _library(data, root)
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
        log.warning("prebuilt library %s is not usable: %s", path, error)
        return None


def _library(data: dict[str, Any], root: Path | None) -> Library:
    if root is None:
        from guideline_content import CONTENT_DIR

        root = CONTENT_DIR
    library = Library(root=Path(root))
    for entry in data["documents"]:
        doc_id, lang = entry["key"]
        sections = [Section(anchor, title, level, "") for anchor, title, level in entry["sections"]]
        fields = {name: entry[name] for name in _DOC_FIELDS}
        library.documents[(doc_id, lang)] = Document(
            **fields, body=entry["body"], path=library.root / entry["path"], sections=sections
        )
    library.references = {ref["key"]: Reference(**ref) for ref in data["references"]}
    library.synonyms = data["synonyms"]
    return library
