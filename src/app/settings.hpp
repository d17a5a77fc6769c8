// What the dashboard remembers between runs, in the user's config directory
// ($XDG_CONFIG_HOME/wardscope, else ~/.config/wardscope; %APPDATA%\wardscope on
// Windows: wardscope::user_config_dir) — never in the repo.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wardscope::app {

inline constexpr int unset_window_position = -100000;

struct Settings {
    int window_width = 1440;
    int window_height = 900;
    int window_x = unset_window_position;  // top-left, in screen coordinates; unset: the system places it
    int window_y = unset_window_position;
    std::string lang = "ja";  // ja | en
    int font_preset = -1;     // index into font_size_presets; -1 = default
    std::string view = "timeline";
    std::vector<std::string> plan_ids;  // last selection
    // The views' own choices (heatmap mode, sort, colours, drill-down; KPI
    // style and focus; notes filters), named as in slides (ui/view.hpp).
    std::map<std::string, std::string> view_options;
};

// A window's place on the screen: its position (top-left) and size, or a
// monitor's work area (the screen less panels and docks).
struct ScreenRect {
    int x = 0, y = 0, width = 0, height = 0;
};

// The saved window fitted to the monitor it opens on: no larger than the
// work area, and wholly inside it (a 1440×900 window saved on a large screen
// keeps its top-right buttons on a 1280×800 projector). An unset position
// stays unset (the system places the window) unless the window fills the
// work area; then it starts at the work area's corner.
ScreenRect fit_window_to_monitor(ScreenRect window, const ScreenRect& work_area);

// The config directory, or nullopt when neither XDG_CONFIG_HOME nor HOME
// (Windows: APPDATA) is set.
std::optional<std::filesystem::path> config_dir();

// Missing or unreadable settings give the defaults (a warning on stderr when
// the file exists but cannot be parsed).
Settings load_settings(const std::filesystem::path& dir);
// Written atomically (wardscope/safe_files.hpp): a crash or a full disk never
// leaves half a file, and the previous settings stay.
// Returns false (and warns) when the directory cannot be written.
bool save_settings(const std::filesystem::path& dir, const Settings& settings);

}  // namespace wardscope::app
