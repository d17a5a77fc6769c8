// KPI history with revisions (docs/kpi-status.md): several results for one
// indicator and fiscal year — other sources, later evaluation rounds — are all
// kept; one is current by one rule, and a disagreement between them is shown.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope {

// "YYYY-MM-DD", a real calendar date (as_of dates).
bool valid_iso_date(std::string_view text);

// The current-result rule: the later as_of wins (an empty as_of is older than
// any date); on the same as_of, a value typed in the app (user) before one
// from CSV before one from a plan file; then the row stored last (larger id).
bool supersedes(const Observation& a, const Observation& b);

// The same result: equal numbers (both NaN counts as equal) and equal texts.
bool same_result(const Observation& a, const Observation& b);

struct YearResults {
    int fiscal_year = 0;
    const Observation* current = nullptr;
    std::vector<const Observation*> rows;  // every row for the year, oldest first (current last)
    bool disagreement = false;             // two rows for the year give different results
};

// One indicator's rows (any order) grouped by fiscal year, in year order.
std::vector<YearResults> year_results(std::vector<const Observation*> rows);

// "FY2023: 788 (source A, as of 2024-06-30) ≠ 700 (source B, as of 2025-06-30, current)" — one line per year that disagrees.
std::string disagreement_text(const YearResults& year, const std::string& unit);

// A result as text: the number with its unit, or the qualitative text.
std::string result_text(const Observation& o, const std::string& unit);

}  // namespace wardscope
