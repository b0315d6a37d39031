#pragma once
// ftstatus public API, layer: load.
// Reads a taxonomy YAML file. A broken file yields diagnostics with
// file:line:column and no taxonomy: never a partial load.
#include <optional>
#include <string>
#include <string_view>

#include "ftstatus/diagnostic.h"
#include "ftstatus/lang.h"
#include "ftstatus/rules.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

struct LoadResult {
  std::optional<Taxonomy> taxonomy;  // set only when errors is empty
  RuleSet rules;                     // the file's columns and rules, when ok()
  Diagnostics errors;
  bool ok() const { return taxonomy.has_value(); }
};

// `file_name` is only used in diagnostics.
// Messages are in `lang`.
LoadResult load_taxonomy(std::string_view yaml_text, const std::string& file_name, Lang lang = Lang::en);
LoadResult load_taxonomy_file(const std::string& path, Lang lang = Lang::en);
LoadResult load_builtin_taxonomy(Lang lang = Lang::en);

}  // namespace ftstatus
