// `wardscope shot`: one view, rendered offscreen at a fixed size, to PNG.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <future>
#include <memory>
#include <iostream>
#include <vector>

#include <GL/gl.h>
#include <backends/imgui_impl_opengl3.h>

#include "app/app.hpp"
#include "app/frame.hpp"
#include "app/frame_capture.hpp"
#include "ui/probes.hpp"
#include "wardscope/error.hpp"

namespace wardscope::app {
namespace {

// Tables and auto-sized windows settle over a couple of frames.
constexpr int frames_before_capture = 4;

void check_plan_ids(const Dataset& data, const std::vector<std::string>& ids) {
    for (const auto& id : ids)
        if (!data.find_plan(id)) {
            std::string known;
            for (const Plan& p : data.plans) known += (known.empty() ? "" : ", ") + p.id;
            throw Error("--plans: no plan '" + id + "' in the database (known: " + known + ")");
        }
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

// The database, the font and the glyphs the text needs: everything a shot
// prepares without a window.
struct Prepared {
    std::unique_ptr<Dashboard> dashboard;
    std::unique_ptr<DashboardFonts> fonts;
};

Prepared prepare(const ShotOptions& options) {
    Prepared p;
    p.dashboard = std::make_unique<Dashboard>(options.db_path);
    p.fonts = std::make_unique<DashboardFonts>();
    p.fonts->prepare_glyphs(*p.dashboard);
    return p;
}

}  // namespace

int run_shot(const ShotOptions& options) {
    try {
        // The database loads (and the glyphs are collected) on a second thread
        // while GLFW and GL start on this one: on a national-scale database the
        // two take about as long as each other (issue #5). A bad database is
        // still reported as such, and before a missing display.
        std::future<Prepared> preparing = std::async(std::launch::async, prepare, std::cref(options));
        ui::ViewId view{};
        const auto check_options = [&](const Dashboard& loaded) {
            if (!view_from_name(options.view, view)) throw Error("unknown view '" + options.view + "'");
            check_plan_ids(loaded.data(), options.plan_ids);
        };
        std::unique_ptr<GlSession> session;
        try {
            session = std::make_unique<GlSession>(WindowSpec{64, 64, false, false, "wardscope shot"});
        } catch (const Error&) {
            // The database's and the options' errors first, as when they were checked before the window.
            check_options(*preparing.get().dashboard);
            throw;
        }
        Prepared prepared = preparing.get();
        Dashboard& dashboard = *prepared.dashboard;
        DashboardFonts& fonts = *prepared.fonts;
        check_options(dashboard);
        dashboard.view = view;
        dashboard.screenshot = true;
        dashboard.lang = options.lang == "en" ? ui::Lang::en : ui::Lang::ja;
        dashboard.selection.plan_ids = options.plan_ids;
        if (!options.plan_ids.empty())
            if (const Plan* p = dashboard.data().find_plan(options.plan_ids.front()))
                dashboard.selection.municipality_id = p->municipality_id;
        if (options.present) {
            dashboard.presenting = true;
            dashboard.font_preset = presentation_font_preset;
        }

        OffscreenTarget target(options.width, options.height);
        fonts.rebuild(dashboard, *session, 1.0f);  // pixel-exact shots: no monitor scaling

        const ImVec2 size(static_cast<float>(options.width), static_cast<float>(options.height));
        for (int frame = 0; frame < frames_before_capture; ++frame) {
            const bool last = frame + 1 == frames_before_capture;
            ui::set_probes_enabled(last && !options.layout_json.empty());
            ui::clear_probes();
            build_frame(dashboard, size, no_mouse());
            if (dashboard.fonts_dirty && !last) fonts.rebuild(dashboard, *session, 1.0f);
            // Only the captured frame is rasterised: the ones before it only
            // settle the layout, and Mesa's software renderer is not free.
            if (!last) continue;
            target.bind();
            glViewport(0, 0, options.width, options.height);
            const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        }
        if (options.timed_frames > 0) return time_frames(dashboard, options, target);
        glFinish();
        write_png(options.out_png, options.width, options.height, target.read_pixels());
        if (!options.layout_json.empty()) write_layout_json(options.layout_json, options.width, options.height);
        ui::set_probes_enabled(false);
        std::cout << "wrote " << options.out_png.string() << " (" << options.view << ", " << options.width << "x"
                  << options.height << ", " << options.lang << ")\n";
        return 0;
    } catch (const Error& e) {
        std::cerr << "wardscope shot: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace wardscope::app
