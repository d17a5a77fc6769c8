#!/usr/bin/env bash
# An installed wardscope, away from the source and build trees, run as a user
# runs it (issue #17):
#   installed_copy.sh install BUILD_DIR   cmake --install into a fresh prefix
#   installed_copy.sh deb BUILD_DIR       the .deb cpack makes, extracted with dpkg-deb -x
# Then that copy imports its bundled plans and renders every view (`shot`),
# with HOME and the XDG folders inside a temp dir. With no database yet it
# creates one from the bundled plans in the user's data folder, never in the
# prefix, and a second run keeps it. Needs a display (scripts/with-xvfb.sh).
set -euo pipefail
mode=${1:?usage: $0 install|deb BUILD_DIR}
build=$(cd "${2:?usage: $0 install|deb BUILD_DIR}" && pwd)
# WIDTHxHEIGHT from a PNG's header.
png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/wardscope-installed.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
unset WARDSCOPE_DATA WARDSCOPE_DB XDG_DATA_HOME XDG_CONFIG_HOME
export HOME=$TMP/home
mkdir -p "$HOME" "$TMP/work"
FAILURES=0
pass() { echo "ok   $*"; }
fail() { FAILURES=$((FAILURES + 1)); echo "FAIL $*"; }

case "$mode" in
  install)
    cmake --install "$build" --prefix "$TMP/prefix" >"$TMP/install.log"
    prefix=$TMP/prefix ;;
  deb)
    command -v dpkg-shlibdeps >/dev/null || { echo "dpkg-shlibdeps not found: apt-get install dpkg-dev" >&2; exit 1; }
    cpack -G DEB --config "$build/CPackConfig.cmake" -B "$TMP/pkg" >"$TMP/cpack.log" || { cat "$TMP/cpack.log"; exit 1; }
    deb=$(find "$TMP/pkg" -maxdepth 1 -name 'wardscope_*.deb' | head -1)
    [ -n "$deb" ] || { echo "cpack made no .deb:"; cat "$TMP/cpack.log"; exit 1; }
    depends=$(dpkg-deb -f "$deb" Depends)
    echo "Depends: $depends"
    # Linked (found by dpkg-shlibdeps), loaded by GLFW at run time (libgl1:
    # GLX) or read (the font, Mesa's GL drivers).
    names=$(sed 's/([^)]*)//g; s/|/,/g' <<<"$depends" | tr ',' '\n' | awk '{print $1}')
    for package in libglfw3 libsqlite3-0 libfontconfig1 zlib1g libstdc++6 libgl1 fonts-noto-cjk libgl1-mesa-dri; do
      if grep -qxF "$package" <<<"$names"; then pass "depends on $package"; else fail "Depends lacks $package"; fi
    done
    [ "$(dpkg-deb -f "$deb" Package)" = wardscope ] && pass "package name" || fail "package name"
    dpkg-deb -x "$deb" "$TMP/root"
    prefix=$TMP/root/usr ;;
  *) echo "usage: $0 install|deb BUILD_DIR" >&2; exit 2 ;;
esac

W=$prefix/bin/wardscope
share=$prefix/share
for file in bin/wardscope share/wardscope/themes.json share/wardscope/actors.json \
            share/applications/wardscope.desktop share/metainfo/io.github.wardscope.metainfo.xml \
            share/icons/hicolor/scalable/apps/wardscope.svg share/icons/hicolor/16x16/apps/wardscope.png \
            share/icons/hicolor/48x48/apps/wardscope.png share/icons/hicolor/256x256/apps/wardscope.png; do
  [ -f "$prefix/$file" ] && pass "installed $file" || fail "missing $file"
done
for size in 16 48 256; do
  [ "$(png_size "$share/icons/hicolor/${size}x$size/apps/wardscope.png")" = "${size}x$size" ] \
    && pass "${size}x$size icon" || fail "${size}x$size icon has the wrong size"
done
plans=("$share"/wardscope/plans/*.json)
[ ${#plans[@]} -ge 1 ] && [ -f "${plans[0]}" ] && pass "${#plans[@]} bundled plans" || fail "no bundled plans in $share/wardscope/plans"

# Nothing below may write into the prefix.
touch "$TMP/before"
sleep 1  # whole-second mtimes on some file systems: a write after this is newer
cd "$TMP/work"  # no data/ here: the copy must find its own

# The views, from the binary itself (`shot --list-views` if it has it, else
# the choices its --view help lists).
views=$("$W" shot --list-views 2>/dev/null) ||
  views=$("$W" shot --help | grep -- '--view' | grep -o '{[^}]*}' | tr -d '{}' | tr ',' ' ')
views=$(echo $views)
[ -n "$views" ] && pass "views: $views" || fail "no views listed by $W shot"

if "$W" import --db plans.db "${plans[@]}" >import.txt 2>&1; then
  pass "import: $(head -1 import.txt)"
else
  fail "import of the bundled plans:"; cat import.txt
fi
for view in $views; do
  if "$W" shot --db plans.db --view "$view" --size 800x600 --lang ja --out "$view.png" --layout "$view.json" 2>"$view.err"; then
    # A drawn view: named items laid out, and a PNG that does not deflate to
    # little as one flat colour does (800x600 of one colour: about 9 KB).
    probes=$(grep -o '"name"' "$view.json" | wc -l)
    bytes=$(stat -c %s "$view.png")
    if [ "$(png_size "$view.png")" = 800x600 ] && [ "$bytes" -gt 20000 ] && [ "$probes" -gt 0 ]; then
      pass "shot $view ($probes layout probes, $bytes bytes)"
    else
      fail "shot $view: $(png_size "$view.png"), $bytes bytes, $probes probes"
    fi
    if grep -q "no Japanese font" "$view.err"; then fail "shot $view: $(cat "$view.err")"; fi
  else
    fail "shot $view:"; cat "$view.err"
  fi
done

# First run: no database yet → made from the bundled plans in the user's data folder.
db=$HOME/.local/share/wardscope/wardscope.db
if "$W" shot --view timeline --size 320x240 --out first.png 2>first.err && [ -f "$db" ]; then
  pass "first run created $db"
else
  fail "first run made no $db:"; cat first.err
fi
grep -q "creating $db" first.err && pass "first run says where it creates the database" || fail "first run is silent: $(cat first.err)"
[ ! -e "$db.new" ] && pass "no staging file left" || fail "$db.new left behind"
stamp=$(stat -c '%i %Y %s' "$db")
"$W" shot --view heatmap --size 320x240 --out second.png 2>second.err || { fail "second run:"; cat second.err; }
[ "$(stat -c '%i %Y %s' "$db")" = "$stamp" ] && ! grep -q creating second.err && pass "second run keeps the database" \
  || fail "second run replaced $db"
# XDG_DATA_HOME is honoured.
XDG_DATA_HOME=$TMP/xdg "$W" shot --view swot --size 320x240 --out xdg.png 2>xdg.err && [ -f "$TMP/xdg/wardscope/wardscope.db" ] \
  && pass "XDG_DATA_HOME/wardscope/wardscope.db" || { fail "XDG_DATA_HOME not used:"; cat xdg.err; }

written=$(find "$prefix" -newer "$TMP/before" | head -5)
[ -z "$written" ] && pass "nothing written into the prefix" || fail "written into the prefix: $written"

echo "$FAILURES failure(s)"
[ "$FAILURES" -eq 0 ]
