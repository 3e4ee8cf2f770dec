"""Index lifecycle: a current shipped index is used as is; anything else is rebuilt in the cache,
never in the (read-only) install folder."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from index.build import build_index
from index.folder import STAMP_FILE
from index.search import IndexUnavailable, SearchIndex
from index.store import ensure_index, is_current, library_version
from tests.index.conftest import FIXTURE_LIBRARY, top_documents


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under a folder with its mtime and content hash (root ignores chmod, so compare)."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    } | {p.relative_to(folder).as_posix() + "/": (0, "") for p in folder.rglob("*") if p.is_dir()}


def set_stamp(index_dir: Path, **changes) -> None:
    path = index_dir / STAMP_FILE
    stamp = json.loads(path.read_text(encoding="utf-8"))
    stamp.update(changes)
    path.write_text(json.dumps(stamp), encoding="utf-8")


def corrupt(index_dir: Path) -> None:
    for segment in index_dir.glob("*.seg"):
        segment.write_bytes(b"\0garbage" * 10)
    for toc in index_dir.glob("_*.toc"):
        toc.write_bytes(b"not a toc")


@pytest.fixture
def shipped(tmp_path, fixture_index_dir) -> Path:
    copy = tmp_path / "install" / "index"
    shutil.copytree(fixture_index_dir, copy)
    return copy


def finds_denosumab(index_dir: Path) -> bool:
    with SearchIndex.open(index_dir) as index:
        return top_documents(index.search("安加维"))[:1] == ["denosumab"]


def test_current_shipped_index_is_used_and_nothing_is_written(shipped, tmp_path):
    cache = tmp_path / "cache" / "index"
    assert ensure_index(shipped, cache, library_root=FIXTURE_LIBRARY) == shipped
    assert not cache.exists()


def test_missing_shipped_index_is_built_into_the_cache(tmp_path):
    cache = tmp_path / "cache" / "index"
    result = ensure_index(tmp_path / "no-such-install", cache, library_root=FIXTURE_LIBRARY)
    assert result == cache and finds_denosumab(cache)
    assert not (tmp_path / "no-such-install").exists()


@pytest.mark.parametrize("damage", ["stale content", "other analyzer", "corrupt", "no stamp"])
def test_unusable_shipped_index_is_rebuilt_in_the_cache(shipped, tmp_path, damage):
    if damage == "stale content":
        set_stamp(shipped, content_version="2020-01-01+00000000")
    elif damage == "other analyzer":
        set_stamp(shipped, analyzer_version="old-analyzer")
    elif damage == "corrupt":
        corrupt(shipped)
    else:
        (shipped / STAMP_FILE).unlink()
    cache = tmp_path / "cache" / "index"
    assert ensure_index(shipped, cache, library_root=FIXTURE_LIBRARY) == cache
    assert finds_denosumab(cache)
    assert is_current(cache, library_version(FIXTURE_LIBRARY))


def test_read_only_install_folder_is_never_written(shipped, tmp_path):
    set_stamp(shipped, content_version="2020-01-01+00000000")
    for path in [shipped, *shipped.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = snapshot(shipped.parent)
    try:
        cache = tmp_path / "cache" / "index"
        assert ensure_index(shipped, cache, library_root=FIXTURE_LIBRARY) == cache
        with SearchIndex.open(shipped) as opened:  # opening read-only writes nothing either
            opened.search("地舒单抗")
        assert snapshot(shipped.parent) == before
    finally:
        for path in [shipped, *shipped.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_corrupt_cache_is_rebuilt(tmp_path):
    cache = tmp_path / "cache" / "index"
    ensure_index(tmp_path / "none", cache, library_root=FIXTURE_LIBRARY)
    corrupt(cache)
    assert ensure_index(tmp_path / "none", cache, library_root=FIXTURE_LIBRARY) == cache
    assert finds_denosumab(cache)


def test_two_instances_building_at_once_both_get_a_working_index(tmp_path):
    cache = tmp_path / "cache" / "index"
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(lambda _: ensure_index(tmp_path / "none", cache, library_root=FIXTURE_LIBRARY), range(2))
        )
    assert results == [cache, cache]
    assert finds_denosumab(cache)
    leftovers = [p.name for p in cache.parent.iterdir() if p != cache and not p.name.endswith(".lock")]
    assert leftovers == []


def test_build_replaces_the_folder_and_leaves_no_temporary_folders(tmp_path, fixture_library):
    out = tmp_path / "out" / "index"
    out.mkdir(parents=True)
    (out / "old-file").write_text("from an older build")
    stats = build_index(fixture_library, out, content_version="v1")
    assert not (out / "old-file").exists()
    assert stats["documents"] == 18 and stats["sections"] > 18 and stats["bytes"] > 0
    assert [p.name for p in out.parent.iterdir()] == ["index"]
    stamp = json.loads((out / STAMP_FILE).read_text(encoding="utf-8"))
    assert {"content_version", "analyzer_version", "built_at"} <= stamp.keys()


@pytest.mark.parametrize("damage", ["missing", "empty folder", "corrupt", "other analyzer"])
def test_open_names_an_unusable_index(shipped, tmp_path, damage):
    target = shipped
    if damage == "missing":
        target = tmp_path / "nothing-here"
    elif damage == "empty folder":
        target = tmp_path / "empty"
        target.mkdir()
    elif damage == "corrupt":
        corrupt(shipped)
    else:
        set_stamp(shipped, analyzer_version="old-analyzer")
    with pytest.raises(IndexUnavailable), SearchIndex.open(target) as index:
        index.check()


def test_the_library_version_changes_with_the_content(tmp_path):
    copy = tmp_path / "library"
    shutil.copytree(FIXTURE_LIBRARY, copy)
    before = library_version(copy)
    doc = copy / "docs" / "denosumab.zh.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\n新增一句。\n", encoding="utf-8")
    assert library_version(copy) != before
    assert os.path.exists(copy)


def test_the_reference_list_ranks_below_a_topic_with_the_same_heading(tmp_path):
    from dataclasses import dataclass, field

    @dataclass
    class Sec:
        anchor: str
        title: str
        level: int
        text: str

    @dataclass
    class Doc:
        title: str
        sections: list
        tags: list = field(default_factory=list)

    library = type("Lib", (), {})()
    library.synonyms = []
    library.documents = {
        ("references", "en"): Doc(
            "References",
            [
                Sec("", "References", 1, "Sources."),
                Sec("xgeva-uspi", "Xgeva label", 2, "Amgen, Xgeva label."),
            ],
        ),
        ("denosumab", "en"): Doc(
            "Denosumab",
            [Sec("", "Denosumab", 1, "About the drug."), Sec("brand", "Xgeva label", 2, "The brand name.")],
        ),
    }
    build_index(library, tmp_path / "ix", content_version="v")
    with SearchIndex.open(tmp_path / "ix") as index:
        assert top_documents(index.search("Xgeva label", "en")) == ["denosumab", "references"]


@pytest.mark.parametrize("side_file", ["lengths.bin", "weights.bin"])
def test_a_bad_side_file_leaves_no_reader_open(shipped, monkeypatch, side_file):
    # The reader was opened first and left open when a side file was bad: its open files would stop
    # Windows from moving the folder aside for the rebuild.
    from whoosh.index import FileIndex

    opened = []
    real_reader = FileIndex.reader

    def reader(self, **kw):
        opened.append(real_reader(self, **kw))
        return opened[-1]

    monkeypatch.setattr(FileIndex, "reader", reader)
    (shipped / side_file).write_bytes(b"\0" * 3)
    with pytest.raises(IndexUnavailable):
        SearchIndex.open(shipped)
    assert all(r.is_closed for r in opened)
