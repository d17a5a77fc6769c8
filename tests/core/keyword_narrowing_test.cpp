// Keyword rules tag in the sense the theme means (issue #13 C): 次世代 of
// 次世代型経営 and 区民 as beneficiaries are not education, Nerima's mention of
// Tokyo's 商店街 subsidies is not retail, Shibuya's スタートアップ集積地 is not
// the industrial base.
#include <doctest/doctest.h>

#include <algorithm>

#include "test_support.hpp"
#include "wardscope/theme_rule.hpp"

using namespace wardscope;

namespace {

std::vector<std::string> tags_of(const std::string& plan_file, const std::string& node_id) {
    const ParseResult r = read_plan_file(test::source_dir() / "data" / "plans" / plan_file, test::bundled_taxonomy());
    REQUIRE(r.ok());
    for (const Node& n : r.plan_file.plan.nodes)
        if (n.id == node_id) {
            std::vector<std::string> ids;
            for (const ThemeTag& t : derived_theme_tags(n, test::bundled_taxonomy())) ids.push_back(t.theme_id);
            return ids;
        }
    FAIL("no node " << node_id << " in " << plan_file);
    return {};
}

bool has(const std::vector<std::string>& ids, const char* id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

}  // namespace

TEST_CASE("narrowed keyword rules: the wrong-sense tags go, the meant ones stay") {
    CHECK_FALSE(has(tags_of("kita-vision-2026.json", "st2-p2"), "education"));     // 次世代型経営
    CHECK_FALSE(has(tags_of("kita-vision-2026.json", "st2-p2-m2"), "education"));  // 次世代型経営テーマ
    CHECK_FALSE(has(tags_of("kita-vision-2026.json", "st2"), "education"));        // 区民が…暮らしの豊かさ (beneficiaries)
    CHECK(has(tags_of("kita-vision-2026.json", "st1-p2"), "education"));           // 区民による情報発信 (participation)
    CHECK_FALSE(has(tags_of("nerima-commerce-plan.json", "pl2-st4"), "retail"));   // 東京都の商店街に対する助成
    CHECK(has(tags_of("nerima-commerce-plan.json", "pl2-st1"), "retail"));         // 商店街、商店の意欲的な取組
    CHECK_FALSE(has(tags_of("shibuya-regional-2022.json", "st1"), "infrastructure"));  // スタートアップ集積地
    CHECK(has(tags_of("kita-vision-2026.json", "st1-p3-m2"), "infrastructure"));       // 産業機能の集積
    CHECK(has(tags_of("itabashi-vision-2035.json", "st6-m2"), "education"));           // 次世代教育
    CHECK(has(tags_of("nerima-commerce-plan.json", "pl1-st1"), "education"));   // 区民が連携して…推進 (by hand)
    CHECK_FALSE(has(tags_of("nerima-commerce-plan.json", "pl2-st2"), "education"));  // PR to 区民 (audience)
}

TEST_CASE("a theme's exception phrases mask its keywords there and only there") {
    Taxonomy taxonomy;
    taxonomy.themes = {{"base", "基盤", "Base", {"集積"}, "", ""}};
    taxonomy.keyword_exceptions["base"] = {"スタートアップ集積"};
    Node node;
    node.name = "スタートアップ集積地の形成";
    CHECK(derived_theme_tags(node, taxonomy).empty());
    node.description = "工業の集積を守る";
    REQUIRE(derived_theme_tags(node, taxonomy).size() == 1);
    CHECK(derived_theme_tags(node, taxonomy)[0].origin == TagOrigin::rule);
}

TEST_CASE("the heatmap after the narrowing: the cells it changed, each item in the sense its theme means") {
    // docs/transcription/keyword-rules.md lists every tag the narrowing took away
    // (wardscope table --view heatmap, before and after) and why.
    auto items_carrying = [](const char* plan_id, const char* theme_id) {
        Plan plan = test::bundled_plans().at(plan_id).plan;
        derive_rule_tags(plan, test::bundled_taxonomy());
        std::vector<std::string> ids;
        for (const auto& item : counted_items(plan).items)
            if (item.find(theme_id)) ids.push_back(plan.nodes[static_cast<std::size_t>(item.node)].id);
        return ids;
    };
    // 次世代 of 次世代型経営 and 次世代につなぐ事業承継 is succession, not education: 15 → 13.
    CHECK(items_carrying("kita-vision-2026", "education").size() == 13);
    CHECK_FALSE(has(items_carrying("kita-vision-2026", "education"), "st2-p2-m3"));
    // 次世代へのバトンタッチ支援事業 hands businesses on: 1 → 0 in both generations.
    CHECK(items_carrying("arakawa-regional-2019", "education").empty());
    CHECK(items_carrying("arakawa-regional-2022", "education").empty());
    // Nerima: 区民 as partners of the promotion ((1), （1）) is 区民参画, tagged by hand;
    // 区民 as the audience of PR (（2）) is not: 3 → 2.
    CHECK(items_carrying("nerima-commerce-plan", "education") == std::vector<std::string>{"pl1-st1", "pl2-st1"});
    // 東京都's 商店街に対する助成 in (4) is not a retail item of the plan: 2 → 1.
    CHECK(items_carrying("nerima-commerce-plan", "retail") == std::vector<std::string>{"pl2-st1"});
    // Shibuya's スタートアップ集積地 was only on a heading (1), whose rule tags are not passed on: 0 before and after.
    CHECK(items_carrying("shibuya-regional-2022", "infrastructure").empty());
}
