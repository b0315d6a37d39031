#include "engine/parallel_classify.h"

#include <malloc.h>
#include <sched.h>

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "engine/date_orders.h"
#include "engine/formula_guard.h"
#include "engine/read_header.h"
#include "engine/seen_set.h"

namespace ftstatus {

namespace {

// Where one row lies in its chunk, for the writer: the record's text and line
// (to classify it again when its id repeats) and whether it had problems.
struct RowMark {
  std::uint32_t text_offset = 0;  // in Chunk::records
  bool problems = false;
  long line = 0;
};

struct Chunk {
  enum class State { free, filled, working, done };
  State state = State::free;
  std::string records;  // whole records, decoded
  long first_line = 0;
  // Set by the reader where the input stops being readable: the writer
  // reports it after writing every chunk before it.
  Result read_error;
  std::exception_ptr failure;  // std::bad_alloc and the like, rethrown by the writer
  // Set by the worker.
  Result status;  // the chunk's first error (a NUL, an unclosed quote...)
  std::optional<DateOrderConflict> conflict;
  std::vector<RowMark> rows;
  std::vector<std::uint64_t> hashes;             // rows x unique columns; 0 for an empty cell
  std::vector<std::uint32_t> checks;             // find_repeated_ids' pass: RepeatedIds::check_hash, likewise
  std::vector<std::vector<std::uint32_t>> ends;  // by sink: where each row's output ends
  std::vector<std::string> output;               // by sink
  std::vector<long> per_status;
  long rows_changed = 0;
  long rows_with_problems = 0;
};

// A chunk's output takes about this much room at most, reserved at once:
// grown by doubling, a buffer would touch twice the pages (and a page touched
// for the first time is the dearest part of a small buffer).
std::size_t output_room(const ChunkedRun& run) { return run.chunk_bytes * 2; }

// What one worker thread keeps from chunk to chunk. Made while the reader
// samples dates, from the header's binding; the day/month orders are taken
// (bind_dates_like) when the first chunk comes.
struct Worker {
  Worker(const Classifier& like, const ChunkedRun& run, char delimiter, LineEnding ending, CsvLimits limits)
      : classifier(like.taxonomy(), like.rules(), like.options()), reader(delimiter, ending, limits) {
    classifier.bind_header_like(like);
    classifier.set_repeat_check(Classifier::RepeatCheck::collect);
    if (run.make_memory_sinks) sinks = run.make_memory_sinks(classifier);
    for (auto& sink : sinks) {
      std::string roomy;
      roomy.reserve(output_room(run));
      sink->take_pending(roomy);  // the sink now writes into `roomy`
    }
  }
  Classifier classifier;
  CsvReader reader;
  std::vector<std::unique_ptr<RecordSink>> sinks;
  Record record;
  bool dates_bound = false;
};

void classify_chunk(Worker& worker, Chunk& chunk, std::size_t statuses) {
  Classifier& classifier = worker.classifier;
  const std::size_t sinks = worker.sinks.size();
  chunk.rows.clear();
  chunk.hashes.clear();
  chunk.ends.resize(sinks);
  chunk.output.resize(sinks);
  for (auto& ends : chunk.ends) ends.clear();
  chunk.per_status.assign(statuses, 0);
  chunk.rows_changed = chunk.rows_with_problems = 0;
  chunk.status = {};
  chunk.conflict.reset();
  worker.reader.reset(chunk.records, chunk.first_line);
  // The text goes back to the chunk however the loop ends: the writer reads it again for a repeated id.
  struct GiveBack {
    CsvReader& reader;
    std::string& records;
    ~GiveBack() { reader.release(records); }
  } give_back{worker.reader, chunk.records};
  Record& record = worker.record;
  try {
    while (!classifier.date_order_conflict() && worker.reader.next(record)) {
      const RowResult& result = classifier.classify(record);
      const RowMark mark{static_cast<std::uint32_t>(worker.reader.offset_of(record.raw)), !result.problems.empty(),
                         record.line};
      for (std::size_t s = 0; s < sinks; ++s) {
        worker.sinks[s]->row(record, result);
        chunk.ends[s].push_back(static_cast<std::uint32_t>(worker.sinks[s]->pending_size()));
      }
      const std::vector<std::uint64_t>& hashes = classifier.unique_hashes();
      chunk.hashes.insert(chunk.hashes.end(), hashes.begin(), hashes.end());
      chunk.rows.push_back(mark);
      if (result.status != kNoStatus) ++chunk.per_status[static_cast<std::size_t>(result.status)];
      chunk.rows_changed += result.changed ? 1 : 0;
      chunk.rows_with_problems += mark.problems ? 1 : 0;
    }
  } catch (const CsvError& e) {
    chunk.status = Error{e.problem, "", e.line, e.column};
  }
  chunk.conflict = classifier.date_order_conflict();
  for (std::size_t s = 0; s < sinks; ++s) worker.sinks[s]->take_pending(chunk.output[s]);
}

// find_repeated_ids' pass: only the unique columns' ids, as classify reads
// them (trimmed, without a formula guard), hashed twice.
void hash_chunk(Worker& worker, Chunk& chunk) {
  const Classifier& classifier = worker.classifier;
  const std::size_t uniques = classifier.unique_column_count();
  chunk.rows.clear();
  chunk.hashes.clear();
  chunk.checks.clear();
  chunk.status = {};
  worker.reader.reset(chunk.records, chunk.first_line);
  Record& record = worker.record;
  try {
    while (worker.reader.next(record)) {
      for (std::size_t k = 0; k < uniques; ++k) {
        const int field = classifier.field_of(classifier.unique_column(k));
        std::string_view text;
        if (field >= 0 && static_cast<std::size_t>(field) < record.fields.size())
          text = without_formula_guard(trim(record.fields[static_cast<std::size_t>(field)]));
        chunk.hashes.push_back(text.empty() ? 0 : hash64(text));
        chunk.checks.push_back(text.empty() ? 0 : RepeatedIds::check_hash(text));
      }
      chunk.rows.push_back({});
    }
  } catch (const CsvError& e) {
    chunk.status = Error{e.problem, "", e.line, e.column};
  }
  worker.reader.release(chunk.records);
}

class ChunkPipeline {
 public:
  // With `collecting`, the pass of find_repeated_ids: rows are hashed, not classified.
  ChunkPipeline(Classifier& classifier, CsvReader& reader, std::string_view source_name,
                const std::vector<RecordSink*>& sinks, const ChunkedRun& run, ClassifySummary& summary,
                RepeatedIds* collecting = nullptr)
      : collecting_(collecting),
        classifier_(classifier),
        reader_(reader),
        source_name_(source_name),
        sinks_(sinks),
        run_(run),
        summary_(summary),
        slots_(static_cast<std::size_t>(run.threads) * 2 + 2) {
    for (Chunk& chunk : slots_) {
      chunk.output.resize(sinks.size());
      for (std::string& output : chunk.output) output.reserve(output_room(run));
    }
  }

  Result run() {
    std::vector<std::thread> threads;
    threads.emplace_back([this] { read_chunks(); });
    for (int w = 0; w < run_.threads; ++w) threads.emplace_back([this] { work(); });
    Result result;
    std::exception_ptr failure;
    try {
      if (collecting_ == nullptr && run_.repeated_ids == nullptr)
        classifier_.prepare_seen();  // while rows are first read
      result = write_chunks();
    } catch (...) {
      failure = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    stopped();
    for (std::thread& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    return result;
  }

 private:
  Chunk& slot(std::uint64_t sequence) { return slots_[sequence % slots_.size()]; }

  // After stop_ is set: everyone waiting looks again.
  void stopped() {
    space_.notify_all();
    work_.notify_all();
    done_.notify_all();
  }

  // Waits for the slot of chunk `sequence` to be free; false when the run stops.
  bool claim(std::uint64_t sequence) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return stop_ || slot(sequence).state == Chunk::State::free; });
    return !stop_;
  }

  void publish(std::uint64_t sequence) {
    {
      std::lock_guard lock(mutex_);
      slot(sequence).state = Chunk::State::filled;
      filled_ = sequence + 1;
    }
    work_.notify_one();  // one chunk: one worker
  }

  void finish_input() {
    {
      std::lock_guard lock(mutex_);
      input_done_ = true;
    }
    work_.notify_all();
    done_.notify_all();
  }

  // The reader thread: the date sample first (as for_each_record takes it),
  // then every chunk in order.
  void read_chunks() {
    std::uint64_t sequence = 0;
    try {
      std::vector<std::pair<std::string, long>> sampled;
      if (collecting_ == nullptr) sample_dates(sampled);
      for (auto& [records, line] : sampled) {
        if (!claim(sequence)) return finish_input();
        Chunk& chunk = slot(sequence);
        chunk.records.swap(records);
        chunk.first_line = line;
        chunk.read_error = {};
        publish(sequence++);
      }
      sampled.clear();
      for (;;) {
        if (!claim(sequence)) return finish_input();
        Chunk& chunk = slot(sequence);
        chunk.read_error = {};
        bool more = false;
        try {
          more = reader_.next_chunk(chunk.records, run_.chunk_bytes, chunk.first_line);
          if (!more && reader_.read_failed()) chunk.read_error = Error{Problem("input_read_error"), "", 0, 0};
        } catch (const CsvError& e) {
          chunk.read_error = Error{e.problem, "", e.line, e.column};
        }
        if (!more && chunk.read_error.ok()) break;
        if (!chunk.read_error.ok()) chunk.records.clear();
        publish(sequence++);
        if (!chunk.read_error.ok()) break;
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!reader_failure_) reader_failure_ = std::current_exception();
    }
    finish_input();
  }

  void sample_dates(std::vector<std::pair<std::string, long>>& sampled) {
    DateOrderSampler sampler(classifier_, classifier_.options().date_format);
    if (!sampler.active()) return;
    CsvReader sample_reader(reader_.delimiter(), reader_.line_ending(), reader_.limits());
    Record record;
    std::size_t seen = 0;
    std::size_t held_bytes = 0;
    bool deciding = true;
    while (deciding) {
      std::string records;
      long line = 0;
      try {
        if (!reader_.next_chunk(records, run_.chunk_bytes, line)) break;
      } catch (const CsvError&) {
        break;  // the chunk loop meets it again and reports it in its place
      }
      sample_reader.reset(records, line);
      try {
        while (deciding && sample_reader.next(record)) {
          sampler.add(record);
          held_bytes += record.raw.size();
          if (++seen >= kDateSampleRows || held_bytes >= kDateSampleBytes) deciding = false;
        }
      } catch (const CsvError&) {
        deciding = false;  // the chunk's worker reports it
      }
      sample_reader.release(records);
      sampled.emplace_back(std::move(records), line);
    }
    summary_.input.dates = sampler.decide(classifier_, summary_.input.header);
  }

  void work() {
    std::unique_ptr<Worker> worker;
    try {
      worker =
          std::make_unique<Worker>(classifier_, run_, reader_.delimiter(), reader_.line_ending(), reader_.limits());
    } catch (...) {
      worker.reset();  // each chunk then reports the failure (std::bad_alloc) in its place
    }
    for (;;) {
      std::uint64_t sequence;
      {
        std::unique_lock lock(mutex_);
        work_.wait(lock, [&] { return stop_ || next_to_work_ < filled_ || input_done_; });
        if (stop_ || next_to_work_ >= filled_) return;
        sequence = next_to_work_++;
        slot(sequence).state = Chunk::State::working;
      }
      Chunk& chunk = slot(sequence);
      if (chunk.read_error.ok() && !is_long(chunk)) {
        try {
          if (!worker)
            worker = std::make_unique<Worker>(classifier_, run_, reader_.delimiter(), reader_.line_ending(),
                                              reader_.limits());
          if (!worker->dates_bound) {
            // Decided by now: the reader publishes no chunk before the date sample decides.
            worker->classifier.bind_dates_like(classifier_);
            worker->dates_bound = true;
          }
          if (collecting_ != nullptr)
            hash_chunk(*worker, chunk);
          else
            classify_chunk(*worker, chunk, classifier_.taxonomy().statuses().size());
        } catch (...) {
          chunk.failure = std::current_exception();
        }
      }
      {
        std::lock_guard lock(mutex_);
        chunk.state = Chunk::State::done;
      }
      done_.notify_one();  // only the writer waits on it
    }
  }

  // This thread: every chunk in input order, ids checked on the way.
  Result write_chunks() {
    if (collecting_ == nullptr) classifier_.set_repeat_check(Classifier::RepeatCheck::given);
    const std::size_t uniques = classifier_.unique_column_count();
    for (std::uint64_t sequence = 0;; ++sequence) {
      {
        std::unique_lock lock(mutex_);
        done_.wait(lock, [&] {
          return (filled_ > sequence && slot(sequence).state == Chunk::State::done) ||
                 (input_done_ && filled_ <= sequence);
        });
        if (filled_ <= sequence) {
          if (reader_failure_) std::rethrow_exception(reader_failure_);
          return {};
        }
      }
      Chunk& chunk = slot(sequence);
      if (chunk.failure) std::rethrow_exception(chunk.failure);
      if (!chunk.read_error.ok()) return named(chunk.read_error);
      if (collecting_ != nullptr) {
        // Up to the first unreadable record: the classifying pass reports it in its place.
        if (!chunk.status.ok()) return {};
        hand_over_ids(chunk);
        release(chunk);
        continue;
      }
      if (is_long(chunk)) {
        if (Result s = classify_here(chunk); !s.ok()) return s;
        continue;
      }
      std::vector<std::size_t> written(sinks_.size(), 0);
      for (std::size_t row = 0; row < chunk.rows.size(); ++row) {
        std::uint64_t repeats = 0;
        if (run_.repeated_ids != nullptr) {
          repeats = run_.repeated_ids->repeats_of(row_number_++);
        } else {
          // The table slots of a row a little ahead are fetched while this one is checked.
          constexpr std::size_t kAhead = 8;
          if (row + kAhead < chunk.rows.size())
            for (std::size_t k = 0; k < uniques; ++k)
              classifier_.prefetch_seen(k, chunk.hashes[(row + kAhead) * uniques + k]);
          for (std::size_t k = 0; k < uniques; ++k) {
            const std::uint64_t hash = chunk.hashes[row * uniques + k];
            if (hash != 0 && !classifier_.insert_seen(k, hash)) repeats |= std::uint64_t{1} << k;
          }
        }
        if (!classifier_.resource_failure().ok()) return classifier_.resource_failure();
        if (repeats == 0) continue;
        // A repeated id: the row is written again with its duplicate_id.
        for (std::size_t s = 0; s < sinks_.size(); ++s) {
          const std::size_t start = row == 0 ? 0 : chunk.ends[s][row - 1];
          sinks_[s]->write_formatted(std::string_view(chunk.output[s]).substr(written[s], start - written[s]));
          written[s] = chunk.ends[s][row];
        }
        rewrite_row(chunk, row, repeats);
      }
      for (std::size_t s = 0; s < sinks_.size(); ++s)
        sinks_[s]->write_formatted(std::string_view(chunk.output[s]).substr(written[s]));
      summary_.rows += static_cast<long>(chunk.rows.size());
      summary_.rows_changed += chunk.rows_changed;
      summary_.rows_with_problems += chunk.rows_with_problems;
      for (std::size_t k = 0; k < chunk.per_status.size(); ++k) summary_.per_status[k] += chunk.per_status[k];
      if (!chunk.status.ok()) return named(chunk.status);
      if (chunk.conflict) return date_order_error(classifier_, *chunk.conflict, source_name_);
      const std::size_t chunk_bytes = chunk.records.size();
      release(chunk);
      if (run_.after_chunk) run_.after_chunk(chunk_bytes);
    }
  }

  void release(Chunk& chunk) {
    {
      std::lock_guard lock(mutex_);
      chunk.state = Chunk::State::free;
    }
    space_.notify_one();  // only the reader waits on it
  }

  void hand_over_ids(const Chunk& chunk) {
    const std::size_t uniques = classifier_.unique_column_count();
    for (std::size_t row = 0; row < chunk.rows.size(); ++row, ++row_number_)
      for (std::size_t k = 0; k < uniques; ++k)
        if (const std::uint64_t hash = chunk.hashes[row * uniques + k]; hash != 0)
          collecting_->add(row_number_, static_cast<unsigned>(k), hash, chunk.checks[row * uniques + k]);
  }

  // A chunk of a few long records (a cell of many MiB): formatted in memory
  // it would be held twice more, so this thread classifies it straight into
  // the sinks, which write such cells directly.
  static bool is_long(const Chunk& chunk) { return chunk.records.size() > (std::size_t(8) << 20); }

  Result classify_here(Chunk& chunk) {
    if (!rewriter_) make_rewriter();
    if (run_.repeated_ids == nullptr) classifier_.set_repeat_check(Classifier::RepeatCheck::seen);
    rewriter_->reset(chunk.records, chunk.first_line);
    Result result;
    try {
      while (!classifier_.date_order_conflict() && classifier_.resource_failure().ok() &&
             rewriter_->next(rewrite_record_)) {
        if (run_.repeated_ids != nullptr) classifier_.set_given_repeats(run_.repeated_ids->repeats_of(row_number_++));
        const RowResult& row = classifier_.classify(rewrite_record_);
        for (RecordSink* sink : sinks_) sink->row(rewrite_record_, row);
        ++summary_.rows;
        if (row.status != kNoStatus) ++summary_.per_status[static_cast<std::size_t>(row.status)];
        if (row.changed) ++summary_.rows_changed;
        if (!row.problems.empty()) ++summary_.rows_with_problems;
      }
    } catch (const CsvError& e) {
      result = named(Error{e.problem, "", e.line, e.column});
    }
    rewriter_->release(chunk.records);
    classifier_.set_repeat_check(Classifier::RepeatCheck::given);
    if (!result.ok()) return result;
    if (!classifier_.resource_failure().ok()) return classifier_.resource_failure();
    if (const auto& conflict = classifier_.date_order_conflict())
      return date_order_error(classifier_, *conflict, source_name_);
    release(chunk);
    return {};
  }

  void make_rewriter() {
    rewriter_ = std::make_unique<CsvReader>(reader_.delimiter(), reader_.line_ending(), reader_.limits());
    rewrite_sinks_ = run_.make_memory_sinks(classifier_);
  }

  void rewrite_row(Chunk& chunk, std::size_t row, std::uint64_t repeats) {
    if (!rewriter_) make_rewriter();
    const RowMark& mark = chunk.rows[row];
    const std::size_t end = row + 1 < chunk.rows.size() ? chunk.rows[row + 1].text_offset : chunk.records.size();
    rewrite_text_.assign(chunk.records, mark.text_offset, end - mark.text_offset);
    rewriter_->reset(rewrite_text_, mark.line);
    rewriter_->next(rewrite_record_);
    classifier_.set_given_repeats(repeats);
    const RowResult& result = classifier_.classify(rewrite_record_);
    for (std::size_t s = 0; s < sinks_.size(); ++s) {
      rewrite_sinks_[s]->row(rewrite_record_, result);
      rewrite_sinks_[s]->take_pending(rewritten_);
      sinks_[s]->write_formatted(rewritten_);
    }
    rewriter_->release(rewrite_text_);
    if (!mark.problems) ++summary_.rows_with_problems;
  }

  Error named(const Result& result) const {
    Error error = result.error();
    error.file = std::string(source_name_);
    return error;
  }

  RepeatedIds* collecting_;
  std::uint32_t row_number_ = 0;  // of the next row the writer meets
  Classifier& classifier_;
  CsvReader& reader_;
  std::string_view source_name_;
  std::vector<RecordSink*> sinks_;
  const ChunkedRun& run_;
  ClassifySummary& summary_;

  std::mutex mutex_;
  // Each role waits on its own: a change wakes only who can act on it.
  std::condition_variable space_;  // the reader: a slot was freed
  std::condition_variable work_;   // the workers: a chunk was filled, or the input ended
  std::condition_variable done_;   // the writer: a chunk was done, or the input ended
  std::vector<Chunk> slots_;
  std::uint64_t filled_ = 0;        // chunks published by the reader
  std::uint64_t next_to_work_ = 0;  // the next chunk a worker takes
  bool input_done_ = false;
  bool stop_ = false;
  std::exception_ptr reader_failure_;

  std::unique_ptr<CsvReader> rewriter_;
  std::vector<std::unique_ptr<RecordSink>> rewrite_sinks_;
  Record rewrite_record_;
  std::string rewrite_text_;
  std::string rewritten_;
};

}  // namespace

bool can_classify_in_chunks(const Classifier& classifier, int threads) {
  return threads > 1 && classifier.unique_column_count() <= 64;
}

Result classify_chunks(Classifier& classifier, CsvReader& reader, std::string_view source_name,
                       const std::vector<RecordSink*>& sinks, const ChunkedRun& run, ClassifySummary& summary) {
  // The workers allocate next to nothing once started; glibc would still give
  // each thread its own arena, reserving 64 MiB of address space apiece (a
  // run under `ulimit -v` would fail for that alone).
  mallopt(M_ARENA_MAX, 1);
  ChunkPipeline pipeline(classifier, reader, source_name, sinks, run, summary);
  return pipeline.run();
}

bool can_find_repeated_ids_first(const Classifier& classifier) {
  const Schema& schema = classifier.rules().schema;
  for (std::size_t k = 0; k < classifier.unique_column_count(); ++k)
    if (schema.columns[static_cast<std::size_t>(classifier.unique_column(k))].type != ColumnType::string) return false;
  return classifier.unique_column_count() > 0;
}

Result find_repeated_ids(const Classifier& classifier, CsvReader& reader, std::string_view source_name,
                         const ChunkedRun& run, RepeatedIds& ids) {
  ChunkedRun hashing = run;
  hashing.make_memory_sinks = nullptr;
  hashing.repeated_ids = nullptr;
  ClassifySummary unused;
  // The pipeline only reads the classifier (its binding) in this pass.
  ChunkPipeline pipeline(const_cast<Classifier&>(classifier), reader, source_name, {}, hashing, unused, &ids);
  if (Result s = pipeline.run(); !s.ok()) return s;
  return ids.finish();
}

int default_thread_count() {
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof cpus, &cpus) == 0) return std::max(1, CPU_COUNT(&cpus));
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

}  // namespace ftstatus
