#!/usr/bin/env bash
# Sizes of everything a page loads for the widget (pkg/: loader JS, wasm-bindgen glue, wasm;
# the stylesheet is compiled into the wasm), raw / gzip -9 / brotli -q 11, and the total
# against the 130 KiB brotli budget (issue 12's target; issue 5's was 90 KiB). Exits non-zero
# when over budget. The loader's note for a wasm that cannot start (pkg/grade-widget-failure.js)
# is shown apart: a page loads it only then. Then, apart from it, the report builder's own bundle
# (pkg/builder/), which only www/builder.html loads: it is in no widget page's total and has no
# budget.
# Usage: scripts/size.sh [--json]   (--json prints one machine-readable line instead)
set -euo pipefail
cd "$(dirname "$0")/.."

budget=$((130 * 1024))
files=(pkg/grade-widget.js pkg/grade_widget.js pkg/grade_widget_bg.wasm)
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "size: $f is missing: run scripts/build.sh first" >&2; exit 2; }
done

total_raw=0; total_gz=0; total_br=0
rows=()
for f in "${files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  rows+=("$(printf '%-28s %9d %9d %9d' "$f" "$raw" "$gz" "$br")")
done

note=pkg/grade-widget-failure.js
[ -f "$note" ] || { echo "size: $note is missing: run scripts/build.sh first" >&2; exit 2; }
note_row=$(printf '%-28s %9d %9d %9d' "$note" "$(wc -c <"$note")" "$(gzip -9 -c "$note" | wc -c)" "$(brotli -q 11 -c "$note" | wc -c)")

builder_files=(pkg/builder/grade_widget_builder.js pkg/builder/grade_widget_builder_bg.wasm)
for f in "${builder_files[@]}"; do
  [ -f "$f" ] || { echo "size: $f is missing: run scripts/build.sh first" >&2; exit 2; }
done
b_raw=0; b_gz=0; b_br=0
b_rows=()
for f in "${builder_files[@]}"; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  b_raw=$((b_raw + raw)); b_gz=$((b_gz + gz)); b_br=$((b_br + br))
  b_rows+=("$(printf '%-40s %9d %9d %9d' "$f" "$raw" "$gz" "$br")")
done

if [ "${1:-}" = "--json" ]; then
  printf '{"raw":%d,"gzip":%d,"brotli":%d,"budget_brotli":%d,"builder":{"raw":%d,"gzip":%d,"brotli":%d}}\n' \
    "$total_raw" "$total_gz" "$total_br" "$budget" "$b_raw" "$b_gz" "$b_br"
else
  printf '%-28s %9s %9s %9s\n' "file (bytes)" raw gzip brotli
  printf '%s\n' "${rows[@]}"
  printf '%-28s %9d %9d %9d\n' "total" "$total_raw" "$total_gz" "$total_br"
  awk -v b="$total_br" -v k=$((budget / 1024)) 'BEGIN { printf "size: %.1f KiB brotli of %d KiB budget\n", b / 1024, k }'
  echo "only when the wasm cannot start (not in the total):"
  printf '%s\n' "$note_row"
  echo
  printf '%-40s %9s %9s %9s\n' "report builder only (bytes)" raw gzip brotli
  printf '%s\n' "${b_rows[@]}"
  printf '%-40s %9d %9d %9d\n' "builder total (not in the widget's)" "$b_raw" "$b_gz" "$b_br"
fi
if [ "$total_br" -gt "$budget" ]; then
  echo "size: over budget by $((total_br - budget)) bytes brotli" >&2
  exit 1
fi
