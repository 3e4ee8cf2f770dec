"""Command-line entry points of the library and search tools (called by `bonemet`, see desktop/cli.py)."""

from __future__ import annotations

import html
import io
import json
import re
import sys
from pathlib import Path


def printable_everywhere() -> None:
    """Replace what the console's code page cannot show instead of stopping with a
    UnicodeEncodeError: output redirected on a Chinese Windows PC is GBK, which has no '›' or 'µ'."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def index_build(
    out_dir: str, if_stale: bool = False, library_root: Path | None = None, strict: bool = False
) -> int:
    """`bonemet index build`: run the library validator, then build the search index into `out_dir`.

    Content problems are listed but (unless `strict`) do not stop the build: the index only serves
    search, `bonemet library check` and the tests are the gate for content, and the run and frozen
    build scripts need an index while the library is still being written."""
    from index.build import build_index
    from index.store import is_current, library_version
    from library.content import load_library
    from library.validate import validate

    printable_everywhere()
    out = Path(out_dir)
    version = library_version(library_root)
    if if_stale and is_current(out, version):
        print(f"index in {out} is current (content {version}); nothing to do")
        return 0
    library = load_library(library_root)
    problems = validate(library)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in the library (see `bonemet library check`)", file=sys.stderr)
        if strict:
            print("not building (strict)", file=sys.stderr)
            return 1
    stats = build_index(library, out, content_version=version)
    print(
        f"indexed {stats['documents']} documents ({stats['sections']} sections) in {stats['seconds']:.2f} s"
    )
    print(f"index: {out} ({stats['bytes'] / 1e6:.2f} MB), content {version}")
    return 0


def search(
    query: str,
    lang: str,
    limit: int,
    as_json: bool,
    shipped_dir: Path | str,
    cache_dir: Path | str,
    library_root: Path | None = None,
) -> int:
    """`bonemet search`: print the hits for one query (an unusable query just gives no hits)."""
    from index.search import IndexUnavailable, SearchIndex
    from index.store import bundled_content_version, ensure_index, library_version, open_current

    printable_everywhere()
    folders = (Path(shipped_dir), Path(cache_dir))
    try:
        version = bundled_content_version(folders) if library_root is None else library_version(library_root)
        index = open_current(*folders, version)
        if index is None:  # opened once when current; built (or waited for) only when not
            index = SearchIndex.open(
                ensure_index(Path(shipped_dir), Path(cache_dir), library_root=library_root)
            )
    except (IndexUnavailable, OSError) as exc:
        print(f"search index unavailable: {exc}", file=sys.stderr)
        return 1
    with index:
        hits = index.search(query, lang=lang, limit=limit)
        expansions = index.expansions(query)
    if as_json:
        rows = [
            {
                "id": h.doc_id,
                "lang": h.lang,
                "title": h.title,
                "section": h.section,
                "anchor": h.anchor,
                "snippet": h.snippet_html,
                "score": h.score,
                "missing": list(h.missing),
            }
            for h in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if expansions:
        print("also searched: " + ", ".join(expansions))
    if not hits:
        print("no hits")
    elif hits[0].missing:
        print("no section holds every word; partial matches:")
    bold = sys.stdout.isatty()
    for number, hit in enumerate(hits, start=1):
        where = f"{hit.title} › {hit.section}" if hit.section else hit.title
        target = f"{hit.doc_id}#{hit.anchor}" if hit.anchor else hit.doc_id
        print(f"{number:>2}. [{hit.lang}] {where}  ({target}, score {hit.score:g})")
        print(f"    {terminal_text(hit.snippet_html, bold)}")
        if hit.missing:
            print(f"    missing: {' '.join(hit.missing)}")
    return 0


def terminal_text(snippet_html: str, bold: bool) -> str:
    """A snippet for the terminal: matches in bold (or between asterisks when not a terminal)."""
    on, off = ("\033[1m", "\033[0m") if bold else ("*", "*")
    return html.unescape(re.sub(r"</?b>", lambda m: off if m.group().startswith("</") else on, snippet_html))
