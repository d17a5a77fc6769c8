// The generation diff: two plans of one municipality, their measures matched
// as 継続 (continued), 変更 (changed), 新規 (added) or 廃止 (dropped) by the
// similarity of their names (measure_similarity.hpp), with the user's own
// decisions (a match confirmed or changed, a match broken) kept as user data
// that re-imports never touch. docs/generation-diff.md: how the matching
// works and its thresholds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/measure_similarity.hpp"
#include "wardscope/model.hpp"

namespace wardscope {

class Store;

// A pair is matched automatically when its similarity is at least this…
inline constexpr double match_threshold = 0.25;
// … and counts as continued (else changed) from this on, or when the names are the same once folded.
inline constexpr double continued_threshold = 0.8;

enum class DiffStatus { continued, changed, added, dropped };
std::string_view to_string(DiffStatus);       // "continued" …
std::string_view status_label_ja(DiffStatus);  // 継続 / 変更 / 新規 / 廃止

// A user's decision on a pair of measures (plan ids and node ids: stable
// across re-imports, never row ids). `match`: these two are the same measure
// (confirmed, or chosen instead of the automatic match); `no_match`: they
// are not (a broken match).
enum class MatchDecision { match, no_match };
std::string_view to_string(MatchDecision);
std::optional<MatchDecision> match_decision_from(std::string_view);

struct MatchOverride {
    std::int64_t id = 0;
    std::string plan_a, item_a;  // the earlier plan and its measure (node id)
    std::string plan_b, item_b;  // the later plan and its measure
    MatchDecision decision = MatchDecision::match;
    std::string updated_at;  // UTC, ISO 8601
    bool operator==(const MatchOverride&) const = default;
};

struct DiffRow {
    DiffStatus status = DiffStatus::continued;
    int node_a = -1, node_b = -1;  // into the plans' nodes; -1 for an added / dropped measure's missing side
    double similarity = 0;         // of the pair; for an unmatched measure, that of its closest counterpart
    int closest = -1;              // unmatched: the other plan's most similar measure (node), -1 when none
    bool confirmed = false;        // the pair is a user's decision
    bool broken = false;           // a user broke a match of this measure …
    int broken_with = -1;          // … with this node of the other plan (the last such decision)
};

struct GenerationDiff {
    std::size_t plan_a = 0, plan_b = 0;  // into Dataset::plans
    // Every measure of plan A in plan order (continued, changed, dropped),
    // then plan B's added measures in plan order: each measure exactly once.
    std::vector<DiffRow> rows;
    int decisions_applied = 0;  // user decisions that name measures of both plans
    int decisions_stale = 0;    // … that name a measure neither plan holds any more (kept, not applied)
    int count(DiffStatus status) const;
};

// Matches plan A's measures to plan B's: first the user's `match` decisions,
// then greedily the most similar remaining pair (ties: A's order, then B's)
// while its similarity is at least match_threshold, skipping pairs a user
// broke (`no_match`). Decisions stored for (B, A) apply with the sides
// swapped. Both plans must be in `data` and `index` built from it.
GenerationDiff diff_generations(const Dataset& data, const MeasureSimilarity& index, std::size_t plan_a,
                                std::size_t plan_b, const std::vector<MatchOverride>& decisions);

// The diff for the command line and the views' exports: a title line, the
// counts, one table row per DiffRow. Markdown cells are escaped; CSV goes
// through CsvWriter (BOM, neutralised formulas).
std::string diff_to_markdown(const Dataset& data, const GenerationDiff& diff);
std::string diff_to_csv(const Dataset& data, const GenerationDiff& diff);

// ---- Stored decisions (table measure_match, schema version 4) ----------------

// Every decision, by plans and items. A row that cannot be read throws Error
// naming it; given `skipped`, it is left out and the message added instead.
std::vector<MatchOverride> load_match_overrides(const Store& store, std::vector<std::string>* skipped = nullptr);
// The decisions about the pair of plans (either order), for undo.
std::vector<MatchOverride> match_overrides_of(const Store& store, std::string_view plan_a, std::string_view plan_b);

// Each is one transaction; the plans must be two different plans of one
// municipality in the database and the items their measures, else Error
// listing every problem and nothing written.
// item_a and item_b are the same measure: replaces any other `match` either
// of them had in this pair of plans, and a `no_match` between them.
void confirm_match(Store& store, const std::string& plan_a, const std::string& item_a, const std::string& plan_b,
                   const std::string& item_b);
// item_a and item_b are not the same measure: replaces a `match` between them.
void break_match(Store& store, const std::string& plan_a, const std::string& item_a, const std::string& plan_b,
                 const std::string& item_b);
// Forgets the decisions about these two measures (the automatic match applies again).
void clear_match_decision(Store& store, const std::string& plan_a, const std::string& item_a, const std::string& plan_b,
                          const std::string& item_b);
// Undo: the pair of plans' decisions become exactly `before` (ids and times included).
void restore_match_overrides(Store& store, std::string_view plan_a, std::string_view plan_b,
                             const std::vector<MatchOverride>& before);

}  // namespace wardscope
