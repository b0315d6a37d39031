#!/usr/bin/env bash
# Bad workbooks (tests/xlsx/expected.md, "Bad files") and a zip bomb made on the fly: under 256 MiB of
# address space and 20 seconds, `classify FILE` on each must stop with exit 2 (not a timeout, not a
# crash) and a message on stderr that names the file.
# Usage: tests/xlsx/bad_files.sh FTSTATUS_BINARY SOURCE_DIR
set -uo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
fixtures="$source_dir/tests/xlsx/fixtures"
python=/usr/bin/python3
bomb_mib=1024
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
passed=0

# Runs one file in a subshell, so the memory limit holds for it alone; stdout is dropped (a file that
# is read as data could write gigabytes before the timeout).
check() {
  local file=$1
  local name
  name=$(basename "$file")
  local status
  (
    ulimit -v 262144
    LC_ALL=C LANG=C exec timeout 20 "$binary" classify "$file" --as-of 2026-11-24 >/dev/null 2>"$scratch/stderr"
  )
  status=$?
  local why=""
  case $status in
    2) ;;
    124) why="timed out after 20 s" ;;
    134 | 137 | 139) why="crashed (exit $status)" ;;
    *) why="exit $status, expected 2" ;;
  esac
  if [[ -z $why ]] && ! grep -qF -- "$file" "$scratch/stderr"; then why="stderr does not name the file"; fi
  if [[ -n $why ]]; then
    echo "FAIL $name: $why"
    sed 's/^/    /' "$scratch/stderr" | head -n 5
    failed=$((failed + 1))
  else
    echo "ok   $name: $(head -n 1 "$scratch/stderr")"
    passed=$((passed + 1))
  fi
}

for name in truncated.xlsx corrupt.xlsx not-a-workbook.xlsx old.xls encrypted.xlsx; do
  if [[ ! -f $fixtures/$name ]]; then
    echo "FAIL $name: missing from $fixtures"
    failed=$((failed + 1))
    continue
  fi
  check "$fixtures/$name"
done

# The bomb: a few MiB on disk whose sheet inflates to $bomb_mib MiB. make_fixtures.py needs Debian's
# python with openpyxl; without them only this part is skipped.
if [[ ! -x $python ]]; then
  echo "SKIPPED: zip bomb ($python is missing)"
elif ! "$python" -c 'import openpyxl' 2>/dev/null; then
  echo "SKIPPED: zip bomb ($python has no openpyxl)"
elif ! "$python" "$source_dir/tests/xlsx/make_fixtures.py" --bomb "$scratch/bomb.xlsx" "$bomb_mib" 2>"$scratch/make"; then
  echo "FAIL bomb.xlsx: make_fixtures.py --bomb failed"
  sed 's/^/    /' "$scratch/make" | head -n 5
  failed=$((failed + 1))
else
  check "$scratch/bomb.xlsx"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
