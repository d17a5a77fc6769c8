// The state every view shares, with its rules: the linked selection (choosing
// a plan in any view selects it in all) and the one filter bar. Views change
// them only through these methods, so the rules hold everywhere.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope::ui {

class Selection {
public:
    const std::vector<std::string>& plan_ids() const { return plan_ids_; }  // ordered; the first is the current plan
    const std::string& front_plan() const;                                 // "" when none is selected
    bool is_front(const std::string& plan_id) const { return !plan_ids_.empty() && plan_ids_.front() == plan_id; }
    bool contains(const std::string& plan_id) const;
    const std::string& municipality_id() const { return municipality_id_; }
    const std::string& node_id() const { return node_id_; }  // within the front plan; may be empty

    static constexpr std::size_t max_plans = 4;  // side by side at most (Compare, KPI)

    // A click: makes `plan_id` the current plan. Deliberate selection: a plan
    // that is not selected replaces the selection (nothing piles up out of
    // sight); a selected one moves to the front and the others stay. The node
    // becomes `node_id`.
    void select_plan(const Dataset& data, const std::string& plan_id, const std::string& node_id = {});
    // A Ctrl-click: adds `plan_id` after the selected plans, or takes it out
    // when it is selected. False (nothing changes) when max_plans are selected already.
    bool toggle_plan(const Dataset& data, const std::string& plan_id);
    // A chip's ×: takes the plan out (the next becomes current).
    void remove_plan(const Dataset& data, const std::string& plan_id);
    void clear();  // "clear all"
    // Replaces the plans (ids not in `data` dropped, at most `keep` kept, 0: all); no node.
    void set_plans(const Dataset& data, const std::vector<std::string>& plan_ids, std::size_t keep = 0);
    // Side by side (SWOT): makes `plan_id` the second plan, beside the front
    // one (`front` when none is selected yet); at most `keep` plans kept.
    void select_second(const Dataset& data, const std::string& front, const std::string& plan_id,
                       std::size_t keep = max_plans);
    void drop_second();
    void swap_first_two(const Dataset& data);  // the second plan becomes the current one; no node
    // A node of the front plan; ignored when no plan is selected.
    void select_node(const std::string& node_id);
    // Points at a municipality without changing the plans (a column header in Compare).
    void select_municipality(const std::string& municipality_id) { municipality_id_ = municipality_id; }
    // A saved selection (a slide): unknown plans skipped; the municipality as saved.
    void restore(const Dataset& data, const std::vector<std::string>& plan_ids, const std::string& municipality_id,
                 const std::string& node_id);
    // After a reload: plans no longer in `data` are dropped.
    void drop_missing(const Dataset& data);

private:
    void follow_front(const Dataset& data);  // the one rule: the municipality follows the front plan

    std::vector<std::string> plan_ids_;
    std::string municipality_id_;
    std::string node_id_;
};

class Filter {
public:
    const std::set<std::string>& municipality_ids() const { return municipality_ids_; }  // empty = all
    const std::set<std::string>& plan_kinds() const { return plan_kinds_; }              // empty = all
    const std::string& municipality_kind() const { return municipality_kind_; }          // "", "区", "市"
    int fiscal_year_from() const { return fiscal_year_from_; }                           // 0 = open
    int fiscal_year_to() const { return fiscal_year_to_; }
    const std::string& theme_id() const { return theme_id_; }                            // "" = any

    void set_municipality_ids(std::set<std::string> ids) { municipality_ids_ = std::move(ids); }
    void set_plan_kinds(std::set<std::string> kinds) { plan_kinds_ = std::move(kinds); }
    void set_municipality_kind(std::string kind) { municipality_kind_ = std::move(kind); }
    // The years in either order: `from` ends up the earlier.
    void set_fiscal_years(int from, int to);
    void set_theme(std::string theme_id) { theme_id_ = std::move(theme_id); }

    bool active() const;
    // The plan's municipality (ids, kind), kind, fiscal years (its period
    // overlaps; an unknown period passes) and theme (the plan covers it: plan_covers()).
    bool passes(const Dataset& data, const Plan& plan) const;
    bool operator==(const Filter&) const = default;

private:
    std::set<std::string> municipality_ids_;
    std::set<std::string> plan_kinds_;
    std::string municipality_kind_;
    int fiscal_year_from_ = 0;
    int fiscal_year_to_ = 0;
    std::string theme_id_;
};

}  // namespace wardscope::ui
