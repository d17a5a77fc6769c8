// What every view receives each frame. Views read from the retained model
// (built once per data change) and never query SQLite themselves.
#pragma once

#include <string>
#include <vector>

#include "ui/model.hpp"
#include "ui/selection.hpp"
#include "wardscope/model.hpp"

namespace wardscope::ui {

enum class Lang { ja, en };

class AnnotationEditor;   // ui/widgets/annotations.hpp

struct ViewContext {
    const Dataset& data;
    const Model& model;
    Selection& selection;
    const Filter& filter;  // views read it; the filter bar (the shell's) changes it
    Lang lang = Lang::ja;
    float scale = 1.0f;     // UI scale (font size / base size)
    int current_fiscal_year = 0;
    bool screenshot = false;  // rendering for `wardscope shot`: no hover state, deterministic
    struct DataEditor* editor = nullptr;  // ui/data_editor.hpp; null: read-only (shots, tests)
    AnnotationEditor* annotation_editor = nullptr;  // the note/vote editor; null with a null editor
    std::string open_view;  // set by a view to switch to the view with this id after this frame
    // Presenting to a room (or a slide export): no editing controls (the editors
    // are null then too), the content laid out to fit the screen, no scrolling
    // needed to see what the slide is about.
    bool presenting = false;
};

}  // namespace wardscope::ui
