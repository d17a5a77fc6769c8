// Read-only indexes over plans for the dashboard views: the node tree of a
// plan, counts, substring search across all plans, the theme profile of a plan,
// a municipality's plan generations and the alignment of plans' top-level
// strategies for side-by-side comparison. Plain C++: no SQLite, no ImGui.
// Build these once per data change; they hold indices into the Dataset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wardscope/text_fold.hpp"  // fold_for_search: what search folds (NFKC, case)
#include "wardscope/model.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope {

// ---- Tree -------------------------------------------------------------------

// Children lookup for Plan::nodes (pre-order, linked by parent_id). A node whose
// parent is missing (or appears after it) is treated as top-level. A
// cross-listed node (Node::also_under) is a child of each of its parents.
struct PlanTree {
    std::vector<int> parent;                 // per node: the parent it is nested under, or -1
    std::vector<std::vector<int>> also_under;  // per node: its further parents (cross-listed), in file order
    std::vector<std::vector<int>> children;  // per node, in plan order; cross-listed children too
    std::vector<int> roots;                  // top-level nodes, in plan order
    std::vector<int> depth;                  // 0 for roots
    std::vector<int> descendants;            // nodes below (not counting itself)
    std::vector<int> measures;               // measure-level nodes in the subtree, itself included
    std::unordered_map<std::string_view, int> by_id;  // views the plan's own node ids: the plan must outlive the tree

    int find(std::string_view node_id) const;      // -1 when absent
    std::vector<int> parents_of(int index) const;   // parent, then also_under; empty at the top
    bool is_cross_listed(int index) const { return !also_under[static_cast<std::size_t>(index)].empty(); }
    std::vector<int> path_to(int index) const;      // root … index; empty for -1
    bool is_leaf(int index) const { return children[static_cast<std::size_t>(index)].empty(); }
};

PlanTree build_plan_tree(const Plan& plan);

// Where a node was read: its own source, else its nearest ancestor's, else the
// plan's (never null). `inherited` (optional) says it is not the node's own.
const SourceRef* nearest_source(const Plan& plan, const PlanTree& tree, int node, bool* inherited = nullptr);

struct PlanCounts {
    std::vector<int> per_level;     // nodes per level of Plan::levels
    int measures = 0;               // nodes at the measure level
    int cross_listed = 0;           // nodes listed under several parents (each counted once)
    int unknown_names = 0;          // nodes whose name the source does not show
    int new_nodes = 0;              // marked 新規
    int indicators = 0;
    int indicators_with_target = 0; // target value known
    int swot_items = 0, tows_strategies = 0;
    int nodes() const;
};

PlanCounts count_plan(const Plan& plan);

// ---- Search -----------------------------------------------------------------

enum class MatchField {
    plan_title, plan_title_en, plan_vision, plan_summary,
    node_name, node_name_en, node_label, node_description,
    indicator, swot, tows,
    municipality,  // the plan's municipality (name_ja, name_en)
    plan_other,    // approved_by, the period as written, viewpoints, focus fields
    note,          // a workshop note on one of the plan's items
};
std::string_view to_string(MatchField);

struct SearchHit {
    std::size_t plan_index = 0;  // into Dataset::plans
    int node_index = -1;         // into Plan::nodes: the matched node, or the node an indicator measures
    std::string item_id;         // node / indicator / SWOT item / TOWS strategy id; empty for plan fields
    MatchField field = MatchField::node_name;
    std::string context;         // excerpt around the first match; "…" marks cut ends; one line
    std::size_t match_begin = 0; // byte range of the match inside `context`
    std::size_t match_size = 0;
};

struct SearchOptions {
    std::size_t max_hits = 300;
    std::size_t context_chars = 20;  // code points kept on each side of the match
};

// Substring search across every text field of every plan of the dataset
// (names, labels, descriptions, vision, summary, the municipality, indicators
// with their units and notes, SWOT, cross-SWOT) and the workshop notes on
// them, folded (fold_for_search): width, case and kana do not matter (ＩｏＴ ≈
// IoT, すみだ ≈ スミダ). One hit per item (its first matching field), in
// dataset order, then the notes. A blank query gives no hits.
//
// With `index` (built from this same data) it gives the same hits, looking
// only at the parts of plans whose texts hold every character and character
// pair of the folded query (issue #16: a keystroke over 520k measures).
class SearchIndex;
std::vector<SearchHit> search_plans(const Dataset& data, std::string_view query, const SearchOptions& options = {},
                                    const std::vector<Annotation>& notes = {}, const SearchIndex* index = nullptr);

// Built once per data change (the dashboard's Model). Per block of a plan's
// texts (its own fields; its nodes, 8 at a time; its indicators, SWOT and
// cross-SWOT) kSlots bits: the slots of the characters and character pairs
// its texts hold as search compares them (folded). A block whose bits lack
// one of the query's is left out. National size: ≈ 95,000 blocks, 24 MB.
class SearchIndex {
public:
    static constexpr std::size_t kSlots = 2048;
    SearchIndex() = default;
    explicit SearchIndex(const Dataset& data);
    std::size_t block_count() const { return block_count_; }
    // One bit per block, in search order: set where every gram of the folded query may occur.
    std::vector<std::uint64_t> candidates(std::string_view folded_query) const;

private:
    static constexpr std::size_t kWordsPerBlock = kSlots / 64;
    std::size_t block_count_ = 0;
    std::vector<std::uint64_t> bits_;  // block b: words [b * kWordsPerBlock, (b + 1) * kWordsPerBlock)
};

// Every match of `query` in `text`, folded as search_plans folds (so the
// hits it reports can be marked where the text is shown): byte ranges
// [begin, end) of `text`, in order, not overlapping. A blank query: none.
struct TextMatch {
    std::size_t begin = 0, end = 0;
};
std::vector<TextMatch> find_matches(std::string_view text, std::string_view query);


// ---- Theme profile ----------------------------------------------------------

struct ThemeCount {
    std::string theme_id;
    int items = 0;  // counted items carrying the theme
    int hand = 0;   // … tagged by a person
    int rule = 0;   // … tagged only by a keyword rule
    double share = 0;  // items / ThemeProfile::total (0 when total is 0)
};

// Counted items per theme, by the one counting rule (theme_rule.hpp: measures
// and leaves; an item carries its own tags and its ancestors').
// An item may carry several themes, so shares need not sum to 1.
struct ThemeProfile {
    int total = 0;       // counted items
    int untagged = 0;    // counted items carrying no theme
    bool counts_leaves = false;  // the plan has no measure level: its leaves are counted
    std::vector<ThemeCount> themes;  // every taxonomy theme in taxonomy order, then unknown ids
    const ThemeCount* find(std::string_view theme_id) const;
};

struct CountedItems;  // theme_rule.hpp
ThemeProfile theme_profile(const Plan& plan, const Taxonomy& taxonomy);
ThemeProfile theme_profile(const Plan& plan, const PlanTree& tree, const Taxonomy& taxonomy);  // with the plan's tree at hand
ThemeProfile theme_profile(const CountedItems& counted, const Taxonomy& taxonomy);               // with its counted items

// ---- Generations ------------------------------------------------------------

// Plans of one municipality ordered by start year (unknown last), then end year, then id.
std::vector<std::size_t> plan_generations(const Dataset& data, std::string_view municipality_id);

struct GenerationGroup {
    std::string municipality_id;
    std::vector<std::size_t> plans;  // indices into Dataset::plans, oldest first
};

// Municipalities with at least `min_plans` plans, in Dataset::municipalities order
// (municipalities only named by plans come after, in plan order).
std::vector<GenerationGroup> generation_groups(const Dataset& data, std::size_t min_plans = 2);

// ---- Strategy alignment -----------------------------------------------------

// Similarity of two top-level strategies in [0, 1]: themes of their subtrees
// (Jaccard) and character bigrams of their names (Jaccard), averaged; text only
// when neither subtree carries a theme.
double strategy_similarity(const Plan& a, const PlanTree& ta, int ia,
                           const Plan& b, const PlanTree& tb, int ib);

struct AlignedRow {
    std::vector<int> nodes;  // per plan: index of a top-level node, or -1
    double score = 0;        // mean similarity of the matches that formed the row (0: one member)
    std::vector<std::string> shared_themes;  // themes every member's subtree carries (members ≥ 2)
};

// Rows of the plans' top-level nodes, matched across plans when similar enough
// (greedily, best first, without crossing). Every top-level node appears exactly
// once; each plan's nodes keep their order; rows whose members sit early in their
// plans come first.
std::vector<AlignedRow> align_strategies(const std::vector<const Plan*>& plans, double threshold = 0.35);

// ---- Display helpers ----------------------------------------------------------

// "46", "12.5", "1,234", "-0.75": no trailing zeros, thousands separators.
std::string format_value(double value);

}  // namespace wardscope
