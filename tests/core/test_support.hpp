// Helpers shared by the core tests: temp folders, the bundled taxonomy, files.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wardscope/error.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/synthetic.hpp"

namespace wardscope::test {

// The message of the Error that `f` throws; "" when it throws none.
inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

inline std::filesystem::path source_dir() { return WARDSCOPE_SOURCE_DIR; }

inline const Taxonomy& bundled_taxonomy() {
    static const Taxonomy taxonomy =
        read_taxonomy(source_dir() / "data" / "themes.json", source_dir() / "data" / "actors.json");
    return taxonomy;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// The bundled plans (data/plans/*.json) by plan id; a problem in a file fails the test.
inline std::map<std::string, PlanFile> bundled_plans() {
    std::map<std::string, PlanFile> plans;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "data" / "plans")) {
        if (entry.path().extension() != ".json") continue;
        auto result = read_plan_file(entry.path(), bundled_taxonomy());
        for (const auto& p : result.problems) FAIL_CHECK(p.to_string());
        plans[result.plan_file.plan.id] = result.plan_file;
    }
    return plans;
}

// Seed text with the extraction's line breaks and table-cell spaces taken out:
// they are not part of a name (names are compared in this form).
inline std::string without_layout_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
    return out;
}

// The problems ("pointer: message") of the plan file `text` after `edit`.
inline std::vector<std::string> problems_after_edit(const std::string& text, const std::function<void(nlohmann::json&)>& edit) {
    nlohmann::json plan = nlohmann::json::parse(text);
    edit(plan);
    std::vector<std::string> out;
    for (const Problem& p : parse_plan_file(plan.dump(), "p.json", bundled_taxonomy()).problems)
        out.push_back(p.pointer + ": " + p.message);
    return out;
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// A node for hand-built plans (its name is its id) and theme tags of either origin.
inline Node node(std::string id, std::string parent, NodeLevel level, std::vector<ThemeTag> themes = {},
                 SourceRef source = {}) {
    Node n;
    n.id = std::move(id);
    n.parent_id = std::move(parent);
    n.level = to_string(level);
    n.name = n.id;
    n.themes = std::move(themes);
    n.source = std::move(source);
    return n;
}
inline ThemeTag hand(std::string id) { return ThemeTag{std::move(id), TagOrigin::hand}; }
inline ThemeTag rule(std::string id) { return ThemeTag{std::move(id), TagOrigin::rule}; }

// A few generated plans (`wardscope gen` at a small scale) for tests.
inline GenerateOptions small_generate_options(std::uint64_t seed = 7) {
    GenerateOptions o;
    o.municipalities = 3;
    o.plans_per_municipality = 2;
    o.measures_per_plan = 10;
    o.indicators_per_plan = 4;
    o.years = 5;
    o.seed = seed;
    return o;
}

// A fresh folder under the system temp dir, removed with the object.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("wardscope-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path, ec);
    }
    std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

// A small valid plan file; tests change one thing and expect one problem.
inline std::string minimal_plan_json(const std::string& id = "test-plan", const std::string& title = "テスト計画") {
    return R"({
  "format": "wardscope-plan/1",
  "id": ")" + id + R"(",
  "municipality": {"id": "testward", "name_ja": "試験区", "name_en": "Test Ward", "kind": "区", "code": null},
  "title": ")" + title + R"(",
  "kind": "構想・ビジョン",
  "status": "案",
  "period": {"start": "令和8年度", "end": 2030},
  "source": {"file": "test.txt", "section": "概要"},
  "nodes": [
    {"id": "st1", "level": "strategy", "label": "戦略1", "name": "創業支援",
     "children": [
       {"id": "m1", "level": "measure", "name": "創業セミナー", "new": true, "themes": ["startup"], "actors": ["municipality"]},
       {"id": "m2", "level": "measure", "name": "商店街の空き店舗活用"}
     ]}
  ],
  "swot": [
    {"id": "s1", "quadrant": "strength", "text": "多様な産業"},
    {"id": "o1", "quadrant": "opportunity", "text": "創業意欲"}
  ],
  "tows": [{"id": "so1", "type": "SO", "text": "強みを伸ばす", "swot": ["s1", "o1"], "nodes": ["st1"]}],
  "indicators": [
    {"id": "kpi1", "kind": "KPI", "name": "創業件数", "unit": "件", "node": "st1",
     "baseline": {"value": 10, "fiscal_year": "R7"}, "target": {"value": 30, "fiscal_year": "R11"}}
  ],
  "observations": [{"indicator": "kpi1", "fiscal_year": 2026, "value": 12, "source": "試験データ", "sample": true}]
})";
}

}  // namespace wardscope::test
