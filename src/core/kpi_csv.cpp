// KPI observations in and out of CSV.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "sqlite_statement.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/era.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"

namespace wardscope {

namespace {

const std::vector<std::string> required_columns = {"plan_id", "indicator_id", "fiscal_year", "value", "source"};
constexpr std::size_t max_reported_errors = 50;

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::optional<double> parse_number(const std::string& text) {
    double value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
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
        if (auto year = parse_fiscal_year(trim(fiscal_year))) o.fiscal_year = *year;
        else problems.push_back("'" + std::string(fiscal_year) + "' is not a fiscal year (e.g. 2026, FY2026, 令和8年度, R8)");
        if (auto number = parse_number(trim(value))) o.value = *number;
        else problems.push_back("'" + std::string(value) + "' is not a number (leave unknown values out instead of writing 0)");
        if (o.source.empty()) problems.push_back("the source is empty: say where the value comes from");
        return problems;
    }

private:
    sql::Statement indicator_exists_, plan_exists_;
};

}  // namespace

namespace {

// Checks one file's rows; appends its observations, or its problems to `errors`.
void read_observations(Store& store, std::string_view csv_text, const std::string& file_name,
                       std::vector<Observation>& observations, std::vector<std::string>& errors) {
    std::vector<CsvRow> rows;
    try {
        rows = parse_csv(csv_text, file_name);
    } catch (const Error& e) {
        errors.push_back(e.what());
        return;
    }
    if (rows.empty()) {
        errors.push_back(file_name + ": the file is empty (expected a header: plan_id,indicator_id,fiscal_year,value,source[,sample])");
        return;
    }
    const auto& header = rows.front().fields;
    std::vector<std::string> columns;
    for (const auto& h : header) columns.push_back(trim(h));
    const bool has_sample = columns.size() == 6 && columns[5] == "sample";
    if (!(columns.size() == 5 || has_sample) || !std::equal(required_columns.begin(), required_columns.end(), columns.begin())) {
        errors.push_back(file_name + ":" + std::to_string(rows.front().line) +
                         ": the header must be plan_id,indicator_id,fiscal_year,value,source[,sample]");
        return;
    }

    ObservationChecker checker(store.handle());
    auto error = [&](int line, const std::string& message) {
        errors.push_back(file_name + ":" + std::to_string(line) + ": " + message);
    };
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        if (row.fields.size() != columns.size()) {
            error(row.line, "expected " + std::to_string(columns.size()) + " fields, found " + std::to_string(row.fields.size()));
            continue;
        }
        Observation o;
        o.plan_id = trim(row.fields[0]);
        o.indicator_id = trim(row.fields[1]);
        o.source = trim(row.fields[4]);
        o.origin = ObservationOrigin::csv;
        for (const std::string& problem : checker.check(o, row.fields[2], row.fields[3])) error(row.line, problem);
        if (has_sample) {
            if (auto flag = parse_flag(trim(row.fields[5]))) o.is_sample = *flag;
            else error(row.line, "sample must be 0/1, true/false or yes/no");
        }
        observations.push_back(std::move(o));
    }
}

}  // namespace

std::vector<std::size_t> import_observations_csv(Store& store, const std::vector<CsvInput>& files) {
    std::vector<std::string> errors;
    std::vector<Observation> observations;
    std::vector<std::size_t> counts;
    for (const CsvInput& file : files) {
        const std::size_t before = observations.size();
        read_observations(store, file.text, file.name, observations, errors);
        counts.push_back(observations.size() - before);
    }
    if (!errors.empty()) {
        std::ostringstream message;
        for (std::size_t i = 0; i < errors.size() && i < max_reported_errors; ++i) message << (i ? "\n" : "") << errors[i];
        if (errors.size() > max_reported_errors)
            message << "\n… and " << errors.size() - max_reported_errors << " more problems";
        message << "\nnothing was imported";
        throw Error(message.str());
    }
    sqlite3* db = store.handle();
    try {
        sql::Transaction tx(db);  // every file or none
        sql::Statement upsert(db,
                              "INSERT INTO observation (plan_id, indicator_id, fiscal_year, value, source, is_sample, origin) "
                              "VALUES (?, ?, ?, ?, ?, ?, 'csv') ON CONFLICT (plan_id, indicator_id, fiscal_year, origin) "
                              "DO UPDATE SET value = excluded.value, source = excluded.source, is_sample = excluded.is_sample");
        for (const Observation& o : observations)
            upsert.bind_all(o.plan_id, o.indicator_id, o.fiscal_year, o.value, o.source, o.is_sample).run();
        tx.commit();
    } catch (const Error& e) {
        throw Error(store.path().string() + ": " + e.what() + "; nothing was imported");
    }
    return counts;
}

std::int64_t add_user_observation(Store& store, const std::string& plan_id, const std::string& indicator_id,
                                  std::string_view fiscal_year, std::string_view value, std::string_view source) {
    Observation o;
    o.plan_id = plan_id;
    o.indicator_id = indicator_id;
    o.source = trim(source);
    o.origin = ObservationOrigin::user;
    ObservationChecker checker(store.handle());
    std::vector<std::string> problems = checker.check(o, fiscal_year, value);
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
    sql::Statement insert(db, "INSERT INTO observation (plan_id, indicator_id, fiscal_year, value, source, is_sample, origin) "
                              "VALUES (?, ?, ?, ?, ?, 0, 'user')");
    insert.bind_all(o.plan_id, o.indicator_id, o.fiscal_year, o.value, o.source).run();
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
    return import_observations_csv(store, {CsvInput{file_name, std::string(csv_text)}}).front();
}

std::string observations_to_csv(const std::vector<Observation>& observations) {
    std::string out = csv_line({"plan_id", "indicator_id", "fiscal_year", "value", "source", "sample"});
    for (const Observation& o : observations) {
        std::ostringstream value;
        value.precision(15);
        value << o.value;
        out += csv_line({o.plan_id, o.indicator_id, std::to_string(o.fiscal_year), value.str(), o.source, o.is_sample ? "1" : "0"});
    }
    return out;
}

}  // namespace wardscope
