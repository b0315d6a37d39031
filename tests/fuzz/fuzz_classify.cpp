// libFuzzer target for the whole classify pipeline (include/ftstatus/pipeline.h:
// the CSV source, classify_records, the classified and reject sinks) on a
// small fixed taxonomy. The first byte chooses the output format, labels,
// --apply, explain and formula neutralisation; the rest is the CSV input.
// Property: rows in = rows out. When the run succeeds, the classified table
// read back has a header and one record per input record, and every input
// record's cells come first in its output record, unchanged (but for an
// apostrophe before formula-like text when neutralising).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "ftstatus/columns.h"
#include "ftstatus/loader.h"
#include "ftstatus/pipeline.h"
#include "fuzz_support.h"
#include "io/csv.h"

namespace {

constexpr std::string_view kTaxonomy = R"(
taxonomy:
  id: fuzz_desk
  name: {en: "Fuzz desk", es: "Mesa de pruebas"}
  max_days_ahead: 90
statuses:
  - id: open
    name: {en: "Open", es: "Abierto"}
    target_date: {required: true, max_days_ahead: 60}
    children:
      - id: triage
        name: {en: "Triage", es: "Clasificación"}
        aliases: ["New", "Nuevo"]
      - id: in_work
        name: {en: "In Work", es: "En curso"}
  - id: on_hold
    name: {en: "On Hold", es: "En espera"}
    children:
      - id: waiting
        name: {en: "Waiting", es: "Esperando"}
  - id: closed
    name: {en: "Closed", es: "Cerrado"}
    leaf: true
columns:
  - {id: ticket_id, type: string, required: true, unique: true, aliases: [Ticket, ID]}
  - {id: priority, type: enum, values: [low, normal, high], aliases: [Prioridad]}
  - {id: waiting, type: bool, aliases: [Esperando]}
  - {id: days_open, type: int}
  - {id: resolved, type: bool}
  - {id: target_date, type: date}
  - {id: l1, type: string}
  - {id: l2, type: string}
rules:
  - id: resolved
    when: {resolved: true}
    then: closed
  - id: waiting
    when: {waiting: true}
    then: on_hold/waiting
  - id: old
    when: {days_open: ">= 30", priority: high}
    then: open/in_work
  - id: other
    then: open/triage
)";

struct Loaded {
  ftstatus::LoadResult result = ftstatus::load_taxonomy(kTaxonomy, "fuzz.yaml");
};

// Records up to 64 KiB (fuzz inputs are shorter): the readers' buffers start that small, not at 1 MiB.
constexpr std::size_t kRecordLimit = 1u << 16;

std::vector<std::vector<std::string>> read_table(std::string_view bytes, char delimiter) {
  std::vector<std::vector<std::string>> rows;
  std::FILE* in = fuzz::open_chunked(bytes, bytes.size() + 1);
  ftstatus::CsvReader reader(in, delimiter, ftstatus::Encoding::utf8, {kRecordLimit * 4});
  ftstatus::Record record;
  while (reader.next(record)) rows.emplace_back(record.fields.begin(), record.fields.end());
  std::fclose(in);
  return rows;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Loaded loaded;
  FUZZ_CHECK(loaded.result.ok());
  fuzz::Input input(data, size);
  const unsigned choice = input.byte();
  const std::string_view csv = input.rest();

  // The input's own records, as the reader sees them.
  std::vector<std::vector<std::string>> input_rows;
  char delimiter = ',';
  {
    std::FILE* in = fuzz::open_chunked(csv, csv.size() + 1);
    try {
      ftstatus::CsvReader reader(in, 0, ftstatus::Encoding::automatic, {kRecordLimit});
      ftstatus::Record record;
      while (reader.next(record)) input_rows.emplace_back(record.fields.begin(), record.fields.end());
      delimiter = reader.delimiter();
    } catch (const ftstatus::CsvError&) {
      input_rows.clear();
    }
    std::fclose(in);
  }

  ftstatus::ClassifyOptions options;
  options.as_of = *ftstatus::Date::from_ymd(2026, 6, 15);
  ftstatus::Classifier classifier(*loaded.result.taxonomy, loaded.result.rules, options);

  char* classified_bytes = nullptr;
  std::size_t classified_size = 0;
  char* reject_bytes = nullptr;
  std::size_t reject_size = 0;
  std::FILE* classified_out = open_memstream(&classified_bytes, &classified_size);
  std::FILE* reject_out = open_memstream(&reject_bytes, &reject_size);
  std::FILE* in = fuzz::open_chunked(csv, csv.size() + 1);
  ftstatus::ClassifySummary summary;
  bool ok = false;
  {
    ftstatus::OutputOptions output;
    output.format = (choice & 1) != 0 ? ftstatus::OutputFormat::jsonl : ftstatus::OutputFormat::csv;
    output.labels = (choice & 2) != 0 ? ftstatus::Labels::es : ftstatus::Labels::id;
    output.explain = (choice & 4) != 0;
    output.apply = (choice & 8) != 0;
    output.apply_overwrite = (choice & 16) != 0;
    output.neutralize_formulas = (choice & 32) != 0;
    output.delimiter = delimiter;
    output.input_delimiter = delimiter;
    ftstatus::CsvReadOptions read_options;
    read_options.max_record_bytes = kRecordLimit;
    auto source = ftstatus::open_csv_source(in, "fuzz.csv", read_options);
    auto classified = ftstatus::make_classified_sink(classified_out, "out.csv", classifier, output);
    auto rejects = ftstatus::make_reject_sink(reject_out, "errors.csv", classifier, ftstatus::Lang::es, output);
    const std::vector<ftstatus::RecordSink*> sinks = {classified.get(), rejects.get()};
    ok = ftstatus::classify_records(classifier, *source, "fuzz.csv", {}, sinks, summary).ok();
  }
  std::fclose(in);
  std::fclose(classified_out);
  std::fclose(reject_out);
  const std::string classified_text(classified_bytes, classified_size);
  std::free(classified_bytes);
  std::free(reject_bytes);
  if (!ok) return 0;

  FUZZ_CHECK(!input_rows.empty());  // a run that succeeds had a header
  FUZZ_CHECK(summary.rows == static_cast<long>(input_rows.size()) - 1);
  if ((choice & 1) != 0) {  // JSON lines: one a record, no header
    long lines = 0;
    for (char c : classified_text) lines += c == '\n';
    FUZZ_CHECK(lines == summary.rows);
    return 0;
  }
  const auto output_rows = read_table(classified_text, delimiter);
  FUZZ_CHECK(output_rows.size() == input_rows.size());
  // Cells the run rewrites on purpose: an earlier run's added columns, and with --apply the current l1/l2.
  std::vector<bool> rewritten(input_rows[0].size(), (choice & 8) != 0);
  for (std::size_t k = 0; k < ftstatus::output_column_names().size(); ++k)
    if (const int f = classifier.output_field(k); f >= 0 && static_cast<std::size_t>(f) < rewritten.size())
      rewritten[static_cast<std::size_t>(f)] = true;
  for (std::size_t r = 0; r < input_rows.size(); ++r) {
    FUZZ_CHECK(output_rows[r].size() >= input_rows[r].size());
    // Cells beyond the header move after the added columns; the header's own stay in place.
    for (std::size_t c = 0; c < std::min(input_rows[r].size(), rewritten.size()); ++c)
      if (!rewritten[c])  // a formula-like text cell may have gained its apostrophe
        FUZZ_CHECK(output_rows[r][c] == input_rows[r][c] ||
                   ((choice & 32) != 0 && output_rows[r][c] == "'" + input_rows[r][c]));
  }
  return 0;
}
