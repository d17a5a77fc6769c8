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

// Turns a database of the current schema into the layout of version 3 as
// released (before plan format 2), keeping its rows: the version-4 tables
// dropped, node as versions 1-3 created it, plan without measure_level.
// Then "DROP TABLE annotation …; PRAGMA user_version = 1" makes version 1.
inline const char* const as_version_3_sql = R"sql(
CREATE TABLE node_copy AS SELECT plan_id, id, ord, parent_id, level, label, name, name_en, description, is_new,
  source_file, source_section, source_url FROM node;
DROP TABLE node_also_under;
DROP TABLE plan_level;
DROP TABLE node;
CREATE TABLE node (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  parent_id TEXT,
  level TEXT NOT NULL CHECK (level IN ('pillar', 'strategy', 'policy', 'measure')),
  label TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  is_new INTEGER NOT NULL DEFAULT 0,
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, id)
);
CREATE INDEX node_by_parent ON node (plan_id, parent_id);
INSERT INTO node SELECT * FROM node_copy;
DROP TABLE node_copy;
ALTER TABLE plan DROP COLUMN measure_level;
PRAGMA user_version = 3;
)sql";

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
