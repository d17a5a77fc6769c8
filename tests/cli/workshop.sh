#!/usr/bin/env bash
# Workshop data from the command line: `notes export` (CSV and Markdown),
# `slides list` and `slides export` (one PNG per slide, each in its own mode,
# at the size asked); both read-only, and both survive a re-import of the
# plans. Needs an X server for the PNGs (CTest runs it under scripts/with-xvfb.sh).
source "$(dirname "$0")/lib.sh"
setup "$@"

expect_ok "import the bundled plans" "$W" import --db w.db "$SRC"/data/plans/*.json
# Notes and slides as the dashboard stores them (docs/schema.md).
sqlite3 w.db <<'SQL'
INSERT INTO annotation (plan_id, item_kind, item_id, note, vote)
  SELECT plan_id, 'swot', id, '強みとして議論, "要確認"', 5 FROM swot_item WHERE plan_id = 'itabashi-vision-2035' ORDER BY ord LIMIT 1;
INSERT INTO annotation (plan_id, item_kind, item_id, note, vote) VALUES ('kita-vision-2026', 'node', 'no-such-node', '消えた項目', NULL);
INSERT INTO slide (position, name, state) VALUES
  (0, '全体像', '{"view": "timeline", "presenting": true}'),
  (1, 'Coverage / share', '{"view": "heatmap", "lang": "en", "presenting": false, "options": {"heatmap.mode": "share"}}'),
  (2, '板橋のSWOT', '{"view": "swot", "plans": ["itabashi-vision-2035"], "presenting": true}');
SQL
before=$(sha256sum < w.db)

expect_ok "notes export as CSV" "$W" notes export --db w.db --out notes.csv
expect_equal "a header and two notes" "$(python3 -c 'import csv,sys; print(len(list(csv.reader(open("notes.csv")))))')" 3
expect_equal "the SWOT note with its item's text and vote" \
  "$(python3 -c 'import csv; r=[x for x in csv.DictReader(open("notes.csv")) if x["item_kind"]=="swot"][0]; print(r["in_plan"], r["vote"], r["note"], bool(r["item_text"]))')" \
  '1 5 強みとして議論, "要確認" True'
expect_equal "a note on an item no longer in the plan" \
  "$(python3 -c 'import csv; r=[x for x in csv.DictReader(open("notes.csv")) if x["item_kind"]=="node"][0]; print(r["in_plan"], r["item_text"] or "-", r["vote"] or "-")')" "0 - -"
expect_ok "notes export as Markdown" "$W" notes export --db w.db --format md --out notes.md
grep -qF '| SWOT |' notes.md && grep -qF '★★★★★ 5' notes.md && grep -qF 'no-such-node (計画にありません)' notes.md \
  && pass "Markdown: kind, stars, the missing item" || { fail "Markdown content"; cat notes.md; }

expect_ok "slides list" "$W" slides list --db w.db
expect_equal "slides in order" "$(cut -f1,2,3 out.txt | tr '\t\n' ' ;')" "1 全体像 timeline;2 Coverage / share heatmap;3 板橋のSWOT swot;"
expect_ok "slides export" "$W" slides export --db w.db --out png --size 1280x800
expect_equal "one numbered PNG per slide, separators replaced" "$(cd png && ls | tr '\n' ';')" \
  "01-全体像.png;02-Coverage _ share.png;03-板橋のSWOT.png;"
# Size and the mode each slide was saved in: presenting is the light theme, the other the dark one.
png_pixels() { python3 "$SRC/tests/tools/png_pixels.py" "$@"; }
sizes=$(for f in png/*.png; do png_pixels "$f" size; done | tr '\n' ' ')
expect_equal "every PNG at the size asked" "$sizes" "1280x800 1280x800 1280x800 "
# The window background just inside the left edge halfway down: presenting is the light theme.
brightness() { png_pixels "$1" mean 2 399 5 401 | awk '{ print int(($1 + $2 + $3) / 3) }'; }
[ "$(brightness png/01-*.png)" -gt 200 ] && [ "$(brightness png/03-*.png)" -gt 200 ] && [ "$(brightness png/02-*.png)" -lt 80 ] \
  && pass "each slide in its own mode (light when presenting)" \
  || fail "slide modes: brightness $(brightness png/01-*.png) $(brightness png/02-*.png) $(brightness png/03-*.png)"
expect_equal "exporting leaves the database as it was" "$before" "$(sha256sum < w.db)"

expect_ok "import the plans again" "$W" import --db w.db "$SRC"/data/plans/*.json
expect_equal "notes survive a re-import" "$(sqlite3 w.db 'SELECT count(*) FROM annotation')" 2
expect_equal "slides survive a re-import" "$(sqlite3 w.db 'SELECT count(*) FROM slide')" 3

expect_ok "an empty copy" "$W" import --db empty.db "$SRC"/data/plans/kita-vision-2026.json
expect_error "no slides to export" "holds no slides" "$W" slides export --db empty.db --out none
sqlite3 w.db "UPDATE slide SET state = 'not json' WHERE position = 1"
expect_error "a damaged slide is named" "slide 2 'Coverage / share': slide state: not valid JSON" "$W" slides export --db w.db --out bad
expect_error "a missing database" "no such database" "$W" notes export --db missing.db --out x.csv
finish
