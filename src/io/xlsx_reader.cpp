#include "io/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>

#include "ftstatus/date.h"

namespace ftstatus {

namespace {

constexpr std::size_t kChunk = std::size_t(64) * 1024;

// Element names without a namespace prefix ("x:row" -> "row").
std::string_view local_name(const char* name) {
  std::string_view n(name);
  const std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** attrs, std::string_view wanted) {
  for (std::size_t i = 0; attrs[i] != nullptr; i += 2)
    if (local_name(attrs[i]) == wanted) return attrs[i + 1];
  return nullptr;
}

// What one part's XML events go to.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view text) = 0;
  // An error found by the handler (a limit, a bad index): parsing stops.
  Result failure;
};

void XMLCALL on_start(void* data, const char* name, const char** attrs) {
  static_cast<XmlHandler*>(data)->start(local_name(name), attrs);
}
void XMLCALL on_end(void* data, const char* name) { static_cast<XmlHandler*>(data)->end(local_name(name)); }
void XMLCALL on_text(void* data, const char* s, int len) {
  static_cast<XmlHandler*>(data)->text(std::string_view(s, static_cast<std::size_t>(len)));
}
// A workbook part has no business declaring a DTD: refusing one keeps entity
// expansion tricks out (expat also bounds their amplification).
void XMLCALL on_doctype(void* data, const char*, const char*, const char*, int) {
  auto* handler = static_cast<XmlHandler*>(data);
  if (handler->failure.ok()) handler->failure = Error{Problem("xlsx_xml_error", {{"reason", "DOCTYPE"}})};
}

// sharedStrings.xml: <si> items, each the text of its <t> elements outside
// phonetic runs (<rPh>). A million strings are one buffer and their ends, not
// a million std::strings.
struct SharedStringTable {
  std::string text;
  std::vector<std::uint64_t> ends;  // where item i ends in text; it starts where i - 1 ends
  std::size_t size() const { return ends.size(); }
  std::string_view at(std::size_t i) const {
    const std::uint64_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(text).substr(begin, ends[i] - begin);
  }
};

class SharedStrings final : public XmlHandler {
 public:
  SharedStrings(SharedStringTable& out, std::size_t max_bytes) : out_(out), max_bytes_(max_bytes) {}
  void start(std::string_view name, const char**) override {
    if (name == "si") {
      in_item_ = true;
      item_start_ = out_.text.size();
    }
    if (name == "t") in_t_ = true;
    if (name == "rPh") ++in_phonetic_;
  }
  void end(std::string_view name) override {
    if (name == "t") in_t_ = false;
    if (name == "rPh") --in_phonetic_;
    if (name == "si") {
      in_item_ = false;
      out_.ends.push_back(out_.text.size());
    }
  }
  void text(std::string_view text) override {
    if (!in_t_ || in_phonetic_ > 0 || !in_item_) return;
    if (out_.text.size() - item_start_ + text.size() > max_bytes_) {
      if (failure.ok())
        failure = Error{Problem("xlsx_string_too_long/shared",
                                {{"index", std::to_string(out_.ends.size())}, {"max", std::to_string(max_bytes_)}})};
      return;
    }
    out_.text.append(text);
  }

 private:
  SharedStringTable& out_;
  std::size_t max_bytes_;
  std::size_t item_start_ = 0;
  bool in_item_ = false;
  bool in_t_ = false;
  int in_phonetic_ = 0;
};

// styles.xml: which cell formats (cellXfs, by index) show dates.
class Styles final : public XmlHandler {
 public:
  explicit Styles(std::vector<char>& date_styles) : date_styles_(date_styles) {}
  void start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = attribute(attrs, "numFmtId");
      const char* code = attribute(attrs, "formatCode");
      if (id != nullptr && code != nullptr) custom_[std::atoi(id)] = format_code_is_date(code);
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = attribute(attrs, "numFmtId");
      const int format = id != nullptr ? std::atoi(id) : 0;
      bool is_date = (format >= 14 && format <= 17) || format == 22 || (format >= 27 && format <= 36) ||
                     (format >= 50 && format <= 58);
      if (auto it = custom_.find(format); it != custom_.end()) is_date = it->second;
      date_styles_.push_back(is_date ? 1 : 0);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void text(std::string_view) override {}

 private:
  std::vector<char>& date_styles_;
  std::map<int, bool> custom_;
  bool in_cell_xfs_ = false;
};

struct SheetEntry {
  std::string name;
  std::string rel_id;
  bool hidden = false;
  std::string target;  // the part, "xl/worksheets/sheet1.xml"
};

// workbook.xml: the sheets in order and the date system.
class Workbook final : public XmlHandler {
 public:
  Workbook(std::vector<SheetEntry>& sheets, bool& date1904) : sheets_(sheets), date1904_(date1904) {}
  void start(std::string_view name, const char** attrs) override {
    if (name == "workbookPr") {
      const char* d = attribute(attrs, "date1904");
      date1904_ = d != nullptr && (std::strcmp(d, "1") == 0 || std::strcmp(d, "true") == 0);
    } else if (name == "sheet") {
      SheetEntry entry;
      if (const char* n = attribute(attrs, "name")) entry.name = n;
      if (const char* id = attribute(attrs, "id")) entry.rel_id = id;  // r:id
      if (const char* state = attribute(attrs, "state")) entry.hidden = std::strcmp(state, "visible") != 0;
      sheets_.push_back(std::move(entry));
    }
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}

 private:
  std::vector<SheetEntry>& sheets_;
  bool& date1904_;
};

// workbook.xml.rels: relationship id -> part.
class Relationships final : public XmlHandler {
 public:
  explicit Relationships(std::map<std::string, std::string>& targets) : targets_(targets) {}
  void start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = attribute(attrs, "Id");
    const char* target = attribute(attrs, "Target");
    if (id == nullptr || target == nullptr) return;
    std::string part = target;
    if (part.starts_with('/'))
      part.erase(0, 1);
    else
      part = "xl/" + part;
    targets_[id] = part;
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}

 private:
  std::map<std::string, std::string>& targets_;
};

// A sheet's <mergeCells>, fed from its start tag on: the merged ranges whose
// top row is in [first_row, last_row]. Stops the parse at </mergeCells>.
struct MergedRange {
  long first_row = 0, last_row = 0;
  int first_column = 0, last_column = 0;
};

class MergeCells final : public XmlHandler {
 public:
  MergeCells(long first_row, long last_row, std::vector<MergedRange>& out)
      : first_row_(first_row), last_row_(last_row), out_(out) {}
  void start(std::string_view name, const char** attrs) override {
    if (name != "mergeCell") return;
    const char* ref = attribute(attrs, "ref");
    if (ref == nullptr) return;
    MergedRange range;
    if (!read_cell(ref, range.first_row, range.first_column)) return;
    const char* colon = std::strchr(ref, ':');
    if (colon == nullptr || !read_cell(colon + 1, range.last_row, range.last_column)) return;
    if (range.last_row < range.first_row || range.last_column < range.first_column) return;
    // Only the header's neighbourhood matters; a sheet with a merge per data row stays bounded.
    if (range.first_row >= first_row_ && range.first_row <= last_row_ && out_.size() < 4096) out_.push_back(range);
  }
  void end(std::string_view name) override {
    if (name == "mergeCells") done = true;
  }
  void text(std::string_view) override {}
  bool done = false;

 private:
  static bool read_cell(const char* ref, long& row, int& column) {
    column = column_of_reference(ref);
    if (column < 0) return false;
    const char* digits = ref;
    while ((*digits >= 'A' && *digits <= 'Z') || (*digits >= 'a' && *digits <= 'z')) ++digits;
    row = std::atol(digits);
    return row >= 1 && row <= kExcelMaxRows && column < (1 << 14);
  }
  long first_row_, last_row_;
  std::vector<MergedRange>& out_;
};

std::string number_text(std::string_view v) { return std::string(v); }

}  // namespace

FileKind sniff_file_kind(std::string_view head) {
  if (head.starts_with("PK\x03\x04")) return FileKind::xlsx_zip;
  if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return FileKind::ole;
  return FileKind::text;
}

int column_of_reference(std::string_view ref) {
  int column = 0;
  std::size_t i = 0;
  for (; i < ref.size() && i < 3; ++i) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
  }
  return i == 0 ? -1 : column - 1;
}

std::string column_letters(std::size_t column) {
  std::string out;
  for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  return out;
}

bool excel_serial_to_days(double serial, bool date1904, std::int64_t& days) {
  if (!std::isfinite(serial)) return false;
  const auto whole = static_cast<std::int64_t>(std::floor(serial));
  if (date1904) {
    if (whole < 0 || whole > 2957003) return false;
    days = whole - 24107;  // 1904-01-01
    return true;
  }
  // Excel counts 1900-02-29, which never was: serial 60 is no day.
  if (whole < 1 || whole > 2958465 || whole == 60) return false;
  days = whole < 60 ? whole - 25568 : whole - 25569;
  return true;
}

bool format_code_is_date(std::string_view code) {
  bool has_day_or_year = false;
  bool has_month = false;
  bool has_time = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {  // literal text
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '[') {  // [$-409], [Red], [h]
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      if (close > i + 1 && (code[i + 1] == 'h' || code[i + 1] == 'H' || code[i + 1] == 'm' || code[i + 1] == 's'))
        has_time = true;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {  // an escaped or padding character
      ++i;
    } else {
      const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      has_day_or_year = has_day_or_year || lower == 'd' || lower == 'y';
      has_month = has_month || lower == 'm';
      has_time = has_time || lower == 'h' || lower == 's';
    }
  }
  return has_day_or_year || (has_month && !has_time);
}

// ------------------------------------------------------------------ reader

struct XlsxReader::Impl final : public XmlHandler {
  std::string display_name;
  XlsxLimits limits;
  zip_t* zip = nullptr;
  std::uint64_t inflated = 0;
  bool date1904 = false;
  SharedStringTable shared;
  std::vector<char> date_styles;
  std::vector<char> date_fields;  // by input field

  // The sheet being streamed.
  zip_file_t* sheet = nullptr;
  std::string sheet_part;
  std::string sheet_name;  // as the workbook names it, for messages
  XML_Parser parser = nullptr;
  bool sheet_done = false;
  std::vector<char> chunk = std::vector<char>(kChunk);

  struct Row {
    long number = 0;
    std::vector<std::string> cells;
    std::vector<char> numeric;  // by cell: a number cell left as a number (a date once its column is known)
    std::vector<char> errors;   // by cell: an error value (t="e"); empty when the row has none
  };
  std::deque<Row> ready;
  Row row;         // being parsed
  Row handed_out;  // the record's fields point into it
  long last_row = 0;
  bool in_row = false;
  // The cell being parsed.
  int cell_column = -1;
  int last_column = -1;
  std::string cell_type;
  int cell_style = -1;
  std::string cell_ref;
  std::string value;
  bool in_value = false;  // <v>, or <t> inside <is>
  bool in_inline = false;
  int in_phonetic = 0;
  std::uint64_t cells = 0;
  std::size_t width = 0;  // the header's, once seen
  std::string raw;        // the record as CSV, for --errors and the output

  ~Impl() override {
    if (parser != nullptr) XML_ParserFree(parser);
    if (sheet != nullptr) zip_fclose(sheet);
    if (zip != nullptr) zip_discard(zip);
  }

  Error error(std::string_view code, std::initializer_list<std::pair<std::string_view, std::string>> fields) const {
    return Error{Problem(code, fields), display_name};
  }

  // The cell being read, as Excel names it (B7); from its position when it has no r= attribute.
  std::string cell_name() const {
    if (!cell_ref.empty()) return cell_ref;
    return column_letters(static_cast<std::size_t>(std::max(cell_column, 0))) +
           std::to_string(std::max(row.number, last_row));
  }

  Error zip_error() const {
    return error("xlsx_corrupt", {{"reason", zip != nullptr ? zip_strerror(zip) : "cannot read the zip directory"}});
  }

  // Opens a part for reading, after the size checks.
  Result open_part(const std::string& name, zip_file_t*& file) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip, name.c_str(), 0, &st) != 0) return error("xlsx_part_missing", {{"part", name}});
    if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.comp_size > 0 &&
        st.size / st.comp_size > limits.max_ratio)
      return error("xlsx_limit_ratio", {{"part", name},
                                        {"ratio", std::to_string(st.size / st.comp_size)},
                                        {"max", std::to_string(limits.max_ratio)}});
    file = zip_fopen(zip, name.c_str(), 0);
    if (file == nullptr) return zip_error();
    return {};
  }

  // Reads the next chunk of `file`; counts it against the limits.
  Result read_chunk(zip_file_t* file, const std::string& part, std::int64_t& got) {
    got = zip_fread(file, chunk.data(), chunk.size());
    if (got < 0) return error("xlsx_corrupt", {{"reason", std::string(zip_file_strerror(file)) + " (" + part + ")"}});
    inflated += static_cast<std::uint64_t>(got);
    if (inflated > limits.max_inflated_bytes)
      return error("xlsx_limit_inflated", {{"max", std::to_string(limits.max_inflated_bytes)}});
    return {};
  }

  static XML_Parser make_parser(XmlHandler& handler) {
    XML_Parser p = XML_ParserCreate("UTF-8");
    XML_SetUserData(p, &handler);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    return p;
  }

  Error xml_error(XML_Parser p, const std::string& part) const {
    return error("xlsx_xml_error", {{"part", part},
                                    {"line", std::to_string(XML_GetCurrentLineNumber(p))},
                                    {"reason", XML_ErrorString(XML_GetErrorCode(p))}});
  }

  // Parses a whole (small) part with `handler`; a missing optional part is fine.
  Result parse_part(const std::string& name, XmlHandler& handler, bool required) {
    if (zip_name_locate(zip, name.c_str(), 0) < 0)
      return required ? Result{error("xlsx_part_missing", {{"part", name}})} : Result{};
    zip_file_t* file = nullptr;
    if (Result s = open_part(name, file); !s.ok()) return s;
    XML_Parser p = make_parser(handler);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    XML_SetUserData(p, &handler);
    Result result;
    for (;;) {
      std::int64_t got = 0;
      if (result = read_chunk(file, name, got); !result.ok()) break;
      if (XML_Parse(p, chunk.data(), static_cast<int>(got), got == 0) == XML_STATUS_ERROR) {
        result = xml_error(p, name);
        break;
      }
      if (!handler.failure.ok()) {
        result = handler.failure;
        if (result.error().file.empty()) result = Error{result.error().problem, display_name};
        break;
      }
      if (got == 0) break;
    }
    XML_ParserFree(p);
    zip_fclose(file);
    return result;
  }

  // ---- the worksheet's events
  void start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      in_row = true;
      row.cells.clear();
      row.numeric.clear();
      row.errors.clear();
      const char* r = attribute(attrs, "r");
      row.number = r != nullptr ? std::atol(r) : last_row + 1;
      last_row = row.number;
      if ((row.number > kExcelMaxRows || row.number < 1) && failure.ok())
        failure =
            error("xlsx_limit_rows",
                  {{"sheet", sheet_name}, {"row", std::to_string(row.number)}, {"max", std::to_string(kExcelMaxRows)}});
      last_column = -1;
    } else if (name == "c") {
      const char* r = attribute(attrs, "r");
      cell_ref = r != nullptr ? r : "";
      cell_column = r != nullptr ? column_of_reference(r) : last_column + 1;
      if (cell_column < 0) cell_column = last_column + 1;
      const char* t = attribute(attrs, "t");
      cell_type = t != nullptr ? t : "n";
      const char* s = attribute(attrs, "s");
      cell_style = s != nullptr ? std::atoi(s) : -1;
      value.clear();
      if (++cells > limits.max_cells && failure.ok())
        failure = error("xlsx_limit_cells",
                        {{"sheet", sheet_name}, {"cell", cell_name()}, {"max", std::to_string(limits.max_cells)}});
    } else if (name == "v") {
      in_value = true;
    } else if (name == "is") {
      in_inline = true;
    } else if (name == "t" && in_inline) {
      in_value = in_phonetic == 0;
    } else if (name == "rPh") {
      ++in_phonetic;
    }
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_value = false;
    } else if (name == "is") {
      in_inline = false;
    } else if (name == "rPh") {
      --in_phonetic;
    } else if (name == "c") {
      finish_cell();
    } else if (name == "row") {
      in_row = false;
      const bool empty =
          std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return c.empty(); });
      if (!empty) ready.push_back(std::move(row));
      row = Row{};
    }
  }

  void text(std::string_view text) override {
    if (!in_value) return;
    if (value.size() + text.size() > limits.max_string_bytes) {
      if (failure.ok())
        failure =
            error("xlsx_string_too_long/cell",
                  {{"sheet", sheet_name}, {"cell", cell_name()}, {"max", std::to_string(limits.max_string_bytes)}});
      return;
    }
    value.append(text);
  }

  void finish_cell() {
    std::string text;
    if (cell_type == "s") {
      char* end = nullptr;
      const unsigned long index = std::strtoul(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || index >= shared.size()) {
        if (failure.ok())
          failure = error("xlsx_bad_shared_string", {{"sheet", sheet_name}, {"cell", cell_name()}, {"index", value}});
      } else {
        text = shared.at(index);
      }
    } else if (cell_type == "b") {
      text = value == "1" || value == "true" ? "TRUE" : "FALSE";
    } else if (cell_type == "d") {
      text = value.substr(0, 10);  // an ISO date (and time): the date counts
    } else if (cell_type == "n" || cell_type.empty()) {
      const bool date_style = cell_style >= 0 && static_cast<std::size_t>(cell_style) < date_styles.size() &&
                              date_styles[static_cast<std::size_t>(cell_style)] != 0;
      const bool date_field = static_cast<std::size_t>(cell_column) < date_fields.size() &&
                              date_fields[static_cast<std::size_t>(cell_column)] != 0;
      std::int64_t days = 0;
      if (!value.empty() && (date_style || date_field) &&
          excel_serial_to_days(std::strtod(value.c_str(), nullptr), date1904, days))
        text = Date::from_days(static_cast<long>(days)).to_iso();
      else
        text = number_text(value);
    } else {  // str (a formula's text), inlineStr, e (an error value such as #N/A)
      text = std::move(value);
    }
    const bool left_numeric = (cell_type == "n" || cell_type.empty()) && !text.empty() && text == value;
    if (cell_column >= 0 && cell_column < (1 << 14)) {  // Excel's 16,384 columns
      if (row.cells.size() <= static_cast<std::size_t>(cell_column)) {
        row.cells.resize(static_cast<std::size_t>(cell_column) + 1);
        row.numeric.resize(static_cast<std::size_t>(cell_column) + 1);
      }
      row.cells[static_cast<std::size_t>(cell_column)] = std::move(text);
      row.numeric[static_cast<std::size_t>(cell_column)] = left_numeric ? 1 : 0;
      if (cell_type == "e") {
        if (row.errors.size() <= static_cast<std::size_t>(cell_column))
          row.errors.resize(static_cast<std::size_t>(cell_column) + 1);
        row.errors[static_cast<std::size_t>(cell_column)] = 1;
      }
    }
    last_column = cell_column;
    value.clear();
  }

  // Parses more of the sheet until `rows` rows are ready or the sheet ends.
  Result pump(std::size_t rows = 1) {
    while (ready.size() < rows && !sheet_done) {
      std::int64_t got = 0;
      if (Result s = read_chunk(sheet, sheet_part, got); !s.ok()) return s;
      if (XML_Parse(parser, chunk.data(), static_cast<int>(got), got == 0) == XML_STATUS_ERROR) {
        if (cell_ref.empty() && last_row <= 0) return xml_error(parser, sheet_part);
        return error("xlsx_xml_error/sheet", {{"sheet", sheet_name},
                                              {"part", sheet_part},
                                              {"cell", cell_name()},
                                              {"line", std::to_string(XML_GetCurrentLineNumber(parser))},
                                              {"reason", XML_ErrorString(XML_GetErrorCode(parser))}});
      }
      if (!failure.ok()) return failure;
      if (got == 0) sheet_done = true;
    }
    return {};
  }

  // The merged ranges whose top row is in [first_row, last_row]. A second
  // pass over the sheet, because <mergeCells> follows <sheetData>: the bytes
  // are only searched until its start tag, and expat reads from there.
  Result read_merges(long top_row, long bottom_row, std::vector<MergedRange>& out) {
    zip_file_t* file = nullptr;
    if (Result s = open_part(sheet_part, file); !s.ok()) return s;
    MergeCells handler(top_row, bottom_row, out);
    XML_Parser merges_parser = nullptr;
    std::string window;  // the end of the previous chunk and this one: a start tag may straddle them
    Result result;
    while (!handler.done) {
      std::int64_t got = 0;
      if (result = read_chunk(file, sheet_part, got); !result.ok() || got == 0) break;
      const std::string_view data(chunk.data(), static_cast<std::size_t>(got));
      if (merges_parser == nullptr) {
        window.append(data);
        const std::size_t start = merge_cells_tag(window);
        if (start == std::string::npos) {
          window.erase(0, window.size() > 64 ? window.size() - 64 : 0);
          continue;
        }
        merges_parser = make_parser(handler);
        // A wrapper element stands in for <worksheet>, whose start is long gone.
        XML_Parse(merges_parser, "<m>", 3, 0);
        if (XML_Parse(merges_parser, window.data() + start, static_cast<int>(window.size() - start), 0) ==
            XML_STATUS_ERROR)
          break;
      } else if (XML_Parse(merges_parser, data.data(), static_cast<int>(data.size()), 0) == XML_STATUS_ERROR) {
        break;  // past </mergeCells> the wrapper no longer matches; before it, the main parse reports the error
      }
    }
    if (merges_parser != nullptr) XML_ParserFree(merges_parser);
    zip_fclose(file);
    return result;
  }

  // Where the <mergeCells> start tag (any namespace prefix) begins in `xml`,
  // or npos. A '<' in character data is always escaped, so a '<' followed by
  // a name is markup.
  static std::size_t merge_cells_tag(std::string_view xml) {
    constexpr std::string_view kName = "mergeCells";
    for (std::size_t at = xml.find(kName); at != std::string_view::npos; at = xml.find(kName, at + 1)) {
      const std::size_t after = at + kName.size();
      if (after >= xml.size() || (xml[after] != '>' && xml[after] != ' ' && xml[after] != '/' && xml[after] != '\t' &&
                                  xml[after] != '\r' && xml[after] != '\n'))
        continue;
      const std::size_t open = xml.rfind('<', at);
      if (open == std::string_view::npos) continue;
      const std::string_view prefix = xml.substr(open + 1, at - open - 1);  // "" or "x:"
      if (prefix.empty() || (prefix.back() == ':' && prefix.find_first_of("<>/ \t\r\n\"'=") == std::string_view::npos))
        return open;
    }
    return std::string_view::npos;
  }

  // A header over two or more rows: group labels merged across the columns
  // they head ("Estado actual" over L1 and L2), the other labels merged down
  // or a row of sub-labels below. Each column's name becomes its labels top
  // to bottom ("Estado actual L1"), and the header rows become one.
  Result assemble_header() {
    if (Result s = pump(2); !s.ok()) return s;
    const Row& top = ready.front();
    const long first = top.number;
    std::size_t used = 0;  // one past the header's last label
    bool gap = false;
    for (std::size_t i = 0; i < top.cells.size(); ++i)
      if (!top.cells[i].empty()) used = i + 1;
    for (std::size_t i = 0; i < top.cells.size(); ++i) gap = gap || (top.cells[i].empty());
    const bool wider = ready.size() > 1 && ready[1].number == first + 1 && ready[1].cells.size() > used;
    // Merges leave the cells they cover empty or absent; a header without
    // either has none worth a second pass over the sheet.
    if (!gap && !wider) return {};
    constexpr long kMaxHeaderRows = 8;
    std::vector<MergedRange> merges;
    if (Result s = read_merges(first, first + kMaxHeaderRows - 1, merges); !s.ok()) return s;
    long last = first;
    bool grouped = false;
    for (const MergedRange& m : merges) {
      if (m.first_row != first) continue;
      last = std::max(last, std::min(m.last_row, first + kMaxHeaderRows - 1));
      grouped = grouped || m.last_column > m.first_column;
    }
    if (!grouped) return {};  // labels merged only downwards name their columns already
    if (last == first) {
      // No label reaches down: the row below holds sub-labels if it has text under every group label.
      if (ready.size() < 2 || ready[1].number != first + 1) return {};
      const Row& below = ready[1];
      for (const MergedRange& m : merges) {
        if (m.first_row != first || m.last_column == m.first_column) continue;
        for (int c = m.first_column; c <= m.last_column; ++c) {
          const auto col = static_cast<std::size_t>(c);
          if (col >= below.cells.size() || below.cells[col].empty() || below.numeric[col] != 0) return {};
        }
      }
      last = first + 1;
    }
    // Bounded: a sheet whose rows repeat or go back in their numbers (r=) must not be read whole here.
    while (!sheet_done && ready.size() <= static_cast<std::size_t>(kMaxHeaderRows) && ready.back().number <= last)
      if (Result s = pump(ready.size() + 1); !s.ok()) return s;

    std::vector<std::vector<std::string>> labels(static_cast<std::size_t>(last - first + 1));
    std::size_t header_rows = 0;
    // The header's rows are the next ones numbered first..last, in increasing order.
    for (; header_rows < ready.size(); ++header_rows) {
      const long number = ready[header_rows].number;
      if (number < first || number > last || (header_rows > 0 && number <= ready[header_rows - 1].number)) break;
      labels[static_cast<std::size_t>(number - first)] = std::move(ready[header_rows].cells);
    }
    for (const MergedRange& m : merges) {
      if (m.first_row > last) continue;
      const std::vector<std::string>& origin = labels[static_cast<std::size_t>(m.first_row - first)];
      const auto from = static_cast<std::size_t>(m.first_column);
      const std::string label = from < origin.size() ? origin[from] : std::string();
      for (long r = m.first_row; r <= std::min(m.last_row, last); ++r) {
        std::vector<std::string>& row_labels = labels[static_cast<std::size_t>(r - first)];
        if (row_labels.size() <= static_cast<std::size_t>(m.last_column))
          row_labels.resize(static_cast<std::size_t>(m.last_column) + 1);
        for (int c = m.first_column; c <= m.last_column; ++c) row_labels[static_cast<std::size_t>(c)] = label;
      }
    }
    std::size_t header_width = 0;
    for (const auto& labelled : labels) header_width = std::max(header_width, labelled.size());
    Row header;
    header.number = first;
    header.cells.resize(header_width);
    header.numeric.resize(header_width);
    for (std::size_t c = 0; c < header_width; ++c) {
      std::string_view previous;
      for (const auto& labelled : labels) {
        if (c >= labelled.size() || labelled[c].empty() || labelled[c] == previous) continue;
        if (!header.cells[c].empty()) header.cells[c] += ' ';
        header.cells[c] += labelled[c];
        previous = labelled[c];
      }
    }
    ready.erase(ready.begin(), ready.begin() + static_cast<std::ptrdiff_t>(header_rows));
    ready.push_front(std::move(header));
    return {};
  }
};

XlsxReader::~XlsxReader() = default;

namespace {

// An OLE compound file is an old .xls, or an encrypted .xlsx (its streams
// are named in UTF-16, "EncryptedPackage" among them).
bool ole_is_encrypted(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(1u << 20, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  std::string needle;
  for (char c : std::string_view("EncryptedPackage")) {
    needle += c;
    needle += '\0';
  }
  return head.find(needle) != std::string::npos;
}

}  // namespace

Result XlsxReader::open(const std::string& path, const std::string& display_name, const std::string& sheet,
                        const XlsxLimits& limits, std::unique_ptr<XlsxReader>& out) {
  {
    std::ifstream in(path, std::ios::binary);
    char head[8] = {};
    in.read(head, sizeof head);
    if (sniff_file_kind(std::string_view(head, static_cast<std::size_t>(in.gcount()))) == FileKind::ole)
      return Error{Problem(ole_is_encrypted(path) ? "xlsx_encrypted" : "xlsx_old_xls"), display_name};
  }
  int code = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (zip == nullptr) {
    zip_error_t err;
    zip_error_init_with_code(&err, code);
    std::string reason = zip_error_strerror(&err);
    zip_error_fini(&err);
    return Error{Problem("xlsx_corrupt", {{"reason", reason}}), display_name};
  }
  return open_zip(zip, display_name, sheet, limits, out);
}

Result XlsxReader::open_bytes(std::string_view bytes, const std::string& display_name, const std::string& sheet,
                              const XlsxLimits& limits, std::unique_ptr<XlsxReader>& out) {
  if (sniff_file_kind(bytes) == FileKind::ole) return Error{Problem("xlsx_old_xls"), display_name};
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* zip = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &err) : nullptr;
  if (zip == nullptr) {
    if (source != nullptr) zip_source_free(source);
    std::string reason = zip_error_strerror(&err);
    zip_error_fini(&err);
    return Error{Problem("xlsx_corrupt", {{"reason", reason}}), display_name};
  }
  zip_error_fini(&err);
  return open_zip(zip, display_name, sheet, limits, out);
}

Result XlsxReader::open_zip(::zip* archive, const std::string& display_name, const std::string& sheet,
                            const XlsxLimits& limits, std::unique_ptr<XlsxReader>& out) {
  std::unique_ptr<XlsxReader> reader(new XlsxReader());
  reader->impl_ = std::make_unique<Impl>();
  Impl& impl = *reader->impl_;
  impl.display_name = display_name;
  impl.limits = limits;
  impl.zip = archive;
  if (zip_name_locate(impl.zip, "xl/workbook.xml", 0) < 0) return Error{Problem("xlsx_not_workbook"), display_name};

  std::vector<SheetEntry> sheets;
  Workbook workbook(sheets, impl.date1904);
  if (Result s = impl.parse_part("xl/workbook.xml", workbook, true); !s.ok()) return s;
  std::map<std::string, std::string> targets;
  Relationships rels(targets);
  if (Result s = impl.parse_part("xl/_rels/workbook.xml.rels", rels, true); !s.ok()) return s;
  for (SheetEntry& entry : sheets)
    if (auto it = targets.find(entry.rel_id); it != targets.end()) entry.target = it->second;
  Styles styles(impl.date_styles);
  if (Result s = impl.parse_part("xl/styles.xml", styles, false); !s.ok()) return s;
  SharedStrings strings(impl.shared, limits.max_string_bytes);
  if (Result s = impl.parse_part("xl/sharedStrings.xml", strings, false); !s.ok()) return s;

  std::string names;
  for (const SheetEntry& entry : sheets) names += (names.empty() ? "\"" : ", \"") + entry.name + "\"";
  auto usable = [&](const SheetEntry& e) {
    return !e.target.empty() && zip_name_locate(impl.zip, e.target.c_str(), 0) >= 0;
  };
  const SheetEntry* chosen = nullptr;
  if (!sheet.empty()) {
    char* end = nullptr;
    const long index = std::strtol(sheet.c_str(), &end, 10);
    for (const SheetEntry& entry : sheets)
      if (entry.name == sheet) chosen = &entry;
    if (chosen == nullptr && *end == '\0' && index >= 1 && static_cast<std::size_t>(index) <= sheets.size())
      chosen = &sheets[static_cast<std::size_t>(index - 1)];
    if (chosen == nullptr || !usable(*chosen))
      return Error{Problem("xlsx_sheet_not_found", {{"sheet", sheet}, {"sheets", names}}), display_name};
  }
  // The default: the first visible sheet with a row of data.
  for (const SheetEntry& entry : sheets) {
    if (chosen != nullptr) break;
    if (entry.hidden || !usable(entry)) continue;
    reader->sheet_name_ = entry.name;
    impl.sheet_name = entry.name;
    impl.sheet_part = entry.target;
    if (Result s = impl.open_part(entry.target, impl.sheet); !s.ok()) return s;
    impl.parser = Impl::make_parser(impl);
    XML_SetStartDoctypeDeclHandler(impl.parser, on_doctype);
    if (Result s = impl.pump(); !s.ok()) return s;
    if (!impl.ready.empty()) {
      chosen = &entry;
      break;
    }
    XML_ParserFree(impl.parser);
    impl.parser = nullptr;
    zip_fclose(impl.sheet);
    impl.sheet = nullptr;
    impl.sheet_done = false;
    impl.last_row = 0;
  }
  if (chosen == nullptr) return Error{Problem("xlsx_no_data", {{"sheets", names}}), display_name};
  if (impl.sheet == nullptr) {
    reader->sheet_name_ = chosen->name;
    impl.sheet_name = chosen->name;
    impl.sheet_part = chosen->target;
    if (Result s = impl.open_part(chosen->target, impl.sheet); !s.ok()) return s;
    impl.parser = Impl::make_parser(impl);
    XML_SetStartDoctypeDeclHandler(impl.parser, on_doctype);
  }
  out = std::move(reader);
  return {};
}

void XlsxReader::set_date_fields(const std::vector<int>& fields) {
  for (int f : fields) {
    if (f < 0) continue;
    if (impl_->date_fields.size() <= static_cast<std::size_t>(f))
      impl_->date_fields.resize(static_cast<std::size_t>(f) + 1);
    impl_->date_fields[static_cast<std::size_t>(f)] = 1;
  }
  // Rows parsed ahead were read before this was known: convert their serials now.
  for (Impl::Row& row : impl_->ready)
    for (int f : fields) {
      // Only number cells: a text cell holding "45000" stays text.
      if (f < 0 || static_cast<std::size_t>(f) >= row.cells.size() || row.numeric[static_cast<std::size_t>(f)] == 0)
        continue;
      std::string& cell = row.cells[static_cast<std::size_t>(f)];
      char* end = nullptr;
      const double serial = std::strtod(cell.c_str(), &end);
      std::int64_t days = 0;
      if (!cell.empty() && *end == '\0' && excel_serial_to_days(serial, impl_->date1904, days))
        cell = Date::from_days(static_cast<long>(days)).to_iso();
    }
}

bool XlsxReader::next(Record& record) {
  Impl& impl = *impl_;
  if (!status_.ok()) return false;
  if (Result s = impl.pump(); !s.ok()) {
    status_ = s;
    return false;
  }
  // Title rows above the header (a report name in A1) hold one cell: the
  // header is the first row with two or more.
  while (impl.width == 0 && !impl.ready.empty() &&
         std::count_if(impl.ready.front().cells.begin(), impl.ready.front().cells.end(),
                       [](const std::string& c) { return !c.empty(); }) < 2) {
    impl.ready.pop_front();
    if (Result s = impl.pump(); !s.ok()) {
      status_ = s;
      return false;
    }
  }
  if (impl.width == 0 && !impl.ready.empty()) {
    if (Result s = impl.assemble_header(); !s.ok()) {
      status_ = s;
      return false;
    }
  }
  if (impl.ready.empty()) {
    // A sheet chosen with --sheet that holds no header row: say which.
    if (impl.width == 0) status_ = Error{Problem("xlsx_sheet_empty", {{"sheet", sheet_name_}}), impl.display_name};
    return false;
  }
  impl.handed_out = std::move(impl.ready.front());
  impl.ready.pop_front();
  std::vector<std::string>& cells = impl.handed_out.cells;
  // Trailing empty cells are not written by Excel: a row is as wide as the header.
  if (impl.width == 0) impl.width = cells.size();
  if (cells.size() < impl.width) cells.resize(impl.width);
  record.fields.assign(cells.begin(), cells.end());
  record.line = impl.handed_out.number;
  record.stray_cr = false;
  record.error_cells = impl.handed_out.errors;
  // The row as a CSV line: what --errors shows and the output copies.
  impl.raw.clear();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) impl.raw += ',';
    const std::string& c = cells[i];
    if (c.find_first_of(",\"\r\n") == std::string::npos) {
      impl.raw += c;
    } else {
      impl.raw += '"';
      for (char ch : c) {
        if (ch == '"') impl.raw += '"';
        impl.raw += ch;
      }
      impl.raw += '"';
    }
  }
  record.raw = impl.raw;
  return true;
}

}  // namespace ftstatus
