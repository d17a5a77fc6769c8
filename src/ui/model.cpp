#include "ui/model.hpp"

#include <algorithm>

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

Model build_model(const Dataset& data, ModelInputs inputs) {
    Model d;
    d.data = &data;
    d.data_version = inputs.data_version;
    d.annotations = std::move(inputs.annotations);
    index_annotations(d);
    d.slides = std::move(inputs.slides);
    d.match_overrides = std::move(inputs.match_overrides);
    d.source_label = std::move(inputs.source_label);
    d.any_sample_observations = inputs.any_sample_observations;
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
    d.similarity = MeasureSimilarity(data);
    return d;
}

void add_kpi_history(Model& d) {
    const Dataset& data = *d.data;
    d.kpi_history_loaded = true;
    d.sample_observations = 0;
    d.observations.by_key.clear();
    for (std::size_t i = 0; i < data.observations.size(); ++i) {
        const Observation& ob = data.observations[i];
        d.sample_observations += ob.is_sample ? 1 : 0;
        Series& s = d.observations.by_key[Model::progress_key(ob.plan_id, ob.indicator_id)];
        s.obs.push_back(i);
        s.any_sample |= ob.is_sample;
    }
    d.any_sample_observations = d.sample_observations > 0;
    for (auto& [key, s] : d.observations.by_key) {
        std::stable_sort(s.obs.begin(), s.obs.end(), [&](std::size_t a, std::size_t b) {
            return data.observations[a].fiscal_year < data.observations[b].fiscal_year;
        });
        s.xs.reserve(s.obs.size());
        s.ys.reserve(s.obs.size());
        s.sample.reserve(s.obs.size());
        for (std::size_t i : s.obs) {
            s.xs.push_back(data.observations[i].fiscal_year);
            s.ys.push_back(data.observations[i].value);
            s.sample.push_back(data.observations[i].is_sample ? 1 : 0);
        }
    }
    // The latest observation of each indicator (the last of its sorted series) gives its check.
    d.progress.clear();
    for (const Plan& p : data.plans)
        for (const Indicator& i : p.indicators) {
            std::string key = Model::progress_key(p.id, i.id);
            const auto it = d.observations.by_key.find(key);
            std::vector<Observation> latest;
            if (it != d.observations.by_key.end()) latest.push_back(data.observations[it->second.obs.back()]);
            d.progress.emplace(std::move(key), classify_progress(p.id, i, latest));
        }
}

}  // namespace wardscope::ui
