#!/usr/bin/env bash
# Partner exports (examples/exports/): each classifies to the statuses a person gives its rows
# (expected/FILE.statuses), keeps its rows, cells and dialect, and classifying the output again
# changes no byte. needs-map.csv must stop with exit 2 and name the --map to type until it gets
# needs-map.map.
# Usage: tests/exports/run.sh FTSTATUS_BINARY
set -uo pipefail
binary=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
exports=examples/exports
python=/usr/bin/python3
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
passed=0

ftstatus() { LC_ALL=C LANG=C "$binary" "$@"; }

fail() {
  echo "FAIL $case_name: $*"
  failed=$((failed + 1))
}

show() { sed 's/^/    /' "$1" | head -n 30; }

# file | python encoding | delimiter | input line ends | output BOM | output line ends | flags
cases=(
  "es-excel-windows.csv|cp1252|;|crlf|bom|crlf|"
  "en-portal-export.csv|utf-8|,|lf|nobom|lf|"
  "unicode-text.txt|utf-16|tab|crlf|bom|crlf|"
  "mac-classic.csv|ascii|,|cr|nobom|cr|"
  "stray-cr.csv|utf-8|,|lf|nobom|lf|"
  "needs-map.csv|utf-8|,|crlf|bom|crlf|--map-file $exports/needs-map.map"
)

for spec in "${cases[@]}"; do
  IFS='|' read -r file encoding delimiter input_eol out_bom out_eol flags <<< "$spec"
  case_name=$file
  input=$exports/$file
  read -ra extra <<< "$flags"
  out=$scratch/$file.out
  again=$scratch/$file.again
  before=$failed

  ftstatus columns "$input" "${extra[@]}" > "$scratch/columns.out" 2> "$scratch/columns.err"
  status=$?
  [[ $status -eq 0 ]] || { fail "'ftstatus columns $input ${extra[*]}' exited $status, expected 0:"; show "$scratch/columns.err"; }

  ftstatus classify "$input" --as-of 2026-11-24 "${extra[@]}" -o "$out" 2> "$scratch/stderr"
  status=$?
  if [[ $status -gt 1 ]]; then
    fail "'ftstatus classify $input --as-of 2026-11-24 ${extra[*]}' exited $status, expected 0 or 1:"
    show "$scratch/stderr"
    continue
  fi
  if ! $python "$here/check_output.py" "$input" "$encoding" "$delimiter" "$input_eol" \
      "$exports/expected/$file.statuses" "$out" "$out_bom" "$out_eol" > "$scratch/check"; then
    fail "classify output is not what a person expects:"
    show "$scratch/check"
    echo "    stderr of the run:"
    show "$scratch/stderr"
  fi

  ftstatus classify "$out" --as-of 2026-11-24 "${extra[@]}" -o "$again" 2> "$scratch/stderr"
  status=$?
  if [[ $status -gt 1 ]]; then
    fail "classifying the output again exited $status:"
    show "$scratch/stderr"
  elif ! cmp -s "$out" "$again"; then
    fail "classify(classify(x)) differs from classify(x):"
    diff <($python -c 'import sys; [print(repr(l)) for l in open(sys.argv[1], "rb").read().splitlines(True)]' "$out") \
         <($python -c 'import sys; [print(repr(l)) for l in open(sys.argv[1], "rb").read().splitlines(True)]' "$again") |
      head -n 20 | sed 's/^/    /'
  fi
  [[ $failed -eq $before ]] && passed=$((passed + 1))
done

# needs-map.csv without its map: stop before writing anything, naming the --map to type.
case_name="needs-map.csv without --map-file"
input=$exports/needs-map.csv
before=$failed
ftstatus classify "$input" --as-of 2026-11-24 -o "$scratch/never.csv" > "$scratch/stdout" 2> "$scratch/stderr"
status=$?
if [[ $status -ne 2 ]]; then
  fail "'ftstatus classify $input --as-of 2026-11-24' exited $status, expected 2"
  show "$scratch/stderr"
fi
[[ -e "$scratch/never.csv" ]] && fail "an output file was written although the run stopped"
[[ -s "$scratch/stdout" ]] && fail "something was written to stdout although the run stopped"
ftstatus columns "$input" > "$scratch/columns.out" 2>&1
columns_status=$?
[[ $columns_status -eq 2 ]] || fail "'ftstatus columns $input' exited $columns_status, expected 2"
for output in stderr columns.out; do
  absent=()
  while IFS= read -r mapping; do
    [[ -z "$mapping" || "$mapping" == \#* ]] && continue
    grep -qF -- "--map '$mapping'" "$scratch/$output" || absent+=("--map '$mapping'")
  done < "$exports/needs-map.map"
  if [[ ${#absent[@]} -gt 0 ]]; then
    fail "the message of ${output%.out} does not give the exact ${absent[*]} to type:"
    show "$scratch/$output"
  fi
done
[[ $failed -eq $before ]] && passed=$((passed + 1))

echo "partner exports: $passed of $(( ${#cases[@]} + 1 )) cases passed, $failed failure(s)"
[[ $failed -eq 0 ]]
