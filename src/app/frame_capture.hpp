// Writing what a shot rendered: the PNG and, for tests, the layout of named items.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "ui/widgets/probes.hpp"

namespace wardscope::app {

// RGBA8, top row first. Written atomically (wardscope/safe_files.hpp): a
// failed or killed write never leaves a partial PNG. Throws Error with the reason.
// The PNG file's bytes (for a PowerPoint package's picture).
std::vector<std::uint8_t> encode_png(int width, int height, const std::vector<std::uint8_t>& rgba);

void write_png(const std::filesystem::path& path, int width, int height, const std::vector<std::uint8_t>& rgba);

// The probes recorded during the frame (ui/probes.hpp) as JSON. Throws Error.
void write_layout_json(const std::filesystem::path& path, int width, int height, const ui::Probes& probes);

}  // namespace wardscope::app
