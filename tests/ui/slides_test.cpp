// Slides and edits in the dashboard (no window needed): what a slide captures
// and restores, and the undo stack over notes and slides.
#include <doctest/doctest.h>

#include <cfloat>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <random>
#include <utility>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/dashboard.hpp"
#include "ui/view.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/spotlight.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"
#include "wardscope/table.hpp"
#include "wardscope/workshop.hpp"

namespace fs = std::filesystem;
using namespace wardscope;

namespace {

struct TempDatabase {
    fs::path dir;
    fs::path path;
    TempDatabase() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("wardscope-slides-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(dir);
        path = dir / "w.db";
        Store store = Store::open(path, OpenMode::create);
        import_plans(store, Taxonomy{}, {plan_file("plan-a", "sumida"), plan_file("plan-b", "arakawa")});
    }
    ~TempDatabase() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    static PlanFile plan_file(const std::string& id, const std::string& municipality) {
        PlanFile pf;
        pf.municipality = {municipality, municipality + "区", "", "区", "", {}, "", "", {}};
        pf.plan.id = id;
        pf.plan.municipality_id = municipality;
        pf.plan.title = id + "の計画";
        pf.plan.kind = "地域産業活性化計画";
        pf.plan.start_fy = 2022;
        pf.plan.end_fy = 2024;
        Node strategy;
        strategy.id = "st1";
        strategy.level = "strategy";
        strategy.name = "戦略";
        pf.plan.nodes.push_back(strategy);
        SwotItem s;
        s.id = "s1";
        s.text = "強み";
        pf.plan.swot.push_back(s);
        return pf;
    }
};

}  // namespace

TEST_CASE("view options survive the trip through a slide's named strings") {
    const std::map<std::string, std::string> chosen = {
        {"heatmap.mode", "share"},        {"heatmap.rows", "similarity"},    {"heatmap.columns", "total"},
        {"heatmap.colormap", "cividis"},  {"heatmap.cell_plan", "plan-a"},   {"heatmap.cell_theme", "startup"},
        {"heatmap.row_theme", "talent"},  {"heatmap.rows_ascending", "1"},   {"heatmap.column_plan", "plan-b"},
        {"heatmap.columns_ascending", "0"}, {"heatmap.across_theme", "network"}, {"heatmap.across_filter", "連携"},
        {"kpi.bars", "1"},                {"kpi.focus_plan", "plan-b"},      {"kpi.focus_indicator", "kpi1"},
        {"kpi.show_empty", "1"},
        {"notes.kind", "1"},              {"notes.min_vote", "4"},           {"notes.in_filter_only", "0"},
        {"notes.sort", "5:desc"},         {"kpi.sort", "6:asc"},
        {"compare.mode", "diff"},         {"explorer.search", "ｄｘ"},
        {"heatmap.open_prefectures", "北海道,東京都"}, {"timeline.open_prefectures", "-"}};
    ui::Views views = ui::make_views();
    ui::restore_view_options(views, chosen);
    CHECK(ui::save_view_options(views) == chosen);
    // Every view starts from its defaults: a fresh set saves something else.
    CHECK(ui::save_view_options(ui::make_views()) != chosen);

    // Unknown names and values (a slide from a newer wardscope) leave the defaults.
    ui::Views odd = ui::make_views();
    ui::restore_view_options(odd, {{"heatmap.mode", "volume"}, {"notes.min_vote", "x4"}, {"future.option", "1"}});
    const auto back = ui::save_view_options(odd);
    CHECK(back.at("heatmap.mode") == "count");
    CHECK(back.at("notes.min_vote") == "0");
    CHECK(back.count("future.option") == 0);
}

TEST_CASE("presentation text fits the screen: 36 px at 1080 lines, smaller on a 1280x800 projector, larger on 1440") {
    CHECK(app::font_size_presets[app::presentation_font_preset(1080)] == 36);
    CHECK(app::font_size_presets[app::presentation_font_preset(800)] == 26);
    CHECK(app::font_size_presets[app::presentation_font_preset(1440)] == 44);
    // Never the default size or smaller, however small the screen.
    CHECK(app::presentation_font_preset(300) == app::default_font_preset + 1);

    TempDatabase db;
    app::Dashboard d(db.path);
    d.set_presenting(true, 800);
    CHECK(d.presenting());
    CHECK(d.font_preset() == app::presentation_font_preset(800));
    d.set_presenting(false, 800);
    CHECK(d.font_preset() == app::default_font_preset);
}

TEST_CASE("a slide restores the view, selection, filter, options, language and size") {
    TempDatabase db;
    app::Dashboard d(db.path);
    REQUIRE(d.show_view("heatmap"));
    d.selection().set_plans(d.data(), {"plan-b", "plan-a"});
    d.selection().select_municipality("arakawa");
    d.selection().select_node("st1");
    d.filter().set_municipality_ids({"arakawa"});
    d.filter().set_fiscal_years(2022, 0);
    d.filter().set_theme("startup");
    d.restore_view_options({{"heatmap.mode", "present"}});
    d.set_lang(ui::Lang::en);
    d.set_font_preset(5);
    const SlideState saved = d.capture_slide();
    CHECK(saved.view == "heatmap");
    CHECK_FALSE(saved.presenting);

    app::Dashboard other(db.path);
    other.apply_slide(saved);
    CHECK(std::string(other.view().id()) == "heatmap");
    CHECK(other.selection().plan_ids() == std::vector<std::string>{"plan-b", "plan-a"});
    CHECK(other.selection().node_id() == "st1");
    CHECK(other.selection().municipality_id() == "arakawa");
    CHECK(other.filter().municipality_ids() == std::set<std::string>{"arakawa"});
    CHECK(other.filter().fiscal_year_from() == 2022);
    CHECK(other.filter().theme_id() == "startup");
    CHECK(other.view_options().at("heatmap.mode") == "present");
    CHECK(other.lang() == ui::Lang::en);
    CHECK(other.font_preset() == 5);
    CHECK(other.capture_slide() == saved);

    // While presenting, stepping to a slide saved outside presentation mode keeps
    // the mode and its text size; export (with_mode) takes the slide's own.
    app::Dashboard presenter(db.path);
    presenter.set_presenting(true, 1080);
    CHECK(presenter.font_preset() == app::presentation_font_preset(1080));
    presenter.apply_slide(saved);
    CHECK(presenter.presenting());
    CHECK(presenter.font_preset() == app::presentation_font_preset(1080));
    presenter.apply_slide(saved, true);
    CHECK_FALSE(presenter.presenting());
    CHECK(presenter.font_preset() == 5);

    // Plans removed since the slide was saved are skipped.
    SlideState stale = saved;
    stale.plan_ids = {"gone", "plan-a"};
    other.apply_slide(stale);
    CHECK(other.selection().plan_ids() == std::vector<std::string>{"plan-a"});
}

TEST_CASE("dashboard edits: notes and slides are written at once and undone newest first") {
    TempDatabase db;
    app::Dashboard d(db.path);
    const ItemRef item{"plan-a", ItemKind::swot, "s1"};
    CHECK(d.set_annotation(item, "最初", 2).empty());
    CHECK(d.set_annotation(item, "書き直し", 5).empty());
    CHECK(d.set_annotation({"plan-a", ItemKind::swot, "nope"}, "x", 1).find("has no swot item 'nope'") != std::string::npos);
    REQUIRE(d.show_view("swot"));
    CHECK(d.add_slide("SWOT").empty());
    REQUIRE(d.show_view("notes"));
    CHECK(d.add_slide("メモ").empty());
    CHECK(d.add_slide("").find("a slide needs a name") != std::string::npos);
    // The panel refuses what `wardscope slides add` refuses (the same core checks).
    CHECK(d.add_slide("SWOT") == "there is already a slide named 'SWOT' (slide 1)");
    d.reload();
    REQUIRE(d.model().slides.size() == 2);
    REQUIRE(d.model().annotations.size() == 1);
    CHECK(d.model().annotations[0].note == "書き直し");
    CHECK(d.last_edit() == "slide add メモ");

    // Delete the first slide, then undo: it comes back in its place.
    CHECK(d.delete_slide(d.model().slides[0].id).empty());
    d.reload();
    REQUIRE(d.model().slides.size() == 1);
    CHECK(d.undo().empty());
    d.reload();
    REQUIRE(d.model().slides.size() == 2);
    CHECK(d.model().slides[0].name == "SWOT");
    CHECK(d.model().slides[0].state.view == "swot");

    CHECK(d.undo().empty());  // the second slide
    CHECK(d.undo().empty());  // the first slide
    d.reload();
    CHECK(d.model().slides.empty());
    CHECK(d.undo().empty());  // the note's rewrite: back to the first text
    d.reload();
    REQUIRE(d.model().annotations.size() == 1);
    CHECK(d.model().annotations[0].note == "最初");
    CHECK(d.model().annotations[0].vote == 2);
    CHECK(d.undo().empty());  // the note itself
    d.reload();
    CHECK(d.model().annotations.empty());
    CHECK_FALSE(d.can_undo());
}

TEST_CASE("a note's undo works after a re-import dropped its item") {
    TempDatabase db;
    app::Dashboard d(db.path);
    const ItemRef item{"plan-a", ItemKind::node, "st1"};
    CHECK(d.set_annotation(item, "確認する", 3).empty());
    {
        // Another process imports plan-a again, without st1.
        Store store = Store::open(db.path, OpenMode::read_write);
        PlanFile without = TempDatabase::plan_file("plan-a", "sumida");
        without.plan.nodes.clear();
        import_plans(store, Taxonomy{}, {without});
    }
    d.reload();
    REQUIRE(d.model().annotations.size() == 1);  // kept, no longer in the plan
    CHECK(d.undo().empty());
    d.reload();
    CHECK(d.model().annotations.empty());
}

TEST_CASE("an exported slide's caption: its number, name and the source line (the room caption's)") {
    TempDatabase db;
    {
        Store store = Store::open(db.path, OpenMode::read_write);
        SlideState one;
        one.view = "swot";
        one.plan_ids = {"plan-b"};
        SlideState all;
        all.view = "timeline";
        all.lang = "en";
        add_slide(store, "アラカワ", one);
        add_slide(store, "All plans", all);
    }
    app::Dashboard d(db.path);
    CHECK(d.slide_caption().number == 0);  // none shown yet
    d.go_to_slide(0, true);
    app::SlideCaption c = d.slide_caption();
    CHECK(c.number == 1);
    CHECK(c.count == 2);
    CHECK(c.title == "アラカワ");
    CHECK(c.source.starts_with("出典: "));
    CHECK(c.source.find("plan-bの計画") != std::string::npos);
    d.go_to_slide(1, true);
    c = d.slide_caption();
    CHECK(c.number == 2);
    INFO(c.source);
    CHECK(c.source.starts_with("Source: 2 plans · "));  // the timeline of every plan, in English
}

TEST_CASE("each view's scroll anchor travels with its options, and an older slide without one opens at the top") {
    const std::map<std::string, std::string> chosen = {{"kpi.anchor", "card kita-vision-2026/ind1"},
                                                       {"compare.anchor", "themes"},
                                                       {"timeline.anchor", "row kita"}};
    ui::Views views = ui::make_views();
    ui::restore_view_options(views, chosen);
    const auto saved = ui::save_view_options(views);
    CHECK(saved.at("kpi.anchor") == "card kita-vision-2026/ind1");
    CHECK(saved.at("compare.anchor") == "themes");
    CHECK(saved.at("timeline.anchor") == "row kita");
    // The anchor is not an option of the view: restore_options never sees it.
    CHECK(saved.count("kpi.focus_plan") == 1);
    // No anchor (a slide saved before anchors, or at the top): none comes back.
    ui::restore_view_options(views, {{"kpi.bars", "1"}});
    const auto top = ui::save_view_options(views);
    CHECK(top.count("kpi.anchor") == 0);
    CHECK(top.count("compare.anchor") == 0);
    // An anchor of a shape the view does not know is dropped, not kept as garbage.
    ui::restore_view_options(views, {{"kpi.anchor", "row 12"}, {"compare.anchor", "somewhere"}});
    CHECK(ui::save_view_options(views).count("kpi.anchor") == 0);
    CHECK(ui::save_view_options(views).count("compare.anchor") == 0);
}

TEST_CASE("leaving the slide show returns to the view, selection and filter the user left") {
    TempDatabase db;
    SlideState on_b;
    on_b.view = "swot";
    on_b.plan_ids = {"plan-b"};
    on_b.filter_theme_id = "startup";
    {
        Store store = Store::open(db.path, OpenMode::read_write);
        add_slide(store, "B", on_b);
    }
    app::Dashboard d(db.path);
    REQUIRE(d.show_view("heatmap"));
    d.selection().set_plans(d.data(), {"plan-a"});
    d.filter().set_municipality_ids({"sumida"});
    d.restore_view_options({{"heatmap.mode", "share"}});

    // Presenting: the show starts with the first slide and ends with presentation mode.
    d.set_presenting(true, 800);
    CHECK_FALSE(d.slide_show_running());
    d.go_to_slide(0);
    CHECK(d.slide_show_running());
    CHECK(std::string(d.view().id()) == "swot");
    CHECK(d.selection().plan_ids() == std::vector<std::string>{"plan-b"});
    d.set_presenting(false, 800);
    CHECK_FALSE(d.slide_show_running());
    CHECK(std::string(d.view().id()) == "heatmap");
    CHECK(d.selection().plan_ids() == std::vector<std::string>{"plan-a"});
    CHECK(d.filter().municipality_ids() == std::set<std::string>{"sumida"});
    CHECK(d.filter().theme_id().empty());
    CHECK(d.view_options().at("heatmap.mode") == "share");
    CHECK(d.font_preset() == app::default_font_preset);
}

TEST_CASE("a slide keeps the spotlit item, and one without a spotlight clears it") {
    TempDatabase db;
    app::Dashboard d(db.path);
    REQUIRE(d.show_view("heatmap"));
    d.widgets().spotlight.set("heatmap/plan-a/startup");
    const SlideState lit = d.capture_slide();
    CHECK(lit.view_options.at("shell.spotlight") == "heatmap/plan-a/startup");
    d.widgets().spotlight.set("");
    CHECK(d.capture_slide().view_options.count("shell.spotlight") == 0);
    d.apply_slide(lit);
    CHECK(d.spotlight_id() == "heatmap/plan-a/startup");
    CHECK(d.capture_slide() == lit);
    SlideState plain = lit;
    plain.view_options.erase("shell.spotlight");
    d.apply_slide(plain);
    CHECK(d.spotlight_id().empty());
}

TEST_CASE("the presenter's preview of the next slide shows it, then puts back what the room sees") {
    TempDatabase db;
    app::Dashboard d(db.path);
    REQUIRE(d.show_view("heatmap"));
    d.selection().set_plans(d.data(), {"plan-a"});
    REQUIRE(d.add_slide("A").empty());
    d.reload();
    REQUIRE(d.show_view("compare"));
    d.selection().set_plans(d.data(), {"plan-b", "plan-a"});
    REQUIRE(d.add_slide("B").empty());
    d.reload();
    d.set_presenting(true, 1080);
    d.go_to_slide(0);
    // The presenter has moved on from the slide as saved: another plan and a filter.
    d.selection().set_plans(d.data(), {"plan-b"});
    d.filter().set_theme("startup");
    const SlideState on_screen = d.capture_slide();
    d.take_requests();

    bool drawn = false;
    d.preview_slide(1, [&] {
        drawn = true;
        CHECK(std::string(d.view().id()) == "compare");
        CHECK(d.current_slide() == 1);
        CHECK(d.selection().plan_ids() == std::vector<std::string>{"plan-b", "plan-a"});
    });
    CHECK(drawn);
    CHECK(d.current_slide() == 0);
    CHECK(d.capture_slide() == on_screen);
    CHECK(d.presenting());
    CHECK_FALSE(d.take_requests().rebuild_fonts);  // same size: no new font atlas for a preview
    // No such slide: nothing drawn, nothing changed.
    d.preview_slide(2, [&] { FAIL("slide 3 does not exist"); });
    CHECK(d.capture_slide() == on_screen);
}

TEST_CASE("dashboard redo: Ctrl+Shift+Z / Ctrl+Y bring undone edits back, and each says what changed") {
    TempDatabase db;
    app::Dashboard d(db.path);
    const ItemRef item{"plan-a", ItemKind::swot, "s1"};
    CHECK_FALSE(d.can_redo());
    CHECK(d.set_annotation(item, "最初", 2).empty());
    CHECK(d.set_annotation(item, "書き直し", 5).empty());
    REQUIRE(d.show_view("notes"));
    CHECK(d.add_slide("メモ").empty());
    d.reload();
    const std::int64_t slide_id = d.model().slides.at(0).id;
    CHECK(d.delete_slide(slide_id).empty());

    // Undo all four, newest first; each message names the change, and links to the item.
    CHECK(d.undo().empty());
    CHECK(d.notice().find("元に戻しました: スライド「メモ」を削除") == 0);
    CHECK(d.undo().empty());
    CHECK(d.notice().find("スライド「メモ」を保存") != std::string::npos);
    CHECK_FALSE(d.notice_has_link());
    CHECK(d.undo().empty());
    CHECK(d.notice().find("元に戻しました: メモを変更") == 0);
    CHECK(d.undo().empty());
    CHECK(d.notice().find("元に戻しました: メモを追加") == 0);
    CHECK(d.notice_has_link());
    d.reload();
    CHECK(d.model().annotations.empty());
    CHECK(d.model().slides.empty());
    CHECK_FALSE(d.can_undo());
    CHECK(d.can_redo());

    // Redo in the order they were made.
    d.set_lang(ui::Lang::en);
    CHECK(d.redo().empty());
    CHECK(d.notice().find("Redone: note added") == 0);
    d.reload();
    REQUIRE(d.model().annotations.size() == 1);
    CHECK(d.model().annotations[0].note == "最初");
    CHECK(d.redo().empty());
    d.reload();
    CHECK(d.model().annotations[0].note == "書き直し");
    CHECK(d.model().annotations[0].vote == 5);
    CHECK(d.redo().empty());  // the slide, back under its id
    d.reload();
    REQUIRE(d.model().slides.size() == 1);
    CHECK(d.model().slides[0].id == slide_id);
    CHECK(d.redo().empty());  // and deleted again
    CHECK(d.notice().find("Redone: slide “メモ” deleted") == 0);
    d.reload();
    CHECK(d.model().slides.empty());
    CHECK_FALSE(d.can_redo());

    // The link shows the item: its view, its plan.
    CHECK(d.undo().empty());
    CHECK(d.undo().empty());
    CHECK(d.undo().empty());  // the note's rewrite
    REQUIRE(d.show_view("timeline"));
    REQUIRE(d.notice_has_link());
    d.follow_notice_link();
    CHECK(std::string(d.view().id()) == "swot");
    CHECK(d.selection().front_plan() == "plan-a");
    CHECK(d.notice().empty());

    // A new edit drops what could still be redone.
    CHECK(d.can_redo());
    CHECK(d.set_annotation({"plan-a", ItemKind::swot, "s1"}, "新しい", std::nullopt).empty());
    CHECK_FALSE(d.can_redo());
}

TEST_CASE("dashboard redo of a typed KPI result stores it again, and its undo removes that row") {
    TempDatabase db;
    {
        PlanFile with_kpi = TempDatabase::plan_file("plan-a", "sumida");
        Indicator kpi;
        kpi.id = "k1";
        kpi.kind = "KPI";
        kpi.name = "創業件数";
        with_kpi.plan.indicators.push_back(kpi);
        Store store = Store::open(db.path, OpenMode::read_write);
        import_plans(store, Taxonomy{}, {with_kpi});
    }
    app::Dashboard d(db.path, app::KpiHistoryLoad::with_plans);
    const std::string indicator = "k1";
    auto user_values = [&] {
        d.reload();
        int n = 0;
        for (const Observation& o : d.data().observations) n += o.origin == ObservationOrigin::user;
        return n;
    };
    CHECK(d.add_observation("plan-a", indicator, "2027", "12", "区の集計").empty());
    CHECK(user_values() == 1);
    CHECK(d.undo().empty());
    CHECK(d.notice().find("元に戻しました: 実績値を追加（創業件数 · 2027）") == 0);
    CHECK(user_values() == 0);
    CHECK(d.redo().empty());
    CHECK(user_values() == 1);
    CHECK(d.undo().empty());  // the redone row, under its new id
    CHECK(user_values() == 0);
}

TEST_CASE("a slide's speaker notes are edited in the dashboard: one edit, undone and redone with a message") {
    TempDatabase db;
    app::Dashboard d(db.path);
    REQUIRE(d.show_view("swot"));
    CHECK(d.add_slide("強み").empty());
    d.reload();
    const std::int64_t id = d.model().slides.at(0).id;
    CHECK(d.set_slide_notes(id, "最初に強みを読む\n次に機会").empty());
    d.reload();
    CHECK(d.model().slides.at(0).notes == "最初に強みを読む\n次に機会");
    CHECK(d.last_edit() == "slide notes " + std::to_string(id));
    CHECK(d.set_slide_notes(id, "書き直し").empty());
    // The core's checks: a control character is refused and nothing is written.
    CHECK(d.set_slide_notes(id, std::string("bad\x01")).find("notes") != std::string::npos);
    CHECK(d.set_slide_notes(id + 99, "x").find("slide") != std::string::npos);
    d.reload();
    CHECK(d.model().slides.at(0).notes == "書き直し");

    CHECK(d.undo().empty());
    CHECK(d.notice().find("元に戻しました: スライド「強み」の話者メモを変更") == 0);
    d.reload();
    CHECK(d.model().slides.at(0).notes == "最初に強みを読む\n次に機会");
    CHECK(d.undo().empty());
    d.reload();
    CHECK(d.model().slides.at(0).notes.empty());
    d.set_lang(ui::Lang::en);
    CHECK(d.redo().empty());
    CHECK(d.notice().find("Redone: slide “強み” notes changed") == 0);
    d.reload();
    CHECK(d.model().slides.at(0).notes == "最初に強みを読む\n次に機会");
    // The slide itself (view, name) is untouched by its notes.
    CHECK(d.model().slides.at(0).name == "強み");
    CHECK(d.model().slides.at(0).state.view == "swot");
}

namespace {

// A database as `wardscope gen` writes it: municipalities × plans, `measures` each, one indicator.
fs::path generated_database(const fs::path& path, int municipalities, int plans, int measures, const Taxonomy& taxonomy) {
    Store store = Store::open(path, OpenMode::create);
    GenerateOptions options;
    options.municipalities = municipalities;
    options.plans_per_municipality = plans;
    options.measures_per_plan = measures;
    options.indicators_per_plan = 1;
    options.years = 1;
    generate_database(store, taxonomy, options);
    return path;
}

// Frames of the whole dashboard in a headless ImGui context, with probes on.
struct HeadlessDashboard {
    app::Dashboard& d;
    explicit HeadlessDashboard(app::Dashboard& dashboard, ImVec2 display = ImVec2(1280, 800)) : d(dashboard) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = display;
        io.IniFilename = nullptr;
        // The keys as the GLFW backend maps them (the dashboard navigates with the keyboard).
        const std::pair<ImGuiKey_, int> keys[] = {
            {ImGuiKey_Tab, GLFW_KEY_TAB},         {ImGuiKey_LeftArrow, GLFW_KEY_LEFT},  {ImGuiKey_RightArrow, GLFW_KEY_RIGHT},
            {ImGuiKey_UpArrow, GLFW_KEY_UP},      {ImGuiKey_DownArrow, GLFW_KEY_DOWN},  {ImGuiKey_PageUp, GLFW_KEY_PAGE_UP},
            {ImGuiKey_PageDown, GLFW_KEY_PAGE_DOWN}, {ImGuiKey_Home, GLFW_KEY_HOME},    {ImGuiKey_End, GLFW_KEY_END},
            {ImGuiKey_Insert, GLFW_KEY_INSERT},   {ImGuiKey_Delete, GLFW_KEY_DELETE},   {ImGuiKey_Backspace, GLFW_KEY_BACKSPACE},
            {ImGuiKey_Space, GLFW_KEY_SPACE},     {ImGuiKey_Enter, GLFW_KEY_ENTER},     {ImGuiKey_Escape, GLFW_KEY_ESCAPE},
            {ImGuiKey_KeyPadEnter, GLFW_KEY_KP_ENTER}, {ImGuiKey_A, GLFW_KEY_A},        {ImGuiKey_C, GLFW_KEY_C},
            {ImGuiKey_V, GLFW_KEY_V},             {ImGuiKey_X, GLFW_KEY_X},             {ImGuiKey_Y, GLFW_KEY_Y},
            {ImGuiKey_Z, GLFW_KEY_Z}};
        for (const auto& [key, glfw] : keys) io.KeyMap[key] = glfw;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        d.widgets().probes.set_enabled(true);
    }
    ~HeadlessDashboard() { ImGui::DestroyContext(); }
    HeadlessDashboard(const HeadlessDashboard&) = delete;
    HeadlessDashboard& operator=(const HeadlessDashboard&) = delete;
    void frame(ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX), bool pressed = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = pressed;
        ImGui::NewFrame();
        d.draw_frame();
        ImGui::Render();
    }
    void click(ImVec2 p) {
        frame(p, false);
        frame(p, true);
        frame(p, false);
    }
    std::optional<ui::Probe> probe(std::string_view name) const {
        for (const ui::Probe& p : d.widgets().probes.recorded())
            if (p.name == name) return p;
        return std::nullopt;
    }
    void press(int key) {
        ImGui::GetIO().KeysDown[key] = true;
        frame();
        ImGui::GetIO().KeysDown[key] = false;
        frame();
    }
    static ImVec2 centre(const ui::Probe& p) { return ImVec2((p.min.x + p.max.x) / 2, (p.min.y + p.max.y) / 2); }
};

}  // namespace

TEST_CASE("the slide panel's notes field: typed notes are saved when the field is left, and undo puts them back") {
    TempDatabase db;
    {
        Store store = Store::open(db.path, OpenMode::read_write);
        SlideState s;
        s.view = "swot";
        add_slide(store, "一枚目", s, "元のメモ");
    }
    app::Dashboard d(db.path);
    HeadlessDashboard h(d);
    h.frame();
    h.frame();
    auto button = h.probe("shell.slides");
    REQUIRE(button);
    h.click(HeadlessDashboard::centre(*button));
    h.frame();
    CHECK_FALSE(h.probe("slides.notes"));  // no slide shown yet: nothing to write notes for
    auto item = h.probe("slides.item/0");
    REQUIRE(item);
    h.click(HeadlessDashboard::centre(*item));
    h.frame();
    CHECK(d.current_slide() == 0);
    auto field = h.probe("slides.notes");
    REQUIRE(field);
    const ImVec2 in_field = HeadlessDashboard::centre(*field);
    h.click(in_field);
    ImGui::GetIO().AddInputCharactersUTF8("と追記");
    h.frame(in_field);
    h.frame(in_field);
    d.reload();
    CHECK(d.model().slides.at(0).notes == "元のメモ");  // not written while typing
    // Leaving the field (a click on the panel's name field) writes the notes, once.
    const unsigned edits = d.edit_count();
    auto name = h.probe("slides.name");
    REQUIRE(name);
    h.click(HeadlessDashboard::centre(*name));
    h.frame();
    CHECK(d.edit_count() == edits + 1);
    d.reload();
    CHECK(d.model().slides.at(0).notes == "元のメモと追記");
    CHECK(d.undo().empty());
    h.frame();
    h.frame();
    d.reload();
    CHECK(d.model().slides.at(0).notes == "元のメモ");
}

TEST_CASE("presenting, heatmap rows that do not fit go on pages: the clicker steps them, the caption names them, a slide keeps the page") {
    TempDatabase db;
    Taxonomy taxonomy;
    taxonomy.themes = {{"startup", "創業", "Startups", {"創業"}, "", ""}, {"tourism", "観光", "Tourism", {"観光"}, "", ""}};
    app::Dashboard d(generated_database(db.dir / "gen.db", 30, 2, 6, taxonomy));
    const std::size_t plans = d.data().plans.size();
    REQUIRE(plans >= 60);
    HeadlessDashboard h(d, ImVec2(1280, 500));
    d.set_lang(ui::Lang::en);
    REQUIRE(d.show_view("heatmap"));
    h.frame();
    CHECK(d.view().caption_detail(ui::Lang::en).empty());  // not presenting: one grid that scrolls
    d.set_presenting(true, 500);
    h.frame();
    h.frame();
    const std::string first_page = d.view().caption_detail(ui::Lang::en);
    INFO(first_page);
    int from = 0, to = 0, of = 0;
    REQUIRE(std::sscanf(first_page.c_str(), "rows %d–%d of %d", &from, &to, &of) == 3);
    CHECK(from == 1);
    CHECK(of == static_cast<int>(plans));
    REQUIRE(to > 1);
    REQUIRE(to < of);
    const int per_page = to;
    const auto rows_drawn = [&] {
        int n = 0;
        for (const ui::Probe& p : d.widgets().probes.recorded()) n += p.name.starts_with("heatmap.row/") ? 1 : 0;
        return n;
    };
    d.widgets().probes.clear();
    h.frame();
    CHECK(rows_drawn() == per_page);
    CHECK(d.capture_slide().view_options.count("heatmap.anchor") == 0);  // the first page is the top
    const SlideState page_one = d.capture_slide();

    // → steps to the next page (no slides: nothing else moves).
    h.press(GLFW_KEY_RIGHT);
    h.frame();
    CHECK(d.view().caption_detail(ui::Lang::en) ==
          "rows " + std::to_string(per_page + 1) + "–" + std::to_string(std::min(2 * per_page, of)) + " of " + std::to_string(of));
    const SlideState page_two = d.capture_slide();
    REQUIRE(page_two.view_options.count("heatmap.anchor") == 1);
    CHECK(page_two.view_options.at("heatmap.anchor").starts_with("row "));
    // The caption under the view says it too.
    d.widgets().probes.clear();
    h.frame();
    const auto caption = h.probe("shell.caption");
    REQUIRE(caption);
    CHECK(caption->text.find("rows " + std::to_string(per_page + 1) + "–") != std::string::npos);

    // Every row is reachable: → to the last page, where it stops; ← back to the first.
    int pages = 2;
    for (int i = 0; i < of; ++i) {
        const std::string before = d.view().caption_detail(ui::Lang::en);
        h.press(GLFW_KEY_RIGHT);
        h.frame();
        if (d.view().caption_detail(ui::Lang::en) == before) break;
        ++pages;
    }
    CHECK(pages == (of + per_page - 1) / per_page);
    CHECK(d.view().caption_detail(ui::Lang::en).find("–" + std::to_string(of) + " of ") != std::string::npos);
    for (int i = 0; i < pages; ++i) h.press(GLFW_KEY_LEFT);
    h.frame();
    CHECK(d.view().caption_detail(ui::Lang::en) == first_page);

    // A slide keeps its page.
    d.apply_slide(page_two);
    h.frame();
    h.frame();
    CHECK(d.view().caption_detail(ui::Lang::en).starts_with("rows " + std::to_string(per_page + 1) + "–"));
    d.apply_slide(page_one);
    h.frame();
    CHECK(d.view().caption_detail(ui::Lang::en) == first_page);
}

TEST_CASE("SWOT, notes and explorer keep their scroll anchors in a slide: the section, the note, the node at the top") {
    // Their shapes travel with the options; others are dropped.
    ui::Views views = ui::make_views();
    ui::restore_view_options(views, {{"swot.anchor", "tows"}, {"notes.anchor", "note plan-a/node/st1"}, {"explorer.anchor", "node st1"}});
    auto saved = ui::save_view_options(views);
    CHECK(saved.at("swot.anchor") == "tows");
    CHECK(saved.at("notes.anchor") == "note plan-a/node/st1");
    CHECK(saved.at("explorer.anchor") == "node st1");
    ui::restore_view_options(views, {{"swot.anchor", "row 3"}, {"notes.anchor", "st1"}, {"explorer.anchor", "node "}});
    saved = ui::save_view_options(views);
    CHECK(saved.count("swot.anchor") == 0);
    CHECK(saved.count("notes.anchor") == 0);
    CHECK(saved.count("explorer.anchor") == 0);

    // Restored on a short screen, each view scrolls there: what it then reports at its top is the anchor.
    TempDatabase db;
    app::Dashboard d(generated_database(db.dir / "gen.db", 1, 1, 40, Taxonomy{}));
    REQUIRE(d.data().plans.size() == 1);
    const Plan& plan = d.data().plans[0];
    REQUIRE(plan.nodes.size() > 30);
    // Notes on 30 measures, so that the notes table scrolls too.
    for (std::size_t i = 0; i < 30; ++i)
        REQUIRE(d.set_annotation({plan.id, ItemKind::node, plan.nodes[plan.nodes.size() - 1 - i].id}, "メモ " + std::to_string(i), 3).empty());
    d.reload();
    HeadlessDashboard h(d, ImVec2(1280, 360));
    const std::string deep_node = d.data().plans[0].nodes[d.data().plans[0].nodes.size() / 2].id;
    const auto restored = [&](const std::string& view, const std::string& option, const std::string& anchor) {
        REQUIRE(d.show_view(view));
        d.selection().set_plans(d.data(), {d.data().plans[0].id});
        h.frame();
        SlideState s = d.capture_slide();
        s.view_options[option] = anchor;
        d.apply_slide(s);
        for (int i = 0; i < 5; ++i) h.frame();
        const auto now = d.capture_slide().view_options;
        return now.count(option) ? now.at(option) : std::string();
    };
    CHECK(restored("explorer", "explorer.anchor", "node " + deep_node) == "node " + deep_node);
    CHECK(restored("explorer", "explorer.anchor", "") == "");
    REQUIRE_FALSE(d.data().plans[0].tows.empty());
    CHECK(restored("swot", "swot.anchor", "tows") == "tows");
    CHECK(restored("swot", "swot.anchor", "linked") == "");  // not a section it names
    CHECK(restored("swot", "swot.anchor", "") == "");
    // The notes table sorted as the view sorts it: the 20th row's note at the top.
    REQUIRE(d.show_view("notes"));
    h.frame();
    const std::optional<Table> notes = d.view_table("notes");
    REQUIRE(notes);
    REQUIRE(notes->rows.size() == 30);
    std::string key;
    {
        // The 20th row shown: find its item among the notes by its text.
        const auto& row = notes->rows[19];
        for (const Annotation& a : d.model().annotations)
            for (const auto& cell : row)
                if (cell_text(cell) == a.note) key = a.item.plan_id + "/node/" + a.item.item_id;
    }
    REQUIRE_FALSE(key.empty());
    CHECK(restored("notes", "notes.anchor", "note " + key) == "note " + key);
    CHECK(restored("notes", "notes.anchor", "") == "");
}
