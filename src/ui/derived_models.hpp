// Figures the app shell derives once per data change and hands to every view
// (per-plan trees, counts and profiles live in ui::data_index()).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wardscope/progress.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope::ui {

struct DerivedModels {
    unsigned data_version = 0;     // bumped on every (re)load
    int municipality_count = 0;
    int plan_count = 0;
    int synthetic_plans = 0;       // plans flagged synthetic
    int sample_observations = 0;   // observations flagged sample (counted once the history is loaded)
    bool any_sample_observations = false;  // known with the plans, before the history is loaded
    bool kpi_history_loaded = false;       // the observations and `progress` below are there
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

    // Workshop data: notes and votes (indexed by item) and the slides in order.
    std::vector<Annotation> annotations;
    std::unordered_map<std::string, std::size_t> annotation_index;  // annotation_key → position
    std::vector<Slide> slides;
    static void annotation_key(std::string& key, std::string_view plan_id, ItemKind kind, std::string_view item_id) {
        key.assign(plan_id);
        key += '\x1f';
        key += to_string(kind);
        key += '\x1f';
        key += item_id;
    }
    struct PlanAnnotations {
        int notes = 0, votes = 0;
    };
    std::unordered_map<std::string, PlanAnnotations> annotations_per_plan;
    void index_annotations() {
        annotation_index.clear();
        annotations_per_plan.clear();
        std::string key;
        for (std::size_t k = 0; k < annotations.size(); ++k) {
            const ItemRef& r = annotations[k].item;
            annotation_key(key, r.plan_id, r.kind, r.item_id);
            annotation_index.emplace(key, k);
            PlanAnnotations& counts = annotations_per_plan[r.plan_id];
            counts.notes += annotations[k].note.empty() ? 0 : 1;
            counts.votes += annotations[k].vote ? 1 : 0;
        }
    }
    PlanAnnotations plan_annotations(const std::string& plan_id) const {
        const auto it = annotations_per_plan.find(plan_id);
        return it == annotations_per_plan.end() ? PlanAnnotations{} : it->second;
    }
    // Called for every item drawn: the key buffer is reused, no allocation once warm.
    const Annotation* find_annotation(std::string_view plan_id, ItemKind kind, std::string_view item_id) const {
        if (annotations.empty()) return nullptr;
        thread_local std::string key;
        annotation_key(key, plan_id, kind, item_id);
        const auto it = annotation_index.find(key);
        return it == annotation_index.end() ? nullptr : &annotations[it->second];
    }
};

}  // namespace wardscope::ui
