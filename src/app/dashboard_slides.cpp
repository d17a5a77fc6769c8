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
#include "ui/widgets/probes.hpp"
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
    X(keys, "← → / PageUp PageDown: 前後のスライド", "← → / PageUp PageDown: previous / next") \
    X(menu_hint, "右クリック: 上書き・名前の変更・削除", "Right-click: replace, rename, delete") \
    X(update, "現在のビューで上書き", "Replace with the current view")                         \
    X(rename, "名前を変更", "Rename")                                                         \
    X(remove, "削除", "Delete")                                                               \
    X(move_up, "上へ", "Move up")                                                             \
    X(move_down, "下へ", "Move down")                                                         \
    X(caption_fmt, "%d / %d  %s", "%d / %d  %s")                                               \
    X(source, "出典: ", "Source: ")                                                             \
    X(source_sep, "、", "; ")                                                                   \
    X(plans_fmt, "%d計画 — ", "%d plans — ")                                                   \
    X(synthetic, " ［合成データ］", " [synthetic data]")

namespace S {
WS_SLIDE_STRINGS(WS_STR_DECLARE)
}  // namespace S

std::vector<std::string> to_vector(const std::set<std::string>& s) { return {s.begin(), s.end()}; }

// The slide as stored now (what an undo restores); empty when there is none.
Slide stored_slide(const Store& store, std::int64_t id) {
    std::vector<std::string> damaged;  // another slide's damage does not stop this edit (the load reported it)
    for (Slide& s : load_slides(store, &damaged))
        if (s.id == id) return std::move(s);
    return {};
}

// The plans a slide shows: those selected, else those the filter lets through.
std::vector<const Plan*> shown_plans(const Dataset& data, const ui::Selection& selection, const ui::Filter& filter) {
    std::vector<const Plan*> out;
    for (const std::string& id : selection.plan_ids())
        if (const Plan* p = data.find_plan(id)) out.push_back(p);
    if (!out.empty()) return out;
    for (const Plan& p : data.plans)
        if (filter.passes(data, p)) out.push_back(&p);
    return out;
}

// "出典: 北区 産業活性化ビジョン2026 2026–2035（001_….txt § ビジョンの概要）" for up
// to three plans; more: their count and source files.
std::string source_line(const Dataset& data, const std::vector<const Plan*>& plans, Lang lang) {
    std::string out = S::source(lang);
    if (plans.size() <= 3) {
        for (const Plan* p : plans) {
            if (p != plans.front()) out += S::source_sep(lang);
            out += ui::plan_short_label(data, *p, lang);
            if (const std::string where = ui::source_text(p->source); !where.empty())
                out += lang == Lang::ja ? "（" + where + "）" : " (" + where + ")";
        }
    } else {
        out += ui::format(S::plans_fmt(lang), static_cast<int>(plans.size()));
        std::vector<std::string> files;
        for (const Plan* p : plans) {
            const std::string& file = p->source.file.empty() ? p->source.url : p->source.file;
            if (!file.empty() && std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
        }
        for (const std::string& f : files) out += (f == files.front() ? "" : ", ") + f;
    }
    if (std::any_of(plans.begin(), plans.end(), [](const Plan* p) { return p->is_synthetic; })) out += S::synthetic(lang);
    return out;
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
    current_slide_ = std::clamp(index, 0, static_cast<int>(slides.size()) - 1);
    apply_slide(slides[static_cast<std::size_t>(current_slide_)].state, with_mode);
}

std::string Dashboard::add_slide(std::string_view name) {
    const SlideState state = capture_slide();
    const int position = static_cast<int>(model_.slides.size());
    const std::string result = edit("slide add " + std::string(name), [&](Store& store) -> Revert {
        check_slide_state(state, data_, ui::view_ids());  // as `wardscope slides add` checks it
        const std::int64_t id = wardscope::add_slide(store, name, state);
        return [id](Store& s) { wardscope::delete_slide(s, id); };
    });
    if (result.empty()) current_slide_ = position;
    return result;
}

std::string Dashboard::update_slide(std::int64_t id) {
    const SlideState state = capture_slide();
    return edit("slide update " + std::to_string(id), [&](Store& store) -> Revert {
        const SlideState before = stored_slide(store, id).state;
        wardscope::update_slide(store, id, state);
        return [id, before](Store& s) { wardscope::update_slide(s, id, before); };
    });
}

std::string Dashboard::rename_slide(std::int64_t id, std::string_view name) {
    return edit("slide rename " + std::to_string(id), [&](Store& store) -> Revert {
        const std::string before = stored_slide(store, id).name;
        wardscope::rename_slide(store, id, name);
        return [id, before](Store& s) { wardscope::rename_slide(s, id, before); };
    });
}

std::string Dashboard::delete_slide(std::int64_t id) {
    return edit("slide delete " + std::to_string(id), [&](Store& store) -> Revert {
        const Slide before = stored_slide(store, id);
        wardscope::delete_slide(store, id);
        return [before](Store& s) { restore_slide(s, before); };
    });
}

std::string Dashboard::move_slide(std::int64_t id, int position) {
    return edit("slide move " + std::to_string(id), [&](Store& store) -> Revert {
        const int before = stored_slide(store, id).position;
        wardscope::move_slide(store, id, position);
        return [id, before](Store& s) { wardscope::move_slide(s, id, before); };
    });
}

void Dashboard::handle_slide_keys() {
    if (model_.slides.empty() || ImGui::GetIO().WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        return;
    const bool next = ImGui::IsKeyPressed(GLFW_KEY_RIGHT) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN);
    const bool previous = ImGui::IsKeyPressed(GLFW_KEY_LEFT) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP);
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
    c.source = source_line(data_, shown_plans(data_, selection_, filter_), lang_);
    return c;
}

// The separator and two lines of text below the view, and the window's padding.
float Dashboard::caption_band_height() {
    const ImGuiStyle& style = ImGui::GetStyle();
    return 2 * ImGui::GetTextLineHeightWithSpacing() + 2 * style.ItemSpacing.y + style.WindowPadding.y;
}

void Dashboard::draw_caption_band() {
    const SlideCaption c = slide_caption();
    ImGui::Separator();
    const std::string heading = ui::format(S::caption_fmt(lang_), c.number, c.count, c.title.c_str());
    // One line each, cut at the edge rather than wrapped into the view above.
    ImGui::TextUnformatted(heading.c_str());
    ui::record_probe("slides.caption.title", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), c.number);
    ImGui::TextDisabled("%s", c.source.c_str());
    ui::record_probe("slides.caption.source", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void Dashboard::draw_slide_caption(ui::ViewContext& ctx) {
    const auto& slides = model_.slides;
    if (current_slide_ < 0 || current_slide_ >= static_cast<int>(slides.size())) return;
    const std::string caption = ui::format(S::caption_fmt(ctx.lang), current_slide_ + 1, static_cast<int>(slides.size()),
                                           slides[static_cast<std::size_t>(current_slide_)].name.c_str());
    const auto [p0, p1] = ui::corner_label(caption, true);
    ui::record_probe("slides.caption", p0, p1, current_slide_);
}

void Dashboard::draw_slides_panel(ui::ViewContext& ctx) {
    const Lang lang = ctx.lang;
    const float E = ui::em();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float w = std::min(24 * E, display.x * 0.45f);
    ImGui::SetNextWindowPos(ImVec2(display.x - w - E, 3 * E), ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(w, std::min(display.y * 0.7f, 30 * E)), ImGuiCond_Appearing);
    const std::string title = std::string(S::panel_title(lang)) + "###slides";
    if (!ImGui::Begin(title.c_str(), &slides_open_, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
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
    ui::text_wrapped_colored(ui::dim_text_color(), S::keys(lang));
    if (!slides.empty()) ui::text_wrapped_colored(ui::dim_text_color(), S::menu_hint(lang));
    ImGui::End();
}

}  // namespace wardscope::app
