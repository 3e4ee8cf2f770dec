"""The fields of the search index: one record per section of a document (hits are sections).

The text fields receive terms already produced by analysis.iter_terms, joined by spaces, so whoosh
only splits on spaces. That keeps our tokenizer out of the pickled schema (whoosh pickles the
analyzer into the index: a renamed module of ours would make every index unreadable) and lets the
build count each field's length for BM25 while tokenizing once.
"""

from __future__ import annotations

from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, STORED, TEXT, Schema

HEAD, DOC_TITLE, BODY = "head", "doctitle", "body"
# Boosts: headings (and the document title on its opening section) rank above the document title
# repeated on every section, which ranks above body text.
FIELD_BOOSTS = {HEAD: 4.0, DOC_TITLE: 1.5, BODY: 1.0}


def build_schema() -> Schema:
    """Text fields store term frequencies only (no positions; see analysis.py), stored fields feed the hits."""
    tokenizer = SpaceSeparatedTokenizer()
    return Schema(
        doc_id=ID(stored=True),
        lang=ID(stored=True),
        anchor=STORED(),
        section=STORED(),
        title=STORED(),
        text=STORED(),
        **{name: TEXT(analyzer=tokenizer, phrase=False) for name in FIELD_BOOSTS},
    )
