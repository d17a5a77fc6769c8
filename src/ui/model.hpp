// The Model: everything the views read that is derived from the data, built
// once per data change by build_model() (and completed by add_indexes() and
// add_kpi_history() when they arrive from other threads), owned by the app and
// handed to every view through View::on_data. Nothing here is rebuilt per frame.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wardscope/generation_diff.hpp"
#include "wardscope/measure_similarity.hpp"
#include "wardscope/municipality_groups.hpp"
#include "wardscope/model.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/progress.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope::ui {

// Per-plan structure: the tree, the counts, the theme profile.
struct PlanInfo {
    PlanTree tree;
    PlanCounts counts;
    ThemeProfile profile;
};

struct DataIndex {
    std::vector<PlanInfo> plans;               // parallel to Dataset::plans
    std::vector<GenerationGroup> generations;  // municipalities with ≥ 2 plans
    std::vector<std::size_t> plans_with_swot;  // indices of plans with SWOT or TOWS items
    std::unordered_map<std::string, int> by_id;
    int plan_index(std::string_view plan_id) const;  // -1 when absent
};

// One indicator's current numeric results, one per fiscal year, sorted by year
// (the current of a year's revisions: kpi_history.hpp; text results are not plotted).
struct Series {
    std::vector<double> xs, ys;    // fiscal year, value
    std::vector<std::size_t> obs;  // index into Dataset::observations
    std::vector<unsigned char> sample;  // per point: 1 = a sample (synthetic) value, drawn differently
    bool any_sample = false;
    // Per point: every row for its year, oldest first (the current last), when they disagree; else empty.
    std::vector<std::vector<std::size_t>> disagreeing;
    bool any_disagreement = false;
};

// The one index of the observations (the KPI view's plots, the progress checks).
struct ObservationIndex {
    std::unordered_map<std::string, Series> by_key;  // key: Model::progress_key(plan, indicator)
    const Series* find(std::string_view plan_id, std::string_view indicator_id) const;
};

struct Model {
    const Dataset* data = nullptr;
    unsigned data_version = 0;     // bumped on every (re)load of the database
    int municipality_count = 0;
    int plan_count = 0;
    int synthetic_plans = 0;       // plans flagged synthetic
    int sample_observations = 0;   // observations flagged sample (counted once the history is loaded)
    bool any_sample_observations = false;  // known with the plans, before the history is loaded
    bool kpi_history_loaded = false;       // `observations` and `progress` below are there
    int first_fiscal_year = 0;     // earliest start of any plan (0 when none known)
    int last_fiscal_year = 0;      // latest end of any plan
    std::vector<std::string> plan_kinds;  // distinct plan kinds, sorted (the filter bar's choices)
    std::string source_label;      // the database file shown in the status bar
    DataIndex index;

    // The KPI history: series per indicator and the check of every indicator.
    ObservationIndex observations;
    std::unordered_map<std::string, Progress> progress;  // keyed by progress_key(plan_id, indicator_id)
    static std::string progress_key(std::string_view plan_id, std::string_view indicator_id);
    const Progress* find_progress(std::string_view plan_id, std::string_view indicator_id) const;

    // Workshop data: notes and votes (indexed by item) and the slides in order.
    std::vector<Annotation> annotations;
    std::vector<Slide> slides;
    struct PlanAnnotations {
        int notes = 0, votes = 0;
    };
    PlanAnnotations plan_annotations(const std::string& plan_id) const;
    const Annotation* find_annotation(std::string_view plan_id, ItemKind kind, std::string_view item_id) const;

    // Every measure's weighted bigrams and their inverted index: the
    // generation diff and the explorer's similar measures read it.
    MeasureSimilarity similarity;
    // What the explorer's search looks up on each keystroke (issue #16).
    SearchIndex search_index;
    // `similarity` and `search_index` are there (add_indexes): the dashboard
    // builds them after its first frame, which does not need them.
    bool indexes_ready = false;
    // The user's decisions on generation diffs (confirmed and broken matches).
    std::vector<MatchOverride> match_overrides;
    // The user's groups of municipalities ("similar municipalities": the filter bar, compare's preset).
    std::vector<MunicipalityGroup> groups;

    std::unordered_map<std::string, std::size_t> annotation_index;  // annotation key → position
    std::unordered_map<std::string, PlanAnnotations> annotations_per_plan;

private:
    mutable std::string key_scratch_;  // find_annotation runs for every item drawn: no allocation once warm
};

// What a load read besides the plans.
struct ModelInputs {
    std::vector<Annotation> annotations;
    std::vector<Slide> slides;
    std::vector<MatchOverride> match_overrides;
    std::vector<MunicipalityGroup> groups;
    std::string source_label;
    bool any_sample_observations = false;
    unsigned data_version = 0;
};

// The indexes over every measure and text: a third of the model's CPU and
// not needed to draw a first frame (the search finds the same hits without
// its index, only slower), so built apart, on another thread if the caller likes.
struct ModelIndexes {
    MeasureSimilarity similarity;
    SearchIndex search;
};
// `search`: false for a shot, which searches at most once (search_plans gives
// the same hits without the index).
ModelIndexes build_indexes(const Dataset& data, bool search = true);

// Everything derived from `data` (which must outlive the model) but the
// indexes, added by add_indexes, and the KPI history part, added by
// add_kpi_history once data.observations is there.
Model build_model(const Dataset& data, ModelInputs inputs);
void add_indexes(Model& model, ModelIndexes indexes);
// The user's rows (and the data version) of `inputs` in place of the model's:
// an edit of notes, slides or groups changes nothing else.
void set_user_rows(Model& model, ModelInputs inputs);
void add_kpi_history(Model& model);

}  // namespace wardscope::ui
