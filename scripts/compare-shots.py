#!/usr/bin/env python3
"""Compares the shots of two builds of wardscope (the Windows build under wine
with the Linux build): same view, same size, same data.

    compare-shots.py A.png A.json B.png B.json

Layout probes (`shot --layout`): the same names, each rectangle within 1 px
(the same draw lists, laid out by the same ImGui with the same font).
Pixels "close": at most 0.5 % of pixels differ by more than 24 in any channel,
and the mean absolute difference is at most 1.0 per channel. Both builds
rasterise the same font file with the same stb_truetype and draw through Mesa's
llvmpipe (wine's opengl32 hands GL to the host's Mesa), so the images should be
near-identical; the slack covers anti-aliased edges where two GL paths round
differently, while a missing panel, a clipped label or '?' glyphs in place of
Japanese change far more pixels than that.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "tools"))
from png_pixels import read_png  # noqa: E402

DIFF_LEVEL, MAX_DIFF_SHARE, MAX_MEAN = 24, 0.005, 1.0


def probes(path):
    doc = json.load(open(path, encoding="utf-8"))
    return {item["name"]: item for item in doc["items"]}


def main():
    a_png, a_json, b_png, b_json = sys.argv[1:5]
    problems = []
    pa, pb = probes(a_json), probes(b_json)
    if set(pa) != set(pb):
        problems.append(f"probes differ: only in A {sorted(set(pa) - set(pb))[:5]}, only in B {sorted(set(pb) - set(pa))[:5]}")
    for name in sorted(set(pa) & set(pb)):
        off = max(abs(pa[name][k] - pb[name][k]) for k in ("x0", "y0", "x1", "y1"))
        if off > 1:
            problems.append(f"probe {name} moved by {off:.1f} px")
    wa, ha, rows_a, bpp_a = read_png(a_png)
    wb, hb, rows_b, bpp_b = read_png(b_png)
    if (wa, ha) != (wb, hb):
        problems.append(f"sizes differ: {wa}x{ha} and {wb}x{hb}")
    else:
        differing = total = 0
        for ra, rb in zip(rows_a, rows_b):
            for x in range(wa):
                ia, ib = x * bpp_a, x * bpp_b
                d = (abs(ra[ia] - rb[ib]), abs(ra[ia + 1] - rb[ib + 1]), abs(ra[ia + 2] - rb[ib + 2]))
                total += d[0] + d[1] + d[2]
                if max(d) > DIFF_LEVEL:
                    differing += 1
        n = wa * ha
        share, mean = differing / n, total / (3 * n)
        verdict = f"{share * 100:.3f} % of pixels differ, mean difference {mean:.3f}"
        if share > MAX_DIFF_SHARE or mean > MAX_MEAN:
            problems.append(verdict)
        else:
            print(f"close: {verdict}; {len(pa)} probes match")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


main()
