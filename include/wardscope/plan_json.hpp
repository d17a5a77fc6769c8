// Plan files (docs/plan-format.md): parse, validate and write them back.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "wardscope/model.hpp"

namespace wardscope {

// One problem in one file, located by a JSON pointer ("/nodes/2/children/0/themes/1").
struct Problem {
    std::string file;
    std::string pointer;
    std::string message;
    std::string to_string() const;  // "file: /pointer: message"
};

struct ParseResult {
    std::string file;  // as named in problems
    PlanFile plan_file;
    std::vector<Problem> problems;  // empty when the file is valid
    std::vector<Problem> warnings;  // valid, but shown differently: characters the dashboard cannot draw
    bool ok() const { return problems.empty(); }
};

// Parses plan-file text. Every problem is reported (not just the first); `file`
// names the input in messages. Checks UTF-8, JSON syntax, types, required
// fields, ids, references (themes, actors, nodes, SWOT items) and year order.
ParseResult parse_plan_file(std::string_view text, const std::string& file, const Taxonomy& taxonomy);
ParseResult read_plan_file(const std::filesystem::path& path, const Taxonomy& taxonomy);

// Problems that only show across files: duplicate plan ids, one municipality
// described differently by two files.
std::vector<Problem> check_plan_set(const std::vector<ParseResult>& results);
// The same checks one file at a time: add() returns the problems this file
// has with the valid files added before it.
class PlanSetCheck {
public:
    std::vector<Problem> add(const ParseResult& result);

private:
    std::map<std::string, std::string, std::less<>> plan_files_;  // plan id → file
    // id → each different description of it and the file that gave it first
    std::map<std::string, std::vector<std::pair<Municipality, std::string>>, std::less<>> municipalities_;
};

// Theme and actor vocabularies (data/themes.json, data/actors.json).
Taxonomy read_taxonomy(const std::filesystem::path& themes_json, const std::filesystem::path& actors_json);
// documents_text: data/documents.json (source documents), "" when there is none.
Taxonomy parse_taxonomy(std::string_view themes_text, std::string_view actors_text, std::string_view documents_text = {});

// Back to the plan-file format (nested nodes). Rule-derived tags are not
// written: they are derived again on import.
nlohmann::json to_json(const PlanFile& plan_file);
std::string to_json_text(const PlanFile& plan_file);

// Adds `rule` theme tags from the taxonomy's keywords to nodes not tagged by hand.
void derive_rule_tags(Plan& plan, const Taxonomy& taxonomy);
// The tags derive_rule_tags leaves on one node: its hand tags, then a `rule`
// tag for each theme (in taxonomy order) not tagged by hand whose keyword
// occurs in the node's name or description.
std::vector<ThemeTag> derived_theme_tags(const Node& node, const Taxonomy& taxonomy);

}  // namespace wardscope
