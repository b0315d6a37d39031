#include "ftstatus/loader.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "ftstatus/builtin.h"
#include "ftstatus/names.h"

namespace ftstatus {

namespace {

constexpr int kMaxLevels = 3;
constexpr int kMaxHorizonDays = 36500;

const char* level_name(int level) { return level == 1 ? "L1" : level == 2 ? "L2" : "L3"; }

// Walks the YAML tree once, collecting every error rather than stopping at the
// first, so one run shows the author everything to fix.
class Loader {
 public:
  explicit Loader(std::string file) : file_(std::move(file)) {}

  LoadResult load(std::string_view text) {
    LoadResult result;
    YAML::Node root;
    try {
      root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
      error(e.mark, fmt::format("not valid YAML: {}", e.msg));
      result.errors = std::move(errors_);
      return result;
    }
    try {
      read_root(root);
    } catch (const YAML::Exception& e) {
      // yaml-cpp throws on conversions we did not foresee; report, never crash.
      error(e.mark, fmt::format("cannot read this value: {}", e.msg));
    }
    if (errors_.empty())
      result.taxonomy = std::move(taxonomy_);
    result.errors = std::move(errors_);
    return result;
  }

 private:
  void error(const YAML::Mark& mark, std::string message) {
    Diagnostic d;
    d.file = file_;
    if (!mark.is_null()) {
      d.line = mark.line + 1;
      d.column = mark.column + 1;
    }
    d.message = std::move(message);
    errors_.push_back(std::move(d));
  }

  // Reports keys outside `allowed` and keys given twice.
  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                  std::string_view where) {
    std::set<std::string> seen;
    for (const auto& entry : map) {
      const YAML::Node& key_node = entry.first;
      std::string key = key_node.IsScalar() ? key_node.Scalar() : std::string("?");
      if (!seen.insert(key).second)
        error(key_node.Mark(), fmt::format("key '{}' is given twice in {}", key, where));
      bool known = false;
      for (auto a : allowed) known = known || a == key;
      if (!known) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        error(key_node.Mark(), fmt::format("unknown key '{}' in {}; expected one of: {}", key, where, list));
      }
    }
  }

  bool expect_map(const YAML::Node& node, std::string_view what) {
    if (node.IsMap()) return true;
    error(node.Mark(), fmt::format("{} must be a mapping (key: value lines)", what));
    return false;
  }

  bool read_string(const YAML::Node& node, std::string_view what, std::string& out) {
    if (!node.IsScalar() || node.Scalar().empty()) {
      error(node.Mark(), fmt::format("{} must be a non-empty text value", what));
      return false;
    }
    out = node.Scalar();
    return true;
  }

  // A text is either one string (used for both languages) or {en: ..., es: ...}.
  bool read_text(const YAML::Node& node, std::string_view what, LocalizedText& out) {
    if (node.IsScalar()) {
      if (!read_string(node, what, out.en)) return false;
      out.es = out.en;
      return true;
    }
    if (!node.IsMap()) {
      error(node.Mark(), fmt::format("{} must be a text or a mapping with 'en' and 'es'", what));
      return false;
    }
    check_keys(node, {"en", "es"}, what);
    bool ok = true;
    if (node["en"]) ok = read_string(node["en"], fmt::format("{}.en", what), out.en) && ok;
    if (node["es"]) ok = read_string(node["es"], fmt::format("{}.es", what), out.es) && ok;
    if (ok && out.empty()) {
      error(node.Mark(), fmt::format("{} needs 'en' or 'es'", what));
      return false;
    }
    return ok;
  }

  bool read_bool(const YAML::Node& node, std::string_view what, bool& out) {
    if (node.IsScalar()) {
      const std::string& v = node.Scalar();
      if (v == "true") return out = true, true;
      if (v == "false") return out = false, true;
    }
    error(node.Mark(), fmt::format("{} must be true or false", what));
    return false;
  }

  bool read_days(const YAML::Node& node, std::string_view what, int& out) {
    if (node.IsScalar()) {
      const std::string& v = node.Scalar();
      bool digits = !v.empty() && v.size() <= 6 && v.find_first_not_of("0123456789") == std::string::npos;
      if (digits) {
        int days = std::stoi(v);
        if (days >= 1 && days <= kMaxHorizonDays) return out = days, true;
      }
    }
    error(node.Mark(), fmt::format("{} must be a whole number of days from 1 to {}", what, kMaxHorizonDays));
    return false;
  }

  void read_root(const YAML::Node& root) {
    if (!root || root.IsNull()) {
      error(YAML::Mark(), "the file is empty; it needs 'taxonomy' and 'statuses'");
      return;
    }
    if (!expect_map(root, "the top level")) return;
    check_keys(root, {"taxonomy", "statuses"}, "the top level");
    if (const YAML::Node header = root["taxonomy"]) {
      read_header(header);
    } else {
      error(root.Mark(), "missing 'taxonomy' (the id and name of this taxonomy)");
    }
    const YAML::Node statuses = root["statuses"];
    if (!statuses) {
      error(root.Mark(), "missing 'statuses' (the list of L1 statuses)");
      return;
    }
    read_status_list(statuses, kNoStatus, 1);
  }

  void read_header(const YAML::Node& node) {
    if (!expect_map(node, "'taxonomy'")) return;
    check_keys(node, {"id", "name", "source", "max_days_ahead"}, "'taxonomy'");
    if (node["id"])
      read_id(node["id"], "taxonomy.id", taxonomy_.id);
    else
      error(node.Mark(), "missing 'id' in 'taxonomy'");
    if (node["name"])
      read_text(node["name"], "taxonomy.name", taxonomy_.name);
    else
      error(node.Mark(), "missing 'name' in 'taxonomy'");
    if (node["source"]) read_string(node["source"], "taxonomy.source", taxonomy_.source);
    if (node["max_days_ahead"]) read_days(node["max_days_ahead"], "taxonomy.max_days_ahead", taxonomy_.max_days_ahead);
  }

  bool read_id(const YAML::Node& node, std::string_view what, std::string& out) {
    if (!read_string(node, what, out)) return false;
    for (char c : out) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        error(node.Mark(), fmt::format("{} '{}' must use only lower-case letters, digits and '_'", what, out));
        return false;
      }
    }
    return true;
  }

  void read_status_list(const YAML::Node& list, StatusIndex parent, int level) {
    std::string where = parent == kNoStatus ? std::string("'statuses'")
                                            : fmt::format("the children of '{}'", taxonomy_.at(parent).id);
    if (!list.IsSequence() || list.size() == 0) {
      error(list.Mark(), fmt::format("{} must be a non-empty list of statuses (lines starting with '- ')", where));
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
          error(item.Mark(), fmt::format("duplicate id '{}' in {}; every {} needs its own id", s.id, where, level_name(level)));
        else if (it->second != s.id)
          error(item.Mark(), fmt::format("'{}' (from status '{}') also names status '{}' in {}; names and aliases must tell siblings apart",
                                         key, s.id, it->second, where));
      }
    }
  }

  StatusIndex read_status(const YAML::Node& node, StatusIndex parent, int level) {
    if (!expect_map(node, fmt::format("an {} status", level_name(level)))) return kNoStatus;
    check_keys(node, {"id", "name", "description", "notes", "aliases", "target_date", "leaf", "children"},
               fmt::format("an {} status", level_name(level)));
    Status status;
    status.line = node.Mark().line + 1;
    bool ok = true;
    if (node["id"]) {
      ok = read_id(node["id"], "id", status.id) && ok;
    } else {
      error(node.Mark(), fmt::format("{} status has no 'id'", level_name(level)));
      ok = false;
    }
    std::string label = status.id.empty() ? std::string("this status") : fmt::format("status '{}'", status.id);
    if (node["name"]) {
      ok = read_text(node["name"], fmt::format("the name of {}", label), status.name) && ok;
    } else {
      error(node.Mark(), fmt::format("{} has no 'name'; give name: {{en: ..., es: ...}}", label));
      ok = false;
    }
    if (node["description"]) ok = read_text(node["description"], fmt::format("the description of {}", label), status.description) && ok;
    if (node["notes"]) ok = read_text(node["notes"], fmt::format("the notes of {}", label), status.notes) && ok;
    if (const YAML::Node aliases = node["aliases"]) {
      if (!aliases.IsSequence()) {
        error(aliases.Mark(), fmt::format("the aliases of {} must be a list", label));
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
      error(children.Mark(), fmt::format("{} is marked 'leaf: true' and cannot have children; remove 'children' or 'leaf'", label));
      ok = false;
    }
    if (children && level == kMaxLevels) {
      error(children.Mark(), fmt::format("{} is an L3 and cannot have children: a taxonomy has at most three levels", label));
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

  std::string file_;
  Taxonomy taxonomy_;
  Diagnostics errors_;
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
