#include "app/offscreen.hpp"

#include <GL/gl.h>
#include <backends/imgui_impl_opengl3.h>

#include "app/dashboard.hpp"
#include "ui/widgets/probes.hpp"

namespace wardscope::app {
namespace {

// Tables and auto-sized windows settle over a couple of frames.
constexpr int frames_before_capture = 4;

}  // namespace

WindowSpec offscreen_spec(const char* title) { return WindowSpec{64, 64, false, false, title}; }

void render_settled_frame(Dashboard& dashboard, GlSession& session, OffscreenTarget& target, DashboardFonts& fonts,
                          int width, int height, bool probes) {
    const ImVec2 size(static_cast<float>(width), static_cast<float>(height));
    const FrameRequests before = dashboard.take_requests();  // a slide applied since the last frame
    if (before.rebuild_fonts || before.restyle) fonts.rebuild(dashboard, session, 1.0f);
    for (int frame = 0; frame < frames_before_capture; ++frame) {
        const bool last = frame + 1 == frames_before_capture;
        dashboard.widgets().probes.set_enabled(last && probes);
        dashboard.widgets().probes.clear();
        const FrameRequests asked = build_frame(dashboard, size, no_mouse());
        if (last && probes) ui::record_text_sizes(ImGui::GetDrawData());
        if ((asked.rebuild_fonts || asked.restyle) && !last) fonts.rebuild(dashboard, session, 1.0f);
        // Only the captured frame is rasterised: the ones before it only
        // settle the layout, and Mesa's software renderer is not free.
        if (!last) continue;
        target.bind();
        glViewport(0, 0, width, height);
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    }
    glFinish();
}

}  // namespace wardscope::app
