#include "app/gl_session.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "app/window_icon.hpp"
#include "wardscope/error.hpp"

namespace wardscope::app {
namespace {

// The last GLFW error, "code: description" ("" when none): GLFW keeps it per thread.
std::string last_glfw_error() {
    const char* description = nullptr;
    const int code = glfwGetError(&description);
    return code == GLFW_NO_ERROR ? std::string() : std::to_string(code) + ": " + (description ? description : "");
}

}  // namespace

// The few GL ≥ 3.0 entry points we call ourselves, fetched at run time
// (libGL only promises GL 1.x symbols).
struct FramebufferApi {
    PFNGLGENFRAMEBUFFERSPROC gen_framebuffers = nullptr;
    PFNGLDELETEFRAMEBUFFERSPROC delete_framebuffers = nullptr;
    PFNGLBINDFRAMEBUFFERPROC bind_framebuffer = nullptr;
    PFNGLGENRENDERBUFFERSPROC gen_renderbuffers = nullptr;
    PFNGLDELETERENDERBUFFERSPROC delete_renderbuffers = nullptr;
    PFNGLBINDRENDERBUFFERPROC bind_renderbuffer = nullptr;
    PFNGLRENDERBUFFERSTORAGEPROC renderbuffer_storage = nullptr;
    PFNGLFRAMEBUFFERRENDERBUFFERPROC framebuffer_renderbuffer = nullptr;
    PFNGLCHECKFRAMEBUFFERSTATUSPROC check_framebuffer_status = nullptr;
    PFNGLFRAMEBUFFERTEXTURE2DPROC framebuffer_texture_2d = nullptr;
    PFNGLBLITFRAMEBUFFERPROC blit_framebuffer = nullptr;
    PFNGLGENERATEMIPMAPPROC generate_mipmap = nullptr;
    bool load() {
        gen_framebuffers = reinterpret_cast<PFNGLGENFRAMEBUFFERSPROC>(glfwGetProcAddress("glGenFramebuffers"));
        delete_framebuffers = reinterpret_cast<PFNGLDELETEFRAMEBUFFERSPROC>(glfwGetProcAddress("glDeleteFramebuffers"));
        bind_framebuffer = reinterpret_cast<PFNGLBINDFRAMEBUFFERPROC>(glfwGetProcAddress("glBindFramebuffer"));
        gen_renderbuffers = reinterpret_cast<PFNGLGENRENDERBUFFERSPROC>(glfwGetProcAddress("glGenRenderbuffers"));
        delete_renderbuffers = reinterpret_cast<PFNGLDELETERENDERBUFFERSPROC>(glfwGetProcAddress("glDeleteRenderbuffers"));
        bind_renderbuffer = reinterpret_cast<PFNGLBINDRENDERBUFFERPROC>(glfwGetProcAddress("glBindRenderbuffer"));
        renderbuffer_storage = reinterpret_cast<PFNGLRENDERBUFFERSTORAGEPROC>(glfwGetProcAddress("glRenderbufferStorage"));
        framebuffer_renderbuffer =
            reinterpret_cast<PFNGLFRAMEBUFFERRENDERBUFFERPROC>(glfwGetProcAddress("glFramebufferRenderbuffer"));
        check_framebuffer_status =
            reinterpret_cast<PFNGLCHECKFRAMEBUFFERSTATUSPROC>(glfwGetProcAddress("glCheckFramebufferStatus"));
        framebuffer_texture_2d = reinterpret_cast<PFNGLFRAMEBUFFERTEXTURE2DPROC>(glfwGetProcAddress("glFramebufferTexture2D"));
        blit_framebuffer = reinterpret_cast<PFNGLBLITFRAMEBUFFERPROC>(glfwGetProcAddress("glBlitFramebuffer"));
        generate_mipmap = reinterpret_cast<PFNGLGENERATEMIPMAPPROC>(glfwGetProcAddress("glGenerateMipmap"));
        return gen_framebuffers && delete_framebuffers && bind_framebuffer && gen_renderbuffers &&
               delete_renderbuffers && bind_renderbuffer && renderbuffer_storage && framebuffer_renderbuffer &&
               check_framebuffer_status && framebuffer_texture_2d && blit_framebuffer && generate_mipmap;
    }
};

GlSession::GlSession(const WindowSpec& spec) {
    if (!glfwInit()) {
        const std::string detail = last_glfw_error();
        std::string message = "cannot open a window: ";
#ifdef _WIN32
        message += "GLFW could not start";
#else
        const char* display = std::getenv("DISPLAY");
        message += (display && *display) ? "the X server at DISPLAY=" + std::string(display) + " cannot be reached"
                                         : std::string("no display (DISPLAY is not set)");
        message +=
            ".\n  To render views without a display: xvfb-run -a wardscope shot --view heatmap --out heatmap.png"
            "\n  To run the dashboard headless: xvfb-run -a -s \"-screen 0 1920x1080x24\" wardscope ui";
#endif
        if (!detail.empty()) message += "\n  (GLFW error " + detail + ")";
        throw Error(message);
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, spec.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    window_ = glfwCreateWindow(spec.width, spec.height, spec.title.c_str(), nullptr, nullptr);
    if (!window_) {
        const std::string detail = last_glfw_error();
        glfwTerminate();
        throw Error("cannot create an OpenGL 3.3 core window" + (detail.empty() ? "" : " (GLFW error " + detail + ")") +
                    "; with Mesa, check that libgl1-mesa-dri is installed");
    }
    if (spec.visible) set_window_icon(window_);  // shots and benches draw offscreen
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the shell decides where (or whether) imgui.ini lives
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    monitor_ = spec.monitor;
    if (spec.fullscreen) set_fullscreen(true);
}

GlSession::~GlSession() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

float GlSession::content_scale() const {
    float x = 1, y = 1;
    glfwGetWindowContentScale(window_, &x, &y);
    return (x > 0.5f && x < 4.0f) ? x : 1.0f;
}

void GlSession::upload_fonts() {
    if (!device_objects_) {
        ImGui_ImplOpenGL3_CreateDeviceObjects();  // shaders, buffers and the font texture
        device_objects_ = true;
    } else {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->ClearInputData();
    io.Fonts->ClearTexData();
}

void GlSession::warm_up() {
    upload_fonts();
    OffscreenTarget target(16, 16);
    target.bind();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::GetIO().DisplaySize = ImVec2(16, 16);
    ImGui::NewFrame();
    ImGui::GetForegroundDrawList()->AddText(ImVec2(0, 0), IM_COL32_WHITE, "A");
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glFinish();
}

void GlSession::show() { glfwShowWindow(window_); }

GLFWwindow* GlSession::create_shared_window(const std::string& title, int width, int height) {
    // The same context as the main window's, sharing its objects (textures,
    // buffers, programs): one renderer and one font texture draw both.
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWwindow* w = glfwCreateWindow(width, height, title.c_str(), nullptr, window_);
    if (!w) throw Error("cannot open a second window (GLFW error " + last_glfw_error() + ")");
    set_window_icon(w);
    glfwMakeContextCurrent(w);
    glfwSwapInterval(0);  // two windows swapping with vsync would halve the frame rate
    glfwMakeContextCurrent(window_);
    return w;
}

int GlSession::monitor_count() const {
    int count = 0;
    glfwGetMonitors(&count);
    return count;
}

void GlSession::set_fullscreen(bool on) {
    if (on == fullscreen_) return;
    if (on) {
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        // A monitor that is not connected (any more) falls back to the primary one.
        GLFWmonitor* monitor = monitor_ > 0 && monitor_ < count ? monitors[monitor_] : glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) return;
        glfwGetWindowPos(window_, &windowed_x_, &windowed_y_);
        glfwGetWindowSize(window_, &windowed_w_, &windowed_h_);
        glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window_, nullptr, windowed_x_, windowed_y_, windowed_w_, windowed_h_, 0);
    }
    fullscreen_ = on;
}

TextureTarget::TextureTarget(int width, int height)
    : width_(width), height_(height), fbo_(std::make_unique<FramebufferApi>()) {
    if (!fbo_->load()) throw Error("the OpenGL driver has no framebuffer objects (needs OpenGL 3.0)");
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    fbo_->generate_mipmap(GL_TEXTURE_2D);
    fbo_->gen_framebuffers(1, &framebuffer_);
    fbo_->bind_framebuffer(GL_FRAMEBUFFER, framebuffer_);
    fbo_->framebuffer_texture_2d(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    const bool complete = fbo_->check_framebuffer_status(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    fbo_->bind_framebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) throw Error("cannot create a " + std::to_string(width) + "x" + std::to_string(height) + " texture target");
}

TextureTarget::~TextureTarget() {
    fbo_->delete_framebuffers(1, &framebuffer_);
    glDeleteTextures(1, &texture_);
}

void TextureTarget::bind() { fbo_->bind_framebuffer(GL_FRAMEBUFFER, framebuffer_); }

void TextureTarget::finish() {
    fbo_->bind_framebuffer(GL_FRAMEBUFFER, 0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    fbo_->generate_mipmap(GL_TEXTURE_2D);  // a smooth picture at thumbnail size
}

void TextureTarget::copy_from_back_buffer(int width, int height) {
    fbo_->bind_framebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    fbo_->bind_framebuffer(GL_DRAW_FRAMEBUFFER, framebuffer_);
    fbo_->blit_framebuffer(0, 0, width, height, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    finish();
}

OffscreenTarget::OffscreenTarget(int width, int height)
    : width_(width), height_(height), fbo_(std::make_unique<FramebufferApi>()) {
    if (!fbo_->load()) throw Error("the OpenGL driver has no framebuffer objects (needs OpenGL 3.0)");
    fbo_->gen_framebuffers(1, &framebuffer_);
    fbo_->gen_renderbuffers(1, &color_);
    fbo_->bind_renderbuffer(GL_RENDERBUFFER, color_);
    fbo_->renderbuffer_storage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    fbo_->bind_framebuffer(GL_FRAMEBUFFER, framebuffer_);
    fbo_->framebuffer_renderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
    if (fbo_->check_framebuffer_status(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw Error("cannot create a " + std::to_string(width) + "x" + std::to_string(height) +
                    " offscreen framebuffer (too large for this OpenGL driver?)");
}

OffscreenTarget::~OffscreenTarget() {
    fbo_->bind_framebuffer(GL_FRAMEBUFFER, 0);
    fbo_->delete_framebuffers(1, &framebuffer_);
    fbo_->delete_renderbuffers(1, &color_);
}

void OffscreenTarget::bind() { fbo_->bind_framebuffer(GL_FRAMEBUFFER, framebuffer_); }

namespace {

// The bound framebuffer's pixels, top row first (GL's origin is the bottom-left corner).
std::vector<std::uint8_t> read_bound_pixels(int width, int height) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> line(row);
    for (int y = 0; y < height / 2; ++y) {
        auto* top = pixels.data() + static_cast<std::size_t>(y) * row;
        auto* bottom = pixels.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::copy(top, top + row, line.data());
        std::copy(bottom, bottom + row, top);
        std::copy(line.data(), line.data() + row, bottom);
    }
    return pixels;
}

}  // namespace

std::vector<std::uint8_t> OffscreenTarget::read_pixels() const {
    fbo_->bind_framebuffer(GL_FRAMEBUFFER, framebuffer_);
    return read_bound_pixels(width_, height_);
}

std::vector<std::uint8_t> GlSession::read_pixels(int& width, int& height) const {
    glfwGetFramebufferSize(window_, &width, &height);
    glReadBuffer(GL_BACK);
    return read_bound_pixels(width, height);
}

}  // namespace wardscope::app
