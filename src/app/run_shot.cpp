// `wardscope shot`: one view, rendered offscreen at a fixed size, to PNG.
#include <iostream>

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

}  // namespace

int run_shot(const ShotOptions& options) {
    try {
        Dashboard dashboard(options.db_path);  // a bad database fails before any window opens
        dashboard.screenshot = true;
        dashboard.lang = options.lang == "en" ? ui::Lang::en : ui::Lang::ja;
        if (!view_from_name(options.view, dashboard.view)) throw Error("unknown view '" + options.view + "'");
        check_plan_ids(dashboard.data(), options.plan_ids);
        dashboard.selection.plan_ids = options.plan_ids;
        if (!options.plan_ids.empty())
            if (const Plan* p = dashboard.data().find_plan(options.plan_ids.front()))
                dashboard.selection.municipality_id = p->municipality_id;
        if (options.present) {
            dashboard.presenting = true;
            dashboard.font_preset = presentation_font_preset;
        }

        GlSession session(WindowSpec{64, 64, false, false, "wardscope shot"});
        OffscreenTarget target(options.width, options.height);
        DashboardFonts fonts;
        fonts.rebuild(dashboard, session, 1.0f);  // pixel-exact shots: no monitor scaling

        const ImVec2 size(static_cast<float>(options.width), static_cast<float>(options.height));
        for (int frame = 0; frame < frames_before_capture; ++frame) {
            const bool last = frame + 1 == frames_before_capture;
            ui::set_probes_enabled(last && !options.layout_json.empty());
            ui::clear_probes();
            build_frame(dashboard, size, true);
            if (dashboard.fonts_dirty && !last) fonts.rebuild(dashboard, session, 1.0f);
            target.bind();
            glViewport(0, 0, options.width, options.height);
            const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        }
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
