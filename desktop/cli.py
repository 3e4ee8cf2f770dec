"""The `bonemet` command: one entry point that dispatches to the engine, the library, the search
index and the desktop app. Qt is imported only when the app (or a screenshot) is started, so the
command-line tools stay fast and work on machines without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def _versions() -> str:
    from calculator.versions import APP_VERSION, rules_version
    from guideline_content import content_version

    return f"BoneMet Guide {APP_VERSION} (content {content_version()}, rules {rules_version()})"


class _VersionAction(argparse.Action):
    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(_versions())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bonemet", description="BoneMet Guide 乳腺癌骨转移诊疗助手")
    parser.add_argument("--version", action=_VersionAction, help="print app and content versions")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the main window to a PNG and exit")
    parser.add_argument("--lang", choices=["zh", "en"], help="UI language (default: system locale)")
    parser.add_argument("--view", choices=["library", "calculator"], default="library")
    parser.add_argument("--query", help="search text to type into the library search box")
    parser.add_argument("--patient", metavar="FILE", help="patient JSON to load into the calculator")
    sub = parser.add_subparsers(dest="command")

    assess = sub.add_parser("assess", help="assess one patient (JSON file or - for stdin)")
    assess.add_argument("patient", metavar="PATIENT.json")
    assess.add_argument("--format", choices=["json", "text", "note"], default="json")
    assess.add_argument("--lang", dest="note_lang", choices=["zh", "en"], default="zh")

    score = sub.add_parser("score", help="SINS (spine) or Mirels (long bone) score from a JSON file or -")
    score.add_argument("score_name", choices=["sins", "mirels"])
    score.add_argument("inputs", metavar="FILE.json")
    score.add_argument("--format", dest="score_format", choices=["json", "text"], default="json")
    score.add_argument("--lang", dest="score_lang", choices=["zh", "en"], default="zh")

    library = sub.add_parser("library", help="guideline library tools")
    library_sub = library.add_subparsers(dest="library_command", required=True)
    library_sub.add_parser("check", help="validate the guideline content and print counts")

    index = sub.add_parser("index", help="search index tools")
    index_sub = index.add_subparsers(dest="index_command", required=True)
    build = index_sub.add_parser("build", help="build the search index shipped with the app")
    build.add_argument("--out", metavar="DIR", help="output folder (default: the shipped index folder)")
    build.add_argument("--if-stale", action="store_true", help="do nothing if the index is current")

    search = sub.add_parser("search", help="search the guideline library")
    search.add_argument("query")
    search.add_argument("--lang", dest="search_lang", choices=["zh", "en"], default="zh")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true")

    bench = sub.add_parser("bench", help="benchmarks that print figures")
    bench.add_argument("what", choices=["search", "assess", "startup", "cli"])
    bench.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


# Commands whose whole result is what they print: if it cannot be written, they failed.
_PRINTING_COMMANDS = frozenset({"assess", "score", "library", "search", "bench"})


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. An output failure (``> /dev/full``, closed stdout, ``| head -1``) ends with
    one line on stderr and exit 1 — the doctor's shell never shows a traceback."""
    if os.environ.get("BONEMET_BENCH_BARE"):  # bench_startup.BARE_ENV: the reference window, not the app
        from desktop.shell.bench_startup import bare_window

        return bare_window()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:  # a plain launch (the shortcut, a double-click): straight to the window
        # Building the parser first cost this path ~10 ms, mostly argparse looking up
        # translations of its own texts for every subcommand (issue 14).
        from desktop.app import main as app_main

        return app_main()
    args = build_parser().parse_args(argv)
    if args.command not in _PRINTING_COMMANDS:
        return _dispatch(args)
    if sys.stdout is None:  # started with stdout closed (``>&-``): nothing could be shown
        return _output_failed("standard output is closed")
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a full disk shows here, not in an "Exception ignored" at exit
    except OSError as error:  # BrokenPipeError, ENOSPC, EBADF ...
        return _output_failed(error.strerror or type(error).__name__)
    return code


def _output_failed(reason: str) -> int:
    # Nothing more may reach the broken stdout: Python would flush it again at exit and print
    # "Exception ignored" there.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
    except OSError:
        pass
    if sys.stderr is not None:
        try:
            sys.stderr.write(f"bonemet: cannot write the output: {reason}\n")
            sys.stderr.flush()
        except OSError:
            pass
    return 1


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "assess":
        from calculator.cli import run_assess

        return run_assess(args.patient, fmt=args.format, lang=args.note_lang)
    if args.command == "score":
        from calculator.score_cli import run_score

        return run_score(args.score_name, args.inputs, fmt=args.score_format, lang=args.score_lang)
    if args.command == "library":
        from index.cli import printable_everywhere
        from library.cli import library_check

        printable_everywhere()
        return library_check()
    if args.command == "index":
        from desktop.shell.paths import shipped_index_dir
        from index.cli import index_build

        return index_build(out_dir=args.out or str(shipped_index_dir()), if_stale=args.if_stale)
    if args.command == "search":
        from desktop.shell.paths import shipped_index_dir, user_dirs
        from index.cli import search

        return search(
            args.query,
            lang=args.search_lang,
            limit=args.limit,
            as_json=args.json,
            shipped_dir=shipped_index_dir(),
            cache_dir=user_dirs().cache / "index",
        )
    if args.command == "bench":
        return _bench(args.what, args.rest)
    from desktop.app import main as app_main

    return app_main(
        screenshot=args.screenshot, lang=args.lang, view=args.view, query=args.query, patient=args.patient
    )


def _bench(what: str, rest: list[str]) -> int:
    if what == "assess":
        from calculator.bench import main as bench_main
    elif what == "search":
        from index.bench import main as bench_main
    elif what == "cli":
        from desktop.bench_cli import main as bench_main
    else:
        from desktop.shell.bench_startup import main as bench_main
    return bench_main(rest)


def gui_main() -> int:
    """Entry point of the windowed (no console) Windows launcher."""
    return main()


if __name__ == "__main__":
    sys.exit(main())
