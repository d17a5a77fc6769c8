// Observations typed into the app: checked like CSV rows, one transaction
// each, undone by id, and kept when the plans are imported again.
#include <doctest/doctest.h>

#include "test_support.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"

using namespace wardscope;

namespace {

PlanFile minimal_plan() {
    auto result = parse_plan_file(test::minimal_plan_json(), "plan.json", test::bundled_taxonomy());
    REQUIRE(result.ok());
    return result.plan_file;
}

std::vector<const Observation*> user_rows(const Dataset& data) {
    std::vector<const Observation*> out;
    for (const Observation& o : data.observations)
        if (o.origin == ObservationOrigin::user) out.push_back(&o);
    return out;
}

}  // namespace

TEST_CASE("a user observation is checked, stored with origin user, and undone by id") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {minimal_plan()});

    const std::int64_t id = add_user_observation(store, "test-plan", "kpi1", "令和８年度", " 14.5 ", "区の集計");
    {
        const Dataset data = load_dataset(store);
        const auto rows = user_rows(data);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0]->id == id);
        CHECK(rows[0]->fiscal_year == 2026);
        CHECK(rows[0]->value == 14.5);
        CHECK(rows[0]->source == "区の集計");
        CHECK_FALSE(rows[0]->is_sample);
    }
    // The same year again is refused; undo, then it can be entered.
    CHECK_THROWS_WITH_AS(add_user_observation(store, "test-plan", "kpi1", "2026", "15", "x"),
                         "a value for FY2026 was already entered (14.5); undo it first", Error);
    CHECK(delete_user_observation(store, id));
    CHECK_FALSE(delete_user_observation(store, id));
    CHECK(user_rows(load_dataset(store)).empty());
    add_user_observation(store, "test-plan", "kpi1", "R8", "15", "x");
    CHECK(user_rows(load_dataset(store)).size() == 1);
}

TEST_CASE("every problem of a typed observation is named, and nothing is written") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    const std::string before = test::read_file(dir / "w.db");
    CHECK_THROWS_WITH_AS(add_user_observation(store, "test-plan", "nope", "来年", "abc", " "),
                         "plan 'test-plan' has no indicator 'nope'; '来年' is not a fiscal year (e.g. 2026, FY2026, 令和8年度, R8); "
                         "'abc' is not a number (leave unknown values out instead of writing 0); "
                         "the source is empty: say where the value comes from",
                         Error);
    CHECK_THROWS_WITH_AS(add_user_observation(store, "no-plan", "kpi1", "2026", "1", "s"), "unknown plan 'no-plan'", Error);
    CHECK_THROWS_AS(add_user_observation(store, "test-plan", "kpi1", "2026", "inf", "s"), Error);
    CHECK(user_rows(load_dataset(store)).empty());
    CHECK(test::read_file(dir / "w.db") == before);
}

TEST_CASE("user observations survive a re-import of their plan, and plan-file ones are replaced") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    add_user_observation(store, "test-plan", "kpi1", "2027", "20", "区の集計");
    import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    const Dataset data = load_dataset(store);
    const auto rows = user_rows(data);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]->fiscal_year == 2027);
    std::size_t from_file = 0;
    for (const Observation& o : data.observations) from_file += o.origin == ObservationOrigin::plan_file ? 1 : 0;
    CHECK(from_file == 1);
}

TEST_CASE("typed values may use full-width digits and thousands separators, and a badly grouped one is refused") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    add_user_observation(store, "test-plan", "kpi1", "２０２６", "１，２３４．５", "区の集計");
    add_user_observation(store, "test-plan", "kpi1", "R9", "－３", "区の集計");
    const Dataset data = load_dataset(store);
    const auto rows = user_rows(data);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]->value == 1234.5);
    CHECK(rows[1]->value == -3.0);
    CHECK_THROWS_WITH_AS(add_user_observation(store, "test-plan", "kpi1", "R10", "1,23", "s"),
                         "'1,23' is not a number: thousands separators group three digits (1,234 or 1234)", Error);
    CHECK(user_rows(load_dataset(store)).size() == 2);
}
