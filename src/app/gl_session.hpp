// The window, its OpenGL 3.3 core context and the Dear ImGui context with
// its GLFW + OpenGL3 backends: created together, torn down together.
#pragma once

#include <cstdint>
#include <string>
#include <memory>
#include <vector>

struct GLFWwindow;

namespace wardscope::app {

struct WindowSpec {
    int width = 1440, height = 900;
    bool visible = true;
    bool fullscreen = false;     // at the monitor's video mode
    std::string title = "wardscope";
    int monitor = 0;             // which monitor presentation mode fills (0 = primary)
};

class GlSession {
public:
    // Throws Error naming what is missing: no X server (with how to use
    // `shot` / Xvfb), no OpenGL 3.3 context.
    explicit GlSession(const WindowSpec& spec);
    ~GlSession();
    GlSession(const GlSession&) = delete;
    GlSession& operator=(const GlSession&) = delete;

    GLFWwindow* window() const { return window_; }
    float content_scale() const;  // the monitor's content scale (1 on Xvfb)

    // After the font atlas changed: re-uploads it to the GPU and frees the
    // CPU copies (the 20 MB font file, the pixels).
    void upload_fonts();
    // Compiles the shaders and draws once into a small offscreen target, so
    // that the GL driver's compiling (Mesa's is a JIT) is done before the first
    // real frame; `shot` does it while its data loads on another thread. The
    // default font stands in until upload_fonts().
    void warm_up();

    void show();  // a window created hidden (WindowSpec::visible = false)
    void set_fullscreen(bool on);
    bool fullscreen() const { return fullscreen_; }

    // The window's back buffer as drawn so far (call before swapping), top
    // row first, RGBA8; its size in framebuffer pixels.
    std::vector<std::uint8_t> read_pixels(int& width, int& height) const;

private:
    GLFWwindow* window_ = nullptr;
    bool fullscreen_ = false;
    int monitor_ = 0;
    bool device_objects_ = false;
    int windowed_x_ = 0, windowed_y_ = 0, windowed_w_ = 0, windowed_h_ = 0;
};

// An offscreen RGBA framebuffer of a fixed size: `shot` renders into it so the
// picture does not depend on the X screen's size.
struct FramebufferApi;

class OffscreenTarget {
public:
    OffscreenTarget(int width, int height);  // throws Error when FBOs are unavailable
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;
    void bind();
    // Top row first, RGBA8.
    std::vector<std::uint8_t> read_pixels() const;
    int width() const { return width_; }
    int height() const { return height_; }

private:
    int width_, height_;
    unsigned framebuffer_ = 0, color_ = 0;
    std::unique_ptr<FramebufferApi> fbo_;  // the GL entry points, fetched for this target's context
};

}  // namespace wardscope::app
