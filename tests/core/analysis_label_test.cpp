// Analyses keep the label the source gives them (特徴 / 課題 / 現況 / 強み …)
// beside the SWOT quadrant they are mapped to (issue #13 C).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "wardscope/store.hpp"
#include "wardscope/view_tables.hpp"

using namespace wardscope;

namespace {

std::string labelled_plan_json() {
    nlohmann::json j = nlohmann::json::parse(test::minimal_plan_json("labelled-plan", "区分つき計画"));
    j["swot"].push_back({{"id", "w1"}, {"quadrant", "weakness"}, {"label", "課題"}, {"text", "後継者不足"}});
    j["swot"][0]["label"] = "特徴";
    return j.dump(2);
}

}  // namespace

TEST_CASE("an analysis keeps the source's label through JSON → database → JSON and the SWOT table shows it") {
    const ParseResult parsed = parse_plan_file(labelled_plan_json(), "l.json", test::bundled_taxonomy());
    REQUIRE(parsed.ok());
    const Plan& plan = parsed.plan_file.plan;
    REQUIRE(plan.swot.size() == 3);
    CHECK(plan.swot[2].label == "課題");
    CHECK(plan.swot[2].quadrant == Quadrant::weakness);
    CHECK(plan.swot[1].label.empty());  // no label: the quadrant's own name is shown
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {parsed.plan_file});
    const Dataset data = load_dataset(store);
    REQUIRE(data.plans.size() == 1);
    CHECK(data.plans[0].swot[2].label == "課題");
    const auto exported = export_plan_files(data);
    CHECK(to_json_text(exported.at(0)) == to_json_text(parsed.plan_file));
    const Table t = swot_table(data, {&data.plans[0]}, false);
    CHECK(t.rows.at(0).at(1).text == "特徴 → 強み");
    CHECK(t.rows.at(1).at(1).text == "機会");
    CHECK(t.rows.at(2).at(1).text == "課題 → 弱み");  // never plain 弱み: the source said 課題
    CHECK(swot_table(data, {&data.plans[0]}, true).rows.at(2).at(1).text == "課題 → Weakness");
}

TEST_CASE("an analysis label is one line: a line break is reported with its pointer") {
    nlohmann::json j = nlohmann::json::parse(labelled_plan_json());
    j["swot"][2]["label"] = "課\n題";
    const ParseResult r = parse_plan_file(j.dump(), "l.json", test::bundled_taxonomy());
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems.at(0).pointer == "/swot/2/label");
}
