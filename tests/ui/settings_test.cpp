#include <doctest/doctest.h>

#include <cstdlib>
#include <iterator>
#include <filesystem>
#include <fstream>
#include <random>

#include "app/settings.hpp"

namespace fs = std::filesystem;
using namespace wardscope::app;

namespace {
fs::path fresh_dir() {
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / ("wardscope-settings-" + std::to_string(rd()));
    fs::remove_all(dir);
    return dir;
}
}  // namespace

TEST_CASE("settings round-trip through the config directory") {
    const fs::path dir = fresh_dir();
    Settings s;
    s.window_width = 1600;
    s.window_height = 1000;
    s.lang = "en";
    s.font_preset = 5;
    s.view = "heatmap";
    s.plan_ids = {"sumida-regional-2022", "sumida-regional-2019"};
    s.view_options = {{"heatmap.mode", "share"}, {"heatmap.colormap", "cividis"}, {"kpi.bars", "1"}};
    REQUIRE(save_settings(dir, s));
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);  // no temporary file beside it
    const Settings back = load_settings(dir);
    CHECK(back.window_width == 1600);
    CHECK(back.window_height == 1000);
    CHECK(back.lang == "en");
    CHECK(back.font_preset == 5);
    CHECK(back.view == "heatmap");
    CHECK(back.plan_ids == s.plan_ids);
    CHECK(back.view_options == s.view_options);
    fs::remove_all(dir);
}

TEST_CASE("a settings write that fails keeps the previous settings and leaves no temporary file") {
    const fs::path dir = fresh_dir();
    Settings s;
    s.lang = "en";
    s.view = "swot";
    REQUIRE(save_settings(dir, s));
    s.lang = "ja";
    s.view = "kpi";
    ::setenv("WARDSCOPE_TEST_FAIL_WRITE_AFTER", "20", 1);  // "no space left on device" after 20 bytes
    const bool saved = save_settings(dir, s);
    ::unsetenv("WARDSCOPE_TEST_FAIL_WRITE_AFTER");
    CHECK_FALSE(saved);
    const Settings back = load_settings(dir);
    CHECK(back.lang == "en");
    CHECK(back.view == "swot");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    fs::remove_all(dir);
}

TEST_CASE("missing or damaged settings give the defaults") {
    const fs::path dir = fresh_dir();
    CHECK(load_settings(dir).lang == "ja");
    fs::create_directories(dir);
    std::ofstream(dir / "settings.json") << "{ not json";
    const Settings s = load_settings(dir);
    CHECK(s.lang == "ja");
    CHECK(s.view == "timeline");
    std::ofstream(dir / "settings.json", std::ios::trunc) << R"({"window_width": 5, "lang": "fr"})";
    const Settings clamped = load_settings(dir);
    CHECK(clamped.window_width == 640);  // clamped to something that can hold the UI
    CHECK(clamped.lang == "ja");
    fs::remove_all(dir);
}

TEST_CASE("the config directory follows XDG_CONFIG_HOME, then HOME") {
    const char* old_xdg = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = old_xdg ? old_xdg : "";
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    CHECK(config_dir() == fs::path("/tmp/xdg-test/wardscope"));
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/tmp/home-test", 1);
    CHECK(config_dir() == fs::path("/tmp/home-test/.config/wardscope"));
    if (old_xdg) setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
}
