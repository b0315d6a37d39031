// libFuzzer target for the chunked, multi-threaded classify
// (engine/parallel_classify.h) through run_classify, on the built-in
// taxonomy. Property: whatever the bytes, 3 threads with chunks of a few
// bytes (and repeated ids found in their own pass, or not) give exactly what
// one thread gives: the same output and reject table, counts and error.
// The first byte chooses the chunk size, the ids pass and whether the
// taxonomy's header line (LF, CRLF or CR-only) goes before the rest.
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "ftstatus/loader.h"
#include "ftstatus/pipeline.h"
#include "fuzz_support.h"

namespace {

constexpr std::string_view kHeader =
    "entitlement_id,tenant_id,customer,workload,added_on,tenant_state,has_exchange,contact_attempts,"
    "contact_channels,customer_responded,intent,no_intent_reason,blocker,deployment,migration,active_users,"
    "eligible_seats,target_date,l1,l2";

struct Outcome {
  std::string output;
  std::string errors;
  std::string error;
  long rows = 0;
  long problems = 0;
  bool operator==(const Outcome&) const = default;
};

std::string slurp(const std::string& path) {
  std::string text;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    char buffer[65536];
    for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, got);
    std::fclose(f);
  }
  return text;
}

Outcome classify(const ftstatus::LoadResult& loaded, const std::string& folder, int threads) {
  ftstatus::ClassifyRequest request;
  request.input = folder + "/in.csv";
  request.output = folder + "/out.csv";
  request.errors = folder + "/errors.csv";
  request.classify.as_of = *ftstatus::Date::from_ymd(2026, 11, 24);
  request.threads = threads;
  request.columns.allow_missing = {"all"};
  ftstatus::ClassifySummary summary;
  const ftstatus::Result result = ftstatus::run_classify(*loaded.taxonomy, loaded.rules, request, summary);
  Outcome outcome;
  if (!result.ok()) {
    outcome.error = result.error().to_string(ftstatus::Lang::en);
    return outcome;
  }
  outcome.output = slurp(request.output);
  outcome.errors = slurp(request.errors);
  outcome.rows = summary.rows;
  outcome.problems = summary.rows_with_problems;
  std::remove(request.output.c_str());
  std::remove(request.errors.c_str());
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const ftstatus::LoadResult loaded = ftstatus::load_builtin_taxonomy();
  static const std::string folder = [] {
    char pattern[] = "/tmp/fuzz-parallel-XXXXXX";
    return std::string(mkdtemp(pattern));
  }();
  if (size == 0 || size > (64u << 10)) return 0;
  const unsigned choice = data[0];
  std::string text;
  if ((choice & 3) != 0) {
    text = kHeader;
    text += (choice & 3) == 1 ? "\n" : (choice & 3) == 2 ? "\r\n" : "\r";
  }
  text.append(reinterpret_cast<const char*>(data) + 1, size - 1);
  {
    std::FILE* in = std::fopen((folder + "/in.csv").c_str(), "wb");
    std::fwrite(text.data(), 1, text.size(), in);
    std::fclose(in);
  }
  unsetenv("FTSTATUS_CHUNK_BYTES");
  unsetenv("FTSTATUS_REPEATED_IDS_PASS");
  const Outcome one = classify(loaded, folder, 1);
  setenv("FTSTATUS_CHUNK_BYTES", std::to_string(1 + (choice >> 3) * 7).c_str(), 1);
  if ((choice & 4) != 0) setenv("FTSTATUS_REPEATED_IDS_PASS", "always", 1);
  const Outcome many = classify(loaded, folder, 3);
  FUZZ_CHECK(many == one);
  return 0;
}
