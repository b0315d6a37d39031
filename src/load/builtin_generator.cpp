// ftstatus_builtin_generator TAXONOMY.yaml OUTPUT.cpp
//
// Run by the build (src/CMakeLists.txt): loads the built-in taxonomy file
// with the normal loader and writes C++ that rebuilds the same Taxonomy and
// RuleSet without any YAML, so a run with the built-in taxonomy starts in
// microseconds. Construction code rather than a serialized blob: it needs
// no deserializer, and the compiler checks every field name. Every struct is
// taken apart with a structured binding, so a field added to one of them
// stops this file from compiling until it is written out here too; the test
// tests/load/builtin_compiled_test.cpp compares the result field by field
// with what the loader gives. A broken taxonomy file fails the build with
// the loader's messages.
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ftstatus/loader.h"

namespace {

using namespace ftstatus;

// A literal that keeps every byte, NULs included ("..."s). Bytes outside
// printable ASCII become three-digit octal escapes, which, unlike \x, cannot
// swallow the character after them.
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\')
      out += {'\\', c};
    else if (byte >= 0x20 && byte < 0x7F)
      out += c;
    else
      out += fmt::format("\\{:03o}", byte);
  }
  return out + "\"s";
}

std::string number(std::int64_t value) {
  // The most negative value has no literal of its own.
  if (value == std::numeric_limits<std::int64_t>::min()) return "std::numeric_limits<std::int64_t>::min()";
  return fmt::format("std::int64_t{{{}}}", value);
}

std::string boolean(bool value) { return value ? "true" : "false"; }

std::string strings(const std::vector<std::string>& list) {
  std::string out = "{";
  for (const std::string& item : list) out += literal(item) + ", ";
  return out + "}";
}

std::string text(const LocalizedText& value) {
  const auto& [en, es] = value;
  return fmt::format("LocalizedText{{.en = {}, .es = {}}}", literal(en), literal(es));
}

std::string column_type(ColumnType type) {
  switch (type) {
    case ColumnType::string:
      return "ColumnType::string";
    case ColumnType::integer:
      return "ColumnType::integer";
    case ColumnType::boolean:
      return "ColumnType::boolean";
    case ColumnType::date:
      return "ColumnType::date";
    case ColumnType::enumeration:
      return "ColumnType::enumeration";
  }
  return fmt::format("static_cast<ColumnType>({})", static_cast<int>(type));
}

std::string condition_kind(Condition::Kind kind) {
  switch (kind) {
    case Condition::Kind::all:
      return "Condition::Kind::all";
    case Condition::Kind::any:
      return "Condition::Kind::any";
    case Condition::Kind::one_of:
      return "Condition::Kind::one_of";
    case Condition::Kind::none_of:
      return "Condition::Kind::none_of";
    case Condition::Kind::empty:
      return "Condition::Kind::empty";
    case Condition::Kind::not_empty:
      return "Condition::Kind::not_empty";
    case Condition::Kind::compare:
      return "Condition::Kind::compare";
  }
  return fmt::format("static_cast<Condition::Kind>({})", static_cast<int>(kind));
}

std::string comparison(Condition::Cmp cmp) {
  switch (cmp) {
    case Condition::Cmp::lt:
      return "Condition::Cmp::lt";
    case Condition::Cmp::le:
      return "Condition::Cmp::le";
    case Condition::Cmp::gt:
      return "Condition::Cmp::gt";
    case Condition::Cmp::ge:
      return "Condition::Cmp::ge";
  }
  return fmt::format("static_cast<Condition::Cmp>({})", static_cast<int>(cmp));
}

std::string policy(const TargetDatePolicy& value) {
  const auto& [required, meaning, max_days_ahead, propose_days] = value;
  return fmt::format("TargetDatePolicy{{.required = {}, .meaning = {}, .max_days_ahead = {}, .propose_days = {}}}",
                     boolean(required), text(meaning), max_days_ahead, propose_days);
}

// Children and parent are left to Taxonomy::add, which links the tree (and
// indexes the names) exactly as the loader's calls did.
std::string status(const Status& value) {
  const auto& [id, level, name, description, notes, aliases, target_date, leaf, parent, children, line] = value;
  (void)children;
  return fmt::format(
      "Status{{.id = {}, .level = {}, .name = {},\n"
      "             .description = {},\n"
      "             .notes = {},\n"
      "             .aliases = {}, .target_date = {},\n"
      "             .leaf = {}, .parent = {}, .children = {{}}, .line = {}}}",
      literal(id), level, text(name), text(description), text(notes), strings(aliases), policy(target_date),
      boolean(leaf), parent, line);
}

std::string column(const Column& value) {
  const auto& [id, type, values, value_aliases, required, optional, unique, aliases, line] = value;
  std::string value_alias_list = "{";
  for (const auto& [spelling, index] : value_aliases)
    value_alias_list += fmt::format("{{{}, {}}}, ", literal(spelling), index);
  value_alias_list += "}";
  return fmt::format(
      "Column{{.id = {}, .type = {}, .values = {},\n"
      "         .value_aliases = {},\n"
      "         .required = {}, .optional = {}, .unique = {}, .aliases = {}, .line = {}}}",
      literal(id), column_type(type), strings(values), value_alias_list, boolean(required), boolean(optional),
      boolean(unique), strings(aliases), line);
}

std::string condition(const Condition& value, int indent) {
  const auto& [kind, column_index, type, cmp, compared, relative_days, match_empty, mask, numbers, string_values,
               children, source, line, col] = value;
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string number_list = "{";
  for (const std::int64_t n : numbers) number_list += number(n) + ", ";
  number_list += "}";
  std::string child_list = "{";
  for (const Condition& child : children) child_list += "\n" + pad + "  " + condition(child, indent + 2) + ",";
  child_list += children.empty() ? "}" : "\n" + pad + "}";
  return fmt::format(
      "Condition{{.kind = {}, .column = {}, .type = {}, .cmp = {}, .number = {},\n"
      "{}  .relative_days = {}, .match_empty = {}, .mask = {:#x}ull, .numbers = {},\n"
      "{}  .strings = {},\n"
      "{}  .children = {},\n"
      "{}  .source = {}, .line = {}, .col = {}}}",
      condition_kind(kind), column_index, column_type(type), comparison(cmp), number(compared), pad,
      boolean(relative_days), boolean(match_empty), mask, number_list, pad, strings(string_values), pad, child_list,
      pad, literal(source), line, col);
}

std::string rule(const Rule& value) {
  const auto& [id, description, when, then, line] = value;
  return fmt::format("Rule{{.id = {}, .description = {},\n       .when = {},\n       .then = {}, .line = {}}}",
                     literal(id), literal(description), condition(when, 7), then, line);
}

std::string generate(const std::string& file_name, const Taxonomy& taxonomy, const RuleSet& rules) {
  std::string out = fmt::format(
      "// Generated from {} by src/load/builtin_generator.cpp; do not edit.\n"
      "#include <cstdint>\n"
      "#include <limits>\n"
      "#include <string>\n\n"
      "#include \"load/builtin.h\"\n\n"
      "namespace ftstatus::detail {{\n\n"
      "using namespace std::string_literals;\n\n"
      "void build_builtin_taxonomy(Taxonomy& taxonomy, RuleSet& rules) {{\n",
      file_name);
  out += fmt::format("  taxonomy.id = {};\n  taxonomy.name = {};\n  taxonomy.source = {};\n", literal(taxonomy.id),
                     text(taxonomy.name), literal(taxonomy.source));
  out += fmt::format("  taxonomy.max_days_ahead = {};\n", taxonomy.max_days_ahead);
  // Statuses in index order: the loader adds each parent before its children.
  for (const Status& s : taxonomy.statuses())
    out += fmt::format("  taxonomy.add({},\n               {});\n", status(s), s.parent);
  const auto& [schema, rule_list] = rules;
  const auto& [columns] = schema;
  out += "  rules.schema.columns.reserve(" + std::to_string(columns.size()) + ");\n";
  for (const Column& c : columns) out += "  rules.schema.columns.push_back(" + column(c) + ");\n";
  out += "  rules.rules.reserve(" + std::to_string(rule_list.size()) + ");\n";
  for (const Rule& r : rule_list) out += "  rules.rules.push_back(" + rule(r) + ");\n";
  out += "}\n\n}  // namespace ftstatus::detail\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: ftstatus_builtin_generator TAXONOMY.yaml OUTPUT.cpp\n";
    return 2;
  }
  const std::string input = argv[1];
  const std::string output = argv[2];
  const LoadResult loaded = load_taxonomy_file(input);
  for (const Diagnostic& d : loaded.errors) std::cerr << d.to_string() << '\n';
  if (!loaded.ok()) return 1;
  std::string name = input.substr(input.find_last_of('/') + 1);
  const std::string code = generate(name, *loaded.taxonomy, loaded.rules);
  // Rewritten only when it changes, so a rebuilt generator does not recompile the tables.
  {
    std::ifstream in(output, std::ios::binary);
    std::ostringstream old;
    old << in.rdbuf();
    if (in && old.str() == code) return 0;
  }
  const std::string temporary = output + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << code;
    if (!out.flush()) {
      std::cerr << "ftstatus_builtin_generator: cannot write " << temporary << '\n';
      return 1;
    }
  }
  if (std::rename(temporary.c_str(), output.c_str()) != 0) {
    std::cerr << "ftstatus_builtin_generator: cannot write " << output << '\n';
    return 1;
  }
  return 0;
}
