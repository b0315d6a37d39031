#include "input_options.h"

#include <fmt/format.h>

#include "cli_text.h"

namespace ftstatus::cli {

void ColumnMapOptions::add_to(CLI::App& app) {
  app.add_option("--map", maps, help_text("option_map"))->allow_extra_args(false)->type_name("HEADER=COLUMN");
  app.add_option("--map-file", map_file, help_text("option_map_file"))->type_name("FILE");
  app.add_option("--allow-missing", allow_missing, help_text("option_allow_missing"))
      ->allow_extra_args(false)
      ->type_name("COLUMN");
}

Result ColumnMapOptions::get(const Schema& schema, ColumnOptions& out) const {
  out = ColumnOptions{};
  if (!map_file.empty())
    if (Result s = read_map_file(map_file, out.maps); !s.ok()) return s;
  for (const std::string& text : maps) {
    std::optional<HeaderMapping> map = parse_mapping(text);
    if (!map) return Error{Problem("usage_bad_map", {{"value", text}})};
    out.maps.push_back(std::move(*map));
  }
  for (const std::string& column : allow_missing) {
    if (column != "all" && schema.find(column) < 0) {
      std::vector<std::string> ids;
      for (const Column& c : schema.columns) ids.push_back(c.id);
      return Error{Problem("usage_bad_allow_missing",
                           {{"value", column}, {"columns", fmt::format("{}", fmt::join(ids, ", "))}})};
    }
    if (const int c = schema.find(column); c >= 0 && schema.columns[static_cast<std::size_t>(c)].required)
      return Error{Problem("usage_allow_missing_required", {{"value", column}})};
    out.allow_missing.push_back(column);
  }
  return {};
}

void FormulasOption::add_to(CLI::App& app) {
  app.add_option("--formulas", value, help_text("option_formulas"))->check(one_of({"keep", "neutralize"}));
}

std::optional<bool> FormulasOption::get() const {
  if (value.empty()) return std::nullopt;
  return value != "keep";
}

void DialectOptions::add_to(CLI::App& app) {
  formulas.add_to(app);
  auto* with_bom = app.add_flag("--bom", bom, help_text("option_bom"));
  auto* without_bom = app.add_flag("--no-bom", no_bom, help_text("option_no_bom"));
  with_bom->excludes(without_bom);
  auto* with_crlf = app.add_flag("--crlf", crlf, help_text("option_crlf"));
  auto* with_lf = app.add_flag("--lf", lf, help_text("option_lf"));
  with_crlf->excludes(with_lf);
}

DialectOverrides DialectOptions::get() const {
  DialectOverrides out;
  if (bom) out.bom = true;
  if (no_bom) out.bom = false;
  if (crlf) out.line_ending = LineEnding::crlf;
  if (lf) out.line_ending = LineEnding::lf;
  out.neutralize_formulas = formulas.get();
  return out;
}

}  // namespace ftstatus::cli
