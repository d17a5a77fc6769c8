#!/usr/bin/env bash
# Starts the dashboard in the Xvfb this test runs in, drives it with xdotool
# and checks each effect in the app's event log and its layout file:
# switch views with the keyboard, click a heatmap cell to drill down, pick a
# measure, sort the heatmap by a clicked column heading and drill across its
# theme, enter and leave presentation mode, reload after another process
# imported, enter a KPI result, add a note and vote, save slides and step
# through them, undo, clicker keys only in the slide show, switch language, quit; the settings must remember the
# language, the view and the selection, and the database only changes by the
# import and the user's edits.
#   drive_window.sh WARDSCOPE DB WORK_DIR
set -euo pipefail
exe=$1 db=$2 work=$3
rm -rf "$work" && mkdir -p "$work/config"
log=$work/app.log layout=$work/layout.json
export XDG_CONFIG_HOME=$work/config WARDSCOPE_LAYOUT_FILE=$layout WARDSCOPE_PNG_DIR=$work/png
cp "$db" "$work/test.db"
db_hash=$(sha256sum "$work/test.db")

source "$(dirname "$0")/wait.sh"  # fail, wait_for, logged, layout, click_at, start_dashboard
log_count_gt() { [ "$(grep -c "$1" "$log")" -gt "$2" ]; }
sql_is() { [ "$(sqlite3 "$work/test.db" "$1")" = "$2" ]; }

start_dashboard --db "$work/test.db"

# 1. Switch views with the keyboard.
xdotool key ctrl+4
wait_for "Ctrl+4 shows the coverage heatmap" logged "event: view heatmap"
xdotool key ctrl+1
wait_for "Ctrl+1 shows the timeline" logged "event: view timeline"
xdotool key ctrl+4
wait_for "back to the heatmap" log_count_gt "event: view heatmap" 1
wait_for "heatmap cells on screen" layout_gt "sum(n.startswith('heatmap.cell/') for n in items)" 50

# 2. Click the cell of Kita's plan × 連携 and see its drill-down.
cell='heatmap.cell/kita-vision-2026/network'
read -r x y < <(layout "'%d %d' % ((items['$cell']['x0'] + items['$cell']['x1']) / 2, (items['$cell']['y0'] + items['$cell']['y1']) / 2)")
click_at "$x" "$y"
wait_for "clicking the cell drills down to it" layout_is "items.get('heatmap.drill', {}).get('text')" kita-vision-2026/network
count=$(layout "int(items['heatmap.drill']['value'])")
listed=$(layout "sum(n.startswith('heatmap.drill.item/') for n in items)")
[ "$count" -gt 0 ] || fail "the drilled cell counts no measures"
[ "$listed" -ge 1 ] || fail "the drill-down lists no measures"

# 3. Pick the first measure: the plan and node become the selection everywhere.
node=$(layout "items['heatmap.drill.item/0']['text']")
read -r x y < <(layout "'%d %d' % (items['heatmap.drill.item/0']['x0'] + 20, (items['heatmap.drill.item/0']['y0'] + items['heatmap.drill.item/0']['y1']) / 2)")
click_at "$x" "$y"
wait_for "clicking a measure selects it" logged "event: select kita-vision-2026 $node"

# 3b. Sort the heatmap by a clicked column heading (人材): rows most first; again: fewest first.
col='heatmap.column/talent'
read -r x y < <(layout "'%d %d' % ((items['$col']['x0'] + items['$col']['x1']) / 2, items['$col']['y1'] - 6)")
# The talent values of the rows drawn, top to bottom.
talent_column="[i['value'] for i in sorted((i for n, i in items.items() if n.startswith('heatmap.cell/') and n.endswith('/talent')), key=lambda i: i['y0'])]"
click_at "$x" "$y"
wait_for "a click on a column heading sorts the rows by it, most first" \
  layout_is "(lambda v: v == sorted(v, reverse=True) and v[0] > v[-1])($talent_column)" True
click_at "$x" "$y"
wait_for "a second click reverses the order" layout_is "(lambda v: v == sorted(v) and v[0] < v[-1])($talent_column)" True

# 3c. Drill across the theme: right-click its heading, "list its measures across plans".
xdotool mousemove --sync "$x" "$y"; sleep 0.2; xdotool click 3
wait_for "a right-click on a heading opens its menu" layout_is "items.get('heatmap.column_menu.list', {}).get('text')" talent
read -r mx my < <(layout "'%d %d' % ((items['heatmap.column_menu.list']['x0'] + items['heatmap.column_menu.list']['x1']) / 2, (items['heatmap.column_menu.list']['y0'] + items['heatmap.column_menu.list']['y1']) / 2)")
click_at "$mx" "$my"
wait_for "the menu lists the theme's measures across plans" layout_is "items.get('heatmap.across', {}).get('text')" talent
across=$(layout "int(items['heatmap.across']['value2'])")
column_total=$(layout "int(items['$col']['value2'])")
[ "$across" -eq "$column_total" ] || fail "the drill-across lists $across measures, the column heading counts $column_total"
# Close it and put the rows back in grouped order (the corner of the headings).
read -r x y < <(layout "'%d %d' % ((items['heatmap.across.close']['x0'] + items['heatmap.across.close']['x1']) / 2, (items['heatmap.across.close']['y0'] + items['heatmap.across.close']['y1']) / 2)")
click_at "$x" "$y"
wait_for "Close ends the drill-across" layout_is "'heatmap.across' in items" False
read -r x y < <(layout "'%d %d' % (items['heatmap.row/sumida-regional-2019']['x0'] + 10, items['$col']['y1'] - 6)")
click_at "$x" "$y"
wait_for "the corner restores the grouped order" \
  layout_is "min(items['heatmap.row/sumida-regional-2019']['y0'], items['heatmap.row/sumida-regional-2022']['y0']) == min(i['y0'] for n, i in items.items() if n.startswith('heatmap.row/'))" True

# 4. Presentation mode: F5 in, large type, Esc out.
xdotool key F5
wait_for "F5 starts presenting" logged "event: present on"
wait_for "large type while presenting" layout_is "int(items['shell.view']['value'] >= 28)" 1
# Spotlight: a click on a cell lights it and dims the rest; the next click clears it.
# (The first row's cell: in large type the grid scrolls.)
first='heatmap.cell/sumida-regional-2019/network'
read -r x y < <(layout "'%d %d' % ((items['$first']['x0'] + items['$first']['x1']) / 2, (items['$first']['y0'] + items['$first']['y1']) / 2)")
click_at "$x" "$y"
wait_for "clicking a cell while presenting spotlights it" logged "event: spotlight heatmap/sumida-regional-2019/network"
click_at "$x" "$y"
wait_for "the next click clears the spotlight" logged "event: spotlight off"
xdotool key Escape
wait_for "Esc stops presenting" logged "event: present off"
wait_for "normal type again" layout_is "int(items['shell.view']['value'] < 28)" 1

# Displaying never writes to the database.
[ "$(sha256sum "$work/test.db")" = "$db_hash" ] || fail "the dashboard modified the database it only displays"

# 5. Another process imports: the dashboard keeps showing its data and offers to reload.
"$exe" import --db "$work/test.db" "$(dirname "$0")/../../data/plans/kita-vision-2026.json" >/dev/null
wait_for "the change on disk is noticed" logged "event: database changed on disk"
read -r x y < <(layout "'%d %d' % ((items['shell.reload']['x0'] + items['shell.reload']['x1']) / 2, (items['shell.reload']['y0'] + items['shell.reload']['y1']) / 2)")
click_at "$x" "$y"
wait_for "the reload button reloads" logged "event: reloaded 2"

# 6. KPI check: pick Kita's profit-share indicator, type a result, add it, undo it.
xdotool key ctrl+6
wait_for "Ctrl+6 shows the KPIs" logged "event: view kpi"
row='kpi.row/kita-vision-2026/ind2'
wait_for "the indicator table" layout_is "int('$row' in items)" 1
click_at_item "$row"
wait_for "the entry form for the focused indicator" layout_is "int('kpi.entry.add' in items)" 1
reloads=$(grep -c "event: reloaded" "$log")
# Type into a field only once the app has made it active, and see the text arrive
# (on a loaded machine the click and the keys can otherwise land in one frame).
type_into() {  # type_into PROBE TEXT
  click_at_item "$1"
  wait_for "$1 is active" layout_is "int(items['$1']['value'])" 1
  xdotool type --delay 30 "$2"
  wait_for "$1 holds what was typed" layout_is "items['$1']['text']" "$2"
}
# A value with a decimal comma where thousands separators belong is refused, in the UI's language.
for field in year:R8 value:47,9 source:e2e; do type_into "kpi.entry.${field%%:*}" "${field#*:}"; done
click_at_item kpi.entry.add
wait_for "a number that is not one is refused, in Japanese" layout_is "int('桁区切り' in items.get('kpi.entry.message', {}).get('text', ''))" 1
# Thousands separators are a number (full-width digits too: tests/core/number_text_test.cpp;
# xdotool cannot type them into this Xvfb).
click_at_item kpi.entry.value
wait_for "kpi.entry.value is active" layout_is "int(items['kpi.entry.value']['value'])" 1
xdotool key End
text_shorter() { [ "$(layout "len(items['kpi.entry.value']['text'])")" -lt "$1" ]; }
while n=$(layout "len(items['kpi.entry.value']['text'])") && [ "$n" -gt 0 ]; do
  xdotool key BackSpace  # one at a time: keys pressed together can reach ImGui 1.86 as one
  wait_for "BackSpace deletes a character" text_shorter "$n"
done
xdotool type --delay 30 "1,234.5"
wait_for "the value field holds 1,234.5" layout_is "items['kpi.entry.value']['text']" "1,234.5"
click_at_item kpi.entry.add
wait_for "adding reloads the data" log_count_gt "event: reloaded" "$reloads"
[ "$(sqlite3 "$work/test.db" "SELECT fiscal_year || '|' || value || '|' || source FROM observation WHERE origin = 'user'")" = "2026|1234.5|e2e" ] \
  || fail "the typed observation is not in the database: $(sqlite3 "$work/test.db" "SELECT * FROM observation WHERE origin = 'user'")"
grep -q "event: database changed on disk" <(tail -n +"$(grep -n 'event: view kpi' "$log" | tail -1 | cut -d: -f1)" "$log") \
  && fail "the dashboard's own edit was taken for another process's"
reloads=$(grep -c "event: reloaded" "$log")
click_at_item kpi.entry.undo
wait_for "undo reloads the data" log_count_gt "event: reloaded" "$reloads"
[ "$(sqlite3 "$work/test.db" "SELECT count(*) FROM observation WHERE origin = 'user'")" = 0 ] || fail "undo left the observation"

# 7. A note and a priority vote on the selected node (the KPI's, since step 6), in the explorer.
xdotool key ctrl+2
wait_for "Ctrl+2 shows the explorer" logged "event: view explorer"
node=$(grep "^event: select kita-vision-2026 " "$log" | tail -1 | cut -d' ' -f4)
[ -n "$node" ] || fail "no node selected"
item="annotatable/kita-vision-2026/node/$node"
wait_for "the selected node on screen" layout_is "int('$item' in items and items['$item']['y0'] > 0)" 1
read -r x y < <(layout "'%d %d' % (items['$item']['x0'] + 30, (items['$item']['y0'] + items['$item']['y1']) / 2)")
xdotool mousemove --sync "$x" "$y"; sleep 0.2; xdotool click 3
wait_for "a right-click offers the note editor" layout_is "int('annotation.menu' in items)" 1
click_at_item annotation.menu
wait_for "the note editor opens" layout_is "int('annotation.save' in items)" 1
click_at_item annotation.vote/4
type_into annotation.note "e2e note"
click_at_item annotation.save
wait_for "saving the note is an edit" logged "event: edit annotation kita-vision-2026 node $node"
[ "$(sqlite3 "$work/test.db" "SELECT item_kind || '|' || item_id || '|' || vote || '|' || note FROM annotation")" = "node|$node|4|e2e note" ] \
  || fail "the note is not in the database: $(sqlite3 "$work/test.db" "SELECT * FROM annotation")"
# The badge on the item, in a PNG of the view saved with Ctrl+S.
xdotool mousemove 5 5
xdotool key ctrl+s
wait_for "Ctrl+S saves the view as PNG" grep -q "^event: png " "$log"
png=$(grep "^event: png " "$log" | tail -1 | cut -d' ' -f3-)
png_pixels() { python3 "$(dirname "$0")/../tools/png_pixels.py" "$@"; }
window_size=$(python3 -c "import json, sys; d = json.load(open(sys.argv[1])); print('%dx%d' % (d['width'], d['height']))" "$layout")
[ "$(png_pixels "$png" size)" = "$window_size" ] \
  || fail "the PNG is not the window's size: $(png_pixels "$png" size)"
read -r x0 y0 x1 y1 < <(layout "'%d %d %d %d' % (items['$item']['x0'], items['$item']['y0'], items['$item']['x1'], items['$item']['y1'])")
badge=$(png_pixels "$png" count "$x0" "$y0" "$x1" "$y1" 176 120 0 24)
[ "$badge" -gt 20 ] || fail "no note badge on the item in the PNG ($badge badge-coloured pixels)"
xdotool key ctrl+7
wait_for "Ctrl+7 shows the notes" logged "event: view notes"
wait_for "the notes view lists it with its vote" layout_is "int(items.get('notes.row/kita-vision-2026/node/$node', {}).get('value', 0))" 4

# 8. Slides: save the notes view and the timeline, step back and forth with PageUp/PageDown, undo the last.
click_at_item shell.slides
wait_for "the slide panel opens" layout_is "int('slides.add' in items)" 1
click_at_item slides.add
wait_for "the first slide is saved" sql_is "SELECT count(*) FROM slide" 1
xdotool key ctrl+1
wait_for "Ctrl+1 shows the timeline" log_count_gt "event: view timeline" 1
click_at_item slides.add
wait_for "the second slide is saved" sql_is "SELECT count(*) FROM slide" 2
[ "$(sqlite3 "$work/test.db" "SELECT group_concat(json_extract(state, '$.view'), ',') FROM (SELECT state FROM slide ORDER BY position)")" = "notes,timeline" ] \
  || fail "the slides do not hold their views: $(sqlite3 "$work/test.db" "SELECT * FROM slide")"
views_before=$(grep -c "event: view notes" "$log")
xdotool key Prior
wait_for "PageUp shows the previous slide" log_count_gt "event: view notes" "$views_before"
xdotool key Next
wait_for "PageDown shows the next slide" log_count_gt "event: view timeline" 2
xdotool key ctrl+z
wait_for "Ctrl+Z undoes the last slide" sql_is "SELECT count(*) FROM slide" 1
xdotool key ctrl+4  # somewhere else during the show
wait_for "Ctrl+4 during the show" log_count_gt "event: view heatmap" 2
views_before=$(grep -c "event: view timeline" "$log")
click_at_item shell.slides
wait_for "closing the slide panel returns to the view left for the slides" log_count_gt "event: view timeline" "$views_before"
xdotool key ctrl+6
wait_for "back to the KPIs" log_count_gt "event: view kpi" 1

# 9. Clicker keys belong to the slide show: in normal mode (the panel closed)
# → ← PageDown PageUp leave the view alone. Ctrl+L after them is the marker:
# once it is logged, the keys before it were handled.
views_before=$(grep -c "event: view" "$log")
slides_before=$(grep -c "event: slide" "$log")
xdotool key Right Next Left Prior
xdotool key ctrl+l
wait_for "Ctrl+L switches to English" logged "event: lang en"
[ "$(grep -c "event: view" "$log")" = "$views_before" ] || fail "a clicker key in normal mode changed the view"
[ "$(grep -c "event: slide" "$log")" = "$slides_before" ] || fail "a clicker key in normal mode stepped the slides"
# Presenting, → shows the slide; Esc ends the show and returns to the KPIs.
xdotool key F5
wait_for "F5 presents again" log_count_gt "event: present on" 1
notes_before=$(grep -c "event: view notes" "$log")
xdotool key Right
wait_for "→ while presenting shows the slide" log_count_gt "event: view notes" "$notes_before"
xdotool key Escape
wait_for "Esc stops presenting" log_count_gt "event: present off" 1
wait_for "leaving the show returns to the KPIs" log_count_gt "event: view kpi" 2

# Esc closes the topmost popup, a dropdown too (and nothing else in normal mode).
xdotool key ctrl+5
wait_for "Ctrl+5 shows the comparison" logged "event: view compare"
wait_for "the add-a-plan dropdown" layout_is "int('compare.add_plan' in items)" 1
click_at_item compare.add_plan
wait_for "the dropdown opens" layout_is "int(items['shell.popups']['value'])" 1
xdotool key Escape
wait_for "Esc closes the dropdown" layout_is "int(items['shell.popups']['value'])" 0
xdotool key ctrl+6
wait_for "back to the KPIs" log_count_gt "event: view kpi" 3

# 10. Quit; the settings remember the language, view and selection.
xdotool key ctrl+q
wait_for "Ctrl+Q quits" app_exited
wait $app || fail "the app exited with an error"
settings=$XDG_CONFIG_HOME/wardscope/settings.json
python3 - "$settings" <<'PY' || fail "settings not remembered: $(cat "$settings")"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["lang"] == "en" and s["view"] == "kpi" and s["plan_ids"][0] == "kita-vision-2026", s
assert s["view_options"]["heatmap.mode"] == "count" and s["view_options"]["heatmap.cell_plan"], s
PY
# ImGui's window layout goes beside the settings, and nowhere else.
[ -s "$XDG_CONFIG_HOME/wardscope/imgui.ini" ] || fail "imgui.ini not saved in the config directory"
stray=$(find . -maxdepth 1 -type f -newer "$settings" | head -3)
[ -z "$stray" ] || fail "files written outside the config directory: $stray"
echo "e2e: views, drill-down, selection, presentation, spotlight, reload, KPI entry and undo, note and vote, slides, clicker keys, language, settings: ok"
