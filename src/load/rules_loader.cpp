#include "load/rules_loader.h"

#include <map>

#include "ftstatus/date.h"
#include "model/names.h"

namespace ftstatus::detail {

namespace {

class RulesReader {
 public:
  RulesReader(YamlReader& reader, const Schema& schema, const Taxonomy& taxonomy)
      : r_(reader), schema_(schema), taxonomy_(taxonomy) {}

  void read(const YAML::Node& list, std::vector<Rule>& rules) {
    if (!list.IsSequence()) {
      r_.error(r_.mark(list), "rules_not_list");
      return;
    }
    std::map<std::string, int> seen;
    for (const YAML::Node& node : list) {
      Rule rule;
      if (read_rule(node, rule)) {
        auto [it, fresh] = seen.emplace(rule.id, rule.line);
        if (!fresh) {
          r_.error(r_.mark(node["id"]), "duplicate_rule_id", {{"id", rule.id}, {"line", std::to_string(it->second)}});
          continue;
        }
        rules.push_back(std::move(rule));
      }
    }
  }

 private:
  bool read_rule(const YAML::Node& node, Rule& rule) {
    const std::string what = r_.place("a_rule");
    if (!r_.expect_map(node, what)) return false;
    r_.check_keys(node, {"id", "description", "when", "then"}, what);
    rule.line = r_.mark(node).line + 1;
    bool ok = true;
    if (!node["id"]) {
      r_.error(r_.mark(node), "rule_without_id");
      ok = false;
    } else {
      ok = r_.read_id(node["id"], r_.place("rule_id"), rule.id) && ok;
    }
    if (node["description"])
      ok = r_.read_string(node["description"], r_.place("rule_description"), rule.description) && ok;
    const YamlReader::Owner owned = r_.owner("rule", rule.id);
    rule.when.kind = Condition::Kind::all;
    if (const YAML::Node when = node["when"]) ok = read_all(when, owned, rule.when) && ok;
    if (!node["then"]) {
      r_.error(r_.mark(node), "rule_without_then", {{"label", owned.label}});
      return false;
    }
    return read_then(node["then"], owned, rule.then) && ok;
  }

  bool read_then(const YAML::Node& node, const YamlReader::Owner& owned, StatusIndex& out) {
    const std::string& label = owned.label;
    std::string path;
    if (!r_.read_string(node, r_.place("key_of", {{"key", "then"}, {"owner", owned.of}}), path)) return false;
    StatusIndex current = kNoStatus;
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t slash = path.find('/', start);
      std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      StatusIndex next = taxonomy_.find_child(current, part);
      if (next == kNoStatus) {
        const std::vector<StatusIndex>& options =
            current == kNoStatus ? taxonomy_.roots() : taxonomy_.at(current).children;
        std::vector<std::string> names;
        for (StatusIndex i : taxonomy_.closest(options, part)) names.push_back(taxonomy_.path(i));
        r_.error(r_.mark(node), "unknown_status",
                 {{"label", label}, {"part", part}, {"path", path}, {"names", join(names)}});
        return false;
      }
      current = next;
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    if (taxonomy_.at(current).level == 1 && !taxonomy_.at(current).children.empty()) {
      r_.error(r_.mark(node), "then_needs_l2",
               {{"label", label}, {"path", path}, {"example", taxonomy_.path(taxonomy_.at(current).children.front())}});
      return false;
    }
    out = current;
    return true;
  }

  // A mapping of conditions that must all hold.
  bool read_all(const YAML::Node& node, const YamlReader::Owner& owned, Condition& out) {
    const std::string& label = owned.label;
    if (!node.IsMap()) {
      r_.error(r_.mark(node), "when_not_mapping", {{"owner", owned.of}});
      return false;
    }
    bool ok = true;
    for (const auto& entry : node) {
      const YAML::Node& key = entry.first;
      const YAML::Node& value = entry.second;
      std::string name = key.IsScalar() ? key.Scalar() : std::string();
      Condition c;
      c.line = r_.mark(key).line + 1;
      c.col = r_.mark(key).column + 1;
      if (name == "any" || name == "all") {
        c.kind = name == "any" ? Condition::Kind::any : Condition::Kind::all;
        if (!value.IsSequence() || value.size() == 0) {
          r_.error(r_.mark(value), "group_not_list", {{"group", name}, {"label", label}});
          ok = false;
          continue;
        }
        bool group_ok = true;
        for (const YAML::Node& item : value) {
          Condition child;
          child.kind = Condition::Kind::all;
          child.line = r_.mark(item).line + 1;
          child.col = r_.mark(item).column + 1;
          group_ok = read_all(item, owned, child) && group_ok;
          c.children.push_back(std::move(child));
        }
        c.source = name + " of " + std::to_string(c.children.size());
        ok = group_ok && ok;
        out.children.push_back(std::move(c));
        continue;
      }
      int column = schema_.find(name);
      if (column < 0) column = schema_.match_header(name);
      if (column < 0) {
        std::vector<std::string> ids;
        for (const Column& col : schema_.columns) ids.push_back(col.id);
        std::sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
          return edit_distance(name, a) < edit_distance(name, b);
        });
        if (ids.size() > 3) ids.resize(3);
        r_.error(r_.mark(key), "unknown_column", {{"label", label}, {"column", name}, {"names", join(ids)}});
        ok = false;
        continue;
      }
      if (read_condition(value, column, label, c)) {
        out.children.push_back(std::move(c));
      } else {
        ok = false;
      }
    }
    return ok;
  }

  // One typed value of the column; on error reports at `node`.
  bool read_value(const YAML::Node& node, const Column& col, const std::string& label, Condition& c) {
    if (!node.IsScalar()) {
      r_.error(r_.mark(node), "not_single_value", {{"label", label}, {"column", col.id}});
      return false;
    }
    const std::string& text = node.Scalar();
    if (lower_ascii(trim(text)) == "empty") {
      c.match_empty = true;
      return true;
    }
    switch (col.type) {
      case ColumnType::string:
        c.strings.push_back(lower_ascii(trim(text)));
        return true;
      case ColumnType::integer: {
        std::int64_t v = 0;
        if (!parse_integer(text, v)) break;
        c.numbers.push_back(v);
        return true;
      }
      case ColumnType::date: {
        std::int64_t v = 0;
        if (!parse_date(text, DateFormat::iso, v)) break;
        c.numbers.push_back(v);
        return true;
      }
      case ColumnType::boolean: {
        bool v = false;
        if (!parse_bool(text, v)) break;
        c.mask |= std::uint64_t{1} << (v ? 1 : 0);
        return true;
      }
      case ColumnType::enumeration: {
        int v = parse_enum(col, text);
        if (v < 0) {
          r_.error(r_.mark(node), "not_enum_value",
                   {{"label", label}, {"value", text}, {"column", col.id}, {"values", join(col.values)}});
          return false;
        }
        c.mask |= std::uint64_t{1} << v;
        return true;
      }
    }
    // One variant per type: what the value should have been.
    static constexpr const char* kNotFit[] = {"value_not_string", "value_not_int", "value_not_bool", "value_not_date",
                                              "value_not_enum"};
    r_.error(r_.mark(node), kNotFit[static_cast<int>(col.type)],
             {{"label", label}, {"value", text}, {"column", col.id}, {"type", std::string(type_name(col.type))}});
    return false;
  }

  // A scalar or a list of values: one_of; in a map, each key is an operator.
  bool read_condition(const YAML::Node& value, int column, const std::string& label, Condition& c) {
    const Column& col = schema_.columns[static_cast<std::size_t>(column)];
    c.column = column;
    c.type = col.type;
    if (value.IsScalar()) {
      std::string text(trim(value.Scalar()));
      std::string lower = lower_ascii(text);
      c.source = fmt::format("{} = {}", col.id, text);
      if (lower == "not empty") {
        c.kind = Condition::Kind::not_empty;
        return true;
      }
      if (lower == "empty") {
        c.kind = Condition::Kind::empty;
        return true;
      }
      if (!text.empty() && (text[0] == '<' || text[0] == '>')) {
        std::size_t op_len = text.size() > 1 && text[1] == '=' ? 2 : 1;
        std::string op = text.substr(0, op_len);
        std::string rest(trim(std::string_view(text).substr(op_len)));
        c.source = fmt::format("{} {} {}", col.id, op, rest);
        return read_compare(value, col, label, op, rest, c);
      }
      c.kind = Condition::Kind::one_of;
      return read_value(value, col, label, c);
    }
    if (value.IsSequence()) {
      c.kind = Condition::Kind::one_of;
      bool ok = value.size() > 0;
      if (!ok) r_.error(r_.mark(value), "empty_list", {{"label", label}, {"column", col.id}});
      std::vector<std::string> shown;
      for (const YAML::Node& item : value) {
        ok = read_value(item, col, label, c) && ok;
        if (item.IsScalar()) shown.push_back(item.Scalar());
      }
      c.source = fmt::format("{} in [{}]", col.id, join(shown));
      return ok;
    }
    if (value.IsMap()) {
      r_.check_keys(value,
                    {"not", "empty", "one_of", "<", "<=", ">", ">=", "less_than", "at_most", "more_than", "at_least",
                     "before", "after", "older_than_days", "newer_than_days"},
                    r_.place("condition_on", {{"column", col.id}}));
      c.kind = Condition::Kind::all;
      bool ok = true;
      for (const auto& entry : value) {
        std::string op = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
        const YAML::Node& arg = entry.second;
        Condition part;
        part.column = column;
        part.type = col.type;
        part.line = r_.mark(entry.first).line + 1;
        part.col = r_.mark(entry.first).column + 1;
        std::string arg_text = arg.IsScalar() ? arg.Scalar() : std::string("[...]");
        part.source = fmt::format("{} {} {}", col.id, op, arg_text);
        if (op == "not") {
          part.kind = Condition::Kind::none_of;
          if (arg.IsSequence()) {
            for (const YAML::Node& item : arg) ok = read_value(item, col, label, part) && ok;
          } else if (arg.IsScalar() && lower_ascii(trim(arg.Scalar())) == "empty") {
            part.kind = Condition::Kind::not_empty;
          } else {
            ok = read_value(arg, col, label, part) && ok;
          }
        } else if (op == "one_of") {
          part.kind = Condition::Kind::one_of;
          if (!arg.IsSequence()) {
            r_.error(r_.mark(arg), "one_of_not_list", {{"label", label}});
            ok = false;
          } else {
            for (const YAML::Node& item : arg) ok = read_value(item, col, label, part) && ok;
          }
        } else if (op == "empty") {
          bool flag = false;
          ok = r_.read_bool(arg, "'empty'", flag) && ok;
          part.kind = flag ? Condition::Kind::empty : Condition::Kind::not_empty;
        } else if (op == "older_than_days" || op == "newer_than_days") {
          std::int64_t days = 0;
          if (col.type != ColumnType::date) {
            r_.error(r_.mark(entry.first), "needs_date_column",
                     {{"label", label}, {"op", op}, {"column", col.id}, {"type", std::string(type_name(col.type))}});
            ok = false;
            continue;
          }
          // Beyond the calendar's span every date compares the same, and as-of minus days cannot overflow.
          constexpr std::int64_t kMaxDays = 3'652'059;  // 0001-01-01 to 9999-12-31
          if (!arg.IsScalar() || !parse_integer(arg.Scalar(), days) || days < 0 || days > kMaxDays) {
            r_.error(r_.mark(arg), "needs_days", {{"label", label}, {"op", op}, {"max", std::to_string(kMaxDays)}});
            ok = false;
            continue;
          }
          part.kind = Condition::Kind::compare;
          part.relative_days = true;
          part.number = days;
          part.cmp = op == "older_than_days" ? Condition::Cmp::lt : Condition::Cmp::ge;
        } else {
          static const std::map<std::string, std::string> kWords = {
              {"less_than", "<"}, {"at_most", "<="}, {"more_than", ">"}, {"at_least", ">="}, {"before", "<"},
              {"after", ">"},     {"<", "<"},        {"<=", "<="},       {">", ">"},         {">=", ">="}};
          auto it = kWords.find(op);
          if (it == kWords.end()) continue;  // reported by check_keys
          if ((op == "before" || op == "after") && col.type != ColumnType::date) {
            r_.error(r_.mark(entry.first), "needs_date_column",
                     {{"label", label}, {"op", op}, {"column", col.id}, {"type", std::string(type_name(col.type))}});
            ok = false;
            continue;
          }
          if (!arg.IsScalar()) {
            r_.error(r_.mark(arg), "needs_single_value", {{"label", label}, {"op", op}});
            ok = false;
            continue;
          }
          ok = read_compare(arg, col, label, it->second, arg.Scalar(), part) && ok;
        }
        c.children.push_back(std::move(part));
      }
      std::vector<std::string> parts;
      for (const Condition& part : c.children) parts.push_back(part.source);
      c.source.clear();
      for (const auto& part : parts) c.source += (c.source.empty() ? "" : " and ") + part;
      return ok;
    }
    r_.error(r_.mark(value), "bad_condition", {{"label", label}, {"column", col.id}});
    return false;
  }

  bool read_compare(const YAML::Node& node, const Column& col, const std::string& label, const std::string& op,
                    const std::string& text, Condition& c) {
    if (col.type != ColumnType::integer && col.type != ColumnType::date) {
      r_.error(r_.mark(node), "compare_type",
               {{"label", label}, {"op", op}, {"column", col.id}, {"type", std::string(type_name(col.type))}});
      return false;
    }
    std::int64_t v = 0;
    bool parsed = col.type == ColumnType::integer ? parse_integer(text, v) : parse_date(text, DateFormat::iso, v);
    if (!parsed) {
      r_.error(r_.mark(node), col.type == ColumnType::integer ? "compare_not_int" : "compare_not_date",
               {{"label", label},
                {"value", text},
                {"op", op},
                {"column", col.id},
                {"type", std::string(type_name(col.type))}});
      return false;
    }
    c.kind = Condition::Kind::compare;
    c.column = static_cast<int>(&col - schema_.columns.data());
    c.type = col.type;
    c.number = v;
    c.cmp = op == "<"    ? Condition::Cmp::lt
            : op == "<=" ? Condition::Cmp::le
            : op == ">"  ? Condition::Cmp::gt
                         : Condition::Cmp::ge;
    return true;
  }

  YamlReader& r_;
  const Schema& schema_;
  const Taxonomy& taxonomy_;
};

}  // namespace

void read_rules(YamlReader& r, const YAML::Node& node, const Schema& schema, const Taxonomy& taxonomy,
                std::vector<Rule>& rules) {
  RulesReader(r, schema, taxonomy).read(node, rules);
}

}  // namespace ftstatus::detail
