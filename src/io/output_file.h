#pragma once
// An output file that is replaced only when the run succeeds: written to a
// temporary file beside it and renamed into place by commit(), so a failed
// run leaves the old file as it was. An empty path or "-" is stdout; a device
// or pipe (/dev/null, a FIFO) is written in place, never replaced.
#include <cstdio>
#include <string>

#include "ftstatus/problems.h"

namespace ftstatus {

class OutputFile {
 public:
  explicit OutputFile(std::string path) : path_(std::move(path)) {}
  ~OutputFile();  // removes the temporary file of a run that did not commit
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  Result open();
  std::FILE* file() const { return file_; }
  // What messages call it: the path, or <stdout>.
  std::string name() const;
  // Flushes, syncs and renames into place.
  Result commit();
  // For a writer that opens the file by name (a workbook): closes the stream
  // and gives the path to write, the temporary file beside the output (or
  // the output itself when it is written in place); commit() then renames
  // it. Empty for stdout.
  std::string hand_over_path();

 private:
  std::string path_;
  std::string temp_;
  std::FILE* file_ = nullptr;
};

// Opens an input path ("" or "-" is stdin); the FILE is closed by the holder.
struct InputFile {
  std::FILE* file = nullptr;
  std::string name;   // the path, or <stdin>
  std::string path;   // a file to open by name (a workbook): the path, or a copy of stdin
  std::string spool;  // that copy of stdin, removed with the InputFile
  InputFile() = default;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();
};
Result open_input(const std::string& path, InputFile& input);
// The first bytes of the input, without consuming them: a regular file is
// read and rewound; stdin or a pipe that may hold a workbook (its first byte
// is 'P' or 0xD0) is first copied to a temporary file in TMPDIR, which
// `input` then reads from. `head` gets up to 8 bytes.
Result peek_input(InputFile& input, std::string& head);
// The name messages use for an input path.
std::string input_name(const std::string& path);

}  // namespace ftstatus
