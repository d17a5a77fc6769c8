// `wardscope migrate-plan`: the format-2 form of a format-1 plan file
// (docs/plan-format.md, "Format 2 and migrate-plan").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"
#include "wardscope/plan_json.hpp"

namespace wardscope {

struct MigratedPlan {
    std::string text;            // the file in format 2 (unchanged when it already was)
    bool already_format_2 = false;
    std::vector<Problem> problems;  // not empty: the file is not valid; `text` is empty
};

// Keeps the file's keys, their order and every value; sets "format" to
// "wardscope-plan/2" and declares the four format-1 levels right after it
// (pillar 柱, strategy 戦略, policy 方針, measure 施策; measure_level
// "measure"). The result is read back and must give the same plan, else a
// problem is reported and nothing is to be written.
MigratedPlan migrate_plan_text(std::string_view text, const std::string& file, const Taxonomy& taxonomy);

}  // namespace wardscope
