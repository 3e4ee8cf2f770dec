"""Names the library and the search index share; importing them costs nothing (no yaml, no markdown)."""

from __future__ import annotations

from guideline_content import LANGUAGES

LANGS = LANGUAGES
# the id of the reference list generated from references.yaml; search ranks it below the topics
REFERENCES_DOC = "references"
# the app's scorers a page may link to as "scores:<name>" (the reader opens the Scores view)
SCORE_LINKS = ("sins", "mirels")
# the library's prebuilt form, written into the search index folder (library/compact.py); the
# index reads the format to tell a current folder without importing the library's model
LIBRARY_FILE = "library.json"
COMPACT_FORMAT = 2  # bump when the fields of library/compact.py change (2: source_notes)
