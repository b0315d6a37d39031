// libzip and libxlsxwriter, loaded when a workbook is first read or written.
//
// Linked the usual way, the two made the dynamic loader map them and what
// they need (libcrypto, libbz2, libz, libminizip) and bind about 4,300
// symbols at every start, CSV runs included: half of a small run's
// instructions. The ftstatus binary instead gets the functions below, with
// the libraries' own names and prototypes (their headers check them); each
// opens its library on first call (dlopen) and jumps to the real function.
// The library (libftstatus.a) still links libzip and libxlsxwriter
// normally; only this executable defines these names, so the linker takes
// them from here and, with --as-needed, records no dependency on the shared
// libraries (src/CMakeLists.txt, FTSTATUS_LAZY_WORKBOOK_LIBS; the ctest
// startup_libraries checks the result). A function the library starts to
// call without a line here is taken from the shared library again, which
// that test reports.
#include <dlfcn.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <string>

#include "ftstatus/problems.h"
#include "io/temporary_files.h"

namespace {

// The file names with their ABI version (sonames), from src/CMakeLists.txt.
constexpr const char* kZipSoname = FTSTATUS_LIBZIP_SONAME;
constexpr const char* kXlsxwriterSoname = FTSTATUS_XLSXWRITER_SONAME;

// A library that cannot be loaded is a broken installation (the package
// depends on both): say which and stop, as for any other internal error.
[[noreturn]] void cannot_load(const char* what) {
  const char* reason = dlerror();
  const std::string message =
      "ftstatus: " +
      ftstatus::Problem("internal_error", {{"detail", std::string(what) + ": " + (reason != nullptr ? reason : "")}})
          .text(ftstatus::Lang::en) +
      "\n";
  ftstatus::remove_temporaries_now();
  (void)!write(STDERR_FILENO, message.data(), message.size());
  _exit(2);
}

void* library(const char* soname) {
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) cannot_load(soname);
  return handle;
}

void* zip_library() {
  static void* const handle = library(kZipSoname);
  return handle;
}

void* xlsxwriter_library() {
  static void* const handle = library(kXlsxwriterSoname);
  return handle;
}

template <typename Function>
Function* find(void* handle, const char* name) {
  void* address = dlsym(handle, name);
  if (address == nullptr) cannot_load(name);
  return reinterpret_cast<Function*>(address);
}

}  // namespace

// The real `name`, looked up once (thread-safe: a function-local static).
#define FTSTATUS_REAL(handle, name)                                                       \
  static decltype(::name)* const real_function = find<decltype(::name)>(handle(), #name); \
  return real_function

extern "C" {

// libzip (io/xlsx_reader.cpp)
void zip_discard(zip_t* archive) { FTSTATUS_REAL(zip_library, zip_discard)(archive); }
void zip_error_fini(zip_error_t* error) { FTSTATUS_REAL(zip_library, zip_error_fini)(error); }
void zip_error_init(zip_error_t* error) { FTSTATUS_REAL(zip_library, zip_error_init)(error); }
void zip_error_init_with_code(zip_error_t* error, int code) {
  FTSTATUS_REAL(zip_library, zip_error_init_with_code)(error, code);
}
const char* zip_error_strerror(zip_error_t* error) { FTSTATUS_REAL(zip_library, zip_error_strerror)(error); }
int zip_fclose(zip_file_t* file) { FTSTATUS_REAL(zip_library, zip_fclose)(file); }
const char* zip_file_strerror(zip_file_t* file) { FTSTATUS_REAL(zip_library, zip_file_strerror)(file); }
zip_file_t* zip_fopen(zip_t* archive, const char* name, zip_flags_t flags) {
  FTSTATUS_REAL(zip_library, zip_fopen)(archive, name, flags);
}
zip_int64_t zip_fread(zip_file_t* file, void* buffer, zip_uint64_t size) {
  FTSTATUS_REAL(zip_library, zip_fread)(file, buffer, size);
}
zip_int64_t zip_name_locate(zip_t* archive, const char* name, zip_flags_t flags) {
  FTSTATUS_REAL(zip_library, zip_name_locate)(archive, name, flags);
}
zip_t* zip_open(const char* path, int flags, int* error) { FTSTATUS_REAL(zip_library, zip_open)(path, flags, error); }
zip_t* zip_open_from_source(zip_source_t* source, int flags, zip_error_t* error) {
  FTSTATUS_REAL(zip_library, zip_open_from_source)(source, flags, error);
}
zip_source_t* zip_source_buffer_create(const void* data, zip_uint64_t size, int free_data, zip_error_t* error) {
  FTSTATUS_REAL(zip_library, zip_source_buffer_create)(data, size, free_data, error);
}
void zip_source_free(zip_source_t* source) { FTSTATUS_REAL(zip_library, zip_source_free)(source); }
int zip_stat(zip_t* archive, const char* name, zip_flags_t flags, zip_stat_t* stat) {
  FTSTATUS_REAL(zip_library, zip_stat)(archive, name, flags, stat);
}
void zip_stat_init(zip_stat_t* stat) { FTSTATUS_REAL(zip_library, zip_stat_init)(stat); }
const char* zip_strerror(zip_t* archive) { FTSTATUS_REAL(zip_library, zip_strerror)(archive); }

// libxlsxwriter (engine/xlsx_writer.cpp, report/validation_workbook.cpp)
lxw_chart_series* chart_add_series(lxw_chart* chart, const char* categories, const char* values) {
  FTSTATUS_REAL(xlsxwriter_library, chart_add_series)(chart, categories, values);
}
void chart_legend_set_position(lxw_chart* chart, uint8_t position) {
  FTSTATUS_REAL(xlsxwriter_library, chart_legend_set_position)(chart, position);
}
void chart_series_set_name(lxw_chart_series* series, const char* name) {
  FTSTATUS_REAL(xlsxwriter_library, chart_series_set_name)(series, name);
}
void chart_title_set_name(lxw_chart* chart, const char* name) {
  FTSTATUS_REAL(xlsxwriter_library, chart_title_set_name)(chart, name);
}
void format_set_bg_color(lxw_format* format, lxw_color_t color) {
  FTSTATUS_REAL(xlsxwriter_library, format_set_bg_color)(format, color);
}
void format_set_bold(lxw_format* format) { FTSTATUS_REAL(xlsxwriter_library, format_set_bold)(format); }
void format_set_num_format(lxw_format* format, const char* num_format) {
  FTSTATUS_REAL(xlsxwriter_library, format_set_num_format)(format, num_format);
}
char* lxw_strerror(lxw_error error) { FTSTATUS_REAL(xlsxwriter_library, lxw_strerror)(error); }
lxw_chart* workbook_add_chart(lxw_workbook* workbook, uint8_t chart_type) {
  FTSTATUS_REAL(xlsxwriter_library, workbook_add_chart)(workbook, chart_type);
}
lxw_format* workbook_add_format(lxw_workbook* workbook) {
  FTSTATUS_REAL(xlsxwriter_library, workbook_add_format)(workbook);
}
lxw_worksheet* workbook_add_worksheet(lxw_workbook* workbook, const char* sheet_name) {
  FTSTATUS_REAL(xlsxwriter_library, workbook_add_worksheet)(workbook, sheet_name);
}
lxw_error workbook_close(lxw_workbook* workbook) { FTSTATUS_REAL(xlsxwriter_library, workbook_close)(workbook); }
lxw_workbook* workbook_new_opt(const char* filename, lxw_workbook_options* options) {
  FTSTATUS_REAL(xlsxwriter_library, workbook_new_opt)(filename, options);
}
lxw_error worksheet_autofilter(lxw_worksheet* sheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row,
                               lxw_col_t last_col) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_autofilter)(sheet, first_row, first_col, last_row, last_col);
}
lxw_error worksheet_data_validation_range(lxw_worksheet* sheet, lxw_row_t first_row, lxw_col_t first_col,
                                          lxw_row_t last_row, lxw_col_t last_col, lxw_data_validation* validation) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_data_validation_range)
  (sheet, first_row, first_col, last_row, last_col, validation);
}
void worksheet_freeze_panes(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_freeze_panes)(sheet, row, col);
}
lxw_error worksheet_insert_chart(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, lxw_chart* chart) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_insert_chart)(sheet, row, col, chart);
}
void worksheet_protect(lxw_worksheet* sheet, const char* password, lxw_protection* options) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_protect)(sheet, password, options);
}
lxw_error worksheet_set_column(lxw_worksheet* sheet, lxw_col_t first_col, lxw_col_t last_col, double width,
                               lxw_format* format) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_set_column)(sheet, first_col, last_col, width, format);
}
lxw_error worksheet_write_blank(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, lxw_format* format) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_write_blank)(sheet, row, col, format);
}
lxw_error worksheet_write_boolean(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, int value, lxw_format* format) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_write_boolean)(sheet, row, col, value, format);
}
lxw_error worksheet_write_datetime(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, lxw_datetime* datetime,
                                   lxw_format* format) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_write_datetime)(sheet, row, col, datetime, format);
}
lxw_error worksheet_write_number(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, double number,
                                 lxw_format* format) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_write_number)(sheet, row, col, number, format);
}
lxw_error worksheet_write_string(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const char* string,
                                 lxw_format* format) {
  FTSTATUS_REAL(xlsxwriter_library, worksheet_write_string)(sheet, row, col, string, format);
}

}  // extern "C"
