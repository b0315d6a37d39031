// libFuzzer target for the workbook reader (src/io/xlsx_reader.cpp).
// The first byte chooses the mode:
// - even: the rest is a workbook's XML, its parts separated by a 0x00 byte in
//   the order of kParts; they are zipped here, STORED with correct CRCs, so
//   the mutations reach the XML itself rather than breaking a deflate stream
//   (an empty part is left out of the zip);
// - odd: the rest is the .xlsx file's bytes as they are.
// The reader must return (an Error is fine) without crashing, hanging or
// growing without bound. Property: every row it hands out has cells, a
// line number, and no more error flags than cells.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "io/xlsx_reader.h"

namespace {

constexpr std::string_view kParts[] = {
    "[Content_Types].xml",  "_rels/.rels",   "xl/workbook.xml",          "xl/_rels/workbook.xml.rels",
    "xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
};

std::uint32_t crc32(std::string_view bytes) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (char b : bytes) c = table[(c ^ static_cast<unsigned char>(b)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

// A zip of STORED entries: local headers and data, then the central directory.
std::string stored_zip(const std::vector<std::pair<std::string_view, std::string_view>>& entries) {
  std::string zip;
  std::string directory;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(zip.size());
    const std::uint32_t crc = crc32(data);
    const auto size = static_cast<std::uint32_t>(data.size());
    const auto name_size = static_cast<std::uint32_t>(name.size());
    put32(zip, 0x04034b50);
    put16(zip, 20);    // version needed
    put16(zip, 0);     // flags
    put16(zip, 0);     // method: stored
    put16(zip, 0);     // time
    put16(zip, 0x21);  // date: 1980-01-01
    put32(zip, crc);
    put32(zip, size);
    put32(zip, size);
    put16(zip, name_size);
    put16(zip, 0);  // extra
    zip += name;
    zip += data;
    put32(directory, 0x02014b50);
    put16(directory, 20);  // version made by
    put16(directory, 20);  // version needed
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0x21);
    put32(directory, crc);
    put32(directory, size);
    put32(directory, size);
    put16(directory, name_size);
    put16(directory, 0);  // extra
    put16(directory, 0);  // comment
    put16(directory, 0);  // disk
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, offset);
    directory += name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(zip.size());
  zip += directory;
  put32(zip, 0x06054b50);
  put16(zip, 0);
  put16(zip, 0);
  put16(zip, static_cast<std::uint32_t>(entries.size()));
  put16(zip, static_cast<std::uint32_t>(entries.size()));
  put32(zip, static_cast<std::uint32_t>(directory.size()));
  put32(zip, directory_offset);
  put16(zip, 0);  // comment
  return zip;
}

void read_workbook(std::string_view bytes, const std::string& sheet) {
  ftstatus::XlsxLimits limits;
  limits.max_inflated_bytes = 64u << 20;  // keep each run small
  limits.max_cells = 1'000'000;
  std::unique_ptr<ftstatus::XlsxReader> reader;
  if (!ftstatus::XlsxReader::open_bytes(bytes, "fuzz.xlsx", sheet, limits, reader).ok()) return;
  reader->set_date_fields({1, 4, 17});
  ftstatus::Record record;
  while (reader->next(record)) {
    FUZZ_CHECK(!record.fields.empty() && record.line >= 1);
    FUZZ_CHECK(record.error_cells.size() <= record.fields.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input input(data, size);
  const unsigned mode = input.byte();
  const std::string sheet = (mode & 2) != 0 ? "2" : "";
  std::string_view rest = input.rest();
  if ((mode & 1) != 0) {
    read_workbook(rest, sheet);
    return 0;
  }
  std::vector<std::pair<std::string_view, std::string_view>> entries;
  for (std::string_view name : kParts) {
    const std::size_t end = std::min(rest.find('\0'), rest.size());
    if (end > 0) entries.emplace_back(name, rest.substr(0, end));
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  const std::string zip = stored_zip(entries);
  read_workbook(zip, sheet);
  return 0;
}
