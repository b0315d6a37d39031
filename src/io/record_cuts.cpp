#include "io/record_cuts.h"

#include <cstdint>
#include <cstdlib>

#include "io/record_cuts_kernel.h"

namespace ftstatus {

namespace record_cuts_detail {
#ifdef FTSTATUS_X86_SIMD
KernelRun scan_avx2(const char* data, std::size_t size, std::size_t from, std::size_t end, std::size_t line_breaks,
                    char delimiter, std::uint64_t delimiter_mask, bool cr_only_file);
KernelRun scan_avx512(const char* data, std::size_t size, std::size_t from, std::size_t end, std::size_t line_breaks,
                      char delimiter, std::uint64_t delimiter_mask, bool cr_only_file);
#endif
}  // namespace record_cuts_detail

namespace {

using record_cuts_detail::KernelFunction;
using record_cuts_detail::KernelRun;

thread_local std::size_t rescans = 0;

// The scanner gives these bytes their own meaning before the delimiter's
// (CsvScanner's constructor): chosen as the delimiter, they delimit nothing.
bool delimits(char delimiter) {
  return delimiter != '\0' && delimiter != '"' && delimiter != '\n' && delimiter != '\r';
}

struct ScalarRun {
  RecordCut cut;
  bool stopped;  // at a record end past stop_after, before the end of the data
};

// CsvScanner's state machine with CsvReader::next's line ends, from the
// record start cut.end (whose line count is cut.line_breaks), a run of plain
// bytes at a time as the scanner does. It stops at the first record end past
// `stop_after`, else runs to the end. A NUL is text here (the reader stops at
// it; the SIMD paths do the same); data[size] is not read.
ScalarRun scan_scalar(std::string_view data, RecordCut cut, std::size_t stop_after, char delimiter, bool cr_only_file) {
  enum class State { field_start, unquoted, quoted, after_closing_quote };
  // The bytes that end a run of plain text: outside quotes, and inside them (an LF or CR counts a line there).
  bool stops_outside[256] = {};
  stops_outside[static_cast<unsigned char>('"')] = stops_outside[static_cast<unsigned char>('\n')] =
      stops_outside[static_cast<unsigned char>('\r')] = true;
  if (delimits(delimiter)) stops_outside[static_cast<unsigned char>(delimiter)] = true;
  auto stops_inside = [](char byte) { return byte == '"' || byte == '\n' || byte == '\r'; };
  const char* text = data.data();
  const std::size_t size = data.size();
  // A line end: an LF, or in a CR-only file a CR before something other than an LF (the last byte's CR cannot be
  // judged).
  auto breaks_line = [&](std::size_t at) {
    return text[at] == '\n' || (cr_only_file && text[at] == '\r' && at + 1 < size && text[at + 1] != '\n');
  };
  State state = State::field_start;
  std::size_t lines = cut.line_breaks;
  for (std::size_t at = cut.end; at < size; ++at) {
    if (state == State::quoted) {
      while (at < size && !stops_inside(text[at])) ++at;
      if (at == size) break;
      if (text[at] == '"') {
        state = State::after_closing_quote;  // unless a second quote follows
      } else if (breaks_line(at)) {
        ++lines;
      }
      continue;
    }
    const std::size_t plain = at;
    while (at < size && !stops_outside[static_cast<unsigned char>(text[at])]) ++at;
    if (at != plain) state = State::unquoted;
    if (at == size) break;
    if (breaks_line(at)) {
      ++lines;
      state = State::field_start;
      cut = {at + 1, lines};
      if (at > stop_after) return {cut, true};
    } else if (text[at] == '"') {
      // Opens a field, or is a doubled quote; in unquoted text it is text.
      if (state != State::unquoted) state = State::quoted;
    } else if (text[at] == '\r') {
      state = State::unquoted;  // a CR that ends no record is text, to quoting too
    } else {
      state = State::field_start;  // the delimiter
    }
  }
  return {cut, false};
}

RecordCut scan_with_kernel(KernelFunction kernel, std::string_view data, char delimiter, bool cr_only_file) {
  const std::uint64_t delimiter_mask = delimits(delimiter) ? ~std::uint64_t(0) : 0;
  RecordCut cut;
  for (std::size_t from = 0;;) {
    const KernelRun run =
        kernel(data.data(), data.size(), from, cut.end, cut.line_breaks, delimiter, delimiter_mask, cr_only_file);
    cut = {run.end, run.line_breaks};
    if (run.invalid_quote == data.size()) return cut;
    // The record holding that quote, from its start, byte by byte; then blocks again after it.
    ++rescans;
    const ScalarRun rescan = scan_scalar(data, cut, run.invalid_quote, delimiter, cr_only_file);
    cut = rescan.cut;
    if (!rescan.stopped) return cut;
    from = cut.end;
  }
}

SimdPath best_available_from(SimdPath path) {
  while (!simd_path_available(path)) path = static_cast<SimdPath>(static_cast<int>(path) - 1);
  return path;
}

}  // namespace

bool simd_path_available(SimdPath path) {
#ifdef FTSTATUS_X86_SIMD
  __builtin_cpu_init();
  const bool clmul_popcnt = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("popcnt");
  switch (path) {
    case SimdPath::scalar:
      return true;
    case SimdPath::avx2:
      return clmul_popcnt && __builtin_cpu_supports("avx2");
    case SimdPath::avx512:
      return clmul_popcnt && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  }
  return false;
#else
  return path == SimdPath::scalar;
#endif
}

SimdPath simd_path() {
  static const SimdPath chosen = [] {
    SimdPath wanted = SimdPath::avx512;
    if (const char* forced = std::getenv("FTSTATUS_SIMD")) {
      const std::string_view name = forced;
      if (name == "off" || name == "scalar") wanted = SimdPath::scalar;
      if (name == "avx2") wanted = SimdPath::avx2;
    }
    return best_available_from(wanted);
  }();
  return chosen;
}

std::string_view simd_path_name(SimdPath path) {
  switch (path) {
    case SimdPath::scalar:
      return "scalar";
    case SimdPath::avx2:
      return "avx2";
    case SimdPath::avx512:
      return "avx512";
  }
  return "scalar";
}

namespace {

// `path` must be available.
RecordCut find_with(SimdPath path, std::string_view data, char delimiter, bool cr_only_file) {
  switch (path) {
#ifdef FTSTATUS_X86_SIMD
    case SimdPath::avx512:
      return scan_with_kernel(record_cuts_detail::scan_avx512, data, delimiter, cr_only_file);
    case SimdPath::avx2:
      return scan_with_kernel(record_cuts_detail::scan_avx2, data, delimiter, cr_only_file);
#endif
    default:
      return scan_scalar(data, {}, data.size(), delimiter, cr_only_file).cut;
  }
}

}  // namespace

RecordCut find_last_record_end_with(SimdPath path, std::string_view data, char delimiter, bool cr_only_file) {
  return find_with(best_available_from(path), data, delimiter, cr_only_file);
}

RecordCut find_last_record_end(std::string_view data, char delimiter, bool cr_only_file) {
  return find_with(simd_path(), data, delimiter, cr_only_file);
}

std::size_t record_cut_rescans() { return rescans; }

}  // namespace ftstatus
