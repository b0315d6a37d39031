#pragma once
// The subcommand table's shape and what every subcommand shares.
#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "ftstatus/date.h"
#include "ftstatus/lang.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus::cli {

enum ExitCode { kExitOk = 0, kExitProblems = 1, kExitUsage = 2 };

// A subcommand adds its options to `app` and returns what to run once the
// command line has been parsed into them.
using Setup = std::function<int()> (*)(CLI::App& app);

struct Command {
  const char* name;
  const char* summary;
  Setup setup;
};

std::function<int()> setup_tree(CLI::App& app);
std::function<int()> setup_validate(CLI::App& app);

// --taxonomy FILE, the same on every subcommand.
struct TaxonomyOption {
  std::string path;
  void add_to(CLI::App& app);
  // Loads the file (or the built-in taxonomy); prints every error to stderr
  // and returns nullopt when the file is broken.
  std::optional<Taxonomy> load() const;
};

// --lang en|es; the default comes from LC_ALL / LANG.
struct LangOption {
  std::string value;
  void add_to(CLI::App& app);
  Lang get() const;
};

// --as-of YYYY-MM-DD (default today).
struct AsOfOption {
  std::string value;
  void add_to(CLI::App& app);
  Date get() const;  // call after parsing; the value was validated then
};

}  // namespace ftstatus::cli
