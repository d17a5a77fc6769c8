// KPI check (the CHECK of PDCA): where an indicator stands against the straight
// path from its baseline to its target. Plain functions over the model.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope {

enum class ProgressStatus { ahead, on_track, behind, no_data };
std::string_view to_string(ProgressStatus);

struct Progress {
    ProgressStatus status = ProgressStatus::no_data;
    std::string reason;                  // why, in a few English words ("target met", "no observations", …)
    std::optional<double> latest_value;  // the latest observation (by fiscal year)
    std::optional<int> latest_fiscal_year;
    bool latest_is_sample = false;
    std::optional<double> expected;      // on the straight path at the latest observation's year
    // The share of the way from the baseline value to the target value that the
    // latest observation has come: 0 at the baseline, 1 at the target (above 1
    // beyond it, below 0 worse than the baseline; lower-is-better mirrored by
    // the arithmetic itself). Unknown without a latest value, a baseline value
    // or a target value, or when the two are equal: never guessed.
    std::optional<double> target_share;
};

// Whether a scorecard has anything to show: a baseline or target value, or an
// observation. Cards without any fold into one summary line.
bool has_known_values(const Indicator& indicator, const Progress& progress);

// On track = within this share of the baseline → target distance of the path
// (5 %: one year's rounding of a percentage KPI over a 5-year plan).
inline constexpr double on_track_tolerance = 0.05;

// `observations` may hold any indicator's rows; those of `plan_id` / `indicator.id` count.
// Rules: the target met (or beaten) is ahead, even before its year; with no
// baseline or no target the path is unknown: no data; before the baseline year
// the path expects the baseline, after the target year the target. Lower-is-
// better indicators mirror the comparison.
Progress classify_progress(const std::string& plan_id, const Indicator& indicator,
                           const std::vector<Observation>& observations);

}  // namespace wardscope
