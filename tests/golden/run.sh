#!/usr/bin/env bash
# Golden outputs: runs every case of commands.txt and compares stdout, stderr
# and the exit status with expected/NAME.txt.
# Usage: tests/golden/run.sh FTSTATUS_BINARY [--update]
set -uo pipefail
binary=$(realpath "$1")
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
passed=0
ftstatus() { "$binary" "$@"; }
export -f ftstatus 2>/dev/null
export binary
while IFS=$'\t' read -r name args; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  rm -rf "$scratch/tmp" && mkdir "$scratch/tmp"
  actual=$(LC_ALL=C LANG=C TMP="$scratch/tmp" bash -c "ftstatus() { \"\$binary\" \"\$@\"; }; ftstatus $args" 2>"$scratch/stderr" </dev/null; echo "exit=$?")
  actual=$(printf '%s\n--- stderr\n%s' "$actual" "$(sed "s|$scratch/tmp|\$TMP|g" "$scratch/stderr")")
  expected="$here/expected/$name.txt"
  if [[ "$update" == --update ]]; then
    mkdir -p "$here/expected"
    printf '%s\n' "$actual" > "$expected"
  elif ! diff -u "$expected" <(printf '%s\n' "$actual") > "$scratch/diff"; then
    echo "golden: $name differs:"; head -40 "$scratch/diff"; failed=$((failed + 1)); continue
  fi
  passed=$((passed + 1))
done < "$here/commands.txt"
echo "golden: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
