// The synthetic generator behind `wardscope gen` (issue #5): deterministic,
// the counts asked for, and every plan and observation flagged.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "test_support.hpp"
#include <map>

#include "wardscope/error.hpp"
#include "wardscope/municipality.hpp"
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

TEST_CASE("the synthetic municipalities reach every municipality of Japan: 47 prefectures, kinds, valid codes") {
    const std::vector<Municipality> all = synthetic_municipalities(max_synthetic_municipalities, {});
    REQUIRE(all.size() == 1741);
    std::map<std::string, int> per_prefecture, per_kind;
    std::set<std::string> codes, ids;
    for (const Municipality& m : all) {
        ++per_prefecture[m.prefecture];
        ++per_kind[m.kind];
        CHECK(valid_local_government_code(m.code));
        REQUIRE(find_prefecture(m.prefecture) != nullptr);
        CHECK(prefecture_of_code(m.code) == find_prefecture(m.prefecture));
        CHECK(m.name_ja.starts_with("合成"));
        CHECK_FALSE(m.name_kana.empty());
        codes.insert(m.code);
        ids.insert(m.id);
    }
    CHECK(per_prefecture.size() == 47);
    CHECK(codes.size() == 1741);
    CHECK(ids.size() == 1741);
    CHECK(per_prefecture["北海道"] == 179);
    CHECK(per_prefecture["東京都"] == 62);
    CHECK(per_prefecture["鳥取県"] == 19);
    CHECK(per_kind["区"] == 23);  // Tokyo's special wards only
    CHECK(per_kind["市"] + per_kind["町"] + per_kind["村"] == 1718);
    // The first 62 are Tokyo's, as the default size always was.
    CHECK(all[0].id == "syn-001");
    CHECK(all[0].name_ja == "合成区001");
    CHECK(all[0].code == "131016");
    CHECK(all[61].name_ja == "合成村062");
    CHECK(all[62].prefecture == "北海道");
    // A smaller count is the same list's beginning.
    const std::vector<Municipality> first = synthetic_municipalities(70, {});
    REQUIRE(first.size() == 70);
    CHECK(first.back().code == all[69].code);
}

TEST_CASE("gen --national: 1741 × 5 × 60 × 10 × 10 within the limits, the default still 62 of Tokyo") {
    const GenerateOptions national = national_generate_options();
    CHECK(national.municipalities == 1741);
    CHECK(national.plans_per_municipality == 5);
    CHECK(national.measures_per_plan == 60);
    CHECK(national.indicators_per_plan == 10);
    CHECK(national.years == 10);
    CHECK_NOTHROW(check_generate_options(national));
    GenerateOptions too_many = national;
    too_many.municipalities = 1742;
    CHECK_THROWS_WITH(check_generate_options(too_many), "synthetic data: --municipalities must be 1 to 1741 (every municipality of Japan)");
    CHECK(GenerateOptions{}.municipalities == 62);

    // The national layout, deterministic and valid, at a reduced size: the
    // first municipalities outside Tokyo, every generated file passes the validator.
    GenerateOptions reduced = test::small_generate_options(3);
    reduced.municipalities = 65;
    reduced.plans_per_municipality = 1;
    reduced.measures_per_plan = 2;
    reduced.indicators_per_plan = 1;
    reduced.years = 1;
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    const auto files = generate_plan_files(reduced, taxonomy);
    REQUIRE(files.size() == 65);
    CHECK(fingerprint(files) == fingerprint(generate_plan_files(reduced, taxonomy)));
    CHECK(files.back().municipality.prefecture == "北海道");
    std::vector<ParseResult> parsed;
    for (const PlanFile& pf : files) {
        parsed.push_back(parse_plan_file(to_json_text(pf), pf.plan.id + ".json", taxonomy));
        CHECK_MESSAGE(parsed.back().ok(), pf.plan.id);
        CHECK(parsed.back().plan_file.municipality.code == pf.municipality.code);
        CHECK(pf.plan.is_synthetic);
    }
    CHECK(check_plan_set(parsed).empty());
}
