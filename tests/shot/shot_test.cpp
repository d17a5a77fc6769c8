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

Shot shoot(const std::string& view, const std::string& size, const std::string& lang, const std::string& extra = {},
           const std::string& db = WARDSCOPE_TEST_DB) {
    fs::create_directories(shot_dir);
    const std::string stem = view + "-" + size + "-" + lang + (extra.empty() ? "" : "-x");
    const fs::path png = shot_dir / (stem + ".png"), layout = shot_dir / (stem + ".json");
    fs::remove(png);
    const std::string command = std::string(WARDSCOPE_EXE) + " shot --db " + db + " --view " + view +
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

// ---- KPI scorecards (issue #14) -------------------------------------------------------------------
// kpi.db: the bundled plans and tests/shot/kpi-scorecards.csv — fictional
// results for Kita's three indicators (one a sample value); Itabashi 2035's
// nine indicators have no values at all.

namespace {

struct Rect {
    double x0, y0, x1, y1;
};
Rect rect_of(const nlohmann::json& item) { return {item["x0"], item["y0"], item["x1"], item["y1"]}; }

std::vector<const nlohmann::json*> items_starting(const nlohmann::json& layout, const std::string& prefix) {
    std::vector<const nlohmann::json*> out;
    for (const auto& item : layout["items"])
        if (item["name"].get<std::string>().rfind(prefix, 0) == 0) out.push_back(&item);
    return out;
}

// The colour at the middle of a status light, and whether it is the status's (Okabe–Ito) colour.
bool light_has_colour(const Shot& shot, const std::string& name, int r, int g, int b) {
    const nlohmann::json* light = find_item(shot.layout, name);
    REQUIRE_MESSAGE(light != nullptr, name);
    const Rect l = rect_of(*light);
    const auto p = shot.image.at(static_cast<int>((l.x0 + l.x1) / 2), static_cast<int>((l.y0 + l.y1) / 2 + 2));
    return std::abs(p.r - r) + std::abs(p.g - g) + std::abs(p.b - b) < 40;
}

// `in_sight`: how many cards the picture shows (the rest are a scroll away).
void check_scorecards(const Shot& shot, std::size_t in_sight) {
    // Kita's three cards have values: drawn as cards. Itabashi's nine have none: no card, one summary line.
    const auto cards = items_starting(shot.layout, "kpi.card/");
    REQUIRE(cards.size() == in_sight);
    for (const auto* card : cards) CHECK((*card)["name"].get<std::string>().rfind("kpi.card/kita-vision-2026/", 0) == 0);
    const nlohmann::json* summary = find_item(shot.layout, "kpi.empty_summary");
    REQUIRE(summary != nullptr);
    CHECK((*summary)["value"] == 9);
    const nlohmann::json* legend = find_item(shot.layout, "kpi.legend");
    REQUIRE(legend != nullptr);
    CHECK((*legend)["value"] >= 6);  // four status shapes, results, sample values …
    // Cards first, in sight: below the legend, above the summary line, inside the picture.
    for (const auto* card : cards) {
        CHECK(rect_of(*card).y0 >= rect_of(*legend).y1);
        CHECK(rect_of(*card).y1 <= rect_of(*summary).y0);
    }
    CHECK(rect_of(*summary).y1 <= shot.image.height);

    // What each card shows is core's check: latest value, its year, sample or not, the share of the way.
    const nlohmann::json* behind = find_item(shot.layout, "kpi.card/kita-vision-2026/ind2");
    REQUIRE(behind != nullptr);
    CHECK((*behind)["value"] == 2);  // ProgressStatus::behind
    CHECK((*behind)["text"] == "status=behind;latest=47.4;fy=2026;sample=1");
    CHECK((*behind)["value2"].get<double>() == doctest::Approx((47.4 - 46) / (50 - 46)));
    CHECK(light_has_colour(shot, "kpi.light/kita-vision-2026/ind2", 230, 159, 0));  // orange
    if (const nlohmann::json* ahead = find_item(shot.layout, "kpi.card/kita-vision-2026/ind3")) {
        CHECK((*ahead)["text"] == "status=ahead;latest=290;fy=2026;sample=0");
        CHECK((*ahead)["value2"].get<double>() == doctest::Approx((290.0 - 193) / (457 - 193)));
        CHECK(light_has_colour(shot, "kpi.light/kita-vision-2026/ind3", 86, 180, 233));  // sky blue
    }
    // Baseline unknown: no status and no share, never a made-up one.
    const nlohmann::json* unknown = find_item(shot.layout, "kpi.card/kita-vision-2026/ind1");
    REQUIRE(unknown != nullptr);
    CHECK((*unknown)["text"] == "status=no_data;latest=3;fy=2026;sample=0");
    CHECK((*unknown)["value2"].is_null());
}

}  // namespace

TEST_CASE("KPI scorecards: cards with values first, empty ones in one summary line, a legend, core's figures") {
    for (const std::string size : {"1280x800", "1920x1080"})
        for (const std::string lang : {"ja", "en"}) {
            CAPTURE(size);
            CAPTURE(lang);
            // Analysing at 1280x800 the table takes a third: one row of two cards is in sight.
            check_scorecards(shoot("kpi", size, lang, "--plans itabashi-vision-2035,kita-vision-2026", WARDSCOPE_KPI_DB),
                             size == "1280x800" ? 2 : 3);
        }
}

TEST_CASE("KPI scorecards while presenting: the same cards, all in sight at 1280x800, no table") {
    const Shot normal = shoot("kpi", "1280x800", "ja", "--plans itabashi-vision-2035,kita-vision-2026", WARDSCOPE_KPI_DB);
    const Shot room = shoot("kpi", "1280x800", "ja", "--plans itabashi-vision-2035,kita-vision-2026 --present", WARDSCOPE_KPI_DB);
    check_scorecards(room, 3);
    CHECK_FALSE(items_starting(normal.layout, "kpi.row/").empty());
    CHECK(items_starting(room.layout, "kpi.row/").empty());  // the analyst's table stays off the projector
    // The three cards side by side, each larger than when analysing.
    const auto cards = items_starting(room.layout, "kpi.card/");
    REQUIRE(cards.size() == 3);
    CHECK(rect_of(*cards[0]).y0 == rect_of(*cards[2]).y0);
    const Rect analysing = rect_of(*find_item(normal.layout, "kpi.card/kita-vision-2026/ind2"));
    const Rect presenting = rect_of(*find_item(room.layout, "kpi.card/kita-vision-2026/ind2"));
    CHECK(presenting.y1 - presenting.y0 > analysing.y1 - analysing.y0);
}
