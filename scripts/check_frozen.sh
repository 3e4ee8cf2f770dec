#!/usr/bin/env bash
# Smoke-test a frozen build folder: the CLI assesses, searches and renders a screenshot, with the
# install folder untouched and per-user data in a scratch folder; then print its size and write checksums.
set -euo pipefail
app="${1:-dist/BoneMetGuide}"
exe="$app/bonemet"; [ -x "$exe" ] || exe="$app/bonemet.exe"
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
export BONEMET_HOME="$scratch/home" QT_QPA_PLATFORM=offscreen
before="$(cd "$app" && find . -type f -newer "$exe" | wc -l)"
"$exe" --version
"$exe" assess examples/hr-positive-first-line.json --format text --lang zh | head -5
"$exe" search 地舒单抗 --limit 3
"$exe" --screenshot "$scratch/shot.png" --lang zh --view calculator --patient examples/hr-positive-first-line.json
test -s "$scratch/shot.png" && echo "screenshot ok: $(stat -c %s "$scratch/shot.png") bytes"
after="$(cd "$app" && find . -type f -newer "$exe" | wc -l)"
[ "$before" = "$after" ] || { echo "the install folder was written to" >&2; exit 1; }
echo "size: $(du -sh "$app" | cut -f1) in $(find "$app" -type f | wc -l) files"
(cd "$app/.." && find "$(basename "$app")" -type f -print0 | sort -z | xargs -0 sha256sum) > "$app.sha256"
echo "checksums: $app.sha256"
