"""Shared test setup.

Qt must know it has no display before any QApplication exists (plain `pytest` would otherwise
abort on a machine without DISPLAY), and no test may touch a real user profile: every per-user
folder points into the test's own tmp_path.

Markers (registered in pyproject.toml): `system` for tests/system (a separate `bonemet` process
against an install folder) and `slow` for anything that starts a process or needs the search index
of the real library; both are applied here, `slow` also by hand on single tests. The fast loop is
`./test.sh -m "not slow"`.

The real library is read once per session (`real_library`) and its search index built once per
session (`real_index_dir`); under pytest-xdist that is once per worker, each in its own tmp folder.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

SYSTEM_DIR = Path(__file__).parent / "system"
# A test that uses one of these builds or opens the real library's search index (seconds).
SLOW_FIXTURES = {"real_index_dir", "real_backend"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SYSTEM_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.system)
            item.add_marker(pytest.mark.slow)
        elif SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    home = tmp_path / "bonemet-home"
    monkeypatch.setenv("BONEMET_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def real_library():
    """The bundled guideline library, loaded once per session. Read it; never change it (shared)."""
    from library.content import load_library

    return load_library()


@pytest.fixture(scope="session")
def real_index_dir(tmp_path_factory, real_library) -> Path:
    """A search index of the bundled library, built once per session (per xdist worker) into tmp."""
    from guideline_content import CONTENT_DIR
    from index.build import build_index
    from index.store import library_version

    out = tmp_path_factory.mktemp("real-index") / "index"
    build_index(real_library, out, content_version=library_version(CONTENT_DIR))
    return out
