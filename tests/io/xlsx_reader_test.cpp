// Reading Excel workbooks: every readable fixture of tests/xlsx/fixtures reads
// to the rows tests/xlsx/expected.md lists (the page is parsed here, so the
// fixtures, the page and these tests cannot drift apart), --sheet by name and
// number, the bad files' problem codes, the limits, the helpers (column
// references, date serials, date formats), and the CLI on a workbook from a
// path and from standard input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/date.h"
#include "io/xlsx_reader.h"
#include "test_support.h"

using ftstatus::Date;
using ftstatus::FileKind;
using ftstatus::Record;
using ftstatus::XlsxLimits;
using ftstatus::XlsxReader;
using namespace test_support;

namespace {

using Rows = std::vector<std::vector<std::string>>;

const std::string kFixtures = FTSTATUS_SOURCE_DIR "/tests/xlsx/fixtures";

// One sheet's listing in expected.md; `name` is empty for a table without a
// "Sheet **NAME**:" line above it (examples/entitlements.xlsx's single sheet).
struct ExpectedSheet {
  std::string name;
  Rows rows;
};

struct ExpectedWorkbook {
  std::string path;
  std::vector<ExpectedSheet> sheets;  // in the page's order: the default sheet first
  // "Header as read (N rows): | ... |": a header over N sheet rows, read as one.
  std::size_t header_rows = 0;
  std::vector<std::string> header_as_read;
};

std::string trim_spaces(std::string_view text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(' ');
  return std::string(text.substr(first, last - first + 1));
}

// "| a | `  b ` |" -> {"a", "  b "}: backticks quote a cell's exact text.
std::vector<std::string> table_cells(std::string_view line) {
  line.remove_prefix(1);
  if (line.ends_with('|')) line.remove_suffix(1);
  std::vector<std::string> cells;
  for (const std::string& part : split(std::string(line), '|')) {
    std::string cell = trim_spaces(part);
    if (cell.size() >= 2 && cell.front() == '`' && cell.back() == '`') cell = cell.substr(1, cell.size() - 2);
    cells.push_back(std::move(cell));
  }
  return cells;
}

// The workbook sections of expected.md ("## NAME.xlsx"), their sheets and rows.
std::vector<ExpectedWorkbook> expected_workbooks() {
  const std::vector<std::string> lines = split_lines(read_file(kSourceDir + "/tests/xlsx/expected.md"));
  std::vector<ExpectedWorkbook> books;
  std::string pending_sheet;  // from the last "Sheet **NAME**:" line
  bool in_table = false;
  for (const std::string& line : lines) {
    if (line.starts_with("## ")) {
      in_table = false;
      pending_sheet.clear();
      const std::string title = line.substr(3);
      if (!title.ends_with(".xlsx")) {
        books.push_back({});  // a section that is no workbook (Conventions, Bad files): ignored below
        continue;
      }
      const std::string path = title.starts_with("examples/") ? kSourceDir + "/" + title : kFixtures + "/" + title;
      books.push_back({path, {}, 0, {}});
      continue;
    }
    if (books.empty() || books.back().path.empty()) continue;
    ExpectedWorkbook& book = books.back();
    if (line.starts_with("Header as read (")) {
      const std::size_t table = line.find("): |");
      REQUIRE(table != std::string::npos);
      book.header_rows = std::stoul(line.substr(16, table - 16));
      book.header_as_read = table_cells(line.substr(table + 3));
    } else if (line.starts_with("Sheet **") && line.ends_with("**:")) {
      pending_sheet = line.substr(8, line.size() - 8 - 3);
      in_table = false;
    } else if (line == "(no rows)") {
      book.sheets.push_back({pending_sheet, {}});
    } else if (line.starts_with("|")) {
      if (!in_table) book.sheets.push_back({pending_sheet, {}});
      in_table = true;
      if (!line.starts_with("|---")) book.sheets.back().rows.push_back(table_cells(line));
    } else {
      in_table = false;
    }
  }
  std::vector<ExpectedWorkbook> workbooks;
  for (ExpectedWorkbook& book : books)
    if (!book.path.empty()) workbooks.push_back(std::move(book));
  return workbooks;
}

// What the reader gives after the title rows it skips: the header is the
// first row with two or more non-empty cells (README, "Excel workbooks").
Rows without_title_rows(Rows rows) {
  while (!rows.empty() && std::count_if(rows.front().begin(), rows.front().end(),
                                        [](const std::string& cell) { return !cell.empty(); }) < 2)
    rows.erase(rows.begin());
  return rows;
}

// A sheet's listing as the reader gives it: no title rows, and a header
// over several rows read as one, each column named by its labels top to bottom.
Rows rows_as_read(const ExpectedWorkbook& book, const Rows& listing) {
  Rows rows = without_title_rows(listing);
  if (book.header_rows > 0) {
    REQUIRE(rows.size() >= book.header_rows);
    rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(book.header_rows));
    rows.insert(rows.begin(), book.header_as_read);
  }
  return rows;
}

struct Read {
  std::string open_code;  // the problem code when open failed
  std::string status_code;
  std::string status_text;
  std::string sheet_name;
  Rows rows;
  std::vector<long> lines;
  std::vector<std::string> raws;
};

// Reads a whole sheet as the pipeline does: the header first, then the date
// columns declared, then the records.
Read read_workbook(const std::string& path, const std::string& sheet = "", const XlsxLimits& limits = {}) {
  Read read;
  std::unique_ptr<XlsxReader> reader;
  const ftstatus::Result opened = XlsxReader::open(path, "book.xlsx", sheet, limits, reader);
  if (!opened.ok()) {
    read.open_code = std::string(opened.error().problem.code());
    read.status_text = opened.error().to_string(ftstatus::Lang::en);
    return read;
  }
  REQUIRE(reader != nullptr);
  read.sheet_name = reader->sheet_name();
  Record record;
  while (reader->next(record)) {
    read.rows.emplace_back(record.fields.begin(), record.fields.end());
    read.lines.push_back(record.line);
    read.raws.emplace_back(record.raw);
    if (read.rows.size() == 1) {
      std::vector<int> date_fields;
      const std::vector<std::string>& header = read.rows.front();
      for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == "added_on" || header[i] == "target_date" || header[i] == "Fecha de alta" ||
            header[i] == "Fecha objetivo")
          date_fields.push_back(static_cast<int>(i));
      reader->set_date_fields(date_fields);
    }
  }
  if (!reader->status().ok()) {
    read.status_code = std::string(reader->status().error().problem.code());
    read.status_text = reader->status().error().to_string(ftstatus::Lang::en);
  }
  return read;
}

// The first problem code a file gives, at open or while reading.
std::string problem_of(const std::string& path, const std::string& sheet = "", const XlsxLimits& limits = {}) {
  const Read read = read_workbook(path, sheet, limits);
  return read.open_code.empty() ? read.status_code : read.open_code;
}

void check_rows(const Read& read, const Rows& expected) {
  CHECK(read.open_code.empty());
  CHECK(read.status_code.empty());
  INFO(read.status_text);
  REQUIRE(read.rows.size() == expected.size());
  for (std::size_t r = 0; r < expected.size(); ++r) {
    INFO("row " << r + 1 << " of the listing");
    CHECK(read.rows[r] == expected[r]);
    // The raw text is the row as a CSV line (what --errors shows).
    const auto raw = parse_csv(read.raws[r]);
    REQUIRE(raw.size() == 1);
    CHECK(raw.front() == read.rows[r]);
  }
}

}  // namespace

// ------------------------------------------------------------------ fixtures

TEST_CASE("expected.md lists every readable fixture", "[xlsx]") {
  std::map<std::string, std::size_t> sheets;
  for (const ExpectedWorkbook& book : expected_workbooks())
    sheets[book.path.substr(book.path.rfind('/') + 1)] = book.sheets.size();
  const std::map<std::string, std::size_t> wanted = {
      {"typed.xlsx", 1},       {"shared-inline.xlsx", 1},  {"date1904.xlsx", 1},          {"sparse.xlsx", 1},
      {"no-refs.xlsx", 1},     {"two-sheets.xlsx", 2},     {"empty-first-sheet.xlsx", 2}, {"serial-text.xlsx", 1},
      {"header-row3.xlsx", 1}, {"grouped-header.xlsx", 1}, {"sub-label-header.xlsx", 1},  {"errors.xlsx", 1},
      {"formulas.xlsx", 1},    {"entitlements.xlsx", 1}};
  CHECK(sheets == wanted);
}

TEST_CASE("every fixture reads to the rows expected.md lists", "[xlsx]") {
  for (const ExpectedWorkbook& book : expected_workbooks()) {
    REQUIRE_FALSE(book.sheets.empty());
    SECTION(book.path.substr(book.path.rfind('/') + 1)) {
      // By default: the first sheet the page lists.
      const ExpectedSheet& first = book.sheets.front();
      const Read read = read_workbook(book.path);
      if (!first.name.empty()) CHECK(read.sheet_name == first.name);
      check_rows(read, rows_as_read(book, first.rows));
      // Each sheet by name.
      for (const ExpectedSheet& sheet : book.sheets) {
        if (sheet.name.empty()) continue;
        INFO("--sheet " << sheet.name);
        const Read named = read_workbook(book.path, sheet.name);
        CHECK(named.sheet_name == sheet.name);
        const Rows rows = rows_as_read(book, sheet.rows);
        if (rows.empty()) {
          CHECK(named.open_code.empty());
          CHECK(named.status_code == "xlsx_sheet_empty");
          CHECK(named.rows.empty());
        } else {
          check_rows(named, rows);
        }
      }
    }
  }
}

TEST_CASE("records carry their sheet row numbers", "[xlsx]") {
  SECTION("sparse rows: a missing row and a row of valueless cells are skipped") {
    CHECK(read_workbook(kFixtures + "/sparse.xlsx").lines == std::vector<long>{1, 2, 3, 6});
  }
  SECTION("rows without r= count on from the previous row") {
    CHECK(read_workbook(kFixtures + "/no-refs.xlsx").lines == std::vector<long>{1, 2, 3, 4});
  }
  SECTION("a title above the header") {
    CHECK(read_workbook(kFixtures + "/header-row3.xlsx").lines == std::vector<long>{3, 4, 5});
  }
  SECTION("a header over rows 2-3 is row 2; the records start on row 4") {
    CHECK(read_workbook(kFixtures + "/grouped-header.xlsx").lines == std::vector<long>{2, 4, 5});
    CHECK(read_workbook(kFixtures + "/sub-label-header.xlsx").lines == std::vector<long>{1, 3, 4});
  }
}

TEST_CASE("date columns are declared after the header, before the records", "[xlsx]") {
  // Without set_date_fields a bare serial in a date column stays a number:
  // the declaration is what turns serial-text.xlsx's E2 into a date.
  std::unique_ptr<XlsxReader> reader;
  REQUIRE(XlsxReader::open(kFixtures + "/serial-text.xlsx", "serial-text.xlsx", "", {}, reader).ok());
  Record record;
  REQUIRE(reader->next(record));
  REQUIRE(reader->next(record));
  CHECK(record.fields[4] == "46083");
  CHECK(record.fields[17] == "46477");
}

// ------------------------------------------------------------------ sheets

TEST_CASE("a sheet is picked by name or by number in workbook order", "[xlsx]") {
  const std::string book = kFixtures + "/two-sheets.xlsx";
  const Read by_default = read_workbook(book);
  REQUIRE(by_default.sheet_name == "Derechos");
  REQUIRE(by_default.rows.size() == 3);

  SECTION("by name and by number give the same sheet") {
    for (const std::string sheet : {"Derechos", "2"}) {
      INFO("--sheet " << sheet);
      const Read read = read_workbook(book, sheet);
      CHECK(read.sheet_name == "Derechos");
      CHECK(read.rows == by_default.rows);
    }
  }
  SECTION("the hidden note sheet by name and by number: no header row") {
    for (const std::string sheet : {"Notas", "1"}) {
      INFO("--sheet " << sheet);
      const Read read = read_workbook(book, sheet);
      CHECK(read.sheet_name == "Notas");
      CHECK(read.status_code == "xlsx_sheet_empty");
      CHECK(contains(read.status_text, "Notas"));
    }
  }
  SECTION("a sheet the workbook lacks lists its sheets") {
    for (const std::string sheet : {"Datos", "3", "0", "-1", "2x"}) {
      INFO("--sheet " << sheet);
      const Read read = read_workbook(book, sheet);
      CHECK(read.open_code == "xlsx_sheet_not_found");
      CHECK(contains(read.status_text, "book.xlsx"));
      CHECK(contains(read.status_text, "\"" + sheet + "\""));
      CHECK(contains(read.status_text, "\"Notas\", \"Derechos\""));
    }
  }
  SECTION("an empty visible sheet chosen by name") {
    const Read read = read_workbook(kFixtures + "/empty-first-sheet.xlsx", "Portada");
    CHECK(read.status_code == "xlsx_sheet_empty");
    CHECK(read.rows.empty());
  }
}

// ------------------------------------------------------------------ bad files

TEST_CASE("files that are not readable workbooks stop with what they are", "[xlsx]") {
  CHECK(problem_of(kFixtures + "/truncated.xlsx") == "xlsx_corrupt");
  CHECK(problem_of(kFixtures + "/corrupt.xlsx") == "xlsx_xml_error");
  CHECK(problem_of(kFixtures + "/not-a-workbook.xlsx") == "xlsx_not_workbook");
  CHECK(problem_of(kFixtures + "/old.xls") == "xlsx_old_xls");
  CHECK(problem_of(kFixtures + "/encrypted.xlsx") == "xlsx_encrypted");
  SECTION("the XML error names the part") {
    const Read read = read_workbook(kFixtures + "/corrupt.xlsx");
    CHECK(contains(read.status_text, "xl/worksheets/sheet1.xml"));
  }
  SECTION("a missing file or a text file is a zip error, not a crash") {
    TempDir dir;
    CHECK(problem_of(dir.path("absent.xlsx")) == "xlsx_corrupt");
    CHECK(problem_of(dir.file("text.xlsx", "id,name\n1,x\n")) == "xlsx_corrupt");
    CHECK(problem_of(dir.file("empty.xlsx", "")) == "xlsx_corrupt");
  }
}

// The reader streams, like the CSV reader: the rows before the broken XML
// come out first and the error after them, so the run exits 2 and an -o file
// is never written (expected.md's "no rows" holds for the output file).
TEST_CASE("a sheet with broken XML stops the read with an XML error", "[xlsx]") {
  CHECK(problem_of(kFixtures + "/corrupt.xlsx") == "xlsx_xml_error");
  TempDir dir;
  const std::string out = dir.file("out.csv", "previous\n");
  Run r = run_line("classify " + shell_quote(kFixtures + "/corrupt.xlsx") + " -o " + shell_quote(out) + kAsOf);
  CHECK(r.status == 2);
  CHECK(read_file(out) == "previous\n");
}

TEST_CASE("the limits against hostile workbooks stop the read", "[xlsx]") {
  const std::string book = kFixtures + "/typed.xlsx";
  XlsxLimits limits;
  SECTION("all inflated parts") {
    limits.max_inflated_bytes = 1000;
    CHECK(problem_of(book, "", limits) == "xlsx_limit_inflated");
  }
  SECTION("one part's ratio") {
    limits.max_ratio = 1;
    CHECK(problem_of(book, "", limits) == "xlsx_limit_ratio");
  }
  SECTION("cells in the sheet") {
    limits.max_cells = 30;
    CHECK(problem_of(book, "", limits) == "xlsx_limit_cells");
  }
  SECTION("one text") {
    limits.max_string_bytes = 8;
    CHECK(problem_of(book, "", limits) == "xlsx_string_too_long");
  }
  SECTION("the defaults read the file") { CHECK(problem_of(book, "", limits).empty()); }
}

// ------------------------------------------------------------------ helpers

TEST_CASE("the first bytes tell a zip, an OLE file and text apart", "[xlsx]") {
  CHECK(ftstatus::sniff_file_kind(std::string_view("PK\x03\x04rest", 8)) == FileKind::xlsx_zip);
  CHECK(ftstatus::sniff_file_kind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") == FileKind::ole);
  CHECK(ftstatus::sniff_file_kind("entitlement_id;tenant_id\r\n") == FileKind::text);
  CHECK(ftstatus::sniff_file_kind("PK") == FileKind::text);
  CHECK(ftstatus::sniff_file_kind("") == FileKind::text);
}

TEST_CASE("column_of_reference reads a cell reference's column", "[xlsx]") {
  CHECK(ftstatus::column_of_reference("A1") == 0);
  CHECK(ftstatus::column_of_reference("Z9") == 25);
  CHECK(ftstatus::column_of_reference("AA1") == 26);
  CHECK(ftstatus::column_of_reference("AB12") == 27);
  CHECK(ftstatus::column_of_reference("AZ3") == 51);
  CHECK(ftstatus::column_of_reference("BA3") == 52);
  CHECK(ftstatus::column_of_reference("XFD1048576") == 16383);  // Excel's last column
  CHECK(ftstatus::column_of_reference("T") == 19);
  CHECK(ftstatus::column_of_reference("b2") == 1);
  CHECK(ftstatus::column_of_reference("12") == -1);
  CHECK(ftstatus::column_of_reference("") == -1);
  CHECK(ftstatus::column_of_reference("$A$1") == -1);
}

namespace {

// The ISO date of a serial, or "invalid".
std::string serial_date(double serial, bool date1904) {
  std::int64_t days = 0;
  if (!ftstatus::excel_serial_to_days(serial, date1904, days)) return "invalid";
  return Date::from_days(static_cast<long>(days)).to_iso();
}

}  // namespace

TEST_CASE("excel_serial_to_days in the 1900 and 1904 systems", "[xlsx]") {
  SECTION("1900, with Excel's fictitious 1900-02-29") {
    CHECK(serial_date(1, false) == "1900-01-01");
    CHECK(serial_date(31, false) == "1900-01-31");
    CHECK(serial_date(59, false) == "1900-02-28");
    CHECK(serial_date(60, false) == "invalid");
    CHECK(serial_date(61, false) == "1900-03-01");
    CHECK(serial_date(25569, false) == "1970-01-01");
    CHECK(serial_date(45000, false) == "2023-03-15");
    CHECK(serial_date(46083, false) == "2026-03-02");
    CHECK(serial_date(46402.75, false) == "2027-01-15");  // the time of day is dropped
    CHECK(serial_date(2958465, false) == "9999-12-31");
    CHECK(serial_date(0, false) == "invalid");
    CHECK(serial_date(-1, false) == "invalid");
    CHECK(serial_date(2958466, false) == "invalid");
  }
  SECTION("1904") {
    CHECK(serial_date(0, true) == "1904-01-01");
    CHECK(serial_date(1, true) == "1904-01-02");
    CHECK(serial_date(44621, true) == "2026-03-02");
    CHECK(serial_date(45015, true) == "2027-03-31");  // expected.md's note says 44985: a slip
    CHECK(serial_date(2957003, true) == "9999-12-31");
    CHECK(serial_date(-1, true) == "invalid");
    CHECK(serial_date(2957004, true) == "invalid");
  }
  SECTION("not a number") {
    CHECK(serial_date(std::numeric_limits<double>::quiet_NaN(), false) == "invalid");
    CHECK(serial_date(std::numeric_limits<double>::infinity(), true) == "invalid");
  }
}

TEST_CASE("format_code_is_date tells date formats from times and numbers", "[xlsx]") {
  using ftstatus::format_code_is_date;
  CHECK(format_code_is_date("dd/mm/yyyy"));
  CHECK(format_code_is_date("[$-409]mmm d, yyyy"));
  CHECK(format_code_is_date("mmm"));
  CHECK(format_code_is_date("yyyy-mm-dd hh:mm"));
  CHECK(format_code_is_date("[$-es-ES]d\" de \"mmmm\" de \"yyyy"));
  CHECK(format_code_is_date("[Red]dd/mm/yyyy"));
  CHECK_FALSE(format_code_is_date("h:mm"));
  CHECK_FALSE(format_code_is_date("mm:ss"));
  CHECK_FALSE(format_code_is_date("[h]:mm:ss"));
  CHECK_FALSE(format_code_is_date("h:mm AM/PM"));
  CHECK_FALSE(format_code_is_date("0.00"));
  CHECK_FALSE(format_code_is_date("\"day\" 0"));
  CHECK_FALSE(format_code_is_date("#,##0\" usuarios de pago\""));
  CHECK_FALSE(format_code_is_date("0\\d"));
  CHECK_FALSE(format_code_is_date("General"));
  CHECK_FALSE(format_code_is_date("@"));
  CHECK_FALSE(format_code_is_date(""));
}

// ------------------------------------------------------------------ CLI

namespace {

// suggested_l1, suggested_l2 and rule of each entitlement of a classify output.
std::map<std::string, std::vector<std::string>> suggestions(const std::string& csv, char delimiter) {
  const Table t = table(csv, delimiter);
  std::map<std::string, std::vector<std::string>> out;
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    out[t.rows[r].at(0)] = {t.at(r, "suggested_l1"), t.at(r, "suggested_l2"), t.at(r, "rule")};
  return out;
}

}  // namespace

TEST_CASE("a workbook classifies like the same export as a Spanish CSV", "[xlsx][cli]") {
  const Run from_book = run_line("classify " + shell_quote(example("entitlements.xlsx")) + kAsOf);
  const Run from_csv = run_line("classify " + shell_quote(example("entitlements-excel-es.csv")) + kAsOf);
  INFO(from_book.err);
  REQUIRE(from_csv.status == from_book.status);
  const auto book = suggestions(from_book.out, ',');
  CHECK(book.size() == 12);
  CHECK(book == suggestions(from_csv.out, ';'));
  CHECK(book.at("ES-2001") == std::vector<std::string>{"in_progress", "migration", "migrating"});
}

TEST_CASE("workbooks the fuzzer found read to the end or stop, within bounds", "[xlsx]") {
  // header-rows-out-of-order.xlsx: rows whose r= numbers go back under a header with merged cells
  // (assemble_header indexed its label rows by number and read before its buffer; ASan found it).
  for (const char* name : {"header-rows-out-of-order.xlsx"}) {
    INFO(name);
    const Read read = read_workbook(kSourceDir + "/tests/xlsx/fuzz-findings/" + name);
    CHECK(read.rows.size() < 100);
  }
}

TEST_CASE("a grouped header classifies like a plain one, its joined names guessed and said", "[xlsx][cli]") {
  const Run plain = run_line("classify " + shell_quote(kFixtures + "/header-row3.xlsx") + kAsOf);
  REQUIRE(plain.status == 0);
  for (const char* name : {"grouped-header.xlsx", "sub-label-header.xlsx"}) {
    INFO(name);
    const Run grouped = run_line("classify " + shell_quote(kFixtures + "/" + name) + kAsOf);
    INFO(grouped.err);
    CHECK(grouped.status == 0);
    const auto statuses = suggestions(grouped.out, ',');
    CHECK(statuses.size() == 2);
    CHECK(statuses == suggestions(plain.out, ','));
    CHECK(grouped.err.find("Estado actual L1") != std::string::npos);
  }
}

TEST_CASE("a workbook on standard input is read from a copy in TMPDIR that is removed", "[xlsx][cli]") {
  const std::string book = example("entitlements.xlsx");
  TempDir tmp;
  const Run from_stdin =
      run_ftstatus("LC_ALL=C LANG=C TMPDIR=" + shell_quote(tmp.path("")), "classify -" + kAsOf, book);
  const Run from_path = run_line("classify " + shell_quote(book) + kAsOf);
  INFO(from_stdin.err);
  CHECK(from_stdin.status == from_path.status);
  CHECK(from_stdin.out == from_path.out);
  CHECK(tmp.names().empty());

  SECTION("an unwritable TMPDIR stops with exit 2") {
    const Run r = run_ftstatus("LC_ALL=C LANG=C TMPDIR=" + shell_quote(tmp.path("absent")), "classify -" + kAsOf, book);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "TMPDIR"));
    CHECK(tmp.names().empty());
  }
}

TEST_CASE("error values in a workbook are invalid values naming the cell", "[xlsx][cli]") {
  const Run r = run_line("classify " + shell_quote(kFixtures + "/errors.xlsx") + kAsOf);
  CHECK(r.status == 1);
  const Table t = table(r.out);
  CHECK(t.at(t.row_of("FT-100001"), "problems") == "invalid_value:contact_attempts:Derechos!H2");
  CHECK(t.at(t.row_of("FT-100002"), "problems") ==
        "invalid_value:added_on:Derechos!E3;invalid_value:eligible_seats:Derechos!Q3");
  CHECK(t.at(t.row_of("FT-100006"), "problems").empty());  // the text "#N/A" is a customer name
}
