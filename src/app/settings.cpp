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

bool save_settings(const std::filesystem::path& dir, const Settings& s) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const auto file = dir / "settings.json";
    nlohmann::json j{{"window_width", s.window_width}, {"window_height", s.window_height}, {"lang", s.lang},
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
