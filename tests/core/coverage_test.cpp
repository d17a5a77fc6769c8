// The strategy-coverage matrix: counts, shares, presence, leaf counting, row and
// column orders, similarity, drill-down lists, and one plan of the bundled data
// counted by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "wardscope/coverage.hpp"
#include "wardscope/plan_index.hpp"

using namespace wardscope;

namespace {

using test::hand;
using test::node;
using test::rule;
SourceRef src(std::string section) { return SourceRef{"f.txt", std::move(section), "", ""}; }

Plan plan(std::string id, std::string municipality, std::string title, std::optional<int> start,
          std::optional<int> end, std::vector<Node> nodes) {
    Plan p;
    p.id = std::move(id);
    p.municipality_id = std::move(municipality);
    p.title = std::move(title);
    p.start_fy = start;
    p.end_fy = end;
    p.nodes = std::move(nodes);
    p.source = src("plan");
    return p;
}

// Themes [startup, talent, digital, retail]. Share vectors of the plans:
//   kita-2019   [0.5, 0,   0,   0.5]  (no measure level: leaves counted)
//   kita-2026   [0.4, 0.4, 0.2, 0  ]  (5 measures)
//   ome-2022    [0,   0,   1,   0  ]  (synthetic)
//   ome-unknown [0.5, 0,   0,   1  ]  (no period)
//   ghost-2020  [0,   1,   0,   0  ]  (municipality not in the dataset)
Dataset dataset() {
    Dataset d;
    d.taxonomy.themes = {Theme{"startup", "創業", "Startups", {}, "", ""}, Theme{"talent", "人材", "Talent", {}, "", ""},
                         Theme{"digital", "DX・デジタル", "Digital", {}, "", ""}, Theme{"retail", "商店街", "Retail", {}, "", ""}};
    d.municipalities = {Municipality{"kita", "北区", "Kita", "区", "", {}, "", "", {}},
                        Municipality{"ome", "青梅市", "Ome", "市", "", {}, "", "", {}}};
    Plan ghost = plan("ghost-2020", "ghost", "Ghost plan", 2020, 2022,
                      {node("g1", "", NodeLevel::measure, {hand("talent")}),
                       node("g2", "", NodeLevel::measure, {rule("talent")})});
    Plan ome_unknown = plan("ome-unknown", "ome", "青梅市商工業振興計画", std::nullopt, std::nullopt,
                            {node("u1", "", NodeLevel::measure, {hand("retail")}),
                             node("u2", "", NodeLevel::measure, {hand("retail"), hand("startup")})});
    Plan ome_2022 = plan("ome-2022", "ome", "青梅市地域産業活性化計画", 2022, 2024,
                         {node("s1", "", NodeLevel::strategy), node("o1", "s1", NodeLevel::measure, {hand("digital")})});
    ome_2022.is_synthetic = true;
    Plan kita_2026 = plan("kita-2026", "kita", "北区産業活性化ビジョン", 2026, 2033,
                          {
                              node("s1", "", NodeLevel::strategy, {hand("network-unknown")}, src("戦略1")),  // 0
                              node("p1", "s1", NodeLevel::policy),                                          // 1
                              node("m1", "p1", NodeLevel::measure, {hand("startup")}),                      // 2
                              node("m2", "p1", NodeLevel::measure, {hand("startup"), hand("talent")}, src("m2")),  // 3
                              node("m3", "p1", NodeLevel::measure, {hand("network-unknown")}),             // 4
                              node("s2", "", NodeLevel::strategy),                                          // 5
                              node("m4", "s2", NodeLevel::measure, {rule("digital"), hand("digital")}),     // 6
                              node("m5", "s2", NodeLevel::measure, {rule("talent")}, src("m5")),           // 7
                          });
    Plan kita_2019 = plan("kita-2019", "kita", "北区産業振興計画", 2019, 2021,
                          {node("s1", "", NodeLevel::strategy, {hand("startup")}),
                           node("a", "s1", NodeLevel::policy, {hand("startup")}),
                           node("s2", "", NodeLevel::strategy, {hand("retail")})});
    // Deliberately not in grouped order.
    d.plans = {ghost, ome_unknown, ome_2022, kita_2026, kita_2019};
    return d;
}

std::vector<std::size_t> all_plans(const Dataset& d) {
    std::vector<std::size_t> v;
    for (std::size_t i = 0; i < d.plans.size(); ++i) v.push_back(i);
    return v;
}

std::vector<std::string> row_ids(const CoverageMatrix& m) {
    std::vector<std::string> ids;
    for (const auto& r : m.rows) ids.push_back(r.plan_id);
    return ids;
}

std::vector<std::string> column_ids(const CoverageMatrix& m) {
    std::vector<std::string> ids;
    for (const auto& c : m.columns) ids.push_back(c.theme_id);
    return ids;
}

using Ids = std::vector<std::string>;

const CoverageCell& cell(const CoverageMatrix& m, const char* plan_id, const char* theme_id) {
    const int r = m.find_row(plan_id), c = m.find_column(theme_id);
    REQUIRE(r >= 0);
    REQUIRE(c >= 0);
    return m.cell(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
}

}  // namespace

TEST_CASE("coverage: counts, shares and presence per plan and theme") {
    const Dataset d = dataset();
    const CoverageMatrix m = build_coverage(d, all_plans(d));
    REQUIRE(m.row_count() == 5);
    REQUIRE(m.column_count() == 4);  // taxonomy themes only: the unknown tag is not a column
    CHECK(column_ids(m) == Ids{"startup", "talent", "digital", "retail"});

    const CoverageCell& s = cell(m, "kita-2026", "startup");
    CHECK(s.count == 2);
    CHECK(s.share == doctest::Approx(0.4));
    CHECK(s.present);
    CHECK(cell(m, "kita-2026", "talent").count == 2);   // hand and rule tags both count
    CHECK(cell(m, "kita-2026", "digital").count == 1);  // tagged twice, counted once
    CHECK(cell(m, "kita-2026", "digital").share == doctest::Approx(0.2));
    CHECK(cell(m, "kita-2026", "retail").count == 0);
    CHECK_FALSE(cell(m, "kita-2026", "retail").present);
    CHECK(cell(m, "ome-unknown", "retail").share == doctest::Approx(1.0));

    const CoverageRow& k = m.rows[static_cast<std::size_t>(m.find_row("kita-2026"))];
    CHECK(k.measures == 5);  // m3 carries only an unknown theme: counted, not shown
    CHECK(k.themes_covered == 3);
    CHECK_FALSE(k.counts_leaves);
    CHECK(m.rows[static_cast<std::size_t>(m.find_row("ome-2022"))].is_synthetic);

    // Values by mode.
    const std::size_t r = static_cast<std::size_t>(m.find_row("kita-2026"));
    CHECK(m.value(r, 0, CoverageMode::count) == 2);
    CHECK(m.value(r, 0, CoverageMode::share) == doctest::Approx(0.4));
    CHECK(m.value(r, 0, CoverageMode::present) == 1);
    CHECK(m.value(r, 3, CoverageMode::present) == 0);
    const std::vector<double> values = m.values();
    REQUIRE(values.size() == 20);
    CHECK(values[r * 4 + 1] == 2);

    // Counts agree with theme_profile and the drill-down lists.
    for (std::size_t row = 0; row < m.row_count(); ++row) {
        const ThemeProfile p = theme_profile(d.plans[m.rows[row].plan_index], d.taxonomy);
        CHECK(m.rows[row].measures == p.total);
        for (std::size_t c = 0; c < m.column_count(); ++c) {
            const ThemeCount* tc = p.find(m.columns[c].theme_id);
            CHECK(m.cell(row, c).count == (tc ? tc->items : 0));
            CHECK(static_cast<int>(m.cell(row, c).nodes.size()) == m.cell(row, c).count);
        }
    }
}

TEST_CASE("coverage: plans without a measure level count their leaves") {
    const Dataset d = dataset();
    const CoverageMatrix m = build_coverage(d, all_plans(d));
    const CoverageRow& row = m.rows[static_cast<std::size_t>(m.find_row("kita-2019"))];
    CHECK(row.counts_leaves);
    CHECK(row.measures == 2);  // policy "a" and strategy "s2"; "s1" has a child
    CHECK(cell(m, "kita-2019", "startup").count == 1);
    CHECK(cell(m, "kita-2019", "startup").nodes == std::vector<int>{1});
    CHECK(cell(m, "kita-2019", "retail").nodes == std::vector<int>{2});
    CHECK(cell(m, "kita-2019", "startup").share == doctest::Approx(0.5));
}

TEST_CASE("coverage: value range per mode") {
    const Dataset d = dataset();
    CoverageOptions o;
    const CoverageMatrix count = build_coverage(d, all_plans(d), o);
    CHECK(count.range.vmin == 0);
    CHECK(count.range.vmax == 2);
    CHECK(count.range.data_min == 0);
    CHECK(count.range.data_max == 2);
    o.mode = CoverageMode::share;
    const CoverageMatrix share = build_coverage(d, all_plans(d), o);
    CHECK(share.mode == CoverageMode::share);
    CHECK(share.range.vmax == doctest::Approx(1.0));
    CHECK(share.range_for(CoverageMode::present).vmax == 1);
    CHECK(share.range_for(CoverageMode::count).vmax == 2);

    // No plans: a usable colour-bar domain all the same.
    const CoverageMatrix none = build_coverage(d, std::vector<std::size_t>{});
    CHECK(none.row_count() == 0);
    CHECK(none.column_count() == 4);
    CHECK(none.range.vmin == 0);
    CHECK(none.range.vmax == 1);
    CHECK(none.reference_row == -1);
    CHECK(none.range_for(CoverageMode::share).vmax == 1);
}

TEST_CASE("coverage: plan selection by list and by predicate") {
    const Dataset d = dataset();
    const CoverageMatrix dup = build_coverage(d, std::vector<std::size_t>{3, 3, 99});
    CHECK(row_ids(dup) == Ids{"kita-2026"});
    const CoverageMatrix kita = build_coverage(d, [](const Plan& p) { return p.municipality_id == "kita"; });
    CHECK(row_ids(kita) == Ids{"kita-2019", "kita-2026"});
    const CoverageMatrix all = build_coverage(d, std::function<bool(const Plan&)>{});
    CHECK(all.row_count() == 5);
}

TEST_CASE("coverage: row orders") {
    const Dataset d = dataset();
    CoverageOptions o;
    const CoverageMatrix grouped = build_coverage(d, all_plans(d), o);
    // Municipality order of the dataset, then start year with unknown last; unlisted municipalities after.
    CHECK(row_ids(grouped) == Ids{"kita-2019", "kita-2026", "ome-2022", "ome-unknown", "ghost-2020"});
    std::vector<bool> starts;
    for (const auto& r : grouped.rows) starts.push_back(r.group_start);
    CHECK(starts == std::vector<bool>{true, false, true, false, true});

    o.row_sort = CoverageRowSort::name;  // UTF-8 byte order: ASCII, 北 (E5 8C 97), 青 (E9 9D 92)
    CHECK(row_ids(build_coverage(d, all_plans(d), o)) ==
          Ids{"ghost-2020", "kita-2019", "kita-2026", "ome-unknown", "ome-2022"});
    Dataset en = d;
    en.plans[2].title_en = "A plan";  // ome-2022
    o.english = true;
    CHECK(row_ids(build_coverage(en, all_plans(en), o)).front() == "ome-2022");
    o.english = false;

    o.row_sort = CoverageRowSort::total;  // count mode: measures; ties in grouped order
    CHECK(row_ids(build_coverage(d, all_plans(d), o)) ==
          Ids{"kita-2026", "kita-2019", "ome-unknown", "ghost-2020", "ome-2022"});
    o.mode = CoverageMode::present;  // themes covered
    CHECK(row_ids(build_coverage(d, all_plans(d), o)) ==
          Ids{"kita-2026", "kita-2019", "ome-unknown", "ome-2022", "ghost-2020"});
}

TEST_CASE("coverage: rows by a clicked theme's values and columns by a clicked plan's, either way") {
    const Dataset d = dataset();
    CoverageOptions o;
    o.row_sort = CoverageRowSort::theme;
    o.sort_theme = "startup";  // counts: kita-2019 1, kita-2026 2, ome-2022 0, ome-unknown 1, ghost 0
    CHECK(row_ids(build_coverage(d, all_plans(d), o)) ==
          Ids{"kita-2026", "kita-2019", "ome-unknown", "ome-2022", "ghost-2020"});  // ties in grouped order
    o.rows_ascending = true;
    CHECK(row_ids(build_coverage(d, all_plans(d), o)) ==
          Ids{"ome-2022", "ghost-2020", "kita-2019", "ome-unknown", "kita-2026"});
    o.rows_ascending = false;
    o.mode = CoverageMode::share;  // shares: kita-2019 0.5, kita-2026 0.4, ome-unknown 0.5
    CHECK(row_ids(build_coverage(d, all_plans(d), o)) ==
          Ids{"kita-2019", "ome-unknown", "kita-2026", "ome-2022", "ghost-2020"});
    o.sort_theme = "no-such-theme";
    CHECK(row_ids(build_coverage(d, all_plans(d), o)) == row_ids(build_coverage(d, all_plans(d))));

    CoverageOptions c;
    c.col_sort = CoverageColSort::plan;
    c.sort_plan = "kita-2026";  // startup 2, talent 2, digital 1, retail 0
    CHECK(column_ids(build_coverage(d, all_plans(d), c)) == Ids{"startup", "talent", "digital", "retail"});
    c.columns_ascending = true;
    CHECK(column_ids(build_coverage(d, all_plans(d), c)) == Ids{"retail", "digital", "startup", "talent"});
    c.columns_ascending = false;
    c.sort_plan = "ome-unknown";  // startup 1, retail 2
    CHECK(column_ids(build_coverage(d, all_plans(d), c)) == Ids{"retail", "startup", "talent", "digital"});
    c.sort_plan = "not-a-row";
    CHECK(column_ids(build_coverage(d, all_plans(d), c)) == Ids{"startup", "talent", "digital", "retail"});
    CHECK(to_string(CoverageRowSort::theme) == "theme");
    CHECK(to_string(CoverageColSort::plan) == "plan");
}

TEST_CASE("coverage: row similarity is the cosine of theme-share vectors") {
    CHECK(cosine_similarity({1, 0}, {0, 1}) == 0);
    CHECK(cosine_similarity({1, 2}, {2, 4}) == doctest::Approx(1.0));
    CHECK(cosine_similarity({0, 0}, {1, 1}) == 0);

    const Dataset d = dataset();
    CoverageOptions o;
    o.row_sort = CoverageRowSort::similarity;  // reference: the first row in grouped order (kita-2019)
    const CoverageMatrix m = build_coverage(d, all_plans(d), o);
    CHECK(row_ids(m) == Ids{"kita-2019", "ome-unknown", "kita-2026", "ome-2022", "ghost-2020"});
    CHECK(m.reference_row == 0);
    CHECK(m.rows[0].similarity == doctest::Approx(1.0));
    // [0.5,0,0,0.5]·[0.5,0,0,1] / (0.7071 × 1.1180)
    CHECK(m.rows[1].similarity == doctest::Approx(0.75 / (std::sqrt(0.5) * std::sqrt(1.25))));
    // [0.5,0,0,0.5]·[0.4,0.4,0.2,0] / (0.7071 × 0.6)
    CHECK(m.rows[2].similarity == doctest::Approx(0.2 / (std::sqrt(0.5) * 0.6)));
    CHECK(m.rows[3].similarity == 0);

    o.reference_plan = "ome-2022";
    const CoverageMatrix r = build_coverage(d, all_plans(d), o);
    CHECK(row_ids(r) == Ids{"ome-2022", "kita-2026", "kita-2019", "ome-unknown", "ghost-2020"});
    CHECK(r.rows[1].similarity == doctest::Approx(0.2 / 0.6));

    // Similarities are filled in whatever the order.
    o.row_sort = CoverageRowSort::grouped;
    const CoverageMatrix g = build_coverage(d, all_plans(d), o);
    CHECK(g.reference_row == 2);
    CHECK(g.rows[1].similarity == doctest::Approx(0.2 / 0.6));
}

TEST_CASE("coverage: column orders") {
    const Dataset d = dataset();
    CoverageOptions o;
    const CoverageMatrix m = build_coverage(d, all_plans(d), o);
    const CoverageColumn& startup = m.columns[0];
    CHECK(startup.measures == 4);
    CHECK(startup.plans == 3);
    CHECK(startup.mean_share == doctest::Approx(1.4 / 5));
    CHECK(m.reference_column == 0);  // largest total (tie with talent: taxonomy order)

    o.col_sort = CoverageColSort::name;  // UTF-8 byte order: D (44) < 人 (E4 BA BA) < 創 (E5 89 B5) < 商 (E5 95 86)
    CHECK(column_ids(build_coverage(d, all_plans(d), o)) == Ids{"digital", "talent", "startup", "retail"});
    o.english = true;
    CHECK(column_ids(build_coverage(d, all_plans(d), o)) == Ids{"digital", "retail", "startup", "talent"});
    o.english = false;

    o.col_sort = CoverageColSort::total;  // count: startup 4, talent 4, retail 3, digital 2
    CHECK(column_ids(build_coverage(d, all_plans(d), o)) == Ids{"startup", "talent", "retail", "digital"});
    o.mode = CoverageMode::present;  // plans: startup 3, talent 2, digital 2, retail 2
    CHECK(column_ids(build_coverage(d, all_plans(d), o)) == Ids{"startup", "talent", "digital", "retail"});
    o.mode = CoverageMode::share;  // mean share: retail 0.3 first
    CHECK(column_ids(build_coverage(d, all_plans(d), o)).front() == "retail");
}

TEST_CASE("coverage: column similarity chains co-occurring themes") {
    const Dataset d = dataset();
    CoverageOptions o;
    o.col_sort = CoverageColSort::similarity;
    // Column share vectors over the rows (grouped order):
    //   startup [0.5,0.4,0,0.5,0]  talent [0,0.4,0,0,1]  digital [0,0.2,1,0,0]  retail [0.5,0,0,1,0]
    // Start at startup (largest total); retail is closest to it (0.83); from retail,
    // talent and digital are both 0 → taxonomy order.
    const CoverageMatrix m = build_coverage(d, all_plans(d), o);
    CHECK(column_ids(m) == Ids{"startup", "retail", "talent", "digital"});
    CHECK(m.reference_column == 0);
    CHECK(m.columns[0].similarity == 1);
    CHECK(m.columns[1].similarity == doctest::Approx(0.75 / (std::sqrt(0.66) * std::sqrt(1.25))));
    CHECK(m.columns[2].similarity == 0);
    CHECK(m.columns[3].similarity == doctest::Approx(0.08 / (std::sqrt(1.16) * std::sqrt(1.04))));

    o.reference_theme = "digital";
    const CoverageMatrix r = build_coverage(d, all_plans(d), o);
    // digital·startup 0.097 > digital·talent 0.073 > digital·retail 0; then startup → retail → talent.
    CHECK(column_ids(r) == Ids{"digital", "startup", "retail", "talent"});
    CHECK(r.reference_column == 0);
}

TEST_CASE("coverage: drill-down lists the items behind a cell with their sources") {
    const Dataset d = dataset();
    const CoverageMatrix m = build_coverage(d, all_plans(d));
    const std::size_t r = static_cast<std::size_t>(m.find_row("kita-2026"));
    const Plan& p = d.plans[m.rows[r].plan_index];

    auto startup = coverage_items(d, m, r, static_cast<std::size_t>(m.find_column("startup")));
    REQUIRE(startup.size() == 2);
    CHECK(p.nodes[static_cast<std::size_t>(startup[0].node_index)].id == "m1");
    CHECK(startup[0].source->section == "戦略1");  // nearest ancestor with a source (policy p1 has none)
    CHECK(startup[0].inherited_source);
    CHECK(startup[0].by_hand);
    CHECK(p.nodes[static_cast<std::size_t>(startup[1].node_index)].id == "m2");
    CHECK(startup[1].source->section == "m2");
    CHECK_FALSE(startup[1].inherited_source);

    auto talent = coverage_items(d, m, r, static_cast<std::size_t>(m.find_column("talent")));
    REQUIRE(talent.size() == 2);
    CHECK(talent[1].node_index == 7);
    CHECK_FALSE(talent[1].by_hand);  // rule tag only

    auto digital = coverage_items(d, m, r, static_cast<std::size_t>(m.find_column("digital")));
    REQUIRE(digital.size() == 1);
    CHECK(digital[0].node_index == 6);
    CHECK(digital[0].by_hand);                     // rule and hand: by hand
    CHECK(digital[0].source == &p.source);         // no source on the node nor its ancestors: the plan's
    CHECK(digital[0].inherited_source);

    CHECK(coverage_items(d, m, r, static_cast<std::size_t>(m.find_column("retail"))).empty());
    CHECK(coverage_items(d, m, 99, 0).empty());
    CHECK(coverage_items(d, m, 0, 99).empty());

    // The items follow their cell whatever the order.
    CoverageOptions o;
    o.row_sort = CoverageRowSort::total;
    o.col_sort = CoverageColSort::similarity;
    const CoverageMatrix s = build_coverage(d, all_plans(d), o);
    const std::size_t sr = static_cast<std::size_t>(s.find_row("kita-2026"));
    auto again = coverage_items(d, s, sr, static_cast<std::size_t>(s.find_column("digital")));
    REQUIRE(again.size() == 1);
    CHECK(again[0].node_index == 6);
}

TEST_CASE("coverage: names of modes and sorts") {
    CHECK(to_string(CoverageMode::share) == "share");
    CHECK(to_string(CoverageRowSort::similarity) == "similarity");
    CHECK(to_string(CoverageColSort::taxonomy) == "taxonomy");
}

// data/plans/kita-vision-2026.json read by hand (hand tags only: the file as written,
// before import derives rule tags). 41 measures: 24 施策 + 17 主な施策.
//   startup: st1-p2-k2, st2-p4-m1, st2-p4-m2, st2-p4-m3, st2-p4-k1, st3-p1-m3        → 6
//   succession: st2-p2-m3, st2-p2-k1                                                → 2
//   network (tagged on st1, st3, st3-p1 and some measures; each measure below a tagged
//            heading carries it too): st1-p1-m1, st1-p1-m2, st1-p1-k1, st1-p1-k2, st1-p1-k3,
//            st1-p2-m1, st1-p2-m2, st1-p2-k1, st1-p2-k2, st1-p3-m1, st1-p3-m2, st1-p3-k1,
//            st1-p3-k2, st2-p1-m6, st2-p4-m3, st3-p1-m1, st3-p1-m2, st3-p1-m3, st3-p1-k1,
//            st3-p1-k2, st3-p2-m1, st3-p2-k1, st3-p2-k2                            → 23
//   agriculture: none                                                               → 0
TEST_CASE("coverage: Kita's vision against the plan file counted by hand") {
    auto result = read_plan_file(test::source_dir() / "data" / "plans" / "kita-vision-2026.json", test::bundled_taxonomy());
    REQUIRE(result.ok());
    Dataset d;
    d.taxonomy = test::bundled_taxonomy();
    d.municipalities.push_back(result.plan_file.municipality);
    d.plans.push_back(result.plan_file.plan);
    const CoverageMatrix m = build_coverage(d, std::vector<std::size_t>{0});
    REQUIRE(m.row_count() == 1);
    CHECK(m.column_count() == d.taxonomy.themes.size());
    CHECK(m.rows[0].measures == 41);
    CHECK_FALSE(m.rows[0].counts_leaves);
    CHECK(cell(m, "kita-vision-2026", "startup").count == 6);
    CHECK(cell(m, "kita-vision-2026", "startup").share == doctest::Approx(6.0 / 41));
    CHECK(cell(m, "kita-vision-2026", "succession").count == 2);
    CHECK(cell(m, "kita-vision-2026", "network").count == 23);
    CHECK_FALSE(cell(m, "kita-vision-2026", "agriculture").present);

    const Plan& p = d.plans[0];
    std::vector<std::string> ids;
    const auto items = coverage_items(d, m, 0, static_cast<std::size_t>(m.find_column("startup")));
    for (const auto& item : items) ids.push_back(p.nodes[static_cast<std::size_t>(item.node_index)].id);
    CHECK(ids == Ids{"st1-p2-k2", "st2-p4-m1", "st2-p4-m2", "st2-p4-m3", "st2-p4-k1", "st3-p1-m3"});
    // 施策 rows of the 施策体系 name no source in the file: the reader gives them their policy's.
    CHECK(items[1].source->section == "施策体系");
    CHECK_FALSE(items[4].inherited_source);
    CHECK(items[4].source->section == "戦略2 業容の拡大 / 主な施策 / 方針4 創業支援のさらなる推進");
}
