// Plan format 2 (docs/plan-format.md): levels a plan declares with its measure
// level, cross-listed nodes (also_under), unknown names (null); validation
// messages and pointers; JSON → DB → JSON; the counting rule on a 5-level
// plan (core and the SQL of docs/schema.md agree); upgrading a version-3
// database keeps every row.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/store.hpp"
#include "wardscope/theme_rule.hpp"
#include "wardscope/workshop.hpp"

namespace fs = std::filesystem;
using namespace wardscope;
using nlohmann::json;

namespace {

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string deep_plan_text() { return read_text(fs::path(WARDSCOPE_SOURCE_DIR) / "tests" / "data" / "deep-plan.json"); }

PlanFile deep_plan() {
    ParseResult r = parse_plan_file(deep_plan_text(), "deep-plan.json", test::bundled_taxonomy());
    for (const Problem& p : r.problems) MESSAGE(p.to_string());
    REQUIRE(r.ok());
    return r.plan_file;
}

// The problems of the deep plan after `edit`, as "pointer: message".
std::vector<std::string> problems_after(const std::function<void(json&)>& edit) {
    return test::problems_after_edit(deep_plan_text(), edit);
}

bool has(const std::vector<std::string>& problems, const std::string& text) {
    const bool found = std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(text) != std::string::npos; });
    if (!found)
        for (const std::string& p : problems) MESSAGE(p);
    return found;
}

int index_of(const Plan& plan, const std::string& id) {
    for (std::size_t i = 0; i < plan.nodes.size(); ++i)
        if (plan.nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

std::string doc_query(const std::string& heading) {
    const std::string doc = read_text(fs::path(WARDSCOPE_SOURCE_DIR) / "docs" / "schema.md");
    const std::size_t at = doc.find(heading);
    REQUIRE(at != std::string::npos);
    const std::size_t begin = doc.find("```sql\n", at);
    const std::size_t end = doc.find("```", begin + 7);
    return doc.substr(begin + 7, end - begin - 7);
}

}  // namespace

TEST_CASE("format 2: a plan's own levels, its measure level, cross-listed nodes and unknown names are read") {
    const PlanFile pf = deep_plan();
    const Plan& plan = pf.plan;
    REQUIRE(plan.levels.size() == 5);
    CHECK(plan.levels[0].name == "基本政策");
    CHECK(plan.levels[4].name == "事務事業");
    CHECK(plan.measure_level == "issue");
    CHECK(plan.measure_rank() == 3);
    CHECK(plan.level_name("project", false) == "事務事業");
    CHECK(plan.level_name("project", true) == "project");
    const Node& i2 = plan.nodes[static_cast<std::size_t>(index_of(plan, "i2"))];
    CHECK(i2.name_unknown());
    CHECK(i2.label == "イ");
    const Node& j5 = plan.nodes[static_cast<std::size_t>(index_of(plan, "j5"))];
    CHECK(j5.parent_id == "i3");
    CHECK(j5.also_under == std::vector<std::string>{"i1"});
    const PlanCounts c = count_plan(plan);
    CHECK(c.per_level == std::vector<int>{1, 2, 4, 5, 5});
    CHECK(c.measures == 5);
    CHECK(c.cross_listed == 2);
    CHECK(c.unknown_names == 1);
}

TEST_CASE("format 1 files read as the four fixed levels, and their format-2 form is the same plan") {
    const ParseResult one = parse_plan_file(test::minimal_plan_json(), "one.json", test::bundled_taxonomy());
    REQUIRE(one.ok());
    CHECK(one.plan_file.plan.uses_default_levels());
    CHECK(one.plan_file.plan.measure_level == "measure");
    const std::string two_text = to_json_text(one.plan_file);
    CHECK(json::parse(two_text)["format"] == "wardscope-plan/2");
    CHECK(json::parse(two_text)["levels"].size() == 4);
    const ParseResult two = parse_plan_file(two_text, "two.json", test::bundled_taxonomy());
    REQUIRE(two.ok());
    CHECK(to_json_text(two.plan_file) == two_text);
    CHECK(counted_items(two.plan_file.plan).items.size() == counted_items(one.plan_file.plan).items.size());
}

TEST_CASE("a 5-level plan counts each path once: the measure level, not its 事務事業 as well") {
    const PlanFile pf = deep_plan();
    const Plan& plan = pf.plan;
    const PlanTree tree = build_plan_tree(plan);
    std::vector<std::string> counted;
    for (const auto& item : counted_items(plan, tree).items) counted.push_back(plan.nodes[static_cast<std::size_t>(item.node)].id);
    // 施策課題 i1…i5, and j4: a 事務事業 under 基本施策 ② with no 施策課題 between.
    CHECK(counted == std::vector<std::string>{"i1", "i2", "j4", "i3", "i4", "i5"});
    CHECK(is_detail(plan, tree, index_of(plan, "j1")));
    CHECK(is_detail(plan, tree, index_of(plan, "j5")));
    CHECK_FALSE(is_detail(plan, tree, index_of(plan, "j4")));

    const ThemeProfile profile = theme_profile(plan, test::bundled_taxonomy());
    CHECK(profile.total == 6);
    auto items = [&](const char* theme) { return profile.find(theme) ? profile.find(theme)->items : 0; };
    CHECK(items("management") == 2);   // i1, i2 from 基本施策 ①
    CHECK(items("talent") == 1);       // i1 through its 事務事業 j2
    CHECK(items("succession") == 1);   // i2 (name unknown) through j3
    CHECK(items("startup") == 1);      // j4
    CHECK(items("branding") == 2);     // i3, i4
    CHECK(items("tourism") == 2);      // i5, and i4 cross-listed under 基本施策 ② of (2): once
    for (const char* theme : {"management", "talent", "succession", "startup", "branding", "tourism"})
        CHECK(plan_covers(plan, theme));
    CHECK_FALSE(plan_covers(plan, "agriculture"));
}

TEST_CASE("a cross-listed node is a child of each parent, carries both parents' hand tags, and is counted once") {
    const PlanFile pf = deep_plan();
    const Plan& plan = pf.plan;
    const PlanTree tree = build_plan_tree(plan);
    const int i4 = index_of(plan, "i4");
    const auto& under_bm3 = tree.children[static_cast<std::size_t>(index_of(plan, "bm3"))];
    const auto& under_bm4 = tree.children[static_cast<std::size_t>(index_of(plan, "bm4"))];
    CHECK(std::count(under_bm3.begin(), under_bm3.end(), i4) == 1);
    CHECK(std::count(under_bm4.begin(), under_bm4.end(), i4) == 1);
    CHECK(tree.is_cross_listed(i4));
    CHECK(tree.parents_of(i4) == std::vector<int>{index_of(plan, "bm3"), index_of(plan, "bm4")});
    CHECK(tree.path_to(i4).front() == index_of(plan, "bp1"));
    std::vector<std::string> themes;
    for (const CarriedTheme& t : carried_themes(plan, tree, i4)) themes.push_back(t.theme_id);
    CHECK(themes == std::vector<std::string>{"branding", "tourism"});
    const auto counted = counted_items(plan, tree).items;
    CHECK(std::count_if(counted.begin(), counted.end(), [&](const auto& item) { return item.node == i4; }) == 1);
}

TEST_CASE("format 2 validation: every new construct's problem names its JSON pointer") {
    CHECK(has(problems_after([](json& p) { p.erase("levels"); }), "/levels: missing required field"));
    CHECK(has(problems_after([](json& p) { p.erase("measure_level"); }), "/measure_level: missing required field"));
    CHECK(has(problems_after([](json& p) { p["measure_level"] = "step"; }), "/measure_level: unknown level 'step'"));
    CHECK(has(problems_after([](json& p) { p["levels"][1]["id"] = "basic-policy"; }), "/levels/1/id: duplicate level id"));
    CHECK(has(problems_after([](json& p) { p["levels"][2].erase("name"); }), "/levels/2/name: missing required field"));
    CHECK(has(problems_after([](json& p) { p["levels"][0]["kind"] = "x"; }), "/levels/0/kind: unknown field"));
    CHECK(has(problems_after([](json& p) { p["nodes"][0]["level"] = "pillar"; }),
              "/nodes/0/level: unknown level 'pillar' (basic-policy, direction, basic-measure, issue or project)"));
    CHECK(has(problems_after([](json& p) { p["nodes"][0]["children"][0]["level"] = "basic-policy"; }) ,
              "/nodes/0/children/0/level: unknown level") == false);
    CHECK(has(problems_after([](json& p) { p["nodes"][0]["children"][0]["children"][0]["level"] = "basic-policy"; }),
              "/nodes/0/children/0/children/0/level: a basic-policy cannot sit under a direction"));
    // Unknown names: null, never "" or left out.
    const std::string bm1 = "/nodes/0/children/0/children/0";
    CHECK(has(problems_after([](json& p) { p["nodes"][0]["children"][0]["children"][0]["name"] = ""; }), bm1 + "/name: must not be empty"));
    CHECK(has(problems_after([](json& p) { p["nodes"][0]["children"][0]["children"][0].erase("name"); }),
              bm1 + "/name: missing required field (null when the source does not show the name)"));
    // Cross-listing.
    const std::string j5 = "/nodes/0/children/1/children/0/children/0/children/0/also_under/0";
    auto set_j5 = [](const json& parents) {
        return [parents](json& p) { p["nodes"][0]["children"][1]["children"][0]["children"][0]["children"][0]["also_under"] = parents; };
    };
    CHECK(has(problems_after(set_j5({"nowhere"})), j5 + ": unknown node 'nowhere'"));
    CHECK(has(problems_after(set_j5({"i3"})), j5 + ": 'i3' is already the node's parent"));
    CHECK(has(problems_after(set_j5({"j5"})), j5 + ": 'j5' is the node itself or below it"));
    CHECK(has(problems_after(set_j5({"bm1"})), j5 + ": 'bm1' is a basic-measure, but the node's parent 'i3' is a issue"));
    CHECK(has(problems_after(set_j5({"i1", "i1"})), "/also_under/1: node 'i1' is listed twice"));
    CHECK(has(problems_after([](json& p) { p["nodes"][0]["also_under"] = {"d1"}; }),
              "/nodes/0/also_under/0: a top-level node cannot be listed under another node as well"));
    // Format 1 has none of these.
    auto as_format_1 = [](json& p) { p["format"] = "wardscope-plan/1"; };
    const auto one = problems_after(as_format_1);
    CHECK(has(one, "/levels: only in \"wardscope-plan/2\" files"));
    CHECK(has(one, "/measure_level: only in \"wardscope-plan/2\" files"));
    CHECK(has(problems_after([](json& p) { p["format"] = "wardscope-plan/3"; }),
              "/format: unsupported format 'wardscope-plan/3' (expected \"wardscope-plan/2\" or \"wardscope-plan/1\")"));
    json one_plan = json::parse(test::minimal_plan_json());
    one_plan["nodes"][0]["children"][0]["name"] = nullptr;
    one_plan["nodes"][0]["children"][1]["also_under"] = {"st1"};
    std::vector<std::string> found;
    for (const Problem& p : parse_plan_file(one_plan.dump(), "p.json", test::bundled_taxonomy()).problems)
        found.push_back(p.pointer + ": " + p.message);
    CHECK(has(found, "/nodes/0/children/0/name: missing required field"));
    CHECK(has(found, "/nodes/0/children/1/also_under: only in \"wardscope-plan/2\" files"));
}

TEST_CASE("format 2 round trip: JSON → database → JSON keeps levels, cross-listing and unknown names") {
    const PlanFile pf = deep_plan();
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {pf});
    const std::vector<PlanFile> exported = export_plan_files(load_dataset(store));
    REQUIRE(exported.size() == 1);
    CHECK(to_json_text(exported[0]) == to_json_text(pf));
    const json out = to_json(exported[0]);
    CHECK(out["measure_level"] == "issue");
    CHECK(out["levels"][3]["name"] == "施策課題");
    const json& i2 = out["nodes"][0]["children"][0]["children"][0]["children"][1];
    CHECK(i2["id"] == "i2");
    CHECK(i2.contains("name"));
    CHECK(i2["name"].is_null());
    // Stored as SQL NULL, not an invented text.
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(store.handle(), "SELECT name IS NULL FROM node WHERE id = 'i2'", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) == 1);
    sqlite3_finalize(st);
    // A plan without a measure level writes null and counts its leaves.
    PlanFile none = pf;
    none.plan.measure_level.clear();
    import_plans(store, test::bundled_taxonomy(), {none});
    const PlanFile back = export_plan_files(load_dataset(store)).at(0);
    CHECK(back.plan.measure_level.empty());
    CHECK(to_json(back)["measure_level"].is_null());
}

TEST_CASE("the SQL of docs/schema.md counts a 5-level plan with cross-listed items as the core does") {
    const PlanFile pf = deep_plan();
    test::TempDir dir;
    Plan stored;  // with the keyword-rule tags the import derives
    {
        Store store = Store::open(dir / "w.db", OpenMode::create);
        import_plans(store, test::bundled_taxonomy(), {pf});
        stored = load_dataset(store).plans.at(0);
    }
    const ThemeProfile profile = theme_profile(stored, test::bundled_taxonomy());
    CHECK(profile.total == 6);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2((dir / "w.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    const std::string sql = doc_query("**1. Strategy coverage");
    REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK, sqlite3_errmsg(db));
    std::map<std::string, int> by_label;
    int plan_items = -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        by_label[reinterpret_cast<const char*>(sqlite3_column_text(st, 2))] = sqlite3_column_int(st, 3);
        plan_items = sqlite3_column_int(st, 4);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    CHECK(plan_items == profile.total);
    int themes = 0;
    for (const ThemeCount& t : profile.themes) {
        if (t.items == 0) continue;
        ++themes;
        const Theme* theme = test::bundled_taxonomy().find_theme(t.theme_id);
        REQUIRE(theme);
        CHECK_MESSAGE(by_label[theme->label_ja] == t.items, t.theme_id);
    }
    CHECK(static_cast<int>(by_label.size()) == themes);
}

std::int64_t count_rows(const fs::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    const std::int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

TEST_CASE("upgrading a version 3 database to 4 keeps every row: plans, nodes, tags, links, notes") {
    test::TempDir dir;
    const fs::path path = dir / "w.db";
    std::string before;
    {
        Store store = Store::open(path, OpenMode::create);
        std::vector<PlanFile> plans;
        for (const auto& entry : fs::directory_iterator(test::source_dir() / "data" / "plans")) {
            ParseResult r = read_plan_file(entry.path(), test::bundled_taxonomy());
            REQUIRE(r.ok());
            plans.push_back(r.plan_file);
            // What version 3 can hold: no cross-listing, the format-1 levels, no approvals.
            Plan& plan = plans.back().plan;
            for (Node& n : plan.nodes) n.also_under.clear();
            plan.levels = default_plan_levels();
            plan.measure_level = "measure";
            plan.approvals.clear();
            plan.statements.clear();  // nor statements before version 5
        }
        import_plans(store, test::bundled_taxonomy(), plans);
        set_annotation(store, {plans[0].plan.id, ItemKind::node, plans[0].plan.nodes.at(0).id}, "残すメモ", 5);
        for (const PlanFile& pf : export_plan_files(load_dataset(store))) before += to_json_text(pf);
    }
    const std::string counts = "SELECT (SELECT count(*) FROM node) || ',' || (SELECT count(*) FROM node_theme) || ',' || "
                               "(SELECT count(*) FROM node_actor) || ',' || (SELECT count(*) FROM tows_node) || ',' || "
                               "(SELECT count(*) FROM annotation)";
    auto text_of = [&](const std::string& sql) {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(st) == SQLITE_ROW);
        std::string out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        sqlite3_close(db);
        return out;
    };
    const std::string rows_before = text_of(counts);
    test::run_sql(path, test::down_to_version_3_sql());
    CHECK(text_of(counts) == rows_before);
    {  // Read-only: version 3 as it is, with the format-1 levels.
        Store store = Store::open(path, OpenMode::read_only);
        CHECK(store.user_version() == 3);
        std::string read;
        for (const PlanFile& pf : export_plan_files(load_dataset(store))) read += to_json_text(pf);
        CHECK(read == before);
    }
    {
        Store store = Store::open(path, OpenMode::read_write);
        REQUIRE(store.upgrade().has_value());
        CHECK(store.upgrade()->from_version == 3);
        CHECK(fs::exists(store.upgrade()->backup));
        CHECK(store.user_version() == schema_version);
        std::string after;
        for (const PlanFile& pf : export_plan_files(load_dataset(store))) after += to_json_text(pf);
        CHECK(after == before);
        const std::vector<Annotation> notes = load_annotations(store);
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].note == "残すメモ");
    }
    CHECK(text_of(counts) == rows_before);
    CHECK(count_rows(path, "SELECT count(*) FROM plan_level") == 4 * count_rows(path, "SELECT count(*) FROM plan"));
    CHECK(count_rows(path, "SELECT count(*) FROM plan WHERE measure_level = 'measure'") == count_rows(path, "SELECT count(*) FROM plan"));
}

TEST_CASE("the bundled Arakawa R4 ☆ projects are under (1) and (2), described as written, counted once") {
    const ParseResult r = read_plan_file(test::source_dir() / "data" / "plans" / "arakawa-regional-2022.json", test::bundled_taxonomy());
    REQUIRE(r.ok());
    Plan plan = r.plan_file.plan;
    derive_rule_tags(plan, test::bundled_taxonomy());
    const PlanTree tree = build_plan_tree(plan);
    std::vector<std::string> starred;
    for (std::size_t i = 0; i < plan.nodes.size(); ++i) {
        const Node& n = plan.nodes[i];
        if (n.label != "☆") continue;
        starred.push_back(n.name);
        CHECK(n.parent_id == "st1");
        CHECK(n.also_under == std::vector<std::string>{"st2"});
        CHECK(n.description == "※☆の事業も併せて実施");  // the seed's note in (2), as written
        const std::vector<int> parents = tree.parents_of(static_cast<int>(i));
        CHECK(parents == std::vector<int>{index_of(plan, "st1"), index_of(plan, "st2")});
        // It carries (2)'s hand tags as well as (1)'s.
        std::vector<std::string> themes;
        for (const CarriedTheme& t : carried_themes(plan, tree, static_cast<int>(i))) themes.push_back(t.theme_id);
        for (const char* t : {"network", "management", "digital", "resilience"})
            CHECK_MESSAGE(std::find(themes.begin(), themes.end(), t) != themes.end(), n.name << " " << t);
    }
    CHECK(starred == std::vector<std::string>{"次世代へのバトンタッチ支援事業", "産学公金連携型マネジメントスクール事業",
                                              "地域産業創出・成長支援プロジェクト", "マーケティング強化支援プロジェクト"});
    // Nine measures, each counted once although four are listed twice.
    CHECK(counted_items(plan, tree).items.size() == 9);
    CHECK(tree.children[static_cast<std::size_t>(index_of(plan, "st2"))].size() == 8);
    const std::string seed = read_text(test::source_dir() / ".." / ".." / "shared" / "seeds" / "003_8420b78ba5ee7d85.txt");
    if (!seed.empty()) {  // the seeds beside the worktree (/work/shared/seeds)
        CHECK(seed.find("※☆の事業も併せて実施") != std::string::npos);
        for (const std::string& name : starred) CHECK(seed.find("☆" + name) != std::string::npos);
    }
}
