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
finish
