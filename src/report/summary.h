#pragma once
// classify --summary: rows, rows with problems, rows changed, the count per
// suggested status and the rate.
#include <ostream>

#include "ftstatus/pipeline.h"

namespace ftstatus {

void write_summary(std::ostream& out, const Taxonomy& taxonomy, const ClassifySummary& summary, Lang lang);

}  // namespace ftstatus
