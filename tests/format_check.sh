#!/usr/bin/env bash
# Fails when a C++ file of the tree is not formatted as .clang-format says.
# Usage: tests/format_check.sh CLANG_FORMAT
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find include src tests examples bench -name '*.cpp' -o -name '*.h' | sort)
"$1" --dry-run -Werror --style=file "${files[@]}"
echo "format: ${#files[@]} files formatted as .clang-format says"
