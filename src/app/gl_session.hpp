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
    // A second window (hidden) whose GL context shares this one's objects: the
    // presenter's window. The caller destroys it before this session ends.
    GLFWwindow* create_shared_window(const std::string& title, int width, int height);
    int monitor_count() const;
    void set_monitor(int monitor) { monitor_ = monitor; }  // before set_fullscreen(true)
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

struct FramebufferApi;  // the GL entry points, fetched per target for its context

// A texture that can be drawn into (a framebuffer object with a texture),
// shown by ImGui::Image in any context sharing the current one: the
// presenter's slide thumbnails. Create, draw and copy with the main window's
// context current (framebuffer objects are not shared between contexts).
class TextureTarget {
public:
    TextureTarget(int width, int height);  // throws Error when FBOs are unavailable
    ~TextureTarget();
    TextureTarget(const TextureTarget&) = delete;
    TextureTarget& operator=(const TextureTarget&) = delete;
    void bind();    // draw into it
    void finish();  // after drawing: back to the window's framebuffer, mipmaps made
    // The window's back buffer (width × height framebuffer pixels), scaled into the texture.
    void copy_from_back_buffer(int width, int height);
    unsigned texture() const { return texture_; }
    int width() const { return width_; }
    int height() const { return height_; }

private:
    int width_, height_;
    unsigned framebuffer_ = 0, texture_ = 0;
    std::unique_ptr<FramebufferApi> fbo_;
};

// An offscreen RGBA framebuffer of a fixed size: `shot` renders into it so the
// picture does not depend on the X screen's size.

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
