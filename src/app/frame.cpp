#include "app/frame.hpp"

#include <cfloat>
#include <future>
#include <iostream>

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/error.hpp"

namespace wardscope::app {

DashboardFonts::DashboardFonts() : font_(find_japanese_font()) {
    if (!font_)
        std::cerr << "wardscope: warning: no Japanese font found; Japanese text will show as '?'.\n  "
                  << japanese_font_install_hint() << "\n";
}

GlyphSet* DashboardFonts::glyphs_to_prepare() {
    glyphs_ = GlyphSet();
    glyphs_prepared_ = true;
    return &glyphs_;
}

void DashboardFonts::preload_font_file() {
    if (font_) font_bytes_ = FontBytes(font_->path);
}

void DashboardFonts::rebuild(Dashboard& dashboard, GlSession& session, float content_scale) {
    if (!glyphs_prepared_) {
        glyphs_ = GlyphSet();
        dashboard.collect_glyphs(glyphs_);
    }
    glyphs_prepared_ = false;  // the next rebuild (new data, new size) collects again
    const float size = dashboard.font_pixel_size(content_scale);
    load_fonts(ImGui::GetIO(), font_, std::move(font_bytes_), glyphs_.ranges(), size);
    session.upload_fonts();
    // Sizes in the default style suit a 15 px font; scale them with the text.
    dashboard.apply_style(size / 15.0f);
    dashboard.fonts_rebuilt();
}

namespace {

std::unique_ptr<Dashboard> prepare(const std::filesystem::path& db_path, KpiHistoryLoad history, DashboardFonts& fonts,
                                   bool search_index) {
    // The glyphs are collected while the model is built (both read the data).
    return std::make_unique<Dashboard>(db_path, history, fonts.glyphs_to_prepare(), search_index);
}

}  // namespace

Prepared prepare_while_gl_starts(const std::filesystem::path& db_path, KpiHistoryLoad history, const WindowSpec& spec,
                                 const std::function<void(const Dashboard&)>& check, std::unique_ptr<GlSession>& session,
                                 bool search_index) {
    Prepared prepared;
    prepared.fonts = std::make_unique<DashboardFonts>();
    std::future<std::unique_ptr<Dashboard>> loading =
        std::async(std::launch::async, prepare, std::cref(db_path), history, std::ref(*prepared.fonts), search_index);
    try {
        session = std::make_unique<GlSession>(spec);
        // The loading takes longer: compile the shaders and read the font meanwhile.
        session->warm_up();
        prepared.fonts->preload_font_file();
    } catch (const Error&) {
        check(*loading.get());
        throw;
    }
    prepared.dashboard = loading.get();
    check(*prepared.dashboard);
    return prepared;
}

ImVec2 no_mouse() { return ImVec2(-FLT_MAX, -FLT_MAX); }

FrameRequests build_frame(Dashboard& dashboard, std::optional<ImVec2> display_size, std::optional<ImVec2> mouse) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (display_size) {
        io.DisplaySize = *display_size;
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    if (mouse) io.MousePos = *mouse;
    ImGui::NewFrame();
    const FrameRequests requests = dashboard.draw_frame();
    ImGui::Render();
    return requests;
}

}  // namespace wardscope::app
