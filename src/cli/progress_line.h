#pragma once
// The line classify keeps on a terminal's standard error while it works:
// rows, rows a second and, when the input's size is known, the percentage
// done and the time left. Drawn once the run has taken a second
// (FTSTATUS_PROGRESS_AFTER_MS changes that, for tests), redrawn at most five
// times a second with a carriage return, and erased at the end: spaces, no
// escape codes (NO_COLOR asks for none).
#include <chrono>
#include <cstddef>

#include "ftstatus/lang.h"
#include "ftstatus/pipeline.h"

namespace ftstatus::cli {

class ProgressLine {
 public:
  explicit ProgressLine(Lang lang);
  ~ProgressLine() { finish(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  void update(const ClassifyRequest::Progress& progress);
  // Erases the line, if one was drawn.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  Lang lang_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point drawn_at_{};
  std::chrono::milliseconds after_{1000};
  std::size_t width_ = 0;  // of the line on screen, 0 when none is
};

}  // namespace ftstatus::cli
