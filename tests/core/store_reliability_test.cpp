// Damaged, foreign, older and newer databases at the library level (issue #6);
// tests/cli/ runs the same faults through the `wardscope` binary.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"
#include "wardscope/workshop.hpp"

using namespace wardscope;
using test::minimal_plan;
using test::open_error;
using test::run_sql;
namespace fs = std::filesystem;

namespace {


std::int64_t pragma(const Store& store, const char* sql) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(store.handle(), sql, -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    const std::int64_t value = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return value;
}

}  // namespace

TEST_CASE("a new database carries the schema version and wardscope's application id") {
    test::TempDir dir;
    Store store = Store::open(test::minimal_database(dir), OpenMode::read_only);
    CHECK(pragma(store, "PRAGMA user_version") == schema_version);
    CHECK(pragma(store, "PRAGMA application_id") == application_id);
    CHECK_FALSE(store.upgrade().has_value());
}

TEST_CASE("a truncated database is named truncated and left as it is") {
    test::TempDir dir;
    const std::string bytes = test::read_file(test::minimal_database(dir));
    REQUIRE(bytes.size() > 3 * 4096);
    for (std::size_t size : {std::size_t{50}, std::size_t{4096}, bytes.size() / 2, bytes.size() - 1}) {
        CAPTURE(size);
        test::write_file(dir / "cut.db", bytes.substr(0, size));
        for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write, OpenMode::create})
            CHECK(open_error(dir / "cut.db", mode).find("truncated") != std::string::npos);
        CHECK(test::read_file(dir / "cut.db") == bytes.substr(0, size));
    }
}

TEST_CASE("a SQLite file of another program is refused by its application id") {
    test::TempDir dir;
    const fs::path path = test::minimal_database(dir);
    run_sql(path, "PRAGMA application_id = 42");
    const std::string bytes = test::read_file(path);
    CHECK(open_error(path, OpenMode::create).find("another program (application id 42)") != std::string::npos);
    CHECK(test::read_file(path) == bytes);
}

TEST_CASE("a version 1 database is upgraded in one step after a backup copy") {
    test::TempDir dir;
    const fs::path path = test::minimal_database(dir);
    // Version 1 is version 4 without its columns and the diff-decision table, the workshop tables and the application id.
    run_sql(path, test::version_4_down_sql() + "DROP TABLE annotation; DROP TABLE slide; PRAGMA application_id = 0; PRAGMA user_version = 1");
    const std::string v1_bytes = test::read_file(path);

    {  // Read-only opens read it as it is and write nothing.
        Store store = Store::open(path, OpenMode::read_only);
        CHECK(load_dataset(store).plans.size() == 1);
        CHECK(store.user_version() == 1);
        CHECK_FALSE(store.upgrade().has_value());
    }
    CHECK(test::read_file(path) == v1_bytes);
    CHECK_FALSE(fs::exists(dir / "w.db.v1-backup"));

    test::write_file(dir / "w.db.v1-backup", "someone's file");  // never overwritten
    {
        Store store = Store::open(path, OpenMode::read_write);
        REQUIRE(store.upgrade().has_value());
        CHECK(store.upgrade()->from_version == 1);
        CHECK(store.upgrade()->backup == dir / "w.db.v1-backup-2");
        CHECK(store.user_version() == schema_version);
        CHECK(pragma(store, "PRAGMA application_id") == application_id);
        CHECK(load_dataset(store).plans.size() == 1);
        CHECK(load_annotations(store).empty());
        set_annotation(store, {"test-plan", ItemKind::swot, "s1"}, "議論する", 4);  // the version 3 tables are there
        CHECK(load_annotations(store).size() == 1);
    }
    CHECK(test::read_file(dir / "w.db.v1-backup") == "someone's file");
    {
        Store backup = Store::open(dir / "w.db.v1-backup-2", OpenMode::read_only);
        CHECK(backup.user_version() == 1);
        CHECK(pragma(backup, "PRAGMA application_id") == 0);
        const Dataset data = load_dataset(backup);
        REQUIRE(data.plans.size() == 1);
        CHECK(data.plans[0].id == "test-plan");
    }
    {  // Once is enough.
        Store again = Store::open(path, OpenMode::read_write);
        CHECK_FALSE(again.upgrade().has_value());
    }
}

TEST_CASE("a version 2 database gets the workshop tables, and read-only opens show none and write nothing") {
    test::TempDir dir;
    const fs::path path = test::minimal_database(dir);
    run_sql(path, test::version_4_down_sql() + "DROP TABLE annotation; DROP TABLE slide; PRAGMA user_version = 2");
    const std::string v2_bytes = test::read_file(path);
    {
        Store store = Store::open(path, OpenMode::read_only);
        CHECK(load_annotations(store).empty());
        CHECK(load_slides(store).empty());
    }
    CHECK(test::read_file(path) == v2_bytes);
    {
        Store store = Store::open(path, OpenMode::read_write);
        REQUIRE(store.upgrade().has_value());
        CHECK(store.upgrade()->from_version == 2);
        CHECK(store.upgrade()->backup == dir / "w.db.v2-backup");
        CHECK(store.user_version() == schema_version);
        add_slide(store, "スライド1", SlideState{});
        CHECK(load_slides(store).size() == 1);
    }
}

TEST_CASE("a write-locked database: reads go on, writes fail with a clear message and change nothing") {
    test::TempDir dir;
    const fs::path path = test::minimal_database(dir);
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE; DELETE FROM observation", nullptr, nullptr, nullptr) == SQLITE_OK);
    const std::string bytes = test::read_file(path);
    {
        Store reader = Store::open(path, OpenMode::read_only);
        CHECK(load_dataset(reader).observations.size() == 1);  // the other writer's change is not visible
        Store writer = Store::open(path, OpenMode::read_write);
        try {
            import_plans(writer, test::bundled_taxonomy(), {minimal_plan("second")});
            FAIL("the import went through a write lock");
        } catch (const Error& e) {
            CHECK(std::string(e.what()).find("locked by another program") != std::string::npos);
            CHECK(std::string(e.what()).find("nothing was imported") != std::string::npos);
        }
        try {
            import_observations_csv(writer, "plan_id,indicator_id,fiscal_year,value,source\ntest-plan,kpi1,2027,3,x\n", "a.csv");
            FAIL("the CSV import went through a write lock");
        } catch (const Error& e) {
            CHECK(std::string(e.what()).find("locked by another program") != std::string::npos);
        }
    }
    CHECK(test::read_file(path) == bytes);
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
}

TEST_CASE("several KPI CSV files import together or not at all") {
    test::TempDir dir;
    Store store = Store::open(test::minimal_database(dir), OpenMode::read_write);
    const std::string header = "plan_id,indicator_id,fiscal_year,value,source\n";
    const std::vector<CsvInput> files = {{"good.csv", header + "test-plan,kpi1,2027,20,調査\n", {}},
                                         {"bad.csv", header + "test-plan,kpi9,2028,21,調査\n", {}}};
    try {
        import_observations_csv(store, files);
        FAIL("a bad file was accepted");
    } catch (const Error& e) {
        const std::string message = e.what();
        CHECK(message == "bad.csv:2: plan 'test-plan' has no indicator 'kpi9'\nnothing was imported");
    }
    CHECK(load_dataset(store).observations.size() == 1);  // the plan file's own
    const auto counts = import_observations_csv(store, {files[0], {"more.csv", header + "test-plan,kpi1,2028,25,調査\n", {}}});
    REQUIRE(counts.size() == 2);
    CHECK(counts[0].added == 1);
    CHECK(counts[1].added == 1);
    CHECK(load_dataset(store).observations.size() == 3);
}

// The hot-journal cases (refused, then `recover`) are in untrusted_database_test.cpp.

TEST_CASE("a version 3 database gets version 4 (short headings, slide notes, diff decisions) and keeps every user row") {
    test::TempDir dir;
    const fs::path path = test::minimal_database(dir);
    const ItemRef item{"test-plan", ItemKind::swot, "s1"};
    {
        Store store = Store::open(path, OpenMode::read_write);
        set_annotation(store, item, "墨田区と比べる", 4);
        add_slide(store, "スライド1", SlideState{});
        add_user_observation(store, "test-plan", "kpi1", "2027", "15", "区の集計");
    }
    // Version 3: no short headings, no slide notes, no diff decisions (docs/schema.md).
    run_sql(path, test::down_to_version_3_sql());
    const std::string v3_bytes = test::read_file(path);
    {  // Read as it is: the labels, no short headings, nothing written.
        Store store = Store::open(path, OpenMode::read_only);
        const Dataset data = load_dataset(store);
        REQUIRE(data.taxonomy.find_theme("network") != nullptr);
        CHECK(data.taxonomy.find_theme("network")->label_ja == "連携・ネットワーク");
        CHECK(data.taxonomy.find_theme("network")->short_ja.empty());
    }
    CHECK(test::read_file(path) == v3_bytes);
    {
        Store store = Store::open(path, OpenMode::read_write);
        REQUIRE(store.upgrade().has_value());
        CHECK(store.upgrade()->from_version == 3);
        CHECK(store.upgrade()->backup == dir / "w.db.v3-backup");
        CHECK(store.user_version() == schema_version);
        // The user's rows are all there.
        const auto notes = load_annotations(store);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].note == "墨田区と比べる");
        CHECK(notes[0].vote == 4);
        REQUIRE(load_slides(store).size() == 1);
        CHECK(load_slides(store)[0].name == "スライド1");
        CHECK(load_slides(store)[0].notes.empty());
        sqlite3_stmt* table = nullptr;  // the diff decisions' table is there, empty
        REQUIRE(sqlite3_prepare_v2(store.handle(), "SELECT count(*) FROM measure_match", -1, &table, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(table) == SQLITE_ROW);
        CHECK(sqlite3_column_int(table, 0) == 0);
        sqlite3_finalize(table);
        std::size_t user_values = 0;
        for (const Observation& o : load_dataset(store).observations)
            if (o.origin == ObservationOrigin::user) {
                ++user_values;
                CHECK(o.value == 15);
            }
        CHECK(user_values == 1);
        // The next import fills the headings from themes.json.
        CHECK(load_dataset(store).taxonomy.find_theme("network")->short_ja.empty());
        import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
        const Dataset imported = load_dataset(store);  // kept: `network` points into it
        const Theme* network = imported.taxonomy.find_theme("network");
        REQUIRE(network != nullptr);
        CHECK(network->short_ja == "連携");
        CHECK(network->short_en == "Networks");
        CHECK(load_annotations(store).size() == 1);
    }
    {  // The upgraded file is one wardscope accepts as its own.
        Store again = Store::open(path, OpenMode::read_only);
        CHECK_FALSE(again.upgrade().has_value());
        CHECK(load_slides(again).size() == 1);
    }
}
