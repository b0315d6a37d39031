#!/usr/bin/env bash
# Colour: on for a terminal (a pty made by script(1)), off for a pipe or a file,
# off with NO_COLOR or TERM=dumb, forced by --color always, refused by --color never;
# and NO_COLOR leaves no escape code in any output of any command.
# Usage: tests/cli/colour.sh FTSTATUS SOURCE_DIR
set -euo pipefail
ftstatus=$1
source_dir=$2
command -v script > /dev/null || { echo "colour: skipped: no script(1)"; exit 77; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
example=$source_dir/examples/entitlements.csv
esc=$'\033['
fail() { echo "colour: $*" >&2; exit 1; }

# The commands whose text output takes colour, each as a shell command line.
commands=(
  "tree"
  "validate --l1 'In Progress' --l2 Migration --as-of 2026-11-24"
  "validate --l1 'In Progress' --l2 Migration --target-date 2026-12-01 --as-of 2026-11-24"
  "classify '$example' --as-of 2026-11-24 --summary -o '$scratch/out.csv'"
  "lint"
  "diff '$source_dir/examples/weekly/2026-11-16.csv' '$source_dir/examples/weekly/2026-11-23.csv' --as-of 2026-11-23"
)
q() { printf '%q' "$1"; }

# on_terminal ENV COMMAND: everything the command writes (stdout and stderr) on a pty.
on_terminal() {
  script -qec "env $1 $(q "$ftstatus") $2" /dev/null 2>&1 < /dev/null || true
}
# in_pipe ENV COMMAND: the same through a pipe.
in_pipe() {
  sh -c "env $1 $(q "$ftstatus") $2" 2>&1 < /dev/null | cat || true
}

for command in "${commands[@]}"; do
  on_terminal "TERM=xterm" "$command" > "$scratch/tty"
  grep -qF "$esc" "$scratch/tty" || fail "no colour on a terminal: ftstatus $command"
  for env in "NO_COLOR=1 TERM=xterm" "TERM=dumb" "TERM=xterm"; do
    case $env in
      TERM=xterm) out=$(in_pipe "$env" "$command"); what="through a pipe" ;;
      *) out=$(on_terminal "$env" "$command"); what="on a terminal with $env" ;;
    esac
    ! grep -qF "$esc" <<< "$out" || fail "an escape code $what: ftstatus $command"
  done
  out=$(on_terminal "TERM=xterm" "$command --color never")
  ! grep -qF "$esc" <<< "$out" || fail "an escape code with --color never: ftstatus $command"
  out=$(in_pipe "TERM=xterm NO_COLOR=1" "$command --color always")
  grep -qF "$esc" <<< "$out" || fail "no colour with --color always (which NO_COLOR does not override): ftstatus $command"
done
# The output file is never coloured, whatever the terminal.
on_terminal "TERM=xterm" "classify '$example' --as-of 2026-11-24 --color always -o '$scratch/out.csv'" > /dev/null
! grep -qF "$esc" "$scratch/out.csv" || fail "an escape code in classify's output file"
weekly="'$source_dir/examples/weekly/2026-11-16.csv' '$source_dir/examples/weekly/2026-11-23.csv' --as-of 2026-11-23"
on_terminal "TERM=xterm" "diff $weekly --color always -o '$scratch/diff.txt'" > /dev/null
! grep -qF "$esc" "$scratch/diff.txt" || fail "an escape code in diff's output file"
out=$(in_pipe "" "diff $weekly --color always")
grep -qF "${esc}31mRegressions (4)${esc}0m" <<< "$out" || fail "diff's regressions are not red: $out"
# What is red and what is green.
out=$(in_pipe "" "validate --l1 'In Progress' --l2 Migration --as-of 2026-11-24 --color always")
grep -qF "${esc}31minvalid${esc}0m" <<< "$out" || fail "'invalid' is not red: $out"
grep -qF "${esc}31merror target_date_missing${esc}0m" <<< "$out" || fail "the error is not red: $out"
out=$(in_pipe "" "--color=always validate --l1 'In Progress' --l2 Migration --target-date 2026-12-01 --as-of 2026-11-24")
grep -qF "${esc}32mvalid${esc}0m" <<< "$out" || fail "'valid' is not green (--color before the command): $out"
echo "colour: on for a terminal, off for pipes, NO_COLOR, TERM=dumb and --color never, forced by --color always (${#commands[@]} commands)"
