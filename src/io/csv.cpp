#include "io/csv.h"

#include <algorithm>
#include <cstring>

namespace ftstatus {

namespace {

constexpr std::size_t kInitialBuffer = 1u << 20;
constexpr std::string_view kNotText = "input_not_text";

// Windows-1252 0x80..0x9F; the five undefined bytes keep their C1 code point.
constexpr char16_t kCp1252High[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

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

CsvScanner::CsvScanner(std::string_view delimiters, bool report_cr) {
  for (char c : delimiters) byte_[static_cast<unsigned char>(c)] = delimiter;
  if (report_cr) byte_['\r'] = carriage_return;
  byte_['"'] = quote;
  byte_['\n'] = line_feed;
  byte_['\0'] = nul;
}

CsvReader::CsvReader(std::FILE* in, char delimiter, Encoding encoding)
    : in_(in), delimiter_(delimiter), encoding_(encoding) {
  buf_.resize(kInitialBuffer + 1);  // all NULs: the sentinel is in place
  bounds_.reserve(64);
  unescaped_.reserve(4096);
}

bool CsvReader::fill() {
  if (eof_) return false;
  if (end_ == capacity()) buf_.resize(capacity() * 2 + 1);
  std::size_t room = capacity() - end_;
  std::size_t got;
  if (encoding_ == Encoding::utf8) {
    got = std::fread(buf_.data() + end_, 1, room, in_);
    end_ += got;
  } else {
    // A cp1252 byte becomes at most 3 UTF-8 bytes.
    raw_chunk_.resize(std::max<std::size_t>(room / 3, 1));
    if (room < 3) {
      buf_.resize(capacity() * 2 + 1);
      room = capacity() - end_;
      raw_chunk_.resize(room / 3);
    }
    got = std::fread(raw_chunk_.data(), 1, raw_chunk_.size(), in_);
    std::string converted;  // one character: short enough to need no allocation
    for (std::size_t i = 0; i < got; ++i) {
      const auto b = static_cast<unsigned char>(raw_chunk_[i]);
      if (b < 0x80) {
        buf_[end_++] = static_cast<char>(b);
      } else {
        converted.clear();
        append_cp1252(converted, b);
        std::memcpy(buf_.data() + end_, converted.data(), converted.size());
        end_ += converted.size();
      }
    }
  }
  buf_[end_] = '\0';
  if (got == 0) {
    eof_ = true;
    return false;
  }
  return true;
}

CsvError CsvReader::error_at(std::size_t offset, std::string_view problem) const {
  auto [line, column] = locate({buf_.data() + pos_, end_ - pos_}, offset, line_);
  return CsvError(line, column, Problem(problem));
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
    throw CsvError(1, 1, Problem("input_utf16"));
  }
  // A NUL anywhere in the first buffer stops the run before any record is read.
  std::string_view sample(buf_.data() + pos_, end_ - pos_);
  if (std::size_t nul = sample.find('\0'); nul != std::string_view::npos) throw error_at(nul, kNotText);
  // The header line, scanned with every candidate delimiter as a field
  // boundary (the delimiter is not known yet): count the candidates outside
  // quotes, and refuse old Mac "CSV (Macintosh)" files whose lines end with a
  // lone CR: they would read as one header row and lose every row.
  constexpr std::string_view candidates = ",;\t";
  std::size_t counts[candidates.size()] = {};
  CsvScanner header(candidates, true);
  header.begin_record();
  for (std::size_t at = 0;; ++at) {
    const CsvScanner::Event event = header.advance(sample.data(), at, sample.size());
    if (event == CsvScanner::Event::delimiter) {
      ++counts[candidates.find(sample[at])];
      header.begin_field(at + 1);
    } else if (event == CsvScanner::Event::carriage_return) {
      if (at + 1 < sample.size() && sample[at + 1] != '\n') throw error_at(at, "input_lone_cr");
    } else {
      break;  // the header's end, or the end of the first buffer
    }
  }
  if (delimiter_ == 0) {
    // The header decides: the candidate seen most often outside quotes.
    std::size_t best = 0;
    for (std::size_t k = 1; k < candidates.size(); ++k)
      if (counts[k] > counts[best]) best = k;
    delimiter_ = candidates[best];
  }
  scanner_ = CsvScanner(std::string_view(&delimiter_, 1), false);
}

bool CsvReader::next(Record& record) {
  if (!started_) start();
  for (;;) {
    // One pass finds where the record ends and where its fields lie.
    scanner_.begin_record();
    bounds_.clear();
    std::size_t at = 0;  // from pos_
    for (;;) {
      const CsvScanner::Event event = scanner_.advance(buf_.data() + pos_, at, end_ - pos_);
      if (event == CsvScanner::Event::delimiter) {
        end_field();
        scanner_.begin_field(++at);
        continue;
      }
      if (event == CsvScanner::Event::record_end) break;
      if (event == CsvScanner::Event::nul) throw error_at(at, kNotText);
      // need_input: the record goes on past the bytes read so far.
      const bool quoted = scanner_.in_quotes();
      if (end_ - pos_ > kMaxRecordBytes)
        throw error_at(quoted ? scanner_.field_start() : 0, quoted ? "input_quote_too_long" : "input_record_too_long");
      // Keep the partial record and read more after it.
      if (pos_ > 0) {
        std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
        end_ -= pos_;
        pos_ = 0;
        buf_[end_] = '\0';
      }
      if (!fill()) {
        if (pos_ == end_) return false;
        if (quoted) throw error_at(scanner_.field_start(), "input_unclosed_quote");
        break;  // the last record needs no line break
      }
    }
    end_field();
    std::string_view raw(buf_.data() + pos_, at);
    pos_ = std::min(pos_ + at + 1, end_);
    const long start_line = line_;
    line_ += scanner_.line_breaks() + 1;
    const bool ends_crlf = !raw.empty() && raw.back() == '\r';
    if (ends_crlf) raw.remove_suffix(1);
    if (raw.empty()) continue;  // a blank line holds no record
    if (first_record_) {
      crlf_ = ends_crlf;
      first_record_ = false;
    }
    record.line = start_line;
    record.raw = raw;
    make_fields(raw, record);
    return true;
  }
}

void CsvReader::make_fields(std::string_view raw, Record& record) {
  unescaped_.clear();
  unescaped_fields_.clear();
  const std::size_t count = bounds_.size();
  if (record.fields.size() != count) record.fields.resize(count);
  // Plain pointers: stores through vector members would make the compiler reload them every field.
  const FieldBounds* bounds = bounds_.data();
  std::string_view* fields = record.fields.data();
  const char* text = raw.data();
  auto make = [&](std::size_t f, std::size_t end) {
    const std::size_t start = bounds[f].start;
    if (bounds[f].quote_close == 0) {
      fields[f] = {text + start, end - start};
    } else if (bounds[f].quote_close + 1 == end) {  // no doubled quotes, nothing after the closing one
      fields[f] = {text + start + 1, bounds[f].quote_close - start - 1};
    } else {
      // Doubled quotes, or text after the closing quote: keep every byte. The
      // view is made once every such field is in unescaped_, which may move.
      const std::size_t close = bounds[f].quote_close & ~FieldBounds::kDoubledQuotes;
      const std::size_t from = unescaped_.size();
      for (std::size_t p = start + 1; p < close; ++p) {
        unescaped_ += text[p];
        if (text[p] == '"') ++p;
      }
      unescaped_.append(text + close + 1, end - close - 1);
      unescaped_fields_.push_back({f, from, unescaped_.size() - from});
    }
  };
  // A field ends at the next one's delimiter; the last at the record's end (before its CR).
  for (std::size_t f = 0; f + 1 < count; ++f) make(f, bounds[f + 1].start - 1);
  make(count - 1, raw.size());
  for (const UnescapedField& field : unescaped_fields_)
    fields[field.index] = {unescaped_.data() + field.offset, field.length};
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
