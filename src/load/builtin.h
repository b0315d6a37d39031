#pragma once
// The taxonomy file compiled into the binary (taxonomy/fasttrack.yaml at build time).
#include <string_view>

namespace ftstatus {

std::string_view builtin_taxonomy_text();
// The name diagnostics use for it, e.g. "fasttrack.yaml (built in)".
std::string_view builtin_taxonomy_name();

}  // namespace ftstatus
