// The bundled dataset against figures read off the seed documents by hand.
// A change in these counts means the transcription changed: check the seed.
#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "test_support.hpp"

using namespace wardscope;

namespace {

struct Expected {
    const char* plan_id;
    const char* municipality_id;
    int start_fy, end_fy;  // 0 = unknown in the source
    int pillars, strategies, policies, measures, new_measures;
    int strengths, weaknesses, opportunities, threats, tows;
    int kgis, kpis, outcome_indicators;  // KGI / KPI / 成果指標
};

// Read off ../shared/seeds by hand (see docs/dataset.md).
const Expected expected_plans[] = {
    // 000: 3 pillars, 7 strategies, 2 items under each strategy + 1 under 柱1; SWOT 4/4/3/3; SO/ST/WO/WT; KGI + KPI①–⑧
    {"itabashi-vision-2035", "itabashi", 2026, 2035, 3, 7, 0, 15, 0, 4, 4, 3, 3, 4, 1, 8, 0},
    // 001: 3 strategies, 9 方針, 24 施策 in the 施策体系 + 17 ● 主な施策 (12 marked 新規), 3 成果指標
    {"kita-vision-2026", "kita", 2026, 2033, 0, 3, 9, 41, 12, 0, 0, 0, 0, 0, 0, 0, 3},
    // 002 (平成31–33年度)
    {"sumida-regional-2019", "sumida", 2019, 2021, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {"arakawa-regional-2019", "arakawa", 2019, 2021, 0, 3, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {"itabashi-regional-2019", "itabashi", 2019, 2021, 0, 3, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {"ome-regional-2019", "ome", 2019, 2021, 0, 3, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    // 003 (令和4–6年度)
    {"sumida-regional-2022", "sumida", 2022, 2024, 0, 3, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {"shibuya-regional-2022", "shibuya", 2022, 2024, 0, 3, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {"arakawa-regional-2022", "arakawa", 2022, 2024, 0, 2, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {"itabashi-regional-2022", "itabashi", 2022, 2024, 0, 3, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {"ome-regional-2022", "ome", 2022, 2024, 0, 3, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {"fussa-regional-2022", "fussa", 2022, 2024, 0, 3, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    // 004: period not in the extract; 3 sections as pillars (推進体制 / 区の支援のあり方 / 計画の進行管理),
    // 2 推進体制 + 4 support principles as strategies; no measures, SWOT or indicators
    {"nerima-commerce-plan", "nerima", 0, 0, 3, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
};

int count_level(const Plan& plan, NodeLevel level) {
    return static_cast<int>(std::count_if(plan.nodes.begin(), plan.nodes.end(), [&](const Node& n) { return n.level == to_string(level); }));
}

}  // namespace

TEST_CASE("the bundled dataset holds the 13 plans of the 8 municipalities in the seeds") {
    const auto plans = test::bundled_plans();
    CHECK(plans.size() == 13);
    std::set<std::string> municipalities;
    for (const auto& [id, pf] : plans) municipalities.insert(pf.municipality.id);
    CHECK(municipalities == std::set<std::string>{"arakawa", "fussa", "itabashi", "kita", "nerima", "ome", "shibuya", "sumida"});
    CHECK(check_plan_set([&] {
              std::vector<ParseResult> results;
              for (const auto& [id, pf] : plans) results.push_back({id + ".json", pf, {}, {}});
              return results;
          }()).empty());
}

TEST_CASE("counts per plan match the seeds") {
    const auto plans = test::bundled_plans();
    CHECK(std::size(expected_plans) == plans.size());  // every bundled plan has a row
    for (const Expected& e : expected_plans) {
        CAPTURE(e.plan_id);
        auto it = plans.find(e.plan_id);
        REQUIRE(it != plans.end());
        const Plan& plan = it->second.plan;
        CHECK(plan.municipality_id == e.municipality_id);
        CHECK(plan.start_fy.value_or(0) == e.start_fy);
        CHECK(plan.end_fy.value_or(0) == e.end_fy);
        CHECK(count_level(plan, NodeLevel::pillar) == e.pillars);
        CHECK(count_level(plan, NodeLevel::strategy) == e.strategies);
        CHECK(count_level(plan, NodeLevel::policy) == e.policies);
        CHECK(count_level(plan, NodeLevel::measure) == e.measures);
        CHECK(std::count_if(plan.nodes.begin(), plan.nodes.end(), [](const Node& n) { return n.is_new; }) == e.new_measures);
        auto quadrant = [&](Quadrant q) {
            return std::count_if(plan.swot.begin(), plan.swot.end(), [&](const SwotItem& s) { return s.quadrant == q; });
        };
        CHECK(quadrant(Quadrant::strength) == e.strengths);
        CHECK(quadrant(Quadrant::weakness) == e.weaknesses);
        CHECK(quadrant(Quadrant::opportunity) == e.opportunities);
        CHECK(quadrant(Quadrant::threat) == e.threats);
        CHECK(static_cast<int>(plan.tows.size()) == e.tows);
        auto kind = [&](const char* k) {
            return std::count_if(plan.indicators.begin(), plan.indicators.end(), [&](const Indicator& i) { return i.kind == k; });
        };
        CHECK(kind("KGI") == e.kgis);
        CHECK(kind("KPI") == e.kpis);
        CHECK(kind("成果指標") == e.outcome_indicators);
    }
}

TEST_CASE("Kita's outcome indicators carry the values the text gives, and no others") {
    const auto plans = test::bundled_plans();
    const Plan& kita = plans.at("kita-vision-2026").plan;
    REQUIRE(kita.indicators.size() == 3);
    // 戦略1: — → 21事業 (R11)
    CHECK_FALSE(kita.indicators[0].baseline.value.has_value());
    CHECK(kita.indicators[0].target.value == 21.0);
    CHECK(kita.indicators[0].target.fiscal_year == 2029);
    // 戦略2: 46% (R7年2月時点) → 50% (R11)
    CHECK(kita.indicators[1].baseline.value == 46.0);
    CHECK(kita.indicators[1].target.value == 50.0);
    CHECK(kita.indicators[1].unit == "%");
    // 戦略3: 193 (R7年度見込み) → 457 (R11)
    CHECK(kita.indicators[2].baseline.value == 193.0);
    CHECK(kita.indicators[2].baseline.fiscal_year == 2025);
    CHECK(kita.indicators[2].target.value == 457.0);
}

TEST_CASE("Itabashi 2035 is a draft whose KPIs have no values yet") {
    const auto plans = test::bundled_plans();
    const Plan& plan = plans.at("itabashi-vision-2035").plan;
    CHECK(plan.status == "素案");
    CHECK(plan.viewpoints == std::vector<std::string>{"変革", "連携", "集積"});
    CHECK(plan.focus_fields == std::vector<std::string>{"ヘルスケア", "ドローン"});
    for (const Indicator& ind : plan.indicators) {
        CAPTURE(ind.id);
        CHECK_FALSE(ind.baseline.value.has_value());
        CHECK_FALSE(ind.target.value.has_value());
    }
}

TEST_CASE("every item of the bundled data is traceable to a seed file and section" * doctest::test_suite("seeds")) {
    const auto plans = test::bundled_plans();
    const auto seeds = std::filesystem::path(WARDSCOPE_SEEDS_DIR);
    REQUIRE_MESSAGE(std::filesystem::exists(seeds), "the seed documents belong in ../shared/seeds beside the repo");
    for (const auto& [id, pf] : plans) {
        CAPTURE(id);
        const Plan& plan = pf.plan;
        CHECK_FALSE(plan.is_synthetic);
        auto check_source = [&](const SourceRef& s) {
            CHECK_FALSE(s.empty());
            if (!s.file.empty()) {
                CHECK_FALSE(s.section.empty());
                CHECK(std::filesystem::exists(seeds / s.file));
            }
        };
        check_source(plan.source);
        for (const Node& n : plan.nodes) check_source(n.source);
        for (const SwotItem& s : plan.swot) check_source(s.source);
        for (const TowsStrategy& t : plan.tows) check_source(t.source);
        for (const Indicator& i : plan.indicators) check_source(i.source);
    }
}

TEST_CASE("names in the bundled data appear in their seed as written" * doctest::test_suite("seeds")) {
    const auto seeds = std::filesystem::path(WARDSCOPE_SEEDS_DIR);
    REQUIRE_MESSAGE(std::filesystem::exists(seeds), "the seed documents belong in ../shared/seeds beside the repo");
    const auto squeeze = test::without_layout_spaces;
    std::map<std::string, std::string> seed_text;
    for (const auto& [id, pf] : test::bundled_plans()) {
        const std::string& file = pf.plan.source.file;
        if (file.empty()) continue;
        if (!seed_text.contains(file)) seed_text[file] = squeeze(test::read_file(seeds / file));
        const std::string& text = seed_text[file];
        for (const Node& n : pf.plan.nodes) {
            CAPTURE(id);
            CAPTURE(n.name);
            CHECK(text.find(squeeze(n.name)) != std::string::npos);
        }
        for (const SwotItem& s : pf.plan.swot) {
            CAPTURE(s.text);
            CHECK(text.find(squeeze(s.text)) != std::string::npos);
        }
        for (const Indicator& i : pf.plan.indicators) {
            CAPTURE(i.name);
            CHECK(text.find(squeeze(i.name)) != std::string::npos);
        }
    }
}
