"""What the reader shows: anchored headings, working doc: links, numbered citations, the references list."""

from __future__ import annotations

from library.content import load_library
from library.render import document_html


def _page(fixture_library, doc_id: str, lang: str) -> str:
    """The reader's HTML for one document of the fixture library as it is on disk now."""
    return document_html(load_library(fixture_library.root), doc_id, lang)


def test_headings_carry_their_anchor_ids(fixture_library):
    html = _page(fixture_library, "alpha", "en")
    assert '<h2 id="dose"><a name="dose"></a>Dose</h2>' in html
    assert '<h3 id="notes"><a name="notes"></a>Notes</h3>' in html
    assert "{#" not in html


def test_header_shows_title_summary_draft_status_and_date(fixture_library):
    html = _page(fixture_library, "alpha", "zh")
    assert "<h1" in html and "Title of alpha</h1>" in html
    assert "One sentence summary." in html
    assert "草稿：尚待临床专家审核" in html
    assert "2026-11-26" in html


def test_links_and_citations_become_anchors(fixture_library):
    html = _page(fixture_library, "alpha", "en")
    assert '<a href="doc:alpha#dose">the dose table</a>' in html
    # citations are numbered by their place in references.yaml, so [2] is the same source everywhere
    assert (
        '<a class="cite" href="doc:references#ref-a">1</a>, <a class="cite" href="doc:references#ref-b">2</a>'
        in html
    )
    assert "[ref:" not in html
    assert "&lt;sup&gt;" not in html  # body citations are links, not escaped HTML text


def test_tables_render_with_borders_on_the_table_element(fixture_library):
    html = _page(fixture_library, "alpha", "en")
    assert "<table>" in html and "<td>3.5 mg</td>" in html
    assert "table { border-collapse: collapse; border-width: 1px; border-style: solid;" in html


def test_references_page_lists_every_reference(fixture_library):
    fixture_library.write_twins("references", body="## Key points {#key-points}\n\n- a\n- b\n- c\n", order=9)
    html = _page(fixture_library, "references", "en")
    assert (
        '<p class="reference" id="ref-a"><a name="ref-a"></a>[1] Smith J, Jones K. A randomised trial. Lancet 2010;376:100-110.</p>'
        in html
    )
    assert '<a name="ref-b"></a>[2] Product label. Maker Inc. 2020.' in html


def test_unknown_document_gives_a_message_not_an_error(fixture_library):
    html = _page(fixture_library, "nothing", "zh")
    assert "资料库中没有这篇文档。" in html


def test_sections_are_clean_plain_text(fixture_library):
    document = load_library(fixture_library.root).get("alpha", "en")
    assert [s.anchor for s in document.sections] == ["", "key-points", "dose", "notes"]
    assert document.sections[0].text == "One sentence summary."
    dose = document.sections[2]
    assert (dose.title, dose.level) == ("Dose", 2)
    assert dose.text == "The dose depends on kidney function:\nCrCl (mL/min) dose\n>60 4 mg\n50-60 3.5 mg"
    assert "see the dose table." in document.sections[1].text


def test_each_reference_is_a_searchable_section_of_the_references_page(fixture_library):
    fixture_library.write_twins("references", body="## Key points {#key-points}\n\n- a\n- b\n- c\n", order=9)
    document = load_library(fixture_library.root).get("references", "zh")
    by_anchor = {s.anchor: s for s in document.sections}
    assert by_anchor["ref-a"].title == "[1] A randomised trial"
    assert by_anchor["ref-a"].text.startswith("Smith J, Jones K. A randomised trial. Lancet 2010")
