#!/usr/bin/env bash
# `wardscope kpi export`: the indicator table with the KPI check status, from
# the bundled plans plus observations entered by CSV; unknown values stay empty.
source "$(dirname "$0")/lib.sh"
setup "$@"

expect_ok "import the bundled plans" "$W" import --db k.db "$SRC"/data/plans/*.json
cat > obs.csv <<'CSV'
plan_id,indicator_id,fiscal_year,value,source
kita-vision-2026,ind2,令和8年度,47.9,区民意識調査（テスト）
kita-vision-2026,ind3,R8,250,テスト
CSV
expect_ok "import two observations" "$W" kpi import --db k.db obs.csv
before=$(sha256sum < k.db)
expect_ok "export the KPI table" "$W" kpi export --db k.db --out kpi.csv
expect_equal "exporting leaves the database as it was" "$before" "$(sha256sum < k.db)"
expect_equal "one row per indicator plus the header" "$(wc -l < kpi.csv)" 13
# 46 % (2024) → 50 % (2029): 47.6 expected in 2026, 47.9 is 0.3 ahead (tolerance 0.2).
expect_equal "Kita's profit share is ahead" \
  "$(awk -F, '$2 == "ind2" { print $1 "," $2 "," $12 "," $13 "," $14 "," $15 "," $16 }' kpi.csv)" \
  "kita-vision-2026,ind2,47.9,2026,0,47.6,ahead"
# 193 (2025) → 457 (2029): 259 expected in 2026, 250 is 9 behind (tolerance 13.2): on track.
expect_equal "Kita's network participants are on track" "$(awk -F, '$2 == "ind3" { print $16 }' kpi.csv)" on_track
# Itabashi 2035 sets no values: empty cells, never 0, and no data.
expect_equal "Itabashi's KGI has empty baseline and target and no data" \
  "$(awk -F, '$1 == "itabashi-vision-2035" && $2 == "kgi" { print $8 "," $9 "," $10 "," $11 "," $16 }' kpi.csv)" ",,,,no_data"
expect_error "a missing database" "no such database" "$W" kpi export --db missing.db --out x.csv

# Revisions (docs/kpi-status.md): two evaluation rounds for ind3's FY2026 beside the first result.
cat > rounds.csv <<'CSV'
plan_id,indicator_id,fiscal_year,value,source,as_of
kita-vision-2026,ind3,R8,260,第1回評価,2027-06-30
kita-vision-2026,ind3,令和8年度,240,第2回評価,2028-06-30
CSV
expect_ok "import two evaluation rounds for one year" "$W" kpi import --db k.db rounds.csv
expect_ok "export the KPI table and every result" "$W" kpi export --db k.db --out kpi2.csv --results results.csv
column() {  # column NAME of the row of indicator $1 (CSV read as CSV: names hold commas)
  python3 -c 'import csv,sys; rows=list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
print(next(r[sys.argv[3]] for r in rows if r["indicator_id"] == sys.argv[2] and r["plan_id"] == "kita-vision-2026"))' kpi2.csv "$1" "$2"
}
expect_equal "the current result is the latest as_of" "$(column ind3 latest_value),$(column ind3 latest_source),$(column ind3 latest_as_of)" \
  "240,第2回評価,2028-06-30"
expect_equal "three revisions for the year" "$(column ind3 latest_revisions)" 3
expect_equal "the disagreement is listed" "$(column ind3 disagreements)" \
  "FY2026: 250 (テスト) ≠ 260 (第1回評価, as of 2027-06-30) ≠ 240 (第2回評価, as of 2028-06-30, current)"
expect_equal "the rule that gave the status" "$(column ind3 rule),$(column ind3 status)" "R5,behind"
expect_equal "no disagreement where the rows agree" "$(column ind2 disagreements)" ""
# Round trip: the results file imports into a fresh database and exports the same.
expect_ok "import the bundled plans again" "$W" import --db fresh.db "$SRC"/data/plans/*.json
expect_ok "import the exported results" "$W" kpi import --db fresh.db results.csv
expect_ok "export them again" "$W" kpi export --db fresh.db --out kpi3.csv --results results2.csv
cmp -s results.csv results2.csv && pass "kpi export --results → kpi import → the same results" \
  || fail "the results changed: $(diff results.csv results2.csv | head -5)"
cmp -s kpi2.csv kpi3.csv && pass "and the same KPI table" || fail "the KPI table changed: $(diff kpi2.csv kpi3.csv | head -5)"
# The same source and as_of twice stays an error, and nothing is imported.
printf 'plan_id,indicator_id,fiscal_year,value,source,as_of\nkita-vision-2026,ind3,2026,1,第1回評価,2027-06-30\n' > again.csv
expect_error "a second value from the same source and as_of" "is already stored from an earlier CSV import" \
  "$W" kpi import --db fresh.db again.csv
finish
