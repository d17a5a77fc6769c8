#include "app/dashboard.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <future>
#include <iostream>
#include <memory>
#include <unordered_map>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "app/app.hpp"
#include "ui/widgets/annotations.hpp"
#include "ui/widgets/filter_bar.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/selection_chips.hpp"
#include "ui/widgets/spotlight.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/era.hpp"
#include "wardscope/error.hpp"
#include "wardscope/generation_diff.hpp"
#include "wardscope/records.hpp"
#include "wardscope/safe_files.hpp"
#include "wardscope/store.hpp"
#include "wardscope/utf8.hpp"
#include "wardscope/view_tables.hpp"
#include "wardscope/visible_text.hpp"

namespace wardscope::app {
namespace {

using ui::Lang;
using ui::Str;

// X(name, ja, en)
#define WS_SHELL_STRINGS(X)                                                        \
    X(language, "English", "日本語")                                               \
    X(language_tip, "表示言語を切り替え (Ctrl+L)", "Switch language (Ctrl+L)")     \
    X(font_smaller, "A−", "A−")                                                    \
    X(font_larger, "A+", "A+")                                                     \
    X(font_tip, "文字サイズ (Ctrl+= / Ctrl+- / Ctrl+0)", "Text size (Ctrl+= / Ctrl+- / Ctrl+0)") \
    X(present, "発表モード", "Present")                                            \
    X(slides_fmt, "スライド (%d)", "Slides (%d)")                                  \
    X(png, "PNG", "PNG")                                                           \
    X(png_tip, "このビューをPNGで保存 (Ctrl+S)", "Save this view as PNG (Ctrl+S)")  \
    X(slides_tip, "保存したビューを順に表示 (PageUp PageDown、発表中は ← → も)",      \
      "Saved views, shown in order (PageUp PageDown; ← → too while presenting)")    \
    X(present_tip, "全画面・大きな文字・高コントラスト (F5、Escで終了)",           \
      "Full screen, large type, high contrast (F5; Esc leaves)")                   \
    X(status, "%d 自治体 · %d 計画 · 今年度 %s", "%d {municipality|municipalities} · %d {plan|plans} · this FY %s") \
    X(synthetic, "合成データ", "synthetic data")                                   \
    X(synthetic_tip, "架空のデータです。実在の計画ではありません。",               \
      "Generated data: not real plans.")                                           \
    X(sample, "サンプル観測値を含む", "includes sample observations")              \
    X(sample_tip, "%d 件の観測値はサンプル(例示)データです。",                    \
      "%d {observation is|observations are} sample data, not real measurements.")                   \
    X(history_loading, "KPI実績を読み込み中…", "loading KPI results…")              \
    X(no_plans, "データベースに計画がありません。wardscope import で取り込んでください。", \
      "The database holds no plans. Add some with wardscope import.")              \
    X(changed, "データベースが更新されました", "The database has changed")          \
    X(reload, "再読み込み", "Reload")                                              \
    X(reload_failed, "再読み込みできません: ", "Cannot reload: ")                  \
    X(skipped_rows, "件の壊れた行を読み飛ばしました(ログ参照): ", " damaged rows left out (see the log): ") \
    X(undone, "元に戻しました: ", "Undone: ")                                      \
    X(redone, "やり直しました: ", "Redone: ")                                      \
    X(show_change, "表示", "Show")                                                 \
    /* the words of the undo/redo messages (note_subject, slide_subject), for the glyph set */ \
    X(change_words, "メモを追加変更削除実績値スライド「」を保存更新名前移動（）対応確定解除判断取消話者の", "“”")  \
    X(eras, "令和平成元年度", "FY")

namespace S {
WS_SHELL_STRINGS(WS_STR_DECLARE)
}  // namespace S

int this_fiscal_year() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return fiscal_year_of(local.tm_year + 1900, local.tm_mon + 1);
}

}  // namespace

FrameRequests& FrameRequests::operator|=(const FrameRequests& o) {
    rebuild_fonts |= o.rebuild_fonts;
    restyle |= o.restyle;
    save_png |= o.save_png;
    quit |= o.quit;
    return *this;
}

Dashboard::Dashboard(std::filesystem::path db_path, KpiHistoryLoad history, GlyphSet* glyphs, bool search_index)
    : db_path_(std::move(db_path)), watch_(db_path_) {
    search_index_ = search_index;
    current_fiscal_year_ = this_fiscal_year();
    load(history, glyphs);
}

Dashboard::~Dashboard() {
    if (pending_history_.valid()) pending_history_.wait();
    if (pending_indexes_.valid()) pending_indexes_.wait();  // it reads data_
}

void Dashboard::reload() { load(KpiHistoryLoad::with_plans); }

void Dashboard::reread(Reread scope) {
    if (scope == Reread::everything) return reload();
    receive_kpi_history(true);  // a start-up's history, if it is still coming: the plans stay, so it holds
    DatasetReader reader(Store::open(db_path_, OpenMode::read_only));
    reader.begin();  // the user's rows and the history from one snapshot
    ui::ModelInputs inputs = read_user_rows(reader.store());
    if (scope == Reread::kpi_history) {
        data_.observations = reader.observations();
        make_text_visible(data_.observations);
    }
    ui::set_user_rows(model_, std::move(inputs));
    if (scope == Reread::kpi_history) ui::add_kpi_history(model_);
    data_changed();
}

ui::ModelInputs Dashboard::read_user_rows(const Store& store) {
    ui::ModelInputs inputs;
    // A damaged note or slide row is left out, never a failed start: said on
    // screen and in the log.
    skipped_rows.clear();
    inputs.annotations = load_annotations(store, &skipped_rows);
    inputs.slides = load_slides(store, &skipped_rows);
    inputs.match_overrides = load_match_overrides(store, &skipped_rows);
    inputs.groups = read_municipality_groups(store, &skipped_rows);
    inputs.source_label = db_path_.filename().string();
    inputs.data_version = model_.data_version + 1;
    make_text_visible(inputs.annotations);
    make_text_visible(inputs.slides);
    for (MunicipalityGroup& g : inputs.groups) make_visible(g.name);  // another tool may have written anything
    for (std::string& message : skipped_rows) {
        std::cerr << "wardscope: " << db_path_.string() << ": " << message << "\n";
        make_visible(message);  // it quotes the row's text, shown in the status bar
    }
    skipped_rows_noticed_ = false;  // the status bar says so, in the language shown then
    return inputs;
}

void Dashboard::load(KpiHistoryLoad history, GlyphSet* glyphs) {
    if (pending_history_.valid()) pending_history_.wait();  // its snapshot is superseded by this one
    pending_history_ = {};
    if (pending_indexes_.valid()) pending_indexes_.wait();  // it reads the data replaced here
    pending_indexes_ = {};
    // The history wanted now is read beside the plans, on a second connection;
    // a start-up's is read after them, so that they come first.
    const HistoryRead read = history == KpiHistoryLoad::with_plans ? HistoryRead::beside_plans : HistoryRead::later;
    auto reader = std::make_unique<DatasetReader>(Store::open(db_path_, OpenMode::read_only), read);
    data_ = reader->plans();
    ui::ModelInputs inputs = read_user_rows(reader->store());
    inputs.any_sample_observations = reader->any_sample_observations();
    make_text_visible(data_);  // a NUL from another tool shows as 〓, never reaches ImGui
    if (history == KpiHistoryLoad::with_plans) {
        data_.observations = reader->observations();
        make_text_visible(data_.observations);
    }
    // The reader (and its open snapshot) moves to the loading thread; nothing
    // here touches it again.
    if (history == KpiHistoryLoad::in_background)
        pending_history_ = std::async(std::launch::async, [reader = std::move(reader)] { return reader->observations(); });
    if (glyphs) {
        for_each_display_string(inputs.annotations, inputs.slides, [&](std::string_view text) { glyphs->add(text); });
        for (const MunicipalityGroup& g : inputs.groups) glyphs->add(g.name);  // the user's group names are drawn
        // Both only read the data: the glyphs are collected while the model is built.
        std::future<ui::Model> building =
            std::async(std::launch::async, [&] { return ui::build_model(data_, std::move(inputs)); });
        collect_data_glyphs(*glyphs);
        model_ = building.get();
    } else {
        model_ = ui::build_model(data_, std::move(inputs));
    }
    // The indexes (search, similar measures) are built once a start-up has
    // shown its first frame (start_indexes); elsewhere (a reload, a shot)
    // they come with the model.
    indexes_deferred_ = history == KpiHistoryLoad::in_background;
    if (!indexes_deferred_) ui::add_indexes(model_, ui::build_indexes(data_, search_index_));
    if (history == KpiHistoryLoad::with_plans) ui::add_kpi_history(model_);
    selection_.drop_missing(data_);  // keep the selection where it still exists
    data_changed();
}

void Dashboard::data_changed() {
    for (auto& v : views_) v->on_data(model_);
    filter_bar_.on_data();
    requests_.rebuild_fonts = true;  // new text may need new glyphs
}

bool Dashboard::show_view(std::string_view id) {
    const int i = ui::find_view(views_, id);
    if (i < 0) return false;
    view_ = static_cast<std::size_t>(i);
    return true;
}

bool Dashboard::check_database_on_disk() {
    if (!watch_.changed() || changed_on_disk_) return false;
    changed_on_disk_ = true;
    return true;
}

FrameRequests Dashboard::take_requests() { return std::exchange(requests_, FrameRequests{}); }

std::string Dashboard::edit(std::string description, const std::function<Change(Store&)>& write) {
    // The history's read must end first, or this write would wait for it.
    if (pending_history_.valid()) pending_history_.wait();
    try {
        {
            Store store = Store::open(db_path_, OpenMode::read_write);
            undo_steps_.push_back({description, write(store)});
        }
        redo_steps_.clear();  // a new edit: what was undone before it cannot come back on top of it
        watch_.accept();  // our own write is not another process's
        reread_after_edit(undo_steps_.back().change.reread);
        ++edit_count_;
        last_edit_ = std::move(description);
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

namespace {

// The first `count` characters of `text` (whole code points), with "…" when cut.
std::string first_characters(std::string_view text, std::size_t count) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == count) return std::string(text.substr(0, i)) + "…";
    return std::string(text);
}

}  // namespace

Dashboard::EditSubject Dashboard::note_subject(const ItemRef& item, bool had_note, bool has_note) const {
    EditSubject s;
    const char* ja = !had_note ? "メモを追加" : has_note ? "メモを変更" : "メモを削除";
    const char* en = !had_note ? "note added" : has_note ? "note changed" : "note deleted";
    std::string where_ja, where_en;
    if (const Plan* plan = data_.find_plan(item.plan_id))
        if (const Municipality* m = data_.find_municipality(plan->municipality_id)) {
            where_ja = m->name_ja;
            where_en = m->name_en.empty() ? m->name_ja : m->name_en;
        }
    const std::string text = first_characters(item_text(data_, item), 24);
    auto place = [&](const std::string& where) { return where.empty() ? text : text.empty() ? where : where + " · " + text; };
    s.ja = std::string(ja) + "（" + place(where_ja) + "）";
    s.en = std::string(en) + " (" + place(where_en) + ")";
    s.view = item.kind == ItemKind::node ? "explorer" : "swot";
    s.plan_id = item.plan_id;
    if (item.kind == ItemKind::node) s.node_id = item.item_id;
    return s;
}

Dashboard::EditSubject Dashboard::slide_subject(const char* ja_action, const char* en_action, std::string_view name,
                                                const char* ja_particle) const {
    const std::string short_name = first_characters(name, 24);
    return {"スライド「" + short_name + "」" + ja_particle + ja_action, "slide “" + short_name + "” " + en_action, "", "", ""};
}

std::string Dashboard::add_observation(const std::string& plan_id, const std::string& indicator_id,
                                       std::string_view fiscal_year, std::string_view value, std::string_view source) {
    EditSubject subject{"実績値を追加（" + indicator_id + " · " + std::string(fiscal_year) + "）",
                        "result added (" + indicator_id + " · " + std::string(fiscal_year) + ")", "kpi", plan_id, ""};
    if (const Plan* plan = data_.find_plan(plan_id))
        for (const Indicator& i : plan->indicators)
            if (i.id == indicator_id) {
                const std::string name = first_characters(i.name, 24);
                subject.ja = "実績値を追加（" + name + " · " + std::string(fiscal_year) + "）";
                subject.en = "result added (" + first_characters(i.name_en.empty() ? i.name : i.name_en, 24) + " · " +
                             std::string(fiscal_year) + ")";
            }
    return edit("observation " + plan_id + " " + indicator_id, [&](Store& store) -> Change {
        // Redone, the value gets a new row id: both directions share it.
        auto id = std::make_shared<std::int64_t>(add_user_observation(store, plan_id, indicator_id, fiscal_year, value, source));
        return {[id](Store& s) { delete_user_observation(s, *id); },
                [id, plan_id, indicator_id, fy = std::string(fiscal_year), v = std::string(value), src = std::string(source)](
                    Store& s) { *id = add_user_observation(s, plan_id, indicator_id, fy, v, src); },
                subject, Reread::kpi_history};
    });
}

std::string Dashboard::set_annotation(const ItemRef& item, std::string_view note, std::optional<int> vote) {
    const std::string what = "annotation " + item.plan_id + " " + std::string(to_string(item.kind)) + " " + item.item_id;
    return edit(what, [&](Store& store) -> Change {
        const std::optional<Annotation> before = find_annotation(store, item);
        wardscope::set_annotation(store, item, note, vote);
        const std::optional<Annotation> after = find_annotation(store, item);
        return {[item, before](Store& s) { restore_annotation(s, item, before); },
                [item, after](Store& s) { restore_annotation(s, item, after); },
                note_subject(item, before.has_value(), after.has_value())};
    });
}

std::string Dashboard::decide_match(MatchEdit what, const std::string& plan_a, const std::string& item_a,
                                    const std::string& plan_b, const std::string& item_b) {
    const char* verb = what == MatchEdit::confirm ? "confirm" : what == MatchEdit::break_match ? "break" : "clear";
    const char* ja = what == MatchEdit::confirm ? "対応を確定" : what == MatchEdit::break_match ? "対応を解除" : "対応の判断を取消";
    const char* en = what == MatchEdit::confirm ? "match confirmed" : what == MatchEdit::break_match ? "match broken" : "match decision cleared";
    const std::string pair = plan_a + " " + item_a + " / " + plan_b + " " + item_b;
    return edit(std::string(verb) + " match " + pair, [&](Store& store) -> Change {
        std::vector<MatchOverride> before = match_overrides_of(store, plan_a, plan_b);
        switch (what) {
            case MatchEdit::confirm: confirm_match(store, plan_a, item_a, plan_b, item_b); break;
            case MatchEdit::break_match: break_match(store, plan_a, item_a, plan_b, item_b); break;
            case MatchEdit::clear: clear_match_decision(store, plan_a, item_a, plan_b, item_b); break;
        }
        std::vector<MatchOverride> after = match_overrides_of(store, plan_a, plan_b);
        return {[plan_a, plan_b, before = std::move(before)](Store& s) { restore_match_overrides(s, plan_a, plan_b, before); },
                [plan_a, plan_b, after = std::move(after)](Store& s) { restore_match_overrides(s, plan_a, plan_b, after); },
                EditSubject{std::string(ja) + "（" + pair + "）", std::string(en) + " (" + pair + ")", "compare", plan_b, item_b}};
    });
}

std::string Dashboard::set_group_member(const std::string& group, const std::string& municipality_id, bool member) {
    const std::string name = group_name_of(group);
    const std::string town_ja = municipality_name(data_, municipality_id, ui::Lang::ja);
    const std::string town_en = municipality_name(data_, municipality_id, ui::Lang::en);
    return edit(std::string(member ? "add " : "remove ") + municipality_id + " group " + name, [&](Store& store) -> Change {
        if (member) {
            std::vector<GroupMember> added = add_group_members(store, name, {municipality_id});
            return {[name, municipality_id, added](Store& s) { if (!added.empty()) remove_group_members(s, name, {municipality_id}); },
                    [added](Store& s) { restore_group_members(s, added); },
                    EditSubject{"グループ「" + name + "」に追加（" + town_ja + "）", "added to the group '" + name + "' (" + town_en + ")", "", "", ""}};
        }
        std::vector<GroupMember> removed = remove_group_members(store, name, {municipality_id});
        return {[removed](Store& s) { restore_group_members(s, removed); },
                [name, municipality_id](Store& s) { remove_group_members(s, name, {municipality_id}); },
                EditSubject{"グループ「" + name + "」から削除（" + town_ja + "）", "removed from the group '" + name + "' (" + town_en + ")", "", "", ""}};
    });
}

std::string Dashboard::undo() { return replay(true); }
std::string Dashboard::redo() { return replay(false); }

std::string Dashboard::replay(bool undoing) {
    std::vector<EditStep>& from = undoing ? undo_steps_ : redo_steps_;
    std::vector<EditStep>& to = undoing ? redo_steps_ : undo_steps_;
    if (from.empty()) return {};
    try {
        {
            Store store = Store::open(db_path_, OpenMode::read_write);
            (undoing ? from.back().change.undo : from.back().change.redo)(store);
        }
        watch_.accept();
        reread_after_edit(from.back().change.reread);
        ++edit_count_;
        EditStep step = std::move(from.back());
        from.pop_back();
        last_edit_ = (undoing ? "undo " : "redo ") + step.description;
        // Named even when it is not on screen, with a link to it.
        const EditSubject& subject = step.change.subject;
        notice_ = std::string(undoing ? S::undone(lang_) : S::redone(lang_)) + (lang_ == Lang::en ? subject.en : subject.ja);
        notice_link_ = subject;
        to.push_back(std::move(step));
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::string Dashboard::write_export(const std::filesystem::path& path, std::string_view bytes) {
    try {
        refuse_database_as_output(path, db_path_);
        write_file_atomically(path, bytes);
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::optional<Table> Dashboard::view_table(std::string_view id) {
    const bool english = lang_ == ui::Lang::en;
    if (id == "plans") {
        std::vector<std::size_t> kept;
        for (std::size_t i = 0; i < data_.plans.size(); ++i)
            if (filter_.passes(data_, data_.plans[i])) kept.push_back(i);
        return plans_table(data_, kept, english);
    }
    const int v = ui::find_view(views_, id);
    if (v < 0) throw Error("no view called " + std::string(id));
    // As a shot sees it: no hover, no editing.
    ui::ViewContext ctx{data_, model_, selection_, filter_, lang_, 1.0f, current_fiscal_year_, true, nullptr, nullptr, {}};
    return views_[static_cast<std::size_t>(v)]->table(ctx);
}

void Dashboard::follow_notice_link() {
    const EditSubject link = notice_link_;
    if (link.view.empty()) return;
    show_view(link.view);
    if (!link.plan_id.empty() && data_.find_plan(link.plan_id)) selection_.select_plan(data_, link.plan_id, link.node_id);
    notice_.clear();
    notice_link_ = {};
}

bool Dashboard::receive_kpi_history(bool wait) {
    if (!pending_history_.valid()) return false;
    if (!wait && pending_history_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    try {
        data_.observations = pending_history_.get();
        make_text_visible(data_.observations);
        ui::add_kpi_history(model_);
        for (auto& v : views_) v->on_data(model_);
        filter_bar_.on_data();
    } catch (const std::exception& e) {
        reload_error_ = e.what();  // the plans stay on screen; the status bar says why the KPI results are missing
    }
    requests_.rebuild_fonts |= wait;  // outside a frame: the atlas is rebuilt with the sources' glyphs
    return true;
}

void Dashboard::start_indexes() {
    if (!indexes_deferred_) return;
    indexes_deferred_ = false;
    pending_indexes_ = std::async(std::launch::async, [this] { return ui::build_indexes(data_, search_index_); });
}

bool Dashboard::receive_indexes(bool wait) {
    if (wait) start_indexes();
    if (!pending_indexes_.valid()) return false;
    if (!wait && pending_indexes_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    ui::add_indexes(model_, pending_indexes_.get());
    return true;
}

void Dashboard::reread_after_edit(Reread scope) {
    // Views hold pointers into the data until the frame ends: the next frame rereads.
    reread_pending_ = reread_pending_ ? std::max(*reread_pending_, scope) : scope;
}

void Dashboard::collect_glyphs(GlyphSet& g) const {
    collect_data_glyphs(g);
    for_each_display_string(model_.annotations, model_.slides, [&](std::string_view text) { g.add(text); });
}

void Dashboard::collect_data_glyphs(GlyphSet& g) const {
    std::vector<const char*> out;
    ui::append_widget_strings(out);
    for (const auto& v : views_) v->append_strings(out);
    WS_SHELL_STRINGS(WS_STR_COLLECT)
    ui::append_filter_bar_strings(out);
    append_slide_strings(out);
    append_presenter_strings(out);
    g.add(out);
    g.add(db_path_.string());
    for_each_display_string(data_, [&](std::string_view text) { g.add(text); });
    g.add(typed_glyphs_);
    for (const std::string& message : skipped_rows) g.add(message);  // a damaged slide's name
}

float Dashboard::font_pixel_size(float content_scale) const {
    const int preset = std::clamp(font_preset_, 0, static_cast<int>(std::size(font_size_presets)) - 1);
    return std::round(font_size_presets[preset] * content_scale);
}

void Dashboard::apply_style(float scale) const {
    ImGuiStyle style;
    if (presenting_) {
        // Projectors wash out dark themes and thin lines: light, high contrast.
        ImGui::StyleColorsLight(&style);
        style.Colors[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
        style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.25f, 0.25f, 0.25f, 1);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
        style.Colors[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
        style.Colors[ImGuiCol_Border] = ImVec4(0.1f, 0.1f, 0.1f, 0.6f);
        style.FrameBorderSize = 1;
    } else {
        ImGui::StyleColorsDark(&style);
    }
    // Popups, menus, dialogs and panels are opaque: text behind them never
    // shows through (ImGui's themes make them slightly see-through).
    for (ImGuiCol c : {ImGuiCol_WindowBg, ImGuiCol_PopupBg, ImGuiCol_MenuBarBg, ImGuiCol_TitleBg, ImGuiCol_TitleBgActive,
                       ImGuiCol_TitleBgCollapsed})
        style.Colors[c].w = 1.0f;
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

void Dashboard::handle_shortcuts() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (io.KeyCtrl) {
        for (std::size_t i = 0; i < views_.size() && i < 9; ++i)
            if (ImGui::IsKeyPressed(GLFW_KEY_1 + static_cast<int>(i), false)) view_ = i;
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) change_font_preset(font_preset_ + 1);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) change_font_preset(font_preset_ - 1);
        if (ImGui::IsKeyPressed(GLFW_KEY_0, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_0, false)) {
            if (presenting_) set_presenting(true, io.DisplaySize.y);
            else set_font_preset(default_font_preset);
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_L, false)) lang_ = lang_ == Lang::ja ? Lang::en : Lang::ja;
        if (ImGui::IsKeyPressed(GLFW_KEY_Q, false)) requests_.quit = true;
        // Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo.
        if (ImGui::IsKeyPressed(GLFW_KEY_Z, false) && !io.KeyShift && can_undo()) undo();
        if (((ImGui::IsKeyPressed(GLFW_KEY_Z, false) && io.KeyShift) || ImGui::IsKeyPressed(GLFW_KEY_Y, false)) && can_redo())
            redo();
        if (ImGui::IsKeyPressed(GLFW_KEY_S, false)) requests_.save_png = true;
    }
    // Esc closes the topmost popup (dropdowns, menus, dialogs) first; then
    // the black screen; then it leaves presentation mode.
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        if (ui::close_topmost_popup()) return;
        if (black_screen_) black_screen_ = false;
        else if (presenting_) set_presenting(false, io.DisplaySize.y);
        return;
    }
    handle_slide_keys();
    if (ImGui::IsKeyPressed(GLFW_KEY_F5, false)) set_presenting(!presenting_, io.DisplaySize.y);
}

void Dashboard::set_font_preset(int preset) {
    preset = std::clamp(preset, 0, static_cast<int>(std::size(font_size_presets)) - 1);
    if (preset != font_preset_) font_preset_ = preset, requests_.rebuild_fonts = true;
}

void Dashboard::change_font_preset(int preset) {
    set_font_preset(preset);
    fit_presentation_text_ = false;
}

void Dashboard::set_presenting(bool on, float display_height) {
    if (on != presenting_) requests_.restyle = true;
    presenting_ = on;
    fit_presentation_text_ = on;
    set_font_preset(on ? presentation_font_preset(display_height) : default_font_preset);
    if (!on) end_slide_show();  // back to the view the user left
}

void Dashboard::fit_presentation_text(float display_height) {
    if (!presenting_ || !fit_presentation_text_ || display_height <= 0) return;
    set_font_preset(presentation_font_preset(display_height));
}

void Dashboard::draw_top_bar(ui::ViewContext& ctx) {
    const float w = ui::em();
    for (std::size_t i = 0; i < views_.size(); ++i) {
        const ui::View& v = *views_[i];
        const bool active = i == view_;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(v.title(ctx.lang))) view_ = i;
        if (active) ImGui::PopStyleColor();
        // Tests measure the rendered text height inside the button's frame.
        if (ui::probes_enabled())
            ui::record_probe(std::string("shell.tab/") + v.id(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                         ImGui::GetFontSize());
        if (!screenshot_ && i < 9 && ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+%d", static_cast<int>(i) + 1);
        ImGui::SameLine();
    }
    // Right-aligned controls: language, text size, presentation.
    const ImGuiStyle& style = ImGui::GetStyle();
    const auto button_w = [&](const char* s) { return ImGui::CalcTextSize(s).x + style.FramePadding.x * 2; };
    const std::string slides_label = ui::format(S::slides_fmt(ctx.lang), static_cast<int>(model_.slides.size()));
    const float controls = button_w(S::language(ctx.lang)) + button_w(S::font_smaller(ctx.lang)) +
                           button_w(S::font_larger(ctx.lang)) + button_w(slides_label.c_str()) +
                           button_w(S::png(ctx.lang)) + button_w(S::present(ctx.lang)) + style.ItemSpacing.x * 5;
    const float x = ImGui::GetWindowContentRegionMax().x - controls;
    if (x > ImGui::GetCursorPosX() + w) ImGui::SetCursorPosX(x);
    else ImGui::NewLine();
    if (ImGui::Button(S::language(ctx.lang))) lang_ = lang_ == Lang::ja ? Lang::en : Lang::ja;
    if (!screenshot_ && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", S::language_tip(ctx.lang));
    ImGui::SameLine();
    if (ImGui::Button(S::font_smaller(ctx.lang))) change_font_preset(font_preset_ - 1);
    if (!screenshot_ && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", S::font_tip(ctx.lang));
    ImGui::SameLine();
    if (ImGui::Button(S::font_larger(ctx.lang))) change_font_preset(font_preset_ + 1);
    if (!screenshot_ && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", S::font_tip(ctx.lang));
    ImGui::SameLine();
    if (ImGui::Button(slides_label.c_str())) slides_open_ = !slides_open_;
    ui::record_probe("shell.slides", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!screenshot_ && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", S::slides_tip(ctx.lang));
    ImGui::SameLine();
    if (ImGui::Button(S::png(ctx.lang))) requests_.save_png = true;
    if (!screenshot_ && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", S::png_tip(ctx.lang));
    ImGui::SameLine();
    if (ImGui::Button(S::present(ctx.lang))) set_presenting(!presenting_, ImGui::GetIO().DisplaySize.y);
    if (!screenshot_ && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", S::present_tip(ctx.lang));
}

void Dashboard::draw_status_bar(ui::ViewContext& ctx) {
    ImGui::Separator();
    const ui::Model& d = model_;
    ImGui::TextDisabled("%s", d.source_label.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", ui::format(S::status(ctx.lang), d.municipality_count, d.plan_count,
                                         fiscal_year_label(current_fiscal_year_).c_str()).c_str());
    if (d.synthetic_plans > 0) {
        ImGui::SameLine();
        ui::badge(S::synthetic(ctx.lang), IM_COL32(200, 40, 40, 255), IM_COL32_WHITE);
        if (!screenshot_ && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", S::synthetic_tip(ctx.lang));
    }
    if (d.any_sample_observations) {
        ImGui::SameLine();
        ui::badge(S::sample(ctx.lang), IM_COL32(210, 120, 0, 255), IM_COL32_WHITE);
        if (!screenshot_ && d.kpi_history_loaded && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", ui::format(S::sample_tip(ctx.lang), d.sample_observations).c_str());
    }
    if (pending_history_.valid()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", S::history_loading(ctx.lang));
    }
    draw_reload_offer(ctx);
    if (!notice_.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", notice_.c_str());
        if (notice_has_link()) {
            ImGui::SameLine();
            if (ImGui::SmallButton(S::show_change(ctx.lang))) follow_notice_link();
            notice_link_hovered_ = ImGui::IsItemHovered();
            ui::record_probe("shell.notice.link", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        }
    }
}

void Dashboard::draw_reload_offer(ui::ViewContext& ctx) {
    if (!changed_on_disk_ && reload_error_.empty()) return;
    ImGui::SameLine();
    if (!reload_error_.empty())
        ImGui::TextColored(ImVec4(1, 0.4f, 0.3f, 1), "%s%s", S::reload_failed(ctx.lang), reload_error_.c_str());
    else
        ui::badge(S::changed(ctx.lang), ui::accent_color(), IM_COL32_BLACK);
    ImGui::SameLine();
    const bool clicked = ImGui::SmallButton(S::reload(ctx.lang));
    ui::record_probe("shell.reload", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!clicked) return;
    // Reloaded before the next frame's views (they hold pointers into the data);
    // a failed reload keeps the data on screen and says why, and the button retries.
    reread_pending_ = Reread::everything;
    changed_on_disk_ = false;
}

void Dashboard::draw_view(ui::ViewContext& ctx) {
    if (data_.plans.empty()) {
        ui::text_wrapped(S::no_plans(ctx.lang));
        return;
    }
    ui::View& v = *views_[view_];
    ImGui::PushID(v.id());
    v.draw(ctx);
    ImGui::PopID();
}

FrameRequests Dashboard::draw_frame() {
    ui::attach_widget_state(&widgets_);  // the widgets of this window draw with this dashboard's state
    // Tab and the arrow keys move through controls, lists and tables (Space/Enter
    // activate); while presenting the arrow keys are the clicker's, for slides.
    int& config = ImGui::GetIO().ConfigFlags;
    if (presenting_) config &= ~ImGuiConfigFlags_NavEnableKeyboard;
    else config |= ImGuiConfigFlags_NavEnableKeyboard;
    if (receive_kpi_history(false))
        for (std::size_t i = 0; i < data_.observations.size(); ++i)  // sources are grouped: check each once
            if (i == 0 || data_.observations[i].source != data_.observations[i - 1].source)
                ui::ensure_glyphs(data_.observations[i].source);
    if (receive_indexes(false)) {
        for (auto& v : views_) v->on_data(model_);  // what they derived without the indexes (similar measures, a diff)
        filter_bar_.on_data();
    }
    if (reread_pending_) {
        const Reread scope = *reread_pending_;
        reread_pending_.reset();
        try {
            reread(scope);
            reload_error_.clear();
        } catch (const std::exception& e) {
            reload_error_ = e.what();
        }
    }
    handle_shortcuts();
    const ImGuiIO& io = ImGui::GetIO();
    fit_presentation_text(io.DisplaySize.y);  // fullscreen may have changed the screen since the last frame
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
    // An exported slide has no frame around it either.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, slide_frame_ == SlideFrame::app ? ImGui::GetStyle().WindowBorderSize : 0.0f);
    ImGui::Begin("##wardscope", nullptr, flags);
    ImGui::PopStyleVar();
    // Presenting is for the room: no editing controls (the views show them only with an editor).
    const bool read_only = screenshot_ || presenting_;
    ui::ViewContext ctx{data_, model_, selection_, filter_, lang_, ui::em() / font_size_presets[default_font_preset],
                        current_fiscal_year_, screenshot_, read_only ? nullptr : this,
                        read_only ? nullptr : &annotation_editor_, {}, presenting_};
    // Exported slides show the view and their caption only (SlideFrame).
    const bool chrome = slide_frame_ == SlideFrame::app;
    if (chrome) {
        // Presenting, the large type is for the view; the tabs and buttons are for
        // the presenter and keep to one row, even on a 1280×800 projector.
        if (presenting_) ImGui::SetWindowFontScale(presentation_chrome_scale);
        draw_top_bar(ctx);
        ImGui::SetWindowFontScale(1.0f);
        if (!presenting_) {
            ui::draw_filter_bar(ctx, filter_, filter_bar_);
            ui::draw_selection_chips(ctx);  // deliberate selection: every selected plan in sight
        }
        ImGui::Separator();
    }
    // Below the view: the status bar, or presenting (and on an exported slide), the thin caption (at the chrome's size).
    const bool caption = presenting_ ? chrome || slide_frame_ == SlideFrame::content_and_caption
                                     : slide_frame_ == SlideFrame::content_and_caption;
    const float status_height = caption ? caption_height()
                                : chrome ? ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y
                                         : 0;
    ImGui::BeginChild("##view", ImVec2(0, -status_height), false);
    // Tests read the view's place and its text size (presenting: the large type).
    if (ui::probes_enabled())
        ui::record_probe("shell.view", ImGui::GetWindowPos(),
                         ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y),
                         ImGui::GetFontSize());
    ctx.lang = lang_;  // a toggle in the top bar applies from this frame on
    widgets_.spotlight.begin_frame(presenting_);  // shots too: a slide's spotlight is part of the picture
    draw_view(ctx);
    const ImVec2 view_min = ImGui::GetWindowPos();
    const ImVec2 view_max(view_min.x + ImGui::GetWindowSize().x, view_min.y + ImGui::GetWindowSize().y);
    ImGui::EndChild();
    widgets_.spotlight.end_frame(view_min, view_max);
    if (!skipped_rows.empty() && !skipped_rows_noticed_) {
        notice_ = std::to_string(skipped_rows.size()) + S::skipped_rows(ctx.lang) + skipped_rows.front();
        skipped_rows_noticed_ = true;
    }
    if (chrome && !presenting_) draw_status_bar(ctx);
    if (caption) draw_room_caption(ctx);
    if (chrome && presenting_ && !notice_.empty()) ui::corner_label(notice_, false);  // no status bar while presenting
    // Seen: the next click dismisses it (unless it is on the notice's link, which shows what changed).
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !notice_link_hovered_) notice_.clear(), notice_link_ = {};
    ImGui::End();
    if (ui::probes_enabled())  // tests wait for a dropdown to open and for Esc to close it
        ui::record_probe("shell.popups", ImVec2(0, 0), ImVec2(0, 0), ImGui::GetCurrentContext()->OpenPopupStack.Size);
    if (slides_open_ && !screenshot_) draw_slides_panel(ctx);
    if (!slides_open_ && !presenting_ && before_show_) end_slide_show();  // the panel closed: back to the user's view
    if (!read_only) annotation_editor_.draw(ctx);
    if (black_screen_ && presenting_)  // the clicker's B / period: the room looks at the speaker
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32_BLACK);
    if (!ctx.open_view.empty()) show_view(ctx.open_view);
    if (std::string typed = widgets_.glyphs.take(); !typed.empty()) {
        typed_glyphs_ += typed;
        requests_.rebuild_fonts = true;
    }
    return take_requests();
}

}  // namespace wardscope::app
