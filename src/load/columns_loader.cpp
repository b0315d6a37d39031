// The `columns` section of a taxonomy file: the record schema the rules read.
#include "load/rules_loader.h"

#include "model/names.h"

namespace ftstatus::detail {

namespace {

constexpr std::size_t kMaxEnumValues = 63;

// value_aliases: {yes: [sí, si], unknown: [desconocido]}
bool read_value_aliases(YamlReader& r, const YAML::Node& node, const YamlReader::Owner& owned, Column& col) {
  const std::string& label = owned.label;
  if (col.type != ColumnType::enumeration || !node.IsMap()) {
    r.error(r.mark(node), "value_aliases_not_mapping", {{"owner", owned.of}});
    return false;
  }
  bool ok = true;
  for (const auto& entry : node) {
    std::string value = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
    int index = -1;
    for (std::size_t i = 0; i < col.values.size(); ++i)
      if (col.values[i] == value) index = static_cast<int>(i);
    if (index < 0) {
      r.error(r.mark(entry.first), "alias_of_unknown_value",
              {{"value", value}, {"owner", owned.of}, {"values", join(col.values)}});
      ok = false;
      continue;
    }
    std::vector<std::string> spellings;
    if (entry.second.IsSequence()) {
      for (const YAML::Node& a : entry.second) {
        std::string text;
        if (r.read_string(a, r.place("alias_of_value", {{"value", value}}), text))
          spellings.push_back(text);
        else
          ok = false;
      }
    } else {
      r.error(r.mark(entry.second), "value_aliases_not_list", {{"value", value}, {"label", label}});
      ok = false;
    }
    for (const std::string& spelling : spellings) {
      std::string folded = fold_name(spelling);
      if (folded.empty()) {
        r.error(r.mark(entry.second), "alias_without_letters",
                {{"label", label}, {"alias", spelling}, {"value", value}});
        ok = false;
        continue;
      }
      int other = parse_enum(col, spelling);
      if (other >= 0 && other != index) {
        r.error(r.mark(entry.second), "alias_taken",
                {{"label", label},
                 {"alias", spelling},
                 {"value", value},
                 {"other", col.values[static_cast<std::size_t>(other)]}});
        ok = false;
        continue;
      }
      col.value_aliases.emplace_back(folded, index);
    }
  }
  return ok;
}

}  // namespace

void read_columns(YamlReader& r, const YAML::Node& list, Schema& schema) {
  if (!list.IsSequence() || list.size() == 0) {
    r.error(r.mark(list), "columns_not_list");
    return;
  }
  std::map<std::string, std::string> headers;  // normalized header -> column id
  for (const YAML::Node& node : list) {
    const std::string what = r.place("a_column");
    if (!r.expect_map(node, what)) continue;
    r.check_keys(node,
                 {"id", "type", "values", "value_aliases", "required", "optional", "unique", "aliases", "description"},
                 what);
    Column col;
    col.line = r.mark(node).line + 1;
    bool ok = true;
    if (!node["id"]) {
      r.error(r.mark(node), "column_without_id");
      continue;
    }
    ok = r.read_id(node["id"], r.place("column_id"), col.id) && ok;
    // A column is named by its id even when the id was refused ("column ''").
    const YamlReader::Owner owned{r.place("column", {{"id", col.id}}), r.place("of_column", {{"id", col.id}})};
    const std::string& label = owned.label;
    std::string type_text = "string";
    if (node["type"]) ok = r.read_string(node["type"], r.place("type_of", {{"owner", owned.of}}), type_text) && ok;
    if (auto type = parse_column_type(type_text)) {
      col.type = *type;
    } else {
      r.error(r.mark(node["type"]), "unknown_type", {{"label", label}, {"type", type_text}});
      ok = false;
    }
    if (const YAML::Node values = node["values"]) {
      if (col.type != ColumnType::enumeration) {
        r.error(r.mark(values), "values_not_enum", {{"label", label}});
        ok = false;
      } else if (!values.IsSequence() || values.size() == 0 || values.size() > kMaxEnumValues) {
        r.error(r.mark(values), "values_list", {{"owner", owned.of}, {"max", std::to_string(kMaxEnumValues)}});
        ok = false;
      } else {
        for (const YAML::Node& v : values) {
          std::string text;
          if (!r.read_string(v, r.place("value_of", {{"owner", owned.of}}), text)) {
            ok = false;
            continue;
          }
          if (lower_ascii(text) == "empty" || parse_enum(col, text) >= 0) {
            r.error(r.mark(v), lower_ascii(text) == "empty" ? "value_reserved" : "value_twice",
                    {{"label", label}, {"value", text}});
            ok = false;
            continue;
          }
          col.values.emplace_back(trim(text));
        }
      }
    } else if (col.type == ColumnType::enumeration) {
      r.error(r.mark(node), "enum_without_values", {{"label", label}});
      ok = false;
    }
    if (const YAML::Node value_aliases = node["value_aliases"])
      ok = read_value_aliases(r, value_aliases, owned, col) && ok;
    if (node["required"])
      ok = r.read_bool(node["required"], r.place("key_of", {{"key", "required"}, {"owner", owned.of}}), col.required) &&
           ok;
    if (node["optional"])
      ok = r.read_bool(node["optional"], r.place("key_of", {{"key", "optional"}, {"owner", owned.of}}), col.optional) &&
           ok;
    if (node["unique"])
      ok = r.read_bool(node["unique"], r.place("key_of", {{"key", "unique"}, {"owner", owned.of}}), col.unique) && ok;
    if (const YAML::Node aliases = node["aliases"]) {
      if (!aliases.IsSequence()) {
        r.error(r.mark(aliases), "aliases_not_list", {{"owner", owned.of}});
        ok = false;
      } else {
        for (const YAML::Node& a : aliases) {
          std::string text;
          if (r.read_string(a, r.place("alias_of", {{"owner", owned.of}}), text))
            col.aliases.push_back(text);
          else
            ok = false;
        }
      }
    }
    if (!ok) continue;
    std::vector<std::string> names = col.aliases;
    names.insert(names.begin(), col.id);
    bool clash = false;
    for (const std::string& name : names) {
      auto [it, fresh] = headers.emplace(normalize_header(name), col.id);
      if (!fresh && it->second != col.id) {
        r.error(r.mark(node), "header_clash", {{"name", name}, {"owner", owned.of}, {"other", it->second}});
        clash = true;
      } else if (!fresh && name == col.id) {
        r.error(r.mark(node), "duplicate_column_id", {{"id", col.id}});
        clash = true;
      }
    }
    if (!clash) schema.columns.push_back(std::move(col));
  }
}

}  // namespace ftstatus::detail
