// import_plan_files / import_plan_texts: parse on a second thread, write as
// the files arrive, all or nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "test_support.hpp"
#include "wardscope/error.hpp"
#include "wardscope/plan_import.hpp"
#include "wardscope/synthetic.hpp"

using namespace wardscope;

namespace {

std::vector<std::filesystem::path> bundled_plan_paths() {
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "data" / "plans"))
        if (entry.path().extension() == ".json") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    return paths;
}

// More files than the parser runs ahead of the writer, so writing has begun
// when the last one is parsed.
std::vector<PlanText> many_plans(int count) {
    std::vector<PlanText> texts;
    for (int i = 0; i < count; ++i) {
        const std::string id = "plan-" + std::to_string(i);
        texts.push_back({id + ".json", test::minimal_plan_json(id)});
    }
    return texts;
}

bool mentions(const std::vector<Problem>& problems, const std::string& file, const std::string& text) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const Problem& p) { return p.file == file && p.message.find(text) != std::string::npos; });
}

}  // namespace

// Run under ThreadSanitizer too (scripts/test-sanitizers.sh).
TEST_SUITE_BEGIN("threads");

TEST_CASE("importing the bundled plan files gives what parsing and import_plans give") {
    test::TempDir dir;
    const auto paths = bundled_plan_paths();
    REQUIRE(paths.size() >= 10);
    std::vector<PlanFile> parsed;
    for (const auto& path : paths) {
        ParseResult r = read_plan_file(path, test::bundled_taxonomy());
        REQUIRE(r.ok());
        parsed.push_back(std::move(r.plan_file));
    }
    Store reference = Store::open(dir / "reference.db", OpenMode::create);
    const ImportReport expected = import_plans(reference, test::bundled_taxonomy(), parsed);

    Store store = Store::open(dir / "w.db", OpenMode::create);
    const ImportResult result = import_plan_files(store, test::bundled_taxonomy(), paths);
    REQUIRE(result.ok());
    CHECK(result.report.added_plans == expected.added_plans);
    CHECK(result.report.measures == expected.measures);
    CHECK(result.report.observations == expected.observations);
    const auto plans = export_plan_files(load_dataset(store));
    const auto reference_plans = export_plan_files(load_dataset(reference));
    REQUIRE(plans.size() == reference_plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) CHECK(to_json_text(plans[i]) == to_json_text(reference_plans[i]));

    // Again: every plan is replaced, none added.
    const ImportResult again = import_plan_files(store, test::bundled_taxonomy(), paths);
    REQUIRE(again.ok());
    CHECK(again.report.added_plans.empty());
    CHECK(again.report.replaced_plans.size() == paths.size());
}

TEST_CASE("a bad file after many good ones imports nothing and every problem is reported") {
    test::TempDir dir;
    {
        Store store = Store::open(dir / "w.db", OpenMode::create);
        REQUIRE(import_plan_texts(store, test::bundled_taxonomy(), {{"old.json", test::minimal_plan_json("old")}}).ok());
    }
    const std::string bytes_before = test::read_file(dir / "w.db");
    std::vector<PlanText> texts = many_plans(30);
    texts[4].text = "{ not json";                                    // early: parsing goes on after it
    texts[29].text = test::minimal_plan_json("plan-3");              // last: a duplicate id
    texts.push_back({"bad-utf8.json", test::minimal_plan_json("x", "\xff\xfe")});
    {
        Store store = Store::open(dir / "w.db", OpenMode::read_write);
        const ImportResult result = import_plan_texts(store, test::bundled_taxonomy(), texts);
        CHECK_FALSE(result.ok());
        CHECK(result.report.added_plans.empty());
        CHECK(std::any_of(result.problems.begin(), result.problems.end(), [](const Problem& p) { return p.file == "plan-4.json"; }));
        CHECK(mentions(result.problems, "plan-29.json", "plan id 'plan-3' is also used by plan-3.json"));
        CHECK(std::any_of(result.problems.begin(), result.problems.end(), [](const Problem& p) { return p.file == "bad-utf8.json"; }));
        const Dataset data = load_dataset(store);
        REQUIRE(data.plans.size() == 1);
        CHECK(data.plans[0].id == "old");
    }
    CHECK(test::read_file(dir / "w.db") == bytes_before);
}

TEST_CASE("many good files import in order, as one transaction") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    const ImportResult result = import_plan_texts(store, test::bundled_taxonomy(), many_plans(40));
    REQUIRE(result.ok());
    REQUIRE(result.report.added_plans.size() == 40);
    for (int i = 0; i < 40; ++i) CHECK(result.report.added_plans[static_cast<std::size_t>(i)] == "plan-" + std::to_string(i));
    CHECK(result.report.measures == 80);
    CHECK(load_dataset(store).plans.size() == 40);
}

TEST_CASE("a parser that throws stops the import cleanly and writes nothing") {
    test::TempDir dir;
    const std::vector<PlanText> texts = many_plans(20);
    std::atomic<int> parsed{0};
    Store store = Store::open(dir / "w.db", OpenMode::create);
    auto parse = [&](std::size_t i) {
        if (i == 12) throw Error("disk went away");
        ++parsed;
        return parse_plan_file(texts[i].text, texts[i].name, test::bundled_taxonomy());
    };
    CHECK_THROWS_WITH_AS(import_parsed(store, test::bundled_taxonomy(), texts.size(), parse),
                         doctest::Contains("disk went away; nothing was imported"), Error);
    CHECK(parsed.load() == 12);
    CHECK(load_dataset(store).plans.empty());
}

TEST_CASE("a database failure part-way stops the parser and rolls back") {
    test::TempDir dir;
    std::vector<PlanText> texts = many_plans(20);
    // Valid JSON whose theme the import's taxonomy lacks: the foreign key fails on write.
    Taxonomy narrower = test::bundled_taxonomy();
    narrower.themes.erase(std::remove_if(narrower.themes.begin(), narrower.themes.end(),
                                         [](const Theme& t) { return t.id == "startup"; }),
                          narrower.themes.end());
    Store store = Store::open(dir / "w.db", OpenMode::create);
    auto parse = [&](std::size_t i) {
        ParseResult r = parse_plan_file(texts[i].text, texts[i].name, test::bundled_taxonomy());
        if (i != 10)  // only plan 10 keeps its 'startup' tag
            for (Node& n : r.plan_file.plan.nodes) n.themes.clear();
        return r;
    };
    CHECK_THROWS_AS(import_parsed(store, narrower, texts.size(), parse), Error);
    CHECK(load_dataset(store).plans.empty());
}

TEST_CASE("files that cannot be read are problems named by their path") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    const ImportResult result = import_plan_files(store, test::bundled_taxonomy(), {dir / "missing.json"});
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].file == (dir / "missing.json").string());
    CHECK(load_dataset(store).plans.empty());
}

TEST_SUITE_END();

namespace {

// Rows of one column list in storage (rowid) order, each as "a|b|c", read through SQLite directly.
std::vector<std::string> stored_rows(const std::filesystem::path& path, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK);
    std::vector<std::string> rows;
    while (sqlite3_step(st) == SQLITE_ROW) {
        std::string row;
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            const unsigned char* text = sqlite3_column_text(st, c);
            row += (c ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
        }
        rows.push_back(row);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rows;
}

}  // namespace

// The large tables are written in batches of rows per INSERT (plan_import.cpp):
// counts that are not multiples of a batch, stored exactly in the order and
// with the values single-row inserts gave.
TEST_CASE("nodes, tags, actors and observations are stored in order, whole batches and the rest") {
    test::TempDir dir;
    const GenerateOptions options{
        .municipalities = 1, .plans_per_municipality = 1, .measures_per_plan = 150, .indicators_per_plan = 7, .years = 19};
    const std::vector<PlanFile> files = generate_plan_files(options, test::bundled_taxonomy());
    REQUIRE(files.size() == 1);
    const PlanFile& pf = files[0];
    {
        Store store = Store::open(dir / "w.db", OpenMode::create);
        import_plans(store, test::bundled_taxonomy(), files);
    }
    const std::string plan = pf.plan.id;
    std::vector<std::string> nodes, tags, actors, observations;
    for (std::size_t i = 0; i < pf.plan.nodes.size(); ++i) {
        const Node& n = pf.plan.nodes[i];
        nodes.push_back(plan + "|" + n.id + "|" + std::to_string(i) + "|" + n.level + "|" + n.name);
        const std::vector<ThemeTag> derived = derived_theme_tags(n, test::bundled_taxonomy());
        for (std::size_t k = 0; k < derived.size(); ++k)
            tags.push_back(plan + "|" + n.id + "|" + derived[k].theme_id + "|" + std::string(to_string(derived[k].origin)) + "|" +
                           std::to_string(k));
        for (std::size_t k = 0; k < n.actors.size(); ++k) actors.push_back(plan + "|" + n.id + "|" + n.actors[k] + "|" + std::to_string(k));
    }
    for (const Observation& o : pf.observations)
        observations.push_back(plan + "|" + o.indicator_id + "|" + std::to_string(o.fiscal_year) + "|" + o.source + "|" +
                               (o.is_sample ? "1" : "0") + "|plan_file");
    CHECK(observations.size() == 133);  // 2 batches of 64 and 5 rows
    CHECK(nodes.size() > 64);
    CHECK(tags.size() > 64);
    CHECK(actors.size() > 64);
    CHECK(stored_rows(dir / "w.db", "SELECT plan_id, id, ord, level, name FROM node ORDER BY rowid") == nodes);
    CHECK(stored_rows(dir / "w.db", "SELECT plan_id, node_id, theme_id, origin, ord FROM node_theme ORDER BY rowid") == tags);
    CHECK(stored_rows(dir / "w.db", "SELECT plan_id, node_id, actor_id, ord FROM node_actor ORDER BY rowid") == actors);
    CHECK(stored_rows(dir / "w.db",
                      "SELECT plan_id, indicator_id, fiscal_year, source, is_sample, origin FROM observation ORDER BY id") ==
          observations);
    // Values to the bit: a number read back as the double written.
    const std::vector<std::string> values = stored_rows(dir / "w.db", "SELECT quote(value) FROM observation ORDER BY id");
    REQUIRE(values.size() == pf.observations.size());
    for (std::size_t i = 0; i < values.size(); ++i) CHECK(std::stod(values[i]) == pf.observations[i].value);
}
