// Bad data in plan files and KPI CSV (issue #6): quotes, SQL fragments,
// control characters, 10 MB strings, deep nesting, 100k measures in one plan.
// Each gives a clear error or is stored and read back exactly; none crashes or hangs.
#include <doctest/doctest.h>

#include <chrono>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "wardscope/store.hpp"

using namespace wardscope;
using nlohmann::json;

namespace {

std::string problems_of(const ParseResult& result) {
    std::string text;
    for (const Problem& p : result.problems) text += p.to_string() + "\n";
    return text;
}

ParseResult parse(const std::string& text) { return parse_plan_file(text, "bad.json", test::bundled_taxonomy()); }

// Imports the plan into a fresh database and loads it back.
Dataset round_trip(const test::TempDir& dir, const PlanFile& pf, const std::string& csv = "") {
    Store store = Store::open(dir / "bad.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {pf});
    if (!csv.empty()) import_observations_csv(store, csv, "bad.csv");
    return load_dataset(store);
}

}  // namespace

TEST_CASE("quotes and SQL fragments are stored as text, not run") {
    test::TempDir dir;
    const std::string nasty = "O'Brien \"引用\" '); DROP TABLE plan; -- \\ %s ?1 :name @x $y";
    json plan = json::parse(test::minimal_plan_json());
    plan["title"] = nasty;
    plan["nodes"][0]["name"] = nasty;
    plan["swot"][0]["text"] = "\"; DELETE FROM node WHERE 1=1; --";
    const ParseResult result = parse(plan.dump());
    REQUIRE_MESSAGE(result.ok(), problems_of(result));
    const std::string csv = "plan_id,indicator_id,fiscal_year,value,source\ntest-plan,kpi1,2027,1,\"x'); DROP TABLE observation; --\"\n";
    const Dataset data = round_trip(dir, result.plan_file, csv);
    REQUIRE(data.plans.size() == 1);
    CHECK(data.plans[0].title == nasty);
    CHECK(data.plans[0].nodes.size() == 3);
    CHECK(data.plans[0].nodes[0].name == nasty);
    CHECK(data.plans[0].swot[0].text == "\"; DELETE FROM node WHERE 1=1; --");
    REQUIRE(data.observations.size() == 2);
    CHECK(data.observations[1].source == "x'); DROP TABLE observation; --");
}

TEST_CASE("control characters are refused with their code point, and tabs and newlines are text") {
    json plan = json::parse(test::minimal_plan_json());
    plan["title"] = std::string("a\x01") + "b";
    plan["nodes"][0]["name"] = std::string("nul\0x", 5);
    const std::string problems = problems_of(parse(plan.dump()));
    CHECK(problems.find("bad.json: /title: contains the control character U+0001") != std::string::npos);
    CHECK(problems.find("/nodes/0/name: contains the control character U+0000") != std::string::npos);

    plan = json::parse(test::minimal_plan_json());
    plan["summary"] = "行1\n行2\t列";
    const ParseResult ok = parse(plan.dump());
    CHECK_MESSAGE(ok.ok(), problems_of(ok));
    CHECK(ok.plan_file.plan.summary == "行1\n行2\t列");
}

TEST_CASE("a 10 MB string is stored and read back whole") {
    test::TempDir dir;
    std::string big;
    big.reserve(10 * 1024 * 1024);
    while (big.size() + 3 <= 10 * 1024 * 1024) big += "産";  // 3 bytes of UTF-8 each
    json plan = json::parse(test::minimal_plan_json());
    plan["vision"] = big;
    const ParseResult result = parse(plan.dump());
    REQUIRE_MESSAGE(result.ok(), problems_of(result));
    const Dataset data = round_trip(dir, result.plan_file);
    REQUIRE(data.plans.size() == 1);
    CHECK(data.plans[0].vision.size() == big.size());
    CHECK((data.plans[0].vision == big));  // a bool: a failure must not print 10 MB
}

TEST_CASE("deep nesting: JSON 200,000 levels deep and nodes past the limit give problems") {
    const std::string deep = R"({"format": "wardscope-plan/1", "nodes": )" + std::string(200000, '[') + std::string(200000, ']') + "}";
    const ParseResult result = parse(deep);
    CHECK_FALSE(result.ok());
    CHECK(problems_of(result).find("/id: missing required field") != std::string::npos);

    const std::string unclosed = R"({"nodes": )" + std::string(200000, '[');
    CHECK(problems_of(parse(unclosed)).find("malformed JSON") != std::string::npos);

    json plan = json::parse(test::minimal_plan_json());
    json node = {{"id", "d20"}, {"level", "measure"}, {"name", "深い"}};
    for (int i = 19; i >= 0; --i) node = {{"id", "d" + std::to_string(i)}, {"level", "measure"}, {"name", "深い"}, {"children", {node}}};
    plan["nodes"].push_back(node);
    CHECK(problems_of(parse(plan.dump())).find("nodes are nested deeper than 12 levels") != std::string::npos);
}

TEST_CASE("100,000 measures in one plan import and load") {
    test::TempDir dir;
#if defined(__SANITIZE_ADDRESS__)
    const int measures = 20000;  // the same paths, at a pace the sanitizer run can afford
#else
    const int measures = 100000;
#endif
    json plan = json::parse(test::minimal_plan_json());
    json& children = plan["nodes"][0]["children"];
    for (int i = 0; i < measures - 2; ++i)
        children.push_back({{"id", "bulk" + std::to_string(i)}, {"level", "measure"}, {"name", "施策 " + std::to_string(i)},
                            {"themes", {"startup"}}});
    const auto started = std::chrono::steady_clock::now();
    const ParseResult result = parse(plan.dump());
    REQUIRE_MESSAGE(result.ok(), problems_of(result));
    const Dataset data = round_trip(dir, result.plan_file);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    REQUIRE(data.plans.size() == 1);
    const auto& nodes = data.plans[0].nodes;
    CHECK(nodes.size() == static_cast<std::size_t>(measures) + 1);
    CHECK(nodes.back().id == "bulk" + std::to_string(measures - 3));  // order kept
    CHECK(nodes.back().themes.size() == 1);
    MESSAGE("parse + import + load of " << measures << " measures: " << seconds << " s");  // no timed assertion
}
