#include "report/colours.h"

#include <algorithm>
#include <array>
#include <vector>

namespace ftstatus {

std::string Colours::paint(std::string_view text, Colour colour) const {
  if (!on || text.empty()) return std::string(text);
  static constexpr std::array<std::string_view, 7> kEscapes = {"\033[31m", "\033[33m", "\033[32m", "\033[34m",
                                                               "\033[35m", "\033[36m", "\033[2m"};
  std::string out(kEscapes[static_cast<std::size_t>(colour)]);
  out.append(text).append("\033[0m");
  return out;
}

Colour Colours::of_status(const Taxonomy& taxonomy, StatusIndex status) {
  if (status == kNoStatus) return Colour::dim;
  StatusIndex l1 = status;
  while (taxonomy.at(l1).parent != kNoStatus) l1 = taxonomy.at(l1).parent;
  const std::string& id = taxonomy.at(l1).id;
  if (id == "status_unknown") return Colour::cyan;
  if (id == "in_progress") return Colour::green;
  if (id == "no_intent") return Colour::magenta;
  if (id == "blocked") return Colour::red;
  if (id == "duplicate_invalid") return Colour::dim;
  static constexpr std::array<Colour, 5> kOthers = {Colour::cyan, Colour::green, Colour::magenta, Colour::blue,
                                                    Colour::yellow};
  // By the L1's place among the L1s (not its index among all statuses, which
  // counts the L2s before it and gave two neighbours one colour).
  const std::vector<StatusIndex>& roots = taxonomy.roots();
  const auto place = static_cast<std::size_t>(std::find(roots.begin(), roots.end(), l1) - roots.begin());
  return kOthers[place % kOthers.size()];
}

}  // namespace ftstatus
