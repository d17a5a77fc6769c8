// Search hits marked where they appear in the explorer's details pane: the
// query folds width, case and kana as the search does, every occurrence in a
// shown text is marked, and the marks sit on the matched characters (layout
// probes "explorer.hit/FIELD/N" give their rectangles and bytes).
#include <doctest/doctest.h>

#include <cfloat>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/dashboard.hpp"
#include "headless.hpp"
#include "ui/widget_state.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/plan_import.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"

namespace fs = std::filesystem;
using namespace wardscope;

namespace {

const fs::path source_dir = WARDSCOPE_SOURCE_DIR;

// Ome's 2022 plan, as bundled: 戦略1 「多様な主体との連携を図る取組」 and its
// description (「…青梅商工会議所と連携し、… DX の推進を…」).
struct OmeDatabase {
    fs::path dir, path;
    OmeDatabase() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("wardscope-marks-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(dir);
        path = dir / "w.db";
        const Taxonomy taxonomy = read_taxonomy(source_dir / "data" / "themes.json", source_dir / "data" / "actors.json");
        auto file = read_plan_file(source_dir / "data" / "plans" / "ome-regional-2022.json", taxonomy);
        REQUIRE(file.ok());
        Store store = Store::open(path, OpenMode::create);
        import_plans(store, taxonomy, {file.plan_file});
    }
    ~OmeDatabase() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

// One frame of `view` in the headless context, with this frame's probes only.
void frame(test::Headless& h, ui::View& view, ui::ViewContext& ctx) {
    ui::clear_probes();
    h.frame([&] { view.draw(ctx); });
}

std::vector<ui::Probe> hits(const std::string& prefix = "explorer.hit/") {
    std::vector<ui::Probe> out;
    for (const ui::Probe& p : ui::recorded_probes())
        if (p.name.rfind(prefix, 0) == 0) out.push_back(p);
    return out;
}

const Node& node_named(const Plan& plan, const char* id) {
    for (const Node& n : plan.nodes)
        if (n.id == id) return n;
    FAIL("no node " << id);
    return plan.nodes.front();
}

}  // namespace

TEST_CASE("find_matches: every occurrence, folded as the search folds, as byte ranges of the text") {
    const std::string text = "ＤＸの推進とdxと Dx";
    const auto m = find_matches(text, "dx");
    REQUIRE(m.size() == 3);
    CHECK(text.substr(m[0].begin, m[0].end - m[0].begin) == "ＤＸ");
    CHECK(text.substr(m[1].begin, m[1].end - m[1].begin) == "dx");
    CHECK(text.substr(m[2].begin, m[2].end - m[2].begin) == "Dx");
    const std::string kana = "すみだ区とスミダ";
    const auto k = find_matches(kana, "ｽﾐﾀﾞ");
    REQUIRE(k.size() == 2);
    CHECK(kana.substr(k[0].begin, k[0].end - k[0].begin) == "すみだ");
    CHECK(kana.substr(k[1].begin, k[1].end - k[1].begin) == "スミダ");
    CHECK(find_matches(text, "  ").empty());
    CHECK(find_matches(text, "観光").empty());
}

TEST_CASE("explorer details: the search's hits are marked on the matched characters, in the title and the description") {
    OmeDatabase db;
    app::Dashboard d(db.path);
    const Plan& plan = d.data().plans.front();
    REQUIRE(node_named(plan, "st1").name.find("連携") != std::string::npos);
    d.selection().set_plans(d.data(), {plan.id});
    d.selection().select_node("st1");
    test::Headless h;
    h.widgets.probes.set_enabled(true);
    ui::ViewContext ctx{d.data(), d.model(), d.selection(), d.filter(), ui::Lang::ja, 1.0f, 2026, false, nullptr, nullptr, {}};
    ui::Views views = ui::make_views();
    ui::View& explorer = *views[static_cast<std::size_t>(ui::find_view(views, "explorer"))];
    explorer.on_data(d.model());

    // No query: nothing marked.
    frame(h, explorer, ctx);
    frame(h, explorer, ctx);
    CHECK(hits().empty());

    // 連携: once in the title, once in the description.
    explorer.restore_options({{"search", "連携"}});
    CHECK(explorer.save_options().at("search") == "連携");
    frame(h, explorer, ctx);
    frame(h, explorer, ctx);
    const auto title = hits("explorer.hit/title/");
    const auto description = hits("explorer.hit/description/");
    REQUIRE(title.size() == 1);
    REQUIRE(description.size() == 1);
    CHECK(title[0].text == "連携");
    CHECK(description[0].text == "連携");
    // A mark covers exactly the matched characters, one line high.
    for (const ui::Probe& p : {title[0], description[0]}) {
        CHECK(p.max.x - p.min.x == doctest::Approx(ImGui::CalcTextSize("連携").x));
        CHECK(p.max.y - p.min.y == doctest::Approx(ImGui::GetTextLineHeight()));
    }
    // Marks below the title's and inside the window.
    CHECK(description[0].min.y > title[0].max.y);
    CHECK(description[0].max.x <= ImGui::GetIO().DisplaySize.x);

    // Width and case folded: ｄｘ marks the description's "DX".
    explorer.restore_options({{"search", "ｄｘ"}});
    frame(h, explorer, ctx);
    frame(h, explorer, ctx);
    const auto dx = hits("explorer.hit/description/");
    REQUIRE(dx.size() == 1);
    CHECK(dx[0].text == "DX");
    CHECK(dx[0].max.x - dx[0].min.x == doctest::Approx(ImGui::CalcTextSize("DX").x));
    CHECK(hits("explorer.hit/title/").empty());

    // Cleared again: no marks.
    explorer.restore_options({});
    frame(h, explorer, ctx);
    CHECK(hits().empty());
}
