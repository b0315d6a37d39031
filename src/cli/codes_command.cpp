// ftstatus codes [--lang en|es] [--format text|csv|json]
//
// Lists the problem catalogue: every code ftstatus reports, its severity
// (error, warning, note), its message and the fix it suggests. {name} marks a
// value filled in when the problem is reported.
#include <cstdio>
#include <memory>

#include "command.h"
#include "report/codes_writer.h"

namespace ftstatus::cli {

std::function<int()> setup_codes(CLI::App& app) {
  struct Options {
    LangOption lang;
    std::string format = "text";
  };
  auto o = std::make_shared<Options>();
  o->lang.add_to(app);
  app.add_option("--format", o->format, help_text("codes_format"))
      ->check(one_of({"text", "csv", "json"}))
      ->capture_default_str();
  return [o] {
    write_codes(stdout, *parse_codes_format(o->format), o->lang.get());
    return finish_output(kExitOk);
  };
}

}  // namespace ftstatus::cli
