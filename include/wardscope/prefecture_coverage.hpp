// Prefectures in the coverage heatmap (issue #16): the matrix's rows gathered
// by their municipality's prefecture, with, per theme, how many of the
// prefecture's plans cover it by the one counting rule (theme_rule.hpp
// plan_covers). The heatmap shows one aggregate row per prefecture (the share
// of its plans covering each theme) that opens into its plans' rows.
// Plain C++: no SQLite, no ImGui. Built once per matrix.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "wardscope/coverage.hpp"
#include "wardscope/model.hpp"

namespace wardscope {

struct PrefectureCoverage {
    std::string prefecture;         // as written ("東京都"); "" = unknown (no municipality record or no prefecture)
    int municipalities = 0;         // distinct municipalities among its rows
    std::vector<std::size_t> rows;  // its rows of the matrix, in the matrix's order
    std::vector<int> covering;      // per matrix column: its plans covering the column's theme
    int plans() const { return static_cast<int>(rows.size()); }
    // covering / plans for column `c`; 0 without plans.
    double share(std::size_t c) const;
};

// The matrix's rows by prefecture, prefectures in the order of their first row.
// `data` must be the dataset the matrix was built from.
std::vector<PrefectureCoverage> coverage_by_prefecture(const Dataset& data, const CoverageMatrix& matrix);

}  // namespace wardscope
