// ftstatus: classify and check FastTrack entitlement statuses.
#include <unistd.h>

#include <exception>
#include <iostream>
#include <new>
#include <string_view>
#include <vector>

#include "command.h"
#include "ftstatus/version.h"
#include "io/temporary_files.h"

namespace {

using namespace ftstatus::cli;

// One row per subcommand, in the order `ftstatus --help` lists them; each
// is described by the catalogue's help/command_NAME.
const Command kCommands[] = {
    {"classify", setup_classify}, {"codes", setup_codes},   {"columns", setup_columns}, {"diff", setup_diff},
    {"lint", setup_lint},         {"report", setup_report}, {"tree", setup_tree},       {"validate", setup_validate},
};

// Whether `name` is one of the arguments. CLI11 takes a subcommand only by its
// exact name, so a command that is not named cannot be the one that runs:
// it is added bare (--help and the errors still list it with its
// description) and its options are never built, which was a measurable part
// of a small run's start-up.
bool named_on_command_line(std::string_view name, int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (name == argv[i]) return true;
  return false;
}

}  // namespace

// An exception that cannot unwind (thrown from a destructor or a noexcept
// function) ends here rather than in abort(): temporary files are removed and
// the exit status is 2, as for any error.
// The message is made at start-up: nothing may allocate by then.
std::string g_terminate_message;

[[noreturn]] void on_terminate() {
  ftstatus::remove_temporaries_now();
  (void)!write(STDERR_FILENO, g_terminate_message.data(), g_terminate_message.size());
  _exit(kExitUsage);
}

int main(int argc, char** argv) {
  ftstatus::remove_temporaries_on_signal();
  std::set_terminate(on_terminate);
  // Decided before any option is declared, so that help texts are in it too.
  set_run_lang(lang_from_command_line(argc, argv));
  set_run_color(color_from_command_line(argc, argv));
  g_terminate_message =
      "ftstatus: " + ftstatus::Problem("internal_error", {{"detail", "std::terminate"}}).text(run_lang()) + "\n";
  CLI::App app;
  localize_app(app);
  app.require_subcommand(1);
  // Accepted before the command too (`ftstatus --lang es tree`); the language was decided above.
  LangOption lang;
  lang.add_to(app);
  ColorOption color;
  color.add_to(app);

  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (const Command& command : kCommands) {
    CLI::App* sub = add_command(app, command.name);
    if (named_on_command_line(command.name, argc, argv)) runners.emplace_back(sub, command.setup(*sub));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_parse_error(app, e, argc, argv) == 0 ? kExitOk : kExitUsage;
  }
  CLI::App* command = nullptr;
  try {
    for (auto& [sub, run] : runners)
      if (sub->parsed()) {
        command = sub;
        return run();
      }
  } catch (const std::bad_alloc&) {
    // Unwinding has closed and removed the temporary files; say what was running.
    std::string file;
    if (command != nullptr)
      if (const CLI::Option* input = command->get_option_no_throw("FILE"); input != nullptr && input->count() > 0)
        file = input->results().front();
    const std::string name = command != nullptr ? command->get_name() : std::string();
    const ftstatus::Problem problem =
        file.empty() ? ftstatus::Problem("out_of_memory", {{"command", name}})
                     : ftstatus::Problem("out_of_memory/on_file", {{"command", name}, {"file", file}});
    std::cerr << "ftstatus: " << problem.text(run_lang()) << '\n';
  } catch (const std::exception& e) {
    // A bug: say so, never abort.
    std::cerr << "ftstatus: " << ftstatus::Problem("internal_error", {{"detail", e.what()}}).text(run_lang()) << '\n';
  }
  return kExitUsage;
}
