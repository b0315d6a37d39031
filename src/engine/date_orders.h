#pragma once
// --date-format auto: each date column's day/month order, decided from a
// sample of its values before any row is classified.
#include <string_view>
#include <vector>

#include "ftstatus/classifier.h"
#include "ftstatus/pipeline.h"

namespace ftstatus {

class DateOrderSampler {
 public:
  // Samples the date columns `classifier` has bound, when `requested` is automatic.
  DateOrderSampler(const Classifier& classifier, DateFormat requested);

  // Whether there is a date column to decide.
  bool active() const { return !tallies_.empty(); }
  // Counts the record's date cells; true when one of them is a numeric
  // day/month date, whose reading depends on the decision.
  bool add(const Record& record);
  // Decides every sampled column and sets it on `classifier`. A column whose
  // values never told d/m from m/d follows the file's language (Spanish
  // headers: d/m/y), then the locale (LC_ALL, LC_TIME, LANG).
  std::vector<DateOrderChoice> decide(Classifier& classifier, const std::vector<std::string>& header) const;

 private:
  struct Tally {
    int column;
    int field;
    long day_first = 0;
    long month_first = 0;
    long ambiguous = 0;
    std::string example;  // the first ambiguous value
  };
  std::vector<Tally> tallies_;
};

// True when the header's words are Spanish ("Fecha de alta", "Estado del inquilino").
bool header_looks_spanish(const std::vector<std::string>& header);
// d/m/y or m/d/y from LC_ALL, LC_TIME or LANG: m/d/y for en_US, C and POSIX (or none), d/m/y otherwise.
DateFormat locale_date_order();

}  // namespace ftstatus
