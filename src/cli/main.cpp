// ftstatus: classify and check FastTrack entitlement statuses.
#include <iostream>
#include <vector>

#include "command.h"
#include "ftstatus/version.h"

namespace {

using namespace ftstatus::cli;

// One row per subcommand, in the order `ftstatus --help` lists them.
const Command kCommands[] = {
    {"classify", "Suggest an L1/L2 for every entitlement of a CSV export, with problems", setup_classify},
    {"codes", "List every problem code with its severity, message and fix", setup_codes},
    {"lint", "Check the taxonomy and its rules: unreachable, duplicate and missing rules", setup_lint},
    {"tree", "Print the status taxonomy (text, json, markdown or dot)", setup_tree},
    {"validate", "Check one status assignment: L1, L2, L3 and target date", setup_validate},
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ftstatus: FastTrack entitlement statuses from the playbook's L1/L2/L3 taxonomy"};
  app.set_version_flag("--version", ftstatus::kVersion);
  app.require_subcommand(1);
  app.footer("Exit status: 0 ok, 1 problems found, 2 bad usage or a broken taxonomy file.");

  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    runners.emplace_back(sub, command.setup(*sub));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help/version to stdout, errors to stderr
    return code == 0 ? kExitOk : kExitUsage;
  }
  try {
    for (auto& [sub, run] : runners)
      if (sub->parsed()) return run();
  } catch (const std::exception& e) {
    // A bug or an exhausted machine (bad_alloc): say so, never abort.
    std::cerr << "ftstatus: "
              << ftstatus::Problem("internal_error", {{"detail", e.what()}}).text(ftstatus::lang_from_environment())
              << '\n';
  }
  return kExitUsage;
}
