// Prefectures in the timeline and the heatmap (issue #16): with municipalities
// in more than one prefecture, one aggregate row per prefecture (its
// municipalities and plans; the heatmap's: per theme, the share of its plans
// covering it), collapsed until clicked or until one of its municipalities is
// selected; the bundled single-prefecture data keeps plain rows. The opened
// prefectures are a view option: slides and settings restore them exactly.
// Layout probes.
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <filesystem>
#include <random>
#include <string>

#include <imgui.h>

#include "app/dashboard.hpp"
#include "app/settings.hpp"
#include "headless.hpp"
#include "synthetic_sample.hpp"
#include "ui/model.hpp"
#include "ui/view.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets/probes.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"
#include "wardscope/theme_rule.hpp"

using namespace wardscope;
namespace fs = std::filesystem;

namespace {

// 70 synthetic municipalities: Tokyo's 62, then 8 of Hokkaido; one plan each.
Dataset national_sample(const fs::path& db) { return test::synthetic_sample(db, 70); }

const ui::Probe* probe(const std::string& name) {
    for (const ui::Probe& p : ui::recorded_probes())
        if (p.name == name) return &p;
    return nullptr;
}

int prefecture_probes(const std::string& view = "timeline") {
    int n = 0;
    for (const ui::Probe& p : ui::recorded_probes()) n += p.name.starts_with(view + ".prefecture/") ? 1 : 0;
    return n;
}

int probes_starting(const std::string& prefix) {
    int n = 0;
    for (const ui::Probe& p : ui::recorded_probes()) n += p.name.starts_with(prefix) ? 1 : 0;
    return n;
}

// A prefecture row's probe text ("open" / "closed"), or "(not drawn)".
std::string state_of(const std::string& name) {
    const ui::Probe* p = probe(name);
    return p ? p->text : "(not drawn)";
}

ImVec2 centre(const ui::Probe& p) { return ImVec2((p.min.x + p.max.x) / 2, (p.min.y + p.max.y) / 2); }

// A fresh directory, removed after the test.
struct TempDir {
    fs::path path = fs::temp_directory_path() / ("wardscope-prefecture-" + std::to_string(std::random_device{}()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

// The 70-municipality sample (or another size) in a fresh directory, and its model.
struct NationalSample {
    TempDir dir;
    Dataset data;
    ui::Model model;
    NationalSample() : data(national_sample(dir.path / "n.db")), model(ui::build_model(data, {})) {}
    NationalSample(int municipalities, int plans_each)
        : data(test::synthetic_sample(dir.path / "n.db", municipalities, plans_each)), model(ui::build_model(data, {})) {}
};

// One view of a fresh registry, drawn in a headless frame with its probes cleared first.
struct DrawnView {
    const Dataset& data;
    const ui::Model& model;
    ui::Views views = ui::make_views();
    ui::View& view;
    ui::Selection selection;
    ui::Filter filter;
    ui::ViewContext ctx{data, model, selection, filter, ui::Lang::ja, 1.0f, 2026, false, nullptr, nullptr, {}};
    float font_scale = 1;  // > 1: the room's large type over the test's small font
    DrawnView(const Dataset& d, const ui::Model& m, const char* id)
        : data(d), model(m), view(*views[static_cast<std::size_t>(ui::find_view(views, id))]) {
        view.on_data(model);
    }
    auto drawer() {
        return [this] {
            ui::clear_probes();
            ImGui::SetWindowFontScale(font_scale);
            view.draw(ctx);
        };
    }
};

struct Probing {
    Probing() { ui::set_probes_enabled(true); }
    ~Probing() { ui::set_probes_enabled(false); }
};

}  // namespace

TEST_CASE("timeline: one aggregate row per prefecture, opened by a click or by selecting one of its municipalities") {
    NationalSample sample;
    const Dataset& data = sample.data;
    REQUIRE(data.municipalities.size() == 70);
    test::Headless h{ImVec2(1600, 1000)};
    Probing probing;
    DrawnView v(data, sample.model, "timeline");
    auto draw = v.drawer();

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
    const ImVec2 at = centre(*hokkaido);
    h.click(draw, at);
    h.frame(draw);
    REQUIRE(probe("timeline.prefecture/東京都"));
    const float opened_gap = probe("timeline.prefecture/東京都")->min.y - probe("timeline.prefecture/北海道")->max.y;
    CHECK(std::abs(opened_gap - 8 * lane) < 1.0f);
    CHECK(state_of("timeline.prefecture/北海道") == "open");
    // Again: closed.
    h.click(draw, at);
    h.frame(draw);
    CHECK(std::abs(probe("timeline.prefecture/東京都")->min.y - probe("timeline.prefecture/北海道")->max.y) < 1.0f);

    // Selecting a plan of a Tokyo municipality opens Tokyo (its 62 rows under it, off the bottom here).
    v.selection.select_plan(data, "synthetic-001-1");
    h.frame(draw);
    h.frame(draw);
    CHECK(prefecture_probes() == 2);
    CHECK(state_of("timeline.prefecture/東京都") == "open");
    CHECK(state_of("timeline.prefecture/北海道") == "closed");
    // The table still lists every plan, opened or not.
    const auto table = v.view.table(v.ctx);
    REQUIRE(table.has_value());
    CHECK(table->rows.size() == 70);
}

TEST_CASE("heatmap: one aggregate row per prefecture with the share of its plans covering each theme, opened by a click or a selection") {
    NationalSample sample;
    const Dataset& data = sample.data;
    test::Headless h{ImVec2(1600, 1000)};
    Probing probing;
    DrawnView v(data, sample.model, "heatmap");
    auto draw = v.drawer();
    h.frame(draw);
    h.frame(draw);
    REQUIRE(prefecture_probes("heatmap") == 2);
    const ui::Probe* hokkaido = probe("heatmap.prefecture/北海道");
    const ui::Probe* tokyo = probe("heatmap.prefecture/東京都");
    REQUIRE(hokkaido);
    REQUIRE(tokyo);
    CHECK(hokkaido->value == 8);   // municipalities
    CHECK(hokkaido->value2 == 8);  // plans
    CHECK(tokyo->value == 62);
    CHECK(tokyo->value2 == 62);
    CHECK(hokkaido->text == "closed");
    CHECK(tokyo->text == "closed");
    // Collapsed: no plan's row is drawn, 東京都 right below 北海道.
    CHECK(probes_starting("heatmap.row/") == 0);
    const float row_h = hokkaido->max.y - hokkaido->min.y + 1;  // rows are 1 px apart
    CHECK(row_h > 10);
    CHECK(std::abs(tokyo->min.y - (hokkaido->min.y + row_h)) < 1.0f);

    // Each aggregate cell: the share of the prefecture's plans covering the theme, by the counting rule.
    int cells = 0;
    for (const ui::Probe& p : ui::recorded_probes()) {
        if (!p.name.starts_with("heatmap.prefecture_cell/")) continue;
        ++cells;
        const std::string rest = p.name.substr(std::string("heatmap.prefecture_cell/").size());
        const std::string prefecture = rest.substr(0, rest.find('/')), theme = rest.substr(rest.find('/') + 1);
        int plans = 0, covering = 0;
        for (const Plan& plan : data.plans) {
            const Municipality* m = data.find_municipality(plan.municipality_id);
            if (!m || m->prefecture != prefecture) continue;
            ++plans;
            covering += plan_covers(plan, theme) ? 1 : 0;
        }
        INFO(p.name);
        REQUIRE(plans > 0);
        CHECK(p.value2 == covering);
        CHECK(std::abs(p.value - static_cast<double>(covering) / plans) < 1e-9);
        // Level with its prefecture's row heading.
        const ui::Probe* heading = probe("heatmap.prefecture/" + prefecture);
        REQUIRE(heading);
        CHECK(std::abs(p.min.y - heading->min.y) < 1.0f);
    }
    CHECK(cells == 2 * static_cast<int>(data.taxonomy.themes.size()));
    bool some_share_between = false;  // the sample is not all-or-nothing: the test can tell shares apart
    for (const ui::Probe& p : ui::recorded_probes())
        if (p.name.starts_with("heatmap.prefecture_cell/")) some_share_between |= p.value > 0 && p.value < 1;
    CHECK(some_share_between);

    // A click on 北海道's heading opens it: its 8 plans' rows between it and 東京都.
    const ImVec2 at = centre(*hokkaido);
    h.click(draw, at);
    h.frame(draw);
    REQUIRE(probe("heatmap.prefecture/北海道"));
    CHECK(state_of("heatmap.prefecture/北海道") == "open");
    CHECK(probes_starting("heatmap.row/") == 8);
    const float top = probe("heatmap.prefecture/北海道")->min.y;
    CHECK(std::abs(probe("heatmap.prefecture/東京都")->min.y - (top + 9 * row_h)) < 1.0f);
    for (const ui::Probe& p : ui::recorded_probes())
        if (p.name.starts_with("heatmap.row/")) {
            const Plan* plan = data.find_plan(p.name.substr(std::string("heatmap.row/").size()));
            REQUIRE(plan);
            CHECK(data.find_municipality(plan->municipality_id)->prefecture == "北海道");
            CHECK(p.min.y > top);
            CHECK(p.min.y < probe("heatmap.prefecture/東京都")->min.y);
        }
    // A click on one of its aggregate cells closes it again.
    const ui::Probe* cell = probe("heatmap.prefecture_cell/北海道/" + data.taxonomy.themes.front().id);
    REQUIRE(cell);
    h.click(draw, centre(*cell));
    h.frame(draw);
    CHECK(state_of("heatmap.prefecture/北海道") == "closed");
    CHECK(probes_starting("heatmap.row/") == 0);

    // Selecting a plan of a Tokyo municipality opens Tokyo.
    v.selection.select_plan(data, "synthetic-001-1");
    h.frame(draw);
    h.frame(draw);
    CHECK(state_of("heatmap.prefecture/東京都") == "open");
    CHECK(state_of("heatmap.prefecture/北海道") == "closed");
    CHECK(probe("heatmap.row/synthetic-001-1"));
    // The table still lists every plan, opened or not.
    const auto table = v.view.table(v.ctx);
    REQUIRE(table.has_value());
    CHECK(table->rows.size() == 70);

    // Sorted by anything else than the grouped order, every plan is ranked in one list: no prefecture rows.
    ui::OptionValues sorted = v.view.save_options();
    sorted["rows"] = "total";
    v.view.restore_options(sorted);
    h.frame(draw);
    h.frame(draw);
    CHECK(prefecture_probes("heatmap") == 0);
    CHECK(probes_starting("heatmap.row/") > 8);
}

TEST_CASE("one prefecture: the heatmap and timeline keep their plain rows") {
    TempDir dir;
    const Dataset data = test::synthetic_sample(dir.path / "tokyo.db", 5);
    const ui::Model model = ui::build_model(data, {});
    test::Headless h{ImVec2(1600, 1000)};
    Probing probing;
    for (const char* id : {"heatmap", "timeline"}) {
        DrawnView v(data, model, id);
        auto draw = v.drawer();
        h.frame(draw);
        h.frame(draw);
        INFO(id);
        CHECK(prefecture_probes(id) == 0);
    }
    DrawnView heatmap(data, model, "heatmap");
    auto draw = heatmap.drawer();
    h.frame(draw);
    CHECK(probes_starting("heatmap.row/") == 5);
}

TEST_CASE("opened prefectures are a view option: slides and settings restore them exactly, whatever is selected") {
    NationalSample sample;
    const Dataset& data = sample.data;
    test::Headless h{ImVec2(1600, 1000)};
    Probing probing;
    for (const char* id : {"heatmap", "timeline"}) {
        INFO(id);
        const std::string key = std::string(id) + ".open_prefectures";
        // Opened by a click, then saved: the slide's / settings' named strings.
        std::map<std::string, std::string> saved;
        {
            DrawnView v(data, sample.model, id);
            auto draw = v.drawer();
            h.frame(draw);
            h.frame(draw);
            REQUIRE(probe(std::string(id) + ".prefecture/北海道"));
            h.click(draw, centre(*probe(std::string(id) + ".prefecture/北海道")));
            h.frame(draw);
            REQUIRE(state_of(std::string(id) + ".prefecture/北海道") == "open");
            saved = ui::save_view_options(v.views);
            CHECK(saved.at(key) == "北海道");
        }
        // Through the settings file.
        app::Settings settings;
        settings.view_options = saved;
        REQUIRE(app::save_settings(sample.dir.path, settings));
        const app::Settings back = app::load_settings(sample.dir.path);
        CHECK(back.view_options.at(key) == "北海道");

        // Restored where a Tokyo plan is selected (a slide restores the selection first):
        // exactly what was saved, not Tokyo opened on top.
        DrawnView v(data, sample.model, id);
        v.selection.select_plan(data, "synthetic-001-1");
        ui::restore_view_options(v.views, back.view_options);
        auto draw = v.drawer();
        h.frame(draw);
        h.frame(draw);
        CHECK(state_of(std::string(id) + ".prefecture/北海道") == "open");
        CHECK(state_of(std::string(id) + ".prefecture/東京都") == "closed");
        CHECK(ui::save_view_options(v.views).at(key) == "北海道");
        // A municipality selected after that opens its prefecture as before.
        v.selection.select_plan(data, "synthetic-002-1");
        h.frame(draw);
        CHECK(state_of(std::string(id) + ".prefecture/東京都") == "open");
        CHECK(ui::save_view_options(v.views).at(key) == "北海道,東京都");

        // An older slide without the option: nothing opened but the selection's prefecture.
        ui::restore_view_options(v.views, {});
        h.frame(draw);
        h.frame(draw);
        CHECK(state_of(std::string(id) + ".prefecture/東京都") == "open");
        CHECK(state_of(std::string(id) + ".prefecture/北海道") == "closed");
        // The prefecture-less row round-trips as "-".
        ui::restore_view_options(v.views, {{key, "-,北海道"}});
        CHECK(ui::save_view_options(v.views).at(key) == "-,北海道");
    }
}

TEST_CASE("a slide carries the opened prefectures: captured by the dashboard and applied by another") {
    NationalSample sample;
    const fs::path db = sample.dir.path / "n.db";
    app::Dashboard d(db);
    REQUIRE(d.show_view("heatmap"));
    d.selection().select_plan(d.data(), "synthetic-001-1");
    d.restore_view_options({{"heatmap.open_prefectures", "北海道"}, {"timeline.open_prefectures", "北海道,東京都"}});
    const SlideState saved = d.capture_slide();
    CHECK(saved.view_options.at("heatmap.open_prefectures") == "北海道");

    app::Dashboard other(db);
    other.apply_slide(saved);
    CHECK(other.view_options().at("heatmap.open_prefectures") == "北海道");
    CHECK(other.view_options().at("timeline.open_prefectures") == "北海道,東京都");
    CHECK(other.selection().municipality_id() == "syn-001");
    CHECK(other.capture_slide() == saved);
}

namespace {

// The prefecture rows' labels as drawn ("VIEW.label/prefecture/NAME": text shown, its width, the room).
const ui::Probe* label_of(const std::string& view, const std::string& prefecture) {
    return probe(view + ".label/prefecture/" + prefecture);
}

}  // namespace

TEST_CASE("English counts are singular for one: \"1 municipality, 1 plan\" in both views' prefecture rows") {
    const NationalSample sample(63, 1);  // Tokyo's 62, then one of Hokkaido's
    test::Headless h{ImVec2(1600, 1000)};
    Probing probing;
    for (const char* id : {"timeline", "heatmap"}) {
        INFO(id);
        DrawnView v(sample.data, sample.model, id);
        v.ctx.lang = ui::Lang::en;
        auto draw = v.drawer();
        h.frame(draw);
        h.frame(draw);
        REQUIRE(label_of(id, "北海道"));
        REQUIRE(label_of(id, "東京都"));
        CHECK(label_of(id, "北海道")->text == "▶ Hokkaido (1 municipality, 1 plan)");
        CHECK(label_of(id, "東京都")->text == "▶ Tokyo (62 municipalities, 62 plans)");
        v.ctx.lang = ui::Lang::ja;  // Japanese has one form
        h.frame(draw);
        h.frame(draw);
        CHECK(label_of(id, "北海道")->text == "▶ 北海道（1自治体・1計画）");
    }
}

TEST_CASE("prefecture headings at national counts fit the label column, else shorten to the name and its plans") {
    // Tokyo's 62 and all of Hokkaido's 179 municipalities, 5 plans each: 北海道（179自治体・895計画）as at national size.
    const NationalSample sample(241, 5);
    for (const ui::Lang lang : {ui::Lang::en, ui::Lang::ja}) {
        const bool en = lang == ui::Lang::en;
        INFO((en ? "en" : "ja"));
        const std::string whole = en ? "▶ Hokkaido (179 municipalities, 895 plans)" : "▶ 北海道（179自治体・895計画）";
        for (const std::string id : {"timeline", "heatmap"}) {
            INFO(id);
            {  // Whole, inside its column: the timeline at 1280×800; the heatmap at 1920×1080 (with the test's
               // font its drill-down panel sits beside the grid at 1280, and the grid's columns come first).
                test::Headless h{id == "timeline" ? ImVec2(1280, 800) : ImVec2(1920, 1080)};
                Probing probing;
                DrawnView v(sample.data, sample.model, id.c_str());
                v.ctx.lang = lang;
                auto draw = v.drawer();
                h.frame(draw);
                h.frame(draw);
                const ui::Probe* label = label_of(id, "北海道");
                REQUIRE(label);
                CHECK(label->text == whole);
                CHECK(label->value <= label->value2 + 0.5);
            }
            // Too narrow for it: the name and its plans, still inside, never the name cut first. (The test's
            // font draws Japanese as narrow "?": the heatmap's 14-em floor keeps that heading whole.)
            if (en || id == "timeline") {
                test::Headless h{ImVec2(560, 800)};
                Probing probing;
                DrawnView v(sample.data, sample.model, id.c_str());
                v.ctx.lang = lang;
                v.font_scale = 1.6f;
                auto draw = v.drawer();
                h.frame(draw);
                h.frame(draw);
                const ui::Probe* label = label_of(id, "北海道");
                REQUIRE(label);
                CHECK(label->text != whole);
                CHECK(label->text.starts_with(en ? "▶ Hokkaido" : "▶ 北海道"));
                CHECK(label->value <= label->value2 + 0.5);
                CHECK(label->value > 0);
            }
        }
    }
}

TEST_CASE("timeline: every row's label stays inside the label column (municipality rows opened, 1280×800)") {
    const NationalSample sample(241, 5);
    test::Headless h{ImVec2(1280, 800)};
    Probing probing;
    DrawnView v(sample.data, sample.model, "timeline");
    v.ctx.lang = ui::Lang::en;
    v.view.restore_options({{"open_prefectures", "北海道"}});
    auto draw = v.drawer();
    h.frame(draw);
    h.frame(draw);
    const int labels = probes_starting("timeline.label/");
    CHECK(labels > 5);  // the prefectures and the opened one's first municipalities
    for (const ui::Probe& p : ui::recorded_probes())
        if (p.name.starts_with("timeline.label/")) {
            INFO(p.name);
            CHECK(p.value <= p.value2 + 0.5);
            CHECK(p.max.x - p.min.x >= p.value2);  // the room is within the column
        }
}

TEST_CASE("heatmap while presenting, English: column headings too long for two staggered columns are turned, never cut") {
    const NationalSample sample;
    const Dataset& data = sample.data;
    for (const ui::Lang lang : {ui::Lang::en, ui::Lang::ja}) {
        INFO((lang == ui::Lang::en ? "en" : "ja"));
        for (const float width : {1280.0f, 1920.0f}) {
            INFO(width);
            test::Headless h{ImVec2(width, width * 0.6f)};
            Probing probing;
            DrawnView v(data, sample.model, "heatmap");
            v.ctx.lang = lang;
            v.ctx.presenting = true;
            v.font_scale = 2.2f;
            auto draw = v.drawer();
            h.frame(draw);
            h.frame(draw);
            int columns = 0;
            for (const ui::Probe& p : ui::recorded_probes()) {
                if (!p.name.starts_with("heatmap.column/")) continue;
                ++columns;
                INFO(p.name, " ", p.text);
                const Theme* theme = data.taxonomy.find_theme(p.name.substr(std::string("heatmap.column/").size()));
                REQUIRE(theme);
                CHECK(p.text.find("…") == std::string::npos);
                CHECK(!p.text.empty());
            }
            CHECK(columns == static_cast<int>(data.taxonomy.themes.size()));
        }
    }
}

TEST_CASE("heatmap: switching the language redraws the row headings in it (and their prefecture headings)") {
    const NationalSample sample;
    test::Headless h{ImVec2(1600, 1000)};
    Probing probing;
    DrawnView v(sample.data, sample.model, "heatmap");
    v.view.restore_options({{"open_prefectures", "北海道"}});
    auto draw = v.drawer();
    const auto titles = [] {
        std::string all;
        for (const ui::Probe& p : ui::recorded_probes())
            if (p.name.starts_with("heatmap.row_title/")) all += p.text + "|";
        return all;
    };
    h.frame(draw);
    h.frame(draw);
    const std::string ja = titles();
    REQUIRE(!ja.empty());
    v.ctx.lang = ui::Lang::en;  // as the top bar's toggle does, between frames: no data change
    h.frame(draw);
    h.frame(draw);
    const std::string en = titles();
    CHECK(en != ja);
    CHECK(en.find("Synthetic") != std::string::npos);
    CHECK(label_of("heatmap", "北海道")->text.starts_with("▼ Hokkaido"));
}
