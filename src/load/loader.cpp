#include "ftstatus/loader.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "load/builtin.h"
#include "load/rules_loader.h"
#include "load/yaml_reader.h"
#include "model/names.h"

namespace ftstatus {

namespace {

constexpr int kMaxLevels = 3;

const char* level_name(int level) { return level == 1 ? "L1" : level == 2 ? "L2" : "L3"; }

// Finds the first alias (*name). A taxonomy has no use for them, and an alias
// can make the tree cyclic or exponentially large, so they are refused before
// the tree is built.
class AliasFinder : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> alias;
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (!alias) alias = mark;
  }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Walks the YAML tree once, collecting every error rather than stopping at the
// first, so one run shows the author everything to fix.
class Loader : public detail::YamlReader {
 public:
  Loader(std::string file, Lang lang) : YamlReader(std::move(file), lang) {}

  LoadResult load(std::string_view text) {
    LoadResult result;
    YAML::Node root;
    try {
      std::istringstream stream{std::string(text)};
      YAML::Parser parser(stream);
      AliasFinder finder;
      parser.HandleNextDocument(finder);  // YAML::Load reads only the first document too
      if (finder.alias) {
        error(*finder.alias, "yaml_alias");
        result.errors = std::move(errors_);
        return result;
      }
      root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
      error(e.mark, "not_yaml", {{"reason", e.msg}});
      result.errors = std::move(errors_);
      return result;
    }
    try {
      index_empty_values(root);
      read_root(root);
    } catch (const YAML::Exception& e) {
      // yaml-cpp throws on conversions we did not foresee; report, never crash.
      error(e.mark, "unreadable_value", {{"reason", e.msg}});
    }
    if (errors_.empty()) {
      result.taxonomy = std::move(taxonomy_);
      result.rules = std::move(rules_);
    }
    result.errors = std::move(errors_);
    return result;
  }

 private:
  void read_root(const YAML::Node& root) {
    if (!root || root.IsNull()) {
      error(YAML::Mark(), "empty_file");
      return;
    }
    const std::string top = place({});
    if (!expect_map(root, top)) return;
    check_keys(root, {"taxonomy", "statuses", "columns", "rules"}, top);
    if (const YAML::Node header = root["taxonomy"]) {
      read_header(header);
    } else {
      error(mark(root), "no_taxonomy");
    }
    const YAML::Node statuses = root["statuses"];
    if (!statuses) {
      error(mark(root), "no_statuses");
      return;
    }
    read_status_list(statuses, kNoStatus, 1);
    if (const YAML::Node columns = root["columns"]) detail::read_columns(*this, columns, rules_.schema);
    if (const YAML::Node rules = root["rules"]) {
      if (!root["columns"])
        error(mark(rules), "rules_without_columns");
      else
        detail::read_rules(*this, rules, rules_.schema, taxonomy_, rules_.rules);
    }
  }

  void read_header(const YAML::Node& node) {
    if (!expect_map(node, "'taxonomy'")) return;
    check_keys(node, {"id", "name", "source", "max_days_ahead"}, "'taxonomy'");
    if (node["id"])
      read_id(node["id"], "taxonomy.id", taxonomy_.id);
    else
      error(mark(node), "no_taxonomy_id");
    if (node["name"])
      read_text(node["name"], "taxonomy.name", taxonomy_.name);
    else
      error(mark(node), "no_taxonomy_name");
    if (node["source"]) read_string(node["source"], "taxonomy.source", taxonomy_.source);
    if (node["max_days_ahead"]) read_days(node["max_days_ahead"], "taxonomy.max_days_ahead", taxonomy_.max_days_ahead);
  }

  void read_status_list(const YAML::Node& list, StatusIndex parent, int level) {
    std::string where =
        parent == kNoStatus ? std::string("'statuses'") : place("children_of", {{"id", taxonomy_.at(parent).id}});
    if (!list.IsSequence() || list.size() == 0) {
      error(mark(list), "status_list", {{"where", where}});
      return;
    }
    // Normalized id/name/alias -> the sibling that claimed it, so lookups by
    // name can never be ambiguous.
    std::map<std::string, std::string> claimed;
    for (const YAML::Node& item : list) {
      StatusIndex index = read_status(item, parent, level);
      if (index == kNoStatus) continue;
      const Status& s = taxonomy_.at(index);
      for (const std::string& key : taxonomy_.keys(index)) {
        auto [it, fresh] = claimed.emplace(key, s.id);
        if (fresh) continue;
        if (it->second == s.id && normalize_name(s.id) == key)
          error(mark(item), "duplicate_status_id", {{"id", s.id}, {"where", where}, {"level", level_name(level)}});
        else if (it->second != s.id)
          error(mark(item), "status_name_clash",
                {{"name", key}, {"id", s.id}, {"other", it->second}, {"where", where}});
      }
    }
  }

  StatusIndex read_status(const YAML::Node& node, StatusIndex parent, int level) {
    const std::string what = place("status_at_level", {{"level", level_name(level)}});
    if (!expect_map(node, what)) return kNoStatus;
    check_keys(node, {"id", "name", "description", "notes", "aliases", "target_date", "leaf", "children"}, what);
    Status status;
    status.line = mark(node).line + 1;
    bool ok = true;
    if (node["id"]) {
      ok = read_id(node["id"], "id", status.id) && ok;
    } else {
      error(mark(node), "status_without_id", {{"level", level_name(level)}});
      ok = false;
    }
    const Owner owned = owner("status", status.id);
    if (node["name"]) {
      ok = read_text(node["name"], place("name_of", {{"owner", owned.of}}), status.name) && ok;
    } else {
      error(mark(node), "status_without_name", {{"label", owned.label}});
      ok = false;
    }
    if (node["description"])
      ok = read_text(node["description"], place("description_of", {{"owner", owned.of}}), status.description) && ok;
    if (node["notes"]) ok = read_text(node["notes"], place("notes_of", {{"owner", owned.of}}), status.notes) && ok;
    if (const YAML::Node aliases = node["aliases"]) {
      if (!aliases.IsSequence()) {
        error(mark(aliases), "aliases_not_list", {{"owner", owned.of}});
        ok = false;
      } else {
        for (const YAML::Node& alias : aliases) {
          std::string text;
          if (read_string(alias, place("alias_of", {{"owner", owned.of}}), text))
            status.aliases.push_back(std::move(text));
          else
            ok = false;
        }
      }
    }
    // Start from the parent's effective policy: children inherit what they don't set.
    if (parent != kNoStatus) {
      status.target_date = taxonomy_.at(parent).target_date;
    } else {
      status.target_date.max_days_ahead = taxonomy_.max_days_ahead;
    }
    if (const YAML::Node policy = node["target_date"])
      ok =
          read_policy(policy, place("key_of", {{"key", "target_date"}, {"owner", owned.of}}), status.target_date) && ok;
    if (node["leaf"])
      ok = read_bool(node["leaf"], place("key_of", {{"key", "leaf"}, {"owner", owned.of}}), status.leaf) && ok;

    const YAML::Node children = node["children"];
    if (children && status.leaf) {
      error(mark(children), "leaf_with_children", {{"label", owned.label}});
      ok = false;
    }
    if (children && level == kMaxLevels) {
      error(mark(children), "fourth_level", {{"label", owned.label}});
      ok = false;
    }
    if (!ok) return kNoStatus;
    StatusIndex index = taxonomy_.add(std::move(status), parent);
    if (children) read_status_list(children, index, level + 1);
    return index;
  }

  // `what` names the target_date mapping ("'target_date' of status 'open'").
  bool read_policy(const YAML::Node& node, const std::string& what, TargetDatePolicy& policy) {
    if (!expect_map(node, what)) return false;
    check_keys(node, {"required", "meaning", "max_days_ahead"}, what);
    auto key_in = [&](const char* key) { return place("key_in", {{"key", key}, {"where", what}}); };
    bool ok = true;
    if (node["required"]) ok = read_bool(node["required"], key_in("required"), policy.required) && ok;
    if (node["meaning"]) {
      policy.meaning = {};
      ok = read_text(node["meaning"], key_in("meaning"), policy.meaning) && ok;
    }
    if (node["max_days_ahead"])
      ok = read_days(node["max_days_ahead"], key_in("max_days_ahead"), policy.max_days_ahead) && ok;
    return ok;
  }

  Taxonomy taxonomy_;
  RuleSet rules_;
};

}  // namespace

LoadResult load_taxonomy(std::string_view yaml_text, const std::string& file_name, Lang lang) {
  return Loader(file_name, lang).load(yaml_text);
}

LoadResult load_taxonomy_file(const std::string& path, Lang lang) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    LoadResult result;
    result.errors.push_back({path, 0, 0, Problem("load_error/file_is_folder").text(lang)});
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    result.errors.push_back({path, 0, 0, Problem("load_error/cannot_open").text(lang)});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_taxonomy(text.str(), path, lang);
}

LoadResult load_builtin_taxonomy(Lang lang) {
  return load_taxonomy(builtin_taxonomy_text(), std::string(builtin_taxonomy_name()), lang);
}

}  // namespace ftstatus
