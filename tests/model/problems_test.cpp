#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ftstatus/classifier.h"
#include "ftstatus/problems.h"
#include "ftstatus/validator.h"

using ftstatus::Lang;
using ftstatus::Problem;
using ftstatus::ProblemInfo;
using ftstatus::Severity;

namespace {

std::string key_of(const ProblemInfo& info) {
  return info.variant.empty() ? std::string(info.code) : std::string(info.code) + "/" + std::string(info.variant);
}

std::set<std::string_view> fields_of(std::string_view pattern) {
  std::vector<std::string_view> names = ftstatus::pattern_fields(pattern);
  return {names.begin(), names.end()};
}

// Every code a classified row can carry, walked from the enum.
std::vector<std::string> row_codes() {
  std::vector<std::string> out;
  for (int i = 0; i <= static_cast<int>(ftstatus::RowCode::target_date_beyond_horizon); ++i)
    out.emplace_back(ftstatus::row_code_name(static_cast<ftstatus::RowCode>(i)));
  return out;
}

std::vector<std::string> validate_codes() {
  std::vector<std::string> out;
  for (ftstatus::Code code : ftstatus::all_codes()) out.emplace_back(ftstatus::code_name(code));
  return out;
}

bool in_catalogue(std::string_view key) {
  try {
    ftstatus::problem_info(key);
    return true;
  } catch (const std::out_of_range&) {
    return false;
  }
}

std::string read_readme() {
  std::ifstream in(std::string(FTSTATUS_SOURCE_DIR) + "/README.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The codes of README's tables "Problem codes of `COMMAND`:", by command:
// the backquoted names in the first cell of each row ("| `a`, `b` | meaning |").
std::map<std::string, std::set<std::string>> readme_code_tables(const std::string& readme) {
  std::map<std::string, std::set<std::string>> tables;
  std::istringstream lines(readme);
  std::string line;
  std::string command;
  bool in_table = false;
  while (std::getline(lines, line)) {
    const std::string heading = "Problem codes of `";
    if (line.rfind(heading, 0) == 0) {
      command = line.substr(heading.size(), line.find('`', heading.size()) - heading.size());
      tables[command];
      in_table = false;
      continue;
    }
    if (command.empty()) continue;
    if (line.rfind("|", 0) != 0) {
      if (in_table) command.clear();  // the table has ended
      continue;
    }
    in_table = true;
    std::string first_cell = line.substr(1, line.find('|', 1) - 1);
    for (std::size_t open = first_cell.find('`'); open != std::string::npos; open = first_cell.find('`', open)) {
      std::size_t close = first_cell.find('`', open + 1);
      tables[command].insert(first_cell.substr(open + 1, close - open - 1));
      open = close + 1;
    }
  }
  return tables;
}

}  // namespace

TEST_CASE("every catalogue entry has a message in both languages, and different ones", "[problems]") {
  for (const ProblemInfo& info : ftstatus::problem_catalogue()) {
    INFO(key_of(info));
    CHECK(!info.message_en.empty());
    CHECK(!info.message_es.empty());
    CHECK(info.message_en != info.message_es);
    CHECK(info.fix_en.empty() == info.fix_es.empty());
    if (!info.fix_en.empty()) CHECK(info.fix_en != info.fix_es);
  }
}

TEST_CASE("both languages of an entry use the same {fields}", "[problems]") {
  for (const ProblemInfo& info : ftstatus::problem_catalogue()) {
    INFO(key_of(info));
    CHECK(fields_of(info.message_en) == fields_of(info.message_es));
    CHECK(fields_of(info.fix_en) == fields_of(info.fix_es));
  }
}

TEST_CASE("every catalogue text is a pattern fmt accepts, and every field gets filled", "[problems]") {
  for (const ProblemInfo& info : ftstatus::problem_catalogue()) {
    INFO(key_of(info));
    Problem problem(key_of(info));
    for (std::string_view pattern : {info.message_en, info.message_es, info.fix_en, info.fix_es})
      for (std::string_view name : ftstatus::pattern_fields(pattern)) problem.with(name, "VALUE");
    for (Lang lang : {Lang::en, Lang::es}) {
      std::string message;
      std::string fix;
      REQUIRE_NOTHROW(message = problem.message(lang));
      REQUIRE_NOTHROW(fix = problem.fix(lang));
      // No {field} is left unfilled (a doubled brace is a literal one).
      if (info.message(lang).find("{{") == std::string_view::npos)
        CHECK(message.find_first_of("{}") == std::string::npos);
      if (info.fix(lang).find("{{") == std::string_view::npos) CHECK(fix.find_first_of("{}") == std::string::npos);
    }
  }
}

TEST_CASE("keys are unique and each variant is another wording of a main entry", "[problems]") {
  std::set<std::string> keys;
  for (const ProblemInfo& info : ftstatus::problem_catalogue()) {
    INFO(key_of(info));
    CHECK(keys.insert(key_of(info)).second);
    CHECK(&ftstatus::problem_info(key_of(info)) == &info);
    if (info.variant.empty()) continue;
    REQUIRE(in_catalogue(info.code));
    CHECK(ftstatus::problem_info(info.code).severity == info.severity);
  }
}

TEST_CASE("codes are lower-case snake_case names", "[problems]") {
  for (const ProblemInfo& info : ftstatus::problem_catalogue()) {
    INFO(key_of(info));
    CHECK(!info.code.empty());
    for (char c : info.code) CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'));
    for (char c : info.variant) CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'));
  }
}

TEST_CASE("Spanish questions open with ¿", "[problems]") {
  for (const ProblemInfo& info : ftstatus::problem_catalogue()) {
    INFO(key_of(info));
    for (std::string_view text : {info.message_es, info.fix_es})
      if (text.find('?') != std::string_view::npos) CHECK(text.find("¿") != std::string_view::npos);
  }
}

TEST_CASE("every code classify and validate can report is in the catalogue", "[problems]") {
  for (const std::string& code : row_codes()) {
    INFO(code);
    CHECK(in_catalogue(code));
  }
  // A classified row's target-date problems have their own, shorter wording.
  for (const char* key : {"target_date_missing/row", "target_date_invalid/row", "target_date_past/row",
                          "target_date_beyond_horizon/row", "invalid_value/enum"}) {
    INFO(key);
    CHECK(in_catalogue(key));
  }
  for (const std::string& code : validate_codes()) {
    INFO(code);
    CHECK(in_catalogue(code));
    CHECK(ftstatus::problem_info(code).severity == Severity::error);
  }
  for (const char* code :
       {"load_error", "rule_unreachable", "rule_duplicate", "rule_gap", "status_not_produced", "too_complex"}) {
    INFO(code);
    CHECK(in_catalogue(code));
  }
}

TEST_CASE("an unknown key is a programming error", "[problems]") {
  CHECK_THROWS_AS(ftstatus::problem_info("no_such_code"), std::out_of_range);
  CHECK_THROWS_AS(Problem("target_date_past/no_such_variant"), std::out_of_range);
  CHECK(Problem().code().empty());
  CHECK_THROWS(Problem().info());
}

TEST_CASE("a variant reports its code without the variant", "[problems]") {
  Problem problem("target_date_past/row");
  CHECK(problem.code() == "target_date_past");
  CHECK(problem.info().variant == "row");
  CHECK(problem.message(Lang::en) == "the target date is before the as-of date");
}

TEST_CASE("fill_fields fills named fields with fmt", "[problems]") {
  using Fields = std::vector<std::pair<std::string_view, std::string>>;
  CHECK(ftstatus::fill_fields("no fields", {}) == "no fields");
  CHECK(ftstatus::fill_fields("{a} and {b}, {a} again", Fields{{"a", "1"}, {"b", "2"}}) == "1 and 2, 1 again");
  SECTION("braces in values are printed as they are") {
    CHECK(ftstatus::fill_fields("value \"{value}\"", Fields{{"value", "{x} }{ {{"}}) == "value \"{x} }{ {{\"");
  }
  SECTION("a field without a value is left empty, an unused one is ignored") {
    CHECK(ftstatus::fill_fields("[{missing}]", Fields{{"other", "x"}}) == "[]");
  }
  SECTION("doubled braces are literal braces") {
    CHECK(ftstatus::fill_fields("{{{a}}}", Fields{{"a", "x"}}) == "{x}");
    CHECK(ftstatus::pattern_fields("{{not}} {yes}") == std::vector<std::string_view>{"yes"});
  }
}

TEST_CASE("Problem: fields, message, fix and the one-line text", "[problems]") {
  Problem problem("map_unknown_column", {{"column", "intention"}, {"origin", "--map"}});
  problem.with("map", "Intent=intention").with("columns", "intent, blocker").with("column", "intentions");
  CHECK(problem.field("column") == "intentions");
  CHECK(problem.field("nothing").empty());
  CHECK(problem.message(Lang::en) == "--map 'Intent=intention': there is no column 'intentions'");
  CHECK(problem.fix(Lang::en) == "the columns are: intent, blocker");
  CHECK(problem.text(Lang::en) ==
        "--map 'Intent=intention': there is no column 'intentions'; the columns are: intent, blocker");
  CHECK(problem.text(Lang::es) ==
        "--map 'Intent=intention': no existe la columna 'intentions'; las columnas son: intent, blocker");
  // Without a fix, the text is the message alone.
  CHECK(Problem("input_read_error").text(Lang::en) == "read error");
}

TEST_CASE("Error::to_string leaves out the parts of the position it does not know", "[problems]") {
  ftstatus::Error error{Problem("input_unclosed_quote", {{"field", "2"}}), "in.csv", 3, 7};
  const std::string text = "a quote opened here (field 2) is still open at the end of the file; close the quoted field";
  CHECK(error.to_string(Lang::en) == "in.csv:3:7: " + text);
  error.column = 0;
  CHECK(error.to_string(Lang::en) == "in.csv:3: " + text);
  error.line = 0;
  CHECK(error.to_string(Lang::en) == "in.csv: " + text);
  error.file.clear();
  CHECK(error.to_string(Lang::en) == text);
  CHECK(ftstatus::Error{Problem("input_is_folder"), "data", 0, 0}.to_string(Lang::es) ==
        "data: es una carpeta; indique un archivo CSV");
}

TEST_CASE("severity names", "[problems]") {
  CHECK(ftstatus::severity_name(Severity::error) == "error");
  CHECK(ftstatus::severity_name(Severity::warning) == "warning");
  CHECK(ftstatus::severity_name(Severity::note) == "note");
}

TEST_CASE("README's problem-code tables match the codes classify and validate report", "[problems][readme]") {
  std::map<std::string, std::set<std::string>> tables = readme_code_tables(read_readme());
  REQUIRE(tables.count("classify") == 1);
  REQUIRE(tables.count("validate") == 1);
  for (const auto& [command, codes] : tables) {
    for (const std::string& code : codes) {
      INFO("README table of " << command << " lists " << code);
      CHECK(in_catalogue(code));
    }
  }
  std::vector<std::string> classify = row_codes();
  std::vector<std::string> validate = validate_codes();
  CHECK(tables["classify"] == std::set<std::string>(classify.begin(), classify.end()));
  CHECK(tables["validate"] == std::set<std::string>(validate.begin(), validate.end()));
}

TEST_CASE("README's lint section names only catalogue codes", "[problems][readme]") {
  std::string readme = read_readme();
  std::size_t start = readme.find("\n### lint\n");
  REQUIRE(start != std::string::npos);
  std::size_t end = readme.find("\n## ", start);
  std::string section = readme.substr(start, end - start);
  std::set<std::string> named;
  for (std::size_t open = section.find('`'); open != std::string::npos; open = section.find('`', open)) {
    std::size_t close = section.find('`', open + 1);
    if (close == std::string::npos) break;
    std::string word = section.substr(open + 1, close - open - 1);
    bool snake = word.find('_') != std::string::npos &&
                 word.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
    if (snake) named.insert(word);
    open = close + 1;
  }
  for (const char* code : {"load_error", "rule_unreachable", "rule_duplicate", "rule_gap", "status_not_produced"})
    CHECK(named.count(code) == 1);
  for (const std::string& code : named) {
    INFO(code);
    CHECK(in_catalogue(code));
  }
}

TEST_CASE("load messages compose places in the same language", "[problems]") {
  auto place = [](Lang lang, const char* key, std::initializer_list<std::pair<std::string_view, std::string>> fields) {
    return Problem(key, fields).message(lang);
  };
  for (Lang lang : {Lang::en, Lang::es}) {
    std::string owner = place(lang, "load_place/of_status", {{"id", "open"}});
    std::string what = place(lang, "load_place/name_of", {{"owner", owner}});
    std::string text = Problem("load_error/not_text", {{"what", what}}).text(lang);
    CHECK(text == (lang == Lang::en ? "the name of status 'open' must be a non-empty text value"
                                    : "el nombre del estado 'open' debe ser un texto no vacío"));
  }
  CHECK(Problem("load_error/unknown_key", {{"key", "colour"}, {"where", "'taxonomy'"}, {"keys", "id, name"}})
            .text(Lang::en) == "unknown key 'colour' in 'taxonomy'; expected one of: id, name");
  CHECK(Problem("load_error/status_without_name", {{"label", "status 'x'"}}).text(Lang::en) ==
        "status 'x' has no 'name'; give name: {en: ..., es: ...}");
}
