#include "ui/model.hpp"

#include <cmath>

#include "wardscope/kpi_history.hpp"

#include <algorithm>
#include <future>

namespace wardscope::ui {
namespace {

void annotation_key(std::string& key, std::string_view plan_id, ItemKind kind, std::string_view item_id) {
    key.assign(plan_id);
    key += '\x1f';
    key += to_string(kind);
    key += '\x1f';
    key += item_id;
}

DataIndex build_index(const Dataset& data) {
    DataIndex index;
    index.plans.reserve(data.plans.size());
    for (std::size_t i = 0; i < data.plans.size(); ++i) {
        const Plan& plan = data.plans[i];
        index.plans.push_back(PlanInfo{build_plan_tree(plan), count_plan(plan), theme_profile(plan, data.taxonomy)});
        index.by_id.emplace(plan.id, static_cast<int>(i));
        if (!plan.swot.empty() || !plan.tows.empty()) index.plans_with_swot.push_back(i);
    }
    index.generations = generation_groups(data, 2);
    return index;
}

void index_annotations(Model& m) {
    std::string key;
    for (std::size_t k = 0; k < m.annotations.size(); ++k) {
        const ItemRef& r = m.annotations[k].item;
        annotation_key(key, r.plan_id, r.kind, r.item_id);
        m.annotation_index.emplace(key, k);
        Model::PlanAnnotations& counts = m.annotations_per_plan[r.plan_id];
        counts.notes += m.annotations[k].note.empty() ? 0 : 1;
        counts.votes += m.annotations[k].vote ? 1 : 0;
    }
}

}  // namespace

int DataIndex::plan_index(std::string_view plan_id) const {
    const auto it = by_id.find(std::string(plan_id));
    return it == by_id.end() ? -1 : it->second;
}

const Series* ObservationIndex::find(std::string_view plan_id, std::string_view indicator_id) const {
    const auto it = by_key.find(Model::progress_key(plan_id, indicator_id));
    return it == by_key.end() ? nullptr : &it->second;
}

std::string Model::progress_key(std::string_view plan_id, std::string_view indicator_id) {
    std::string key(plan_id);
    key += '\x1f';
    key += indicator_id;
    return key;
}

const Progress* Model::find_progress(std::string_view plan_id, std::string_view indicator_id) const {
    const auto it = progress.find(progress_key(plan_id, indicator_id));
    return it == progress.end() ? nullptr : &it->second;
}

Model::PlanAnnotations Model::plan_annotations(const std::string& plan_id) const {
    const auto it = annotations_per_plan.find(plan_id);
    return it == annotations_per_plan.end() ? PlanAnnotations{} : it->second;
}

const Annotation* Model::find_annotation(std::string_view plan_id, ItemKind kind, std::string_view item_id) const {
    if (annotations.empty()) return nullptr;
    annotation_key(key_scratch_, plan_id, kind, item_id);
    const auto it = annotation_index.find(key_scratch_);
    return it == annotation_index.end() ? nullptr : &annotations[it->second];
}

void set_user_rows(Model& d, ModelInputs inputs) {
    d.data_version = inputs.data_version;
    d.annotations = std::move(inputs.annotations);
    d.annotation_index.clear();
    d.annotations_per_plan.clear();
    index_annotations(d);
    d.slides = std::move(inputs.slides);
    d.match_overrides = std::move(inputs.match_overrides);
    d.groups = std::move(inputs.groups);
    d.source_label = std::move(inputs.source_label);
}

Model build_model(const Dataset& data, ModelInputs inputs) {
    Model d;
    d.data = &data;
    d.any_sample_observations = inputs.any_sample_observations;
    set_user_rows(d, std::move(inputs));
    d.municipality_count = static_cast<int>(data.municipalities.size());
    d.plan_count = static_cast<int>(data.plans.size());
    for (const Plan& p : data.plans) {
        d.synthetic_plans += p.is_synthetic ? 1 : 0;
        for (const auto& fy : {p.start_fy, p.end_fy})
            if (fy) {
                d.first_fiscal_year = d.first_fiscal_year ? std::min(d.first_fiscal_year, *fy) : *fy;
                d.last_fiscal_year = std::max(d.last_fiscal_year, *fy);
            }
        if (!p.kind.empty() && std::find(d.plan_kinds.begin(), d.plan_kinds.end(), p.kind) == d.plan_kinds.end())
            d.plan_kinds.push_back(p.kind);
    }
    std::sort(d.plan_kinds.begin(), d.plan_kinds.end());
    d.index = build_index(data);
    return d;
}

ModelIndexes build_indexes(const Dataset& data, bool search) {
    // The search index beside the similarity index (≈ 0.5 s of CPU each at national size).
    std::future<SearchIndex> searching;
    if (search) searching = std::async(std::launch::async, [&data] { return SearchIndex(data); });
    ModelIndexes out;
    out.similarity = MeasureSimilarity(data);
    if (searching.valid()) out.search = searching.get();
    return out;
}

void add_indexes(Model& d, ModelIndexes indexes) {
    d.similarity = std::move(indexes.similarity);
    d.search_index = std::move(indexes.search);
    d.indexes_ready = true;
}

void add_kpi_history(Model& d) {
    const Dataset& data = *d.data;
    d.kpi_history_loaded = true;
    d.sample_observations = 0;
    d.observations.by_key.clear();
    // Every row of each indicator first, then its current results per year.
    std::unordered_map<std::string, std::vector<const Observation*>> rows;
    for (const Observation& ob : data.observations) {
        d.sample_observations += ob.is_sample ? 1 : 0;
        rows[Model::progress_key(ob.plan_id, ob.indicator_id)].push_back(&ob);
    }
    d.any_sample_observations = d.sample_observations > 0;
    const Observation* first = data.observations.data();
    for (auto& [key, list] : rows) {
        Series& s = d.observations.by_key[key];
        for (const YearResults& y : year_results(list)) {
            const Observation& ob = *y.current;
            if (!std::isfinite(ob.value)) continue;  // a text result: shown on the card, not plotted
            s.obs.push_back(static_cast<std::size_t>(&ob - first));
            s.xs.push_back(ob.fiscal_year);
            s.ys.push_back(ob.value);
            s.sample.push_back(ob.is_sample ? 1 : 0);
            s.any_sample |= ob.is_sample;
            std::vector<std::size_t> differing;
            if (y.disagreement)
                for (const Observation* o : y.rows) differing.push_back(static_cast<std::size_t>(o - first));
            s.any_disagreement |= y.disagreement;
            s.disagreeing.push_back(std::move(differing));
        }
    }
    // Each indicator's check from all its rows (classify_progress picks the current of the latest year).
    d.progress.clear();
    std::vector<Observation> own;
    for (const Plan& p : data.plans)
        for (const Indicator& i : p.indicators) {
            std::string key = Model::progress_key(p.id, i.id);
            own.clear();
            if (const auto it = rows.find(key); it != rows.end())
                for (const Observation* o : it->second) own.push_back(*o);
            d.progress.emplace(std::move(key), classify_progress(p.id, i, own));
        }
}

}  // namespace wardscope::ui
