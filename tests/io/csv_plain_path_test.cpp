// CsvReader's fast path for plain records (no quote, lone CR or NUL before the
// LF, scanned 64 bytes at a time) reads exactly what the full scan reads:
// random texts full of delimiters, quotes, CRs, LFs and blank lines, records
// across 64-byte blocks and the read buffer, from a file and as a chunk.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "csv_fixture.h"
#include "io/csv.h"

using namespace csv_fixture;

namespace {

struct Read {
  std::vector<Row> rows;
  std::string error;  // the CsvError's text, if reading stopped with one
  bool operator==(const Read& other) const {
    if (rows.size() != other.rows.size() || error != other.error) return false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& a = rows[i];
      const Row& b = other.rows[i];
      if (a.fields != b.fields || a.raw != b.raw || a.line != b.line || a.stray_cr != b.stray_cr) return false;
    }
    return true;
  }
};

Read read_with(ftstatus::CsvReader& reader) {
  Read read;
  ftstatus::Record record;
  try {
    while (reader.next(record)) {
      Row row;
      for (std::string_view field : record.fields) row.fields.emplace_back(field);
      row.raw = std::string(record.raw);
      row.line = record.line;
      row.stray_cr = record.stray_cr;
      read.rows.push_back(std::move(row));
    }
  } catch (const ftstatus::CsvError& e) {
    read.error = std::string(e.what()) + " " + std::to_string(e.line) + ":" + std::to_string(e.column);
  }
  return read;
}

Read read_file_text(const std::string& text, bool plain_path, ftstatus::CsvLimits limits) {
  ftstatus::set_csv_plain_path(plain_path);
  File f = file_with(text);
  ftstatus::CsvReader reader(f.get(), ',', ftstatus::Encoding::utf8, limits);
  Read read = read_with(reader);
  ftstatus::set_csv_plain_path(true);
  return read;
}

Read read_chunk_text(std::string text, bool plain_path, ftstatus::LineEnding ending) {
  ftstatus::set_csv_plain_path(plain_path);
  ftstatus::CsvReader reader(',', ending);
  reader.reset(text, 7);
  Read read = read_with(reader);
  reader.release(text);
  ftstatus::set_csv_plain_path(true);
  return read;
}

std::string random_text(std::mt19937& random) {
  // Mostly plain records of varied width, some with the bytes that stop the fast path.
  static const std::string kRare = "\"\r\n\0";
  std::string text;
  const int records = 1 + static_cast<int>(random() % 40);
  for (int r = 0; r < records; ++r) {
    const int fields = static_cast<int>(random() % 30);
    for (int f = 0; f < fields; ++f) {
      if (f > 0) text += ',';
      const int length = random() % 8 == 0 ? static_cast<int>(random() % 150) : static_cast<int>(random() % 9);
      for (int k = 0; k < length; ++k) {
        const std::uint32_t pick = random() % 400;
        text += pick < 4 ? kRare[pick] : static_cast<char>('a' + pick % 26);
      }
    }
    text += random() % 3 == 0 ? "\r\n" : "\n";
  }
  if (random() % 4 == 0) text.pop_back();  // the last record without (all of) its line end
  return text;
}

}  // namespace

TEST_CASE("the plain-record path reads what the full scan reads", "[csv][plain_path]") {
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(random);
    INFO("round " << round << " text " << text);
    ftstatus::CsvLimits limits;
    if (round % 5 == 0) limits.max_fields = 1 + random() % 20;
    if (round % 7 == 0) limits.max_record_bytes = 1 + random() % 100;
    CHECK(read_file_text(text, true, limits) == read_file_text(text, false, limits));
    for (ftstatus::LineEnding ending : {ftstatus::LineEnding::lf, ftstatus::LineEnding::crlf}) {
      if (text.find('\0') != std::string::npos) continue;  // a chunk is checked text
      CHECK(read_chunk_text(text, true, ending) == read_chunk_text(text, false, ending));
    }
  }
}

TEST_CASE("the plain-record path splits records across 64-byte blocks", "[csv][plain_path]") {
  // A CR LF with the CR as a block's last byte, fields that end on block edges, a 200-byte field.
  for (std::size_t pad = 55; pad < 70; ++pad) {
    const std::string text = "h1,h2\n" + std::string(pad, 'a') + ",b\r\n" + std::string(200, 'c') + ",d,,e\n\n\r\nx";
    INFO("pad " << pad);
    const Read plain = read_file_text(text, true, {});
    CHECK(plain == read_file_text(text, false, {}));
    REQUIRE(plain.rows.size() == 4);
    CHECK(plain.rows[1].fields == Fields{std::string(pad, 'a'), "b"});
    CHECK(plain.rows[2].fields == Fields{std::string(200, 'c'), "d", "", "e"});
    CHECK(plain.rows[3].line == 6);
  }
}
