// How alike two measures' names are, for Japanese text: character bigrams of
// the NFKC-folded name (text_fold.hpp), weighted by how rare each bigram is
// across all measures (tf-idf), compared by cosine. Built once per data
// change; the generation diff (generation_diff.hpp) and the explorer's
// "similar measures elsewhere" both use it. docs/generation-diff.md explains
// the choices.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope {

// The items a plan's measures are: its measure-level nodes, or its leaves
// when it has none (a plan that stops at strategies), in plan order.
std::vector<int> measure_nodes(const Plan& plan);

// The bigrams of a text as the index counts them: NFKC with case folding,
// split at spaces and punctuation (・、（） …), then every two adjacent code
// points of each piece (a one-character piece counts as itself). Exposed for
// tests and docs.
std::vector<std::u32string> text_bigrams(std::string_view text);

struct SimilarMeasure {
    std::size_t measure = 0;    // into MeasureSimilarity's measures
    double score = 0;           // 0.8 × text + 0.2 × shared themes (Jaccard of the carried themes)
    double text = 0;            // the text similarity alone
    std::vector<std::string> shared_themes;  // theme ids both carry (theme_rule.hpp), in the first one's order
};

class MeasureSimilarity {
public:
    struct Measure {
        std::uint32_t plan = 0;  // into Dataset::plans
        std::uint32_t node = 0;  // into Plan::nodes
    };

    MeasureSimilarity() = default;
    // Every measure of every plan (measure_nodes). `data` must outlive the
    // index only for most_similar_elsewhere (themes, municipalities).
    explicit MeasureSimilarity(const Dataset& data);

    std::size_t size() const { return measures_.size(); }
    const Measure& measure(std::size_t k) const { return measures_[k]; }
    // The index of a plan's node; -1 when it is not one of the measures.
    long find(std::size_t plan, int node) const;
    // The measures of one plan, in plan order (indices into measures).
    std::vector<std::size_t> measures_of(std::size_t plan) const;

    // The theme ids measure `k` carries by the one counting rule
    // (carried_themes in theme_rule.hpp: its own tags, then its ancestors'
    // hand tags), each once, in that order.
    std::vector<std::string> carried_theme_ids(std::size_t k) const;
    // Jaccard of the two measures' carried themes, 0 … 1 (0 when neither carries any).
    double theme_similarity(std::size_t a, std::size_t b) const;

    // Cosine of the two measures' weighted bigram vectors, 0 … 1 (1: the
    // same name, once folded).
    double text_similarity(std::size_t a, std::size_t b) const;

    // The `count` measures of other municipalities' plans most like measure
    // `k`: by score, then dataset order (deterministic); only those whose text
    // similarity is at least `min_text`. Candidates come from an inverted
    // index of the bigrams, never a scan of every measure.
    std::vector<SimilarMeasure> most_similar_elsewhere(const Dataset& data, std::size_t k, std::size_t count = 5,
                                                       double min_text = 0.15) const;

private:
    std::vector<Measure> measures_;
    std::unordered_map<std::uint64_t, long> by_plan_node_;  // plan << 32 | node → measure
    // Each measure's unit vector: (term, weight) sorted by term, in one array.
    std::vector<std::uint32_t> vector_begin_;  // size() + 1 offsets
    std::vector<std::uint32_t> terms_;
    std::vector<float> weights_;
    // Per term, the measures that hold it (ascending), in one array.
    std::vector<std::uint32_t> posting_begin_;  // terms + 1 offsets
    std::vector<std::uint32_t> postings_;
    std::vector<float> posting_weights_;         // the measure's weight of the term, beside each posting
    // Each measure's carried themes as numbers into theme_names_, in one array.
    std::vector<std::uint32_t> themes_begin_;  // size() + 1 offsets
    std::vector<std::uint32_t> themes_;
    std::vector<std::string> theme_names_;
    std::size_t common_df_ = 0;  // terms in more measures than this only score candidates, never find them
};

}  // namespace wardscope
