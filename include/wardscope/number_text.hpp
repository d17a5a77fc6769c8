// Numbers as people type them into a field: ASCII or full-width digits
// (全角 ４５), thousands separators (1,234 / １，２３４), a full-width or
// Unicode minus, spaces around. One rule for every number field of the UI and
// the KPI CSV import; the UI words the problems in its own language.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wardscope {

enum class NumberProblem {
    none,
    empty,            // nothing but spaces
    not_a_number,     // letters, two points, a sign in the middle …
    bad_grouping,     // "1,23", "12,3456", ",5": separators must group three digits
    out_of_range,     // infinite or NaN, or too large for a double
};

struct NumberText {
    std::optional<double> value;
    NumberProblem problem = NumberProblem::none;
};

// "1,234.5", "１，２３４．５", "－３", "−3", " 45 ", "1e3" → the number.
NumberText parse_number_text(std::string_view text);

// The problem in English (CLI, CSV import messages), quoting the text.
std::string number_problem_message(NumberProblem problem, std::string_view text);

}  // namespace wardscope
