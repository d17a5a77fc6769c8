// A plan's statements about itself (issue #13: Itabashi 2035's brand
// statement, its focus-field qualifier, its industry directions): each under
// the source's own label, its text as written, its section and page. Plan
// format 2 only; stored from schema version 5; JSON → database → JSON
// without loss; a version-4 database migrates keeping every user row.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/records.hpp"
#include "wardscope/store.hpp"
#include "wardscope/view_tables.hpp"
#include "wardscope/workshop.hpp"

using namespace wardscope;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The minimal plan in format 2 (the four levels declared) with two statements.
json with_statements() {
    json j = json::parse(test::minimal_plan_json("stated-plan", "声明つき計画"));
    j["format"] = "wardscope-plan/2";
    j["levels"] = json::array();
    for (const PlanLevel& l : default_plan_levels()) j["levels"].push_back({{"id", l.id}, {"name", l.name}, {"name_en", l.name_en}});
    j["measure_level"] = "measure";
    j["statements"] = json::array({
        {{"label", "ブランド"}, {"label_en", "brand"}, {"text", "ひととひとつながることで産業が成長するまち"},
         {"text_en", "a town whose industry grows as people connect"},
         {"source", {{"file", "test.txt"}, {"section", "5. 将来像"}, {"page", "2"}}}},
        {{"label", "各業種の方向性"}, {"text", "一行目\n二行目"}},
    });
    return j;
}

// Compare's table of one plan.
Table compare_one(const Dataset& data, const Plan& plan, bool english) {
    const PlanCounts counts = count_plan(plan);
    const PlanTree tree = build_plan_tree(plan);
    const ThemeProfile profile = theme_profile(plan, data.taxonomy);
    CompareTableInput in;
    in.plans = {&plan};
    in.counts = {&counts};
    in.trees = {&tree};
    in.profiles = {&profile};
    return compare_table(data, in, english);
}

std::vector<Problem> problems_of(const json& j) { return parse_plan_file(j.dump(), "p.json", test::bundled_taxonomy()).problems; }

}  // namespace

TEST_CASE("plan statements: label, text as written and source round-trip JSON → database → JSON") {
    const ParseResult parsed = parse_plan_file(with_statements().dump(), "p.json", test::bundled_taxonomy());
    REQUIRE(parsed.ok());
    const Plan& plan = parsed.plan_file.plan;
    REQUIRE(plan.statements.size() == 2);
    CHECK(plan.statements[0].label == "ブランド");
    CHECK(plan.statements[0].text == "ひととひとつながることで産業が成長するまち");
    CHECK(plan.statements[0].source.section == "5. 将来像");
    CHECK(plan.statements[0].source.page == "2");
    CHECK(plan.statements[1].text == "一行目\n二行目");          // prose: line breaks kept
    CHECK(plan.statements[1].source.section == "概要");       // inherited from the plan's source
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {parsed.plan_file});
    const Dataset data = load_dataset(store);
    REQUIRE(data.plans.size() == 1);
    REQUIRE(data.plans[0].statements.size() == 2);
    CHECK(data.plans[0].statements[0].label_en == "brand");
    CHECK(data.plans[0].statements[1].label == "各業種の方向性");
    CHECK(to_json_text(export_plan_files(data).at(0)) == to_json_text(parsed.plan_file));
    import_plans(store, test::bundled_taxonomy(), {parsed.plan_file});  // re-import replaces, not adds
    CHECK(load_dataset(store).plans.at(0).statements.size() == 2);
    // Their texts are in the glyph walk.
    bool seen = false;
    for_each_display_string(data, [&](std::string_view s) { seen = seen || s == "各業種の方向性"; });
    CHECK(seen);
}

TEST_CASE("plan statements are in the explorer's and compare's tables (what Export table and `wardscope table` write)") {
    const ParseResult parsed = parse_plan_file(with_statements().dump(), "p.json", test::bundled_taxonomy());
    REQUIRE(parsed.ok());
    Dataset data;
    data.taxonomy = test::bundled_taxonomy();
    data.plans.push_back(parsed.plan_file.plan);
    data.municipalities.push_back(parsed.plan_file.municipality);
    const Plan& plan = data.plans[0];
    const PlanTree tree = build_plan_tree(plan);
    for (const bool english : {false, true}) {
        CAPTURE(english);
        // Explorer: the two statements first (as the plan details show them), then every node.
        const Table t = explorer_table(data, plan, tree, english);
        REQUIRE(t.rows.size() == plan.nodes.size() + 2);
        const auto column = [&](const char* ja, const char* en) {
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                if (t.columns[c].header(english) == (english ? en : ja)) return c;
            FAIL("no column ", ja);
            return std::size_t{0};
        };
        const std::size_t level = column("レベル", "Level"), number = column("番号", "No."), name = column("名称", "Name");
        const std::size_t depth = column("階層", "Depth"), source = column("出典", "Source"), id = column("項目ID", "Item id");
        CHECK(cell_text(t.rows[0][level]) == (english ? "Statement" : "ステートメント"));
        CHECK(cell_text(t.rows[0][number]) == (english ? "brand (ブランド)" : "ブランド"));
        CHECK(cell_text(t.rows[0][name]) == (english ? "a town whose industry grows as people connect" : "ひととひとつながることで産業が成長するまち"));
        CHECK(cell_text(t.rows[0][source]) == "test.txt § 5. 将来像, p. 2");
        CHECK(t.rows[0][depth].type == CellType::unknown);  // not a level of the hierarchy
        CHECK(t.rows[0][id].type == CellType::unknown);
        CHECK(cell_text(t.rows[1][number]) == "各業種の方向性");
        CHECK(cell_text(t.rows[1][name]) == "一行目\n二行目");  // no translation: as written, line break kept
        CHECK(cell_text(t.rows[1][source]) == source_reference(plan.source, data.taxonomy));  // the plan's
        CHECK(cell_text(t.rows[2][id]) == plan.nodes[0].id);
        CHECK(t.rows[2][depth].type == CellType::integer);

        // Compare: one row with every statement of each plan, one a line.
        const Table c = compare_one(data, plan, english);
        std::string statements;
        for (const auto& row : c.rows)
            if (cell_text(row[0]) == (english ? "Statements" : "ステートメント")) statements = cell_text(row[1]);
        CHECK(statements == (english ? "【brand (ブランド)】a town whose industry grows as people connect\n【各業種の方向性】一行目\n二行目"
                                     : "【ブランド】ひととひとつながることで産業が成長するまち\n【各業種の方向性】一行目\n二行目"));
    }
    // A plan without statements: no statement rows, no statements row in compare.
    Plan bare = data.plans[0];
    bare.statements.clear();
    const PlanTree bare_tree = build_plan_tree(bare);
    CHECK(explorer_table(data, bare, bare_tree, false).rows.size() == bare.nodes.size());
    for (const auto& row : compare_one(data, bare, false).rows) CHECK(cell_text(row[0]) != "ステートメント");
}

TEST_CASE("plan statements are found by search (text, label, translation)") {
    const ParseResult parsed = parse_plan_file(with_statements().dump(), "p.json", test::bundled_taxonomy());
    REQUIRE(parsed.ok());
    Dataset data;
    data.plans.push_back(parsed.plan_file.plan);
    data.municipalities.push_back(parsed.plan_file.municipality);
    for (const char* query : {"産業が成長するまち", "各業種", "people connect"}) {
        CAPTURE(query);
        const std::vector<SearchHit> hits = search_plans(data, query);
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].field == MatchField::plan_other);
        CHECK(hits[0].plan_index == 0);
    }
}

TEST_CASE("plan statements: problems are named by their pointer") {
    {
        json j = with_statements();
        j["statements"][1].erase("label");
        const auto p = problems_of(j);
        REQUIRE(p.size() == 1);
        CHECK(p[0].pointer == "/statements/1/label");
    }
    {
        json j = with_statements();
        j["statements"][0]["text"] = "";
        CHECK(problems_of(j).at(0).pointer == "/statements/0/text");
    }
    {
        json j = with_statements();
        j["statements"][0]["label"] = "二\n行";  // a label is one line
        CHECK(problems_of(j).at(0).pointer == "/statements/0/label");
    }
    {
        json j = with_statements();
        j["statements"][0]["kind"] = "brand";
        CHECK(problems_of(j).at(0).pointer == "/statements/0/kind");
    }
    {
        json j = json::parse(test::minimal_plan_json());
        j["statements"] = json::array({{{"label", "ブランド"}, {"text", "x"}}});
        const auto p = problems_of(j);
        REQUIRE(p.size() == 1);
        CHECK(p[0].pointer == "/statements");
        CHECK(p[0].message == "only in \"wardscope-plan/2\" files (this file says /1)");
    }
}

TEST_CASE("a version 4 database gets version 5 (plan statements) and keeps every user row") {
    test::TempDir dir;
    const fs::path path = dir / "w.db";
    {
        Store store = Store::open(path, OpenMode::create);
        import_plans(store, test::bundled_taxonomy(), {test::minimal_plan()});
        set_annotation(store, {"test-plan", ItemKind::node, "m1"}, "残す", 4);
        add_slide(store, "声明", SlideState{});
    }
    test::run_sql(path, test::down_to_version_4_sql());
    {
        Store old = Store::open(path, OpenMode::read_only);  // read as it is: no statements table
        CHECK(old.user_version() == 4);
        CHECK(load_dataset(old).plans.at(0).statements.empty());
    }
    Store store = Store::open(path, OpenMode::read_write);
    REQUIRE(store.upgrade().has_value());
    CHECK(store.upgrade()->from_version == 4);
    CHECK(fs::exists(store.upgrade()->backup));
    CHECK(store.user_version() == schema_version);
    CHECK(load_annotations(store).size() == 1);
    CHECK(load_slides(store).size() == 1);
    const ParseResult parsed = parse_plan_file(with_statements().dump(), "p.json", test::bundled_taxonomy());
    REQUIRE(parsed.ok());
    import_plans(store, test::bundled_taxonomy(), {parsed.plan_file});
    CHECK(load_dataset(store).find_plan("stated-plan")->statements.size() == 2);
}

TEST_CASE("the version 5 step creates plan_statement with the columns of its field table, in order") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    std::vector<std::string> declared;
    records::plan_statement.for_each([&](const auto& entry) { declared.push_back(std::string(entry.column) + " " + entry.sql); });
    const std::string create = test::create_statement(store.handle(), "plan_statement");
    std::size_t at = 0;
    for (const std::string& d : declared) {  // each declaration, in order
        const std::size_t found = create.find(d, at);
        CHECK_MESSAGE(found != std::string::npos, d);
        if (found != std::string::npos) at = found + d.size();
    }
}

TEST_CASE("Itabashi 2035's statements (§5 brand, focus-field qualifier, §7 industry directions) are in its seed as written" *
          doctest::test_suite("seeds")) {
    const fs::path file = test::source_dir() / "data" / "plans" / "itabashi-vision-2035.json";
    const ParseResult parsed = parse_plan_file(test::read_file(file), file.string(), test::bundled_taxonomy());
    REQUIRE(parsed.ok());
    const Plan& plan = parsed.plan_file.plan;
    REQUIRE(plan.statements.size() >= 3);
    CHECK(plan.statements[0].label == "ブランド");
    CHECK(plan.statements[0].text == "ひととひとつながることで産業が成長するまち");
    CHECK(plan.statements[1].label == "板橋重点イノベーション分野");
    CHECK(plan.statements[1].text.find("当面は「ヘルスケア」と「ドローン」を本分野とし") == 0);
    CHECK(plan.statements[2].label == "各業種の方向性");
    CHECK(plan.statements[2].text.find("工業・商業・農業") != std::string::npos);
    // The seed's text as extracted: `**` marks bold type there, not words of the plan.
    std::string seed = test::read_file(fs::path(WARDSCOPE_SEEDS_DIR) / "000_9c58856d0c7e1aa3.txt");
    for (std::size_t at = seed.find("**"); at != std::string::npos; at = seed.find("**", at)) seed.erase(at, 2);
    for (const PlanStatement& s : plan.statements) {
        CAPTURE(s.text);
        CHECK(s.source.file == "000_9c58856d0c7e1aa3.txt");
        CHECK(seed.find(s.text) != std::string::npos);
        CHECK(seed.find(s.label) != std::string::npos);
        CHECK(seed.find(s.source.section) != std::string::npos);
    }
}
