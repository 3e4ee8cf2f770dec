"""Command-line entry points of the library and search tools (called by `bonemet`, see desktop/cli.py)."""

from __future__ import annotations


def library_check() -> int:
    """`bonemet library check`: validate the content, print counts and the content version."""
    from index.content import check_main

    return check_main()


def index_build(out_dir: str, if_stale: bool = False) -> int:
    """`bonemet index build`: build the shipped search index (owned by the search work, issue 4)."""
    raise NotImplementedError("index build is not implemented yet")


def search(query: str, lang: str, limit: int, as_json: bool, shipped_dir, cache_dir) -> int:
    """`bonemet search`: print hits for one query (owned by the search work, issue 4)."""
    raise NotImplementedError("search is not implemented yet")
