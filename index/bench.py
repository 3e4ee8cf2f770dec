"""Search benchmark (a script, not a test): `bonemet bench search [--skip-10k] [--docs N] [--rounds R]`.

Prints, for the bundled library and for a generated corpus (default 10,000 documents of ~2,000
characters, mixed Chinese/English, built from the library's own sentences plus random words so the
vocabulary keeps growing): build time and size, warm query latency p50/p95/max over the fixed
QUERIES below, the cold open time (in a fresh process) and peak memory; for the bundled library
also the hit rate per category on the project's query set against an SQLite FTS5 baseline, and
the warm latency of both (bench_quality.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from index.build import LibraryLike, build_index, folder_size
from index.search import SearchIndex

QUERIES = [
    # Chinese words and phrases
    "地舒单抗",
    "唑来膦酸",
    "低钙血症",
    "高钙血症",
    "颌骨坏死",
    "肌酐清除率",
    "骨相关事件",
    "脊髓压迫",
    "病理性骨折",
    "内分泌治疗",
    "卵巢功能抑制",
    "芳香化酶抑制剂",
    "哌柏西利",
    "德曲妥珠单抗",
    "曲妥珠单抗",
    "三阴性乳腺癌",
    "内脏危象",
    "维生素D",
    "校正血钙",
    "肾功能不全",
    "单次放疗",
    "停药反跳",
    "非典型股骨骨折",
    "急性期反应",
    "口腔检查",
    "拔牙",
    "骨痛",
    "帕米膦酸二钠",
    "伊班膦酸",
    "每12周",
    "每4周",
    "地舒单抗 剂量",
    "唑来膦酸 肾功能",
    "低钙血症 透析",
    "HER2低表达",
    "戈沙妥珠单抗",
    "奥拉帕利",
    "西达本胺",
    "双膦酸盐 停药",
    # one and two characters (what is on screen after the first keystrokes)
    "骨",
    "钙",
    "骨转",
    "唑来",
    "地舒",
    "颌骨",
    "放疗",
    "肾",
    "透析",
    # English
    "denosumab",
    "zoledronic acid",
    "hypocalcaemia",
    "hypocalcemia",
    "osteonecrosis of the jaw",
    "creatinine clearance",
    "skeletal-related events",
    "spinal cord compression",
    "pathological fracture",
    "endocrine therapy",
    "ovarian suppression",
    "visceral crisis",
    "vitamin D",
    "corrected calcium",
    "dialysis",
    "renal impairment",
    "radiotherapy",
    "atypical femoral fracture",
    "acute phase reaction",
    "dental examination",
    "bone pain",
    "every 12 weeks",
    "rebound fractures",
    "fractures",
    "palbociclib",
    "trastuzumab deruxtecan",
    "sacituzumab govitecan",
    # abbreviations and clinical tokens
    "HER2",
    "HER-2",
    "T-DXd",
    "CDK4/6",
    "ONJ",
    "MRONJ",
    "SRE",
    "CrCl",
    "eGFR",
    "MSCC",
    "SINS",
    "TNBC",
    "PD-L1",
    "ILD",
    "5.4 mg/kg",
    "120 mg",
    "4 mg",
    "25-OH",
    "25(OH)D",
    "mL/min",
    "PIK3CA",
    "ESR1",
    "gBRCA",
    # brands
    "安加维",
    "Xgeva",
    "Zometa",
    "择泰",
    "Prolia",
    "Enhertu",
    "优赫得",
    "Aredia",
    "Bondronat",
    "艾瑞妮",
    # pinyin, full and initials
    "dishudankang",
    "dsdk",
    "zuolailinsuan",
    "zlls",
    "dishu",
    "digaixuezheng",
    "dgxz",
    "jisuiyapo",
    "jsyp",
    # typos
    "denosumb",
    "zoledronc",
    "hypocalcemai",
    "osteonecrossis",
    "palbociclb",
    "trastuzmab",
    "dexamethasne",
    "creatinin clearance",
    "fulvestrnt",
    # prefixes while typing
    "deno",
    "zoled",
    "hypoc",
    "osteon",
    "trast",
]


@dataclass
class _Section:
    anchor: str
    title: str
    level: int
    text: str


@dataclass
class _Document:
    title: str
    sections: list[_Section]
    tags: list[str] = field(default_factory=list)


@dataclass
class _Corpus:
    documents: dict[tuple[str, str], _Document]
    synonyms: list[list[str]]


def peak_rss_mb() -> float:
    """Peak resident memory of this process. ru_maxrss survives exec on Linux (a child started from
    a big parent reports the parent's peak), so prefer VmHWM, which is per address space."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource  # POSIX only: on Windows the figure is "nan" instead of the benchmark not starting
    except ImportError:
        return float("nan")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure_queries(index_dir: Path, rounds: int) -> dict:
    """Warm latency: one untimed pass, then `rounds` timed passes over QUERIES (zh UI, limit 20).
    Wall time is what the user waits; CPU time is also shown because this 2-core machine is shared
    and other processes inflate wall time."""
    with SearchIndex.open(index_dir) as index:
        for query in QUERIES:
            index.search(query, lang="zh", limit=20)
        wall: list[float] = []
        cpu: list[float] = []
        slowest = ("", 0.0)
        empty = 0
        for _ in range(rounds):
            for query in QUERIES:
                started, started_cpu = time.perf_counter(), time.process_time()
                hits = index.search(query, lang="zh", limit=20)
                cpu.append((time.process_time() - started_cpu) * 1000)
                wall.append((time.perf_counter() - started) * 1000)
                empty += not hits
                slowest = max(slowest, (query, wall[-1]), key=lambda item: item[1])
    return {
        "queries": len(QUERIES),
        "searches": len(wall),
        "p50_ms": statistics.median(wall),
        "p95_ms": percentile(wall, 0.95),
        "max_ms": max(wall),
        "slowest": slowest[0],
        "cpu_p50_ms": statistics.median(cpu),
        "cpu_p95_ms": percentile(cpu, 0.95),
        "cpu_max_ms": max(cpu),
        "without_hits": empty // rounds,
    }


_COLD_OPEN = """
import json, sys, time
started = time.perf_counter()
from index.search import SearchIndex
from index.bench import peak_rss_mb
imported = time.perf_counter()
index = SearchIndex.open(sys.argv[1])
opened = time.perf_counter()
index.search("地舒单抗", lang="zh", limit=20)
searched = time.perf_counter()
print(json.dumps({"import_ms": (imported - started) * 1000, "open_ms": (opened - imported) * 1000,
                  "first_search_ms": (searched - opened) * 1000,
                  "peak_rss_mb": peak_rss_mb()}))
"""


def measure_cold_open(index_dir: Path) -> dict:
    """Open the index in a fresh interpreter: import, open, first search, and that process's peak RSS."""
    result = subprocess.run(
        [sys.executable, "-c", _COLD_OPEN, str(index_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    return json.loads(result.stdout)


def sentence_pool(library: LibraryLike) -> dict[str, list[str]]:
    pool: dict[str, list[str]] = {"zh": [], "en": []}
    for (_, lang), document in library.documents.items():
        for section in document.sections:
            parts = re.split(r"(?<=[。！？；])|(?<=[.;!?])\s+", section.text)
            pool.setdefault(lang, []).extend(p.strip() for p in parts if len(p.strip()) > 8)
    return pool


def generate_corpus(library: LibraryLike, count: int, seed: int = 20261126) -> _Corpus:
    """`count` documents of ~2,000 characters: library sentences (10% from the other language) mixed
    with random Chinese words and Latin pseudo-words, so that the vocabulary grows with the corpus."""
    rng = random.Random(seed)
    pool = sentence_pool(library)
    hanzi = sorted({ch for text in pool["zh"] for ch in text if "\u4e00" <= ch <= "\u9fff"})
    syllables = [
        "ka",
        "lo",
        "mi",
        "zu",
        "ter",
        "vin",
        "dro",
        "sal",
        "pen",
        "rix",
        "tam",
        "ol",
        "ne",
        "cib",
        "mab",
    ]
    titles = [d.title for d in library.documents.values()]
    headings = [s.title for d in library.documents.values() for s in d.sections if s.anchor]

    def filler(lang: str) -> str:
        if lang == "zh":
            return "".join(rng.choice(hanzi) for _ in range(rng.randint(2, 4)))
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))

    def paragraph(lang: str, size: int) -> str:
        parts: list[str] = []
        while sum(map(len, parts)) < size:
            if rng.random() < 0.2:
                parts.append(
                    (" " if lang == "en" else "").join(filler(lang) for _ in range(rng.randint(3, 8)))
                    + ("." if lang == "en" else "。")
                )
            else:
                source = lang if rng.random() < 0.9 else ("en" if lang == "zh" else "zh")
                parts.append(rng.choice(pool[source]))
        return " ".join(parts) if lang == "en" else "".join(parts)

    documents: dict[tuple[str, str], _Document] = {}
    for number in range(count):
        lang = "zh" if rng.random() < 0.55 else "en"
        title = f"{rng.choice(titles)} {filler(lang)} {number}"
        sections = [_Section("", title, 1, paragraph(lang, 120))]
        sections += [_Section(f"s{i}", rng.choice(headings), 2, paragraph(lang, 380)) for i in range(5)]
        documents[(f"gen-{number:05d}", lang)] = _Document(title, sections)
    return _Corpus(documents, [list(group) for group in library.synonyms])


def report(name: str, build: dict, queries: dict, cold: dict) -> None:
    print(f"== {name}")
    print(
        f"build: {build['documents']} documents, {build['sections']} sections in {build['seconds']:.1f} s; "
        f"index {build['bytes'] / 1e6:.1f} MB"
    )
    print(
        f"warm queries: {queries['queries']} queries x {queries['searches'] // queries['queries']} rounds: "
        f"p50 {queries['p50_ms']:.2f} ms, p95 {queries['p95_ms']:.2f} ms, max {queries['max_ms']:.2f} ms "
        f"(slowest: {queries['slowest']}); {queries['without_hits']} queries without hits"
    )
    print(
        f"  same, CPU time of the search: p50 {queries['cpu_p50_ms']:.2f} ms, p95 {queries['cpu_p95_ms']:.2f} ms, "
        f"max {queries['cpu_max_ms']:.2f} ms; load average now {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
    )
    print(
        f"cold open (fresh process): import {cold['import_ms']:.0f} ms, open {cold['open_ms']:.1f} ms, "
        f"first search {cold['first_search_ms']:.1f} ms, peak RSS of that process {cold['peak_rss_mb']:.0f} MB"
    )


def run(name: str, library: LibraryLike, work: Path, rounds: int, quality: bool = False) -> None:
    out = work / name
    build = build_index(library, out, content_version=f"bench-{name}")
    report(name, build, measure_queries(out, rounds), measure_cold_open(out))
    if quality:
        from index.bench_quality import compare
        from index.bench_quality import report as report_quality

        report_quality(compare(library, out, rounds))
    if build["bytes"] != folder_size(out):
        print("warning: index folder changed size after the build")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bonemet bench search", description=__doc__.splitlines()[0])
    parser.add_argument("--skip-10k", action="store_true", help="only the bundled library")
    parser.add_argument("--docs", type=int, default=10_000, help="size of the generated corpus")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the query list")
    parser.add_argument("--keep", metavar="DIR", help="build into DIR and keep the indexes")
    args = parser.parse_args(argv)

    from library.content import load_library

    library = load_library()
    print(f"python {sys.version.split()[0]}; {len(QUERIES)} fixed queries")
    with tempfile.TemporaryDirectory(prefix="bonemet-bench-") as temp:
        work = Path(args.keep) if args.keep else Path(temp)
        run("bundled", library, work, args.rounds, quality=True)
        if not args.skip_10k:
            started = time.perf_counter()
            corpus = generate_corpus(library, args.docs)
            chars = sum(len(s.text) for d in corpus.documents.values() for s in d.sections)
            print(
                f"generated {args.docs} documents, {chars / args.docs:.0f} characters each "
                f"({time.perf_counter() - started:.1f} s)"
            )
            run(f"generated-{args.docs}", corpus, work, max(1, args.rounds // 2))
    peak = peak_rss_mb()
    print(f"peak RSS of this benchmark process (building included): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
