// The problem catalogue's look-ups: entries by key, {fields} filled with fmt,
// and the error type's text. The table itself is problem_catalogue.cpp.
#include "ftstatus/problems.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include <fmt/args.h>
#include <fmt/format.h>

namespace ftstatus {

namespace {

std::string key_of(const ProblemInfo& info) {
  std::string key(info.code);
  if (!info.variant.empty()) key.append("/").append(info.variant);
  return key;
}

const std::unordered_map<std::string, const ProblemInfo*>& index() {
  static const std::unordered_map<std::string, const ProblemInfo*> by_key = [] {
    std::unordered_map<std::string, const ProblemInfo*> out;
    for (const ProblemInfo& info : problem_catalogue()) out.emplace(key_of(info), &info);
    return out;
  }();
  return by_key;
}

}  // namespace

std::string_view ProblemInfo::message(Lang lang) const { return lang == Lang::es ? message_es : message_en; }
std::string_view ProblemInfo::fix(Lang lang) const { return lang == Lang::es ? fix_es : fix_en; }

const ProblemInfo& problem_info(std::string_view key) {
  const auto& by_key = index();
  auto found = by_key.find(std::string(key));
  if (found == by_key.end()) throw std::out_of_range(fmt::format("no problem '{}' in the catalogue", key));
  return *found->second;
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

Problem::Problem(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> fields)
    : info_(&problem_info(key)), fields_(fields) {}

Problem& Problem::with(std::string_view name, std::string value) {
  for (auto& [field_name, field_value] : fields_) {
    if (field_name == name) {
      field_value = std::move(value);
      return *this;
    }
  }
  fields_.emplace_back(name, std::move(value));
  return *this;
}

const ProblemInfo& Problem::info() const {
  if (info_ == nullptr) throw std::logic_error("an empty Problem has no catalogue entry");
  return *info_;
}

std::string_view Problem::field(std::string_view name) const {
  for (const auto& [field_name, value] : fields_)
    if (field_name == name) return value;
  return {};
}

namespace {

constexpr std::string_view kErrnoPrefix = "errno:";

// The errno names the catalogue words (system_error/NAME).
std::string_view errno_name(int error_number) {
  switch (error_number) {
    case ENOENT:
      return "enoent";
    case EACCES:
      return "eacces";
    case EPERM:
      return "eperm";
    case EISDIR:
      return "eisdir";
    case ENOTDIR:
      return "enotdir";
    case ENOSPC:
      return "enospc";
    case EDQUOT:
      return "edquot";
    case EROFS:
      return "erofs";
    case EIO:
      return "eio";
    case EPIPE:
      return "epipe";
    case EMFILE:
      return "emfile";
    case ENAMETOOLONG:
      return "enametoolong";
    case EFBIG:
      return "efbig";
    default:
      return {};
  }
}

// The fields with system errors put in words in `lang`; others as they are.
std::vector<std::pair<std::string_view, std::string>> localized(
    const std::vector<std::pair<std::string_view, std::string>>& fields, Lang lang) {
  std::vector<std::pair<std::string_view, std::string>> out = fields;
  for (auto& [name, value] : out) {
    if (!value.starts_with(kErrnoPrefix)) continue;
    const int error_number = std::atoi(value.c_str() + kErrnoPrefix.size());
    const std::string_view known = errno_name(error_number);
    value = known.empty() ? std::string(std::strerror(error_number))
                          : std::string(problem_info("system_error/" + std::string(known)).message(lang));
  }
  return out;
}

bool has_system_error(const std::vector<std::pair<std::string_view, std::string>>& fields) {
  for (const auto& field : fields)
    if (field.second.starts_with(kErrnoPrefix)) return true;
  return false;
}

}  // namespace

std::string system_error_field(int error_number) { return std::string(kErrnoPrefix) + std::to_string(error_number); }

std::string Problem::message(Lang lang) const {
  if (has_system_error(fields_)) return fill_fields(info().message(lang), localized(fields_, lang));
  return fill_fields(info().message(lang), fields_);
}

std::string Problem::fix(Lang lang) const {
  if (has_system_error(fields_)) return fill_fields(info().fix(lang), localized(fields_, lang));
  return fill_fields(info().fix(lang), fields_);
}

std::string Problem::text(Lang lang) const {
  std::string out = message(lang);
  if (std::string hint = fix(lang); !hint.empty()) out.append("; ").append(hint);
  return out;
}

std::vector<std::string_view> pattern_fields(std::string_view pattern) {
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') continue;
    if (i + 1 < pattern.size() && pattern[i + 1] == '{') {  // "{{" is a literal brace
      ++i;
      continue;
    }
    std::size_t close = pattern.find('}', i + 1);
    if (close == std::string_view::npos) break;  // fmt reports the broken pattern
    std::string_view name = pattern.substr(i + 1, close - i - 1);
    name = name.substr(0, name.find(':'));  // a format spec is not part of the name
    bool seen = false;
    for (std::string_view earlier : names) seen = seen || earlier == name;
    if (!seen) names.push_back(name);
    i = close;
  }
  return names;
}

std::string fill_fields(std::string_view pattern, const std::vector<std::pair<std::string_view, std::string>>& fields) {
  if (pattern.find_first_of("{}") == std::string_view::npos) return std::string(pattern);
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (std::string_view name : pattern_fields(pattern)) {
    std::string_view value;
    for (const auto& [field_name, field_value] : fields)
      if (field_name == name) value = field_value;
    // The store copies the name; the value is a view of `fields`, which
    // outlives the call. Values are arguments, never part of the pattern,
    // so braces in them are printed as they are.
    args.push_back(fmt::arg(std::string(name).c_str(), value));
  }
  return fmt::vformat(fmt::string_view(pattern.data(), pattern.size()), args);
}

std::string Error::to_string(Lang lang) const {
  std::string text = problem.text(lang);
  if (file.empty()) return text;
  if (line <= 0) return fmt::format("{}: {}", file, text);
  if (column <= 0) return fmt::format("{}:{}: {}", file, line, text);
  return fmt::format("{}:{}:{}: {}", file, line, column, text);
}

}  // namespace ftstatus
