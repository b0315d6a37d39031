#!/bin/sh
# packaging/make_man.sh FTSTATUS OUT: the ftstatus(1) man page, made by help2man
# from the binary's own --help and --version (English), with every command's
# --help as a subsection and the hand-written sections of
# packaging/ftstatus.h2m, so the page says what the binary does.
set -eu
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
here=$(cd "$(dirname "$0")" && pwd)
# Run as plain `ftstatus` (a link in a folder put first on PATH): usage lines print the name it was called by.
bin=$(mktemp -d)
trap 'rm -rf "$bin" "$out.h2m"' EXIT
ln -s "$binary" "$bin/ftstatus"
PATH=$bin:$PATH
LC_ALL=C
export PATH LC_ALL
unset LANG LC_MESSAGES
{
  cat "$here/ftstatus.h2m"
  echo "[COMMANDS]"
  for command in classify validate diff report columns tree lint codes; do
    echo ".SS \"ftstatus $command\""
    echo ".nf"
    # Help text as it prints: backslashes escaped, and no line may start with a request character.
    ftstatus "$command" --help | sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
    echo ".fi"
  done
} > "$out.h2m"
# Only the first line: the rest of --version describes the machine that runs it.
version=$(ftstatus --version | head -n 1)
help2man --version-string="$version" --no-info --section=1 --source="ftstatus" --manual="User Commands" \
  --name="classify FastTrack entitlement statuses from the playbook's L1/L2/L3 taxonomy" \
  --include="$out.h2m" --output="$out" ftstatus
