#include "wardscope/model.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace wardscope {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, std::string_view>, N>& names, std::string_view text) {
    for (const auto& [value, name] : names)
        if (name == text) return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
    for (const auto& [v, name] : names)
        if (v == value) return name;
    return "?";
}

constexpr std::array<std::pair<NodeLevel, std::string_view>, 4> node_level_names{{
    {NodeLevel::pillar, "pillar"}, {NodeLevel::strategy, "strategy"},
    {NodeLevel::policy, "policy"}, {NodeLevel::measure, "measure"}}};
constexpr std::array<std::pair<Quadrant, std::string_view>, 4> quadrant_names{{
    {Quadrant::strength, "strength"}, {Quadrant::weakness, "weakness"},
    {Quadrant::opportunity, "opportunity"}, {Quadrant::threat, "threat"}}};  // none has no name: stored as NULL
constexpr std::array<std::pair<TowsType, std::string_view>, 4> tows_names{{
    {TowsType::SO, "SO"}, {TowsType::ST, "ST"}, {TowsType::WO, "WO"}, {TowsType::WT, "WT"}}};
constexpr std::array<std::pair<Direction, std::string_view>, 2> direction_names{{
    {Direction::higher_is_better, "higher_is_better"}, {Direction::lower_is_better, "lower_is_better"}}};
constexpr std::array<std::pair<TagOrigin, std::string_view>, 2> tag_origin_names{{
    {TagOrigin::hand, "hand"}, {TagOrigin::rule, "rule"}}};
constexpr std::array<std::pair<ObservationOrigin, std::string_view>, 3> observation_origin_names{{
    {ObservationOrigin::plan_file, "plan_file"}, {ObservationOrigin::csv, "csv"},
    {ObservationOrigin::user, "user"}}};
constexpr std::array<std::pair<Comparator, std::string_view>, 5> comparator_names{{
    {Comparator::unspecified, "unspecified"}, {Comparator::at_least, "at_least"}, {Comparator::at_most, "at_most"},
    {Comparator::about, "about"}, {Comparator::exact, "exact"}}};

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::string_view to_string(NodeLevel v) { return name_of(node_level_names, v); }
std::string_view to_string(Quadrant v) { return v == Quadrant::none ? std::string_view() : name_of(quadrant_names, v); }
std::string_view to_string(TowsType v) { return name_of(tows_names, v); }
std::string_view to_string(Direction v) { return name_of(direction_names, v); }
std::string_view to_string(TagOrigin v) { return name_of(tag_origin_names, v); }
std::string_view to_string(ObservationOrigin v) { return name_of(observation_origin_names, v); }

std::string_view to_string(Comparator v) { return name_of(comparator_names, v); }
std::optional<Comparator> comparator_from(std::string_view s) { return lookup(comparator_names, s); }

std::optional<NodeLevel> node_level_from(std::string_view s) { return lookup(node_level_names, s); }
std::optional<Quadrant> quadrant_from(std::string_view s) { return lookup(quadrant_names, s); }
std::optional<TowsType> tows_type_from(std::string_view s) { return lookup(tows_names, s); }
std::optional<Direction> direction_from(std::string_view s) { return lookup(direction_names, s); }
std::optional<TagOrigin> tag_origin_from(std::string_view s) { return lookup(tag_origin_names, s); }
std::optional<ObservationOrigin> observation_origin_from(std::string_view s) {
    return lookup(observation_origin_names, s);
}

const std::vector<PlanLevel>& default_plan_levels() {
    static const std::vector<PlanLevel> levels{
        {"pillar", "柱", "pillar"}, {"strategy", "戦略", "strategy"}, {"policy", "方針", "policy"}, {"measure", "施策", "measure"}};
    return levels;
}

int Plan::level_rank(std::string_view level_id) const {
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (levels[i].id == level_id) return static_cast<int>(i);
    return -1;
}

int Plan::measure_rank() const {
    const int rank = measure_level.empty() ? -1 : level_rank(measure_level);
    return rank < 0 ? static_cast<int>(levels.size()) : rank;
}

const PlanLevel* Plan::find_level(std::string_view level_id) const { return find_by_id(levels, level_id); }

std::string_view Plan::level_name(std::string_view level_id, bool english) const {
    const PlanLevel* level = find_level(level_id);
    if (!level) return level_id;
    return english && !level->name_en.empty() ? std::string_view(level->name_en) : std::string_view(level->name);
}

bool Plan::uses_default_levels() const {
    const auto& d = default_plan_levels();
    return measure_level == "measure" && levels.size() == d.size() &&
           std::equal(levels.begin(), levels.end(), d.begin(), [](const PlanLevel& a, const PlanLevel& b) {
               return a.id == b.id && a.name == b.name && a.name_en == b.name_en;
           });
}

const Theme* Taxonomy::find_theme(std::string_view id) const { return find_by_id(themes, id); }
const Actor* Taxonomy::find_actor(std::string_view id) const { return find_by_id(actors, id); }
const SourceDocument* Taxonomy::find_document(std::string_view file) const {
    if (file.empty()) return nullptr;
    for (const SourceDocument& d : documents)
        if (d.file == file) return &d;
    return nullptr;
}
const Plan* Dataset::find_plan(std::string_view id) const { return find_by_id(plans, id); }
const Municipality* Dataset::find_municipality(std::string_view id) const {
    return find_by_id(municipalities, id);
}

}  // namespace wardscope
