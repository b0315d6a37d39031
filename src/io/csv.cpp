#include "io/csv.h"
#include "io/record_cuts.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <tuple>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ftstatus {

namespace {

// The first read, which decides the encoding, takes up to kFirstRead bytes;
// the buffer starts at kInitialBuffer and grows as records or chunks need.
constexpr std::size_t kFirstRead = 1u << 20;
constexpr std::size_t kInitialBuffer = 1u << 16;
constexpr std::string_view kNotText = "input_not_text";

// Windows-1252 0x80..0x9F; the five undefined bytes keep their C1 code point.
constexpr char16_t kCp1252High[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                      0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_cp1252(std::string& out, unsigned char b) {
  append_utf8(out, b < 0x80 ? b : b < 0xA0 ? kCp1252High[b - 0x80] : b);
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr char32_t kReplacementCharacter = 0xFFFD;

// More valid multi-byte UTF-8 sequences than invalid bytes.
bool mostly_utf8(std::string_view text) {
  long valid = 0;
  long invalid = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(text, i);
    (c.valid ? valid : invalid) += 1;
    i += c.length;
  }
  return valid > invalid;
}

// Where the first byte that is not UTF-8 lies in `text`, or npos. Unless
// `at_end`, a multi-byte character cut by the end of `text` is only unfinished.
std::size_t first_non_utf8(std::string_view text, bool at_end) {
  std::size_t i = 0;
  while (i < text.size()) {
    // ASCII eight bytes at a time: this check runs on every input's first MiB.
    for (std::uint64_t word; i + 8 <= text.size(); i += 8) {
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080u) break;
    }
    if (i == text.size()) break;
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(text, i);
    if (c.valid) {
      i += c.length;
      continue;
    }
    if (!at_end) {
      // A lead byte followed only by continuation bytes up to the end: the rest comes in the next read.
      const auto lead = static_cast<unsigned char>(text[i]);
      const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      bool cut = lead >= 0xC2 && lead <= 0xF4 && i + length > text.size();
      for (std::size_t k = i + 1; cut && k < text.size(); ++k)
        cut = (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80;
      if (cut) return std::string_view::npos;
    }
    return i;
  }
  return std::string_view::npos;
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

// The bytes of a 64-byte block that next_plain looks for, one bit a byte:
// the delimiter, and what ends the plain case or the record (quote, LF, CR, NUL).
struct PlainBlockBits {
  std::uint64_t delimiters;
  std::uint64_t stops;
};

PlainBlockBits plain_block_bits(const char* block, char delimiter) {
#if defined(__SSE2__)
  // SSE2 is in every x86-64 CPU: no dispatch needed.
  const __m128i delimiter_bytes = _mm_set1_epi8(delimiter);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i line_feed = _mm_set1_epi8('\n');
  const __m128i carriage_return = _mm_set1_epi8('\r');
  const __m128i zero = _mm_setzero_si128();
  PlainBlockBits bits{0, 0};
  for (int k = 0; k < 4; ++k) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * k));
    const __m128i stop =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, line_feed)),
                     _mm_or_si128(_mm_cmpeq_epi8(bytes, carriage_return), _mm_cmpeq_epi8(bytes, zero)));
    const auto delimiter_mask = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, delimiter_bytes)));
    const auto stop_mask = static_cast<std::uint32_t>(_mm_movemask_epi8(stop));
    bits.delimiters |= std::uint64_t{delimiter_mask} << (16 * k);
    bits.stops |= std::uint64_t{stop_mask} << (16 * k);
  }
  return bits;
#else
  PlainBlockBits bits{0, 0};
  for (int k = 0; k < 64; ++k) {
    const char c = block[k];
    bits.delimiters |= std::uint64_t{c == delimiter} << k;
    bits.stops |= std::uint64_t{c == '"' || c == '\n' || c == '\r' || c == '\0'} << k;
  }
  return bits;
#endif
}

std::atomic<bool> plain_path_enabled{true};

}  // namespace

void set_csv_plain_path(bool enabled) { plain_path_enabled.store(enabled, std::memory_order_relaxed); }

std::optional<Encoding> parse_encoding(std::string_view text) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (lower == "auto") return Encoding::automatic;
  if (lower == "utf-8" || lower == "utf8") return Encoding::utf8;
  // Plain UTF-16 is little-endian, as Windows writes it; a BOM overrides that.
  if (lower == "utf-16" || lower == "utf16" || lower == "utf-16le" || lower == "utf16le") return Encoding::utf16le;
  if (lower == "utf-16be" || lower == "utf16be") return Encoding::utf16be;
  if (lower == "cp1252" || lower == "windows-1252" || lower == "latin1" || lower == "iso-8859-1")
    return Encoding::cp1252;
  return std::nullopt;
}

CsvScanner::CsvScanner(std::string_view delimiters, bool report_cr) {
  for (char c : delimiters) byte_[static_cast<unsigned char>(c)] = delimiter;
  if (report_cr) byte_[static_cast<unsigned char>('\r')] = carriage_return;
  byte_[static_cast<unsigned char>('"')] = quote;
  byte_[static_cast<unsigned char>('\n')] = line_feed;
  byte_[0] = nul;
}

CsvReader::CsvReader(std::FILE* in, char delimiter, Encoding encoding, CsvLimits limits)
    : in_(in), delimiter_(delimiter), encoding_(encoding), limits_(limits) {
  // All NULs: the sentinel is in place. A reader limited to short records starts small (the fuzz targets do).
  buf_.resize(std::min(kInitialBuffer, limits_.max_record_bytes + 16) + 1);
  bounds_.reserve(64);
  unescaped_.reserve(4096);
}

CsvReader::CsvReader(char delimiter, LineEnding line_ending, CsvLimits limits)
    : in_(nullptr), delimiter_(delimiter), encoding_(Encoding::utf8), limits_(limits) {
  // The chunk is all there is: fill() finds the end of the input right after it.
  eof_ = true;
  started_ = true;
  first_record_ = false;
  line_ending_ = line_ending;
  scanner_ = CsvScanner(std::string_view(&delimiter_, 1), true);
  buf_.assign(1, '\0');
  bounds_.reserve(64);
  unescaped_.reserve(4096);
}

void CsvReader::reset(std::string& records, long first_line) {
  // std::string keeps a NUL after its last byte: the scanner's sentinel.
  buf_.swap(records);
  pos_ = 0;
  end_ = buf_.size();
  line_ = first_line;
}

void CsvReader::release(std::string& records) {
  buf_.swap(records);
  buf_.assign(1, '\0');
  pos_ = end_ = 0;
}

std::pair<std::size_t, long> CsvReader::last_record_end(std::size_t within) const {
  // Exactly where next() would end records (io/record_cuts.h), 32 or 64 bytes at a time where the CPU can.
  const RecordCut cut = find_last_record_end({buf_.data() + pos_, std::min(within, end_ - pos_)}, delimiter_,
                                             line_ending_ == LineEnding::cr);
  return {cut.end, static_cast<long>(cut.line_breaks)};
}

bool CsvReader::next_chunk(std::string& records, std::size_t target, long& first_line) {
  for (;;) {
    while (end_ - pos_ < target && !eof_) {
      if (pos_ > 0) {
        std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
        end_ -= pos_;
        pos_ = 0;
        buf_[end_] = '\0';
      }
      if (end_ + 1 >= capacity() && capacity() < target) buf_.resize(std::max(grown_capacity(), target) + 1);
      fill();
    }
    const std::size_t available = end_ - pos_;
    if (available == 0 && eof_) return false;
    std::size_t cut = available;  // at the end of the input, the rest, whatever its last record ends with
    long lines = 0;
    if (!eof_ || available > target) {
      // Chunks of about `target` bytes, however much one read brought: their buffers are what a run holds.
      std::tie(cut, lines) = last_record_end(target);
      if (cut == 0) std::tie(cut, lines) = last_record_end(available);  // a record longer than that
      if (cut == 0 && eof_) cut = available;                            // the last one, with no line end
    }
    if (cut == 0) {
      // No record ends in what is read: a long record. Past the limit, next() says so as it always does.
      if (end_ - pos_ > limits_.max_record_bytes) {
        Record record;
        next(record);
        throw error_at(0, Problem("input_record_too_long",
                                  {{"mib", std::to_string(std::max<std::size_t>(limits_.max_record_bytes >> 20, 1))}}));
      }
      target = end_ - pos_ + (std::size_t(1) << 16);
      continue;
    }
    if (pos_ == 0 && cut > (std::size_t(4) << 20)) {
      // A long record fills the buffer: hand the buffer itself over and keep
      // only what follows the cut, rather than holding a second copy.
      std::string rest(buf_.data() + cut, end_ - cut);
      records.swap(buf_);
      records.resize(cut);
      buf_.assign(std::max(kInitialBuffer, rest.size() + 1) + 1, '\0');
      std::memcpy(buf_.data(), rest.data(), rest.size());
      end_ = rest.size();
      first_line = line_;
      line_ += lines;
      return true;
    }
    if (records.capacity() < target) records.reserve(target);  // once: later chunks, cut at most here, fit
    records.assign(buf_.data() + pos_, cut);
    first_line = line_;
    line_ += lines;
    pos_ += cut;
    return true;
  }
}

std::size_t CsvReader::grown_capacity() const {
  // Doubling, but once that reaches the record limit straight to max_capacity():
  // a 10 GB line costs max_capacity() (and one copy from half of it), not 16 GB.
  return capacity() * 2 >= limits_.max_record_bytes ? std::max(max_capacity(), capacity() + 4096) : capacity() * 2;
}

void CsvReader::reserve_after_end(std::size_t bytes) {
  if (capacity() - end_ < bytes) buf_.resize(std::max(grown_capacity(), end_ + bytes) + 1);
}

bool CsvReader::fill() {
  if (eof_) return false;
  if (end_ == capacity()) buf_.resize(grown_capacity() + 1);
  std::size_t got;
  if (encoding_ == Encoding::utf8) {
    got = std::fread(buf_.data() + end_, 1, capacity() - end_, in_);
    end_ += got;
  } else {
    // A cp1252 byte becomes at most 3 UTF-8 bytes, a UTF-16 code unit at most
    // 3 (a surrogate pair 4), plus 3 for a high surrogate left from the last read.
    reserve_after_end(16);
    const std::size_t room = capacity() - end_ - 3;
    raw_chunk_.resize(encoding_ == Encoding::cp1252 ? room / 3 : room / 3 * 2);
    got = std::fread(raw_chunk_.data(), 1, raw_chunk_.size(), in_);
    decode(raw_chunk_.data(), got);
  }
  if (got == 0) {
    eof_ = true;
    const std::size_t before = end_;
    if (encoding_ == Encoding::utf16le || encoding_ == Encoding::utf16be) finish_utf16();
    buf_[end_] = '\0';
    return end_ != before;
  }
  buf_[end_] = '\0';
  return true;
}

void CsvReader::decode(const char* bytes, std::size_t size) {
  if (encoding_ == Encoding::utf8) {
    std::memcpy(buf_.data() + end_, bytes, size);
    end_ += size;
  } else if (encoding_ == Encoding::cp1252) {
    for (std::size_t i = 0; i < size; ++i) {
      const auto b = static_cast<unsigned char>(bytes[i]);
      if (b < 0x80) {
        buf_[end_++] = static_cast<char>(b);
      } else {
        scratch_.clear();
        append_cp1252(scratch_, b);
        std::memcpy(buf_.data() + end_, scratch_.data(), scratch_.size());
        end_ += scratch_.size();
      }
    }
  } else {
    decode_utf16(reinterpret_cast<const unsigned char*>(bytes), size);
  }
}

void CsvReader::decode_utf16(const unsigned char* bytes, std::size_t size) {
  const bool big_endian = encoding_ == Encoding::utf16be;
  auto put = [&](char32_t code_point) {
    if (code_point < 0x80) {
      buf_[end_++] = static_cast<char>(code_point);
      return;
    }
    scratch_.clear();
    append_utf8(scratch_, code_point);
    std::memcpy(buf_.data() + end_, scratch_.data(), scratch_.size());
    end_ += scratch_.size();
  };
  auto unit = [&](char16_t u) {
    if (utf16_high_surrogate_ != 0) {
      const char16_t high = utf16_high_surrogate_;
      utf16_high_surrogate_ = 0;
      if (u >= 0xDC00 && u <= 0xDFFF) {
        put(0x10000 + ((static_cast<char32_t>(high) - 0xD800) << 10) + (static_cast<char32_t>(u) - 0xDC00));
        return;
      }
      put(kReplacementCharacter);  // a high surrogate with no low one after it
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      utf16_high_surrogate_ = u;  // its low surrogate may be in the next read
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      put(kReplacementCharacter);  // a low surrogate on its own
    } else {
      put(u);  // U+0000 stays a NUL: the scanner then says the input is not text
    }
  };
  auto combine = [big_endian](unsigned first, unsigned second) {
    return static_cast<char16_t>(big_endian ? first << 8 | second : second << 8 | first);
  };
  std::size_t i = 0;
  if (utf16_odd_byte_ >= 0 && size > 0) {
    unit(combine(static_cast<unsigned>(utf16_odd_byte_), bytes[0]));
    utf16_odd_byte_ = -1;
    i = 1;
  }
  for (; i + 1 < size; i += 2) unit(combine(bytes[i], bytes[i + 1]));
  if (i < size) utf16_odd_byte_ = bytes[i];
}

void CsvReader::finish_utf16() {
  if (utf16_high_surrogate_ != 0) {
    utf16_high_surrogate_ = 0;
    scratch_.clear();
    append_utf8(scratch_, kReplacementCharacter);
    std::memcpy(buf_.data() + end_, scratch_.data(), scratch_.size());
    end_ += scratch_.size();
  }
  if (utf16_odd_byte_ >= 0) {  // half a code unit at the end of the file
    utf16_odd_byte_ = -1;
    scratch_.clear();
    append_utf8(scratch_, kReplacementCharacter);
    std::memcpy(buf_.data() + end_, scratch_.data(), scratch_.size());
    end_ += scratch_.size();
  }
}

std::size_t CsvReader::start_decoding() {
  // Read into buf_, where UTF-8 (the usual case) stays as it is: what it
  // holds first, then, for a larger file, the rest of kFirstRead (a 50-row
  // file touches the pages it needs, not 256).
  const std::size_t first = std::min(kFirstRead, limits_.max_record_bytes + 16);
  std::size_t got = std::fread(buf_.data(), 1, std::min(first, capacity()), in_);
  if (got == capacity() && first > got) {
    buf_.resize(first + 1);
    got += std::fread(buf_.data() + got, 1, first - got, in_);
  }
  std::string_view bytes(buf_.data(), got);
  // A BOM decides, unless the user named an encoding: then a UTF-8 BOM is
  // skipped when reading UTF-8 or UTF-16, and a UTF-16 BOM gives UTF-16's byte order.
  const bool utf16_asked = encoding_ == Encoding::utf16le || encoding_ == Encoding::utf16be;
  const bool boms_decide = encoding_ == Encoding::automatic || utf16_asked;
  if (bytes.starts_with(kUtf8Bom) && (boms_decide || encoding_ == Encoding::utf8)) {
    had_bom_ = true;
    encoding_ = Encoding::utf8;
    bytes.remove_prefix(kUtf8Bom.size());
  } else if (bytes.starts_with(kUtf16LeBom) || bytes.starts_with(kUtf16BeBom)) {
    if (encoding_ == Encoding::utf8) throw CsvError(1, 1, Problem("input_utf16"));
    if (boms_decide) {
      had_bom_ = true;
      encoding_ = bytes.starts_with(kUtf16LeBom) ? Encoding::utf16le : Encoding::utf16be;
      bytes.remove_prefix(kUtf16LeBom.size());
    }
  }
  std::size_t non_utf8 = std::string_view::npos;
  if (encoding_ == Encoding::automatic) {
    non_utf8 = first_non_utf8(bytes, got < first);
    encoding_ = non_utf8 == std::string_view::npos ? Encoding::utf8 : Encoding::cp1252;
    // A UTF-8 file with a stray byte or two (a pasted cell) stays UTF-8, its
    // bad cells flagged invalid_utf8: Windows-1252 text almost never holds
    // valid multi-byte UTF-8 sequences, a UTF-8 file holds many.
    if (non_utf8 != std::string_view::npos && mostly_utf8(bytes)) {
      encoding_ = Encoding::utf8;
      non_utf8 = std::string_view::npos;
    }
  }
  if (encoding_ == Encoding::utf8) {
    pos_ = got - bytes.size();  // after the BOM
    end_ = got;
  } else {
    raw_chunk_.assign(bytes);
    reserve_after_end(raw_chunk_.size() * (encoding_ == Encoding::cp1252 ? 3 : 2) + 16);
    decode(raw_chunk_.data(), raw_chunk_.size());
  }
  buf_[end_] = '\0';
  return non_utf8;
}

CsvError CsvReader::error_at(std::size_t offset, Problem problem) const {
  auto [line, column] = locate({buf_.data() + pos_, end_ - pos_}, offset, line_);
  return CsvError(line, column, std::move(problem));
}

void CsvReader::too_long(bool quoted) const {
  // MiB as the flag takes them; a limit set in bytes through the library shows as at least 1.
  const std::string mib = std::to_string(std::max<std::size_t>(limits_.max_record_bytes >> 20, 1));
  const std::string field = std::to_string(bounds_.size() + 1);
  if (quoted) throw error_at(scanner_.field_start(), Problem("input_quote_too_long", {{"mib", mib}, {"field", field}}));
  throw error_at(0, Problem("input_record_too_long", {{"mib", mib}}));
}

void CsvReader::too_many_fields() const {
  throw error_at(0, Problem("input_too_many_fields", {{"max", std::to_string(limits_.max_fields)}}));
}

void CsvReader::start() {
  started_ = true;
  const std::size_t non_utf8 = start_decoding();
  // A NUL anywhere in the first buffer stops the run before any record is read.
  std::string_view sample(buf_.data() + pos_, end_ - pos_);
  if (std::size_t nul = sample.find('\0'); nul != std::string_view::npos) throw error_at(nul, Problem(kNotText));
  // The header line, scanned with every candidate delimiter as a field
  // boundary (the delimiter is not known yet): count the candidates outside
  // quotes, and find how the line ends: a lone CR before any LF is an old Mac
  // "CSV (Macintosh)" file, whose records all end with a CR.
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
      if (at + 1 < sample.size() && sample[at + 1] != '\n') {
        line_ending_ = LineEnding::cr;
        break;
      }
    } else {
      break;  // the header's end, or the end of the first buffer
    }
  }
  if (non_utf8 != std::string_view::npos) {
    // Every byte before it is ASCII or UTF-8, so the decoded text starts with
    // the same bytes. In a CR-only file a lone CR ends a line too.
    const std::string_view before(buf_.data(), non_utf8);
    long line = 1 + static_cast<long>(std::count(before.begin(), before.end(), '\n'));
    if (line_ending_ == LineEnding::cr)
      for (std::size_t i = 0; i < before.size(); ++i) line += before[i] == '\r' && i + 1 < end_ && buf_[i + 1] != '\n';
    cp1252_evidence_line_ = line;
  }
  if (delimiter_ == 0) {
    // The header decides: the candidate seen most often outside quotes.
    std::size_t best = 0;
    for (std::size_t k = 1; k < candidates.size(); ++k)
      if (counts[k] > counts[best]) best = k;
    delimiter_ = candidates[best];
  }
  scanner_ = CsvScanner(std::string_view(&delimiter_, 1), true);
}

bool CsvReader::next_plain(Record& record) {
  // Whole 64-byte blocks are read where the buffer has them; the last few
  // bytes are copied into a block padded with NULs (a stop, like the sentinel).
  // Bytes after a stop are never looked at, so stale ones past end_ do no harm.
  constexpr std::size_t kBlock = 64;
  alignas(16) char tail[kBlock];
  std::size_t room = record.fields.size();
  std::string_view* fields = record.fields.data();
  for (;;) {  // once more after each blank line
    const char* record_start = buf_.data() + pos_;
    const std::size_t available = end_ - pos_;
    const std::size_t readable = buf_.size() - pos_;
    const std::size_t max_size = std::min(limits_.max_record_bytes, available);
    std::size_t count = 0;  // fields ended by a delimiter so far
    std::size_t field_start = 0;
    std::size_t stop_at = 0;
    for (std::size_t block = 0;; block += kBlock) {
      if (block > max_size) return false;
      const char* bytes = record_start + block;
      if (block + kBlock > readable) {
        std::memset(tail, 0, kBlock);
        std::memcpy(tail, bytes, std::min(kBlock, available - block));
        bytes = tail;
      }
      PlainBlockBits bits = plain_block_bits(bytes, delimiter_);
      const int stop = bits.stops != 0 ? __builtin_ctzll(bits.stops) : 64;
      if (stop < 64) bits.delimiters &= (std::uint64_t{1} << stop) - 1;
      for (; bits.delimiters != 0; bits.delimiters &= bits.delimiters - 1) {
        const std::size_t at = block + static_cast<std::size_t>(__builtin_ctzll(bits.delimiters));
        if (count == room) {  // a wider record than any before: grows once, not per record
          record.fields.resize(std::max<std::size_t>(16, room * 2));
          room = record.fields.size();
          fields = record.fields.data();
        }
        fields[count++] = {record_start + field_start, at - field_start};
        field_start = at + 1;
      }
      if (count >= limits_.max_fields) return false;  // the full scan reports it
      if (stop < 64) {
        stop_at = block + static_cast<std::size_t>(stop);
        break;
      }
    }
    // The first stop must be the record's LF, or the CR of its CR LF.
    if (stop_at >= available) return false;  // the end of what is read: maybe more to come
    std::size_t line_end = stop_at + 1;
    bool ends_with_cr = false;
    if (record_start[stop_at] == '\r' && stop_at + 1 < available && record_start[stop_at + 1] == '\n') {
      ends_with_cr = true;
      ++line_end;
    } else if (record_start[stop_at] != '\n') {
      return false;  // a quote, a lone CR or a NUL
    }
    const std::size_t size = stop_at;
    if (size > limits_.max_record_bytes) return false;
    if (size == 0) {  // a blank line holds no record
      pos_ += line_end;
      ++line_;
      continue;
    }
    if (count == room) {
      record.fields.resize(room + 1);
      fields = record.fields.data();
    }
    fields[count] = {record_start + field_start, size - field_start};
    record.fields.resize(count + 1);
    if (first_record_) {
      line_ending_ = ends_with_cr ? LineEnding::crlf : LineEnding::lf;
      first_record_ = false;
    }
    record.line = line_++;
    record.raw = {record_start, size};
    record.stray_cr = false;
    pos_ += line_end;
    return true;
  }
}

bool CsvReader::next(Record& record) {
  if (!started_) start();
  const bool cr_file = line_ending_ == LineEnding::cr;
  if (!cr_file && plain_path_enabled.load(std::memory_order_relaxed) && next_plain(record)) return true;
  for (;;) {
    // One pass finds where the record ends and where its fields lie.
    scanner_.begin_record();
    bounds_.clear();
    bool stray_cr = false;
    std::size_t at = 0;  // from pos_
    std::size_t size;    // of the record without its line end
    bool ends_with_cr;   // the line end is CR or CR LF
    for (;;) {
      const CsvScanner::Event event = scanner_.advance(buf_.data() + pos_, at, end_ - pos_);
      if (event == CsvScanner::Event::delimiter) {
        end_field();
        if (bounds_.size() >= limits_.max_fields) too_many_fields();
        scanner_.begin_field(++at);
        continue;
      }
      if (event == CsvScanner::Event::record_end) {
        // A CR right before it is outside quotes too: part of the line end.
        ends_with_cr = at > 0 && buf_[pos_ + at - 1] == '\r';
        size = at - (ends_with_cr ? 1 : 0);
        break;
      }
      if (event == CsvScanner::Event::nul) throw error_at(at, Problem(kNotText));
      if (event == CsvScanner::Event::carriage_return && pos_ + at + 1 < end_) {
        if (buf_[pos_ + at + 1] == '\n') {  // CR LF: the LF ends the record
          ++at;
          continue;
        }
        if (cr_file) {  // a lone CR ends the record
          ends_with_cr = true;
          size = at;
          break;
        }
        stray_cr = true;  // a lone CR inside a record stays in its cell
        ++at;
        continue;
      }
      // need_input, or a CR that is the last byte read (what follows it
      // decides what it is): the record goes on past the bytes read so far.
      const bool quoted = scanner_.in_quotes();
      if (end_ - pos_ > limits_.max_record_bytes) too_long(quoted);
      // Keep the partial record and read more after it (a chunk's text has no more: it stays in place).
      if (pos_ > 0 && in_ != nullptr) {
        std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
        end_ -= pos_;
        pos_ = 0;
        buf_[end_] = '\0';
      }
      if (!fill()) {
        if (pos_ == end_) return false;
        if (quoted)
          throw error_at(scanner_.field_start(),
                         Problem("input_unclosed_quote", {{"field", std::to_string(bounds_.size() + 1)}}));
        // The last record needs no line end; a CR as the last byte of the input is one.
        ends_with_cr = event == CsvScanner::Event::carriage_return;
        size = at;
        break;
      }
    }
    // The buffer holds a little more than the limit: a record found whole in it may still be too long.
    if (size > limits_.max_record_bytes) too_long(false);
    end_field();
    std::string_view raw(buf_.data() + pos_, size);
    pos_ = std::min(pos_ + at + 1, end_);
    const long start_line = line_;
    line_ += scanner_.line_breaks() + 1;
    if (cr_file) {  // lone CRs in quotes end lines too (outside quotes they end records)
      for (std::size_t i = 0; i < size; ++i) line_ += raw[i] == '\r' && (i + 1 == size || raw[i + 1] != '\n');
    }
    if (raw.empty()) continue;  // a blank line holds no record
    if (first_record_) {
      if (!cr_file) line_ending_ = ends_with_cr ? LineEnding::crlf : LineEnding::lf;
      first_record_ = false;
    }
    record.line = start_line;
    record.raw = raw;
    record.stray_cr = stray_cr;
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
  lone_empty_field_ = first_ && text.empty();
  first_ = false;
  bool quote = false;
  for (char c : text) {
    if (needs_quotes_[static_cast<unsigned char>(c)]) {
      quote = true;
      break;
    }
  }
  if (text.size() >= kDirectWriteBytes) {
    // A huge cell goes straight to the file: the buffer never holds a second copy of it.
    if (quote) buf_ += '"';
    flush();
    if (!quote) {
      write_direct(text);
    } else {
      for (std::size_t at = 0; at < text.size();) {
        const std::size_t q = text.find('"', at);
        const std::size_t end = q == std::string_view::npos ? text.size() : q + 1;
        write_direct(text.substr(at, end - at));
        if (q != std::string_view::npos) write_direct("\"");
        at = end;
      }
      buf_ += '"';
    }
  } else if (!quote) {
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
  if (lone_empty_field_) buf_ += "\"\"";  // not a blank line, which readers skip: the record would be lost
  lone_empty_field_ = false;
  if (ending_ != LineEnding::lf) buf_ += '\r';
  if (ending_ != LineEnding::cr) buf_ += '\n';
  first_ = true;
}

void CsvWriter::raw(std::string_view text) { buf_.append(text); }

void CsvWriter::write_direct(std::string_view bytes) {
  if (out_ == nullptr) {
    buf_.append(bytes);
    return;
  }
  if (error_number_ == 0 && !bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size())
    error_number_ = errno != 0 ? errno : EIO;
}

void CsvWriter::raw_fields(std::string_view csv_text) {
  if (!first_) buf_ += delimiter_;
  lone_empty_field_ = first_ && csv_text.empty();
  first_ = false;
  if (csv_text.size() >= kDirectWriteBytes) {
    flush();
    write_direct(csv_text);
    return;
  }
  buf_.append(csv_text);
  if (buf_.size() >= (1u << 16)) flush();  // as field() does: a row may be written with no field() call
}

bool CsvWriter::flush() {
  if (out_ == nullptr) return true;
  if (!buf_.empty() && error_number_ == 0 && std::fwrite(buf_.data(), 1, buf_.size(), out_) != buf_.size())
    error_number_ = errno != 0 ? errno : EIO;
  buf_.clear();
  return error_number_ == 0;
}

}  // namespace ftstatus
