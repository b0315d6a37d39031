// libFuzzer target for the workbook reader: any bytes, read as an .xlsx to
// the end. It must return (an Error is fine) without crashing, hanging or
// growing without bound. Build: cmake -DFTSTATUS_FUZZ=ON with clang (see
// fuzz/CMakeLists.txt); run: build-fuzz/fuzz/xlsx_reader_fuzz -max_len=200000
// tests/xlsx/fixtures
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "io/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ftstatus::XlsxLimits limits;
  limits.max_inflated_bytes = 64u << 20;  // keep each run small
  limits.max_cells = 1'000'000;
  std::unique_ptr<ftstatus::XlsxReader> reader;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!ftstatus::XlsxReader::open_bytes(bytes, "fuzz.xlsx", "", limits, reader).ok()) return 0;
  reader->set_date_fields({4, 17});
  ftstatus::Record record;
  while (reader->next(record)) {
  }
  return 0;
}
