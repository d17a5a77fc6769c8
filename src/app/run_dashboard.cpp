// The interactive dashboard: the window, the frame loop that sleeps on
// events when nothing changes, settings kept between runs.
#include <chrono>
#include <csignal>
#ifndef _WIN32
#include <pthread.h>
#include <signal.h>
#endif
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <memory>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "app/app.hpp"
#include "app/frame.hpp"
#include "app/frame_capture.hpp"
#include "app/presenter_window.hpp"
#include "app/settings.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/spotlight.hpp"
#include "wardscope/error.hpp"
#include "wardscope/safe_files.hpp"
#include "wardscope/text_escape.hpp"

namespace wardscope::app {
namespace {

// After any input, render a few more frames (popups need a sizing frame and
// the 1.86 backend samples mouse buttons once per frame), then sleep.
constexpr int frames_after_input = 3;

// A key pressed and released between two frames: its release waits for the next frame.
struct DeferredRelease {
    int key, scancode, mods;
};

// What the window's input callbacks tell the frame loop: how many frames to
// render before sleeping again, and the key releases held back. One per
// window, reached from GLFW's callbacks through the window's user pointer.
//
// ImGui 1.86 has no input queue: a key pressed and released between two
// frames (a quick tap, a presentation clicker, xdotool) would never be seen
// down. While any key was pressed since the last frame, releases wait for the
// next frame, so a chord (Ctrl↓ 4↓ Ctrl↑ 4↑) is seen whole.
struct FrameWake {
    int frames_to_render = frames_after_input;
    bool pressed_since_frame = false;
    std::vector<DeferredRelease> deferred_releases;

    void wake() { frames_to_render = frames_after_input; }
    void release_deferred_keys(GLFWwindow* w) {
        pressed_since_frame = false;
        for (const auto& r : deferred_releases) ImGui_ImplGlfw_KeyCallback(w, r.key, r.scancode, GLFW_RELEASE, r.mods);
        if (!deferred_releases.empty()) wake();
        deferred_releases.clear();
    }
};

FrameWake& wake_of(GLFWwindow* w) { return *static_cast<FrameWake*>(glfwGetWindowUserPointer(w)); }
void wake(GLFWwindow* w) { wake_of(w).wake(); }

// Our callbacks replace the backend's (installed first) and forward to them.
void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
    FrameWake& loop = wake_of(w);
    loop.wake();
    if (action == GLFW_PRESS) loop.pressed_since_frame = true;
    if (action == GLFW_RELEASE && (loop.pressed_since_frame || !loop.deferred_releases.empty())) {
        loop.deferred_releases.push_back({key, scancode, mods});
        return;
    }
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}

void on_char(GLFWwindow* w, unsigned c) {
    ImGui_ImplGlfw_CharCallback(w, c);
    wake(w);
}
void on_mouse_button(GLFWwindow* w, int button, int action, int mods) {
    ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    wake(w);
}
void on_scroll(GLFWwindow* w, double x, double y) {
    ImGui_ImplGlfw_ScrollCallback(w, x, y);
    wake(w);
}
void on_focus(GLFWwindow* w, int focused) {
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
    wake(w);
}
void on_enter(GLFWwindow* w, int entered) {
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
    wake(w);
}
void on_cursor(GLFWwindow* w, double, double) { wake(w); }
void on_size(GLFWwindow* w, int, int) { wake(w); }
void on_refresh(GLFWwindow* w) { wake(w); }

// The presenter's window: keys go to the dashboard (the clicker works from
// either window); the pointer and focus to its own ImGui context. Its user
// pointer is its PresenterWindow; the frame loop's FrameWake is the main window's.
PresenterWindow* presenter_of(GLFWwindow* w) { return static_cast<PresenterWindow*>(glfwGetWindowUserPointer(w)); }
void wake_from_presenter(GLFWwindow* w) { wake(presenter_of(w)->main_window()); }

void on_presenter_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
    on_key(presenter_of(w)->main_window(), key, scancode, action, mods);
}

// Runs a backend callback with the presenter's ImGui context current.
template <auto Callback, typename... Args>
void in_presenter_context(GLFWwindow* w, Args... args) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(presenter_of(w)->imgui());
    Callback(w, args...);
    ImGui::SetCurrentContext(previous);
    wake_from_presenter(w);
}

void install_presenter_callbacks(GLFWwindow* w) {
    glfwSetKeyCallback(w, on_presenter_key);
    glfwSetMouseButtonCallback(w, in_presenter_context<ImGui_ImplGlfw_MouseButtonCallback, int, int, int>);
    glfwSetScrollCallback(w, in_presenter_context<ImGui_ImplGlfw_ScrollCallback, double, double>);
    glfwSetWindowFocusCallback(w, in_presenter_context<ImGui_ImplGlfw_WindowFocusCallback, int>);
    glfwSetCursorEnterCallback(w, in_presenter_context<ImGui_ImplGlfw_CursorEnterCallback, int>);
    glfwSetCursorPosCallback(w, [](GLFWwindow* p, double, double) { wake_from_presenter(p); });
    glfwSetFramebufferSizeCallback(w, [](GLFWwindow* p, int, int) { wake_from_presenter(p); });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* p) { wake_from_presenter(p); });
}

// With two monitors or more the presentation goes to the projector (`--monitor`,
// else the second monitor) and the presenter's window to the first other one.
std::unique_ptr<PresenterWindow> open_presenter_window(GlSession& session, int audience_monitor) {
    if (session.monitor_count() < 2) return nullptr;
    return std::make_unique<PresenterWindow>(session, audience_monitor == 0 ? 1 : 0);
}

void install_wake_callbacks(GLFWwindow* w, FrameWake& loop) {
    glfwSetWindowUserPointer(w, &loop);
    glfwSetKeyCallback(w, on_key);
    glfwSetCharCallback(w, on_char);
    glfwSetMouseButtonCallback(w, on_mouse_button);
    glfwSetScrollCallback(w, on_scroll);
    glfwSetWindowFocusCallback(w, on_focus);
    glfwSetCursorEnterCallback(w, on_enter);
    glfwSetCursorPosCallback(w, on_cursor);
    glfwSetFramebufferSizeCallback(w, on_size);
    glfwSetWindowRefreshCallback(w, on_refresh);
}

// SIGTERM / SIGINT end the loop normally, so settings are saved. No handler
// (and so no global flag for one): the signals are blocked before any thread
// starts, stay pending, and the loop takes them within its wait timeout.
class StopSignals {
public:
    StopSignals() {
#ifndef _WIN32
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGTERM);
        sigaddset(&signals_, SIGINT);
        pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
#endif
    }
    // The mask stays: the process ends after the loop, and a signal taken
    // late (while settings are saved) must not kill it half-way.
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    bool received() {
#ifndef _WIN32
        const timespec now{0, 0};
        return sigtimedwait(&signals_, nullptr, &now) > 0;
#else
        return false;  // Windows: the window's close button ends the loop
#endif
    }

private:
#ifndef _WIN32
    sigset_t signals_{};
#endif
};

void apply_settings(Dashboard& d, const Settings& s) {
    d.set_lang(s.lang == "en" ? ui::Lang::en : ui::Lang::ja);
    if (s.font_preset >= 0) d.set_font_preset(s.font_preset);
    d.show_view(s.view);
    d.restore_view_options(s.view_options);
    d.selection().set_plans(d.data(), s.plan_ids);
}

// What the user changed, printed as one line per change ("event: view heatmap"):
// a log for the people supporting a workshop laptop, and what the end-to-end
// tests read while they drive the window.
struct Observable {
    std::string view, lang, plan, node, spotlight;
    bool presenting = false;
    unsigned data_version = 0;
    unsigned edits = 0;
    int slide = -1;
    std::string last_edit;
    static Observable of(const Dashboard& d) {
        return {d.view().id(), d.lang() == ui::Lang::en ? "en" : "ja", d.selection().front_plan(),
                d.selection().node_id(), d.spotlight_id(), d.presenting(), d.model().data_version, d.edit_count(),
                d.current_slide(), d.last_edit()};
    }
    void log_changes_to(const Observable& now) const {
        if (now.view != view) std::cout << "event: view " << now.view << "\n";
        if (now.lang != lang) std::cout << "event: lang " << now.lang << "\n";
        if (now.presenting != presenting) std::cout << "event: present " << (now.presenting ? "on" : "off") << "\n";
        if (now.spotlight != spotlight)
            std::cout << "event: spotlight " << (now.spotlight.empty() ? "off" : terminal_text(now.spotlight)) << "\n";
        if (now.edits != edits) std::cout << "event: edit " << terminal_text(now.last_edit) << "\n";
        if (now.slide != slide) std::cout << "event: slide " << now.slide + 1 << "\n";
        if (now.data_version != data_version) std::cout << "event: reloaded " << now.data_version << "\n";
        if (now.plan != plan || now.node != node)
            std::cout << "event: select " << terminal_text(now.plan) << (now.node.empty() ? "" : " " + terminal_text(now.node)) << "\n";
        std::cout.flush();
    }
};

// Where Ctrl+S puts PNGs: $WARDSCOPE_PNG_DIR, else ~/Pictures/wardscope.
std::filesystem::path png_folder() {
    if (const char* dir = std::getenv("WARDSCOPE_PNG_DIR"); dir && *dir) return dir;
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / "Pictures" / "wardscope";
}

// The frame just drawn, as the user sees it, to wardscope-VIEW-YYYYMMDD-HHMMSS.png.
void save_view_png(Dashboard& dashboard, GlSession& session) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const std::filesystem::path path =
        png_folder() / ("wardscope-" + std::string(dashboard.view().id()) + "-" + stamp + ".png");
    try {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) throw Error("cannot create " + path.parent_path().string() + ": " + ec.message());
        int width = 0, height = 0;
        const std::vector<std::uint8_t> pixels = session.read_pixels(width, height);
        write_png(path, width, height, pixels);
        dashboard.show_notice("PNG: " + path.string());
        std::cout << "event: png " << path.string() << std::endl;
    } catch (const Error& e) {
        dashboard.show_notice(e.what());
        std::cout << "event: png failed: " << e.what() << std::endl;
    }
}

// The saved window fitted to the monitor it opens on: the one its saved
// position is on, else the one asked for (--monitor), else the primary.
void fit_to_monitor(GLFWwindow* window, int monitor_index, const Settings& s) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* monitor = monitor_index > 0 && monitor_index < count ? monitors[monitor_index] : glfwGetPrimaryMonitor();
    const auto work_area = [](GLFWmonitor* m) {
        ScreenRect area;
        glfwGetMonitorWorkarea(m, &area.x, &area.y, &area.width, &area.height);
        return area;
    };
    for (int i = 0; i < count && s.window_x != unset_window_position; ++i) {
        const ScreenRect a = work_area(monitors[i]);
        if (s.window_x >= a.x && s.window_x < a.x + a.width && s.window_y >= a.y && s.window_y < a.y + a.height)
            monitor = monitors[i];
    }
    if (!monitor) return;
    const ScreenRect fitted =
        fit_window_to_monitor({s.window_x, s.window_y, s.window_width, s.window_height}, work_area(monitor));
    glfwSetWindowSize(window, fitted.width, fitted.height);
    if (fitted.x != unset_window_position && fitted.y != unset_window_position) glfwSetWindowPos(window, fitted.x, fitted.y);
}

// ImGui's window layout (imgui.ini) beside the settings, read and written by
// the shell rather than by ImGui (IniFilename is null) so that it is written
// atomically like every other file.
void load_imgui_ini(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return;
    std::ostringstream text;
    text << in.rdbuf();
    const std::string ini = text.str();
    ImGui::LoadIniSettingsFromMemory(ini.data(), ini.size());
}

void save_imgui_ini(const std::filesystem::path& file) {
    ImGui::GetIO().WantSaveIniSettings = false;
    std::size_t size = 0;
    const char* ini = ImGui::SaveIniSettingsToMemory(&size);
    try {
        write_file_atomically(file, std::string_view(ini, size));
    } catch (const Error& e) {
        std::cerr << "wardscope: window layout not saved (the previous one is kept): " << e.what() << "\n";
    }
}

// One frame of the presenter's window; tests read its items from LAYOUT.presenter.json.
void draw_presenter(PresenterWindow& presenter, Dashboard& dashboard, const std::filesystem::path& layout_file) {
    presenter.widgets().probes.set_enabled(!layout_file.empty());
    presenter.widgets().probes.clear();
    const Observable before = Observable::of(dashboard);  // its buttons step the slides too
    presenter.draw(dashboard);
    before.log_changes_to(Observable::of(dashboard));
    if (!layout_file.empty()) {
        int w = 0, h = 0;
        glfwGetWindowSize(presenter.window(), &w, &h);
        write_layout_json(layout_file, w, h, presenter.widgets().probes);
    }
}

Settings current_settings(const Dashboard& d, GLFWwindow* window, bool fullscreen, Settings s) {
    if (!fullscreen) {
        glfwGetWindowSize(window, &s.window_width, &s.window_height);
        glfwGetWindowPos(window, &s.window_x, &s.window_y);
    }
    s.lang = d.lang() == ui::Lang::en ? "en" : "ja";
    if (!d.presenting()) s.font_preset = d.font_preset();
    s.view = d.view().id();
    s.plan_ids = d.selection().plan_ids();
    s.view_options = d.view_options();
    return s;
}

}  // namespace

int run_dashboard(const DashboardOptions& options) {
    StopSignals stop;  // before the loading threads start: they inherit the blocked signals
    try {
        const auto config = config_dir();
        Settings settings = config ? load_settings(*config) : Settings{};
        // The database is read while the window and GL start; the window is
        // shown once it has loaded, so a bad database fails before any window
        // opens. The KPI history follows the plans on another thread.
        WindowSpec spec{settings.window_width, settings.window_height, false, false};
        spec.monitor = std::max(options.monitor, 0);
        std::unique_ptr<GlSession> started;
        Prepared prepared =
            prepare_while_gl_starts(options.db_path, KpiHistoryLoad::in_background, spec, [](const Dashboard&) {}, started);
        Dashboard& dashboard = *prepared.dashboard;
        DashboardFonts& fonts = *prepared.fonts;
        GlSession& session = *started;
        apply_settings(dashboard, settings);
        if (options.present) dashboard.set_presenting(true, 1080.0f);  // fitted to the screen in the first frame
        const int audience_monitor = options.monitor >= 0 ? options.monitor : session.monitor_count() >= 2 ? 1 : 0;
        session.set_monitor(audience_monitor);
        fit_to_monitor(session.window(), options.monitor, settings);
        session.show();
        session.set_fullscreen(options.present);

        GLFWwindow* window = session.window();
        FrameWake loop;
        install_wake_callbacks(window, loop);
        std::unique_ptr<PresenterWindow> presenter = open_presenter_window(session, audience_monitor);
        if (presenter) {
            install_presenter_callbacks(presenter->window());
            presenter->set_visible(dashboard.presenting());
        }
        std::optional<std::filesystem::path> ini_file;
        if (config) {
            std::error_code ec;
            std::filesystem::create_directories(*config, ec);
            ini_file = *config / "imgui.ini";
            load_imgui_ini(*ini_file);
        }
        float content_scale = session.content_scale();
        fonts.rebuild(dashboard, session, content_scale);
        std::cout << "wardscope: showing " << dashboard.data().plans.size() << " plans from "
                  << options.db_path.string() << std::endl;

        // Tests set this to learn where items are on screen (rewritten every frame).
        const char* layout_env = std::getenv("WARDSCOPE_LAYOUT_FILE");
        const std::filesystem::path layout_file = layout_env ? layout_env : "";
        const std::filesystem::path presenter_layout_file = layout_file.empty() ? "" : layout_file.string() + ".presenter.json";
        auto last_check = std::chrono::steady_clock::now();
        bool was_presenting = dashboard.presenting();
        FrameRequests asked = dashboard.take_requests();
        bool first_frame_shown = false;
        while (!glfwWindowShouldClose(window) && !asked.quit && !stop.received()) {
            const bool typing = ImGui::GetIO().WantTextInput;
            if (loop.frames_to_render > 0) glfwPollEvents();
            else glfwWaitEventsTimeout(dashboard.kpi_history_pending() || dashboard.indexes_pending() ? 0.02
                                       : presenter && presenter->visible() ? 0.25  // the presenter's timer
                                       : typing ? 0.5 : 2.0);  // wakes for input; the timeout checks the file
            if (dashboard.kpi_history_ready() || dashboard.indexes_ready()) loop.wake();  // the next frame takes it
            if (presenter) glfwSetWindowShouldClose(presenter->window(), GLFW_FALSE);  // Esc / F5 hide it, not its close box

            const auto now = std::chrono::steady_clock::now();
            if (now - last_check > std::chrono::seconds(2)) {
                last_check = now;
                if (dashboard.check_database_on_disk()) {
                    std::cout << "event: database changed on disk" << std::endl;
                    loop.wake();
                }
            }
            if (loop.frames_to_render <= 0 && !typing) {
                if (presenter && presenter->timer_ticked()) draw_presenter(*presenter, dashboard, presenter_layout_file);
                continue;
            }
            if (loop.frames_to_render > 0) --loop.frames_to_render;

            asked |= dashboard.take_requests();  // the KPI history may have arrived since
            if (session.content_scale() != content_scale) {
                content_scale = session.content_scale();
                asked.rebuild_fonts = true;
            }
            if (asked.rebuild_fonts || asked.restyle) {
                fonts.rebuild(dashboard, session, content_scale);
                asked.rebuild_fonts = asked.restyle = false;
            }
            if (dashboard.presenting() != was_presenting) {
                was_presenting = dashboard.presenting();
                session.set_fullscreen(dashboard.presenting());
                if (presenter) presenter->set_visible(dashboard.presenting());
            }

            const Observable before = Observable::of(dashboard);
            dashboard.widgets().probes.set_enabled(!layout_file.empty());
            dashboard.widgets().probes.clear();
            asked = build_frame(dashboard, std::nullopt, std::nullopt);
            before.log_changes_to(Observable::of(dashboard));
            loop.release_deferred_keys(window);
            if (!layout_file.empty()) {
                int w = 0, h = 0;
                glfwGetWindowSize(window, &w, &h);
                write_layout_json(layout_file, w, h, dashboard.widgets().probes);
            }
            int fb_w = 0, fb_h = 0;
            glfwGetFramebufferSize(window, &fb_w, &fb_h);
            glViewport(0, 0, fb_w, fb_h);
            const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (presenter) presenter->capture_audience(fb_w, fb_h);
            if (asked.save_png) save_view_png(dashboard, session);
            asked.save_png = false;
            if (ini_file && ImGui::GetIO().WantSaveIniSettings) save_imgui_ini(*ini_file);
            glfwSwapBuffers(window);
            if (presenter && presenter->visible()) {
                dashboard.widgets().probes.set_enabled(false);  // the preview's frames are not the audience's layout
                presenter->update_next_slide(dashboard, ImGui::GetIO().DisplaySize);
                draw_presenter(*presenter, dashboard, presenter_layout_file);
            }
            if (!first_frame_shown) {
                first_frame_shown = true;
                std::cout << "event: first frame" << std::endl;  // for the benchmark's start-up figure
            }
            if (asked.rebuild_fonts || asked.restyle) loop.wake();  // show the new size at once
        }
        presenter.reset();  // its window and contexts before the session's
        if (ini_file) save_imgui_ini(*ini_file);
        if (config) save_settings(*config, current_settings(dashboard, window, session.fullscreen(), settings));
        return 0;
    } catch (const Error& e) {
        std::cerr << "wardscope: " << terminal_text(e.what(), LineBreaks::keep) << "\n";
        return 1;
    }
}

}  // namespace wardscope::app
