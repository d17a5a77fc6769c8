// Workshop data: notes and votes, slides. Stored in user tables, one
// transaction per edit, kept when the plans are imported again.
#include <doctest/doctest.h>

#include <functional>

#include <sqlite3.h>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"
#include "wardscope/workshop.hpp"

using namespace wardscope;
using test::error_of;

namespace {

PlanFile minimal_plan(const std::string& json = test::minimal_plan_json()) {
    auto result = parse_plan_file(json, "plan.json", test::bundled_taxonomy());
    REQUIRE(result.ok());
    return result.plan_file;
}

Store make_store(const test::TempDir& dir) {
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {minimal_plan()});
    return store;
}

const ItemRef swot_s1{"test-plan", ItemKind::swot, "s1"};
const ItemRef tows_so1{"test-plan", ItemKind::tows, "so1"};
const ItemRef measure_m1{"test-plan", ItemKind::node, "m1"};

}  // namespace

TEST_CASE("notes and votes round-trip, are replaced, and are removed when emptied") {
    test::TempDir dir;
    Store store = make_store(dir);
    set_annotation(store, swot_s1, "多様性は強み。\n要議論", 5);
    set_annotation(store, tows_so1, "", 2);
    set_annotation(store, measure_m1, "予算を確認", std::nullopt);

    auto all = load_annotations(store);
    REQUIRE(all.size() == 3);
    const auto find = [&](const ItemRef& r) {
        for (const Annotation& a : all)
            if (a.item == r) return a;
        FAIL("no annotation");
        return Annotation{};
    };
    CHECK(find(swot_s1).note == "多様性は強み。\n要議論");
    CHECK(find(swot_s1).vote == 5);
    CHECK(find(tows_so1).note.empty());
    CHECK(find(tows_so1).vote == 2);
    CHECK_FALSE(find(measure_m1).vote.has_value());
    CHECK(find(measure_m1).updated_at.size() == 20);  // 2026-11-29T16:00:00Z

    set_annotation(store, swot_s1, "書き直し", 3);
    all = load_annotations(store);
    CHECK(all.size() == 3);
    CHECK(find(swot_s1).note == "書き直し");
    CHECK(find(swot_s1).vote == 3);
    REQUIRE(find_annotation(store, swot_s1).has_value());
    CHECK(find_annotation(store, swot_s1)->note == "書き直し");

    set_annotation(store, swot_s1, "", std::nullopt);
    CHECK_FALSE(find_annotation(store, swot_s1).has_value());
    CHECK(load_annotations(store).size() == 2);
}

TEST_CASE("a bad note or vote is refused with every problem named, and nothing is written") {
    test::TempDir dir;
    Store store = make_store(dir);
    CHECK(error_of([&] { set_annotation(store, swot_s1, "x", 6); }).find("the vote must be 1–5, not 6") != std::string::npos);
    CHECK(error_of([&] { set_annotation(store, swot_s1, "x", 0); }).find("not 0") != std::string::npos);
    CHECK(error_of([&] { set_annotation(store, swot_s1, "bad \xff", 1); }).find("not valid UTF-8") != std::string::npos);
    CHECK(error_of([&] { set_annotation(store, swot_s1, std::string(max_note_bytes + 1, 'a'), 1); }).find("too long") !=
          std::string::npos);
    const std::string both = error_of([&] { set_annotation(store, {"test-plan", ItemKind::swot, "zz"}, "x", 9); });
    CHECK(both.find("the vote must be") != std::string::npos);
    CHECK(both.find("plan 'test-plan' has no swot item 'zz'") != std::string::npos);
    CHECK(error_of([&] { set_annotation(store, {"nope", ItemKind::node, "m1"}, "x", 1); }).find("plan 'nope'") !=
          std::string::npos);
    // A node id is not a SWOT id: the kind matters.
    CHECK_FALSE(error_of([&] { set_annotation(store, {"test-plan", ItemKind::swot, "m1"}, "x", 1); }).empty());
    CHECK(load_annotations(store).empty());
}

TEST_CASE("SQL in a note is stored as text") {
    test::TempDir dir;
    Store store = make_store(dir);
    const std::string note = "'); DROP TABLE annotation; -- \"quoted\"";
    set_annotation(store, measure_m1, note, 1);
    REQUIRE(load_annotations(store).size() == 1);
    CHECK(load_annotations(store)[0].note == note);
}

TEST_CASE("notes, votes and slides survive a re-import, and a dropped item keeps its note") {
    test::TempDir dir;
    Store store = make_store(dir);
    set_annotation(store, swot_s1, "残る", 4);
    set_annotation(store, measure_m1, "項目が消えても残る", 2);
    SlideState state;
    state.view = "swot";
    state.plan_ids = {"test-plan"};
    add_slide(store, "SWOT", state);

    // The new version of the plan has no m1.
    std::string json = test::minimal_plan_json();
    const auto at = json.find(R"({"id": "m1")");
    REQUIRE(at != std::string::npos);
    json.erase(at, json.find('}', at) + 2 - at);
    import_plans(store, test::bundled_taxonomy(), {minimal_plan(json)});

    const Dataset data = load_dataset(store);
    const auto annotations = load_annotations(store);
    REQUIRE(annotations.size() == 2);
    CHECK(load_slides(store).size() == 1);
    CHECK(load_slides(store)[0].state == state);
    for (const Annotation& a : annotations) {
        if (a.item == swot_s1) {
            CHECK(item_exists(data, a.item));
            CHECK(item_text(data, a.item) == "多様な産業");
        } else {
            CHECK(a.item == measure_m1);
            CHECK_FALSE(item_exists(data, a.item));
            CHECK(item_text(data, a.item).empty());
            CHECK(a.note == "項目が消えても残る");
        }
    }
}

TEST_CASE("undo puts a note back as it was, also for an item a re-import dropped") {
    test::TempDir dir;
    Store store = make_store(dir);
    set_annotation(store, measure_m1, "最初のメモ", 3);
    const std::optional<Annotation> first = find_annotation(store, measure_m1);
    REQUIRE(first);
    set_annotation(store, measure_m1, "書き換え", 5);
    restore_annotation(store, measure_m1, first);
    const std::optional<Annotation> back = find_annotation(store, measure_m1);
    REQUIRE(back);
    CHECK(back->note == "最初のメモ");
    CHECK(back->vote == 3);
    CHECK(back->updated_at == first->updated_at);

    // m1 is dropped by a re-import: its note stays, and undoing the note's
    // creation still removes it (set_annotation would refuse the missing item).
    std::string json = test::minimal_plan_json();
    const auto at = json.find(R"({"id": "m1")");
    json.erase(at, json.find('}', at) + 2 - at);
    import_plans(store, test::bundled_taxonomy(), {minimal_plan(json)});
    CHECK_FALSE(error_of([&] { set_annotation(store, measure_m1, "", std::nullopt); }).empty());
    restore_annotation(store, measure_m1, std::nullopt);
    CHECK_FALSE(find_annotation(store, measure_m1));
}

TEST_CASE("notes export as CSV and Markdown with the item's text") {
    test::TempDir dir;
    Store store = make_store(dir);
    set_annotation(store, tows_so1, "a, \"b\"", 5);
    set_annotation(store, measure_m1, "列|区切り\n改行", std::nullopt);
    const Dataset data = load_dataset(store);
    const auto annotations = load_annotations(store);

    const std::string csv = annotations_to_csv(data, annotations);
    CHECK(csv.rfind(std::string(utf8_bom) + "plan_id,plan_title,item_kind,item_id,item_text,in_plan,vote,note,updated_at\n", 0) == 0);
    CHECK(csv.find("test-plan,テスト計画,node,m1,創業セミナー,1,,\"列|区切り\n改行\",") != std::string::npos);
    CHECK(csv.find("test-plan,テスト計画,tows,so1,SO 強みを伸ばす,1,5,\"a, \"\"b\"\"\",") != std::string::npos);
    const auto rows = parse_csv(csv, "notes.csv");
    CHECK(rows.size() == 3);

    const std::string md = annotations_to_markdown(data, annotations);
    CHECK(md.find("## 試験区 テスト計画 (`test-plan`)") != std::string::npos);
    CHECK(md.find("| クロスSWOT | SO 強みを伸ばす | ★★★★★ 5 | a, \"b\" |") != std::string::npos);
    CHECK(md.find("| 施策体系 | 創業セミナー | — | 列\\|区切り<br>改行 |") != std::string::npos);
}

TEST_CASE("slides: add, rename, update, move, delete keep positions contiguous") {
    test::TempDir dir;
    Store store = make_store(dir);
    SlideState a, b, c;
    a.view = "timeline";
    b.view = "heatmap";
    b.view_options = {{"heatmap.mode", "share"}, {"heatmap.rows", "similarity"}};
    b.filter_theme_id = "startup";
    b.filter_municipality_ids = {"sumida", "arakawa"};
    b.filter_fiscal_year_from = 2019;
    b.lang = "en";
    b.font_preset = 5;
    c.view = "kpi";
    c.plan_ids = {"kita-vision-2026", "itabashi-vision-2035"};
    c.presenting = false;
    const auto ia = add_slide(store, "全体", a);
    const auto ib = add_slide(store, "カバレッジ", b);
    const auto ic = add_slide(store, "KPI", c);

    auto names = [&] {
        std::vector<std::string> out;
        for (const Slide& s : load_slides(store)) out.push_back(s.name);
        return out;
    };
    CHECK(names() == std::vector<std::string>{"全体", "カバレッジ", "KPI"});
    CHECK(load_slides(store)[1].state == b);
    CHECK(load_slides(store)[2].state == c);

    move_slide(store, ic, 0);
    CHECK(names() == std::vector<std::string>{"KPI", "全体", "カバレッジ"});
    move_slide(store, ic, 99);  // clamped to the end
    CHECK(names() == std::vector<std::string>{"全体", "カバレッジ", "KPI"});
    move_slide(store, ia, 1);
    CHECK(names() == std::vector<std::string>{"カバレッジ", "全体", "KPI"});

    rename_slide(store, ib, "テーマ別");
    update_slide(store, ib, c);
    CHECK(load_slides(store)[0].name == "テーマ別");
    CHECK(load_slides(store)[0].state == c);

    CHECK(delete_slide(store, ia));
    CHECK_FALSE(delete_slide(store, ia));
    const auto slides = load_slides(store);
    REQUIRE(slides.size() == 2);
    CHECK(slides[0].position == 0);
    CHECK(slides[1].position == 1);
    // The stored positions are contiguous too, so a later move lands where asked.
    move_slide(store, slides[1].id, 0);
    CHECK(names() == std::vector<std::string>{"KPI", "テーマ別"});

    // A deleted slide put back (undo) keeps its id and place.
    const Slide first = load_slides(store)[0];
    CHECK(delete_slide(store, first.id));
    restore_slide(store, first);
    CHECK(names() == std::vector<std::string>{"KPI", "テーマ別"});
    CHECK(load_slides(store)[0].id == first.id);
    CHECK_FALSE(error_of([&] { restore_slide(store, first); }).empty());  // it is there already

    CHECK(error_of([&] { add_slide(store, "", a); }) == "a slide needs a name");
    CHECK(error_of([&] { rename_slide(store, 12345, "x"); }) == "no slide with id 12345");
    CHECK(error_of([&] { move_slide(store, 12345, 0); }) == "no slide with id 12345");
}

TEST_CASE("slide state JSON: round trip, defaults for missing fields, clear errors") {
    SlideState s;
    s.view = "compare";
    s.plan_ids = {"a", "b"};
    s.node_id = "n\"1";
    s.view_options["kpi.bars"] = "1";
    CHECK(slide_state_from_json(slide_state_to_json(s)) == s);
    CHECK(slide_state_from_json("{}") == SlideState{});
    CHECK(slide_state_from_json(R"({"view": "swot", "unknown": 1})").view == "swot");
    CHECK(error_of([] { slide_state_from_json("{"); }) == "slide state: not valid JSON");
    CHECK(error_of([] { slide_state_from_json("[]"); }) == "slide state: a JSON object was expected");
    CHECK(error_of([] { slide_state_from_json(R"({"plans": "a"})"); }) == "slide state: 'plans' has the wrong type (string)");
    CHECK(error_of([] { slide_state_from_json(R"({"filter": {"fiscal_year_from": "x"}})"); }) ==
          "slide state: 'filter.fiscal_year_from' has the wrong type (string)");
    CHECK(error_of([] { slide_state_from_json("{\"view\": \"\xff\"}"); }) == "slide state: not valid UTF-8");
}

TEST_CASE("a slide whose stored state was damaged by hand names the slide") {
    test::TempDir dir;
    Store store = make_store(dir);
    add_slide(store, "壊れた", SlideState{});
    REQUIRE(sqlite3_exec(store.handle(), "UPDATE slide SET state = 'oops'", nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK(error_of([&] { load_slides(store); }) == "slide 1 '壊れた': slide state: not valid JSON");
}

TEST_CASE("redo puts back what an edit wrote: a note as it was after the edit, a deleted slide under its id") {
    test::TempDir dir;
    Store store = make_store(dir);
    set_annotation(store, swot_s1, "改訂版", 4);
    const std::optional<Annotation> after = find_annotation(store, swot_s1);
    REQUIRE(after);
    restore_annotation(store, swot_s1, std::nullopt);  // undone
    CHECK_FALSE(find_annotation(store, swot_s1));
    restore_annotation(store, swot_s1, after);  // redone
    const std::optional<Annotation> again = find_annotation(store, swot_s1);
    REQUIRE(again);
    CHECK(again->note == "改訂版");
    CHECK(again->vote == 4);
    CHECK(again->updated_at == after->updated_at);
    CHECK(load_annotations(store).size() == 1);

    const std::int64_t first = add_slide(store, "一枚目", SlideState{});
    const std::int64_t second = add_slide(store, "二枚目", SlideState{});
    const Slide kept = load_slides(store).front();
    REQUIRE(kept.id == first);
    delete_slide(store, first);
    restore_slide(store, kept);  // the delete undone
    REQUIRE(load_slides(store).size() == 2);
    delete_slide(store, first);  // and redone
    const auto slides = load_slides(store);
    REQUIRE(slides.size() == 1);
    CHECK(slides[0].id == second);
    CHECK(slides[0].position == 0);
}

TEST_CASE("slides: a new slide is checked as the panel and `slides add` check it, names stay unique") {
    test::TempDir dir;
    Store store = make_store(dir);
    const Dataset data = load_dataset(store);
    const std::vector<std::string> views = {"timeline", "swot", "kpi"};
    SlideState s;
    s.view = "swot";
    s.plan_ids = {"test-plan"};
    CHECK(error_of([&] { check_slide_state(s, data, views); }).empty());
    s.view = "maps";
    CHECK(error_of([&] { check_slide_state(s, data, views); }) == "unknown view 'maps' (known: timeline, swot, kpi)");
    s.view = "kpi";
    s.plan_ids = {"test-plan", "other"};
    CHECK(error_of([&] { check_slide_state(s, data, views); }) == "no plan 'other' in the database (known: test-plan)");
    s.plan_ids = {"test-plan", "test-plan"};
    CHECK(error_of([&] { check_slide_state(s, data, views); }) == "plan 'test-plan' is named twice");
    s.plan_ids = {};
    s.lang = "de";
    CHECK(error_of([&] { check_slide_state(s, data, views); }) == "unknown language 'de' (ja or en)");

    const auto first = add_slide(store, "スライド 1", SlideState{});
    CHECK(error_of([&] { add_slide(store, "スライド 1", SlideState{}); }) == "there is already a slide named 'スライド 1' (slide 1)");
    const auto second = add_slide(store, "B", SlideState{});
    CHECK(error_of([&] { rename_slide(store, second, "スライド 1"); }) == "there is already a slide named 'スライド 1' (slide 1)");
    rename_slide(store, first, "スライド 1");  // its own name again
    // The default name skips the names taken: "スライド 1" is, "スライド 3" is next.
    CHECK(unused_slide_name(load_slides(store), "ja") == "スライド 3");
    CHECK(unused_slide_name(load_slides(store), "en") == "Slide 3");
    CHECK(load_slides(store).size() == 2);
}

TEST_CASE("slides: speaker notes are stored, kept by undo, checked as prose, and absent from a version 3 file read as it is") {
    test::TempDir dir;
    Store store = make_store(dir);
    const auto id = add_slide(store, "KPI", SlideState{}, "一行目\n二行目\t<&>");
    CHECK(load_slides(store)[0].notes == "一行目\n二行目\t<&>");
    set_slide_notes(store, id, "新しいメモ");
    const Slide before = load_slides(store)[0];
    CHECK(before.notes == "新しいメモ");
    CHECK(delete_slide(store, id));
    restore_slide(store, before);
    CHECK(load_slides(store)[0].notes == "新しいメモ");
    CHECK(error_of([&] { set_slide_notes(store, id, std::string("a\0b", 3)); }).find("the slide's notes contains the control character U+0000") == 0);
    CHECK(error_of([&] { add_slide(store, "X", SlideState{}, "\xff"); }) == "the slide's notes are not valid UTF-8");
    CHECK(error_of([&] { set_slide_notes(store, 999, "x"); }) == "no slide with id 999");

    // A version 3 database (no notes column) opened read-only shows its slides without notes.
    REQUIRE(sqlite3_exec(store.handle(), test::down_to_version_3_sql().c_str(), nullptr, nullptr, nullptr) ==
            SQLITE_OK);
    Store old = Store::open(dir / "w.db", OpenMode::read_only);
    const auto slides = load_slides(old);
    REQUIRE(slides.size() == 1);
    CHECK(slides[0].name == "KPI");
    CHECK(slides[0].notes.empty());
}
