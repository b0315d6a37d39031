#pragma once
// Where a block of CSV text can be cut into whole records, found 64 bytes at a
// time (AVX-512 or AVX2 when the CPU has them) with exactly the result of the
// reader: CsvScanner's quoting rules and CsvReader::next's line ends and line
// counting (src/io/csv.h). For the parallel classifier, whose reader thread
// hands chunks of whole records to workers: this cut is its serial part.
#include <cstddef>
#include <string_view>

namespace ftstatus {

struct RecordCut {
  std::size_t end = 0;          // data[0, end) is a whole number of records; 0 when no record ends in data
  std::size_t line_breaks = 0;  // line-number increments in data[0, end), counted as CsvReader counts lines
};

// `data` starts at the start of a record (outside quotes, at a field start).
// Finds the LAST record end in data: just after an LF outside quotes, or (in a
// CR-only file) just after a lone CR outside quotes, a CR not followed by LF; a
// CR that is the last byte of data cannot be judged and is not a cut.
// Lines count as the reader counts them: every LF (record end, blank line or
// inside quotes) and, in a CR-only file, every lone CR, in quotes or not.
// data[size] must be readable (the reader's NUL sentinel); its value does not matter.
// After a NUL byte (where the reader stops with an error) the cut is still
// deterministic, the same on every path, but means nothing.
RecordCut find_last_record_end(std::string_view data, char delimiter, bool cr_only_file);

enum class SimdPath { scalar, avx2, avx512 };
// What find_last_record_end uses on this CPU, chosen once. The environment
// variable FTSTATUS_SIMD (off|scalar|avx2|avx512) forces one; a path the CPU
// lacks falls back to the best one below it that it has.
SimdPath simd_path();
std::string_view simd_path_name(SimdPath path);  // "scalar", "avx2", "avx512"
// One path (falling back as above when the CPU lacks it), for tests and benchmarks.
RecordCut find_last_record_end_with(SimdPath path, std::string_view data, char delimiter, bool cr_only_file);
// Whether this CPU can run `path` itself (scalar: always).
bool simd_path_available(SimdPath path);

// How many times this thread's SIMD calls met a quote that naive quote parity
// would get wrong (27" monitor, a quote after a closing quote's text) and
// rescanned that record with the scalar path: tests check the fast path ran.
std::size_t record_cut_rescans();

}  // namespace ftstatus
