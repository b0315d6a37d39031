// The built-in taxonomy compiled at build time (src/load/builtin_generator.cpp)
// is exactly what the loader makes of taxonomy/fasttrack.yaml, field by field.
// Each struct is taken apart with a structured binding, so a field added to
// one of them stops this test from compiling until it is compared here (and
// the generator from compiling until it writes it).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ftstatus/loader.h"
#include "load/builtin.h"

namespace {

using namespace ftstatus;

// Every path where two values differ ("rules[3].when.children[1].mask").
struct Differences {
  std::vector<std::string> paths;

  template <typename T>
  void compare(const T& a, const T& b, const std::string& path) {
    if (!(a == b)) paths.push_back(path);
  }

  template <typename T>
  void compare(const std::vector<T>& a, const std::vector<T>& b, const std::string& path) {
    if (a.size() != b.size()) {
      paths.push_back(path + ".size()");
      return;
    }
    for (std::size_t i = 0; i < a.size(); ++i) compare(a[i], b[i], path + "[" + std::to_string(i) + "]");
  }

  void compare(const LocalizedText& a, const LocalizedText& b, const std::string& path) {
    const auto& [en, es] = a;
    compare(en, b.en, path + ".en");
    compare(es, b.es, path + ".es");
  }

  void compare(const TargetDatePolicy& a, const TargetDatePolicy& b, const std::string& path) {
    const auto& [required, meaning, max_days_ahead, propose_days] = a;
    compare(required, b.required, path + ".required");
    compare(meaning, b.meaning, path + ".meaning");
    compare(max_days_ahead, b.max_days_ahead, path + ".max_days_ahead");
    compare(propose_days, b.propose_days, path + ".propose_days");
  }

  void compare(const Status& a, const Status& b, const std::string& path) {
    const auto& [id, level, name, description, notes, aliases, target_date, leaf, parent, children, line] = a;
    compare(id, b.id, path + ".id");
    compare(level, b.level, path + ".level");
    compare(name, b.name, path + ".name");
    compare(description, b.description, path + ".description");
    compare(notes, b.notes, path + ".notes");
    compare(aliases, b.aliases, path + ".aliases");
    compare(target_date, b.target_date, path + ".target_date");
    compare(leaf, b.leaf, path + ".leaf");
    compare(parent, b.parent, path + ".parent");
    compare(children, b.children, path + ".children");
    compare(line, b.line, path + ".line");
  }

  void compare(const Column& a, const Column& b, const std::string& path) {
    const auto& [id, type, values, value_aliases, required, optional, unique, aliases, line] = a;
    compare(id, b.id, path + ".id");
    compare(type, b.type, path + ".type");
    compare(values, b.values, path + ".values");
    compare(value_aliases, b.value_aliases, path + ".value_aliases");
    compare(required, b.required, path + ".required");
    compare(optional, b.optional, path + ".optional");
    compare(unique, b.unique, path + ".unique");
    compare(aliases, b.aliases, path + ".aliases");
    compare(line, b.line, path + ".line");
  }

  void compare(const Condition& a, const Condition& b, const std::string& path) {
    const auto& [kind, column, type, cmp, number, relative_days, match_empty, mask, numbers, strings, children, source,
                 line, col] = a;
    compare(kind, b.kind, path + ".kind");
    compare(column, b.column, path + ".column");
    compare(type, b.type, path + ".type");
    compare(cmp, b.cmp, path + ".cmp");
    compare(number, b.number, path + ".number");
    compare(relative_days, b.relative_days, path + ".relative_days");
    compare(match_empty, b.match_empty, path + ".match_empty");
    compare(mask, b.mask, path + ".mask");
    compare(numbers, b.numbers, path + ".numbers");
    compare(strings, b.strings, path + ".strings");
    compare(children, b.children, path + ".children");
    compare(source, b.source, path + ".source");
    compare(line, b.line, path + ".line");
    compare(col, b.col, path + ".col");
  }

  void compare(const Rule& a, const Rule& b, const std::string& path) {
    const auto& [id, description, when, then, line] = a;
    compare(id, b.id, path + ".id");
    compare(description, b.description, path + ".description");
    compare(when, b.when, path + ".when");
    compare(then, b.then, path + ".then");
    compare(line, b.line, path + ".line");
  }

  void compare(const RuleSet& a, const RuleSet& b, const std::string& path) {
    const auto& [schema, rules] = a;
    const auto& [columns] = schema;
    compare(columns, b.schema.columns, path + ".schema.columns");
    compare(rules, b.rules, path + ".rules");
  }

  // Taxonomy keeps its tree and name index private: the tree is compared
  // through statuses() and roots(), the index through every lookup it serves.
  void compare(const Taxonomy& a, const Taxonomy& b, const std::string& path) {
    compare(a.id, b.id, path + ".id");
    compare(a.name, b.name, path + ".name");
    compare(a.source, b.source, path + ".source");
    compare(a.max_days_ahead, b.max_days_ahead, path + ".max_days_ahead");
    compare(a.statuses(), b.statuses(), path + ".statuses()");
    compare(a.roots(), b.roots(), path + ".roots()");
    if (a.statuses().size() != b.statuses().size()) return;
    for (std::size_t i = 0; i < a.statuses().size(); ++i) {
      const auto index = static_cast<StatusIndex>(i);
      const std::string at = path + ".keys(" + std::to_string(i) + ")";
      compare(a.keys(index), b.keys(index), at);
      for (const std::string& key : a.keys(index)) {
        for (int level = 1; level <= 3; ++level)
          compare(a.find_at_level(level, key), b.find_at_level(level, key),
                  at + " find_at_level(" + std::to_string(level) + ", " + key + ")");
        for (StatusIndex parent = kNoStatus; parent < index; ++parent)
          compare(a.find_child(parent, key), b.find_child(parent, key),
                  at + " find_child(" + std::to_string(parent) + ", " + key + ")");
      }
    }
  }

  void compare(const LoadResult& a, const LoadResult& b) {
    compare(a.ok(), b.ok(), "ok()");
    if (a.ok() && b.ok()) compare(*a.taxonomy, *b.taxonomy, "taxonomy");
    compare(a.rules, b.rules, "rules");
    compare(a.errors.size(), b.errors.size(), "errors.size()");
    compare(a.unreadable, b.unreadable, "unreadable");
  }
};

// Taxonomy's members, public and private, as the comparison above knows them: a
// member added to Taxonomy changes its size and fails here until it is compared.
struct TaxonomyMembers {
  std::string id;
  LocalizedText name;
  std::string source;
  int max_days_ahead;
  std::vector<Status> statuses;
  std::vector<StatusIndex> roots;
  std::unordered_map<std::string, std::vector<StatusIndex>> by_key;
};
static_assert(sizeof(Taxonomy) == sizeof(TaxonomyMembers), "compare the new Taxonomy member above");

std::string all(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += p + "\n";
  return out;
}

}  // namespace

TEST_CASE("the compiled built-in taxonomy is what the loader gives for taxonomy/fasttrack.yaml", "[load][builtin]") {
  for (const Lang lang : {Lang::en, Lang::es}) {
    const LoadResult compiled = load_builtin_taxonomy(lang);
    REQUIRE(compiled.ok());
    for (const std::string& source :
         {std::string(builtin_taxonomy_text()), std::string(FTSTATUS_SOURCE_DIR "/taxonomy/fasttrack.yaml")}) {
      const bool is_file = source.ends_with(".yaml");
      const LoadResult loaded = is_file ? load_taxonomy_file(source, lang)
                                        : load_taxonomy(source, std::string(builtin_taxonomy_name()), lang);
      REQUIRE(loaded.ok());
      Differences differences;
      differences.compare(compiled, loaded);
      INFO((is_file ? "the file" : "the embedded text") << ", lang " << (lang == Lang::en ? "en" : "es"));
      INFO(all(differences.paths));
      CHECK(differences.paths.empty());
    }
  }
}

TEST_CASE("the built-in comparison finds a difference deep inside a rule", "[load][builtin]") {
  const LoadResult compiled = load_builtin_taxonomy();
  LoadResult changed = load_builtin_taxonomy();
  REQUIRE(compiled.ok());
  Rule* nested = nullptr;
  for (Rule& rule : changed.rules.rules)
    if (!rule.when.children.empty()) nested = &rule;
  REQUIRE(nested != nullptr);
  nested->when.children.back().line += 1;
  Differences differences;
  differences.compare(compiled, changed);
  REQUIRE(differences.paths.size() == 1);
  CHECK(differences.paths.front().ends_with("].line"));
  CHECK(differences.paths.front().starts_with("rules.rules["));
}
