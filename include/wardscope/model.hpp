// The in-memory plan model shared by the importer, the store, the CLI and the
// dashboard. Plain data: no SQLite, no ImGui.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wardscope {

// Where an item was read from: a seed file and its section heading, or a URL.
struct SourceRef {
    std::string file;     // e.g. "000_9c58856d0c7e1aa3.txt"
    std::string section;  // heading as written in the source
    std::string url;      // for sources outside shared/seeds
    std::string page;     // page(s) as written, e.g. "3", "12-13"; empty when unknown
    bool empty() const { return file.empty() && url.empty(); }
};

// A source document as a record (data/documents.json): what a SourceRef's
// file is. Unknown parts stay empty, never invented.
struct SourceDocument {
    std::string file;       // the key SourceRef::file refers to, e.g. "003_8420b78ba5ee7d85.txt"
    std::string title;      // as written on the document
    std::string title_en;   // translation, may be empty
    std::string publisher;  // e.g. "東京都産業労働局"
    std::string published;  // calendar date "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty when unknown
    std::string url;        // where it is published; empty when unknown
};

struct Municipality {
    std::string id;       // stable ascii id, e.g. "itabashi"
    std::string name_ja;  // as written, e.g. "板橋区"
    std::string name_en;  // translation
    std::string kind;     // "区" / "市" / "町" / "村"
    std::string code;     // 全国地方公共団体コード (6 digits) or empty when unknown
    SourceRef source;     // the first source that described it (the database keeps every one: sources)
    std::string prefecture;  // 都道府県 as written, e.g. "東京都"; empty when unknown
    std::string name_kana;   // reading, e.g. "いたばしく"; empty when unknown
    std::vector<SourceRef> sources;  // every source that described it, in the order they came (database)
};

// The four levels of format-1 plan files (the ids of default_plan_levels()).
// Plans skip levels freely (Kita: strategy → policy → measure; Tokyo plans:
// strategy → measure).
enum class NodeLevel { pillar, strategy, policy, measure };

// One level of a plan's hierarchy, declared once per plan (format 2,
// docs/plan-format.md "Levels"): 柱 → 戦略 → 施策, or 基本政策 → … → 事務事業.
struct PlanLevel {
    std::string id;       // ascii, what nodes' `level` names
    std::string name;     // as written, e.g. "基本施策"
    std::string name_en;  // translation, may be empty
};

// The levels of every format-1 plan: pillar 柱, strategy 戦略, policy 方針, measure 施策.
const std::vector<PlanLevel>& default_plan_levels();

enum class TagOrigin { hand, rule };  // assigned by a person / derived by a keyword rule

struct ThemeTag {
    std::string theme_id;
    TagOrigin origin = TagOrigin::hand;
};

struct Node {
    std::string id;         // unique within the plan
    std::string parent_id;  // empty for top-level nodes
    std::string level = "measure";  // a PlanLevel id of its plan
    std::string label;      // numbering as written, e.g. "戦略1", "方針2", "(1)"; may be empty
    std::string name;       // as written; empty: the source does not show it (unknown, never invented)
    std::string name_en;    // translation, may be empty
    std::string description;
    bool is_new = false;    // 新規 in the source
    std::vector<ThemeTag> themes;
    std::vector<std::string> actors;  // actor ids
    // Further parents (cross-listed, 再掲): the node is listed under each of them
    // as well as under parent_id, and counted once. Same level as parent_id.
    std::vector<std::string> also_under;
    SourceRef source;
    bool name_unknown() const { return name.empty(); }
};

// An analysis item's SWOT quadrant; `none`: the source labels it (特徴, 現況 …)
// without saying which quadrant it is (plan format 2: quadrant left out).
enum class Quadrant { strength, weakness, opportunity, threat, none };

struct SwotItem {
    std::string id;
    Quadrant quadrant = Quadrant::strength;  // the SWOT quadrant the item is mapped to; none: not mapped (then `label` says what it is)
    std::string text;
    std::string text_en;
    SourceRef source;
    std::string label;  // the source's own heading, as written (特徴, 課題, 現況, 強み …); "" when it uses the quadrant's
    bool mapped() const { return quadrant != Quadrant::none; }
};

enum class TowsType { SO, ST, WO, WT };

// A cross-SWOT strategy: combines SWOT items and became plan nodes.
struct TowsStrategy {
    std::string id;
    TowsType type = TowsType::SO;
    std::string text;
    std::string text_en;
    std::vector<std::string> swot_ids;
    std::vector<std::string> node_ids;
    SourceRef source;
};

enum class Direction { higher_is_better, lower_is_better };

// How a result is held against a target (docs/kpi-status.md): 以上 at least,
// 以下 at most, 程度 about (within on_track_tolerance), exact; unspecified =
// the indicator's direction decides (met or beaten), as format-1 files mean.
enum class Comparator { unspecified, at_least, at_most, about, exact };

// A baseline or target: each part may be unknown (never stored as 0).
struct IndicatorPoint {
    std::optional<double> value;
    std::optional<int> fiscal_year;
    std::string note;  // as written, e.g. "R7年度見込み", "R7年2月時点", "—", "現状（計画策定時）"
    std::string text;  // a qualitative baseline or target as written, e.g. "拠点の開設"
};

// One year's target of a trajectory (目標値の推移): a value or a text.
struct YearTarget {
    int fiscal_year = 0;
    std::optional<double> value;
    std::string text;
    std::string note;
};

struct Indicator {
    std::string id;
    std::string kind;  // "KGI" / "KPI" / "成果指標"
    std::string label; // numbering as written, e.g. "KPI①"
    std::string name;
    std::string name_en;
    std::string unit;  // "%", "事業", "社・団体" …; may be empty
    Direction direction = Direction::higher_is_better;
    std::string node_id;  // node it measures; empty for plan-level (KGI)
    IndicatorPoint baseline;
    IndicatorPoint target;   // the final target
    std::string note;  // definition or footnote as written
    SourceRef source;
    Comparator comparator = Comparator::unspecified;
    bool qualitative = false;  // results and targets are texts, read rather than computed
    std::vector<YearTarget> targets;  // a target per year (trajectory), by fiscal year; may be empty
};

enum class ObservationOrigin { plan_file, csv, user };

struct Observation {
    std::int64_t id = 0;  // database row id (0 before insert)
    std::string plan_id;
    std::string indicator_id;
    int fiscal_year = 0;
    double value = 0;     // NaN for a qualitative result (stored as NULL): `text` holds it
    std::string source;
    bool is_sample = false;  // sample / synthetic data: shown with a badge
    ObservationOrigin origin = ObservationOrigin::csv;
    // Revisions: the date the source reported the value ("2025-06-30"; empty =
    // unknown, older than any date). Of several rows for one year the current
    // is the latest as_of (kpi_history.hpp).
    std::string as_of;
    std::string text;     // a qualitative result as written
};

// 施策評価: one rating of a plan item for one evaluation year, on the plan's scale.
struct Evaluation {
    std::string node_id;
    int fiscal_year = 0;
    std::string rating;   // one of Plan::rating_scale, as written (A, 順調 …)
    std::string comment;  // as written, may be empty
};

// An approval or consent of a plan (承認, 同意 …) as the source gives it.
struct Approval {
    std::string by;               // e.g. "東京都"
    std::string kind;             // as written: "承認", "同意" …; may be empty
    std::string date;             // a calendar date YYYY, YYYY-MM or YYYY-MM-DD; "" when unknown (never a fiscal year)
    std::string date_as_written;  // e.g. "令和4年3月31日"
    SourceRef source;
};

// A measure's budget (予算) or settled amount (決算) in one fiscal year, in 千円.
struct BudgetLine {
    std::string node_id;
    int fiscal_year = 0;
    std::string kind;  // "予算" / "決算"
    double thousand_yen = 0;
    SourceRef source;
};

// A statement a plan makes about itself, under the source's own label: a
// brand statement, a qualifier of its focus fields, the directions of its
// industries (plan format 2 "statements"). Label and text as written.
struct PlanStatement {
    std::string label;     // the source's heading for it, e.g. "ブランド", "各業種の方向性"
    std::string label_en;  // translation, may be empty
    std::string text;      // as written
    std::string text_en;   // translation, may be empty
    SourceRef source;      // section / page; defaults to the plan's
};

struct Plan {
    std::string id;               // stable ascii id, e.g. "itabashi-vision-2035"
    std::string municipality_id;
    std::string title;            // as written
    std::string title_en;         // translation
    std::string kind;             // "構想・ビジョン" / "地域産業活性化計画" / "商工業振興計画" …
    std::string status;           // "素案" / "案" / "策定済" / "承認"
    std::string approved_by;      // e.g. "東京都"; empty if none
    std::optional<int> start_fy;  // fiscal years (April–March); unknown stays unknown
    std::optional<int> end_fy;
    std::string period_as_written;  // e.g. "令和8年度～令和17年度"
    std::string vision;           // future image / vision text as written
    std::string summary;          // context paragraph as written
    std::vector<std::string> viewpoints;    // 基本的な視点, e.g. 変革・連携・集積
    std::vector<std::string> focus_fields;  // 重点分野, e.g. ヘルスケア, ドローン
    bool is_synthetic = false;    // generated data, never a real plan
    SourceRef source;
    // The hierarchy's levels, top first (format 1: default_plan_levels()), and
    // the id of the level whose nodes are the plan's measures ("" = none: its
    // leaves are counted; theme_rule.hpp).
    std::vector<PlanLevel> levels = default_plan_levels();
    std::string measure_level = "measure";
    std::vector<Node> nodes;      // pre-order: every parent precedes its children
    std::vector<SwotItem> swot;
    std::vector<TowsStrategy> tows;
    std::vector<Indicator> indicators;
    std::vector<std::string> rating_scale;  // 施策評価's ratings, best first (A–D, 順調/概ね順調/遅れ); empty: none
    std::vector<Evaluation> evaluations;    // by node, then year
    std::optional<int> actual_end_fy;   // the fiscal year it really ended (ended early); unknown or not ended: empty
    std::vector<std::string> authors;   // who drew it up, as written (joint plans: "東京都", "板橋区")
    std::vector<Approval> approvals;
    std::vector<BudgetLine> budget;     // optional, where a source gives amounts
    std::vector<PlanStatement> statements;  // statements about itself, in source order (schema version 5)

    // Position of a level in `levels` (0 = top); -1 when the plan does not declare it.
    int level_rank(std::string_view level_id) const;
    // The measure level's rank; levels.size() when the plan has none (every rank is above it).
    int measure_rank() const;
    const PlanLevel* find_level(std::string_view level_id) const;
    // The level's name as the plan declares it (English: name_en, else the name); the id when undeclared.
    std::string_view level_name(std::string_view level_id, bool english) const;
    bool uses_default_levels() const;  // format-1 levels and measure level
};

struct Theme {
    std::string id;        // ascii, e.g. "startup"
    std::string label_ja;  // e.g. "連携・ネットワーク"
    std::string label_en;
    std::vector<std::string> keywords;  // substrings that derive a rule tag
    std::string short_ja;  // a short heading, e.g. "連携" (themes.json; empty: the label)
    std::string short_en;
};

struct Actor {
    std::string id;
    std::string label_ja;
    std::string label_en;
};

// What one plan file holds: the plan, its municipality, and any observations.
struct PlanFile {
    Municipality municipality;
    Plan plan;
    std::vector<Observation> observations;
};

// Themes and actors: the vocabulary plan files refer to (data/themes.json, data/actors.json).
struct Taxonomy {
    std::vector<Theme> themes;
    std::vector<Actor> actors;
    std::vector<SourceDocument> documents;  // data/documents.json, optional
    // Per theme id, phrases in which its keywords mean something else (e.g.
    // "スタートアップ集積" for 集積 → 産業基盤): masked before the keywords are
    // looked for (themes.json "except"; applied at import, not stored).
    std::map<std::string, std::vector<std::string>, std::less<>> keyword_exceptions;
    const Theme* find_theme(std::string_view id) const;
    const Actor* find_actor(std::string_view id) const;
    const SourceDocument* find_document(std::string_view file) const;
};

// Everything the dashboard shows, loaded once per data change.
struct Dataset {
    std::vector<Municipality> municipalities;
    std::vector<Plan> plans;  // ordered by municipality, then start year
    Taxonomy taxonomy;
    std::vector<Observation> observations;

    const Plan* find_plan(std::string_view id) const;
    const Municipality* find_municipality(std::string_view id) const;
};

// Names used in files and the database ("pillar", "strength", "SO", …).
std::string_view to_string(NodeLevel);
std::string_view to_string(Quadrant);
std::string_view to_string(TowsType);
std::string_view to_string(Direction);
std::string_view to_string(TagOrigin);
std::string_view to_string(ObservationOrigin);
std::string_view to_string(Comparator);
std::optional<Comparator> comparator_from(std::string_view);
std::optional<NodeLevel> node_level_from(std::string_view);
std::optional<Quadrant> quadrant_from(std::string_view);
std::optional<TowsType> tows_type_from(std::string_view);
std::optional<Direction> direction_from(std::string_view);
std::optional<TagOrigin> tag_origin_from(std::string_view);
std::optional<ObservationOrigin> observation_origin_from(std::string_view);

}  // namespace wardscope
