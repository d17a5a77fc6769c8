#!/usr/bin/env bash
# wardscope's two commands (see README):
#   ./dev.sh run    install what is missing, build, create the database from data/, start the dashboard
#   ./dev.sh test   the same set-up, then the whole test suite
#   ./dev.sh setup-db   only the database step, with the binary already built
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${WARDSCOPE_BUILD_DIR:-build}
DB="$BUILD_DIR/wardscope.db"
JOBS=$(nproc 2>/dev/null || echo 2)

# Debian packages the build, the app and the tests need.
PACKAGES=(
  cmake g++ make pkg-config
  libimgui-dev libglfw3-dev libgl-dev libstb-dev libfreetype-dev libfontconfig-dev zlib1g-dev fonts-noto-cjk
  libsqlite3-dev nlohmann-json3-dev libcli11-dev doctest-dev libicu-dev
  libxlsxwriter-dev python3-openpyxl  # `wardscope table --format xlsx` and its test
  sqlite3 xvfb xauth xdotool python3
  tigervnc-standalone-server x11-apps  # the presenter view test: two monitors (Xvnc), window pictures (xwd)
  libcairo2-dev libzip-dev  # deck export: PDF (cairo) and PowerPoint (libzip)
  poppler-utils libreoffice-impress-nogui  # its test: pdfinfo, pdftotext; LibreOffice converts the PPTX
  librsvg2-bin desktop-file-utils appstream dpkg-dev file  # icons, assets checks, the .deb and its test
  clang libclang-rt-14-dev  # the bounded fuzz run of the test suite (libFuzzer)
)

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

install_missing() { scripts/install-packages.sh "${PACKAGES[@]}" "$@"; }

build() {
  say "building ($BUILD_DIR)"
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD_DIR" -j"$JOBS"
}

# Creates the database when it is missing, else re-imports data/plans into it
# in place, keeping every note, vote, slide and KPI result (scripts/setup-db.sh).
create_database() {
  say "database $DB"
  scripts/setup-db.sh "$BUILD_DIR/wardscope" "$DB"
}

setup() {
  install_missing "$@"
  build
  create_database
}

cmd_run() {
  setup
  if [ -n "${DISPLAY:-}" ]; then
    say "starting the dashboard"
    exec "$BUILD_DIR/wardscope" ui --db "$DB"
  fi
  say "no display: rendering every view to PNG under Xvfb instead"
  scripts/render-all-views.sh "$BUILD_DIR/wardscope" "$DB" out/views
  echo "PNG files are in $(pwd)/out/views"
}

cmd_test() {
  setup
  say "test suite"
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$JOBS"
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  setup-db) create_database ;;
  *) echo "usage: $0 run|test|setup-db" >&2; exit 2 ;;
esac
