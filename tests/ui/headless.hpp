// A headless ImGui context for the UI tests: no window, no GL; frames drawn
// into one full-size window, with the mouse where a test puts it.
#pragma once

#include <cfloat>

#include <imgui.h>

#include "ui/widget_state.hpp"

namespace wardscope::test {

struct Headless {
    explicit Headless(ImVec2 display = ImVec2(1280, 800)) {
        ImGui::CreateContext();
        ui::attach_widget_state(&widgets);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = display;
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    ui::WidgetState widgets;  // the spotlight, probes … of this context's frames
    Headless& operator=(const Headless&) = delete;

    // One frame of `body`; `pressed` holds the left button down in it.
    template <class F>
    void frame(F&& body, ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX), bool pressed = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = pressed;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration);
        body();
        ImGui::End();
        ImGui::Render();
    }
    // A left click at `p`: released, pressed, released in three frames.
    template <class F>
    void click(F&& body, ImVec2 p) {
        frame(body, p, false);
        frame(body, p, true);
        frame(body, p, false);
    }
};

}  // namespace wardscope::test
