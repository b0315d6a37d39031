#include "progress_line.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "ftstatus/problems.h"

namespace ftstatus::cli {

namespace {

std::string duration_text(double seconds) {
  if (seconds < 90) return fmt::format("{:.0f} s", seconds);
  return fmt::format("{:.0f} min", seconds / 60);
}

}  // namespace

ProgressLine::ProgressLine(Lang lang) : lang_(lang) {
  if (const char* after = std::getenv("FTSTATUS_PROGRESS_AFTER_MS"); after != nullptr)
    after_ = std::chrono::milliseconds(std::atol(after));
}

void ProgressLine::update(const ClassifyRequest::Progress& progress) {
  const Clock::time_point now = Clock::now();
  if (now - start_ < after_) return;
  if (width_ > 0 && now - drawn_at_ < std::chrono::milliseconds(200)) return;
  drawn_at_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(progress.rows) / seconds : 0;
  std::string line;
  if (progress.input_size > 0 && progress.bytes > 0 && progress.bytes <= progress.input_size) {
    const double done = static_cast<double>(progress.bytes) / static_cast<double>(progress.input_size);
    line = Problem("progress_line/known", {{"rows", std::to_string(progress.rows)},
                                           {"rate", fmt::format("{:.0f}", rate)},
                                           {"percent", fmt::format("{:.0f}", done * 100)},
                                           {"left", duration_text(seconds * (1 - done) / done)}})
               .message(lang_);
  } else {
    line = Problem("progress_line", {{"rows", std::to_string(progress.rows)}, {"rate", fmt::format("{:.0f}", rate)}})
               .message(lang_);
  }
  line = "ftstatus: " + line;
  // Spaces over what a longer line left.
  const std::size_t width = line.size();
  if (width < width_) line.append(width_ - width, ' ');
  width_ = width;
  std::fprintf(stderr, "\r%s", line.c_str());
  std::fflush(stderr);
}

void ProgressLine::finish() {
  if (width_ == 0) return;
  std::fprintf(stderr, "\r%s\r", std::string(width_, ' ').c_str());
  std::fflush(stderr);
  width_ = 0;
}

}  // namespace ftstatus::cli
