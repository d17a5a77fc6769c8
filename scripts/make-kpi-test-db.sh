#!/usr/bin/env bash
# The bundled plans plus a KPI history for Kita's three indicators (real
# results and one sample value), for the KPI scorecard tests:
#   make-kpi-test-db.sh WARDSCOPE OUT.db KPI.csv
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here"/make-test-db.sh "$1" "$2"
"$1" kpi import --db "$2" "$3" >/dev/null
