#include "report/summary.h"

#include <fmt/format.h>

namespace ftstatus {

void write_summary(std::ostream& out, const Taxonomy& t, const ClassifySummary& s, Lang lang, const Colours& colours) {
  auto number = [](auto n) { return fmt::format("{}", n); };
  out << Problem("summary_counts",
                 {{"rows", number(s.rows)},
                  {"with_problems",
                   colours.paint(number(s.rows_with_problems), s.rows_with_problems > 0 ? Colour::red : Colour::green)},
                  {"changed", number(s.rows_changed)}})
             .message(lang)
      << '\n';
  for (std::size_t i = 0; i < s.per_status.size(); ++i) {
    if (s.per_status[i] == 0) continue;
    const auto status = static_cast<StatusIndex>(i);
    // Padded before it is painted: escapes take no columns.
    out << "  " << colours.paint(fmt::format("{:<60}", t.path(status)), Colours::of_status(t, status)) << ' '
        << s.per_status[i] << '\n';
  }
  double rate = s.seconds > 0 ? static_cast<double>(s.rows) / s.seconds : 0.0;
  out << Problem("summary_time", {{"seconds", fmt::format("{:.3f}", s.seconds)}, {"rate", fmt::format("{:.0f}", rate)}})
             .message(lang)
      << '\n';
}

}  // namespace ftstatus
