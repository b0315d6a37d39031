#pragma once
// What ftstatus made of an input: its encoding and dialect, the column report
// (header -> column and how, unused headers, missing columns) and the
// day/month order chosen for each date column. stderr gets the parts worth
// a look; --summary and `ftstatus columns` get all of it.
#include <ostream>

#include "ftstatus/pipeline.h"

namespace ftstatus {

// Notes a user must see even without --summary: a detected Windows-1252
// input, a guessed day/month order.
void write_input_notes(std::ostream& out, const InputReport& report, const Schema& schema, Lang lang);
// The column report (every header, missing columns).
void write_column_report(std::ostream& out, const InputReport& report, const Schema& schema, Lang lang);

}  // namespace ftstatus
