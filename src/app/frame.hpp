// What the interactive loop and `shot` share: fonts for the dashboard's text
// and one ImGui frame of it.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
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
    // The glyph set the next rebuild uses instead of collecting the
    // dashboard's glyphs itself: the Dashboard fills it while it loads (see
    // its constructor). Needs no ImGui context or GL: any thread may fill it.
    GlyphSet* glyphs_to_prepare();
    // Reads the font file ahead of the next rebuild, which then takes its bytes
    // instead of reading the file itself. Touches nothing the glyph set does:
    // the two may run on two threads at once (`shot` and the dashboard read
    // the font while the database loads).
    void preload_font_file();
    bool has_japanese_font() const { return font_.has_value(); }

private:
    std::optional<FontFile> font_;
    GlyphSet glyphs_;  // ImGui points into its ranges until the next rebuild
    FontBytes font_bytes_;  // read ahead by preload_font_file, taken by the next rebuild
    bool glyphs_prepared_ = false;
};

// The database, the font and the glyphs its text needs: what a window's first
// frame waits for.
struct Prepared {
    std::unique_ptr<Dashboard> dashboard;
    std::unique_ptr<DashboardFonts> fonts;
};

// Prepares on a second thread while GLFW and GL start on this one (and compile
// their shaders): on a national-scale database the two take about as long as
// each other (issue #5). `check` sees the loaded dashboard first, so a bad
// database or option is reported as such, before a missing display. The
// window is created as `spec` says (the dashboard's hidden, shown once loaded).
// `search_index`: see Dashboard's constructor.
Prepared prepare_while_gl_starts(const std::filesystem::path& db_path, KpiHistoryLoad history, const WindowSpec& spec,
                                 const std::function<void(const Dashboard&)>& check, std::unique_ptr<GlSession>& session,
                                 bool search_index = true);

// NewFrame → the dashboard → Render; returns what the frame asks of the shell. `display_size` overrides the window's
// size (offscreen shots), `mouse` the pointer (shots: none; timing: a sweep).
FrameRequests build_frame(Dashboard& dashboard, std::optional<ImVec2> display_size, std::optional<ImVec2> mouse);

// Where a shot's pointer is: nowhere, so nothing is hovered.
ImVec2 no_mouse();

}  // namespace wardscope::app
