#pragma once
// Prints the taxonomy: a text tree, JSON, Markdown shaped like the playbook
// page, or a Graphviz graph.
#include <optional>
#include <ostream>
#include <string_view>

#include "ftstatus/lang.h"
#include "ftstatus/taxonomy.h"
#include "report/colours.h"

namespace ftstatus {

enum class TreeFormat { text, json, markdown, dot };

std::optional<TreeFormat> parse_tree_format(std::string_view text);

struct TreeOptions {
  TreeFormat format = TreeFormat::text;
  Lang lang = Lang::en;
  bool ascii = false;         // text: "|--" instead of box-drawing characters
  bool descriptions = false;  // include descriptions, notes and target-date rules
  Colours colours;            // text: each status in its L1's colour
};

void write_tree(std::ostream& out, const Taxonomy& taxonomy, const TreeOptions& options);

}  // namespace ftstatus
