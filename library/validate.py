"""The one validator of the guideline library (used by `bonemet library check`, the index build and
the tests). Each check returns ContentProblem(file, field, message) so the writer sees where to look.
The format it enforces is documented in guideline_content/README.md.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

from library.content import ContentProblem, Document, Library
from library.ids import LANGS, REFERENCES_DOC, SCORE_LINKS
from library.markup import (
    CITATION_RE,
    IMAGE_RE,
    INLINE_CODE_RE,
    LINK_RE,
    RAW_HTML_RE,
    SLUG_RE,
    citation_keys,
    cited_keys,
    iter_lines_outside_fences,
    split_heading,
    to_html,
)
from library.numeric_citations import unbacked_summary_numbers, uncited_numeric_blocks
from library.zh_style import TERMS_FILE, TermList, parse_terms, prose_lines, remark_problems, zh_problems

STATUSES = ("draft", "clinician-reviewed")
KEY_POINTS = "key-points"
KEY_POINTS_MIN, KEY_POINTS_MAX = 3, 6
GENERAL_NOTE = "general"  # a source_notes key for a remark that concerns no single listed source

# key -> (type check, what the writer should have written)
FRONT_MATTER: dict[str, tuple[Any, str]] = {
    "id": (lambda v: isinstance(v, str) and bool(SLUG_RE.match(v)), "a slug like bone-agents-overview"),
    "lang": (lambda v: v in LANGS, "zh or en"),
    "order": (lambda v: isinstance(v, int) and not isinstance(v, bool), "an integer"),
    "title": (lambda v: isinstance(v, str) and v.strip() != "", "a non-empty string"),
    "summary": (lambda v: isinstance(v, str) and v.strip() != "", "a non-empty string"),
    "sources": (
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "a list of reference keys",
    ),
    "updated": (lambda v: isinstance(v, dt.date) or _is_iso_date(v), "an ISO date like 2026-11-26"),
    "status": (lambda v: v in STATUSES, " or ".join(STATUSES)),
    "tags": (lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v), "a list of strings"),
    "see_also": (
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "a list of document ids",
    ),
}
# optional keys: key -> (type check, expected)
OPTIONAL_FRONT_MATTER: dict[str, tuple[Any, str]] = {
    "source_notes": (
        lambda v: isinstance(v, dict) and all(isinstance(x, str) and x.strip() for x in v.values()),
        "a mapping of reference key -> note",
    ),
}
REFERENCE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "authors": str,
    "journal": str,
    "issuer": str,
    "year": int,
    "volume": (str, int),
    "pages": (str, int),
    "doi": str,
    "pmid": (str, int),
    "note": str,
    "url_note": str,
    "facts_ref": int,
}


def _is_iso_date(value: Any) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def validate(library: Library) -> list[ContentProblem]:
    """Every problem in the library; an empty list means it is valid."""
    problems = list(library.load_problems)
    problems += _check_references(library)
    problems += _check_synonyms(library)
    terms, term_problems = parse_terms(library.raw_terms) if library.raw_terms is not None else (None, [])
    problems += [ContentProblem(TERMS_FILE, *p.split(": ", 1)) for p in term_problems]
    for (file_id, file_lang), document in sorted(library.documents.items()):
        problems += _check_document(library, document, file_id, file_lang)
        problems += _check_language(library, document, terms)
    problems += _check_twins(library)
    problems += _check_order(library)
    return problems


def _check_order(library: Library) -> list[ContentProblem]:
    """Two documents at one table-of-contents position would sort by id, silently."""
    problems = []
    for lang in LANGS:
        seen: dict[int, str] = {}
        for doc in library.toc(lang):
            if doc.order in seen:
                message = f"{doc.order} is also the order of {seen[doc.order]!r}"
                problems.append(ContentProblem(library.relpath(doc.path), "order", message))
            seen.setdefault(doc.order, doc.id)
    return problems


def _check_document(library: Library, doc: Document, file_id: str, file_lang: str) -> list[ContentProblem]:
    rel = library.relpath(doc.path)
    problems = []
    for key, (valid, expected) in FRONT_MATTER.items():
        if key not in doc.front_matter:
            problems.append(ContentProblem(rel, key, f"missing (expected {expected})"))
        elif not valid(doc.front_matter[key]):
            problems.append(ContentProblem(rel, key, f"is {doc.front_matter[key]!r}, expected {expected}"))
    for key, (valid, expected) in OPTIONAL_FRONT_MATTER.items():
        if key in doc.front_matter and not valid(doc.front_matter[key]):
            problems.append(ContentProblem(rel, key, f"is {doc.front_matter[key]!r}, expected {expected}"))
    for key in sorted(set(doc.front_matter) - set(FRONT_MATTER) - set(OPTIONAL_FRONT_MATTER)):
        problems.append(ContentProblem(rel, key, "unknown front matter key"))
    for key in doc.source_notes:
        if key != GENERAL_NOTE and key not in doc.sources:
            problems.append(ContentProblem(rel, "source_notes", f"{key!r} is not one of this page's sources"))
    if doc.id and doc.id != file_id:
        problems.append(ContentProblem(rel, "id", f"is {doc.id!r} but the file name says {file_id!r}"))
    if doc.lang and doc.lang != file_lang:
        problems.append(ContentProblem(rel, "lang", f"is {doc.lang!r} but the file name says {file_lang!r}"))
    for key in doc.sources:
        if key not in library.references:
            problems.append(ContentProblem(rel, "sources", f"unknown reference key {key!r}"))
    cited = set(cited_keys(doc.body))
    for key in sorted(
        (cited - set(doc.sources)) & set(library.references)
    ):  # unknown keys: reported per line
        problems.append(ContentProblem(rel, "sources", f"{key!r} is cited in the body but not listed"))
    for key in sorted(set(doc.sources) - cited):
        problems.append(ContentProblem(rel, "sources", f"{key!r} is listed but never cited in the body"))
    for target in doc.see_also:
        if target not in library.ids():
            problems.append(ContentProblem(rel, "see_also", f"no document with id {target!r}"))
    problems += [ContentProblem(rel, field, message) for field, message in _body_problems(library, doc)]
    return problems


def _body_problems(library: Library, doc: Document) -> Iterator[tuple[str, str]]:
    yield from _heading_problems(doc)
    yield from _key_point_problems(doc)
    for number, line in iter_lines_outside_fences(doc.body):
        for match in CITATION_RE.finditer(line):
            for key in citation_keys(match.group(1)):
                if key not in library.references:
                    yield doc.file_line(number), f"citation of unknown reference key {key!r}"
        for match in LINK_RE.finditer(line):
            message = _link_problem(library, doc, match.group(2))
            if message:
                yield doc.file_line(number), message
        prose = INLINE_CODE_RE.sub("", line)
        if RAW_HTML_RE.search(prose):
            yield (
                doc.file_line(number),
                "raw HTML is not allowed (write markdown; the reader shows tags as text)",
            )
        if IMAGE_RE.search(prose):
            yield doc.file_line(number), "images are not supported in the library"
    for figure in unbacked_summary_numbers(doc.summary, doc.body):
        yield (
            "summary",
            f"the figure {figure!r} does not appear in any cited paragraph, item or row of the body",
        )
    for block in uncited_numeric_blocks(doc.body):
        excerpt = block.text if len(block.text) <= 60 else block.text[:57] + "..."
        yield doc.file_line(block.line), f"{block.kind} with a number but no [ref:...] citation: {excerpt}"
    try:
        html = to_html(doc.body)
    except Exception as exc:  # any failure of the renderer is a content problem to report, not a crash
        yield "body", f"markdown does not render: {exc}"
        return
    if "{#" in html:
        yield "body", "a '{#anchor}' was not applied (anchors go at the end of a heading line)"


def _heading_problems(doc: Document) -> Iterator[tuple[str, str]]:
    seen: set[str] = set()
    headings = [(n, h) for n, line in iter_lines_outside_fences(doc.body) if (h := split_heading(line))]
    for index, (number, (level, title, anchor)) in enumerate(headings):
        where = doc.file_line(number)
        if level == 1:
            yield where, "no level-1 headings in the body (the title comes from the front matter)"
            continue
        if level > 3:
            continue
        if anchor is None:
            yield where, f"heading {title!r} has no {{#anchor}}"
        elif not SLUG_RE.match(anchor):
            yield where, f"anchor {anchor!r} is not a slug of a-z, 0-9 and -"
        elif anchor in seen:
            yield where, f"anchor {anchor!r} is used twice"
        seen.add(anchor or "")
        next_level = headings[index + 1][1][0] if index + 1 < len(headings) else 0
        if next_level <= level and not _section_has_text(doc, anchor):
            yield where, f"section {title!r} is empty"


def _section_has_text(doc: Document, anchor: str | None) -> bool:
    return any(s.text.strip() for s in doc.sections if s.anchor == (anchor or ""))


def _key_point_problems(doc: Document) -> Iterator[tuple[str, str]]:
    body_sections = doc.sections[1:]
    if not body_sections or body_sections[0].anchor != KEY_POINTS or body_sections[0].level != 2:
        yield "body", f"must open with '## Key points {{#{KEY_POINTS}}}' (zh: '## 要点 {{#{KEY_POINTS}}}')"
        return
    first_heading = next(n for n, line in iter_lines_outside_fences(doc.body) if split_heading(line))
    before = [line for n, line in iter_lines_outside_fences(doc.body) if n < first_heading and line.strip()]
    if before:
        yield "body", "text before '## Key points' (the body must open with the key points)"
    bullets = _top_level_bullets(doc.body, first_heading)
    if not KEY_POINTS_MIN <= bullets <= KEY_POINTS_MAX:
        yield "body", f"key points have {bullets} bullets, expected {KEY_POINTS_MIN}-{KEY_POINTS_MAX}"


def _top_level_bullets(body: str, heading_line: int) -> int:
    count = 0
    for number, line in iter_lines_outside_fences(body):
        if number <= heading_line:
            continue
        if split_heading(line):
            break
        if line[:2] in ("- ", "* ", "+ "):
            count += 1
    return count


def _link_problem(library: Library, doc: Document, target: str) -> str | None:
    if target.startswith("#"):
        anchor = target[1:]
        return None if anchor in doc.anchors else f"link to missing anchor {target!r} in this document"
    if target.startswith("scores:"):
        name = target[len("scores:") :]
        return (
            None
            if name in SCORE_LINKS
            else f"link {target!r}: no such scorer (known: {', '.join(SCORE_LINKS)})"
        )
    if not target.startswith("doc:"):
        return f"link {target!r}: only doc:<id>#<anchor> or scores:<name> links work offline"
    doc_id, _, anchor = target[4:].partition("#")
    if doc_id == REFERENCES_DOC and anchor in library.references:
        return None  # the rendered references page carries one anchor per reference key
    linked = library.get(doc_id, doc.lang)
    if linked is None:
        return f"link to missing document {doc_id!r} ({doc.lang})"
    if anchor and anchor not in linked.anchors:
        return f"link to missing anchor {anchor!r} in {doc_id!r}"
    return None


def _check_language(library: Library, doc: Document, terms: TermList | None) -> list[ContentProblem]:
    """House style of the prose: remarks on verification (both languages) and, in zh, the term list
    and typography. Title and summary are prose too."""
    rel = library.relpath(doc.path)
    body = list(prose_lines(doc.body))
    head = [(0, doc.title), (-1, doc.summary)]
    found = list(remark_problems(doc.lang, head + body))
    if doc.lang == "zh" and terms is not None:
        found += list(zh_problems(doc.id, head + body, terms))
    names = {0: "title", -1: "summary"}
    return [ContentProblem(rel, names.get(n) or doc.file_line(n), message) for n, message in found]


def _check_twins(library: Library) -> list[ContentProblem]:
    problems = []
    for doc_id in sorted(library.ids()):
        twins = {lang: library.get(doc_id, lang) for lang in LANGS}
        for lang, doc in twins.items():
            if doc is None:
                present = next(d for d in twins.values() if d is not None)
                problems.append(
                    ContentProblem(
                        f"docs/{doc_id}.{lang}.md", "file", f"missing twin of {library.relpath(present.path)}"
                    )
                )
        zh, en = twins["zh"], twins["en"]
        if zh is None or en is None:
            continue
        rel = library.relpath(zh.path)
        only_zh, only_en = sorted(zh.anchors - en.anchors), sorted(en.anchors - zh.anchors)
        if only_zh or only_en:
            problems.append(
                ContentProblem(
                    rel, "anchors", f"differ from the en twin: only zh {only_zh}, only en {only_en}"
                )
            )
        if zh.order != en.order:
            problems.append(ContentProblem(rel, "order", f"is {zh.order} but the en twin says {en.order}"))
    return problems


def _check_references(library: Library) -> list[ContentProblem]:
    raw, file = library.raw_references, "references.yaml"
    if raw is None:
        return []
    if not isinstance(raw, dict):
        return [ContentProblem(file, "file", "must be a mapping of reference key -> fields")]
    problems = []
    facts_refs: Counter[int] = Counter()
    for key, entry in raw.items():
        if not isinstance(key, str) or not SLUG_RE.match(key):
            problems.append(ContentProblem(file, str(key), "key must be a slug of a-z, 0-9 and -"))
        if not isinstance(entry, dict):
            problems.append(ContentProblem(file, str(key), "must be a mapping of fields"))
            continue
        for name, value in entry.items():
            expected = REFERENCE_FIELDS.get(name)
            if expected is None:
                problems.append(ContentProblem(file, f"{key}.{name}", "unknown field"))
            elif not isinstance(value, expected) or isinstance(value, bool):
                problems.append(ContentProblem(file, f"{key}.{name}", f"has the wrong type ({value!r})"))
        if not str(entry.get("title") or "").strip():
            problems.append(ContentProblem(file, f"{key}.title", "missing"))
        if _lists_several_sources(str(entry.get("title") or "")):
            message = (
                "names several sources (';' between them): one entry per source, split it into several keys"
            )
            problems.append(ContentProblem(file, f"{key}.title", message))
        if not (entry.get("journal") or entry.get("issuer")):
            problems.append(ContentProblem(file, f"{key}.journal", "needs a journal or an issuer"))
        if isinstance(entry.get("facts_ref"), int):
            facts_refs[entry["facts_ref"]] += 1
    for number, count in sorted(facts_refs.items()):
        if count > 1:
            problems.append(ContentProblem(file, "facts_ref", f"{number} is used by {count} entries"))
    return problems


def _lists_several_sources(title: str) -> bool:
    """A ';' outside parentheses separates two documents ("US label; UK SmPC"); one inside them
    ("website (side effects; preparing for treatment)") only lists parts of one source."""
    depth = 0
    for char in title:
        if char in "([（":
            depth += 1
        elif char in ")]）" and depth:
            depth -= 1
        elif char in ";；" and depth == 0:
            return True
    return False


def _check_synonyms(library: Library) -> list[ContentProblem]:
    raw, file = library.raw_synonyms, "synonyms.yaml"
    if raw is None:
        return []
    if not isinstance(raw, list):
        return [ContentProblem(file, "file", "must be a list of groups (each a list of terms)")]
    problems = []
    owner: dict[str, int] = {}
    for number, group in enumerate(raw, start=1):
        field = f"group {number}"
        if not isinstance(group, list) or len(group) < 2:
            problems.append(ContentProblem(file, field, "must be a list of at least two terms"))
            continue
        for term in group:
            if not isinstance(term, (str, int)) or not str(term).strip():
                problems.append(ContentProblem(file, field, f"term {term!r} is not a non-empty string"))
                continue
            folded = str(term).strip().casefold()
            if folded in owner:
                where = "twice in this group" if owner[folded] == number else f"also in group {owner[folded]}"
                problems.append(ContentProblem(file, field, f"term {term!r} is {where}"))
            owner.setdefault(folded, number)
    return problems
