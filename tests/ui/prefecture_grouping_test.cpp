// Prefectures in the timeline (issue #16): with municipalities in more than
// one prefecture, one aggregate row per prefecture (its municipalities and
// plans), collapsed until clicked or until one of its municipalities is
// selected; the bundled single-prefecture data keeps plain rows. Layout probes.
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <filesystem>
#include <random>
#include <string>

#include <imgui.h>

#include "headless.hpp"
#include "ui/model.hpp"
#include "ui/view.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets/probes.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"

using namespace wardscope;
namespace fs = std::filesystem;

namespace {

// 70 synthetic municipalities: Tokyo's 62, then 8 of Hokkaido; one plan each.
Dataset national_sample(const fs::path& db) {
    const Taxonomy taxonomy = read_taxonomy(fs::path(WARDSCOPE_SOURCE_DIR) / "data" / "themes.json",
                                            fs::path(WARDSCOPE_SOURCE_DIR) / "data" / "actors.json");
    GenerateOptions o;
    o.municipalities = 70;
    o.plans_per_municipality = 1;
    o.measures_per_plan = 2;
    o.indicators_per_plan = 0;
    o.years = 1;
    Store store = Store::open(db, OpenMode::create);
    generate_database(store, taxonomy, o);
    return load_dataset(store);
}

const ui::Probe* probe(const std::string& name) {
    for (const ui::Probe& p : ui::recorded_probes())
        if (p.name == name) return &p;
    return nullptr;
}

int prefecture_probes() {
    int n = 0;
    for (const ui::Probe& p : ui::recorded_probes()) n += p.name.starts_with("timeline.prefecture/") ? 1 : 0;
    return n;
}

struct Probing {
    Probing() { ui::set_probes_enabled(true); }
    ~Probing() { ui::set_probes_enabled(false); }
};

}  // namespace

TEST_CASE("timeline: one aggregate row per prefecture, opened by a click or by selecting one of its municipalities") {
    const fs::path dir = fs::temp_directory_path() / ("wardscope-prefecture-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    {
        const Dataset data = national_sample(dir / "n.db");
        REQUIRE(data.municipalities.size() == 70);
        const ui::Model model = ui::build_model(data, {});
        test::Headless h{ImVec2(1600, 1000)};
        Probing probing;
        ui::Views views = ui::make_views();
        ui::View& timeline = *views[static_cast<std::size_t>(ui::find_view(views, "timeline"))];
        timeline.on_data(model);
        ui::Selection selection;
        ui::Filter filter;
        ui::ViewContext ctx{data, model, selection, filter, ui::Lang::ja, 1.0f, 2026, false, nullptr, nullptr, {}};
        auto draw = [&] {
            ui::clear_probes();
            timeline.draw(ctx);
        };

        h.frame(draw);
        h.frame(draw);
        REQUIRE(prefecture_probes() == 2);
        const ui::Probe* hokkaido = probe("timeline.prefecture/北海道");
        const ui::Probe* tokyo = probe("timeline.prefecture/東京都");
        REQUIRE(hokkaido);
        REQUIRE(tokyo);
        CHECK(hokkaido->value == 8);    // municipalities
        CHECK(hokkaido->value2 == 8);   // plans
        CHECK(tokyo->value == 62);
        CHECK(tokyo->value2 == 62);
        // Collapsed: 北海道 (code 01…) first, 東京都 right below it.
        const float lane = hokkaido->max.y - hokkaido->min.y;
        CHECK(lane > 10);
        CHECK(std::abs(tokyo->min.y - hokkaido->max.y) < 1.0f);
        CHECK(hokkaido->text == "closed");

        // A click on 北海道's row opens it: its 8 municipalities' rows come between.
        const ImVec2 at((hokkaido->min.x + hokkaido->max.x) / 2, (hokkaido->min.y + hokkaido->max.y) / 2);
        h.click(draw, at);
        h.frame(draw);
        const float opened_gap = probe("timeline.prefecture/東京都")->min.y - probe("timeline.prefecture/北海道")->max.y;
        CHECK(std::abs(opened_gap - 8 * lane) < 1.0f);
        CHECK(probe("timeline.prefecture/北海道")->text == "open");
        // Again: closed.
        h.click(draw, at);
        h.frame(draw);
        CHECK(std::abs(probe("timeline.prefecture/東京都")->min.y - probe("timeline.prefecture/北海道")->max.y) < 1.0f);

        // Selecting a plan of a Tokyo municipality opens Tokyo (its 62 rows under it, off the bottom here).
        selection.select_plan(data, "synthetic-001-1");
        h.frame(draw);
        h.frame(draw);
        REQUIRE(probe("timeline.prefecture/東京都"));
        CHECK(prefecture_probes() == 2);
        CHECK(probe("timeline.prefecture/東京都")->text == "open");
        CHECK(probe("timeline.prefecture/北海道")->text == "closed");
        // The table still lists every plan, opened or not.
        const auto table = timeline.table(ctx);
        REQUIRE(table.has_value());
        CHECK(table->rows.size() == 70);
    }
    fs::remove_all(dir);
}
