"""Read the guideline library (guideline_content/) into plain objects.

`load_library()` never raises on bad content: a file it cannot read is left out and the reason is
kept in `Library.load_problems`, which `validate()` reports together with everything else, so one
`bonemet library check` names every problem at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from library.ids import LANGS, REFERENCES_DOC

# yaml and markdown (library.markup) are imported where the files are parsed, not here: the app
# builds these objects from the prebuilt form (library/compact.py) and never needs either parser.

QUERY_WORDS_FILE = "query_words.yaml"
DOC_NAME_RE = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[a-z]+)\.md$")


@dataclass(frozen=True)
class ContentProblem:
    file: str  # relative to the content root, e.g. "docs/denosumab.en.md"
    field: str  # front matter key, "body", "line <n>" (file line), a reference key ...
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Section:
    anchor: str  # "" for the opening pseudo-section (title + summary)
    title: str
    level: int
    text: str  # plain text up to the next heading


@dataclass(frozen=True)
class Reference:
    key: str
    title: str
    authors: str = ""
    journal: str = ""
    issuer: str = ""
    year: int | None = None
    volume: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    note: str = ""
    url_note: str = ""
    facts_ref: int | None = None

    def citation(self) -> str:
        """One-line citation: authors. title. journal/issuer year;volume:pages. doi/pmid."""
        venue = self.journal or self.issuer
        where = " ".join(part for part in (venue, str(self.year or "")) if part)
        if self.volume:
            where += f";{self.volume}"
        if self.pages:
            where += f":{self.pages}"
        parts = [p for p in (self.authors, self.title, where) if p]
        text = ". ".join(p.rstrip(".") for p in parts) + "."
        ids = [f"doi:{self.doi}" if self.doi else "", f"PMID {self.pmid}" if self.pmid else ""]
        ids = [i for i in ids if i]
        if ids:
            text += " " + "; ".join(ids) + "."
        if self.url_note:
            text += f" {self.url_note.rstrip('.')}."
        if self.note:
            text += f" [{self.note}]"
        return text


@dataclass
class Document:
    id: str
    lang: str
    title: str
    summary: str
    sources: list[str]
    updated: str
    status: str
    tags: list[str]
    see_also: list[str]
    order: int
    body: str
    path: Path
    sections: list[Section] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict, repr=False)
    # reference key -> how that source was read or what it leaves open (shown with the sources, not in the prose)
    source_notes: dict[str, str] = field(default_factory=dict)
    body_start_line: int = 1  # file line of the body's first line, so problems name file lines

    def file_line(self, body_line: int) -> str:
        """ "line N" in the file for line `body_line` (from 1) of the body."""
        return f"line {body_line + self.body_start_line - 1}"

    @property
    def anchors(self) -> set[str]:
        return {s.anchor for s in self.sections if s.anchor}


@dataclass
class Library:
    root: Path
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    synonyms: list[list[str]] = field(default_factory=list)
    load_problems: list[ContentProblem] = field(default_factory=list)
    raw_references: Any = None  # the parsed YAML, kept for validation of its shape
    raw_synonyms: Any = None
    # how search reads a question (query_words.yaml): question_words/particles per language,
    # intents [{words, means, with}], confusables [[chars]]; empty when the file is absent
    query_words: dict[str, Any] = field(default_factory=dict)
    raw_terms: Any = None  # terms.yaml (the Chinese term list); None when the library has none

    def toc(self, lang: str) -> list[Document]:
        """The documents of one language in table-of-contents order."""
        docs = [d for (_, doc_lang), d in self.documents.items() if doc_lang == lang]
        return sorted(docs, key=lambda d: (d.order, d.id))

    def get(self, doc_id: str, lang: str) -> Document | None:
        return self.documents.get((doc_id, lang))

    def ids(self) -> set[str]:
        return {doc_id for doc_id, _ in self.documents}

    def reference_number(self, key: str) -> int | None:
        """The number a citation of `key` shows: its position on the references page (from 1)."""
        for number, ref_key in enumerate(self.references, start=1):
            if ref_key == key:
                return number
        return None

    def relpath(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def _str(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _str_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _str_dict(value: Any) -> dict[str, str]:
    return {str(k): _str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else _str(value)


class ContentLoadError(ValueError):
    """A file that cannot be read at all; `field` says which part (front matter or body)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """(front matter mapping, body, file line number of the body's first line).
    Raises ContentLoadError naming what is wrong."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise ContentLoadError(
            "front matter", "the file must start with a '---' line opening the YAML front matter"
        )
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            raise ContentLoadError("front matter", "the YAML front matter has no closing '---' line")
    yaml, loader = _yaml()
    try:
        meta = yaml.load(text[4:end], Loader=loader) or {}
    except yaml.YAMLError as exc:
        raise ContentLoadError("front matter", f"the front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise ContentLoadError("front matter", "the front matter must be a YAML mapping (key: value lines)")
    return meta, text[end + 5 :], text[: end + 5].count("\n") + 1


def extract_sections(title: str, summary: str, body: str) -> list[Section]:
    """The opening pseudo-section (title + summary), then one Section per heading, whose text is
    the plain text up to the next heading of any level."""
    from library.markup import plain_sections

    try:
        _, parts = plain_sections(body)
    except ValueError as exc:  # headings the renderer saw differently, e.g. setext "===" headings
        raise ContentLoadError("body", f"{exc}; write headings as '## Title {{#anchor}}'") from None
    return [Section("", title, 1, summary)] + [
        Section(anchor or "", heading, level, text) for level, heading, anchor, text in parts
    ]


def load_document(path: Path) -> Document:
    """Parse one `<id>.<lang>.md` file. Raises ContentLoadError when it cannot be parsed at all."""
    meta, body, body_start_line = split_front_matter(path.read_text(encoding="utf-8"))
    order = meta.get("order")
    document = Document(
        id=_str(meta.get("id")),
        lang=_str(meta.get("lang")),
        title=_str(meta.get("title")),
        summary=_str(meta.get("summary")),
        sources=_str_list(meta.get("sources")),
        updated=_iso(meta.get("updated")),
        status=_str(meta.get("status")),
        tags=_str_list(meta.get("tags")),
        see_also=_str_list(meta.get("see_also")),
        order=order if isinstance(order, int) and not isinstance(order, bool) else 0,
        body=body,
        path=path,
        front_matter=meta,
        source_notes=_str_dict(meta.get("source_notes")),
        body_start_line=body_start_line,
    )
    document.sections = extract_sections(document.title, document.summary, body)
    return document


REFERENCE_TEXT_FIELDS = (
    "title",
    "authors",
    "journal",
    "issuer",
    "volume",
    "pages",
    "doi",
    "pmid",
    "note",
    "url_note",
)


def make_reference(key: str, entry: dict[str, Any]) -> Reference:
    texts = {name: _str(entry.get(name)) for name in REFERENCE_TEXT_FIELDS}
    year, facts_ref = entry.get("year"), entry.get("facts_ref")
    return Reference(
        key=key,
        year=year if isinstance(year, int) else None,
        facts_ref=facts_ref if isinstance(facts_ref, int) else None,
        **texts,
    )


def _yaml() -> tuple[Any, Any]:
    """The yaml module and its safe loader (the C one, several times faster, when PyYAML has libyaml)."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(library: Library, name: str) -> Any:
    path = library.root / name
    if not path.exists():
        library.load_problems.append(ContentProblem(name, "file", "missing"))
        return None
    yaml, loader = _yaml()
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        library.load_problems.append(ContentProblem(name, "yaml", f"not valid YAML: {exc}"))
        return None


def load_library(root: Path | None = None) -> Library:
    """Read every document, the references and the synonyms under `root` (default: the bundled content)."""
    if root is None:
        from guideline_content import CONTENT_DIR

        root = CONTENT_DIR
    library = Library(root=Path(root))
    docs_dir = library.root / "docs"
    for path in sorted(docs_dir.glob("*.md")) if docs_dir.is_dir() else []:
        rel = library.relpath(path)
        name = DOC_NAME_RE.match(path.name)
        if not name:
            library.load_problems.append(ContentProblem(rel, "file name", "must be <id>.<zh|en>.md"))
            continue
        try:
            document = load_document(path)
        except ContentLoadError as exc:
            library.load_problems.append(ContentProblem(rel, exc.field, str(exc)))
            continue
        except (ValueError, OSError) as exc:  # includes UnicodeDecodeError
            library.load_problems.append(ContentProblem(rel, "file", str(exc)))
            continue
        # key by the file name so a wrong front-matter id cannot hide another file; validate() compares them
        key = (name["id"], name["lang"])
        library.documents[key] = document

    library.raw_references = _load_yaml(library, "references.yaml")
    if isinstance(library.raw_references, dict):
        for key, entry in library.raw_references.items():
            if isinstance(entry, dict):
                library.references[str(key)] = make_reference(str(key), entry)
    _add_reference_sections(library)
    if (library.root / "terms.yaml").exists():  # optional: a library without it skips the term checks
        library.raw_terms = _load_yaml(library, "terms.yaml")
    library.raw_synonyms = _load_yaml(library, "synonyms.yaml")
    if isinstance(library.raw_synonyms, list):
        library.synonyms = [
            [str(term).strip() for term in group if _str(term)]
            for group in library.raw_synonyms
            if isinstance(group, list)
        ]
    if (library.root / QUERY_WORDS_FILE).is_file():
        library.query_words = query_words(_load_yaml(library, QUERY_WORDS_FILE), library)
    return library


def query_words(raw: Any, library: Library) -> dict[str, Any]:
    """query_words.yaml as plain lists of strings; a part of the wrong shape is left out and named."""
    if not isinstance(raw, dict):
        if raw is not None:
            library.load_problems.append(ContentProblem(QUERY_WORDS_FILE, "file", "must be a mapping"))
        return {}

    def words(value: Any, where: str) -> list[str]:
        if not isinstance(value, list) or not all(_str(w) for w in value):
            library.load_problems.append(ContentProblem(QUERY_WORDS_FILE, where, "must be a list of words"))
            return []
        return [str(w).strip() for w in value]

    result: dict[str, Any] = {"question_words": {}, "particles": {}, "intents": [], "confusables": []}
    for key in ("question_words", "particles"):
        for lang, value in (raw.get(key) or {}).items():
            result[key][str(lang)] = words(value, f"{key}.{lang}")
    for number, intent in enumerate(raw.get("intents") or [], start=1):
        if not isinstance(intent, dict) or not intent.get("words") or not intent.get("means"):
            library.load_problems.append(
                ContentProblem(QUERY_WORDS_FILE, f"intent {number}", "needs `words` and `means`")
            )
            continue
        result["intents"].append(
            {k: words(intent.get(k) or [], f"intent {number}.{k}") for k in ("words", "means", "with")}
        )
    result["confusables"] = [words(group, "confusables") for group in raw.get("confusables") or []]
    return result


def _add_reference_sections(library: Library) -> None:
    """The references page lists references.yaml; give each entry a section (anchor = key) so search
    finds a source by author or trial name and `doc:references#<key>` is an ordinary anchor."""
    for lang in LANGS:
        document = library.get(REFERENCES_DOC, lang)
        if document is None:
            continue
        for number, reference in enumerate(library.references.values(), start=1):
            document.sections.append(
                Section(reference.key, f"[{number}] {reference.title}", 3, reference.citation())
            )
