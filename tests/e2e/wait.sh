# Sourced by the end-to-end scripts (they set $log, the app's output).
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
