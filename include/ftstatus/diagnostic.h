#pragma once
// ftstatus public API, layer: model.
// A problem found in an input file, with where it is (1-based line and column).
#include <string>
#include <vector>

namespace ftstatus {

struct Diagnostic {
  std::string file;
  int line = 0;  // 0 when the position is unknown
  int column = 0;
  std::string message;

  // "file:line:column: message" (the position parts are left out when unknown).
  std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace ftstatus
