#!/usr/bin/env bash
# Installs ftstatus into a temporary prefix, builds examples/library against
# the installed package with find_package(ftstatus), and checks that the
# example classifies examples/entitlements.csv exactly as the CLI does.
# Usage: tests/install/run.sh BUILD_DIR
set -euo pipefail
build=$(realpath "$1")
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build" --prefix "$scratch/prefix" > "$scratch/install.log"
test -x "$scratch/prefix/bin/ftstatus"
test -f "$scratch/prefix/include/ftstatus/pipeline.h"
test -f "$scratch/prefix/include/ftstatus/version.h"
cmake -S "$source_dir/examples/library" -B "$scratch/example" -DCMAKE_PREFIX_PATH="$scratch/prefix" \
  -DCMAKE_BUILD_TYPE=Release > "$scratch/configure.log"
cmake --build "$scratch/example" > "$scratch/build.log"
status=0
"$scratch/example/classify_example" "$source_dir/examples/entitlements.csv" 2026-11-24 > "$scratch/library.csv" || status=$?
cli_status=0
"$scratch/prefix/bin/ftstatus" classify "$source_dir/examples/entitlements.csv" --as-of 2026-11-24 > "$scratch/cli.csv" || cli_status=$?
if ! cmp "$scratch/library.csv" "$scratch/cli.csv"; then
  diff "$scratch/library.csv" "$scratch/cli.csv" | head -20
  echo "install: the example's output differs from the CLI's"; exit 1
fi
[ "$status" = "$cli_status" ] || { echo "install: exit $status, the CLI's $cli_status"; exit 1; }
echo "install: the installed package builds the example; $(wc -l < "$scratch/cli.csv") lines equal the CLI's (exit $status)"
