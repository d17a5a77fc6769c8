// A plan's record beyond its period (issue #13 C): the actual end of a plan
// that ended early, authors of a joint plan, approvals and consents with
// calendar dates, budgets per measure and fiscal year in 千円. Optional
// fields: validated with pointers, JSON → database → JSON without loss, and
// format-1 files without them unchanged.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "wardscope/store.hpp"

using namespace wardscope;
using nlohmann::json;

namespace {

json full_record() {
    json j = json::parse(test::minimal_plan_json("joint-plan", "共同計画"));
    j["period"]["actual_end"] = "R10";
    j["authors"] = {"東京都", "板橋区"};
    j["approvals"] = json::array({
        {{"by", "東京都"}, {"kind", "承認"}, {"date", "2022-03-31"}, {"date_as_written", "令和4年3月31日"}},
        {{"by", "区議会"}, {"kind", "同意"}, {"date", nullptr}},
    });
    j["budget"] = json::array({
        {{"node", "m1"}, {"fiscal_year", "R9"}, {"kind", "予算"}, {"thousand_yen", 12500}},
        {{"node", "m1"}, {"fiscal_year", "R9"}, {"kind", "決算"}, {"thousand_yen", 11830.5},
         {"source", {{"file", "test.txt"}, {"section", "決算書"}, {"page", "12"}}}},
    });
    return j;
}

std::vector<Problem> problems_of(const json& j) { return parse_plan_file(j.dump(), "p.json", test::bundled_taxonomy()).problems; }

}  // namespace

TEST_CASE("plan records: actual end, authors, approvals and budget lines round-trip JSON → database → JSON") {
    const json j = full_record();
    REQUIRE(j["nodes"][0]["children"][0]["id"] == "m1");  // the fixture's first measure
    const ParseResult parsed = parse_plan_file(j.dump(), "p.json", test::bundled_taxonomy());
    REQUIRE(parsed.ok());
    const Plan& plan = parsed.plan_file.plan;
    CHECK(plan.actual_end_fy == 2028);
    CHECK(plan.authors == std::vector<std::string>{"東京都", "板橋区"});
    REQUIRE(plan.approvals.size() == 2);
    CHECK(plan.approvals[0].date == "2022-03-31");
    CHECK(plan.approvals[1].date.empty());  // unknown stays unknown
    REQUIRE(plan.budget.size() == 2);
    CHECK(plan.budget[0].fiscal_year == 2027);
    CHECK(plan.budget[1].thousand_yen == 11830.5);
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {parsed.plan_file});
    const Dataset data = load_dataset(store);
    REQUIRE(data.plans.size() == 1);
    CHECK(data.plans[0].actual_end_fy == 2028);
    CHECK(data.plans[0].approvals.at(0).date_as_written == "令和4年3月31日");
    CHECK(data.plans[0].budget.at(1).source.page == "12");
    const auto exported = export_plan_files(data);
    CHECK(to_json_text(exported.at(0)) == to_json_text(parsed.plan_file));
    // Re-import replaces them, not adds.
    import_plans(store, test::bundled_taxonomy(), {parsed.plan_file});
    CHECK(load_dataset(store).plans.at(0).budget.size() == 2);
}

TEST_CASE("plan records: a format-1 file without them is unchanged") {
    const ParseResult parsed = parse_plan_file(test::minimal_plan_json(), "p.json", test::bundled_taxonomy());
    REQUIRE(parsed.ok());
    CHECK_FALSE(parsed.plan_file.plan.actual_end_fy);
    const std::string text = to_json_text(parsed.plan_file);
    for (const char* key : {"authors", "approvals", "budget", "actual_end"}) CHECK(text.find(key) == std::string::npos);
}

TEST_CASE("plan records: bad values are named by their pointer") {
    {
        json j = full_record();
        j["approvals"][0]["date"] = "令和4年度";
        const auto p = problems_of(j);
        REQUIRE(p.size() == 1);
        CHECK(p[0].pointer == "/approvals/0/date");
        CHECK(p[0].message.find("is not a calendar date") != std::string::npos);
    }
    {
        json j = full_record();
        j["approvals"][0]["date"] = "2022-02-30";
        CHECK(problems_of(j).at(0).pointer == "/approvals/0/date");
    }
    {
        json j = full_record();
        j["approvals"][1].erase("by");
        CHECK(problems_of(j).at(0).pointer == "/approvals/1/by");
    }
    {
        json j = full_record();
        j["budget"][1]["kind"] = "予算";  // a second 予算 for the same measure and year
        const auto p = problems_of(j);
        REQUIRE(p.size() == 1);
        CHECK(p[0].pointer == "/budget/1/fiscal_year");
        CHECK(p[0].message == "a second 予算 for 'm1' in fiscal year 2027 (the first is /budget/0)");
    }
    {
        json j = full_record();
        j["budget"][0]["node"] = "nowhere";
        j["budget"][1]["kind"] = "補正";
        j["budget"][1]["thousand_yen"] = -1;
        const auto p = problems_of(j);
        REQUIRE(p.size() == 3);
        CHECK(p[0].pointer == "/budget/0/node");
        CHECK(p[1].pointer == "/budget/1/kind");
        CHECK(p[2].pointer == "/budget/1/thousand_yen");
    }
    {
        json j = full_record();
        j["period"]["actual_end"] = "R1";
        CHECK(problems_of(j).at(0).pointer == "/period/actual_end");
    }
    {
        json j = full_record();
        j["authors"] = {"東京都", 3};
        CHECK(problems_of(j).at(0).pointer == "/authors/1");
    }
}
