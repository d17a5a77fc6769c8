#include <doctest/doctest.h>

#include <map>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"

using namespace wardscope;
using nlohmann::json;

namespace {

PlanFile plan_from(const std::string& text) {
    auto result = parse_plan_file(text, "plan.json", test::bundled_taxonomy());
    REQUIRE(result.ok());
    return result.plan_file;
}

PlanFile minimal_plan(const std::string& id = "test-plan", const std::string& title = "テスト計画") {
    return plan_from(test::minimal_plan_json(id, title));
}

Store fresh_store(const test::TempDir& dir) { return Store::open(dir / "w.db", OpenMode::create); }

int count_rows(const Store& store, const char* table) {
    sqlite3_stmt* st = nullptr;
    const std::string sql = std::string("SELECT count(*) FROM ") + table;  // table names are literals of this test
    REQUIRE(sqlite3_prepare_v2(store.handle(), sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    const int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

}  // namespace

TEST_CASE("a new database gets the schema version and foreign keys") {
    test::TempDir dir;
    Store store = fresh_store(dir);
    CHECK(store.user_version() == schema_version);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(store.handle(), "PRAGMA foreign_keys", -1, &st, nullptr);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) == 1);
    sqlite3_finalize(st);
}

TEST_CASE("import then load gives back the plan") {
    test::TempDir dir;
    Store store = fresh_store(dir);
    const auto report = import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    CHECK(report.added_plans == std::vector<std::string>{"test-plan"});
    CHECK(report.measures == 2);
    const Dataset data = load_dataset(store);
    REQUIRE(data.plans.size() == 1);
    const Plan& plan = data.plans[0];
    CHECK(plan.title == "テスト計画");
    CHECK(plan.nodes.size() == 3);
    CHECK(plan.swot.size() == 2);
    REQUIRE(plan.tows.size() == 1);
    CHECK(plan.tows[0].swot_ids == std::vector<std::string>{"s1", "o1"});
    CHECK(plan.indicators.at(0).baseline.value == 10.0);
    CHECK(data.taxonomy.themes.size() == test::bundled_taxonomy().themes.size());
    REQUIRE(data.observations.size() == 1);
    CHECK(data.observations[0].origin == ObservationOrigin::plan_file);
    CHECK(data.find_municipality("testward")->name_ja == "試験区");
}

TEST_CASE("unknown values stay unknown through the database") {
    test::TempDir dir;
    Store store = fresh_store(dir);
    json plan = json::parse(test::minimal_plan_json());
    plan["indicators"][0]["baseline"] = {{"value", nullptr}, {"fiscal_year", nullptr}, {"note", "—"}};
    plan["period"]["start"] = nullptr;
    import_plans(store, test::bundled_taxonomy(), {plan_from(plan.dump())});
    const Dataset data = load_dataset(store);  // a reference into a temporary dangled here (found by ASan)
    const Plan& loaded = data.plans.at(0);
    CHECK_FALSE(loaded.start_fy.has_value());
    CHECK_FALSE(loaded.indicators[0].baseline.value.has_value());
    CHECK_FALSE(loaded.indicators[0].baseline.fiscal_year.has_value());
    CHECK(loaded.indicators[0].baseline.note == "—");
}

TEST_CASE("re-import replaces the plan, is idempotent, and keeps user observations") {
    test::TempDir dir;
    Store store = fresh_store(dir);
    import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    import_observations_csv(store, "plan_id,indicator_id,fiscal_year,value,source\ntest-plan,kpi1,R8,15,区の集計\n", "obs.csv");
    const Dataset before = load_dataset(store);

    const auto report = import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    CHECK(report.replaced_plans == std::vector<std::string>{"test-plan"});
    CHECK(report.added_plans.empty());
    const Dataset after = load_dataset(store);
    CHECK(to_json_text(export_plan_files(after).at(0)) == to_json_text(export_plan_files(before).at(0)));
    CHECK(after.observations.size() == 2);  // plan-file observation replaced, CSV one kept
    CHECK(count_rows(store, "node") == 3);
    CHECK(count_rows(store, "observation") == 2);
}

TEST_CASE("a failing import leaves the database byte for byte as it was") {
    test::TempDir dir;
    {
        Store store = fresh_store(dir);
        import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    }
    const std::string bytes_before = test::read_file(dir / "w.db");
    {
        Store store = Store::open(dir / "w.db", OpenMode::read_write);
        // The second plan names a theme the taxonomy given to the import lacks: the
        // foreign key fails after the first plan was already written.
        PlanFile good = minimal_plan("plan-two");
        PlanFile bad = minimal_plan("plan-three");
        bad.plan.nodes[1].themes = {{"not-a-theme", TagOrigin::hand}};
        CHECK_THROWS_AS(import_plans(store, test::bundled_taxonomy(), {good, bad}), Error);
        CHECK(load_dataset(store).plans.size() == 1);
    }
    CHECK(test::read_file(dir / "w.db") == bytes_before);
}

TEST_CASE("names with quotes and SQL are stored as text") {
    test::TempDir dir;
    Store store = fresh_store(dir);
    const std::string evil = "O'Brien \\\"区\\\" '); DROP TABLE plan;--";
    json plan = json::parse(test::minimal_plan_json());
    plan["title"] = "O'Brien \"区\" '); DROP TABLE plan;--";
    plan["nodes"][0]["name"] = "'; DELETE FROM node; --";
    import_plans(store, test::bundled_taxonomy(), {plan_from(plan.dump())});
    import_plans(store, test::bundled_taxonomy(), {minimal_plan("second")});
    const Dataset data = load_dataset(store);
    REQUIRE(data.plans.size() == 2);
    CHECK(data.find_plan("test-plan")->title == "O'Brien \"区\" '); DROP TABLE plan;--");
    CHECK(data.find_plan("test-plan")->nodes[0].name == "'; DELETE FROM node; --");
    CHECK(count_rows(store, "node") == 6);
}

TEST_CASE("KPI CSV: every error is named by its line and nothing is imported") {
    test::TempDir dir;
    Store store = fresh_store(dir);
    import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    const std::string csv =
        "plan_id,indicator_id,fiscal_year,value,source\n"
        "test-plan,kpi1,R8,15,区の集計\n"
        "test-plan,kpi9,R8,15,区の集計\n"
        "test-plan,kpi1,来年,15,区の集計\n"
        "\"test-plan\",kpi1,2027,abc,区の集計\n"
        "nope,kpi1,2027,1,x\n"
        "test-plan,kpi1,2028,1,\n"
        "test-plan,kpi1\n";
    std::string message;
    try {
        import_observations_csv(store, csv, "obs.csv");
    } catch (const Error& e) {
        message = e.what();
    }
    CHECK(message.find("obs.csv:3: plan 'test-plan' has no indicator 'kpi9'") != std::string::npos);
    CHECK(message.find("obs.csv:4: '来年' is not a fiscal year") != std::string::npos);
    CHECK(message.find("obs.csv:5: 'abc' is not a number") != std::string::npos);
    CHECK(message.find("obs.csv:6: unknown plan 'nope'") != std::string::npos);
    CHECK(message.find("obs.csv:7: the source is empty") != std::string::npos);
    CHECK(message.find("obs.csv:8: expected 5 fields, found 2") != std::string::npos);
    CHECK(message.find("nothing was imported") != std::string::npos);
    CHECK(count_rows(store, "observation") == 1);  // only the plan file's own
}

TEST_CASE("KPI CSV: header, quoting, sample flag and both year notations") {
    test::TempDir dir;
    Store store = fresh_store(dir);
    import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    CHECK_THROWS_WITH_AS(import_observations_csv(store, "plan,indicator\n", "h.csv"),
                         "h.csv:1: the header must be plan_id,indicator_id,fiscal_year,value,source then optional sample, as_of, text\n"
                         "nothing was imported",
                         Error);
    const std::string csv =
        "\xEF\xBB\xBFplan_id,indicator_id,fiscal_year,value,source,sample\r\n"
        "test-plan,kpi1,令和8年度,15.5,\"区調査, 速報\",1\r\n"
        "test-plan,kpi1,FY2027,18,区調査,0\r\n";
    CHECK(import_observations_csv(store, csv, "ok.csv") == 2);
    const Dataset data = load_dataset(store);
    int csv_rows = 0;
    for (const auto& o : data.observations) {
        if (o.origin != ObservationOrigin::csv) continue;
        ++csv_rows;
        if (o.fiscal_year == 2026) {
            CHECK(o.value == 15.5);
            CHECK(o.source == "区調査, 速報");
            CHECK(o.is_sample);
        } else {
            CHECK(o.fiscal_year == 2027);
            CHECK_FALSE(o.is_sample);
        }
    }
    CHECK(csv_rows == 2);
    CHECK_THROWS_WITH_AS(import_observations_csv(store, "plan_id,indicator_id,fiscal_year,value,source\n\"open", "q.csv"),
                         "q.csv:2: unterminated quoted field\nnothing was imported", Error);
}

TEST_CASE("JSON → database → JSON round-trips without loss") {
    test::TempDir dir;
    Store store = fresh_store(dir);
    const PlanFile original = minimal_plan();
    import_plans(store, test::bundled_taxonomy(), {original});
    const auto exported = export_plan_files(load_dataset(store));
    REQUIRE(exported.size() == 1);
    CHECK(to_json_text(exported[0]) == to_json_text(original));
}

TEST_CASE("bad database paths give specific errors and are left untouched") {
    test::TempDir dir;
    auto message_of = [](const std::filesystem::path& path, OpenMode mode) {
        try {
            Store::open(path, mode);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("(opened)");
    };
    CHECK(message_of(dir / "missing.db", OpenMode::read_only).find("no such database") != std::string::npos);
    CHECK(message_of(dir / "nofolder" / "x.db", OpenMode::create).find("does not exist") != std::string::npos);
    CHECK(message_of(dir.path, OpenMode::read_only).find("is a directory") != std::string::npos);

    test::write_file(dir / "empty.db", "");
    CHECK(message_of(dir / "empty.db", OpenMode::create).find("the file is empty") != std::string::npos);
    CHECK(std::filesystem::file_size(dir / "empty.db") == 0);

    const std::string text = "this is a plan, not a database, and it is long enough to have a header";
    test::write_file(dir / "text.db", text);
    CHECK(message_of(dir / "text.db", OpenMode::create).find("not a SQLite database") != std::string::npos);
    CHECK(test::read_file(dir / "text.db") == text);

    {
        Store newer = fresh_store(dir);
        sqlite3_exec(newer.handle(), "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    }
    const std::string newer_bytes = test::read_file(dir / "w.db");
    CHECK(message_of(dir / "w.db", OpenMode::read_write).find("schema version 99, newer than") != std::string::npos);
    CHECK(test::read_file(dir / "w.db") == newer_bytes);

    {  // SQLite, but someone else's
        sqlite3* other = nullptr;
        sqlite3_open((dir / "other.db").c_str(), &other);
        sqlite3_exec(other, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
        sqlite3_close(other);
    }
    CHECK(message_of(dir / "other.db", OpenMode::create).find("not a wardscope database") != std::string::npos);
}

TEST_CASE("a truncated database is reported, not crashed on") {
    test::TempDir dir;
    {
        Store store = fresh_store(dir);
        import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    }
    std::string bytes = test::read_file(dir / "w.db");
    test::write_file(dir / "cut.db", bytes.substr(0, 4096 + 100));
    bool failed = false;
    try {
        Store store = Store::open(dir / "cut.db", OpenMode::read_only);
        load_dataset(store);
    } catch (const Error& e) {
        failed = true;
        CHECK(std::string(e.what()).size() > 10);
    }
    CHECK(failed);
}

TEST_CASE("a read-only open never writes") {
    test::TempDir dir;
    {
        Store store = fresh_store(dir);
        import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    }
    const std::string before = test::read_file(dir / "w.db");
    {
        Store store = Store::open(dir / "w.db", OpenMode::read_only);
        CHECK(load_dataset(store).plans.size() == 1);
        CHECK_THROWS_AS(import_plans(store, test::bundled_taxonomy(), {minimal_plan("x")}), Error);
    }
    CHECK(test::read_file(dir / "w.db") == before);
}

TEST_CASE("every bundled plan file round-trips JSON → database → JSON") {
    test::TempDir dir;
    Store store = fresh_store(dir);
    std::map<std::string, PlanFile> originals;
    std::vector<PlanFile> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "data" / "plans")) {
        auto result = read_plan_file(entry.path(), test::bundled_taxonomy());
        REQUIRE(result.ok());
        originals[result.plan_file.plan.id] = result.plan_file;
        files.push_back(result.plan_file);
    }
    import_plans(store, test::bundled_taxonomy(), files);
    const auto exported = export_plan_files(load_dataset(store));
    REQUIRE(exported.size() == originals.size());
    for (const PlanFile& pf : exported) {
        CAPTURE(pf.plan.id);
        CHECK(to_json_text(pf) == to_json_text(originals.at(pf.plan.id)));
    }
}
