#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "wardscope/plan_index.hpp"

using namespace wardscope;

namespace {

Node node(std::string id, std::string parent, NodeLevel level, std::string name,
          std::vector<ThemeTag> themes = {}, std::string label = {}) {
    Node n;
    n.id = std::move(id);
    n.parent_id = std::move(parent);
    n.level = to_string(level);
    n.name = std::move(name);
    n.themes = std::move(themes);
    n.label = std::move(label);
    return n;
}

ThemeTag hand(std::string id) { return ThemeTag{std::move(id), TagOrigin::hand}; }
ThemeTag rule(std::string id) { return ThemeTag{std::move(id), TagOrigin::rule}; }

Taxonomy taxonomy() {
    Taxonomy t;
    t.themes.push_back(Theme{"startup", "創業", "Startups", {"創業"}, "", ""});
    t.themes.push_back(Theme{"talent", "人材", "Talent", {"人材"}, "", ""});
    t.themes.push_back(Theme{"digital", "DX・デジタル", "Digital", {"DX"}, "", ""});
    return t;
}

// Itabashi-like: pillar → strategy → measure, with a SWOT and an indicator.
Plan vision_plan() {
    Plan p;
    p.id = "ita-2035";
    p.municipality_id = "itabashi";
    p.title = "板橋区産業振興構想2035";
    p.title_en = "Itabashi Industrial Promotion Vision 2035";
    p.vision = "ひととひとがつながることで産業が成長するまち";
    p.start_fy = 2026;
    p.end_fy = 2035;
    p.nodes = {
        node("p1", "", NodeLevel::pillar, "時代の変化を乗り越える産業基盤の強化", {}, "柱1"),
        node("s1", "p1", NodeLevel::strategy, "区内産業を内側から支える産業支援体制の構築", {}, "戦略1"),
        node("m1", "s1", NodeLevel::measure, "包括的な伴走支援", {hand("startup")}),
        node("m2", "s1", NodeLevel::measure, "ＩｏＴ導入支援", {rule("digital"), hand("digital")}),
        node("s2", "p1", NodeLevel::strategy, "企業の成長を推進する次代を担う人づくり", {}, "戦略2"),
        node("m3", "s2", NodeLevel::measure, "多様な人材の確保・定着支援", {hand("talent"), rule("startup")}),
        node("m4", "s2", NodeLevel::measure, "中核人材の育成"),
    };
    p.nodes[3].is_new = true;
    Indicator ind;
    ind.id = "kpi1";
    ind.name = "伴走支援の件数";
    ind.node_id = "m1";
    ind.target.value = 50;
    p.indicators.push_back(ind);
    Indicator kgi;
    kgi.id = "kgi";
    kgi.name = "区内事業所数";
    p.indicators.push_back(kgi);
    p.swot.push_back(SwotItem{"st1", Quadrant::strength, "光学の競争力の高さ", "", {}, ""});
    return p;
}

Dataset dataset() {
    Dataset d;
    d.taxonomy = taxonomy();
    d.municipalities.push_back(Municipality{"sumida", "墨田区", "Sumida", "区", "", {}, "", "", {}});
    d.municipalities.push_back(Municipality{"itabashi", "板橋区", "Itabashi", "区", "", {}, "", "", {}});
    Plan a;
    a.id = "sumida-2022";
    a.municipality_id = "sumida";
    a.title = "墨田区地域産業活性化計画";
    a.start_fy = 2022;
    a.nodes = {node("a1", "", NodeLevel::strategy, "多様な主体との連携", {hand("startup")})};
    Plan b;
    b.id = "sumida-2019";
    b.municipality_id = "sumida";
    b.title = "墨田区地域産業活性化計画";
    b.start_fy = 2019;
    b.nodes = {node("b1", "", NodeLevel::strategy, "ものづくりのDX推進")};
    Plan c;
    c.id = "sumida-unknown";
    c.municipality_id = "sumida";
    c.title = "墨田区 計画（期間不明）";
    d.plans = {a, b, c, vision_plan()};
    return d;
}

}  // namespace

TEST_CASE("plan tree: children, roots, depth, counts and paths") {
    Plan p = vision_plan();
    PlanTree t = build_plan_tree(p);
    REQUIRE(t.roots == std::vector<int>{0});
    CHECK(t.children[0] == std::vector<int>{1, 4});
    CHECK(t.children[1] == std::vector<int>{2, 3});
    CHECK(t.depth[3] == 2);
    CHECK(t.descendants[0] == 6);
    CHECK(t.descendants[1] == 2);
    CHECK(t.measures[0] == 4);
    CHECK(t.measures[4] == 2);
    CHECK(t.measures[2] == 1);
    CHECK(t.find("m3") == 5);
    CHECK(t.find("nope") == -1);
    CHECK(t.path_to(5) == std::vector<int>{0, 4, 5});
    CHECK(t.path_to(-1).empty());
    CHECK(t.is_leaf(2));
    CHECK_FALSE(t.is_leaf(1));
}

TEST_CASE("plan tree: a node whose parent is missing is top-level") {
    Plan p;
    p.nodes = {node("a", "", NodeLevel::strategy, "A"), node("b", "ghost", NodeLevel::measure, "B"),
               node("c", "a", NodeLevel::measure, "C")};
    PlanTree t = build_plan_tree(p);
    CHECK(t.roots == std::vector<int>{0, 1});
    CHECK(t.parent[1] == -1);
    CHECK(t.children[0] == std::vector<int>{2});
}

TEST_CASE("count_plan counts levels, 新規, indicators with a known target") {
    PlanCounts c = count_plan(vision_plan());
    CHECK(c.per_level == std::vector<int>{1, 2, 0, 4});  // pillar, strategy, policy, measure
    CHECK(c.measures == 4);
    CHECK(c.nodes() == 7);
    CHECK(c.new_nodes == 1);
    CHECK(c.indicators == 2);
    CHECK(c.indicators_with_target == 1);
    CHECK(c.swot_items == 1);
}

TEST_CASE("fold_for_search folds ASCII case and full-width forms, keeps offsets") {
    std::vector<std::size_t> off;
    std::string f = fold_for_search("ＩｏＴとAI", &off);
    CHECK(f == "iotトai");  // hiragana folds to katakana
    REQUIRE(off.size() == f.size() + 1);
    CHECK(off[0] == 0);
    CHECK(off[1] == 3);
    CHECK(off[3] == 9);   // と starts after three 3-byte characters
    CHECK(off.back() == std::string("ＩｏＴとAI").size());
    CHECK(fold_for_search("令和　8") == "令和 8");
}

TEST_CASE("fold_for_search is NFKC with case folding: width and case do not matter") {
    CHECK(fold_for_search("ｓｕｍｉｄａ") == fold_for_search("Sumida"));
    CHECK(fold_for_search("SUMIDA") == "sumida");
    CHECK(fold_for_search("ｽﾐﾀﾞ") == "スミダ");  // half-width katakana, voiced mark composed
    CHECK(fold_for_search("①") == "1");
    std::vector<std::size_t> off;
    CHECK(fold_for_search("ｽﾐﾀﾞ区", &off) == "スミダ区");
    REQUIRE(off.size() == std::string("スミダ区").size() + 1);
    CHECK(off[6] == 6);   // ダ comes from ﾀﾞ: two half-width characters from byte 6
    CHECK(off[9] == 12);  // 区 after them
    CHECK(is_folded_for_search("墨田区産業"));
    CHECK_FALSE(is_folded_for_search("墨田区の産業"));  // の folds to ノ
    CHECK_FALSE(is_folded_for_search("Sumida"));
}

TEST_CASE("search matches across width and case, and marks the match in the text as written") {
    Dataset d = dataset();
    d.plans[0].title = "ＳＵＭＩＤＡ ｽﾀｰﾄｱｯﾌﾟ計画";
    for (const char* query : {"sumida", "Ｓｕｍｉｄａ", "SUMIDA", "スタートアップ"}) {
        CAPTURE(query);
        const auto hits = search_plans(d, query);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].plan_index == 0);
        CHECK(hits[0].field == MatchField::plan_title);
        const std::string marked = hits[0].context.substr(hits[0].match_begin, hits[0].match_size);
        CHECK((marked == "ＳＵＭＩＤＡ" || marked == "ｽﾀｰﾄｱｯﾌﾟ"));
    }
}

TEST_CASE("search: Japanese substring across all plans, with plan and node") {
    Dataset d = dataset();
    auto hits = search_plans(d, "人材");
    REQUIRE(hits.size() == 2);  // m3 and m4 of the vision plan
    CHECK(hits[0].plan_index == 3);
    CHECK(hits[0].node_index == 5);
    CHECK(hits[0].item_id == "m3");
    CHECK(hits[0].field == MatchField::node_name);
    CHECK(hits[0].context.substr(hits[0].match_begin, hits[0].match_size) == "人材");

    auto ren = search_plans(d, "連携");
    REQUIRE(ren.size() == 1);
    CHECK(d.plans[ren[0].plan_index].id == "sumida-2022");
}

TEST_CASE("search: plan fields, indicators and SWOT items") {
    Dataset d = dataset();
    auto title = search_plans(d, "墨田区");
    CHECK(title.size() == 3);
    for (const auto& h : title) CHECK(h.field == MatchField::plan_title);

    auto ind = search_plans(d, "伴走支援の件数");
    REQUIRE(ind.size() == 1);
    CHECK(ind[0].field == MatchField::indicator);
    CHECK(ind[0].item_id == "kpi1");
    CHECK(ind[0].node_index == 2);  // the node it measures

    auto sw = search_plans(d, "光学");
    REQUIRE(sw.size() == 1);
    CHECK(sw[0].field == MatchField::swot);
    CHECK(sw[0].node_index == -1);
}

TEST_CASE("search: English is case-insensitive, full-width matches half-width, blank gives nothing") {
    Dataset d = dataset();
    auto en = search_plans(d, "  VISION 2035 ");
    REQUIRE(en.size() == 1);
    CHECK(en[0].field == MatchField::plan_title_en);
    CHECK(en[0].context.substr(en[0].match_begin, en[0].match_size) == "Vision 2035");

    auto iot = search_plans(d, "iot");
    REQUIRE(iot.size() == 1);
    CHECK(iot[0].item_id == "m2");
    CHECK(iot[0].context.substr(iot[0].match_begin, iot[0].match_size) == "ＩｏＴ");

    auto fw = search_plans(d, "ｉＯｔ導入");  // full-width query, mixed case
    REQUIRE(fw.size() == 1);
    CHECK(fw[0].item_id == "m2");

    Dataset spaced;
    Plan sp;
    sp.title = "連携　強化";  // ideographic space
    spaced.plans.push_back(sp);
    CHECK(search_plans(spaced, "連携 強化").size() == 1);
    CHECK(search_plans(spaced, "連携　強化").size() == 1);
    CHECK(search_plans(spaced, "連携強化").empty());

    CHECK(search_plans(d, "").empty());
    CHECK(search_plans(d, "   ").empty());
    CHECK(search_plans(d, "存在しない語").empty());
}

TEST_CASE("search: context is cut on code point boundaries and marked with …") {
    Dataset d;
    Plan p;
    p.id = "p";
    p.title = "あいうえおかきくけこさしすせそ";
    d.plans.push_back(p);
    SearchOptions opt;
    opt.context_chars = 2;
    auto hits = search_plans(d, "かき", opt);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].context == "…えおかきくけ…");
    CHECK(hits[0].context.substr(hits[0].match_begin, hits[0].match_size) == "かき");

    opt.max_hits = 0;
    CHECK(search_plans(d, "かき", opt).empty());
}

TEST_CASE("theme profile: measures per theme, hand over rule, shares") {
    ThemeProfile prof = theme_profile(vision_plan(), taxonomy());
    CHECK(prof.total == 4);
    CHECK(prof.untagged == 1);
    CHECK_FALSE(prof.counts_leaves);
    REQUIRE(prof.themes.size() == 3);
    const ThemeCount* startup = prof.find("startup");
    REQUIRE(startup);
    CHECK(startup->items == 2);
    CHECK(startup->hand == 1);
    CHECK(startup->rule == 1);
    CHECK(startup->share == doctest::Approx(0.5));
    const ThemeCount* digital = prof.find("digital");
    REQUIRE(digital);
    CHECK(digital->items == 1);  // hand and rule on the same node count once, as hand
    CHECK(digital->hand == 1);
    CHECK(digital->rule == 0);
    CHECK(prof.find("talent")->share == doctest::Approx(0.25));
    CHECK(prof.find("nope") == nullptr);
}

TEST_CASE("theme profile: plans without measures count leaves, and unknown theme ids are kept") {
    Plan p;
    p.nodes = {node("a", "", NodeLevel::strategy, "A", {hand("startup")}),
               node("b", "a", NodeLevel::policy, "B", {hand("mystery")}), node("c", "", NodeLevel::strategy, "C")};
    ThemeProfile prof = theme_profile(p, taxonomy());
    CHECK(prof.counts_leaves);
    CHECK(prof.total == 2);  // b and c
    CHECK(prof.untagged == 1);
    CHECK(prof.find("startup")->items == 1);  // b carries its parent a's theme
    CHECK(prof.find("startup")->hand == 1);
    REQUIRE(prof.find("mystery"));
    CHECK(prof.find("mystery")->items == 1);
    CHECK(theme_profile(Plan{}, taxonomy()).total == 0);
}

TEST_CASE("generations: a municipality's plans by start year, unknown last") {
    Dataset d = dataset();
    auto g = plan_generations(d, "sumida");
    REQUIRE(g.size() == 3);
    CHECK(d.plans[g[0]].id == "sumida-2019");
    CHECK(d.plans[g[1]].id == "sumida-2022");
    CHECK(d.plans[g[2]].id == "sumida-unknown");
    CHECK(plan_generations(d, "nowhere").empty());

    auto groups = generation_groups(d);
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].municipality_id == "sumida");
    CHECK(generation_groups(d, 1).size() == 2);
}

TEST_CASE("alignment: similar strategies share a row, others get their own, order kept") {
    Plan a;
    a.nodes = {node("a1", "", NodeLevel::strategy, "多様な主体との連携", {hand("startup")}),
               node("a2", "", NodeLevel::strategy, "感染症・災害など社会変革への対応"),
               node("a3", "", NodeLevel::strategy, "その他")};
    Plan b;
    b.nodes = {node("b0", "", NodeLevel::strategy, "全く別の新しい取組"),
               node("b1", "", NodeLevel::strategy, "多様な主体との連携強化", {hand("startup")}),
               node("b3", "", NodeLevel::strategy, "その他")};
    auto rows = align_strategies({&a, &b});
    // a1↔b1, a3↔b3; b0 is new and comes before b1's row; a2 has no partner.
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].nodes == std::vector<int>{-1, 0});
    CHECK(rows[1].nodes == std::vector<int>{0, 1});
    CHECK(rows[1].score > 0.5);
    CHECK(rows[1].shared_themes == std::vector<std::string>{"startup"});
    CHECK(rows[2].nodes == std::vector<int>{1, -1});
    CHECK(rows[3].nodes == std::vector<int>{2, 2});
    CHECK(rows[0].score == 0);

    Plan c = a;
    auto three = align_strategies({&a, &b, &c});
    for (const auto& r : three) {
        REQUIRE(r.nodes.size() == 3);
        if (r.nodes[0] >= 0) CHECK(r.nodes[2] == r.nodes[0]);  // identical plan aligns with itself
    }
    CHECK(align_strategies({}).empty());
    CHECK(align_strategies({&a}).size() == 3);
}

TEST_CASE("alignment: unmatched strategies interleave by position, earlier plans first on ties") {
    Plan a;
    a.nodes = {node("x", "", NodeLevel::strategy, "創業支援"), node("y", "", NodeLevel::strategy, "観光振興")};
    Plan b;
    b.nodes = {node("p", "", NodeLevel::strategy, "農業の担い手"), node("q", "", NodeLevel::strategy, "防災対策")};
    auto rows = align_strategies({&a, &b});
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].nodes == std::vector<int>{0, -1});
    CHECK(rows[1].nodes == std::vector<int>{-1, 0});
    CHECK(rows[2].nodes == std::vector<int>{1, -1});
    CHECK(rows[3].nodes == std::vector<int>{-1, 1});
}

TEST_CASE("alignment: every top-level node appears exactly once") {
    Plan a = vision_plan();
    Plan b;
    b.nodes = {node("x", "", NodeLevel::strategy, "人づくり"), node("y", "", NodeLevel::strategy, "産業基盤の強化"),
               node("z", "x", NodeLevel::measure, "中核人材の育成", {hand("talent")})};
    auto rows = align_strategies({&a, &b});
    int count_a = 0, count_b = 0;
    for (const auto& r : rows) {
        count_a += r.nodes[0] >= 0;
        count_b += r.nodes[1] >= 0;
    }
    CHECK(count_a == 1);
    CHECK(count_b == 2);
}

TEST_CASE("strategy similarity is symmetric and 1 for identical strategies") {
    Plan a = vision_plan();
    PlanTree t = build_plan_tree(a);
    CHECK(strategy_similarity(a, t, 0, a, t, 0) == doctest::Approx(1.0));
    Plan b;
    b.nodes = {node("q", "", NodeLevel::strategy, "産業基盤の強化")};
    PlanTree tb = build_plan_tree(b);
    double ab = strategy_similarity(a, t, 0, b, tb, 0);
    CHECK(ab == doctest::Approx(strategy_similarity(b, tb, 0, a, t, 0)));
    CHECK(ab > 0.0);
    CHECK(ab < 1.0);
}

TEST_CASE("format_value: no trailing zeros, thousands separators") {
    CHECK(format_value(46) == "46");
    CHECK(format_value(12.5) == "12.5");
    CHECK(format_value(1234) == "1,234");
    CHECK(format_value(1234567.25) == "1,234,567.25");
    CHECK(format_value(-0.75) == "-0.75");
    CHECK(format_value(0) == "0");
    CHECK(format_value(-0.0) == "0");
    CHECK(format_value(100) == "100");
}

TEST_CASE("search folds kana: hiragana finds katakana and back, with width and case") {
    CHECK(fold_for_search("すみだ") == fold_for_search("スミダ"));
    CHECK(fold_for_search("ｽﾐﾀﾞ") == fold_for_search("すみだ"));
    CHECK(fold_for_search("ＤＸ") == fold_for_search("dx"));
    CHECK(fold_for_search("ゝゞ") == fold_for_search("ヽヾ"));
    CHECK(fold_for_search("漢字") == "漢字");
    CHECK_FALSE(is_folded_for_search("ひらがな"));
    CHECK(is_folded_for_search(fold_for_search("ひらがな")));
    // Offsets still point into the original text (hiragana and katakana are both three bytes).
    std::vector<std::size_t> offsets;
    const std::string folded = fold_for_search("aすみだB", &offsets);
    CHECK(folded == "aスミダb");
    REQUIRE(offsets.size() == folded.size() + 1);
    CHECK(offsets[1] == 1);
    CHECK(offsets[folded.size() - 1] == std::string("aすみだ").size());
}

TEST_CASE("search finds every kind of text field, and the notes, folding kana") {
    Dataset d = dataset();
    Plan& ita = d.plans[3];
    ita.approved_by = "産業振興審議会";
    ita.focus_fields = {"ものづくり"};
    ita.indicators[0].unit = "件数（延べ）";
    ita.indicators[1].target.note = "令和11年度見込み";
    ita.nodes[2].description = "専門家がていねいに伴走する";
    ita.tows.push_back(TowsStrategy{"so1", TowsType::SO, "光学技術で新市場へ", "", {}, {}, {}});
    const std::vector<Annotation> notes = {Annotation{1, {"ita-2035", ItemKind::node, "m4"}, "要確認: けんしゅうの予算", 3, ""},
                                           Annotation{2, {"gone-plan", ItemKind::node, "x"}, "けんしゅう", std::nullopt, ""}};
    auto one = [&](std::string_view query) {
        auto hits = search_plans(d, query, {}, notes);
        REQUIRE_MESSAGE(hits.size() == 1, query);
        return hits[0];
    };
    CHECK(one("Itabashi").field == MatchField::plan_title_en);
    CHECK(one("板橋区").field == MatchField::plan_title);  // the title comes first
    CHECK(one("審議会").field == MatchField::plan_other);
    CHECK(search_plans(d, "モノヅクリ").size() == 2);  // katakana finds the hiragana: a node, a focus field
    CHECK(one("延べ").field == MatchField::indicator);
    CHECK(one("11年度見込").item_id == "kgi");
    CHECK(one("テイネイ").field == MatchField::node_description);
    CHECK(one("新市場").field == MatchField::tows);
    const SearchHit note = one("ケンシュウ");  // the note on a plan that is gone is not found
    CHECK(note.field == MatchField::note);
    CHECK(note.item_id == "m4");
    CHECK(note.node_index == 6);
    CHECK(note.context.substr(note.match_begin, note.match_size) == "けんしゅう");
    // The municipality's name finds its plans (Sumida has three; their titles say 墨田区 too).
    for (const auto& h : search_plans(d, "sumida")) CHECK(h.field == MatchField::municipality);
    CHECK(search_plans(d, "sumida").size() == 3);
}
