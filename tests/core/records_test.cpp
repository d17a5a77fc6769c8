// The field tables (records.hpp): every record's fields survive plan file →
// database → plan file, the glyph walk visits every display text, and the
// schema they generate is the one older databases are upgraded to.
#include <doctest/doctest.h>

#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/error.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/records.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"

using namespace wardscope;
using nlohmann::json;

namespace {

// The bundled plans, and a few synthetic ones for what they lack (KPI
// values): every record read from its plan-file text.
std::vector<PlanFile> bundled_plan_files() {
    std::vector<PlanFile> files;
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "data" / "plans")) {
        auto result = read_plan_file(entry.path(), test::bundled_taxonomy());
        REQUIRE(result.ok());
        files.push_back(result.plan_file);
    }
    for (const PlanFile& generated : generate_plan_files(test::small_generate_options(), test::bundled_taxonomy())) {
        auto result = parse_plan_file(to_json_text(generated), generated.plan.id + ".json", test::bundled_taxonomy());
        REQUIRE(result.ok());
        files.push_back(result.plan_file);
    }
    return files;
}

// A plan file's JSON cut into its records: "municipality", "plan" (the
// top-level fields), "node", "swot", "tows", "indicator", "observation".
std::multimap<std::string, json> records_of(const PlanFile& pf) {
    const json whole = to_json(pf);
    std::multimap<std::string, json> out;
    out.emplace("municipality", whole.at("municipality"));
    json plan = whole;
    for (const char* part : {"municipality", "nodes", "swot", "tows", "indicators", "observations"}) plan.erase(part);
    out.emplace("plan", plan);
    std::vector<json> nodes(whole.at("nodes").begin(), whole.at("nodes").end());
    while (!nodes.empty()) {  // nested under their parents: flatten
        json n = nodes.back();
        nodes.pop_back();
        if (n.contains("children")) {
            for (const json& child : n.at("children")) nodes.push_back(child);
            n.erase("children");
        }
        out.emplace("node", n);
    }
    for (const json& s : whole.at("swot")) out.emplace("swot", s);
    for (const json& t : whole.at("tows")) out.emplace("tows", t);
    for (const json& i : whole.at("indicators")) out.emplace("indicator", i);
    for (const json& o : whole.at("observations")) out.emplace("observation", o);
    return out;
}

std::string utf8(char32_t c) {
    std::string out;
    if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (c & 0x3F));
    return out;
}

// Gives every text field of a record (through its table) a character no other
// field has; remembers those of display fields, and the names of the others.
struct Marker {
    char32_t next = 0x4E00;  // CJK, like the texts the glyph set must hold
    std::set<std::string> display_marks;
    std::set<std::string> hidden_columns;

    std::string mark() { return utf8(next++); }

    template <typename T, typename Record>
    void mark_fields(const T& t, Record& record) {
        t.for_each([&](const auto& entry) {
            if constexpr (std::remove_cvref_t<decltype(entry)>::has_member) {
                if constexpr (std::is_same_v<std::remove_cvref_t<decltype(entry.get(record))>, std::string>) {
                    if (entry.is(records::display)) {
                        entry.get(record) = mark();
                        display_marks.insert(entry.get(record));
                    } else {
                        hidden_columns.insert(std::string(t.name) + "." + entry.column);
                    }
                }
            }
        });
    }
    void mark_text(std::string& text) {
        text = mark();
        display_marks.insert(text);
    }
};

// An upgrade's ALTER TABLE … ADD COLUMN writes "a, b" where a new database has "a,\n  b".
std::string collapse_spaces(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (!space) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    return out;
}

}  // namespace

TEST_CASE("each record's fields round-trip plan file → database → plan file on the bundled (and synthetic) plans") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    const std::vector<PlanFile> files = bundled_plan_files();
    import_plans(store, test::bundled_taxonomy(), files);
    std::map<std::string, std::multimap<std::string, json>> exported;
    for (const PlanFile& pf : export_plan_files(load_dataset(store))) exported[pf.plan.id] = records_of(pf);
    REQUIRE(exported.size() == files.size());

    std::map<std::string, std::size_t> compared;
    for (const PlanFile& original : files) {
        CAPTURE(original.plan.id);
        const auto before = records_of(original);
        const auto& after = exported.at(original.plan.id);
        for (const char* kind : {"municipality", "plan", "node", "swot", "tows", "indicator", "observation"}) {
            CAPTURE(kind);
            const auto [b, b_end] = before.equal_range(kind);
            const auto [a, a_end] = after.equal_range(kind);
            REQUIRE(std::distance(b, b_end) == std::distance(a, a_end));
            for (auto x = b, y = a; x != b_end; ++x, ++y) CHECK(x->second.dump() == y->second.dump());
            compared[kind] += static_cast<std::size_t>(std::distance(b, b_end));
        }
    }
    // The bundled plans hold every kind of record (or the comparison would prove nothing).
    for (const char* kind : {"municipality", "plan", "node", "swot", "tows", "indicator", "observation"}) {
        CAPTURE(kind);
        CHECK(compared[kind] > 0);
    }
}

TEST_CASE("every text field of every record survives the database and reaches the plan file or is an id") {
    // Each display text of one plan set to a character of its own, then
    // stored, loaded and written out again.
    PlanFile pf = bundled_plan_files().front();
    Marker marker;
    marker.mark_fields(records::municipality, pf.municipality);
    marker.mark_fields(records::plan, pf.plan);
    for (Node& n : pf.plan.nodes) marker.mark_fields(records::node, n);
    for (SwotItem& s : pf.plan.swot) marker.mark_fields(records::swot_item, s);
    for (TowsStrategy& t : pf.plan.tows) marker.mark_fields(records::tows_strategy, t);
    for (Indicator& i : pf.plan.indicators) marker.mark_fields(records::indicator, i);
    for (Observation& o : pf.observations) marker.mark_fields(records::observation, o);
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {pf});
    const auto exported = export_plan_files(load_dataset(store));
    REQUIRE(exported.size() == 1);
    CHECK(to_json_text(exported[0]) == to_json_text(pf));
    const std::string text = to_json_text(exported[0]);
    for (const std::string& mark : marker.display_marks) {
        CAPTURE(mark);
        CHECK(text.find(mark) != std::string::npos);
    }
}

TEST_CASE("the glyph walk visits every display text of every record") {
    Dataset data;
    {
        test::TempDir dir;
        Store store = Store::open(dir / "w.db", OpenMode::create);
        import_plans(store, test::bundled_taxonomy(), bundled_plan_files());
        data = load_dataset(store);
    }
    REQUIRE_FALSE(data.observations.empty());
    Marker marker;
    for (Municipality& m : data.municipalities) marker.mark_fields(records::municipality, m);
    for (Theme& t : data.taxonomy.themes) marker.mark_fields(records::theme, t);
    for (Actor& a : data.taxonomy.actors) marker.mark_fields(records::actor, a);
    for (Plan& p : data.plans) {
        marker.mark_fields(records::plan, p);
        for (PlanLevel& l : p.levels) marker.mark_fields(records::plan_level, l);
        for (std::string& s : p.viewpoints) marker.mark_text(s);
        for (std::string& s : p.focus_fields) marker.mark_text(s);
        for (Node& n : p.nodes) marker.mark_fields(records::node, n);
        for (SwotItem& s : p.swot) marker.mark_fields(records::swot_item, s);
        for (TowsStrategy& t : p.tows) marker.mark_fields(records::tows_strategy, t);
        for (Indicator& i : p.indicators) marker.mark_fields(records::indicator, i);
    }
    for (Observation& o : data.observations) marker.mark_fields(records::observation, o);
    std::vector<Annotation> annotations(2);
    for (Annotation& a : annotations) marker.mark_fields(records::annotation, a);
    std::vector<Slide> slides(2);
    for (Slide& s : slides) marker.mark_fields(records::slide, s);

    std::set<std::string> seen;
    for_each_display_string(data, [&](std::string_view text) { seen.emplace(text); });
    for_each_display_string(annotations, slides, [&](std::string_view text) { seen.emplace(text); });
    std::size_t missing = 0;
    for (const std::string& mark : marker.display_marks)
        if (!seen.contains(mark)) ++missing;
    CHECK(marker.display_marks.size() > 1000);
    CHECK(missing == 0);

    // The text fields the walk leaves out are ids, references and timestamps:
    // a new text field is either shown (records::display) or listed here.
    const std::set<std::string> not_shown = {
        "actor.id",           "theme.id",
        "annotation.item_id", "annotation.plan_id",    "annotation.updated_at", "indicator.id",
        "indicator.node_id",  "municipality.id",       "node.id",               "node.parent_id",
        "observation.indicator_id", "observation.plan_id", "observation.as_of", "plan.id", "plan.municipality_id",
        "swot_item.id",       "tows_strategy.id",      "node.level",            "plan.measure_level",
        "plan_level.id"};
    CHECK(marker.hidden_columns == not_shown);
}

TEST_CASE("the generated schema is the one a version 1 database is upgraded to") {
    test::TempDir dir;
    auto master = [](const std::filesystem::path& path) {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name", -1, &st,
                                   nullptr) == SQLITE_OK);
        std::vector<std::string> rows;
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < 4; ++c) {
                const auto* text = sqlite3_column_text(st, c);
                row += std::string(text ? reinterpret_cast<const char*>(text) : "") + "|";
            }
            rows.push_back(collapse_spaces(row));
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
        return rows;
    };
    { Store fresh = Store::open(dir / "new.db", OpenMode::create); }
    {
        Store old = Store::open(dir / "old.db", OpenMode::create);
        REQUIRE(sqlite3_exec(old.handle(),
                             (test::version_4_down_sql() + "DROP TABLE annotation; DROP TABLE slide; PRAGMA application_id = 0; PRAGMA user_version = 1").c_str(),
                             nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    { Store upgraded = Store::open(dir / "old.db", OpenMode::read_write); }
    const auto fresh = master(dir / "new.db");
    CHECK(fresh.size() > 20);
    CHECK(master(dir / "old.db") == fresh);
    // The record tables keep the column order of version 3.
    bool found = false;
    for (const std::string& row : fresh)
        if (row.starts_with("table|node|node|")) {
            found = true;
            CHECK(row.find("CREATE TABLE node ( plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE, id TEXT NOT NULL, "
                           "ord INTEGER NOT NULL, parent_id TEXT, ") != std::string::npos);
        }
    CHECK(found);
}

TEST_CASE("the themes' short headings come from themes.json and survive the database") {
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    REQUIRE(taxonomy.themes.size() == 18);
    for (const Theme& t : taxonomy.themes) {
        CAPTURE(t.id);
        CHECK_FALSE(t.short_ja.empty());
        CHECK_FALSE(t.short_en.empty());
        CHECK(t.short_ja.size() <= t.label_ja.size());
    }
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, taxonomy, bundled_plan_files());
    const Dataset data = load_dataset(store);
    REQUIRE(data.taxonomy.themes.size() == taxonomy.themes.size());
    for (std::size_t i = 0; i < taxonomy.themes.size(); ++i) {
        const Theme& want = taxonomy.themes[i];
        const Theme& got = data.taxonomy.themes[i];
        CHECK(got.id == want.id);
        CHECK(got.short_ja == want.short_ja);
        CHECK(got.short_en == want.short_en);
        CHECK(got.keywords == want.keywords);
    }
    CHECK(data.taxonomy.find_theme("network")->short_ja == "連携");
}

TEST_CASE("a theme's short heading is optional in themes.json, and checked like a label") {
    const std::string actors = R"({"actors": [{"id": "ward", "label_ja": "区", "label_en": "Ward"}]})";
    const Taxonomy plain = parse_taxonomy(R"({"themes": [{"id": "a", "label_ja": "長いテーマ名", "label_en": "A long theme"}]})", actors);
    REQUIRE(plain.themes.size() == 1);
    CHECK(plain.themes[0].short_ja.empty());
    const Taxonomy with = parse_taxonomy(
        R"({"themes": [{"id": "a", "label_ja": "長いテーマ名", "label_en": "A long theme", "short_ja": "長い", "short_en": "Long"}]})",
        actors);
    CHECK(with.themes[0].short_ja == "長い");
    CHECK(with.themes[0].short_en == "Long");
    CHECK_THROWS_WITH_AS(parse_taxonomy(R"({"themes": [{"id": "a", "label_ja": "x", "label_en": "x", "short_ja": 3}]})", actors),
                         doctest::Contains("\"short_ja\" must be a string"), Error);
    CHECK_THROWS_WITH_AS(parse_taxonomy(R"({"themes": [{"id": "a", "label_ja": "x", "label_en": "x", "short_en": "a\nb"}]})", actors),
                         doctest::Contains("short_en"), Error);
    CHECK_THROWS_WITH_AS(parse_taxonomy(R"({"themes": [{"id": "a", "label_en": "x"}]})", actors),
                         doctest::Contains("missing \"label_ja\""), Error);
}
