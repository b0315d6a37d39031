#pragma once
// Streaming RFC 4180 CSV: quoted fields with delimiters, doubled quotes and
// line breaks; UTF-8, UTF-16 (LE/BE) or Windows-1252, detected or given; LF,
// CRLF or CR-only (old Mac) line ends; comma, semicolon or tab detected from
// the header. Memory is one buffer the size of the longest record, reused.
#include <array>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/problems.h"
#include "ftstatus/record.h"
#include "model/utf8.h"

namespace ftstatus {

// What makes the whole input unreadable: no header, a quote still open at
// the end of the file, binary data.
// It carries a catalogue problem (input_not_text, input_unclosed_quote, ...);
// what() is its English text, for programs that only log it.
class CsvError : public std::runtime_error {
 public:
  CsvError(long at_line, long at_column, Problem what_is_wrong)
      : std::runtime_error(what_is_wrong.text(Lang::en)),
        line(at_line),
        column(at_column),
        problem(std::move(what_is_wrong)) {}
  long line;
  long column;
  Problem problem;
};

// The one CSV state machine: the header pass and the record pass both run it,
// so they cannot disagree about quoting. A quote opens a quoted field only at
// the start of a field (elsewhere it is text: 27" monitor, as in Excel);
// inside quotes a doubled quote is one quote and delimiters and line breaks
// are data; text after the closing quote still belongs to the field.
// Positions count from the first byte of the record being scanned, so they
// survive the reader moving the record within its buffer.
class CsvScanner {
 public:
  enum class Event {
    delimiter,        // a field ends here; call begin_field() after it
    record_end,       // an LF outside quotes
    carriage_return,  // a CR outside quotes (only when asked for): the reader decides what it means
    nul,              // a NUL byte, in quotes or not: the input is not text
    need_input,       // the bytes ran out inside the record
  };

  CsvScanner() : CsvScanner(",", false) {}
  // `delimiters`: the bytes that end a field outside quotes (the header pass
  // gives every candidate). `report_cr`: stop at CRs outside quotes too.
  CsvScanner(std::string_view delimiters, bool report_cr);

  void begin_record() {
    begin_field(0);
    line_breaks_ = 0;
  }
  void begin_field(std::size_t at) {
    state_ = State::field_start;
    field_start_ = at;
    quote_close_ = 0;
    doubled_quotes_ = false;
  }
  // Scans record[at, size) to the next event and leaves `at` on its byte (on
  // `size` for need_input); the scan resumes from `at` when more bytes come.
  // record[size] must be a NUL: a sentinel, so the tight loops over plain
  // text need no bounds check.
  Event advance(const char* record, std::size_t& at, std::size_t size);

  bool in_quotes() const { return state_ == State::quoted; }
  // Where the current field starts; its opening quote when it is quoted.
  std::size_t field_start() const { return field_start_; }
  // The current field's closing quote so far; 0 when it has no opening quote.
  std::size_t quote_close() const { return quote_close_; }
  bool doubled_quotes() const { return doubled_quotes_; }
  // LFs inside quotes in this record so far (outside quotes an LF ends it).
  long line_breaks() const { return line_breaks_; }

 private:
  enum class State : unsigned char { field_start, unquoted, quoted, quote_in_quoted };
  enum Byte : unsigned char { text = 0, quote, line_feed, delimiter, carriage_return, nul };
  // Bytes that end a run of quoted text: the quote that may close it, an LF to
  // count lines, a NUL that means the input is not text.
  static constexpr std::array<bool, 256> kQuotedStop = [] {
    std::array<bool, 256> stop{};
    stop['"'] = stop['\n'] = stop['\0'] = true;
    return stop;
  }();

  Byte byte_[256] = {};  // what a byte means outside quotes; text for most
  State state_ = State::field_start;
  std::size_t field_start_ = 0;
  std::size_t quote_close_ = 0;
  bool doubled_quotes_ = false;
  long line_breaks_ = 0;
};

// Defined here so that the reader's loop inlines it: the scan is the hot path.
inline CsvScanner::Event CsvScanner::advance(const char* record, std::size_t& at, std::size_t size) {
  std::size_t i = at;
  for (;;) {
    if (state_ == State::quoted) {
      while (!kQuotedStop[static_cast<unsigned char>(record[i])]) ++i;
      if (record[i] == '"') {
        state_ = State::quote_in_quoted;  // closes the field, unless another quote follows
        quote_close_ = i++;
        continue;
      }
      if (record[i] == '\n') {
        ++line_breaks_;
        ++i;
        continue;
      }
      if (i == size) break;  // the sentinel
      at = i;
      return Event::nul;
    }
    // Plain text in one tight loop: this is where the time goes.
    const char* p = record + i;
    while (byte_[static_cast<unsigned char>(*p)] == text) ++p;
    if (p != record + i) state_ = State::unquoted;
    i = static_cast<std::size_t>(p - record);
    switch (byte_[static_cast<unsigned char>(record[i])]) {
      case quote:
        if (state_ == State::field_start) {
          state_ = State::quoted;
        } else if (state_ == State::quote_in_quoted) {
          state_ = State::quoted;
          doubled_quotes_ = true;
        }  // else a quote inside plain text is text
        ++i;
        continue;
      case delimiter:
        at = i;
        return Event::delimiter;
      case line_feed:
        at = i;
        return Event::record_end;
      case carriage_return:
        state_ = State::unquoted;  // to quoting, a CR is text
        at = i;
        return Event::carriage_return;
      case nul:
      case text:
        break;
    }
    if (i == size) break;  // the sentinel
    at = i;
    return Event::nul;
  }
  at = size;
  return Event::need_input;
}

// Bounds on one record, so that a file with no line break (or a quote never
// closed) is never buffered whole: the reader holds at most about
// max_record_bytes of text and max_fields field positions. Passing one stops
// the run (input_record_too_long, input_quote_too_long, input_too_many_fields).
struct CsvLimits {
  std::size_t max_record_bytes = std::size_t(64) << 20;  // the CLI's --max-record-mib
  std::size_t max_fields = 1'000'000;                    // the CLI's --max-fields
};

class CsvReader {
 public:
  // `delimiter` 0 means detect it from the first record.
  CsvReader(std::FILE* in, char delimiter = 0, Encoding encoding = Encoding::automatic, CsvLimits limits = {});

  // A reader of records already decoded and cut (a chunk from next_chunk):
  // UTF-8 text of whole records (the last may lack its line end only when the
  // input ends there), read like the rest of a file. reset() takes the text
  // over without copying it (`first_line`: the line it starts on); release()
  // gives it back, unchanged.
  CsvReader(char delimiter, LineEnding line_ending, CsvLimits limits = {});
  void reset(std::string& records, long first_line);
  void release(std::string& records);
  // Where a record next() gave lies in the text given to reset().
  std::size_t offset_of(std::string_view raw) const { return static_cast<std::size_t>(raw.data() - buf_.data()); }

  // Reads the next record; false at the end of the input. Blank lines are
  // skipped (they hold no record). Throws CsvError when the input is unreadable.
  // In an LF or CRLF file a lone CR outside quotes stays in its cell's text
  // and sets record.stray_cr; in a CR-only file it ends the record.
  bool next(Record& record);

  // After next() has read the header: moves the next run of whole records
  // (at least `target` bytes unless the input ends first) into `records`
  // (replacing what it held) and sets `first_line` to the line it starts on;
  // false once the input is used up. Throws CsvError where next() would (a
  // record passing the limits); the records themselves are checked by the
  // chunk's reader.
  bool next_chunk(std::string& records, std::size_t target, long& first_line);

  // Whether reading the input failed (an I/O error, not its end).
  bool read_failed() const { return in_ != nullptr && std::ferror(in_) != 0; }
  const CsvLimits& limits() const { return limits_; }

  // The accessors below hold once next() has been called.
  char delimiter() const { return delimiter_; }
  // Whether the input started with a byte order mark (UTF-8 or UTF-16).
  bool had_bom() const { return had_bom_; }
  // The encoding the input was read in; never `automatic` after the first next().
  Encoding encoding() const { return encoding_; }
  // When `automatic` chose Windows-1252: the line of the first byte that is not
  // UTF-8, for a note to the user; 0 otherwise.
  long cp1252_evidence_line() const { return cp1252_evidence_line_; }
  // How the first record ended (CR-only when the header line ends with a lone
  // CR), to write the same.
  LineEnding line_ending() const { return line_ending_; }
  bool crlf() const { return line_ending_ == LineEnding::crlf; }

 private:
  // Where a field lies in the record, as the scanner found it: 16 bytes, as
  // a long record of delimiters holds millions of them.
  struct FieldBounds {
    static constexpr std::size_t kDoubledQuotes = std::size_t(1) << 63;  // in quote_close
    std::size_t start;
    std::size_t quote_close;  // 0 when not quoted; kDoubledQuotes set when it holds doubled quotes
  };
  struct UnescapedField {
    std::size_t index;  // in the record
    std::size_t offset;
    std::size_t length;
  };

  // Reads more input after end_, decoded to UTF-8; false at EOF.
  bool fill();
  // Where the last whole record in the first `within` bytes of buf_[pos_, end_)
  // ends (0: none) and the lines before that.
  std::pair<std::size_t, long> last_record_end(std::size_t within) const;
  // Grows buf_ so that `bytes` more fit after end_.
  void reserve_after_end(std::size_t bytes);
  // Decodes `size` input bytes (in encoding_) to UTF-8 after end_; the room must be there.
  void decode(const char* bytes, std::size_t size);
  void decode_utf16(const unsigned char* bytes, std::size_t size);
  // At the end of the input: a UTF-16 code unit or surrogate pair left incomplete becomes U+FFFD.
  void finish_utf16();
  // Reads and decodes the first buffer, deciding the encoding from it; where
  // the first byte that is not UTF-8 was when that chose Windows-1252, else npos.
  std::size_t start_decoding();
  // What buf_ holds without its last byte, kept for the NUL after end_.
  std::size_t capacity() const { return buf_.size() - 1; }
  void start();
  void end_field() {
    bounds_.push_back({scanner_.field_start(),
                       scanner_.quote_close() | (scanner_.doubled_quotes() ? FieldBounds::kDoubledQuotes : 0)});
  }
  void make_fields(std::string_view raw, Record& record);
  // next() for the common record: no quote, CR (but a CRLF line end) or NUL
  // before its LF, all in the buffer. False, having changed nothing but
  // record.fields, when the record is not that: the full scan then reads it.
  bool next_plain(Record& record);
  CsvError error_at(std::size_t offset, Problem problem) const;
  // A record or quoted field that passes max_record_bytes, or a record with more than max_fields fields.
  [[noreturn]] void too_long(bool quoted) const;
  [[noreturn]] void too_many_fields() const;
  // The buffer never grows past this: one record at its limit plus one read.
  std::size_t max_capacity() const { return limits_.max_record_bytes + (std::size_t(1) << 20) + 16; }
  // What the buffer grows to when it is full.
  std::size_t grown_capacity() const;

  std::FILE* in_;
  char delimiter_;
  Encoding encoding_;
  CsvLimits limits_;
  std::string buf_;      // buf_[end_] is a NUL: the scanner's sentinel
  std::size_t pos_ = 0;  // start of unread data in buf_
  std::size_t end_ = 0;  // end of valid data in buf_
  bool eof_ = false;
  bool started_ = false;
  bool had_bom_ = false;
  LineEnding line_ending_ = LineEnding::lf;
  long cp1252_evidence_line_ = 0;
  bool first_record_ = true;
  long line_ = 1;
  int utf16_odd_byte_ = -1;                       // a byte of a UTF-16 code unit whose other byte is not read yet
  char16_t utf16_high_surrogate_ = 0;             // waiting for its low surrogate
  std::string scratch_;                           // one decoded character: short enough to need no allocation
  CsvScanner scanner_;                            // the record pass, with the chosen delimiter
  std::vector<FieldBounds> bounds_;               // the current record's fields
  std::string unescaped_;                         // fields with doubled quotes or text after the closing quote
  std::vector<UnescapedField> unescaped_fields_;  // where each of those is in unescaped_
  std::string raw_chunk_;                         // input bytes before decoding (cp1252, UTF-16, the first buffer)
};

// For tests: whether CsvReader::next reads plain records with its fast path
// (the default) or scans every record in full, to compare the two.
void set_csv_plain_path(bool enabled);

// Writes records with RFC 4180 quoting through a large buffer. With no file
// (`out` null) it only fills the buffer, which its owner takes (buffer()).
class CsvWriter {
 public:
  CsvWriter(std::FILE* out, char delimiter, LineEnding ending) : out_(out), delimiter_(delimiter), ending_(ending) {
    buf_.reserve(1 << 16);
    for (unsigned char c : {static_cast<unsigned char>(delimiter), static_cast<unsigned char>('"'),
                            static_cast<unsigned char>('\n'), static_cast<unsigned char>('\r')})
      needs_quotes_[c] = true;
  }
  CsvWriter(std::FILE* out, char delimiter, bool crlf = false)
      : CsvWriter(out, delimiter, crlf ? LineEnding::crlf : LineEnding::lf) {}
  ~CsvWriter() { flush(); }
  void field(std::string_view text);
  void end_record();
  void raw(std::string_view text);  // unquoted bytes, e.g. a BOM
  // Fields already in CSV form with this delimiter (an input record's raw
  // text): appended as they are, and later fields follow a delimiter.
  void raw_fields(std::string_view csv_text);
  bool flush();  // false once a write has failed
  // With no file: hands over what was written (swapped into `into`).
  std::size_t buffered() const { return buf_.size(); }
  void take_buffer(std::string& into) {
    into.swap(buf_);
    buf_.clear();
  }
  // Bytes already in this writer's form, written after what is buffered.
  void write_formatted(std::string_view bytes) {
    flush();
    write_direct(bytes);
  }
  int error_number() const { return error_number_; }  // the first failed write's errno

 private:
  static constexpr std::size_t kDirectWriteBytes = std::size_t(1) << 20;
  void write_direct(std::string_view bytes);
  std::FILE* out_;
  char delimiter_;
  LineEnding ending_;
  bool first_ = true;
  bool lone_empty_field_ = false;  // the record so far is one empty field
  bool needs_quotes_[256] = {};    // the bytes that make a field quoted: one look-up a byte
  std::string buf_;
  int error_number_ = 0;
};

}  // namespace ftstatus
