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

#include "wardscope/generation_diff.hpp"
#include "wardscope/model.hpp"
#include "wardscope/municipality_groups.hpp"
#include "wardscope/record_fields.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope::records {

// The enumerations stored as their names (model.hpp, workshop.hpp).
// A SWOT item not mapped to a quadrant is stored as NULL (read as "").
inline std::optional<Quadrant> enum_from(std::string_view s, Quadrant*) { return s.empty() ? Quadrant::none : quadrant_from(s); }
inline std::optional<TowsType> enum_from(std::string_view s, TowsType*) { return tows_type_from(s); }
inline std::optional<Direction> enum_from(std::string_view s, Direction*) { return direction_from(s); }
inline std::optional<ObservationOrigin> enum_from(std::string_view s, ObservationOrigin*) { return observation_origin_from(s); }
inline std::optional<Comparator> enum_from(std::string_view s, Comparator*) { return comparator_from(s); }
inline std::optional<ItemKind> enum_from(std::string_view s, ItemKind*) { return item_kind_from(s); }
inline std::optional<TagOrigin> enum_from(std::string_view s, TagOrigin*) { return tag_origin_from(s); }
inline std::optional<MatchDecision> enum_from(std::string_view s, MatchDecision*) { return match_decision_from(s); }

// Where the item was read: three columns at the end of every plan table. The
// plan file's "source" object is read by the parser (required or inherited).
template <auto Source>
constexpr auto source_fields() {
    return std::tuple{field<Source, &SourceRef::file>("source_file", "TEXT NOT NULL DEFAULT ''", nullptr, display),
                      field<Source, &SourceRef::section>("source_section", "TEXT NOT NULL DEFAULT ''", nullptr, display),
                      field<Source, &SourceRef::url>("source_url", "TEXT NOT NULL DEFAULT ''", nullptr, display),
                      field<Source, &SourceRef::page>("source_page", "TEXT NOT NULL DEFAULT ''", nullptr, display).added_in(4)};
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
                   source_fields<&Municipality::source>(),
                   std::tuple{field<&Municipality::prefecture>("prefecture", "TEXT NOT NULL DEFAULT ''", "prefecture", display).added_in(4),
                              field<&Municipality::name_kana>("name_kana", "TEXT NOT NULL DEFAULT ''", "name_kana", display).added_in(4)}));

// The vocabularies (data/themes.json, data/actors.json). A theme's short
// headings (heatmap columns) came with schema version 4; an older database
// read as it is has none, and the label stands in.
inline constexpr auto theme = table<Theme>(
    "theme", std::tuple{field<&Theme::id>("id", "TEXT PRIMARY KEY", "id", required), ord,
                        field<&Theme::label_ja>("label_ja", "TEXT NOT NULL", "label_ja", required | display),
                        field<&Theme::label_en>("label_en", "TEXT NOT NULL", "label_en", required | display),
                        field<&Theme::short_ja>("short_ja", "TEXT NOT NULL DEFAULT ''", "short_ja", display).added_in(4),
                        field<&Theme::short_en>("short_en", "TEXT NOT NULL DEFAULT ''", "short_en", display).added_in(4)});

inline constexpr auto theme_keyword = table<LinkRow>(
    "theme_keyword",
    std::tuple{column("theme_id", "TEXT NOT NULL REFERENCES theme(id) ON DELETE CASCADE"), ord,
               column("keyword", "TEXT NOT NULL")},
    "PRIMARY KEY (theme_id, ord)");

inline constexpr auto actor = table<Actor>(
    "actor", std::tuple{field<&Actor::id>("id", "TEXT PRIMARY KEY", "id", required), ord,
                        field<&Actor::label_ja>("label_ja", "TEXT NOT NULL", "label_ja", required | display),
                        field<&Actor::label_en>("label_en", "TEXT NOT NULL", "label_en", required | display)});

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
                   field<&Plan::vision>("vision", "TEXT NOT NULL DEFAULT ''", "vision", display | prose),
                   field<&Plan::summary>("summary", "TEXT NOT NULL DEFAULT ''", "summary", display | prose),
                   field<&Plan::is_synthetic>("is_synthetic", "INTEGER NOT NULL DEFAULT 0", "synthetic"),
                   field<&Plan::actual_end_fy>("actual_end_fy", "INTEGER", nullptr).added_in(4)},
        source_fields<&Plan::source>(),
        // Format 2: the level whose nodes are measures ("" = none); format-1 plans: 'measure'.
        std::tuple{field<&Plan::measure_level>("measure_level", "TEXT NOT NULL DEFAULT 'measure'", "measure_level", json_checked)
                       .added_in(4)}));

// A plan's declared levels (format 2; format-1 plans get default_plan_levels()), top first.
inline constexpr auto plan_level = table<PlanLevel>(
    "plan_level",
    std::tuple{plan_key, ord, field<&PlanLevel::id>("id", "TEXT NOT NULL", "id", required | json_checked),
               field<&PlanLevel::name>("name", "TEXT NOT NULL", "name", required | display),
               field<&PlanLevel::name_en>("name_en", "TEXT NOT NULL DEFAULT ''", "name_en", display)},
    "PRIMARY KEY (plan_id, id)");

// A plan's viewpoints and focus fields, in order (Plan::viewpoints, focus_fields).
inline constexpr auto plan_viewpoint = table<LinkRow>(
    "plan_viewpoint", std::tuple{plan_key, ord, column("text", "TEXT NOT NULL")}, "PRIMARY KEY (plan_id, ord)");
inline constexpr auto plan_focus_field = table<LinkRow>(
    "plan_focus_field", std::tuple{plan_key, ord, column("text", "TEXT NOT NULL")}, "PRIMARY KEY (plan_id, ord)");

inline constexpr auto node = table<Node>(
    "node",
    std::tuple_cat(
        std::tuple{plan_key, field<&Node::id>("id", "TEXT NOT NULL", "id", required | json_checked), ord,
                   field<&Node::parent_id>("parent_id", "TEXT", nullptr, null_when_empty),
                   // Version 4: any level its plan declares (plan_level); name NULL = not shown by the source.
                   field<&Node::level>("level", "TEXT NOT NULL", "level", required | json_checked),
                   field<&Node::label>("label", "TEXT NOT NULL DEFAULT ''", "label", display),
                   field<&Node::name>("name", "TEXT", "name", null_when_empty | json_null | json_checked | display),
                   field<&Node::name_en>("name_en", "TEXT NOT NULL DEFAULT ''", "name_en", display),
                   field<&Node::description>("description", "TEXT NOT NULL DEFAULT ''", "description", display | prose),
                   field<&Node::is_new>("is_new", "INTEGER NOT NULL DEFAULT 0", "new")},
        source_fields<&Node::source>()),
    "PRIMARY KEY (plan_id, id)", "CREATE INDEX node_by_parent ON node (plan_id, parent_id);");

// A node's themes (hand tags, then those its keywords derive) and actors.
inline constexpr auto node_theme = table<ThemeTag>(
    "node_theme",
    std::tuple{column("plan_id", "TEXT NOT NULL"), column("node_id", "TEXT NOT NULL"),
               field<&ThemeTag::theme_id>("theme_id", "TEXT NOT NULL REFERENCES theme(id)", nullptr),
               field<&ThemeTag::origin>("origin", "TEXT NOT NULL CHECK (origin IN ('hand', 'rule'))", nullptr), ord},
    "PRIMARY KEY (plan_id, node_id, theme_id),\n  FOREIGN KEY (plan_id, node_id) REFERENCES node(plan_id, id) ON DELETE CASCADE",
    "CREATE INDEX node_theme_by_theme ON node_theme (theme_id);");
inline constexpr auto node_actor = table<LinkRow>(
    "node_actor",
    std::tuple{column("plan_id", "TEXT NOT NULL"), column("node_id", "TEXT NOT NULL"),
               column("actor_id", "TEXT NOT NULL REFERENCES actor(id)"), ord},
    "PRIMARY KEY (plan_id, node_id, actor_id),\n  FOREIGN KEY (plan_id, node_id) REFERENCES node(plan_id, id) ON DELETE CASCADE");

// The further parents of cross-listed nodes (Node::also_under, plan format 2; schema version 4).
inline constexpr auto node_also_under = table<LinkRow>(
    "node_also_under",
    std::tuple{column("plan_id", "TEXT NOT NULL"), column("node_id", "TEXT NOT NULL"), column("parent_id", "TEXT NOT NULL"), ord},
    "PRIMARY KEY (plan_id, node_id, parent_id),\n"
    "  FOREIGN KEY (plan_id, node_id) REFERENCES node(plan_id, id) ON DELETE CASCADE,\n"
    "  FOREIGN KEY (plan_id, parent_id) REFERENCES node(plan_id, id) ON DELETE CASCADE");

inline constexpr auto swot_item = table<SwotItem>(
    "swot_item",
    std::tuple_cat(std::tuple{plan_key, field<&SwotItem::id>("id", "TEXT NOT NULL", "id", required | json_checked), ord,
                              // Version 5 (swot_item rebuilt): NULL = not mapped to a quadrant (Quadrant::none).
                              field<&SwotItem::quadrant>(
                                  "quadrant", "TEXT CHECK (quadrant IS NULL OR quadrant IN ('strength', 'weakness', 'opportunity', 'threat'))",
                                  "quadrant", null_when_empty | json_checked),
                              field<&SwotItem::text>("text", "TEXT NOT NULL", "text", required | display | prose),
                              field<&SwotItem::text_en>("text_en", "TEXT NOT NULL DEFAULT ''", "text_en", display | prose),
                              field<&SwotItem::label>("label", "TEXT NOT NULL DEFAULT ''", "label", display).added_in(4)},
                   source_fields<&SwotItem::source>()),
    "PRIMARY KEY (plan_id, id)");

// The SWOT items and nodes a strategy links are rows of tows_swot / tows_node.
inline constexpr auto tows_strategy = table<TowsStrategy>(
    "tows_strategy",
    std::tuple_cat(std::tuple{plan_key, field<&TowsStrategy::id>("id", "TEXT NOT NULL", "id", required | json_checked), ord,
                              field<&TowsStrategy::type>("type", "TEXT NOT NULL CHECK (type IN ('SO', 'ST', 'WO', 'WT'))",
                                                         "type", required | json_checked),
                              field<&TowsStrategy::text>("text", "TEXT NOT NULL", "text", required | display | prose),
                              field<&TowsStrategy::text_en>("text_en", "TEXT NOT NULL DEFAULT ''", "text_en", display | prose)},
                   source_fields<&TowsStrategy::source>()),
    "PRIMARY KEY (plan_id, id)");

// The SWOT items and nodes a strategy links (TowsStrategy::swot_ids, node_ids), in order.
inline constexpr auto tows_swot = table<LinkRow>(
    "tows_swot",
    std::tuple{column("plan_id", "TEXT NOT NULL"), column("tows_id", "TEXT NOT NULL"), column("swot_id", "TEXT NOT NULL"), ord},
    "PRIMARY KEY (plan_id, tows_id, swot_id),\n"
    "  FOREIGN KEY (plan_id, tows_id) REFERENCES tows_strategy(plan_id, id) ON DELETE CASCADE,\n"
    "  FOREIGN KEY (plan_id, swot_id) REFERENCES swot_item(plan_id, id) ON DELETE CASCADE");
inline constexpr auto tows_node = table<LinkRow>(
    "tows_node",
    std::tuple{column("plan_id", "TEXT NOT NULL"), column("tows_id", "TEXT NOT NULL"), column("node_id", "TEXT NOT NULL"), ord},
    "PRIMARY KEY (plan_id, tows_id, node_id),\n"
    "  FOREIGN KEY (plan_id, tows_id) REFERENCES tows_strategy(plan_id, id) ON DELETE CASCADE,\n"
    "  FOREIGN KEY (plan_id, node_id) REFERENCES node(plan_id, id) ON DELETE CASCADE");

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
                   field<&Indicator::note>("note", "TEXT NOT NULL DEFAULT ''", "note", display | prose)},
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
               // table (kpi_tables_v4_sql): value may be NULL, one row per source and as_of.
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
               field<&Annotation::note>("note", "TEXT NOT NULL DEFAULT ''", nullptr, display | prose),
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
               column("created_at", "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"),
               field<&Slide::notes>("notes", "TEXT NOT NULL DEFAULT ''", nullptr, display).added_in(4)});

// A user's decision on a generation diff's pair of measures (schema version
// 4): keyed by plan ids and node ids, no foreign key to plan rows, so that it
// survives re-imports. No display field: the texts shown are the plans'.
inline constexpr auto measure_match = table<MatchOverride>(
    "measure_match",
    std::tuple{field<&MatchOverride::id>("id", "INTEGER PRIMARY KEY", nullptr, row_id),
               field<&MatchOverride::plan_a>("plan_a", "TEXT NOT NULL", nullptr),
               field<&MatchOverride::item_a>("item_a", "TEXT NOT NULL", nullptr),
               field<&MatchOverride::plan_b>("plan_b", "TEXT NOT NULL", nullptr),
               field<&MatchOverride::item_b>("item_b", "TEXT NOT NULL", nullptr),
               field<&MatchOverride::decision>("decision", "TEXT NOT NULL CHECK (decision IN ('match', 'no_match'))", nullptr),
               field<&MatchOverride::updated_at>("updated_at", "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                                                 nullptr)},
    "UNIQUE (plan_a, item_a, plan_b, item_b),\n  CHECK (plan_a <> plan_b)");

// A member of a user's group of municipalities (schema version 5): user data,
// keyed by municipality id with no foreign key, so that it survives re-imports
// (municipality_groups.hpp). No display field: the names shown are the municipalities'.
inline constexpr auto municipality_group = table<GroupMember>(
    "municipality_group",
    std::tuple{field<&GroupMember::id>("id", "INTEGER PRIMARY KEY", nullptr, row_id),
               field<&GroupMember::group_name>("group_name", "TEXT NOT NULL CHECK (group_name <> '')", nullptr),
               field<&GroupMember::municipality_id>("municipality_id", "TEXT NOT NULL", nullptr),
               field<&GroupMember::added_at>("added_at", "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                                             nullptr)},
    "UNIQUE (group_name, municipality_id)");

// A plan's approvals and consents (schema version 4; created by the version-4 step).
inline constexpr auto approval = table<Approval>(
    "plan_approval",
    std::tuple_cat(std::tuple{plan_key, ord, field<&Approval::by>("approved_by", "TEXT NOT NULL", "by", required | display),
                              field<&Approval::kind>("kind", "TEXT NOT NULL DEFAULT ''", "kind", display),
                              field<&Approval::date>("date", "TEXT", "date", null_when_empty | json_null),
                              field<&Approval::date_as_written>("date_as_written", "TEXT NOT NULL DEFAULT ''",
                                                                "date_as_written", display)},
                   source_fields<&Approval::source>()),
    "PRIMARY KEY (plan_id, ord)");

// Budget and settled amounts per measure and fiscal year, in 千円 (schema version 4).
inline constexpr auto budget_line = table<BudgetLine>(
    "budget_line",
    std::tuple_cat(std::tuple{plan_key, ord, field<&BudgetLine::node_id>("node_id", "TEXT NOT NULL", "node", required | json_checked),
                              field<&BudgetLine::fiscal_year>("fiscal_year", "INTEGER NOT NULL", "fiscal_year",
                                                              required | json_checked),
                              field<&BudgetLine::kind>("kind", "TEXT NOT NULL CHECK (kind IN ('予算', '決算'))", "kind",
                                                       required | json_checked | display),
                              field<&BudgetLine::thousand_yen>("thousand_yen", "REAL NOT NULL", "thousand_yen",
                                                               required | json_checked)},
                   source_fields<&BudgetLine::source>()),
    "PRIMARY KEY (plan_id, ord),\n  UNIQUE (plan_id, node_id, fiscal_year, kind)");

// A plan's statements about itself (schema version 5; created by the version-5 step,
// statement_tables_v5_sql).
inline constexpr auto plan_statement = table<PlanStatement>(
    "plan_statement",
    std::tuple_cat(std::tuple{plan_key, ord, field<&PlanStatement::label>("label", "TEXT NOT NULL", "label", required | display),
                              field<&PlanStatement::label_en>("label_en", "TEXT NOT NULL DEFAULT ''", "label_en", display),
                              field<&PlanStatement::text>("text", "TEXT NOT NULL", "text", required | display | prose),
                              field<&PlanStatement::text_en>("text_en", "TEXT NOT NULL DEFAULT ''", "text_en", display | prose)},
                   source_fields<&PlanStatement::source>()),
    "PRIMARY KEY (plan_id, ord)");

// Source documents (schema version 4): data/documents.json, keyed by the
// file name that SourceRef::file holds. Created by the version-4 step.
inline constexpr auto source_document = table<SourceDocument>(
    "source_document",
    std::tuple{field<&SourceDocument::file>("file", "TEXT PRIMARY KEY", "file", required),
               column("ord", "INTEGER NOT NULL"),
               field<&SourceDocument::title>("title", "TEXT NOT NULL", "title", required | display),
               field<&SourceDocument::title_en>("title_en", "TEXT NOT NULL DEFAULT ''", "title_en", display),
               field<&SourceDocument::publisher>("publisher", "TEXT NOT NULL DEFAULT ''", "publisher", display),
               field<&SourceDocument::published>("published", "TEXT", "published", null_when_empty | json_null),
               field<&SourceDocument::url>("url", "TEXT NOT NULL DEFAULT ''", "url", display)});

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
    fn(municipality), fn(theme), fn(theme_keyword), fn(actor), fn(plan), fn(plan_viewpoint), fn(plan_focus_field);
    fn(node), fn(node_theme), fn(node_actor), fn(swot_item), fn(tows_strategy), fn(tows_swot), fn(tows_node);
    fn(indicator), fn(observation);
    fn(annotation), fn(slide), fn(measure_match), fn(plan_level), fn(node_also_under), fn(indicator_target), fn(evaluation);
    fn(municipality_group);
}

}  // namespace wardscope::records

namespace wardscope {

// Calls fn(text) for every display text of the dataset's plans and
// vocabularies, the member itself (std::string&, const when the dataset is):
// the records' display fields (records.hpp), the plans' viewpoints and focus
// fields. The observations are walked by the callers (see below).
template <typename Data, typename Fn>
void for_each_plan_text(Data& data, Fn&& fn) {
    using records::for_each_display_member;
    for (auto& m : data.municipalities) for_each_display_member(records::municipality, m, fn);
    for (auto& t : data.taxonomy.themes) for_each_display_member(records::theme, t, fn);
    for (auto& a : data.taxonomy.actors) for_each_display_member(records::actor, a, fn);
    for (auto& d : data.taxonomy.documents) for_each_display_member(records::source_document, d, fn);
    for (auto& p : data.plans) {
        for_each_display_member(records::plan, p, fn);
        for (auto& l : p.levels) for_each_display_member(records::plan_level, l, fn);
        for (auto& s : p.viewpoints) fn(s);
        for (auto& s : p.focus_fields) fn(s);
        for (auto& n : p.nodes) for_each_display_member(records::node, n, fn);
        for (auto& s : p.swot) for_each_display_member(records::swot_item, s, fn);
        for (auto& t : p.tows) for_each_display_member(records::tows_strategy, t, fn);
        for (auto& i : p.indicators) {
            for_each_display_member(records::indicator, i, fn);
            for (auto& t : i.targets) for_each_display_member(records::indicator_target, t, fn);
        }
        for (auto& s : p.rating_scale) fn(s);
        for (auto& e : p.evaluations) for_each_display_member(records::evaluation, e, fn);
        for (auto& a : p.authors) fn(a);
        for (auto& a : p.approvals) for_each_display_member(records::approval, a, fn);
        for (auto& b : p.budget) for_each_display_member(records::budget_line, b, fn);
        for (auto& s : p.statements) for_each_display_member(records::plan_statement, s, fn);
    }
}

// Calls fn(std::string_view) for every display text of the dataset (the
// texts the font must hold). Repeated observation sources are passed once.
template <typename Fn>
void for_each_display_string(const Dataset& data, Fn&& fn) {
    for_each_plan_text(data, [&](const std::string& text) { fn(std::string_view(text)); });
    // 198,400 observations share a few sources, stored in order: skip repeats
    // (but never a qualitative result's text).
    const Observation* previous = nullptr;
    for (const Observation& o : data.observations) {
        if (!previous || previous->source != o.source || !o.text.empty())
            records::for_each_display_field(records::observation, o, fn);
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
