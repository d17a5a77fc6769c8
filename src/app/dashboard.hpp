// The dashboard: the data loaded once per change and the Model derived from
// it, the views (ui::make_views), the linked selection and the filter, the
// language and text size, and the chrome around the views (view tabs, filter
// bar, status bar, slides). Knows nothing of windows or GL: run_dashboard and
// run_shot drive it, and a frame tells them what it needs (FrameRequests).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/database_watch.hpp"
#include "app/font_atlas.hpp"
#include "ui/data_editor.hpp"
#include "ui/model.hpp"
#include "ui/selection.hpp"
#include "ui/widgets/filter_bar.hpp"
#include "ui/view.hpp"
#include "ui/widget_state.hpp"
#include "ui/widgets/annotations.hpp"
#include "wardscope/model.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope::app {

void append_slide_strings(std::vector<const char*>& out);  // the slide panel's strings, for the glyph ranges
void append_presenter_strings(std::vector<const char*>& out);  // the presenter window's (presenter_window.cpp)

// Presenting, the tabs, buttons and caption are for the presenter: this much
// of the room's large type (and never below the minimum text height, docs/presenting.md).
inline constexpr float presentation_chrome_scale = 0.7f;

// How the KPI history (the observations: most of a database's rows) is read.
enum class KpiHistoryLoad {
    with_plans,     // in the same read as the plans
    in_background,  // after them, on another thread: the first frame does not wait for it (nor for the model's indexes)
    skipped,        // not at all: a shot of a view that shows none of it
};

// What the dashboard asks of the shell, carried out between frames.
struct FrameRequests {
    bool rebuild_fonts = false;  // a new text size, or text with glyphs the atlas lacks
    bool restyle = false;        // presentation mode changed
    bool save_png = false;       // Ctrl+S / the PNG button: save the frame just drawn
    bool quit = false;           // Ctrl+Q
    FrameRequests& operator|=(const FrameRequests& o);
};

// What a frame draws around the view: the app's chrome (tabs, filter bar,
// status bar), or, for exported slides, nothing but the view and the caption
// band or the view alone (PDF and PPTX set the caption as text of their own).
enum class SlideFrame { app, content_and_caption, content_only };

// The caption of a slide: "n / N", its name, the source line of the plans it shows.
struct SlideCaption {
    int number = 0, count = 0;  // 1-based; 0 when no slide is shown
    std::string title;
    std::string source;  // "出典: …" / "Source: …"; marks synthetic data
};

class Dashboard : public ui::DataEditor {
public:
    // Loads the database read-only; throws Error with a clear message. At
    // start-up `glyphs` (optional) gets every string the UI can draw, collected
    // on this thread while the model is built on another.
    // `search_index`: build the search's index with each model (a shot, which
    // searches at most once, goes without: ui::build_indexes).
    explicit Dashboard(std::filesystem::path db_path, KpiHistoryLoad history = KpiHistoryLoad::with_plans,
                       GlyphSet* glyphs = nullptr, bool search_index = true);
    ~Dashboard() override;
    Dashboard(const Dashboard&) = delete;
    Dashboard& operator=(const Dashboard&) = delete;

    void reload();  // re-reads the database, history and all (after another process's import)
    // What an edit changed, and so what is read again before the next frame's
    // views: the dashboard's edits write the user's rows (notes, votes, slides,
    // groups, match decisions) and KPI results, never plans.
    enum class Reread { user_data, kpi_history, everything };  // each includes the ones before it
    void reread(Reread scope);
    void apply_pending_reread() { if (reread_pending_) reread(*std::exchange(reread_pending_, std::nullopt)); }
    // Takes the KPI history read in the background once it is there (or waits
    // for it); true when it arrived now. Frames call it themselves.
    bool receive_kpi_history(bool wait);
    bool kpi_history_pending() const { return pending_history_.valid(); }
    bool kpi_history_ready() const {
        return pending_history_.valid() && pending_history_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }
    // The same for the model's indexes (search, similar measures), built after a start-up's first frame.
    bool receive_indexes(bool wait);
    bool indexes_pending() const { return pending_indexes_.valid(); }
    bool indexes_ready() const {
        return pending_indexes_.valid() && pending_indexes_.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }

    // Every string the UI can draw, for the font's glyph ranges.
    void collect_glyphs(GlyphSet& glyphs) const;

    // One frame of UI, between ImGui::NewFrame() and ImGui::Render(); returns
    // what it (and anything since the last frame) asks of the shell.
    FrameRequests draw_frame();
    // What was asked between frames (a slide applied, the history waited for).
    FrameRequests take_requests();
    // The shell rebuilt the fonts and style (DashboardFonts::rebuild): what
    // was asked of them until now is done.
    void fonts_rebuilt() { requests_.rebuild_fonts = requests_.restyle = false; }

    float font_pixel_size(float content_scale) const;
    // Applies the style for the current mode at `scale` (font size / base).
    void apply_style(float scale) const;

    // ---- State -----------------------------------------------------------------------------
    ui::Lang lang() const { return lang_; }
    void set_lang(ui::Lang lang) { lang_ = lang; }
    const ui::Views& views() const { return views_; }
    const ui::View& view() const { return *views_[view_]; }
    bool show_view(std::string_view id);  // false when there is no such view
    ui::Selection& selection() { return selection_; }
    const ui::Selection& selection() const { return selection_; }
    ui::Filter& filter() { return filter_; }
    const ui::Filter& filter() const { return filter_; }
    // Every view's options, "heatmap.mode" → "share" (settings and slides store this).
    std::map<std::string, std::string> view_options() const { return ui::save_view_options(views_); }
    void restore_view_options(const std::map<std::string, std::string>& values) { ui::restore_view_options(views_, values); }
    // Checked (ui::restore_view_options_checked): "" when taken, else what is wrong.
    std::string restore_view_options_checked(const std::map<std::string, std::string>& values) {
        return ui::restore_view_options_checked(views_, values);
    }
    int font_preset() const { return font_preset_; }
    void set_font_preset(int preset);
    bool presenting() const { return presenting_; }
    // Enters or leaves presentation mode (large type, light theme, no chrome).
    // Its text fits the screen, `display_height` logical pixels high, and
    // follows it (fullscreen, another monitor) until the presenter picks a
    // size (Ctrl+= / Ctrl+-; Ctrl+0 fits it again).
    void set_presenting(bool on, float display_height);
    // A deterministic frame for `shot`: no hover, no blinking, no editing.
    void set_screenshot(bool on) { screenshot_ = on; }
    void show_notice(std::string text) { notice_ = std::move(text); }  // where a PNG went, why it failed
    // The widgets' state of the window this dashboard draws in (spotlight,
    // probes, typed glyphs, the plot): draw_frame attaches it to the ImGui context.
    ui::WidgetState& widgets() { return widgets_; }
    const std::string& spotlight_id() const { return widgets_.spotlight.id(); }

    // The database file: the shell asks now and then whether another process
    // changed it (true once per change); the dashboard then offers to reload.
    bool check_database_on_disk();
    std::vector<std::string> skipped_rows;  // damaged note and slide rows the last load left out, and why

    const Dataset& data() const { return data_; }
    const ui::Model& model() const { return model_; }
    const std::filesystem::path& db_path() const { return db_path_; }

    // ---- Edits (ui::DataEditor and slides) ---------------------------------------------
    // The database is opened for writing only for the edit, one transaction
    // each, then the data is reloaded. Every edit can be undone (Ctrl+Z), newest first.
    std::string add_observation(const std::string& plan_id, const std::string& indicator_id,
                                std::string_view fiscal_year, std::string_view value, std::string_view source) override;
    std::string set_annotation(const ItemRef& item, std::string_view note, std::optional<int> vote) override;
    std::string decide_match(MatchEdit edit, const std::string& plan_a, const std::string& item_a, const std::string& plan_b,
                             const std::string& item_b) override;
    std::string set_group_member(const std::string& group, const std::string& municipality_id, bool member) override;
    bool can_undo() const override { return !undo_steps_.empty(); }
    std::string undo() override;
    std::string write_export(const std::filesystem::path& path, std::string_view bytes) override;
    // The table of the view called `id` under the current selection, filter,
    // options and language (what its "Export table" writes); nullopt when the
    // view has none. "plans": the plans the filter keeps. Throws Error for an unknown id.
    std::optional<Table> view_table(std::string_view id);
    // Undone edits, newest last, until the next edit (Ctrl+Shift+Z, Ctrl+Y).
    bool can_redo() const { return !redo_steps_.empty(); }
    std::string redo();
    unsigned edit_count() const { return edit_count_; }  // edits, undos and redos so far
    const std::string& last_edit() const { return last_edit_; }
    // The message after an undo or redo, naming what changed ("" when none):
    // shown in the status bar (presenting: in a corner) with a link to it.
    const std::string& notice() const { return notice_; }
    bool notice_has_link() const { return !notice_link_.view.empty(); }
    void follow_notice_link();  // shows what the last undo or redo changed

    // ---- Slides (dashboard_slides.cpp): the current view as a slide and back --------------
    SlideState capture_slide() const;
    // Restores a slide. Stepping through slides keeps the presentation mode
    // the presenter is in; `with_mode` (slide export) takes the slide's own.
    void apply_slide(const SlideState& slide, bool with_mode = false);
    std::string add_slide(std::string_view name);
    std::string update_slide(std::int64_t id);
    std::string rename_slide(std::int64_t id, std::string_view name);
    std::string delete_slide(std::int64_t id);
    std::string set_slide_notes(std::int64_t id, std::string_view notes);  // the speaker's
    std::string move_slide(std::int64_t id, int position);
    void go_to_slide(int index, bool with_mode = false);  // clamped; shows the slide
    SlideCaption slide_caption() const;  // of the slide shown, in the current language
    void set_slide_frame(SlideFrame frame) { slide_frame_ = frame; }
    int current_slide() const { return current_slide_; }  // index into model().slides; -1 = none shown yet
    // Shows slide `index` while `draw_frames` draws it (the presenter's
    // picture of the next slide, in an ImGui context of its own), then puts
    // back what was on screen: view, plans, filter, options, slide number.
    // `draw_frames` calls draw_frame(); what those frames ask is kept.
    void preview_slide(int index, const std::function<void()>& draw_frames);
    // A slide show runs from the first slide shown (a clicker key, a click in
    // the panel) until presentation mode ends or, outside it, the slide panel
    // closes; then the view, selection and filter the user left come back.
    bool slide_show_running() const { return before_show_.has_value(); }
    bool black_screen() const { return black_screen_; }  // B / period while presenting

    // What an edit changed: named in the undo and redo messages, and where the message's link goes.
    struct EditSubject {
        std::string ja, en;            // "メモを追加（墨田区 · 多様な産業）", "note added (Sumida Ward · …)"
        std::string view;              // the view that shows it ("" = no link)
        std::string plan_id, node_id;  // selected when the link is followed
    };

private:
    bool skipped_rows_noticed_ = false;  // the status bar has said that rows were left out
    // One edit: `write` changes the database and returns how to undo and redo it.
    using Apply = std::function<void(Store&)>;
    struct Change {
        Apply undo, redo;
        EditSubject subject;  // what it changed
        Reread reread = Reread::user_data;  // what is read again after it (either way)
    };
    std::string edit(std::string description, const std::function<Change(Store&)>& write);
    std::string replay(bool undoing);  // undo() / redo()
    EditSubject note_subject(const ItemRef& item, bool had_note, bool has_note) const;
    // "スライド「name」を" + ja_action; `ja_particle` replaces を ("の": the slide's notes).
    EditSubject slide_subject(const char* ja_action, const char* en_action, std::string_view name,
                              const char* ja_particle = "を") const;
    void load(KpiHistoryLoad history, GlyphSet* glyphs = nullptr);
    ui::ModelInputs read_user_rows(const Store& store);  // notes, slides, groups, match decisions
    void reread_after_edit(Reread scope);
    void collect_data_glyphs(GlyphSet& glyphs) const;  // all but the notes and slide names (the model's)
    void data_changed();  // the one place the views hear of new data
    void handle_slide_keys();
    void end_slide_show();
    void draw_slides_panel(ui::ViewContext& ctx);
    void draw_slide_notes_editor(ui::Lang lang);
    void draw_room_caption(ui::ViewContext& ctx);
    float caption_height() const;
    std::string caption_source_line(ui::Lang lang) const;
    void handle_shortcuts();
    void draw_top_bar(ui::ViewContext& ctx);
    void draw_status_bar(ui::ViewContext& ctx);
    void draw_reload_offer(ui::ViewContext& ctx);
    void draw_view(ui::ViewContext& ctx);
    void change_font_preset(int preset);  // by the presenter: the text no longer follows the screen
    void fit_presentation_text(float display_height);

    std::filesystem::path db_path_;
    Dataset data_;
    ui::Model model_;
    ui::Views views_ = ui::make_views();
    std::size_t view_ = 0;  // into views_
    ui::Selection selection_;
    ui::Filter filter_;
    ui::FilterBarState filter_bar_;
    ui::AnnotationEditor annotation_editor_;
    ui::Lang lang_ = ui::Lang::ja;
    int font_preset_ = default_font_preset;
    bool presenting_ = false;
    bool fit_presentation_text_ = false;  // presenting: the text size follows the screen's height
    bool screenshot_ = false;
    bool search_index_ = true;  // built with each model
    int current_fiscal_year_ = 0;
    FrameRequests requests_{.rebuild_fonts = true, .restyle = true};
    std::string notice_;
    ui::WidgetState widgets_;

    DatabaseWatch watch_;
    bool changed_on_disk_ = false;  // another process wrote: offer to reload
    std::future<std::vector<Observation>> pending_history_;  // KpiHistoryLoad::in_background, until received
    std::future<ui::ModelIndexes> pending_indexes_;  // built from data_ after a start-up's first frame, until received
    std::string reload_error_;
    std::optional<Reread> reread_pending_;  // after an edit: read again before the next frame's views
    struct EditStep {
        std::string description;  // for the log: "annotation plan-a swot s1"
        Change change;
    };
    std::vector<EditStep> undo_steps_;  // this session's edits, newest last
    std::vector<EditStep> redo_steps_;  // undone, newest last; cleared by the next edit
    EditSubject notice_link_;           // where the notice's link goes
    bool notice_link_hovered_ = false;  // the pointer is on that link: its click is not a dismissal
    unsigned edit_count_ = 0;
    std::string last_edit_;

    int current_slide_ = -1;
    SlideFrame slide_frame_ = SlideFrame::app;
    std::optional<SlideState> before_show_;  // what the user left for the slide show
    bool black_screen_ = false;
    bool slides_open_ = false;      // the slide panel
    bool slides_panel_focused_ = false;  // in the last frame: the clicker keys step slides then
    std::string slide_name_;        // the slide panel's name field
    std::string slide_rename_;      // the slide menu's rename field
    std::string slide_message_;     // the slide panel's last error
    std::string slide_notes_;       // the slide panel's speaker-notes field
    std::string slide_notes_stored_;    // the notes stored when the field was last filled
    std::int64_t slide_notes_id_ = -1;  // the slide whose notes it holds
    bool slide_notes_active_ = false;   // being typed in (last frame): not refreshed from the data
    std::string typed_glyphs_;      // characters users typed that no data string has
};

}  // namespace wardscope::app
