#!/usr/bin/env bash
# Runs the Windows build under wine with a private Xvfb (called by
# scripts/build-windows.sh --test): unzips it into a temp folder, then
# `wardscope.exe import` of the bundled plans and `shot` of every view, each
# compared with the Linux build's shot of the same view (scripts/compare-shots.py:
# same layout probes, pixels close).
#   scripts/test-windows.sh ZIP [LINUX_BUILD_DIR]   (default build/, from ./dev.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
SRC_DIR=$(pwd)
zip=$(realpath "${1:?usage: $0 ZIP [LINUX_BUILD_DIR]}")
linux=$(realpath "${2:-build}")/wardscope
[ -x "$linux" ] || { echo "no Linux build at $linux: run ./dev.sh test (or cmake --build build) first" >&2; exit 1; }
command -v wine >/dev/null || { echo "wine not found: apt-get install wine wine64" >&2; exit 1; }
font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
[ -f "$font" ] || { echo "$font not found: apt-get install fonts-noto-cjk" >&2; exit 1; }

if [ -z "${WARDSCOPE_IN_XVFB:-}" ]; then
  WARDSCOPE_IN_XVFB=1 exec scripts/with-xvfb.sh 1920x1080 "$0" "$@"
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/wardscope-wine.XXXXXX")
trap 'wineserver -k 2>/dev/null || true; rm -rf "$TMP"' EXIT
# A wine prefix of the test's own: a fresh "Windows" with no Japanese font but
# the one copied into its fonts folder, as a user would install Noto Sans CJK
# (wine has no Yu Gothic or Meiryo). Mono and Gecko are not needed.
export WINEPREFIX=$TMP/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
echo "== wineboot (a new wine prefix takes a minute)"
wineboot --init >/dev/null 2>&1 || true
wineserver -w
cp "$font" "$WINEPREFIX/drive_c/windows/Fonts/"
(cd "$TMP" && unzip -q "$zip")
W=$TMP/wardscope/wardscope.exe
for f in wardscope.exe README.txt data/themes.json data/actors.json; do
  [ -f "$TMP/wardscope/$f" ] || { echo "FAIL the zip lacks wardscope/$f"; exit 1; }
done

FAILURES=0
pass() { echo "ok   $*"; }
fail() { FAILURES=$((FAILURES + 1)); echo "FAIL $*"; }
# The shots are kept for looking at: out/windows-shots/.
shots=$SRC_DIR/out/windows-shots
rm -rf "$shots"
mkdir -p "$shots" "$TMP/win" "$TMP/linux"
# Each build has its own plans.db (the status bar shows the file's name, the
# same on both sides). Relative paths: on Windows CLI11 reads an argument
# starting with '/' as an option (/flag), so Unix absolute paths cannot be
# handed to wardscope.exe.
cd "$TMP/win"
plans=(../wardscope/data/plans/*.json)

views=$("$linux" shot --list-views 2>/dev/null) ||
  views=$("$linux" shot --help | grep -- '--view' | grep -o '{[^}]*}' | tr -d '{}' | tr ',' ' ')
views=$(echo $views)

if wine "$W" import --db plans.db "${plans[@]}" >import.txt 2>&1; then pass "wine: $(head -1 import.txt | tr -d '\r')"
else fail "wine: import:"; cat import.txt; fi
(cd "$TMP/linux" && WARDSCOPE_DATA=$SRC_DIR/data "$linux" import --db plans.db "$SRC_DIR"/data/plans/*.json >/dev/null)
count() { sqlite3 "$1" 'SELECT count(*) FROM plan' 2>/dev/null; }
[ -n "$(count plans.db)" ] && [ "$(count plans.db)" = "$(count ../linux/plans.db)" ] \
  && pass "the same $(count plans.db) plans as the Linux import" || fail "plan counts differ"

# KPI CSV in the encodings Japanese Excel saves, decoded by the Win32 API
# (MultiByteToWideChar; ICU on Linux): the same messages as on Linux, and an
# invalid byte is an error naming its line. Then an export (an atomic replace:
# temporary file, FlushFileBuffers, MoveFileExW), written twice.
python3 - <<'PY'
header = "plan_id,indicator_id,fiscal_year,value,source\r\n"
rows = "kita-vision-2026,ind2,令和元年度,5,区の調査（速報）\r\n"
open("sjis.csv", "wb").write((header + rows).encode("cp932"))
open("utf16.csv", "wb").write((header + rows.replace("令和元年度", "令和2年度")).encode("utf-16"))
open("bad.csv", "wb").write((header + rows).encode("cp932") + b"kita-vision-2026,ind2,2021,7,\x81\x20x\r\n")
PY
cp plans.db kpi.db
wine "$W" kpi import --db kpi.db sjis.csv >kpi.txt 2>&1 || true
grep -qF "read sjis.csv as Shift_JIS (CP932): 1 observations stored (1 new, 0 replaced)" kpi.txt \
  && pass "wine: kpi import of a Shift_JIS file" || { fail "wine: kpi import sjis.csv:"; cat kpi.txt; }
[ "$(sqlite3 kpi.db "SELECT source FROM observation WHERE origin = 'csv' AND fiscal_year = 2019")" = "区の調査（速報）" ] \
  && pass "wine: the Shift_JIS text arrived as written" || fail "wine: the Shift_JIS text differs"
wine "$W" kpi import --db kpi.db utf16.csv >kpi.txt 2>&1 || true
grep -qF "read utf16.csv as UTF-16LE: 1 observations stored" kpi.txt \
  && pass "wine: kpi import of UTF-16 with BOM" || { fail "wine: kpi import utf16.csv:"; cat kpi.txt; }
if wine "$W" kpi import --db kpi.db bad.csv >kpi.txt 2>&1; then fail "wine: bad.csv was accepted"
elif grep -qF "bad.csv:3: bytes that are neither UTF-8 nor Shift_JIS" kpi.txt; then pass "wine: an invalid byte is refused, naming line 3"
else fail "wine: bad.csv:"; cat kpi.txt; fi
[ "$(sqlite3 kpi.db "SELECT count(*) FROM observation WHERE origin = 'csv'")" = 2 ] \
  && pass "wine: two CSV observations, no more" || fail "wine: CSV observation count"
if wine "$W" kpi export --db kpi.db --out kpi.csv >kpi.txt 2>&1 && wine "$W" kpi export --db kpi.db --out kpi.csv >>kpi.txt 2>&1 \
   && [ -s kpi.csv ] && ! ls kpi.csv.wardscope-tmp-* >/dev/null 2>&1; then
  pass "wine: kpi export written, then replaced, no temporary file left"
else fail "wine: kpi export:"; cat kpi.txt; fi

for view in $views; do
  for lang in ja en; do
    name=$view-$lang
    args=(shot --view "$view" --size 1280x800 --lang "$lang" --db plans.db)
    if ! wine "$W" "${args[@]}" --out "$name.png" --layout "$name.json" >"$name.log" 2>&1; then
      fail "wine: shot $name:"; cat "$name.log"; continue
    fi
    if grep -q "no Japanese font" "$name.log"; then fail "wine: shot $name found no Japanese font"; fi
    (cd "$TMP/linux" && "$linux" "${args[@]}" --out "$name.png" --layout "$name.json" >/dev/null)
    cp "$name.png" "$shots/windows-$name.png"
    cp "$TMP/linux/$name.png" "$shots/linux-$name.png"
    if python3 "$SRC_DIR/scripts/compare-shots.py" "$name.png" "$name.json" "../linux/$name.png" "../linux/$name.json" \
         >"compare-$name.txt"; then
      pass "shot $name: $(cat "compare-$name.txt")"
    else
      fail "shot $name differs from Linux:"; sed 's/^/     /' "compare-$name.txt"
    fi
  done
done

# The first run on Windows creates the database in %LOCALAPPDATA%\wardscope.
if wine "$W" shot --view timeline --out first.png >first.log 2>&1 &&
   find "$WINEPREFIX/drive_c/users" -path '*/AppData/Local/wardscope/wardscope.db' | grep -q .; then
  pass "wine: first run created %LOCALAPPDATA%\\wardscope\\wardscope.db"
else
  fail "wine: first run:"; cat first.log
fi

echo "$FAILURES failure(s)"
[ "$FAILURES" -eq 0 ]
