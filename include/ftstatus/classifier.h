#pragma once
// ftstatus public API, layer: engine.
// Classifies entitlement records: parses the cells the rules read, applies
// the first matching rule, and checks the row (field count, cell types,
// UTF-8, repeated ids, target date). Every row gets a result; none is dropped.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ftstatus/columns.h"
#include "ftstatus/date.h"
#include "ftstatus/problems.h"
#include "ftstatus/record.h"
#include "ftstatus/rules.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

class SeenSet;

// Stable problem codes of a classified row.
enum class RowCode {
  field_count,    // the row has more or fewer fields than the header
  invalid_value,  // a cell does not parse as its column's type
  invalid_utf8,
  stray_cr,      // a lone CR inside an unquoted cell was kept in the cell (a warning)
  missing_id,    // a required column is empty
  duplicate_id,  // a unique column repeats an earlier row's value
  no_rule,       // no rule matched (a rule set without a catch-all)
  target_date_missing,
  target_date_invalid,
  target_date_past,
  target_date_beyond_horizon,
};

std::string_view row_code_name(RowCode code);

struct RowProblem {
  RowCode code;
  int column = -1;  // schema column, or -1 for the whole row
  int field = -1;   // CSV field index, or -1
};

struct ClassifyOptions {
  Date as_of = Date::today();
  // Numeric dates; `automatic` accepts only unambiguous ones until the
  // pipeline decides each column's order (set_date_format).
  DateFormat date_format = DateFormat::automatic;
  Lang lang = Lang::en;  // of explain()'s words
};

// A date the column's chosen day/month order cannot read but the other order
// can, in a column whose order was not proven by its values: rows before it
// may have been read the wrong way, so the run must stop.
struct DateOrderConflict {
  long line = 0;
  int column = -1;
  std::string text;
};

struct RowResult {
  long line = 0;
  StatusIndex status = kNoStatus;  // the suggested status (deepest level)
  int rule = -1;                   // index into the rule set
  std::vector<RowProblem> problems;
  bool has_current = false;  // the input has l1/l2 columns
  bool changed = false;      // the suggestion differs from l1/l2
  // The current l1/l2/l3 cells: all empty, or the deepest status they name
  // (kNoStatus with `current_given` when a name is unknown).
  bool current_given = false;
  StatusIndex current = kNoStatus;
  std::size_t field_count = 0;
};

class Classifier {
 public:
  Classifier(const Taxonomy& taxonomy, const RuleSet& rules, ClassifyOptions options);
  ~Classifier();
  Classifier(const Classifier&) = delete;
  Classifier& operator=(const Classifier&) = delete;

  // Maps header fields to schema columns with account_columns (no maps, no
  // missing column allowed). Fails when a needed column is missing or two
  // headers name one column (the Error has no position yet).
  Result bind_header(const std::vector<std::string_view>& header);
  // How the input's records end: in a CR-only file a CR inside a quoted
  // cell is a line break, elsewhere a lone CR gets a stray_cr warning.
  void set_input_line_ending(LineEnding ending) { lone_cr_is_stray_ = ending != LineEnding::cr; }
  // Binds the columns an account_columns report found (it must not stop).
  void bind_columns(const ColumnReport& report, std::size_t header_width);
  // The day/month order of one date column; `proven` when its own values
  // decided it (otherwise a later value that contradicts it stops the run).
  void set_date_format(int column, DateFormat format, bool proven);
  DateFormat date_format(int column) const { return date_format_of_column_[static_cast<std::size_t>(column)]; }
  // How a date ftstatus writes into a column looks (--apply): the column's
  // order when its values were written with one (or --date-format gave it),
  // else ISO. Set with the order, from the same sample.
  void set_written_date_format(int column, DateFormat format);
  DateFormat written_date_format(int column) const { return written_date_format_[static_cast<std::size_t>(column)]; }
  // Input field holding ftstatus's own added column k (output_column_names()), or -1.
  int output_field(std::size_t k) const { return k < output_field_.size() ? output_field_[k] : -1; }
  // The first contradiction seen, if any (see DateOrderConflict).
  const std::optional<DateOrderConflict>& date_order_conflict() const { return date_conflict_; }
  // Why the run cannot go on (the check of repeated ids has no temporary
  // file to keep memory bounded); the caller stops reading when set.
  const Result& resource_failure() const { return resource_failure_; }

  // Takes another classifier's binding: header columns, line ending and
  // day/month orders (a worker's classifier, like the one that read the header).
  void bind_like(const Classifier& other) {
    bind_header_like(other);
    bind_dates_like(other);
  }
  // The same in two steps: the header's part is known first, the day/month
  // orders once the date sample decides them.
  void bind_header_like(const Classifier& other);
  void bind_dates_like(const Classifier& other);

  // How classify() finds repeated ids. `seen`: against the ids of every row
  // it classified before. `collect`: not at all, but unique_hashes() gives
  // the row's ids for a check in input order elsewhere (parallel workers).
  // `given`: the rows set_given_repeats() names repeat.
  enum class RepeatCheck { seen, collect, given };
  void set_repeat_check(RepeatCheck check) { repeat_check_ = check; }
  std::size_t unique_column_count() const { return unique_columns_.size(); }
  // The schema column of unique column k.
  int unique_column(std::size_t k) const { return unique_columns_[k]; }
  // With `collect`: the last row's hash64 of each unique column's value, 0 when it is empty.
  const std::vector<std::uint64_t>& unique_hashes() const { return unique_hashes_; }
  // With `given`: bit k set when unique column k repeats in the next row.
  void set_given_repeats(std::uint64_t bits) { given_repeats_ = bits; }
  // The `seen` check on its own: false when unique column k already had `hash`.
  bool insert_seen(std::size_t k, std::uint64_t hash);
  void prefetch_seen(std::size_t k, std::uint64_t hash) const;
  // A hint that the input holds a great many rows (see SeenSet::expect_many).
  void expect_many_ids();
  // Then, on the thread that will insert_seen(), before the first row: see SeenSet::prepare.
  void prepare_seen();

  // Classifies one data record; the result is reused by the next call.
  const RowResult& classify(const Record& record);

  // After bind_header: whether the file has current l1/l2/l3 columns.
  bool has_current_columns() const { return result_.has_current; }
  const Taxonomy& taxonomy() const { return taxonomy_; }
  const RuleSet& rules() const { return rules_; }
  const ClassifyOptions& options() const { return options_; }
  std::size_t header_width() const { return header_width_; }
  // CSV field index of a schema column, or -1 when the file lacks it.
  int field_of(int column) const { return field_of_column_[static_cast<std::size_t>(column)]; }
  // The cells of the last classified row (indexed by schema column).
  const std::vector<CellValue>& cells() const { return cells_; }
  // True when the last row's cell for `column` was given but did not parse.
  bool cell_invalid(int column) const { return cell_invalid_[static_cast<std::size_t>(column)] != 0; }
  // The target date ftstatus proposes for a row: the as-of date plus its
  // suggested status's propose_days, when that status needs a target date
  // and the row's is missing, not a real day, past or beyond the horizon.
  std::optional<Date> proposed_target_date(const RowResult& result) const;
  // Whether any status needs a target date (the output then has suggested_target_date).
  bool proposes_target_dates() const { return proposes_target_dates_; }
  // The schema column of the row's own target date, or -1.
  int target_date_column() const { return target_date_column_; }
  // Why the last row got its status, as a sentence in options().lang with
  // the file's own header names: the conditions that held, and for a row
  // that fell through to a rule with no conditions (the catch-all) the
  // nearest rule it missed and the cells that stopped it.
  std::string explain(const Record& record) const;
  // The header that gives a schema column in this file, or empty when no header does.
  std::string_view column_header(int column) const;

 private:
  // The deepest status the current l1/l2/l3 cells name, or kNoStatus.
  StatusIndex resolve_current(const std::string_view (&levels)[3]);
  struct LastName;
  StatusIndex resolve_child(StatusIndex parent, std::string_view text, LastName& last);
  void check_target_date(const Record& record);
  void note_date_conflict(const Record& record, int column, std::string_view text);

  const Taxonomy& taxonomy_;
  const RuleSet& rules_;
  RuleMatcher matcher_;  // rules_.rules, laid out for the per-row check
  ClassifyOptions options_;
  std::vector<int> field_of_column_;
  std::vector<int> output_field_;
  std::vector<std::string> column_header_;  // by schema column
  bool lone_cr_is_stray_ = true;
  std::vector<DateFormat> date_format_of_column_;
  std::vector<char> date_format_proven_;
  std::vector<DateFormat> written_date_format_;
  std::optional<DateOrderConflict> date_conflict_;
  Result resource_failure_;
  std::vector<CellValue> cells_;
  std::vector<char> cell_invalid_;
  std::size_t header_width_ = 0;
  int target_date_column_ = -1;
  bool proposes_target_dates_ = false;
  int l1_column_ = -1;
  int l2_column_ = -1;
  int l3_column_ = -1;
  std::vector<int> unique_columns_;
  std::vector<SeenSet> seen_;  // hashes of each unique column's values
  RepeatCheck repeat_check_ = RepeatCheck::seen;
  std::vector<std::uint64_t> unique_hashes_;
  std::uint64_t given_repeats_ = 0;
  RowResult result_;
  // Exports repeat a few distinct l1/l2/l3 spellings: resolve each once.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using NameCache = std::unordered_map<std::string, StatusIndex, StringHash, std::equal_to<>>;
  NameCache l1_cache_;
  std::vector<NameCache> child_cache_;  // per parent status
  // The last name resolved at each level and what it gave: rows mostly repeat
  // the row before, and a compare is cheaper than a hash. The text views a
  // cache key, which stays put.
  struct LastName {
    StatusIndex parent = kNoStatus;
    std::string_view text;
    StatusIndex found = kNoStatus;
    bool set = false;
  };
  LastName last_name_[3];
  // By column: the last valid yyyy-mm-dd date cell and its day number.
  static constexpr std::size_t kIsoDateLength = 10;
  struct LastIsoDate {
    char text[kIsoDateLength] = {};
    std::int64_t days = 0;
    bool set = false;
  };
  std::vector<LastIsoDate> last_iso_date_;
};

}  // namespace ftstatus
