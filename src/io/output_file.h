#pragma once
// An output file that is replaced only when the run succeeds: written to a
// temporary file beside it and renamed into place by publish(), so a failed
// or interrupted run leaves the old file as it was. An empty path or "-" is
// stdout; a device or pipe (/dev/null, a FIFO) is written in place, never
// replaced. A replaced file keeps its mode, owner and group.
#include <sys/types.h>

#include <cstdio>
#include <string>

#include "ftstatus/problems.h"
#include "io/temporary_files.h"

namespace ftstatus {

class OutputFile {
 public:
  explicit OutputFile(std::string path) : path_(std::move(path)) {}
  ~OutputFile();  // removes the temporary file of a run that did not publish
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // `input` is the file being read: when the output's folder takes no
  // temporary file, the output is written in place, unless it is the input.
  Result open(const std::string& input = "");
  std::FILE* file() const { return file_; }
  // What messages call it: the path, or <stdout>.
  std::string name() const;
  // Written in place because its folder takes no temporary file (say so).
  bool in_place() const { return in_place_; }
  // Called now and then while writing: when the output replaces a file,
  // what is written so far starts going to disk. ext4 would otherwise
  // allocate and write the whole file during the final rename (its
  // auto_da_alloc, which makes replacing safe without fsync), after all other
  // work is done: 191 MB took 60 to 120 ms there.
  void start_writeback();
  // Flushes, syncs and closes; a write, close or sync error names the file
  // and the system's reason. Finish every output before publishing any.
  Result finish();
  // Renames the finished file into place.
  Result publish();
  Result commit() {
    if (Result s = finish(); !s.ok()) return s;
    return publish();
  }
  // For a writer that opens the file by name (a workbook): closes the stream
  // and gives the path to write, the temporary file beside the output (or
  // the output itself when it is written in place); publish() then renames
  // it. Empty for stdout.
  std::string hand_over_path();

 private:
  Result write_failed(int error_number) const;
  std::string path_;
  TemporaryPath temp_;
  std::FILE* file_ = nullptr;
  bool in_place_ = false;
  bool handed_over_ = false;
  bool replaces_ = false;   // the output existed: publish() renames over it
  off_t written_back_ = 0;  // bytes given to start_writeback() so far
};

// Whether two paths name one file: the same inode (through a symbolic or a
// hard link), or the same path for a file not there yet. Standard input and
// output ("" or "-") and devices are never the same file as anything.
bool same_file(const std::string& a, const std::string& b);

// Opens an input path ("" or "-" is stdin); the FILE is closed by the holder.
struct InputFile {
  std::FILE* file = nullptr;
  std::string name;     // the path, or <stdin>
  std::string path;     // a file to open by name (a workbook): the path, or a copy of stdin
  TemporaryPath spool;  // that copy of stdin, removed with the InputFile
  InputFile() = default;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();
};
Result open_input(const std::string& path, InputFile& input);
// The first bytes of the input, without consuming them: a regular file is
// read and rewound; stdin or a pipe that may hold a workbook (its first byte
// is 'P' or 0xD0) is first copied to a temporary file (TMPDIR, else the
// output's folder), which `input` then reads from. `head` gets up to 8 bytes.
Result peek_input(InputFile& input, std::string& head);
// The name messages use for an input path.
std::string input_name(const std::string& path);
// A write to `name` failed with `error_number`: the error naming both, or,
// for a closed pipe on stdout, a quiet exit 141.
Result output_write_error(const std::string& name, int error_number);

}  // namespace ftstatus
