#!/usr/bin/env bash
# `wardscope migrate-plan`: format-1 plan files written in format 2 — in place
# (atomic replace) or into --out DIR; the same plans import to the same
# database; bad input is a message, exit 1 and no file written or changed.
source "$(dirname "$0")/lib.sh"
setup "$@"

mkdir in out
cp "$SRC"/data/plans/*.json in/
# The bundled plans are format 2: make format-1 copies to migrate.
for f in in/*.json; do
  python3 - "$f" <<'P'
import json, sys
path = sys.argv[1]
with open(path, encoding="utf-8") as f: plan = json.load(f)
if plan["format"] == "wardscope-plan/2":
    # Each plan names its own levels, but with format 1's level ids; format 1 gives them
    # its generic names. No measure level (Nerima) reads in format 1 as an empty 施策
    # level: the same leaves are counted.
    assert {l["id"] for l in plan["levels"]} <= {"pillar", "strategy", "policy", "measure"}, path
    assert plan["measure_level"] in ("measure", None), path
    plan = {k: v for k, v in plan.items() if k not in ("levels", "measure_level", "statements")}  # format 1 cannot say them
    plan["format"] = "wardscope-plan/1"
    def drop_cross_listing(nodes):  # format 1 cannot say it
        for n in nodes:
            n.pop("also_under", None)
            drop_cross_listing(n.get("children", []))
    drop_cross_listing(plan["nodes"])
with open(path, "w", encoding="utf-8") as f: json.dump(plan, f, ensure_ascii=False, indent=2)
P
done
expect_ok "format-1 files validate" "$W" validate in/*.json
expect_ok "migrate into another folder" "$W" migrate-plan --out out in/*.json
expect_equal "one file out per file in" "$(ls out | wc -l)" "$(ls in | wc -l)"
expect_equal "every output says format 2" "$(grep -l '"format": "wardscope-plan/2"' out/*.json | wc -l)" "$(ls in | wc -l)"
expect_equal "the inputs are left as they were" "$(grep -l '"format": "wardscope-plan/1"' in/*.json | wc -l)" "$(ls in | wc -l)"
expect_ok "the outputs validate" "$W" validate out/*.json
expect_ok "import the format-1 files" "$W" import --db one.db in/*.json
expect_ok "import the format-2 files" "$W" import --db two.db out/*.json
expect_ok "export the first" "$W" export --db one.db --format json --out e1
expect_ok "export the second" "$W" export --db two.db --format json --out e2
expect_equal "the same plans in both databases" "$(diff -r e1 e2 >/dev/null && echo same || echo different)" same
expect_ok "export CSV of the first" "$W" export --db one.db --format csv --out c1
expect_ok "export CSV of the second" "$W" export --db two.db --format csv --out c2
expect_equal "the same coverage counts" "$(cmp -s c1/coverage.csv c2/coverage.csv && echo same || echo different)" same

cp in/kita-vision-2026.json kita.json
expect_ok "migrate in place" "$W" migrate-plan kita.json
expect_equal "replaced by its format-2 form" "$(cmp -s kita.json out/kita-vision-2026.json && echo same || echo different)" same
expect_ok "a second run leaves it" "$W" migrate-plan kita.json
grep -q "already wardscope-plan/2, left as it is" out.txt && pass "says it is already format 2" || fail "no 'already' message"
expect_equal "no temporary files left" "$(ls -A | grep -c '^\.' || true)" 0

# Bad input: nothing is written, not even the good files of the same run.
cp in/sumida-regional-2019.json good.json
before=$(sha256sum good.json)
printf '{"format": "wardscope-plan/1", "id": "broken"' > broken.json
expect_error "a malformed file" "broken.json: /: malformed JSON" "$W" migrate-plan good.json broken.json
grep -q "nothing was written" err.txt && pass "says nothing was written" || fail "no 'nothing was written'"
expect_equal "the good file is unchanged" "$(sha256sum good.json)" "$before"
python3 -c "import json; p = json.load(open('good.json', encoding='utf-8')); p['nodes'][0]['level'] = 'tier'; json.dump(p, open('invalid.json', 'w', encoding='utf-8'), ensure_ascii=False)"
expect_error "an invalid plan" "invalid.json: /nodes/0/level: unknown level 'tier'" "$W" migrate-plan invalid.json
mkdir twice
expect_error "two inputs, one output name" "would both be written to" "$W" migrate-plan --out twice good.json in/../good.json
expect_equal "nothing in the output folder" "$(ls twice | wc -l)" 0
expect_error "--out that is not a folder" "--out must be an existing folder" "$W" migrate-plan --out good.json kita.json
finish
