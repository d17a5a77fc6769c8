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
#include <map>
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

// A new database in the shots folder holding the plan files (paths in the source tree).
fs::path fresh_database(const std::string& name, std::initializer_list<const char*> files) {
    fs::create_directories(shot_dir);
    const fs::path db = shot_dir / name;
    fs::remove(db);
    const std::string src = WARDSCOPE_SOURCE_DIR;
    std::string import = std::string(WARDSCOPE_EXE) + " --data " + src + "/data import --db " + db.string();
    for (const char* file : files) import += " " + src + "/" + file;
    REQUIRE(run(import + " > /dev/null") == 0);
    return db;
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
    const Shot normal = shoot("timeline", "1920x1080", "ja");
    const Shot present = shoot("timeline", "1920x1080", "ja", "--present");
    // The ink of the view's first text (the timeline's "13計画" count, top left):
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
    const Shot small = shoot("timeline", "1280x800", "ja", "--present");
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

namespace {

// The smallest text a person at the back of the room must read
// (docs/presenting.md): 1/48 of the screen's height (16.7 px at 800 lines,
// 22.5 px at 1080), for every glyph drawn while presenting.
double min_room_text(int screen_height) { return screen_height / 48.0; }

bool inside(const nlohmann::json& item, const nlohmann::json& box) {
    return static_cast<double>(item["y0"]) >= static_cast<double>(box["y0"]) - 1 &&
           static_cast<double>(item["y0"]) < static_cast<double>(box["y1"]) &&
           static_cast<double>(item["x0"]) >= static_cast<double>(box["x0"]) - 1 &&
           static_cast<double>(item["x0"]) < static_cast<double>(box["x1"]);
}

// A copy of the bundled database holding the given slides (name, state JSON).
fs::path database_with_slides(const std::string& stem, const std::vector<std::pair<std::string, std::string>>& slides) {
    fs::create_directories(shot_dir);
    const fs::path db = shot_dir / (stem + ".db");
    fs::remove(db);
    fs::copy_file(WARDSCOPE_TEST_DB, db);
    for (std::size_t i = 0; i < slides.size(); ++i) {
        const fs::path sql = shot_dir / (stem + ".sql");
        std::ofstream(sql) << "INSERT INTO slide (position, name, state) VALUES (" << i << ", '" << slides[i].first << "', '"
                           << slides[i].second << "');\n";
        REQUIRE(run("sqlite3 " + db.string() + " < " + sql.string()) == 0);
    }
    return db;
}

Shot shoot_slide(const fs::path& db, int slide, const std::string& size, const std::string& stem) {
    const fs::path png = shot_dir / (stem + ".png"), layout = shot_dir / (stem + ".json");
    fs::remove(png);
    const std::string command = std::string(WARDSCOPE_EXE) + " shot --db " + db.string() + " --slide " + std::to_string(slide) +
                                " --present --size " + size + " --out " + png.string() + " --layout " + layout.string() +
                                " > /dev/null";
    REQUIRE_MESSAGE(run(command) == 0, command);
    Shot shot{load_png(png), {}};
    std::ifstream in(layout);
    shot.layout = nlohmann::json::parse(in);
    return shot;
}

}  // namespace

TEST_CASE("the room layout: every view presented at 1280x800 and 1920x1080, ja and en, has readable text, a caption and no editing controls") {
    const std::map<std::string, std::string> plans = {{"explorer", "itabashi-vision-2035"},
                                                      {"swot", "itabashi-vision-2035,kita-vision-2026"},
                                                      {"compare", "sumida-regional-2019,sumida-regional-2022"},
                                                      {"kpi", "kita-vision-2026,itabashi-vision-2035"}};
    for (const std::string& view : view_ids())
        for (const std::string size : {"1280x800", "1920x1080"})
            for (const std::string lang : {"ja", "en"}) {
                CAPTURE(view);
                CAPTURE(size);
                CAPTURE(lang);
                const auto it = plans.find(view);
                const Shot shot = shoot(view, size, lang, "--present" + (it == plans.end() ? "" : " --plans " + it->second));
                const nlohmann::json* text = find_item(shot.layout, "text.min_size");
                REQUIRE(text != nullptr);
                CHECK(static_cast<double>((*text)["value"]) >= min_room_text(shot.image.height));
                const nlohmann::json* caption = find_item(shot.layout, "shell.caption");
                REQUIRE(caption != nullptr);
                CHECK(static_cast<double>((*caption)["y1"]) <= shot.image.height);
                CHECK(find_item(shot.layout, "shell.caption.source") != nullptr);
                // No editing controls in front of the room.
                for (const char* editing : {"kpi.entry.add", "kpi.entry.undo", "compare.add_plan", "compare.remove/0", "slides.add"})
                    CHECK(find_item(shot.layout, editing) == nullptr);
                if (view == "compare") {
                    // The room sees the compared plans as compare's own chips (no selection chips there).
                    CHECK(find_item(shot.layout, "compare.plan/0") != nullptr);
                    CHECK(find_item(shot.layout, "compare.plan/1") != nullptr);
                    CHECK(find_item(shot.layout, "selection.chip/sumida-regional-2019") == nullptr);
                }
                if (view == "compare" && size == "1280x800" && lang == "ja") {  // they are there outside presentation mode
                    const Shot normal = shoot(view, size, lang, "--plans " + it->second);
                    CHECK(find_item(normal.layout, "compare.add_plan") != nullptr);
                    // One set of plan chips: the selection's (with ×), none of compare's own.
                    CHECK(find_item(normal.layout, "selection.chip/sumida-regional-2019") != nullptr);
                    CHECK(find_item(normal.layout, "selection.chip/sumida-regional-2022") != nullptr);
                    CHECK(find_item(normal.layout, "compare.plan/0") == nullptr);
                    CHECK(find_item(normal.layout, "compare.remove/0") == nullptr);
                }
            }
}

TEST_CASE("presenting at 1280x800, the heatmap lists every row of the bundled plans, none cut off") {
    const Shot shot = shoot("heatmap", "1280x800", "ja", "--present");
    const std::string plans_out = shot_dir / "plans.txt";
    REQUIRE(run("sqlite3 " + std::string(WARDSCOPE_TEST_DB) + " 'SELECT count(*) FROM plan' > " + plans_out) == 0);
    std::ifstream in(plans_out);
    std::size_t plan_count = 0;
    in >> plan_count;
    REQUIRE(plan_count >= 11);
    const nlohmann::json* view = find_item(shot.layout, "shell.view");
    REQUIRE(view != nullptr);
    std::set<std::string> rows;
    for (const auto& item : shot.layout["items"]) {
        const std::string name = item["name"];
        if (name.rfind("heatmap.cell/", 0) != 0) continue;
        // Wholly on screen, above the caption.
        if (static_cast<double>(item["y1"]) <= static_cast<double>((*view)["y1"]) + 0.5) rows.insert(name.substr(13, name.find('/', 13) - 13));
    }
    CHECK(rows.size() == plan_count);
}

TEST_CASE("a slide saved scrolled to Kita's KPI cards shows those cards on any screen, and an older slide opens at the top") {
    const std::string kpi_state =
        R"({"view":"kpi","plans":["itabashi-vision-2035","kita-vision-2026"],"options":{"kpi.anchor":"card kita-vision-2026/ind1"},"lang":"ja","presenting":true})";
    const std::string old_state = R"({"view":"kpi","plans":["itabashi-vision-2035","kita-vision-2026"],"lang":"ja","presenting":true})";
    const std::string compare_state =
        R"({"view":"compare","plans":["sumida-regional-2019","sumida-regional-2022"],"options":{"compare.anchor":""},"lang":"en","presenting":true})";
    const std::string spotlight_state =
        R"({"view":"heatmap","options":{"heatmap.cell_plan":"kita-vision-2026","heatmap.cell_theme":"network","shell.spotlight":"heatmap/kita-vision-2026/network"},"lang":"ja","presenting":true})";
    const fs::path db = database_with_slides(
        "anchors", {{"北区KPI", kpi_state}, {"old", old_state}, {"compare", compare_state}, {"spotlight", spotlight_state}});
    for (const std::string size : {"1280x800", "1920x1080"}) {
        CAPTURE(size);
        const Shot kita = shoot_slide(db, 1, size, "slide-kita-" + size);
        const nlohmann::json* cards = find_item(kita.layout, "kpi.cards");
        REQUIRE(cards != nullptr);
        const nlohmann::json* card = find_item(kita.layout, "kpi.card/kita-vision-2026/ind1");
        REQUIRE(card != nullptr);
        CHECK(inside(*card, *cards));
        // Itabashi's first card is scrolled away (it is nine cards earlier).
        const nlohmann::json* first = find_item(kita.layout, "kpi.card/itabashi-vision-2035/kgi");
        CHECK((first == nullptr || !inside(*first, *cards)));
        const nlohmann::json* caption = find_item(kita.layout, "slides.caption");
        REQUIRE(caption != nullptr);
        CHECK(static_cast<double>((*caption)["value"]) == 0);

        // The older slide opens at the top: the first card with values (Itabashi's
        // nine indicators have none: they are the summary line, not cards).
        const Shot old = shoot_slide(db, 2, size, "slide-old-" + size);
        const nlohmann::json* top = find_item(old.layout, "kpi.card/kita-vision-2026/ind1");
        REQUIRE(top != nullptr);
        CHECK(inside(*top, *find_item(old.layout, "kpi.cards")));
        CHECK(find_item(old.layout, "kpi.card/itabashi-vision-2035/kgi") == nullptr);
        REQUIRE(find_item(old.layout, "kpi.empty_summary") != nullptr);
        CHECK((*find_item(old.layout, "kpi.empty_summary"))["value"] == 9);

        const Shot compare = shoot_slide(db, 3, size, "slide-compare-" + size);
        const nlohmann::json* view = find_item(compare.layout, "shell.view");
        REQUIRE(view != nullptr);
        for (const char* plan : {"sumida-regional-2019", "sumida-regional-2022"}) {
            const nlohmann::json* header = find_item(compare.layout, std::string("compare.header/") + plan);
            REQUIRE(header != nullptr);
            CHECK(inside(*header, *view));
        }

        // The spotlit cell is lit (the rest of the view dimmed) in the slide's picture.
        const Shot lit = shoot_slide(db, 4, size, "slide-spotlight-" + size);
        const nlohmann::json* spot = find_item(lit.layout, "spotlight");
        REQUIRE(spot != nullptr);
        CHECK((*spot)["text"] == "heatmap/kita-vision-2026/network");
        const nlohmann::json* cell = find_item(lit.layout, "heatmap.cell/kita-vision-2026/network");
        REQUIRE(cell != nullptr);
        const auto inside_cell = lit.image.at(static_cast<int>((*cell)["x0"]) + 3, static_cast<int>((*cell)["y0"]) + 3);
        const auto dimmed = lit.image.at(static_cast<int>((*view)["x0"]) + 3, static_cast<int>((*view)["y1"]) - 3);
        CHECK(dimmed.r + dimmed.g + dimmed.b < 3 * 160);  // white under a 60 % black veil
        CHECK(inside_cell.r + inside_cell.g + inside_cell.b > 0);
    }
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
    // Baseline unknown: no path, so not met by rule R6 (result / target), and no share, never a made-up one.
    const nlohmann::json* unknown = find_item(shot.layout, "kpi.card/kita-vision-2026/ind1");
    REQUIRE(unknown != nullptr);
    CHECK((*unknown)["text"] == "status=not_met;latest=3;fy=2026;sample=0");
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

// Issue #13 B: the synthetic sample plan of tests/shot/kpi-format2-sample.json (以上, a
// trajectory, a qualitative indicator, a baseline 現状（計画策定時） without a year, two
// evaluation rounds that disagree) in the KPI view, normal and presenting, both sizes and languages.
TEST_CASE("KPI view: the rule behind each status, revisions marked, guide labels clear of the target marker") {
    const fs::path db = shot_dir / "kpi-format2.db";
    fs::create_directories(shot_dir);
    fs::remove(db);
    fs::copy_file(WARDSCOPE_KPI_DB, db);
    const std::string import = std::string(WARDSCOPE_EXE) + " import --db " + db.string() + " " + WARDSCOPE_KPI_SAMPLE + " > /dev/null";
    REQUIRE_MESSAGE(run(import) == 0, import);
    for (const std::string size : {"1280x800", "1920x1080"})
        for (const std::string lang : {"ja", "en"})
            for (const std::string mode : {"", " --present"}) {
                CAPTURE(size);
                CAPTURE(lang);
                CAPTURE(mode);
                const Shot shot = shoot("kpi", size, lang, "--plans sample-kpi-format2" + mode, db.string());
                // Rule R6 for 4 against 8 (no baseline year): not met, never "no data".
                const nlohmann::json* startups = find_item(shot.layout, "kpi.card/sample-kpi-format2/startups");
                REQUIRE(startups != nullptr);
                CHECK((*startups)["text"] == "status=not_met;latest=4;fy=2026;sample=1");
                // The revisions of FY2026: the current one (700, the latest as_of) and a ≠ on the chart.
                const nlohmann::json* visitors = find_item(shot.layout, "kpi.card/sample-kpi-format2/visitors");
                REQUIRE(visitors != nullptr);
                CHECK((*visitors)["text"] == "status=behind;latest=700;fy=2026;sample=1");
                CHECK(find_item(shot.layout, "kpi.disagree/sample-kpi-format2/visitors/2026") != nullptr);
                // The baseline guide's label never covers the target's marker.
                const nlohmann::json* label = find_item(shot.layout, "kpi.guide_label/baseline/sample-kpi-format2/startups");
                const nlohmann::json* marker = find_item(shot.layout, "kpi.target_marker/sample-kpi-format2/startups");
                REQUIRE(label != nullptr);
                REQUIRE(marker != nullptr);
                const Rect a = rect_of(*label), b = rect_of(*marker);
                CHECK_FALSE((a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1));
            }
}

TEST_CASE("explorer: a 5-level plan with cross-listed items and an unknown name, at 1280x800 and 1920x1080, ja and en") {
    // Its own database: the synthetic deep plan of docs/plan-format.md and Arakawa R4 (its ☆ projects).
    const fs::path db = fresh_database("deep.db", {"tests/data/deep-plan.json", "data/plans/arakawa-regional-2022.json"});
    for (const std::string size : {"1280x800", "1920x1080"})
        for (const std::string lang : {"ja", "en"}) {
            CAPTURE(size);
            CAPTURE(lang);
            const Shot shot = shoot("explorer", size, lang, "--plans example-deep-2030", db.string());
            const nlohmann::json* tree = find_item(shot.layout, "explorer.tree");
            REQUIRE(tree);
            std::vector<const nlohmann::json*> rows;
            for (const auto& item : shot.layout["items"])
                if (item["name"].get<std::string>().rfind("explorer.node/", 0) == 0) rows.push_back(&item);
            // 17 nodes, two of them drawn twice (cross-listed): 19 rows.
            CHECK(rows.size() == 19);
            std::sort(rows.begin(), rows.end(), [](const nlohmann::json* a, const nlohmann::json* b) { return (*a)["y0"].get<double>() < (*b)["y0"].get<double>(); });
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const auto& r = *rows[i];
                CAPTURE(r["name"].get<std::string>());
                CHECK(r["x0"].get<double>() >= (*tree)["x0"].get<double>());
                CHECK(r["x1"].get<double>() <= (*tree)["x1"].get<double>());  // nothing cut at the right
                if (i > 0) CHECK(r["y0"].get<double>() >= (*rows[i - 1])["y1"].get<double>());  // rows never overlap
            }
            const std::string badge = lang == "ja" ? "[再掲]" : "[cross-listed]";
            for (const char* name : {"explorer.node/i4@bm3", "explorer.node/i4@bm4", "explorer.node/j5@i3", "explorer.node/j5@i1"}) {
                const nlohmann::json* row = find_item(shot.layout, name);
                REQUIRE_MESSAGE(row, name);
                CHECK((*row)["value"] == 1);
                CHECK((*row)["text"].get<std::string>().find(badge) != std::string::npos);
            }
            const nlohmann::json* unknown = find_item(shot.layout, "explorer.node/i2@bm1");
            REQUIRE(unknown);
            CHECK((*unknown)["value2"] == 1);
            CHECK((*unknown)["text"].get<std::string>().find(lang == "ja" ? "（名称不明）" : "(name unknown)") != std::string::npos);
            // The cross-listed badge is drawn (its colour) on the second occurrence, where it is on screen.
            const nlohmann::json* second = find_item(shot.layout, "explorer.node/j5@i3");
            if ((*second)["y1"].get<double>() <= (*tree)["y1"].get<double>()) {
                int badge_pixels = 0;
                for (int y = static_cast<int>((*second)["y0"].get<double>()); y < static_cast<int>((*second)["y1"].get<double>()); ++y)
                    for (int x = static_cast<int>((*second)["x0"].get<double>()); x < static_cast<int>((*second)["x1"].get<double>()); ++x) {
                        const auto p = shot.image.at(x, y);
                        if (std::abs(p.r - 40) + std::abs(p.g - 110) + std::abs(p.b - 170) < 30) ++badge_pixels;
                    }
                CHECK(badge_pixels > 100);
            }
            if (size == "1920x1080")  // the whole tree in sight
                for (const auto* r : rows) CHECK((*r)["y1"].get<double>() <= (*tree)["y1"].get<double>());
            // A heading counts the plan's measure level by the plan's own name for it (施策課題, not 施策).
            const std::string count_note = lang == "ja" ? "{施策課題" : "{measure issue: ";
            CHECK(std::any_of(rows.begin(), rows.end(), [&](const nlohmann::json* r) {
                return (*r)["text"].get<std::string>().find(count_note) != std::string::npos;
            }));
        }
}

TEST_CASE("presenting in English, the heatmap's row headings show each plan title whole, in at most two lines within the row") {
    for (const std::string size : {"1280x800", "1920x1080"})
        for (const std::string lang : {"en", "ja"}) {
            CAPTURE(size);
            CAPTURE(lang);
            const Shot shot = shoot("heatmap", size, lang, "--present");
            int titles = 0;
            for (const auto& item : shot.layout["items"]) {
                const std::string name = item["name"];
                if (name.rfind("heatmap.row_title/", 0) != 0) continue;
                ++titles;
                const std::string text = item["text"];
                CAPTURE(name);
                CAPTURE(text);
                CHECK(text.find("…") == std::string::npos);  // not cut
                CHECK(static_cast<double>(item["value"]) <= 2);
                // Inside its row's heading.
                const nlohmann::json* row = find_item(shot.layout, "heatmap.row/" + name.substr(18));
                REQUIRE(row != nullptr);
                CHECK(static_cast<double>(item["y0"]) >= static_cast<double>((*row)["y0"]) - 1);
                CHECK(static_cast<double>(item["y1"]) <= static_cast<double>((*row)["y1"]) + 2);
            }
            CHECK(titles >= 11);
            const nlohmann::json* text = find_item(shot.layout, "text.min_size");
            REQUIRE(text != nullptr);
            CHECK(static_cast<double>((*text)["value"]) >= min_room_text(shot.image.height));
        }
}

TEST_CASE("presenting 40 synthetic plans at 1280x800, the heatmap shows a page of rows, the caption says which, a slide keeps its page") {
    fs::create_directories(shot_dir);
    const fs::path db = shot_dir / "paged.db";
    fs::remove(db);
    REQUIRE(run(std::string(WARDSCOPE_EXE) + " gen --out " + db.string() +
                " --municipalities 20 --plans-per-municipality 2 --measures-per-plan 30 --indicators-per-plan 2 --years 2 > /dev/null") == 0);
    const auto rows_on_screen = [](const Shot& shot) {
        std::set<std::string> rows;
        const nlohmann::json* view = find_item(shot.layout, "shell.view");
        REQUIRE(view != nullptr);
        for (const auto& item : shot.layout["items"]) {
            const std::string name = item["name"];
            if (name.rfind("heatmap.row/", 0) == 0 && static_cast<double>(item["y1"]) <= static_cast<double>((*view)["y1"]) + 0.5)
                rows.insert(name.substr(12));
        }
        return rows;
    };
    const Shot first = shoot("heatmap", "1280x800", "en", "--present", db.string());
    const std::set<std::string> page_one = rows_on_screen(first);
    const nlohmann::json* caption = find_item(first.layout, "shell.caption");
    REQUIRE(caption != nullptr);
    const std::string title = (*caption)["text"];
    INFO(title);
    const std::string expected = "rows 1–" + std::to_string(page_one.size()) + " of 40";
    CHECK(title.find(expected) != std::string::npos);
    REQUIRE(page_one.size() > 1);
    REQUIRE(page_one.size() < 40);

    // A slide anchored at a plan off the first page shows that plan's page, and the caption names its rows.
    const fs::path ids = shot_dir / "paged-ids.txt";
    REQUIRE(run("sqlite3 " + db.string() + " 'SELECT id FROM plan ORDER BY id' > " + ids.string()) == 0);
    std::string elsewhere;
    {
        std::ifstream in(ids);
        for (std::string id; std::getline(in, id);)
            if (!page_one.count(id)) {
                elsewhere = id;
                break;
            }
    }
    REQUIRE_FALSE(elsewhere.empty());
    const std::string state = R"({"view":"heatmap","lang":"en","presenting":true,"options":{"heatmap.anchor":"row )" + elsewhere + R"("}})";
    const fs::path sql = shot_dir / "paged.sql";
    std::ofstream(sql) << "INSERT INTO slide (position, name, state) VALUES (0, 'page', '" << state << "');\n";
    REQUIRE(run("sqlite3 " + db.string() + " < " + sql.string()) == 0);
    const Shot slide = shoot_slide(db, 1, "1280x800", "paged-slide");
    const std::set<std::string> shown = rows_on_screen(slide);
    CHECK(shown.count(elsewhere) == 1);
    for (const std::string& id : page_one) CHECK(shown.count(id) == 0);
    const nlohmann::json* slide_caption = find_item(slide.layout, "shell.caption");
    REQUIRE(slide_caption != nullptr);
    const std::string slide_title = (*slide_caption)["text"];
    INFO(slide_title);
    CHECK(slide_title.find("rows " + std::to_string(page_one.size() + 1) + "–") != std::string::npos);
    CHECK(slide_title.find(" of 40") != std::string::npos);
}

TEST_CASE("compare's generation diff while presenting: readable text, whole column headings, no editing controls") {
    for (const std::string size : {"1280x800", "1920x1080"})
        for (const std::string lang : {"ja", "en"}) {
            CAPTURE(size);
            CAPTURE(lang);
            const Shot shot = shoot("compare", size, lang,
                                    "--present --plans sumida-regional-2019,sumida-regional-2022 --view-option compare.mode=diff");
            const nlohmann::json* text = find_item(shot.layout, "text.min_size");
            REQUIRE(text != nullptr);
            CHECK(static_cast<double>((*text)["value"]) >= min_room_text(shot.image.height));
            REQUIRE(find_item(shot.layout, "compare.diff.row.0") != nullptr);
            int headings = 0;
            for (const auto& item : shot.layout["items"]) {
                const std::string name = item["name"];
                if (name.rfind("compare.diff.heading/", 0) != 0) continue;
                ++headings;
                CAPTURE(name);
                const double cell_w = static_cast<double>(item["x1"]) - static_cast<double>(item["x0"]);
                CHECK(static_cast<double>(item["value"]) <= cell_w + 0.5);  // the heading's text fits its cell
                CHECK(static_cast<double>(item["x1"]) <= shot.image.width);
            }
            CHECK(headings == 4);  // no actions column in front of the room
        }
}

TEST_CASE("the sample with every construct: every view at 1280x800 and 1920x1080, ja and en, with layout probes") {
    // Its own database: tests/data/sample-all-constructs.json (synthetic, marked so) and the deep plan beside it.
    const fs::path db = fresh_database("sample.db", {"tests/data/sample-all-constructs.json", "tests/data/deep-plan.json"});
    const std::string plan = "sample-all-constructs-2030";
    auto items_with = [](const nlohmann::json& layout, const std::string& prefix) {
        std::vector<const nlohmann::json*> out;
        for (const auto& item : layout["items"])
            if (item["name"].get<std::string>().rfind(prefix, 0) == 0) out.push_back(&item);
        std::sort(out.begin(), out.end(), [](const nlohmann::json* a, const nlohmann::json* b) { return (*a)["y0"].get<double>() < (*b)["y0"].get<double>(); });
        return out;
    };
    // Stacked blocks: inside the picture's width, none overlapping the next.
    auto stacked = [](const std::vector<const nlohmann::json*>& blocks, int width) {
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            CAPTURE((*blocks[i])["name"].get<std::string>());
            CHECK((*blocks[i])["x0"].get<double>() >= 0);
            CHECK((*blocks[i])["x1"].get<double>() <= width);
            CHECK((*blocks[i])["y1"].get<double>() > (*blocks[i])["y0"].get<double>());
            if (i > 0) CHECK((*blocks[i])["y0"].get<double>() >= (*blocks[i - 1])["y1"].get<double>());
        }
    };
    const std::vector<std::string> views = view_ids();
    for (const std::string size : {"1280x800", "1920x1080"})
        for (const std::string lang : {"ja", "en"})
            for (const std::string& view : views) {
                CAPTURE(size);
                CAPTURE(lang);
                CAPTURE(view);
                const Shot shot = shoot(view, size, lang, "--plans " + plan + ",example-deep-2030", db.string());
                fs::copy_file(shot_dir / (view + "-" + size + "-" + lang + "-x.png"),
                              shot_dir / ("sample-" + view + "-" + size + "-" + lang + ".png"), fs::copy_options::overwrite_existing);
                const int width = shot.image.width;
                CHECK(width == (size == "1280x800" ? 1280 : 1920));
                std::set<int> colours;
                for (int y = 0; y < shot.image.height; y += 3)
                    for (int x = 0; x < width; x += 3) {
                        const auto p = shot.image.at(x, y);
                        colours.insert(p.r << 16 | p.g << 8 | p.b);
                    }
                CHECK(colours.size() > 50);  // not blank
                if (view == "explorer") {
                    // Marked synthetic on screen; the three statements under their labels; the municipality's source.
                    const nlohmann::json* synthetic = find_item(shot.layout, "explorer.synthetic/" + plan);
                    REQUIRE(synthetic);
                    const auto statements = items_with(shot.layout, "explorer.statement/" + plan + "/");
                    REQUIRE(statements.size() == 3);
                    stacked(statements, width);
                    CHECK((*statements[0])["text"].get<std::string>().find("ブランド") == 0);
                    CHECK((*statements[2])["text"].get<std::string>().find("各業種の方向性") == 0);
                    const auto sources = items_with(shot.layout, "explorer.municipality_source/sample-city/");
                    REQUIRE(sources.size() == 1);
                    CHECK((*sources[0])["text"].get<std::string>().find("https://example.invalid/sample-city/profile") != std::string::npos);
                    CHECK((*sources[0])["y0"].get<double>() >= (*statements[2])["y1"].get<double>());
                }
                if (view == "timeline") {
                    // Planned to R12, ended in R10: the two years not run are drawn apart, at the bar's end.
                    const nlohmann::json* not_run = find_item(shot.layout, "timeline.not_run/" + plan);
                    REQUIRE(not_run);
                    CHECK((*not_run)["value"] == 2028);
                    CHECK((*not_run)["value2"] == 2030);
                    const nlohmann::json* title = find_item(shot.layout, "timeline.bar_title/" + plan);
                    REQUIRE(title);
                    const double year_w = ((*not_run)["x1"].get<double>() - (*not_run)["x0"].get<double>()) / 2;
                    CHECK(year_w > 5);
                    CHECK((*not_run)["x0"].get<double>() > (*title)["x0"].get<double>() + 7 * year_w);  // after R3…R10's eight years
                }
                if (view == "compare") {
                    const auto statements = items_with(shot.layout, "compare.statement/" + plan + "/");
                    REQUIRE(statements.size() == 3);
                    stacked(statements, width);
                    const nlohmann::json* header = find_item(shot.layout, "compare.header/" + plan);
                    REQUIRE(header);
                    CHECK((*statements[0])["y0"].get<double>() >= (*header)["y1"].get<double>());
                }
                if (view == "swot") {
                    // The items without a quadrant in their own area (two labels: 特徴, 現況), under the grid.
                    const nlohmann::json* area = find_item(shot.layout, "swot.unmapped/" + plan);
                    REQUIRE(area);
                    CHECK((*area)["value"] == 2);
                    for (const char* id : {"f1", "f2", "c1"}) {
                        const nlohmann::json* item = find_item(shot.layout, "swot.item/" + plan + "/" + id);
                        REQUIRE_MESSAGE(item, id);
                        CHECK((*item)["y0"].get<double>() >= (*area)["y0"].get<double>());
                        CHECK((*item)["y1"].get<double>() <= (*area)["y1"].get<double>());
                        CHECK((*item)["x1"].get<double>() <= width);
                    }
                    for (const char* id : {"s1", "w1", "o1", "t1"}) {  // the mapped ones above it, in the grid
                        const nlohmann::json* item = find_item(shot.layout, "swot.item/" + plan + "/" + id);
                        REQUIRE_MESSAGE(item, id);
                        CHECK((*item)["y1"].get<double>() <= (*area)["y0"].get<double>());
                    }
                }
            }
}
