#include "app/settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "wardscope/error.hpp"
#include "wardscope/safe_files.hpp"
#include "wardscope/text_escape.hpp"
#include "wardscope/json_text.hpp"
#include "wardscope/user_dirs.hpp"

namespace wardscope::app {

std::optional<std::filesystem::path> config_dir() { return user_config_dir(); }

Settings load_settings(const std::filesystem::path& dir) {
    Settings s;
    const auto file = dir / "settings.json";
    std::ifstream in(file);
    if (!in) return s;
    try {
        const auto j = parse_json_strict(std::string(std::istreambuf_iterator<char>(in), {}));
        s.window_width = std::clamp(j.value("window_width", s.window_width), 640, 8192);
        s.window_height = std::clamp(j.value("window_height", s.window_height), 480, 8192);
        s.window_x = std::clamp(j.value("window_x", s.window_x), unset_window_position, 1 << 20);
        s.window_y = std::clamp(j.value("window_y", s.window_y), unset_window_position, 1 << 20);
        s.lang = j.value("lang", s.lang) == "en" ? "en" : "ja";
        s.font_preset = j.value("font_preset", s.font_preset);
        s.view = j.value("view", s.view);
        if (j.contains("plan_ids") && j["plan_ids"].is_array())
            for (const auto& id : j["plan_ids"])
                if (id.is_string()) s.plan_ids.push_back(id.get<std::string>());
        if (j.contains("view_options") && j["view_options"].is_object())
            for (const auto& [name, value] : j["view_options"].items())
                if (value.is_string()) s.view_options[name] = value.get<std::string>();
    } catch (const std::exception& e) {
        std::cerr << "wardscope: ignoring unreadable settings " << file.string() << ": " << terminal_text(e.what()) << "\n";
        return Settings{};
    }
    return s;
}

ScreenRect fit_window_to_monitor(ScreenRect w, const ScreenRect& area) {
    if (area.width <= 0 || area.height <= 0) return w;  // no monitor known: as saved
    w.width = std::min(w.width, area.width);
    w.height = std::min(w.height, area.height);
    const bool placed = w.x != unset_window_position && w.y != unset_window_position;
    if (!placed) {
        if (w.width < area.width && w.height < area.height) return w;  // the system places it
        w.x = area.x, w.y = area.y;
        return w;
    }
    w.x = std::clamp(w.x, area.x, area.x + area.width - w.width);
    w.y = std::clamp(w.y, area.y, area.y + area.height - w.height);
    return w;
}

bool save_settings(const std::filesystem::path& dir, const Settings& s) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const auto file = dir / "settings.json";
    nlohmann::json j{{"window_width", s.window_width}, {"window_height", s.window_height},
                     {"window_x", s.window_x},         {"window_y", s.window_y},           {"lang", s.lang},
                     {"font_preset", s.font_preset},   {"view", s.view},                   {"plan_ids", s.plan_ids},
                     {"view_options", s.view_options}};
    try {
        write_file_atomically(file, j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    } catch (const Error& e) {
        std::cerr << "wardscope: settings not saved (the previous ones are kept): " << e.what() << "\n";
        return false;
    }
    return true;
}

}  // namespace wardscope::app
