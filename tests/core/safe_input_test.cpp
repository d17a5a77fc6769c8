// Issue #12, nothing dropped silently: duplicate JSON keys and KPI rows, CSV
// encodings and spreadsheet conventions, eras, control characters.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "test_support.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/era.hpp"
#include "wardscope/error.hpp"
#include "wardscope/json_text.hpp"
#include "wardscope/kpi_history.hpp"
#include "wardscope/store.hpp"
#include "wardscope/utf8.hpp"
#include "wardscope/visible_text.hpp"
#include "wardscope/workshop.hpp"

using namespace wardscope;

namespace {

const std::string header = "plan_id,indicator_id,fiscal_year,value,source\n";

Store store_with_plan(const test::TempDir& dir) {
    Store store = Store::open(dir / "s.db", OpenMode::create);
    auto parsed = parse_plan_file(test::minimal_plan_json(), "plan.json", test::bundled_taxonomy());
    REQUIRE(parsed.ok());
    import_plans(store, test::bundled_taxonomy(), {parsed.plan_file});
    return store;
}

int csv_rows(const Store& store) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(store.handle(), "SELECT count(*) FROM observation WHERE origin = 'csv'", -1, &st, nullptr) ==
            SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    const int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

std::string import_error(Store& store, const std::vector<CsvInput>& files) {
    try {
        import_observations_csv(store, files);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

std::string import_error(Store& store, const std::string& csv) { return import_error(store, {{"k.csv", csv, {}}}); }

std::vector<Problem> plan_problems(const std::string& text) {
    return parse_plan_file(text, "p.json", test::bundled_taxonomy()).problems;
}

bool has_problem(const std::vector<Problem>& problems, const std::string& pointer, const std::string& words) {
    for (const Problem& p : problems)
        if (p.pointer == pointer && p.message.find(words) != std::string::npos) return true;
    return false;
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("duplicate JSON keys are an error with their pointer") {
    CHECK_THROWS_AS(parse_json_strict(R"({"a": 1, "a": 2})"), DuplicateKeyError);
    try {
        parse_json_strict(R"({"x": [{"k": 1}, {"k": 1, "b/c": {"d": 0, "d": 1}}]})");
        FAIL("a duplicate key was accepted");
    } catch (const DuplicateKeyError& e) {
        CHECK(e.pointer == "/x/1/b~1c/d");
        CHECK(e.key == "d");
    }
    CHECK(parse_json_strict(R"({"a": {"k": 1}, "b": {"k": 2}, "c": [1, {"k": 3}]})")["c"][1]["k"] == 3);

    // Fault 8: a second "id" replaced the whole plan.
    const std::string plan = test::minimal_plan_json();
    const auto top = plan_problems(replace_once(plan, R"("title": "テスト計画",)", R"("title": "テスト計画", "id": "other",)"));
    CHECK(has_problem(top, "/id", "duplicate key \"id\""));
    const auto nested = plan_problems(replace_once(plan, R"("name": "創業セミナー",)", R"("name": "創業セミナー", "name": "別名",)"));
    CHECK(has_problem(nested, "/nodes/0/children/0/name", "duplicate key"));

    CHECK_THROWS_WITH_AS(parse_taxonomy(R"({"themes": [{"id": "a", "id": "b", "label_ja": "x", "label_en": "x"}]})",
                                        R"({"actors": []})"),
                         doctest::Contains("themes.json: /themes/0/id: duplicate key"), Error);
    CHECK_THROWS_WITH_AS(slide_state_from_json(R"({"view": "kpi", "view": "swot"})"), doctest::Contains("/view: duplicate key"),
                         Error);
}

TEST_CASE("KPI CSV: two rows for the same plan, indicator, year, source and as_of, in any notation, name both lines") {
    test::TempDir dir;
    Store store = store_with_plan(dir);
    const std::string message = import_error(store, header + "test-plan,kpi1,平成31年度,1,a\ntest-plan,kpi1,2027,2,a\n"
                                                             "test-plan,kpi1,令和元年度,3,a\n");
    CHECK(message == "k.csv:4: the same plan, indicator, fiscal year, source and as_of (test-plan, kpi1, FY2019, 'a') as "
                     "line 2: one value per source and as_of (another source or as_of date is a revision)\nnothing was imported");
    CHECK(csv_rows(store) == 0);
    const std::string across = import_error(store, {{"a.csv", header + "test-plan,kpi1,R1,1,a\n", {}},
                                                    {"b.csv", header + "test-plan,kpi1,H31,1,a\n", {}}});
    CHECK(across.find("b.csv:2: the same plan, indicator, fiscal year, source and as_of (test-plan, kpi1, FY2019, 'a') as a.csv:2") == 0);
    CHECK(csv_rows(store) == 0);
    // With an as_of column: the same source on the same date twice is an error, on another date a revision.
    const std::string dated = "plan_id,indicator_id,fiscal_year,value,source,as_of\n";
    CHECK(import_error(store, dated + "test-plan,kpi1,2023,788,評価,2024-06-30\ntest-plan,kpi1,R5,700,評価,2024-06-30\n")
              .find("k.csv:3: the same plan, indicator, fiscal year, source and as_of (test-plan, kpi1, FY2023, '評価', 2024-06-30)") == 0);
    CHECK(import_error(store, dated + "test-plan,kpi1,2023,788,評価,2024-13-01\n").find("k.csv:2: as_of '2024-13-01' is not a date") == 0);
    CHECK(csv_rows(store) == 0);
}

TEST_CASE("KPI CSV: results for one year from other sources or evaluation rounds are all kept (revisions)") {
    test::TempDir dir;
    Store store = store_with_plan(dir);
    const std::string dated = "plan_id,indicator_id,fiscal_year,value,source,as_of\n";
    auto counts = import_observations_csv(
        store, {{"r.csv", dated + "test-plan,kpi1,2023,788,第1回評価,2024-06-30\ntest-plan,kpi1,2023,700,第2回評価,2025-06-30\n"
                                  "test-plan,kpi1,2023,710,調査,\n", {}}});
    CHECK(counts[0].added == 3);
    CHECK(csv_rows(store) == 3);
    const Dataset data = load_dataset(store);
    std::vector<const Observation*> rows;
    for (const Observation& o : data.observations)
        if (o.fiscal_year == 2023) rows.push_back(&o);
    const std::vector<YearResults> years = year_results(rows);
    REQUIRE(years.size() == 1);
    CHECK(years[0].current->value == 700);  // the latest as_of
    CHECK(years[0].current->source == "第2回評価");
    CHECK(years[0].disagreement);
    CHECK(years[0].rows.size() == 3);
    CHECK(disagreement_text(years[0], "人") ==
          "FY2023: 710人 (調査) ≠ 788人 (第1回評価, as of 2024-06-30) ≠ 700人 (第2回評価, as of 2025-06-30, current)");
    // The same file again: nothing new.
    CHECK(import_observations_csv(store, {{"r.csv", dated + "test-plan,kpi1,2023,788,第1回評価,2024-06-30\n", {}}})[0].unchanged == 1);
}

TEST_CASE("KPI CSV: the count is the rows stored, and a stored value is not overwritten unless asked") {
    test::TempDir dir;
    Store store = store_with_plan(dir);
    const std::string first = header + "test-plan,kpi1,2027,20,調査\ntest-plan,kpi1,2028,21,調査\n";
    CHECK(import_observations_csv(store, first, "a.csv") == 2);
    CHECK(csv_rows(store) == 2);
    // The same file again: nothing new is stored, and the count says so.
    auto again = import_observations_csv(store, {{"a.csv", first, {}}});
    CHECK(again[0].added == 0);
    CHECK(again[0].unchanged == 2);
    CHECK(csv_rows(store) == 2);
    // A different value for a stored year from the same source and as_of is an error naming what is stored.
    const std::string changed = header + "test-plan,kpi1,令和9年度,25,調査\n";
    CHECK(import_error(store, changed).find("k.csv:2: FY2027 of test-plan/kpi1 from source '調査' is already stored from an "
                                            "earlier CSV import (20); to change stored results, import with --replace") == 0);
    auto replaced = import_observations_csv(store, {{"c.csv", changed, {}}}, true);
    CHECK(replaced[0].replaced == 1);
    CHECK(csv_rows(store) == 2);
    // Another source for the year is a revision, kept beside it.
    CHECK(import_observations_csv(store, {{"d.csv", header + "test-plan,kpi1,令和9年度,26,再調査\n", {}}})[0].added == 1);
    CHECK(csv_rows(store) == 3);
}

TEST_CASE("KPI CSV: UTF-8 with and without BOM, UTF-16 with BOM and Shift_JIS are read, and named") {
    test::TempDir dir;
    Store store = store_with_plan(dir);
    const std::string sjis_row = "test-plan,kpi1,\x97\xDF\x98\x61\x8C\xB3\x94\x4E\x93\x78,5,\x92\xB2\x8D\xB8\r\n";  // 令和元年度, 調査
    auto result = import_observations_csv(store, {{"sjis.csv", header + sjis_row, {}}});
    CHECK(result[0].encoding == CsvEncoding::shift_jis);
    CHECK(to_string(result[0].encoding) == "Shift_JIS (CP932)");
    const Dataset data = load_dataset(store);
    bool found = false;
    for (const Observation& o : data.observations)
        if (o.origin == ObservationOrigin::csv && o.fiscal_year == 2019) found = o.source == "調査" && o.value == 5;
    CHECK(found);

    auto utf16 = [](const std::string& ascii_and_kanji, bool little) {
        // The test's text as UTF-16 code units: ASCII plus 調 (U+8ABF) and 査 (U+67FB).
        std::string out = little ? "\xFF\xFE" : "\xFE\xFF";
        auto unit = [&](char16_t u) {
            const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
            out += little ? lo : hi;
            out += little ? hi : lo;
        };
        for (std::size_t i = 0; i < ascii_and_kanji.size(); ++i) {
            if (ascii_and_kanji.compare(i, 3, "調") == 0) unit(0x8ABF), i += 2;
            else if (ascii_and_kanji.compare(i, 3, "査") == 0) unit(0x67FB), i += 2;
            else unit(static_cast<char16_t>(ascii_and_kanji[i]));
        }
        return out;
    };
    result = import_observations_csv(store, {{"le.csv", utf16(header + "test-plan,kpi1,2030,1,調査\n", true), {}},
                                             {"be.csv", utf16(header + "test-plan,kpi1,2031,1,調査\n", false), {}},
                                             {"bom.csv", std::string(utf8_bom) + header + "test-plan,kpi1,2032,1,調査\n", {}},
                                             {"plain.csv", header + "test-plan,kpi1,2033,1,調査\n", {}}});
    CHECK(result[0].encoding == CsvEncoding::utf16le);
    CHECK(result[1].encoding == CsvEncoding::utf16be);
    CHECK(result[2].encoding == CsvEncoding::utf8_bom);
    CHECK(result[3].encoding == CsvEncoding::utf8);
    for (const auto& r : result) CHECK(r.added == 1);
    CHECK(csv_rows(store) == 5);
}

TEST_CASE("KPI CSV: bytes invalid in the detected encoding are an error naming the line") {
    test::TempDir dir;
    Store store = store_with_plan(dir);
    // Shift_JIS with a lead byte followed by a byte no Shift_JIS character has.
    const std::string bad_sjis = header + "test-plan,kpi1,2027,1,\x92\xB2\x8D\xB8\ntest-plan,kpi1,2028,1,\x81\x20x\n";
    CHECK(import_error(store, bad_sjis).find("k.csv:3: bytes that are neither UTF-8 nor Shift_JIS (CP932)") == 0);
    // UTF-8 first, then a stray byte.
    const std::string bad_utf8 = header + "test-plan,kpi1,2027,1,調査\ntest-plan,kpi1,2028,1,\xFF\n";
    CHECK(import_error(store, bad_utf8).find("k.csv:3: invalid UTF-8") == 0);
    // A lone surrogate in UTF-16.
    CHECK(import_error(store, std::string("\xFF\xFE" "a\0\n\0\x00\xD8\n\0", 10)).find("k.csv:2: invalid UTF-16LE") == 0);
    CHECK(import_error(store, std::string("p\0l\0a\0", 6)).find("UTF-16 without a byte-order mark") != std::string::npos);
    CHECK(csv_rows(store) == 0);
}

TEST_CASE("KPI CSV: the first 100 problems are listed, then their count") {
    test::TempDir dir;
    Store store = store_with_plan(dir);
    std::string csv = header;
    for (int i = 0; i < 12'445; ++i) csv += "nope,kpi1,2027,1,x\n";
    const std::string message = import_error(store, csv);
    CHECK(message.find("k.csv:2: unknown plan 'nope'") == 0);
    CHECK(message.find("k.csv:101: unknown plan 'nope'") != std::string::npos);
    CHECK(message.find("k.csv:102:") == std::string::npos);
    CHECK(message.find("\n… and 12,345 more problems\nnothing was imported") != std::string::npos);
}

TEST_CASE("CSV: quotes inside fields are kept") {
    const auto rows = parse_csv("a,\"say \"\"hi\"\"\",5\" disk,\"x\"y\n", "q.csv");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].fields == std::vector<std::string>{"a", "say \"hi\"", "5\" disk", "xy"});
}

TEST_CASE("CSV export: BOM, formula cells neutralised, numbers plain, and read back unchanged") {
    CsvWriter csv({"text", "number"});
    const std::vector<std::string> texts = {"=HYPERLINK(\"http://x\",\"y\")", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx",
                                            "'=already", "''+two", "'plain", "ok", "-", "1,234"};
    for (const std::string& t : texts) csv.row({t, csv_number(-1234.5)});
    const std::string text = csv.text();
    CHECK(text.rfind(std::string(utf8_bom) + "text,number\n", 0) == 0);
    CHECK(text.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1234.5\n") != std::string::npos);
    CHECK(text.find("\n'+cmd,-1234.5\n") != std::string::npos);
    CHECK(text.find("\n'-2+3,") != std::string::npos);
    CHECK(text.find("\n'@SUM(A1),") != std::string::npos);
    CHECK(text.find("\n''=already,") != std::string::npos);
    CHECK(text.find("\n'plain,") != std::string::npos);
    const auto rows = parse_csv(text, "x.csv");
    REQUIRE(rows.size() == texts.size() + 1);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        CHECK(rows[i + 1].fields[0] == texts[i]);
        CHECK(rows[i + 1].fields[1] == "-1234.5");
    }
    CHECK(csv_number(1234567.0) == "1234567");
    CHECK(csv_number(0.1) == "0.1");
    CHECK(csv_field("-12.5") == "-12.5");  // a plain number is not a formula
    CHECK(csv_field("-12.5e3") == "-12.5e3");
}

TEST_CASE("KPI CSV exported by wardscope imports back, negative values and formula-like sources included") {
    test::TempDir dir;
    Store store = store_with_plan(dir);
    CHECK(import_observations_csv(store, header + "test-plan,kpi1,2027,-3.25,\"=1+1\"\ntest-plan,kpi1,2028,1e3,@note\n",
                                  "a.csv") == 2);
    std::vector<Observation> csv_observations;
    for (const Observation& o : load_dataset(store).observations)
        if (o.origin == ObservationOrigin::csv) csv_observations.push_back(o);
    const std::string exported = observations_to_csv(csv_observations);
    CHECK(exported.find(",-3.25,'=1+1,") != std::string::npos);
    CHECK(exported.find(",1000,'@note,") != std::string::npos);
    test::TempDir other_dir;
    Store other = store_with_plan(other_dir);
    CHECK(import_observations_csv(other, exported, "exported.csv") == 2);
    for (const Observation& o : load_dataset(other).observations) {
        if (o.origin != ObservationOrigin::csv) continue;
        if (o.fiscal_year == 2027) CHECK((o.value == -3.25 && o.source == "=1+1"));
        else CHECK((o.value == 1000 && o.source == "@note"));
    }
}

TEST_CASE("eras: a year past the era's end, two notations, calendar years") {
    std::string why;
    CHECK_FALSE(parse_fiscal_year("平成99年度", &why));
    CHECK(why == "平成99年度: 平成 ended in its 31st year (2019); 令和 began in 2019 (nominal years after the end are read up "
                 "to 平成40年度)");
    CHECK(parse_fiscal_year("平成32年度") == 2020);  // nominal years the seeds use
    CHECK(parse_fiscal_year("平成33年度") == 2021);
    CHECK(parse_fiscal_year("平成40年度") == 2028);
    CHECK_FALSE(parse_fiscal_year("H41"));
    CHECK_FALSE(parse_fiscal_year("昭和80年度", &why));
    CHECK(why.find("昭和 ended in its 64th year (1989); 平成 began in 1989") != std::string::npos);
    // 令和 is still running: a year past its bound names no next era (the fuzzer's R2028)
    CHECK(parse_fiscal_year("令和99年度") == 2117);
    CHECK_FALSE(parse_fiscal_year("R2028", &why));
    CHECK(why == "R2028: 令和2028年度 would be FY4046, past any plan (令和 years are read up to 令和99年度); write a "
                 "western year as 2028 or FY2028");
    CHECK_FALSE(parse_fiscal_year("令和100年度", &why));
    CHECK(why.find("令和100年度 would be FY2118") != std::string::npos);
    CHECK(parse_fiscal_year("令和6年度（2024年度）") == 2024);
    CHECK(parse_fiscal_year("令和6年度(2024)") == 2024);
    CHECK(parse_fiscal_year("2024年度（令和6年度）") == 2024);
    CHECK(parse_fiscal_year("令和8（2026）年度") == 2026);
    CHECK_FALSE(parse_fiscal_year("令和6年度（2025年度）", &why));
    CHECK(why == "令和6年度（2025年度）: the two notations name different years (FY2024 and FY2025)");
    CHECK_FALSE(parse_fiscal_year("平成23年", &why));
    CHECK(why.find("平成23年: a calendar year (2011), not a fiscal year") == 0);
    CHECK_FALSE(parse_fiscal_year("2011年", &why));
    CHECK(why.find("a calendar year") != std::string::npos);
    CHECK(parse_fiscal_year("平成23年度") == 2011);
    why.clear();
    CHECK_FALSE(parse_fiscal_year("来年", &why));
    CHECK(why.empty());  // nothing to add to "not a fiscal year"
}

TEST_CASE("eras: the KPI CSV and plan files report the hint") {
    test::TempDir dir;
    Store store = store_with_plan(dir);
    CHECK(import_error(store, header + "test-plan,kpi1,平成99年度,1,a\ntest-plan,kpi1,平成23年,1,a\n") ==
          "k.csv:2: 平成99年度: 平成 ended in its 31st year (2019); 令和 began in 2019 (nominal years after the end are read "
          "up to 平成40年度)\nk.csv:3: 平成23年: a calendar year (2011), not a fiscal year: write 年度 for fiscal year 2011 "
          "(April–March)\nnothing was imported");
    const auto problems =
        plan_problems(replace_once(test::minimal_plan_json(), R"("start": "令和8年度")", R"("start": "令和8年度（2027年度）")"));
    CHECK(has_problem(problems, "/period/start", "the two notations name different years"));
}

TEST_CASE("control characters are refused in every input path") {
    CHECK(control_character_problem("a\nb", TextKind::prose) == std::nullopt);
    CHECK(control_character_problem("a\r\nb\tc", TextKind::prose) == std::nullopt);
    CHECK(control_character_problem(std::string("ab\0c", 4), TextKind::prose) ==
          "contains the control character U+0000 (NUL) at character 3");
    CHECK(control_character_problem("a\nb", TextKind::one_line)->find("U+000A (LF) at character 2 (this field is one line") !=
          std::string::npos);
    CHECK(control_character_problem("x\x7F", TextKind::prose)->find("U+007F (DEL)") != std::string::npos);

    test::TempDir dir;
    Store store = store_with_plan(dir);
    // KPI CSV: the field is named.
    CHECK(import_error(store, header + std::string("test-plan,kpi1,2027,1,a\0b\n", 26)) ==
          "k.csv:2: source contains the control character U+0000 (NUL) at character 2\nnothing was imported");
    CHECK(import_error(store, header + "test-plan,kpi1,2027,1,\"a\nb\"\n").find("source contains the control character U+000A") !=
          std::string::npos);
    // KPI entry in the app, notes, slide names.
    CHECK_THROWS_WITH_AS(add_user_observation(store, "test-plan", "kpi1", "2027", "1", std::string("x\0", 2)),
                         "the source contains the control character U+0000 (NUL) at character 2", Error);
    const ItemRef measure{"test-plan", ItemKind::node, "m1"};
    CHECK_THROWS_WITH_AS(set_annotation(store, measure, std::string("note\0", 5), std::nullopt),
                         "the note contains the control character U+0000 (NUL) at character 5", Error);
    set_annotation(store, measure, "two\nlines\tand a tab", std::nullopt);  // prose
    CHECK_THROWS_WITH_AS(add_slide(store, std::string("s\0", 2), SlideState{}),
                         "the slide name contains the control character U+0000 (NUL) at character 2", Error);
    CHECK_THROWS_AS(add_slide(store, "two\nlines", SlideState{}), Error);
    // Plan files: one-line fields refuse line breaks, prose keeps them, nothing takes a NUL.
    const std::string plan = test::minimal_plan_json();
    CHECK(has_problem(plan_problems(replace_once(plan, "テスト計画", "テスト\\u0000計画")), "/title",
                      "control character U+0000 (NUL)"));
    CHECK(has_problem(plan_problems(replace_once(plan, "テスト計画", "テスト\\n計画")), "/title", "this field is one line"));
    CHECK(plan_problems(replace_once(plan, R"("text": "多様な産業")", R"("text": "多様な\n産業")")).empty());
}

TEST_CASE("text from another tool's database is drawn with a visible mark, never a NUL") {
    CHECK(visible_control_characters(std::string("a\0b\x1b", 4)) == "a〓b〓");
    CHECK(visible_control_characters("line\nnext\ttab\r\n") == "line\nnext\ttab\r\n");
    Dataset data;
    Plan plan;
    plan.title = std::string("計画\0", 7);
    plan.nodes.push_back(Node{});
    plan.nodes[0].name = std::string("\0", 1);
    data.plans.push_back(plan);
    data.observations.push_back(Observation{});
    data.observations[0].source = std::string("x\0", 2);
    make_text_visible(data);
    CHECK(data.plans[0].title == "計画〓");
    CHECK(data.plans[0].nodes[0].name == "〓");
    CHECK(data.observations[0].source == "x〓");
    std::vector<Slide> slides(1);
    slides[0].name = std::string("s\0", 2);
    make_text_visible(slides);
    CHECK(slides[0].name == "s〓");
}
