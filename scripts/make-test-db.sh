#!/usr/bin/env bash
# Builds a database from the bundled plan files for tests: make-test-db.sh WARDSCOPE OUT.db
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rm -f "$2"
"$1" import --db "$2" "$here"/data/plans/*.json >/dev/null
