// "Similar municipalities" (issue #16) in the UI: the ways to pick a
// municipality's similar ones (same prefecture, same kind, each of the user's
// groups), for the filter bar's "similar" filter and compare's preset; and the
// editing of the user's groups (through the DataEditor: one undoable edit each).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui/view_context.hpp"
#include "wardscope/municipality_groups.hpp"

namespace wardscope::ui {

struct SimilarChoice {
    SimilarBy by = SimilarBy::prefecture;
    std::string group;                      // SimilarBy::group: the group's name
    std::string label;                      // "同じ都道府県（東京都）· 61"
    std::vector<std::string> municipality_ids;  // the similar ones, the municipality itself left out
};

// The choices for `municipality_id` (computed when asked: a menu is open, not every frame).
// Empty when the municipality is unknown.
std::vector<SimilarChoice> similar_choices(const ViewContext& ctx, const std::string& municipality_id);

// What the group editor keeps between frames: the name being typed, the last edit's message.
struct GroupEditorState {
    std::string name;
    std::string message;  // "" or what the last edit said was wrong
};
// Inside a menu: add `municipality_id` to a group (typed, or an existing one),
// or take it out of those it is in. Draws nothing without an editor (shots, tests).
void group_editor(ViewContext& ctx, GroupEditorState& state, const std::string& municipality_id);

// The "similar" menu for the selected municipality: a combo listing its
// similar_choices (one with no municipality is disabled), headed by the
// municipality's name, with the group editor below when `groups` is given.
// Probes: `probe` (the combo), `probe`/BY/GROUP (each choice; value = how
// many). Returns the choice picked in this frame.
struct SimilarMenu {
    const char* id = "##similar";
    std::string label, tip;
    std::string need;  // said in the open menu when no municipality is selected; empty: no menu then
    float width = 0;
    std::string probe;
    GroupEditorState* groups = nullptr;
};
std::optional<SimilarChoice> similar_menu(ViewContext& ctx, const SimilarMenu& menu);

void append_similar_strings(std::vector<const char*>& out);

}  // namespace wardscope::ui
