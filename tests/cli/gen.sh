#!/usr/bin/env bash
# `wardscope gen` (issue #5) as a user runs it: the same options give the same
# data, the counts asked for, every plan flagged synthetic and every
# observation flagged sample; the files it exports validate and import again.
#   gen.sh WARDSCOPE SOURCE_DIR
source "$(dirname "$0")/lib.sh"
setup "$@"

OPTIONS=(--municipalities 5 --plans-per-municipality 3 --measures-per-plan 40 --indicators-per-plan 6 --years 7)
q() { sqlite3 "$1" "$2"; }

expect_ok "gen a.db" "$W" gen --out a.db "${OPTIONS[@]}" --seed 11
grep -q "wrote synthetic database a.db (seed 11): 15 plans" out.txt && pass "gen reports 15 plans" || { fail "gen output"; cat out.txt; }
expect_ok "gen b.db, same seed" "$W" gen --out b.db "${OPTIONS[@]}" --seed 11
expect_ok "gen c.db, another seed" "$W" gen --out c.db "${OPTIONS[@]}" --seed 12

echo "# counts"
expect_equal "plans = 5 × 3" "$(q a.db 'SELECT count(*) FROM plan')" 15
expect_equal "municipalities" "$(q a.db 'SELECT count(*) FROM municipality')" 5
expect_equal "measures = 15 × 40" "$(q a.db "SELECT count(*) FROM node WHERE level = 'measure'")" 600
expect_equal "measures per plan" "$(q a.db "SELECT min(n), max(n) FROM (SELECT count(*) AS n FROM node WHERE level = 'measure' GROUP BY plan_id)")" "40|40"
expect_equal "indicators = 15 × 6" "$(q a.db 'SELECT count(*) FROM indicator')" 90
expect_equal "observations = 90 × 7" "$(q a.db 'SELECT count(*) FROM observation')" 630
expect_equal "one observation per indicator and year" \
  "$(q a.db 'SELECT count(*) FROM (SELECT 1 FROM observation GROUP BY plan_id, indicator_id, fiscal_year)')" 630

echo "# flags"
expect_equal "plans not flagged synthetic" "$(q a.db 'SELECT count(*) FROM plan WHERE is_synthetic = 0')" 0
expect_equal "observations not flagged sample" "$(q a.db 'SELECT count(*) FROM observation WHERE is_sample = 0')" 0
expect_equal "municipalities named synthetic" "$(q a.db "SELECT count(*) FROM municipality WHERE name_ja NOT LIKE '合成%'")" 0
expect_equal "integrity" "$(q a.db 'PRAGMA integrity_check')" ok
expect_equal "municipalities with prefecture, kind, reading and code" \
  "$(q a.db "SELECT count(*) FROM municipality WHERE prefecture = '東京都' AND kind IN ('区', '市', '町', '村') AND name_kana <> '' AND length(code) = 6")" 5

echo "# --national (its sizes overridden here: the full size is bench/run.sh's)"
expect_ok "gen --national, smaller" "$W" gen --national --out n.db --municipalities 70 --plans-per-municipality 1 \
  --measures-per-plan 2 --indicators-per-plan 1 --years 1
expect_equal "70 municipalities in two prefectures" "$(q n.db 'SELECT count(*), count(DISTINCT prefecture) FROM municipality')" "70|2"
expect_equal "Hokkaido after Tokyo's 62" "$(q n.db "SELECT count(*) FROM municipality WHERE prefecture = '北海道' AND code LIKE '01%'")" 8
expect_equal "every code unique" "$(q n.db 'SELECT count(DISTINCT code) FROM municipality')" 70
expect_equal "every plan synthetic" "$(q n.db 'SELECT count(*) FROM plan WHERE is_synthetic = 1')" 70

echo "# determinism"
"$W" export --db a.db --out export-a >/dev/null
"$W" export --db b.db --out export-b >/dev/null
"$W" export --db c.db --out export-c >/dev/null
diff -r export-a export-b >/dev/null && pass "same seed: identical exports" || fail "same seed: exports differ"
diff -r export-a export-c >/dev/null && fail "another seed: identical exports" || pass "another seed: different data"
"$W" export --db a.db --format csv --out csv-a >/dev/null
"$W" export --db b.db --format csv --out csv-b >/dev/null
diff -r csv-a csv-b >/dev/null && pass "same seed: identical CSV tables (observations included)" || fail "same seed: CSV tables differ"

echo "# round trip"
expect_ok "exported plan files validate" "$W" validate export-a/*.json
expect_ok "and import into a new database" "$W" import --db again.db export-a/*.json
"$W" export --db again.db --out export-again >/dev/null
diff -r export-a export-again >/dev/null && pass "gen → export → import → export is stable" || fail "round trip changed the plans"
expect_equal "flags survive the round trip" \
  "$(q again.db 'SELECT sum(is_synthetic) FROM plan'),$(q again.db 'SELECT sum(is_sample) FROM observation')" "15,630"

echo "# existing files"
cp a.db a.bin
expect_error "gen over an existing file" "already exists (use --force to replace it)" "$W" gen --out a.db "${OPTIONS[@]}" --seed 12
expect_same_bytes "gen over an existing file" a.db a.bin
expect_ok "gen --force replaces it" "$W" gen --out a.db "${OPTIONS[@]}" --seed 12 --force
"$W" export --db a.db --out export-forced >/dev/null
diff -r export-c export-forced >/dev/null && pass "the replaced file holds the new data" || fail "replaced file differs from seed 12"
[ ! -e a.db.partial ] && pass "no partial file left" || fail "a.db.partial left behind"
expect_error "out-of-range option" "--municipalities must be 1 to 1741 (every municipality of Japan)" "$W" gen --out d.db --municipalities 0
[ ! -e d.db ] && pass "no file for a refused run" || fail "d.db was created"

finish
