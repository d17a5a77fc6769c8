// Figures the app shell derives once per data change and hands to every view
// (per-plan trees, counts and profiles live in ui::data_index()).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wardscope/progress.hpp"

namespace wardscope::ui {

struct DerivedModels {
    unsigned data_version = 0;     // bumped on every (re)load
    int municipality_count = 0;
    int plan_count = 0;
    int synthetic_plans = 0;       // plans flagged synthetic
    int sample_observations = 0;   // observations flagged sample
    int first_fiscal_year = 0;     // earliest start of any plan (0 when none known)
    int last_fiscal_year = 0;      // latest end of any plan
    std::vector<std::string> plan_kinds;  // distinct plan kinds, sorted (the filter bar's choices)
    std::string source_label;      // the database file shown in the status bar
    // KPI check of every indicator, keyed by progress_key(plan_id, indicator_id).
    std::unordered_map<std::string, Progress> progress;
    static std::string progress_key(std::string_view plan_id, std::string_view indicator_id) {
        std::string key(plan_id);
        key += '\x1f';
        key += indicator_id;
        return key;
    }
    const Progress* find_progress(std::string_view plan_id, std::string_view indicator_id) const {
        const auto it = progress.find(progress_key(plan_id, indicator_id));
        return it == progress.end() ? nullptr : &it->second;
    }
};

}  // namespace wardscope::ui
