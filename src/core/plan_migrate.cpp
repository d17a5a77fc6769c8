#include "wardscope/plan_migrate.hpp"

#include <nlohmann/json.hpp>

namespace wardscope {

namespace {

using ordered = nlohmann::ordered_json;

ordered default_levels_json() {
    ordered levels = ordered::array();
    for (const PlanLevel& l : default_plan_levels())
        levels.push_back(ordered{{"id", l.id}, {"name", l.name}, {"name_en", l.name_en}});
    return levels;
}

}  // namespace

MigratedPlan migrate_plan_text(std::string_view text, const std::string& file, const Taxonomy& taxonomy) {
    MigratedPlan out;
    ParseResult before = parse_plan_file(text, file, taxonomy);
    if (!before.ok()) {
        out.problems = std::move(before.problems);
        return out;
    }
    // Valid, so one JSON object with each key once: its order is kept.
    const ordered root = ordered::parse(text.begin(), text.end());
    if (root.at("format") != "wardscope-plan/1") {
        out.already_format_2 = true;
        out.text = std::string(text);
        return out;
    }
    ordered migrated = ordered::object();
    for (const auto& [key, value] : root.items()) {
        if (key != "format") {
            migrated[key] = value;
            continue;
        }
        migrated["format"] = "wardscope-plan/2";
        migrated["levels"] = default_levels_json();
        migrated["measure_level"] = "measure";
    }
    out.text = migrated.dump(2, ' ', false) + "\n";
    // Read back: the same plan, or nothing is written.
    const ParseResult after = parse_plan_file(out.text, file, taxonomy);
    if (!after.ok() || to_json_text(after.plan_file) != to_json_text(before.plan_file)) {
        out.problems = after.problems;
        out.problems.push_back({file, "/", "its format-2 form does not read back as the same plan; nothing was written"});
        out.text.clear();
    }
    return out;
}

}  // namespace wardscope
