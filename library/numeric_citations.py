"""The numeric-citation rule: every number in a document sits in a cited block.

A *block* is a paragraph, one list item (with its continuation lines) or one table row. A block
that contains a number must carry a `[ref:...]` citation. A table row may instead be covered by
the paragraph that introduces the table (the block right before it) when that paragraph cites.

What counts as a number: a run of digits that does not belong to a name. Not numbers:
- digits in a word that starts with a letter: HER2, CDK4/6, ESR1, PIK3CA, T-DM1, DS-8201,
  MONALEESA-2, BRCA1/2, CTCAE v4.03, vitamin D3;
- digits inside citation markers, link targets (`doc:id#anchor`) and heading anchors;
- years 1900-2099 standing alone (they name a source edition; the figures around them still count);
- ordinal suffixes (1st, 2nd, 3rd, 4th) and the number of an ordered-list item (`1.` at line start);
- headings (they are titles, not claims).
The front-matter summary cannot carry a citation, so each figure in it must also appear in a cited
block of the body.
Everything else counts, including Chinese text such as 每4周 or 第3代, percentages and doses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from library.markup import CITATION_RE, LINK_RE, iter_lines_outside_fences, split_heading

_NAME_WITH_DIGITS = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-/.+][A-Za-z0-9]+)*\+?")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]*\d)")
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")
_ORDERED_MARK = re.compile(r"^\s*\d+[.)]\s+")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Block:
    kind: str  # "paragraph" | "list item" | "table row"
    line: int  # first line, counted from 1 in the body
    text: str


def has_number(text: str) -> bool:
    """True when the text holds a figure that needs a source (see the module docstring)."""
    return bool(numbers_in(text))


def numbers_in(text: str) -> list[str]:
    """The figures in a text that need a source, e.g. ["120", "4"] for "120 mg every 4 weeks"."""
    text = CITATION_RE.sub(" ", text)
    text = LINK_RE.sub(lambda m: f" {m.group(1)} ", text)
    text = re.sub(r"\{[ \t]*#[^}]*\}", " ", text)
    text = _ORDERED_MARK.sub(" ", text)
    text = _ORDINAL.sub(" ", text)
    text = _NAME_WITH_DIGITS.sub(" ", text)
    text = _YEAR.sub(" ", text)
    return _FIGURE.findall(text)


def unbacked_summary_numbers(summary: str, body: str) -> list[str]:
    """Figures in the (uncitable) front-matter summary that no cited block of the body contains."""
    cited_text = " ".join(b.text for b in split_blocks(body) if is_cited(b.text))
    return [
        n
        for n in numbers_in(summary)
        if not re.search(rf"(?<![\d.,]){re.escape(n)}(?![\d]|[.,]\d)", cited_text)
    ]


def is_cited(text: str) -> bool:
    return bool(CITATION_RE.search(text))


def split_blocks(body: str) -> list[Block]:
    """Paragraphs, list items and table rows of a markdown body (headings and code left out)."""
    blocks: list[Block] = []
    current: list[str] = []
    current_kind, current_line = "", 0

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(Block(current_kind, current_line, " ".join(s.strip() for s in current)))
        current = []

    previous_number = 0
    for number, line in iter_lines_outside_fences(body):
        if number != previous_number + 1:  # a fenced block in between ends the block
            flush()
        previous_number = number
        stripped = line.strip()
        if not stripped or split_heading(line):
            flush()
            continue
        if stripped.startswith("|"):
            flush()
            if not _TABLE_SEPARATOR.match(stripped):
                blocks.append(Block("table row", number, stripped))
            continue
        if _LIST_ITEM.match(line):
            flush()
            current_kind, current_line, current = "list item", number, [line]
            continue
        if not current:
            current_kind, current_line = "paragraph", number
        current.append(line)
    flush()
    return blocks


def uncited_numeric_blocks(body: str) -> list[Block]:
    """Blocks that contain a number but no citation (and, for table rows, no citing intro)."""
    problems = []
    blocks = split_blocks(body)
    intro_cites = False
    for index, block in enumerate(blocks):
        if block.kind == "table row":
            starts_table = index == 0 or blocks[index - 1].kind != "table row"
            if starts_table:
                previous = blocks[index - 1] if index else None
                intro_cites = (
                    previous is not None and previous.kind == "paragraph" and is_cited(previous.text)
                )
            if intro_cites:
                continue
        if has_number(block.text) and not is_cited(block.text):
            problems.append(block)
    return problems
