#!/usr/bin/env bash
# Runs a command under a private Xvfb of its own. The server picks a free
# display itself (-displayfd) and needs no cookie, so runs side by side never
# race for a display number or an authority file (xvfb-run -a can).
#   scripts/with-xvfb.sh WIDTHxHEIGHT COMMAND [ARG...]
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 WIDTHxHEIGHT COMMAND [ARG...]" >&2
  exit 2
fi
size=$1
shift
command -v Xvfb >/dev/null || { echo "Xvfb not found: apt-get install xvfb" >&2; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/with-xvfb.XXXXXX")
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
stop() { kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; rm -rf "$dir"; }
trap stop EXIT
# The number is written once the server accepts connections.
for _ in $(seq 400); do
  [ -s "$dir/display" ] && break
  kill -0 "$xvfb" 2>/dev/null || break
  sleep 0.05
done
if [ ! -s "$dir/display" ]; then
  echo "$0: Xvfb did not start:" >&2
  cat "$dir/xvfb.log" >&2
  exit 1
fi
DISPLAY=":$(tr -d '[:space:]' < "$dir/display")" XAUTHORITY=/dev/null "$@"
