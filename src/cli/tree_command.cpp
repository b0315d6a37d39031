// ftstatus tree [--format text|json|markdown|dot] [--lang en|es] [--ascii]
//               [--descriptions] [--taxonomy FILE]
//
// Prints the taxonomy: L1 statuses, their L2s and any L3s, with ids.
// markdown reproduces the playbook page; dot is for Graphviz (dot -Tsvg).
#include <unistd.h>

#include <iostream>
#include <memory>

#include "command.h"
#include "report/tree_writer.h"

namespace ftstatus::cli {

std::function<int()> setup_tree(CLI::App& app) {
  struct Options {
    TaxonomyOption taxonomy;
    LangOption lang;
    ColorOption color;
    std::string format = "text";
    bool ascii = false;
    bool descriptions = false;
  };
  auto o = std::make_shared<Options>();
  o->taxonomy.add_to(app);
  o->lang.add_to(app);
  o->color.add_to(app);
  app.add_option("--format", o->format, help_text("tree_format"))
      ->check(one_of({"text", "json", "markdown", "dot"}))
      ->capture_default_str();
  app.add_flag("--ascii", o->ascii, help_text("tree_ascii"));
  app.add_flag("--descriptions", o->descriptions, help_text("tree_descriptions"));

  return [o] {
    std::optional<Taxonomy> taxonomy = o->taxonomy.load(o->lang.get());
    if (!taxonomy) return static_cast<int>(kExitUsage);
    TreeOptions options;
    options.colours = colours_for(STDOUT_FILENO);
    options.format = *parse_tree_format(o->format);
    options.lang = o->lang.get();
    options.ascii = o->ascii;
    options.descriptions = o->descriptions;
    write_tree(std::cout, *taxonomy, options);
    return finish_output(kExitOk);
  };
}

}  // namespace ftstatus::cli
