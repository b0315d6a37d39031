#pragma once
// The `columns` and `rules` sections of a taxonomy file.
#include <vector>

#include <yaml-cpp/yaml.h>

#include "ftstatus/rules.h"
#include "ftstatus/schema.h"
#include "ftstatus/taxonomy.h"
#include "load/yaml_reader.h"

namespace ftstatus::detail {

void read_columns(YamlReader& reader, const YAML::Node& node, Schema& schema);
void read_rules(YamlReader& reader, const YAML::Node& node, const Schema& schema, const Taxonomy& taxonomy,
                std::vector<Rule>& rules);

}  // namespace ftstatus::detail
