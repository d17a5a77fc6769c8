#!/usr/bin/env bash
# Runs every ```sql block of a Markdown file in the sqlite3 shell against a
# database, as an analyst would paste it; each must succeed and return rows
# (except a query that says it has "no rows until" something the user adds).
set -euo pipefail
doc=$1 db=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk -v dir="$tmp" '/^```sql/{n++; on=1; next} /^```/{on=0} on{print > (dir "/query" n ".sql")}' "$doc"
count=0
for q in "$tmp"/query*.sql; do
  count=$((count + 1))
  rows=$(sqlite3 -bail -readonly "$db" < "$q" | wc -l)
  if [ "$rows" -eq 0 ] && ! grep -q -- '-- no rows until' "$q"; then
    echo "FAIL: query $count of $doc returned no rows:"; cat "$q"; exit 1
  fi
  echo "query $count: $rows rows"
done
[ "$count" -ge 3 ] || { echo "FAIL: expected at least 3 queries in $doc, found $count"; exit 1; }
echo "$count passed, 0 failed"
