// Spotlight while presenting: clicking an item (a SWOT item, a heatmap cell,
// a strategy, a bar) highlights it and dims the rest of the view until the
// next click. Views offer their clickable items each frame; the shell picks
// and draws. Offering costs nothing unless presentation mode collects.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

namespace wardscope::ui {

struct SpotlightItem {
    std::string id;  // stable across frames, e.g. "heatmap/kita-vision-2026/network"
    ImVec2 min, max;
};

// The smallest item containing `point`, or nullptr (nested items: the innermost wins).
const SpotlightItem* spotlight_pick(const std::vector<SpotlightItem>& items, ImVec2 point);

// The spotlight of one window's frames: the items offered this frame and the
// one spotlit. Owned by the window's WidgetState (ui/widget_state.hpp).
class Spotlight {
public:
    bool collecting() const { return collecting_; }
    // Offers an item drawn in the current window (clipped to its visible part).
    void offer(const std::string& id, ImVec2 min, ImVec2 max);
    // Shell side, around the view: begin clears this frame's offers (collecting
    // only while `presenting`); end handles the click inside `view_min…view_max`
    // and draws the dimming over the view. Leaving presentation mode clears it.
    void begin_frame(bool presenting);
    void end_frame(ImVec2 view_min, ImVec2 view_max);
    const std::string& id() const { return spotlit_; }  // "" when nothing is spotlit
    void set(std::string id) { spotlit_ = std::move(id); }  // a slide's spotlight ("" = none), lit once its view offers it

private:
    bool collecting_ = false;
    std::vector<SpotlightItem> offers_;
    std::string spotlit_;
};

// The views' side, on the current window's spotlight (widget_state().spotlight).
bool spotlight_collecting();
void offer_spotlight(const std::string& id, ImVec2 min, ImVec2 max);

}  // namespace wardscope::ui
