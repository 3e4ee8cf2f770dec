"""One library document -> HTML for Qt's QTextBrowser (the reader view calls `document_html`).

QTextBrowser renders a subset of HTML/CSS (notes/tech.md §6): table borders only work on the
`table` element, and in-page jumps need `<a name>` anchors, so headings get both an `id` and a
named anchor. Citations become numbered links into the references page, numbered by their
position in references.yaml so a number means the same source in every document.
"""

from __future__ import annotations

import re
from html import escape

from library.content import REFERENCES_DOC, Library, Reference
from library.markup import replace_citations, to_html

STYLE = """
body { font-size: 14px; line-height: 140%; }
h1 { font-size: 22px; margin-bottom: 4px; }
h2 { font-size: 18px; margin-top: 18px; }
h3 { font-size: 15px; margin-top: 12px; }
p.summary { font-size: 15px; color: #333333; }
p.meta { font-size: 12px; color: #666666; }
span.draft { color: #9a5b00; font-weight: bold; }
table { border-collapse: collapse; border-width: 1px; border-style: solid; border-color: #999999; margin: 6px 0; }
th { background-color: #e8eef4; padding: 4px 8px; }
td { padding: 4px 8px; vertical-align: top; }
a.cite { text-decoration: none; }
p.reference { margin: 4px 0; }
"""

LABELS = {
    "en": {
        "colon": ": ",
        "status": "Status",
        "draft": "Draft: awaiting clinical review",
        "clinician-reviewed": "Clinician-reviewed",
        "updated": "Updated",
        "sources": "Sources",
        "missing": "This document is not in the library.",
        "list": "Sources",
    },
    "zh": {
        "colon": "：",
        "status": "状态",
        "draft": "草稿：尚待临床专家审核",
        "clinician-reviewed": "已经临床专家审核",
        "updated": "更新",
        "sources": "来源",
        "missing": "资料库中没有这篇文档。",
        "list": "来源列表",
    },
}

_HEADING_ID = re.compile(r'<h([1-6]) id="([^"]+)">')


def _citation_html(library: Library, keys: list[str]) -> str:
    links = []
    for key in keys:
        number = library.reference_number(key)
        label = str(number) if number is not None else escape(key)
        links.append(f'<a class="cite" href="doc:references#{escape(key)}">{label}</a>')
    return f"<sup>[{', '.join(links)}]</sup>"


def _reference_html(number: int, reference: Reference) -> str:
    key = escape(reference.key)
    return (
        f'<p class="reference" id="{key}"><a name="{key}"></a>[{number}] {escape(reference.citation())}</p>'
    )


def _page(title: str, inner: str) -> str:
    return (
        f"<html><head><title>{escape(title)}</title><style>{STYLE}</style></head><body>{inner}</body></html>"
    )


_HELD_CITATION = re.compile(r"zzcitation(\d+)zz")


def body_html(library: Library, markdown_text: str) -> str:
    """Render library markdown: citations -> numbered links, headings carry in-page anchors.

    The markdown step shows raw HTML as text (content may not carry HTML), so each citation goes
    through it as a plain-word token and its HTML is put in afterwards."""
    held: list[str] = []

    def hold(keys: list[str]) -> str:
        held.append(_citation_html(library, keys))
        return f"zzcitation{len(held) - 1}zz"

    html = _HELD_CITATION.sub(
        lambda m: held[int(m.group(1))], to_html(replace_citations(markdown_text, hold))
    )
    return _HEADING_ID.sub(lambda m: f'{m.group(0)}<a name="{m.group(2)}"></a>', html)


def document_html(library: Library, doc_id: str, lang: str) -> str:
    """The whole page for one document: header (title, summary, status, date, sources) + body."""
    labels = LABELS.get(lang, LABELS["en"])
    document = library.get(doc_id, lang)
    if document is None:
        return _page(doc_id, f"<p>{escape(labels['missing'])} ({escape(doc_id)}, {escape(lang)})</p>")

    status = escape(labels.get(document.status, document.status))
    if document.status != "clinician-reviewed":
        status = f'<span class="draft">{status}</span>'
    colon = labels["colon"]
    meta = [f"{labels['status']}{colon}{status}", f"{labels['updated']}{colon}{escape(document.updated)}"]
    if document.sources:
        meta.append(f"{labels['sources']}{colon}{_citation_html(library, document.sources)}")
    header = (
        f'<h1 id="top"><a name="top"></a>{escape(document.title)}</h1>'
        f'<p class="summary">{escape(document.summary)}</p>'
        f'<p class="meta">{" · ".join(meta)}</p><hr/>'
    )
    inner = header + body_html(library, document.body)
    if doc_id == REFERENCES_DOC:
        inner += f'<h2 id="list"><a name="list"></a>{escape(labels["list"])}</h2>'
        inner += "".join(
            _reference_html(number, ref) for number, ref in enumerate(library.references.values(), start=1)
        )
    return _page(document.title, inner)
