#include "ui/selection.hpp"

#include "wardscope/theme_rule.hpp"

#include <algorithm>

namespace wardscope::ui {

const std::string& Selection::front_plan() const {
    static const std::string none;
    return plan_ids_.empty() ? none : plan_ids_.front();
}

bool Selection::contains(const std::string& plan_id) const {
    return std::find(plan_ids_.begin(), plan_ids_.end(), plan_id) != plan_ids_.end();
}

void Selection::follow_front(const Dataset& data) {
    if (plan_ids_.empty()) return;
    if (const Plan* plan = data.find_plan(plan_ids_.front())) municipality_id_ = plan->municipality_id;
}

void Selection::select_plan(const Dataset& data, const std::string& plan_id, const std::string& node_id) {
    if (contains(plan_id)) plan_ids_.erase(std::remove(plan_ids_.begin(), plan_ids_.end(), plan_id), plan_ids_.end());
    else plan_ids_.clear();
    plan_ids_.insert(plan_ids_.begin(), plan_id);
    follow_front(data);
    node_id_ = node_id;
}

bool Selection::toggle_plan(const Dataset& data, const std::string& plan_id) {
    if (contains(plan_id)) {
        remove_plan(data, plan_id);
        return true;
    }
    if (plan_ids_.size() >= max_plans || !data.find_plan(plan_id)) return false;
    plan_ids_.push_back(plan_id);
    follow_front(data);  // the first plan added becomes the current one
    return true;
}

void Selection::remove_plan(const Dataset& data, const std::string& plan_id) {
    if (!contains(plan_id)) return;
    const bool was_front = is_front(plan_id);
    std::erase(plan_ids_, plan_id);
    if (was_front) node_id_.clear();
    follow_front(data);
}

void Selection::clear() {
    plan_ids_.clear();
    node_id_.clear();
}

void Selection::set_plans(const Dataset& data, const std::vector<std::string>& plan_ids, std::size_t keep) {
    plan_ids_.clear();
    for (const std::string& id : plan_ids)
        if (data.find_plan(id) && (keep == 0 || plan_ids_.size() < keep)) plan_ids_.push_back(id);
    node_id_.clear();
    follow_front(data);
}

void Selection::select_second(const Dataset& data, const std::string& front, const std::string& plan_id,
                              std::size_t keep) {
    if (plan_ids_.empty()) {
        if (front.empty()) return;
        plan_ids_.push_back(front);
        follow_front(data);
    }
    if (plan_id == plan_ids_.front()) return;
    plan_ids_.erase(std::remove(plan_ids_.begin() + 1, plan_ids_.end(), plan_id), plan_ids_.end());
    plan_ids_.insert(plan_ids_.begin() + 1, plan_id);
    if (keep > 0 && plan_ids_.size() > keep) plan_ids_.resize(keep);
}

void Selection::drop_second() {
    if (plan_ids_.size() >= 2) plan_ids_.erase(plan_ids_.begin() + 1);
}

void Selection::swap_first_two(const Dataset& data) {
    if (plan_ids_.size() < 2) return;
    std::swap(plan_ids_[0], plan_ids_[1]);
    node_id_.clear();
    follow_front(data);
}

void Selection::select_node(const std::string& node_id) {
    if (!plan_ids_.empty()) node_id_ = node_id;
}

void Selection::restore(const Dataset& data, const std::vector<std::string>& plan_ids, const std::string& municipality_id,
                        const std::string& node_id) {
    plan_ids_.clear();
    for (const std::string& id : plan_ids)
        if (data.find_plan(id)) plan_ids_.push_back(id);
    municipality_id_ = municipality_id;
    node_id_ = plan_ids_.empty() ? std::string() : node_id;
}

void Selection::drop_missing(const Dataset& data) {
    std::erase_if(plan_ids_, [&](const std::string& id) { return !data.find_plan(id); });
    if (plan_ids_.empty()) node_id_.clear();
}

void Filter::set_fiscal_years(int from, int to) {
    if (from && to && from > to) std::swap(from, to);
    fiscal_year_from_ = from;
    fiscal_year_to_ = to;
}

bool Filter::active() const {
    return !municipality_ids_.empty() || !plan_kinds_.empty() || !municipality_kind_.empty() || fiscal_year_from_ != 0 ||
           fiscal_year_to_ != 0 || !theme_id_.empty();
}

bool Filter::passes(const Dataset& data, const Plan& plan) const {
    if (!municipality_ids_.empty() && !municipality_ids_.count(plan.municipality_id)) return false;
    if (!plan_kinds_.empty() && !plan_kinds_.count(plan.kind)) return false;
    if (!municipality_kind_.empty()) {
        const Municipality* m = data.find_municipality(plan.municipality_id);
        if (!m || m->kind != municipality_kind_) return false;
    }
    if ((fiscal_year_from_ != 0 || fiscal_year_to_ != 0) && (plan.start_fy || plan.end_fy)) {
        const int start = plan.start_fy.value_or(*plan.end_fy);
        const int end = plan.end_fy.value_or(start);
        if (fiscal_year_to_ != 0 && start > fiscal_year_to_) return false;
        if (fiscal_year_from_ != 0 && end < fiscal_year_from_) return false;
    }
    return theme_id_.empty() || plan_covers(plan, theme_id_);  // the one counting rule (theme_rule.hpp)
}

}  // namespace wardscope::ui
