// libFuzzer target for value and header folding (src/model/names.cpp,
// src/model/values.cpp, src/model/schema.cpp). The input is one cell or header.
// Properties:
// - folding is idempotent: fold(fold(x)) == fold(x) for fold_name,
//   normalize_name, normalize_header and trim; fold_name_into == fold_name;
// - a cell that parses as a boolean, integer or enum value parses again to
//   the same value from its canonical text (true/false, the decimal number,
//   the enum value as the taxonomy spells it).
#include <cstdint>
#include <string>

#include "ftstatus/schema.h"
#include "fuzz_support.h"
#include "model/names.h"

namespace {

ftstatus::Column make_enum_column() {
  ftstatus::Column column;
  column.id = "kind";
  column.type = ftstatus::ColumnType::enumeration;
  column.values = {"it_change", "on-premises", "Migraci\xC3\xB3n", "yes", "a b", "L2 - Config"};
  column.value_aliases = {{ftstatus::fold_name("s\xC3\xAD"), 3}, {ftstatus::fold_name("cambio TI"), 0}};
  return column;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ftstatus::Column column = make_enum_column();
  static std::string reused;  // fold_name_into's buffer, kept between runs as the reader keeps it
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const std::string folded = ftstatus::fold_name(text);
  FUZZ_CHECK(ftstatus::fold_name(folded) == folded);
  ftstatus::fold_name_into(reused, text);
  FUZZ_CHECK(reused == folded);

  const std::string normalized = ftstatus::normalize_name(text);
  FUZZ_CHECK(ftstatus::normalize_name(normalized) == normalized);

  const std::string header = ftstatus::normalize_header(text);
  FUZZ_CHECK(ftstatus::normalize_header(header) == header);
  FUZZ_CHECK(header.find(' ') == std::string::npos);

  const std::string_view trimmed = ftstatus::trim(text);
  FUZZ_CHECK(ftstatus::trim(trimmed) == trimmed);

  bool truth = false;
  if (ftstatus::parse_bool(text, truth)) {
    bool again = !truth;
    FUZZ_CHECK(ftstatus::parse_bool(truth ? "true" : "false", again) && again == truth);
  }
  std::int64_t number = 0;
  if (ftstatus::parse_integer(text, number)) {
    std::int64_t again = 0;
    FUZZ_CHECK(ftstatus::parse_integer(std::to_string(number), again) && again == number);
  }
  const int value = ftstatus::parse_enum(column, text);
  FUZZ_CHECK(value >= -1 && value < static_cast<int>(column.values.size()));
  if (value >= 0) FUZZ_CHECK(ftstatus::parse_enum(column, column.values[static_cast<std::size_t>(value)]) == value);
  return 0;
}
