#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "command.h"
#include "ftstatus/loader.h"

namespace ftstatus::cli {

void TaxonomyOption::add_to(CLI::App& app) {
  app.add_option("--taxonomy", path, "Taxonomy YAML file to use instead of the built-in FastTrack one")
      ->type_name("FILE");
}

std::optional<Taxonomy> TaxonomyOption::load(Lang lang) const {
  LoadResult result = load_full(lang);
  return std::move(result.taxonomy);
}

LoadResult TaxonomyOption::load_full(Lang lang) const {
  LoadResult result = path.empty() ? load_builtin_taxonomy(lang) : load_taxonomy_file(path, lang);
  for (const Diagnostic& d : result.errors) std::cerr << "ftstatus: " << d.to_string() << '\n';
  if (!result.ok())
    std::cerr << "ftstatus: "
              << Problem("taxonomy_errors", {{"count", std::to_string(result.errors.size())}}).text(lang) << '\n';
  return result;
}

void LangOption::add_to(CLI::App& app) {
  app.add_option("--lang", value,
                 "Language of names and messages: en or es (default: es when LC_ALL/LANG starts with \"es\", else en)")
      ->check(CLI::IsMember({"en", "es"}, CLI::ignore_case));
}

Lang LangOption::get() const {
  if (value.empty()) return lang_from_environment();
  return parse_lang(value).value_or(Lang::en);
}

void AsOfOption::add_to(CLI::App& app) {
  app.add_option("--as-of", value, "The day target dates are checked against, YYYY-MM-DD (default: today)")
      ->type_name("DATE")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            return Date::parse_iso(text) ? std::string()
                                         : Problem("usage_bad_date", {{"value", text}}).text(lang_from_environment());
          },
          ""));
}

Date AsOfOption::get() const { return value.empty() ? Date::today() : *Date::parse_iso(value); }

void CsvInputOptions::add_to(CLI::App& app) {
  app.add_option("--delimiter", delimiter, "Field delimiter: ',', ';' or 'tab' (default: detected from the header)")
      ->type_name("D")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            for (const char* ok : {",", ";", "tab", "\t", "\\t", "comma", "semicolon"})
              if (text == ok) return {};
            return Problem("usage_bad_delimiter", {{"value", text}}).text(lang_from_environment());
          },
          ""));
  app.add_option("--encoding", encoding, "Input encoding: utf-8 or cp1252 (Excel on Windows)")
      ->check(CLI::IsMember({"utf-8", "utf8", "cp1252", "windows-1252"}, CLI::ignore_case))
      ->capture_default_str();
  app.add_option("--date-format", date_format, "Date cells: iso (YYYY-MM-DD), mdy (M/D/YYYY) or dmy (D/M/YYYY)")
      ->check(CLI::IsMember({"iso", "mdy", "dmy"}))
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
    return report_error(Error{Problem("output_write_failed", {{"reason", std::strerror(errno)}})},
                        lang_from_environment());
  return code;
}

}  // namespace ftstatus::cli
