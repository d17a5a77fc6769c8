// Rendering the dashboard offscreen, for `shot` and `slides export`.
#pragma once

#include "app/frame.hpp"
#include "app/gl_session.hpp"

namespace wardscope::app {

// Shots draw offscreen: their window is never shown.
WindowSpec offscreen_spec(const char* title);

// Draws the settled frame of the dashboard's current state into the target
// (tables and auto-sized windows need a few frames), with probes on the last
// one when a layout file is wanted.
void render_settled_frame(Dashboard& dashboard, GlSession& session, OffscreenTarget& target, DashboardFonts& fonts,
                          int width, int height, bool probes);

}  // namespace wardscope::app
