// ftstatus: classify and check FastTrack entitlement statuses.
#include <iostream>
#include <vector>

#include "command.h"
#include "ftstatus/version.h"

namespace {

using namespace ftstatus::cli;

// One row per subcommand, in the order `ftstatus --help` lists them; each
// is described by the catalogue's help/command_NAME.
const Command kCommands[] = {
    {"classify", setup_classify}, {"codes", setup_codes}, {"columns", setup_columns},
    {"lint", setup_lint},         {"tree", setup_tree},   {"validate", setup_validate},
};

}  // namespace

int main(int argc, char** argv) {
  // Decided before any option is declared, so that help texts are in it too.
  set_run_lang(lang_from_command_line(argc, argv));
  CLI::App app;
  localize_app(app, ftstatus::kVersion);
  app.require_subcommand(1);
  // Accepted before the command too (`ftstatus --lang es tree`); the language was decided above.
  LangOption lang;
  lang.add_to(app);

  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (const Command& command : kCommands) {
    CLI::App* sub = add_command(app, command.name);
    runners.emplace_back(sub, command.setup(*sub));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e, argc, argv) == 0 ? kExitOk : kExitUsage;
  }
  try {
    for (auto& [sub, run] : runners)
      if (sub->parsed()) return run();
  } catch (const std::exception& e) {
    // A bug or an exhausted machine (bad_alloc): say so, never abort.
    std::cerr << "ftstatus: " << ftstatus::Problem("internal_error", {{"detail", e.what()}}).text(run_lang()) << '\n';
  }
  return kExitUsage;
}
