// Spotlight while presenting: clicking an item (a SWOT item, a heatmap cell,
// a strategy, a bar) highlights it and dims the rest of the view until the
// next click. Views offer their clickable items each frame; the shell picks
// and draws. Offering costs nothing unless presentation mode collects.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

namespace wardscope::ui {

struct SpotlightItem {
    std::string id;  // stable across frames, e.g. "heatmap/kita-vision-2026/network"
    ImVec2 min, max;
};

// The smallest item containing `point`, or nullptr (nested items: the innermost wins).
const SpotlightItem* spotlight_pick(const std::vector<SpotlightItem>& items, ImVec2 point);

bool spotlight_collecting();
// Offers an item drawn in the current window (clipped to its visible part).
void offer_spotlight(const std::string& id, ImVec2 min, ImVec2 max);

// Shell side, around the view: begin clears this frame's offers (collecting
// only while `presenting`); end handles the click inside `view_min…view_max`
// and draws the dimming over the view. Leaving presentation mode clears it.
void begin_spotlight_frame(bool presenting);
void end_spotlight_frame(ImVec2 view_min, ImVec2 view_max);
const std::string& spotlight_id();  // "" when nothing is spotlit
void set_spotlight(std::string id);  // a slide's spotlight ("" = none), lit once its view offers it

}  // namespace wardscope::ui
