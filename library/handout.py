"""A library document laid out for paper: the patient handout printed from the reader.

The reader's page header (status, date, the list of sources as links) suits the screen; on paper
the patient needs the text itself. This page keeps the title and the body, prints citations as
small numbers (the same numbers as the references page, so a clinician can still trace every
statement) and ends with one line saying what the sheet is and how current it is. Sizes are in
points so the layout is the same on any printer resolution.
"""

from __future__ import annotations

from html import escape

from library.content import Library
from library.render import LABELS, body_html

PRINT_STYLE = """
body { font-size: 11pt; }
h1 { font-size: 16pt; margin-top: 0; margin-bottom: 4pt; }
h2 { font-size: 12.5pt; margin-top: 7pt; margin-bottom: 2pt; }
h3 { font-size: 11.5pt; margin-top: 5pt; margin-bottom: 2pt; }
p { margin-top: 2pt; margin-bottom: 2pt; }
ul, ol { margin-top: 0; margin-bottom: 0; }
li { margin-top: 0; margin-bottom: 1pt; }
sup { font-size: 6.5pt; }
a { text-decoration: none; color: #000000; }
p.footer { font-size: 7.5pt; color: #555555; margin-top: 6pt; }
"""

FOOTER = {
    "en": "BoneMet Guide · {status} · {updated_label}{colon}{updated} · Numbers in brackets refer to the sources list.",
    "zh": "乳腺癌骨转移诊疗助手 · {status} · {updated_label}{colon}{updated} · 方括号内数字为参考文献编号。",
}


def print_html(library: Library, doc_id: str, lang: str) -> str:
    """The document as a printable page (HTML for QTextDocument); a short notice if it is missing."""
    labels = LABELS.get(lang, LABELS["en"])
    document = library.get(doc_id, lang)
    if document is None:
        inner = f"<p>{escape(labels['missing'])} ({escape(doc_id)}, {escape(lang)})</p>"
    else:
        footer = FOOTER.get(lang, FOOTER["en"]).format(
            status=labels.get(document.status, document.status),
            updated_label=labels["updated"],
            colon=labels["colon"],
            updated=document.updated,
        )
        inner = (
            f"<h1>{escape(document.title)}</h1>"
            f"{body_html(library, document.body)}"
            f'<p class="footer">{escape(footer)}</p>'
        )
    return f"<html><head><style>{PRINT_STYLE}</style></head><body>{inner}</body></html>"
