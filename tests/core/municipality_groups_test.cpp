// A user's groups of municipalities and "similar municipalities" (issue #16):
// user data in municipality_group (schema version 5), checked, all or nothing,
// undoable, kept by re-imports and by the upgrade from version 4.
#include <doctest/doctest.h>

#include <algorithm>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/municipality_groups.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"
#include "wardscope/workshop.hpp"

using namespace wardscope;

namespace {

// 70 synthetic municipalities (Tokyo's 62: 23 区, 26 市, 5 町, 8 村; then 8 of Hokkaido), `plans` plans each.
std::filesystem::path sample_database(const test::TempDir& dir, int plans = 1) {
    GenerateOptions o;
    o.municipalities = 70;
    o.plans_per_municipality = plans;
    o.measures_per_plan = 2;
    o.indicators_per_plan = 0;
    o.years = 1;
    Store store = Store::open(dir / "n.db", OpenMode::create);
    generate_database(store, test::bundled_taxonomy(), o);
    return dir / "n.db";
}

int member_rows(const Store& store) {
    int n = 0;
    for (const MunicipalityGroup& g : read_municipality_groups(store)) n += static_cast<int>(g.municipality_ids.size());
    return n;
}

}  // namespace

TEST_CASE("groups: members added and removed all or nothing, names checked and trimmed, a removal undone exactly") {
    test::TempDir dir;
    Store store = Store::open(sample_database(dir), OpenMode::read_write);
    CHECK(read_municipality_groups(store).empty());

    const std::vector<GroupMember> added = add_group_members(store, " 比較用　", {"syn-003", "syn-001"});
    REQUIRE(added.size() == 2);
    CHECK(added[0].group_name == "比較用");
    CHECK(!added[0].added_at.empty());
    std::vector<MunicipalityGroup> groups = read_municipality_groups(store);
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].name == "比較用");
    CHECK(groups[0].municipality_ids == std::vector<std::string>{"syn-003", "syn-001"});  // in the order added
    // A member already is skipped, the new one added.
    CHECK(add_group_members(store, "比較用", {"syn-001", "syn-065"}).size() == 1);
    CHECK(member_rows(store) == 3);

    // Bad input: every problem named, nothing written.
    CHECK(test::error_of([&] { add_group_members(store, "　", {"syn-002"}); }) == "the group needs a name");
    CHECK(test::error_of([&] { add_group_members(store, "a\x01" "b", {"syn-002"}); }).starts_with("the group name contains the control character"));
    CHECK(test::error_of([&] { add_group_members(store, "比較用", {"syn-002", "nowhere"}); }) == "there is no municipality 'nowhere'");
    CHECK(test::error_of([&] { add_group_members(store, std::string(201, 'x'), {"syn-002"}); })
              .starts_with("the group name is too long (201 bytes, at most 200)"));
    CHECK(member_rows(store) == 3);
    CHECK(test::error_of([&] { remove_group_members(store, "比較用", {"syn-001", "syn-002"}); }) ==
          "'syn-002' is not in the group '比較用'");
    CHECK(member_rows(store) == 3);

    // A removal and its undo: the same rows (ids, times), in the same order.
    const std::vector<GroupMember> removed = remove_group_members(store, "比較用", {"syn-003", "syn-065"});
    REQUIRE(removed.size() == 2);
    CHECK(read_municipality_groups(store)[0].municipality_ids == std::vector<std::string>{"syn-001"});
    restore_group_members(store, removed);
    groups = read_municipality_groups(store);
    CHECK(groups[0].municipality_ids == std::vector<std::string>{"syn-003", "syn-001", "syn-065"});
    // The last member removed: the group is gone.
    remove_group_members(store, "比較用", {"syn-003", "syn-001", "syn-065"});
    CHECK(read_municipality_groups(store).empty());
}

TEST_CASE("groups are user data: a re-import keeps them, and a version 4 database upgrades keeping every user row") {
    test::TempDir dir;
    const auto path = test::minimal_database(dir);
    std::string municipality;
    {
        Store store = Store::open(path, OpenMode::read_write);
        municipality = load_dataset(store).municipalities.at(0).id;
        add_group_members(store, "近隣", {municipality});
        set_annotation(store, ItemRef{"test-plan", ItemKind::node, load_dataset(store).plans.at(0).nodes.at(0).id}, "メモ", 3);
        // The plan imported again (replaced as a whole): the group stays.
        import_plans(store, test::bundled_taxonomy(), {test::minimal_plan()});
        REQUIRE(read_municipality_groups(store).size() == 1);
        CHECK(read_municipality_groups(store)[0].municipality_ids == std::vector<std::string>{municipality});
    }
    // Version 4: read-only, no groups and nothing written; a write upgrades it with every user row kept.
    test::run_sql(path, test::down_to_version_4_sql());
    const std::string before = test::read_file(path);
    {
        Store old = Store::open(path, OpenMode::read_only);
        CHECK(old.user_version() == 4);
        CHECK(read_municipality_groups(old).empty());
    }
    CHECK(test::read_file(path) == before);
    Store store = Store::open(path, OpenMode::read_write);
    REQUIRE(store.upgrade().has_value());
    CHECK(store.upgrade()->from_version == 4);
    CHECK(store.user_version() == schema_version);
    CHECK(load_annotations(store).size() == 1);
    CHECK(load_annotations(store).at(0).note == "メモ");
    CHECK(read_municipality_groups(store).empty());
    CHECK(add_group_members(store, "近隣", {municipality}).size() == 1);
}

TEST_CASE("similar municipalities: same prefecture, same kind, or a group, and the compare preset of up to 4 current plans") {
    test::TempDir dir;
    Store store = Store::open(sample_database(dir, 2), OpenMode::read_write);
    const Dataset data = load_dataset(store);
    REQUIRE(data.municipalities.size() == 70);
    const Municipality& first = *data.find_municipality("syn-001");  // Tokyo's first: a ward
    REQUIRE(first.prefecture == "東京都");
    REQUIRE(first.kind == "区");

    const std::vector<std::string> same_prefecture = similar_municipalities(data, {}, first.id, SimilarBy::prefecture);
    CHECK(same_prefecture.size() == 61);  // Tokyo's 62 but itself
    CHECK(std::find(same_prefecture.begin(), same_prefecture.end(), first.id) == same_prefecture.end());
    for (const std::string& id : same_prefecture) CHECK(data.find_municipality(id)->prefecture == "東京都");

    const std::vector<std::string> same_kind = similar_municipalities(data, {}, first.id, SimilarBy::kind);
    CHECK(same_kind.size() == 22);  // Tokyo's 23 wards but itself (Hokkaido's first 8 are cities)
    for (const std::string& id : same_kind) CHECK(data.find_municipality(id)->kind == "区");

    add_group_members(store, "比較用", {"syn-070", first.id, "syn-030"});
    const auto groups = read_municipality_groups(store);
    // A group's members but itself, in the dataset's order.
    std::vector<std::string> in_order;
    for (const Municipality& m : data.municipalities)
        if (m.id == "syn-030" || m.id == "syn-070") in_order.push_back(m.id);
    REQUIRE(in_order.size() == 2);
    CHECK(similar_municipalities(data, groups, first.id, SimilarBy::group, "比較用") == in_order);
    CHECK(similar_municipalities(data, groups, first.id, SimilarBy::group, "ない").empty());
    CHECK(similar_municipalities(data, groups, "nowhere", SimilarBy::prefecture).empty());

    // The compare preset: one current plan of each of the first 4.
    const std::vector<std::string> plans = similar_current_plans(data, same_prefecture, 2026);
    REQUIRE(plans.size() == 4);
    for (std::size_t k = 0; k < plans.size(); ++k) {
        const Plan* p = data.find_plan(plans[k]);
        REQUIRE(p);
        CHECK(p->municipality_id == same_prefecture[k]);
        // Current: the plan whose period holds the year if one does, else the latest.
        bool some_holds = false;
        for (const Plan& other : data.plans)
            if (other.municipality_id == p->municipality_id)
                some_holds |= other.start_fy && *other.start_fy <= 2026 && (!other.end_fy || 2026 <= *other.end_fy);
        if (some_holds) CHECK((p->start_fy && *p->start_fy <= 2026 && (!p->end_fy || 2026 <= *p->end_fy)));
    }
    CHECK(similar_current_plans(data, {"syn-002"}, 2026).size() == 1);
    CHECK(to_string(SimilarBy::kind) == "kind");
    CHECK(similar_by_from("group") == SimilarBy::group);
    CHECK(!similar_by_from("size"));
}
