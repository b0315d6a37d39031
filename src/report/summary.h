#pragma once
// classify --summary: rows, rows with problems, rows changed, the count per
// suggested status and the rate.
#include <ostream>

#include "ftstatus/pipeline.h"
#include "report/colours.h"

namespace ftstatus {

// With colours: the problem count red when there are any, each status in its L1's colour.
void write_summary(std::ostream& out, const Taxonomy& taxonomy, const ClassifySummary& summary, Lang lang,
                   const Colours& colours = {});

}  // namespace ftstatus
