#!/usr/bin/env bash
# The parts of ftstatus that ship beside the binary.
#   run.sh man BUILD_DIR            the man page renders without warnings and documents every command
#   run.sh completions BINARY       bash (and zsh, where installed) complete commands, options and values
#   run.sh deb BUILD_DIR            cpack -G DEB: its Depends and files; the unpacked binary runs
#   run.sh dpkg-install BUILD_DIR   dpkg -i the package, run /usr/bin/ftstatus, dpkg -r (as root only)
# Exit 77: skipped (a tool is missing, or not root), with the reason on stdout.
set -euo pipefail
mode=$1
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "packaging ($mode): $*" >&2; exit 1; }
skip() { echo "packaging ($mode): skipped: $*"; exit 77; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"; }
commands=(classify validate diff report columns tree lint codes)

# Builds the .deb into $scratch/deb; its path on stdout.
make_deb() {
  command -v dpkg-deb > /dev/null || skip "no dpkg-deb"
  command -v dpkg-shlibdeps > /dev/null || skip "no dpkg-shlibdeps (apt-get install dpkg-dev)"
  (cd "$scratch" && cpack -G DEB --config "$1/CPackConfig.cmake" -B "$scratch/deb" > "$scratch/cpack.log" 2>&1) ||
    { cat "$scratch/cpack.log" >&2; fail "cpack failed"; }
  ls "$scratch"/deb/ftstatus_*.deb
}

case $mode in
  man)
    page=$2/ftstatus.1
    [ -f "$page" ] || skip "no $page (help2man was not found when the build was configured)"
    command -v groff > /dev/null || skip "no groff"
    groff -man -Tutf8 -ww -z "$page" 2> "$scratch/warnings" || fail "groff failed"
    [ ! -s "$scratch/warnings" ] || { cat "$scratch/warnings" >&2; fail "groff warns"; }
    groff -man -Tutf8 -P-cbou "$page" 2> /dev/null > "$scratch/page.txt"
    for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" COMMANDS ENVIRONMENT EXAMPLES; do
      grep -q "^$section" "$scratch/page.txt" || fail "no $section section"
    done
    for command in "${commands[@]}"; do has "$scratch/page.txt" "ftstatus $command"; done
    # Every command's options, as its --help lists them.
    has "$scratch/page.txt" "--threads N"
    has "$scratch/page.txt" "--target-date DATE"
    has "$scratch/page.txt" "Usage: ftstatus classify [OPTIONS] [FILE]"
    ! grep -q "$2" "$scratch/page.txt" || fail "the page names the build folder"
    ! grep -qi "record boundaries" "$scratch/page.txt" || fail "the page describes the machine that built it"
    echo "packaging (man): $(wc -l < "$scratch/page.txt") lines, every section and command"
    ;;

  completions)
    binary=$2
    bash_file=$source_dir/packaging/completions/ftstatus.bash
    # What bash offers for the last word of "ftstatus WORDS...", one per line.
    bash_offers() {
      bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _ftstatus; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$bash_file" "$binary" "$@"
    }
    expect() {  # expect SHELL "WORDS" WANTED...: each WANTED is offered
      local shell=$1 words=$2 offered
      shift 2
      # shellcheck disable=SC2086
      offered=$(if [ "$shell" = bash ]; then bash_offers $words; else zsh_offers $words; fi)
      for wanted in "$@"; do
        grep -qxF -- "$wanted" <<< "$offered" || fail "$shell: 'ftstatus $words' offers no $wanted; it offers: $(echo $offered)"
      done
    }
    check() {
      local shell=$1
      expect "$shell" "cl" classify
      expect "$shell" "classify --for" --format --formulas
      expect "$shell" "classify --th" --threads
      expect "$shell" "classify --format ''" csv jsonl xlsx
      expect "$shell" "classify --labels ''" id en es
      expect "$shell" "tree --format ''" text json markdown dot
      expect "$shell" "codes --format ''" text csv json
      expect "$shell" "--lang ''" en es
      expect "$shell" "validate --lang ''" en es
      expect "$shell" "classify --encoding ''" auto utf-8 cp1252
      # Every option of every command, as its --help lists it.
      local command option
      for command in "${commands[@]}"; do
        for option in $(LC_ALL=C "$binary" "$command" --help | grep -oE -- '^ +(-[A-Za-z],)?--[A-Za-z0-9-]+' |
                        sed 's/.*--/--/'); do
          expect "$shell" "$command --" "$option"
        done
      done
    }
    check bash
    # A file where a file goes.
    touch "$scratch/export-2026.csv"
    expect bash "classify $scratch/export-2" "$scratch/export-2026.csv"
    expect bash "classify -o $scratch/export-2" "$scratch/export-2026.csv"
    [ -z "$(bash_offers classify --as-of '')" ] || fail "bash offers values for --as-of"
    zsh_file=$source_dir/packaging/completions/_ftstatus
    if command -v zsh > /dev/null; then
      # compadd, _describe and _files print what they are given; zsh itself matches them to the prefix.
      zsh_offers() {
        zsh -f -c 'setopt extendedglob
          compadd() { if [[ $1 == -a ]]; then print -l -- ${(P)2}; else print -l -- "${@[-1]}"; fi }
          _describe() { print -l -- ${${(P)4}%%:*} }
          _files() { print -- "<files>" }
          file=$1; shift; words=("$@"); CURRENT=${#words}; PREFIX=${words[-1]}
          source $file' _ "$zsh_file" "$binary" "$@"
      }
      check zsh
      expect zsh "classify -o x" "<files>"
      echo "packaging (completions): bash and zsh complete every command's options and values"
    else
      echo "packaging (completions): bash completes every command's options and values; zsh not installed, not run"
    fi
    ;;

  deb)
    deb=$(make_deb "$2")
    depends=$(dpkg-deb -f "$deb" Depends)
    for needed in "libc6 (>= " libzip4 libxlsxwriter4; do
      [[ $depends == *"$needed"* ]] || fail "Depends ($depends) lacks $needed"
    done
    dpkg-deb -c "$deb" | awk '{ print $6 }' > "$scratch/files"
    for file in ./usr/bin/ftstatus ./usr/share/man/man1/ftstatus.1 ./usr/share/bash-completion/completions/ftstatus \
                ./usr/share/zsh/vendor-completions/_ftstatus ./usr/share/doc/ftstatus/README.md \
                ./usr/share/doc/ftstatus/examples/taxonomy/fasttrack.yaml; do
      grep -qxF "$file" "$scratch/files" || fail "the package lacks $file"
    done
    ! grep -q "^./usr/include\|^./usr/lib/" "$scratch/files" || fail "the package holds the library (component dev)"
    dpkg-deb -x "$deb" "$scratch/root"
    "$scratch/root/usr/bin/ftstatus" --version | head -n 1 | grep -q "^ftstatus [0-9]" || fail "the unpacked binary does not run"
    status=0
    "$scratch/root/usr/bin/ftstatus" classify "$source_dir/examples/entitlements.csv" --as-of 2026-11-24 \
      --taxonomy "$scratch/root/usr/share/doc/ftstatus/examples/taxonomy/fasttrack.yaml" -o "$scratch/out.csv" || status=$?
    [ "$status" -le 1 ] || fail "the unpacked binary could not classify the example (exit $status)"
    echo "packaging (deb): $(basename "$deb"), Depends: $depends; the unpacked binary classifies the example"
    ;;

  dpkg-install)
    [ "$(id -u)" = 0 ] || skip "not root"
    command -v dpkg > /dev/null || skip "no dpkg"
    deb=$(make_deb "$2")
    dpkg -i "$deb" > "$scratch/dpkg.log" 2>&1 || { cat "$scratch/dpkg.log" >&2; fail "dpkg -i failed"; }
    trap 'dpkg -r ftstatus > /dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
    /usr/bin/ftstatus --version | head -n 1 | grep -q "^ftstatus [0-9]" || fail "/usr/bin/ftstatus --version"
    [ -f /usr/share/man/man1/ftstatus.1 ] || fail "no man page installed"
    [ -f /usr/share/bash-completion/completions/ftstatus ] || fail "no bash completion installed"
    dpkg -s ftstatus | grep -q "^Status: install ok installed" || fail "dpkg does not list ftstatus as installed"
    echo "packaging (dpkg-install): $(basename "$deb") installed, /usr/bin/ftstatus runs; removed again"
    ;;

  *) echo "usage: run.sh man|completions|deb|dpkg-install ARG" >&2; exit 2 ;;
esac
