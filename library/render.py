"""One library document -> HTML for Qt's QTextBrowser (the reader view calls `document_html`).

QTextBrowser renders a subset of HTML/CSS (notes/tech.md §6): table borders only work on the
`table` element, and in-page jumps need `<a name>` anchors, so headings get both an `id` and a
named anchor. Citations become numbered links into the references page, numbered by their
position in references.yaml so a number means the same source in every document, and printed in
numeric order inside one marker ([3, 12], never [12, 3]); a locator follows its number ([3, §4.3]).
"""

from __future__ import annotations

import re
from html import escape

from library.content import Library, Reference
from library.ids import REFERENCES_DOC
from library.markup import replace_citation_parts, to_html

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
ul.source-notes { font-size: 12px; color: #666666; margin-top: 0; }
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
        "notes": "Notes on the sources",
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
        "notes": "来源说明",
    },
}

_HEADING_ID = re.compile(r'<h([1-6]) id="([^"]+)">')


def _citation_html(library: Library, parts: list[tuple[str, str]]) -> str:
    """One citation marker: numbered links in numeric order (unknown keys last, by name)."""
    numbered = [(library.reference_number(key), key, locator) for key, locator in parts]
    numbered.sort(key=lambda item: (item[0] is None, item[0] or 0, item[1]))
    links = []
    for number, key, locator in numbered:
        label = str(number) if number is not None else escape(key)
        link = f'<a class="cite" href="doc:references#{escape(key)}">{label}</a>'
        links.append(f"{link} {escape(locator)}" if locator else link)
    return f"<sup>[{', '.join(links)}]</sup>"


def _reference_html(number: int, reference: Reference) -> str:
    key = escape(reference.key)
    return (
        f'<p class="reference" id="{key}"><a name="{key}"></a>[{number}] {escape(reference.citation())}</p>'
    )


def _source_notes_html(library: Library, notes: dict[str, str], labels: dict[str, str]) -> str:
    """The page's remarks on its sources (what could not be verified), under the sources line and
    in reference order, so the prose itself states only what the sources support."""
    if not notes:
        return ""
    ordered = sorted(notes.items(), key=lambda kv: (library.reference_number(kv[0]) or 10**6, kv[0]))
    items = "".join(
        f"<li>{_citation_html(library, [(key, '')]) + ' ' if key in library.references else ''}{escape(text)}</li>"
        for key, text in ordered
    )
    return (
        f'<p class="meta">{escape(labels["notes"])}{labels["colon"]}</p><ul class="source-notes">{items}</ul>'
    )


def _page(title: str, inner: str) -> str:
    return (
        f"<html><head><title>{escape(title)}</title><style>{STYLE}</style></head><body>{inner}</body></html>"
    )


_CITE_TOKEN = re.compile(r"@@cite(\d+)@@")


def body_html(library: Library, markdown_text: str) -> str:
    """Render library markdown: citations -> numbered links, headings carry in-page anchors.
    The markdown renderer shows raw HTML as text (library.markup), so each citation goes through it
    as a plain token and becomes its link HTML afterwards."""
    citations: list[str] = []

    def token(parts: list[tuple[str, str]]) -> str:
        citations.append(_citation_html(library, parts))
        return f"@@cite{len(citations) - 1}@@"

    html = to_html(replace_citation_parts(markdown_text, token))
    html = _CITE_TOKEN.sub(lambda m: citations[int(m.group(1))], html)
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
        sources = [(key, "") for key in document.sources]
        meta.append(f"{labels['sources']}{colon}{_citation_html(library, sources)}")
    header = (
        f'<h1 id="top"><a name="top"></a>{escape(document.title)}</h1>'
        f'<p class="summary">{escape(document.summary)}</p>'
        f'<p class="meta">{" · ".join(meta)}</p>{_source_notes_html(library, document.source_notes, labels)}<hr/>'
    )
    inner = header + body_html(library, document.body)
    if doc_id == REFERENCES_DOC:
        inner += f'<h2 id="list"><a name="list"></a>{escape(labels["list"])}</h2>'
        inner += "".join(
            _reference_html(number, ref) for number, ref in enumerate(library.references.values(), start=1)
        )
    return _page(document.title, inner)
