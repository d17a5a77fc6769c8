// The window icon: the PNGs rendered from assets/wardscope.svg, compiled into
// the executable (assets/CMakeLists.txt), decoded with stb_image.
#pragma once

#include <span>
#include <vector>

struct GLFWwindow;

namespace wardscope::app {

struct IconImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;
};

// The PNG files as built (16 … 256 px).
std::span<const std::span<const unsigned char>> embedded_icon_pngs();
// Each embedded PNG decoded to RGBA; one that does not decode is left out.
std::vector<IconImage> window_icon_images();
// Hands them to GLFW (which picks the size the system wants; Wayland has no
// window icons and ignores it).
void set_window_icon(GLFWwindow* window);

}  // namespace wardscope::app
