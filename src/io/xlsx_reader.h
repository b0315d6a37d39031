#pragma once
// Streaming reader for Excel workbooks (.xlsx): libzip opens the package,
// expat parses each part as it is inflated. The worksheet is never held
// whole: rows are handed out as they are parsed, cells in input order with
// the gaps of sparse rows filled with empty cells.
//
// Cells come out as text the rest of ftstatus reads: shared, inline and
// rich-text strings as their text, numbers as Excel stores them (1200, 3.5),
// booleans as TRUE/FALSE, error values as their text (#N/A), and numbers
// shown with a date format as YYYY-MM-DD (the workbook's 1900 or 1904 date
// system, Excel's 1900 leap-year bug included). Fields the caller declares
// date columns get the same treatment for bare numbers.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/problems.h"
#include "ftstatus/record.h"

struct zip;  // libzip's archive, kept out of this header

namespace ftstatus {

// Bounds against hostile workbooks (zip bombs, giant strings).
struct XlsxLimits {
  std::uint64_t max_inflated_bytes = std::uint64_t(4) << 30;  // all parts read, inflated
  // Inflated / compressed size of one part: sheets Excel writes stay well
  // under 100; a zip bomb is in the hundreds or thousands.
  std::uint64_t max_ratio = 200;
  std::uint64_t max_cells = 100'000'000;
  std::size_t max_string_bytes = 1u << 20;  // one cell's text
};

// Excel's own bound: a sheet has at most this many rows.
constexpr long kExcelMaxRows = 1'048'576;

// What the first bytes of a file say it is.
enum class FileKind { text, xlsx_zip, ole };
FileKind sniff_file_kind(std::string_view head);

class XlsxReader {
 public:
  ~XlsxReader();
  XlsxReader(const XlsxReader&) = delete;
  XlsxReader& operator=(const XlsxReader&) = delete;

  // Opens `path` and the sheet to read: `sheet` is a name or a 1-based index;
  // empty means the first visible sheet with data. `display_name` is what
  // errors call the file.
  static Result open(const std::string& path, const std::string& display_name, const std::string& sheet,
                     const XlsxLimits& limits, std::unique_ptr<XlsxReader>& out);

  // The same from a workbook in memory (`bytes` must outlive the reader):
  // the fuzz target's way in.
  static Result open_bytes(std::string_view bytes, const std::string& display_name, const std::string& sheet,
                           const XlsxLimits& limits, std::unique_ptr<XlsxReader>& out);

  // The next non-empty row; false at the end or on an error (status() says).
  bool next(Record& record);
  const Result& status() const { return status_; }
  const std::string& sheet_name() const { return sheet_name_; }
  // Input fields that are date columns: bare numbers there are date serials.
  void set_date_fields(const std::vector<int>& fields);

  // Parts of the reader, public for the tests and the fuzz target.
  struct Impl;

 private:
  XlsxReader() = default;
  static Result open_zip(::zip* archive, const std::string& display_name, const std::string& sheet,
                         const XlsxLimits& limits, std::unique_ptr<XlsxReader>& out);
  std::unique_ptr<Impl> impl_;
  Result status_;
  std::string sheet_name_;
};

// A spreadsheet column reference's column: "A" -> 0, "AB12" -> 27; -1 when
// `ref` does not start with letters.
int column_of_reference(std::string_view ref);
// The letters of a 0-based column: 0 -> "A", 27 -> "AB" (the inverse).
std::string column_letters(std::size_t column);
// Days since 1970-01-01 of an Excel date serial, or false for a serial
// outside 1..2958465 (1900 system) or 0..2957003 (1904 system).
bool excel_serial_to_days(double serial, bool date1904, std::int64_t& days);
// Whether a number format code shows a date ("dd/mm/yyyy", "[$-409]mmm d, yyyy")
// rather than a time or a number.
bool format_code_is_date(std::string_view code);

}  // namespace ftstatus
