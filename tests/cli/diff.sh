#!/usr/bin/env bash
# `wardscope diff`: the four generation pairs of the bundled data in both
# formats (every measure of both plans exactly once), a user's decision kept
# by the set-up's re-import (scripts/setup-db.sh) and applied, and the errors:
# plans of different municipalities, the same plan twice, an unknown plan.
source "$(dirname "$0")/lib.sh"
setup "$@"

bash "$SRC/scripts/setup-db.sh" "$W" w.db >/dev/null
measures() {  # plan id → its measure-level node ids, sorted
  sqlite3 w.db "SELECT id FROM node WHERE plan_id = '$1' AND level = 'measure' ORDER BY id"
}
for m in sumida arakawa itabashi ome; do
  a=$m-regional-2019 b=$m-regional-2022
  expect_ok "$m: diff as CSV" "$W" diff --db w.db "$a" "$b" --format csv --out "$m.csv"
  python3 - "$m.csv" > "$m.sides" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
print("\n".join(sorted(r["item_a"] for r in rows if r["item_a"])))
print("--")
print("\n".join(sorted(r["item_b"] for r in rows if r["item_b"])))
ok = all((r["item_a"] != "") == (r["status"] in ("continued", "changed", "dropped")) and
         (r["item_b"] != "") == (r["status"] in ("continued", "changed", "added")) for r in rows)
print("--", "consistent" if ok else "INCONSISTENT")
PY
  expected=$(measures "$a"; echo "--"; measures "$b"; echo "-- consistent")
  expect_equal "$m: every measure of both plans exactly once" "$(tr '\n' ' ' < "$m.sides")" "$(echo "$expected" | tr '\n' ' ')"
  expect_ok "$m: diff as Markdown on standard output" "$W" diff --db w.db "$a" "$b"
  rows=$(grep -c '^| \(継続\|変更\|新規\|廃止\) |' out.txt)
  expect_equal "$m: one Markdown row per measure" "$rows" "$(($(python3 -c "import csv; print(len(list(csv.reader(open('$m.csv', encoding='utf-8-sig')))))") - 1))"
done
grep -q '^continued,継続,1.00,arakawa-regional-2019,st1-m1,次世代へのバトンタッチ支援事業,arakawa-regional-2022,st1-m2,' arakawa.csv \
  && pass "arakawa: 次世代へのバトンタッチ支援事業 continued" || { fail "arakawa: the continued measure"; cat arakawa.csv; }

# A decision as the dashboard stores it, then the set-up's re-import.
sqlite3 w.db "INSERT INTO measure_match (plan_a, item_a, plan_b, item_b, decision)
              VALUES ('ome-regional-2019', 'st2-m1', 'ome-regional-2022', 'st2-m1', 'match')"
bash "$SRC/scripts/setup-db.sh" "$W" w.db >/dev/null
expect_equal "the decision survives the set-up's re-import" "$(sqlite3 w.db 'SELECT count(*) FROM measure_match')" 1
expect_ok "ome: diff with the decision" "$W" diff --db w.db ome-regional-2019 ome-regional-2022 --format csv --out ome2.csv
grep -q ',ome-regional-2019,st2-m1,新事業チャレンジ支援事業,ome-regional-2022,st2-m1,新製品・新技術開発事業,confirmed' ome2.csv \
  && pass "the confirmed match is applied and marked" || { fail "confirmed match"; cat ome2.csv; }
expect_ok "reversed order: the decision applies with the sides swapped" "$W" diff --db w.db ome-regional-2022 ome-regional-2019 --format csv --out rev.csv
grep -q ',ome-regional-2022,st2-m1,新製品・新技術開発事業,ome-regional-2019,st2-m1,新事業チャレンジ支援事業,confirmed' rev.csv \
  && pass "reversed: confirmed" || { fail "reversed"; cat rev.csv; }

before=$(sha256sum < w.db)
expect_error "plans of different municipalities" "a generation diff compares two plans of one municipality" \
  "$W" diff --db w.db sumida-regional-2019 arakawa-regional-2022
expect_error "the same plan twice" "the same plan 'ome-regional-2019'" "$W" diff --db w.db ome-regional-2019 ome-regional-2019
expect_error "an unknown plan" "has no plan 'nope' (plans: " "$W" diff --db w.db nope ome-regional-2019
expect_error "an unknown format" "--format" "$W" diff --db w.db ome-regional-2019 ome-regional-2022 --format xlsx
expect_error "a missing database" "no such database" "$W" diff --db missing.db a b
expect_error "the database as the output" "refusing to overwrite it" "$W" diff --db w.db ome-regional-2019 ome-regional-2022 --out w.db
expect_equal "diff never writes the database" "$(sha256sum < w.db)" "$before"
finish
