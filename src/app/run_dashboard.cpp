// The interactive dashboard: the window, the frame loop that sleeps on
// events when nothing changes, settings kept between runs.
#include <chrono>
#include <csignal>
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
int frames_to_render = frames_after_input;

void wake() { frames_to_render = frames_after_input; }

// SIGTERM / SIGINT end the loop normally, so settings are saved; the loop
// notices within its wait timeout.
volatile std::sig_atomic_t stop_signal = 0;
void on_stop_signal(int) { stop_signal = 1; }

// Our callbacks replace the backend's (installed first) and forward to them.
// ImGui 1.86 has no input queue: a key pressed and released between two
// frames (a quick tap, a presentation clicker, xdotool) would never be seen
// down. While any key was pressed since the last frame, releases wait for the
// next frame, so a chord (Ctrl↓ 4↓ Ctrl↑ 4↑) is seen whole.
struct DeferredRelease {
    int key, scancode, mods;
};
bool pressed_since_frame = false;
std::vector<DeferredRelease> deferred_releases;

void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
    wake();
    if (action == GLFW_PRESS) pressed_since_frame = true;
    if (action == GLFW_RELEASE && (pressed_since_frame || !deferred_releases.empty())) {
        deferred_releases.push_back({key, scancode, mods});
        return;
    }
    ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}

void release_deferred_keys(GLFWwindow* w) {
    pressed_since_frame = false;
    for (const auto& r : deferred_releases) ImGui_ImplGlfw_KeyCallback(w, r.key, r.scancode, GLFW_RELEASE, r.mods);
    if (!deferred_releases.empty()) wake();
    deferred_releases.clear();
}

void on_char(GLFWwindow* w, unsigned c) {
    ImGui_ImplGlfw_CharCallback(w, c);
    wake();
}
void on_mouse_button(GLFWwindow* w, int button, int action, int mods) {
    ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    wake();
}
void on_scroll(GLFWwindow* w, double x, double y) {
    ImGui_ImplGlfw_ScrollCallback(w, x, y);
    wake();
}
void on_focus(GLFWwindow* w, int focused) {
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
    wake();
}
void on_enter(GLFWwindow* w, int entered) {
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
    wake();
}
void on_cursor(GLFWwindow*, double, double) { wake(); }
void on_size(GLFWwindow*, int, int) { wake(); }
void on_refresh(GLFWwindow*) { wake(); }

void install_wake_callbacks(GLFWwindow* w) {
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
                d.selection().node_id(), ui::spotlight_id(), d.presenting(), d.model().data_version, d.edit_count(),
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
    try {
        const auto config = config_dir();
        Settings settings = config ? load_settings(*config) : Settings{};
        // The database is read while the window and GL start; the window is
        // shown once it has loaded, so a bad database fails before any window
        // opens. The KPI history follows the plans on another thread.
        WindowSpec spec{settings.window_width, settings.window_height, false, false};
        spec.monitor = options.monitor;
        std::unique_ptr<GlSession> started;
        Prepared prepared =
            prepare_while_gl_starts(options.db_path, KpiHistoryLoad::in_background, spec, [](const Dashboard&) {}, started);
        Dashboard& dashboard = *prepared.dashboard;
        DashboardFonts& fonts = *prepared.fonts;
        GlSession& session = *started;
        apply_settings(dashboard, settings);
        if (options.present) dashboard.set_presenting(true, 1080.0f);  // fitted to the screen in the first frame
        fit_to_monitor(session.window(), options.monitor, settings);
        session.show();
        session.set_fullscreen(options.present);

        GLFWwindow* window = session.window();
        install_wake_callbacks(window);
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
        auto last_check = std::chrono::steady_clock::now();
        bool was_presenting = dashboard.presenting();
        FrameRequests asked = dashboard.take_requests();
        bool first_frame_shown = false;
        std::signal(SIGTERM, on_stop_signal);
        std::signal(SIGINT, on_stop_signal);
        while (!glfwWindowShouldClose(window) && !asked.quit && !stop_signal) {
            const bool typing = ImGui::GetIO().WantTextInput;
            if (frames_to_render > 0) glfwPollEvents();
            else glfwWaitEventsTimeout(dashboard.kpi_history_pending() ? 0.02 : typing ? 0.5 : 2.0);  // wakes for input; the timeout checks the file
            if (dashboard.kpi_history_ready()) wake();  // the next frame takes it

            const auto now = std::chrono::steady_clock::now();
            if (now - last_check > std::chrono::seconds(2)) {
                last_check = now;
                if (dashboard.check_database_on_disk()) {
                    std::cout << "event: database changed on disk" << std::endl;
                    wake();
                }
            }
            if (frames_to_render <= 0 && !typing) continue;
            if (frames_to_render > 0) --frames_to_render;

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
            }

            const Observable before = Observable::of(dashboard);
            ui::set_probes_enabled(!layout_file.empty());
            ui::clear_probes();
            asked = build_frame(dashboard, std::nullopt, std::nullopt);
            before.log_changes_to(Observable::of(dashboard));
            release_deferred_keys(window);
            if (!layout_file.empty()) {
                int w = 0, h = 0;
                glfwGetWindowSize(window, &w, &h);
                write_layout_json(layout_file, w, h);
            }
            int fb_w = 0, fb_h = 0;
            glfwGetFramebufferSize(window, &fb_w, &fb_h);
            glViewport(0, 0, fb_w, fb_h);
            const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (asked.save_png) save_view_png(dashboard, session);
            asked.save_png = false;
            if (ini_file && ImGui::GetIO().WantSaveIniSettings) save_imgui_ini(*ini_file);
            glfwSwapBuffers(window);
            if (!first_frame_shown) {
                first_frame_shown = true;
                std::cout << "event: first frame" << std::endl;  // for the benchmark's start-up figure
            }
            if (asked.rebuild_fonts || asked.restyle) wake();  // show the new size at once
        }
        if (ini_file) save_imgui_ini(*ini_file);
        if (config) save_settings(*config, current_settings(dashboard, window, session.fullscreen(), settings));
        return 0;
    } catch (const Error& e) {
        std::cerr << "wardscope: " << terminal_text(e.what(), LineBreaks::keep) << "\n";
        return 1;
    }
}

}  // namespace wardscope::app
