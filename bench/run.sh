#!/usr/bin/env bash
# Throughput and memory of `ftstatus classify` on a generated export.
# Usage: bench/run.sh [ROWS] [BUILD_DIR]   (default 1000000 rows, build/)
# Prints rows/s from --summary and the peak resident memory from /usr/bin/time.
set -euo pipefail
rows=${1:-1000000}
build=${2:-build}
data=${TMPDIR:-/tmp}/ftstatus-bench-$rows.csv
if [ ! -s "$data" ]; then
  # Rows cycle through every rule of the FastTrack taxonomy, with distinct ids.
  awk -v n="$rows" 'BEGIN {
    OFS = ","
    print "entitlement_id,tenant_id,customer,workload,added_on,tenant_state,has_exchange,contact_attempts,contact_channels,customer_responded,intent,no_intent_reason,blocker,deployment,migration,active_users,eligible_seats,target_date,l1,l2"
    split("active,active,duplicate,active,active,active,active,active,active,active,invalid,active", state, ",")
    split("yes,yes,,yes,no,no,yes,yes,yes,,,", intent, ",")
    split(",infrastructure,,legal,,,billing,,,,,", blocker, ",")
    split("enabled,,,,,,,onboarding,enabled,,,", deployment, ",")
    split("in_progress,,,,,,,,none,,,", migration, ",")
    split(",,,,competitor,on_premises,,,,,,", reason, ",")
    for (i = 1; i <= n; i++) {
      k = i % 12 + 1
      print "E" i, "T" int(i / 7), "Customer " (i % 5000), (k == 3 ? "Outlook Mobile" : "Exchange Online"), "2026-01-15",
            state[k], (k == 3 ? "no" : "yes"), i % 5, i % 3, (i % 2 ? "no" : ""), intent[k], reason[k], blocker[k],
            deployment[k], migration[k], i % 900, 1000, (i % 4 ? "2027-03-31" : ""), "In Progress", "Migration"
    }
  }' > "$data"
fi
echo "input: $data ($(wc -c < "$data") bytes, $rows rows)"
/usr/bin/time -f "peak RSS: %M KiB, wall: %e s" "$build/ftstatus" classify "$data" --as-of 2026-11-24 --summary -o /dev/null 2>&1 \
  | grep -E 'rows:|time:|peak RSS' || true
