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
    s.window_x = -1200;  // a monitor left of the primary one
    s.window_y = 40;
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
    CHECK(back.window_x == -1200);
    CHECK(back.window_y == 40);
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

TEST_CASE("a saved window is fitted to the monitor it opens on") {
    const ScreenRect projector{0, 0, 1280, 800};
    // Saved on a large screen: 1440×900 at (200, 100) keeps every edge (and the top-right buttons) on the projector.
    const ScreenRect big = fit_window_to_monitor({200, 100, 1440, 900}, projector);
    CHECK(big.width == 1280);
    CHECK(big.height == 800);
    CHECK(big.x == 0);
    CHECK(big.y == 0);
    // A window that fits but hangs off the right and bottom edges moves in, keeping its size.
    const ScreenRect off = fit_window_to_monitor({900, 600, 800, 500}, projector);
    CHECK(off.width == 800);
    CHECK(off.x + off.width == 1280);
    CHECK(off.y + off.height == 800);
    // Off the left of a second monitor's work area (below a 28 px panel).
    const ScreenRect second{1920, 28, 1280, 772};
    const ScreenRect left = fit_window_to_monitor({1800, 0, 1000, 700}, second);
    CHECK(left.x == 1920);
    CHECK(left.y == 28);
    // Never placed before: the system places it while it fits; else the work area's corner.
    CHECK(fit_window_to_monitor({unset_window_position, unset_window_position, 1000, 700}, projector).x == unset_window_position);
    const ScreenRect unplaced = fit_window_to_monitor({unset_window_position, unset_window_position, 1440, 900}, second);
    CHECK(unplaced.x == 1920);
    CHECK(unplaced.y == 28);
    CHECK(unplaced.height == 772);
    // No monitor known: as saved.
    CHECK(fit_window_to_monitor({5, 6, 1440, 900}, {}).width == 1440);
}
