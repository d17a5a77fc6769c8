#include "app/window_icon.hpp"

#include <memory>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <stb_image.h>

namespace wardscope::app {

std::vector<IconImage> window_icon_images() {
    std::vector<IconImage> images;
    for (const auto& png : embedded_icon_pngs()) {
        int width = 0, height = 0, channels = 0;
        const std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
            stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &width, &height, &channels, 4), stbi_image_free);
        if (!pixels) continue;
        images.push_back({width, height, {pixels.get(), pixels.get() + static_cast<std::size_t>(width) * height * 4}});
    }
    return images;
}

void set_window_icon(GLFWwindow* window) {
    std::vector<IconImage> images = window_icon_images();
    std::vector<GLFWimage> glfw_images;
    for (IconImage& image : images) glfw_images.push_back({image.width, image.height, image.rgba.data()});
    if (!glfw_images.empty()) glfwSetWindowIcon(window, static_cast<int>(glfw_images.size()), glfw_images.data());
}

}  // namespace wardscope::app
