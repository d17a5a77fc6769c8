// Entry points of the dashboard, called by the command line (src/cli).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace wardscope::app {

struct DashboardOptions {
    std::filesystem::path db_path;
    bool present = false;  // start in presentation mode (issue: workshops)
    int monitor = 0;       // the monitor presentation mode fills (0 = primary)
};

struct ShotOptions {
    std::filesystem::path db_path;
    std::string view = "timeline";      // timeline|explorer|swot|heatmap|compare|kpi
    std::vector<std::string> plan_ids;  // empty: the view's default selection
    int width = 1280;
    int height = 800;
    std::string lang = "ja";            // ja|en
    bool present = false;               // presentation mode: large type, light theme
    std::filesystem::path out_png;
    std::filesystem::path layout_json;  // optional: named item rectangles (ui/probes.hpp)
    int timed_frames = 0;  // > 0: time this many frames and print median_ms / p99_ms instead of a PNG
};

// Both return the process exit code and print their own error messages
// (no display, no font, unreadable database …) to stderr.
int run_dashboard(const DashboardOptions& options);
int run_shot(const ShotOptions& options);

}  // namespace wardscope::app
