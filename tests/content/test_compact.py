"""The library's prebuilt form (library/compact.py): what the app reads instead of the markdown."""

from __future__ import annotations

from library.compact import read_compact, write_compact
from library.ids import LIBRARY_FILE
from library.render import document_html


def test_every_page_renders_the_same_from_the_prebuilt_form(tmp_path, real_library):
    library = real_library
    write_compact(library, tmp_path / LIBRARY_FILE, "v1")
    prebuilt = read_compact(tmp_path / LIBRARY_FILE, "v1")
    assert prebuilt is not None and prebuilt.documents.keys() == library.documents.keys()
    for doc_id, lang in library.documents:
        assert document_html(prebuilt, doc_id, lang) == document_html(library, doc_id, lang)
    assert [d.id for d in prebuilt.toc("zh")] == [d.id for d in library.toc("zh")]
    doc = next(iter(library.documents.values()))
    assert [s.title for s in prebuilt.get(doc.id, doc.lang).sections] == [s.title for s in doc.sections]


def test_another_content_version_or_a_damaged_file_counts_as_missing(tmp_path, real_library):
    path = tmp_path / LIBRARY_FILE
    assert read_compact(path, "v1") is None
    write_compact(real_library, path, "v1")
    assert read_compact(path, "v2") is None
    path.write_text(path.read_text(encoding="utf-8")[:5000], encoding="utf-8")
    assert read_compact(path, "v1") is None
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind
