// A database file is untrusted input (issue #12): planted triggers, views and
// indexes are refused before anything is read or written; values of the wrong
// type are errors naming the row; a hot journal is reported by every open and
// rolled back only by `recover`, never replayed from another file.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/error.hpp"
#include "wardscope/recover.hpp"
#include "wardscope/store.hpp"
#include "wardscope/workshop.hpp"

using namespace wardscope;
using test::open_error;
using test::run_sql;
namespace fs = std::filesystem;

namespace {

// A database with the minimal plan, a note, a vote and a slide.
fs::path make_database(const test::TempDir& dir, const std::string& name = "w.db") {
    Store store = Store::open(test::minimal_database(dir, name), OpenMode::read_write);
    const Dataset data = load_dataset(store);
    REQUIRE(!data.plans.front().nodes.empty());
    set_annotation(store, {"test-plan", ItemKind::node, data.plans.front().nodes.front().id}, "メモ", 4);
    add_slide(store, "スライド", SlideState{});
    return dir / name;
}

// A copy of `path` with `sql` run on it by another program.
fs::path changed_copy(const test::TempDir& dir, const fs::path& path, const std::string& name, const std::string& sql) {
    const fs::path copy = dir / name;
    fs::copy_file(path, copy);
    run_sql(copy, sql.c_str());
    return copy;
}

// An SQL change and the message it must give.
struct Case {
    const char* sql;
    const char* message;
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Leaves a hot journal beside `path` as a writer killed mid-transaction does:
// the journal holds the original pages, the file already some changed ones.
void leave_hot_journal(const fs::path& path) {
    const fs::path journal_path = fs::path(path) += "-journal";
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "PRAGMA cache_size = 1; BEGIN IMMEDIATE; DELETE FROM node; DELETE FROM plan; DELETE FROM annotation;",
                 nullptr, nullptr, nullptr);
    const std::string journal = test::read_file(journal_path);
    const std::string changed = test::read_file(path);
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(!journal.empty());
    test::write_file(journal_path, journal);
    test::write_file(path, changed);
}

}  // namespace

TEST_CASE("planted triggers are refused before import, KPI import or a note save writes anything") {
    test::TempDir dir;
    const fs::path path = make_database(dir);
    // Issue #12, fault 5: each deleted every note and slide and rewrote the plan titles.
    const char* payload = "BEGIN DELETE FROM annotation; DELETE FROM slide; UPDATE plan SET title = 'pwned'; END";
    const std::string table_for[] = {"plan", "observation", "annotation"};
    for (const std::string& table : table_for) {
        CAPTURE(table);
        const fs::path copy =
            changed_copy(dir, path, "t-" + table + ".db", "CREATE TRIGGER planted AFTER INSERT ON " + table + " " + payload);
        const std::string bytes = test::read_file(copy);
        for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write, OpenMode::create}) {
            const std::string message = open_error(copy, mode);
            CHECK(contains(message, "it holds a trigger 'planted' on '" + table + "' that wardscope does not create"));
            CHECK(contains(message, "Nothing was read or written"));
        }
        CHECK(test::read_file(copy) == bytes);
        CHECK_FALSE(fs::exists(fs::path(copy) += "-journal"));
    }
}

TEST_CASE("a planted view, an extra index or a changed table is refused, naming it") {
    test::TempDir dir;
    const fs::path path = make_database(dir);
    const Case cases[] = {
        {"CREATE VIEW everything AS SELECT * FROM plan", "it holds a view 'everything' on 'everything' that wardscope does not create"},
        {"CREATE INDEX extra ON plan (title)", "it holds an index 'extra' on 'plan' that wardscope does not create"},
        {"DROP INDEX node_theme_by_theme", "its index 'node_theme_by_theme' is missing"},
        {"CREATE TABLE extra_table (x)", "it holds a table 'extra_table' that wardscope does not create"},
        {"ALTER TABLE slide ADD COLUMN secret TEXT DEFAULT 'x'", "its table 'slide' differs from wardscope's definition"},
    };
    int n = 0;
    for (const Case& c : cases) {
        CAPTURE(c.sql);
        const fs::path copy = changed_copy(dir, path, "c" + std::to_string(++n) + ".db", c.sql);
        const std::string bytes = test::read_file(copy);
        for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write}) CHECK(contains(open_error(copy, mode), c.message));
        CHECK(test::read_file(copy) == bytes);
    }
}

TEST_CASE("a database in WAL mode is refused before SQLite could replay a -wal file beside it") {
    test::TempDir dir;
    const fs::path path = make_database(dir);
    run_sql(path, "PRAGMA journal_mode = WAL");
    const std::string bytes = test::read_file(path);
    for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write})
        CHECK(contains(open_error(path, mode), "the database is in WAL mode, which wardscope does not use"));
    CHECK(test::read_file(path) == bytes);
    CHECK_FALSE(fs::exists(dir / "w.db-wal"));
    run_sql(path, "PRAGMA journal_mode = DELETE");  // as the message says
    CHECK(load_dataset(Store::open(path, OpenMode::read_only)).plans.size() == 1);
}

TEST_CASE("every schema version wardscope made opens: 1, 2, 3 and 4") {
    test::TempDir dir;
    const fs::path path = make_database(dir);
    run_sql(path, test::down_to_version_3_sql());
    CHECK(load_dataset(Store::open(path, OpenMode::read_only)).plans.size() == 1);
    run_sql(path, "DROP TABLE annotation; DROP TABLE slide; VACUUM; PRAGMA application_id = 0; PRAGMA user_version = 1");
    CHECK(load_dataset(Store::open(path, OpenMode::read_only)).plans.size() == 1);
    run_sql(path, "PRAGMA application_id = 1465074512; PRAGMA user_version = 2");
    CHECK(load_dataset(Store::open(path, OpenMode::read_only)).plans.size() == 1);
    CHECK(Store::open(path, OpenMode::read_write).user_version() == schema_version);  // upgraded
    CHECK(load_slides(Store::open(path, OpenMode::read_only)).empty());
    // A version 1 file with a planted trigger is refused before its upgrade writes a backup.
    const fs::path old = make_database(dir, "old.db");
    run_sql(old, test::version_4_down_sql() + "DROP TABLE annotation; DROP TABLE slide; PRAGMA application_id = 0; PRAGMA user_version = 1; "
                 "CREATE TRIGGER t AFTER DELETE ON plan BEGIN DELETE FROM observation; END");
    CHECK(contains(open_error(old, OpenMode::read_write), "trigger 't' on 'plan'"));
    CHECK_FALSE(fs::exists(dir / "old.db.v1-backup"));
}

TEST_CASE("values of the wrong type are errors naming table, column and row, not zeros") {
    test::TempDir dir;
    const fs::path path = make_database(dir);
    const Case cases[] = {
        {"UPDATE observation SET value = 'many'",
         "observation.value in the row where id = '1' is text ('many'), a number belongs there"},
        {"UPDATE plan SET start_fy = 'soon'", "plan.start_fy in the row where id = 'test-plan' is text ('soon'), an integer belongs there"},
        {"UPDATE plan SET start_fy = 2026.5", "plan.start_fy in the row where id = 'test-plan' is a real number ('2026.5'), an integer belongs there"},
        {"UPDATE node SET name = x'00ff'", "node.name in the row where plan_id = 'test-plan' is a blob (2 bytes), text belongs there"},
        {"UPDATE plan SET end_fy = 12345678901", "plan.end_fy in the row where id = 'test-plan' is an integer ('12345678901')"},
    };
    int n = 0;
    for (const Case& c : cases) {
        const std::string sql = c.sql;
        CAPTURE(sql);
        const fs::path copy = changed_copy(dir, path, "v" + std::to_string(++n) + ".db", c.sql);
        try {
            load_dataset(Store::open(copy, OpenMode::read_only));
            FAIL("read a wrong-typed value");
        } catch (const Error& e) {
            CHECK(contains(e.what(), c.message));
        }
    }
}

TEST_CASE("damaged note and slide rows: strict loads name them, the lenient load skips them and says why") {
    test::TempDir dir;
    const fs::path path = make_database(dir);
    {
        Store store = Store::open(path, OpenMode::read_write);
        add_slide(store, "二枚目", SlideState{});
    }
    run_sql(path, "UPDATE slide SET state = '{not json' WHERE name = 'スライド'; "
                  "INSERT INTO annotation (plan_id, item_kind, item_id, note, vote) VALUES ('test-plan', 'node', 'x', 'ok', NULL); "
                  "PRAGMA ignore_check_constraints = ON; UPDATE annotation SET vote = 'high' WHERE note = 'メモ'");
    Store store = Store::open(path, OpenMode::read_only);
    try {
        load_slides(store);
        FAIL("a damaged slide was read");
    } catch (const Error& e) {
        CHECK(contains(e.what(), "slide 1 'スライド': slide state: not valid JSON"));
    }
    CHECK_THROWS_AS(load_annotations(store), Error);
    std::vector<std::string> skipped;
    const std::vector<Slide> slides = load_slides(store, &skipped);
    const std::vector<Annotation> notes = load_annotations(store, &skipped);
    REQUIRE(slides.size() == 1);
    CHECK(slides[0].name == "二枚目");
    CHECK(slides[0].position == 0);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].note == "ok");
    REQUIRE(skipped.size() == 2);
    CHECK(contains(skipped[0], "a damaged slide was skipped: slide 1 'スライド'"));
    CHECK(contains(skipped[1], "a damaged note was skipped"));
    CHECK(contains(skipped[1], "annotation.vote"));
}

TEST_CASE("a hot journal is reported by every open, and recover rolls it back after copying both aside") {
    test::TempDir dir;
    const fs::path path = make_database(dir);
    const std::string original = test::read_file(path);
    leave_hot_journal(path);
    const fs::path journal = dir / "w.db-journal";
    const std::string changed = test::read_file(path);
    const std::string journal_bytes = test::read_file(journal);
    REQUIRE(changed != original);
    for (OpenMode mode : {OpenMode::read_only, OpenMode::read_write, OpenMode::create}) {
        const std::string message = open_error(path, mode);
        CHECK(contains(message, "an interrupted write left the journal " + journal.string()));
        CHECK(contains(message, "wardscope recover --db " + path.string()));
    }
    CHECK(test::read_file(path) == changed);  // displaying never writes
    CHECK(test::read_file(journal) == journal_bytes);

    const RecoveryReport report = recover_database(path);
    CHECK(report.rolled_back);
    CHECK(report.ok());
    CHECK(report.backup == dir / "w.db.before-recover");
    CHECK(test::read_file(report.backup) == changed);
    CHECK(test::read_file(report.backup_journal) == journal_bytes);
    CHECK_FALSE(fs::exists(journal));
    CHECK_FALSE(fs::exists(dir / "w.db.recover-trial"));
    CHECK(test::read_file(path) == original);
    Store store = Store::open(path, OpenMode::read_only);
    CHECK(load_annotations(store).size() == 1);
    CHECK(load_slides(store).size() == 1);
    // Nothing left to do: a second recover only checks.
    const RecoveryReport again = recover_database(path);
    CHECK_FALSE(again.rolled_back);
    CHECK(again.backup.empty());
    CHECK(again.ok());
}

TEST_CASE("a stale journal of another file is never replayed into the file displayed, nor by recover") {
    test::TempDir dir;
    const fs::path a = make_database(dir, "a.db");
    // Another database, of other content, copied over `a` while a's journal is hot (issue #12, fault 2).
    {
        Store other = Store::open(dir / "b.db", OpenMode::create);
        GenerateOptions options = test::small_generate_options();
        generate_database(other, test::bundled_taxonomy(), options);
    }
    leave_hot_journal(a);
    fs::copy_file(dir / "b.db", a, fs::copy_options::overwrite_existing);
    const std::string bytes = test::read_file(a);
    CHECK(contains(open_error(a, OpenMode::read_only), "an interrupted write left the journal"));
    CHECK(test::read_file(a) == bytes);
    try {
        recover_database(a);
        FAIL("recover replayed a stale journal");
    } catch (const Error& e) {
        CHECK(contains(e.what(), "rolling its journal back on a copy does not give an intact wardscope database"));
        CHECK(contains(e.what(), "Nothing was changed"));
    }
    CHECK(test::read_file(a) == bytes);
    CHECK(fs::exists(dir / "a.db-journal"));
    CHECK_FALSE(fs::exists(dir / "a.db.before-recover"));
    // Moved away as the message says, the file opens as it is.
    fs::rename(dir / "a.db-journal", dir / "a.db.stale-journal");
    CHECK(load_dataset(Store::open(a, OpenMode::read_only)).plans.size() == 6);
}
