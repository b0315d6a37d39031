#pragma once
// --explain: why a row got its status, as a sentence a partner manager reads
// ("Blocked / Legal/Regulatory because Bloqueo is 'Legal' (rule legal_block)"),
// in the run's language and with the file's own header names. A row that fell
// through to the catch-all also gets the nearest rule it missed and the cells
// that stopped it ("would be In Progress / Migration if Intención were 'yes'").
#include <string>

#include "ftstatus/classifier.h"
#include "ftstatus/record.h"

namespace ftstatus {

// The explanation of `result`, the row `classifier` classified last from `record`.
std::string explain_row(const Classifier& classifier, const Record& record, const RowResult& result);

}  // namespace ftstatus
