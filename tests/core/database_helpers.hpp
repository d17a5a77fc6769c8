// Helpers for the tests that damage or plant things in database files
// (store_reliability_test.cpp, untrusted_database_test.cpp).
#pragma once

#include <string>

#include <doctest/doctest.h>
#include <sqlite3.h>

#include "test_support.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"

namespace wardscope::test {

inline PlanFile minimal_plan(const std::string& id = "test-plan") {
    auto result = parse_plan_file(minimal_plan_json(id), "plan.json", bundled_taxonomy());
    REQUIRE(result.ok());
    return result.plan_file;
}

// A database holding the minimal plan.
inline std::filesystem::path minimal_database(const TempDir& dir, const std::string& name = "w.db") {
    Store store = Store::open(dir / name, OpenMode::create);
    import_plans(store, bundled_taxonomy(), {minimal_plan()});
    return dir / name;
}

// What schema version 5 added, taken back with every older row kept
// (tests/data/version-5-down.sql, shared with tests/cli/damaged_databases.sh).
inline std::string version_5_down_sql() { return read_file(source_dir() / "tests" / "data" / "version-5-down.sql"); }
// A database of the current schema (5) made one of schema version 4.
inline std::string down_to_version_4_sql() { return version_5_down_sql() + "PRAGMA user_version = 4;"; }
// What schema versions 5 and 4 added, taken back with every older row kept
// (tests/data/version-5-down.sql, then version-4-down.sql): a current database made one of version 3.
inline std::string version_4_down_sql() {
    return version_5_down_sql() + read_file(source_dir() / "tests" / "data" / "version-4-down.sql");
}
// A database of the current schema (5) made one of schema version 3.
inline std::string down_to_version_3_sql() { return version_4_down_sql() + "PRAGMA user_version = 3;"; }

// Through SQLite directly, as another program would (no defensive settings).
inline void run_sql(const std::filesystem::path& path, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    const std::string text = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    REQUIRE_MESSAGE(rc == SQLITE_OK, text);
}
inline void run_sql(const std::filesystem::path& path, const std::string& sql) { run_sql(path, sql.c_str()); }

// The CREATE statement SQLite keeps for the table `name` ("" when there is none).
inline std::string create_statement(sqlite3* db, const char* name) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE name = ?", -1, &st, nullptr) == SQLITE_OK);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    std::string out = sqlite3_step(st) == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "";
    sqlite3_finalize(st);
    return out;
}

// Store::open's message, or "(opened)".
inline std::string open_error(const std::filesystem::path& path, OpenMode mode) {
    try {
        Store::open(path, mode);
    } catch (const Error& e) {
        return e.what();
    }
    return "(opened)";
}

}  // namespace wardscope::test
