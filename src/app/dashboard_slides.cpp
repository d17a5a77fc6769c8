// Slides: the current view saved with all its parameters, shown in order
// with ← → / PageUp PageDown (what presentation clickers send), managed in a
// panel (add, go, reorder, rename, update, delete). Stored in the database's
// slide table, one transaction per edit, undoable like every edit.
#include <algorithm>
#include <cmath>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/dashboard.hpp"
#include "ui/plot/plot.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/spotlight.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/store.hpp"

namespace wardscope::app {
namespace {

using ui::Lang;

// X(name, ja, en)
#define WS_SLIDE_STRINGS(X)                                                                   \
    X(panel_title, "スライド", "Slides")                                                      \
    X(name_hint, "スライド名", "Slide name")                                                  \
    X(add, "現在のビューを追加", "Add the current view")                                      \
    X(none, "スライドはまだありません。ビューを整えてから追加してください。",                 \
      "No slides yet. Set up a view, then add it.")                                           \
    X(keys, "← → / PageUp PageDown: 前後のスライド（発表中、またはこのパネルを選んでいるとき）。B / .: 黒画面", \
      "← → / PageUp PageDown: previous / next (while presenting or with this panel focused). B / .: black screen") \
    X(menu_hint, "右クリック: 上書き・名前の変更・削除", "Right-click: replace, rename, delete") \
    X(update, "現在のビューで上書き", "Replace with the current view")                         \
    X(rename, "名前を変更", "Rename")                                                         \
    X(remove, "削除", "Delete")                                                               \
    X(move_up, "上へ", "Move up")                                                             \
    X(move_down, "下へ", "Move down")                                                         \
    X(caption_fmt, "%d / %d  %s", "%d / %d  %s")                                            \
    X(source, "出典: ", "Source: ")                                                           \
    X(plans_fmt, "%d 計画", "%d {plan|plans}")                                                       \
    X(synthetic, "合成データ", "synthetic data")                                              \
    X(sample, "サンプル値を含む", "includes sample values")                                   \
    X(notes_label_fmt, "話者メモ（スライド %d）", "Speaker notes (slide %d)")                 \
    X(notes_save, "話者メモを保存", "Save the notes")                                           \
    X(notes_pick, "スライドを選ぶと、その話者メモを書けます。", "Pick a slide to write its speaker notes.")

namespace S {
WS_SLIDE_STRINGS(WS_STR_DECLARE)
}  // namespace S

constexpr const char* spotlight_option = "shell.spotlight";

std::vector<std::string> to_vector(const std::set<std::string>& s) { return {s.begin(), s.end()}; }

// The slide as stored now (what an undo restores); empty when there is none.
Slide stored_slide(const Store& store, std::int64_t id) {
    std::vector<std::string> damaged;  // another slide's damage does not stop this edit (the load reported it)
    for (Slide& s : load_slides(store, &damaged))
        if (s.id == id) return std::move(s);
    return {};
}

}  // namespace

void append_slide_strings(std::vector<const char*>& out) {
    WS_SLIDE_STRINGS(WS_STR_COLLECT)
}

SlideState Dashboard::capture_slide() const {
    SlideState s;
    s.view = view().id();
    s.plan_ids = selection_.plan_ids();
    s.municipality_id = selection_.municipality_id();
    s.node_id = selection_.node_id();
    s.filter_municipality_ids = to_vector(filter_.municipality_ids());
    s.filter_plan_kinds = to_vector(filter_.plan_kinds());
    s.filter_municipality_kind = filter_.municipality_kind();
    s.filter_fiscal_year_from = filter_.fiscal_year_from();
    s.filter_fiscal_year_to = filter_.fiscal_year_to();
    s.filter_theme_id = filter_.theme_id();
    s.view_options = view_options();
    // The spotlit item goes with the views' options ("shell." is no view's prefix: older wardscopes ignore it).
    if (!widgets_.spotlight.id().empty()) s.view_options[spotlight_option] = widgets_.spotlight.id();
    s.lang = lang_ == Lang::en ? "en" : "ja";
    s.font_preset = font_preset_;
    s.presenting = presenting_;
    return s;
}

void Dashboard::apply_slide(const SlideState& s, bool with_mode) {
    show_view(s.view);
    // Plans removed since the slide was saved are skipped, not shown as errors.
    selection_.restore(data_, s.plan_ids, s.municipality_id, s.node_id);
    filter_ = ui::Filter{};
    filter_.set_municipality_ids({s.filter_municipality_ids.begin(), s.filter_municipality_ids.end()});
    filter_.set_plan_kinds({s.filter_plan_kinds.begin(), s.filter_plan_kinds.end()});
    filter_.set_municipality_kind(s.filter_municipality_kind);
    filter_.set_fiscal_years(s.filter_fiscal_year_from, s.filter_fiscal_year_to);
    filter_.set_theme(s.filter_theme_id);
    restore_view_options(s.view_options);
    const auto spotlit = s.view_options.find(spotlight_option);
    widgets_.spotlight.set(spotlit == s.view_options.end() ? std::string() : spotlit->second);
    lang_ = s.lang == "en" ? Lang::en : Lang::ja;
    if (with_mode && s.presenting != presenting_) {
        presenting_ = s.presenting;
        requests_.restyle = true;
    }
    // Presenting, the text fits the screen the slide is shown on (the next
    // frame sizes it); otherwise the size is the slide's own when it was saved
    // outside presentation mode.
    fit_presentation_text_ = presenting_;
    set_font_preset(presenting_ ? font_preset_ : !s.presenting && s.font_preset >= 0 ? s.font_preset : default_font_preset);
}

void Dashboard::go_to_slide(int index, bool with_mode) {
    const auto& slides = model_.slides;
    if (slides.empty()) return;
    if (!before_show_) {
        before_show_ = capture_slide();
        before_show_->presenting = false;  // coming back keeps the mode the presenter is in then
        if (presenting_) before_show_->font_preset = -1;  // and the normal text size after presenting
    }
    current_slide_ = std::clamp(index, 0, static_cast<int>(slides.size()) - 1);
    apply_slide(slides[static_cast<std::size_t>(current_slide_)].state, with_mode);
}

void Dashboard::preview_slide(int index, const std::function<void()>& draw_frames) {
    if (index < 0 || index >= static_cast<int>(model_.slides.size())) return;
    const SlideState shown = capture_slide();
    const int current = current_slide_;
    const bool fit = fit_presentation_text_;
    const auto show_started_from = before_show_;
    const FrameRequests asked = take_requests();
    go_to_slide(index);
    draw_frames();
    apply_slide(shown);
    current_slide_ = current;
    fit_presentation_text_ = fit;
    before_show_ = show_started_from;  // a preview neither starts nor moves the slide show
    const bool glyphs = take_requests().rebuild_fonts;  // glyphs the preview met; the rest was the preview's own
    requests_ = asked;
    requests_.rebuild_fonts |= glyphs;
}

std::string Dashboard::add_slide(std::string_view name) {
    const SlideState state = capture_slide();
    const int position = static_cast<int>(model_.slides.size());
    const std::string result = edit("slide add " + std::string(name), [&](Store& store) -> Change {
        check_slide_state(state, data_, ui::view_ids());  // as `wardscope slides add` checks it
        const Slide added = stored_slide(store, wardscope::add_slide(store, name, state));
        return {[id = added.id](Store& s) { wardscope::delete_slide(s, id); },
                [added](Store& s) { restore_slide(s, added); }, slide_subject("保存", "saved", name)};
    });
    if (result.empty()) current_slide_ = position;
    return result;
}

std::string Dashboard::update_slide(std::int64_t id) {
    const SlideState state = capture_slide();
    return edit("slide update " + std::to_string(id), [&](Store& store) -> Change {
        const Slide before = stored_slide(store, id);
        wardscope::update_slide(store, id, state);
        return {[id, state = before.state](Store& s) { wardscope::update_slide(s, id, state); },
                [id, state](Store& s) { wardscope::update_slide(s, id, state); }, slide_subject("更新", "updated", before.name)};
    });
}

std::string Dashboard::rename_slide(std::int64_t id, std::string_view name) {
    return edit("slide rename " + std::to_string(id), [&](Store& store) -> Change {
        const std::string before = stored_slide(store, id).name;
        wardscope::rename_slide(store, id, name);
        return {[id, before](Store& s) { wardscope::rename_slide(s, id, before); },
                [id, after = std::string(name)](Store& s) { wardscope::rename_slide(s, id, after); },
                slide_subject("名前変更", "renamed", name)};
    });
}

std::string Dashboard::set_slide_notes(std::int64_t id, std::string_view notes) {
    return edit("slide notes " + std::to_string(id), [&](Store& store) -> Change {
        const Slide before = stored_slide(store, id);
        wardscope::set_slide_notes(store, id, notes);
        return {[id, notes = before.notes](Store& s) { wardscope::set_slide_notes(s, id, notes); },
                [id, notes = std::string(notes)](Store& s) { wardscope::set_slide_notes(s, id, notes); },
                slide_subject("話者メモを変更", "notes changed", before.name, "の")};
    });
}

std::string Dashboard::delete_slide(std::int64_t id) {
    return edit("slide delete " + std::to_string(id), [&](Store& store) -> Change {
        const Slide before = stored_slide(store, id);
        wardscope::delete_slide(store, id);
        return {[before](Store& s) { restore_slide(s, before); }, [id](Store& s) { wardscope::delete_slide(s, id); },
                slide_subject("削除", "deleted", before.name)};
    });
}

std::string Dashboard::move_slide(std::int64_t id, int position) {
    return edit("slide move " + std::to_string(id), [&](Store& store) -> Change {
        const Slide before = stored_slide(store, id);
        wardscope::move_slide(store, id, position);
        return {[id, from = before.position](Store& s) { wardscope::move_slide(s, id, from); },
                [id, position](Store& s) { wardscope::move_slide(s, id, position); }, slide_subject("移動", "moved", before.name)};
    });
}

// Clicker keys (← → PageUp PageDown, B / period) belong to the slide show:
// they step slides while presenting or while the slide panel has focus, and
// outside those they are left to the view (a normal-mode → never replaces
// what the user is working on).
void Dashboard::handle_slide_keys() {
    if (ImGui::GetIO().WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    if (!presenting_ && !(slides_open_ && slides_panel_focused_)) return;
    if (presenting_ && (ImGui::IsKeyPressed(GLFW_KEY_B, false) || ImGui::IsKeyPressed(GLFW_KEY_PERIOD, false)))
        black_screen_ = !black_screen_;
    const bool next = ImGui::IsKeyPressed(GLFW_KEY_RIGHT) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN);
    const bool previous = ImGui::IsKeyPressed(GLFW_KEY_LEFT) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP);
    if (next || previous) black_screen_ = false;
    // Presenting, a view in pages (the heatmap's rows) steps through them before the slides.
    if (presenting_ && (next || previous) && views_[view_]->step_page(next ? 1 : -1)) return;
    if (model_.slides.empty()) return;
    if (next) go_to_slide(current_slide_ + 1);
    else if (previous) go_to_slide(current_slide_ < 0 ? 0 : current_slide_ - 1);
}

SlideCaption Dashboard::slide_caption() const {
    SlideCaption c;
    const auto& slides = model_.slides;
    if (current_slide_ < 0 || current_slide_ >= static_cast<int>(slides.size())) return c;
    c.number = current_slide_ + 1;
    c.count = static_cast<int>(slides.size());
    c.title = slides[static_cast<std::size_t>(current_slide_)].name;
    c.source = caption_source_line(lang_);
    if (const std::string detail = view().caption_detail(lang_); !detail.empty()) c.source += " · " + detail;
    // The marks the room caption draws as badges, in words.
    if (model_.synthetic_plans > 0) c.source += std::string(" · ") + S::synthetic(lang_);
    if (model_.any_sample_observations && view().needs_kpi_history()) c.source += std::string(" · ") + S::sample(lang_);
    return c;
}

void Dashboard::end_slide_show() {
    black_screen_ = false;
    if (!before_show_) return;
    const SlideState left = std::move(*before_show_);
    before_show_.reset();
    apply_slide(left);
}

float Dashboard::caption_height() const {
    return std::round(ImGui::GetFontSize() * presentation_chrome_scale * 1.6f);
}

// "出典: 北区産業振興ビジョン 2026–2035 · wardscope.db": the plans the view is
// about (the selection, for the views that show it; else how many plans).
std::string Dashboard::caption_source_line(Lang lang) const {
    std::string plans, documents;  // the documents by their titles (data/documents.json), each once
    if (view().shows_selected_plans())
        for (const std::string& id : selection_.plan_ids())
            if (const Plan* p = data_.find_plan(id)) {
                plans += (plans.empty() ? "" : " / ") + ui::plan_short_label(data_, *p, lang);
                if (const SourceDocument* d = data_.taxonomy.find_document(p->source.file)) {
                    const std::string& title = lang == Lang::en && !d->title_en.empty() ? d->title_en : d->title;
                    if (documents.find(title) == std::string::npos) documents += (documents.empty() ? "" : " / ") + title;
                }
            }
    if (plans.empty()) plans = ui::format(S::plans_fmt(lang), model_.plan_count);
    return std::string(S::source(lang)) + plans + (documents.empty() ? "" : " — " + documents) + " · " + model_.source_label;
}

// Presenting: one thin line under the view, at the chrome's size — the slide
// (n / N and its name) or the view's name, the source line, and the marks
// that data is synthetic or sample (the status bar that says so is hidden).
void Dashboard::draw_room_caption(ui::ViewContext& ctx) {
    const Lang lang = ctx.lang;
    ImGui::SetWindowFontScale(presentation_chrome_scale);
    const float h = caption_height(), E = ui::em();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float ty = p0.y + std::round((h - ImGui::GetTextLineHeight()) * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(p0, ImVec2(p0.x + width, p0.y), ImGui::GetColorU32(ImGuiCol_Border));
    const auto& slides = model_.slides;
    // An exported slide is on its slide without a show running.
    const bool on_slide = (before_show_ || slide_frame_ != SlideFrame::app) && current_slide_ >= 0 && current_slide_ < static_cast<int>(slides.size());
    std::string title = on_slide ? ui::format(S::caption_fmt(lang), current_slide_ + 1, static_cast<int>(slides.size()),
                                              slides[static_cast<std::size_t>(current_slide_)].name.c_str())
                                 : std::string(view().title(lang));
    // Which part of the view is shown (the heatmap's rows on this page).
    const std::string detail = view().caption_detail(lang);
    if (!detail.empty()) title += "  ·  " + detail;
    // The marks first, from the right; then the title; the source line gets what is left.
    float right = p0.x + width;
    const auto mark = [&](const char* text, ImU32 bg) {
        const float w = ImGui::CalcTextSize(text).x + 0.8f * E;
        right -= w;
        dl->AddRectFilled(ImVec2(right, ty), ImVec2(right + w, ty + ImGui::GetTextLineHeight()), bg, 0.3f * E);
        dl->AddText(ImVec2(right + 0.4f * E, ty), IM_COL32_WHITE, text);
        right -= 0.4f * E;
    };
    if (model_.synthetic_plans > 0) mark(S::synthetic(lang), IM_COL32(200, 40, 40, 255));
    if (model_.any_sample_observations && view().needs_kpi_history()) mark(S::sample(lang), IM_COL32(170, 90, 0, 255));
    const float title_w = std::min(ImGui::CalcTextSize(title.c_str()).x, 0.5f * (right - p0.x));
    ui::plot::text_ellipsis(dl, ImVec2(p0.x, ty), ui::text_color(), title, title_w);
    const ImVec2 title_max(p0.x + title_w, ty + ImGui::GetTextLineHeight());
    ui::record_probe("shell.caption", ImVec2(p0.x, ty), title_max, ImGui::GetFontSize(), 0, title);
    if (on_slide) ui::record_probe("slides.caption", ImVec2(p0.x, ty), title_max, current_slide_);
    const float source_x = p0.x + title_w + 1.2f * E;
    const std::string source = caption_source_line(lang);
    if (right - source_x > 2 * E) {
        const std::string shown = ui::plot::ellipsize(source, right - source_x);
        const float w = ImGui::CalcTextSize(shown.c_str()).x;
        dl->AddText(ImVec2(right - w, ty), ui::dim_text_color(), shown.c_str());
        ui::record_probe("shell.caption.source", ImVec2(right - w, ty), ImVec2(right, ty + ImGui::GetTextLineHeight()), 0, 0, source);
    }
    ImGui::Dummy(ImVec2(width, h - ImGui::GetStyle().ItemSpacing.y));
    ImGui::SetWindowFontScale(1.0f);
}

void Dashboard::draw_slides_panel(ui::ViewContext& ctx) {
    const Lang lang = ctx.lang;
    const float E = ui::em();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = std::min(24 * E, display.x * 0.45f);
    ImGui::SetNextWindowPos(ImVec2(display.x - w - E, 3 * E), ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(w, std::min(display.y * 0.7f, 30 * E)), ImGuiCond_Appearing);
    const std::string title = std::string(S::panel_title(lang)) + "###slides";
    const bool shown = ImGui::Begin(title.c_str(), &slides_open_, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
    slides_panel_focused_ = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    if (!shown) {
        ImGui::End();
        return;
    }
    const auto& slides = model_.slides;
    if (slide_name_.empty()) slide_name_ = unused_slide_name(slides, lang == Lang::en ? "en" : "ja");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##name", S::name_hint(lang), &slide_name_);
    if (ImGui::IsItemActive()) ui::ensure_glyphs(slide_name_);
    ui::record_probe("slides.name", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ImGui::Button(S::add(lang))) {
        slide_message_ = add_slide(slide_name_);
        if (slide_message_.empty()) slide_name_.clear();
    }
    ui::record_probe("slides.add", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!slide_message_.empty()) ui::text_wrapped_colored(IM_COL32(255, 110, 80, 255), slide_message_);
    ImGui::Separator();
    if (slides.empty()) ui::text_wrapped_colored(ui::dim_text_color(), S::none(lang));
    // Edits reload the data before the next frame: act on a copy of the id.
    for (std::size_t i = 0; i < slides.size(); ++i) {
        const Slide& slide = slides[i];
        const std::int64_t id = slide.id;
        const int position = static_cast<int>(i);
        ImGui::PushID(static_cast<int>(id));
        if (ImGui::ArrowButton("##up", ImGuiDir_Up) && position > 0) slide_message_ = move_slide(id, position - 1);
        if (!screenshot_ && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", S::move_up(lang));
        ImGui::SameLine(0, 0.2f * E);
        if (ImGui::ArrowButton("##down", ImGuiDir_Down) && position + 1 < static_cast<int>(slides.size()))
            slide_message_ = move_slide(id, position + 1);
        if (!screenshot_ && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", S::move_down(lang));
        ImGui::SameLine();
        const std::string label = std::to_string(i + 1) + ". " + slide.name;
        if (ImGui::Selectable(label.c_str(), position == current_slide_)) go_to_slide(position);
        if (ui::probes_enabled()) ui::record_probe("slides.item/" + std::to_string(i), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (ImGui::BeginPopupContextItem("##slide_menu")) {
            if (ImGui::IsWindowAppearing()) slide_rename_ = slide.name;
            if (ImGui::MenuItem(S::update(lang))) slide_message_ = update_slide(id);
            ImGui::SetNextItemWidth(14 * E);
            const bool renamed = ImGui::InputText(S::rename(lang), &slide_rename_, ImGuiInputTextFlags_EnterReturnsTrue);
            if (ImGui::IsItemActive()) ui::ensure_glyphs(slide_rename_);
            if (renamed) {
                slide_message_ = rename_slide(id, slide_rename_);
                ImGui::CloseCurrentPopup();
            }
            if (ImGui::MenuItem(S::remove(lang))) slide_message_ = delete_slide(id);
            ImGui::EndPopup();
        }
        ImGui::PopID();
    }
    ImGui::Separator();
    draw_slide_notes_editor(lang);
    ImGui::Separator();
    ui::text_wrapped_colored(ui::dim_text_color(), S::keys(lang));
    if (!slides.empty()) ui::text_wrapped_colored(ui::dim_text_color(), S::menu_hint(lang));
    ImGui::End();
}

// The speaker's notes of the slide shown (the presenter window shows them,
// PPTX exports them): written when the field loses focus after a change, or
// with the button — one edit, undoable like the others.
void Dashboard::draw_slide_notes_editor(Lang lang) {
    const auto& slides = model_.slides;
    if (current_slide_ < 0 || current_slide_ >= static_cast<int>(slides.size())) {
        if (!slides.empty()) ui::text_wrapped_colored(ui::dim_text_color(), S::notes_pick(lang));
        slide_notes_id_ = -1;
        return;
    }
    const Slide& slide = slides[static_cast<std::size_t>(current_slide_)];
    const std::int64_t id = slide.id;
    // Not being typed in: the field follows what is stored (another slide, an
    // undo, another process); text whose save failed stays for another try.
    if (!slide_notes_active_ && (slide_notes_id_ != id || slide_notes_stored_ != slide.notes)) {
        slide_notes_id_ = id;
        slide_notes_ = slide_notes_stored_ = slide.notes;
    }
    ImGui::TextUnformatted(ui::format(S::notes_label_fmt(lang), current_slide_ + 1).c_str());
    const float E = ui::em();
    ImGui::InputTextMultiline("##speaker_notes", &slide_notes_, ImVec2(-1, 6 * E));
    slide_notes_active_ = ImGui::IsItemActive();
    if (slide_notes_active_) ui::ensure_glyphs(slide_notes_);
    ui::record_probe("slides.notes", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const bool left_field = ImGui::IsItemDeactivatedAfterEdit();
    const bool changed = slide_notes_ != slide.notes;
    if (!changed) ImGui::BeginDisabled();
    const bool save = ImGui::Button(S::notes_save(lang));
    if (!changed) ImGui::EndDisabled();
    if ((left_field || save) && changed) slide_message_ = set_slide_notes(id, slide_notes_);
}

}  // namespace wardscope::app
