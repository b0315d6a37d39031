// Every command's --help ends with examples; each of them runs as printed,
// from a folder holding the repository's examples/ and taxonomy/, in English
// and in Spanish.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

using namespace test_support;

namespace {

// The lines "  ftstatus ..." after the help's "Examples:" (or "Ejemplos:") line.
std::vector<std::string> examples_in(const std::string& help, const std::string& heading) {
  std::vector<std::string> examples;
  std::istringstream lines(help);
  bool inside = false;
  for (std::string line; std::getline(lines, line);) {
    if (line == heading) {
      inside = true;
    } else if (inside && line.rfind("  ftstatus ", 0) == 0) {
      examples.push_back(line.substr(2));
    } else if (inside) {
      inside = false;
    }
  }
  return examples;
}

}  // namespace

TEST_CASE("each command's --help ends with examples that run as printed", "[cli]") {
  TempDir dir;
  // `ftstatus` on PATH is the binary under test; examples/ and taxonomy/ are the repository's.
  const std::string bin = dir.path("bin");
  std::filesystem::create_directory(bin);
  std::filesystem::create_symlink(FTSTATUS_BINARY, bin + "/ftstatus");
  const std::string work = dir.path("work");
  std::filesystem::create_directory(work);
  for (const char* folder : {"examples", "taxonomy"})
    std::filesystem::create_directory_symlink(kSourceDir + "/" + folder, work + "/" + folder);
  for (const char* command : {"classify", "validate", "columns", "diff", "report", "tree", "lint", "codes"}) {
    for (const auto& [lang, heading] : {std::pair{"en", "Examples:"}, std::pair{"es", "Ejemplos:"}}) {
      Run help = run({"--lang", lang, command, "--help"});
      REQUIRE(help.status == 0);
      const std::vector<std::string> examples = examples_in(help.out, heading);
      INFO(command << " --lang " << lang << "\n" << help.out);
      CHECK(examples.size() >= 1);
      // The examples come before the exit statuses, which end the help.
      CHECK(help.out.find(heading) < help.out.rfind(lang == std::string("en") ? "Exit status:" : "Estado de salida:"));
      for (const std::string& example : examples) {
        INFO(example);
        // In braces: an example's own "> FILE" then wins over the capture of standard output.
        const std::string shell = "cd " + shell_quote(work) + " && PATH=" + shell_quote(bin) +
                                  ":\"$PATH\" && export LC_ALL=C && { " + example + "; } >" +
                                  shell_quote(dir.path("stdout")) + " 2>" + shell_quote(dir.path("stderr"));
        const int raw = std::system(("sh -c " + shell_quote(shell)).c_str());
        const int status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        INFO(read_file(dir.path("stderr")));
        CHECK(status >= 0);
        CHECK(status <= 1);  // 1: the example rows have problems on purpose
        // What it writes, to -o or to a file the shell redirects to, is there and not empty.
        for (const std::string& marker : {std::string(" -o "), std::string(" > ")}) {
          if (const std::size_t at = example.find(marker); at != std::string::npos) {
            const std::string written = work + "/" + example.substr(at + marker.size());
            CHECK(std::filesystem::file_size(written) > 0);
          }
        }
      }
    }
  }
}
