#!/usr/bin/env bash
# The user's data is never lost (issue #12), through the `wardscope` binary:
#  - the set-up of ./dev.sh (scripts/setup-db.sh) run twice with a note, a
#    vote, a slide, KPI results and a group of municipalities (`wardscope
#    groups`) entered between: those rows byte-identical;
#  - a first import that fails leaves no file behind;
#  - planted triggers (import, kpi import), a view, an extra index, a
#    wrong-typed value: refused with a message naming them, the file unchanged;
#  - a hot journal beside a displayed database: export and shot refuse, the
#    file unchanged; `wardscope recover` then rolls it back; a stale journal
#    of another file is never replayed.
#   user_data.sh WARDSCOPE SOURCE_DIR
source "$(dirname "$0")/lib.sh"
setup "$@"
SETUP_DB="$SRC/scripts/setup-db.sh"

# The user tables' rows, as SQL text: notes and votes, slides, groups, KPI
# results from CSV or the dashboard (not the plan files' own observations).
user_rows() {
  sqlite3 "$1" ".dump annotation slide municipality_group"
  sqlite3 "$1" ".mode insert observation" "SELECT * FROM observation WHERE origin <> 'plan_file' ORDER BY id"
}

echo "# the set-up, twice"
expect_ok "set-up creates the database" "$SETUP_DB" "$W" w.db
grep -qF "creating w.db" out.txt && pass "set-up says it creates it" || fail "set-up: $(cat out.txt)"
plans=$(sqlite3 w.db "SELECT count(*) FROM plan")
[ "$plans" -gt 0 ] && pass "the bundled plans are in ($plans)" || fail "no plans"
# A note, a vote, a slide as the dashboard stores them; a KPI result typed in and one from CSV.
sqlite3 w.db <<'SQL'
INSERT INTO annotation (plan_id, item_kind, item_id, note, vote)
  SELECT plan_id, 'node', id, '議論した, "要確認"', NULL FROM node ORDER BY plan_id, ord LIMIT 1;
INSERT INTO annotation (plan_id, item_kind, item_id, note, vote)
  SELECT plan_id, 'swot', id, '', 5 FROM swot_item ORDER BY plan_id, ord LIMIT 1;
INSERT INTO slide (position, name, state) VALUES (0, '全体像', '{"view": "timeline", "presenting": true}');
INSERT INTO observation (plan_id, indicator_id, fiscal_year, value, source, origin)
  SELECT plan_id, id, 2031, 12.5, 'ワークショップで入力', 'user' FROM indicator ORDER BY plan_id, ord LIMIT 1;
SQL
read -r kpi_plan kpi_indicator <<<"$(sqlite3 -separator ' ' w.db "SELECT plan_id, id FROM indicator ORDER BY plan_id, ord LIMIT 1 OFFSET 1")"
printf 'plan_id,indicator_id,fiscal_year,value,source\n%s,%s,2032,7,区の調査\n' "$kpi_plan" "$kpi_indicator" > kpi.csv
expect_ok "a KPI result from CSV" "$W" kpi import --db w.db kpi.csv
read -r town_a town_b <<<"$(sqlite3 -separator ' ' w.db "SELECT min(id), max(id) FROM municipality")"
expect_ok "a group of municipalities" "$W" groups add --db w.db --group "比較 用" "$town_a" "$town_b"
grep -qF "added 2 municipalities to the group '比較 用'" out.txt && pass "groups add says what it stored" || fail "groups add: $(cat out.txt)"
expect_ok "a member added again" "$W" groups add --db w.db --group "比較 用" "$town_a"
grep -qF "added 0 municipalities to the group '比較 用' (1 was a member already)" out.txt && pass "groups add: counts worded for one" \
  || fail "groups add again: $(cat out.txt)"
expect_error "groups add: all or nothing" "there is no municipality 'nowhere'" "$W" groups add --db w.db --group 他 "$town_a" nowhere
expect_error "groups remove: not a member" "'nowhere' is not in the group '比較 用'" "$W" groups remove --db w.db --group "比較 用" nowhere
expect_ok "groups list" "$W" groups list --db w.db
expect_equal "groups list: one line per member" "$(cut -f1,2 out.txt | tr '\t\n' ' ;')" "比較 用 $town_a;比較 用 $town_b;"
user_rows w.db > before.sql
expect_equal "user rows entered" "$(grep -c '^INSERT' before.sql)" 7
ino=$(stat -c %i w.db)
expect_ok "set-up again" "$SETUP_DB" "$W" w.db
grep -qF "re-importing data/plans into w.db" out.txt && pass "set-up says it re-imports" || fail "set-up: $(cat out.txt)"
user_rows w.db > after.sql
cmp -s before.sql after.sql && pass "notes, votes, slides, groups and KPI results byte-identical after the set-up" \
  || { fail "user rows changed by the set-up"; diff before.sql after.sql | head; }
expect_equal "the same file, not a replacement" "$(stat -c %i w.db)" "$ino"
expect_equal "plans re-imported" "$(sqlite3 w.db 'SELECT count(*) FROM plan')" "$plans"
expect_equal "integrity after the set-up" "$(sqlite3 w.db 'PRAGMA integrity_check')" ok
leftovers=$(ls | grep -E '^w\.db.' || true)
expect_equal "nothing left beside the database" "$leftovers" ""
! grep -qE 'mv .*\$DB|rm -f "\$DB' "$SRC/dev.sh" "$SETUP_DB" && pass "dev.sh neither moves nor removes the database" \
  || fail "dev.sh replaces or removes the database"

echo "# a failed first import leaves nothing"
printf '{"format": "wardscope-plan/1", "id": "broken"' > broken.json
expect_error "a broken plan file" "nothing was imported" "$W" import --db new.db "$SRC"/data/plans/kita-vision-2026.json broken.json
[ -z "$(ls | grep '^new\.db' || true)" ] && pass "no database, partial file or journal left" || fail "files left: $(ls new.db*)"
# A first import killed half-way leaves only DB.partial (with its journal), never a half-made DB; the next run starts afresh.
cp w.db k.db.partial; printf 'not a journal' > k.db.partial-journal
expect_ok "a first import after a killed one" "$W" import --db k.db "$SRC"/data/plans/kita-vision-2026.json
[ -z "$(ls | grep '^k\.db\.' || true)" ] && pass "the killed run's files are gone" || fail "left: $(ls k.db.*)"
expect_equal "the new database holds the one plan" "$(sqlite3 k.db 'SELECT count(*) FROM plan')" 1

echo "# planted triggers"
# Issue #12, fault 5: they deleted every note and slide and rewrote every plan title, exit 0.
PAYLOAD="BEGIN DELETE FROM annotation; DELETE FROM slide; UPDATE plan SET title = 'pwned'; END"
cp w.db t-import.db
sqlite3 t-import.db "CREATE TRIGGER planted AFTER INSERT ON plan $PAYLOAD"
cp t-import.db before.bin
expect_error "trigger: import" "it holds a trigger 'planted' on 'plan' that wardscope does not create" \
  "$W" import --db t-import.db "$SRC"/data/plans/kita-vision-2026.json
expect_same_bytes "trigger: import" t-import.db before.bin
cp w.db t-kpi.db
sqlite3 t-kpi.db "CREATE TRIGGER planted BEFORE INSERT ON observation $PAYLOAD"
cp t-kpi.db before.bin
expect_error "trigger: kpi import" "it holds a trigger 'planted' on 'observation'" "$W" kpi import --db t-kpi.db kpi.csv
expect_same_bytes "trigger: kpi import" t-kpi.db before.bin
expect_error "trigger: export refuses too" "that wardscope does not create" "$W" export --db t-kpi.db --out t-export
expect_same_bytes "trigger: export" t-kpi.db before.bin
# (the note save through the dashboard: tests/ui/dashboard_load_test.cpp)

echo "# a planted view and an extra index"
cp w.db view.db
sqlite3 view.db "CREATE VIEW everything AS SELECT * FROM annotation"
cp view.db before.bin
expect_error "view: export" "it holds a view 'everything'" "$W" export --db view.db --out v-export
expect_same_bytes "view: export" view.db before.bin
expect_error "view: notes export" "it holds a view 'everything'" "$W" notes export --db view.db --out v-notes.csv
[ ! -e v-notes.csv ] && pass "view: no notes file written" || fail "view: notes file written"
cp w.db index.db
sqlite3 index.db "CREATE INDEX extra ON plan (title)"
cp index.db before.bin
expect_error "extra index: import" "it holds an index 'extra' on 'plan'" "$W" import --db index.db "$SRC"/data/plans/kita-vision-2026.json
expect_same_bytes "extra index: import" index.db before.bin
expect_error "extra index: slides list" "it holds an index 'extra' on 'plan'" "$W" slides list --db index.db

echo "# a value of the wrong type"
cp w.db typed.db
sqlite3 typed.db "UPDATE observation SET value = 'lots' WHERE origin = 'user'"
id=$(sqlite3 typed.db "SELECT id FROM observation WHERE origin = 'user'")
cp typed.db before.bin
expect_error "wrong type: export" "observation.value in the row where id = '$id' is text ('lots'), a number belongs there" \
  "$W" export --db typed.db --out typed-export
expect_same_bytes "wrong type: export" typed.db before.bin
expect_error "wrong type: kpi export" "observation.value" "$W" kpi export --db typed.db --out typed.csv

echo "# a damaged slide row: the dashboard still starts"
cp w.db badslide.db
sqlite3 badslide.db "INSERT INTO slide (position, name, state) VALUES (1, '壊れた', '{not json')"
expect_ok "damaged slide: shot renders" "$W" shot --db badslide.db --view timeline --out badslide.png
grep -qF "a damaged slide was skipped: slide 2 '壊れた': slide state: not valid JSON" err.txt \
  && pass "damaged slide: said in the log" || fail "damaged slide: no log line: $(cat err.txt)"
expect_error "damaged slide: slides list names it" "slide 2 '壊れた'" "$W" slides list --db badslide.db

echo "# a hot journal beside a displayed database"
cp w.db hot.db
# A writer killed mid-transaction: pages spilled into the file, the originals in the journal.
python3 - <<'PY'
import os, sqlite3
db = sqlite3.connect("hot.db", isolation_level=None)
db.execute("PRAGMA cache_size = 1")
db.execute("BEGIN IMMEDIATE")
db.execute("DELETE FROM node")
db.execute("DELETE FROM annotation")
os._exit(0)
PY
[ -s hot.db-journal ] && pass "a hot journal is left" || fail "no journal was left"
cp hot.db before.bin
cp hot.db-journal journal-before.bin
expect_error "hot journal: export" "an interrupted write left the journal hot.db-journal beside it" "$W" export --db hot.db --out h-export
grep -qF 'wardscope recover --db hot.db' err.txt && pass "hot journal: the message says what to do" || fail "no recover hint: $(cat err.txt)"
expect_same_bytes_keep_journal() {
  cmp -s "$2" "$3" && cmp -s "$2-journal" "$4" && pass "$1: the database and its journal untouched" || fail "$1: modified"
}
expect_same_bytes_keep_journal "hot journal: export" hot.db before.bin journal-before.bin
expect_error "hot journal: notes export" "an interrupted write left the journal" "$W" notes export --db hot.db --out h.csv
expect_error "hot journal: import" "an interrupted write left the journal" "$W" import --db hot.db "$SRC"/data/plans/kita-vision-2026.json
expect_same_bytes_keep_journal "hot journal: import" hot.db before.bin journal-before.bin
# CTest runs this script under scripts/with-xvfb.sh: `shot` has a display.
expect_error "hot journal: shot" "an interrupted write left the journal" "$W" shot --db hot.db --out h.png
expect_same_bytes_keep_journal "hot journal: shot" hot.db before.bin journal-before.bin
[ ! -e h.png ] && pass "hot journal: no PNG written" || fail "hot journal: shot wrote a PNG"
expect_ok "recover" "$W" recover --db hot.db
grep -qF "rolled back the interrupted write in hot.db" out.txt && grep -qF "integrity_check: ok" out.txt \
  && pass "recover reports the rollback and integrity ok" || fail "recover said: $(cat out.txt err.txt)"
cmp -s hot.db.before-recover before.bin && cmp -s hot.db.before-recover-journal journal-before.bin \
  && pass "recover kept the database and journal as found" || fail "recover's copies differ"
[ ! -e hot.db-journal ] && pass "the journal is gone" || fail "the journal is still there"
user_rows hot.db > recovered.sql
cmp -s before.sql recovered.sql && pass "the user rows are back as they were" || fail "user rows after recover differ"
expect_ok "export works after recover" "$W" export --db hot.db --out h-export

echo "# a stale journal of another file"
cp w.db stale.db
python3 - <<'PY'
import os, sqlite3
db = sqlite3.connect("stale.db", isolation_level=None)
db.execute("PRAGMA cache_size = 1")
db.execute("BEGIN IMMEDIATE")
db.execute("DELETE FROM node")
os._exit(0)
PY
"$W" gen --out other.db --municipalities 2 --measures-per-plan 20 >/dev/null
cp other.db stale.db   # a colleague's database copied over one with a journal beside it
cp stale.db before.bin
expect_error "stale journal: export" "an interrupted write left the journal" "$W" export --db stale.db --out s-export
cmp -s stale.db before.bin && pass "stale journal: export wrote nothing" || fail "stale journal: export modified the file"
expect_error "stale journal: recover refuses" "The journal is probably not this database's" "$W" recover --db stale.db
cmp -s stale.db before.bin && [ -e stale.db-journal ] && pass "stale journal: recover changed nothing" || fail "stale journal: recover modified the file"
mv stale.db-journal stale.db.stale-journal
expect_ok "stale journal moved away: the file opens as it is" "$W" export --db stale.db --out s-export
expect_equal "stale journal moved away: integrity" "$(sqlite3 stale.db 'PRAGMA integrity_check')" ok
finish
