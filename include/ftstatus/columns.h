#pragma once
// ftstatus public API, layer: engine.
// Column accounting: before any row is read, every input header is matched
// to a schema column (exactly, through an alias, by a reported guess, or as
// the user mapped it), and every column the rules need is found or declared
// missing. A run never silently reads a column it could not find.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/problems.h"
#include "ftstatus/rules.h"

namespace ftstatus {

// --map 'HEADER=column': this input header holds this schema column.
struct HeaderMapping {
  std::string header;
  std::string column;
  std::string origin;  // where it was given ("--map", "cols.txt:3"), for messages
};

struct ColumnOptions {
  std::vector<HeaderMapping> maps;
  // Columns that may be absent (then empty on every row); "all" means every one.
  std::vector<std::string> allow_missing;
};

// "HEADER=column", split at the last '=' (headers may contain one, ids
// cannot); nullopt when there is no '=' or either side is empty.
std::optional<HeaderMapping> parse_mapping(std::string_view text);
// Reads a --map-file: one HEADER=column a line; blank lines and lines
// starting with '#' are skipped. The Error names the file and line.
Result read_map_file(const std::string& path, std::vector<HeaderMapping>& maps);

enum class MatchKind { exact, alias, guessed, mapped, unused, output };
std::string_view match_kind_name(MatchKind kind);

// One input header and what it became.
struct HeaderMatch {
  std::size_t field = 0;
  std::string header;
  MatchKind kind = MatchKind::unused;
  int column = -1;     // schema column, when matched
  int output = -1;     // which of ftstatus's own added columns (output_column_names()), for MatchKind::output
  std::string origin;  // where the map was given, for MatchKind::mapped
};

// A column the rules (or the schema) need that no header gives.
struct MissingColumn {
  int column = -1;
  bool allowed = false;                 // by --allow-missing: the run goes on with it empty
  std::vector<std::string> candidates;  // unmatched headers that might be it, best first
  std::string suggestion;               // the one header to --map, when one stands out
};

struct ColumnReport {
  std::vector<HeaderMatch> headers;    // every input header, in file order
  std::vector<MissingColumn> missing;  // needed and absent, in schema order
  std::vector<int> field_of_column;    // by schema column: input field, or -1

  // A needed column is absent and not allowed: the run must stop.
  bool stops() const;
  // Something the user should see: a guess, a map, an unused header, a missing column.
  bool notable() const;
  // The Problem that stops the run: every missing column, the headers that
  // might be it and the --map to type. Only when stops().
  Problem stop_problem(const Schema& schema) const;
};

// The columns ftstatus itself adds to its output (suggested_l1, ..., rule,
// problems, changed, explanation). An input that has them (an output
// classified again) gets them replaced in place.
const std::vector<std::string>& output_column_names();

// Matches `header` to the schema of `rules`. Fails (an Error without a
// position) when a map names an unknown column or a header the file does not
// have, or when two headers give one column.
Result account_columns(const RuleSet& rules, const std::vector<std::string_view>& header, const ColumnOptions& options,
                       ColumnReport& report);

// When the run stops for missing columns: puts first, among each missing
// column's candidates, the unused headers whose values in `rows` (a sample,
// by input field) all read as that column's type - enum values, booleans,
// dates - so the message can name the header to --map even when no word of
// it matches ("Rollout" holding enabled/onboarding is `deployment`).
void rank_candidates_by_values(const Schema& schema, const std::vector<std::vector<std::string>>& rows,
                               ColumnReport& report);

// Whether each schema column is needed: required, or read by a rule.
std::vector<bool> columns_read_by_rules(const RuleSet& rules);

}  // namespace ftstatus
