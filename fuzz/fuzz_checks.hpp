// What the fuzz targets check, shared with tests/core/fuzz_regressions_test.cpp
// so that every input the fuzzers found stays a regression test.
//
// Each check returns an empty string when the input was handled correctly (a
// clear error counts as correct), or what went wrong. Exceptions other than
// wardscope::Error are left to escape: libFuzzer and doctest both report them.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <sqlite3.h>

#include "wardscope/csv.hpp"
#include "wardscope/error.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"

#ifndef WARDSCOPE_SOURCE_DIR
#error "WARDSCOPE_SOURCE_DIR must name the source tree"
#endif

namespace wardscope::fuzz {

inline std::filesystem::path source_dir() { return WARDSCOPE_SOURCE_DIR; }

inline const Taxonomy& taxonomy() {
    static const Taxonomy t = read_taxonomy(source_dir() / "data" / "themes.json", source_dir() / "data" / "actors.json");
    return t;
}

inline void exec(Store& store, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(store.handle(), sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : "?";
        sqlite3_free(message);
        throw Error(std::string("fuzz harness: ") + sql + ": " + text);
    }
}

inline long long count(Store& store, const char* sql) {
    sqlite3_stmt* st = nullptr;
    long long n = -1;
    if (sqlite3_prepare_v2(store.handle(), sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

// An in-memory database with the taxonomy and no plans.
inline Store& plan_store() {
    static Store store = [] {
        Store s = Store::open(":memory:", OpenMode::create);
        import_plans(s, taxonomy(), {});
        return s;
    }();
    return store;
}

// An in-memory database holding the one plan of fuzz/corpus/plan/minimal.json
// (plan "test-plan", indicator "kpi1").
inline Store& csv_store() {
    static Store store = [] {
        Store s = Store::open(":memory:", OpenMode::create);
        const auto parsed = read_plan_file(source_dir() / "fuzz" / "corpus" / "plan" / "minimal.json", taxonomy());
        if (!parsed.ok()) throw Error("fuzz harness: minimal.json: " + parsed.problems.front().to_string());
        import_plans(s, taxonomy(), {parsed.plan_file});
        return s;
    }();
    return store;
}

// Observations in a stable order: the database returns them sorted.
inline PlanFile sorted_observations(PlanFile pf) {
    std::stable_sort(pf.observations.begin(), pf.observations.end(), [](const Observation& a, const Observation& b) {
        return a.indicator_id != b.indicator_id ? a.indicator_id < b.indicator_id : a.fiscal_year < b.fiscal_year;
    });
    return pf;
}

// Plan files: the validator never crashes or hangs; every problem has a
// pointer and a message; a valid plan survives plan → JSON → plan unchanged,
// imports, and comes back out of the database unchanged.
inline std::string check_plan_file(std::string_view text) {
    const ParseResult result = parse_plan_file(text, "fuzz.json", taxonomy());
    for (const Problem& p : result.problems) {
        if (p.message.empty()) return "a problem without a message at " + p.pointer;
        if (p.pointer.empty() || p.pointer[0] != '/') return "a problem without a JSON pointer: " + p.to_string();
    }
    if (!result.ok()) return {};

    const std::string once = to_json_text(result.plan_file);
    const ParseResult again = parse_plan_file(once, "again.json", taxonomy());
    if (!again.ok()) return "the plan written back does not validate: " + again.problems.front().to_string() + "\n" + once;
    const std::string twice = to_json_text(again.plan_file);
    if (twice != once) return "plan → JSON → plan changes the plan:\n" + once + "\n---\n" + twice;

    Store& store = plan_store();
    std::string failure;
    try {
        import_plans(store, taxonomy(), {result.plan_file});
        const auto exported = export_plan_files(load_dataset(store));
        if (exported.size() != 1) {
            failure = "the database holds " + std::to_string(exported.size()) + " plans after importing one";
        } else {
            const std::string in = to_json_text(sorted_observations(result.plan_file));
            const std::string out = to_json_text(sorted_observations(exported.front()));
            if (in != out) failure = "JSON → database → JSON changes the plan:\n" + in + "\n---\n" + out;
        }
    } catch (const Error& e) {
        failure = std::string("a plan the validator accepts fails to import: ") + e.what();
    }
    exec(store, "DELETE FROM observation; DELETE FROM plan; DELETE FROM municipality;");
    return failure;
}

// KPI CSV: the parser never crashes; rows survive csv_line → parse_csv; the
// import is all or nothing.
inline std::string check_kpi_csv(std::string_view text) {
    std::vector<CsvRow> rows;
    try {
        rows = parse_csv(text, "fuzz.csv");
    } catch (const Error& e) {
        if (std::string_view(e.what()).substr(0, 9) != "fuzz.csv:") return std::string("an error without the file name: ") + e.what();
    }
    int previous_line = 0;
    std::string rewritten = "h\n";  // so a leading BOM in a field is not taken for the file's BOM
    std::vector<const CsvRow*> kept;
    for (const CsvRow& row : rows) {
        if (row.line <= previous_line) return "row lines do not increase at line " + std::to_string(row.line);
        previous_line = row.line;
        if (row.fields.size() == 1 && row.fields[0].empty()) continue;  // csv_line writes it as an empty line
        rewritten += csv_line(row.fields);
        kept.push_back(&row);
    }
    if (!rows.empty()) {
        const auto reparsed = parse_csv(rewritten, "rewritten.csv");
        if (reparsed.size() != kept.size() + 1) return "csv_line → parse_csv changes the number of rows";
        for (std::size_t i = 0; i < kept.size(); ++i)
            if (reparsed[i + 1].fields != kept[i]->fields)
                return "csv_line → parse_csv changes the row at line " + std::to_string(kept[i]->line);
    }

    Store& store = csv_store();
    const char* csv_rows = "SELECT count(*) FROM observation WHERE origin = 'csv'";
    std::string failure;
    try {
        const std::size_t imported = import_observations_csv(store, text, "fuzz.csv");
        const long long stored = count(store, csv_rows);
        if (stored < 0 || static_cast<std::size_t>(stored) > imported || (imported > 0 && stored == 0))
            failure = "imported " + std::to_string(imported) + " rows but the database holds " + std::to_string(stored);
    } catch (const Error& e) {
        const std::string message = e.what();
        if (message.empty()) failure = "an empty error message";
        else if (count(store, csv_rows) != 0) failure = "a failed import left rows behind: " + message;
    }
    exec(store, "DELETE FROM observation WHERE origin = 'csv'");
    if (count(store, "SELECT count(*) FROM observation WHERE origin = 'plan_file'") != 1)
        failure += "the plan's own observation was touched";
    return failure;
}

}  // namespace wardscope::fuzz
