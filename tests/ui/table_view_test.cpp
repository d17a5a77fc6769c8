// The data behind every view (ui::View::table, what `wardscope table` and
// "Export table" write) against what the view shows, and the sortable notes
// and KPI tables driven by header clicks in a headless ImGui context (layout
// probes give the rows' places).
#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <filesystem>
#include <map>
#include <random>

#include <imgui.h>

#include "app/dashboard.hpp"
#include "ui/widget_state.hpp"
#include "ui/widgets/probes.hpp"
#include "wardscope/coverage.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"
#include "wardscope/view_tables.hpp"
#include "wardscope/workshop.hpp"

namespace fs = std::filesystem;
using namespace wardscope;

namespace {

// Two municipalities' synthetic plans with indicators and results, and notes with votes.
struct NotedDatabase {
    fs::path dir, path;
    NotedDatabase() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("wardscope-table-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(dir);
        path = dir / "w.db";
        Store store = Store::open(path, OpenMode::create);
        Taxonomy taxonomy;
        taxonomy.themes = {{"startup", "創業", "Startups", {"創業"}, "", ""}, {"tourism", "観光", "Tourism", {"観光"}, "", ""}};
        GenerateOptions options;
        options.municipalities = 2;
        options.plans_per_municipality = 2;
        options.measures_per_plan = 12;
        options.indicators_per_plan = 5;
        options.years = 3;
        generate_database(store, taxonomy, options);
        const Dataset data = load_dataset(store);
        const Plan& plan = data.plans.front();
        // Votes in an order that is neither sorted nor reversed; one note without a vote.
        const std::optional<int> votes[] = {3, 5, std::nullopt, 1, 4};
        for (std::size_t i = 0; i < 5; ++i)
            set_annotation(store, {plan.id, ItemKind::node, plan.nodes[i].id}, "note " + std::to_string(i), votes[i]);
    }
    ~NotedDatabase() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

std::size_t csv_rows(const Table& table) { return parse_csv(table_to_csv(table, false), "t.csv").size() - 1; }

struct Headless {
    ui::WidgetState widgets;
    Headless() {
        ImGui::CreateContext();
        ui::attach_widget_state(&widgets);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.IniFilename = nullptr;
        io.KeyMap[ImGuiKey_C] = 'C';  // the GLFW backend's key code for C
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ui::set_probes_enabled(true);
    }
    ~Headless() {
        ui::set_probes_enabled(false);
        ui::clear_probes();
        ImGui::DestroyContext();
    }
    // One frame of `view`; `down`: the left button held; `ctrl_c`: Ctrl+C pressed.
    void frame(ui::View& view, ui::ViewContext& ctx, ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX), bool down = false,
               bool ctrl_c = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        io.KeyCtrl = ctrl_c;
        io.KeysDown['C'] = ctrl_c;
        ui::clear_probes();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration);
        view.draw(ctx);
        ImGui::End();
        ImGui::Render();
    }
    // A click: pressed on one frame, released on the next, then a frame drawn in the new state.
    void click(ui::View& view, ui::ViewContext& ctx, ImVec2 at) {
        frame(view, ctx, at);
        frame(view, ctx, at, true);
        frame(view, ctx, at, false);
        frame(view, ctx);
    }
};

const ui::Probe* probe(const std::string& name) {
    for (const ui::Probe& p : ui::recorded_probes())
        if (p.name == name) return &p;
    return nullptr;
}

ImVec2 centre(const ui::Probe& p) { return ImVec2((p.min.x + p.max.x) / 2, (p.min.y + p.max.y) / 2); }

// The rows whose probe names start with `prefix`, top to bottom: their names after the prefix.
std::vector<std::string> rows_top_down(const std::string& prefix) {
    std::vector<const ui::Probe*> rows;
    for (const ui::Probe& p : ui::recorded_probes())
        if (p.name.rfind(prefix, 0) == 0) rows.push_back(&p);
    std::sort(rows.begin(), rows.end(), [](const ui::Probe* a, const ui::Probe* b) { return a->min.y < b->min.y; });
    std::vector<std::string> names;
    for (const ui::Probe* p : rows) names.push_back(p->name.substr(prefix.size()));
    return names;
}

ui::ViewContext context(app::Dashboard& d) {
    return ui::ViewContext{d.data(), d.model(), d.selection(), d.filter(), ui::Lang::ja, 1.0f, 2026, false, nullptr, nullptr, {}};
}

}  // namespace

TEST_CASE("every view's table holds the rows the view shows, and its CSV as many") {
    NotedDatabase db;
    app::Dashboard d(db.path);
    const Dataset& data = d.data();
    REQUIRE(data.plans.size() == 4);
    d.selection().set_plans(data, {data.plans[0].id, data.plans[2].id});
    const auto rows = [&](const char* view) {
        const std::optional<Table> t = d.view_table(view);
        REQUIRE(t.has_value());
        CHECK(csv_rows(*t) == t->rows.size());
        for (const auto& row : t->rows) CHECK(row.size() == t->columns.size());
        return t->rows.size();
    };
    CHECK(rows("timeline") == data.plans.size());
    CHECK(rows("plans") == data.plans.size());
    CHECK(rows("explorer") == data.plans[0].nodes.size());
    CHECK(rows("swot") == data.plans[0].swot.size() + data.plans[0].tows.size() + data.plans[2].swot.size() +
                              data.plans[2].tows.size());
    CHECK(rows("kpi") == data.plans[0].indicators.size() + data.plans[2].indicators.size());
    CHECK(rows("notes") == 5);
    const ui::Filter& filter = d.filter();
    CHECK(rows("heatmap") == build_coverage(data, [&](const Plan& p) { return filter.passes(data, p); }).rows.size());
    const std::optional<Table> compare = d.view_table("compare");
    CHECK(compare->columns.size() == 3);  // the row names, then the two selected plans

    // Under a theme filter: the plans the filter bar keeps, in every plan-listing view.
    d.filter().set_theme("tourism");
    std::size_t kept = 0;
    for (const Plan& p : data.plans) kept += d.filter().passes(data, p) ? 1 : 0;
    CHECK(rows("plans") == kept);
    CHECK(rows("timeline") == kept);
    CHECK(rows("heatmap") == kept);
    d.filter().set_theme("no-such-theme");
    CHECK(rows("plans") == 0);
    CHECK(rows("notes") == 0);  // only notes on plans in the filter, as the view shows by default

    // English headers and text from the same table.
    d.set_lang(ui::Lang::en);
    CHECK(d.view_table("kpi")->columns.front().header(true) == "Plan");
    CHECK_THROWS_AS(d.view_table("nothing"), Error);
}

TEST_CASE("notes table: a header click sorts, a second reverses, the sort is a saved option") {
    NotedDatabase db;
    app::Dashboard d(db.path);
    Headless h;
    ui::ViewContext ctx = context(d);
    ui::Views views = ui::make_views();
    ui::View& notes = *views[static_cast<std::size_t>(ui::find_view(views, "notes"))];
    notes.on_data(d.model());
    h.frame(notes, ctx);
    h.frame(notes, ctx);
    const Plan& plan = d.data().plans.front();
    const auto row = [&](std::size_t i) { return plan.id + "/node/" + plan.nodes[i].id; };
    // Default: highest priority first, the note without a vote last.
    CHECK(rows_top_down("notes.row/") == std::vector<std::string>{row(1), row(4), row(0), row(3), row(2)});

    const ui::Probe* vote = probe("notes.header/0");
    REQUIRE(vote != nullptr);
    h.click(notes, ctx, centre(*vote));  // priority prefers descending
    CHECK(notes.save_options().at("sort") == "0:desc");
    CHECK(rows_top_down("notes.row/") == std::vector<std::string>{row(1), row(4), row(0), row(3), row(2)});
    h.click(notes, ctx, centre(*probe("notes.header/0")));
    CHECK(notes.save_options().at("sort") == "0:asc");
    // Ascending; unknown stays last either way.
    CHECK(rows_top_down("notes.row/") == std::vector<std::string>{row(3), row(0), row(4), row(1), row(2)});
    // The table written is in the order shown.
    const std::optional<Table> t = notes.table(ctx);
    REQUIRE(t.has_value());
    CHECK(t->rows.front()[0] == TableCell::of_integer(1));
    CHECK(t->rows.back()[0].type == CellType::unknown);

    // A slide restores the sort: by note text, descending, shown in the header at once.
    ui::Views restored = ui::make_views();
    ui::View& again = *restored[static_cast<std::size_t>(ui::find_view(restored, "notes"))];
    again.restore_options({{"sort", "3:desc"}});
    again.on_data(d.model());
    h.frame(again, ctx);
    h.frame(again, ctx);
    CHECK(rows_top_down("notes.row/") == std::vector<std::string>{row(4), row(3), row(2), row(1), row(0)});
    CHECK(again.save_options().at("sort") == "3:desc");

    // Ctrl+C over a cell copies that cell's text as the table has it.
    const ui::Probe* first = probe("notes.row/" + row(4));
    REQUIRE(first != nullptr);
    const ui::Probe* note_header = probe("notes.header/3");
    REQUIRE(note_header != nullptr);
    const ImVec2 cell(centre(*note_header).x, centre(*first).y);
    h.frame(again, ctx, cell);
    h.frame(again, ctx, cell, false, true);
    CHECK(std::string(ImGui::GetClipboardText()) == "note 4");
}

TEST_CASE("KPI table: every column sorts by its typed values, unknown last") {
    NotedDatabase db;
    app::Dashboard d(db.path);
    d.selection().set_plans(d.data(), {d.data().plans[0].id, d.data().plans[1].id});
    Headless h;
    ui::ViewContext ctx = context(d);
    ui::Views views = ui::make_views();
    ui::View& kpi = *views[static_cast<std::size_t>(ui::find_view(views, "kpi"))];
    kpi.on_data(d.model());
    h.frame(kpi, ctx);
    h.frame(kpi, ctx);
    std::map<std::string, const Indicator*> by_row;
    for (std::size_t k = 0; k < 2; ++k)
        for (const Indicator& ind : d.data().plans[k].indicators) by_row[d.data().plans[k].id + "/" + ind.id] = &ind;
    REQUIRE(rows_top_down("kpi.row/").size() == by_row.size());
    for (int column = 0; column < 9; ++column) {
        CAPTURE(column);
        const ui::Probe* header = probe("kpi.header/" + std::to_string(column));
        REQUIRE(header != nullptr);
        h.click(kpi, ctx, centre(*header));
        const std::string sort = kpi.save_options().at("sort");
        CHECK(sort.size() > 2);
        CHECK(sort.substr(sort.size() - 4) == ":asc");
        // The order shown is the table's own sort of that column.
        const Table shown = *kpi.table(ctx);
        const std::vector<std::string> order = rows_top_down("kpi.row/");
        REQUIRE(order.size() == shown.rows.size());
        const std::size_t table_column = static_cast<std::size_t>(std::stoi(sort));
        for (std::size_t r = 1; r < shown.rows.size(); ++r) {
            const TableCell& a = shown.rows[r - 1][table_column];
            const TableCell& b = shown.rows[r][table_column];
            if (b.type == CellType::unknown) continue;
            CHECK(a.type != CellType::unknown);
            if (a.type == CellType::text && b.type == CellType::text) CHECK(a.text <= b.text);
            if (a.type == CellType::number && b.type == CellType::number) CHECK(a.number <= b.number);
        }
        // The rows on screen are the table's rows, line by line.
        for (std::size_t r = 0; r < order.size(); ++r) {
            const Indicator* ind = by_row.at(order[r]);
            CHECK(cell_text(shown.rows[r][static_cast<std::size_t>(KpiColumn::name)]) == ind->name);
        }
        h.click(kpi, ctx, centre(*probe("kpi.header/" + std::to_string(column))));
        const std::string reversed = kpi.save_options().at("sort");
        CHECK(reversed.substr(reversed.size() - 5) == ":desc");
    }
}

TEST_CASE("Export table writes through the dashboard: whole files, never over the database") {
    NotedDatabase db;
    app::Dashboard d(db.path);
    const std::optional<Table> t = d.view_table("notes");
    REQUIRE(t.has_value());
    const fs::path out = db.dir / "notes.xlsx";
    CHECK(d.write_export(out, table_file_bytes(*t, TableFormat::xlsx, false)).empty());
    CHECK(fs::file_size(out) > 100);
    const auto size = fs::file_size(db.path);
    const std::string refused = d.write_export(db.path, "not a database");
    CHECK(refused.find("refusing") != std::string::npos);
    CHECK(fs::file_size(db.path) == size);
    CHECK_FALSE(d.write_export(db.dir / "missing" / "x.csv", "a").empty());
    CHECK_FALSE(fs::exists(db.dir / "missing"));
}
