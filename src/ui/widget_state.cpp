#include "ui/widget_state.hpp"

#include <imgui.h>

namespace wardscope::ui {

void attach_widget_state(WidgetState* state) { ImGui::GetIO().UserData = state; }

WidgetState& widget_state() {
    void* state = ImGui::GetIO().UserData;
    IM_ASSERT(state && "no WidgetState attached to this ImGui context (ui::attach_widget_state)");
    return *static_cast<WidgetState*>(state);
}

}  // namespace wardscope::ui
