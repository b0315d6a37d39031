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
};

// Every entry, in catalogue order.
std::span<const ProblemInfo> problem_catalogue();
// The entry with this code; throws std::out_of_range for an unknown code
// (a programming error: codes are compile-time names).
const ProblemInfo& problem_info(std::string_view code);
std::string_view severity_name(Severity severity);

// A problem as the library reports it: a catalogue code and the values of its
// {fields}. Cheap to build; texts are made only when asked for.
class Problem {
 public:
  Problem() = default;
  explicit Problem(std::string_view code) : code_(code) {}
  Problem(std::string_view code, std::initializer_list<std::pair<std::string_view, std::string>> fields);

  // Sets one {field}; returns *this so calls chain.
  Problem& with(std::string_view name, std::string value);

  std::string_view code() const { return code_; }
  const ProblemInfo& info() const { return problem_info(code_); }
  // The value of a field, or empty.
  std::string_view field(std::string_view name) const;
  // The message and fix in `lang`, fields filled in.
  std::string message(Lang lang) const;
  std::string fix(Lang lang) const;

 private:
  std::string_view code_;
  std::vector<std::pair<std::string_view, std::string>> fields_;
};

// Fills {name} fields of `pattern` from `fields` (a field without a value is
// left empty). Exposed for the catalogue's tests.
std::string fill_fields(std::string_view pattern,
                        const std::vector<std::pair<std::string_view, std::string>>& fields);

// The library's one error type: a problem and where it is. A position part
// that is 0 is unknown and left out of the text.
struct Error {
  Problem problem;
  std::string file;
  long line = 0;
  long column = 0;

  // "file:line:column: message" in `lang`.
  std::string to_string(Lang lang) const;
};

// Ok, or an Error. [[nodiscard]] so an error cannot be dropped by accident.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT: implicit on purpose
  bool ok() const { return !failed_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace ftstatus
