#pragma once
// ftstatus public API, layer: load.
// Reads a taxonomy YAML file. A broken file yields diagnostics with
// file:line:column and no taxonomy: never a partial load.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ftstatus/diagnostic.h"
#include "ftstatus/lang.h"
#include "ftstatus/rules.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

// Bounds on what a taxonomy file may make the loader hold in memory or do.
// Passing one stops the load with an error that names it (the CLI's
// --taxonomy-max-* flags raise them).
struct LoadLimits {
  static constexpr int kDeepestAllowed = 400;  // yaml-cpp's own parser stops a little deeper

  std::uint64_t max_file_bytes = std::uint64_t(8) << 20;  // read at most this + 1 bytes, even from /dev/zero
  int max_depth = 64;                                     // lists and mappings inside each other (<= kDeepestAllowed)
  std::size_t max_nodes = 200'000;                        // YAML values, keys, lists and mappings
  std::size_t max_rules = 10'000;
  std::size_t max_columns = 1'000;
};

struct LoadResult {
  std::optional<Taxonomy> taxonomy;  // set only when errors is empty
  RuleSet rules;                     // the file's columns and rules, when ok()
  Diagnostics errors;
  // The file was not read through: it cannot be opened, or it passes one of
  // the LoadLimits. (lint reports other errors as findings, these as exit 2.)
  bool unreadable = false;
  bool ok() const { return taxonomy.has_value(); }
};

// `file_name` is only used in diagnostics.
// Messages are in `lang`.
LoadResult load_taxonomy(std::string_view yaml_text, const std::string& file_name, Lang lang = Lang::en,
                         const LoadLimits& limits = {});
LoadResult load_taxonomy_file(const std::string& path, Lang lang = Lang::en, const LoadLimits& limits = {});
LoadResult load_builtin_taxonomy(Lang lang = Lang::en);

}  // namespace ftstatus
