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
#include "model/names.h"
#include "load/rules_loader.h"
#include "load/yaml_reader.h"

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
  explicit Loader(std::string file) : YamlReader(std::move(file)) {}

  LoadResult load(std::string_view text) {
    LoadResult result;
    YAML::Node root;
    try {
      std::istringstream stream{std::string(text)};
      YAML::Parser parser(stream);
      AliasFinder finder;
      parser.HandleNextDocument(finder);  // YAML::Load reads only the first document too
      if (finder.alias) {
        error(*finder.alias, "YAML aliases (*name) are not supported in a taxonomy file; write the value out");
        result.errors = std::move(errors_);
        return result;
      }
      root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
      error(e.mark, fmt::format("not valid YAML: {}", e.msg));
      result.errors = std::move(errors_);
      return result;
    }
    try {
      index_empty_values(root);
      read_root(root);
    } catch (const YAML::Exception& e) {
      // yaml-cpp throws on conversions we did not foresee; report, never crash.
      error(e.mark, fmt::format("cannot read this value: {}", e.msg));
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
      error(YAML::Mark(), "the file is empty; it needs 'taxonomy' and 'statuses'");
      return;
    }
    if (!expect_map(root, "the top level")) return;
    check_keys(root, {"taxonomy", "statuses", "columns", "rules"}, "the top level");
    if (const YAML::Node header = root["taxonomy"]) {
      read_header(header);
    } else {
      error(mark(root), "missing 'taxonomy' (the id and name of this taxonomy)");
    }
    const YAML::Node statuses = root["statuses"];
    if (!statuses) {
      error(mark(root), "missing 'statuses' (the list of L1 statuses)");
      return;
    }
    read_status_list(statuses, kNoStatus, 1);
    if (const YAML::Node columns = root["columns"]) detail::read_columns(*this, columns, rules_.schema);
    if (const YAML::Node rules = root["rules"]) {
      if (!root["columns"])
        error(mark(rules), "'rules' need 'columns': declare the columns the rules read");
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
      error(mark(node), "missing 'id' in 'taxonomy'");
    if (node["name"])
      read_text(node["name"], "taxonomy.name", taxonomy_.name);
    else
      error(mark(node), "missing 'name' in 'taxonomy'");
    if (node["source"]) read_string(node["source"], "taxonomy.source", taxonomy_.source);
    if (node["max_days_ahead"]) read_days(node["max_days_ahead"], "taxonomy.max_days_ahead", taxonomy_.max_days_ahead);
  }

  void read_status_list(const YAML::Node& list, StatusIndex parent, int level) {
    std::string where = parent == kNoStatus ? std::string("'statuses'")
                                            : fmt::format("the children of '{}'", taxonomy_.at(parent).id);
    if (!list.IsSequence() || list.size() == 0) {
      error(mark(list), fmt::format("{} must be a non-empty list of statuses (lines starting with '- ')", where));
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
          error(mark(item), fmt::format("duplicate id '{}' in {}; every {} needs its own id", s.id, where, level_name(level)));
        else if (it->second != s.id)
          error(mark(item), fmt::format("'{}' (from status '{}') also names status '{}' in {}; names and aliases must tell siblings apart",
                                         key, s.id, it->second, where));
      }
    }
  }

  StatusIndex read_status(const YAML::Node& node, StatusIndex parent, int level) {
    if (!expect_map(node, fmt::format("an {} status", level_name(level)))) return kNoStatus;
    check_keys(node, {"id", "name", "description", "notes", "aliases", "target_date", "leaf", "children"},
               fmt::format("an {} status", level_name(level)));
    Status status;
    status.line = mark(node).line + 1;
    bool ok = true;
    if (node["id"]) {
      ok = read_id(node["id"], "id", status.id) && ok;
    } else {
      error(mark(node), fmt::format("{} status has no 'id'", level_name(level)));
      ok = false;
    }
    std::string label = status.id.empty() ? std::string("this status") : fmt::format("status '{}'", status.id);
    if (node["name"]) {
      ok = read_text(node["name"], fmt::format("the name of {}", label), status.name) && ok;
    } else {
      error(mark(node), fmt::format("{} has no 'name'; give name: {{en: ..., es: ...}}", label));
      ok = false;
    }
    if (node["description"]) ok = read_text(node["description"], fmt::format("the description of {}", label), status.description) && ok;
    if (node["notes"]) ok = read_text(node["notes"], fmt::format("the notes of {}", label), status.notes) && ok;
    if (const YAML::Node aliases = node["aliases"]) {
      if (!aliases.IsSequence()) {
        error(mark(aliases), fmt::format("the aliases of {} must be a list", label));
        ok = false;
      } else {
        for (const YAML::Node& alias : aliases) {
          std::string text;
          if (read_string(alias, fmt::format("an alias of {}", label), text))
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
    if (const YAML::Node policy = node["target_date"]) ok = read_policy(policy, label, status.target_date) && ok;
    if (node["leaf"]) ok = read_bool(node["leaf"], fmt::format("'leaf' of {}", label), status.leaf) && ok;

    const YAML::Node children = node["children"];
    if (children && status.leaf) {
      error(mark(children), fmt::format("{} is marked 'leaf: true' and cannot have children; remove 'children' or 'leaf'", label));
      ok = false;
    }
    if (children && level == kMaxLevels) {
      error(mark(children), fmt::format("{} is an L3 and cannot have children: a taxonomy has at most three levels", label));
      ok = false;
    }
    if (!ok) return kNoStatus;
    StatusIndex index = taxonomy_.add(std::move(status), parent);
    if (children) read_status_list(children, index, level + 1);
    return index;
  }

  bool read_policy(const YAML::Node& node, const std::string& label, TargetDatePolicy& policy) {
    std::string what = fmt::format("'target_date' of {}", label);
    if (!expect_map(node, what)) return false;
    check_keys(node, {"required", "meaning", "max_days_ahead"}, what);
    bool ok = true;
    if (node["required"]) ok = read_bool(node["required"], fmt::format("'required' in {}", what), policy.required) && ok;
    if (node["meaning"]) {
      policy.meaning = {};
      ok = read_text(node["meaning"], fmt::format("'meaning' in {}", what), policy.meaning) && ok;
    }
    if (node["max_days_ahead"]) ok = read_days(node["max_days_ahead"], fmt::format("'max_days_ahead' in {}", what), policy.max_days_ahead) && ok;
    return ok;
  }

  Taxonomy taxonomy_;
  RuleSet rules_;
};

}  // namespace

LoadResult load_taxonomy(std::string_view yaml_text, const std::string& file_name) {
  return Loader(file_name).load(yaml_text);
}

LoadResult load_taxonomy_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    LoadResult result;
    result.errors.push_back({path, 0, 0, "is a folder; give the path of a taxonomy .yaml file"});
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    result.errors.push_back({path, 0, 0, "cannot open the taxonomy file (does it exist and is it readable?)"});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_taxonomy(text.str(), path);
}

LoadResult load_builtin_taxonomy() {
  return load_taxonomy(builtin_taxonomy_text(), std::string(builtin_taxonomy_name()));
}

}  // namespace ftstatus
