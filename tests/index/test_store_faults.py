"""The index under faults (issue 16): a build killed mid-way, flipped bytes in the index files."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from index.folder import STAMP_FILE, read_stamp
from index.search import SearchIndex
from index.store import damaged_files, ensure_index, is_current, library_version
from tests.index.conftest import FIXTURE_LIBRARY

QUERIES = [
    ("安加维", "zh"),
    ("地舒单抗", "zh"),
    ("denosumab", "en"),
    ("hypercalcemia", "en"),
    ("颌骨坏死", "zh"),
]
ROOT = Path(__file__).resolve().parents[2]

# A build that kills itself with SIGKILL once it has indexed its first document: it holds the
# build lock and has a temporary folder half written, as after kill -9 or a power cut.
KILLED_BUILD = """
import os, signal, sys
from pathlib import Path
from index.store import ensure_index
ensure_index(Path(sys.argv[1]), Path(sys.argv[2]), library_root=Path(sys.argv[3]),
             progress=lambda done, total: os.kill(os.getpid(), signal.SIGKILL))
"""


def results(index_dir: Path) -> dict:
    with SearchIndex.open(index_dir) as index:
        return {
            query: [(h.doc_id, h.anchor, h.score) for h in index.search(query, lang)]
            for query, lang in QUERIES
        }


def flip_bytes(path: Path, offset_fraction: float, count: int = 16) -> None:
    data = bytearray(path.read_bytes())
    start = int(len(data) * offset_fraction)
    for i in range(start, min(start + count, len(data))):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.fixture
def shipped(tmp_path, fixture_index_dir) -> Path:
    copy = tmp_path / "install" / "index"
    shutil.copytree(fixture_index_dir, copy)
    return copy


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_build_killed_mid_way_holds_up_nothing_and_leaves_no_temporary_folder(tmp_path):
    cache = tmp_path / "cache" / "index"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BUILD, str(tmp_path / "none"), str(cache), str(FIXTURE_LIBRARY)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL
    assert [p.name for p in cache.parent.iterdir() if ".building-" in p.name]  # what the kill left

    # The next build must not wait for the dead builder (a lock file on its own made it wait 120 s).
    done = threading.Event()
    outcome: list = []

    def build() -> None:
        outcome.append(ensure_index(tmp_path / "none", cache, library_root=FIXTURE_LIBRARY))
        done.set()

    threading.Thread(target=build, daemon=True).start()
    assert done.wait(60), "the next build waited for the lock of a process that is gone"
    assert outcome == [cache] and is_current(cache, library_version(FIXTURE_LIBRARY))
    assert sorted(p.name for p in cache.parent.iterdir() if not p.name.endswith(".lock")) == ["index"]


@pytest.mark.parametrize(
    "target, where", [("segment", 0.3), ("segment", 0.7), ("weights.bin", 0.5), ("lengths.bin", 0.5)]
)
def test_flipped_bytes_are_caught_and_rebuilt_to_the_clean_results(
    shipped, fixture_index_dir, tmp_path, target, where
):
    clean = results(fixture_index_dir)
    path = next(shipped.glob("*.seg")) if target == "segment" else shipped / target
    flip_bytes(path, where)
    cache = tmp_path / "cache" / "index"
    damage: list[str] = []
    assert ensure_index(shipped, cache, library_root=FIXTURE_LIBRARY, damage=damage) == cache
    assert results(cache) == clean
    assert len(damage) == 1 and path.name in damage[0]


def test_the_stamp_records_every_file_and_a_damaged_cache_is_rebuilt_in_place(tmp_path, fixture_index_dir):
    stamp = read_stamp(fixture_index_dir)
    on_disk = {
        p.name
        for p in fixture_index_dir.iterdir()
        if p.is_file() and p.name != STAMP_FILE and not p.name.endswith("_WRITELOCK")
    }
    assert set(stamp["files"]) == on_disk and damaged_files(fixture_index_dir, stamp) == []
    cache = tmp_path / "cache" / "index"
    ensure_index(tmp_path / "none", cache, library_root=FIXTURE_LIBRARY)
    flip_bytes(next(cache.glob("*.seg")), 0.5)
    damage: list[str] = []
    assert ensure_index(tmp_path / "none", cache, library_root=FIXTURE_LIBRARY, damage=damage) == cache
    assert damage and results(cache) == results(fixture_index_dir)
