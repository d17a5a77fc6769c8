// SearchIndex (issue #16): search_plans with the index gives exactly the hits
// it gives without it, and the index leaves out blocks that cannot match.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "wardscope/plan_index.hpp"

using namespace wardscope;

namespace {

Dataset dataset_of(std::vector<PlanFile> files) {
    Dataset d;
    d.taxonomy = test::bundled_taxonomy();
    std::map<std::string, bool> seen;
    for (PlanFile& pf : files) {
        if (!seen[pf.municipality.id]) d.municipalities.push_back(pf.municipality);
        seen[pf.municipality.id] = true;
        d.plans.push_back(std::move(pf.plan));
    }
    return d;
}

Dataset bundled_dataset() {
    std::vector<PlanFile> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "data" / "plans")) {
        if (entry.path().extension() != ".json") continue;
        ParseResult r = read_plan_file(entry.path(), test::bundled_taxonomy());
        REQUIRE(r.ok());
        files.push_back(std::move(r.plan_file));
    }
    return dataset_of(std::move(files));
}

// Plans of 120 measures: each spans many blocks of nodes.
Dataset synthetic_dataset() {
    GenerateOptions options = test::small_generate_options();
    options.measures_per_plan = 120;
    return dataset_of(generate_plan_files(options, test::bundled_taxonomy()));
}

// Every whole-character prefix of `text`, up to `max_chars` characters.
std::vector<std::string> prefixes(const std::string& text, std::size_t max_chars) {
    std::vector<std::string> out;
    std::size_t chars = 0;
    for (std::size_t end = 1; end <= text.size() && chars < max_chars; ++end)
        if (end == text.size() || (static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) {
            out.push_back(text.substr(0, end));
            ++chars;
        }
    return out;
}

// Queries from the data's own texts (prefixes and middles of names, English
// names in other case, descriptions, indicators, SWOT), width/kana variants
// and words found nowhere.
std::vector<std::string> queries_for(const Dataset& d) {
    std::vector<std::string> q = {"ｉＯｔ", "IOT", "ものづくり", "モノヅクリ", "すみだ", "SUMIDA", "連携 強化", "存在しない語句", "zzqx", "(1)",
                                  "令和", "ＤＸ", "x", "の"};
    for (const Plan& p : d.plans) {
        for (const std::string& s : prefixes(p.title, 6)) q.push_back(s);
        for (std::size_t ni = 0; ni < p.nodes.size(); ni += 7) {
            const Node& n = p.nodes[ni];
            for (const std::string& s : prefixes(n.name, 5)) q.push_back(s);
            if (n.name.size() > 9) q.push_back(n.name.substr(3, 6));  // a middle (3-byte characters)
            if (!n.name_en.empty()) {
                std::string upper = n.name_en.substr(0, 12);
                for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
                q.push_back(upper);
            }
            if (!n.description.empty()) q.push_back(n.description.substr(0, std::min<std::size_t>(n.description.size(), 9)));
        }
        for (const Indicator& ind : p.indicators) q.push_back(ind.name.substr(0, std::min<std::size_t>(ind.name.size(), 9)));
        for (const SwotItem& s : p.swot) q.push_back(s.text.substr(0, std::min<std::size_t>(s.text.size(), 12)));
    }
    return q;
}

void check_same_hits(const Dataset& d, const SearchIndex& index, const std::string& query, const SearchOptions& options) {
    const auto plain = search_plans(d, query, options);
    const auto indexed = search_plans(d, query, options, {}, &index);
    REQUIRE_MESSAGE(plain.size() == indexed.size(), query);
    for (std::size_t i = 0; i < plain.size(); ++i) {
        INFO(query, " hit ", i);
        CHECK(plain[i].plan_index == indexed[i].plan_index);
        CHECK(plain[i].node_index == indexed[i].node_index);
        CHECK(plain[i].item_id == indexed[i].item_id);
        CHECK(plain[i].field == indexed[i].field);
        CHECK(plain[i].context == indexed[i].context);
        CHECK(plain[i].match_begin == indexed[i].match_begin);
    }
}

std::size_t candidate_count(const SearchIndex& index, std::string_view query) {
    std::size_t n = 0;
    for (std::uint64_t w : index.candidates(fold_for_search(query))) n += static_cast<std::size_t>(__builtin_popcountll(w));
    return n;
}

}  // namespace

TEST_CASE("search with the index gives the hits of the search without it: bundled plans") {
    const Dataset d = bundled_dataset();
    const SearchIndex index(d);
    REQUIRE(index.block_count() > d.plans.size());
    SearchOptions all;
    all.max_hits = 100000;
    for (const std::string& q : queries_for(d)) {
        check_same_hits(d, index, q, all);
        check_same_hits(d, index, q, {});  // stops at 300 hits, in the same place
    }
}

TEST_CASE("search with the index gives the hits of the search without it: synthetic plans, cut at few hits") {
    const Dataset d = synthetic_dataset();
    const SearchIndex index(d);
    SearchOptions few;
    few.max_hits = 7;
    SearchOptions all;
    all.max_hits = 100000;
    for (const std::string& q : queries_for(d)) {
        check_same_hits(d, index, q, few);
        check_same_hits(d, index, q, all);
    }
}

TEST_CASE("the index leaves out the blocks that cannot match, and an index of other data is not used") {
    const Dataset d = synthetic_dataset();
    const SearchIndex index(d);
    const std::size_t blocks = index.block_count();
    // Each plan: its own fields, its nodes 8 at a time, its indicators/SWOT/TOWS.
    std::size_t expected = 0;
    for (const Plan& p : d.plans) expected += 2 + (p.nodes.size() + 7) / 8;
    CHECK(blocks == expected);
    CHECK(candidate_count(index, "存在しない語句") < blocks / 10);
    CHECK(candidate_count(index, "zzqx") < blocks / 10);
    // Every block holds a plan's title or a measure name: a common character is everywhere.
    const std::string first_title = d.plans.front().title;
    CHECK(candidate_count(index, first_title.substr(0, 3)) > 0);
    // The title's block is a candidate for the title.
    CHECK((index.candidates(fold_for_search(first_title))[0] & 1u) == 1u);

    const Dataset other = bundled_dataset();
    const auto hits = search_plans(other, "連携", {}, {}, &index);  // built from `d`: ignored
    CHECK(hits.size() == search_plans(other, "連携").size());
    CHECK_FALSE(hits.empty());
}
