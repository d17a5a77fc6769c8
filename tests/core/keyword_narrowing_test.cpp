// Keyword rules tag in the sense the theme means (issue #13 C): 次世代 of
// 次世代型経営 and 区民 as beneficiaries are not education, Nerima's mention of
// Tokyo's 商店街 subsidies is not retail, Shibuya's スタートアップ集積地 is not
// the industrial base.
#include <doctest/doctest.h>

#include <algorithm>

#include "test_support.hpp"

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
