// The municipality as one record (issue #13): prefecture, kind and
// 全国地方公共団体コード checked; two descriptions that disagree are an error
// naming both (between files, and against the database), never last-wins;
// unknown attributes are filled in; sources accumulate.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/municipality.hpp"
#include "wardscope/plan_import.hpp"
#include "wardscope/store.hpp"

using namespace wardscope;
using nlohmann::json;

namespace {

// The minimal plan with its municipality changed by `change`.
std::string plan_text(const std::string& id, const json& change, const json& source = nullptr) {
    json plan = json::parse(test::minimal_plan_json(id));
    for (const auto& [key, value] : change.items()) plan["municipality"][key] = value;
    if (!source.is_null()) plan["municipality"]["source"] = source;
    return plan.dump();
}

ImportResult import_texts(Store& store, std::vector<PlanText> texts) {
    return import_plan_texts(store, test::bundled_taxonomy(), texts);
}


}  // namespace

TEST_CASE("全国地方公共団体コード check digits and the 47 prefectures") {
    CHECK(valid_local_government_code("131016"));  // 千代田区
    CHECK(valid_local_government_code("131199"));  // 板橋区
    CHECK(valid_local_government_code("141003"));  // 横浜市
    CHECK_FALSE(valid_local_government_code("131017"));
    CHECK_FALSE(valid_local_government_code("13101"));
    CHECK_FALSE(valid_local_government_code("13101a"));
    CHECK(with_check_digit("13101") == "131016");
    CHECK(with_check_digit("01100") == "011002");  // 札幌市
    REQUIRE(prefectures().size() == 47);
    CHECK(prefectures().front().name_ja == "北海道");
    CHECK(prefectures().back().name_ja == "沖縄県");
    REQUIRE(find_prefecture("神奈川県") != nullptr);
    CHECK(find_prefecture("神奈川県")->code == 14);
    CHECK(find_prefecture("神奈川") == nullptr);  // as written, with 県
    CHECK(prefecture_of_code("141003") == find_prefecture("神奈川県"));
    CHECK(prefecture_of_code("481003") == nullptr);
}

TEST_CASE("a plan file's prefecture is one of the 47 and the one its code names") {
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    auto ok = parse_plan_file(plan_text("p", {{"prefecture", "東京都"}, {"code", "131199"}, {"name_kana", "しけんく"}}), "a.json", taxonomy);
    REQUIRE(ok.ok());
    CHECK(ok.plan_file.municipality.prefecture == "東京都");
    CHECK(ok.plan_file.municipality.name_kana == "しけんく");
    const json written = to_json(ok.plan_file);
    CHECK(written["municipality"]["prefecture"] == "東京都");
    CHECK(written["municipality"]["name_kana"] == "しけんく");

    auto unknown = parse_plan_file(plan_text("p", {{"prefecture", "東京"}}), "a.json", taxonomy);
    REQUIRE(unknown.problems.size() == 1);
    CHECK(unknown.problems[0].pointer == "/municipality/prefecture");
    CHECK(unknown.problems[0].message.find("unknown prefecture '東京'") == 0);

    auto mismatch = parse_plan_file(plan_text("p", {{"prefecture", "大阪府"}, {"code", "131199"}}), "a.json", taxonomy);
    REQUIRE(mismatch.problems.size() == 1);
    CHECK(mismatch.problems[0].message == "'大阪府' differs from the prefecture of code 131199 (東京都)");

    auto bad_code = parse_plan_file(plan_text("p", {{"code", "131190"}}), "a.json", taxonomy);
    REQUIRE(bad_code.problems.size() == 1);
    CHECK(bad_code.problems[0].pointer == "/municipality/code");
}

TEST_CASE("two files describing one municipality: a conflict names both values and both files, unknowns are no conflict") {
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    auto a = parse_plan_file(plan_text("a", {{"prefecture", "東京都"}}), "a.json", taxonomy);
    auto b = parse_plan_file(plan_text("b", {{"code", "131199"}}), "b.json", taxonomy);  // adds a code, says no prefecture
    auto c = parse_plan_file(plan_text("c", {{"name_en", "Other Ward"}}), "c.json", taxonomy);
    auto d = parse_plan_file(plan_text("d", {{"code", "131016"}}), "d.json", taxonomy);
    const auto problems = check_plan_set({a, b, c, d});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].to_string() == "c.json: /municipality: municipality 'testward': name_en 'Other Ward' here, 'Test Ward' in a.json");
    CHECK(problems[1].to_string() == "d.json: /municipality: municipality 'testward': code '131016' here, '131199' in b.json");
}

TEST_CASE("a file contradicting the database is an error naming both, and nothing changes") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    REQUIRE(import_texts(store, {{"a.json", plan_text("a", {{"prefecture", "東京都"}})},
                                 {"b.json", plan_text("b", {})}}).ok());
    // One file renaming the municipality used to rename it for every plan (last-wins).
    const ImportResult renamed = import_texts(store, {{"b2.json", plan_text("b", {{"name_en", "Renamed Ward"}})}});
    REQUIRE(renamed.problems.size() == 1);
    CHECK(renamed.problems[0].to_string() ==
          "b2.json: /municipality: municipality 'testward': name_en 'Renamed Ward' here, 'Test Ward' in the database "
          "(plans 'a' say so and are not in this import; import all of its plans together to change it)");
    CHECK(renamed.report.added_plans.empty());
    Dataset data = load_dataset(store);
    REQUIRE(data.municipalities.size() == 1);
    CHECK(data.municipalities[0].name_en == "Test Ward");

    const ImportResult other_prefecture = import_texts(store, {{"c.json", plan_text("c", {{"prefecture", "大阪府"}})}});
    REQUIRE(other_prefecture.problems.size() == 1);
    CHECK(other_prefecture.problems[0].message.find("prefecture '大阪府' here, '東京都' in the database") != std::string::npos);

    // Unknown attributes are filled in, never erased by a file that does not say them.
    REQUIRE(import_texts(store, {{"b3.json", plan_text("b", {{"code", "131199"}})}}).ok());
    data = load_dataset(store);
    CHECK(data.municipalities[0].code == "131199");
    CHECK(data.municipalities[0].prefecture == "東京都");
    CHECK(data.municipalities[0].name_en == "Test Ward");

    // A correction made in every one of its plans' files is taken.
    REQUIRE(import_texts(store, {{"a4.json", plan_text("a", {{"name_en", "Renamed Ward"}})},
                                 {"b4.json", plan_text("b", {{"name_en", "Renamed Ward"}})}}).ok());
    CHECK(load_dataset(store).municipalities[0].name_en == "Renamed Ward");
}

TEST_CASE("a municipality's sources accumulate, each once, the first one on the record") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    REQUIRE(import_texts(store, {{"a.json", plan_text("a", {}, {{"file", "one.txt"}, {"section", "第1章"}})},
                                 {"b.json", plan_text("b", {}, {{"file", "two.txt"}, {"section", "概要"}})}}).ok());
    REQUIRE(import_texts(store, {{"b.json", plan_text("b", {}, {{"file", "two.txt"}, {"section", "概要"}})},
                                 {"c.json", plan_text("c", {}, {{"url", "https://example.jp/plan.pdf"}})}}).ok());
    const Dataset data = load_dataset(store);
    REQUIRE(data.municipalities.size() == 1);
    const Municipality& m = data.municipalities[0];
    CHECK(m.source.file == "one.txt");
    REQUIRE(m.sources.size() == 3);
    CHECK(m.sources[0].file == "one.txt");
    CHECK(m.sources[1].file == "two.txt");
    CHECK(m.sources[2].url == "https://example.jp/plan.pdf");
}

TEST_CASE("a version 3 database: read as it is, then upgraded to 4 keeping its municipality's source") {
    test::TempDir dir;
    const auto path = test::minimal_database(dir);
    test::run_sql(path, test::down_to_version_3_sql());
    {
        Store old = Store::open(path, OpenMode::read_only);
        const Dataset data = load_dataset(old);
        REQUIRE(data.municipalities.size() == 1);
        CHECK(data.municipalities[0].prefecture.empty());
        CHECK(data.municipalities[0].sources.empty());
    }
    Store store = Store::open(path, OpenMode::read_write);
    REQUIRE(store.upgrade().has_value());
    CHECK(store.upgrade()->from_version == 3);
    const Dataset data = load_dataset(store);
    REQUIRE(data.municipalities.size() == 1);
    REQUIRE(data.municipalities[0].sources.size() == 1);
    CHECK(data.municipalities[0].sources[0].file == "test.txt");
}

TEST_CASE("the municipality picker finds by kanji, reading in hiragana or katakana, code, English and prefecture") {
    std::vector<Municipality> list(3);
    list[0].id = "itabashi", list[0].name_ja = "板橋区", list[0].name_kana = "いたばしく", list[0].code = "131199",
    list[0].name_en = "Itabashi City", list[0].prefecture = "東京都";
    list[1].id = "yokohama", list[1].name_ja = "横浜市", list[1].name_kana = "よこはまし", list[1].code = "141003",
    list[1].name_en = "Yokohama", list[1].prefecture = "神奈川県";
    list[2].id = "nokana", list[2].name_ja = "北区", list[2].name_en = "Kita City";  // no reading, no code
    const MunicipalityFinder finder(list);
    using V = std::vector<std::size_t>;
    CHECK(finder.find("") == V{0, 1, 2});
    CHECK(finder.find("板橋") == V{0});
    CHECK(finder.find("いたば") == V{0});
    CHECK(finder.find("イタバ") == V{0});      // katakana finds the hiragana reading
    CHECK(finder.find("ｲﾀﾊﾞｼ") == V{0});     // half-width too (NFKC)
    CHECK(finder.find("1411") == V{});
    CHECK(finder.find("14100") == V{1});
    CHECK(finder.find("１３１１") == V{0});   // full-width digits
    CHECK(finder.find("YOKO") == V{1});        // case folded
    CHECK(finder.find("city") == V{0, 2});
    CHECK(finder.find("神奈川") == V{1});
    CHECK(finder.find("区") == V{0, 2});
    CHECK(finder.find("大阪") == V{});
}
