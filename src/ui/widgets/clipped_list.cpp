#include "ui/widgets/clipped_list.hpp"

#include <algorithm>

#include <imgui.h>

namespace wardscope::ui {

void ClippedList::reset(std::size_t rows, float estimate) {
    heights_.assign(rows, estimate);
    tops_dirty_ = true;
}

void ClippedList::update_tops() {
    tops_.resize(heights_.size() + 1);
    tops_[0] = 0;
    for (std::size_t i = 0; i < heights_.size(); ++i) tops_[i + 1] = tops_[i] + heights_[i];
    tops_dirty_ = false;
}

void ClippedList::draw(const std::function<void(std::size_t)>& draw_row) {
    const float width = ImGui::GetContentRegionAvail().x;
    if (width != width_) {  // wrapping changes with the width: measure again
        width_ = width;
        const float estimate = heights_.empty() ? 0.0f : heights_.front();
        heights_.assign(heights_.size(), estimate);
        tops_dirty_ = true;
    }
    if (tops_dirty_) update_tops();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    list_top_ = ImGui::GetCursorPosY();
    const float view_top = ImGui::GetScrollY() - list_top_;
    const float view_bottom = view_top + ImGui::GetWindowHeight();
    // The first row whose bottom is below the top of the view.
    std::size_t i = static_cast<std::size_t>(std::upper_bound(tops_.begin() + 1, tops_.end(), view_top) - (tops_.begin() + 1));
    auto skip = [&](float height) {
        if (height > spacing) ImGui::Dummy(ImVec2(0, height - spacing));
    };
    skip(tops_[std::min(i, heights_.size())]);
    bool changed = false;
    for (; i < heights_.size() && tops_[i] < view_bottom; ++i) {
        const float before = ImGui::GetCursorPosY();
        draw_row(i);
        const float height = ImGui::GetCursorPosY() - before;
        if (height != heights_[i]) {
            heights_[i] = height;
            changed = true;
        }
    }
    if (changed) update_tops();
    if (i < heights_.size()) skip(tops_.back() - tops_[i]);
}

void ClippedList::scroll_to(std::size_t row) {
    if (row >= heights_.size()) return;
    if (tops_dirty_) update_tops();
    const float top = list_top_ + tops_[row], bottom = list_top_ + tops_[row + 1];
    if (top < ImGui::GetScrollY() || bottom > ImGui::GetScrollY() + ImGui::GetWindowHeight())
        ImGui::SetScrollY(std::max(0.0f, top - 0.3f * ImGui::GetWindowHeight()));
}

}  // namespace wardscope::ui
