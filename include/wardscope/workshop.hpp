// What workshop participants add to the plans: notes and priority votes on
// plan items, and slides (saved views). Kept in user tables that re-importing
// plans never touches; an item that a later import drops keeps its note, shown
// as no longer in the plan. Every edit is one transaction.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope {

class Store;

// The kinds of plan item a note or vote can be attached to.
enum class ItemKind { swot, tows, node };  // SWOT item, cross-SWOT strategy, plan node (strategy, measure …)
std::string_view to_string(ItemKind);
std::optional<ItemKind> item_kind_from(std::string_view);

struct ItemRef {
    std::string plan_id;
    ItemKind kind = ItemKind::node;
    std::string item_id;
    auto operator<=>(const ItemRef&) const = default;
};

inline constexpr int min_vote = 1, max_vote = 5;
inline constexpr std::size_t max_note_bytes = 20000;

struct Annotation {
    std::int64_t id = 0;
    ItemRef item;
    std::string note;         // may be empty when only voted
    std::optional<int> vote;  // priority 1 (low) … 5 (high); none when not voted
    std::string updated_at;   // UTC, ISO 8601
};

// The item's text as the plan has it (SWOT text, strategy text, node label and
// name); empty when the plan no longer holds it.
std::string item_text(const Dataset& data, const ItemRef& item);
bool item_exists(const Dataset& data, const ItemRef& item);

// Sets an item's note and vote, replacing what it had; an empty note without a
// vote removes the annotation. The plan and item must exist in the database,
// the vote be 1–5 and the note valid UTF-8 of at most max_note_bytes. Throws
// Error listing every problem; nothing is written then.
void set_annotation(Store& store, const ItemRef& item, std::string_view note, std::optional<int> vote);
// The item's annotation as stored, if any (for undo).
std::optional<Annotation> find_annotation(const Store& store, const ItemRef& item);
// Undo: puts back what find_annotation gave before an edit, its time included,
// or removes the annotation when there was none. The item need not exist any
// more: a note kept for an item that a re-import dropped is undone as well.
void restore_annotation(Store& store, const ItemRef& item, const std::optional<Annotation>& before);
// By plan, kind, item. A row that cannot be read (a value of the wrong type,
// an unknown item kind, a vote out of range) throws Error naming it; given
// `skipped`, the row is left out and the message added there instead (the
// dashboard's start-up: it shows and logs them).
std::vector<Annotation> load_annotations(const Store& store, std::vector<std::string>* skipped = nullptr);

// Notes and votes, with the item's text and where it came from, for workshop minutes.
std::string annotations_to_csv(const Dataset& data, const std::vector<Annotation>& annotations);
std::string annotations_to_markdown(const Dataset& data, const std::vector<Annotation>& annotations);

// Everything a slide restores: the view, the linked selection, the filter bar,
// the view's own choices (mode, sort, colour map, drill-down …, as named
// strings the UI defines), the language, the text size and presentation mode.
struct SlideState {
    std::string view = "timeline";
    std::vector<std::string> plan_ids;
    std::string municipality_id;
    std::string node_id;
    std::vector<std::string> filter_municipality_ids;
    std::vector<std::string> filter_plan_kinds;
    std::string filter_municipality_kind;
    int filter_fiscal_year_from = 0;
    int filter_fiscal_year_to = 0;
    std::string filter_theme_id;
    std::map<std::string, std::string> view_options;
    std::string lang = "ja";
    int font_preset = -1;  // -1 = the mode's default
    bool presenting = true;
    bool operator==(const SlideState&) const = default;
};

std::string slide_state_to_json(const SlideState& state);
// Throws Error naming the field when the JSON is malformed or of the wrong shape.
SlideState slide_state_from_json(std::string_view json);

struct Slide {
    std::int64_t id = 0;
    int position = 0;  // 0-based, contiguous
    std::string name;
    SlideState state;
    std::string notes;  // the speaker's notes (PowerPoint export, the presenter); may be empty
};

// In position order. A damaged row (wrong types, an empty name, a state
// that is not the JSON a slide holds) throws Error naming the slide; given
// `skipped`, it is left out and the message added there instead.
std::vector<Slide> load_slides(const Store& store, std::vector<std::string>* skipped = nullptr);
// What a new slide must show, checked alike by the slides panel and
// `wardscope slides add`: a view of `known_views` (the UI's view registry,
// ui::view_ids()), plans the dataset holds, each once, and a language (ja / en).
// Throws Error naming the first problem.
void check_slide_state(const SlideState& state, const Dataset& data, const std::vector<std::string>& known_views);
// "スライド 4" / "Slide 4": the first such name no slide has (the default name of a new slide).
std::string unused_slide_name(const std::vector<Slide>& slides, std::string_view lang);

// Appends a slide; the name must be non-empty valid UTF-8, one line, at most
// 500 bytes, and no other slide's name. Returns its id.
// `notes` (the speaker's) are prose: valid UTF-8, tabs and line breaks but no
// other control characters, at most max_note_bytes.
std::int64_t add_slide(Store& store, std::string_view name, const SlideState& state, std::string_view notes = {});
void set_slide_notes(Store& store, std::int64_t id, std::string_view notes);
void rename_slide(Store& store, std::int64_t id, std::string_view name);  // the same rules for the name
void update_slide(Store& store, std::int64_t id, const SlideState& state);
// Removes it and closes the gap; false when there was none with that id.
bool delete_slide(Store& store, std::int64_t id);
// Puts a deleted slide back with its id, name, state and position (undo).
void restore_slide(Store& store, const Slide& slide);
// Moves a slide to `position` (clamped), shifting the others.
void move_slide(Store& store, std::int64_t id, int position);

}  // namespace wardscope
