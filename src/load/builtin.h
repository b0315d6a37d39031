#pragma once
// The taxonomy file compiled into the binary (taxonomy/fasttrack.yaml at build time).
#include <string_view>

#include "ftstatus/rules.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

// The file's text (cmake/embed.cmake), for what needs the YAML itself.
std::string_view builtin_taxonomy_text();
// The name diagnostics use for it, e.g. "fasttrack.yaml (built in)".
std::string_view builtin_taxonomy_name();

namespace detail {

// Fills empty `taxonomy` and `rules` with what load_taxonomy() gives for the
// file, without reading any YAML: generated at build time by
// src/load/builtin_generator.cpp (load_builtin_taxonomy() calls it).
void build_builtin_taxonomy(Taxonomy& taxonomy, RuleSet& rules);

}  // namespace detail

}  // namespace ftstatus
