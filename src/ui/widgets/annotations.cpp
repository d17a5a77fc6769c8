#include "ui/widgets/annotations.hpp"

#include <algorithm>
#include <cstring>

#include <imgui.h>

#include "ui/data_editor.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/view_tables.hpp"

namespace wardscope::ui {
namespace {

// X(name, ja, en)
#define WS_ANNOTATION_STRINGS(X)                                                           \
    X(note_mark, "メモ", "note")                                                           \
    X(star, "★", "★")                                                                      \
    X(menu_edit, "メモ・優先度…", "Note and priority…")                                    \
    X(title, "メモと優先度", "Note and priority")                                          \
    X(priority, "優先度", "Priority")                                                      \
    X(no_vote, "なし", "none")                                                             \
    X(note, "メモ", "Note")                                                                \
    X(save, "保存", "Save")                                                                \
    X(remove, "削除", "Delete")                                                            \
    X(cancel, "キャンセル", "Cancel")                                                      \
    X(tooltip_vote, "優先度 %d / 5", "Priority %d of 5")                                   \
    X(not_in_plan, "(この項目は計画にありません)", "(no longer in the plan)")              \
    X(hint, "議論の要点、次の一手 …", "Points raised, next steps …")                        \
    X(edit_button, "メモ・優先度を編集…", "Edit note and priority…")                          \
    X(plan_counts_fmt, "メモ %d · 優先度投票 %d", "%d {note|notes} · %d priority {vote|votes}")

namespace S {
WS_ANNOTATION_STRINGS(WS_STR_DECLARE)
}  // namespace S

const char* const popup_id = "###annotation_editor";  // the title before ### changes with the language

std::string probe_name(const char* prefix, const ItemRef& item) {
    return std::string(prefix) + item.plan_id + "/" + std::string(to_string(item.kind)) + "/" + item.item_id;
}

}  // namespace

const char* item_kind_name(ItemKind kind, Lang lang) {
    return item_kind_label(kind, lang == Lang::en);
}

std::string plan_annotations_text(const ViewContext& ctx, const std::string& plan_id) {
    const auto counts = ctx.model.plan_annotations(plan_id);
    if (counts.notes + counts.votes == 0) return {};
    return format(S::plan_counts_fmt(ctx.lang), counts.notes, counts.votes);
}

const Annotation* find_annotation(const ViewContext& ctx, const std::string& plan_id, ItemKind kind,
                                  const std::string& item_id) {
    return ctx.model.find_annotation(plan_id, kind, item_id);
}

std::string annotation_mark(const Annotation* a, Lang lang) {
    if (!a) return {};
    std::string out;
    if (a->vote) out = std::string(S::star(lang)) + std::to_string(*a->vote);
    if (!a->note.empty()) out += (out.empty() ? "" : " ") + std::string(S::note_mark(lang));
    return out;
}

ImU32 annotation_color() { return IM_COL32(176, 120, 0, 255); }

void mark_annotation(const ViewContext& ctx, BlockOptions& options, std::string& storage, const std::string& plan_id,
                     ItemKind kind, const std::string& item_id) {
    storage = annotation_mark(find_annotation(ctx, plan_id, kind, item_id), ctx.lang);
    options.mark = storage;
    options.mark_color = annotation_color();
}

void annotatable(ViewContext& ctx, const std::string& plan_id, ItemKind kind, const std::string& item_id) {
    if (probes_enabled())
        record_probe(probe_name("annotatable/", {plan_id, kind, item_id}), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ctx.screenshot) return;
    if (ImGui::IsItemHovered())
        if (const Annotation* a = find_annotation(ctx, plan_id, kind, item_id)) {
            ImGui::BeginTooltip();  // appends to the item's own tooltip, if any
            ImGui::PushTextWrapPos(32.0f * em());
            if (a->vote) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(annotation_color()), S::tooltip_vote(ctx.lang), *a->vote);
            if (!a->note.empty()) ImGui::TextUnformatted(a->note.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    if (!ctx.editor) return;
    // The menu's id is the item's own, whatever ID scope the view draws it in.
    ImGui::PushID(plan_id.c_str(), plan_id.c_str() + plan_id.size());
    ImGui::PushID(static_cast<int>(kind));
    ImGui::PushID(item_id.c_str(), item_id.c_str() + item_id.size());
    if (ImGui::BeginPopupContextItem("##annotate")) {
        const bool chosen = ImGui::MenuItem(S::menu_edit(ctx.lang));
        if (probes_enabled()) record_probe("annotation.menu", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (chosen && ctx.annotation_editor) ctx.annotation_editor->open({plan_id, kind, item_id});
        ImGui::EndPopup();
    }
    ImGui::PopID();
    ImGui::PopID();
    ImGui::PopID();
}

void AnnotationEditor::open(const ItemRef& item) {
    pending_open_ = true;
    item_ = item;
    message_.clear();
    note_[0] = '\0';
    vote_ = 0;
    existed_ = false;
}

void annotation_details(ViewContext& ctx, const ItemRef& item) {
    const Annotation* a = find_annotation(ctx, item.plan_id, item.kind, item.item_id);
    if (a) {
        ImGui::Spacing();
        text_wrapped_colored(dim_text_color(), S::title(ctx.lang));
        if (a->vote) text_wrapped_colored(annotation_color(), format(S::tooltip_vote(ctx.lang), *a->vote));
        if (!a->note.empty()) text_wrapped(a->note);
    }
    if (!ctx.editor || !ctx.annotation_editor) return;
    if (ImGui::SmallButton(S::edit_button(ctx.lang))) ctx.annotation_editor->open(item);
    record_probe("annotation.details_edit", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void AnnotationEditor::draw(ViewContext& ctx) {
    const Lang lang = ctx.lang;
    if (pending_open_) {
        pending_open_ = false;
        if (const Annotation* a = ctx.model.find_annotation(item_.plan_id, item_.kind, item_.item_id)) {
            std::strncpy(note_, a->note.c_str(), max_note_bytes);
            note_[max_note_bytes] = '\0';
            vote_ = a->vote.value_or(0);
            existed_ = true;
        }
        ImGui::OpenPopup(popup_id);
    }
    if (!ImGui::IsPopupOpen(popup_id)) return;  // most frames: nothing to build
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(40.0f * em(), display.x * 0.9f), 0), ImGuiCond_Appearing);
    const std::string title = std::string(S::title(lang)) + popup_id;
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    const Plan* plan = ctx.data.find_plan(item_.plan_id);
    if (plan) text_wrapped_colored(dim_text_color(), plan_long_label(ctx.data, *plan, lang));
    const std::string text = item_text(ctx.data, item_);
    text_wrapped(std::string(item_kind_name(item_.kind, lang)) + ": " + (text.empty() ? item_.item_id : text));
    if (text.empty()) text_wrapped_colored(dim_text_color(), S::not_in_plan(lang));
    ImGui::Separator();

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(S::priority(lang));
    for (int v = 0; v <= max_vote; ++v) {
        ImGui::SameLine();
        const std::string label = v == 0 ? std::string(S::no_vote(lang)) : std::string(S::star(lang)) + std::to_string(v);
        if (ImGui::RadioButton(label.c_str(), vote_ == v)) vote_ = v;
        if (probes_enabled()) record_probe("annotation.vote/" + std::to_string(v), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    ImGui::TextUnformatted(S::note(lang));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##note", note_, sizeof note_, ImVec2(-1, 6 * ImGui::GetTextLineHeightWithSpacing()));
    if (ImGui::IsItemActive()) ensure_glyphs(note_);
    if (probes_enabled())  // 1 while active, and the text: tests type only into an active field
        record_probe("annotation.note", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::IsItemActive(), 0, note_);

    const auto apply = [&](std::string_view note, std::optional<int> vote) {
        message_ = ctx.editor ? ctx.editor->set_annotation(item_, note, vote) : std::string("read-only");
        if (message_.empty()) ImGui::CloseCurrentPopup();
        else ImGui::SetWindowSize(ImVec2(ImGui::GetWindowWidth(), 0.0f));  // grow to show it (issue #12, fault 9)
    };
    // Above the buttons, wrapped: the reason a save failed is where the eye is.
    if (!message_.empty()) text_wrapped_colored(IM_COL32(255, 115, 77, 255), message_);
    if (ImGui::Button(S::save(lang))) apply(note_, vote_ ? std::optional<int>(vote_) : std::nullopt);
    if (probes_enabled()) record_probe("annotation.save", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (existed_) {
        ImGui::SameLine();
        if (ImGui::Button(S::remove(lang))) apply({}, std::nullopt);
        if (probes_enabled()) record_probe("annotation.delete", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    ImGui::SameLine();
    if (ImGui::Button(S::cancel(lang)) || (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void append_annotation_strings(std::vector<const char*>& out) {
    WS_ANNOTATION_STRINGS(WS_STR_COLLECT)
}

}  // namespace wardscope::ui
