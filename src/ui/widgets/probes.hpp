// Screen rectangles of named items, recorded while rendering for
// `wardscope shot --layout FILE.json`, so that tests can check pixels of a
// known item (a heatmap cell against the colour bar, a text line's height)
// without guessing the layout. Recording is off unless a shot asks for it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace wardscope::ui {

struct Probe {
    std::string name;   // e.g. "heatmap.cell/sumida-regional-2022/startup", "heatmap.colorbar"
    ImVec2 min, max;    // framebuffer pixels, top-left origin
    double value = 0;   // the item's value (a cell's value; a colour bar's minimum)
    double value2 = 0;  // a second value (a colour bar's maximum)
    std::string text;   // free text (a colour bar: "vertical" = minimum at the bottom,
                        // "horizontal" = minimum at the left)
};

// The probes of one window's frames. Owned by its WidgetState (ui/widget_state.hpp).
class Probes {
public:
    bool enabled() const { return enabled_; }
    void set_enabled(bool on) { enabled_ = on; }
    // No-op unless enabled. Later records with the same name replace earlier ones.
    void record(std::string_view name, ImVec2 min, ImVec2 max, double value = 0, double value2 = 0,
                std::string_view text = {});
    const std::vector<Probe>& recorded() const { return probes_; }
    void clear() { probes_.clear(); }

private:
    bool enabled_ = false;
    std::vector<Probe> probes_;
};

// The drawing side, on the current window's probes (widget_state().probes).
// No-op unless enabled (guard names built per frame with probes_enabled()).
bool probes_enabled();
void set_probes_enabled(bool on);
void clear_probes();
const std::vector<Probe>& recorded_probes();
void record_probe(std::string_view name, ImVec2 min, ImVec2 max, double value = 0, double value2 = 0,
                  std::string_view text = {});
// The size of the text actually drawn, read back from the frame's draw data:
// every glyph quad of the font atlas gives the font size it was drawn at
// (window font scales and shrunken headings included). Records
// "text.min_size" (value: the smallest size in pixels, value2: how many
// glyphs; the rectangle: the first glyph of that size) — the minimum text
// height check of the room layout (docs/presenting.md).
void record_text_sizes(const ImDrawData* draw_data);

}  // namespace wardscope::ui
