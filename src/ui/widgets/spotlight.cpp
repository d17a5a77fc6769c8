#include "ui/widgets/spotlight.hpp"

#include "ui/widget_state.hpp"

#include <algorithm>

#include <imgui_internal.h>

#include "ui/widgets/probes.hpp"

namespace wardscope::ui {
namespace {

bool contains(const SpotlightItem& item, ImVec2 p) {
    return p.x >= item.min.x && p.x < item.max.x && p.y >= item.min.y && p.y < item.max.y;
}

float area(const SpotlightItem& item) { return (item.max.x - item.min.x) * (item.max.y - item.min.y); }

}  // namespace

const SpotlightItem* spotlight_pick(const std::vector<SpotlightItem>& items, ImVec2 point) {
    const SpotlightItem* best = nullptr;
    for (const SpotlightItem& item : items)
        if (contains(item, point) && (!best || area(item) < area(*best))) best = &item;
    return best;
}

bool spotlight_collecting() { return widget_state().spotlight.collecting(); }

void offer_spotlight(const std::string& id, ImVec2 min, ImVec2 max) { widget_state().spotlight.offer(id, min, max); }

void Spotlight::offer(const std::string& id, ImVec2 min, ImVec2 max) {
    if (!collecting_) return;
    // Only the part inside the current clip rectangle (scrolled lists, grids) can be seen or clicked.
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    const ImVec2 a(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
    const ImVec2 b(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    if (a.x < b.x && a.y < b.y) offers_.push_back({id, a, b});
}

void Spotlight::begin_frame(bool presenting) {
    collecting_ = presenting;
    offers_.clear();
    if (!presenting) spotlit_.clear();
}

void Spotlight::end_frame(ImVec2 view_min, ImVec2 view_max) {
    if (!collecting_) return;
    const ImGuiIO& io = ImGui::GetIO();
    const SpotlightItem view{"", view_min, view_max};
    // Clicks on windows over the view (the slide panel, the note editor, menus) are theirs.
    const ImGuiWindow* hovered = ImGui::GetCurrentContext()->HoveredWindow;
    const bool over_view = !hovered || hovered->RootWindow == ImGui::GetCurrentWindow()->RootWindow;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && over_view && contains(view, io.MousePos)) {
        if (!spotlit_.empty()) spotlit_.clear();
        else if (const SpotlightItem* item = spotlight_pick(offers_, io.MousePos)) spotlit_ = item->id;
    }
    if (spotlit_.empty()) return;
    const SpotlightItem* lit = nullptr;
    for (const SpotlightItem& item : offers_)
        if (item.id == spotlit_) lit = &item;
    if (!lit) return;  // scrolled out of sight or another view: keep it for when it returns
    // Dim the view around the item: four rectangles, then an outline.
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImU32 dim = IM_COL32(0, 0, 0, 150);
    const ImVec2 a(std::max(lit->min.x, view_min.x), std::max(lit->min.y, view_min.y));
    const ImVec2 b(std::min(lit->max.x, view_max.x), std::min(lit->max.y, view_max.y));
    dl->AddRectFilled(view_min, ImVec2(view_max.x, a.y), dim);
    dl->AddRectFilled(ImVec2(view_min.x, b.y), view_max, dim);
    dl->AddRectFilled(ImVec2(view_min.x, a.y), ImVec2(a.x, b.y), dim);
    dl->AddRectFilled(ImVec2(b.x, a.y), ImVec2(view_max.x, b.y), dim);
    dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), IM_COL32(240, 180, 0, 255), 0, 0,
                std::max(2.0f, ImGui::GetFontSize() * 0.12f));
    record_probe("spotlight", a, b, 0, 0, spotlit_);
}

}  // namespace wardscope::ui
