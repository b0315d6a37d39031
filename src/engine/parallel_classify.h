#pragma once
// Classification on several threads with the output in input order: a reader
// cuts the decoded input into chunks of whole records, workers classify and
// format each chunk into memory, and the caller's thread writes the chunks in
// order, checking repeated ids on the way (so duplicate_id marks exactly the
// rows a single thread marks).
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "engine/repeated_ids.h"
#include "ftstatus/classifier.h"
#include "ftstatus/pipeline.h"
#include "io/csv.h"

namespace ftstatus {

struct ChunkedRun {
  int threads = 2;                     // workers
  std::size_t chunk_bytes = 1u << 18;  // of input text per chunk (whole records: a little more or less)
  // One worker's sinks, in the order of the run's own: made like them, with no
  // file, so they keep what they write (RecordSink::take_pending).
  std::function<std::vector<std::unique_ptr<RecordSink>>(const Classifier&)> make_memory_sinks;
  // Repeated ids found before (find_repeated_ids): the writer asks these
  // rather than remembering every id itself.
  RepeatedIds* repeated_ids = nullptr;
  // Called by the writing thread after each chunk it wrote, with the chunk's
  // bytes of input text (OutputFile::start_writeback, the progress line).
  std::function<void(std::size_t)> after_chunk;
};

// Whether find_repeated_ids can stand in for the in-memory seen set: every
// unique column holds text (a typed one would need the day/month sample first).
bool can_find_repeated_ids_first(const Classifier& classifier);

// A pass over `reader`'s input after its header (a second reader of the same
// file) that gives every row's unique-column ids to `ids`, then finishes it.
Result find_repeated_ids(const Classifier& classifier, CsvReader& reader, std::string_view source_name,
                         const ChunkedRun& run, RepeatedIds& ids);

// Whether classify_chunks can take this run: one thread is the plain loop.
bool can_classify_in_chunks(const Classifier& classifier, int threads);

// The rest of `reader`'s input after the header (read_header done, `sinks`
// given the header) through `sinks`, as classify_records does with one thread:
// same output bytes, same summary, same first error.
Result classify_chunks(Classifier& classifier, CsvReader& reader, std::string_view source_name,
                       const std::vector<RecordSink*>& sinks, const ChunkedRun& run, ClassifySummary& summary);

// --threads' default: the processors this process may run on.
int default_thread_count();

}  // namespace ftstatus
