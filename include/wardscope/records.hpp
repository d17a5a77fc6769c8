// One field table per stored record: the single declaration of its columns
// (name and SQL declaration, in CREATE order), its plan-file keys and which of
// its texts are shown. Generated from these: the CREATE TABLE, INSERT and
// SELECT statements and their binds (src/core/record_sql.hpp), the plan-file
// reading and writing of the plain fields (src/core/plan_json.cpp) and the
// walk that collects the texts for the font's glyph set
// (for_each_display_string). docs/records.md: how to add a field.
#pragma once

#include <string_view>
#include <tuple>

#include "wardscope/model.hpp"
#include "wardscope/record_fields.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope::records {

// The enumerations stored as their names (model.hpp, workshop.hpp).
inline std::optional<NodeLevel> enum_from(std::string_view s, NodeLevel*) { return node_level_from(s); }
inline std::optional<Quadrant> enum_from(std::string_view s, Quadrant*) { return quadrant_from(s); }
inline std::optional<TowsType> enum_from(std::string_view s, TowsType*) { return tows_type_from(s); }
inline std::optional<Direction> enum_from(std::string_view s, Direction*) { return direction_from(s); }
inline std::optional<ObservationOrigin> enum_from(std::string_view s, ObservationOrigin*) { return observation_origin_from(s); }
inline std::optional<Comparator> enum_from(std::string_view s, Comparator*) { return comparator_from(s); }
inline std::optional<ItemKind> enum_from(std::string_view s, ItemKind*) { return item_kind_from(s); }

// Where the item was read: three columns at the end of every plan table. The
// plan file's "source" object is read by the parser (required or inherited).
template <auto Source>
constexpr auto source_fields() {
    return std::tuple{field<Source, &SourceRef::file>("source_file", "TEXT NOT NULL DEFAULT ''", nullptr, display),
                      field<Source, &SourceRef::section>("source_section", "TEXT NOT NULL DEFAULT ''", nullptr, display),
                      field<Source, &SourceRef::url>("source_url", "TEXT NOT NULL DEFAULT ''", nullptr, display)};
}

// The key of a row that belongs to a plan: bound and read by the caller.
inline constexpr Column plan_key = column("plan_id", "TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE");
inline constexpr Column ord = column("ord", "INTEGER NOT NULL");

inline constexpr auto municipality = table<Municipality>(
    "municipality",
    std::tuple_cat(std::tuple{field<&Municipality::id>("id", "TEXT PRIMARY KEY", "id", required | json_checked),
                              field<&Municipality::name_ja>("name_ja", "TEXT NOT NULL", "name_ja", required | display),
                              field<&Municipality::name_en>("name_en", "TEXT NOT NULL DEFAULT ''", "name_en", display),
                              field<&Municipality::kind>("kind", "TEXT NOT NULL", "kind", required | display),
                              field<&Municipality::code>("code", "TEXT", "code", null_when_empty | json_null | display)},
                   source_fields<&Municipality::source>()));

// The period (start, end, as written) is one object in the plan file, read by the parser.
inline constexpr auto plan = table<Plan>(
    "plan",
    std::tuple_cat(
        std::tuple{field<&Plan::id>("id", "TEXT PRIMARY KEY", "id", required | json_checked),
                   field<&Plan::municipality_id>("municipality_id", "TEXT NOT NULL REFERENCES municipality(id)", nullptr),
                   field<&Plan::title>("title", "TEXT NOT NULL", "title", required | display),
                   field<&Plan::title_en>("title_en", "TEXT NOT NULL DEFAULT ''", "title_en", display),
                   field<&Plan::kind>("kind", "TEXT NOT NULL", "kind", required | display),
                   field<&Plan::status>("status", "TEXT", "status", null_when_empty | json_null | nullable | display),
                   field<&Plan::approved_by>("approved_by", "TEXT NOT NULL DEFAULT ''", "approved_by", display),
                   field<&Plan::start_fy>("start_fy", "INTEGER", nullptr),
                   field<&Plan::end_fy>("end_fy", "INTEGER", nullptr),
                   field<&Plan::period_as_written>("period_as_written", "TEXT NOT NULL DEFAULT ''", nullptr, display),
                   field<&Plan::vision>("vision", "TEXT NOT NULL DEFAULT ''", "vision", display),
                   field<&Plan::summary>("summary", "TEXT NOT NULL DEFAULT ''", "summary", display),
                   field<&Plan::is_synthetic>("is_synthetic", "INTEGER NOT NULL DEFAULT 0", "synthetic")},
        source_fields<&Plan::source>()));

inline constexpr auto node = table<Node>(
    "node",
    std::tuple_cat(
        std::tuple{plan_key, field<&Node::id>("id", "TEXT NOT NULL", "id", required | json_checked), ord,
                   field<&Node::parent_id>("parent_id", "TEXT", nullptr, null_when_empty),
                   field<&Node::level>("level", "TEXT NOT NULL CHECK (level IN ('pillar', 'strategy', 'policy', 'measure'))",
                                       "level", required | json_checked),
                   field<&Node::label>("label", "TEXT NOT NULL DEFAULT ''", "label", display),
                   field<&Node::name>("name", "TEXT NOT NULL", "name", required | display),
                   field<&Node::name_en>("name_en", "TEXT NOT NULL DEFAULT ''", "name_en", display),
                   field<&Node::description>("description", "TEXT NOT NULL DEFAULT ''", "description", display),
                   field<&Node::is_new>("is_new", "INTEGER NOT NULL DEFAULT 0", "new")},
        source_fields<&Node::source>()),
    "PRIMARY KEY (plan_id, id)", "CREATE INDEX node_by_parent ON node (plan_id, parent_id);");

inline constexpr auto swot_item = table<SwotItem>(
    "swot_item",
    std::tuple_cat(std::tuple{plan_key, field<&SwotItem::id>("id", "TEXT NOT NULL", "id", required | json_checked), ord,
                              field<&SwotItem::quadrant>(
                                  "quadrant", "TEXT NOT NULL CHECK (quadrant IN ('strength', 'weakness', 'opportunity', 'threat'))",
                                  "quadrant", required | json_checked),
                              field<&SwotItem::text>("text", "TEXT NOT NULL", "text", required | display),
                              field<&SwotItem::text_en>("text_en", "TEXT NOT NULL DEFAULT ''", "text_en", display)},
                   source_fields<&SwotItem::source>()),
    "PRIMARY KEY (plan_id, id)");

// The SWOT items and nodes a strategy links are rows of tows_swot / tows_node.
inline constexpr auto tows_strategy = table<TowsStrategy>(
    "tows_strategy",
    std::tuple_cat(std::tuple{plan_key, field<&TowsStrategy::id>("id", "TEXT NOT NULL", "id", required | json_checked), ord,
                              field<&TowsStrategy::type>("type", "TEXT NOT NULL CHECK (type IN ('SO', 'ST', 'WO', 'WT'))",
                                                         "type", required | json_checked),
                              field<&TowsStrategy::text>("text", "TEXT NOT NULL", "text", required | display),
                              field<&TowsStrategy::text_en>("text_en", "TEXT NOT NULL DEFAULT ''", "text_en", display)},
                   source_fields<&TowsStrategy::source>()),
    "PRIMARY KEY (plan_id, id)");

// Baseline and target are objects in the plan file ({value, fiscal_year, note}), read by the parser.
inline constexpr auto indicator = table<Indicator>(
    "indicator",
    std::tuple_cat(
        std::tuple{plan_key, field<&Indicator::id>("id", "TEXT NOT NULL", "id", required | json_checked), ord,
                   field<&Indicator::kind>("kind", "TEXT NOT NULL", "kind", required | display),
                   field<&Indicator::label>("label", "TEXT NOT NULL DEFAULT ''", "label", display),
                   field<&Indicator::name>("name", "TEXT NOT NULL", "name", required | display),
                   field<&Indicator::name_en>("name_en", "TEXT NOT NULL DEFAULT ''", "name_en", display),
                   field<&Indicator::unit>("unit", "TEXT NOT NULL DEFAULT ''", "unit", display),
                   field<&Indicator::direction>("direction",
                                                "TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better'))",
                                                "direction", json_checked),
                   field<&Indicator::node_id>("node_id", "TEXT", "node", null_when_empty | json_checked),
                   field<&Indicator::baseline, &IndicatorPoint::value>("baseline_value", "REAL", nullptr),
                   field<&Indicator::baseline, &IndicatorPoint::fiscal_year>("baseline_fy", "INTEGER", nullptr),
                   field<&Indicator::baseline, &IndicatorPoint::note>("baseline_note", "TEXT NOT NULL DEFAULT ''", nullptr, display),
                   field<&Indicator::target, &IndicatorPoint::value>("target_value", "REAL", nullptr),
                   field<&Indicator::target, &IndicatorPoint::fiscal_year>("target_fy", "INTEGER", nullptr),
                   field<&Indicator::target, &IndicatorPoint::note>("target_note", "TEXT NOT NULL DEFAULT ''", nullptr, display),
                   field<&Indicator::note>("note", "TEXT NOT NULL DEFAULT ''", "note", display)},
        source_fields<&Indicator::source>(),
        // Schema 4 (plan format 2's indicators, docs/kpi-status.md).
        std::tuple{field<&Indicator::comparator>("comparator",
                                                 "TEXT NOT NULL DEFAULT 'unspecified' CHECK (comparator IN "
                                                 "('unspecified', 'at_least', 'at_most', 'about', 'exact'))",
                                                 "comparator", json_checked)
                       .added_in(4),
                   field<&Indicator::qualitative>("qualitative", "INTEGER NOT NULL DEFAULT 0", "qualitative").added_in(4),
                   field<&Indicator::baseline, &IndicatorPoint::text>("baseline_text", "TEXT NOT NULL DEFAULT ''", nullptr, display)
                       .added_in(4),
                   field<&Indicator::target, &IndicatorPoint::text>("target_text", "TEXT NOT NULL DEFAULT ''", nullptr, display)
                       .added_in(4)}),
    "PRIMARY KEY (plan_id, id)");

// A target per year (schema 4): rows of an indicator's trajectory, plan data.
inline constexpr auto indicator_target = table<YearTarget>(
    "indicator_target",
    std::tuple{column("plan_id", "TEXT NOT NULL"), column("indicator_id", "TEXT NOT NULL"),
               field<&YearTarget::fiscal_year>("fiscal_year", "INTEGER NOT NULL", "fiscal_year", required | json_checked),
               field<&YearTarget::value>("value", "REAL", "value", json_checked),
               field<&YearTarget::text>("text", "TEXT NOT NULL DEFAULT ''", "text", display),
               field<&YearTarget::note>("note", "TEXT NOT NULL DEFAULT ''", "note", display)},
    "PRIMARY KEY (plan_id, indicator_id, fiscal_year),\n  CHECK (value IS NOT NULL OR text <> ''),\n"
    "  FOREIGN KEY (plan_id, indicator_id) REFERENCES indicator(plan_id, id) ON DELETE CASCADE");

// KPI values over time: from plan files, CSV files or typed in (origin).
inline constexpr auto observation = table<Observation>(
    "observation",
    std::tuple{field<&Observation::id>("id", "INTEGER PRIMARY KEY", nullptr, row_id),
               field<&Observation::plan_id>("plan_id", "TEXT NOT NULL", nullptr),
               field<&Observation::indicator_id>("indicator_id", "TEXT NOT NULL", "indicator", required | json_checked),
               field<&Observation::fiscal_year>("fiscal_year", "INTEGER NOT NULL", "fiscal_year", required | json_checked),
               field<&Observation::value>("value", "REAL", "value", json_checked),
               field<&Observation::source>("source", "TEXT NOT NULL", "source", required | display),
               field<&Observation::is_sample>("is_sample", "INTEGER NOT NULL DEFAULT 0", "sample"),
               field<&Observation::origin>("origin", "TEXT NOT NULL CHECK (origin IN ('plan_file', 'csv', 'user'))", nullptr),
               column("entered_at", "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"),
               // Schema 4: revisions and qualitative results. The version-4 step rebuilds the
               // table (observation_v4_sql): value may be NULL, one row per source and as_of.
               field<&Observation::as_of>("as_of", "TEXT NOT NULL DEFAULT ''", "as_of", json_checked).added_in(4),
               field<&Observation::text>("text", "TEXT NOT NULL DEFAULT ''", "text", display).added_in(4)},
    "UNIQUE (plan_id, indicator_id, fiscal_year, origin, source, as_of),\n  CHECK (value IS NOT NULL OR text <> '')");

// Workshop data (schema version 3): notes and votes on plan items, slides.
inline constexpr auto annotation = table<Annotation>(
    "annotation",
    std::tuple{field<&Annotation::id>("id", "INTEGER PRIMARY KEY", nullptr, row_id),
               field<&Annotation::item, &ItemRef::plan_id>("plan_id", "TEXT NOT NULL", nullptr),
               field<&Annotation::item, &ItemRef::kind>("item_kind", "TEXT NOT NULL CHECK (item_kind IN ('swot', 'tows', 'node'))",
                                                        nullptr),
               field<&Annotation::item, &ItemRef::item_id>("item_id", "TEXT NOT NULL", nullptr),
               field<&Annotation::note>("note", "TEXT NOT NULL DEFAULT ''", nullptr, display),
               field<&Annotation::vote>("vote", "INTEGER CHECK (vote IS NULL OR vote BETWEEN 1 AND 5)", nullptr),
               field<&Annotation::updated_at>("updated_at", "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                                              nullptr)},
    "UNIQUE (plan_id, item_kind, item_id),\n  CHECK (note <> '' OR vote IS NOT NULL)");

// A slide's state is stored as JSON (slide_state_to_json): read and written by slides.cpp.
inline constexpr auto slide = table<Slide>(
    "slide",
    std::tuple{field<&Slide::id>("id", "INTEGER PRIMARY KEY", nullptr, row_id),
               field<&Slide::position>("position", "INTEGER NOT NULL", nullptr),
               field<&Slide::name>("name", "TEXT NOT NULL CHECK (name <> '')", nullptr, display),
               column("state", "TEXT NOT NULL"),
               column("created_at", "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")});

// 施策評価 (schema 4): the plan's rating scale and its items' ratings, plan data.
inline constexpr auto evaluation = table<Evaluation>(
    "evaluation",
    std::tuple{plan_key, field<&Evaluation::node_id>("node_id", "TEXT NOT NULL", "node", required | json_checked),
               field<&Evaluation::fiscal_year>("fiscal_year", "INTEGER NOT NULL", "fiscal_year", required | json_checked),
               field<&Evaluation::rating>("rating", "TEXT NOT NULL", "rating", required | display | json_checked),
               field<&Evaluation::comment>("comment", "TEXT NOT NULL DEFAULT ''", "comment", display)},
    "PRIMARY KEY (plan_id, node_id, fiscal_year)");

// Calls fn(table) for every field table, in the order the schema creates them.
template <typename Fn>
void for_each_table(Fn&& fn) {
    fn(municipality), fn(plan), fn(node), fn(swot_item), fn(tows_strategy), fn(indicator), fn(observation);
    fn(annotation), fn(slide), fn(indicator_target), fn(evaluation);
}

}  // namespace wardscope::records

namespace wardscope {

// Calls fn(std::string_view) for every display text of the dataset: the
// records' display fields (records.hpp), the taxonomy's labels, the plans'
// viewpoints and focus fields. Repeated observation sources are passed once.
template <typename Fn>
void for_each_display_string(const Dataset& data, Fn&& fn) {
    for (const Municipality& m : data.municipalities) records::for_each_display_field(records::municipality, m, fn);
    for (const Theme& t : data.taxonomy.themes) fn(std::string_view(t.label_ja)), fn(std::string_view(t.label_en));
    for (const Actor& a : data.taxonomy.actors) fn(std::string_view(a.label_ja)), fn(std::string_view(a.label_en));
    for (const Plan& p : data.plans) {
        records::for_each_display_field(records::plan, p, fn);
        for (const std::string& s : p.viewpoints) fn(std::string_view(s));
        for (const std::string& s : p.focus_fields) fn(std::string_view(s));
        for (const std::string& s : p.rating_scale) fn(std::string_view(s));
        for (const Evaluation& e : p.evaluations) records::for_each_display_field(records::evaluation, e, fn);
        for (const Node& n : p.nodes) records::for_each_display_field(records::node, n, fn);
        for (const SwotItem& s : p.swot) records::for_each_display_field(records::swot_item, s, fn);
        for (const TowsStrategy& t : p.tows) records::for_each_display_field(records::tows_strategy, t, fn);
        for (const Indicator& i : p.indicators) {
            records::for_each_display_field(records::indicator, i, fn);
            for (const YearTarget& t : i.targets) records::for_each_display_field(records::indicator_target, t, fn);
        }
    }
    // 198,400 observations share a few sources, stored in order: skip repeats.
    const Observation* previous = nullptr;
    for (const Observation& o : data.observations) {
        if (!previous || previous->source != o.source) records::for_each_display_field(records::observation, o, fn);
        previous = &o;
    }
}

// The display texts of workshop data (notes, slide names).
template <typename Fn>
void for_each_display_string(const std::vector<Annotation>& annotations, const std::vector<Slide>& slides, Fn&& fn) {
    for (const Annotation& a : annotations) records::for_each_display_field(records::annotation, a, fn);
    for (const Slide& s : slides) records::for_each_display_field(records::slide, s, fn);
}

}  // namespace wardscope
