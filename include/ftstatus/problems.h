#pragma once
// ftstatus public API, layer: model.
// The problem catalogue: every problem and error ftstatus can report, with a
// stable code, a severity, and a message and a one-line fix in English and
// Spanish whose {named} fields are filled by fmt. Every text a user sees is
// made here; the rest of the library carries a Problem (code + fields) and
// turns it into words only at the edge.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ftstatus/lang.h"

namespace ftstatus {

enum class Severity { error, warning, note };

// One entry of the catalogue (src/model/problems.cpp holds the table).
struct ProblemInfo {
  std::string_view code;  // stable: output and scripts use it
  Severity severity;
  std::string_view message_en;
  std::string_view message_es;
  std::string_view fix_en;  // may be empty: nothing to suggest
  std::string_view fix_es;
  // Empty for a code's main entry. Some codes are worded differently where
  // they are reported (a classified row says less than `validate` does);
  // each other wording is an entry of its own with the same code, a variant
  // name, and the key "code/variant".
  std::string_view variant = {};

  // The message or fix pattern in `lang`, {fields} not filled.
  std::string_view message(Lang lang) const;
  std::string_view fix(Lang lang) const;
};

// Every entry, in catalogue order, variants included.
std::span<const ProblemInfo> problem_catalogue();
// The entry with this key ("code" or "code/variant"); throws
// std::out_of_range for an unknown key (a programming error: keys are
// compile-time names).
const ProblemInfo& problem_info(std::string_view key);
std::string_view severity_name(Severity severity);

// A problem as the library reports it: a catalogue code and the values of its
// {fields}. Cheap to build; texts are made only when asked for.
class Problem {
 public:
  Problem() = default;
  // `key` is a catalogue key, "code" or "code/variant"; field names are
  // string literals (they are kept as views).
  explicit Problem(std::string_view key) : info_(&problem_info(key)) {}
  Problem(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> fields);

  // Sets one {field}; returns *this so calls chain.
  Problem& with(std::string_view name, std::string value);

  // The code users see (a variant's code, without "/variant"); empty for a
  // default-constructed Problem.
  std::string_view code() const { return info_ == nullptr ? std::string_view() : info_->code; }
  const ProblemInfo& info() const;
  // The value of a field, or empty.
  std::string_view field(std::string_view name) const;
  // The message and fix in `lang`, fields filled in.
  std::string message(Lang lang) const;
  std::string fix(Lang lang) const;
  // The one-line form stderr and lint print: the message, then "; " and the
  // fix when there is one.
  std::string text(Lang lang) const;

 private:
  const ProblemInfo* info_ = nullptr;
  std::vector<std::pair<std::string_view, std::string>> fields_;
};

// A field value for an operating-system error (errno): the message shows it
// in the problem's language (the catalogue's system_error rows; the C
// library's English text for an errno the catalogue does not know).
std::string system_error_field(int error_number);

// Fills {name} fields of `pattern` from `fields` with fmt (a field without a
// value is left empty; braces in values are kept as they are; "{{" and "}}"
// in a pattern are literal braces). Exposed for the catalogue's tests.
std::string fill_fields(std::string_view pattern, const std::vector<std::pair<std::string_view, std::string>>& fields);
// The names of the {fields} of `pattern`, in order of first use.
std::vector<std::string_view> pattern_fields(std::string_view pattern);

// The library's one error type: a problem and where it is. A position part
// that is 0 is unknown and left out of the text.
struct Error {
  Error() = default;
  explicit Error(Problem p, std::string where = {}, long at_line = 0, long at_column = 0)
      : problem(std::move(p)), file(std::move(where)), line(at_line), column(at_column) {}

  Problem problem;
  std::string file;
  long line = 0;
  long column = 0;

  // "file:line:column: text" in `lang` (Problem::text: the message, and
  // "; fix" when there is a fix); parts that are unknown are left out.
  std::string to_string(Lang lang) const;
};

// Ok, or an Error. [[nodiscard]] so an error cannot be dropped by accident.
class [[nodiscard]] Result {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT: implicit on purpose
  bool ok() const { return !failed_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace ftstatus
