#!/usr/bin/env bash
# Scripted decks and deck export (issue #14): `slides add / remove / move`
# round trips and their errors (checked as the slides panel checks them), and
# `slides export` as PNG files, a PDF (poppler's pdfinfo / pdftotext: pages,
# titles and source lines as text, Japanese included) and a PowerPoint file
# (its package read with python3 zipfile, then converted by LibreOffice).
# Needs an X server (CTest runs it under scripts/with-xvfb.sh).
source "$(dirname "$0")/lib.sh"
setup "$@"

expect_ok "import the bundled plans" "$W" import --db w.db "$SRC"/data/plans/*.json
slide_names() { "$W" slides list --db w.db | cut -f1,2,3 | tr '\t\n' ' ;'; }

echo "# slides add / remove / move"
expect_ok "add a Japanese slide with notes" "$W" slides add --db w.db --view heatmap --name "カバレッジ全体" \
  --notes $'13計画の施策数。\n「北区」の列に注目 <&> "引用"'
expect_ok "add an English slide" "$W" slides add --db w.db --view kpi --plans kita-vision-2026 --lang en --name "Kita KPI" \
  --notes "Ahead of target on 2 of 3"
expect_ok "add a slide named by default" "$W" slides add --db w.db --view swot --plans itabashi-vision-2035,kita-vision-2026
expect_equal "three slides in order" "$(slide_names)" "1 カバレッジ全体 heatmap;2 Kita KPI kpi;3 スライド 3 swot;"
expect_equal "the state as given" "$(sqlite3 w.db "SELECT json_extract(state, '$.view') || ' ' || json_extract(state, '$.lang') || ' ' || json_extract(state, '$.plans') || ' ' || json_extract(state, '$.presenting') FROM slide WHERE name = 'Kita KPI'")" \
  'kpi en ["kita-vision-2026"] 1'
expect_ok "move by name" "$W" slides move --db w.db --name "スライド 3" --to 1
expect_equal "moved first" "$(slide_names)" "1 スライド 3 swot;2 カバレッジ全体 heatmap;3 Kita KPI kpi;"
expect_ok "move by position" "$W" slides move --db w.db --position 1 --to 3
expect_equal "moved back last" "$(slide_names)" "1 カバレッジ全体 heatmap;2 Kita KPI kpi;3 スライド 3 swot;"
expect_ok "remove by position" "$W" slides remove --db w.db --position 3
expect_equal "two left" "$(slide_names)" "1 カバレッジ全体 heatmap;2 Kita KPI kpi;"
expect_equal "positions contiguous" "$(sqlite3 w.db 'SELECT group_concat(position) FROM (SELECT position FROM slide ORDER BY position)')" "0,1"
expect_ok "add and remove by name" "$W" slides add --db w.db --view timeline --name "一時"
expect_ok "remove by name" "$W" slides remove --db w.db --name "一時"
expect_equal "the deck as before" "$(slide_names)" "1 カバレッジ全体 heatmap;2 Kita KPI kpi;"
expect_ok "notes replaced by position" "$W" slides notes --db w.db --position 2 --text "placeholder"
expect_ok "notes replaced by name" "$W" slides notes --db w.db --name "Kita KPI" --text "Ahead of target on 2 of 3"
expect_equal "the notes as given" "$(sqlite3 w.db "SELECT notes FROM slide WHERE name = 'Kita KPI'")" "Ahead of target on 2 of 3"

before=$(sha256sum < w.db)
expect_error "an unknown view" "unknown view 'maps' (known: timeline" "$W" slides add --db w.db --view maps
expect_error "a missing plan" "no plan 'no-such-plan' in the database" "$W" slides add --db w.db --view swot --plans kita-vision-2026,no-such-plan
expect_error "a plan twice" "plan 'kita-vision-2026' is named twice" "$W" slides add --db w.db --view swot --plans kita-vision-2026,kita-vision-2026
expect_error "a duplicate name" "there is already a slide named 'Kita KPI' (slide 2)" "$W" slides add --db w.db --view swot --name "Kita KPI"
expect_error "an empty name" "a slide needs a name" "$W" slides add --db w.db --view swot --name ""
expect_error "a control character in the name" "the slide name contains the control character" "$W" slides add --db w.db --view swot --name $'a\tb'
expect_error "an unknown language" "unknown language 'fr' (ja or en)" "$W" slides add --db w.db --view swot --lang fr
expect_error "remove: no such name" "no slide named 'Nope' (slides: 'カバレッジ全体', 'Kita KPI')" "$W" slides remove --db w.db --name Nope
expect_error "remove: no such position" "--position 7: the deck has slides 1 to 2" "$W" slides remove --db w.db --position 7
expect_error "remove: which one" "say which slide: --name NAME or --position N" "$W" slides remove --db w.db
expect_error "notes: a control character" "the slide's notes contains the control character U+001B" "$W" slides notes --db w.db --position 1 --text $'a\eb'
expect_error "move: beyond the end" "--to 3: the deck has slides 1 to 2" "$W" slides move --db w.db --position 1 --to 3
expect_error "a missing database" "no such database" "$W" slides add --db missing.db --view swot
expect_equal "refused edits leave the database as it was" "$(sha256sum < w.db)" "$before"

echo "# export: PNG files"
expect_ok "export PNG" "$W" slides export --db w.db --out png --size 1280x800
expect_equal "one PNG per slide" "$(cd png && ls | tr '\n' ';')" "01-カバレッジ全体.png;02-Kita KPI.png;"
png_pixels() { python3 "$SRC/tests/tools/png_pixels.py" "$@"; }
expect_equal "at the size asked" "$(png_pixels png/01-*.png size)" "1280x800"
# What is on a slide image (layout probes): the view from the top, the caption at the bottom, no tabs or buttons.
layout_check() {  # DIR SLIDE WIDTH HEIGHT CAPTION(yes|no)
  python3 - "$@" <<'PY'
import json, sys
d, n, w, h, caption = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "yes"
doc = json.load(open(f"{d}/{n}.json"))
items = {i["name"]: i for i in doc["items"]}
chrome = sorted(k for k in items if k.startswith("shell.tab/") or k in ("shell.slides", "shell.reload"))
assert not chrome, f"app chrome on the slide: {chrome}"
view = items["shell.view"]
assert view["y0"] < 0.03 * h, f"the view starts at y={view['y0']}, below where the tabs would be"
assert (doc["width"], doc["height"]) == (w, h), (doc["width"], doc["height"])
title = items.get("slides.caption")
if caption:
    assert title and title["value"] == int(n) - 1 and title["y0"] > 0.8 * h and title["y1"] <= h, title
    assert view["y1"] <= title["y0"], "the view overlaps its caption"
    assert items["shell.caption.source"]["y1"] <= h, "the source line is cut off"
else:
    assert title is None, "a caption in the image of a PDF page (the PDF sets it as text)"
print(f"view {view['y0']:.0f}-{view['y1']:.0f}" + (f", caption {title['y0']:.0f}-{items['shell.caption.source']['y1']:.0f}" if caption else ""))
PY
}
expect_ok "export PNG with the layout" "$W" slides export --db w.db --out png2 --size 1920x1080 --layout lay
for n in 1 2; do
  layout_check lay $n 1920 1080 yes >check.txt 2>&1 && pass "PNG slide $n: content and caption only ($(cat check.txt))" \
    || { fail "PNG slide $n layout"; cat check.txt; }
done
expect_ok "export PDF with the layout" "$W" slides export --db w.db --out lay.pdf --format pdf --size 1280x800 --layout laypdf
layout_check laypdf 1 1280 720 no >check.txt 2>&1 && pass "PDF image: the content only ($(cat check.txt))" \
  || { fail "PDF image layout"; cat check.txt; }

echo "# export: PDF"
expect_ok "export PDF" "$W" slides export --db w.db --out deck.pdf --format pdf --size 1920x1080
expect_equal "two pages" "$(pdfinfo deck.pdf | sed -n 's/^Pages: *//p')" 2
expect_equal "1920x1080 at 96 dpi" "$(pdfinfo deck.pdf | sed -n 's/^Page size: *//p')" "1440 x 810 pts"
pdftotext -f 1 -l 1 deck.pdf page1.txt
pdftotext -f 2 -l 2 deck.pdf page2.txt
grep -qF "1 / 2 カバレッジ全体" page1.txt && grep -qF "出典: 13 計画 · w.db" page1.txt \
  && pass "page 1: the Japanese title and source line are text" || { fail "page 1 text"; cat page1.txt; }
grep -qF "2 / 2 Kita KPI" page2.txt && grep -qF "Source: Kita" page2.txt && grep -qF "· w.db" page2.txt \
  && pass "page 2: the English title and source line are text" || { fail "page 2 text"; cat page2.txt; }
expect_ok "export PDF at 1280x800" "$W" slides export --db w.db --out small.pdf --format pdf --size 1280x800
expect_equal "1280x800 at 96 dpi" "$(pdfinfo small.pdf | sed -n 's/^Page size: *//p')" "960 x 600 pts"

echo "# export: PowerPoint"
expect_ok "export PPTX" "$W" slides export --db w.db --out deck.pptx --format pptx --size 1280x800
python3 "$SRC/tests/tools/check_pptx.py" deck.pptx 2 "カバレッジ全体|Kita KPI" \
  $'13計画の施策数。\n「北区」の列に注目 <&> "引用"|Ahead of target on 2 of 3' >pptx.txt 2>&1 \
  && pass "PPTX package: parts, relationships, slides, titles, notes ($(tail -1 pptx.txt))" || { fail "PPTX package"; cat pptx.txt; }
# LibreOffice with a profile of its own, waited for as a process.
mkdir -p lo
soffice -env:UserInstallation=file://$TMP/lo-profile --headless --convert-to pdf --outdir lo deck.pptx >lo.txt 2>&1 \
  && pass "LibreOffice converts the PPTX" || { fail "LibreOffice conversion"; cat lo.txt; }
expect_equal "LibreOffice: two pages" "$(pdfinfo lo/deck.pdf 2>/dev/null | sed -n 's/^Pages: *//p')" 2
pdftotext lo/deck.pdf lo.txt 2>/dev/null || true
grep -qF "カバレッジ全体" lo.txt && grep -qF "Kita KPI" lo.txt && grep -qF "Source: Kita" lo.txt \
  && pass "LibreOffice shows the titles and the source line" || { fail "LibreOffice text"; cat lo.txt; }

echo "# export: refusals, all or nothing"
cp w.db keep.db
expect_error "the database as the PDF" "is the database" "$W" slides export --db w.db --out w.db --format pdf
expect_error "the database as the PPTX" "is the database" "$W" slides export --db w.db --out ./w.db --format pptx
expect_same_bytes "export over the database" w.db keep.db
mkdir -p afolder
expect_error "a folder as the PDF" "afolder is a folder: --out names the pdf file to write" "$W" slides export --db w.db --out afolder --format pdf
cp deck.pptx deck-before.pptx
WARDSCOPE_TEST_FAIL_WRITE_AFTER=4096 expect_error "a full disk" "deck.pptx: cannot write: no space left on device" \
  "$W" slides export --db w.db --out deck.pptx --format pptx --size 1280x800
cmp -s deck.pptx deck-before.pptx && [ -z "$(ls -A | grep -E '^\.?deck\.pptx.+' || true)" ] \
  && pass "a failed write keeps the old PPTX whole, no temporary file" || fail "a failed write changed deck.pptx"
expect_error "an unknown format" "--format: " "$W" slides export --db w.db --out x.key --format key
expect_ok "an empty deck" "$W" import --db empty.db "$SRC"/data/plans/kita-vision-2026.json
expect_error "no slides to export" "holds no slides" "$W" slides export --db empty.db --out none.pdf --format pdf
[ ! -e none.pdf ] && pass "no PDF for an empty deck" || fail "an empty deck wrote none.pdf"
finish
