"""Checks that keep the Chinese pages in one register: one standard term per concept, no bare English
drug names, one typography (Ⅲ期, ～ for ranges, 对 for vs), and no verification remarks in the prose
of either language (they belong in the page's `source_notes`). The term list is data:
guideline_content/terms.yaml (documented in guideline_content/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from library.markup import CITATION_RE, FENCE_RE, HEADING_ANCHOR_RE, LINK_RE

TERMS_FILE = "terms.yaml"

# ASCII roman numerals before 期 (phase): Chinese guidelines write Ⅰ期 Ⅱ期 Ⅲ期 Ⅳ期
_ROMAN_PHASE = re.compile(r"(?<![A-Za-z])(IV|I{1,3})\s*期|([ⅠⅡⅢⅣ])\s+期")
_ROMAN = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ"}
_VERSUS = re.compile(r"(?<![A-Za-z])(vs\.?|VS\.?|versus)(?![A-Za-z])")
# a number, a dash or tilde, a number: a range (names such as MONALEESA-2 or T11–L1 start with a letter)
_RANGE = re.compile(r"(?<![A-Za-z0-9.\-/–])\d+(?:\.\d+)?\s*%?\s*([–—~\-])\s*\d")
_YEAR = re.compile(r"(?:19|20)\d\d\s*-")
_REMARKS = {
    "zh": re.compile(
        r"未能核实|未核实|尚未核实|未能证实|未经核实|无法核实|未能查阅|未能读到|本库未|本资料未|本库只读到|本资料库未"
    ),
    "en": re.compile(
        r"\bunverified\b|\bnot (?:been )?verified\b|could not (?:be )?(?:verif\w*|checked|read)\b|\bnot confirmed\b",
        re.I,
    ),
}


@dataclass(frozen=True)
class Term:
    use: str  # the standard term
    avoid: tuple[str, ...]  # forms that must not appear in zh prose (outside the standard term)
    why: str = ""
    allowed_in: tuple[str, ...] = ()  # document ids that may name the avoided forms (the glossary)


@dataclass(frozen=True)
class Drug:
    en: tuple[str, ...]  # INN and brand names
    zh: str | None  # Chinese generic name; None = no Chinese name confirmed by a Chinese source


@dataclass
class TermList:
    marker: str = "（暂无经核实的中文通用名）"
    terms: list[Term] = field(default_factory=list)
    drugs: list[Drug] = field(default_factory=list)
    english_allowed_in: tuple[str, ...] = ()  # documents whose tables pair zh and en names (glossary)

    def english_name_re(self) -> re.Pattern[str] | None:
        names = sorted({name for drug in self.drugs for name in drug.en}, key=len, reverse=True)
        if not names:
            return None
        return re.compile(r"(?<![A-Za-z-])(" + "|".join(map(re.escape, names)) + r")(?![A-Za-z-])", re.I)

    def drug_for(self, name: str) -> Drug | None:
        folded = name.casefold()
        return next((d for d in self.drugs if folded in (n.casefold() for n in d.en)), None)


def parse_terms(raw: Any) -> tuple[TermList, list[str]]:
    """The term list from terms.yaml, and what is wrong with its shape (field: message)."""
    problems: list[str] = []
    terms = TermList()
    if not isinstance(raw, dict):
        return terms, ["file: must be a mapping with 'terms' and 'drugs'"]
    if isinstance(raw.get("marker"), str):
        terms.marker = raw["marker"]
    terms.english_allowed_in = tuple(str(d) for d in raw.get("english_allowed_in") or ())
    for number, entry in enumerate(raw.get("terms") or [], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("use"), str) or not entry.get("avoid"):
            problems.append(f"terms {number}: needs 'use' (a string) and 'avoid' (a list)")
            continue
        terms.terms.append(
            Term(
                use=entry["use"],
                avoid=tuple(str(a) for a in entry["avoid"]),
                why=str(entry.get("why") or ""),
                allowed_in=tuple(str(a) for a in entry.get("allowed_in") or ()),
            )
        )
    for number, entry in enumerate(raw.get("drugs") or [], start=1):
        en = entry.get("en") if isinstance(entry, dict) else None
        if not isinstance(en, list) or not en or "zh" not in entry:
            problems.append(f"drugs {number}: needs 'en' (a list of names) and 'zh' (a name or null)")
            continue
        terms.drugs.append(Drug(en=tuple(str(n) for n in en), zh=entry["zh"] or None))
    return terms, problems


def prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """(body line number, prose) for every line outside code fences, with citation markers, link
    targets, heading anchors and inline code removed (those are markup, not language)."""
    in_fence = False
    for number, line in enumerate(body.splitlines(), start=1):
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        text = CITATION_RE.sub(" ", line)
        text = LINK_RE.sub(lambda m: m.group(1), text)
        anchored = HEADING_ANCHOR_RE.match(text)
        if anchored:
            text = anchored.group(1)
        yield number, re.sub(r"`[^`]*`", " ", text)


def _inside_parentheses(text: str, position: int) -> bool:
    depth = 0
    for char in text[:position]:
        if char in "（(":
            depth += 1
        elif char in "）)" and depth:
            depth -= 1
    return depth > 0


def zh_problems(doc_id: str, lines: list[tuple[int, str]], terms: TermList) -> Iterator[tuple[int, str]]:
    """(body line, message) for each place a zh page leaves the house style."""
    english = None if doc_id in terms.english_allowed_in else terms.english_name_re()
    marked: set[Drug] = set()
    for number, text in lines:
        for term in terms.terms:
            if doc_id in term.allowed_in:
                continue
            standard = [m.span() for m in re.finditer(re.escape(term.use), text)]
            for form in term.avoid:
                for m in re.finditer(re.escape(form), text):
                    if not any(a <= m.start() and m.end() <= b for a, b in standard):
                        why = f" ({term.why})" if term.why else ""
                        yield number, f"write '{term.use}', not '{form}'{why}"
        for m in _ROMAN_PHASE.finditer(text):
            wanted = _ROMAN.get(m.group(1) or "", m.group(2) or "")
            yield number, f"write '{wanted}期' (Roman numeral character, no space), not '{m.group(0)}'"
        for m in _VERSUS.finditer(text):
            yield number, f"write '对' for a comparison, not '{m.group(1)}'"
        for m in _RANGE.finditer(text):
            if m.group(1) == "-" and _YEAR.match(m.group(0)):
                continue  # a date or a serial such as 2026-008, not a range
            yield number, f"write ranges with '～', not '{m.group(1)}': {m.group(0)!r}"
        if english is None:
            continue
        for m in english.finditer(text):
            drug = terms.drug_for(m.group(1))
            if drug is None or _inside_parentheses(text, m.start()):
                continue
            if drug.zh:
                yield (
                    number,
                    f"English drug name '{m.group(1)}' in Chinese prose: write '{drug.zh}' (English only in parentheses)",
                )
            elif drug not in marked:
                if text[m.end() :].startswith(terms.marker):
                    marked.add(drug)
                else:
                    yield (
                        number,
                        f"'{m.group(1)}' has no confirmed Chinese name: mark its first mention '{m.group(1)}{terms.marker}'",
                    )


def remark_problems(lang: str, lines: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Verification remarks ('未能核实…', 'not verified') belong in source_notes, not in the prose."""
    pattern = _REMARKS.get(lang)
    if pattern is None:
        return
    for number, text in lines:
        match = pattern.search(text)
        if match:
            yield number, f"verification remark '{match.group(0)}' in the prose: move it to source_notes"
