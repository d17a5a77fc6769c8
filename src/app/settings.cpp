#include "app/settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "wardscope/json_text.hpp"

namespace wardscope::app {

std::optional<std::filesystem::path> config_dir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "wardscope";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".config" / "wardscope";
    return std::nullopt;
}

Settings load_settings(const std::filesystem::path& dir) {
    Settings s;
    const auto file = dir / "settings.json";
    std::ifstream in(file);
    if (!in) return s;
    try {
        const auto j = parse_json_strict(std::string(std::istreambuf_iterator<char>(in), {}));
        s.window_width = std::clamp(j.value("window_width", s.window_width), 640, 8192);
        s.window_height = std::clamp(j.value("window_height", s.window_height), 480, 8192);
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
        std::cerr << "wardscope: ignoring unreadable settings " << file.string() << ": " << e.what() << "\n";
        return Settings{};
    }
    return s;
}

bool save_settings(const std::filesystem::path& dir, const Settings& s) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const auto file = dir / "settings.json";
    const auto temp = dir / "settings.json.new";
    nlohmann::json j{{"window_width", s.window_width}, {"window_height", s.window_height}, {"lang", s.lang},
                     {"font_preset", s.font_preset},   {"view", s.view},                   {"plan_ids", s.plan_ids},
                     {"view_options", s.view_options}};
    {
        std::ofstream out(temp, std::ios::trunc);
        if (!(out << j.dump(2) << "\n")) {
            std::cerr << "wardscope: cannot save settings in " << dir.string() << "\n";
            return false;
        }
    }
    std::filesystem::rename(temp, file, ec);
    if (ec) {
        std::cerr << "wardscope: cannot save settings " << file.string() << ": " << ec.message() << "\n";
        return false;
    }
    return true;
}

}  // namespace wardscope::app
