// The edits a view may ask for. The app shell implements it (opening the
// database for writing only then); screenshots and tests pass none, and the
// views then offer no editing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "wardscope/workshop.hpp"

namespace wardscope::ui {

struct DataEditor {
    virtual ~DataEditor() = default;
    // An observation typed by the user; returns "" when stored, else what is wrong.
    virtual std::string add_observation(const std::string& plan_id, const std::string& indicator_id,
                                        std::string_view fiscal_year, std::string_view value, std::string_view source) = 0;
    // A note and priority vote on a plan item (empty note and no vote: removed);
    // returns "" when stored, else what is wrong.
    virtual std::string set_annotation(const ItemRef& item, std::string_view note, std::optional<int> vote) = 0;
    // A user's decision on a generation diff's pair of measures (generation_diff.hpp):
    // confirm them as one measure, break their match, or clear the decision;
    // returns "" when stored, else what is wrong.
    enum class MatchEdit { confirm, break_match, clear };
    virtual std::string decide_match(MatchEdit edit, const std::string& plan_a, const std::string& item_a,
                                     const std::string& plan_b, const std::string& item_b) = 0;
    // Adds the municipality to a user's group (made when new) or takes it out
    // (municipality_groups.hpp); returns "" when stored, else what is wrong.
    virtual std::string set_group_member(const std::string& group, const std::string& municipality_id, bool member) = 0;
    virtual bool can_undo() const = 0;
    virtual std::string undo() = 0;  // the last stored edit; "" when undone
    // A file the user exports (a view's table): written whole or not at all,
    // never over the database; returns "" when written, else why not.
    virtual std::string write_export(const std::filesystem::path& path, std::string_view bytes) = 0;
};

}  // namespace wardscope::ui
