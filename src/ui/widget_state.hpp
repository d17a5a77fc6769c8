// What the widgets keep from one call to the next in a window: the
// spotlight, the layout probes, the typed characters the font lacks and the
// plot being drawn. No globals: the owner of a window's frames (the
// Dashboard, a test) holds one and attaches it to the ImGui context it draws
// into, and widgets deep inside a view reach it through that context.
#pragma once

#include "ui/plot/plot.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/spotlight.hpp"
#include "ui/widgets/ui_widgets.hpp"

namespace wardscope::ui {

struct WidgetState {
    Spotlight spotlight;
    Probes probes;
    GlyphRequest glyphs;
    plot::PlotFrame plot;
};

// Attaches `state` to the current ImGui context (ImGuiIO::UserData); it must
// outlive the context's frames or be detached (nullptr).
void attach_widget_state(WidgetState* state);
// The current context's state; drawing in a context without one is a programming error (asserts).
WidgetState& widget_state();

}  // namespace wardscope::ui
