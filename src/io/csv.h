#pragma once
// Streaming RFC 4180 CSV: quoted fields with delimiters, doubled quotes and
// line breaks; UTF-8 BOM; LF or CRLF; comma, semicolon or tab detected from
// the header. Memory is one buffer the size of the longest record, reused.
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/record.h"
#include "model/utf8.h"

namespace ftstatus {

// What makes the whole input unreadable: no header, a quote still open at
// the end of the file, binary data.
class CsvError : public std::runtime_error {
 public:
  CsvError(long line, long column, const std::string& message)
      : std::runtime_error(message), line(line), column(column) {}
  long line;
  long column;
};

class CsvReader {
 public:
  static constexpr std::size_t kMaxRecordBytes = 16u << 20;

  // `delimiter` 0 means detect it from the first record.
  CsvReader(std::FILE* in, char delimiter = 0, Encoding encoding = Encoding::utf8);

  // Reads the next record; false at the end of the input. Blank lines are
  // skipped (they hold no record). Throws CsvError when the input is unreadable.
  bool next(Record& record);

  char delimiter() const { return delimiter_; }
  bool had_bom() const { return had_bom_; }
  // Whether the first record ended with CRLF (Excel on Windows), to write the same.
  bool crlf() const { return crlf_; }

 private:
  bool fill();  // reads more input after end_; false at EOF
  void start();
  std::size_t find_record_end(std::size_t from, bool& at_eof);
  void split(std::string_view raw, Record& record);

  std::FILE* in_;
  char delimiter_;
  Encoding encoding_;
  std::string buf_;
  std::size_t pos_ = 0;  // start of unread data in buf_
  std::size_t end_ = 0;  // end of valid data in buf_
  bool eof_ = false;
  bool started_ = false;
  bool had_bom_ = false;
  bool crlf_ = false;
  bool special_[256] = {};  // bytes the record scanner must look at: quote, LF, delimiter, NUL
  bool first_record_ = true;
  long line_ = 1;
  std::string unescaped_;  // holds fields with doubled quotes
  std::vector<std::pair<std::size_t, std::size_t>> spans_;  // (offset, length); offset >= kUnescaped -> in unescaped_
  std::string raw_chunk_;  // cp1252 bytes before transcoding
};

// Writes records with RFC 4180 quoting through a large buffer.
class CsvWriter {
 public:
  CsvWriter(std::FILE* out, char delimiter, bool crlf = false)
      : out_(out), delimiter_(delimiter), crlf_(crlf) {
    buf_.reserve(1 << 16);
  }
  ~CsvWriter() { flush(); }
  void field(std::string_view text);
  void end_record();
  void raw(std::string_view text);  // unquoted bytes, e.g. a BOM
  // Fields already in CSV form with this delimiter (an input record's raw
  // text): appended as they are, and later fields follow a delimiter.
  void raw_fields(std::string_view csv_text);
  bool flush();  // false on a write error

 private:
  std::FILE* out_;
  char delimiter_;
  bool crlf_;
  bool first_ = true;
  std::string buf_;
};

}  // namespace ftstatus
