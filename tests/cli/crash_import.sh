#!/usr/bin/env bash
# Crash-safe imports (issue #6): SIGKILLs `wardscope import` at random moments
# of a large import, 50 times, and checks after each that the database passes
# PRAGMA integrity_check and holds exactly the old or exactly the new state.
# A hot journal left by a kill is refused by read-only commands (nothing
# written) and rolled back by `wardscope recover` (issue #12).
#   crash_import.sh WARDSCOPE SOURCE_DIR [RUNS]
source "$(dirname "$0")/lib.sh"
setup "$1" "$2"
RUNS=${3:-50}

# Old state: the bundled plans and a large synthetic plan. The import replaces
# that plan with another version of it (other seed) and adds a second one: it
# deletes, inserts and updates.
BIG=(--municipalities 1 --plans-per-municipality 2 --measures-per-plan 5000 --indicators-per-plan 60 --years 20)
"$W" gen --out seed1.db "${BIG[@]}" --seed 1 >/dev/null
"$W" gen --out seed2.db "${BIG[@]}" --seed 2 >/dev/null
"$W" export --db seed1.db --out old-files >/dev/null
"$W" export --db seed2.db --out new-files >/dev/null
"$W" import --db old.db "$SRC"/data/plans/*.json old-files/synthetic-001-1.json >/dev/null
NEW_FILES=(new-files/synthetic-001-1.json new-files/synthetic-001-2.json)
echo "import: $(du -ch "${NEW_FILES[@]}" | tail -1 | cut -f1) of plan files into a $(du -h old.db | cut -f1) database"

# The database's content, whatever its page layout: every row of every table
# (entered_at is the wall-clock time of the insert, so it is left out).
state_of() {
  sqlite3 "$1" .dump | sed -E "s/'[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z'/'T'/g" | md5sum | cut -d' ' -f1
}
OLD=$(state_of old.db)
cp old.db full.db
start=$(date +%s%N)
"$W" import --db full.db "${NEW_FILES[@]}" >/dev/null
FULL_MS=$(( ($(date +%s%N) - start) / 1000000 ))
NEW=$(state_of full.db)
[ "$OLD" != "$NEW" ] || { fail "the import changes nothing"; finish; }
echo "an uninterrupted import takes $FULL_MS ms; killing at random moments in 0–$((FULL_MS * 14 / 10)) ms"

old_count=0 new_count=0 hot_journals=0 refused_read_only=0 recovered=0
for run in $(seq "$RUNS"); do
  cp old.db test.db
  rm -f test.db-journal test.db.before-recover test.db.before-recover-journal
  delay=$(( (RANDOM * 32768 + RANDOM) % (FULL_MS * 14 / 10 + 1) ))
  "$W" import --db test.db "${NEW_FILES[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  note=""
  if [ -s test.db-journal ]; then
    hot_journals=$((hot_journals + 1))
    # A read-only command refuses, writing nothing; `wardscope recover` rolls back.
    cp test.db killed.bin
    if "$W" export --db test.db --format csv --out "export-$run" >/dev/null 2>err.txt; then
      # Only a journal whose header SQLite had not yet written (not hot) may be read past.
      [ "$(head -c 1 test.db-journal | od -An -tu1 | tr -d ' ')" = 0 ] && cmp -s test.db killed.bin \
        && refused_read_only=$((refused_read_only + 1)) || fail "run $run: export read a database with a hot journal"
    elif grep -qF "wardscope recover --db test.db" err.txt && cmp -s test.db killed.bin && [ -s test.db-journal ]; then
      refused_read_only=$((refused_read_only + 1))
    else
      fail "run $run: export after the kill: $(cat err.txt)"
    fi
    rm -rf "export-$run"
    if "$W" recover --db test.db >/dev/null 2>err.txt; then
      recovered=$((recovered + 1)); note=" (rolled back by recover)"
    else
      fail "run $run: recover: $(cat err.txt)"
    fi
  fi
  integrity=$(sqlite3 test.db "PRAGMA integrity_check" 2>&1)
  [ "$integrity" = ok ] || fail "run $run (killed at $delay ms): integrity_check: $integrity"
  state=$(state_of test.db)
  if [ "$state" = "$OLD" ]; then old_count=$((old_count + 1)); echo "run $run: killed at $delay ms: old state$note"
  elif [ "$state" = "$NEW" ]; then new_count=$((new_count + 1)); echo "run $run: killed at $delay ms: new state$note"
  else fail "run $run (killed at $delay ms): neither the old nor the new state"; cp test.db "$SRC/crash-run-$run.db" 2>/dev/null || true
  fi
done
expect_equal "every run left the old or the new state" "$((old_count + new_count))" "$RUNS"
echo "old state: $old_count, new state: $new_count, killed inside the write transaction: $hot_journals"
# Make sure the kills did land inside the transaction, not only before or after it.
[ "$hot_journals" -ge $((RUNS / 10)) ] && pass "at least $((RUNS / 10)) kills inside the write transaction ($hot_journals)" \
  || fail "only $hot_journals of $RUNS kills landed inside the write transaction"
expect_equal "read-only opens refused every hot journal, writing nothing" "$refused_read_only" "$hot_journals"
expect_equal "recover rolled back every interrupted import" "$recovered" "$hot_journals"
finish
