// KPI observations in and out of CSV.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>

#include "record_sql.hpp"
#include "sqlite_statement.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/era.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/error.hpp"
#include "wardscope/kpi_history.hpp"
#include "wardscope/number_text.hpp"
#include "wardscope/store.hpp"
#include "wardscope/utf8.hpp"

namespace wardscope {

namespace {

const std::vector<std::string> required_columns = {"plan_id", "indicator_id", "fiscal_year", "value", "source"};
constexpr std::size_t max_reported_problems = 100;

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::optional<bool> parse_flag(const std::string& text) {
    if (text.empty() || text == "0" || text == "false" || text == "no") return false;
    if (text == "1" || text == "true" || text == "yes") return true;
    return std::nullopt;
}

// The checks every observation passes, from a CSV row or typed into the app:
// each problem as one message (without file or line).
class ObservationChecker {
public:
    explicit ObservationChecker(sqlite3* db)
        : indicator_exists_(db, "SELECT 1 FROM indicator WHERE plan_id = ? AND id = ?"),
          plan_exists_(db, "SELECT 1 FROM plan WHERE id = ?") {}

    std::vector<std::string> check(Observation& o, std::string_view fiscal_year, std::string_view value) {
        std::vector<std::string> problems;
        plan_exists_.bind(1, o.plan_id);
        const bool plan_known = plan_exists_.step();
        plan_exists_.reset();
        if (!plan_known) {
            problems.push_back("unknown plan '" + o.plan_id + "'");
        } else {
            indicator_exists_.bind(1, o.plan_id).bind(2, o.indicator_id);
            const bool known = indicator_exists_.step();
            indicator_exists_.reset();
            if (!known) problems.push_back("plan '" + o.plan_id + "' has no indicator '" + o.indicator_id + "'");
        }
        std::string year_problem;
        if (auto year = parse_fiscal_year(trim(fiscal_year), &year_problem)) o.fiscal_year = *year;
        else if (!year_problem.empty()) problems.push_back(year_problem);
        else problems.push_back("'" + std::string(fiscal_year) + "' is not a fiscal year (e.g. 2026, FY2026, 令和8年度, R8)");
        // Typed or from a spreadsheet: full-width digits and 1,234 are numbers too.
        const NumberText number = parse_number_text(value);
        if (number.value) o.value = *number.value;
        else if (!o.text.empty() && trim(value).empty()) o.value = std::numeric_limits<double>::quiet_NaN();  // a text result
        else problems.push_back(number_problem_message(number.problem, value));
        if (o.source.empty()) problems.push_back("the source is empty: say where the value comes from");
        return problems;
    }

private:
    sql::Statement indicator_exists_, plan_exists_;
};

}  // namespace

namespace {

// One value per (plan, indicator, fiscal year) across the files of one
// import, whatever notation the year was written in: the first row's place,
// kept in a temporary table so that memory stays bounded however long the files.
class SeenKeys {
public:
    explicit SeenKeys(sqlite3* db) : db_(db) {
        sql::exec(db, "CREATE TEMP TABLE IF NOT EXISTS kpi_csv_seen (plan_id TEXT, indicator_id TEXT, fiscal_year INTEGER, "
                      "source TEXT, as_of TEXT, file INTEGER, line INTEGER, "
                      "PRIMARY KEY (plan_id, indicator_id, fiscal_year, source, as_of)) WITHOUT ROWID");
        sql::exec(db, "DELETE FROM temp.kpi_csv_seen");
        insert_ = std::make_unique<sql::Statement>(
            db, "INSERT INTO temp.kpi_csv_seen VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
        first_ = std::make_unique<sql::Statement>(
            db, "SELECT file, line FROM temp.kpi_csv_seen WHERE plan_id = ? AND indicator_id = ? AND fiscal_year = ? "
                "AND source = ? AND as_of = ?");
    }
    ~SeenKeys() {
        insert_.reset();
        first_.reset();
        sqlite3_exec(db_, "DROP TABLE IF EXISTS temp.kpi_csv_seen", nullptr, nullptr, nullptr);
    }
    // The (file, line) of an earlier row with the same key, or nothing (and this row is remembered).
    std::optional<std::pair<std::size_t, int>> earlier(const Observation& o, std::size_t file, int line) {
        insert_->bind_all(o.plan_id, o.indicator_id, o.fiscal_year, o.source, o.as_of, static_cast<std::int64_t>(file), line).run();
        if (sqlite3_changes(db_) > 0) return std::nullopt;
        first_->bind_all(o.plan_id, o.indicator_id, o.fiscal_year, o.source, o.as_of);
        std::optional<std::pair<std::size_t, int>> out;
        if (first_->step()) out = std::make_pair(static_cast<std::size_t>(first_->integer(0)), static_cast<int>(first_->integer(1)));
        first_->reset();
        return out;
    }

private:
    sqlite3* db_;
    std::unique_ptr<sql::Statement> insert_, first_;
};

// Up to max_reported_problems messages, and how many more there were.
class Problems {
public:
    void add(std::string message) {
        if (messages_.size() < max_reported_problems) messages_.push_back(std::move(message));
        else ++more_;
    }
    bool any() const { return !messages_.empty(); }
    std::string text() const {
        std::ostringstream out;
        for (std::size_t i = 0; i < messages_.size(); ++i) out << (i ? "\n" : "") << messages_[i];
        if (more_) out << "\n… and " << with_thousands(more_) << " more problems";
        out << "\nnothing was imported";
        return out.str();
    }

private:
    static std::string with_thousands(std::size_t n) {
        std::string digits = std::to_string(n), out;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i && (digits.size() - i) % 3 == 0) out += ',';
            out += digits[i];
        }
        return out;
    }
    std::vector<std::string> messages_;
    std::size_t more_ = 0;
};

// Writes each row as it is read (inside the caller's transaction, rolled back
// when any problem turns up), so that a file of any size needs no more memory
// than one row. A row equal to an observation already stored from CSV is left
// as it is; a different value for it is a problem unless `replace` is set.
class ObservationWriter {
public:
    ObservationWriter(sqlite3* db, bool replace)
        : replace_(replace),
          stored_(db, "SELECT value, is_sample, text FROM observation WHERE plan_id = ? AND indicator_id = ? "
                      "AND fiscal_year = ? AND source = ? AND as_of = ? AND origin = 'csv'"),
          insert_(db, records::observation, {"origin"}),
          update_(db, records::observation, {"value", "is_sample", "text"},
                  {"plan_id", "indicator_id", "fiscal_year", "source", "as_of", "origin"}) {}

    // A problem message, or nothing when the row was written (or already there).
    // Rows are keyed by source and as_of too: another source or date for the
    // same year is a revision, kept beside the others (kpi_history.hpp).
    std::optional<std::string> write(const Observation& o, CsvFileImport& counts) {
        stored_.bind_all(o.plan_id, o.indicator_id, o.fiscal_year, o.source, o.as_of);
        if (!stored_.step()) {
            stored_.reset();
            insert_.run(o, to_string(ObservationOrigin::csv));
            ++counts.added;
            return std::nullopt;
        }
        const std::optional<double> value = stored_.optional_real(0);
        const bool is_sample = stored_.integer(1) != 0;
        const std::string text = stored_.text(2);
        stored_.reset();
        // A text result is NaN here and NULL there (no optional<double> compare: g++ 12 warns on it).
        const bool same_value = value ? !std::isnan(o.value) && *value == o.value : std::isnan(o.value);
        if (same_value && is_sample == o.is_sample && text == o.text) {
            ++counts.unchanged;
            return std::nullopt;
        }
        if (!replace_)
            return "FY" + std::to_string(o.fiscal_year) + " of " + o.plan_id + "/" + o.indicator_id + " from source '" + o.source +
                   "'" + (o.as_of.empty() ? "" : " as of " + o.as_of) + " is already stored from an earlier CSV import (" +
                   (value ? csv_number(*value) : "'" + text + "'") +
                   "); to change stored results, import with --replace, or give the new result its as_of date";
        Observation row = o;
        row.origin = ObservationOrigin::csv;
        update_.run(row);
        ++counts.replaced;
        return std::nullopt;
    }

private:
    bool replace_;
    sql::Statement stored_;
    records::RowInsert<decltype(records::observation)> insert_;
    records::RowUpdate<decltype(records::observation)> update_;
};

struct ImportState {
    ObservationChecker& checker;
    SeenKeys& seen;
    ObservationWriter& writer;
    Problems& problems;
    const std::vector<CsvInput>& files;
};

std::string where(const std::vector<CsvInput>& files, std::size_t file, std::size_t this_file, int line) {
    return (file == this_file ? "line " : files[file].name + ":") + std::to_string(line);
}

// Reads one file's rows, checking each and writing it while no problem has
// turned up anywhere; problems go to `state.problems`.
CsvFileImport import_file(ImportState& state, std::size_t index, CsvReader& reader) {
    const std::string& file_name = state.files[index].name;
    CsvFileImport counts;
    auto error = [&](int line, const std::string& message) {
        state.problems.add(file_name + ":" + std::to_string(line) + ": " + message);
    };
    std::optional<CsvRow> header = reader.next();
    counts.encoding = reader.encoding();
    if (!header) {
        state.problems.add(file_name + ": the file is empty (expected a header: plan_id,indicator_id,fiscal_year,value,source[,sample])");
        return counts;
    }
    std::vector<std::string> columns;
    for (const auto& h : header->fields) columns.push_back(trim(h));
    // After the five required columns, the optional ones in any order, each once.
    int sample_column = -1, as_of_column = -1, text_column = -1;
    bool header_ok = columns.size() >= required_columns.size() &&
                     std::equal(required_columns.begin(), required_columns.end(), columns.begin());
    for (std::size_t c = required_columns.size(); header_ok && c < columns.size(); ++c) {
        int* slot = columns[c] == "sample" ? &sample_column : columns[c] == "as_of" ? &as_of_column
                    : columns[c] == "text"  ? &text_column : nullptr;
        if (!slot || *slot >= 0) header_ok = false;
        else *slot = static_cast<int>(c);
    }
    if (!header_ok) {
        error(header->line, "the header must be plan_id,indicator_id,fiscal_year,value,source then optional sample, as_of, text");
        return counts;
    }
    const bool has_sample = sample_column >= 0;
    while (std::optional<CsvRow> row = reader.next()) {
        counts.encoding = reader.encoding();
        if (row->fields.size() != columns.size()) {
            error(row->line, "expected " + std::to_string(columns.size()) + " fields, found " + std::to_string(row->fields.size()));
            continue;
        }
        bool control = false;
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (auto problem = control_character_problem(trim(row->fields[c]), TextKind::one_line)) {
                error(row->line, columns[c] + " " + *problem);
                control = true;
            }
        if (control) continue;
        Observation o;
        o.plan_id = trim(row->fields[0]);
        o.indicator_id = trim(row->fields[1]);
        o.source = trim(row->fields[4]);
        o.origin = ObservationOrigin::csv;
        if (as_of_column >= 0) o.as_of = trim(row->fields[static_cast<std::size_t>(as_of_column)]);
        if (text_column >= 0) o.text = trim(row->fields[static_cast<std::size_t>(text_column)]);
        bool ok = true;
        for (const std::string& problem : state.checker.check(o, row->fields[2], row->fields[3])) {
            error(row->line, problem);
            ok = false;
        }
        if (has_sample) {
            if (auto flag = parse_flag(trim(row->fields[static_cast<std::size_t>(sample_column)]))) o.is_sample = *flag;
            else error(row->line, "sample must be 0/1, true/false or yes/no"), ok = false;
        }
        if (!o.as_of.empty() && !valid_iso_date(o.as_of))
            error(row->line, "as_of '" + o.as_of + "' is not a date (YYYY-MM-DD, e.g. 2025-06-30)"), ok = false;
        if (!ok) continue;
        if (auto first = state.seen.earlier(o, index, row->line)) {
            error(row->line, "the same plan, indicator, fiscal year, source and as_of (" + o.plan_id + ", " + o.indicator_id +
                                 ", FY" + std::to_string(o.fiscal_year) + ", '" + o.source + "'" +
                                 (o.as_of.empty() ? "" : ", " + o.as_of) + ") as " +
                                 where(state.files, first->first, index, first->second) +
                                 ": one value per source and as_of (another source or as_of date is a revision)");
            continue;
        }
        if (state.problems.any()) continue;  // nothing will be stored: only look for more problems
        if (auto problem = state.writer.write(o, counts)) error(row->line, *problem);
    }
    return counts;
}

}  // namespace

std::vector<CsvFileImport> import_observations_csv(Store& store, const std::vector<CsvInput>& files, bool replace) {
    sqlite3* db = store.handle();
    Problems problems;
    std::vector<CsvFileImport> results;
    try {
        sql::Transaction tx(db);  // every file or none
        ObservationChecker checker(db);
        SeenKeys seen(db);
        ObservationWriter writer(db, replace);
        ImportState state{checker, seen, writer, problems, files};
        for (std::size_t i = 0; i < files.size(); ++i) {
            const CsvInput& file = files[i];
            std::ifstream in;
            std::istringstream text;
            if (!file.path.empty()) {
                in.open(file.path, std::ios::binary);
                if (!in) throw Error(file.path.string() + ": cannot open the file");
            } else {
                text.str(file.text);
            }
            CsvReader reader(file.path.empty() ? static_cast<std::istream&>(text) : in, file.name);
            try {
                results.push_back(import_file(state, i, reader));
            } catch (const Error& e) {  // the file cannot be read on: its encoding or quoting is broken
                problems.add(e.what());
                results.push_back({reader.encoding()});
            }
            if (in.bad()) throw Error(file.path.string() + ": read error");
        }
        if (problems.any()) throw Error(problems.text());
        tx.commit();
    } catch (const Error& e) {
        if (problems.any()) throw;
        throw Error(store.path().string() + ": " + e.what() + "; nothing was imported");
    }
    return results;
}

std::int64_t add_user_observation(Store& store, const std::string& plan_id, const std::string& indicator_id,
                                  std::string_view fiscal_year, std::string_view value, std::string_view source) {
    Observation o;
    o.plan_id = plan_id;
    o.indicator_id = indicator_id;
    o.source = trim(source);
    o.origin = ObservationOrigin::user;
    ObservationChecker checker(store.handle());
    std::vector<std::string> problems;
    for (auto [what, text] : {std::pair<const char*, std::string_view>{"the fiscal year", fiscal_year},
                              {"the value", value}, {"the source", source}})
        if (auto control = control_character_problem(text, TextKind::one_line)) problems.push_back(what + (" " + *control));
    if (problems.empty()) problems = checker.check(o, fiscal_year, value);
    if (!problems.empty()) {
        std::string message;
        for (const auto& p : problems) message += (message.empty() ? "" : "; ") + p;
        throw Error(message);
    }
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    sql::Statement existing(db, "SELECT value FROM observation WHERE plan_id = ? AND indicator_id = ? AND fiscal_year = ? "
                                "AND origin = 'user'");
    existing.bind_all(o.plan_id, o.indicator_id, o.fiscal_year);
    if (existing.step())
        throw Error("a value for FY" + std::to_string(o.fiscal_year) + " was already entered (" +
                    format_value(existing.real(0)) + "); undo it first");
    // Typed in: never sample data, origin user.
    records::RowInsert insert(db, records::observation, {"is_sample", "origin"});
    insert.run(o, false, to_string(ObservationOrigin::user));
    const std::int64_t id = sqlite3_last_insert_rowid(db);
    tx.commit();
    return id;
}

bool delete_user_observation(Store& store, std::int64_t id) {
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    sql::Statement remove(db, "DELETE FROM observation WHERE id = ? AND origin = 'user'");
    remove.bind_all(id).run();
    const bool removed = sqlite3_changes(db) > 0;
    tx.commit();
    return removed;
}

std::size_t import_observations_csv(Store& store, std::string_view csv_text, const std::string& file_name) {
    const CsvFileImport result = import_observations_csv(store, {CsvInput{file_name, std::string(csv_text), {}}}).front();
    return result.added + result.replaced;
}

std::string observations_to_csv(const std::vector<Observation>& observations) {
    CsvWriter csv({"plan_id", "indicator_id", "fiscal_year", "value", "source", "sample", "as_of", "text"});
    for (const Observation& o : observations)
        csv.row({o.plan_id, o.indicator_id, std::to_string(o.fiscal_year), std::isnan(o.value) ? "" : csv_number(o.value),
                 o.source, o.is_sample ? "1" : "0", o.as_of, o.text});
    return csv.take();
}

}  // namespace wardscope
