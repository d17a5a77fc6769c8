// Renders every view with the real `wardscope shot` (under the Xvfb this test
// runs in) and checks the pictures: not blank, the right size, the heatmap's
// colours agreeing with its colour bar, presentation-size text.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <stb_image.h>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

const fs::path shot_dir = WARDSCOPE_SHOT_DIR;

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
    struct Pixel {
        int r, g, b;
    };
    Pixel at(int x, int y) const {
        const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
        return {rgba[i], rgba[i + 1], rgba[i + 2]};
    }
};

Image load_png(const fs::path& path) {
    Image image;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
    REQUIRE_MESSAGE(data != nullptr, "cannot read " << path);
    image.rgba.assign(data, data + static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4);
    stbi_image_free(data);
    return image;
}

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Shot {
    Image image;
    nlohmann::json layout;
};

Shot shoot(const std::string& view, const std::string& size, const std::string& lang, const std::string& extra = {}) {
    fs::create_directories(shot_dir);
    const std::string stem = view + "-" + size + "-" + lang + (extra.empty() ? "" : "-x");
    const fs::path png = shot_dir / (stem + ".png"), layout = shot_dir / (stem + ".json");
    fs::remove(png);
    const std::string command = std::string(WARDSCOPE_EXE) + " shot --db " + WARDSCOPE_TEST_DB + " --view " + view +
                                " --size " + size + " --lang " + lang + " --out " + png.string() + " --layout " +
                                layout.string() + " " + extra + " > /dev/null";
    REQUIRE_MESSAGE(run(command) == 0, command);
    Shot shot{load_png(png), {}};
    std::ifstream in(layout);
    shot.layout = nlohmann::json::parse(in);
    return shot;
}

// The views, in tab order, as the binary lists them (its one registry).
std::vector<std::string> view_ids() {
    const std::string command = std::string(WARDSCOPE_EXE) + " shot --list-views";
    std::vector<std::string> ids;
    FILE* out = popen(command.c_str(), "r");
    REQUIRE(out != nullptr);
    char line[256];
    while (std::fgets(line, sizeof line, out)) {
        std::string id(line);
        while (!id.empty() && (id.back() == '\n' || id.back() == '\r')) id.pop_back();
        if (!id.empty()) ids.push_back(id);
    }
    REQUIRE(pclose(out) == 0);
    return ids;
}

const nlohmann::json* find_item(const nlohmann::json& layout, const std::string& name) {
    for (const auto& item : layout["items"])
        if (item["name"] == name) return &item;
    return nullptr;
}

}  // namespace

TEST_CASE("every view renders a non-blank picture of the requested size in both languages") {
    const std::vector<std::string> views = view_ids();
    REQUIRE(views.size() >= 7);
    for (const std::string& view : views)
        for (const std::string lang : {"ja", "en"}) {
            CAPTURE(view);
            CAPTURE(lang);
            const Shot shot = shoot(view, "1280x800", lang);
            CHECK(shot.image.width == 1280);
            CHECK(shot.image.height == 800);
            // A blank or nearly blank frame has a handful of colours; text and plots bring hundreds.
            std::set<int> colours;
            std::size_t differing = 0;
            const auto background = shot.image.at(shot.image.width / 2, shot.image.height - 2);
            for (int y = 0; y < shot.image.height; y += 2)
                for (int x = 0; x < shot.image.width; x += 2) {
                    const auto p = shot.image.at(x, y);
                    colours.insert(p.r << 16 | p.g << 8 | p.b);
                    if (std::abs(p.r - background.r) + std::abs(p.g - background.g) + std::abs(p.b - background.b) > 30)
                        ++differing;
                }
            CHECK(colours.size() > 50);
            CHECK(differing > 4000);  // over 1.5 % of the sampled pixels are content
        }
}

TEST_CASE("a heatmap cell has the colour of its value on the colour bar") {
    for (const std::string mode : {"", "--present"}) {
        CAPTURE(mode);
        const Shot shot = shoot("heatmap", "1920x1080", "en", mode);
        const nlohmann::json* bar = find_item(shot.layout, "heatmap.colorbar");
        REQUIRE(bar != nullptr);
        const double vmin = (*bar)["value"], vmax = (*bar)["value2"];
        REQUIRE(vmax > vmin);
        REQUIRE((*bar)["text"] == "vertical");
        const double bx0 = (*bar)["x0"], by0 = (*bar)["y0"], bx1 = (*bar)["x1"], by1 = (*bar)["y1"];
        int nonzero = 0;
        std::set<std::string> rows, columns;
        for (const auto& item : shot.layout["items"]) {
            const std::string name = item["name"];
            if (name.rfind("heatmap.cell/", 0) != 0) continue;
            const auto slash = name.find('/', 13);
            rows.insert(name.substr(13, slash - 13));
            columns.insert(name.substr(slash + 1));
            const double value = item["value"];
            if (value > vmin) ++nonzero;
            const int cx = static_cast<int>(std::floor(static_cast<double>(item["x0"]))) + 3;
            const int cy = static_cast<int>(std::floor(static_cast<double>(item["y0"]))) + 3;
            const double t = (value - vmin) / (vmax - vmin);
            const int bar_x = static_cast<int>((bx0 + bx1) / 2);
            const int bar_y = static_cast<int>(std::lround(by1 - t * (by1 - by0)));
            const auto cell = shot.image.at(cx, cy);
            const auto scale = shot.image.at(bar_x, std::clamp(bar_y, static_cast<int>(by0) + 1, static_cast<int>(by1) - 2));
            CAPTURE(name);
            CAPTURE(value);
            CHECK(std::abs(cell.r - scale.r) <= 16);
            CHECK(std::abs(cell.g - scale.g) <= 16);
            CHECK(std::abs(cell.b - scale.b) <= 16);
        }
        CHECK(columns.size() >= 15);                      // every theme of the taxonomy
        CHECK(rows.size() >= (mode.empty() ? 11u : 5u));  // every plan; fewer fit in large type
        CHECK(nonzero > 10);
    }
}

TEST_CASE("presentation mode draws the view's text at the large-type size, its chrome smaller") {
    const Shot normal = shoot("heatmap", "1920x1080", "ja");
    const Shot present = shoot("heatmap", "1920x1080", "ja", "--present");
    // The ink of the view's first text (the heatmap's "表示" label, top left):
    // rows holding pixels that differ from the background.
    const auto ink_height = [](const Shot& shot) {
        const nlohmann::json* view = find_item(shot.layout, "shell.view");
        REQUIRE(view != nullptr);
        const double font = (*view)["value"];
        const int x0 = static_cast<int>((*view)["x0"]) + 2, x1 = x0 + static_cast<int>(2 * font);
        const int y0 = static_cast<int>((*view)["y0"]) + 1, y1 = y0 + static_cast<int>(1.8 * font);
        const auto fill = shot.image.at(x0, y0 + 1);
        int top = -1, bottom = -1;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) {
                const auto p = shot.image.at(x, y);
                if (std::abs(p.r - fill.r) + std::abs(p.g - fill.g) + std::abs(p.b - fill.b) > 120) {
                    if (top < 0) top = y;
                    bottom = y;
                    break;
                }
            }
        return top < 0 ? 0 : bottom - top + 1;
    };
    const double present_font = (*find_item(present.layout, "shell.view"))["value"];
    CHECK(present_font >= 28);
    // Kana and kanji ink fills ~80 % of the font size.
    CHECK(ink_height(present) >= 0.7 * 28);
    CHECK(ink_height(present) > ink_height(normal) * 1.4);
    // The tabs and buttons are for the presenter: smaller than the view's text, on one row.
    const double tab_font = (*find_item(present.layout, "shell.tab/timeline"))["value"];
    CHECK(tab_font < present_font);
    CHECK((*find_item(present.layout, "shell.tab/timeline"))["y0"] == (*find_item(present.layout, "shell.slides"))["y0"]);

    // A 1280×800 projector: the type scales with the screen and the chrome still takes one row.
    const Shot small = shoot("heatmap", "1280x800", "ja", "--present");
    const double small_font = (*find_item(small.layout, "shell.view"))["value"];
    CHECK(small_font < present_font);
    CHECK(small_font >= 24);
    CHECK((*find_item(small.layout, "shell.tab/timeline"))["y0"] == (*find_item(small.layout, "shell.slides"))["y0"]);
}

TEST_CASE("shot fails clearly without an X server and with an unknown plan") {
    const fs::path png = shot_dir / "never.png";
    fs::remove(png);
    const std::string base = std::string(WARDSCOPE_EXE) + " shot --db " + WARDSCOPE_TEST_DB + " --out " + png.string();
    const fs::path log = shot_dir / "error.log";
    CHECK(run("env -u DISPLAY " + base + " 2> " + log.string()) == 1);
    std::ifstream in(log);
    const std::string message((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(message.find("no display") != std::string::npos);
    CHECK(message.find("xvfb-run") != std::string::npos);
    CHECK(run(base + " --plans no-such-plan 2> " + log.string()) == 1);
    CHECK_FALSE(fs::exists(png));
}

TEST_CASE("without any Japanese font the view still renders, with one warning naming the package") {
    fs::create_directories(shot_dir);
    const fs::path config = shot_dir / "no-fonts.conf", png = shot_dir / "no-fonts.png", log = shot_dir / "no-fonts.log";
    std::ofstream(config) << "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig></fontconfig>\n";
    fs::remove(png);
    const std::string command = "FONTCONFIG_FILE=" + config.string() + " " + WARDSCOPE_EXE + " shot --db " +
                                WARDSCOPE_TEST_DB + " --view timeline --out " + png.string() + " 2> " + log.string() +
                                " > /dev/null";
    CHECK(run(command) == 0);
    const Image image = load_png(png);
    CHECK(image.width == 1280);
    std::ifstream in(log);
    const std::string message((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(message.find("no Japanese font") != std::string::npos);
    CHECK(message.find("fonts-noto-cjk") != std::string::npos);
    std::size_t warnings = 0;
    for (std::size_t at = message.find("warning"); at != std::string::npos; at = message.find("warning", at + 1)) ++warnings;
    CHECK(warnings == 1);
}
