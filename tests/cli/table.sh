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
rows_written() { sed -n 's/.*: \([0-9]*\) rows\{0,1\},.*/\1/p' "$1"; }
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

# Plan statements (plan format 2): in the explorer's table above the hierarchy and in compare's, as the views show them.
expect_ok "explorer of Itabashi 2035" "$W" table --db t.db --view explorer --plans itabashi-vision-2035 --format csv --out stated.csv
expect_equal "its four statements head the explorer table, label and text as written" \
  "$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open("stated.csv", encoding="utf-8-sig", newline="")))
print(";".join(r["番号"] for r in rows if r["レベル"] == "ステートメント"), [r["レベル"] for r in rows[:4]] == ["ステートメント"] * 4,
      any(r["名称"] == "ひととひとつながることで産業が成長するまち" for r in rows[:4]))')" \
  "ブランド;板橋重点イノベーション分野;各業種の方向性;各業種の方向性 True True"
expect_equal "compare has a statements row" \
  "$(python3 -c '
import csv
rows = list(csv.reader(open("compare-ja.csv", encoding="utf-8-sig", newline="")))
cells = [r for r in rows if r[0] == "ステートメント"]
print(len(cells), sum("ひととひとつながることで産業が成長するまち" in c for c in cells[0][1:]) if cells else 0)')" "1 1"

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

# kpi export (ids and codes, every plan) and table --view kpi (the view's words,
# the selected plans) give the same values and status for each indicator (docs/tables.md).
expect_ok "kpi export" "$W" kpi export --db t.db --out kpi-export.csv
kpi_check=$(python3 - kpi-export.csv kpi-en.csv plans-en.csv <<'PY'
import csv, sys
def rows(p):
    return list(csv.DictReader(open(p, encoding="utf-8-sig", newline="")))
exported, shown, plans = rows(sys.argv[1]), rows(sys.argv[2]), rows(sys.argv[3])
plan_id = {r["Plan"]: r["Plan id"] for r in plans}
words = {"ahead": "ahead", "on_track": "on track", "behind": "behind", "no_data": "no data"}
def word(r):
    return "target met" if r["status"] == "ahead" and r["reason"] == "target met" else words[r["status"]]
a = sorted((plan_id[r["Plan"]], r["Kind"], r["No."], r["Unit"], r["Baseline"], r["Baseline FY"], r["Target"],
            r["Target FY"], r["Latest result"], r["Result FY"], r["Progress"]) for r in shown)
wanted = {p for p, *_ in a}
b = sorted((r["plan_id"], r["kind"], r["label"], r["unit"], r["baseline_value"], r["baseline_fiscal_year"],
            r["target_value"], r["target_fiscal_year"], r["latest_value"], r["latest_fiscal_year"], word(r))
           for r in exported if r["plan_id"] in wanted)
with_result = sum(1 for t in a if t[8] != "")
print("ok" if a == b and len(a) > 5 and with_result > 0 else f"differ:\n{a}\n{b}")
PY
)
expect_equal "kpi export and table --view kpi agree on every indicator of the shown plans" "$kpi_check" ok

# View options, as slides save them: the heatmap as shares (0…1) instead of counts.
expect_ok "heatmap as shares" "$W" table --db t.db --view heatmap --option heatmap.mode=share --format csv --out share.csv
expect_ok "heatmap.mode=count is the default" "$W" table --db t.db --view heatmap --view-option heatmap.mode=count --format csv --out count.csv
expect_equal "the default mode is what --option heatmap.mode=count writes" "$(sha256sum < count.csv)" "$(sha256sum < heatmap-ja.csv)"
# Shares are counts over the counted items: 創業 of the first row, both ways.
share_check=$(python3 - share.csv count.csv <<'PY'
import csv, sys
def rows(p):
    return list(csv.DictReader(open(p, encoding="utf-8-sig", newline="")))
share, count = rows(sys.argv[1]), rows(sys.argv[2])
assert [r["計画ID"] for r in share] == [r["計画ID"] for r in count]
ok = fractions = 0
for s, c in zip(share, count):
    total = int(c["数えた施策"])
    for theme in ("創業", "観光"):
        if total == 0:
            ok += s[theme] == ""
        else:
            ok += abs(float(s[theme]) - int(c[theme]) / total) < 1e-9
            fractions += 0 < float(s[theme]) < 1
print("ok" if ok == 2 * len(share) and fractions > 0 else f"{ok} of {2 * len(share)} cells agree, {fractions} fractions")
PY
)
expect_equal "share cells are the count cells over the counted items" "$share_check" ok
expect_ok "two options: shares, rows by total" "$W" table --db t.db --view heatmap --option heatmap.mode=share --option heatmap.rows=total --format csv --out share-total.csv
if cmp -s share.csv share-total.csv; then fail "heatmap.rows=total did not reorder the rows"; else pass "a second --option applies too"; fi
expect_error "an unknown option name lists the known ones" "known ones are: " "$W" table --db t.db --view heatmap --option heatmap.colour=red --format csv --out x.csv
expect_equal "... naming heatmap.mode among them" "$(grep -c 'heatmap.mode' err.txt)" 1
expect_error "an unknown value names the option and its default" "heatmap.mode: 'shares' is not a value it takes (its default is 'count')" \
  "$W" table --db t.db --view heatmap --option heatmap.mode=shares --format csv --out x.csv
expect_error "an option without a value" "VIEW.NAME=VALUE" "$W" table --db t.db --view heatmap --option heatmap.mode --format csv --out x.csv

# Bad requests: clear messages, nothing written.
expect_error "the database as the output" "refusing to overwrite" "$W" table --db t.db --view plans --format xlsx --out t.db
expect_equal "the database is untouched" "$(sha256sum < t.db)" "$before"
expect_error "an unknown plan" "no plan nope" "$W" table --db t.db --view compare --plans nope --format csv --out x.csv
expect_error "an unknown theme" "no theme nope" "$W" table --db t.db --view plans --theme nope --format csv --out x.csv
expect_error "an unknown view" "--view" "$W" table --db t.db --view pie --format csv --out x.csv
expect_error "a folder that does not exist" "cannot" "$W" table --db t.db --view plans --format xlsx --out missing/x.xlsx
if [ -e x.csv ] || [ -e missing ]; then fail "a failed table left a file"; else pass "failed tables leave no file"; fi
finish
