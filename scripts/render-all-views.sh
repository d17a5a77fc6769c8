#!/usr/bin/env bash
# Renders every view at 1280×800 and 1920×1080 in Japanese and English to PNG,
# for looking at what was built (and for `./dev.sh run` without a display).
#   scripts/render-all-views.sh WARDSCOPE DB OUT_DIR [--present]
# --present: every view in presentation mode (the room layout), as NAME-SIZE-LANG-present.png.
# Uses $DISPLAY when set, else starts its own Xvfb.
set -euo pipefail
if [ $# -lt 3 ] || [ $# -gt 4 ] || { [ $# -eq 4 ] && [ "$4" != --present ]; }; then
  echo "usage: $0 WARDSCOPE DB OUT_DIR [--present]" >&2
  exit 2
fi
exe=$(realpath "$1") db=$(realpath "$2") out=$3 present=${4:-}
mkdir -p "$out"

if [ -z "${DISPLAY:-}" ] && [ -z "${WARDSCOPE_IN_XVFB:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "xvfb-run not found: apt-get install xvfb xauth" >&2; exit 1; }
  WARDSCOPE_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi

# The views, in tab order, as the binary lists them (ui::make_views()).
views=$("$exe" shot --list-views)

# Plans that show a view at its best; other views, and plans not in the
# database, fall back to the view's defaults.
declare -A plans=(
  [explorer]="itabashi-vision-2035"
  [swot]="itabashi-vision-2035,kita-vision-2026"
  [compare]="sumida-regional-2019,sumida-regional-2022"
  [kpi]="kita-vision-2026,itabashi-vision-2035"
)
known=$(sqlite3 -readonly "$db" "SELECT id FROM plan" 2>/dev/null || true)
available() {
  local ids=() id
  IFS=, read -ra wanted <<<"$1"
  for id in "${wanted[@]}"; do grep -qx "$id" <<<"$known" && ids+=("$id"); done
  (IFS=,; echo "${ids[*]}")
}

for view in $views; do
  selection=$(available "${plans[$view]:-}")
  for size in 1280x800 1920x1080; do
    for lang in ja en; do
      args=(shot --db "$db" --view "$view" --size "$size" --lang "$lang" --out "$out/$view-$size-$lang${present:+-present}.png")
      [ -n "$present" ] && args+=(--present)
      [ -n "$selection" ] && args+=(--plans "$selection")
      "$exe" "${args[@]}"
    done
  done
done
[ -n "$present" ] || "$exe" shot --db "$db" --view heatmap --size 1920x1080 --lang ja --present --out "$out/heatmap-1920x1080-ja-present.png"
