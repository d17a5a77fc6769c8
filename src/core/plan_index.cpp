#include "wardscope/plan_index.hpp"
#include "wardscope/theme_rule.hpp"
#include "wardscope/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <set>
#include <utility>

namespace wardscope {

// ---- Tree -------------------------------------------------------------------

int PlanTree::find(std::string_view node_id) const {
    auto it = by_id.find(node_id);
    return it == by_id.end() ? -1 : it->second;
}

std::vector<int> PlanTree::parents_of(int index) const {
    std::vector<int> out;
    if (index < 0 || static_cast<std::size_t>(index) >= parent.size()) return out;
    if (parent[static_cast<std::size_t>(index)] >= 0) out.push_back(parent[static_cast<std::size_t>(index)]);
    for (int p : also_under[static_cast<std::size_t>(index)]) out.push_back(p);
    return out;
}

std::vector<int> PlanTree::path_to(int index) const {
    std::vector<int> path;
    for (int i = index; i >= 0 && static_cast<std::size_t>(i) < parent.size(); i = parent[static_cast<std::size_t>(i)]) {
        path.push_back(i);
        if (path.size() > parent.size()) break;  // defensive: no cycles by construction
    }
    std::reverse(path.begin(), path.end());
    return path;
}

PlanTree build_plan_tree(const Plan& plan) {
    PlanTree t;
    const std::size_t n = plan.nodes.size();
    t.parent.assign(n, -1);
    t.also_under.assign(n, {});
    t.children.assign(n, {});
    t.depth.assign(n, 0);
    t.descendants.assign(n, 0);
    t.measures.assign(n, 0);
    t.by_id.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Node& node = plan.nodes[i];
        int p = -1;
        if (!node.parent_id.empty()) {
            auto it = t.by_id.find(node.parent_id);  // only earlier nodes: pre-order
            if (it != t.by_id.end()) p = it->second;
        }
        t.by_id.emplace(node.id, static_cast<int>(i));
        t.parent[i] = p;
        if (p < 0) {
            t.roots.push_back(static_cast<int>(i));
        } else {
            t.children[static_cast<std::size_t>(p)].push_back(static_cast<int>(i));
            t.depth[i] = t.depth[static_cast<std::size_t>(p)] + 1;
        }
    }
    // Cross-listed nodes: children of their further parents too (after the nested ones).
    for (std::size_t i = 0; i < n; ++i)
        for (const std::string& id : plan.nodes[i].also_under) {
            const int p = t.find(id);
            if (p < 0 || p == static_cast<int>(i) || p == t.parent[i]) continue;
            t.also_under[i].push_back(p);
            t.children[static_cast<std::size_t>(p)].push_back(static_cast<int>(i));
        }
    const auto is_measure = [&](std::size_t k) { return !plan.measure_level.empty() && plan.nodes[k].level == plan.measure_level; };
    const bool cross_listed = std::any_of(t.also_under.begin(), t.also_under.end(), [](const auto& v) { return !v.empty(); });
    if (!cross_listed) {
        // Parents precede children, so a reverse sweep accumulates subtrees (along the nesting).
        for (std::size_t k = n; k-- > 0;) {
            if (is_measure(k)) t.measures[k] += 1;
            int p = t.parent[k];
            if (p >= 0) {
                t.descendants[static_cast<std::size_t>(p)] += t.descendants[k] + 1;
                t.measures[static_cast<std::size_t>(p)] += t.measures[k];
            }
        }
        return t;
    }
    // With cross-listed nodes a heading counts what is listed beneath it too,
    // each node once (one reached along two paths is one item): a walk per
    // node, marking what it has seen (the sum of the subtrees' sizes).
    std::vector<std::size_t> seen_by(n, n);
    std::vector<int> stack;
    for (std::size_t k = 0; k < n; ++k) {
        if (is_measure(k)) t.measures[k] = 1;
        stack.assign(t.children[k].begin(), t.children[k].end());
        seen_by[k] = k;
        while (!stack.empty()) {
            const std::size_t c = static_cast<std::size_t>(stack.back());
            stack.pop_back();
            if (seen_by[c] == k) continue;
            seen_by[c] = k;
            ++t.descendants[k];
            if (is_measure(c)) ++t.measures[k];
            stack.insert(stack.end(), t.children[c].begin(), t.children[c].end());
        }
    }
    return t;
}

const SourceRef* nearest_source(const Plan& plan, const PlanTree& tree, int node, bool* inherited) {
    std::size_t steps = 0;  // defensive: the tree has no cycles by construction
    for (int k = node; k >= 0 && static_cast<std::size_t>(k) < plan.nodes.size() && steps++ <= plan.nodes.size();
         k = tree.parent[static_cast<std::size_t>(k)]) {
        const SourceRef& s = plan.nodes[static_cast<std::size_t>(k)].source;
        if (!s.empty()) {
            if (inherited) *inherited = k != node;
            return &s;
        }
    }
    if (inherited) *inherited = true;
    return &plan.source;
}

PlanCounts count_plan(const Plan& plan) {
    PlanCounts c;
    c.per_level.assign(plan.levels.size(), 0);
    for (const Node& node : plan.nodes) {
        const int rank = plan.level_rank(node.level);
        if (rank >= 0) ++c.per_level[static_cast<std::size_t>(rank)];
        if (!plan.measure_level.empty() && node.level == plan.measure_level) ++c.measures;
        if (!node.also_under.empty()) ++c.cross_listed;
        if (node.name_unknown()) ++c.unknown_names;
        if (node.is_new) ++c.new_nodes;
    }
    c.indicators = static_cast<int>(plan.indicators.size());
    for (const Indicator& ind : plan.indicators)
        if (ind.target.value) ++c.indicators_with_target;
    c.swot_items = static_cast<int>(plan.swot.size());
    c.tows_strategies = static_cast<int>(plan.tows.size());
    return c;
}

int PlanCounts::nodes() const {
    int total = 0;
    for (int k : per_level) total += k;
    return total;
}

// ---- Search -----------------------------------------------------------------

std::string_view to_string(MatchField f) {
    switch (f) {
        case MatchField::plan_title: return "plan_title";
        case MatchField::plan_title_en: return "plan_title_en";
        case MatchField::plan_vision: return "plan_vision";
        case MatchField::plan_summary: return "plan_summary";
        case MatchField::node_name: return "node_name";
        case MatchField::node_name_en: return "node_name_en";
        case MatchField::node_label: return "node_label";
        case MatchField::node_description: return "node_description";
        case MatchField::indicator: return "indicator";
        case MatchField::swot: return "swot";
        case MatchField::tows: return "tows";
        case MatchField::municipality: return "municipality";
        case MatchField::plan_other: return "plan_other";
        case MatchField::note: return "note";
    }
    return "?";
}

namespace {

// Length of the UTF-8 sequence starting with byte b (1 for invalid lead bytes).
std::size_t utf8_len(unsigned char b) {
    if (b < 0x80) return 1;
    if ((b & 0xE0) == 0xC0) return 2;
    if ((b & 0xF0) == 0xE0) return 3;
    if ((b & 0xF8) == 0xF0) return 4;
    return 1;
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

namespace {

std::string_view trim(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Start of the code point that contains byte `pos`.
std::size_t cp_start(std::string_view s, std::size_t pos) {
    while (pos > 0 && pos < s.size() && is_continuation(static_cast<unsigned char>(s[pos]))) --pos;
    return pos;
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Byte range [begin, end) in `text` of the first match of the folded query.
// Pure ASCII text is compared case-blind in place; text that folding leaves
// as it is (most Japanese) is searched directly; only the rest is folded.
bool find_folded(std::string_view text, std::string_view q, std::size_t& begin, std::size_t& end) {
    if (q.empty() || text.empty()) return false;
    if (is_ascii(text)) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        const auto it = std::search(text.begin(), text.end(), q.begin(), q.end(),
                                    [&](char a, char b) { return lower(a) == b; });
        if (it == text.end()) return false;
        begin = static_cast<std::size_t>(it - text.begin());
        end = begin + q.size();
        return true;
    }
    if (is_folded_for_search(text)) {
        const std::size_t at = text.find(q);
        if (at == std::string_view::npos) return false;
        begin = at;
        end = at + q.size();
        return true;
    }
    // Most texts do not match: fold without offsets first (cheap), then again with them.
    if (fold_for_search(text).find(q) == std::string::npos) return false;
    std::vector<std::size_t> offsets;
    const std::string folded = fold_for_search(text, &offsets);
    const std::size_t at = folded.find(q);
    if (at == std::string::npos) return false;
    begin = offsets[at];
    // The end: where the character holding the match's last byte ends in `text`.
    std::size_t last = at + q.size();
    while (last < folded.size() && offsets[last] == offsets[at + q.size() - 1]) ++last;
    end = offsets[last];
    return true;
}

bool match_into(std::string_view text, const std::string& folded_query, std::size_t context_chars, SearchHit& hit) {
    std::size_t begin = 0, end = 0;
    if (!find_folded(text, folded_query, begin, end)) return false;
    begin = cp_start(text, begin);
    // Keep whole code points: the query may end inside one only if it is invalid UTF-8.
    while (end < text.size() && is_continuation(static_cast<unsigned char>(text[end]))) ++end;

    std::size_t from = begin;
    for (std::size_t k = 0; k < context_chars && from > 0; ++k) from = cp_start(text, from - 1);
    std::size_t to = end;
    for (std::size_t k = 0; k < context_chars && to < text.size(); ++k)
        to += std::min(utf8_len(static_cast<unsigned char>(text[to])), text.size() - to);

    std::string ctx;
    if (from > 0) ctx += "…";
    const std::size_t prefix = ctx.size();
    ctx.append(text.substr(from, to - from));
    if (to < text.size()) ctx += "…";
    for (char& c : ctx)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    hit.context = std::move(ctx);
    hit.match_begin = prefix + (begin - from);
    hit.match_size = end - begin;
    return true;
}

}  // namespace

std::vector<TextMatch> find_matches(std::string_view text, std::string_view query) {
    std::vector<TextMatch> out;
    query = trim(query);
    if (query.empty()) return out;
    const std::string q = fold_for_search(query);
    // Each search starts after the previous match, at a character boundary (its end).
    for (std::size_t from = 0; from < text.size();) {
        std::size_t begin = 0, end = 0;
        if (!find_folded(text.substr(from), q, begin, end) || end <= begin) break;
        out.push_back({from + begin, from + end});
        from += end;
    }
    return out;
}

namespace {

// search_plans looks at a plan's texts in blocks, in this order: its own
// fields (the head), its nodes in runs of kNodesPerBlock, then its
// indicators, SWOT and cross-SWOT (the tail). SearchIndex keeps, per block,
// which characters and character pairs its texts hold, so that a search
// skips the blocks that cannot match.
constexpr std::size_t kNodesPerBlock = 8;

enum class BlockPart : std::uint8_t { head, nodes, tail };

struct SearchBlock {
    std::uint32_t plan = 0;
    BlockPart part = BlockPart::head;
    std::uint32_t first_node = 0, end_node = 0;  // BlockPart::nodes: [first_node, end_node)
};

std::vector<SearchBlock> search_blocks(const Dataset& data) {
    std::vector<SearchBlock> blocks;
    for (std::size_t pi = 0; pi < data.plans.size(); ++pi) {
        const auto plan = static_cast<std::uint32_t>(pi);
        blocks.push_back({plan, BlockPart::head, 0, 0});
        const std::size_t nodes = data.plans[pi].nodes.size();
        for (std::size_t first = 0; first < nodes; first += kNodesPerBlock)
            blocks.push_back({plan, BlockPart::nodes, static_cast<std::uint32_t>(first),
                              static_cast<std::uint32_t>(std::min(nodes, first + kNodesPerBlock))});
        blocks.push_back({plan, BlockPart::tail, 0, 0});
    }
    return blocks;
}

using Fields = std::initializer_list<std::pair<MatchField, const std::string*>>;

// Calls visit(node_index, item_id, measured_node_id, fields) for each item of
// the block, in search order: one hit per item, its first matching field.
// measured_node_id: an indicator's node (the hit points there), else null.
template <typename Visit>
void visit_block(const Dataset& data, const SearchBlock& block, Visit&& visit) {
    const Plan& plan = data.plans[block.plan];
    const std::string none;
    switch (block.part) {
        case BlockPart::head: {
            // The municipality's name finds its plans: one hit with the title.
            const Municipality* m = data.find_municipality(plan.municipality_id);
            const std::string* m_ja = m ? &m->name_ja : &none;
            const std::string* m_en = m ? &m->name_en : &none;
            visit(-1, none, nullptr,
                  Fields{{MatchField::plan_title, &plan.title}, {MatchField::plan_title_en, &plan.title_en},
                         {MatchField::municipality, m_ja}, {MatchField::municipality, m_en}});
            visit(-1, none, nullptr, Fields{{MatchField::plan_vision, &plan.vision}});
            visit(-1, none, nullptr, Fields{{MatchField::plan_summary, &plan.summary}});
            visit(-1, none, nullptr, Fields{{MatchField::plan_other, &plan.approved_by}, {MatchField::plan_other, &plan.period_as_written}});
            for (const std::vector<std::string>* list : {&plan.viewpoints, &plan.focus_fields})
                for (const std::string& text : *list) visit(-1, none, nullptr, Fields{{MatchField::plan_other, &text}});
            for (const PlanStatement& st : plan.statements)  // what the plan says about itself
                visit(-1, none, nullptr,
                      Fields{{MatchField::plan_other, &st.text}, {MatchField::plan_other, &st.label}, {MatchField::plan_other, &st.text_en}});
            break;
        }
        case BlockPart::nodes:
            for (std::size_t ni = block.first_node; ni < block.end_node; ++ni) {
                const Node& n = plan.nodes[ni];
                visit(static_cast<int>(ni), n.id, nullptr,
                      Fields{{MatchField::node_name, &n.name},
                             {MatchField::node_label, &n.label},
                             {MatchField::node_name_en, &n.name_en},
                             {MatchField::node_description, &n.description}});
            }
            break;
        case BlockPart::tail:
            for (const Indicator& ind : plan.indicators)
                visit(-1, ind.id, &ind.node_id,
                      Fields{{MatchField::indicator, &ind.name}, {MatchField::indicator, &ind.name_en},
                             {MatchField::indicator, &ind.label}, {MatchField::indicator, &ind.unit},
                             {MatchField::indicator, &ind.note}, {MatchField::indicator, &ind.baseline.note},
                             {MatchField::indicator, &ind.target.note}});
            for (const SwotItem& s : plan.swot) visit(-1, s.id, nullptr, Fields{{MatchField::swot, &s.text}, {MatchField::swot, &s.text_en}});
            for (const TowsStrategy& s : plan.tows) visit(-1, s.id, nullptr, Fields{{MatchField::tows, &s.text}, {MatchField::tows, &s.text_en}});
            break;
    }
}

// ---- The index's grams: characters and character pairs of the text as
// find_folded compares it (ASCII lowered, folded text as it is, the rest
// folded), hashed into SearchIndex::kSlots slots.

// Code points of UTF-8, a stray byte standing for itself (above U+10FFFF).
template <typename Each>
void each_code_point(std::string_view s, Each&& each) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t len = utf8_len(b);
        std::uint32_t cp = 0x110000u + b;
        if (len > 1 && i + len <= s.size() &&
            std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i + 1), s.begin() + static_cast<std::ptrdiff_t>(i + len),
                        [](char c) { return is_continuation(static_cast<unsigned char>(c)); })) {
            cp = b & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
            for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
            i += len;
        } else {
            cp = b < 0x80 ? b : cp;
            i += 1;
        }
        each(cp);
    }
}

std::uint32_t gram_slot(std::uint32_t previous, std::uint32_t cp) {
    std::uint64_t h = (static_cast<std::uint64_t>(previous) << 21) ^ cp;
    h *= 0x9E3779B97F4A7C15ull;
    return static_cast<std::uint32_t>(h >> 32) % SearchIndex::kSlots;  // the well-mixed high half
}

constexpr std::uint32_t kNoPrevious = 0x1FFFFFu;  // a unigram's "previous" (no code point has it)

template <typename Each>
void each_gram(std::string_view text, Each&& each) {
    std::uint32_t previous = kNoPrevious;
    each_code_point(text, [&](std::uint32_t cp) {
        each(gram_slot(kNoPrevious, cp));
        if (previous != kNoPrevious) {  // a pair sets two slots: fewer blocks pass by chance
            each(gram_slot(previous, cp));
            each(gram_slot(previous, cp ^ 0x155555u));
        }
        previous = cp;
    });
}

// The text find_folded compares the folded query with.
std::string_view compared_form(std::string_view text, std::string& scratch) {
    if (is_ascii(text)) {
        scratch.assign(text);
        for (char& c : scratch)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return scratch;
    }
    if (is_folded_for_search(text)) return text;
    scratch = fold_for_search(text);
    return scratch;
}

}  // namespace

SearchIndex::SearchIndex(const Dataset& data) {
    const std::vector<SearchBlock> blocks = search_blocks(data);
    block_count_ = blocks.size();
    bits_.assign(block_count_ * kWordsPerBlock, 0);
    std::string scratch;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        std::uint64_t* words = bits_.data() + b * kWordsPerBlock;
        visit_block(data, blocks[b], [&](int, const std::string&, const std::string*, Fields fields) {
            for (const auto& field : fields)
                each_gram(compared_form(*field.second, scratch), [&](std::uint32_t slot) { words[slot / 64] |= std::uint64_t{1} << (slot % 64); });
        });
    }
}

std::vector<std::uint64_t> SearchIndex::candidates(std::string_view folded_query) const {
    std::vector<std::uint32_t> slots;
    each_gram(folded_query, [&](std::uint32_t slot) {
        if (std::find(slots.begin(), slots.end(), slot) == slots.end()) slots.push_back(slot);
    });
    std::vector<std::uint64_t> out((block_count_ + 63) / 64, 0);
    for (std::size_t b = 0; b < block_count_; ++b) {
        const std::uint64_t* words = bits_.data() + b * kWordsPerBlock;
        const bool all = std::all_of(slots.begin(), slots.end(), [&](std::uint32_t s) { return words[s / 64] >> (s % 64) & 1u; });
        if (all) out[b / 64] |= std::uint64_t{1} << (b % 64);
    }
    return out;
}

std::vector<SearchHit> search_plans(const Dataset& data, std::string_view query, const SearchOptions& options,
                                    const std::vector<Annotation>& notes, const SearchIndex* index) {
    std::vector<SearchHit> hits;
    query = trim(query);
    if (query.empty()) return hits;
    const std::string q = fold_for_search(query);

    auto full = [&] { return hits.size() >= options.max_hits; };
    // Tries the fields in order; records one hit for the first that matches.
    auto try_fields = [&](std::size_t plan_index, int node_index, const std::string& item_id,
                          const std::string* measured_node_id, Fields fields) {
        if (full()) return;
        for (const auto& [field, text] : fields) {
            SearchHit hit;
            if (match_into(*text, q, options.context_chars, hit)) {
                hit.plan_index = plan_index;
                hit.node_index = node_index;
                hit.item_id = item_id;
                hit.field = field;
                // An indicator's hit points at the node it measures.
                if (measured_node_id && !measured_node_id->empty()) {
                    const std::vector<Node>& nodes = data.plans[plan_index].nodes;
                    for (std::size_t ni = 0; ni < nodes.size(); ++ni)
                        if (nodes[ni].id == *measured_node_id) hit.node_index = static_cast<int>(ni);
                }
                hits.push_back(std::move(hit));
                return;
            }
        }
    };

    const std::vector<SearchBlock> blocks = search_blocks(data);
    // An index of other data (another load) is not used, nor for a query that
    // is not valid UTF-8: its bytes may match inside a character.
    const bool indexed = index && index->block_count() == blocks.size() && find_invalid_utf8(q) == std::string::npos;
    const std::vector<std::uint64_t> candidate = indexed ? index->candidates(q) : std::vector<std::uint64_t>{};
    for (std::size_t b = 0; b < blocks.size() && !full(); ++b) {
        if (indexed && !(candidate[b / 64] >> (b % 64) & 1u)) continue;
        const std::size_t pi = blocks[b].plan;
        visit_block(data, blocks[b], [&](int node_index, const std::string& item_id, const std::string* measured_node_id, Fields fields) {
            try_fields(pi, node_index, item_id, measured_node_id, fields);
        });
    }
    // The notes, on the items of plans the dataset holds.
    std::unordered_map<std::string_view, std::size_t> plan_at;
    for (std::size_t pi = 0; pi < data.plans.size(); ++pi) plan_at.emplace(data.plans[pi].id, pi);
    for (const Annotation& a : notes) {
        if (full()) break;
        const auto p = plan_at.find(a.item.plan_id);
        if (p == plan_at.end()) continue;
        int node_index = -1;
        if (a.item.kind == ItemKind::node) {
            const std::vector<Node>& nodes = data.plans[p->second].nodes;
            for (std::size_t ni = 0; ni < nodes.size(); ++ni)
                if (nodes[ni].id == a.item.item_id) node_index = static_cast<int>(ni);
        }
        try_fields(p->second, node_index, a.item.item_id, nullptr, {{MatchField::note, &a.note}});
    }
    return hits;
}

// ---- Theme profile ----------------------------------------------------------

const ThemeCount* ThemeProfile::find(std::string_view theme_id) const {
    for (const ThemeCount& t : themes)
        if (t.theme_id == theme_id) return &t;
    return nullptr;
}

ThemeProfile theme_profile(const Plan& plan, const Taxonomy& taxonomy) { return theme_profile(plan, build_plan_tree(plan), taxonomy); }

ThemeProfile theme_profile(const Plan& plan, const PlanTree& tree, const Taxonomy& taxonomy) {
    return theme_profile(counted_items(plan, tree), taxonomy);
}

ThemeProfile theme_profile(const CountedItems& counted, const Taxonomy& taxonomy) {
    ThemeProfile p;
    std::unordered_map<std::string_view, std::size_t> slot;  // views the taxonomy's and the items' theme ids
    for (const Theme& th : taxonomy.themes) {
        slot.emplace(th.id, p.themes.size());
        p.themes.push_back(ThemeCount{th.id, 0, 0, 0, 0});
    }
    // The one counting rule (theme_rule.hpp): counted items and the themes they carry.
    p.counts_leaves = !counted.has_measures;
    for (const CountedItems::Item& item : counted.items) {
        ++p.total;
        if (item.themes.empty()) ++p.untagged;
        for (const CarriedTheme& c : item.themes) {
            auto it = slot.find(c.theme_id);
            if (it == slot.end()) {
                it = slot.emplace(c.theme_id, p.themes.size()).first;
                p.themes.push_back(ThemeCount{c.theme_id, 0, 0, 0, 0});
            }
            ThemeCount& tc = p.themes[it->second];
            ++tc.items;
            if (c.by_hand) ++tc.hand; else ++tc.rule;
        }
    }
    for (ThemeCount& tc : p.themes) tc.share = p.total > 0 ? static_cast<double>(tc.items) / p.total : 0.0;
    return p;
}

// ---- Generations ------------------------------------------------------------

std::vector<std::size_t> plan_generations(const Dataset& data, std::string_view municipality_id) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < data.plans.size(); ++i)
        if (data.plans[i].municipality_id == municipality_id) out.push_back(i);
    auto key = [&](std::size_t i) {
        const Plan& p = data.plans[i];
        return std::make_tuple(!p.start_fy.has_value(), p.start_fy.value_or(0), !p.end_fy.has_value(),
                               p.end_fy.value_or(0), std::string_view(p.id));
    };
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return out;
}

std::vector<GenerationGroup> generation_groups(const Dataset& data, std::size_t min_plans) {
    std::vector<std::string> order;
    std::set<std::string> known;
    for (const Municipality& m : data.municipalities)
        if (known.insert(m.id).second) order.push_back(m.id);
    for (const Plan& p : data.plans)
        if (known.insert(p.municipality_id).second) order.push_back(p.municipality_id);
    std::vector<GenerationGroup> groups;
    for (const std::string& id : order) {
        auto plans = plan_generations(data, id);
        if (plans.size() >= std::max<std::size_t>(min_plans, 1)) groups.push_back({id, std::move(plans)});
    }
    return groups;
}

// ---- Strategy alignment -----------------------------------------------------

namespace {

// The themes the counted items of the subtree carry (the one counting rule, theme_rule.hpp).
std::set<std::string> subtree_themes(const Plan& plan, const PlanTree& tree, int index) {
    std::set<std::string> out;
    std::vector<int> stack{index};
    while (!stack.empty()) {
        int i = stack.back();
        stack.pop_back();
        if (is_counted_item(plan, tree, i))
            for (const CarriedTheme& t : carried_themes(plan, tree, i)) out.insert(t.theme_id);
        for (int c : tree.children[static_cast<std::size_t>(i)]) stack.push_back(c);
    }
    return out;
}

// Character bigrams (code points) of a name, ignoring ASCII spaces and punctuation.
std::set<std::string> bigrams(std::string_view text) {
    std::vector<std::string_view> cps;
    const std::string folded_storage = fold_for_search(text);
    std::string_view s = folded_storage;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = std::min(utf8_len(static_cast<unsigned char>(s[i])), s.size() - i);
        const char c = s[i];
        bool skip = len == 1 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
        // Japanese punctuation and brackets: 、。「」『』（）・ and the like (U+3000–U+303F), and "・" U+30FB.
        if (len == 3 && static_cast<unsigned char>(s[i]) == 0xE3 && static_cast<unsigned char>(s[i + 1]) == 0x80) skip = true;
        if (s.substr(i, len) == "・" || s.substr(i, len) == "（" || s.substr(i, len) == "）") skip = true;
        if (!skip) cps.push_back(s.substr(i, len));
        i += len;
    }
    std::set<std::string> out;
    for (std::size_t i = 0; i + 1 < cps.size(); ++i) out.insert(std::string(cps[i]) + std::string(cps[i + 1]));
    if (cps.size() == 1) out.insert(std::string(cps[0]));
    return out;
}

template <typename Set>
double jaccard(const Set& a, const Set& b) {
    if (a.empty() && b.empty()) return 0.0;
    std::size_t common = 0;
    for (const auto& x : a) common += b.count(x);
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

struct Top {
    std::set<std::string> themes;
    std::set<std::string> grams;
};

double similarity(const Top& a, const Top& b) {
    const double text = jaccard(a.grams, b.grams);
    if (a.themes.empty() && b.themes.empty()) return text;
    return 0.5 * jaccard(a.themes, b.themes) + 0.5 * text;
}

Top top_of(const Plan& plan, const PlanTree& tree, int index) {
    return Top{subtree_themes(plan, tree, index), bigrams(plan.nodes[static_cast<std::size_t>(index)].name)};
}

}  // namespace

double strategy_similarity(const Plan& a, const PlanTree& ta, int ia, const Plan& b, const PlanTree& tb, int ib) {
    return similarity(top_of(a, ta, ia), top_of(b, tb, ib));
}

std::vector<AlignedRow> align_strategies(const std::vector<const Plan*>& plans, double threshold) {
    const std::size_t np = plans.size();
    std::vector<AlignedRow> rows;
    if (np == 0) return rows;
    std::vector<PlanTree> trees;
    std::vector<std::vector<Top>> tops(np);  // per plan, per root (in root order)
    trees.reserve(np);
    for (std::size_t p = 0; p < np; ++p) {
        trees.push_back(build_plan_tree(*plans[p]));
        for (int r : trees[p].roots) tops[p].push_back(top_of(*plans[p], trees[p], r));
    }
    // Which root (position in roots) of plan p a row holds: -1 for none.
    std::vector<std::vector<int>> member;  // per row, per plan
    std::vector<std::vector<double>> scores;  // per row: scores of the matches made

    auto new_row = [&](std::size_t at, std::size_t p, int root_pos) {
        std::vector<int> m(np, -1);
        m[p] = root_pos;
        member.insert(member.begin() + static_cast<std::ptrdiff_t>(at), std::move(m));
        scores.insert(scores.begin() + static_cast<std::ptrdiff_t>(at), std::vector<double>{});
    };
    for (std::size_t r = 0; r < tops[0].size(); ++r) new_row(member.size(), 0, static_cast<int>(r));

    for (std::size_t p = 1; p < np; ++p) {
        struct Cand { double score; std::size_t row; int root; };
        std::vector<Cand> cands;
        for (std::size_t row = 0; row < member.size(); ++row) {
            for (std::size_t r = 0; r < tops[p].size(); ++r) {
                double best = 0;
                for (std::size_t q = 0; q < p; ++q)
                    if (member[row][q] >= 0)
                        best = std::max(best, similarity(tops[q][static_cast<std::size_t>(member[row][q])], tops[p][r]));
                if (best >= threshold && best > 0) cands.push_back({best, row, static_cast<int>(r)});
            }
        }
        std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.score > b.score; });
        std::vector<int> row_of_root(tops[p].size(), -1);
        std::vector<bool> row_taken(member.size(), false);
        for (const Cand& c : cands) {
            if (row_taken[c.row] || row_of_root[static_cast<std::size_t>(c.root)] >= 0) continue;
            // Keep the plan's own order: a match may not cross an earlier match of this plan.
            bool crosses = false;
            for (std::size_t r = 0; r < tops[p].size(); ++r) {
                int other = row_of_root[r];
                if (other < 0) continue;
                if ((static_cast<int>(r) < c.root && other > static_cast<int>(c.row)) ||
                    (static_cast<int>(r) > c.root && other < static_cast<int>(c.row)))
                    crosses = true;
            }
            if (crosses) continue;
            row_taken[c.row] = true;
            row_of_root[static_cast<std::size_t>(c.root)] = static_cast<int>(c.row);
            member[c.row][p] = c.root;
            scores[c.row].push_back(c.score);
        }
        // Unmatched roots: a new row right after the row of the previous root of this plan.
        for (std::size_t r = 0; r < tops[p].size(); ++r) {
            if (row_of_root[r] >= 0) continue;
            std::size_t at = 0;
            for (std::size_t row = 0; row < member.size(); ++row)
                if (member[row][p] >= 0 && member[row][p] < static_cast<int>(r)) at = row + 1;
            new_row(at, p, static_cast<int>(r));
            for (int& v : row_of_root)
                if (v >= static_cast<int>(at)) ++v;
            row_of_root[r] = static_cast<int>(at);
        }
    }

    // Final order: every plan's rows keep their order (a topological order of
    // the per-plan chains); among the rows free to go next, the one whose
    // members sit earliest in their plans (mean relative position) goes first.
    const std::size_t nr = member.size();
    std::vector<double> key(nr, 0.0);
    std::vector<std::vector<std::size_t>> next(nr);
    std::vector<int> indegree(nr, 0);
    std::vector<std::size_t> first_plan(nr, np);  // ties: earlier plans first
    for (std::size_t row = 0; row < nr; ++row) {
        for (std::size_t p = np; p-- > 0;)
            if (member[row][p] >= 0) first_plan[row] = p;
        int members = 0;
        for (std::size_t p = 0; p < np; ++p) {
            if (member[row][p] < 0) continue;
            key[row] += static_cast<double>(member[row][p]) / static_cast<double>(tops[p].size());
            ++members;
        }
        if (members > 0) key[row] /= members;
    }
    for (std::size_t p = 0; p < np; ++p) {
        std::size_t prev = nr;
        for (std::size_t row = 0; row < nr; ++row) {
            if (member[row][p] < 0) continue;
            if (prev < nr) {
                next[prev].push_back(row);
                ++indegree[row];
            }
            prev = row;
        }
    }
    std::vector<std::size_t> order;
    order.reserve(nr);
    std::vector<bool> done(nr, false);
    while (order.size() < nr) {
        std::size_t best = nr;
        for (std::size_t row = 0; row < nr; ++row)
            if (!done[row] && indegree[row] == 0 &&
                (best == nr || key[row] < key[best] - 1e-12 ||
                 (key[row] <= key[best] + 1e-12 && first_plan[row] < first_plan[best])))
                best = row;
        if (best == nr) {  // cannot happen (chains follow the row order); keep the rest as is
            for (std::size_t row = 0; row < nr; ++row)
                if (!done[row]) order.push_back(row), done[row] = true;
            break;
        }
        done[best] = true;
        order.push_back(best);
        for (std::size_t n2 : next[best]) --indegree[n2];
    }

    rows.reserve(nr);
    for (std::size_t row : order) {
        AlignedRow out;
        out.nodes.assign(np, -1);
        std::vector<std::size_t> present;
        for (std::size_t p = 0; p < np; ++p) {
            if (member[row][p] < 0) continue;
            out.nodes[p] = trees[p].roots[static_cast<std::size_t>(member[row][p])];
            present.push_back(p);
        }
        if (!scores[row].empty()) {
            double sum = 0;
            for (double s : scores[row]) sum += s;
            out.score = sum / static_cast<double>(scores[row].size());
        }
        if (present.size() >= 2) {
            std::set<std::string> shared = tops[present[0]][static_cast<std::size_t>(member[row][present[0]])].themes;
            for (std::size_t k = 1; k < present.size(); ++k) {
                const auto& t = tops[present[k]][static_cast<std::size_t>(member[row][present[k]])].themes;
                std::set<std::string> next;
                for (const auto& x : shared)
                    if (t.count(x)) next.insert(x);
                shared = std::move(next);
            }
            out.shared_themes.assign(shared.begin(), shared.end());
        }
        rows.push_back(std::move(out));
    }
    return rows;
}

// ---- Display helpers ----------------------------------------------------------

std::string format_value(double value) {
    if (!std::isfinite(value)) return value != value ? "NaN" : (value > 0 ? "∞" : "-∞");
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", std::fabs(value));
    std::string s = buf;
    // Trim trailing zeros and a trailing point.
    if (auto dot = s.find('.'); dot != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    std::string int_part = s.substr(0, s.find('.'));
    std::string frac = s.size() > int_part.size() ? s.substr(int_part.size()) : std::string();
    std::string grouped;
    for (std::size_t i = 0; i < int_part.size(); ++i) {
        if (i > 0 && (int_part.size() - i) % 3 == 0) grouped += ',';
        grouped += int_part[i];
    }
    std::string out = grouped + frac;
    if (value < 0 && out != "0") out.insert(out.begin(), '-');
    return out;
}

}  // namespace wardscope
