#pragma once
// Options every command that reads an export shares, beyond CsvInputOptions:
// how headers find columns (--map, --map-file, --allow-missing) and how the
// output's dialect may differ from the input's (--bom, --crlf, ...).
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ftstatus/columns.h"
#include "ftstatus/lang.h"
#include "ftstatus/pipeline.h"

namespace ftstatus::cli {

struct ColumnMapOptions {
  std::vector<std::string> maps;
  std::string map_file;
  std::vector<std::string> allow_missing;
  void add_to(CLI::App& app);
  // The maps and allowances, or an Error (a --map without '=', an unreadable
  // --map-file, an --allow-missing naming no column).
  Result get(const Schema& schema, ColumnOptions& out) const;
};

// --formulas keep|neutralize: whether CSV cells a spreadsheet would run as
// formulas get an apostrophe (unset: in Excel-dialect output and --errors).
struct FormulasOption {
  std::string value;
  void add_to(CLI::App& app);
  std::optional<bool> get() const;
};

struct DialectOptions {
  FormulasOption formulas;
  bool bom = false;
  bool no_bom = false;
  bool crlf = false;
  bool lf = false;
  void add_to(CLI::App& app);
  DialectOverrides get() const;
};

}  // namespace ftstatus::cli
