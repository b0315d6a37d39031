#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <sys/stat.h>
#include <unistd.h>

#include "command.h"
#include "ftstatus/loader.h"

namespace ftstatus::cli {

void TaxonomyOption::add_to(CLI::App& app) {
  app.add_option("--taxonomy", path, "Taxonomy YAML file to use instead of the built-in FastTrack one")
      ->type_name("FILE");
}

std::optional<Taxonomy> TaxonomyOption::load() const {
  LoadResult result = load_full();
  return std::move(result.taxonomy);
}

LoadResult TaxonomyOption::load_full() const {
  LoadResult result = path.empty() ? load_builtin_taxonomy() : load_taxonomy_file(path);
  for (const Diagnostic& d : result.errors) std::cerr << "ftstatus: " << d.to_string() << '\n';
  if (!result.ok()) {
    std::cerr << "ftstatus: the taxonomy file has " << result.errors.size()
              << " error(s); fix them and run again\n";
  }
  return result;
}

void LangOption::add_to(CLI::App& app) {
  app.add_option("--lang", value, "Language of names and messages: en or es (default: es when LC_ALL/LANG starts with \"es\", else en)")
      ->check(CLI::IsMember({"en", "es"}, CLI::ignore_case));
}

Lang LangOption::get() const {
  if (value.empty()) return lang_from_environment();
  return parse_lang(value).value_or(Lang::en);
}

void AsOfOption::add_to(CLI::App& app) {
  app.add_option("--as-of", value, "The day target dates are checked against, YYYY-MM-DD (default: today)")
      ->type_name("DATE")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            return Date::parse_iso(text) ? std::string()
                                         : "\"" + text + "\" is not a real calendar day in YYYY-MM-DD form";
          },
          ""));
}

Date AsOfOption::get() const { return value.empty() ? Date::today() : *Date::parse_iso(value); }


void CsvInputOptions::add_to(CLI::App& app) {
  app.add_option("--delimiter", delimiter, "Field delimiter: ',', ';' or 'tab' (default: detected from the header)")
      ->type_name("D")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            for (const char* ok : {",", ";", "tab", "\t", "\\t", "comma", "semicolon"})
              if (text == ok) return {};
            return "\"" + text + "\" is not a delimiter ftstatus reads; use ',', ';' or 'tab'";
          },
          ""));
  app.add_option("--encoding", encoding, "Input encoding: utf-8 or cp1252 (Excel on Windows)")
      ->check(CLI::IsMember({"utf-8", "utf8", "cp1252", "windows-1252"}, CLI::ignore_case))
      ->capture_default_str();
  app.add_option("--date-format", date_format, "Date cells: iso (YYYY-MM-DD), mdy (M/D/YYYY) or dmy (D/M/YYYY)")
      ->check(CLI::IsMember({"iso", "mdy", "dmy"}))
      ->capture_default_str();
}

char CsvInputOptions::delimiter_char() const {
  if (delimiter.empty()) return 0;
  if (delimiter == "tab" || delimiter == "\\t") return '\t';
  if (delimiter == "comma") return ',';
  if (delimiter == "semicolon") return ';';
  return delimiter[0];
}

bool read_header(CsvReader& reader, Record& record, Classifier& classifier, const std::string& name) {
  if (!reader.next(record)) {
    std::cerr << "ftstatus: " << name << ":1:1: the file is empty; it needs a header row naming the columns\n";
    return false;
  }
  if (std::string problem = classifier.bind_header(record.fields); !problem.empty()) {
    std::cerr << "ftstatus: " << name << ':' << record.line << ":1: " << problem << '\n';
    return false;
  }
  return true;
}

std::string input_name(const std::string& path) { return path.empty() || path == "-" ? "<stdin>" : path; }

int input_error(const std::string& name, const std::exception& error) {
  if (const auto* csv = dynamic_cast<const CsvError*>(&error))
    std::cerr << "ftstatus: " << name << ':' << csv->line << ':' << csv->column << ": " << csv->what() << '\n';
  else
    std::cerr << "ftstatus: " << name << ": " << error.what() << '\n';
  return kExitUsage;
}

int finish_output(int code) {
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::cerr << "ftstatus: cannot write the output: " << std::strerror(errno) << '\n';
    return kExitUsage;
  }
  return code;
}

std::FILE* open_input(const std::string& path) {
  if (path.empty() || path == "-") return stdin;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::cerr << "ftstatus: " << path << ": is a folder; give a CSV file\n";
    return nullptr;
  }
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (in == nullptr) std::cerr << "ftstatus: " << path << ": cannot open: " << std::strerror(errno) << '\n';
  return in;
}

AtomicOutput::~AtomicOutput() {
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  if (!temp_.empty()) std::remove(temp_.c_str());
}

std::FILE* AtomicOutput::open() {
  if (path_.empty() || path_ == "-") return file_ = stdout;
  struct stat info {};
  if (stat(path_.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    // A device or pipe (/dev/null, a FIFO) cannot be replaced: write to it.
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_ == nullptr) std::cerr << "ftstatus: " << path_ << ": cannot open for writing: " << std::strerror(errno) << '\n';
    return file_;
  }
  temp_ = path_ + ".tmp-XXXXXX";
  int fd = mkstemp(temp_.data());
  if (fd < 0) {
    std::cerr << "ftstatus: " << path_ << ": cannot create a temporary file beside it: " << std::strerror(errno) << '\n';
    temp_.clear();
    return nullptr;
  }
  // mkstemp creates 0600; give the result the mode a plain create would.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  file_ = fdopen(fd, "wb");
  return file_;
}

bool AtomicOutput::commit() {
  if (file_ == stdout) return std::fflush(stdout) == 0;
  if (temp_.empty()) {
    bool ok = std::fclose(file_) == 0;
    file_ = nullptr;
    return ok;
  }
  bool ok = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
  ok = std::fclose(file_) == 0 && ok;
  file_ = nullptr;
  if (ok && std::rename(temp_.c_str(), path_.c_str()) == 0) {
    temp_.clear();
    return true;
  }
  std::cerr << "ftstatus: " << path_ << ": cannot write the output: " << std::strerror(errno) << '\n';
  return false;
}

}  // namespace ftstatus::cli
