#pragma once
// The `columns` (columns_loader.cpp) and `rules` (rules_loader.cpp) sections
// of a taxonomy file.
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "ftstatus/rules.h"
#include "ftstatus/schema.h"
#include "ftstatus/taxonomy.h"
#include "load/yaml_reader.h"

namespace ftstatus::detail {

// Shared by the columns and rules readers.
inline std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// "a, b, c", for messages that list names.
inline std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void read_columns(YamlReader& r, const YAML::Node& list, Schema& schema);
void read_rules(YamlReader& r, const YAML::Node& node, const Schema& schema, const Taxonomy& taxonomy,
                std::vector<Rule>& rules);

}  // namespace ftstatus::detail
