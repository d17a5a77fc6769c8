# Helpers for the CLI tests: sourced by each tests/cli/*.sh, which run the
# built `wardscope` binary as a user would and check exit codes, messages and
# the bytes of the files involved.
#   usage inside a test: source lib.sh; setup "$@"   (args: WARDSCOPE SOURCE_DIR)
set -euo pipefail

setup() {
  W=${1:?usage: $0 WARDSCOPE_BINARY SOURCE_DIR}
  SRC=${2:?usage: $0 WARDSCOPE_BINARY SOURCE_DIR}
  W=$(cd "$(dirname "$W")" && pwd)/$(basename "$W")
  SRC=$(cd "$SRC" && pwd)
  export WARDSCOPE_DATA="$SRC/data"
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/wardscope-cli.XXXXXX")
  trap 'cleanup' EXIT
  cd "$TMP"
  FAILURES=0
  CHECKS=0
}

cleanup() {
  local rc=$?
  for pid in ${BACKGROUND_PIDS:-}; do kill "$pid" 2>/dev/null || true; done
  chmod -R u+rwX "$TMP" 2>/dev/null || true
  rm -rf "$TMP"
  return $rc
}

pass() { CHECKS=$((CHECKS + 1)); echo "ok   $*"; }
fail() { CHECKS=$((CHECKS + 1)); FAILURES=$((FAILURES + 1)); echo "FAIL $*"; }

# expect_error NAME MESSAGE CMD…: CMD must exit non-zero and say MESSAGE on stderr.
expect_error() {
  local name=$1 message=$2 rc=0
  shift 2
  "$@" >out.txt 2>err.txt || rc=$?
  if [ "$rc" -eq 0 ]; then
    fail "$name: exit 0, expected a failure"; sed 's/^/     /' err.txt out.txt
  elif ! grep -qF -- "$message" err.txt; then
    fail "$name: exit $rc but stderr lacks '$message':"; sed 's/^/     /' err.txt
  else
    pass "$name: exit $rc, \"$(head -1 err.txt)\""
  fi
}

# expect_ok NAME CMD…: CMD must exit 0.
expect_ok() {
  local name=$1 rc=0
  shift
  "$@" >out.txt 2>err.txt || rc=$?
  if [ "$rc" -ne 0 ]; then fail "$name: exit $rc"; sed 's/^/     /' err.txt; else pass "$name"; fi
}

# expect_same_bytes NAME FILE COPY: FILE is byte for byte COPY, and no journal was left beside it.
expect_same_bytes() {
  if ! cmp -s "$2" "$3"; then fail "$1: $2 was modified"
  elif [ -e "$2-journal" ] || [ -e "$2-wal" ]; then fail "$1: a journal was left beside $2"
  else pass "$1: $2 untouched"; fi
}

# expect_equal NAME ACTUAL EXPECTED
expect_equal() {
  if [ "$2" = "$3" ]; then pass "$1 ($2)"; else fail "$1: got '$2', expected '$3'"; fi
}

finish() {
  echo "$((CHECKS - FAILURES)) passed, $FAILURES failed"
  [ "$FAILURES" -eq 0 ]
}
