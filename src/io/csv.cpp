#include "io/csv.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace ftstatus {

namespace {

constexpr std::size_t kInitialBuffer = 1u << 20;
constexpr std::size_t kUnescapedFlag = std::size_t(1) << 63;

// Windows-1252 0x80..0x9F; the five undefined bytes keep their C1 code point.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_cp1252(std::string& out, unsigned char b) {
  append_utf8(out, b < 0x80 ? b : b < 0xA0 ? kCp1252High[b - 0x80] : b);
}

// 1-based line and column of `offset` counted from `base` (which is at `line`, column 1).
std::pair<long, long> locate(std::string_view text, std::size_t offset, long line) {
  long column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (lower == "utf-8" || lower == "utf8") return Encoding::utf8;
  if (lower == "cp1252" || lower == "windows-1252" || lower == "latin1") return Encoding::cp1252;
  return std::nullopt;
}

CsvReader::CsvReader(std::FILE* in, char delimiter, Encoding encoding)
    : in_(in), delimiter_(delimiter), encoding_(encoding) {
  buf_.resize(kInitialBuffer);
  unescaped_.reserve(4096);
}

bool CsvReader::fill() {
  if (eof_) return false;
  if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);
  std::size_t room = buf_.size() - end_;
  std::size_t got;
  if (encoding_ == Encoding::utf8) {
    got = std::fread(buf_.data() + end_, 1, room, in_);
    end_ += got;
  } else {
    // A cp1252 byte becomes at most 3 UTF-8 bytes.
    raw_chunk_.resize(std::max<std::size_t>(room / 3, 1));
    if (room < 3) {
      buf_.resize(buf_.size() * 2);
      room = buf_.size() - end_;
      raw_chunk_.resize(room / 3);
    }
    got = std::fread(raw_chunk_.data(), 1, raw_chunk_.size(), in_);
    std::string converted;
    converted.reserve(got * 3);
    for (std::size_t i = 0; i < got; ++i) append_cp1252(converted, static_cast<unsigned char>(raw_chunk_[i]));
    std::memcpy(buf_.data() + end_, converted.data(), converted.size());
    end_ += converted.size();
  }
  if (got == 0) {
    eof_ = true;
    return false;
  }
  return true;
}

void CsvReader::start() {
  started_ = true;
  while (end_ < 4 && fill()) {
  }
  std::string_view head(buf_.data(), end_);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") {
    had_bom_ = true;
    pos_ = 3;
  } else if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") {
    throw CsvError(1, 1, "the file is UTF-16; save it as UTF-8 (or CSV UTF-8 in Excel) and run again");
  }
  std::string_view sample(buf_.data() + pos_, end_ - pos_);
  std::size_t nul = sample.find('\0');
  if (nul != std::string_view::npos) {
    auto [line, column] = locate(sample, nul, 1);
    throw CsvError(line, column, "the file is not text (it holds a NUL byte); give a CSV file");
  }
  // One pass over the header, quoting as next() does (a quote opens a field
  // only at its start; the delimiter is not known yet, so any candidate
  // counts as a field boundary). It counts the candidate delimiters outside
  // quotes, and refuses old Mac "CSV (Macintosh)" files whose lines end with
  // a lone CR: they would read as one header row and lose every row.
  const char candidates[3] = {',', ';', '\t'};
  std::size_t counts[3] = {0, 0, 0};
  bool quoted = false;
  bool field_start = true;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    char c = sample[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < sample.size() && sample[i + 1] == '"') ++i;  // a doubled quote
        else quoted = false;
      }
      continue;
    }
    if (c == '\n') break;
    if (c == '\r' && i + 1 < sample.size() && sample[i + 1] != '\n') {
      auto [line, column] = locate(sample, i, 1);
      throw CsvError(line, column,
                     "lines end with a lone CR (old Mac format); save the file as CSV UTF-8 or convert line ends to LF or CRLF");
    }
    bool boundary = false;
    for (int k = 0; k < 3; ++k) {
      if (c != candidates[k]) continue;
      ++counts[k];
      boundary = true;
    }
    if (c == '"' && field_start) quoted = true;
    field_start = boundary;
  }
  if (delimiter_ == 0) {
    // The header decides: the candidate seen most often outside quotes.
    int best = 0;
    for (int k = 1; k < 3; ++k)
      if (counts[k] > counts[best]) best = k;
    delimiter_ = candidates[best];
  }
  for (unsigned char c : {static_cast<unsigned char>('"'), static_cast<unsigned char>('\n'),
                          static_cast<unsigned char>(delimiter_), static_cast<unsigned char>('\0')})
    special_[c] = true;
}

bool CsvReader::next(Record& record) {
  if (!started_) start();
  for (;;) {
    std::size_t scan = pos_;
    // A quote opens a quoted field only at the start of a field; elsewhere it
    // is text (27" monitor), as in split() and in Excel.
    enum class State { field_start, unquoted, quoted, quote_in_quoted } state = State::field_start;
    std::size_t quote_open = 0;
    std::size_t record_end = std::string::npos;
    const char delimiter = delimiter_;
    while (record_end == std::string::npos) {
      const char* data = buf_.data();
      auto not_text = [&](std::size_t at) {
        auto [line, column] = locate({data + pos_, end_ - pos_}, at - pos_, line_);
        return CsvError(line, column, "the file is not text (it holds a NUL byte); give a CSV file");
      };
      while (scan < end_) {
        if (state == State::quoted) {
          while (scan < end_ && data[scan] != '"' && data[scan] != '\0') ++scan;
          if (scan == end_) break;
          if (data[scan] == '\0') throw not_text(scan);
          state = State::quote_in_quoted;
          ++scan;
          continue;
        }
        // Skip plain text in one tight loop; stop at a byte that matters.
        std::size_t text_start = scan;
        while (scan < end_ && !special_[static_cast<unsigned char>(data[scan])]) ++scan;
        if (scan > text_start) state = State::unquoted;
        if (scan == end_) break;
        char c = data[scan];
        if (c == '\0') throw not_text(scan);
        if (c == '\n') {
          record_end = scan;
          break;
        }
        if (c == delimiter) {
          state = State::field_start;
        } else if (state == State::field_start) {  // a quote opening a field
          state = State::quoted;
          quote_open = scan;
        } else if (state == State::quote_in_quoted) {  // a doubled quote inside a quoted field
          state = State::quoted;
        } else {
          state = State::unquoted;  // a quote inside plain text is text
        }
        ++scan;
      }
      const bool quoted = state == State::quoted;
      if (record_end != std::string::npos) break;
      if (end_ - pos_ > kMaxRecordBytes) {
        auto [line, column] = locate({buf_.data() + pos_, end_ - pos_}, quoted ? quote_open - pos_ : 0, line_);
        throw CsvError(line, column,
                       quoted ? "a quote opened here is not closed within 16 MiB; close the quoted field"
                              : "a record longer than 16 MiB starts here; is this a CSV file?");
      }
      // Keep the partial record and read more after it.
      if (pos_ > 0) {
        std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
        scan -= pos_;
        quote_open -= std::min(quote_open, pos_);
        end_ -= pos_;
        pos_ = 0;
      }
      if (!fill()) {
        if (pos_ == end_) return false;
        if (state == State::quoted) {
          auto [line, column] = locate({buf_.data() + pos_, end_ - pos_}, quote_open - pos_, line_);
          throw CsvError(line, column, "a quote opened here is still open at the end of the file; close the quoted field");
        }
        record_end = end_;
      }
    }
    std::string_view raw(buf_.data() + pos_, record_end - pos_);
    pos_ = record_end < end_ ? record_end + 1 : end_;
    long start_line = line_;
    line_ += static_cast<long>(std::count(raw.begin(), raw.end(), '\n')) + 1;
    bool ends_crlf = !raw.empty() && raw.back() == '\r';
    if (ends_crlf) raw.remove_suffix(1);
    if (raw.empty()) continue;  // a blank line holds no record
    if (first_record_) {
      crlf_ = ends_crlf;
      first_record_ = false;
    }
    record.line = start_line;
    record.raw = raw;
    split(raw, record);
    return true;
  }
}

void CsvReader::split(std::string_view raw, Record& record) {
  unescaped_.clear();
  spans_.clear();
  const std::size_t n = raw.size();
  std::size_t i = 0;
  for (;;) {
    if (i < n && raw[i] == '"') {
      std::size_t j = i + 1;
      bool doubled = false;
      while (j < n) {
        if (raw[j] == '"') {
          if (j + 1 < n && raw[j + 1] == '"') {
            doubled = true;
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      std::size_t content_end = j;
      std::size_t after = std::min(j + 1, n);
      std::size_t k = after;
      while (k < n && raw[k] != delimiter_) ++k;
      if (!doubled && k == after) {
        spans_.emplace_back(i + 1, content_end - i - 1);
      } else {
        // Doubled quotes, or text after the closing quote: keep every byte.
        std::size_t start = unescaped_.size();
        for (std::size_t p = i + 1; p < content_end; ++p) {
          unescaped_ += raw[p];
          if (raw[p] == '"') ++p;
        }
        unescaped_.append(raw.substr(after, k - after));
        spans_.emplace_back(start | kUnescapedFlag, unescaped_.size() - start);
      }
      i = k;
    } else {
      std::size_t k = raw.find(delimiter_, i);
      if (k == std::string_view::npos) k = n;
      spans_.emplace_back(i, k - i);
      i = k;
    }
    if (i >= n) break;
    ++i;  // the delimiter; a trailing one means one more, empty, field
    if (i == n) {
      spans_.emplace_back(n, 0);
      break;
    }
  }
  record.fields.clear();
  for (auto [offset, length] : spans_) {
    if (offset & kUnescapedFlag)
      record.fields.emplace_back(unescaped_.data() + (offset & ~kUnescapedFlag), length);
    else
      record.fields.emplace_back(raw.data() + offset, length);
  }
}

void CsvWriter::field(std::string_view text) {
  if (!first_) buf_ += delimiter_;
  first_ = false;
  bool quote = false;
  for (char c : text) quote |= c == delimiter_ || c == '"' || c == '\n' || c == '\r';
  if (!quote) {
    buf_.append(text);
  } else {
    buf_ += '"';
    for (char c : text) {
      if (c == '"') buf_ += '"';
      buf_ += c;
    }
    buf_ += '"';
  }
  if (buf_.size() >= (1u << 16)) flush();
}

void CsvWriter::end_record() {
  if (crlf_) buf_ += '\r';
  buf_ += '\n';
  first_ = true;
}

void CsvWriter::raw(std::string_view text) { buf_.append(text); }

void CsvWriter::raw_fields(std::string_view csv_text) {
  if (!first_) buf_ += delimiter_;
  first_ = false;
  buf_.append(csv_text);
}

bool CsvWriter::flush() {
  if (buf_.empty()) return true;
  bool ok = std::fwrite(buf_.data(), 1, buf_.size(), out_) == buf_.size();
  buf_.clear();
  return ok;
}

}  // namespace ftstatus
