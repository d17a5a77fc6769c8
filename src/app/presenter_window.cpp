#include "app/presenter_window.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstdio>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <GL/gl.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "app/frame.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/text_wrap.hpp"
#include "ui/widgets/ui_widgets.hpp"

namespace wardscope::app {
namespace {

using ui::Lang;

// X(name, ja, en)
#define WS_PRESENTER_STRINGS(X)                                                                       \
    X(title, "wardscope presenter", "wardscope presenter")                                            \
    X(slide_fmt, "スライド %d / %d", "Slide %d / %d")                                                 \
    X(no_slide, "スライドはまだ表示されていません（→ で最初のスライド）",                              \
      "No slide shown yet (→ shows the first)")                                                       \
    X(current, "現在", "Now")                                                                         \
    X(next, "次", "Next")                                                                             \
    X(last_slide, "最後のスライドです", "This is the last slide")                                     \
    X(elapsed, "経過", "Elapsed")                                                                     \
    X(previous_button, "◀ 前へ", "◀ Previous")                                                       \
    X(next_button, "次へ ▶", "Next ▶")                                                               \
    X(reset_timer, "タイマーをリセット", "Reset timer")                                               \
    X(speaker_notes, "話者メモ（このスライド）", "Speaker notes (this slide)")                        \
    X(no_speaker_notes, "話者メモはありません", "No speaker notes")                                   \
    X(notes, "メモ（このスライドの計画に付いたメモ・優先度）", "Notes (on this slide's plans)")      \
    X(no_notes, "メモはありません", "No notes")                                                       \
    X(vote_fmt, "★%d  ", "★%d  ")                                                                   \
    X(keys, "← → / PageUp PageDown はどちらのウィンドウでも使えます", "← → / PageUp PageDown work in either window")

namespace S {
WS_PRESENTER_STRINGS(WS_STR_DECLARE)
}  // namespace S

// The notes and votes on the plans a slide shows, highest priority first.
std::vector<const Annotation*> slide_notes(const ui::Model& model, const SlideState& slide) {
    std::vector<const Annotation*> out;
    for (const Annotation& a : model.annotations)
        if (std::find(slide.plan_ids.begin(), slide.plan_ids.end(), a.item.plan_id) != slide.plan_ids.end())
            out.push_back(&a);
    std::stable_sort(out.begin(), out.end(),
                     [](const Annotation* a, const Annotation* b) { return a->vote.value_or(0) > b->vote.value_or(0); });
    return out;
}

// A slide's picture at `width`, keeping the audience's aspect; its rectangle.
std::pair<ImVec2, ImVec2> picture(const TextureTarget* target, float width, float max_height) {
    const float aspect = target ? static_cast<float>(target->height()) / static_cast<float>(target->width()) : 0.5625f;
    const float w = std::min(width, max_height / aspect), h = w * aspect;
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    if (target)
        // GL textures start at the bottom row: flipped into place by the coordinates.
        ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(target->texture())), ImVec2(w, h), ImVec2(0, 1),
                     ImVec2(1, 0));
    else
        ImGui::Dummy(ImVec2(w, h));
    ImGui::GetWindowDrawList()->AddRect(p0, ImVec2(p0.x + w, p0.y + h), ui::dim_text_color());
    return {p0, ImVec2(p0.x + w, p0.y + h)};
}

}  // namespace

void append_presenter_strings(std::vector<const char*>& out) { WS_PRESENTER_STRINGS(WS_STR_COLLECT) }

PresenterWindow::PresenterWindow(GlSession& session, int monitor)
    : main_window_(session.window()), main_context_(ImGui::GetCurrentContext()) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    int x = 0, y = 0, w = 1280, h = 800;
    if (monitor >= 0 && monitor < count) glfwGetMonitorWorkarea(monitors[monitor], &x, &y, &w, &h);
    window_ = session.create_shared_window(S::title.en, w, h);
    glfwSetWindowPos(window_, x, y);
    glfwSetWindowUserPointer(window_, this);
    // Its own ImGui contexts, on the main context's font atlas (one texture for all).
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    context_ = ImGui::CreateContext(atlas);
    ImGui::SetCurrentContext(context_);
    ui::attach_widget_state(&widgets_);
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window_, false);  // the shell installs the callbacks (they switch contexts)
    preview_context_ = ImGui::CreateContext(atlas);
    ImGui::SetCurrentContext(preview_context_);
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::SetCurrentContext(main_context_);
}

PresenterWindow::~PresenterWindow() {
    ImGui::SetCurrentContext(context_);
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(context_);
    ImGui::DestroyContext(preview_context_);
    ImGui::SetCurrentContext(main_context_);
    glfwMakeContextCurrent(main_window_);
    current_.reset();  // framebuffer objects live in the main context
    next_.reset();
    glfwDestroyWindow(window_);
}

void PresenterWindow::set_visible(bool on) {
    if (on == visible_) return;
    visible_ = on;
    if (on) {
        glfwShowWindow(window_);
        if (started_ == std::chrono::steady_clock::time_point{}) started_ = std::chrono::steady_clock::now();
    } else {
        glfwHideWindow(window_);
    }
}

void PresenterWindow::capture_audience(int width, int height) {
    if (!visible_ || width <= 0 || height <= 0) return;
    // A third of the audience's size is plenty for a thumbnail; the mipmaps smooth it.
    const int tw = std::max(1, width / 2), th = std::max(1, height / 2);
    if (!current_ || current_->width() != tw || current_->height() != th) current_ = std::make_unique<TextureTarget>(tw, th);
    current_->copy_from_back_buffer(width, height);
}

void PresenterWindow::update_next_slide(Dashboard& dashboard, ImVec2 audience_size) {
    if (!visible_) return;
    const int next = dashboard.current_slide() + 1;
    const auto& slides = dashboard.model().slides;
    const bool exists = next >= 0 && next < static_cast<int>(slides.size());
    const std::string key = std::to_string(next) + "/" + std::to_string(slides.size()) + "/" +
                            std::to_string(dashboard.model().data_version) + "/" + std::to_string(audience_size.x) + "x" +
                            std::to_string(audience_size.y) + "/" + std::to_string(ImGui::GetFontSize()) +
                            (dashboard.lang() == Lang::en ? "en" : "ja");
    if (key == next_key_) return;
    next_key_ = key;
    if (!exists) {
        next_.reset();
        return;
    }
    const int w = static_cast<int>(audience_size.x), h = static_cast<int>(audience_size.y);
    if (w <= 0 || h <= 0) return;
    // Drawn at the audience's size in a context of its own, so that the
    // audience's windows (scroll positions, open popups) stay as they are.
    const ImGuiStyle style = ImGui::GetStyle();
    ImGui::SetCurrentContext(preview_context_);
    ImGui::GetStyle() = style;
    ImGuiIO& io = ImGui::GetIO();
    dashboard.preview_slide(next, [&] {
        for (int frame = 0; frame < 4; ++frame) {  // tables and auto-sized windows settle (as in `shot`)
            io.DisplaySize = audience_size;
            io.DisplayFramebufferScale = ImVec2(1, 1);
            io.DeltaTime = 1.0f / 60.0f;
            io.MousePos = no_mouse();
            ImGui::NewFrame();
            dashboard.draw_frame();
            ImGui::Render();
        }
    });
    ImDrawData* drawn = ImGui::GetDrawData();
    ImGui::SetCurrentContext(main_context_);
    if (!next_ || next_->width() != w || next_->height() != h) next_ = std::make_unique<TextureTarget>(w, h);
    next_->bind();
    glViewport(0, 0, w, h);
    const ImVec4 bg = style.Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(drawn);  // the main context's renderer
    next_->finish();
}

std::string PresenterWindow::elapsed_text() const {
    const auto s = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count();
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", static_cast<long>(s / 3600), static_cast<long>(s / 60 % 60), static_cast<long>(s % 60));
    else std::snprintf(buf, sizeof buf, "%02ld:%02ld", static_cast<long>(s / 60), static_cast<long>(s % 60));
    return buf;
}

bool PresenterWindow::timer_ticked() const {
    if (!visible_) return false;
    const long s = static_cast<long>(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count());
    return s != shown_seconds_;
}

void PresenterWindow::draw(Dashboard& dashboard) {
    if (!visible_) return;
    const ImGuiStyle style = ImGui::GetStyle();
    glfwMakeContextCurrent(window_);
    ImGui::SetCurrentContext(context_);
    ImGui::GetStyle() = style;  // the audience's theme and sizes
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    draw_contents(dashboard);
    ImGui::Render();
    ImDrawData* drawn = ImGui::GetDrawData();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    ImGui::SetCurrentContext(main_context_);  // its renderer draws (see the header)
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = style.Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(drawn);
    glfwSwapBuffers(window_);
    glfwMakeContextCurrent(main_window_);
}

void PresenterWindow::draw_contents(Dashboard& dashboard) {
    const Lang lang = dashboard.lang();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##presenter", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    // The presenter reads from closer than the room: the type a little smaller.
    ImGui::SetWindowFontScale(0.8f);
    const float E = ui::em();
    const auto& slides = dashboard.model().slides;
    const int current = dashboard.current_slide();
    const int count = static_cast<int>(slides.size());
    const bool shown = current >= 0 && current < count;

    // Top row: the slide number and name, the timer, the buttons.
    const std::string heading = shown ? ui::format(S::slide_fmt(lang), current + 1, count) + "  " + slides[static_cast<std::size_t>(current)].name
                                      : std::string(S::no_slide(lang));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(heading.c_str());
    ui::record_probe("presenter.heading", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), current, count, heading);
    ImGui::SameLine(0, 2 * E);
    shown_seconds_ = static_cast<long>(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count());
    const std::string timer = std::string(S::elapsed(lang)) + " " + elapsed_text();
    ImGui::TextUnformatted(timer.c_str());
    ui::record_probe("presenter.timer", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), static_cast<double>(shown_seconds_));
    ImGui::SameLine(0, 2 * E);
    ImGui::BeginDisabled(current <= 0);
    if (ImGui::Button(S::previous_button(lang))) dashboard.go_to_slide(current - 1);
    ui::record_probe("presenter.previous_button", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(current + 1 >= count);
    if (ImGui::Button(S::next_button(lang))) dashboard.go_to_slide(current + 1);
    ui::record_probe("presenter.next_button", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(S::reset_timer(lang))) started_ = std::chrono::steady_clock::now();
    ImGui::Separator();

    // The two pictures: now (larger) and next.
    const float avail_w = ImGui::GetContentRegionAvail().x, avail_h = ImGui::GetContentRegionAvail().y;
    const float gap = E;
    const float now_w = (avail_w - gap) * 0.6f, next_w = avail_w - gap - now_w;
    const float pictures_h = avail_h * 0.62f;
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", S::current(lang));
    const auto [c0, c1] = picture(current_.get(), now_w, pictures_h - ImGui::GetTextLineHeightWithSpacing());
    ui::record_probe("presenter.current", c0, c1, current, 0, shown ? slides[static_cast<std::size_t>(current)].name : "");
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", S::next(lang));
    const bool has_next = current + 1 < count && next_;
    if (has_next) {
        const auto [n0, n1] = picture(next_.get(), next_w, pictures_h - ImGui::GetTextLineHeightWithSpacing());
        ui::record_probe("presenter.next", n0, n1, current + 1, 0, slides[static_cast<std::size_t>(current + 1)].name);
    } else {
        ImGui::TextUnformatted(S::last_slide(lang));
        ui::record_probe("presenter.next", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), -1);
    }
    ImGui::EndGroup();
    ImGui::Separator();

    // The slide's own speaker notes (`slides notes`, the slide panel), then the notes on its plans.
    ImGui::TextDisabled("%s", S::speaker_notes(lang));
    const std::string& speaker = shown ? slides[static_cast<std::size_t>(current)].notes : std::string();
    if (speaker.empty()) ImGui::TextDisabled("%s", S::no_speaker_notes(lang));
    else ui::text_wrapped(speaker);
    ui::record_probe("presenter.speaker_notes", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), speaker.empty() ? 0 : 1, 0, speaker);
    ImGui::Separator();
    ImGui::TextDisabled("%s", S::notes(lang));
    const ImVec2 notes0 = ImGui::GetCursorScreenPos();
    ImGui::BeginChild("##notes", ImVec2(0, -ImGui::GetTextLineHeightWithSpacing()), false);
    int note_count = 0;
    if (shown)
        for (const Annotation* a : slide_notes(dashboard.model(), slides[static_cast<std::size_t>(current)].state)) {
            const std::string stars = a->vote ? ui::format(S::vote_fmt(lang), *a->vote) : "";
            ui::text_wrapped(stars + a->note);
            ++note_count;
        }
    if (note_count == 0) ImGui::TextDisabled("%s", S::no_notes(lang));
    ImGui::EndChild();
    ui::record_probe("presenter.notes", notes0, ImGui::GetItemRectMax(), note_count);
    ImGui::TextDisabled("%s", S::keys(lang));
    ImGui::End();
}

}  // namespace wardscope::app
