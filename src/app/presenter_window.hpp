// The presenter's window (issue #14). With two monitors, `ui --present` shows
// the audience view full screen on the projector and this window on the
// other monitor: the current and the next slide as pictures, the slide's
// notes and the time since the presentation started; the clicker keys work
// from either window.
//
// Debian's ImGui 1.86 has no multi-viewport, so this is a second GLFW window
// whose GL context shares the main one's objects, with an ImGui context of
// its own that shares the main context's font atlas. One renderer draws
// both: the main context's OpenGL3 backend (its programs, buffers and font
// texture are shared objects, and 1.86 makes a fresh vertex array per call,
// as vertex arrays are not shared between GL contexts).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/dashboard.hpp"
#include "app/gl_session.hpp"

struct GLFWwindow;

namespace wardscope::app {

class PresenterWindow {
public:
    // Opens the window (hidden) at the work area of `monitor`. Call with the
    // main window's GL and ImGui contexts current; they stay current.
    PresenterWindow(GlSession& session, int monitor);
    ~PresenterWindow();
    PresenterWindow(const PresenterWindow&) = delete;
    PresenterWindow& operator=(const PresenterWindow&) = delete;

    GLFWwindow* window() const { return window_; }
    GLFWwindow* main_window() const { return main_window_; }
    ImGuiContext* imgui() const { return context_; }
    ui::WidgetState& widgets() { return widgets_; }  // its own window's probes, spotlight …
    void set_visible(bool on);  // shown while presenting; the timer starts when first shown
    bool visible() const { return visible_; }

    // After the audience frame is drawn into the main window's back buffer
    // (before the swap): its picture is the current slide's.
    void capture_audience(int framebuffer_width, int framebuffer_height);
    // Draws the next slide into its picture when the slide, the slides or
    // the audience's size changed since the last time. Main contexts current.
    void update_next_slide(Dashboard& dashboard, ImVec2 audience_size);
    // True when the timer shows another second since the last frame.
    bool timer_ticked() const;
    // One frame of the window (switches to its contexts and back).
    void draw(Dashboard& dashboard);

private:
    struct Thumbnail;
    void draw_contents(Dashboard& dashboard);
    std::string elapsed_text() const;

    GLFWwindow* window_ = nullptr;
    GLFWwindow* main_window_ = nullptr;
    ImGuiContext* main_context_ = nullptr;
    ImGuiContext* context_ = nullptr;          // the presenter window's UI
    ui::WidgetState widgets_;                  // attached to context_
    ImGuiContext* preview_context_ = nullptr;  // draws the next slide: the audience's window state stays untouched
    std::unique_ptr<TextureTarget> current_, next_;
    std::string next_key_;  // what the next slide's picture shows; empty: none yet
    bool visible_ = false;
    std::chrono::steady_clock::time_point started_{};
    mutable long shown_seconds_ = -1;
};

}  // namespace wardscope::app
