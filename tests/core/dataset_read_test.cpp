// Reading a database: load_dataset (plans, nodes, tags and actors on one
// connection; SWOT, TOWS, indicators and the KPI history beside them on a
// second) and DatasetReader (the plans first, the KPI history later, from one
// snapshot).
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <future>
#include <thread>

#include "test_support.hpp"
#include "wardscope/plan_import.hpp"
#include "wardscope/synthetic.hpp"

using namespace wardscope;

namespace {

// A database with every bundled plan, a few generated ones (many tags,
// actors, indicators, observations) and one user observation.
std::filesystem::path make_database(const test::TempDir& dir) {
    const auto path = dir / "w.db";
    Store store = Store::open(path, OpenMode::create);
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "data" / "plans"))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    REQUIRE(import_plan_files(store, test::bundled_taxonomy(), files).ok());
    import_plans(store, test::bundled_taxonomy(), generate_plan_files(test::small_generate_options(), test::bundled_taxonomy()));
    add_user_observation(store, "kita-vision-2026", load_dataset(store).find_plan("kita-vision-2026")->indicators.at(0).id,
                         "2027", "12", "区の集計");
    return path;
}

// Everything a Dataset holds, as text: plans as plan files, then the observations.
std::string describe(const Dataset& data) {
    std::string out;
    for (const PlanFile& pf : export_plan_files(data)) out += to_json_text(pf);
    out += observations_to_csv(data.observations);
    return out;
}

}  // namespace

TEST_CASE("the KPI history comes in the order SQL would sort it, whatever order the rows were stored in") {
    test::TempDir dir;
    const auto path = make_database(dir);
    {
        // Rows stored out of order: a later year, revisions (as_of) and another origin, stored first.
        Store store = Store::open(path, OpenMode::read_write);
        const Dataset data = load_dataset(store);
        const std::string indicator = data.find_plan("kita-vision-2026")->indicators.at(0).id;
        add_user_observation(store, "kita-vision-2026", indicator, "2030", "15", "区の集計");
        add_user_observation(store, "kita-vision-2026", indicator, "2025", "9", "区の集計");
        REQUIRE(sqlite3_exec(store.handle(),
                             "UPDATE observation SET as_of = '2026-03-31' WHERE origin = 'user' AND fiscal_year = 2025", nullptr,
                             nullptr, nullptr) == SQLITE_OK);
    }
    Store store = Store::open(path, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    std::vector<std::int64_t> sql_order;
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(store.handle(),
                               "SELECT id FROM observation ORDER BY plan_id, indicator_id, fiscal_year, as_of, origin, id", -1,
                               &st, nullptr) == SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) sql_order.push_back(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    std::vector<std::int64_t> loaded;
    for (const Observation& o : data.observations) loaded.push_back(o.id);
    REQUIRE(loaded.size() == sql_order.size());
    CHECK(loaded == sql_order);
    std::vector<std::int64_t> stored = sql_order;
    std::sort(stored.begin(), stored.end());
    CHECK(stored != sql_order);  // the test means something: storage order is not the loaded order
}

TEST_CASE("tags, actors, SWOT, TOWS and indicators come in their order, whatever order the rows were stored in") {
    test::TempDir dir;
    const auto path = make_database(dir);
    const Dataset before = load_dataset(Store::open(path, OpenMode::read_only));
    {
        // The rows stored again, in reverse: each node's or plan's rows out of their `ord` order
        // (foreign keys off: no cascade from the rows deleted and stored again).
        Store store = Store::open(path, OpenMode::read_write);
        REQUIRE(sqlite3_exec(store.handle(), "PRAGMA foreign_keys = OFF", nullptr, nullptr, nullptr) == SQLITE_OK);
        for (const char* table : {"node_theme", "node_actor", "swot_item", "tows_strategy", "indicator"}) {
            const std::string name = table;
            const std::string order = name.rfind("node_", 0) == 0 ? "plan_id DESC, node_id DESC, ord DESC" : "plan_id DESC, ord DESC";
            const std::string sql = "CREATE TEMP TABLE copy AS SELECT * FROM " + name + "; DELETE FROM " + name +
                                    "; INSERT INTO " + name + " SELECT * FROM copy ORDER BY " + order + ";"
                                    " DROP TABLE copy;";
            REQUIRE(sqlite3_exec(store.handle(), sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        }
    }
    const Dataset after = load_dataset(Store::open(path, OpenMode::read_only));
    std::size_t tags = 0, actors = 0, swot = 0, tows = 0, indicators = 0;
    for (const Plan& p : after.plans) {
        for (const Node& n : p.nodes) tags += n.themes.size(), actors += n.actors.size();
        swot += p.swot.size(), tows += p.tows.size(), indicators += p.indicators.size();
    }
    CHECK(tags > 100);
    CHECK(actors > 100);
    CHECK(swot > 20);
    CHECK(tows > 10);
    CHECK(indicators > 20);
    CHECK(describe(after) == describe(before));
}

// Run under ThreadSanitizer too (scripts/test-sanitizers.sh).
TEST_SUITE_BEGIN("threads");

TEST_CASE("the plans and the KPI history read in two steps, on two threads, are what one load reads") {
    test::TempDir dir;
    const auto path = make_database(dir);
    const Dataset whole = load_dataset(Store::open(path, OpenMode::read_only));
    REQUIRE(whole.plans.size() > 13);
    REQUIRE(whole.observations.size() > 20);

    for (HistoryRead history : {HistoryRead::later, HistoryRead::beside_plans}) {
        DatasetReader reader(Store::open(path, OpenMode::read_only), history);
        Dataset staged = reader.plans();
        CHECK(staged.observations.empty());
        CHECK(reader.any_sample_observations());  // the generated history is flagged sample
        staged.observations = std::async(std::launch::async, [&] { return reader.observations(); }).get();
        CHECK(describe(staged) == describe(whole));
    }
}

TEST_CASE("one snapshot: an import that commits between the two steps is not seen") {
    test::TempDir dir;
    const auto path = make_database(dir);
    DatasetReader reader(Store::open(path, OpenMode::read_only));
    const Dataset plans = reader.plans();
    // The reader holds its read lock: a writer cannot commit until it ends.
    auto import = std::async(std::launch::async, [&] {
        Store writer = Store::open(path, OpenMode::read_write);
        return import_plan_texts(writer, test::bundled_taxonomy(), {{"late.json", test::minimal_plan_json("late")}});
    });
    CHECK(import.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);
    const std::vector<Observation> history = reader.observations();  // ends the read: the import may commit
    CHECK(std::none_of(history.begin(), history.end(), [](const Observation& o) { return o.plan_id == "late"; }));
    CHECK(plans.find_plan("late") == nullptr);
    CHECK(import.get().ok());
    CHECK(load_dataset(Store::open(path, OpenMode::read_only)).find_plan("late") != nullptr);
}

TEST_CASE("a reader never asked for the KPI history stops reading it and lets writers commit") {
    test::TempDir dir;
    const auto path = make_database(dir);
    {
        DatasetReader reader(Store::open(path, OpenMode::read_only), HistoryRead::beside_plans);
        CHECK(reader.plans().plans.size() > 13);
    }  // both connections' reads end here
    Store writer = Store::open(path, OpenMode::read_write);
    sqlite3_busy_timeout(writer.handle(), 0);  // no lock may be left to wait for
    CHECK(import_plan_texts(writer, test::bundled_taxonomy(), {{"late.json", test::minimal_plan_json("late")}}).ok());
}

TEST_CASE("when no second connection can be opened, the first reads everything itself") {
    test::TempDir dir;
    const auto path = make_database(dir);
    const Dataset whole = load_dataset(Store::open(path, OpenMode::read_only));
    Store store = Store::open(path, OpenMode::read_only);
    // The open connection keeps reading the moved file; a new one finds nothing at the path.
    std::filesystem::rename(path, dir / "moved.db");
    CHECK(describe(load_dataset(store)) == describe(whole));
}

TEST_SUITE_END();
