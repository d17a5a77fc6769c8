#!/usr/bin/env bash
# The performance benchmark of issue #5 (see bench/README.md):
#   bench/run.sh [wardscope_bench options, e.g. --runs 9 --only synthetic]
# Installs what it needs from Debian, builds, makes the three databases (bundled, synthetic, national) when missing,
# and runs build/bench/wardscope_bench under Xvfb. The figures also go to
# build/bench/latest.txt. Not part of ./dev.sh test: it takes minutes and its
# figures depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${WARDSCOPE_BUILD_DIR:-build}
JOBS=$(nproc 2>/dev/null || echo 2)
# The peer (pandas + seaborn), the sqlite3 floor, Xvfb, and glxinfo to name the renderer.
PACKAGES=(python3-pandas python3-matplotlib python3-seaborn fonts-noto-cjk sqlite3 xvfb xauth mesa-utils)

say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

say "building ($BUILD_DIR, RelWithDebInfo)"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# The dashboard may not build while it is being written: the benchmark then
# reports its figures as "not measured" and measures the rest.
cmake --build "$BUILD_DIR" -j"$JOBS" >&2 || say "warning: the full build failed; dashboard figures will be missing"
cmake --build "$BUILD_DIR" -j"$JOBS" --target wardscope_bench >&2

mkdir -p "$BUILD_DIR/bench"
if [ ! -f "$BUILD_DIR/wardscope.db" ] && [ -x "$BUILD_DIR/wardscope" ]; then
  say "creating $BUILD_DIR/wardscope.db from data/plans"
  "$BUILD_DIR/wardscope" import --db "$BUILD_DIR/wardscope.db" data/plans/*.json >&2
fi
if [ ! -f "$BUILD_DIR/bench/synthetic.db" ] && [ -x "$BUILD_DIR/wardscope" ]; then
  say "creating $BUILD_DIR/bench/synthetic.db (wardscope gen, defaults)"
  "$BUILD_DIR/wardscope" gen --out "$BUILD_DIR/bench/synthetic.db" >&2
fi

if [ ! -f "$BUILD_DIR/bench/national.db" ] && [ -x "$BUILD_DIR/wardscope" ]; then
  say "creating $BUILD_DIR/bench/national.db (wardscope gen --national: 1,741 municipalities × 5 generations)"
  "$BUILD_DIR/wardscope" gen --national --out "$BUILD_DIR/bench/national.db" >&2
fi

say "running the benchmark under Xvfb"
xvfb-run -a -s "-screen 0 1920x1080x24" "$BUILD_DIR/bench/wardscope_bench" --build "$BUILD_DIR" "$@" |
  tee "$BUILD_DIR/bench/latest.txt"
