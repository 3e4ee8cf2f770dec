"""The markdown dialect of the guideline library: its markers, the one Markdown configuration, and
markdown -> plain text (what the search index and the validator read).

Library markdown = CommonMark + pipe tables + `{#anchor}` on headings + two library markers:
citations `[ref:key]` / `[ref:a; ref:b]` / `[ref:key, §4.3]` (with a locator: section, table, page)
and document links `[text](doc:id#anchor)`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

import markdown
from markdown.extensions import Extension


class _NoRawHtmlOrImages(Extension):
    """Content is text, tables and links: raw HTML is shown as text and image syntax stays literal, so a
    page can never make the reader fetch a file (an <img src="file:///dev/zero"> stalled it)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        for pattern in ("html", "image_link", "image_reference", "short_image_ref"):
            md.inlinePatterns.deregister(pattern)


MARKDOWN_EXTENSIONS: list[str | Extension] = [
    "tables",
    "attr_list",
    "toc",
    "sane_lists",
    _NoRawHtmlOrImages(),
]
# raw HTML tags and image syntax, which the validator rejects (the renderer shows them as text)
RAW_HTML_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
IMAGE_RE = re.compile(r"!\[[^\]]*\]\(")
INLINE_CODE_RE = re.compile(r"`[^`]*`")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# `## Title {#anchor}`; a heading without the braces is caught by HEADING_RE + a None anchor
HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
HEADING_ANCHOR_RE = re.compile(r"^(.*?)[ \t]*\{[ \t]*#([^}\s]+)[ \t]*\}$")
CITATION_RE = re.compile(r"\[ref:[ \t]*([^\]]*)\]")
# inline links; the lookbehind skips images
LINK_RE = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")
FENCE_RE = re.compile(r"^[ \t]*(```|~~~)")


def citation_parts(marker_body: str) -> list[tuple[str, str]]:
    """(key, locator) for each source in the inside of one citation marker:
    `a, Table 2; ref:b` -> [("a", "Table 2"), ("b", "")]. The locator is what follows the first comma."""
    parts = []
    for part in marker_body.split(";"):
        key, _, locator = part.strip().partition(",")
        key = key.strip()
        if key.startswith("ref:"):
            key = key[4:].strip()
        parts.append((key, locator.strip()))
    return parts


def citation_keys(marker_body: str) -> list[str]:
    """The keys in the inside of one citation marker: `a; ref:b, §2` -> ["a", "b"]."""
    return [key for key, _ in citation_parts(marker_body)]


def cited_keys(text: str) -> list[str]:
    """Every reference key cited in a piece of markdown, in order of appearance (repeats kept)."""
    return [key for match in CITATION_RE.finditer(text) for key in citation_keys(match.group(1))]


def split_heading(line: str) -> tuple[int, str, str | None] | None:
    """(level, title, anchor or None) for an ATX heading line, else None."""
    match = HEADING_RE.match(line)
    if not match:
        return None
    level, rest = len(match.group(1)), match.group(2)
    anchored = HEADING_ANCHOR_RE.match(rest)
    if anchored:
        return level, anchored.group(1).strip(), anchored.group(2)
    return level, rest.strip(), None


def iter_lines_outside_fences(body: str) -> Iterator[tuple[int, str]]:
    """(line number from 1, line) for every line not inside a fenced code block."""
    in_fence = False
    for number, line in enumerate(body.splitlines(), start=1):
        if FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


_local = threading.local()


def to_html(text: str) -> str:
    """Markdown -> HTML with the library's extensions. One Markdown instance per thread (building
    one costs more than converting a typical document, and instances are not thread-safe)."""
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    try:
        return md.reset().convert(text)
    finally:
        md.reset()


def replace_citations(text: str, replace: Callable[[list[str]], str]) -> str:
    """Replace each citation marker by `replace(keys)`."""
    return CITATION_RE.sub(lambda m: replace(citation_keys(m.group(1))), text)


def replace_citation_parts(text: str, replace: Callable[[list[tuple[str, str]]], str]) -> str:
    """Replace each citation marker by `replace([(key, locator), ...])`."""
    return CITATION_RE.sub(lambda m: replace(citation_parts(m.group(1))), text)


class _PlainText(HTMLParser):
    _BLOCKS = {
        "p",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "ul",
        "ol",
        "blockquote",
        "br",
        "div",
    }
    _CELLS = {"td", "th"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n")
        elif tag in self._CELLS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n")
        elif tag in self._CELLS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        # whitespace between tags (e.g. the newline between two <td>) is layout, not a line break
        self.parts.append(" " if not data.strip() else data)


def html_to_plain(html: str) -> str:
    """HTML from `to_html` -> clean plain text, one line per paragraph / list item / table row."""
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parser.parts).splitlines())
    plain = "\n".join(line for line in lines if line)
    # a citation removed before punctuation leaves "text ." behind
    return re.sub(r" +([,.;:)，。；：、）])", r"\1", plain)


_HTML_HEADING = re.compile(r"(<h[1-6][^>]*>.*?</h[1-6]>)", re.S)


def plain_sections(body: str) -> tuple[str, list[tuple[int, str, str | None, str]]]:
    """(plain text before the first heading, [(level, plain title, anchor or None, plain text)]) for
    every ATX heading of a markdown body. The body is rendered once and split at the rendered
    headings (far cheaper than rendering each section); the headings' levels and anchors come from
    the source lines, which the rendered headings follow one to one."""
    headings = [h for _, line in iter_lines_outside_fences(body) if (h := split_heading(line))]
    parts = _HTML_HEADING.split(to_html(replace_citations(body, lambda keys: "")))
    rendered_titles, texts = parts[1::2], parts[2::2]
    if len(rendered_titles) != len(headings):
        raise ValueError(f"found {len(headings)} heading lines but {len(rendered_titles)} rendered headings")
    sections = [
        (level, html_to_plain(title_html), anchor, html_to_plain(text_html))
        for (level, _, anchor), title_html, text_html in zip(headings, rendered_titles, texts, strict=True)
    ]
    return html_to_plain(parts[0]), sections
