// "Similar municipalities" (issue #16) in the app: a user's groups edited
// through the dashboard (one transaction each, undone and redone newest first,
// shown after the reload), the filter bar's "similar" filter and compare's
// preset (the selected municipality's current plan and up to 3 similar ones').
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <set>

#include <imgui.h>

#include "app/dashboard.hpp"
#include "headless.hpp"
#include "synthetic_sample.hpp"
#include "ui/model.hpp"
#include "ui/view.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets/filter_bar.hpp"
#include "ui/widgets/probes.hpp"
#include "wardscope/municipality_groups.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"

namespace fs = std::filesystem;
using namespace wardscope;

namespace {

// 70 synthetic municipalities (Tokyo's 62, then 8 of Hokkaido), 2 plans each.
struct SampleDatabase {
    fs::path dir = fs::temp_directory_path() / ("wardscope-similar-" + std::to_string(std::random_device{}()));
    fs::path path = dir / "n.db";
    SampleDatabase() {
        fs::create_directories(dir);
        test::synthetic_sample(path, 70, 2);
    }
    ~SampleDatabase() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

const ui::Probe* probe(const std::string& name) {
    for (const ui::Probe& p : ui::recorded_probes())
        if (p.name == name) return &p;
    return nullptr;
}

ImVec2 centre(const ui::Probe& p) { return ImVec2((p.min.x + p.max.x) / 2, (p.min.y + p.max.y) / 2); }

struct Probing {
    Probing() { ui::set_probes_enabled(true); }
    ~Probing() { ui::set_probes_enabled(false); }
};

std::vector<std::string> members(const app::Dashboard& d, const std::string& group) {
    for (const MunicipalityGroup& g : d.model().groups)
        if (g.name == group) return g.municipality_ids;
    return {};
}

}  // namespace

TEST_CASE("groups through the dashboard: stored, shown after the reload, undone and redone, bad names refused") {
    SampleDatabase db;
    app::Dashboard d(db.path);
    CHECK(d.model().groups.empty());
    CHECK(d.set_group_member("近隣", "syn-001", true).empty());
    d.reload();
    CHECK(d.set_group_member("近隣", "syn-065", true).empty());
    d.reload();
    CHECK(members(d, "近隣") == std::vector<std::string>{"syn-001", "syn-065"});
    CHECK(d.set_group_member("近隣", "syn-001", false).empty());
    d.reload();
    CHECK(members(d, "近隣") == std::vector<std::string>{"syn-065"});

    // Refused with the reason: nothing written, no undo step.
    CHECK(d.set_group_member("  ", "syn-002", true).find("the group needs a name") != std::string::npos);
    CHECK(d.set_group_member("近隣", "nowhere", true).find("no municipality 'nowhere'") != std::string::npos);

    CHECK(d.undo().empty());  // the removal: syn-001 back where it was (first)
    d.reload();
    CHECK(members(d, "近隣") == std::vector<std::string>{"syn-001", "syn-065"});
    CHECK(d.redo().empty());
    d.reload();
    CHECK(members(d, "近隣") == std::vector<std::string>{"syn-065"});
    CHECK(d.undo().empty());
    CHECK(d.undo().empty());  // syn-065's addition
    CHECK(d.undo().empty());  // syn-001's
    d.reload();
    CHECK(d.model().groups.empty());
    CHECK_FALSE(d.can_undo());
    // The database agrees with the model.
    CHECK(read_municipality_groups(Store::open(db.path, OpenMode::read_only)).empty());
}

TEST_CASE("the filter bar's similar filter and compare's preset follow the selected municipality") {
    SampleDatabase db;
    app::Dashboard d(db.path);
    CHECK(d.set_group_member("比較用", "syn-070", true).empty());
    d.reload();
    CHECK(d.set_group_member("比較用", "syn-030", true).empty());
    d.reload();
    const Dataset& data = d.data();
    const ui::Model& model = d.model();
    test::Headless h{ImVec2(1600, 1000)};
    Probing probing;
    ui::Selection selection;
    ui::Filter filter;
    ui::FilterBarState state;
    ui::ViewContext ctx{data, model, selection, filter, ui::Lang::ja, 1.0f, 2026, false, nullptr, nullptr, {}};
    auto bar = [&] {
        ui::clear_probes();
        ui::draw_filter_bar(ctx, filter, state);
    };
    selection.select_plan(data, "synthetic-001-1");
    REQUIRE(selection.municipality_id() == "syn-001");
    h.frame(bar);
    REQUIRE(probe("filter.similar"));
    h.click(bar, centre(*probe("filter.similar")));
    h.frame(bar);
    const ui::Probe* by_kind = probe("filter.similar/kind/");
    REQUIRE(by_kind);
    CHECK(by_kind->value == 22);  // Tokyo's other wards
    REQUIRE(probe("filter.similar/prefecture/"));
    CHECK(probe("filter.similar/prefecture/")->value == 61);
    REQUIRE(probe("filter.similar/group/比較用"));
    CHECK(probe("filter.similar/group/比較用")->value == 2);
    h.click(bar, centre(*by_kind));
    h.frame(bar);
    REQUIRE(filter.municipality_ids().size() == 23);
    for (const std::string& id : filter.municipality_ids()) CHECK(data.find_municipality(id)->kind == "区");
    CHECK(filter.municipality_ids().contains("syn-001"));
    // Plans of other municipalities do not pass.
    CHECK(filter.passes(data, *data.find_plan("synthetic-001-1")));
    CHECK_FALSE(filter.passes(data, *data.find_plan("synthetic-030-1")));

    // A group: the municipality and the group's members.
    h.click(bar, centre(*probe("filter.similar")));
    h.frame(bar);
    REQUIRE(probe("filter.similar/group/比較用"));
    h.click(bar, centre(*probe("filter.similar/group/比較用")));
    h.frame(bar);
    CHECK(filter.municipality_ids() == std::set<std::string>{"syn-001", "syn-030", "syn-070"});

    // Compare's preset: the municipality's current plan, then 3 of its prefecture's.
    filter = ui::Filter{};
    ui::Views views = ui::make_views();
    ui::View& compare = *views[static_cast<std::size_t>(ui::find_view(views, "compare"))];
    compare.on_data(model);
    auto draw = [&] {
        ui::clear_probes();
        compare.draw(ctx);
    };
    h.frame(draw);
    REQUIRE(probe("compare.similar"));
    h.click(draw, centre(*probe("compare.similar")));
    h.frame(draw);
    REQUIRE(probe("compare.similar/prefecture/"));
    h.click(draw, centre(*probe("compare.similar/prefecture/")));
    h.frame(draw);
    const std::vector<std::string>& plans = selection.plan_ids();
    REQUIRE(plans.size() == 4);
    std::set<std::string> towns;
    for (const std::string& id : plans) {
        const Plan* p = data.find_plan(id);
        REQUIRE(p);
        towns.insert(p->municipality_id);
        CHECK(data.find_municipality(p->municipality_id)->prefecture == "東京都");
    }
    CHECK(towns.size() == 4);  // one plan each
    CHECK(data.find_plan(plans.front())->municipality_id == "syn-001");
}
