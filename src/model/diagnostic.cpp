#include "ftstatus/diagnostic.h"

#include <fmt/format.h>

namespace ftstatus {

std::string Diagnostic::to_string() const {
  if (line <= 0) return fmt::format("{}: {}", file, message);
  if (column <= 0) return fmt::format("{}:{}: {}", file, line, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

}  // namespace ftstatus
