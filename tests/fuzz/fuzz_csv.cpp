// libFuzzer target for the CSV scanner and reader (src/io/csv.h).
// The first bytes choose the delimiter (, ; tab | or detected), the encoding,
// and the size of the chunks the input arrives in: the scanner's, and the
// reader's buffer (which starts as small as its record limit, also chosen,
// and grows); the rest is the file.
// Properties:
// - the scanner fed the record in chunks finds the same events at the same
//   places as fed it whole (every chunk size, every delimiter);
// - the records read, written back with CsvWriter and read again, give the
//   same cells, and as many records (rows in = rows out).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "io/csv.h"

namespace {

using ftstatus::CsvReader;
using ftstatus::CsvScanner;

struct Event {
  CsvScanner::Event kind;
  std::size_t at;
  bool operator==(const Event&) const = default;
};

// Scans `text` as one record after another (as the reader's loop does, a CR
// counting as text), handing the scanner `chunk` more bytes each time it needs input.
std::vector<Event> scan(std::string_view text, char delimiter, std::size_t chunk) {
  std::vector<Event> events;
  CsvScanner scanner(std::string_view(&delimiter, 1), false);
  std::string buffer;
  std::size_t given = 0;
  auto give = [&] {
    const std::size_t n = std::min(chunk, text.size() - given);
    buffer.assign(text.substr(0, given + n));  // record[size] must be the NUL sentinel
    given += n;
    return n > 0;
  };
  give();
  scanner.begin_record();
  for (std::size_t at = 0;;) {
    const CsvScanner::Event event = scanner.advance(buffer.c_str(), at, buffer.size());
    if (event == CsvScanner::Event::need_input) {
      if (give()) continue;
      events.push_back({event, at});
      return events;
    }
    events.push_back({event, at});
    if (event == CsvScanner::Event::nul) return events;
    if (event == CsvScanner::Event::delimiter) {
      scanner.begin_field(++at);
    } else if (event == CsvScanner::Event::record_end) {
      scanner.begin_record();  // positions stay counted from the text's start: begin_field(at + 1)
      scanner.begin_field(++at);
    } else {
      ++at;
    }
  }
}

struct Table {
  std::vector<std::vector<std::string>> rows;
  char delimiter = 0;
  bool ok = true;
};

Table read_all(std::string_view bytes, char delimiter, ftstatus::Encoding encoding, std::size_t chunk,
               std::size_t record_limit) {
  Table table;
  std::FILE* in = fuzz::open_chunked(bytes, chunk);
  FUZZ_CHECK(in != nullptr);
  try {
    ftstatus::CsvLimits limits;
    limits.max_record_bytes = record_limit;
    CsvReader reader(in, delimiter, encoding, limits);
    ftstatus::Record record;
    while (reader.next(record)) {
      table.rows.emplace_back(record.fields.begin(), record.fields.end());
      FUZZ_CHECK(!record.fields.empty());
      FUZZ_CHECK(!record.raw.empty());
    }
    table.delimiter = reader.delimiter();
  } catch (const ftstatus::CsvError& error) {
    FUZZ_CHECK(error.line >= 1 && error.column >= 1);
    table.ok = false;
  }
  std::fclose(in);
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input input(data, size);
  constexpr char kDelimiters[] = {0, ',', ';', '\t', '|'};
  constexpr ftstatus::Encoding kEncodings[] = {ftstatus::Encoding::automatic, ftstatus::Encoding::utf8,
                                               ftstatus::Encoding::cp1252, ftstatus::Encoding::utf16le,
                                               ftstatus::Encoding::utf16be};
  const char delimiter = kDelimiters[input.byte() % std::size(kDelimiters)];
  const ftstatus::Encoding encoding = kEncodings[input.byte() % std::size(kEncodings)];
  const unsigned sizes = input.byte();
  const std::size_t chunk = 1 + sizes % 64;
  const std::size_t record_limit = std::size_t(4) << (sizes / 64 * 4 + sizes % 4);  // 4 bytes to 128 KiB
  const std::string_view text = input.rest();

  // The scanner, whole and in chunks.
  const char scan_delimiter = delimiter == 0 ? ',' : delimiter;
  FUZZ_CHECK(scan(text, scan_delimiter, chunk) == scan(text, scan_delimiter, text.size() + 1));

  // The reader, then its records written back and read again.
  const Table first = read_all(text, delimiter, encoding, chunk, record_limit);
  if (!first.ok) return 0;
  std::string written = "\xEF\xBB\xBF";  // the reader takes one BOM off; a cell may start with another
  {
    char* buffer = nullptr;
    std::size_t length = 0;
    std::FILE* out = open_memstream(&buffer, &length);
    {
      ftstatus::CsvWriter writer(out, first.delimiter);
      for (const auto& row : first.rows) {
        for (const std::string& cell : row) writer.field(cell);
        writer.end_record();
      }
      FUZZ_CHECK(writer.flush());
    }
    std::fclose(out);
    written.append(buffer, length);
    std::free(buffer);
  }
  // Quoting makes a record longer: at most twice as long, plus its quotes.
  const Table second = read_all(written, first.delimiter, ftstatus::Encoding::utf8, chunk, record_limit * 4 + 64);
  if (std::getenv("FUZZ_DEBUG") != nullptr) {  // to read a finding: both tables, one cell a line
    for (const Table* table : {&first, &second}) {
      std::fprintf(stderr, "table (delimiter %d):\n", table->delimiter);
      for (const auto& row : table->rows)
        for (std::size_t c = 0; c < row.size(); ++c)
          std::fprintf(stderr, "%s[%s]", c == 0 ? "\n  " : " ", row[c].c_str());
      std::fprintf(stderr, "\nwritten: [%s]\n", written.c_str());
    }
  }
  FUZZ_CHECK(second.ok);
  FUZZ_CHECK(second.rows.size() == first.rows.size());
  FUZZ_CHECK(second.rows == first.rows);
  return 0;
}
