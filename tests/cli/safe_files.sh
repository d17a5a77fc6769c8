#!/usr/bin/env bash
# Files wardscope writes (issue #12), as a user meets them: every export
# (`export --format json|csv`, `kpi export`, `notes export` csv/md, `shot`,
# `slides export`) and the dashboard's settings.json / imgui.ini are written
# whole or not at all — on a full disk (a small tmpfs when the test may mount
# one, and always a simulated write failure as well) and when SIGKILLed in the
# middle of a write; names made from data (plan ids, slide names) stay inside
# --out; the database and its journals are refused as outputs; Markdown and
# terminal output escape what comes from data. Runs under Xvfb (PNGs, dashboard).
source "$(dirname "$0")/lib.sh"
setup "$@"

png_ok() { python3 "$SRC/tests/tools/png_pixels.py" "$1" size >/dev/null 2>&1 && [ "$(tail -c 8 "$1" | head -c 4)" = IEND ]; }
# wait_until SECONDS COMMAND…: polls until COMMAND holds (an event), false after SECONDS.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do [ "$SECONDS" -lt "$deadline" ] || return 1; sleep 0.05; done
}
stopped() { [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" = T ]; }
# export_to runs in a subshell when sent to the background: its wardscope is a child
# (read from /proc, so that the test needs no procps).
children() { cat /proc/"$1"/task/*/children 2>/dev/null || true; }
child_stopped() { local c; for c in $(children "$1"); do stopped "$c" && return 0; done; return 1; }
kill_all() { kill -9 $(children "$1") "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

expect_ok "import the bundled plans" "$W" import --db w.db "$SRC"/data/plans/*.json
sqlite3 w.db <<'SQL'
INSERT INTO annotation (plan_id, item_kind, item_id, note, vote)
  SELECT plan_id, 'swot', id, 'a | b <script>alert(1)</script> `x` ' || char(27) || '[31m red', 4
  FROM swot_item WHERE plan_id = 'itabashi-vision-2035' ORDER BY ord LIMIT 1;
INSERT INTO annotation (plan_id, item_kind, item_id, note, vote) VALUES ('kita-vision-2026', 'node', 'n1', '普通のメモ', 2);
INSERT INTO slide (position, name, state) VALUES
  (0, '全体像', '{"view": "timeline"}'),
  (1, '../../../escape', '{"view": "heatmap"}'),
  (2, '/tmp/abs-slide', '{"view": "timeline"}'),
  (3, 'a/b', '{"view": "timeline"}'),
  (4, 'a_b', '{"view": "timeline"}'),
  (5, 'bell' || char(7) || 'esc' || char(27) || ']0;title', '{"view": "timeline"}');
SQL
# A second database with other content: the "new" exports.
cp w.db w2.db
sqlite3 w2.db "INSERT INTO annotation (plan_id, item_kind, item_id, note, vote) VALUES ('kita-vision-2026', 'node', 'n2', 'new note', 5)"

# export NAME DB TARGET: one export per kind; TARGET is a file, or a folder for the multi-file ones.
export_to() {
  local name=$1 db=$2 target=$3 view=timeline
  [ "$db" = w.db ] || view=heatmap
  case $name in
    json) "$W" export --db "$db" --format json --out "$target" ;;
    csv) "$W" export --db "$db" --format csv --out "$target" ;;
    kpi) "$W" kpi export --db "$db" --out "$target/kpi.csv" ;;
    notes_csv) "$W" notes export --db "$db" --out "$target/notes.csv" ;;
    notes_md) "$W" notes export --db "$db" --format md --out "$target/notes.md" ;;
    shot) "$W" shot --db "$db" --view "$view" --size 640x480 --out "$target/view.png" ;;
    slides) "$W" slides export --db "$db" --size 640x480 --out "$target" ;;
  esac
}
EXPORTS="json csv kpi notes_csv notes_md shot slides"

echo "# names from data stay inside --out (plan ids, slide names)"
sqlite3 w.db <<'SQL'
CREATE TEMP TABLE p AS SELECT * FROM plan WHERE id = 'kita-vision-2026';
UPDATE p SET id = '../../../escape'; INSERT INTO plan SELECT * FROM p;
UPDATE p SET id = '/tmp/wardscope-abs-plan'; INSERT INTO plan SELECT * FROM p;
UPDATE p SET id = 'CON'; INSERT INTO plan SELECT * FROM p;
UPDATE p SET id = 'Kita-Vision-2026'; INSERT INTO plan SELECT * FROM p;
UPDATE p SET id = 'trailing. '; INSERT INTO plan SELECT * FROM p;
UPDATE p SET id = replace(hex(zeroblob(150)), '0', 'あ'); INSERT INTO plan SELECT * FROM p;
SQL
plans=$(sqlite3 w.db "SELECT count(*) FROM plan")
mkdir -p deep/er && touch marker
expect_ok "export --format json with hostile plan ids" "$W" export --db w.db --format json --out deep/er/out
expect_equal "one file per plan, all inside --out" "$(find deep/er/out -name '*.json' | wc -l)" "$plans"
expect_equal "nothing written outside --out" "$(find . /tmp/wardscope-abs-plan* -newer marker -type f 2>/dev/null | grep -v '^./deep/er/out/' | grep -v -e '^./out.txt$' -e '^./err.txt$' | wc -l)" 0
expect_equal "no sub-folders made from ids" "$(find deep/er/out -mindepth 1 -type d | wc -l)" 0
[ "$(ls deep/er/out | grep -ic '^kita-vision-2026\(-2\)\?\.json$')" = 2 ] \
  && pass "ids differing only in case get distinct files" || fail "case collision: $(ls deep/er/out)"
ls deep/er/out | grep -qx '_CON.json' && pass "a reserved device name gets a prefix" || fail "CON: $(ls deep/er/out)"
[ "$(ls deep/er/out | LC_ALL=C awk '{ if (length($0) > m) m = length($0) } END { print m }')" -le 200 ] \
  && pass "long ids are cut to at most 200 bytes" || fail "a file name over 200 bytes"
expect_ok "slides export with hostile slide names" "$W" slides export --db w.db --size 640x480 --out deep/er/png
expect_equal "one PNG per slide, all inside --out" "$(find deep/er/png -type f -name '*.png' | wc -l)" 6
expect_equal "nothing written outside --out" "$(find . /tmp/abs-slide* -newer marker -type f 2>/dev/null | grep -v -e '^./deep/er/' -e '^./out.txt$' -e '^./err.txt$' | wc -l)" 0
grep -q $'\e' out.txt && fail "slides export printed a raw ESC" || pass "slides export printed no raw control characters"
# The extra plans are for this test only.
sqlite3 w.db "DELETE FROM plan WHERE id NOT IN (SELECT id FROM plan WHERE id IN (SELECT plan_id FROM node))"

echo "# the database and its journals are refused as outputs"
cp w.db keep.db
mkdir -p sub dbdir && ln -sf "$PWD/w.db" link.db
check_refused() {  # NAME CMD…
  expect_error "$1" "the database w.db: refusing to overwrite it" "${@:2}"
  expect_same_bytes "$1" w.db keep.db
}
check_refused "notes export --out the database" "$W" notes export --db w.db --out w.db
check_refused "notes export --format md --out its journal" "$W" notes export --db w.db --format md --out w.db-journal
check_refused "kpi export --out its WAL" "$W" kpi export --db w.db --out w.db-wal
check_refused "kpi export --out its shm, through sub/.." "$W" kpi export --db w.db --out sub/../w.db-shm
check_refused "notes export --out a symlink to it" "$W" notes export --db w.db --out link.db
check_refused "shot --out the database" "$W" shot --db w.db --view timeline --size 640x480 --out w.db
check_refused "shot --layout its journal" "$W" shot --db w.db --view timeline --size 640x480 --out ok.png --layout w.db-journal
cp w.db dbdir/observations.csv
expect_error "export --format json into the folder where the database is observations.csv" "is the database" \
  "$W" export --db dbdir/observations.csv --format json --out dbdir
expect_same_bytes "export json" dbdir/observations.csv keep.db
cp w.db dbdir/plans.csv
expect_error "export --format csv over a database named plans.csv" "is the database" "$W" export --db dbdir/plans.csv --format csv --out dbdir
expect_same_bytes "export csv" dbdir/plans.csv keep.db
mkdir -p slidesdb && cp w.db "slidesdb/01-全体像.png"
expect_error "slides export over a database named like its first PNG" "is the database" \
  "$W" slides export --db "slidesdb/01-全体像.png" --size 640x480 --out slidesdb
expect_same_bytes "slides export" "slidesdb/01-全体像.png" keep.db

echo "# Markdown and terminal output escape data"
expect_ok "notes export --format md" "$W" notes export --db w.db --format md --out notes.md
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' notes.md && ! grep -q '<script>' notes.md \
  && pass "HTML in a note is escaped" || { fail "HTML in Markdown"; cat notes.md; }
python3 - notes.md <<'PY' && pass "every table row has its 5 cells (a '|' in a note is escaped)" || fail "a table row with a stray cell"
import re, sys
rows = [l for l in open(sys.argv[1], encoding="utf-8") if l.startswith("| ")]
assert rows and all(len(re.findall(r"(?<!\\)\|", r)) == 6 for r in rows), rows
PY
grep -q $'\e' notes.md && fail "a raw ESC in the Markdown" || pass "no raw control characters in the Markdown"
expect_ok "slides list" "$W" slides list --db w.db
grep -q $'[\e\a]' out.txt && fail "slides list printed raw control characters" || pass "slides list prints no raw control characters"
grep -qF 'bell\x07esc\x1b]0;title' out.txt && pass "they are shown as escapes" || { fail "escapes"; cat out.txt; }
expect_error "an error quoting data" "no plan" "$W" shot --db w.db --view timeline --plans $'x\e]0;pwned\a' --out e.png
grep -q $'[\e\a]' err.txt && fail "the error printed raw control characters" || pass "the error message escapes them"

# --- full disk: a small tmpfs when this test may mount one; always the simulated failure too.
DISK=$TMP/disk
mkdir -p "$DISK"
MOUNTED=0
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=16m wardscope-test "$DISK" 2>/dev/null; then
  MOUNTED=1
  trap 'umount "$DISK" 2>/dev/null || umount -l "$DISK" 2>/dev/null; cleanup' EXIT
else
  echo "note: cannot mount a tmpfs here (not root?): the full disk is simulated only"
fi
fill() { dd if=/dev/zero of="$DISK/fill" bs=64k status=none 2>/dev/null || true; }
# full_disk_check NAME HOW: the old files stay byte for byte, no temporary file, a clear message, no count.
full_disk_check() {
  local name=$1 how=$2 dir=$DISK/$1 rc=0
  rm -rf "$dir" "$DISK/old-$name" "$DISK/fill"; mkdir -p "$dir"
  export_to "$name" w.db "$dir" >/dev/null 2>&1 || { fail "$name: the first export failed"; return; }
  cp -a "$dir" "$TMP/old-$name"
  if [ "$how" = tmpfs ]; then fill; export_to "$name" w2.db "$dir" >out.txt 2>err.txt || rc=$?
  else WARDSCOPE_TEST_FAIL_WRITE_AFTER=100 export_to "$name" w2.db "$dir" >out.txt 2>err.txt || rc=$?; fi
  rm -f "$DISK/fill"
  if [ "$rc" -eq 0 ]; then fail "$name ($how): exit 0 on a full disk"
  elif ! grep -qi "no space left on device" err.txt; then fail "$name ($how): stderr lacks the reason: $(cat err.txt)"
  elif ! diff -r "$TMP/old-$name" "$dir" >/dev/null; then fail "$name ($how): the old files changed: $(diff -rq "$TMP/old-$name" "$dir")"
  elif grep -q "^wrote" out.txt && [ "$name" != slides ]; then fail "$name ($how): printed a count: $(cat out.txt)"
  else pass "$name ($how): exit $rc, old files intact, no temporary file, \"$(head -1 err.txt)\""; fi
  rm -rf "$TMP/old-$name"
}
echo "# full disk during each export"
for name in $EXPORTS; do
  [ "$MOUNTED" = 1 ] && full_disk_check "$name" tmpfs
  full_disk_check "$name" simulated
done

echo "# settings.json and imgui.ini when the disk is full"
export XDG_CONFIG_HOME=$DISK/config
mkdir -p "$XDG_CONFIG_HOME/wardscope"
printf '{"lang": "en", "view": "swot"}\n' > "$XDG_CONFIG_HOME/wardscope/settings.json"
printf '[Window][Debug##Default]\nPos=60,60\nSize=400,400\n' > "$XDG_CONFIG_HOME/wardscope/imgui.ini"
cp -a "$XDG_CONFIG_HOME/wardscope" old-config
# dashboard HOW: starts it, waits for its first frame, ends it with SIGTERM (it saves on the way out).
dashboard() {
  local how=$1 rc=0
  # A fresh log: the previous run's "first frame" must not end the wait before this one starts.
  rm -f ui.log
  if [ "$how" = tmpfs ]; then fill; "$W" ui --db w.db >ui.log 2>&1 &
  else WARDSCOPE_TEST_FAIL_WRITE_AFTER=10 "$W" ui --db w.db >ui.log 2>&1 & fi
  local app=$!
  wait_until 120 grep -q "^event: first frame" ui.log || fail "settings ($how): no first frame: $(cat ui.log)"
  kill -TERM $app; wait $app || rc=$?
  rm -f "$DISK/fill"
  if [ "$rc" -ne 0 ]; then fail "settings ($how): the dashboard exited $rc: $(cat ui.log)"
  elif ! grep -q "settings not saved (the previous ones are kept).*no space left on device" ui.log; then fail "settings ($how): no message: $(cat ui.log)"
  elif ! diff -r old-config "$XDG_CONFIG_HOME/wardscope" >/dev/null; then fail "settings ($how): the old files changed"
  else pass "settings ($how): settings.json and imgui.ini kept, \"$(grep 'settings not saved' ui.log)\""; fi
}
[ "$MOUNTED" = 1 ] && dashboard tmpfs
dashboard simulated
unset XDG_CONFIG_HOME

echo "# SIGKILL in the middle of each export"
# A big synthetic database, so that the files are large.
expect_ok "gen a big database" "$W" gen --out big.db --municipalities 12 --plans-per-municipality 2 \
  --measures-per-plan 150 --indicators-per-plan 20 --years 10 --seed 3
sqlite3 big.db "INSERT INTO annotation (plan_id, item_kind, item_id, note, vote) SELECT plan_id, 'node', id, 'note ' || id, 3 FROM node;
  INSERT INTO slide (position, name, state) VALUES (0, 'big', '{\"view\": \"heatmap\"}'), (1, 'big2', '{\"view\": \"kpi\"}');"
# whole_or_old DIR OLD REF: every file in DIR is its old version or the new one whole, nothing else is there.
whole_or_old() {
  local dir=$1 old=$2 ref=$3 f base
  for f in "$dir"/*; do
    base=$(basename "$f")
    [ -s "$f" ] || { echo "empty: $base"; return 1; }
    cmp -s "$f" "$old/$base" && continue
    cmp -s "$f" "$ref/$base" && continue
    case $base in *.png) png_ok "$f" && continue ;; esac
    echo "neither old nor new: $base"; return 1
  done
  local stray
  stray=$(ls -A "$dir" | grep -v -x -F -f <(ls -A "$old" "$ref" | grep -v -e ':$' -e '^$') || true)
  [ -z "$stray" ] || { echo "stray: $stray"; return 1; }
}
for name in $EXPORTS; do
  dir=kill/$name
  rm -rf "$dir" "ref-$name" "old-$name"; mkdir -p "$dir" "ref-$name"
  export_to "$name" w.db "$dir" >/dev/null 2>&1 || { fail "$name: the first export failed"; continue; }
  cp -a "$dir" "old-$name"
  [ "$name" = shot ] || [ "$name" = slides ] || export_to "$name" big.db "ref-$name" >/dev/null 2>&1
  # Stopped once it has written 4 KiB of a file (an event: the process state), then killed.
  WARDSCOPE_TEST_STOP_WRITE_AFTER=4096 export_to "$name" big.db "$dir" >/dev/null 2>&1 &
  pid=$!
  if ! wait_until 120 child_stopped $pid; then kill_all $pid; fail "$name: never reached 4 KiB of a file"; continue; fi
  kill_all $pid
  if why=$(whole_or_old "$dir" "old-$name" "ref-$name"); then pass "$name: SIGKILL mid-write leaves the old files whole, no temporary file"
  else fail "$name: after SIGKILL mid-write: $why"; fi
done
# And at arbitrary moments within an export's run time (no hook): whatever
# the moment, each file is its old version or the new one, whole.
start=$(date +%s%N); export_to csv big.db ref-csv >/dev/null 2>&1; run_ms=$((($(date +%s%N) - start) / 1000000 + 1))
for i in 1 2 3 4 5; do
  export_to csv big.db kill/csv >/dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v ms=$((RANDOM % run_ms)) 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill_all $pid
  if why=$(whole_or_old kill/csv old-csv ref-csv); then pass "export --format csv killed at a random moment ($i/5): each file old or new, whole"
  else fail "export --format csv killed at a random moment ($i/5): $why"; fi
done
finish
