#pragma once
// Reading YAML with positions: every check reports file:line:column into one
// list of diagnostics, shared by the status and the rules sections.
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "ftstatus/diagnostic.h"
#include "ftstatus/lang.h"
#include "ftstatus/problems.h"

namespace ftstatus::detail {

inline constexpr int kMaxHorizonDays = 36500;

using Fields = std::initializer_list<std::pair<std::string_view, std::string>>;

class YamlReader {
 public:
  YamlReader(std::string file, Lang lang) : file_(std::move(file)), lang_(lang) {}

  // Reports the catalogue's load_error/`variant` (src/model/problem_catalogue.cpp).
  void error(const YAML::Mark& mark, std::string_view variant, Fields fields = {}) {
    Diagnostic d;
    d.file = file_;
    if (!mark.is_null()) {
      d.line = mark.line + 1;
      d.column = mark.column + 1;
    }
    d.message = Problem(fmt::format("load_error/{}", variant), fields).text(lang_);
    errors_.push_back(std::move(d));
  }

  // A place in the file for messages ("the name of status 'open'"): the
  // catalogue's load_place/`variant`, in the messages' language; no variant
  // is the top level.
  std::string place(std::string_view variant, Fields fields = {}) const {
    std::string key = variant.empty() ? std::string("load_place") : fmt::format("load_place/{}", variant);
    return Problem(key, fields).message(lang_);
  }

  // How messages name a status, rule or column (`kind`): as a subject, and
  // after "of" (where Spanish says "del estado"). An empty id is "this rule".
  struct Owner {
    std::string label;
    std::string of;
  };
  Owner owner(std::string_view kind, const std::string& id) const {
    if (id.empty()) return {place(fmt::format("this_{}", kind)), place(fmt::format("of_this_{}", kind))};
    return {place(kind, {{"id", id}}), place(fmt::format("of_{}", kind), {{"id", id}})};
  }

  // Reports keys outside `allowed` and keys given twice.
  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, std::string_view where) {
    std::set<std::string> seen;
    for (const auto& entry : map) {
      const YAML::Node& key_node = entry.first;
      std::string key = key_node.IsScalar() ? key_node.Scalar() : std::string("?");
      if (!seen.insert(key).second) error(mark(key_node), "key_twice", {{"key", key}, {"where", std::string(where)}});
      bool known = false;
      for (auto a : allowed) known = known || a == key;
      if (!known) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        error(mark(key_node), "unknown_key", {{"key", key}, {"where", std::string(where)}, {"keys", list}});
      }
    }
  }

  bool expect_map(const YAML::Node& node, std::string_view what) {
    if (node.IsMap()) return true;
    error(mark(node), "not_mapping", {{"what", std::string(what)}});
    return false;
  }

  bool read_string(const YAML::Node& node, std::string_view what, std::string& out) {
    if (!node.IsScalar() || node.Scalar().empty()) {
      error(mark(node), "not_text", {{"what", std::string(what)}});
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
      error(mark(node), "not_localized_text", {{"what", std::string(what)}});
      return false;
    }
    check_keys(node, {"en", "es"}, what);
    bool ok = true;
    if (node["en"]) ok = read_string(node["en"], fmt::format("{}.en", what), out.en) && ok;
    if (node["es"]) ok = read_string(node["es"], fmt::format("{}.es", what), out.es) && ok;
    if (ok && out.empty()) {
      error(mark(node), "no_language", {{"what", std::string(what)}});
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
    error(mark(node), "not_bool", {{"what", std::string(what)}});
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
    error(mark(node), "not_days", {{"what", std::string(what)}, {"max", std::to_string(kMaxHorizonDays)}});
    return false;
  }

  bool read_id(const YAML::Node& node, std::string_view what, std::string& out) {
    if (!read_string(node, what, out)) return false;
    for (char c : out) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        error(mark(node), "bad_id", {{"what", std::string(what)}, {"id", out}});
        return false;
      }
    }
    return true;
  }

  // Where to point at a node. yaml-cpp gives a value left empty ("name:")
  // the position of the next token, often lines later; point at its key.
  // Empty values are looked up by that position (one or two share it at
  // most), so a file with many of them loads in linear time.
  YAML::Mark mark(const YAML::Node& node) const {
    if (node.IsNull()) {
      auto [it, end] = empty_values_.equal_range(node.Mark().pos);
      for (; it != end; ++it)
        if (it->second.value.is(node)) return it->second.key_mark;
    }
    return node.Mark();
  }

  // Records every empty value with its key's position; call once after parsing.
  void index_empty_values(const YAML::Node& node) {
    if (node.IsMap()) {
      for (const auto& entry : node) {
        if (entry.second.IsNull())
          empty_values_.emplace(entry.second.Mark().pos, EmptyValue{entry.second, entry.first.Mark()});
        index_empty_values(entry.second);
      }
    } else if (node.IsSequence()) {
      for (const auto& item : node) index_empty_values(item);
    }
  }

  const std::string& file() const { return file_; }
  Diagnostics& errors() { return errors_; }

 protected:
  std::string file_;
  Lang lang_;
  Diagnostics errors_;
  struct EmptyValue {
    YAML::Node value;
    YAML::Mark key_mark;
  };
  std::unordered_multimap<int, EmptyValue> empty_values_;  // by the value's own position (Mark::pos)
};

}  // namespace ftstatus::detail
