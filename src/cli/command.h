#pragma once
// The subcommand table's shape and what every subcommand shares.
#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "ftstatus/classifier.h"
#include "io/csv.h"
#include "ftstatus/date.h"
#include "ftstatus/loader.h"
#include "ftstatus/schema.h"
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

std::function<int()> setup_classify(CLI::App& app);
std::function<int()> setup_codes(CLI::App& app);
std::function<int()> setup_lint(CLI::App& app);
std::function<int()> setup_tree(CLI::App& app);
std::function<int()> setup_validate(CLI::App& app);

// --taxonomy FILE, the same on every subcommand.
struct TaxonomyOption {
  std::string path;
  void add_to(CLI::App& app);
  // Loads the file (or the built-in taxonomy); prints every error to stderr
  // and returns nullopt when the file is broken.
  std::optional<Taxonomy> load() const;
  // The same, with the file's columns and rules.
  LoadResult load_full() const;
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

// How CSV input is read, the same for every command that reads one:
// --delimiter, --encoding, --date-format.
struct CsvInputOptions {
  std::string delimiter;
  std::string encoding = "utf-8";
  std::string date_format = "iso";
  void add_to(CLI::App& app);
  char delimiter_char() const;  // 0: detect
  Encoding encoding_value() const { return *parse_encoding(encoding); }
  DateFormat date_format_value() const { return *parse_date_format(date_format); }
};

// Reports why an input could not be read (a CsvError with its position, or
// another failure) and returns kExitUsage.
int input_error(const std::string& name, const std::exception& error);

// Flushes what a command printed; a write error (disk full, closed pipe)
// turns `code` into kExitUsage with a message, so no lost report exits 0.
int finish_output(int code);

// Opens FILE, or stdin for "-" or an empty path; prints why on failure.
std::FILE* open_input(const std::string& path);
// The name diagnostics use for an input path.
std::string input_name(const std::string& path);

// Reads the header record and binds it to the classifier's schema; prints
// file:line:column and returns false when the file has no usable header.
bool read_header(CsvReader& reader, Record& record, Classifier& classifier, const std::string& name);

// Writes to a temporary file beside `path` and renames it into place only on
// commit(), so a failed run leaves an existing output file as it was. An
// empty path or "-" writes to stdout.
class AtomicOutput {
 public:
  explicit AtomicOutput(std::string path) : path_(std::move(path)) {}
  ~AtomicOutput();
  std::FILE* open();  // nullptr after printing why
  bool commit();
 private:
  std::string path_;
  std::string temp_;
  std::FILE* file_ = nullptr;
};

}  // namespace ftstatus::cli
