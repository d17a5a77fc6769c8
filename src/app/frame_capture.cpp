#include "app/frame_capture.hpp"

#include <fstream>

#include <nlohmann/json.hpp>
#include <stb_image_write.h>

#include "ui/probes.hpp"
#include "wardscope/error.hpp"

namespace wardscope::app {
namespace {

std::filesystem::path temp_beside(const std::filesystem::path& path) {
    auto temp = path;
    temp += ".partial";
    return temp;
}

void replace(const std::filesystem::path& temp, const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        throw Error("cannot write " + path.string() + ": " + ec.message());
    }
}

}  // namespace

void write_png(const std::filesystem::path& path, int width, int height, const std::vector<std::uint8_t>& rgba) {
    const auto temp = temp_beside(path);
    // Level 2 instead of 8: quicker to write, and flat UI colours still compress well.
    stbi_write_png_compression_level = 2;
    if (!stbi_write_png(temp.c_str(), width, height, 4, rgba.data(), width * 4)) {
        std::error_code ec;
        std::filesystem::remove(temp, ec);
        throw Error("cannot write the PNG file " + path.string() + " (does its folder exist and is it writable?)");
    }
    replace(temp, path);
}

void write_layout_json(const std::filesystem::path& path, int width, int height) {
    nlohmann::json items = nlohmann::json::array();
    for (const ui::Probe& p : ui::recorded_probes())
        items.push_back({{"name", p.name},
                         {"x0", p.min.x}, {"y0", p.min.y}, {"x1", p.max.x}, {"y1", p.max.y},
                         {"value", p.value}, {"value2", p.value2}, {"text", p.text}});
    const nlohmann::json doc{{"width", width}, {"height", height}, {"items", items}};
    const auto temp = temp_beside(path);
    {
        std::ofstream out(temp, std::ios::trunc);
        if (!(out << doc.dump(1) << "\n")) throw Error("cannot write the layout file " + path.string());
    }
    replace(temp, path);
}

}  // namespace wardscope::app
