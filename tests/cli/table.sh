#!/usr/bin/env bash
# `wardscope table`: the rows and columns each view shows, as CSV and xlsx
# (opened with openpyxl), in both languages; --theme keeps what the filter bar keeps.
source "$(dirname "$0")/lib.sh"
setup "$@"
CHECK_XLSX="$SRC/tests/tools/check_xlsx.py"
# Debian's python3 has python3-openpyxl (dev.sh); another python3 first on PATH may not.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

expect_ok "import the bundled plans" "$W" import --db t.db "$SRC"/data/plans/*.json
cat > obs.csv <<'CSV'
plan_id,indicator_id,fiscal_year,value,source
kita-vision-2026,ind2,令和8年度,47.9,区民意識調査（テスト）
CSV
expect_ok "import an observation" "$W" kpi import --db t.db obs.csv
before=$(sha256sum < t.db)

# rows_written FILE.log: the row count the command printed.
rows_written() { sed -n 's/.*: \([0-9]*\) rows,.*/\1/p' "$1"; }
csv_rows() { python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))))-1)' "$1"; }

for view in timeline explorer swot heatmap compare kpi notes plans; do
  for lang in ja en; do
    args=(--db t.db --view "$view" --lang "$lang")
    [ "$view" = compare ] || [ "$view" = kpi ] && args+=(--plans kita-vision-2026,itabashi-vision-2035)
    expect_ok "$view $lang csv" "$W" table "${args[@]}" --format csv --out "$view-$lang.csv"
    cp out.txt "$view-$lang.csv.log"
    expect_ok "$view $lang xlsx" "$W" table "${args[@]}" --format xlsx --out "$view-$lang.xlsx"
    cp out.txt "$view-$lang.xlsx.log"
    expect_equal "$view $lang: the CSV holds the rows printed" "$(csv_rows "$view-$lang.csv")" "$(rows_written "$view-$lang.csv.log")"
    expect_equal "$view $lang: the xlsx holds as many" "$(rows_written "$view-$lang.xlsx.log")" "$(rows_written "$view-$lang.csv.log")"
    expect_equal "$view $lang: the CSV starts with a BOM" "$(head -c 3 "$view-$lang.csv" | od -An -tx1 | tr -d ' ')" efbbbf
  done
done
expect_equal "reading the database wrote nothing to it" "$(sha256sum < t.db)" "$before"

# Typed cells: fiscal years and counts as integers, values as numbers, unknown empty.
expect_ok "plans.xlsx: typed as the CSV says" "$PY" "$CHECK_XLSX" plans-ja.xlsx plans-ja.csv \
  開始年度=int 終了年度=int 施策数=int 指標数=int 計画名=text
expect_ok "plans.xlsx in English" "$PY" "$CHECK_XLSX" plans-en.xlsx plans-en.csv "Start FY=int" "End FY=int" Plan=text
expect_ok "heatmap.xlsx: counts as integers" "$PY" "$CHECK_XLSX" heatmap-ja.xlsx heatmap-ja.csv 創業=int 観光=int 数えた施策=int
expect_ok "kpi.xlsx: values as numbers, years as integers, unknown empty" "$PY" "$CHECK_XLSX" kpi-en.xlsx kpi-en.csv \
  Baseline=number Target=number "Baseline FY=int" "Target FY=int" "Latest result=number" "Result FY=int"
for view in timeline explorer swot compare notes; do
  expect_ok "$view.xlsx matches its CSV" "$PY" "$CHECK_XLSX" "$view-ja.xlsx" "$view-ja.csv"
done
expect_equal "Itabashi 2035's KGI: baseline and target unknown, empty" \
  "$(python3 -c '
import csv
rows = list(csv.DictReader(open("kpi-en.csv", encoding="utf-8-sig")))
print(";".join(r["Baseline"] + "," + r["Target"] for r in rows if r["Kind"] == "KGI" and "2035" in r["Plan"]))')" ","
expect_equal "Kita's result is in the KPI table" \
  "$(python3 -c '
import csv
rows = list(csv.DictReader(open("kpi-en.csv", encoding="utf-8-sig")))
print([r["Latest result"] + "@" + r["Result FY"] for r in rows if r["Latest result"]])')" "['47.9@2026']"

# --theme: the plans the filter bar keeps, the same in every plan-listing view.
expect_ok "plans with the startup theme" "$W" table --db t.db --view plans --theme startup --format csv --out startup.csv
expect_ok "heatmap with the startup theme" "$W" table --db t.db --view heatmap --theme startup --format csv --out startup-heatmap.csv
expect_ok "timeline with the startup theme" "$W" table --db t.db --view timeline --theme startup --format csv --out startup-timeline.csv
expect_equal "the heatmap keeps the same plans" "$(csv_rows startup-heatmap.csv)" "$(csv_rows startup.csv)"
expect_equal "the timeline keeps the same plans" "$(csv_rows startup-timeline.csv)" "$(csv_rows startup.csv)"
if [ "$(csv_rows startup.csv)" -lt "$(csv_rows plans-ja.csv)" ] && [ "$(csv_rows startup.csv)" -gt 0 ]; then
  pass "the startup theme keeps some plans, not all"
else
  fail "the startup theme keeps $(csv_rows startup.csv) of $(csv_rows plans-ja.csv) plans"
fi

# Bad requests: clear messages, nothing written.
expect_error "the database as the output" "refusing to overwrite" "$W" table --db t.db --view plans --format xlsx --out t.db
expect_equal "the database is untouched" "$(sha256sum < t.db)" "$before"
expect_error "an unknown plan" "no plan nope" "$W" table --db t.db --view compare --plans nope --format csv --out x.csv
expect_error "an unknown theme" "no theme nope" "$W" table --db t.db --view plans --theme nope --format csv --out x.csv
expect_error "an unknown view" "--view" "$W" table --db t.db --view pie --format csv --out x.csv
expect_error "a folder that does not exist" "cannot" "$W" table --db t.db --view plans --format xlsx --out missing/x.xlsx
if [ -e x.csv ] || [ -e missing ]; then fail "a failed table left a file"; else pass "failed tables leave no file"; fi
finish
