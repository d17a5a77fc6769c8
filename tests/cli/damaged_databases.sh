#!/usr/bin/env bash
# Damaged databases (issue #6), through the `wardscope` binary: truncated,
# random bytes, zero length, newer schema, read-only file or folder, locked by
# another writer. Each must give a specific message and a non-zero exit and
# leave the file byte for byte as it was. An older schema is upgraded in one
# transaction after a backup copy is written beside it.
#   damaged_databases.sh WARDSCOPE SOURCE_DIR
source "$(dirname "$0")/lib.sh"
setup "$@"

PLANS=("$SRC"/data/plans/*.json)
ONE_PLAN=${PLANS[0]}
"$W" import --db good.db "${PLANS[@]}" >/dev/null
printf 'plan_id,indicator_id,fiscal_year,value,source\n' > empty-rows.csv

# Every command that touches a database, against FILE: all must fail with MESSAGE
# and leave FILE as it was.
try_all_commands() {
  local label=$1 file=$2 message=$3
  cp "$file" before.bin
  expect_error "$label: import" "$message" "$W" import --db "$file" "$ONE_PLAN"
  expect_same_bytes "$label: import" "$file" before.bin
  expect_error "$label: kpi import" "$message" "$W" kpi import --db "$file" empty-rows.csv
  expect_same_bytes "$label: kpi import" "$file" before.bin
  expect_error "$label: export" "$message" "$W" export --db "$file" --out "export-$label"
  expect_same_bytes "$label: export" "$file" before.bin
}

echo "# truncated"
size=$(stat -c %s good.db)
head -c $((size / 2)) good.db > half.db
try_all_commands "truncated to half" half.db "the database file is truncated"
head -c 4096 good.db > page.db
try_all_commands "truncated to one page" page.db "the database file is truncated"
head -c 60 good.db > header.db
try_all_commands "truncated inside the header" header.db "the file is truncated"

echo "# random bytes"
head -c 65536 /dev/urandom > random.db
try_all_commands "random bytes" random.db "not a SQLite database"
{ head -c 100 good.db; head -c $((size - 100)) /dev/urandom; } > random-pages.db
# A valid header over random pages: SQLite itself must find the damage.
try_all_commands "random pages" random-pages.db "damaged"

echo "# zero length"
: > zero.db
try_all_commands "zero-length" zero.db "the file is empty (0 bytes)"

echo "# newer schema version"
cp good.db newer.db
sqlite3 newer.db "PRAGMA user_version = 99"
try_all_commands "newer schema" newer.db "schema version 99, newer than this wardscope understands"

echo "# someone else's SQLite file"
sqlite3 foreign.db "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
try_all_commands "foreign SQLite file" foreign.db "not a wardscope database"

echo "# read-only file and folder"
# As root, permissions do not stop writes: run the binary as 'nobody' then.
chmod 755 "$TMP"
if [ "$(id -u)" -eq 0 ]; then
  mkdir -m 755 bin && cp "$W" bin/wardscope && chmod 755 bin/wardscope
  mkdir -m 755 data && cp "$SRC"/data/themes.json "$SRC"/data/actors.json data/ && chmod 644 data/*
  cp "$ONE_PLAN" one-plan.json && chmod 644 one-plan.json empty-rows.csv
  as_user() { WARDSCOPE_DATA="$TMP/data" setpriv --reuid=65534 --regid=65534 --clear-groups -- "$TMP/bin/wardscope" "$@"; }
  make_read_only() { chown root:root "$1"; chmod 644 "$1"; }   # nobody cannot write it
  make_writable() { chmod 666 "$1"; }
else
  cp "$ONE_PLAN" one-plan.json
  as_user() { "$W" "$@"; }
  make_read_only() { chmod a-w "$1"; }
  make_writable() { chmod u+w "$1"; }
fi
cp good.db readonly.db
make_read_only readonly.db
cp readonly.db before.bin
expect_error "read-only file: import" "the database file is read-only" as_user import --db readonly.db one-plan.json
expect_same_bytes "read-only file: import" readonly.db before.bin
expect_error "read-only file: kpi import" "the database file is read-only" as_user kpi import --db readonly.db empty-rows.csv
expect_same_bytes "read-only file: kpi import" readonly.db before.bin
mkdir -m 777 out-ro
expect_ok "read-only file: export still works" as_user export --db readonly.db --out out-ro/export
expect_same_bytes "read-only file: export" readonly.db before.bin

mkdir ro-folder
cp good.db ro-folder/w.db
make_writable ro-folder/w.db
cp ro-folder/w.db before.bin
if [ "$(id -u)" -eq 0 ]; then chmod 755 ro-folder; else chmod 555 ro-folder; fi
expect_error "read-only folder: import" "is read-only: SQLite needs to write a journal file" as_user import --db ro-folder/w.db one-plan.json
expect_same_bytes "read-only folder: import" ro-folder/w.db before.bin
expect_error "read-only folder: new database" "is read-only: cannot create a database there" as_user import --db ro-folder/new.db one-plan.json
[ ! -e ro-folder/new.db ] && pass "read-only folder: no new file" || fail "read-only folder: new.db was created"
expect_ok "read-only folder: export still works" as_user export --db ro-folder/w.db --out out-ro/export2
expect_same_bytes "read-only folder: export" ro-folder/w.db before.bin
chmod 755 ro-folder

echo "# locked by another writer"
cp good.db locked.db
# Holds a lock from the sqlite3 shell until its input closes.
hold_lock() {  # hold_lock "BEGIN IMMEDIATE" | "BEGIN EXCLUSIVE"
  rm -f lock.fifo; mkfifo lock.fifo
  sqlite3 locked.db < lock.fifo > /dev/null 2>&1 &
  LOCK_PID=$!; BACKGROUND_PIDS="$LOCK_PID"
  exec 3>lock.fifo
  echo "$1; UPDATE plan SET title = title || '' WHERE rowid = 1;" >&3
  for _ in $(seq 100); do  # until the lock is taken
    sqlite3 locked.db "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 || return 0
    sleep 0.05
  done
  fail "could not take the lock"
}
release_lock() { exec 3>&-; wait "$LOCK_PID" || true; BACKGROUND_PIDS=""; }

cp locked.db before.bin
hold_lock "BEGIN IMMEDIATE"
expect_error "write-locked: import" "the database is locked by another program" "$W" import --db locked.db "$ONE_PLAN"
expect_error "write-locked: kpi import" "the database is locked by another program" "$W" kpi import --db locked.db empty-rows.csv
expect_ok "write-locked: export still reads" "$W" export --db locked.db --out export-locked
cmp -s locked.db before.bin && pass "write-locked: file untouched" || fail "write-locked: file modified"
release_lock
hold_lock "BEGIN EXCLUSIVE"
expect_error "exclusively locked: export" "the database is locked by another program" "$W" export --db locked.db --out export-locked2
expect_error "exclusively locked: import" "the database is locked by another program" "$W" import --db locked.db "$ONE_PLAN"
cmp -s locked.db before.bin && pass "exclusively locked: file untouched" || fail "exclusively locked: file modified"
release_lock
expect_same_bytes "lock released: the other writer rolled back" locked.db before.bin
expect_ok "lock released: import works again" "$W" import --db locked.db "$ONE_PLAN"

echo "# older schema version"
cp good.db old.db
# Version 1 is version 5 without what 5 and 4 added (tests/data/version-5-down.sql,
# version-4-down.sql), the workshop tables (3) and the application id (2) (src/core/store.cpp: migrations).
{ cat "$SRC/tests/data/version-5-down.sql" "$SRC/tests/data/version-4-down.sql"
  echo "DROP TABLE annotation; DROP TABLE slide; VACUUM; PRAGMA application_id = 0; PRAGMA user_version = 1;"; } | sqlite3 old.db
cp old.db v1.bin
sqlite3 old.db .dump > v1.sql
expect_ok "version 1: export reads it without writing" "$W" export --db old.db --out export-v1
expect_same_bytes "version 1: export" old.db v1.bin
[ ! -e old.db.v1-backup ] && pass "version 1: no backup for a read" || fail "version 1: a read wrote a backup"
expect_ok "version 1: import upgrades it" "$W" import --db old.db "$ONE_PLAN"
grep -qF "upgraded old.db from schema version 1 to 5; the previous file is kept as old.db.v1-backup" err.txt \
  && pass "version 1: the upgrade is announced" || { fail "version 1: no upgrade message"; cat err.txt; }
expect_equal "version 1: new version" "$(sqlite3 old.db 'PRAGMA user_version')" 5
expect_equal "version 1: workshop tables" "$(sqlite3 old.db "SELECT count(*) FROM sqlite_master WHERE name IN ('annotation', 'slide', 'measure_match')")" 3
expect_equal "version 1: application id" "$(sqlite3 old.db 'PRAGMA application_id')" 1465074512
expect_equal "version 1: integrity" "$(sqlite3 old.db 'PRAGMA integrity_check')" ok
expect_equal "backup: version" "$(sqlite3 old.db.v1-backup 'PRAGMA user_version')" 1
expect_equal "backup: integrity" "$(sqlite3 old.db.v1-backup 'PRAGMA integrity_check')" ok
sqlite3 old.db.v1-backup .dump > backup.sql
cmp -s backup.sql v1.sql && pass "backup: the same content as before the upgrade" || fail "backup: content differs"
expect_ok "version 5: the next import does not upgrade again" "$W" import --db old.db "$ONE_PLAN"
! grep -q upgraded err.txt && [ ! -e old.db.v1-backup-2 ] && pass "version 5: no second backup" || fail "version 5: upgraded twice"

finish
