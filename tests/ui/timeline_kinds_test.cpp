// The timeline keeps ≥ 10 plan kinds apart (twelve colours, then stripes) and
// an open-ended bar shows its title first, the "end unknown" note after it
// (issue #13 C; layout probes).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include <imgui.h>

#include "headless.hpp"
#include "ui/model.hpp"
#include "ui/view.hpp"
#include "ui/view_context.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/ui_widgets.hpp"

using namespace wardscope;

TEST_CASE("plan kinds: twelve distinct colours, then the same colours striped") {
    std::set<ImU32> colours;
    for (std::size_t i = 0; i < 12; ++i) {
        CHECK_FALSE(ui::kind_style(i).striped);
        colours.insert(ui::kind_style(i).color);
    }
    CHECK(colours.size() == 12);
    for (std::size_t i = 12; i < 24; ++i) {
        CHECK(ui::kind_style(i).striped);
        CHECK(ui::kind_style(i).color == ui::kind_style(i - 12).color);
    }
}

TEST_CASE("an open-ended bar shows its title before the note, for each of 13 kinds") {
    Dataset data;
    data.municipalities.push_back({"testward", "試験区", "Test Ward", "区", "", {}, "", "", {}});
    for (int i = 0; i < 13; ++i) {
        Plan p;
        p.id = "plan-" + std::to_string(i);
        p.municipality_id = "testward";
        p.title = "Plan number " + std::to_string(i) + " with a rather long title that will not fit";
        p.kind = "kind " + std::to_string(i);
        p.start_fy = 2018 + i;
        if (i % 2 == 0) p.end_fy = 2022 + i;  // odd plans: end unknown
        p.source.file = "t.txt";
        data.plans.push_back(p);
    }
    test::Headless h{ImVec2(1920, 1080)};
    ui::set_probes_enabled(true);
    const ui::Model model = ui::build_model(data, {});
    ui::Views views = ui::make_views();
    ui::View& timeline = *views[static_cast<std::size_t>(ui::find_view(views, "timeline"))];
    timeline.on_data(model);
    ui::Selection selection;
    ui::Filter filter;
    for (ui::Lang lang : {ui::Lang::ja, ui::Lang::en}) {
        ui::ViewContext ctx{data, model, selection, filter, lang, 1.0f, 2026, false, nullptr, nullptr, {}};
        for (int frame = 0; frame < 2; ++frame)
            h.frame([&] {
                ui::clear_probes();
                timeline.draw(ctx);
            });
        int open_ended = 0;
        for (const Plan& p : data.plans) {
            const ui::Probe* title = nullptr;
            for (const ui::Probe& probe : ui::recorded_probes())
                if (probe.name == "timeline.bar_title/" + p.id) title = &probe;
            if (!title) continue;  // a bar too short for any text
            // The shown text starts with the title (cut with an ellipsis at its end, if at all).
            CHECK_MESSAGE(title->text.rfind("Plan number", 0) == 0, title->text);
            if (!p.end_fy) ++open_ended;
        }
        CHECK(open_ended >= 3);
    }
    ui::set_probes_enabled(false);
}
