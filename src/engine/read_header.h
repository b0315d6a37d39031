#pragma once
// The first step of every pipeline run, shared by classify and bulk validate.
#include <string_view>

#include "ftstatus/pipeline.h"

namespace ftstatus {

// Reads the header record from `source` and binds it to the classifier's
// schema; the Error says where (an empty input is input_empty at 1:1).
Result read_header(Classifier& classifier, RecordSource& source, std::string_view source_name, Record& header);

}  // namespace ftstatus
