// The plot module: scales, ticks, tick labels, colormaps, value → colour,
// downsampling (plot_scale.hpp), and the widgets in a headless ImGui context
// (no window, no GL): ellipsis, heatmap cells and hit testing, the colour bar probe.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "headless.hpp"
#include "ui/plot/plot.hpp"
#include "ui/plot/plot_scale.hpp"
#include "ui/widget_state.hpp"

using namespace wardscope::ui::plot;

namespace {

void check_ticks(double lo, double hi, int target, const std::vector<double>& expected) {
    CAPTURE(lo);
    CAPTURE(hi);
    const std::vector<double> got = nice_ticks(lo, hi, target);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == doctest::Approx(expected[i]).epsilon(1e-12));
}

}  // namespace

TEST_CASE("linear scale maps and inverts") {
    const LinearScale s(0, 10, 100, 300);
    CHECK(s.map(0) == doctest::Approx(100));
    CHECK(s.map(10) == doctest::Approx(300));
    CHECK(s.map(2.5) == doctest::Approx(150));
    CHECK(s.invert(150) == doctest::Approx(2.5));
    for (double v : {-3.0, 0.0, 1.25, 7.0, 12.0}) CHECK(s.invert(s.map(v)) == doctest::Approx(v));

    // A y axis: minimum at the bottom pixel.
    const LinearScale y(0, 457, 400, 20);
    CHECK(y.map(0) == doctest::Approx(400));
    CHECK(y.map(457) == doctest::Approx(20));
    CHECK(y.map(100) < y.map(50));
    CHECK(y.invert(y.map(321)) == doctest::Approx(321));

    // Negative domains.
    const LinearScale n(-50, -10, 0, 80);
    CHECK(n.map(-30) == doctest::Approx(40));
    CHECK(n.invert(40) == doctest::Approx(-30));

    // Degenerate domain: the middle of the range, no division by zero.
    const LinearScale d(5, 5, 0, 100);
    CHECK(d.map(5) == doctest::Approx(50));
    CHECK(d.map(123) == doctest::Approx(50));
    CHECK(d.invert(77) == doctest::Approx(5));
}

TEST_CASE("nice steps are 1, 2 or 5 times a power of ten") {
    CHECK(nice_step(1, 5) == doctest::Approx(0.2));
    CHECK(nice_step(457, 5) == doctest::Approx(100));
    CHECK(nice_step(10, 5) == doctest::Approx(2));
    CHECK(nice_step(0.03, 3) == doctest::Approx(0.01));
    CHECK(nice_step(0, 5) == 0);
    CHECK(nice_step(-3, 5) == 0);
    CHECK(nice_step(std::numeric_limits<double>::infinity(), 5) == 0);
    for (double span : {0.007, 0.9, 3.3, 47.0, 1234.0, 9.9e6}) {
        const double step = nice_step(span, 5);
        const double m = step / std::pow(10.0, std::floor(std::log10(step) + 1e-12));
        CAPTURE(span);
        CHECK((std::fabs(m - 1) < 1e-9 || std::fabs(m - 2) < 1e-9 || std::fabs(m - 5) < 1e-9));
        const double count = span / step;
        CHECK(count >= 2);
        CHECK(count <= 12);
    }
}

TEST_CASE("nice ticks") {
    check_ticks(0, 1, 5, {0, 0.2, 0.4, 0.6, 0.8, 1.0});
    check_ticks(0, 457, 5, {0, 100, 200, 300, 400});
    check_ticks(-10, 10, 4, {-10, -5, 0, 5, 10});
    check_ticks(-47, -3, 4, {-40, -30, -20, -10});
    check_ticks(1, 0, 5, {0, 0.2, 0.4, 0.6, 0.8, 1.0});  // reversed input
    check_ticks(3, 3, 5, {3});                            // degenerate
    // Zero is exactly zero (no -1e-17 from accumulated steps).
    for (double t : nice_ticks(-0.3, 0.3, 6))
        if (std::fabs(t) < 1e-6) CHECK(t == 0.0);
    CHECK(nice_ticks(0, std::numeric_limits<double>::quiet_NaN(), 5).empty());
    // Ticks stay inside the range and are ascending.
    const auto t = nice_ticks(0.13, 0.87, 5);
    REQUIRE(!t.empty());
    CHECK(t.front() >= 0.13);
    CHECK(t.back() <= 0.87);
    for (std::size_t i = 1; i < t.size(); ++i) CHECK(t[i] > t[i - 1]);
}

TEST_CASE("nice domains widen outward") {
    Domain d = nice_domain(0, 457, 5);
    CHECK(d.lo == doctest::Approx(0));
    CHECK(d.hi == doctest::Approx(500));
    d = nice_domain(0.13, 0.87, 5);
    CHECK(d.lo == doctest::Approx(0.0));
    CHECK(d.hi == doctest::Approx(1.0));
    d = nice_domain(-47, -3, 4);
    CHECK(d.lo == doctest::Approx(-50));
    CHECK(d.hi == doctest::Approx(0));
    d = nice_domain(5, 5, 5);  // degenerate: around the value
    CHECK(d.lo < 5);
    CHECK(d.hi > 5);
    CHECK(d.lo == doctest::Approx(4));
    CHECK(d.hi == doctest::Approx(6));
    d = nice_domain(0, 0, 5);
    CHECK(d.lo == doctest::Approx(0));
    CHECK(d.hi == doctest::Approx(1));
    d = nice_domain(-2.5, -2.5, 5);
    CHECK(d.lo < -2.5);
    CHECK(d.hi > -2.5);
}

TEST_CASE("nice domains are tick-aligned: the ticks start and end on their edges") {
    const double ranges[][2] = {{162, 243}, {0.13, 0.87}, {-47, -3}, {46, 50}, {3.2, 3.3}, {-120, 880}, {0, 457}, {1e-4, 7e-4}};
    for (const auto& r : ranges)
        for (int target = 2; target <= 9; ++target) {
            CAPTURE(r[0]);
            CAPTURE(r[1]);
            CAPTURE(target);
            const Domain d = nice_domain(r[0], r[1], target);
            CHECK(d.lo <= r[0]);
            CHECK(d.hi >= r[1]);
            const auto t = nice_ticks(d.lo, d.hi, target);
            REQUIRE(t.size() >= 2);
            CHECK(t.front() == doctest::Approx(d.lo));
            CHECK(t.back() == doctest::Approx(d.hi));
        }
}

TEST_CASE("fiscal-year ticks are integers and fit") {
    auto all = fiscal_year_ticks(2019, 2026, 20);
    CHECK(all == std::vector<int>{2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026});
    auto few = fiscal_year_ticks(2003, 2037, 8);
    CHECK(few.size() <= 8);
    CHECK(few == std::vector<int>{2005, 2010, 2015, 2020, 2025, 2030, 2035});
    auto two = fiscal_year_ticks(2019, 2026, 4);
    CHECK(two.size() <= 4);
    CHECK(two == std::vector<int>{2020, 2022, 2024, 2026});
    CHECK(fiscal_year_ticks(2026, 2026, 3) == std::vector<int>{2026});
    CHECK(fiscal_year_ticks(2030, 2020, 5).empty());
    CHECK(fiscal_year_ticks(2020, 2030, 0).empty());
    // Steps are whole years, whatever the space.
    for (int max_ticks = 1; max_ticks < 40; ++max_ticks) {
        const int step = fiscal_year_step(1990, 2040, max_ticks);
        CHECK(step >= 1);
        const auto ticks = fiscal_year_ticks(1990, 2040, max_ticks);
        CHECK(static_cast<int>(ticks.size()) <= max_ticks);
        for (int y : ticks) CHECK(y % step == 0);
    }
}

TEST_CASE("tick labels") {
    CHECK(format_tick(0.4, 0.2) == "0.4");
    CHECK(format_tick(0, 0.2) == "0.0");
    CHECK(format_tick(400, 100) == "400");
    CHECK(format_tick(12000, 2000) == "12,000");
    CHECK(format_tick(-1500000, 500000) == "-1,500,000");
    CHECK(format_tick(0.25, 0.05) == "0.25");
    CHECK(format_tick(-0.0, 1) == "0");
    CHECK(format_tick(-1e-12, 0.1) == "0.0");
    CHECK(format_tick(std::numeric_limits<double>::quiet_NaN(), 1) == "—");
    CHECK(format_tick(999, 1) == "999");
    CHECK(format_tick(1000, 1) == "1,000");
}

TEST_CASE("colormaps: published endpoints, monotone luminance") {
    const Rgb v0 = sample(Colormap::viridis, 0), v1 = sample(Colormap::viridis, 1);
    CHECK(v0.r == doctest::Approx(0.267004));
    CHECK(v0.g == doctest::Approx(0.004874));
    CHECK(v0.b == doctest::Approx(0.329415));
    CHECK(v1.r == doctest::Approx(0.993248));
    CHECK(v1.g == doctest::Approx(0.906157));
    CHECK(v1.b == doctest::Approx(0.143936));
    const Rgb c0 = sample(Colormap::cividis, 0), c1 = sample(Colormap::cividis, 1);
    CHECK(c0.r == doctest::Approx(0.0));
    CHECK(c0.g == doctest::Approx(0.135112));
    CHECK(c0.b == doctest::Approx(0.304751));
    CHECK(c1.r == doctest::Approx(0.995737));
    CHECK(c1.g == doctest::Approx(0.909344));
    CHECK(c1.b == doctest::Approx(0.217772));
    // viridis at 0.5 ≈ #21918c
    const Rgb mid = sample(Colormap::viridis, 0.5);
    CHECK(mid.r == doctest::Approx(0x21 / 255.0).epsilon(0.03));
    CHECK(mid.g == doctest::Approx(0x91 / 255.0).epsilon(0.03));
    CHECK(mid.b == doctest::Approx(0x8c / 255.0).epsilon(0.03));
    for (Colormap m : {Colormap::viridis, Colormap::cividis}) {
        CAPTURE(colormap_name(m));
        double prev = -1;
        for (int i = 0; i <= 200; ++i) {
            const double l = luminance(sample(m, i / 200.0));
            CHECK(l > prev);
            prev = l;
        }
        // Clamped outside [0, 1]; NaN → the low end.
        const Rgb lo = sample(m, -3), hi = sample(m, 7), n = sample(m, std::numeric_limits<double>::quiet_NaN());
        CHECK(lo.r == sample(m, 0).r);
        CHECK(hi.g == sample(m, 1).g);
        CHECK(n.b == sample(m, 0).b);
    }
    CHECK(std::string(colormap_name(Colormap::viridis)) == "viridis");
    CHECK(std::string(colormap_name(Colormap::cividis)) == "cividis");
}

TEST_CASE("value to colour clamps to the ends") {
    CHECK(normalize(5, 0, 10) == doctest::Approx(0.5));
    CHECK(normalize(-5, 0, 10) == 0.0);
    CHECK(normalize(50, 0, 10) == 1.0);
    CHECK(normalize(3, 3, 3) == doctest::Approx(0.5));
    CHECK(std::isnan(normalize(std::numeric_limits<double>::quiet_NaN(), 0, 1)));
    const Rgb below = value_color(Colormap::viridis, -100, 0, 1);
    const Rgb above = value_color(Colormap::viridis, 100, 0, 1);
    CHECK(below.r == sample(Colormap::viridis, 0).r);
    CHECK(above.g == sample(Colormap::viridis, 1).g);
    CHECK(luminance(value_color(Colormap::cividis, 0.8, 0, 1)) > luminance(value_color(Colormap::cividis, 0.2, 0, 1)));
}

TEST_CASE("downsampling keeps the extremes") {
    const std::size_t n = 100000;
    std::vector<double> xs(n), ys(n);
    for (std::size_t i = 0; i < n; ++i) {
        xs[i] = static_cast<double>(i);
        ys[i] = std::sin(static_cast<double>(i) * 0.01);
    }
    ys[31337] = 50;   // a spike
    ys[77777] = -42;  // a dip
    const int columns = 200;
    const auto idx = downsample_minmax(xs.data(), ys.data(), n, 0, static_cast<double>(n - 1), columns);
    CHECK(idx.size() <= static_cast<std::size_t>(columns) * 4 + 2);
    CHECK(idx.size() >= static_cast<std::size_t>(columns));
    const std::set<std::size_t> kept(idx.begin(), idx.end());
    CHECK(kept.count(31337) == 1);
    CHECK(kept.count(77777) == 1);
    CHECK(kept.count(0) == 1);
    CHECK(kept.count(n - 1) == 1);
    for (std::size_t k = 1; k < idx.size(); ++k) CHECK(idx[k] > idx[k - 1]);  // x order

    // A visible window keeps one neighbour on each side and culls the rest.
    const auto win = downsample_minmax(xs.data(), ys.data(), n, 1000, 1100, columns);
    REQUIRE(win.size() >= 3);
    CHECK(win.front() == 999);
    CHECK(win.back() == 1101);
    CHECK(win.size() == 101 + 2);  // few points: returned whole

    // NaN values are skipped.
    std::vector<double> gx{0, 1, 2, 3}, gy{1, std::numeric_limits<double>::quiet_NaN(), 3, 4};
    const auto g = downsample_minmax(gx.data(), gy.data(), 4, 0, 3, 10);
    CHECK(g == std::vector<std::size_t>{0, 2, 3});
    CHECK(downsample_minmax(gx.data(), gy.data(), 0, 0, 3, 10).empty());
}

// ---- Widgets in a headless ImGui context -------------------------------------------------------

namespace {

using wardscope::test::Headless;

}  // namespace

TEST_CASE("ellipsis keeps whole code points and fits") {
    Headless h;
    h.frame([] {
        const std::string text = "板橋区産業振興構想2035 — a long title";
        const float full = ImGui::CalcTextSize(text.c_str()).x;
        CHECK(ellipsize(text, full + 1) == text);
        for (float w : {full * 0.8f, full * 0.5f, full * 0.2f}) {
            const std::string s = ellipsize(text, w);
            CAPTURE(s);
            REQUIRE(!s.empty());
            CHECK(ImGui::CalcTextSize(s.c_str()).x <= w + 0.01f);
            CHECK(s.size() >= 3);
            CHECK(s.substr(s.size() - 3) == "…");
            // Valid UTF-8 prefix: no stray continuation byte right before the ellipsis.
            const std::string body = s.substr(0, s.size() - 3);
            CHECK(text.compare(0, body.size(), body) == 0);
        }
        CHECK(ellipsize(text, 1).empty());
    });
}

TEST_CASE("heatmap grid reports its cells and the hovered cell") {
    Headless h;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> values{0, 0.5, 1, nan, 0.25, 0.75};
    HeatmapSpec spec;
    spec.rows = 2;
    spec.cols = 3;
    spec.values = values.data();
    spec.cell_size = ImVec2(40, 20);
    spec.gap = 0;
    spec.show_values = true;
    spec.value_step = 0.01;
    std::vector<ImVec4> cells;
    spec.on_cell = [&](int r, int c, ImVec2 a, ImVec2 b) {
        (void)r;
        (void)c;
        cells.emplace_back(a.x, a.y, b.x, b.y);
    };
    ImVec2 grid_origin;
    h.frame([&] {
        grid_origin = ImGui::GetCursorScreenPos();
        heatmap_grid("##grid", spec);
    });
    REQUIRE(cells.size() == 6);
    CHECK(cells[0].x == doctest::Approx(grid_origin.x));
    CHECK(cells[0].z - cells[0].x == doctest::Approx(40));
    CHECK(heatmap_size(spec).x == doctest::Approx(3 * 40));
    CHECK(heatmap_size(spec).y == doctest::Approx(2 * 20));

    // Hover the middle of row 1, column 2 (two frames: hover state settles after one).
    const ImVec2 target(grid_origin.x + 2 * 40 + 20, grid_origin.y + 20 + 10);
    HeatmapHit hit;
    for (int i = 0; i < 3; ++i) h.frame([&] { hit = heatmap_grid("##grid", spec); }, target);
    CHECK(hit.row == 1);
    CHECK(hit.col == 2);
}

TEST_CASE("colour bar records its probe, minimum at the bottom") {
    Headless h;
    h.widgets.probes.set_enabled(true);
    h.frame([] {
        ColorbarSpec spec;
        spec.vmin = 2;
        spec.vmax = 9;
        spec.colormap = Colormap::cividis;
        spec.size = ImVec2(16, 200);
        spec.title = "%";
        colorbar("heatmap", spec);
    });
    const auto& probes = h.widgets.probes.recorded();
    REQUIRE(probes.size() == 1);
    CHECK(probes[0].name == "heatmap.colorbar");
    CHECK(probes[0].value == 2);
    CHECK(probes[0].value2 == 9);
    CHECK(probes[0].text == "vertical");
    CHECK(probes[0].max.y - probes[0].min.y == doctest::Approx(200));
    CHECK(probes[0].max.x - probes[0].min.x == doctest::Approx(16));
}

TEST_CASE("plot frame: scales follow the axes") {
    Headless h;
    h.frame([] {
        PlotSpec spec;
        spec.size = ImVec2(600, 300);
        spec.x.kind = AxisKind::fiscal_year;
        spec.x.min = 2020;
        spec.x.max = 2030;
        spec.y.min = 0;
        spec.y.max = 457;
        spec.y.unit = "社";
        REQUIRE(begin_plot("##p", spec));
        const PlotState& st = plot_state();
        CHECK(st.x.d0 == doctest::Approx(2019.5));
        CHECK(st.x.d1 == doctest::Approx(2030.5));
        CHECK(st.y.d0 == doctest::Approx(0));
        CHECK(st.y.d1 == doctest::Approx(500));
        CHECK(to_pixels(2020, 0).y > to_pixels(2020, 400).y);
        CHECK(st.plot_min.x > st.frame_min.x);
        CHECK(st.plot_max.y < st.frame_max.y);
        const double xs[] = {2020, 2021, 2022}, ys[] = {10, 20, 30};
        plot_line(xs, ys, 3, {});
        end_plot();
        // Ticks of a fiscal-year axis are whole years.
        AxisSpec ax;
        ax.kind = AxisKind::fiscal_year;
        for (const Tick& t : axis_ticks(ax, LinearScale(2003.5, 2037.5, 0, 300))) CHECK(t.value == std::round(t.value));
    });
}

// ---- The timeline and KPI views in a headless context: no asserts, fast frames --------------------

#include <chrono>

#include "ui/view.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "ui/view_context.hpp"
#include "wardscope/synthetic.hpp"

namespace {

wardscope::Dataset synthetic_dataset() {
    wardscope::Taxonomy tax;
    tax.themes = {{"startup", "創業", "Start-ups", {"創業"}, "", ""}, {"dx", "DX", "DX", {"DX"}, "", ""}, {"tourism", "観光", "Tourism", {"観光"}, "", ""}};
    wardscope::GenerateOptions o;
    o.measures_per_plan = 20;  // indicators and observations at full scale: 62 × 4 × 40 × 20
    std::vector<wardscope::PlanFile> files = wardscope::generate_plan_files(o, tax);
    wardscope::Dataset d;
    d.taxonomy = tax;
    for (wardscope::PlanFile& f : files) {
        if (!d.find_municipality(f.municipality.id)) d.municipalities.push_back(f.municipality);
        d.plans.push_back(std::move(f.plan));
        for (wardscope::Observation& ob : f.observations) d.observations.push_back(std::move(ob));
    }
    return d;
}

}  // namespace

// Frame times are reported, not asserted: bench/ measures performance.
TEST_CASE("timeline and KPI views draw large synthetic data") {
    using namespace wardscope::ui;
    const wardscope::Dataset data = synthetic_dataset();
    REQUIRE(data.plans.size() >= 4);
    REQUIRE(data.observations.size() > 100000);
    Headless h;
    Model model = build_model(data, {});
    add_kpi_history(model);
    Selection selection;
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < 4; ++i) ids.push_back(data.plans[i].id);
    selection.set_plans(data, ids);
    Filter filter;
    Views views = make_views();
    for (Lang lang : {Lang::ja, Lang::en}) {
        ViewContext ctx{data, model, selection, filter, lang, 1.0f, 2026, false, nullptr, nullptr, {}};
        for (const char* name : {"timeline", "kpi"}) {
            View& view = *views[static_cast<std::size_t>(find_view(views, name))];
            view.on_data(model);
            h.frame([&] { view.draw(ctx); }, ImVec2(400, 400));  // first frame builds the caches
            const auto t0 = std::chrono::steady_clock::now();
            const int frames = 10;
            for (int i = 0; i < frames; ++i) h.frame([&] { view.draw(ctx); }, ImVec2(400.0f + static_cast<float>(i) * 30, 500));
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / frames;
            MESSAGE(name << " frame: " << ms << " ms, " << ImGui::GetDrawData()->TotalVtxCount << " vertices");
            CHECK(ImGui::GetDrawData()->TotalVtxCount > 5000);  // bars / plot lines were drawn
        }
    }
    CHECK(selection.plan_ids().size() == 4);
}
