#pragma once
// Colour for text read on a terminal: problems red, warnings yellow, valid
// green, statuses in their L1's colour. Off unless the command line turns it
// on (--color, NO_COLOR and whether the stream is a terminal: src/cli).
#include <string>
#include <string_view>

#include "ftstatus/taxonomy.h"

namespace ftstatus {

enum class Colour { red, yellow, green, blue, magenta, cyan, dim };

struct Colours {
  bool on = false;
  // `text` between the colour's ANSI escape and the reset; `text` as it is when off.
  std::string paint(std::string_view text, Colour colour) const;
  // The colour of the L1 above `status` (itself when an L1): FastTrack's
  // five by their ids, a custom taxonomy's by their order.
  static Colour of_status(const Taxonomy& taxonomy, StatusIndex status);
};

}  // namespace ftstatus
