#!/usr/bin/env bash
# Refresh the committed .ts files from the desktop sources, one catalogue per part of the app:
#   shell_zh_CN.ts       desktop/*.py and desktop/shell/   (window, menus, dialogs, settings)
#   library_zh_CN.ts     desktop/library_view/             (search, reader, bookmarks)
#   calculator_zh_CN.ts  desktop/calculator_view/          (form, result, report)
#   scores_zh_CN.ts      desktop/scores_view/              (SINS and Mirels forms)
# New strings arrive as "unfinished": translate them (Qt Linguist or by hand) and commit the .ts;
# tests/desktop/test_translations.py fails while any string is unfinished or missing.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=.venv/bin/pyside6-lupdate
[ -x "$LUPDATE" ] || LUPDATE=pyside6-lupdate
ts=resources/translations
"$LUPDATE" -no-obsolete desktop/*.py desktop/shell/*.py -ts "$ts/shell_zh_CN.ts"
"$LUPDATE" -no-obsolete desktop/library_view/*.py -ts "$ts/library_zh_CN.ts"
"$LUPDATE" -no-obsolete desktop/calculator_view/*.py -ts "$ts/calculator_zh_CN.ts"
"$LUPDATE" -no-obsolete desktop/scores_view/*.py -ts "$ts/scores_zh_CN.ts"
