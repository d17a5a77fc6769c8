// The dashboard's state and one frame of its UI: the data loaded once per
// change, the linked selection, the filter, the language and font size, and
// the chrome around the views (view tabs, filter bar, status bar).
// Knows nothing of windows or GL: run_dashboard and run_shot drive it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "ui/derived_models.hpp"
#include "app/font_atlas.hpp"
#include "ui/data_editor.hpp"
#include "ui/view_context.hpp"
#include "wardscope/model.hpp"

namespace wardscope::app {

std::string_view view_name(ui::ViewId view);                 // "timeline" …
bool view_from_name(std::string_view name, ui::ViewId& out);

class Dashboard : public ui::DataEditor {
public:
    // Loads the database read-only; throws Error with a clear message.
    explicit Dashboard(std::filesystem::path db_path);

    void reload();  // re-reads the database (after another process imported)

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
    int font_preset = default_font_preset;
    bool presenting = false;  // large type, light theme, no chrome (F5 / --present)
    bool screenshot = false;  // deterministic frame for `shot`: no hover, no blinking
    int current_fiscal_year = 0;

    // Requests raised by the UI for the shell to carry out between frames.
    bool fonts_dirty = true;
    bool style_dirty = true;
    bool quit_requested = false;
    bool data_changed_on_disk = false;  // set by the shell: offer to reload

    const Dataset& data() const { return data_; }
    const ui::DerivedModels& derived() const { return derived_; }
    const std::filesystem::path& db_path() const { return db_path_; }

    // User edits (ui::DataEditor): the database is opened for writing only for
    // the edit, one transaction each, then the data is reloaded.
    std::string add_observation(const std::string& plan_id, const std::string& indicator_id,
                                std::string_view fiscal_year, std::string_view value, std::string_view source) override;
    bool can_undo() const override { return !undo_ids_.empty(); }
    std::string undo() override;
    bool wrote_database = false;  // set after an edit: the shell's change watcher must not flag our own write

    // Applies the style for the current mode at `scale` (font size / base).
    void apply_style(float scale) const;

private:
    void derive();
    void handle_shortcuts();
    void draw_top_bar(ui::ViewContext& ctx);
    void draw_status_bar(ui::ViewContext& ctx);
    void draw_reload_offer(ui::ViewContext& ctx);
    void draw_view(ui::ViewContext& ctx);

    std::filesystem::path db_path_;
    Dataset data_;
    ui::DerivedModels derived_;
    std::string reload_error_;
    std::vector<std::int64_t> undo_ids_;  // observations this session added, newest last
    bool reload_pending_ = false;         // after an edit: reload before the next frame's views  // shown on screen when a reload failed
};

}  // namespace wardscope::app
