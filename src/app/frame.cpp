#include "app/frame.hpp"

#include <cfloat>
#include <iostream>

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

namespace wardscope::app {

DashboardFonts::DashboardFonts() : font_(find_japanese_font()) {
    if (!font_)
        std::cerr << "wardscope: warning: no Japanese font found; Japanese text will show as '?'.\n"
                     "  Install one: apt-get install fonts-noto-cjk\n";
}

void DashboardFonts::prepare_glyphs(const Dashboard& dashboard) {
    glyphs_ = GlyphSet();
    dashboard.collect_glyphs(glyphs_);
    glyphs_prepared_ = true;
}

void DashboardFonts::rebuild(Dashboard& dashboard, GlSession& session, float content_scale) {
    if (!glyphs_prepared_) {
        glyphs_ = GlyphSet();
        dashboard.collect_glyphs(glyphs_);
    }
    glyphs_prepared_ = false;  // the next rebuild (new data, new size) collects again
    const float size = dashboard.font_pixel_size(content_scale);
    load_fonts(ImGui::GetIO(), font_, glyphs_.ranges(), size);
    session.upload_fonts();
    // Sizes in the default style suit a 15 px font; scale them with the text.
    dashboard.apply_style(size / 15.0f);
    dashboard.fonts_dirty = false;
    dashboard.style_dirty = false;
}

ImVec2 no_mouse() { return ImVec2(-FLT_MAX, -FLT_MAX); }

void build_frame(Dashboard& dashboard, std::optional<ImVec2> display_size, std::optional<ImVec2> mouse) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (display_size) {
        io.DisplaySize = *display_size;
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    if (mouse) io.MousePos = *mouse;
    ImGui::NewFrame();
    dashboard.draw_frame();
    ImGui::Render();
}

}  // namespace wardscope::app
