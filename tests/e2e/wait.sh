# Sourced by the end-to-end scripts (they set $exe, $log and $layout): waiting,
# the layout file, clicks, and starting the dashboard.
fail() { echo "FAIL: $*" >&2; echo "--- app log:" >&2; cat "$log" >&2 || true; exit 1; }
# Every step waits for its effect (a line in the app's event log, an item in its
# layout file, a row in the database), polled, with a generous bound: CI runs
# this on 2 loaded cores beside the sanitizer and fuzz builds, where one frame
# can take seconds (issue #12: a 10 s bound failed there once).
wait_seconds=${E2E_WAIT_SECONDS:-60}
wait_for() {  # wait_for DESCRIPTION COMMAND...: until COMMAND succeeds, up to $wait_seconds s
  local what=$1; shift
  local deadline=$((SECONDS + wait_seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$what (not within $wait_seconds s)"
    sleep 0.1
  done
}
# The conditions waited for: each looks again every time it is asked (a
# "$(…)" in wait_for's arguments would be expanded once, before the wait).
logged() { grep -qx "$1" "$log"; }

# The dashboard's layout file ($layout, WARDSCOPE_LAYOUT_FILE) and the window.
# layout QUERY: a Python expression over the layout items (dict name → item);
# a file being replaced at that moment reads as no items, so a wait asks again.
layout() {
  python3 - "$layout" "$1" <<'PY'
import json, sys
try:
    items = {i["name"]: i for i in json.load(open(sys.argv[1]))["items"]}
except (OSError, ValueError):
    items = {}
print(eval(sys.argv[2]))
PY
}
layout_is() { [ "$(layout "$1")" = "$2" ]; }
layout_gt() { [ "$(layout "$1")" -gt "$2" ]; }
click_at() { xdotool mousemove --sync "$1" "$2"; sleep 0.2; xdotool click 1; }
click_at_item() {  # click_at_item NAME: the middle of a layout item
  read -r x y < <(layout "'%d %d' % ((items['$1']['x0'] + items['$1']['x1']) / 2, (items['$1']['y0'] + items['$1']['y1']) / 2)")
  click_at "$x" "$y"
}
app_exited() { ! kill -0 "$app" 2>/dev/null; }
# start_dashboard ARGS...: `$exe ui ARGS` in the background ($app, killed on
# exit), its window ($wid) waited for and focused once the first frame is drawn.
start_dashboard() {
  "$exe" ui "$@" >"$log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
  wait_for "the window opens" xdotool search --name '^wardscope$'
  wid=$(xdotool search --name '^wardscope$' | head -1)
  wait_for "the first frame" test -s "$layout"
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
}
