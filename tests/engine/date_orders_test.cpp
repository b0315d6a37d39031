// --date-format auto: how a date column's day/month order is decided from
// its values, the file's language and the locale.
#include <cstdlib>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/date_orders.h"
#include "fasttrack_fixture.h"
#include "ftstatus/loader.h"

namespace {

using namespace ftstatus;

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    const char* old = std::getenv(name);
    had_ = old != nullptr;
    if (had_) old_ = old;
    if (value != nullptr)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ~ScopedEnv() {
    if (had_)
      setenv(name_, old_.c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  bool had_ = false;
  std::string old_;
};

// Decides the order of target_date from `values` under `header_name`.
DateOrderChoice decide(const std::vector<std::string>& values, const std::string& header_name = "target_date") {
  const LoadResult& loaded = fasttrack_fixture::builtin_loaded();
  Classifier classifier(*loaded.taxonomy, loaded.rules, ClassifyOptions{});
  ColumnReport report;
  const std::vector<std::string> header = {"entitlement_id", header_name};
  std::vector<std::string_view> views(header.begin(), header.end());
  ColumnOptions allow_all;
  allow_all.allow_missing = {"all"};
  REQUIRE(account_columns(loaded.rules, views, allow_all, report).ok());
  classifier.bind_columns(report, header.size());
  DateOrderSampler sampler(classifier, DateFormat::automatic);
  REQUIRE(sampler.active());
  Record record;
  for (const std::string& value : values) {
    record.fields = {"E1", value};
    sampler.add(record);
  }
  std::vector<DateOrderChoice> choices = sampler.decide(classifier, header);
  REQUIRE(choices.size() == 1);
  CHECK(classifier.date_format(choices[0].column) == choices[0].format);
  return choices[0];
}

}  // namespace

TEST_CASE("a value only one order reads decides the column", "[date_orders]") {
  ScopedEnv lang("LC_ALL", "C");
  DateOrderChoice c = decide({"3/4/2026", "13/04/2026", ""});
  CHECK(c.format == DateFormat::dmy);
  CHECK(c.reason == DateOrderChoice::Reason::values);
  CHECK(c.day_first == 1);
  CHECK(c.ambiguous == 1);
  CHECK(c.example == "3/4/2026");
  c = decide({"04/30/2026", "3/4/2026"});
  CHECK(c.format == DateFormat::mdy);
}

TEST_CASE("a column mixing both orders follows its majority", "[date_orders]") {
  ScopedEnv lang("LC_ALL", "es_ES.UTF-8");
  CHECK(decide({"12/31/2026", "31/12/2026", "30/12/2026"}).format == DateFormat::dmy);
  CHECK(decide({"12/31/2026", "12/30/2026", "31/12/2026"}).format == DateFormat::mdy);
}

TEST_CASE("when no value tells, Spanish headers mean d/m/y, then the locale decides", "[date_orders]") {
  {
    ScopedEnv lang("LC_ALL", "C");
    DateOrderChoice c = decide({"3/4/2026", "5/6/2026"}, "Fecha objetivo");
    CHECK(c.format == DateFormat::dmy);
    CHECK(c.reason == DateOrderChoice::Reason::headers);
    c = decide({"3/4/2026", "5/6/2026"});
    CHECK(c.format == DateFormat::mdy);
    CHECK(c.reason == DateOrderChoice::Reason::locale);
  }
  {
    ScopedEnv lang("LC_ALL", "en_GB.UTF-8");
    CHECK(decide({"3/4/2026"}).format == DateFormat::dmy);
  }
  {
    ScopedEnv all("LC_ALL", nullptr);
    ScopedEnv time("LC_TIME", nullptr);
    ScopedEnv lang("LANG", "en_US.UTF-8");
    CHECK(locale_date_order() == DateFormat::mdy);
  }
}

TEST_CASE("ISO dates and month names tell nothing about the order", "[date_orders]") {
  ScopedEnv lang("LC_ALL", "C");
  DateOrderChoice c = decide({"2026-03-04", "4 mar 2026", "Mar 4, 2026"});
  CHECK(c.day_first + c.month_first + c.ambiguous == 0);
}

TEST_CASE("header_looks_spanish reads the header's words, not its letters", "[date_orders]") {
  CHECK(header_looks_spanish({"ID de derecho", "Cliente"}));
  CHECK(header_looks_spanish({"Fecha objetivo"}));
  CHECK_FALSE(header_looks_spanish({"Entitlement ID", "Customer", "Delivery date"}));
  CHECK_FALSE(header_looks_spanish({"Model", "Deadline"}));  // "de" inside a word is not Spanish
}
