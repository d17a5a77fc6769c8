// The dashboard's state and one frame of its UI: the data loaded once per
// change, the linked selection, the filter, the language and font size, and
// the chrome around the views (view tabs, filter bar, status bar).
// Knows nothing of windows or GL: run_dashboard and run_shot drive it.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <string>
#include <vector>

#include "ui/derived_models.hpp"
#include "app/font_atlas.hpp"
#include "ui/data_editor.hpp"
#include "ui/view_context.hpp"
#include "wardscope/model.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope::app {

std::string_view view_name(ui::ViewId view);                 // "timeline" …
bool view_from_name(std::string_view name, ui::ViewId& out);
void append_slide_strings(std::vector<const char*>& out);  // the slide panel's strings, for the glyph ranges

// How the KPI history (the observations: most of a database's rows) is read.
enum class KpiHistoryLoad {
    with_plans,     // in the same read as the plans
    in_background,  // after them, on another thread: the first frame does not wait for it
    skipped,        // not at all: a shot of a view that shows none of it
};
bool view_shows_kpi_history(ui::ViewId view);

class Dashboard : public ui::DataEditor {
public:
    // Loads the database read-only; throws Error with a clear message.
    explicit Dashboard(std::filesystem::path db_path, KpiHistoryLoad history = KpiHistoryLoad::with_plans);
    ~Dashboard() override;
    Dashboard(const Dashboard&) = delete;
    Dashboard& operator=(const Dashboard&) = delete;

    void reload();  // re-reads the database, history and all (after an edit or another process's import)
    // Takes the KPI history read in the background once it is there (or waits
    // for it); true when it arrived now. Frames call it themselves.
    bool receive_kpi_history(bool wait);
    bool kpi_history_pending() const { return pending_history_.valid(); }
    bool kpi_history_ready() const {
        return pending_history_.valid() && pending_history_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }

    // Every string the UI can draw, for the font's glyph ranges.
    void collect_glyphs(GlyphSet& glyphs) const;

    // One frame of UI, between ImGui::NewFrame() and ImGui::Render().
    void draw_frame();

    float font_pixel_size(float content_scale) const;

    // State the shell reads and sets.
    ui::Lang lang = ui::Lang::ja;
    ui::ViewId view = ui::ViewId::timeline;
    ui::Selection selection;
    ui::Filter filter;
    ui::ViewOptions options;  // each view's mode, sort, drill-down …
    int font_preset = default_font_preset;
    bool presenting = false;  // large type, light theme, no chrome (F5 / --present): set it with set_presenting
    // Enters or leaves presentation mode. Its text fits the screen, `display_height`
    // logical pixels high, and follows it (fullscreen, another monitor) until
    // the presenter picks a size (Ctrl+= / Ctrl+-; Ctrl+0 fits it again).
    void set_presenting(bool on, float display_height);
    bool screenshot = false;  // deterministic frame for `shot`: no hover, no blinking
    int current_fiscal_year = 0;

    // Requests raised by the UI for the shell to carry out between frames.
    bool fonts_dirty = true;
    bool style_dirty = true;
    bool quit_requested = false;
    bool png_requested = false;   // Ctrl+S / the PNG button: the shell saves this frame as PNG
    std::string notice;           // a short message for the user (where a PNG went, why it failed)
    std::vector<std::string> skipped_rows;  // damaged note and slide rows the last load left out, and why
    bool skipped_rows_noticed_ = false;     // the notice about them was shown
    bool data_changed_on_disk = false;  // set by the shell: offer to reload

    const Dataset& data() const { return data_; }
    const ui::DerivedModels& derived() const { return derived_; }
    const std::filesystem::path& db_path() const { return db_path_; }

    // User edits (ui::DataEditor and slides): the database is opened for
    // writing only for the edit, one transaction each, then the data is
    // reloaded. Every edit can be undone (Ctrl+Z), newest first.
    std::string add_observation(const std::string& plan_id, const std::string& indicator_id,
                                std::string_view fiscal_year, std::string_view value, std::string_view source) override;
    std::string set_annotation(const ItemRef& item, std::string_view note, std::optional<int> vote) override;
    bool can_undo() const override { return !undo_steps_.empty(); }
    std::string undo() override;
    bool wrote_database = false;  // set after an edit: the shell's change watcher must not flag our own write
    unsigned edit_count = 0;      // edits and undos so far; last_edit says what the last one was
    std::string last_edit;

    // Slides (dashboard_slides.cpp): the current view as a slide and back.
    SlideState capture_slide() const;
    // Restores a slide. Stepping through slides keeps the presentation mode
    // the presenter is in; `with_mode` (slide export) takes the slide's own.
    void apply_slide(const SlideState& slide, bool with_mode = false);
    std::string add_slide(std::string_view name);
    std::string update_slide(std::int64_t id);
    std::string rename_slide(std::int64_t id, std::string_view name);
    std::string delete_slide(std::int64_t id);
    std::string move_slide(std::int64_t id, int position);
    void go_to_slide(int index);  // clamped; shows the slide
    int current_slide = -1;       // index into derived().slides; -1 = none shown yet
    bool slides_open = false;     // the slide panel
    // Applies the style for the current mode at `scale` (font size / base).
    void apply_style(float scale) const;

private:
    // One edit: `write` changes the database and returns how to revert it.
    using Revert = std::function<void(Store&)>;
    std::string edit(std::string description, const std::function<Revert(Store&)>& write);
    void load(KpiHistoryLoad history);
    void derive(std::vector<Annotation> annotations, std::vector<Slide> slides);
    void derive_kpi_history();  // what the observations give: progress per indicator, sample counts
    void handle_slide_keys();
    void draw_slides_panel(ui::ViewContext& ctx);
    void draw_slide_caption(ui::ViewContext& ctx);
    void handle_shortcuts();
    void draw_top_bar(ui::ViewContext& ctx);
    void draw_status_bar(ui::ViewContext& ctx);
    void draw_reload_offer(ui::ViewContext& ctx);
    void draw_view(ui::ViewContext& ctx);

    std::filesystem::path db_path_;
    Dataset data_;
    ui::DerivedModels derived_;
    std::future<std::vector<Observation>> pending_history_;  // KpiHistoryLoad::in_background, until received
    std::string reload_error_;
    struct UndoStep {
        std::string description;
        Revert revert;
    };
    std::vector<UndoStep> undo_steps_;  // this session's edits, newest last
    bool reload_pending_ = false;       // after an edit: reload before the next frame's views
    std::string slide_name_;            // the slide panel's name field
    std::string typed_glyphs_;          // characters users typed that no data string has
    std::string slide_message_;         // the slide panel's last error
    bool fit_presentation_text_ = false;  // presenting: the text size follows the screen's height
    void fit_presentation_text(float display_height);
};

}  // namespace wardscope::app
