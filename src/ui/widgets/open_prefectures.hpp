// Which prefectures a view shows opened (issue #16): the timeline and the
// heatmap group their rows by prefecture when the rows span more than one; a
// prefecture's aggregate row opens into its municipalities on a click, or
// when one of its municipalities is selected (here, in another view, by a
// slide). The set is a view option ("open_prefectures"), so settings and
// slides restore it exactly.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "ui/selection.hpp"
#include "ui/view.hpp"

namespace wardscope::ui {

// A prefecture's name in the UI language ("Hokkaido" in English); "" is the unknown one's.
std::string prefecture_name(const std::string& prefecture, Lang lang);
// An aggregate row's heading: "▶ 北海道（8自治体・8計画）", ▼ when open.
std::string prefecture_heading(const std::string& prefecture, bool open, int municipalities, int plans, Lang lang);
// The heading fitted to `width` (the row's label column): the whole heading
// when `all_fit` (the widest of the column fits: every row in one form), else
// the prefecture with its plans only ("▶ 北海道（895計画）"), else that cut
// with "…" — the prefecture's name always comes first. `shortened` says
// whether less than the whole heading is shown (the row's tooltip then gives it).
std::string fitted_prefecture_heading(const std::string& prefecture, bool open, int municipalities, int plans, Lang lang,
                                      float width, bool all_fit, bool& shortened);
void append_prefecture_strings(std::vector<const char*>& out);

class OpenPrefectures {
public:
    // Prefectures by name as written ("東京都"); "" = the row of municipalities with no prefecture.
    const std::set<std::string>& names() const { return open_; }
    bool is_open(const std::string& prefecture) const { return open_.contains(prefecture); }
    void toggle(const std::string& prefecture);
    // Once per frame, before the layout: a municipality selected since the
    // last call opens its prefecture. After a restore, the selection that came
    // with it is taken as already shown (the restored set stays as saved).
    void follow_selection(const Dataset& data, const Selection& selection);
    // The option value: the names sorted, joined by "," ("-" for the unknown prefecture); "" = none.
    std::string option_value() const;
    // Reads option `name`; absent: nothing opened, and the selection opens its prefecture as before.
    void restore(const OptionValues& values, const char* name);

private:
    std::set<std::string> open_;
    std::string opened_for_;        // the selected municipality whose prefecture was opened for it
    bool take_selection_ = false;   // restored: the current selection is already accounted for
};

}  // namespace wardscope::ui
