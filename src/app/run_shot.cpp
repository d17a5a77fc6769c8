// `wardscope shot`: one view, rendered offscreen at a fixed size, to PNG.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <memory>
#include <vector>

#include <GL/gl.h>
#include <backends/imgui_impl_opengl3.h>

#include "app/app.hpp"
#include "app/frame.hpp"
#include "app/frame_capture.hpp"
#include "app/offscreen.hpp"
#include "ui/view.hpp"
#include "ui/widgets/probes.hpp"
#include "wardscope/error.hpp"
#include "wardscope/safe_files.hpp"
#include "wardscope/text_escape.hpp"

namespace wardscope::app {
namespace {

void check_plan_ids(const Dataset& data, const std::vector<std::string>& ids) {
    for (const auto& id : ids)
        if (!data.find_plan(id)) {
            std::string known;
            for (const Plan& p : data.plans) known += (known.empty() ? "" : ", ") + p.id;
            throw Error("--plans: no plan '" + id + "' in the database (known: " + known + ")");
        }
}

void check_node_id(const Dataset& data, const std::vector<std::string>& plan_ids, const std::string& node_id) {
    if (node_id.empty()) return;
    if (plan_ids.empty()) throw Error("--node needs --plans: the node is one of the first plan's");
    const Plan* plan = data.find_plan(plan_ids.front());
    if (plan && std::none_of(plan->nodes.begin(), plan->nodes.end(), [&](const Node& n) { return n.id == node_id; }))
        throw Error("--node: plan '" + plan->id + "' has no node '" + node_id + "'");
}

// CPU time of our frames only (new frame → ImGui render on this thread; GL and
// Mesa's worker threads excluded), with the pointer sweeping the view so hover
// paths run too. The frames before the timed ones built the caches.
int time_frames(Dashboard& dashboard, const ShotOptions& options, OffscreenTarget& target) {
    const ImVec2 size(static_cast<float>(options.width), static_cast<float>(options.height));
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(options.timed_frames));
    for (int frame = 0; frame < options.timed_frames; ++frame) {
        const float t = static_cast<float>(frame) / static_cast<float>(options.timed_frames);
        const ImVec2 mouse(size.x * (0.05f + 0.9f * t), size.y * (0.2f + 0.6f * std::fabs(std::sin(t * 12.0f))));
        timespec start{}, end{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
        build_frame(dashboard, size, mouse);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
        ms.push_back(static_cast<double>(end.tv_sec - start.tv_sec) * 1e3 +
                     static_cast<double>(end.tv_nsec - start.tv_nsec) / 1e6);
        target.bind();
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
    std::cout << "view=" << options.view << " frames=" << ms.size() << " median_ms=" << at(0.5) << " p99_ms=" << at(0.99)
              << " max_ms=" << ms.back() << "\n";
    return 0;
}

}  // namespace

std::vector<std::string> all_view_names() { return ui::view_ids(); }

int run_shot(const ShotOptions& options) {
    try {
        refuse_database_as_output(options.out_png, options.db_path);
        if (!options.layout_json.empty()) refuse_database_as_output(options.layout_json, options.db_path);
        const ui::Views views = ui::make_views();
        const int view = ui::find_view(views, options.view);
        const bool known_view = view >= 0;
        // A shot shows one view: the KPI history (most of the rows) is read only for the views that show it.
        const KpiHistoryLoad history = options.slide > 0 || (known_view && views[static_cast<std::size_t>(view)]->needs_kpi_history())
                                           ? KpiHistoryLoad::with_plans
                                           : KpiHistoryLoad::skipped;
        std::unique_ptr<GlSession> session;
        Prepared prepared = prepare_while_gl_starts(options.db_path, history, offscreen_spec("wardscope shot"),
                                                    [&](const Dashboard& loaded) {
            if (!known_view) throw Error("unknown view '" + options.view + "'");
            check_plan_ids(loaded.data(), options.plan_ids);
            check_node_id(loaded.data(), options.plan_ids, options.node_id);
            if (options.slide > static_cast<int>(loaded.model().slides.size()))
                throw Error("--slide " + std::to_string(options.slide) + ": the database holds " +
                            std::to_string(loaded.model().slides.size()) + " slides");
        }, session);
        Dashboard& dashboard = *prepared.dashboard;
        DashboardFonts& fonts = *prepared.fonts;
        dashboard.show_view(options.view);
        dashboard.set_screenshot(true);
        dashboard.set_lang(options.lang == "en" ? ui::Lang::en : ui::Lang::ja);
        dashboard.selection().set_plans(dashboard.data(), options.plan_ids);
        if (!options.node_id.empty()) dashboard.selection().select_node(options.node_id);
        if (!options.view_options.empty())
            if (const std::string wrong = dashboard.restore_view_options_checked(options.view_options); !wrong.empty())
                throw Error("--view-option: " + wrong);
        if (options.present) dashboard.set_presenting(true, static_cast<float>(options.height));
        if (options.slide > 0) dashboard.go_to_slide(options.slide - 1);  // the slide show keeps the mode chosen here

        OffscreenTarget target(options.width, options.height);
        fonts.rebuild(dashboard, *session, 1.0f);  // pixel-exact shots: no monitor scaling
        if (options.timed_frames > 0) {
            render_settled_frame(dashboard, *session, target, fonts, options.width, options.height, false);
            return time_frames(dashboard, options, target);
        }
        render_settled_frame(dashboard, *session, target, fonts, options.width, options.height, !options.layout_json.empty());
        write_png(options.out_png, options.width, options.height, target.read_pixels());
        if (!options.layout_json.empty()) write_layout_json(options.layout_json, options.width, options.height, dashboard.widgets().probes);
        dashboard.widgets().probes.set_enabled(false);
        std::cout << "wrote " << options.out_png.string() << " (" << options.view << ", " << options.width << "x"
                  << options.height << ", " << options.lang << ")" << std::endl;
        // Everything is written and flushed: end the process here instead of
        // freeing the plans node by node and taking GL and the X connection down
        // piece by piece, which the system does at exit anyway (≈ 20 ms of a shot).
        std::fflush(nullptr);
        std::_Exit(0);
    } catch (const Error& e) {
        std::cerr << "wardscope shot: " << terminal_text(e.what(), LineBreaks::keep) << "\n";
        return 1;
    }
}

}  // namespace wardscope::app
