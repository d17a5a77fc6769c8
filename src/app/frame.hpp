// What the interactive loop and `shot` share: fonts for the dashboard's text
// and one ImGui frame of it.
#pragma once

#include <optional>

#include <imgui.h>

#include "app/dashboard.hpp"
#include "app/font_atlas.hpp"
#include "app/gl_session.hpp"

namespace wardscope::app {

class DashboardFonts {
public:
    DashboardFonts();  // finds the Japanese font (warns once when there is none)
    // Rebuilds the atlas for the dashboard's text and size, uploads it and
    // re-applies the style at the matching scale. Call between frames.
    void rebuild(Dashboard& dashboard, GlSession& session, float content_scale);
    // Collects the dashboard's glyphs ahead of the next rebuild, which then
    // uses them instead of collecting again. Needs no ImGui context or GL, so
    // it may run on another thread (`shot` does it while GL starts).
    void prepare_glyphs(const Dashboard& dashboard);
    bool has_japanese_font() const { return font_.has_value(); }

private:
    std::optional<FontFile> font_;
    GlyphSet glyphs_;  // ImGui points into its ranges until the next rebuild
    bool glyphs_prepared_ = false;
};

// NewFrame → the dashboard → Render. `display_size` overrides the window's
// size (offscreen shots), `mouse` the pointer (shots: none; timing: a sweep).
void build_frame(Dashboard& dashboard, std::optional<ImVec2> display_size, std::optional<ImVec2> mouse);

// Where a shot's pointer is: nowhere, so nothing is hovered.
ImVec2 no_mouse();

}  // namespace wardscope::app
