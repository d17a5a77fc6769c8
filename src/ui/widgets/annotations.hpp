// Notes and priority votes in the views: every annotatable item (SWOT item,
// cross-SWOT strategy, plan node) shows a badge when it has a note or vote,
// its tooltip shows the note, and a right-click opens the editor.
#pragma once

#include <string>
#include <vector>

#include "ui/widgets/ui_widgets.hpp"
#include "ui/view_context.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope::ui {

const Annotation* find_annotation(const ViewContext& ctx, const std::string& plan_id, ItemKind kind,
                                  const std::string& item_id);
// "★4 メモ" / "★4" / "メモ"; empty for none. For BlockOptions::mark.
std::string annotation_mark(const Annotation* annotation, Lang lang);
ImU32 annotation_color();
// Sets the block's mark to the item's note/vote; `storage` must outlive `options`.
void mark_annotation(const ViewContext& ctx, BlockOptions& options, std::string& storage, const std::string& plan_id,
                     ItemKind kind, const std::string& item_id);

// Right after drawing the item: its tooltip gets the note, a right-click
// offers the editor (only when the view can edit), and tests get a probe
// "annotatable/PLAN/KIND/ID".
void annotatable(ViewContext& ctx, const std::string& plan_id, ItemKind kind, const std::string& item_id);
// For a details pane: the item's vote and note, and a button to edit them.
void annotation_details(ViewContext& ctx, const ItemRef& item);
// The note and vote editor (a modal window): views open it through
// ViewContext::annotation_editor; the shell owns it and draws it once per frame.
class AnnotationEditor {
public:
    void open(const ItemRef& item);
    void draw(ViewContext& ctx);

private:
    bool pending_open_ = false;
    ItemRef item_;
    bool existed_ = false;
    char note_[max_note_bytes + 1] = "";
    int vote_ = 0;  // 0 = none
    std::string message_;
};

const char* item_kind_name(ItemKind kind, Lang lang);
// "メモ 3 · 投票 2" for a plan; empty when it has none.
std::string plan_annotations_text(const ViewContext& ctx, const std::string& plan_id);

}  // namespace wardscope::ui
