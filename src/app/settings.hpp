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

struct Settings {
    int window_width = 1440;
    int window_height = 900;
    std::string lang = "ja";  // ja | en
    int font_preset = -1;     // index into font_size_presets; -1 = default
    std::string view = "timeline";
    std::vector<std::string> plan_ids;  // last selection
    // The views' own choices (heatmap mode, sort, colours, drill-down; KPI
    // style and focus; notes filters), named as in slides (ui/view.hpp).
    std::map<std::string, std::string> view_options;
};

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
