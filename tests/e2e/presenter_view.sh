#!/usr/bin/env bash
# The presenter view on a second monitor (issue #14): `ui --present` with two
# monitors puts the audience view full screen on the second and the
# presenter's window (current and next slide, notes, timer) on the first; the
# clicker keys step the slides from either window.
#
# Two monitors headless: GLFW 3.3 counts RandR outputs that have a CRTC, and
# Xvfb has exactly one output whatever its screens — `Xvfb -screen 0 … -screen
# 1 …` gives two X screens (GLFW opens only one), `+xinerama` merges them into
# one output, and `xrandr --setmonitor` makes RandR 1.5 monitors, which GLFW
# 3.3 does not read. TigerVNC's Xvnc creates an output per screen of the
# layout a VNC client asks for (RFB SetDesktopSize), so this test starts
# Xvnc on a Unix socket and asks for 1280x800 (the laptop) beside 1920x1080
# (the projector) with tests/tools/vnc_layout.py; glfwGetMonitors then
# returns both. Window pictures: xwd, converted by tests/tools/xwd_to_png.py.
#   presenter_view.sh WARDSCOPE DB WORK_DIR
set -euo pipefail
exe=$1 db=$2 work=$3
here=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$work" && mkdir -p "$work/config"
log=$work/app.log layout=$work/layout.json
presenter_layout=$layout.presenter.json
export XDG_CONFIG_HOME=$work/config WARDSCOPE_LAYOUT_FILE=$layout XAUTHORITY=/dev/null

source "$(dirname "$0")/wait.sh"  # fail, wait_for, logged
# presenter QUERY: a Python expression over the presenter window's layout items (dict name → item).
presenter() {
  python3 - "$presenter_layout" "$1" <<'PY'
import json, sys
items = {i["name"]: i for i in json.load(open(sys.argv[1]))["items"]}
print(eval(sys.argv[2]))
PY
}
presenter_is() { [ "$(presenter "$1")" = "$2" ]; }

# The X server: Xvnc with two screens.
Xvnc -displayfd 3 -geometry 1280x800 -depth 24 -SecurityTypes None -rfbport -1 -rfbunixpath "$work/vnc.sock" \
  -nolisten tcp 3>"$work/display" >"$work/xvnc.log" 2>&1 &
xvnc=$!
app=
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvnc" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_for "Xvnc starts" test -s "$work/display"
export DISPLAY=":$(tr -d '[:space:]' < "$work/display")"
python3 "$here/tools/vnc_layout.py" "$work/vnc.sock" 1280x800+0+0 1920x1080+1280+0 || fail "Xvnc refused the two-screen layout"
[ "$(xrandr --listactivemonitors | head -1)" = "Monitors: 2" ] || fail "not two monitors: $(xrandr --listactivemonitors)"

# A deck of two slides and a note on the first slide's plan.
cp "$db" "$work/test.db"
node=$(sqlite3 "$work/test.db" "SELECT id FROM node WHERE plan_id = 'kita-vision-2026' ORDER BY ord LIMIT 1")
sqlite3 "$work/test.db" "
INSERT INTO slide(position, name, state) VALUES
  (0, '北区KPI', '{\"view\":\"kpi\",\"plans\":[\"kita-vision-2026\"],\"lang\":\"ja\",\"presenting\":true}'),
  (1, 'カバレッジ', '{\"view\":\"heatmap\",\"plans\":[],\"lang\":\"ja\",\"presenting\":true}');
INSERT INTO annotation(plan_id, item_kind, item_id, note, vote)
  VALUES ('kita-vision-2026', 'node', '$node', '実証実験の件数は来年度に確認する', 4);"

"$exe" ui --db "$work/test.db" --present >"$log" 2>&1 &
app=$!
wait_for "the audience window opens" xdotool search --name '^wardscope$'
wait_for "the presenter window opens" xdotool search --name '^wardscope presenter$'
audience=$(xdotool search --name '^wardscope$' | head -1)
presenter_wid=$(xdotool search --name '^wardscope presenter$' | head -1)
wait_for "the presenter's first frame" test -s "$presenter_layout"

# Where the windows are: the audience full screen on the projector, the presenter on the laptop.
geometry() { xdotool getwindowgeometry "$1" | tr -s ' ' | awk '/Position/ {print $2} /Geometry/ {print $2}' | paste -sd' '; }
geometry_is() { [ "$(geometry "$1")" = "$2" ]; }
wait_for "the audience fills the projector" geometry_is "$audience" "1280,0 1920x1080"
[ "$(geometry "$presenter_wid")" = "0,0 1280x800" ] || fail "presenter window at $(geometry "$presenter_wid")"

# → in the presenter's window: the first slide; its window shows it now, the second next, the note.
xdotool key --window "$presenter_wid" Right
wait_for "→ in the presenter window shows slide 1" logged "event: slide 1"
wait_for "the presenter shows slide 1 now" presenter_is 'items["presenter.current"]["text"]' '北区KPI'
wait_for "the presenter shows slide 2 next" presenter_is 'items["presenter.next"]["text"]' 'カバレッジ'
presenter_is 'items["presenter.notes"]["value"]' '1.0' || fail "the note on Kita's plan is not listed"
# → in the audience's window: the last slide; nothing comes next.
xdotool key --window "$audience" Right
wait_for "→ in the audience window shows slide 2" logged "event: slide 2"
wait_for "the presenter shows slide 2 now" presenter_is 'items["presenter.current"]["text"]' 'カバレッジ'
wait_for "the presenter says it is the last slide" presenter_is 'items["presenter.next"]["value"]' '-1.0'
# ← in the presenter's window goes back.
xdotool key --window "$presenter_wid" Left
wait_for "← in the presenter window shows slide 1 again" logged "event: slide 1"
# The presenter's own button (the pointer in its window, its own ImGui context): forward again.
click_in() {  # click_in WINDOW ITEM: the middle of a layout item of the presenter window
  local x y
  x=$(presenter "int((items['$2']['x0'] + items['$2']['x1']) / 2)")
  y=$(presenter "int((items['$2']['y0'] + items['$2']['y1']) / 2)")
  # GLFW reads the pointer of a focused window only (no window manager here to focus it).
  xdotool windowfocus --sync "$1"
  xdotool mousemove --window "$1" --sync "$x" "$y"
  xdotool click 1
}
log_count_gt() { [ "$(grep -cx "$1" "$log")" -gt "$2" ]; }
slide2_before=$(grep -cx "event: slide 2" "$log")
click_in "$presenter_wid" presenter.next_button
wait_for "the presenter's Next button shows slide 2" log_count_gt "event: slide 2" "$slide2_before"
# The timer counts.
timer_at_least() { [ "$(presenter 'int(items["presenter.timer"]["value"])')" -ge "$1" ]; }
wait_for "the timer runs" timer_at_least 1

# Pictures of both windows: the presenter's slide thumbnails are drawn (not blank), the audience is the KPI slide.
xwd -id "$presenter_wid" -silent >"$work/presenter.xwd"
python3 "$here/tools/xwd_to_png.py" "$work/presenter.xwd" "$work/presenter.png"
xwd -id "$audience" -silent >"$work/audience.xwd"
python3 "$here/tools/xwd_to_png.py" "$work/audience.xwd" "$work/audience.png"
python3 - "$work/presenter.png" "$presenter_layout" <<'PY' || fail "a slide thumbnail in the presenter window is blank"
import json, struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
w, h = struct.unpack('>II', data[16:24])
raw = b''; i = 8
while i < len(data):
    n, kind = struct.unpack('>I4s', data[i:i + 8])
    if kind == b'IDAT': raw += data[i + 8:i + 8 + n]
    i += 12 + n
raw = zlib.decompress(raw)
def px(x, y): o = y * (1 + 3 * w) + 1 + 3 * x; return raw[o:o + 3]
items = {i["name"]: i for i in json.load(open(sys.argv[2]))["items"]}
for name in ("presenter.current", "presenter.next"):
    it = items[name]
    colours = {px(int(x), int(y)) for x in range(int(it["x0"]) + 2, int(it["x1"]) - 2, 7)
               for y in range(int(it["y0"]) + 2, int(it["y1"]) - 2, 7)}
    assert len(colours) > 8, (name, len(colours))
PY
echo "presenter view: both windows, thumbnails, notes, timer and clicker keys from either window"
