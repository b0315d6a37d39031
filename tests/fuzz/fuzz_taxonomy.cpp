// libFuzzer target for the taxonomy loader (src/load/), rule compilation (the
// Classifier, src/engine/classifier.cpp) and lint (src/engine/lint.cpp). The
// input is a YAML file. Errors are fine; crashes, hangs (run with -timeout)
// and unbounded memory are not.
// Properties:
// - a load either gives a taxonomy and no errors, or errors that each name
//   the file and a line, and no taxonomy;
// - a loaded taxonomy compiles into a Classifier, lints, and classifies an
//   row of empty cells.
#include <cstdint>
#include <string>

#include "engine/lint.h"
#include "ftstatus/classifier.h"
#include "ftstatus/loader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  const ftstatus::LoadResult loaded = ftstatus::load_taxonomy(yaml, "fuzz.yaml", ftstatus::Lang::es);
  FUZZ_CHECK(loaded.ok() == loaded.errors.empty());
  for (const ftstatus::Diagnostic& error : loaded.errors)
    FUZZ_CHECK(error.file == "fuzz.yaml" && !error.message.empty());
  if (!loaded.ok()) return 0;
  const ftstatus::Date as_of = *ftstatus::Date::from_ymd(2026, 6, 15);
  const std::vector<ftstatus::LintFinding> findings = ftstatus::lint_rules(*loaded.taxonomy, loaded.rules, as_of);
  for (const ftstatus::LintFinding& finding : findings) FUZZ_CHECK(!finding.message.empty());
  ftstatus::ClassifyOptions options;
  options.as_of = as_of;
  ftstatus::Classifier classifier(*loaded.taxonomy, loaded.rules, options);
  // The header is every column id, so no column is missing; the one row has every cell empty.
  ftstatus::Record header;
  for (const ftstatus::Column& column : loaded.rules.schema.columns) header.fields.emplace_back(column.id);
  if (!classifier.bind_header(header.fields).ok()) return 0;
  ftstatus::Record row;
  row.fields.assign(header.fields.size(), std::string_view());
  row.raw = ",";
  row.line = 2;
  (void)classifier.classify(row);
  return 0;
}
