#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace wardscope;
using nlohmann::json;

namespace {

json minimal() { return json::parse(test::minimal_plan_json()); }

ParseResult parse(const json& value) { return parse_plan_file(value.dump(), "plan.json", test::bundled_taxonomy()); }
ParseResult parse_text(const std::string& text) { return parse_plan_file(text, "plan.json", test::bundled_taxonomy()); }

// The single problem a broken file must produce.
Problem only_problem(const ParseResult& result) {
    REQUIRE(result.problems.size() == 1);
    return result.problems.front();
}

}  // namespace

TEST_CASE("the minimal plan is valid and parsed completely") {
    const auto result = parse(minimal());
    REQUIRE(result.ok());
    const Plan& plan = result.plan_file.plan;
    CHECK(plan.id == "test-plan");
    CHECK(plan.start_fy == 2026);
    CHECK(plan.end_fy == 2030);
    REQUIRE(plan.nodes.size() == 3);
    CHECK(plan.nodes[1].parent_id == "st1");
    CHECK(plan.nodes[1].is_new);
    CHECK(plan.nodes[1].source.section == "概要");  // inherited from the plan
    CHECK(plan.indicators[0].baseline.fiscal_year == 2025);
    CHECK(result.plan_file.observations.at(0).is_sample);
}

TEST_CASE("unknown theme is reported with its pointer") {
    json plan = minimal();
    plan["nodes"][0]["children"][0]["themes"] = {"startup", "space_travel"};
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/nodes/0/children/0/themes/1");
    CHECK(p.message == "unknown theme 'space_travel' (see data/themes.json)");
    CHECK(p.to_string() == "plan.json: /nodes/0/children/0/themes/1: unknown theme 'space_travel' (see data/themes.json)");
}

TEST_CASE("unknown actor") {
    json plan = minimal();
    plan["nodes"][0]["children"][0]["actors"] = {"aliens"};
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/nodes/0/children/0/actors/0");
    CHECK(p.message == "unknown actor 'aliens' (see data/actors.json)");
}

TEST_CASE("duplicate node id") {
    json plan = minimal();
    plan["nodes"][0]["children"][1]["id"] = "m1";
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/nodes/0/children/1/id");
    CHECK(p.message == "duplicate node id 'm1'");
}

TEST_CASE("target year before baseline year") {
    json plan = minimal();
    plan["indicators"][0]["target"]["fiscal_year"] = "令和5年度";
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/indicators/0/target/fiscal_year");
    CHECK(p.message == "target year 2023 is before baseline year 2025");
}

TEST_CASE("period end before start") {
    json plan = minimal();
    plan["period"]["end"] = 2020;
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/period/end");
    CHECK(p.message == "end year 2020 is before start year 2026");
}

TEST_CASE("wrong type") {
    json plan = minimal();
    plan["indicators"][0]["baseline"]["value"] = "46%";
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/indicators/0/baseline/value");
    CHECK(p.message == "expected a number or null, found a string");
}

TEST_CASE("missing field") {
    json plan = minimal();
    plan["nodes"][0].erase("name");
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/nodes/0/name");
    CHECK(p.message == "missing required field");
}

TEST_CASE("invalid UTF-8 names the byte and line") {
    std::string text = test::minimal_plan_json();
    const auto at = text.find("テスト計画");
    text[at] = static_cast<char>(0xFF);
    const Problem p = only_problem(parse_text(text));
    CHECK(p.pointer == "/");
    CHECK(p.message.starts_with("invalid UTF-8 at byte " + std::to_string(at) + " (line 5,"));
}

TEST_CASE("malformed JSON names line and column") {
    const Problem p = only_problem(parse_text("{\n  \"id\": \"x\",\n  oops\n}"));
    CHECK(p.pointer == "/");
    CHECK(p.message.starts_with("malformed JSON at line 3, column 3"));
}

TEST_CASE("unknown field catches typos") {
    json plan = minimal();
    plan["nodes"][0]["nmae"] = "typo";
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/nodes/0/nmae");
    CHECK(p.message == "unknown field");
}

TEST_CASE("references to SWOT items and nodes must exist") {
    json plan = minimal();
    plan["tows"][0]["swot"] = {"s1", "t9"};
    plan["indicators"][0]["node"] = "st9";
    const auto result = parse(plan);
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0].pointer == "/tows/0/swot/1");
    CHECK(result.problems[0].message == "unknown SWOT item 't9'");
    CHECK(result.problems[1].pointer == "/indicators/0/node");
    CHECK(result.problems[1].message == "unknown node 'st9'");
}

TEST_CASE("a child cannot be at a higher level than its parent") {
    json plan = minimal();
    plan["nodes"][0]["children"][1]["level"] = "pillar";
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/nodes/0/children/1/level");
    CHECK(p.message == "a pillar cannot sit under a strategy");
}

TEST_CASE("fiscal years in unknown notation") {
    json plan = minimal();
    plan["period"]["start"] = "来年度";
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/period/start");
    CHECK(p.message.starts_with("'来年度' is not a fiscal year"));
}

TEST_CASE("local government code check digit") {
    json plan = minimal();
    plan["municipality"]["code"] = "131190";  // Itabashi is 131199
    const Problem p = only_problem(parse(plan));
    CHECK(p.pointer == "/municipality/code");
    plan["municipality"]["code"] = "131199";
    CHECK(parse(plan).ok());
}

TEST_CASE("invalid ids and control characters") {
    json plan = minimal();
    plan["id"] = "Plan One";
    plan["title"] = std::string("bad\x01title");
    const auto result = parse(plan);
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0].pointer == "/id");
    CHECK(result.problems[1].pointer == "/title");
    CHECK(result.problems[1].message == "contains the control character U+0001 (SOH) at character 4");
}

TEST_CASE("deep nesting is refused, not recursed into") {
    json plan = minimal();
    json node = {{"id", "deep0"}, {"level", "measure"}, {"name", "x"}};
    for (int i = 1; i < 200; ++i) node = {{"id", "deep" + std::to_string(i)}, {"level", "measure"}, {"name", "x"}, {"children", {node}}};
    plan["nodes"].push_back(node);
    const auto result = parse(plan);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message == "nodes are nested deeper than 12 levels");
}

TEST_CASE("every problem in a file is listed, not just the first") {
    json plan = minimal();
    plan.erase("title");
    plan["status"] = "完成";
    plan["nodes"][0]["level"] = "chapter";
    const auto result = parse(plan);
    CHECK(result.problems.size() == 3);
}

TEST_CASE("two files disagreeing about a municipality or sharing a plan id") {
    auto a = parse_text(test::minimal_plan_json("plan-a"));
    auto b = parse_text(test::minimal_plan_json("plan-a"));
    json changed = json::parse(test::minimal_plan_json("plan-c"));
    changed["municipality"]["name_ja"] = "別区";
    auto c = parse(changed);
    b.file = "b.json";
    c.file = "c.json";
    const auto problems = check_plan_set({a, b, c});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].to_string() == "b.json: /id: plan id 'plan-a' is also used by plan.json");
    CHECK(problems[1].to_string() == "c.json: /municipality: municipality 'testward': name_ja '別区' here, '試験区' in plan.json");
}

TEST_CASE("keyword rules tag untagged nodes and never override hand tags") {
    auto result = parse(minimal());
    Plan plan = result.plan_file.plan;
    derive_rule_tags(plan, test::bundled_taxonomy());
    const Node& seminar = plan.nodes[1];  // 創業セミナー, hand-tagged startup
    REQUIRE(seminar.themes.size() == 1);
    CHECK(seminar.themes[0].origin == TagOrigin::hand);
    const Node& vacant = plan.nodes[2];  // 商店街の空き店舗活用
    REQUIRE_FALSE(vacant.themes.empty());
    CHECK(vacant.themes[0].theme_id == "retail");
    CHECK(vacant.themes[0].origin == TagOrigin::rule);
}
