#include "ftstatus/columns.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "model/names.h"

namespace ftstatus {

namespace {

// Words that say nothing about which column a header is ("Customer Intent",
// "Blocker Reason", "Estado de migración"): dropped before guessing.
constexpr std::array kGenericWords = {"customer", "customers", "client", "clients", "cliente", "clientes",
                                      "status",   "reason",    "name",   "date",    "the",     "of",
                                      "a",        "de",        "del",    "la",      "el",      "los",
                                      "las",      "estado",    "motivo", "nombre",  "fecha"};

std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> out;
  const std::string folded = fold_name(text);  // lower case, no accents, punctuation as single spaces
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string word = folded.substr(start, end - start);
    if (!word.empty() && std::find(kGenericWords.begin(), kGenericWords.end(), word) == kGenericWords.end())
      out.push_back(std::move(word));
    start = end + 1;
  }
  return out;
}

std::string_view singular(std::string_view word) {
  if (word.size() > 3 && word.ends_with("es")) return word.substr(0, word.size() - 2);
  if (word.size() > 2 && word.ends_with('s')) return word.substr(0, word.size() - 1);
  return word;
}

// A header word stands for a name word when they are equal, equal but for a
// plural, or the header word abbreviates it ("cust", "deploy", "att").
bool stands_for(std::string_view header_word, std::string_view name_word) {
  if (header_word == name_word || singular(header_word) == singular(name_word)) return true;
  return header_word.size() >= 3 && name_word.size() > header_word.size() && name_word.starts_with(header_word);
}

// How many words of `name` the header covers; 0 unless it covers them all
// (each by a different header word), so "Users" does not become active_users.
std::size_t coverage(const std::vector<std::string>& header, const std::vector<std::string>& name) {
  if (name.empty() || header.empty()) return 0;
  std::vector<bool> used(header.size(), false);
  for (const std::string& word : name) {
    bool found = false;
    for (std::size_t h = 0; h < header.size() && !found; ++h) {
      if (used[h] || !stands_for(header[h], word)) continue;
      used[h] = found = true;
    }
    if (!found) return 0;
  }
  return name.size();
}

// Any shared word at all: enough to list a header as "might be" a missing column.
std::size_t overlap(const std::vector<std::string>& header, const std::vector<std::string>& name) {
  std::size_t n = 0;
  for (const std::string& word : name)
    for (const std::string& h : header)
      if (stands_for(h, word) || stands_for(word, h)) {
        ++n;
        break;
      }
  return n;
}

std::vector<std::vector<std::string>> names_of(const Column& column) {
  std::vector<std::vector<std::string>> names;
  names.push_back(tokens_of(column.id));
  for (const std::string& alias : column.aliases) names.push_back(tokens_of(alias));
  return names;
}

void collect_columns(const Condition& condition, std::vector<bool>& read) {
  if (condition.column >= 0 && static_cast<std::size_t>(condition.column) < read.size())
    read[static_cast<std::size_t>(condition.column)] = true;
  for (const Condition& child : condition.children) collect_columns(child, read);
}

// 'intent', 'customer_responded': column ids as --map takes them.
std::string single_quoted_list(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& item : items) quoted.push_back("'" + item + "'");
  return fmt::format("{}", fmt::join(quoted, ", "));
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += '"' + item + '"';
  }
  return out;
}

}  // namespace

std::string_view match_kind_name(MatchKind kind) {
  switch (kind) {
    case MatchKind::exact:
      return "exact";
    case MatchKind::alias:
      return "alias";
    case MatchKind::guessed:
      return "guessed";
    case MatchKind::mapped:
      return "mapped";
    case MatchKind::unused:
      return "unused";
    case MatchKind::output:
      return "output";
  }
  return "unused";
}

std::optional<HeaderMapping> parse_mapping(std::string_view text) {
  const std::size_t eq = text.rfind('=');
  if (eq == std::string_view::npos) return std::nullopt;
  HeaderMapping map{std::string(trim(text.substr(0, eq))), std::string(trim(text.substr(eq + 1))), "--map"};
  if (map.header.empty() || map.column.empty()) return std::nullopt;
  return map;
}

Result read_map_file(const std::string& path, std::vector<HeaderMapping>& maps) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{Problem("input_cannot_open", {{"reason", system_error_field(errno)}}), path};
  std::string line;
  for (long number = 1; std::getline(in, line); ++number) {
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    std::optional<HeaderMapping> map = parse_mapping(text);
    if (!map) return Error{Problem("map_line_invalid", {{"text", std::string(text)}}), path, number};
    map->origin = fmt::format("{}:{}", path, number);
    maps.push_back(std::move(*map));
  }
  if (in.bad()) return Error{Problem("input_read_error"), path};
  return {};
}

const std::vector<std::string>& output_column_names() {
  // Indexes are fixed (writers name them kRule, ...); the output order is the writers'.
  static const std::vector<std::string> names = {"suggested_l1", "suggested_l2",     "suggested_l3",
                                                 "rule",         "problems",         "changed",
                                                 "explanation",  "problem_messages", "suggested_target_date"};
  return names;
}

std::vector<bool> columns_read_by_rules(const RuleSet& rules) {
  std::vector<bool> read(rules.schema.columns.size(), false);
  for (const Rule& rule : rules.rules) collect_columns(rule.when, read);
  for (std::size_t c = 0; c < read.size(); ++c) read[c] = read[c] || rules.schema.columns[c].required;
  return read;
}

void rank_candidates_by_values(const Schema& schema, const std::vector<std::vector<std::string>>& rows,
                               ColumnReport& report) {
  for (MissingColumn& m : report.missing) {
    const Column& column = schema.columns[static_cast<std::size_t>(m.column)];
    if (column.type == ColumnType::string || column.type == ColumnType::integer) continue;  // anything fits those
    std::vector<std::string> fitting;
    for (const HeaderMatch& h : report.headers) {
      if (h.kind != MatchKind::unused) continue;
      long given = 0;
      bool all_read = true;
      for (const auto& row : rows) {
        if (h.field >= row.size()) continue;
        const std::string_view text = trim(row[h.field]);
        if (text.empty()) continue;
        ++given;
        std::int64_t value = 0;
        bool flag = false;
        const bool read = column.type == ColumnType::enumeration ? parse_enum(column, text) >= 0
                          : column.type == ColumnType::boolean   ? parse_bool(text, flag)
                                                                 : parse_date(text, DateFormat::automatic, value);
        if (!read) {
          all_read = false;
          break;
        }
      }
      if (all_read && given > 0) fitting.emplace_back(trim(h.header));
    }
    if (fitting.size() == 1) m.suggestion = fitting.front();
    // The fitting headers first, then the ones that only share a word.
    for (const std::string& other : m.candidates)
      if (std::find(fitting.begin(), fitting.end(), other) == fitting.end()) fitting.push_back(other);
    m.candidates = std::move(fitting);
  }
}

bool ColumnReport::stops() const {
  return std::any_of(missing.begin(), missing.end(), [](const MissingColumn& m) { return !m.allowed; });
}

bool ColumnReport::notable() const {
  if (stops()) return true;
  return std::any_of(headers.begin(), headers.end(), [](const HeaderMatch& h) {
    return h.kind == MatchKind::guessed || h.kind == MatchKind::mapped || h.kind == MatchKind::unused;
  });
}

Problem ColumnReport::stop_problem(const Schema& schema) const {
  std::string columns;
  std::string maps;
  std::vector<std::string> allowable;
  for (const MissingColumn& m : missing) {
    if (m.allowed) continue;
    const Column& column = schema.columns[static_cast<std::size_t>(m.column)];
    if (!columns.empty()) columns += ", ";
    columns += column.id;
    const std::string header = !m.suggestion.empty() ? m.suggestion : std::string("...");
    maps += fmt::format(" --map '{}={}'", header, column.id);
    if (!column.required) allowable.push_back(column.id);
  }
  // One header holding delimiters: the file was split on the wrong one.
  if (headers.size() == 1) {
    const std::string& only = headers.front().header;
    for (const char candidate : {',', ';', '\t'})
      if (only.find(candidate) != std::string::npos)
        return Problem("columns_missing/one_column",
                       {{"columns", columns}, {"delimiter", candidate == '\t' ? "tab" : std::string(1, candidate)}});
  }
  std::string allows;
  if (allowable.size() > 2)
    allows = " --allow-missing all";
  else
    for (const std::string& id : allowable) allows += " --allow-missing " + id;
  return Problem(allowable.empty() ? "columns_missing/required" : "columns_missing",
                 {{"columns", columns}, {"maps", maps}, {"allows", allows}});
}

Result account_columns(const RuleSet& rules, const std::vector<std::string_view>& header, const ColumnOptions& options,
                       ColumnReport& report) {
  const Schema& schema = rules.schema;
  report = ColumnReport{};
  report.field_of_column.assign(schema.columns.size(), -1);
  for (std::size_t f = 0; f < header.size(); ++f)
    report.headers.push_back({f, std::string(header[f]), MatchKind::unused, -1, -1, {}});

  auto bind = [&](std::size_t f, int column, MatchKind kind) -> Result {
    int& field = report.field_of_column[static_cast<std::size_t>(column)];
    if (field >= 0 && static_cast<std::size_t>(field) != f)
      return Error{
          Problem("header_duplicate_column", {{"first", std::to_string(field + 1)},
                                              {"first_name", std::string(header[static_cast<std::size_t>(field)])},
                                              {"second", std::to_string(f + 1)},
                                              {"second_name", std::string(header[f])},
                                              {"column", schema.columns[static_cast<std::size_t>(column)].id}})};
    field = static_cast<int>(f);
    report.headers[f].kind = kind;
    report.headers[f].column = column;
    return {};
  };

  // An output classified again: its own added columns are recognised (only
  // when suggested_l1 is there, so a partner's own "Problems" column stays theirs).
  const std::vector<std::string>& outputs = output_column_names();
  const bool classified_before = std::any_of(header.begin(), header.end(), [&](std::string_view h) {
    return normalize_header(h) == normalize_header(outputs.front());
  });
  if (classified_before)
    for (std::size_t f = 0; f < header.size(); ++f)
      for (std::size_t k = 0; k < outputs.size(); ++k)
        if (normalize_header(header[f]) == normalize_header(outputs[k])) {
          report.headers[f].kind = MatchKind::output;
          report.headers[f].output = static_cast<int>(k);
        }

  // 1. Maps the user gave win over everything else.
  for (const HeaderMapping& map : options.maps) {
    const int column = schema.find(map.column);
    if (column < 0) {
      std::vector<std::string> ids;
      for (const Column& c : schema.columns) ids.push_back(c.id);
      const std::vector<std::string> near = closest_names(map.column, ids);
      return Error{Problem(near.empty() ? "map_unknown_column" : "map_unknown_column/suggest",
                           {{"column", map.column},
                            {"map", map.header + "=" + map.column},
                            {"origin", map.origin},
                            {"near", single_quoted_list(near)},
                            {"columns", fmt::format("{}", fmt::join(ids, ", "))}})};
    }
    std::size_t found = header.size();
    for (std::size_t f = 0; f < header.size() && found == header.size(); ++f)
      if (trim(header[f]) == trim(map.header)) found = f;
    for (std::size_t f = 0; f < header.size() && found == header.size(); ++f)
      if (normalize_header(header[f]) == normalize_header(map.header)) found = f;
    if (found == header.size()) {
      const std::vector<std::string> headers(header.begin(), header.end());
      const std::vector<std::string> near = closest_names(map.header, headers);
      return Error{Problem(near.empty() ? "map_header_not_found" : "map_header_not_found/suggest",
                           {{"header", map.header},
                            {"map", map.header + "=" + map.column},
                            {"origin", map.origin},
                            {"near", quoted_list(near)},
                            {"headers", quoted_list(headers)}})};
    }
    if (report.headers[found].kind == MatchKind::mapped && report.headers[found].column != column)
      return Error{Problem("map_header_twice", {{"header", map.header}, {"origin", map.origin}})};
    if (Result s = bind(found, column, MatchKind::mapped); !s.ok()) return s;
    report.headers[found].origin = map.origin;
  }

  // 2. Exact names and aliases (case, accents, spaces, '_' and '-' ignored).
  for (std::size_t f = 0; f < header.size(); ++f) {
    if (report.headers[f].kind != MatchKind::unused) continue;
    const std::string key = normalize_header(header[f]);
    if (key.empty()) continue;
    for (std::size_t c = 0; c < schema.columns.size(); ++c) {
      const Column& column = schema.columns[c];
      MatchKind kind = MatchKind::unused;
      if (normalize_header(column.id) == key) kind = MatchKind::exact;
      for (const std::string& alias : column.aliases)
        if (kind == MatchKind::unused && normalize_header(alias) == key) kind = MatchKind::alias;
      if (kind == MatchKind::unused) continue;
      // A mapped column keeps its header; this one stays unused.
      if (report.field_of_column[c] >= 0 &&
          report.headers[static_cast<std::size_t>(report.field_of_column[c])].kind == MatchKind::mapped)
        break;
      if (Result s = bind(f, static_cast<int>(c), kind); !s.ok()) return s;
      break;
    }
  }

  // 3. Guesses by words, for what is left: a header guesses a column when it
  // covers every word of one of its names, and no other column is covered as
  // well; a column two headers guess equally well is guessed by neither.
  std::vector<std::vector<std::string>> header_words(header.size());
  for (std::size_t f = 0; f < header.size(); ++f)
    // A header holding a delimiter comes from a file split on the wrong one: no guess.
    if (report.headers[f].kind == MatchKind::unused && header[f].find_first_of(",;\t") == std::string_view::npos)
      header_words[f] = tokens_of(header[f]);
  struct Guess {
    std::size_t field;
    int column;
    std::size_t strength;
  };
  std::vector<Guess> guesses;
  for (std::size_t f = 0; f < header.size(); ++f) {
    if (report.headers[f].kind != MatchKind::unused || header_words[f].empty()) continue;
    std::size_t best = 0;
    int best_column = -1;
    bool tie = false;
    for (std::size_t c = 0; c < schema.columns.size(); ++c) {
      if (report.field_of_column[c] >= 0) continue;
      std::size_t strength = 0;
      for (const auto& name : names_of(schema.columns[c]))
        strength = std::max(strength, coverage(header_words[f], name));
      if (strength == 0) continue;
      if (strength > best) {
        best = strength;
        best_column = static_cast<int>(c);
        tie = false;
      } else if (strength == best) {
        tie = true;
      }
    }
    if (best_column >= 0 && !tie) guesses.push_back({f, best_column, best});
  }
  for (const Guess& g : guesses) {
    bool contested = false;
    for (const Guess& other : guesses)
      if (&other != &g && other.column == g.column && other.strength >= g.strength) contested = true;
    if (contested) continue;
    if (Result s = bind(g.field, g.column, MatchKind::guessed); !s.ok()) return s;
  }

  // 4. What is still missing, and which unused headers might be it.
  const std::vector<bool> needed = columns_read_by_rules(rules);
  const bool allow_all =
      std::find(options.allow_missing.begin(), options.allow_missing.end(), "all") != options.allow_missing.end();
  for (std::size_t c = 0; c < schema.columns.size(); ++c) {
    const Column& column = schema.columns[c];
    if (report.field_of_column[c] >= 0 || !needed[c] || (column.optional && !column.required)) continue;
    MissingColumn missing;
    missing.column = static_cast<int>(c);
    missing.allowed = !column.required &&
                      (allow_all || std::find(options.allow_missing.begin(), options.allow_missing.end(), column.id) !=
                                        options.allow_missing.end());
    std::vector<std::pair<std::size_t, std::size_t>> ranked;  // (overlap, field)
    for (std::size_t f = 0; f < header.size(); ++f) {
      if (report.headers[f].kind != MatchKind::unused) continue;
      std::size_t best = 0;
      for (const auto& name : names_of(column)) best = std::max(best, overlap(header_words[f], name));
      if (best > 0) ranked.emplace_back(best, f);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [score, f] : ranked) missing.candidates.emplace_back(trim(header[f]));
    if (missing.candidates.size() == 1) missing.suggestion = missing.candidates.front();
    report.missing.push_back(std::move(missing));
  }
  return {};
}

}  // namespace ftstatus
