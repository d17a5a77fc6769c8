// The one counting rule (theme_rule.hpp): counted items, inherited themes,
// plan coverage; and the theme drill-across (theme_listing.hpp) against the
// heatmap's cells on the bundled data.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "wardscope/coverage.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/measure_similarity.hpp"
#include "wardscope/plan_import.hpp"
#include "wardscope/store.hpp"
#include "wardscope/text_fold.hpp"
#include "wardscope/theme_listing.hpp"
#include "wardscope/theme_rule.hpp"

using namespace wardscope;

namespace {

using test::hand;
using test::node;
using test::rule;

// st1 [network] ─ m1 [startup], m2 ; st2 (no measures below) [talent:rule] ; st3 ─ p1 [network:rule] ─ m3 [digital:rule]
Plan sample_plan() {
    Plan p;
    p.id = "p";
    p.municipality_id = "m";
    p.nodes = {node("st1", "", NodeLevel::strategy, {hand("network")}),
               node("m1", "st1", NodeLevel::measure, {hand("startup")}),
               node("m2", "st1", NodeLevel::measure),
               node("st2", "", NodeLevel::strategy, {rule("talent")}),
               node("st3", "", NodeLevel::strategy),
               node("p1", "st3", NodeLevel::policy, {rule("network")}),
               node("m3", "p1", NodeLevel::measure, {rule("digital")})};
    return p;
}

std::vector<std::string> item_ids(const Plan& p, const CountedItems& c) {
    std::vector<std::string> out;
    for (const auto& item : c.items) out.push_back(p.nodes[static_cast<std::size_t>(item.node)].id);
    return out;
}

// The bundled plans imported into a database and read back, as the app reads them.
Dataset bundled_dataset() {
    test::TempDir dir;
    std::vector<PlanFile> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "data" / "plans")) {
        auto result = read_plan_file(entry.path(), test::bundled_taxonomy());
        REQUIRE(result.ok());
        files.push_back(std::move(result.plan_file));
    }
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), files);
    return load_dataset(store);
}

}  // namespace

TEST_CASE("counting rule: measures and measure-less leaves are counted, and an item carries its ancestors' hand tags") {
    const Plan p = sample_plan();
    const CountedItems c = counted_items(p);
    CHECK(c.has_measures);
    CHECK(item_ids(p, c) == std::vector<std::string>{"m1", "m2", "st2", "m3"});
    // m1: its own startup, then network from st1.
    REQUIRE(c.items[0].themes.size() == 2);
    CHECK(c.items[0].themes[0].theme_id == "startup");
    CHECK(c.items[0].themes[0].tagged_at == 1);
    CHECK(c.items[0].themes[1].theme_id == "network");
    CHECK(c.items[0].themes[1].tagged_at == 0);
    CHECK(c.items[0].themes[1].by_hand);
    // m2 carries st1's network; st2 stands for itself with its own rule tag;
    // m3 has its own rule tag but not p1's (a heading passes on hand tags only).
    REQUIRE(c.items[1].find("network"));
    CHECK(c.items[1].find("startup") == nullptr);
    REQUIRE(c.items[2].find("talent"));
    CHECK_FALSE(c.items[2].find("talent")->by_hand);
    REQUIRE(c.items[3].themes.size() == 1);
    CHECK(c.items[3].themes[0].theme_id == "digital");
    CHECK_FALSE(c.items[3].themes[0].by_hand);
    CHECK(c.items[3].find("network") == nullptr);

    const ThemeProfile prof = theme_profile(p, test::bundled_taxonomy());
    CHECK(prof.total == 4);
    CHECK(prof.untagged == 0);
    CHECK(prof.find("network")->items == 2);
    CHECK(prof.find("network")->hand == 2);
    CHECK(prof.find("network")->rule == 0);
    CHECK(prof.find("startup")->items == 1);
    CHECK(prof.find("talent")->items == 1);
    CHECK(prof.find("digital")->rule == 1);
    for (const char* t : {"network", "startup", "talent", "digital"}) CHECK(plan_covers(p, t));
    CHECK_FALSE(plan_covers(p, "tourism"));
    Plan heading_rule_only = p;  // network by hand nowhere: p1's rule tag alone does not cover it
    heading_rule_only.nodes[0].themes.clear();
    CHECK_FALSE(plan_covers(heading_rule_only, "network"));
    CHECK(theme_profile(heading_rule_only, test::bundled_taxonomy()).find("network")->items == 0);
}

TEST_CASE("counting rule: a hand tag anywhere on the path makes the item hand-tagged, and each theme counts once") {
    Plan p;
    p.nodes = {node("st", "", NodeLevel::strategy, {hand("startup")}),
               node("m", "st", NodeLevel::measure, {rule("startup"), rule("startup")})};
    const CountedItems c = counted_items(p);
    REQUIRE(c.items.size() == 1);
    REQUIRE(c.items[0].themes.size() == 1);
    CHECK(c.items[0].themes[0].tagged_at == 1);  // the nearest tag: its own
    CHECK(c.items[0].themes[0].by_hand);
}

TEST_CASE("counting rule: plan_covers agrees with the counted items on bundled and synthetic plans") {
    std::vector<Plan> plans = bundled_dataset().plans;
    for (PlanFile& f : generate_plan_files(test::small_generate_options(), test::bundled_taxonomy()))
        plans.push_back(std::move(f.plan));
    REQUIRE(plans.size() >= 19);
    for (const Plan& p : plans) {
        const CountedItems c = counted_items(p);
        for (const Theme& t : test::bundled_taxonomy().themes) {
            bool any = false;
            for (const auto& item : c.items) any |= item.find(t.id) != nullptr;
            CAPTURE(p.id);
            CAPTURE(t.id);
            CHECK(plan_covers(p, t.id) == any);
        }
    }
}

TEST_CASE("counting rule on the bundled data: the cases that used to disagree") {
    const Dataset d = bundled_dataset();
    const CoverageMatrix m = build_coverage(d, std::function<bool(const Plan&)>{});
    auto count = [&](const char* plan, const char* theme) {
        return m.cell(static_cast<std::size_t>(m.find_row(plan)), static_cast<std::size_t>(m.find_column(theme))).count;
    };
    // 創業: 10 plans cover it, in the filter and in the column alike.
    int covering = 0;
    for (const Plan& p : d.plans) covering += plan_covers(p, "startup") ? 1 : 0;
    CHECK(covering == 10);
    CHECK(m.columns[static_cast<std::size_t>(m.find_column("startup"))].plans == 10);
    // Itabashi R4: only its heading (1) has 創業, by a keyword rule: not passed on, so
    // neither its cell nor the filter counts it.
    CHECK(count("itabashi-regional-2022", "startup") == 0);
    CHECK_FALSE(plan_covers(*d.find_plan("itabashi-regional-2022"), "startup"));
    // Itabashi 2035: 戦略4 is about networks; its two measures carry it.
    CHECK(count("itabashi-vision-2035", "network") == 2);
}

TEST_CASE("similar measures share themes by the counting rule: a measure carries what the heatmap counts it under") {
    const Dataset d = bundled_dataset();
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < d.plans.size(); ++i) all.push_back(i);
    const CoverageMatrix m = build_coverage(d, all);
    const MeasureSimilarity index(d);
    REQUIRE(index.size() > 100);
    std::size_t inherited = 0;  // measures carrying a theme not tagged on themselves
    for (std::size_t k = 0; k < index.size(); ++k) {
        const Plan& plan = d.plans[index.measure(k).plan];
        const int node = static_cast<int>(index.measure(k).node);
        const std::vector<std::string> carried = index.carried_theme_ids(k);
        const int r = m.find_row(plan.id);
        REQUIRE(r >= 0);
        for (std::size_t c = 0; c < m.column_count(); ++c) {
            const std::vector<int>& behind = m.cell(static_cast<std::size_t>(r), c).nodes;
            const bool counted = std::find(behind.begin(), behind.end(), node) != behind.end();
            const bool carries = std::find(carried.begin(), carried.end(), m.columns[c].theme_id) != carried.end();
            CAPTURE(plan.id);
            CAPTURE(plan.nodes[static_cast<std::size_t>(node)].id);
            CHECK(counted == carries);
            const auto& own = plan.nodes[static_cast<std::size_t>(node)].themes;
            if (carries && std::none_of(own.begin(), own.end(), [&](const ThemeTag& t) { return t.theme_id == m.columns[c].theme_id; }))
                ++inherited;
        }
    }
    CHECK(inherited > 0);  // the rule differs from the measure's own tags on this data

    // Itabashi 2035: 戦略4's measures carry 連携 (network) from their heading, and
    // their similar measures' scores count it.
    const std::size_t itabashi = static_cast<std::size_t>(std::find_if(d.plans.begin(), d.plans.end(), [](const Plan& p) {
                                                              return p.id == "itabashi-vision-2035";
                                                          }) - d.plans.begin());
    const CoverageCell& network = m.cell(static_cast<std::size_t>(m.find_row("itabashi-vision-2035")),
                                         static_cast<std::size_t>(m.find_column("network")));
    REQUIRE(network.nodes.size() == 2);
    for (int node : network.nodes) {
        const long k = index.find(itabashi, node);
        REQUIRE(k >= 0);
        const auto carried = index.carried_theme_ids(static_cast<std::size_t>(k));
        CHECK(std::find(carried.begin(), carried.end(), "network") != carried.end());
        for (const SimilarMeasure& s : index.most_similar_elsewhere(d, static_cast<std::size_t>(k), 5)) {
            CHECK(s.score == doctest::Approx(0.8 * s.text + 0.2 * index.theme_similarity(static_cast<std::size_t>(k), s.measure)));
            const auto theirs = index.carried_theme_ids(s.measure);
            const bool shares_network = std::find(theirs.begin(), theirs.end(), "network") != theirs.end();
            CHECK(shares_network == (std::find(s.shared_themes.begin(), s.shared_themes.end(), "network") != s.shared_themes.end()));
        }
    }
}

TEST_CASE("theme drill-across lists exactly the items behind the heatmap's cells, grouped by municipality") {
    const Dataset d = bundled_dataset();
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < d.plans.size(); ++i) all.push_back(i);
    const CoverageMatrix m = build_coverage(d, all);
    for (const Theme& t : d.taxonomy.themes) {
        const ThemeListing listing = list_theme_items(d, all, t.id);
        const int c = m.find_column(t.id);
        REQUIRE(c >= 0);
        CHECK(listing.carrying == m.columns[static_cast<std::size_t>(c)].measures);
        CHECK(listing.items == listing.carrying);
        CHECK(listing.plans_covering == m.columns[static_cast<std::size_t>(c)].plans);
        std::vector<std::string> seen_municipalities;
        for (const ThemeListingGroup& g : listing.groups) {
            CHECK(std::find(seen_municipalities.begin(), seen_municipalities.end(), g.municipality_id) ==
                  seen_municipalities.end());  // one group per municipality
            seen_municipalities.push_back(g.municipality_id);
            for (const ThemeListingPlan& lp : g.plans) {
                const Plan& plan = d.plans[lp.plan_index];
                CHECK(plan.municipality_id == g.municipality_id);
                const int r = m.find_row(plan.id);
                const CoverageCell& cell = m.cell(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
                std::vector<int> nodes;
                for (const auto& item : lp.items) {
                    nodes.push_back(item.node_index);
                    CHECK(item.source != nullptr);
                }
                CHECK(nodes == cell.nodes);
                CHECK(lp.plan_items == m.rows[static_cast<std::size_t>(r)].measures);
            }
        }
    }
}

TEST_CASE("theme drill-across: the text filter folds width and case and matches plans and municipalities") {
    const Dataset d = bundled_dataset();
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < d.plans.size(); ++i) all.push_back(i);
    const ThemeListing startup = list_theme_items(d, all, "startup");
    const ThemeListing fullwidth = list_theme_items(d, all, "startup", "ｓｔａｒｔｕｐ");  // full-width, lower case
    CHECK(fullwidth.items > 0);
    CHECK(fullwidth.items < startup.items);
    CHECK(fullwidth.carrying == startup.carrying);  // the filter narrows the list, not the count
    for (const auto& g : fullwidth.groups)
        for (const auto& lp : g.plans)
            for (const auto& item : lp.items) {
                const Node& n = d.plans[lp.plan_index].nodes[static_cast<std::size_t>(item.node_index)];
                CHECK(fold_for_search(n.name + n.name_en + n.description + n.label).find("startup") != std::string::npos);
            }
    const ThemeListing shibuya = list_theme_items(d, all, "startup", "渋谷区");
    REQUIRE(shibuya.groups.size() == 1);
    CHECK(shibuya.groups[0].municipality_id == "shibuya");
    CHECK(shibuya.items == 7);
    CHECK(list_theme_items(d, all, "startup", "   ").items == startup.items);  // blank = all
    CHECK(list_theme_items(d, all, "startup", "存在しない語").groups.empty());

    const std::string csv = theme_listing_to_csv(d, shibuya);
    CHECK(csv.rfind(std::string(utf8_bom) + "theme_id,theme,municipality_id", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 8);  // header + 7 items
    CHECK(csv.find("Shibuya Startup Deck") != std::string::npos);
}
