#!/usr/bin/env bash
# Part 6's "Done when": under 256 MiB of address space no taxonomy or CSV input makes ftstatus crash,
# abort or run on: /dev/zero as --taxonomy, a deeply nested YAML, a YAML of a million values, a 300 MB
# line (plain, in quotes, or all delimiters) streamed from a pipe each stop with exit 2 within 30 s and
# a message naming the limit's flag.
# Usage: tests/cli/limits_under_256mib.sh FTSTATUS_BINARY SOURCE_DIR
set -uo pipefail
binary=$(realpath "$1")
source_dir=$(realpath "$2")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
passed=0

# check NAME EXPECTED_TEXT SHELL_COMMAND: runs the command (with $ftstatus) under the limits.
check() {
  local name=$1 expected=$2 command=$3 status why=""
  (
    ulimit -v 262144
    export LC_ALL=C LANG=C ftstatus="$binary"
    cd "$source_dir" && exec timeout 30 bash -c "$command" >/dev/null 2>"$scratch/stderr"
  )
  status=$?
  case $status in
    2) ;;
    124) why="timed out after 30 s" ;;
    134 | 137 | 139) why="crashed (exit $status)" ;;
    *) why="exit $status, expected 2" ;;
  esac
  if [[ -z $why ]] && ! grep -qF -- "$expected" "$scratch/stderr"; then why="stderr lacks \"$expected\""; fi
  if [[ -n $why ]]; then
    echo "FAIL $name: $why"
    sed 's/^/    /' "$scratch/stderr" | head -n 5
    failed=$((failed + 1))
  else
    echo "ok   $name: $(head -n 1 "$scratch/stderr" | cut -c1-150)"
    passed=$((passed + 1))
  fi
}

python3=/usr/bin/python3
"$python3" -c "print('taxonomy: ' + '[' * 100000 + ']' * 100000)" >"$scratch/deep-flow.yaml"
"$python3" -c "
import sys
sys.stdout.write('taxonomy:\n')
for i in range(1, 3000): sys.stdout.write(' ' * i + 'k:\n')" >"$scratch/deep-block.yaml"
"$python3" -c "print('taxonomy: [' + '1,' * 1000000 + ']')" >"$scratch/many-nodes.yaml"

check "taxonomy /dev/zero (classify)" "--taxonomy-max-mib" \
  '$ftstatus classify examples/entitlements.csv --taxonomy /dev/zero'
# lint prints its findings to stdout: a taxonomy it cannot read at all is exit 2 there too.
check "taxonomy /dev/zero (lint)" "larger than 8 MiB" '$ftstatus lint --taxonomy /dev/zero >&2'
check "deep flow YAML" "--taxonomy-max-depth" "\$ftstatus tree --taxonomy $scratch/deep-flow.yaml"
check "deep block YAML" "--taxonomy-max-depth" "\$ftstatus validate --l1 x --taxonomy $scratch/deep-block.yaml"
check "a million YAML values" "--taxonomy-max-nodes" "\$ftstatus tree --taxonomy $scratch/many-nodes.yaml"
check "300 MB line from a pipe" "--max-record-mib" \
  "head -c 300M /dev/zero | tr '\\0' a | \$ftstatus classify -"
check "300 MB quoted field from a pipe" "--max-record-mib" \
  "{ printf 'entitlement_id,b\\n1,\"'; head -c 300M /dev/zero | tr '\\0' a; } | \$ftstatus classify - --allow-missing all"
check "300 MB of delimiters from a pipe" "--max-fields" \
  "head -c 300M /dev/zero | tr '\\0' , | \$ftstatus columns -"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
