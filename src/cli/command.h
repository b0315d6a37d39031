#pragma once
// The subcommand table's shape and what every subcommand shares.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli_text.h"
#include "ftstatus/classifier.h"
#include "ftstatus/date.h"
#include "ftstatus/lang.h"
#include "ftstatus/loader.h"
#include "ftstatus/pipeline.h"
#include "ftstatus/problems.h"
#include "ftstatus/schema.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus::cli {

enum ExitCode { kExitOk = 0, kExitProblems = 1, kExitUsage = 2 };

// A subcommand adds its options to `app` and returns what to run once the
// command line has been parsed into them.
using Setup = std::function<int()> (*)(CLI::App& app);

// `ftstatus --help` describes each command with the catalogue's help/command_NAME.
struct Command {
  const char* name;
  Setup setup;
};

std::function<int()> setup_classify(CLI::App& app);
std::function<int()> setup_codes(CLI::App& app);
std::function<int()> setup_columns(CLI::App& app);
std::function<int()> setup_diff(CLI::App& app);
std::function<int()> setup_lint(CLI::App& app);
std::function<int()> setup_report(CLI::App& app);
std::function<int()> setup_tree(CLI::App& app);
std::function<int()> setup_validate(CLI::App& app);

// --taxonomy FILE, the same on every subcommand.
struct TaxonomyOption {
  std::string path;
  LoadLimits limits;  // --taxonomy-max-mib, -depth, -nodes, -rules, -columns
  std::uint64_t max_mib = LoadLimits{}.max_file_bytes >> 20;
  void add_to(CLI::App& app);
  // The file (or the built-in taxonomy) with the limits given; prints nothing.
  LoadResult read(Lang lang) const;
  // Loads the file (or the built-in taxonomy); prints every error to stderr
  // and returns nullopt when the file is broken.
  std::optional<Taxonomy> load(Lang lang) const;
  // The same, with the file's columns and rules.
  LoadResult load_full(Lang lang) const;
};

// --lang en|es; the default is the run's language (cli_text.h: --lang anywhere
// on the command line, else LC_ALL, LC_MESSAGES, LANG).
struct LangOption {
  std::string value;
  void add_to(CLI::App& app);
  Lang get() const;
};

// --color never|auto|always: declared where text may be coloured, for
// --help and the check of its value; the run's choice is read from the whole
// command line (cli_text.h: color_from_command_line).
struct ColorOption {
  std::string value;
  void add_to(CLI::App& app);
};

// --as-of YYYY-MM-DD (default today).
struct AsOfOption {
  std::string value;
  void add_to(CLI::App& app);
  Date get() const;  // call after parsing; the value was validated then
};

// How CSV input is read, the same for every command that reads one:
// --delimiter, --encoding, --date-format.
struct CsvInputOptions {
  std::string delimiter;
  std::string encoding = "auto";
  std::string sheet;
  std::uint64_t xlsx_max_mib = 4096;
  std::uint64_t xlsx_max_ratio = 200;
  std::uint64_t xlsx_max_cells = 100'000'000;
  std::uint64_t xlsx_max_string_kib = 1024;
  std::uint64_t max_record_mib = 64;
  std::uint64_t max_fields = 1'000'000;
  std::string date_format = "auto";
  void add_to(CLI::App& app);
  char delimiter_char() const;  // 0: detect
  Encoding encoding_value() const { return *parse_encoding(encoding); }
  CsvReadOptions read_options() const {
    CsvReadOptions options{delimiter_char(), encoding_value(),         sheet, xlsx_max_mib << 20, xlsx_max_ratio,
                           xlsx_max_cells,   xlsx_max_string_kib << 10};
    options.max_record_bytes = std::min<std::uint64_t>(max_record_mib, std::uint64_t(1) << 20) << 20;
    options.max_fields = max_fields;
    return options;
  }
  DateFormat date_format_value() const { return *parse_date_format(date_format); }
};

// Prints "ftstatus: " and the error in `lang` to stderr; returns kExitUsage.
int report_error(const Error& error, Lang lang);
// Prints "ftstatus COMMAND: " and the problem's message; returns kExitUsage.
int report_usage(std::string_view command, const Problem& problem, Lang lang);

// Flushes what a command printed; a write error (disk full, closed pipe)
// turns `code` into kExitUsage with a message, so no lost report exits 0.
int finish_output(int code);

}  // namespace ftstatus::cli
