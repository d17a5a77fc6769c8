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

// What plan format 2 added to version 4, taken back (rows kept): the
// version-4 tables dropped, node as versions 1-3 created it, plan without
// measure_level. Part of down_to_version_3_sql.
#define WARDSCOPE_TEST_PLAN_FORMAT2_DOWN \
    "CREATE TABLE node_copy AS SELECT plan_id, id, ord, parent_id, level, label, name, name_en, description, is_new,\n" \
    "  source_file, source_section, source_url FROM node;\n" \
    "DROP TABLE node_also_under;\n" \
    "DROP TABLE plan_level;\n" \
    "DROP TABLE node;\n" \
    "CREATE TABLE node (\n" \
    "  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,\n" \
    "  id TEXT NOT NULL,\n" \
    "  ord INTEGER NOT NULL,\n" \
    "  parent_id TEXT,\n" \
    "  level TEXT NOT NULL CHECK (level IN ('pillar', 'strategy', 'policy', 'measure')),\n" \
    "  label TEXT NOT NULL DEFAULT '',\n" \
    "  name TEXT NOT NULL,\n" \
    "  name_en TEXT NOT NULL DEFAULT '',\n" \
    "  description TEXT NOT NULL DEFAULT '',\n" \
    "  is_new INTEGER NOT NULL DEFAULT 0,\n" \
    "  source_file TEXT NOT NULL DEFAULT '',\n" \
    "  source_section TEXT NOT NULL DEFAULT '',\n" \
    "  source_url TEXT NOT NULL DEFAULT '',\n" \
    "  PRIMARY KEY (plan_id, id)\n" \
    ");\n" \
    "CREATE INDEX node_by_parent ON node (plan_id, parent_id);\n" \
    "INSERT INTO node SELECT * FROM node_copy;\n" \
    "DROP TABLE node_copy;\n" \
    "ALTER TABLE plan DROP COLUMN measure_level;\n"
inline constexpr const char* plan_format2_down_to_3_sql = WARDSCOPE_TEST_PLAN_FORMAT2_DOWN;

// Turns a database of the current schema (4) into one of schema version 3:
// what version 4 added removed (docs/schema.md, "Versions").
inline constexpr const char* down_to_version_3_sql =
    "ALTER TABLE theme DROP COLUMN short_en; ALTER TABLE theme DROP COLUMN short_ja; "
    "ALTER TABLE slide DROP COLUMN notes; DROP TABLE measure_match; " WARDSCOPE_TEST_PLAN_FORMAT2_DOWN "PRAGMA user_version = 3";

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
