"""The fields of the search index: one record per section of a document (hits are sections)."""

from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, Schema

from index.analysis import bilingual_analyzer

HEAD, DOC_TITLE, BODY = "head", "doctitle", "body"
# Boosts applied at query time: headings (and the document title on its opening section) rank above
# the document title repeated on every section, which ranks above body text.
FIELD_BOOSTS = {HEAD: 4.0, DOC_TITLE: 1.5, BODY: 1.0}


def build_schema() -> Schema:
    """Text fields store term frequencies only (no positions; see analysis.py), stored fields feed the hits."""
    analyzer = bilingual_analyzer()
    return Schema(
        doc_id=ID(stored=True),
        lang=ID(stored=True),
        anchor=STORED(),
        section=STORED(),
        title=STORED(),
        text=STORED(),
        **{name: TEXT(analyzer=analyzer, phrase=False) for name in FIELD_BOOSTS},
    )
