// No heap allocation per row or cell in the steady state: classifying twice
// as many rows makes (next to) no more allocations, on one thread and on
// several. Every operator new of the test program is counted here.
#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include <catch2/catch.hpp>

#include "ftstatus/loader.h"
#include "ftstatus/pipeline.h"
#include "ftstatus/report.h"
#include "test_support.h"

namespace {
std::atomic<long> allocations{0};
}  // namespace

// Every form of new and delete is replaced, all on malloc and free, so that
// AddressSanitizer sees matching pairs whichever form a library uses.
namespace {
void* counted_allocation(std::size_t size) noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

void* operator new(std::size_t size) {
  if (void* p = counted_allocation(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = counted_allocation(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return counted_allocation(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return counted_allocation(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

using namespace ftstatus;
using namespace test_support;

namespace {

// `rows` rows of the example's records, repeated with distinct ids.
std::string example_rows(const TempDir& dir, int rows) {
  const std::vector<std::string> lines = split_lines(read_file(example("entitlements.csv")));
  std::string text = lines.front() + "\n";
  for (int i = 0; i < rows; ++i) {
    const std::string& line = lines[1 + static_cast<std::size_t>(i) % 20];  // 20 plain one-line records
    text += "ID-" + std::to_string(i) + line.substr(line.find(',')) + "\n";
  }
  return dir.file("in-" + std::to_string(rows) + ".csv", text);
}

// Allocations made by classifying them.
long allocations_for(const LoadResult& loaded, const TempDir& dir, int rows, int threads) {
  const std::string input = example_rows(dir, rows);
  ClassifyRequest request;
  request.input = input;
  request.output = dir.path("out.csv");
  request.classify.as_of = *Date::parse_iso(kAsOfDate);
  request.threads = threads;
  ClassifySummary summary;
  const long before = allocations.load();
  const Result result = run_classify(*loaded.taxonomy, loaded.rules, request, summary);
  const long made = allocations.load() - before;
  REQUIRE(result.ok());
  REQUIRE(summary.rows == rows);
  return made;
}

// Allocations made by classifying them into the report's collector.
long report_allocations_for(const LoadResult& loaded, const TempDir& dir, int rows) {
  const std::string input = example_rows(dir, rows);
  const Date as_of = *Date::parse_iso(kAsOfDate);
  ClassifyOptions options;
  options.as_of = as_of;
  const long before = allocations.load();
  std::unique_ptr<RecordSource> source;
  std::string name;
  REQUIRE(open_record_source(input, {}, source, name).ok());
  Classifier classifier(*loaded.taxonomy, loaded.rules, options);
  ReportCollector collector(classifier, Lang::en, as_of);
  ClassifySummary summary;
  REQUIRE(classify_records(classifier, *source, name, {}, {&collector}, summary).ok());
  REQUIRE(collector.data().rows == rows);
  return allocations.load() - before;
}

}  // namespace

TEST_CASE("the report's collector makes no heap allocation per row once its customers are known",
          "[allocation][report]") {
  const LoadResult loaded = load_builtin_taxonomy();
  REQUIRE(loaded.ok());
  TempDir dir;
  const long small = report_allocations_for(loaded, dir, 40'000);
  const long large = report_allocations_for(loaded, dir, 80'000);
  CHECK(large - small < 400);
}

TEST_CASE("classify makes no heap allocation per row once its buffers have grown", "[allocation]") {
  const LoadResult loaded = load_builtin_taxonomy();
  REQUIRE(loaded.ok());
  TempDir dir;
  for (int threads : {1, 3}) {
    INFO(threads << " threads");
    const long small = allocations_for(loaded, dir, 40'000, threads);
    const long large = allocations_for(loaded, dir, 80'000, threads);
    // 40,000 more rows; a few more allocations for buffers and tables that grow, none per row.
    CHECK(large - small < 400);
  }
}
