#pragma once
// What the CSV tests share: bytes in a temporary FILE*, and every record read
// back from it with the views copied.
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "io/csv.h"

namespace csv_fixture {

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// A temporary file holding exactly `bytes`, positioned at its start.
inline File file_with(std::string_view bytes) {
  File f(std::tmpfile());
  REQUIRE(f);
  REQUIRE(std::fwrite(bytes.data(), 1, bytes.size(), f.get()) == bytes.size());
  std::rewind(f.get());
  return f;
}

struct Row {
  std::vector<std::string> fields;
  std::string raw;
  long line = 0;
  bool stray_cr = false;
};

// Reads every record, copying the views before the next call to next().
inline std::vector<Row> read_all(std::string_view bytes, char delimiter = 0,
                                 ftstatus::Encoding encoding = ftstatus::Encoding::automatic) {
  File f = file_with(bytes);
  ftstatus::CsvReader reader(f.get(), delimiter, encoding);
  std::vector<Row> rows;
  ftstatus::Record record;
  while (reader.next(record)) {
    Row row;
    for (std::string_view field : record.fields) row.fields.emplace_back(field);
    row.raw = std::string(record.raw);
    row.line = record.line;
    row.stray_cr = record.stray_cr;
    rows.push_back(std::move(row));
  }
  return rows;
}

using Fields = std::vector<std::string>;

}  // namespace csv_fixture
