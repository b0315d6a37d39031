// Record cuts (io/record_cuts.h): the scalar path against CsvReader itself on
// every prefix and segment of many inputs, then every SIMD path this CPU has
// against the scalar path: on every file under tests/ and csv-spectrum, on
// random bytes at every alignment, and where a cut falls at a block's edge.
// A hidden benchmark ("[.benchmark]") prints each path's GB/s.
#include <catch2/catch.hpp>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "csv_fixture.h"
#include "io/csv.h"
#include "io/record_cuts.h"
#include "test_support.h"

using ftstatus::find_last_record_end_with;
using ftstatus::RecordCut;
using ftstatus::SimdPath;

namespace {

constexpr SimdPath kSimdPaths[] = {SimdPath::avx2, SimdPath::avx512};

std::string show(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\0') {
      out += "\\0";
    } else {
      out += c;
    }
  }
  return out;
}

// Where CsvReader ends records in `text`: every position just after a line
// end outside quotes (blank lines included), with the line count there.
struct ReaderCuts {
  std::vector<std::size_t> ends;   // ascending
  std::vector<std::size_t> lines;  // line breaks before each end
  bool cr_only = false;
};

// Line ends in text[from, to), which holds only line ends (the reader skips
// blank lines): where each one ends, or nullopt when something else is there.
std::optional<std::vector<std::size_t>> line_ends_in(std::string_view text, std::size_t from, std::size_t to,
                                                     bool cr_only) {
  std::vector<std::size_t> ends;
  for (std::size_t at = from; at < to;) {
    if (text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n') {
      at += 2;
    } else if (text[at] == '\n' || (text[at] == '\r' && cr_only)) {
      at += 1;
    } else {
      return std::nullopt;
    }
    ends.push_back(at);
  }
  return ends;
}

// nullopt when the reader rejects `text` (an unclosed quote, a NUL). The text
// must start with a record and end with one that has no line end after it, so
// that every cut has a record after it whose line number tells the count.
std::optional<ReaderCuts> reader_cuts(const std::string& text, char delimiter) {
  auto file = csv_fixture::file_with(text);
  ftstatus::CsvReader reader(file.get(), delimiter, ftstatus::Encoding::utf8);
  ftstatus::Record record;
  ReaderCuts cuts;
  const char* base = nullptr;
  std::size_t next = 0;        // where the gap before the next record starts
  std::size_t lines_next = 0;  // line breaks before it
  try {
    while (reader.next(record)) {
      cuts.cr_only = reader.line_ending() == ftstatus::LineEnding::cr;
      if (base == nullptr) base = record.raw.data();
      auto start = static_cast<std::size_t>(record.raw.data() - base);
      if (start < next) {
        // The reader moved the last record to its buffer's start when it read
        // on to the end of the input: it ends the text (before a CR at the very end).
        start = text.size() - record.raw.size() - (text.back() == '\r' ? 1 : 0);
      }
      REQUIRE(text.substr(start, record.raw.size()) == record.raw);
      const auto blank_lines = line_ends_in(text, next, start, cuts.cr_only);
      REQUIRE(blank_lines);
      for (std::size_t end : *blank_lines) {
        cuts.ends.push_back(end);
        cuts.lines.push_back(++lines_next);
      }
      REQUIRE(static_cast<std::size_t>(record.line - 1) == lines_next);
      const std::size_t after = start + record.raw.size();
      if (after == text.size() || (after + 1 == text.size() && text[after] == '\r')) break;  // the last record
      const auto line_end = line_ends_in(text, after, after + 1, cuts.cr_only);
      REQUIRE(line_end);
      // Its line count: the next record's line less the blank lines between them; set when that one comes.
      next = line_end->front();
      cuts.ends.push_back(next);
      cuts.lines.push_back(0);
      std::size_t breaks_inside = 0;
      for (std::size_t at = start; at < next; ++at)
        breaks_inside += text[at] == '\n' || (cuts.cr_only && text[at] == '\r' && text[at + 1] != '\n');
      lines_next += breaks_inside;
      cuts.lines.back() = lines_next;
    }
  } catch (const ftstatus::CsvError&) {
    return std::nullopt;
  }
  return cuts;
}

// The cut the reader implies for text[from, to), `from` being one of its record starts.
RecordCut expected_cut(const ReaderCuts& cuts, std::string_view text, std::size_t from, std::size_t to) {
  const std::size_t lines_at_from =
      from == 0 ? 0 : cuts.lines[std::lower_bound(cuts.ends.begin(), cuts.ends.end(), from) - cuts.ends.begin()];
  for (std::size_t k = cuts.ends.size(); k-- > 0;) {
    const std::size_t end = cuts.ends[k];
    if (end <= from) break;
    if (end > to) continue;
    if (end == to && text[end - 1] == '\r') continue;  // a lone CR at the end: what follows decides
    return {end - from, cuts.lines[k] - lines_at_from};
  }
  return {};
}

struct Tally {
  long compared = 0;
  long skipped = 0;  // inputs the reader rejects
};

// text = header + body + "z": the scalar path on every segment that starts at a
// record start agrees with the reader. The header line decides whether the file is CR-only.
void check_scalar_against_reader(std::string_view header, std::string_view body, char delimiter, Tally& tally) {
  const std::string text = std::string(header) + std::string(body) + "z";
  const auto cuts = reader_cuts(text, delimiter);
  if (!cuts) {
    ++tally.skipped;
    return;
  }
  std::vector<std::size_t> starts{0};
  for (std::size_t end : cuts->ends)
    if (end < text.size()) starts.push_back(end);
  for (std::size_t from : starts) {
    for (std::size_t to = from; to <= text.size(); ++to) {
      const std::string data = text.substr(from, to - from);  // with its NUL after it
      const RecordCut got = find_last_record_end_with(SimdPath::scalar, data, delimiter, cuts->cr_only);
      const RecordCut want = expected_cut(*cuts, text, from, to);
      ++tally.compared;
      if (got.end != want.end || got.line_breaks != want.line_breaks) {
        INFO("text [" << show(text) << "] segment [" << from << ", " << to << ") [" << show(data) << "] cr_only "
                      << cuts->cr_only << " delimiter " << int(delimiter));
        INFO("scalar " << got.end << "/" << got.line_breaks << ", reader " << want.end << "/" << want.line_breaks);
        CHECK(false);
        return;
      }
    }
  }
}

// Bodies that exercise each quoting and line-end rule of the scanner and reader.
const std::vector<std::string> kBodies = {
    "a,b\nc,d\n",
    "a,b\r\nc,d\r\n",
    "a,b\rc,d\r",
    "a,b\r\nc\rd,e\n",                           // a stray CR
    "a\r\r\nb\n",                                // a stray CR before CR LF
    "\"x\ny\",b\n\"p\rq\",r\n",                  // quoted LF and CR
    "\"x\r\ny\"\r\n",                            // quoted CR LF
    "\"a\"\"b\",c\n\"\"\"\"\n",                  // doubled quotes
    "\"a\"b\"c,d\ne\n",                          // text after the closing quote; its quote is text
    "\"a\"b\nc\"d\n",                            // a quote in text after the closing quote, then an LF
    "27\" monitor,x\ny\n",                       // a quote inside unquoted text
    "27\" monitor\n\"q\n\",x\n",                 // then a real quoted field on the next line
    "a\r\"b\nc\",d\n",                           // a quote after a stray CR is text
    "\"a\"\r\"b\nc\n",                           // after a closing quote and a CR
    ",,\n,\n\n",                                 // empty fields and a blank line
    "\n\n\r\n\r\n",                              // blank lines only
    "\r\r\n\r",                                  // lone CRs and CR LF
    "a;\"b;c\"\n\"d\n\";e\n",                    // semicolons
    "a\t\"b\tc\"\n\"d\n\"\te\n",                 // tabs
    "caf\xc3\xa9,\"\xc3\xa9\n\xe2\x82\xac\"\n",  // multi-byte UTF-8
    "\"unclosed\n",
    "\"\",\"\"\n\"\"\n",
    "a,\"b\"\"\"\"\nc\"\n",
    "\"x\"\"\ny\"\"\"\n",
};

}  // namespace

TEST_CASE("record cuts: the scalar path ends records where CsvReader does", "[record_cuts]") {
  Tally tally;
  for (const std::string& body : kBodies) {
    for (std::string_view header : {"h\n", "h\r\n", "h\r"}) {
      for (char delimiter : {',', ';', '\t'}) check_scalar_against_reader(header, body, delimiter, tally);
    }
  }
  CHECK(tally.compared > 5000);
  CHECK(tally.skipped < 30);  // an unclosed quote: "\"unclosed\n", or a CR-only reading of some
}

TEST_CASE("record cuts: the scalar path agrees with CsvReader on random CSV", "[record_cuts]") {
  std::mt19937 random(20240607);
  // Weighted so that quotes and line ends are common but records are not all broken.
  const std::string_view alphabet[] = {"a",  "a",  "b",  ",",    ";",        "\t",  "\"",
                                       "\"", "\n", "\r", "\r\n", "\xc3\xa9", "\"\""};
  Tally tally;
  for (int round = 0; round < 1500; ++round) {
    std::string body;
    const std::size_t length = random() % 40;
    for (std::size_t k = 0; k < length; ++k) body += alphabet[random() % std::size(alphabet)];
    const std::string_view header = round % 3 == 0 ? "h\r" : round % 3 == 1 ? "h\n" : "h\r\n";
    check_scalar_against_reader(header, body, ",;\t"[round % 3], tally);
  }
  CHECK(tally.compared > 100000);
  CHECK(tally.skipped < 1000);
}

TEST_CASE("record cuts: a CR at the end of the data is not a cut, in a CR-only file", "[record_cuts]") {
  for (SimdPath path : {SimdPath::scalar, SimdPath::avx2, SimdPath::avx512}) {
    CAPTURE(ftstatus::simd_path_name(path));
    CHECK(find_last_record_end_with(path, std::string("a\rb\r"), ',', true).end == 2);
    CHECK(find_last_record_end_with(path, std::string("a\rb\r"), ',', false).end == 0);
    CHECK(find_last_record_end_with(path, std::string("a\rb\r\n"), ',', true).end == 5);
    CHECK(find_last_record_end_with(path, std::string("a\rb\r\n"), ',', true).line_breaks == 2);
    CHECK(find_last_record_end_with(path, std::string("\"a\rb\"\rc\n"), ',', true).line_breaks == 3);
    CHECK(find_last_record_end_with(path, std::string("\"a\rb\"\rc\n"), ',', false).line_breaks == 1);
  }
}

namespace {

// Every SIMD path this CPU has against the scalar path on data[from, to) of
// `text`, copied to `alignment` bytes past a 64-byte boundary.
struct Comparer {
  std::string buffer;
  long compared = 0;
  bool failed = false;

  void compare(std::string_view data, std::size_t alignment, char delimiter, bool cr_only, std::string_view what) {
    buffer.assign(alignment + 64 + data.size() + 1, '\0');
    auto address = reinterpret_cast<std::uintptr_t>(buffer.data());
    const std::size_t offset = (64 - address % 64) % 64 + alignment;
    std::copy(data.begin(), data.end(), buffer.begin() + static_cast<std::ptrdiff_t>(offset));
    const std::string_view placed(buffer.data() + offset, data.size());
    const RecordCut want = find_last_record_end_with(SimdPath::scalar, placed, delimiter, cr_only);
    for (SimdPath path : kSimdPaths) {
      if (!ftstatus::simd_path_available(path)) continue;
      const RecordCut got = find_last_record_end_with(path, placed, delimiter, cr_only);
      ++compared;
      if (failed || (got.end == want.end && got.line_breaks == want.line_breaks)) continue;
      failed = true;
      INFO(what << ": [" << show(data.substr(0, 400)) << "] size " << data.size() << " alignment " << alignment
                << " delimiter " << int(delimiter) << " cr_only " << cr_only);
      INFO(ftstatus::simd_path_name(path)
           << " " << got.end << "/" << got.line_breaks << ", scalar " << want.end << "/" << want.line_breaks);
      CHECK(false);
    }
  }
};

std::vector<std::filesystem::path> files_under(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(folder)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("record cuts: this machine has the SIMD paths (the tests below compare them)", "[record_cuts]") {
  // This project's machines all have both; on another CPU the tests below compare only what it has.
  if (!ftstatus::simd_path_available(SimdPath::avx512)) WARN("no AVX-512 here: its path is not tested");
  CHECK(ftstatus::simd_path_available(SimdPath::avx2));
  CHECK(ftstatus::simd_path_name(ftstatus::simd_path()) != "");
}

TEST_CASE("record cuts: SIMD = scalar on every file under tests/ and csv-spectrum", "[record_cuts]") {
  const std::filesystem::path source = FTSTATUS_SOURCE_DIR;
  auto files = files_under(source / "tests");
  const auto spectrum = files_under(source / "build" / "npm" / "node_modules" / "csv-spectrum" / "csvs");
  if (spectrum.empty()) WARN("csv-spectrum is not installed in build/npm: its files are not compared");
  files.insert(files.end(), spectrum.begin(), spectrum.end());
  REQUIRE(files.size() > 500);
  Comparer comparer;
  std::mt19937 random(7);
  for (const auto& path : files) {
    const std::string text = test_support::read_file(path.string());
    for (char delimiter : {',', ';', '\t'}) {
      for (bool cr_only : {false, true}) {
        comparer.compare(text, 0, delimiter, cr_only, path.string());
        // Prefixes (every one of the first 200 bytes) and segments from anywhere.
        for (std::size_t to = 0; to < std::min<std::size_t>(text.size(), 200); ++to)
          comparer.compare(text.substr(0, to), to % 64, delimiter, cr_only, path.string());
        for (int k = 0; k < 8 && !text.empty(); ++k) {
          const std::size_t from = random() % text.size();
          const std::size_t to = from + random() % (text.size() - from + 1);
          comparer.compare(text.substr(from, to - from), random() % 64, delimiter, cr_only, path.string());
        }
      }
      if (comparer.failed) return;
    }
  }
  CHECK(comparer.compared > 100000);
}

TEST_CASE("record cuts: SIMD = scalar on random bytes at every alignment", "[record_cuts]") {
  std::mt19937 random(1234);
  const std::string_view alphabet[] = {"a", ",", ";", "\t", "\"", "\n", "\r", std::string_view("\0", 1), "\xc3\xa9"};
  Comparer comparer;
  for (std::size_t length = 0; length <= 300 && !comparer.failed; ++length) {
    for (int round = 0; round < 4; ++round) {
      std::string text;
      while (text.size() < length) text += alphabet[random() % std::size(alphabet)];
      text.resize(length);  // may cut an é in two: bytes, not characters
      for (std::size_t alignment = 0; alignment < 64; ++alignment)
        comparer.compare(text, alignment, ",;\t"[round % 3], round % 2 == 0, "random");
    }
  }
  CHECK(comparer.compared > 100000);
}

namespace {

// Random CSV that quote parity reads right (quotes only where fields start),
// so the SIMD paths run without rescans; `with_misreads` adds 27" quotes and
// text after closing quotes.
std::string random_csv(std::mt19937& random, std::size_t records, char delimiter, std::string_view line_end,
                       bool with_misreads) {
  std::string text;
  for (std::size_t r = 0; r < records; ++r) {
    const std::size_t fields = 1 + random() % 6;
    for (std::size_t f = 0; f < fields; ++f) {
      if (f > 0) text += delimiter;
      switch (random() % (with_misreads ? 6 : 4)) {
        case 0:
          break;
        case 1:
          text += std::string(random() % 70, 'x');
          break;
        case 2:
        case 3: {
          text += '"';
          const std::string_view inside[] = {"q", "\"\"", "\n", "\r", "\r\n", std::string_view(&delimiter, 1)};
          for (std::size_t k = random() % 40; k > 0; --k) text += inside[random() % std::size(inside)];
          text += '"';
          break;
        }
        case 4:
          text += "27\" monitor";
          break;
        default:
          text += "\"closed\"after\"";
      }
    }
    text += line_end;
  }
  return text;
}

}  // namespace

TEST_CASE("record cuts: SIMD = scalar on random CSV, without rescans when quotes are where fields start",
          "[record_cuts]") {
  std::mt19937 random(99);
  Comparer comparer;
  for (int round = 0; round < 300 && !comparer.failed; ++round) {
    const char delimiter = ",;\t"[round % 3];
    const bool cr_only = round % 4 == 3;
    const std::string_view line_end = cr_only ? "\r" : round % 2 == 0 ? "\n" : "\r\n";
    const bool with_misreads = round % 5 == 4;
    const std::string text = random_csv(random, 1 + random() % 40, delimiter, line_end, with_misreads);
    const std::size_t rescans_before = ftstatus::record_cut_rescans();
    for (std::size_t alignment = 0; alignment < 64; alignment += 7)
      comparer.compare(text, alignment, delimiter, cr_only, "random csv");
    // Every prefix, so that cuts fall everywhere, split CR LFs included.
    for (std::size_t to = 0; to <= text.size(); to += 1 + random() % 5)
      comparer.compare(text.substr(0, to), to % 64, delimiter, cr_only, "random csv prefix");
    if (!with_misreads) {
      CHECK(ftstatus::record_cut_rescans() == rescans_before);
      // The whole text is records: the cut is its end (a CR-only file's last CR is judged by what follows).
      const std::string closed = text + (cr_only ? "x" : "");
      const RecordCut whole = ftstatus::find_last_record_end(closed, delimiter, cr_only);
      CHECK(whole.end == text.size());
      std::size_t breaks = 0;
      for (std::size_t at = 0; at < text.size(); ++at)
        breaks += text[at] == '\n' || (cr_only && text[at] == '\r' && closed[at + 1] != '\n');
      CHECK(whole.line_breaks == breaks);
    }
  }
  CHECK(comparer.compared > 10000);
}

TEST_CASE("record cuts: a 27\" quote costs one rescan of its record, and the blocks resume after it", "[record_cuts]") {
  std::string text = std::string(100, 'a') + "\n27\" monitor,b\n" + std::string(300, 'c') + "\n\"d\ne\"\n";
  for (SimdPath path : kSimdPaths) {
    if (!ftstatus::simd_path_available(path)) continue;
    const std::size_t before = ftstatus::record_cut_rescans();
    const RecordCut cut = find_last_record_end_with(path, text, ',', false);
    CHECK(cut.end == text.size());
    CHECK(cut.line_breaks == 5);
    CHECK(ftstatus::record_cut_rescans() == before + 1);
  }
}

TEST_CASE("record cuts: cuts, CR LFs and quotes at 63, 64 and 65 bytes", "[record_cuts]") {
  Comparer comparer;
  const std::string_view pieces[] = {"\n", "\r\n", "\r", "\"", "\"\"", "\",", ",\"", "\"\n", "\n\"", "\r\"", "\"\r"};
  for (std::size_t at : {62, 63, 64, 65, 126, 127, 128, 129}) {
    for (std::string_view piece : pieces) {
      for (std::string_view tail : {"", "x", "\n", "\"\n", "\rx", "x\n\"y\"\n"}) {
        for (std::string_view start : {"a", "\"", "\n"}) {
          std::string text = std::string(start) + std::string(at - 1, 'b');
          text += piece;
          text += tail;
          for (bool cr_only : {false, true}) {
            for (std::size_t alignment : {0, 1, 63}) comparer.compare(text, alignment, ',', cr_only, "edges");
          }
        }
      }
    }
  }
  // And against the reader: a record that ends at byte 63, 64 or 65.
  Tally tally;
  for (std::size_t at : {61, 62, 63, 64, 65})
    for (std::string_view end : {"\n", "\r\n", "\r"})
      check_scalar_against_reader("h\r", std::string(at - 2, 'b') + std::string(end) + "\"q\r\n\"\r", ',', tally);
  CHECK(tally.compared > 1000);
  CHECK(comparer.compared > 1000);
}

TEST_CASE("record cuts: FTSTATUS_SIMD names a path; an unknown or missing one falls back", "[record_cuts]") {
  CHECK(ftstatus::simd_path_name(SimdPath::scalar) == "scalar");
  CHECK(ftstatus::simd_path_name(SimdPath::avx2) == "avx2");
  CHECK(ftstatus::simd_path_name(SimdPath::avx512) == "avx512");
  // The choice is made once per process, so only the one this run got is checked.
  const char* forced = std::getenv("FTSTATUS_SIMD");
  if (forced != nullptr && (std::string_view(forced) == "off" || std::string_view(forced) == "scalar"))
    CHECK(ftstatus::simd_path() == SimdPath::scalar);
  else if (forced == nullptr && ftstatus::simd_path_available(SimdPath::avx512))
    CHECK(ftstatus::simd_path() == SimdPath::avx512);
}

TEST_CASE("record cuts: GB/s of each path on a big file", "[.benchmark]") {
  const char* path = std::getenv("FTSTATUS_BENCH_CSV");
  const std::string text = test_support::read_file(path != nullptr ? path : "/tmp/ftstatus-bench-1000000.csv");
  REQUIRE(!text.empty());
  for (SimdPath wanted : {SimdPath::scalar, SimdPath::avx2, SimdPath::avx512}) {
    if (!ftstatus::simd_path_available(wanted)) continue;
    // Wall time, and this thread's CPU time: on a machine shared with other work the second is the steadier figure.
    double best_wall = 1e9;
    double best_cpu = 1e9;
    RecordCut cut;
    auto cpu_seconds = [] {
      timespec now{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
      return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
    };
    for (int run = 0; run < 5; ++run) {
      const auto started = std::chrono::steady_clock::now();
      const double cpu_started = cpu_seconds();
      cut = find_last_record_end_with(wanted, text, ',', false);
      best_cpu = std::min(best_cpu, cpu_seconds() - cpu_started);
      best_wall =
          std::min(best_wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    WARN(ftstatus::simd_path_name(wanted)
         << ": " << static_cast<double>(text.size()) / best_wall / 1e9 << " GB/s wall, "
         << static_cast<double>(text.size()) / best_cpu / 1e9 << " GB/s CPU (best of 5, " << text.size()
         << " bytes, cut at " << cut.end << ", " << cut.line_breaks << " line breaks)");
  }
}
