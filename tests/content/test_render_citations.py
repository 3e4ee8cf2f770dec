"""Citations reach the reader as links, not as HTML shown as text (the markdown step escapes raw HTML)."""

from __future__ import annotations

from library.content import load_library
from library.render import document_html


def test_every_bundled_page_renders_its_citations_as_links():
    library = load_library()
    for document in library.documents.values():
        html = document_html(library, document.id, document.lang)
        assert "&lt;sup" not in html and "zzcitation" not in html, (document.id, document.lang)
        if "[ref:" in document.body:
            assert '<a class="cite" href="doc:references#' in html.split("<hr/>", 1)[1], document.id
