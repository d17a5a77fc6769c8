// The synthetic generator behind `wardscope gen` (issue #5): deterministic,
// the counts asked for, and every plan and observation flagged.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "test_support.hpp"
#include "wardscope/error.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"

using namespace wardscope;

namespace {

using test::small_generate_options;

// Everything a plan file holds, as text: equal text means equal output.
std::string fingerprint(const std::vector<PlanFile>& files) {
    std::string text;
    for (const PlanFile& pf : files) {
        text += to_json_text(pf);
        for (const Observation& o : pf.observations) text += o.plan_id + o.indicator_id + std::to_string(o.value) + "\n";
    }
    return text;
}

std::size_t count_level(const Plan& plan, NodeLevel level) {
    return static_cast<std::size_t>(
        std::count_if(plan.nodes.begin(), plan.nodes.end(), [&](const Node& n) { return n.level == to_string(level); }));
}

}  // namespace

TEST_CASE("the same seed gives the same data, another seed other data") {
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    const std::string first = fingerprint(generate_plan_files(small_generate_options(7), taxonomy));
    CHECK(first == fingerprint(generate_plan_files(small_generate_options(7), taxonomy)));
    CHECK(first != fingerprint(generate_plan_files(small_generate_options(8), taxonomy)));
}

TEST_CASE("generated plans have the counts asked for and are flagged synthetic") {
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    const auto files = generate_plan_files(small_generate_options(), taxonomy);
    REQUIRE(files.size() == 6);
    std::set<std::string> plan_ids, municipality_ids;
    for (const PlanFile& pf : files) {
        const Plan& p = pf.plan;
        plan_ids.insert(p.id);
        municipality_ids.insert(pf.municipality.id);
        CHECK(p.is_synthetic);
        CHECK(p.id.rfind("synthetic-", 0) == 0);
        CHECK(p.title.find("合成") != std::string::npos);
        CHECK(pf.municipality.id.rfind("syn-", 0) == 0);
        CHECK(pf.municipality.name_ja.find("合成") != std::string::npos);
        CHECK(count_level(p, NodeLevel::measure) == 10);
        CHECK(count_level(p, NodeLevel::pillar) >= 1);
        CHECK(count_level(p, NodeLevel::strategy) >= 1);
        CHECK(count_level(p, NodeLevel::policy) >= 1);
        CHECK(p.indicators.size() == 4);
        CHECK(pf.observations.size() == 4 * 5);
        for (const Observation& o : pf.observations) {
            CHECK(o.is_sample);
            CHECK(o.plan_id == p.id);
            CHECK(o.fiscal_year <= *p.end_fy);
        }
        // Pre-order, known parents, themes from the taxonomy.
        std::set<std::string> seen;
        for (const Node& n : p.nodes) {
            if (!n.parent_id.empty()) CHECK(seen.count(n.parent_id) == 1);
            for (const ThemeTag& t : n.themes) CHECK(taxonomy.find_theme(t.theme_id) != nullptr);
            seen.insert(n.id);
        }
        CHECK(seen.size() == p.nodes.size());
    }
    CHECK(plan_ids.size() == 6);
    CHECK(municipality_ids == std::set<std::string>{"syn-001", "syn-002", "syn-003"});
}

TEST_CASE("generated plans pass the plan-file validator") {
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    for (const PlanFile& pf : generate_plan_files(small_generate_options(), taxonomy)) {
        const ParseResult result = parse_plan_file(to_json_text(pf), pf.plan.id + ".json", taxonomy);
        std::string problems;
        for (const Problem& p : result.problems) problems += p.to_string() + "\n";
        CHECK_MESSAGE(result.ok(), problems);
    }
}

TEST_CASE("a generated database loads, flagged, with rule tags derived") {
    test::TempDir dir;
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    Store store = Store::open(dir / "syn.db", OpenMode::create);
    const ImportReport report = generate_database(store, taxonomy, small_generate_options());
    CHECK(report.added_plans.size() == 6);
    CHECK(report.measures == 60);
    CHECK(report.observations == 6 * 4 * 5);
    const Dataset data = load_dataset(store);
    REQUIRE(data.plans.size() == 6);
    CHECK(data.municipalities.size() == 3);
    CHECK(data.observations.size() == 6 * 4 * 5);
    CHECK(std::all_of(data.plans.begin(), data.plans.end(), [](const Plan& p) { return p.is_synthetic; }));
    CHECK(std::all_of(data.observations.begin(), data.observations.end(), [](const Observation& o) { return o.is_sample; }));
    bool any_rule_tag = false;
    for (const Plan& p : data.plans)
        for (const Node& n : p.nodes)
            for (const ThemeTag& t : n.themes) any_rule_tag = any_rule_tag || t.origin == TagOrigin::rule;
    CHECK(any_rule_tag);
}

TEST_CASE("two databases generated with the same options hold the same data") {
    test::TempDir dir;
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    auto database_text = [&](const std::string& name, std::uint64_t seed) {
        Store store = Store::open(dir / name, OpenMode::create);
        generate_database(store, taxonomy, small_generate_options(seed));
        const Dataset data = load_dataset(store);
        std::string text;
        for (const PlanFile& pf : export_plan_files(data)) text += to_json_text(pf);
        return text + observations_to_csv(data.observations);
    };
    const std::string first = database_text("a.db", 7);
    CHECK(first.size() > 10000);
    CHECK(first == database_text("b.db", 7));
    CHECK(first != database_text("c.db", 8));
}

TEST_CASE("seeds, municipalities and generations give independent streams") {
    // With a plain xor, seed 1 / generation 2 would repeat seed 2 / generation 1.
    GenerateOptions o = small_generate_options(1);
    o.municipalities = 1;
    const auto seed1 = generate_plan_files(o, test::bundled_taxonomy());
    o.seed = 2;
    const auto seed2 = generate_plan_files(o, test::bundled_taxonomy());
    REQUIRE(seed1.size() == 2);
    REQUIRE(seed2.size() == 2);
    auto nodes_text = [](const PlanFile& pf) {
        std::string text;
        for (const Node& n : pf.plan.nodes) text += n.name + "|";
        return text;
    };
    CHECK(nodes_text(seed1[1]) != nodes_text(seed2[0]));
    CHECK(nodes_text(seed1[0]) != nodes_text(seed1[1]));
}

TEST_CASE("the largest options stay within the fiscal years plan files accept") {
    GenerateOptions o = small_generate_options();
    o.municipalities = 1;
    o.plans_per_municipality = 20;
    o.years = 31;  // oldest generation ends FY1930: history back to FY1900
    o.measures_per_plan = 3;
    o.indicators_per_plan = 1;
    const auto files = generate_plan_files(o, test::bundled_taxonomy());
    REQUIRE(files.size() == 20);
    for (const PlanFile& pf : files) {
        const ParseResult result = parse_plan_file(to_json_text(pf), pf.plan.id + ".json", test::bundled_taxonomy());
        CHECK_MESSAGE(result.ok(), (result.ok() ? "" : result.problems.front().to_string()));
    }
    o.years = 32;
    CHECK_THROWS_WITH_AS(check_generate_options(o), doctest::Contains("before FY1900"), Error);
}

TEST_CASE("out-of-range options are refused with the option's name") {
    GenerateOptions o = small_generate_options();
    o.municipalities = 0;
    CHECK_THROWS_WITH_AS(check_generate_options(o), doctest::Contains("--municipalities"), Error);
    o = small_generate_options();
    o.years = 0;
    CHECK_THROWS_WITH_AS(generate_plan_files(o, test::bundled_taxonomy()), doctest::Contains("--years"), Error);
}
