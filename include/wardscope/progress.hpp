// KPI check (the CHECK of PDCA): where an indicator stands against the straight
// path from its baseline to its target. Plain functions over the model.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope {

// ahead / on_track / behind: against the path; not_met: a target to hold the
// result against but no path (no on-track line); qualitative: a text result,
// read rather than computed; no_data: nothing to judge.
enum class ProgressStatus { ahead, on_track, behind, no_data, not_met, qualitative };
std::string_view to_string(ProgressStatus);

// Which row of the status table (docs/kpi-status.md) gave the status.
enum class StatusRule {
    no_results,   // R1: no result for the indicator
    qualitative,  // R2: a qualitative indicator or a text result: shown as written
    no_target,    // R3: no target value (final or for a year) to compare with
    target_met,   // R4: the final target met by its comparator (even before its year)
    path,         // R5: against the path through the known (year, value) points
    ratio_only,   // R6: a target but no path: result / target, no on-track line
};
std::string_view to_string(StatusRule);

struct Progress {
    ProgressStatus status = ProgressStatus::no_data;
    StatusRule rule = StatusRule::no_results;
    std::string reason;                  // why, in a few English words ("target met", "no observations", …)
    std::optional<double> latest_value;  // the current result of the latest fiscal year with results
    std::optional<int> latest_fiscal_year;
    bool latest_is_sample = false;
    std::string latest_text;             // a qualitative result as written
    std::string latest_source, latest_as_of;
    int latest_revisions = 0;            // rows for the latest year (revisions: > 1)
    bool disagreement = false;           // some year's rows give different results (kpi_history.hpp)
    std::optional<double> expected;      // on the path at the latest result's year
    std::optional<double> compared_target;  // the target the result was held against (R4, R6)
    // The share of the way from the baseline value to the target value that the
    // latest observation has come: 0 at the baseline, 1 at the target (above 1
    // beyond it, below 0 worse than the baseline; lower-is-better mirrored by
    // the arithmetic itself). Unknown without a latest value, a baseline value
    // or a target value, or when the two are equal: never guessed.
    std::optional<double> target_share;
    std::optional<double> target_ratio;  // result / target (R6, e.g. 4 / 8 = 0.5); unknown for a target of 0
    std::string missing;                 // R6: what stops an on-track line ("no baseline year", …)
};

// Whether a scorecard has anything to show: a baseline or target value, or an
// observation. Cards without any fold into one summary line.
bool has_known_values(const Indicator& indicator, const Progress& progress);

// On track = within this share of the baseline → target distance of the path
// (5 %: one year's rounding of a percentage KPI over a 5-year plan).
inline constexpr double on_track_tolerance = 0.05;

// `observations` may hold any indicator's rows; those of `plan_id` / `indicator.id` count.
// The rules, in order (docs/kpi-status.md, one test per row): R1 no result;
// R2 qualitative; R3 no target value; R4 the final target met (comparator, or
// the direction when unspecified) is ahead, even before its year; R5 the path
// through the baseline (value and year), the targets per year and the final
// target (value and year) — before its first point the path expects that
// point, after its last the last — ahead / on track / behind; R6 otherwise
// result / target, not met, and what is missing for a path. No year is ever
// taken from anywhere else (a baseline without a year has none).
Progress classify_progress(const std::string& plan_id, const Indicator& indicator,
                           const std::vector<Observation>& observations);

// The path's known (fiscal year, value) points (R5): the baseline with its year,
// the targets per year with a value, the final target with its year.
std::map<int, double> plan_path_points(const Indicator& indicator);

// The rule that gave the status, with its figures, in one sentence:
// "4 / 8 = 50 % of target; no baseline year, so no on-track line".
std::string explain_progress(const Progress& progress, const Indicator& indicator, bool english);

// One sentence of every rule, verdict and missing part, in both languages:
// the words explain_progress can write, for the font's glyph set.
std::vector<std::string> explain_progress_samples();

}  // namespace wardscope
