#!/usr/bin/env bash
# Issue #12, nothing dropped silently, as a user meets it: control characters
# written into a database by another tool (the dashboard, `shot` and `slides
# export` must draw them as a mark, not abort: fault 4, also F5 and Ctrl+= in
# the real window), KPI CSV in Shift_JIS / UTF-16 with the encoding named,
# duplicate rows and keys refused, exports that a spreadsheet cannot run.
# Needs an X server (CTest runs it under scripts/with-xvfb.sh).
source "$(dirname "$0")/lib.sh"
setup "$@"

expect_ok "import the bundled plans" "$W" import --db c.db "$SRC"/data/plans/*.json

# --- KPI CSV in the encodings Japanese Excel saves ---
python3 - <<'PY'
header = "plan_id,indicator_id,fiscal_year,value,source\r\n"
rows = "kita-vision-2026,ind2,令和元年度,5,区の調査（速報）\r\n"
open("sjis.csv", "wb").write((header + rows).encode("cp932"))
open("utf16.csv", "wb").write((header + rows.replace("令和元年度", "令和2年度")).encode("utf-16"))  # with BOM
open("dup.csv", "wb").write((header + rows.replace("令和元年度", "平成31年度") + rows.replace("5,", "6,")).encode("utf-8"))
open("nul.csv", "wb").write((header + "kita-vision-2026,ind2,2030,1,a\0b\r\n").encode("utf-8"))
PY
expect_ok "kpi import of a Shift_JIS file" "$W" kpi import --db c.db sjis.csv
expect_equal "the encoding is named, the count is the rows stored" "$(cat out.txt)" \
  "read sjis.csv as Shift_JIS (CP932): 1 observation stored (1 new, 0 replaced)"
expect_equal "the text arrived as written" \
  "$(sqlite3 c.db "SELECT source FROM observation WHERE origin = 'csv' AND fiscal_year = 2019")" "区の調査（速報）"
expect_ok "kpi import of UTF-16 with BOM" "$W" kpi import --db c.db utf16.csv
grep -qF "read utf16.csv as UTF-16LE: 1 observation stored" out.txt && pass "UTF-16LE named" || fail "UTF-16: $(cat out.txt)"
expect_ok "the same file again" "$W" kpi import --db c.db sjis.csv
expect_equal "nothing new stored, and said so" "$(cat out.txt)" \
  "read sjis.csv as Shift_JIS (CP932): 0 observations stored (0 new, 0 replaced), 1 already stored unchanged"
expect_error "two rows for FY2019 (平成31年度, 令和元年度)" \
  "dup.csv:3: the same plan, indicator, fiscal year, source and as_of (kita-vision-2026, ind2, FY2019, '区の調査（速報）') as line 2" \
  "$W" kpi import --db c.db dup.csv
expect_error "a NUL in a CSV field" "nul.csv:2: source contains the control character U+0000 (NUL)" \
  "$W" kpi import --db c.db nul.csv
expect_equal "two CSV observations, no more" "$(sqlite3 c.db "SELECT count(*) FROM observation WHERE origin = 'csv'")" 2

# --- plan files: a duplicate key is an error with its pointer (fault 8) ---
python3 - "$SRC/data/plans/kita-vision-2026.json" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
at = text.index('"title"')
open("dup-key.json", "w", encoding="utf-8").write(text[:at] + '"id": "x",\n  ' + text[at:])
PY
expect_error "validate: a second \"id\"" 'dup-key.json: /id: duplicate key "id"' "$W" validate dup-key.json
expect_error "import: a second \"id\"" 'dup-key.json: /id: duplicate key "id"' "$W" import --db c.db dup-key.json

# --- exports a spreadsheet opens safely (fault 6) ---
sqlite3 c.db "UPDATE observation SET source = '=HYPERLINK(\"http://x\",\"y\")' WHERE origin = 'csv' AND fiscal_year = 2019"
expect_ok "export --format csv" "$W" export --db c.db --format csv --out csv
expect_ok "kpi export" "$W" kpi export --db c.db --out kpi.csv
for f in csv/plans.csv csv/nodes.csv csv/indicators.csv csv/observations.csv kpi.csv; do
  [ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' ')" = efbbbf ] && pass "$f starts with a UTF-8 BOM" || fail "$f: no BOM"
done
grep -qF "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" csv/observations.csv && pass "a formula is neutralised" \
  || fail "formula cell: $(grep HYPER csv/observations.csv)"
grep -qF ',1,0' kpi.csv && ! grep -q '[0-9],[0-9][0-9][0-9],' csv/indicators.csv && pass "numbers are plain" || true
cp csv/observations.csv back.csv
sqlite3 c.db "DELETE FROM observation WHERE origin = 'csv'"
expect_ok "wardscope reads its own export back" "$W" kpi import --db c.db back.csv
expect_equal "the formula text is back unchanged" \
  "$(sqlite3 c.db "SELECT source FROM observation WHERE origin = 'csv' AND fiscal_year = 2019")" '=HYPERLINK("http://x","y")'

# --- control characters written by another tool (fault 4) ---
sqlite3 c.db <<'SQL'
UPDATE plan SET title = title || char(0) || '後' WHERE id = 'kita-vision-2026';
UPDATE observation SET source = 'a' || char(0) || char(27) || '[31mb' WHERE origin = 'csv' AND fiscal_year = 2019;
INSERT INTO slide (position, name, state) VALUES (0, 'NUL' || char(0) || 'slide', '{"view": "kpi"}');
INSERT INTO annotation (plan_id, item_kind, item_id, note, vote)
  SELECT plan_id, 'swot', id, 'note' || char(0) || 'x', 3 FROM swot_item WHERE plan_id = 'kita-vision-2026' LIMIT 1;
SQL
expect_equal "the NUL is stored" "$(sqlite3 c.db "SELECT instr(title, char(0)) > 0 FROM plan WHERE id = 'kita-vision-2026'")" 1
expect_ok "shot --view kpi" "$W" shot --db c.db --view kpi --plans kita-vision-2026 --out kpi.png
expect_ok "shot --view timeline" "$W" shot --db c.db --view timeline --out timeline.png
expect_ok "shot --view notes" "$W" shot --db c.db --view notes --out notes.png
[ -s kpi.png ] && [ -s timeline.png ] && pass "PNGs written" || fail "PNGs missing"
expect_error "shot: an unknown --view-option names it" "unknown view option 'heatmap.colour'" \
  "$W" shot --db c.db --view heatmap --view-option heatmap.colour=red --out wrong.png
expect_error "bench-frames: a value the option does not take" "heatmap.mode: 'shares' is not a value it takes" \
  "$W" bench-frames --db c.db --view heatmap --view-option heatmap.mode=shares --frames 10
[ ! -e wrong.png ] && pass "no PNG for a refused shot" || fail "a refused shot wrote wrong.png"
mkdir -p slides
"$W" slides export --db c.db --out slides --size 1280x800 >out.txt 2>err.txt; rc=$?
[ $rc -le 1 ] && ! grep -qi "assert\|abort" err.txt && pass "slides export does not abort (exit $rc)" \
  || { fail "slides export: exit $rc"; cat err.txt; }

# The real window: start-up, F5 (presenting: new font size) and Ctrl+= (larger type) rebuild the glyphs.
log=$TMP/app.log layout=$TMP/layout.json
export XDG_CONFIG_HOME=$TMP/config WARDSCOPE_LAYOUT_FILE=$layout
WARDSCOPE_LAYOUT_FILE=$layout "$W" ui --db c.db >"$log" 2>&1 &
app=$!
BACKGROUND_PIDS="$app"
waited() { for _ in $(seq 300); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }
if waited test -s "$layout" && waited xdotool search --name '^wardscope$'; then
  pass "the dashboard starts with NULs in a title, a source, a slide name and a note"
  wid=$(xdotool search --name '^wardscope$' | head -1)
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  xdotool key ctrl+6
  waited grep -qx "event: view kpi" "$log" && pass "Ctrl+6: the KPI view" || fail "no KPI view"
  xdotool key F5
  waited grep -qx "event: present on" "$log" && pass "F5 presents" || fail "F5: $(tail -3 "$log")"
  xdotool key Escape
  waited grep -qx "event: present off" "$log" || true
  text_size() { python3 -c 'import json,sys; print(int(next(i["value"] for i in json.load(open(sys.argv[1]))["items"] if i["name"] == "shell.view")))' "$layout"; }
  before=$(text_size)
  xdotool key ctrl+equal
  larger_type() { test "$(text_size)" -gt "$before"; }  # re-read on each try
  waited larger_type && kill -0 $app 2>/dev/null \
    && pass "Ctrl+= rebuilds the font ($before → $(text_size) px), the window lives on" || fail "Ctrl+=: $(tail -3 "$log")"
  xdotool key ctrl+q
  waited bash -c "! kill -0 $app 2>/dev/null" && wait $app && pass "quits cleanly" || fail "exit: $(tail -3 "$log")"
else
  fail "the dashboard did not start: $(tail -5 "$log")"
fi
finish
