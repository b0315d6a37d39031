#include <iostream>

#include "command.h"
#include "ftstatus/loader.h"

namespace ftstatus::cli {

void TaxonomyOption::add_to(CLI::App& app) {
  app.add_option("--taxonomy", path, "Taxonomy YAML file to use instead of the built-in FastTrack one")
      ->type_name("FILE");
}

std::optional<Taxonomy> TaxonomyOption::load() const {
  LoadResult result = path.empty() ? load_builtin_taxonomy() : load_taxonomy_file(path);
  for (const Diagnostic& d : result.errors) std::cerr << "ftstatus: " << d.to_string() << '\n';
  if (!result.ok()) {
    std::cerr << "ftstatus: the taxonomy file has " << result.errors.size()
              << " error(s); fix them and run again\n";
    return std::nullopt;
  }
  return std::move(result.taxonomy);
}

void LangOption::add_to(CLI::App& app) {
  app.add_option("--lang", value, "Language of names and messages: en or es (default: es when LC_ALL/LANG starts with \"es\", else en)")
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
                                         : "\"" + text + "\" is not a real calendar day in YYYY-MM-DD form";
          },
          "DATE"));
}

Date AsOfOption::get() const { return value.empty() ? Date::today() : *Date::parse_iso(value); }

}  // namespace ftstatus::cli
