// A program that classifies a CSV through ftstatus's public API, the way
// `ftstatus classify FILE --as-of DATE` does, writing the table to stdout.
// Usage: classify_example FILE.csv YYYY-MM-DD
#include <iostream>

#include <ftstatus/loader.h>
#include <ftstatus/pipeline.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: classify_example FILE.csv YYYY-MM-DD\n";
    return 2;
  }
  ftstatus::LoadResult loaded = ftstatus::load_builtin_taxonomy();
  std::optional<ftstatus::Date> as_of = ftstatus::Date::parse_iso(argv[2]);
  if (!loaded.ok() || !as_of) return 2;

  ftstatus::ClassifyRequest request;
  request.input = argv[1];
  request.classify.as_of = *as_of;
  ftstatus::ClassifySummary summary;
  ftstatus::Result result = ftstatus::run_classify(*loaded.taxonomy, loaded.rules, request, summary);
  if (!result.ok()) {
    std::cerr << result.error().to_string(ftstatus::Lang::en) << '\n';
    return 2;
  }
  std::cerr << summary.rows << " rows, " << summary.rows_with_problems << " with problems\n";
  return summary.rows_with_problems > 0 ? 1 : 0;
}
