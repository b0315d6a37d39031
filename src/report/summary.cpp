#include "report/summary.h"

#include <fmt/format.h>

namespace ftstatus {

void write_summary(std::ostream& out, const Taxonomy& t, const ClassifySummary& s, Lang lang) {
  auto number = [](auto n) { return fmt::format("{}", n); };
  out << Problem("summary_counts", {{"rows", number(s.rows)},
                                    {"with_problems", number(s.rows_with_problems)},
                                    {"changed", number(s.rows_changed)}})
             .message(lang)
      << '\n';
  for (std::size_t i = 0; i < s.per_status.size(); ++i) {
    if (s.per_status[i] == 0) continue;
    out << fmt::format("  {:<60} {}\n", t.path(static_cast<StatusIndex>(i)), s.per_status[i]);
  }
  double rate = s.seconds > 0 ? static_cast<double>(s.rows) / s.seconds : 0.0;
  out << Problem("summary_time", {{"seconds", fmt::format("{:.3f}", s.seconds)}, {"rate", fmt::format("{:.0f}", rate)}})
             .message(lang)
      << '\n';
}

}  // namespace ftstatus
