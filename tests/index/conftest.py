"""One small index of the fixture library, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from guideline_content import CONTENT_DIR
from index.build import build_index
from index.search import SearchIndex
from index.store import library_version
from library.content import load_library

FIXTURE_LIBRARY = Path(__file__).parent / "fixtures" / "library"


@pytest.fixture(scope="session")
def fixture_library():
    return load_library(FIXTURE_LIBRARY)


@pytest.fixture(scope="session")
def fixture_index_dir(tmp_path_factory, fixture_library) -> Path:
    out = tmp_path_factory.mktemp("shipped") / "index"
    build_index(fixture_library, out, content_version=library_version(FIXTURE_LIBRARY))
    return out


@pytest.fixture(scope="session")
def index(fixture_index_dir):
    with SearchIndex.open(fixture_index_dir) as opened:
        yield opened


@pytest.fixture(scope="session")
def real_index(tmp_path_factory):
    """The bundled library's index (built once per session)."""
    out = tmp_path_factory.mktemp("real") / "index"
    build_index(load_library(), out, content_version=library_version(CONTENT_DIR))
    with SearchIndex.open(out) as opened:
        yield opened


def top_documents(hits, count: int = 3) -> list[str]:
    """The first `count` distinct document ids, in hit order."""
    ids: list[str] = []
    for hit in hits:
        if hit.doc_id not in ids:
            ids.append(hit.doc_id)
    return ids[:count]
