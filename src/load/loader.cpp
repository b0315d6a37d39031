#include "ftstatus/loader.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "load/rules_loader.h"
#include "load/yaml_reader.h"
#include "model/names.h"
#include "model/utf8.h"

namespace ftstatus {

namespace {

constexpr int kMaxLevels = 3;

const char* level_name(int level) { return level == 1 ? "L1" : level == 2 ? "L2" : "L3"; }

// The offset of the first NUL byte or byte that is not UTF-8, or npos. A
// file with a UTF-16 or UTF-32 byte order mark is left to yaml-cpp, which decodes it.
std::size_t first_non_text(std::string_view text) {
  for (std::string_view bom :
       {std::string_view("\xFF\xFE"), std::string_view("\xFE\xFF"), std::string_view("\0\0\xFE\xFF", 4)})
    if (text.starts_with(bom)) return std::string_view::npos;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0) return i;
    if (byte < 0x80) {
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(text, i);
    if (!c.valid) return i;
    i += c.length;
  }
  return std::string_view::npos;
}

// A YAML::Mark for a byte offset: 0-based line and column, the column in bytes as yaml-cpp counts it.
YAML::Mark position_of(std::string_view text, std::size_t offset) {
  YAML::Mark mark;
  mark.pos = static_cast<int>(offset);
  mark.line = 0;
  mark.column = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++mark.line;
      mark.column = 0;
    } else {
      ++mark.column;
    }
  }
  return mark;
}

std::string too_large(const LoadLimits& limits, Lang lang) {
  return Problem("load_error/file_too_large", {{"max", fmt::format("{}", limits.max_file_bytes >> 20)}}).text(lang);
}

// One pass over the parser's events before any tree is built: finds the
// first alias (*name: a taxonomy has no use for them, and an alias can make
// the tree cyclic or exponentially large), and stops at the first list or
// mapping nested deeper than the limit or the first node past the limit on
// their number, so that neither the tree nor the recursion over it can
// outgrow the limits. yaml-cpp's parser does not build a tree for this.
class Prescan : public YAML::EventHandler {
 public:
  enum class Stop { none, alias, too_deep, too_many_nodes };
  explicit Prescan(const LoadLimits& limits) : limits_(limits) {}

  Stop stop = Stop::none;
  YAML::Mark where;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { count(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { halt(Stop::alias, mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
    count(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open(mark);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open(mark);
  }
  void OnMapEnd() override { --depth_; }

  // Thrown to end the parse at the first finding: there is no other way to stop yaml-cpp's parser.
  struct Halt {};

 private:
  void count(const YAML::Mark& mark) {
    if (++nodes_ > limits_.max_nodes) halt(Stop::too_many_nodes, mark);
  }
  void open(const YAML::Mark& mark) {
    count(mark);
    if (++depth_ > std::min(limits_.max_depth, LoadLimits::kDeepestAllowed)) halt(Stop::too_deep, mark);
  }
  [[noreturn]] void halt(Stop why, const YAML::Mark& mark) {
    stop = why;
    where = mark;
    throw Halt{};
  }

  const LoadLimits& limits_;
  std::size_t nodes_ = 0;
  int depth_ = 0;
};

// Walks the YAML tree once, collecting every error rather than stopping at the
// first, so one run shows the author everything to fix.
class Loader : public detail::YamlReader {
 public:
  Loader(std::string file, Lang lang, const LoadLimits& limits) : YamlReader(std::move(file), lang), limits_(limits) {}

  LoadResult load(std::string_view text) {
    LoadResult result;
    // yaml-cpp stops reading at a NUL byte without a word and passes bytes
    // that are not UTF-8 into names: say where the file stops being text.
    if (const std::size_t bad = first_non_text(text); bad != std::string_view::npos) {
      error(position_of(text, bad), text[bad] == '\0' ? "nul_byte" : "not_utf8");
      result.errors = std::move(errors_);
      return result;
    }
    YAML::Node root;
    const std::string max_depth = std::to_string(std::min(limits_.max_depth, LoadLimits::kDeepestAllowed));
    try {
      std::istringstream stream{std::string(text)};
      YAML::Parser parser(stream);
      Prescan prescan(limits_);
      try {
        parser.HandleNextDocument(prescan);  // YAML::Load reads only the first document too
      } catch (const Prescan::Halt&) {
        if (prescan.stop == Prescan::Stop::alias) {
          error(prescan.where, "yaml_alias");
        } else {
          result.unreadable = true;
          if (prescan.stop == Prescan::Stop::too_deep)
            error(prescan.where, "too_deep", {{"max", max_depth}});
          else
            error(prescan.where, "too_many_nodes", {{"max", std::to_string(limits_.max_nodes)}});
        }
        result.errors = std::move(errors_);
        return result;
      }
      root = YAML::Load(stream.str());
    } catch (const YAML::DeepRecursion& e) {
      // yaml-cpp's own guard (its message is only "bad file"): deeper than kDeepestAllowed allows.
      result.unreadable = true;
      error(e.mark, "too_deep", {{"max", max_depth}});
      result.errors = std::move(errors_);
      return result;
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
    result.unreadable = past_limit_;
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
    const YAML::Node columns = root["columns"];
    if (columns && !within_limit(columns, limits_.max_columns, "too_many_columns")) return;
    if (columns) detail::read_columns(*this, columns, rules_.schema);
    if (const YAML::Node rules = root["rules"]) {
      if (!within_limit(rules, limits_.max_rules, "too_many_rules")) return;
      if (!columns)
        error(mark(rules), "rules_without_columns");
      else
        detail::read_rules(*this, rules, rules_.schema, taxonomy_, rules_.rules);
    }
  }

  // A list longer than its limit is reported (at the list) and not read.
  bool within_limit(const YAML::Node& list, std::size_t max, std::string_view variant) {
    if (!list.IsSequence() || list.size() <= max) return true;
    error(mark(list), variant, {{"count", std::to_string(list.size())}, {"max", std::to_string(max)}});
    past_limit_ = true;
    return false;
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
    check_keys(node, {"required", "meaning", "max_days_ahead", "propose_days"}, what);
    auto key_in = [&](const char* key) { return place("key_in", {{"key", key}, {"where", what}}); };
    bool ok = true;
    if (node["required"]) ok = read_bool(node["required"], key_in("required"), policy.required) && ok;
    if (node["meaning"]) {
      policy.meaning = {};
      ok = read_text(node["meaning"], key_in("meaning"), policy.meaning) && ok;
    }
    if (node["max_days_ahead"])
      ok = read_days(node["max_days_ahead"], key_in("max_days_ahead"), policy.max_days_ahead) && ok;
    if (node["propose_days"]) ok = read_days(node["propose_days"], key_in("propose_days"), policy.propose_days) && ok;
    // A proposal past the horizon would be refused by the very check it is meant to satisfy.
    if (ok && policy.propose_days > policy.max_days_ahead) {
      const YAML::Node at = node["propose_days"] ? node["propose_days"] : node["max_days_ahead"];
      error(mark(at), "propose_days_beyond_horizon",
            {{"where", what},
             {"days", std::to_string(policy.propose_days)},
             {"max", std::to_string(policy.max_days_ahead)}});
      ok = false;
    }
    return ok;
  }

  Taxonomy taxonomy_;
  RuleSet rules_;
  const LoadLimits& limits_;
  bool past_limit_ = false;
};

}  // namespace

LoadResult load_taxonomy(std::string_view yaml_text, const std::string& file_name, Lang lang,
                         const LoadLimits& limits) {
  if (yaml_text.size() > limits.max_file_bytes) {
    LoadResult result;
    result.unreadable = true;
    result.errors.push_back({file_name, 0, 0, too_large(limits, lang)});
    return result;
  }
  return Loader(file_name, lang, limits).load(yaml_text);
}

LoadResult load_taxonomy_file(const std::string& path, Lang lang, const LoadLimits& limits) {
  LoadResult result;
  result.unreadable = true;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    result.errors.push_back({path, 0, 0, Problem("load_error/file_is_folder").text(lang)});
    return result;
  }
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!in) {
    result.errors.push_back(
        {path, 0, 0, Problem("load_error/cannot_open", {{"reason", system_error_field(errno)}}).text(lang)});
    return result;
  }
  // At most one byte past the limit, so /dev/zero or an endless pipe stops
  // there; the size a file claims is not trusted (a pipe or device has none).
  std::string text;
  const std::size_t cap = static_cast<std::size_t>(std::min<std::uint64_t>(limits.max_file_bytes, SIZE_MAX - 1)) + 1;
  constexpr std::size_t kChunk = 1 << 16;
  while (text.size() < cap) {
    const std::size_t want = std::min(kChunk, cap - text.size());
    const std::size_t before = text.size();
    text.resize(before + want);
    const std::size_t got = std::fread(text.data() + before, 1, want, in.get());
    text.resize(before + got);
    if (got < want) break;
  }
  if (std::ferror(in.get())) {
    result.errors.push_back(
        {path, 0, 0, Problem("load_error/read_failed", {{"reason", system_error_field(errno)}}).text(lang)});
    return result;
  }
  return load_taxonomy(text, path, lang, limits);
}

}  // namespace ftstatus
