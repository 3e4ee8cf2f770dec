"""The start paths import no parser or index writer: the app (until search is ready), `bonemet
search` and `bonemet assess` never import markdown, yaml, whoosh's writer, our index builder or pypinyin. The library
comes from its prebuilt form and pages are rendered when first opened (issue 14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.store import ensure_index

FORBIDDEN = ("markdown", "yaml", "whoosh.writing", "index.build", "pypinyin")
ROOT = Path(__file__).resolve().parents[2]
PATIENT = sorted((ROOT / "examples").glob("*.json"))[0]

# Runs the `bonemet` command in-process, then prints which forbidden modules it imported. The app
# (BONEMET_BENCH_STARTUP) is judged by what it had imported when search became ready, which is when
# its bench reports peak memory: idle work after that may legitimately import more before it exits.
PROBE = """
import json, linecache, sys
import desktop.shell.bench_startup as bench
at_ready = []
peak_rss_mb = bench.peak_rss_mb
bench.peak_rss_mb = lambda: at_ready.append((set(sys.modules), list(linecache.cache))) or peak_rss_mb()
from desktop.cli import main
code = main(sys.argv[1:])
forbidden = %r
modules, sources_read = at_ready[0] if at_ready else (sys.modules, list(linecache.cache))
loaded = sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in forbidden))
import gc
print("PROBE " + json.dumps({"code": code, "loaded": loaded, "collecting": gc.isenabled(), "read": sources_read}))
"""


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A profile whose cache holds a current index (so no start path has to build one)."""
    home = tmp_path_factory.mktemp("home")
    ensure_index(home / "no-shipped-index", home / "cache" / "index")
    return home


def _probe(home: Path, *args: str, forbidden: tuple[str, ...] = FORBIDDEN, **env: str) -> tuple[dict, str]:
    environ = dict(os.environ, BONEMET_HOME=str(home), QT_QPA_PLATFORM="offscreen", **env)
    done = subprocess.run(
        [sys.executable, "-c", PROBE % (forbidden,), *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("PROBE ")), None)
    assert line is not None, done.stderr[-2000:]
    return json.loads(line[6:]), done.stdout


def test_the_app_reaches_search_ready_without_parsers_or_index_writer(home):
    result, stdout = _probe(home, BONEMET_BENCH_STARTUP="1")
    assert result["code"] == 0
    assert "state=ready" in stdout  # the start path ran until search was ready
    assert result["loaded"] == []
    assert result["collecting"]  # the garbage collector, off during start-up, is on again


def test_the_app_reaches_search_ready_without_the_engine_or_the_file_lock(home):
    # The Library view needs neither: the calculator's engine loads when its view is built, the
    # bookmarks' file lock at the first change of a list (issue 14).
    result, stdout = _probe(home, forbidden=("calculator.assessment", "filelock"), BONEMET_BENCH_STARTUP="1")
    assert result["code"] == 0 and "state=ready" in stdout
    assert result["loaded"] == []


def test_pyside_reads_no_source_of_the_search_engine_or_the_standard_library_at_start(home):
    # PySide's import hook reads each new module's source (desktop/shell/pyside_scan.py); the app
    # answers it for modules that cannot use Qt, so by search ready only the desktop's own were read.
    result, stdout = _probe(home, BONEMET_BENCH_STARTUP="1")
    assert result["code"] == 0 and "state=ready" in stdout
    read = [Path(name) for name in result["read"]]
    assert any("desktop" in path.parts for path in read)  # PySide still reads the ones that use it
    packages = {"whoosh", "index", "library", "calculator", "guideline_content"}
    assert [p for p in read if packages & set(p.parts)] == []
    stdlib = Path(os.__file__).parent
    in_stdlib = {p for p in read if p.is_relative_to(stdlib) and "site-packages" not in p.parts}
    assert in_stdlib <= _read_by_importing_pyside()  # before the app can answer for them


def _read_by_importing_pyside() -> set[Path]:
    probe = "import linecache, PySide6; print('\\n'.join(linecache.cache))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {Path(line) for line in done.stdout.splitlines()}


def test_importing_desktop_for_its_version_loads_no_engine():
    probe = "import sys, desktop; print(desktop.__version__, sorted(m for m in sys.modules if m.startswith('calculator')))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split(" ", 1)[1].strip() == "['calculator', 'calculator.versions']"


def test_bonemet_search_imports_no_parser_or_index_writer(home):
    result, stdout = _probe(home, "search", "denosumab", "--lang", "en")
    assert result["code"] == 0 and "denosumab" in stdout.lower()
    assert result["loaded"] == []


def test_bonemet_assess_imports_no_parser_or_search(home):
    result, stdout = _probe(home, "assess", str(PATIENT), "--format", "text")
    assert result["code"] == 0
    assert result["loaded"] == []


def test_every_public_calculator_name_resolves():
    # calculator/__init__.py exports lazily (module __getattr__): a name in __all__ whose module
    # does not define it would otherwise fail only when first used.
    import calculator

    for name in calculator.__all__:
        assert getattr(calculator, name) is not None, name
    assert set(calculator.__all__) <= set(dir(calculator))
