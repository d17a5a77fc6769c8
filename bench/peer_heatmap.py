#!/usr/bin/python3
"""The peer of `wardscope shot --view heatmap` (issue #5).

What an analyst would otherwise do: read the same wardscope database with
pandas and draw the same strategy-coverage heatmap with seaborn/matplotlib
(plans x themes, the number of measure nodes carrying each theme, hand and rule
tags alike), then save it as PNG. Uses Debian's python3-pandas,
python3-matplotlib and python3-seaborn: run it with /usr/bin/python3.

    /usr/bin/python3 bench/peer_heatmap.py --db build/wardscope.db --out heatmap.png
"""
import argparse
import sqlite3
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed, like `wardscope shot` under Xvfb
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

# The rows the heatmap needs; bench/wardscope_bench runs the same queries in the
# sqlite3 shell as the floor.
QUERIES = {
    "plans": "SELECT p.id AS plan_id, p.title, p.start_fy, m.name_ja, m.code, m.id AS municipality_id "
    "FROM plan p JOIN municipality m ON m.id = p.municipality_id",
    "themes": "SELECT id AS theme_id, label_ja, ord FROM theme",
    "measures": "SELECT plan_id, id AS node_id FROM node WHERE level = 'measure'",
    "tags": "SELECT plan_id, node_id, theme_id FROM node_theme",
}


def main() -> int:
    if "--print-sql" in sys.argv:  # for the benchmark's floor: the same rows through the sqlite3 shell
        print(";\n".join(QUERIES.values()) + ";")
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT in pixels, as for `wardscope shot`")
    parser.add_argument("--annotate-max-rows", type=int, default=60,
                        help="write counts in the cells when there are at most this many plans (legible)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    frames = {name: pd.read_sql_query(sql, con) for name, sql in QUERIES.items()}
    con.close()

    tagged = frames["measures"].merge(frames["tags"], on=["plan_id", "node_id"])
    counts = tagged.pivot_table(index="plan_id", columns="theme_id", values="node_id", aggfunc="nunique", fill_value=0)

    # Rows in the dashboard's order (municipality code, unknown codes last; then start year),
    # columns in taxonomy order; plans or themes without any tag stay as zero rows/columns.
    plans = frames["plans"].assign(no_code=lambda d: d["code"].isna(), no_start=lambda d: d["start_fy"].isna())
    plans = plans.sort_values(["no_code", "code", "municipality_id", "no_start", "start_fy", "plan_id"])
    themes = frames["themes"].sort_values("ord")
    counts = counts.reindex(index=plans["plan_id"], columns=themes["theme_id"], fill_value=0)
    counts.index = [t if pd.isna(y) else f"{t} ({int(y)})" for t, y in zip(plans["title"], plans["start_fy"])]
    counts.columns = list(themes["label_ja"])

    plt.rcParams["font.family"] = ["Noto Sans CJK JP", "sans-serif"]
    fig, ax = plt.subplots(figsize=(width / 100, height / 100), dpi=100)
    sns.heatmap(counts, ax=ax, cmap="viridis", annot=len(counts) <= args.annotate_max_rows, fmt="d",
                cbar_kws={"label": "施策数"}, linewidths=0.5 if len(counts) <= args.annotate_max_rows else 0)
    ax.set_title("戦略カバレッジ（施策数）")
    ax.set_xlabel("")
    ax.set_ylabel("")
    fig.tight_layout()
    fig.savefig(args.out, dpi=100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
