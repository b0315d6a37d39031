#!/usr/bin/env bash
# classify's progress line: on a terminal (a pty made by script(1)) only, not
# with --quiet, not on a pipe or a file; a percentage when the input's size is
# known; no escape code; and the output is the same with it.
# FTSTATUS_PROGRESS_AFTER_MS=0 draws it from the start (else after a second).
# Usage: tests/cli/progress.sh FTSTATUS
set -euo pipefail
ftstatus=$1
command -v script > /dev/null || { echo "progress: skipped: no script(1)"; exit 77; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "progress: $*" >&2; exit 1; }
# 60,000 rows (about 7 MB): several chunks, and more than 16,384 rows for the one-thread path.
{
  echo "entitlement_id,workload,tenant_state,intent,target_date"
  for ((i = 0; i < 60000; i++)); do echo "E$i,Microsoft Teams,active,yes,2026-12-15"; done
} > "$scratch/in.csv"
q() { printf '%q' "$1"; }
on_terminal() {  # on_terminal ENV ARGS: what the terminal shows (stdout and stderr)
  script -qec "env $1 $(q "$ftstatus") classify $2" /dev/null < /dev/null 2>&1 || true
}
args="$(q "$scratch/in.csv") --allow-missing all --as-of 2026-11-24 -o $(q "$scratch/out.csv")"

shown=$(on_terminal "FTSTATUS_PROGRESS_AFTER_MS=0" "$args")
grep -qE 'ftstatus: [0-9]+ rows, [0-9]+ rows/s, [0-9]+%, about [0-9]+ (s|min) left' <<< "$shown" ||
  fail "no progress line with a percentage on a terminal: $(tr '\r' '\n' <<< "$shown")"
cp "$scratch/out.csv" "$scratch/with-progress.csv"
# Erased at the end: the last thing on the line is spaces, then a carriage return.
[[ $shown == *$'\r' ]] || fail "the progress line is not erased at the end"
! grep -qF $'\033' <<< "$shown" || fail "an escape code in the progress line"

shown=$(on_terminal "FTSTATUS_PROGRESS_AFTER_MS=0" "--threads 1 --lang es $args")
grep -qE 'ftstatus: [0-9]+ filas, [0-9]+ filas/s' <<< "$shown" || fail "no progress line on one thread, in Spanish"

shown=$(on_terminal "FTSTATUS_PROGRESS_AFTER_MS=0" "--quiet $args")
! grep -q 'rows/s' <<< "$shown" || fail "a progress line with --quiet"

head -n 11 "$scratch/in.csv" > "$scratch/small.csv"
shown=$(on_terminal "" "$(q "$scratch/small.csv") --allow-missing all --as-of 2026-11-24 -o $(q "$scratch/small-out.csv")")
! grep -q 'rows/s' <<< "$shown" || fail "a progress line for a run shorter than a second"

# Standard input: no size, so no percentage.
shown=$(script -qec "FTSTATUS_PROGRESS_AFTER_MS=0 $(q "$ftstatus") classify - --allow-missing all --as-of 2026-11-24 -o $(q "$scratch/out.csv") < $(q "$scratch/in.csv")" /dev/null < /dev/null 2>&1 || true)
grep -qE 'ftstatus: [0-9]+ rows, [0-9]+ rows/s' <<< "$shown" || fail "no progress line for standard input"
! grep -qE 'rows/s, [0-9]+%' <<< "$shown" || fail "a percentage for standard input, whose size is unknown"

# Not a terminal: standard error to a file, or through a pipe.
status=0
FTSTATUS_PROGRESS_AFTER_MS=0 "$ftstatus" classify "$scratch/in.csv" --allow-missing all --as-of 2026-11-24 -o "$scratch/out.csv" \
  2> "$scratch/stderr" || status=$?
[ "$status" -le 1 ] || fail "classify failed (exit $status): $(cat "$scratch/stderr")"
! grep -q 'rows/s' "$scratch/stderr" || fail "a progress line in a file"
cmp -s "$scratch/out.csv" "$scratch/with-progress.csv" || fail "the output differs with the progress line"
piped=$(FTSTATUS_PROGRESS_AFTER_MS=0 "$ftstatus" classify "$scratch/in.csv" --allow-missing all --as-of 2026-11-24 -o "$scratch/out.csv" 2>&1 | cat)
! grep -q 'rows/s' <<< "$piped" || fail "a progress line through a pipe"
echo "progress: on a terminal only (both paths, English and Spanish, a percentage when the size is known), erased, no escape codes"
