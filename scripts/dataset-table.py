#!/usr/bin/env python3
"""Counts per bundled plan (data/plans/*.json), as the Markdown table of docs/dataset.md.

  scripts/dataset-table.py            print the table
  scripts/dataset-table.py --write    replace the table in docs/dataset.md (between the markers)
  scripts/dataset-table.py --check    compare the counts with expected_plans in tests/core/dataset_test.cpp
                                      (exit status 1 on any difference)

Only the standard library; the counts follow docs/plan-format.md (nested nodes,
SWOT quadrants, TOWS, indicators by kind). "themes tagged" counts the distinct
themes tagged by hand; the importer's keyword (rule) tags are not counted.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "data" / "plans"
DOC = ROOT / "docs" / "dataset.md"
TEST = ROOT / "tests" / "core" / "dataset_test.cpp"
BEGIN, END = "<!-- dataset-table:begin -->", "<!-- dataset-table:end -->"


def fiscal_year(value):
    """The notations of docs/plan-format.md ("Fiscal years") -> int, or None when unknown."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    s = unicodedata.normalize("NFKC", value).strip()
    if m := re.fullmatch(r"(?:FY)?(\d{4})", s):
        return int(m[1])
    if m := re.fullmatch(r"(?:令和|R)(元|\d+)(?:年度)?", s):
        return 2018 + (1 if m[1] == "元" else int(m[1]))
    if m := re.fullmatch(r"(?:平成|H)(元|\d+)(?:年度)?", s):
        return 1988 + (1 if m[1] == "元" else int(m[1]))
    raise ValueError(f"not a fiscal year: {value!r}")


def walk(nodes):
    for n in nodes:
        yield n
        yield from walk(n.get("children", []))


def levels(plan):
    """The plan's own level names, top first; the measure level in bold ("no measure level" when null)."""
    names = [f"**{l['name']}**" if l["id"] == plan.get("measure_level") else l["name"] for l in plan.get("levels", [])]
    return " › ".join(names) + ("" if plan.get("measure_level") else " (no measure level)")


def counts(plan):
    nodes = list(walk(plan.get("nodes", [])))
    level = lambda lv: sum(n["level"] == lv for n in nodes)
    quadrant = lambda q: sum(s["quadrant"] == q for s in plan.get("swot", []))
    kind = lambda k: sum(i["kind"] == k for i in plan.get("indicators", []))
    period = plan["period"]
    return {
        "plan": plan["id"],
        "municipality": plan["municipality"]["id"],
        "municipality_ja": plan["municipality"]["name_ja"],
        "code": plan["municipality"].get("code") or "",
        "title": plan["title"],
        "levels": levels(plan),
        "status": plan.get("status"),
        "start": fiscal_year(period.get("start")),
        "end": fiscal_year(period.get("end")),
        "pillars": level("pillar"),
        "strategies": level("strategy"),
        "policies": level("policy"),
        "measures": level("measure"),
        "new": sum(bool(n.get("new")) for n in nodes),
        "S": quadrant("strength"),
        "W": quadrant("weakness"),
        "O": quadrant("opportunity"),
        "T": quadrant("threat"),
        "tows": len(plan.get("tows", [])),
        "kgi": kind("KGI"),
        "kpi": kind("KPI"),
        "outcome": kind("成果指標"),
        "themes": len({t for n in nodes for t in n.get("themes", [])}),
    }


def load():
    rows = [counts(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(PLANS.glob("*.json"))]
    rows.sort(key=lambda r: (r["code"], r["start"] if r["start"] is not None else 9999, r["plan"]))
    return rows


def fy(year):
    return f"FY{year}" if year is not None else "unknown"


def indicators(r):
    parts = [f"{r[k]} {name}" for k, name in (("kgi", "KGI"), ("kpi", "KPI"), ("outcome", "成果指標")) if r[k]]
    return " + ".join(parts) if parts else "0"


def table(rows):
    head = ["municipality", "plan id", "title", "status", "period", "levels", "pillars", "strategies", "policies",
            "measures", "新規", "SWOT S/W/O/T", "TOWS", "indicators", "themes tagged"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    for r in rows:
        cells = [f"{r['municipality_ja']} ({r['municipality']})", f"`{r['plan']}`", r["title"], r["status"] or "—",
                 f"{fy(r['start'])}–{fy(r['end'])}" if (r["start"], r["end"]) != (None, None) else "unknown",
                 r["levels"],
                 r["pillars"], r["strategies"], r["policies"], r["measures"], r["new"],
                 f"{r['S']}/{r['W']}/{r['O']}/{r['T']}", r["tows"], indicators(r), r["themes"]]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    total = lambda k: sum(r[k] for r in rows)
    lines.append("| **total** | " + f"{len(rows)} plans | | | | | " + " | ".join(
        str(total(k)) for k in ("pillars", "strategies", "policies", "measures", "new")) +
        f" | {total('S')}/{total('W')}/{total('O')}/{total('T')} | {total('tows')} | "
        f"{total('kgi') + total('kpi') + total('outcome')} | |")
    return "\n".join(lines)


FIELDS = ["plan", "municipality", "start", "end", "pillars", "strategies", "policies", "measures", "new",
          "S", "W", "O", "T", "tows", "kgi", "kpi", "outcome"]


def expected_rows():
    text = TEST.read_text(encoding="utf-8")
    body = text[text.index("expected_plans[]"):]
    body = body[:body.index("};")]
    rows = {}
    for m in re.finditer(r'\{"([^"]+)",\s*"([^"]+)",((?:\s*-?\d+\s*,?)+)\}', body):
        nums = [int(x) for x in m[3].replace(" ", "").strip(",").split(",")]
        row = dict(zip(FIELDS, [m[1], m[2], *nums]))
        row["start"] = row["start"] or None  # 0 = unknown in the test
        row["end"] = row["end"] or None
        rows[m[1]] = row
    return rows


def check(rows):
    expected = expected_rows()
    bad = 0
    for r in rows:
        e = expected.pop(r["plan"], None)
        if e is None:
            print(f"{r['plan']}: no row in {TEST.relative_to(ROOT)}")
            bad += 1
            continue
        for k in FIELDS:
            if r[k] != e[k]:
                print(f"{r['plan']}: {k} is {r[k]} in the JSON, {e[k]} in the test")
                bad += 1
    for plan in expected:
        print(f"{plan}: in the test but not in data/plans")
        bad += 1
    print(f"{len(rows)} plans checked against {TEST.relative_to(ROOT)}: "
          + ("all counts match" if not bad else f"{bad} difference(s)"))
    return bad == 0


def main(argv):
    rows = load()
    if "--check" in argv:
        return 0 if check(rows) else 1
    if "--write" in argv:
        doc = DOC.read_text(encoding="utf-8")
        start, stop = doc.index(BEGIN) + len(BEGIN), doc.index(END)
        DOC.write_text(doc[:start] + "\n" + table(rows) + "\n" + doc[stop:], encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)} ({len(rows)} plans)")
        return 0
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
