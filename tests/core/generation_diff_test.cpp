// The generation diff (continued / changed / added / dropped) on the bundled
// plans, the user's decisions kept across re-imports, and the similar
// measures of other municipalities.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include <sqlite3.h>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/error.hpp"
#include "wardscope/generation_diff.hpp"
#include "wardscope/measure_similarity.hpp"
#include "wardscope/plan_import.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/records.hpp"
#include "wardscope/synthetic.hpp"
#include "wardscope/theme_rule.hpp"
#include "wardscope/store.hpp"
#include "wardscope/workshop.hpp"

using namespace wardscope;
using test::error_of;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> bundled_files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(test::source_dir() / "data" / "plans")) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

Store bundled_store(const test::TempDir& dir) {
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plan_files(store, test::bundled_taxonomy(), bundled_files());
    return store;
}

std::size_t plan_at(const Dataset& data, const std::string& id) {
    for (std::size_t i = 0; i < data.plans.size(); ++i)
        if (data.plans[i].id == id) return i;
    FAIL("no plan " << id);
    return 0;
}

// node id → (status, the other side's node id)
struct Outcome {
    DiffStatus status;
    std::string other;
};
std::map<std::string, Outcome> outcomes_by_a(const Dataset& data, const GenerationDiff& d) {
    std::map<std::string, Outcome> out;
    const Plan& a = data.plans[d.plan_a];
    const Plan& b = data.plans[d.plan_b];
    for (const DiffRow& r : d.rows)
        if (r.node_a >= 0)
            out[a.nodes[static_cast<std::size_t>(r.node_a)].id] = {
                r.status, r.node_b >= 0 ? b.nodes[static_cast<std::size_t>(r.node_b)].id : std::string()};
    return out;
}
std::map<std::string, DiffStatus> statuses_by_b(const Dataset& data, const GenerationDiff& d) {
    std::map<std::string, DiffStatus> out;
    for (const DiffRow& r : d.rows)
        if (r.node_b >= 0) out[data.plans[d.plan_b].nodes[static_cast<std::size_t>(r.node_b)].id] = r.status;
    return out;
}

// Every measure of both plans exactly once, and the statuses agree with the sides present.
void check_each_measure_once(const Dataset& data, const GenerationDiff& d) {
    std::multiset<int> seen_a, seen_b;
    for (const DiffRow& r : d.rows) {
        if (r.node_a >= 0) seen_a.insert(r.node_a);
        if (r.node_b >= 0) seen_b.insert(r.node_b);
        switch (r.status) {
            case DiffStatus::continued:
            case DiffStatus::changed: CHECK((r.node_a >= 0 && r.node_b >= 0)); break;
            case DiffStatus::dropped: CHECK((r.node_a >= 0 && r.node_b < 0)); break;
            case DiffStatus::added: CHECK((r.node_a < 0 && r.node_b >= 0)); break;
        }
    }
    const std::vector<int> ma = measure_nodes(data.plans[d.plan_a]), mb = measure_nodes(data.plans[d.plan_b]);
    CHECK(seen_a == std::multiset<int>(ma.begin(), ma.end()));
    CHECK(seen_b == std::multiset<int>(mb.begin(), mb.end()));
}

}  // namespace

TEST_CASE("bigrams: folded as search folds (NFKC, case, hiragana as katakana), split at punctuation, one-character pieces kept") {
    CHECK(text_bigrams("新製品・新技術") == std::vector<std::u32string>{U"新製", U"製品", U"新技", U"技術"});
    CHECK(text_bigrams("ＩｏＴ活用") == std::vector<std::u32string>{U"io", U"ot", U"t活", U"活用"});
    CHECK(text_bigrams("（区）") == std::vector<std::u32string>{U"区"});
    CHECK(text_bigrams("ハードウェア") == std::vector<std::u32string>{U"ハー", U"ード", U"ドウ", U"ウェ", U"ェア"});
    CHECK(text_bigrams("人々〜※の") == std::vector<std::u32string>{U"人々", U"ノ"});
    CHECK(text_bigrams("「板橋のいっぴん」") == std::vector<std::u32string>{U"板橋", U"橋ノ", U"ノイ", U"イッ", U"ッピ", U"ピン"});
    CHECK(text_bigrams("いっぴん") == text_bigrams("イッピン"));  // a measure renamed from hiragana to katakana is the same words
    CHECK(text_bigrams("SDGs/ESG") == std::vector<std::u32string>{U"sd", U"dg", U"gs", U"es", U"sg"});
    CHECK(text_bigrams("").empty());
}

TEST_CASE("text similarity: 1 for the same folded name, 0 for nothing shared, symmetric") {
    Dataset data;
    Plan p;
    p.id = "p";
    p.municipality_id = "m";
    for (const char* name : {"先端技術活用コミュニティ強化事業", "先端技術活用コミュニティ強化事業", "空き店舗", "ＩｏＴ推進", "iot推進"}) {
        Node n;
        n.id = std::to_string(p.nodes.size());
        n.name = name;
        p.nodes.push_back(n);
    }
    data.plans.push_back(p);
    const MeasureSimilarity index(data);
    REQUIRE(index.size() == 5);
    CHECK(index.text_similarity(0, 1) == doctest::Approx(1.0));
    CHECK(index.text_similarity(3, 4) == doctest::Approx(1.0));
    CHECK(index.text_similarity(0, 2) == 0.0);
    CHECK(index.text_similarity(0, 3) == index.text_similarity(3, 0));
}

TEST_CASE("the four generation pairs of the bundled data: every measure exactly once") {
    const Dataset data = [] {
        test::TempDir dir;
        return load_dataset(bundled_store(dir));
    }();
    const MeasureSimilarity index(data);
    for (const char* m : {"sumida", "arakawa", "itabashi", "ome"}) {
        CAPTURE(m);
        const std::size_t a = plan_at(data, std::string(m) + "-regional-2019");
        const std::size_t b = plan_at(data, std::string(m) + "-regional-2022");
        const GenerationDiff d = diff_generations(data, index, a, b, {});
        check_each_measure_once(data, d);
        CHECK(d.count(DiffStatus::continued) + d.count(DiffStatus::changed) + d.count(DiffStatus::dropped) ==
              static_cast<int>(measure_nodes(data.plans[a]).size()));
        // Deterministic: the same rows again, and the reverse diff mirrors it.
        const GenerationDiff again = diff_generations(data, index, a, b, {});
        REQUIRE(again.rows.size() == d.rows.size());
        for (std::size_t r = 0; r < d.rows.size(); ++r) {
            CHECK(again.rows[r].node_a == d.rows[r].node_a);
            CHECK(again.rows[r].node_b == d.rows[r].node_b);
        }
        const GenerationDiff reverse = diff_generations(data, index, b, a, {});
        CHECK(reverse.count(DiffStatus::added) == d.count(DiffStatus::dropped));
        CHECK(reverse.count(DiffStatus::dropped) == d.count(DiffStatus::added));
        CHECK(reverse.count(DiffStatus::continued) == d.count(DiffStatus::continued));
    }
    // Itabashi's vision of 2035 stops at strategies for some parts: the diff still lists every item.
    const GenerationDiff vision = diff_generations(data, index, plan_at(data, "itabashi-regional-2022"),
                                                   plan_at(data, "itabashi-vision-2035"), {});
    check_each_measure_once(data, vision);
}

TEST_CASE("hand-checked statuses from the seeds") {
    test::TempDir dir;
    const Dataset data = load_dataset(bundled_store(dir));
    const MeasureSimilarity index(data);
    auto diff = [&](const char* m) {
        return diff_generations(data, index, plan_at(data, std::string(m) + "-regional-2019"),
                                plan_at(data, std::string(m) + "-regional-2022"), {});
    };
    {   // Arakawa: 次世代へのバトンタッチ支援事業 is in both plans as written.
        const GenerationDiff d = diff("arakawa");
        const auto a = outcomes_by_a(data, d);
        CHECK(a.at("st1-m1").status == DiffStatus::continued);
        CHECK(a.at("st1-m1").other == "st1-m2");
        // 荒川区製造業等経営力向上支援事業 → 製造業等企業価値向上支援プロジェクト: the same programme, renamed.
        CHECK(a.at("st1-m3").status == DiffStatus::changed);
        CHECK(a.at("st1-m3").other == "st2-m1");
        // 日暮里地域創業機運醸成事業 has no successor in the 2022 plan.
        CHECK(a.at("st3-m1").status == DiffStatus::dropped);
        const auto b = statuses_by_b(data, d);
        CHECK(b.at("st1-m1") == DiffStatus::added);  // 街なか商店塾事業
    }
    {   // Ome: 先端技術活用コミュニティ強化事業 continues; 空き店舗活用支援事業 does not.
        const GenerationDiff d = diff("ome");
        const auto a = outcomes_by_a(data, d);
        CHECK(a.at("st1-m1").status == DiffStatus::continued);
        CHECK(a.at("st1-m1").other == "st1-m1");
        CHECK(a.at("st3-m1").status == DiffStatus::dropped);
        const auto b = statuses_by_b(data, d);
        CHECK(b.at("st3-m2") == DiffStatus::added);  // 人材確保・育成支援事業: only 支援事業 in common
    }
    {   // Sumida: the brand strategy goes on as すみだモダンブランドコミュニケーション展開事業.
        const GenerationDiff d = diff("sumida");
        const auto a = outcomes_by_a(data, d);
        CHECK(a.at("st2-m1").status == DiffStatus::changed);
        CHECK(a.at("st2-m1").other == "st3-m1");
        CHECK(a.at("st2-m2").status == DiffStatus::dropped);  // ものづくりプロモーションの推進
    }
    {   // Itabashi: the 2022 plan's measures are all new.
        const GenerationDiff d = diff("itabashi");
        CHECK(d.count(DiffStatus::continued) == 0);
        CHECK(d.count(DiffStatus::added) >= 8);
    }
}

TEST_CASE("decisions: confirm, change and break a match, kept across a re-import, undone by restoring") {
    test::TempDir dir;
    Store store = bundled_store(dir);
    const std::string a = "sumida-regional-2019", b = "sumida-regional-2022";
    auto current = [&] {
        const Dataset data = load_dataset(store);
        const MeasureSimilarity index(data);
        const GenerationDiff d =
            diff_generations(data, index, plan_at(data, a), plan_at(data, b), load_match_overrides(store));
        check_each_measure_once(data, d);
        return std::pair{outcomes_by_a(data, d), d};
    };
    const auto [before, before_diff] = current();
    REQUIRE(before.at("st2-m1").other == "st3-m1");

    // Change: st2-m1 is st1-m2 instead (すみだモダンパートナーシップ連携事業).
    const auto snapshot = match_overrides_of(store, a, b);
    CHECK(snapshot.empty());
    confirm_match(store, a, "st2-m1", b, "st1-m2");
    {
        const auto [now, d] = current();
        CHECK(now.at("st2-m1").other == "st1-m2");
        CHECK(d.decisions_applied == 1);
        bool confirmed = false;
        for (const DiffRow& r : d.rows) confirmed |= r.confirmed;
        CHECK(confirmed);
    }
    // Break the automatic match of st1-m1.
    const std::string auto_partner = before.at("st1-m1").other;
    if (!auto_partner.empty()) {
        break_match(store, a, "st1-m1", b, auto_partner);
        const auto [now, d] = current();
        CHECK(now.at("st1-m1").other != auto_partner);
    }
    const auto decisions = load_match_overrides(store);
    CHECK(decisions.size() == (auto_partner.empty() ? 1u : 2u));

    // Re-import every plan (what scripts/setup-db.sh does): the decisions stay and still apply.
    import_plan_files(store, test::bundled_taxonomy(), bundled_files());
    CHECK(load_match_overrides(store) == decisions);
    CHECK(current().first.at("st2-m1").other == "st1-m2");

    // Confirming another partner for st2-m1 replaces the first decision (one match per measure).
    confirm_match(store, a, "st2-m1", b, "st2-m2");
    CHECK(current().first.at("st2-m1").other == "st2-m2");
    CHECK(load_match_overrides(store).size() == decisions.size());

    // Clearing gives the automatic match back; restoring the snapshot empties the table for the pair.
    clear_match_decision(store, a, "st2-m1", b, "st2-m2");
    CHECK(current().first.at("st2-m1").other == "st3-m1");
    restore_match_overrides(store, a, b, decisions);
    CHECK(load_match_overrides(store) == decisions);
    restore_match_overrides(store, a, b, snapshot);
    CHECK(load_match_overrides(store).empty());
}

TEST_CASE("decisions are checked before anything is written") {
    test::TempDir dir;
    Store store = bundled_store(dir);
    CHECK(error_of([&] { confirm_match(store, "sumida-regional-2019", "st1-m1", "arakawa-regional-2022", "st1-m1"); })
              .find("different municipalities") != std::string::npos);
    CHECK(error_of([&] { confirm_match(store, "sumida-regional-2019", "nope", "sumida-regional-2022", "st1-m1"); })
              .find("has no measure 'nope'") != std::string::npos);
    CHECK(error_of([&] { break_match(store, "sumida-regional-2019", "st1-m1", "sumida-regional-2019", "st1-m1"); })
              .find("the same plan") != std::string::npos);
    CHECK(error_of([&] { confirm_match(store, "gone", "st1-m1", "sumida-regional-2022", "st1-m1"); })
              .find("there is no plan 'gone'") != std::string::npos);
    CHECK(load_match_overrides(store).empty());
}

TEST_CASE("a decision about a measure a later import dropped is kept, counted as stale, and applies again when it returns") {
    test::TempDir dir;
    Store store = bundled_store(dir);
    const std::string a = "ome-regional-2019", b = "ome-regional-2022";
    confirm_match(store, a, "st3-m1", b, "st3-m2");
    // A re-import without st3-m2 in the later plan.
    auto result = read_plan_file(test::source_dir() / "data" / "plans" / "ome-regional-2022.json", test::bundled_taxonomy());
    REQUIRE(result.ok());
    PlanFile later = result.plan_file;
    auto& nodes = later.plan.nodes;
    nodes.erase(std::remove_if(nodes.begin(), nodes.end(), [](const Node& n) { return n.id == "st3-m2"; }), nodes.end());
    import_plans(store, test::bundled_taxonomy(), {later});
    const Dataset data = load_dataset(store);
    const MeasureSimilarity index(data);
    const GenerationDiff d = diff_generations(data, index, plan_at(data, a), plan_at(data, b), load_match_overrides(store));
    CHECK(d.decisions_stale == 1);
    CHECK(d.decisions_applied == 0);
    CHECK(load_match_overrides(store).size() == 1);
    check_each_measure_once(data, d);
}

TEST_CASE("Markdown and CSV: one row per measure, cells escaped") {
    test::TempDir dir;
    const Dataset data = load_dataset(bundled_store(dir));
    const MeasureSimilarity index(data);
    const GenerationDiff d =
        diff_generations(data, index, plan_at(data, "arakawa-regional-2019"), plan_at(data, "arakawa-regional-2022"), {});
    const std::string csv = diff_to_csv(data, d);
    CHECK(csv.starts_with(std::string(utf8_bom)));
    const auto rows = parse_csv(csv, "diff.csv");
    REQUIRE(rows.size() == d.rows.size() + 1);
    CHECK(rows[0].fields[0] == "status");
    std::map<std::string, int> statuses;
    for (std::size_t r = 1; r < rows.size(); ++r) ++statuses[rows[r].fields[0]];
    CHECK(statuses["continued"] == d.count(DiffStatus::continued));
    CHECK(statuses["added"] == d.count(DiffStatus::added));
    const std::string md = diff_to_markdown(data, d);
    CHECK(md.find("| 継続 | 100% | 次世代へのバトンタッチ支援事業 (`st1-m1`) | 次世代へのバトンタッチ支援事業 (`st1-m2`) | 自動 |") !=
          std::string::npos);
    std::size_t table_rows = 0;
    for (std::size_t at = md.find("\n| "); at != std::string::npos; at = md.find("\n| ", at + 1)) ++table_rows;
    CHECK(table_rows == d.rows.size() + 2);  // the header and its rule, then one line per measure

    // A name with Markdown syntax stays inside its cell.
    Dataset odd = data;
    Plan& p = odd.plans[plan_at(odd, "arakawa-regional-2022")];
    for (Node& n : p.nodes)
        if (n.id == "st1-m1") n.name = "a | b <script>";
    const MeasureSimilarity odd_index(odd);
    const std::string odd_md = diff_to_markdown(
        odd, diff_generations(odd, odd_index, plan_at(odd, "arakawa-regional-2019"), plan_at(odd, "arakawa-regional-2022"), {}));
    CHECK(odd_md.find("a \\| b &lt;script&gt;") != std::string::npos);
    CHECK(odd_md.find("<script>") == std::string::npos);
}

TEST_CASE("similar measures elsewhere: other municipalities only, best first, deterministic") {
    test::TempDir dir;
    const Dataset data = load_dataset(bundled_store(dir));
    const MeasureSimilarity index(data);
    std::size_t with_results = 0;
    for (std::size_t k = 0; k < index.size(); ++k) {
        const auto similar = index.most_similar_elsewhere(data, k, 5);
        CHECK(similar.size() <= 5);
        const Plan& own = data.plans[index.measure(k).plan];
        for (std::size_t i = 0; i < similar.size(); ++i) {
            const Plan& other = data.plans[index.measure(similar[i].measure).plan];
            CHECK(other.municipality_id != own.municipality_id);
            CHECK(similar[i].text >= 0.15);
            if (i > 0) CHECK(similar[i - 1].score >= similar[i].score);
        }
        const auto again = index.most_similar_elsewhere(data, k, 5);
        REQUIRE(again.size() == similar.size());
        for (std::size_t i = 0; i < similar.size(); ++i) CHECK(again[i].measure == similar[i].measure);
        with_results += similar.empty() ? 0 : 1;
    }
    CHECK(with_results > index.size() / 4);

    // 次世代へのバトンタッチ支援事業 (Arakawa) has no namesake elsewhere; its own 2022 copy is never listed.
    const std::size_t arakawa = plan_at(data, "arakawa-regional-2019");
    const long k = index.find(arakawa, 1);  // st1-m1
    REQUIRE(k >= 0);
    for (const SimilarMeasure& s : index.most_similar_elsewhere(data, static_cast<std::size_t>(k), 5))
        CHECK(data.plans[index.measure(s.measure).plan].municipality_id != "arakawa");
}

TEST_CASE("similar measures at synthetic scale: the inverted index finds what a scan of every measure finds") {
    Dataset data;
    data.taxonomy = test::bundled_taxonomy();
    GenerateOptions options = test::small_generate_options(11);
    options.municipalities = 8;
    options.measures_per_plan = 40;  // 640 measures: （合成） is in all of them, a common bigram
    for (PlanFile& f : generate_plan_files(options, data.taxonomy)) {
        if (!data.find_municipality(f.municipality.id)) data.municipalities.push_back(f.municipality);
        data.plans.push_back(std::move(f.plan));
    }
    const MeasureSimilarity index(data);
    REQUIRE(index.size() >= 600);
    // Shared themes by the counting rule: the carried themes, computed here from the plan.
    auto themes_of = [&](std::size_t k) {
        const Plan& plan = data.plans[index.measure(k).plan];
        std::set<std::string> out;
        for (const CarriedTheme& t : carried_themes(plan, build_plan_tree(plan), static_cast<int>(index.measure(k).node)))
            out.insert(t.theme_id);
        return out;
    };
    for (std::size_t k = 0; k < index.size(); k += 37) {
        CAPTURE(k);
        // The reference: every measure of another municipality scored.
        std::vector<std::pair<double, std::size_t>> scan;
        const std::string& own = data.plans[index.measure(k).plan].municipality_id;
        const std::set<std::string> mine = themes_of(k);
        for (std::size_t c = 0; c < index.size(); ++c) {
            if (data.plans[index.measure(c).plan].municipality_id == own) continue;
            const double text = index.text_similarity(k, c);
            if (text < 0.15) continue;
            const std::set<std::string> theirs = themes_of(c);
            std::size_t shared = 0;
            for (const std::string& t : mine) shared += theirs.count(t);
            const std::size_t together = mine.size() + theirs.size() - shared;
            scan.emplace_back(0.8 * text + 0.2 * (together ? double(shared) / double(together) : 0.0), c);
        }
        std::stable_sort(scan.begin(), scan.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        const auto similar = index.most_similar_elsewhere(data, k, 5);
        REQUIRE(similar.size() == std::min<std::size_t>(5, scan.size()));
        for (std::size_t i = 0; i < similar.size(); ++i) {
            CHECK(similar[i].score == doctest::Approx(scan[i].first));
            CHECK(similar[i].measure == scan[i].second);
            CHECK((similar[i].score > 0.8 * similar[i].text + 1e-9) == !similar[i].shared_themes.empty());
        }
    }
}

TEST_CASE("a version 3 database gets the diff decisions' table and keeps every note, vote and slide") {
    test::TempDir dir;
    const fs::path path = dir / "w.db";
    {
        Store store = bundled_store(dir);
        set_annotation(store, {"sumida-regional-2019", ItemKind::node, "st1-m1"}, "続ける", 5);
        add_slide(store, "世代", SlideState{});
    }
    test::run_sql(path, test::down_to_version_3_sql());
    {
        Store store = Store::open(path, OpenMode::read_only);  // reads version 3 as it is
        CHECK(load_match_overrides(store).empty());
        CHECK(store.user_version() == 3);
    }
    Store store = Store::open(path, OpenMode::read_write);
    REQUIRE(store.upgrade().has_value());
    CHECK(store.upgrade()->from_version == 3);
    CHECK(store.user_version() == schema_version);
    CHECK(load_annotations(store).size() == 1);
    CHECK(load_slides(store).size() == 1);
    confirm_match(store, "sumida-regional-2019", "st1-m1", "sumida-regional-2022", "st1-m1");
    CHECK(load_match_overrides(store).size() == 1);
}

TEST_CASE("the version 4 step creates measure_match with the columns of its field table, in order") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    std::vector<std::string> declared, created;
    records::measure_match.for_each([&](const auto& entry) { declared.push_back(std::string(entry.column) + " " + entry.sql); });
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(store.handle(), "SELECT name FROM pragma_table_info('measure_match') ORDER BY cid", -1, &st,
                               nullptr) == SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) created.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    REQUIRE(created.size() == declared.size());
    for (std::size_t i = 0; i < created.size(); ++i) CHECK(declared[i].starts_with(created[i] + " "));
    // The frozen step's text holds each declaration as the field table has it.
    sqlite3_stmt* sql = nullptr;
    REQUIRE(sqlite3_prepare_v2(store.handle(), "SELECT sql FROM sqlite_master WHERE name = 'measure_match'", -1, &sql, nullptr) ==
            SQLITE_OK);
    REQUIRE(sqlite3_step(sql) == SQLITE_ROW);
    const std::string create = reinterpret_cast<const char*>(sqlite3_column_text(sql, 0));
    sqlite3_finalize(sql);
    for (const std::string& d : declared) CHECK(create.find(d) != std::string::npos);
}
