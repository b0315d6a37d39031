#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli_text.h"
#include "command.h"
#include "ftstatus/loader.h"
#include "io/output_file.h"

namespace ftstatus::cli {

namespace {

// Sizes in MiB are capped here so that converting them to bytes cannot overflow (a TiB is plenty).
constexpr std::uint64_t kMaxMib = std::uint64_t(1) << 20;

}  // namespace

void TaxonomyOption::add_to(CLI::App& app) {
  app.add_option("--taxonomy", path, help_text("option_taxonomy"))->type_name("FILE");
  app.add_option("--taxonomy-max-mib", max_mib, help_text("option_taxonomy_max_mib"))
      ->type_name("INT")
      ->capture_default_str();
  app.add_option("--taxonomy-max-depth", limits.max_depth, help_text("option_taxonomy_max_depth"))
      ->type_name("INT")
      ->capture_default_str();
  app.add_option("--taxonomy-max-nodes", limits.max_nodes, help_text("option_taxonomy_max_nodes"))
      ->type_name("INT")
      ->capture_default_str();
  app.add_option("--taxonomy-max-rules", limits.max_rules, help_text("option_taxonomy_max_rules"))
      ->type_name("INT")
      ->capture_default_str();
  app.add_option("--taxonomy-max-columns", limits.max_columns, help_text("option_taxonomy_max_columns"))
      ->type_name("INT")
      ->capture_default_str();
}

LoadResult TaxonomyOption::read(Lang lang) const {
  LoadLimits with_size = limits;
  with_size.max_file_bytes = std::min<std::uint64_t>(max_mib, kMaxMib) << 20;
  return path.empty() ? load_builtin_taxonomy(lang) : load_taxonomy_file(path, lang, with_size);
}

std::optional<Taxonomy> TaxonomyOption::load(Lang lang) const {
  LoadResult result = load_full(lang);
  return std::move(result.taxonomy);
}

LoadResult TaxonomyOption::load_full(Lang lang) const {
  LoadResult result = read(lang);
  for (const Diagnostic& d : result.errors) std::cerr << "ftstatus: " << d.to_string() << '\n';
  if (!result.ok())
    std::cerr << "ftstatus: "
              << Problem("taxonomy_errors", {{"count", std::to_string(result.errors.size())}}).text(lang) << '\n';
  return result;
}

void LangOption::add_to(CLI::App& app) {
  app.add_option("--lang", value, help_text("option_lang"))->check(one_of({"en", "es"}, /*ignore_case=*/true));
}

Lang LangOption::get() const {
  if (value.empty()) return run_lang();
  return parse_lang(value).value_or(run_lang());
}

void ColorOption::add_to(CLI::App& app) {
  app.add_option("--color", value, help_text("option_color"))->check(one_of({"never", "auto", "always"}, false));
}

void AsOfOption::add_to(CLI::App& app) {
  app.add_option("--as-of", value, help_text("option_as_of"))
      ->type_name("DATE")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            return Date::parse_iso(text) ? std::string()
                                         : Problem("usage_bad_date", {{"value", text}}).text(run_lang());
          },
          ""));
}

Date AsOfOption::get() const { return value.empty() ? Date::today() : *Date::parse_iso(value); }

void CsvInputOptions::add_to(CLI::App& app) {
  app.add_option("--delimiter", delimiter, help_text("option_delimiter"))
      ->type_name("CHAR")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            for (const char* ok : {",", ";", "tab", "\t", "\\t", "comma", "semicolon"})
              if (text == ok) return {};
            return Problem("usage_bad_delimiter", {{"value", text}}).text(run_lang());
          },
          ""));
  app.add_option("--encoding", encoding, help_text("option_encoding"))
      ->check(one_of({"auto", "utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be", "cp1252", "windows-1252",
                      "latin1", "iso-8859-1"},
                     /*ignore_case=*/true))
      ->capture_default_str();
  app.add_option("--sheet", sheet, help_text("option_sheet"))->type_name("NAME");
  app.add_option("--xlsx-max-mib", xlsx_max_mib, help_text("option_xlsx_max_mib"))
      ->type_name("INT")
      ->capture_default_str();
  app.add_option("--xlsx-max-ratio", xlsx_max_ratio, help_text("option_xlsx_max_ratio"))
      ->type_name("INT")
      ->capture_default_str();
  app.add_option("--xlsx-max-cells", xlsx_max_cells, help_text("option_xlsx_max_cells"))
      ->type_name("INT")
      ->capture_default_str();
  app.add_option("--xlsx-max-string-kib", xlsx_max_string_kib, help_text("option_xlsx_max_string_kib"))
      ->type_name("INT")
      ->capture_default_str();
  app.add_option("--max-record-mib", max_record_mib, help_text("option_max_record_mib"))
      ->type_name("INT")
      ->capture_default_str();
  app.add_option("--max-fields", max_fields, help_text("option_max_fields"))->type_name("INT")->capture_default_str();
  app.add_option("--date-format", date_format, help_text("option_date_format"))
      ->check(one_of({"auto", "iso", "ymd", "mdy", "dmy"}))
      ->capture_default_str();
}

char CsvInputOptions::delimiter_char() const {
  if (delimiter.empty()) return 0;
  if (delimiter == "tab" || delimiter == "\\t") return '\t';
  if (delimiter == "comma") return ',';
  if (delimiter == "semicolon") return ';';
  return delimiter[0];
}

int report_error(const Error& error, Lang lang) {
  std::cerr << "ftstatus: " << error.to_string(lang) << '\n';
  return kExitUsage;
}

int report_usage(std::string_view command, const Problem& problem, Lang lang) {
  std::cerr << "ftstatus " << command << ": " << problem.text(lang) << '\n';
  return kExitUsage;
}

int finish_output(int code) {
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout))
    return report_error(output_write_error("<stdout>", errno).error(), run_lang());
  return code;
}

}  // namespace ftstatus::cli
