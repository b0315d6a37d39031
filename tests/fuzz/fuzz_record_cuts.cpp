// libFuzzer target for record cuts (src/io/record_cuts.h), the reader thread's
// exact SIMD record boundaries. The first bytes choose the delimiter, whether
// the file is CR-only, the data's alignment and a split point; the rest is the data.
// Properties:
// - every SIMD path this CPU has finds the same cut and line count as the
//   scalar path (the one written as the CSV scanner's state machine), on the
//   data and on its prefix up to the split point;
// - a cut ends with an LF or a CR, and cutting in two steps (the prefix, then
//   what follows its cut) gives the cut of the whole, as the reader thread does.
#include <algorithm>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "io/record_cuts.h"

namespace {

using ftstatus::RecordCut;
using ftstatus::SimdPath;

// data at `alignment` bytes past a 64-byte boundary, with a NUL after it.
std::string_view place(std::string& buffer, std::string_view data, std::size_t alignment) {
  buffer.assign(data.size() + 64 + alignment + 1, '\0');
  const auto address = reinterpret_cast<std::uintptr_t>(buffer.data());
  const std::size_t offset = (64 - address % 64) % 64 + alignment;
  std::copy(data.begin(), data.end(), buffer.begin() + static_cast<std::ptrdiff_t>(offset));
  return {buffer.data() + offset, data.size()};
}

bool same(RecordCut a, RecordCut b) { return a.end == b.end && a.line_breaks == b.line_breaks; }

RecordCut checked_cut(std::string_view data, char delimiter, bool cr_only) {
  const RecordCut scalar = ftstatus::find_last_record_end_with(SimdPath::scalar, data, delimiter, cr_only);
  for (SimdPath path : {SimdPath::avx2, SimdPath::avx512}) {
    if (!ftstatus::simd_path_available(path)) continue;
    FUZZ_CHECK(same(ftstatus::find_last_record_end_with(path, data, delimiter, cr_only), scalar));
  }
  FUZZ_CHECK(scalar.end <= data.size());
  FUZZ_CHECK(scalar.end == 0 || data[scalar.end - 1] == '\n' || data[scalar.end - 1] == '\r');
  FUZZ_CHECK(scalar.line_breaks <= scalar.end);
  return scalar;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  fuzz::Input input(bytes, size);
  // The reader's delimiters, a rarer one, and bytes the scanner gives another meaning.
  constexpr char kDelimiters[] = {',', ';', '\t', '|', '\0', '"', '\n', '\r'};
  const char delimiter = kDelimiters[input.byte() % std::size(kDelimiters)];
  const unsigned options = input.byte();
  const bool cr_only = options & 1;
  const std::size_t alignment = options >> 1 & 63;
  const unsigned split = input.byte() << 8 | input.byte();
  const std::string_view text = input.rest();

  std::string whole_buffer;
  std::string part_buffer;
  const RecordCut whole = checked_cut(place(whole_buffer, text, alignment), delimiter, cr_only);
  const std::size_t at = text.empty() ? 0 : split % (text.size() + 1);
  const RecordCut first =
      checked_cut(place(part_buffer, text.substr(0, at), (alignment + at) % 64), delimiter, cr_only);
  const RecordCut rest = checked_cut(place(part_buffer, text.substr(first.end), alignment), delimiter, cr_only);
  if (rest.end == 0) {
    FUZZ_CHECK(same(whole, first));
  } else {
    FUZZ_CHECK(same(whole, {first.end + rest.end, first.line_breaks + rest.line_breaks}));
  }
  return 0;
}
