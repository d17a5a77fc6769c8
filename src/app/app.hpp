// Entry points of the dashboard, called by the command line (src/cli).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wardscope::app {

struct DashboardOptions {
    std::filesystem::path db_path;
    bool present = false;  // start in presentation mode (issue: workshops)
    // The monitor presentation mode fills (0 = primary); -1: the second one
    // when there are two or more (the presenter's window on the first), else the primary.
    int monitor = -1;
};

struct ShotOptions {
    std::filesystem::path db_path;
    std::string view = "timeline";      // one of all_view_names()
    std::vector<std::string> plan_ids;  // empty: the view's default selection
    std::string node_id;                // a node of the first plan to select ("" = none)
    std::map<std::string, std::string> view_options;  // "compare.mode" → "diff": what a slide would restore
    int width = 1280;
    int height = 800;
    std::string lang = "ja";            // ja|en
    bool present = false;               // presentation mode: large type, light theme
    std::filesystem::path out_png;
    std::filesystem::path layout_json;  // optional: named item rectangles (ui/probes.hpp)
    int timed_frames = 0;  // > 0: time this many frames and print median_ms / p99_ms instead of a PNG
    int slide = 0;         // > 0: show this saved slide (1-based) as a slide show would, instead of --view/--plans
};

struct SlidesExportOptions {
    std::filesystem::path db_path;
    // png: a folder, created when missing, that gets 01-NAME.png, 02-NAME.png …;
    // pdf, pptx: the file, written whole or not at all.
    std::filesystem::path out;
    std::string format = "png";  // png, pdf or pptx
    std::filesystem::path layout_dir;  // tests: each slide's named items as 01.json, 02.json … (optional)
    int width = 1920;
    int height = 1080;
};

// "timeline", "explorer" … in the order of the view tabs.
std::vector<std::string> all_view_names();

// Each returns the process exit code and prints its own error messages
// (no display, no font, unreadable database …) to stderr.
int run_dashboard(const DashboardOptions& options);
int run_shot(const ShotOptions& options);
// Every slide of the database as a numbered PNG, each in its own mode.
int run_slides_export(const SlidesExportOptions& options);

}  // namespace wardscope::app
