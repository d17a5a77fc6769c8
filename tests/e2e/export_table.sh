#!/usr/bin/env bash
# "Export table" clicked in the running dashboard (Xvfb, xdotool): the
# heatmap's button opens its popup with ~/wardscope-heatmap, "Write" writes
# the CSV, the popup says how many rows, and the file holds exactly what
# `wardscope table --view heatmap` writes for the same view; then the same as
# Excel (xlsx, checked with openpyxl). The database is not changed.
#   export_table.sh WARDSCOPE DB WORK_DIR
set -euo pipefail
exe=$1 db=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work/config" "$work/home"
log=$work/app.log layout=$work/layout.json
export XDG_CONFIG_HOME=$work/config WARDSCOPE_LAYOUT_FILE=$layout
cp "$db" "$work/test.db"
db_hash=$(sha256sum "$work/test.db")

source "$here/wait.sh"  # fail, wait_for, logged, layout, click_at_item, start_dashboard
# Debian's python3 has python3-openpyxl (dev.sh); another python3 first on PATH may not.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# The app's home: where the export popup proposes to write.
HOME=$work/home start_dashboard --db "$work/test.db"
xdotool key ctrl+4
wait_for "Ctrl+4 shows the heatmap" logged "event: view heatmap"
wait_for "the heatmap's Export table button" layout_is "int('heatmap.export_table' in items)" 1

# 1. CSV: the popup proposes ~/wardscope-heatmap; Write adds .csv.
click_at_item heatmap.export_table
wait_for "the export popup opens" layout_is "int('heatmap.export_table.write' in items)" 1
layout_is "items['heatmap.export_table.write']['text']" "$work/home/wardscope-heatmap" ||
  fail "the popup proposes $(layout "items['heatmap.export_table.write']['text']"), not ~/wardscope-heatmap"
layout_is "int(items['heatmap.export_table.csv']['value'])" 1 || fail "CSV is not the default format"
click_at_item heatmap.export_table.write
csv=$work/home/wardscope-heatmap.csv
wait_for "Write writes the CSV" test -s "$csv"
wait_for "the popup says what it wrote" layout_is "int('heatmap.export_table.message' in items)" 1
layout_is "int(items['heatmap.export_table.message']['value'])" 0 ||
  fail "the export failed: $(layout "items['heatmap.export_table.message']['text']")"

# The same table from the command line, for the same view (defaults, no selection, no filter).
"$exe" table --db "$work/test.db" --view heatmap --format csv --out "$work/cli.csv" >/dev/null
cmp "$csv" "$work/cli.csv" || fail "the exported CSV differs from wardscope table --view heatmap"
rows=$(python3 -c "import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))) - 1)" "$csv")
plans=$(sqlite3 "$work/test.db" "SELECT count(*) FROM plan")
[ "$rows" -eq "$plans" ] || fail "the CSV has $rows rows for $plans plans"
layout_is "'$rows' in items['heatmap.export_table.message']['text']" True ||
  fail "the message does not give the row count: $(layout "items['heatmap.export_table.message']['text']")"

# 2. Excel: choose xlsx, Write: a workbook with the same rows.
click_at_item heatmap.export_table.xlsx
wait_for "xlsx chosen" layout_is "int(items['heatmap.export_table.xlsx']['value'])" 1
click_at_item heatmap.export_table.write
xlsx=$work/home/wardscope-heatmap.xlsx
wait_for "Write writes the workbook" test -s "$xlsx"
"$PY" - "$xlsx" "$csv" <<'PY' || fail "the workbook does not hold the CSV's rows"
import csv, sys
from openpyxl import load_workbook
sheet = load_workbook(sys.argv[1]).active
with open(sys.argv[2], encoding="utf-8-sig") as f:
    expected = list(csv.reader(f))
got = [["" if c is None else (str(int(c)) if isinstance(c, float) and c.is_integer() else str(c)) for c in row]
       for row in sheet.iter_rows(values_only=True)]
assert len(got) == len(expected), (len(got), len(expected))
assert got[0] == expected[0], (got[0], expected[0])
for g, e in zip(got, expected):
    assert g[:2] == e[:2], (g, e)  # municipality and plan as text
assert sheet.freeze_panes == "A2", sheet.freeze_panes
PY

xdotool key Escape
xdotool key ctrl+q
wait_for "Ctrl+Q quits" app_exited
[ "$(sha256sum "$work/test.db")" = "$db_hash" ] || fail "exporting changed the database"
echo "export table: CSV and xlsx written from the window ($rows rows)"
