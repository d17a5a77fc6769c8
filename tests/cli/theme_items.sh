#!/usr/bin/env bash
# `wardscope theme-items`: every measure carrying a theme across plans (the
# heatmap's drill-across) as CSV, counted by the one rule (docs/schema.md,
# "Counting themes"); its counts match coverage.csv from `export --format csv`.
source "$(dirname "$0")/lib.sh"
setup "$@"

expect_ok "import the bundled plans" "$W" import --db t.db "$SRC"/data/plans/*.json
before=$(sha256sum < t.db)
expect_ok "list the 創業 measures" "$W" theme-items --db t.db --theme startup --out startup.csv
expect_equal "listing leaves the database as it was" "$before" "$(sha256sum < t.db)"
expect_ok "export CSV" "$W" export --db t.db --format csv --out export
# coverage.csv: plan_id,municipality_id,theme_id,items,hand,plan_items,share
expect_equal "one listed row per 創業 item in coverage.csv" \
  "$(($(wc -l < startup.csv) - 1))" "$(awk -F, '$3 == "startup" { n += $4 } END { print n }' export/coverage.csv)"
expect_equal "as many plans as coverage.csv covers" \
  "$(tail -n +2 startup.csv | cut -d, -f5 | sort -u | wc -l)" \
  "$(awk -F, '$3 == "startup" && $4 > 0' export/coverage.csv | wc -l)"
expect_equal "the 創業 column covers 10 plans" "$(awk -F, '$3 == "startup" && $4 > 0' export/coverage.csv | wc -l)" 10
# 板橋区 2035: 戦略4 is tagged 連携 by hand; both its measures carry it from there.
expect_ok "list 連携 in Itabashi 2035" "$W" theme-items --db t.db --theme network --plans itabashi-vision-2035 --out n.csv
expect_equal "戦略4's measures carry 連携 from st4" \
  "$(awk -F, '$12 == "st4" { print $7 }' n.csv | tr '\n' ' ')" "st4-m1 st4-m2 "
expect_ok "filter by text and write English names" \
  "$W" theme-items --db t.db --theme startup --filter 渋谷区 --lang en --out shibuya.csv
expect_equal "the text filter keeps Shibuya's seven" "$(($(wc -l < shibuya.csv) - 1))" 7
expect_equal "BOM and header" "$(head -c 40 shibuya.csv | od -An -c | head -1 | tr -s ' ')" \
  "$(printf '\xef\xbb\xbftheme_id,theme,municipality_id,mu' | od -An -c | head -1 | tr -s ' ')"
expect_error "an unknown theme" "no such theme" "$W" theme-items --db t.db --theme nope --out x.csv
expect_error "an unknown plan" "no plan ghost-plan" "$W" theme-items --db t.db --theme startup --plans ghost-plan --out x.csv
[ ! -e x.csv ] && pass "nothing written on an error" || fail "x.csv written on an error"
finish
