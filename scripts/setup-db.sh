#!/usr/bin/env bash
# The database step of ./dev.sh (also `./dev.sh setup-db`): creates DB from
# data/plans when it is missing; otherwise re-imports data/plans into it in
# place, in one transaction. Plans are replaced; the user's rows — notes,
# votes, slides, KPI results from CSV or the dashboard — are kept as they are.
# The file is never replaced or renamed, and a failed first import leaves no
# file behind (`wardscope import`, docs/reliability.md).
#   scripts/setup-db.sh WARDSCOPE DB
set -euo pipefail
W=${1:?usage: $0 WARDSCOPE DB}
DB=${2:?usage: $0 WARDSCOPE DB}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -e "$DB" ]; then
  echo "re-importing data/plans into $DB (notes, votes, slides and KPI results are kept)"
else
  echo "creating $DB from data/plans"
fi
"$W" --data "$ROOT/data" import --db "$DB" "$ROOT"/data/plans/*.json
