// tf-idf cosine over character bigrams (include/wardscope/measure_similarity.hpp).
#include "wardscope/measure_similarity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "wardscope/text_escape.hpp"
#include "wardscope/text_fold.hpp"
#include "wardscope/theme_rule.hpp"

namespace wardscope {

std::vector<int> measure_nodes(const Plan& plan) {
    std::vector<int> out;
    for (std::size_t i = 0; i < plan.nodes.size(); ++i)
        if (!plan.measure_level.empty() && plan.nodes[i].level == plan.measure_level) out.push_back(static_cast<int>(i));
    if (!out.empty() || plan.nodes.empty()) return out;
    // No measure level: the leaves (a node nobody names as parent).
    std::unordered_map<std::string_view, bool> is_parent;
    for (const Node& n : plan.nodes)
        if (!n.parent_id.empty()) is_parent[n.parent_id] = true;
    for (std::size_t i = 0; i < plan.nodes.size(); ++i)
        if (!is_parent.count(plan.nodes[i].id)) out.push_back(static_cast<int>(i));
    return out;
}

namespace {

// After NFKC folding, what separates words: ASCII other than letters and
// digits, Latin-1 punctuation and symbols, the General Punctuation block
// (‐ — ‘ ’ “ ” … ※), arrows, mathematical and technical symbols, box drawing,
// shapes, dingbats, CJK punctuation (、。「」『』【】〔〕〜 …) and ・. Kana,
// kanji, ー, 々 and letters of every script make words. A fixed list rather
// than the platform's character tables, so that every build splits alike.
bool separates_words(char32_t c) {
    if (c < 0x80) return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    return (c >= 0x00A0 && c <= 0x00BF) || c == 0x00D7 || c == 0x00F7 || (c >= 0x2000 && c <= 0x206F) ||
           (c >= 0x2190 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020) ||
           c == 0x3030 || c == 0x30FB || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || c == 0xFFFD;
}

// The code point at `i` (advanced past it); U+FFFD for a byte that starts no valid character.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const std::size_t length = utf8_char_length_at(text, i);
    if (length == 0) {
        ++i;
        return 0xFFFD;
    }
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    char32_t c = length == 1 ? byte(0) : length == 2 ? byte(0) & 0x1F : length == 3 ? byte(0) & 0x0F : byte(0) & 0x07;
    for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (byte(k) & 0x3F);
    i += length;
    return c;
}

// Calls fn(first, second) for each bigram of the folded text (second = 0: a
// one-character piece).
template <typename Fn>
void for_each_bigram(std::string_view text, Fn&& fn) {
    const std::string folded_copy = is_folded_for_search(text) ? std::string() : fold_for_search(text);
    const std::string_view folded = folded_copy.empty() ? text : std::string_view(folded_copy);
    std::size_t i = 0;
    char32_t previous = 0;
    int piece_length = 0;
    auto end_piece = [&] {
        if (piece_length == 1) fn(previous, 0);
        piece_length = 0;
    };
    while (i < folded.size()) {
        const char32_t c = next_code_point(folded, i);
        if (separates_words(c)) {
            end_piece();
            continue;
        }
        if (piece_length > 0) fn(previous, c);
        previous = c;
        ++piece_length;
    }
    end_piece();
}

std::uint64_t bigram_key(char32_t a, char32_t b) { return (static_cast<std::uint64_t>(a) << 21) | b; }

}  // namespace

std::vector<std::u32string> text_bigrams(std::string_view text) {
    std::vector<std::u32string> out;
    for_each_bigram(text, [&](char32_t a, char32_t b) {
        std::u32string s(1, a);
        if (b) s += b;
        out.push_back(std::move(s));
    });
    return out;
}

MeasureSimilarity::MeasureSimilarity(const Dataset& data) {
    // The themes each measure carries, by the same rule as the heatmap counts them.
    std::unordered_map<std::string, std::uint32_t> theme_number;
    themes_begin_.push_back(0);
    for (std::size_t p = 0; p < data.plans.size(); ++p) {
        const Plan& plan = data.plans[p];
        const PlanTree tree = build_plan_tree(plan);
        for (int node : measure_nodes(plan)) {
            by_plan_node_.emplace(static_cast<std::uint64_t>(p) << 32 | static_cast<std::uint32_t>(node),
                                  static_cast<long>(measures_.size()));
            measures_.push_back({static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(node)});
            for (const CarriedTheme& c : carried_themes(plan, tree, node)) {
                const auto [it, added] = theme_number.emplace(c.theme_id, static_cast<std::uint32_t>(theme_names_.size()));
                if (added) theme_names_.push_back(c.theme_id);
                themes_.push_back(it->second);
            }
            themes_begin_.push_back(static_cast<std::uint32_t>(themes_.size()));
        }
    }

    // Term frequencies per measure, terms numbered as first seen.
    std::unordered_map<std::uint64_t, std::uint32_t> term_of;
    std::vector<std::uint32_t> df;
    vector_begin_.reserve(measures_.size() + 1);
    vector_begin_.push_back(0);
    std::vector<std::pair<std::uint32_t, float>> counts;
    for (const Measure& m : measures_) {
        counts.clear();
        for_each_bigram(data.plans[m.plan].nodes[m.node].name, [&](char32_t a, char32_t b) {
            const auto [it, added] = term_of.emplace(bigram_key(a, b), static_cast<std::uint32_t>(df.size()));
            if (added) df.push_back(0);
            counts.emplace_back(it->second, 1.0f);
        });
        std::sort(counts.begin(), counts.end());
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (!terms_.empty() && terms_.size() > vector_begin_.back() && terms_.back() == counts[i].first) {
                weights_.back() += 1.0f;
                continue;
            }
            terms_.push_back(counts[i].first);
            weights_.push_back(1.0f);
            ++df[counts[i].first];
        }
        vector_begin_.push_back(static_cast<std::uint32_t>(terms_.size()));
    }

    // Weights: term frequency × smoothed idf, each vector scaled to length 1.
    const double n = static_cast<double>(measures_.size());
    std::vector<float> idf(df.size());
    for (std::size_t t = 0; t < df.size(); ++t) idf[t] = static_cast<float>(std::log((n + 1.0) / (df[t] + 1.0)) + 1.0);
    for (std::size_t k = 0; k < measures_.size(); ++k) {
        double norm = 0;
        for (std::uint32_t i = vector_begin_[k]; i < vector_begin_[k + 1]; ++i) {
            weights_[i] *= idf[terms_[i]];
            norm += static_cast<double>(weights_[i]) * weights_[i];
        }
        const float scale = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
        for (std::uint32_t i = vector_begin_[k]; i < vector_begin_[k + 1]; ++i) weights_[i] *= scale;
    }

    // The inverted index: measures per term, ascending.
    posting_begin_.assign(df.size() + 1, 0);
    for (std::size_t t = 0; t < df.size(); ++t) posting_begin_[t + 1] = posting_begin_[t] + df[t];
    postings_.resize(terms_.size());
    posting_weights_.resize(terms_.size());
    std::vector<std::uint32_t> fill(posting_begin_.begin(), posting_begin_.end() - 1);
    for (std::size_t k = 0; k < measures_.size(); ++k)
        for (std::uint32_t i = vector_begin_[k]; i < vector_begin_[k + 1]; ++i)
        {
            posting_weights_[fill[terms_[i]]] = weights_[i];
            postings_[fill[terms_[i]]++] = static_cast<std::uint32_t>(k);
        }
    // A bigram in more than 1 in 20 measures (事業, 支援 …) weighs little: it
    // adds to a candidate's score but does not make one (unless the measure
    // has nothing rarer). Small datasets keep every term.
    common_df_ = std::max<std::size_t>(256, measures_.size() / 20);
}

long MeasureSimilarity::find(std::size_t plan, int node) const {
    if (node < 0) return -1;
    const auto it = by_plan_node_.find(static_cast<std::uint64_t>(plan) << 32 | static_cast<std::uint32_t>(node));
    return it == by_plan_node_.end() ? -1 : it->second;
}

std::vector<std::size_t> MeasureSimilarity::measures_of(std::size_t plan) const {
    // Measures are numbered plan by plan: a binary search finds the run.
    const auto lo = std::lower_bound(measures_.begin(), measures_.end(), plan,
                                     [](const Measure& m, std::size_t p) { return m.plan < p; });
    std::vector<std::size_t> out;
    for (auto it = lo; it != measures_.end() && it->plan == plan; ++it)
        out.push_back(static_cast<std::size_t>(it - measures_.begin()));
    return out;
}

double MeasureSimilarity::text_similarity(std::size_t a, std::size_t b) const {
    std::uint32_t i = vector_begin_[a], j = vector_begin_[b];
    const std::uint32_t ie = vector_begin_[a + 1], je = vector_begin_[b + 1];
    double dot = 0;
    while (i < ie && j < je) {
        if (terms_[i] < terms_[j]) ++i;
        else if (terms_[j] < terms_[i]) ++j;
        else dot += static_cast<double>(weights_[i++]) * weights_[j++];
    }
    return std::clamp(dot, 0.0, 1.0);
}

std::vector<std::string> MeasureSimilarity::carried_theme_ids(std::size_t k) const {
    std::vector<std::string> out;
    for (std::uint32_t i = themes_begin_[k]; i < themes_begin_[k + 1]; ++i) out.push_back(theme_names_[themes_[i]]);
    return out;
}

double MeasureSimilarity::theme_similarity(std::size_t a, std::size_t b) const {
    // carried_themes lists each theme once, so the counts are set sizes.
    const std::uint32_t in_a = themes_begin_[a + 1] - themes_begin_[a], in_b = themes_begin_[b + 1] - themes_begin_[b];
    std::size_t shared = 0;
    for (std::uint32_t i = themes_begin_[a]; i < themes_begin_[a + 1]; ++i)
        for (std::uint32_t j = themes_begin_[b]; j < themes_begin_[b + 1]; ++j)
            if (themes_[i] == themes_[j]) {
                ++shared;
                break;
            }
    const std::size_t together = in_a + in_b - shared;
    return together ? static_cast<double>(shared) / static_cast<double>(together) : 0.0;
}

std::vector<SimilarMeasure> MeasureSimilarity::most_similar_elsewhere(const Dataset& data, std::size_t k, std::size_t count,
                                                                      double min_text) const {
    std::vector<SimilarMeasure> out;
    if (k >= measures_.size() || count == 0) return out;
    const Measure& self = measures_[k];
    const std::string& own_municipality = data.plans[self.plan].municipality_id;

    // Term at a time over the inverted index: every measure sharing a bigram
    // gets its approximate cosine in `dot`; the candidates are those sharing
    // a bigram that is not common (every sharer when the name has only
    // common ones). Candidates close to min_text are then scored exactly.
    bool any_rare = false;
    for (std::uint32_t i = vector_begin_[k]; i < vector_begin_[k + 1]; ++i)
        any_rare |= posting_begin_[terms_[i] + 1] - posting_begin_[terms_[i]] <= common_df_;
    std::vector<float> dot(measures_.size(), 0.0f);
    std::vector<char> is_candidate(measures_.size(), 0);
    std::vector<std::uint32_t> candidates;
    for (std::uint32_t i = vector_begin_[k]; i < vector_begin_[k + 1]; ++i) {
        const std::uint32_t t = terms_[i];
        const bool finds = !any_rare || posting_begin_[t + 1] - posting_begin_[t] <= common_df_;
        for (std::uint32_t p = posting_begin_[t]; p < posting_begin_[t + 1]; ++p) {
            const std::uint32_t c = postings_[p];
            dot[c] += weights_[i] * posting_weights_[p];
            if (finds && !is_candidate[c]) is_candidate[c] = 1, candidates.push_back(c);
        }
    }

    // Plans of the measure's own municipality are left out.
    std::vector<char> own_plan(data.plans.size(), 0);
    for (std::size_t p = 0; p < data.plans.size(); ++p) own_plan[p] = data.plans[p].municipality_id == own_municipality;

    struct Scored {
        double score, text;
        std::uint32_t measure;
    };
    std::vector<Scored> scored;
    for (std::uint32_t c : candidates) {
        const Measure& m = measures_[c];
        if (own_plan[m.plan] || dot[c] < min_text - 1e-3) continue;
        const double text = text_similarity(k, c);
        if (text < min_text) continue;
        scored.push_back({0.8 * text + 0.2 * theme_similarity(k, c), text, c});
    }
    // Best first; equal scores in dataset order.
    const std::size_t keep = std::min(count, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(keep), scored.end(), [](const Scored& a, const Scored& b) {
        return a.score != b.score ? a.score > b.score : a.measure < b.measure;
    });
    for (std::size_t i = 0; i < keep; ++i) {
        SimilarMeasure s;
        s.measure = scored[i].measure;
        s.score = scored[i].score;
        s.text = scored[i].text;
        for (std::uint32_t mine = themes_begin_[k]; mine < themes_begin_[k + 1]; ++mine)
            for (std::uint32_t theirs = themes_begin_[s.measure]; theirs < themes_begin_[s.measure + 1]; ++theirs)
                if (themes_[mine] == themes_[theirs]) {
                    s.shared_themes.push_back(theme_names_[themes_[mine]]);
                    break;
                }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace wardscope
