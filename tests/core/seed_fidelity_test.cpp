// The bundled plans checked against the text of their seed documents (issue
// #13, dataset): each plan declares its own document's level names, KPI⑥
// hangs where §8's table lists it, a list the seed closes with 等 keeps it,
// and a plan says who approved it only where its seed says it was approved.
// docs/transcription/*.md give the reasons; these tests keep them true.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "test_support.hpp"

using namespace wardscope;

namespace {

const std::filesystem::path seeds_dir = WARDSCOPE_SEEDS_DIR;

std::string seed_text(const std::string& file) { return test::read_file(seeds_dir / file); }

struct ExpectedLevels {
    const char* plan_id;
    std::vector<std::string> names;  // top first, as the plan's seed writes them
    const char* measure_level;       // a level id; "" = the plan has none (its leaves are counted)
};

// 002 and 003 are the two editions of 東京都's overview: 003 names its numbered
// areas 取組 ((1)多様な主体との連携を図る取組 …), 002 names them nowhere.
const std::vector<std::string> regional{"取組", "事業"};
const ExpectedLevels expected_levels[] = {
    {"itabashi-vision-2035", {"柱", "戦略", "施策"}, "measure"},  // §6: 3つの柱と7つの戦略を掲げ、様々な施策に取り組みます
    {"kita-vision-2026", {"基本戦略", "方針", "施策"}, "measure"},  // the 施策体系's column heads
    {"sumida-regional-2019", regional, "measure"},
    {"arakawa-regional-2019", regional, "measure"},
    {"itabashi-regional-2019", regional, "measure"},
    {"ome-regional-2019", regional, "measure"},
    {"sumida-regional-2022", regional, "measure"},
    {"shibuya-regional-2022", regional, "measure"},
    {"arakawa-regional-2022", regional, "measure"},
    {"itabashi-regional-2022", regional, "measure"},
    {"ome-regional-2022", regional, "measure"},
    {"fussa-regional-2022", regional, "measure"},
    // One chapter (推進体制) whose headings 1 / (1) carry no level word; it
    // names no measures, so none is declared (its leaves are counted, marked *).
    {"nerima-commerce-plan", {"節", "項"}, ""},
};

// Level names that are not in the plan's own seed, each with where it comes from.
bool level_name_from_elsewhere(const std::string& seed_file, const std::string& name) {
    if (seed_file == "002_a41ef3be21e9a717.txt" && name == "取組") return true;  // from 003, the next edition
    if (seed_file == "004_f313c5b684fac136.txt") return name == "節" || name == "項";  // the extract names none
    return false;
}

const Node* find_node(const Plan& plan, std::string_view id) {
    for (const Node& n : plan.nodes)
        if (n.id == id) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("each bundled plan declares its own seed's level names, and the measure level that keeps counts right" *
          doctest::test_suite("seeds")) {
    const auto plans = test::bundled_plans();
    CHECK(std::size(expected_levels) == plans.size());
    for (const ExpectedLevels& e : expected_levels) {
        CAPTURE(e.plan_id);
        REQUIRE(plans.contains(e.plan_id));
        const Plan& plan = plans.at(e.plan_id).plan;
        std::vector<std::string> names;
        for (const PlanLevel& l : plan.levels) names.push_back(l.name);
        CHECK(names == e.names);
        CHECK(plan.measure_level == e.measure_level);
        // Every declared level is used: no generic level the document does not have.
        for (const PlanLevel& l : plan.levels) {
            CAPTURE(l.id);
            CHECK(std::any_of(plan.nodes.begin(), plan.nodes.end(), [&](const Node& n) { return n.level == l.id; }));
        }
        const std::string text = test::without_layout_spaces(seed_text(plan.source.file));
        REQUIRE_FALSE(text.empty());
        for (const std::string& name : names) {
            CAPTURE(name);
            if (level_name_from_elsewhere(plan.source.file, name)) continue;
            CHECK(text.find(name) != std::string::npos);
        }
    }
    // 003 writes 取組 for the numbered areas that 002 leaves unnamed.
    CHECK(seed_text("003_8420b78ba5ee7d85.txt").find("(3) (1)、(2)以外の取組") != std::string::npos);
}

TEST_CASE("Itabashi 2035: each KPI measures the row §8's table lists it in — KPI⑥ (工商農) under 柱2" *
          doctest::test_suite("seeds")) {
    const auto plans = test::bundled_plans();
    const Plan& plan = plans.at("itabashi-vision-2035").plan;
    const std::string seed = seed_text(plan.source.file);
    REQUIRE_FALSE(seed.empty());
    // Walk §8's table: a 将来像実現の柱 row opens a pillar; "戦略N KPI…" rows name a strategy.
    const std::string table = seed.substr(seed.find("8. 「板橋区産業振興構想2035」の成果指標"));
    std::string pillar_name;
    int rows = 0;
    std::size_t at = 0;
    while (at < table.size()) {
        std::size_t eol = table.find('\n', at);
        if (eol == std::string::npos) eol = table.size();
        const std::string line = table.substr(at, eol - at);
        at = eol + 1;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        const std::string head = line.substr(0, tab), cell = line.substr(tab + 1);
        if (head == "将来像実現の柱") pillar_name = cell;
        const std::size_t kpi = head.find("KPI");
        if (kpi == std::string::npos) continue;
        ++rows;
        const std::string label = head.substr(kpi), row = head.substr(0, kpi == 0 ? 0 : kpi - 1);
        CAPTURE(label);
        const auto ind = std::find_if(plan.indicators.begin(), plan.indicators.end(), [&](const Indicator& i) { return i.label == label; });
        REQUIRE(ind != plan.indicators.end());
        CHECK(ind->name == cell);
        const Node* node = find_node(plan, ind->node_id);
        REQUIRE(node);
        if (row.rfind("戦略", 0) == 0) {
            CHECK(node->label == row);  // 戦略N: that strategy
        } else {
            // Not a strategy (工商農): the pillar whose rows it is listed among, and the row label kept in note.
            CHECK(row == "工商農");
            CHECK(node->level == "pillar");
            CHECK(node->name == pillar_name);
            CHECK(ind->note == row);
            CHECK(ind->source.section.find(pillar_name) != std::string::npos);  // says where the parent comes from
        }
    }
    CHECK(rows == 8);
    CHECK(plan.indicators.at(6).label == "KPI⑥");
    CHECK(plan.indicators.at(6).node_id == "pl2");
}

TEST_CASE("a list the seed closes with 等 (non-exhaustive) keeps its 等" * doctest::test_suite("seeds")) {
    // A measure whose text the seed follows with 等 — "…（…） 等" after the last
    // project of an area — is the end of a list the source says is not complete:
    // the area above it carries the text as written, 等 included.
    int closed_lists = 0;
    for (const auto& [id, pf] : test::bundled_plans()) {
        const Plan& plan = pf.plan;
        const std::string text = test::without_layout_spaces(seed_text(plan.source.file));
        for (const Node& n : plan.nodes) {
            if (n.level != plan.measure_level || n.description.empty()) continue;
            const std::string own = test::without_layout_spaces(n.name + "（" + n.description);
            const std::size_t found = text.find(own);
            if (found == std::string::npos) continue;
            const std::size_t after = found + own.size();
            if (text.compare(after, std::string("）等").size(), "）等") != 0) continue;
            CAPTURE(id);
            CAPTURE(n.id);
            const Node* area = find_node(plan, n.parent_id);
            REQUIRE(area);
            CHECK(area->description.ends_with("等"));
            CHECK(text.find(test::without_layout_spaces(area->description)) != std::string::npos);  // as written
            ++closed_lists;
        }
    }
    // Sumida １; Arakawa １, ２, ３; Itabashi １, ２, ３ (002, 平成31–33年度).
    CHECK(closed_lists == 7);
}

TEST_CASE("approved_by only where the seed says the plan was approved, with the approval's source" *
          doctest::test_suite("seeds")) {
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    int approved = 0;
    for (const auto& [id, pf] : test::bundled_plans()) {
        CAPTURE(id);
        const Plan& plan = pf.plan;
        if (plan.approved_by.empty()) {
            CHECK(plan.approvals.empty());
            continue;
        }
        ++approved;
        CHECK(plan.status == "承認");
        REQUIRE(plan.approvals.size() == 1);
        const Approval& a = plan.approvals[0];
        CHECK(a.by == plan.approved_by);
        CHECK(a.kind == "承認");
        CHECK(a.date.empty());  // neither overview gives a date
        // The document's own heading says 承認した (approved) …
        CHECK(a.source.file == plan.source.file);
        CHECK(a.source.section == "【承認した地域産業活性化計画の概要】");
        CHECK(seed_text(a.source.file).find(a.source.section) != std::string::npos);
        // … and the approver is that document's publisher.
        const SourceDocument* doc = taxonomy.find_document(a.source.file);
        REQUIRE(doc);
        CHECK(doc->publisher == a.by);
    }
    CHECK(approved == 10);  // the ten Tokyo-approved regional plans, and no other
}

TEST_CASE("every prose field of the bundled data is in its seed as written, line by line (nothing paraphrased)" *
          doctest::test_suite("seeds")) {
    // Names are checked in dataset_test; this covers the longer texts: a plan's title,
    // summary and vision, every node's description, every indicator's note. A line
    // is compared without the extraction's layout spaces and line breaks.
    int lines = 0;
    for (const auto& [id, pf] : test::bundled_plans()) {
        const Plan& plan = pf.plan;
        const std::string text = test::without_layout_spaces(seed_text(plan.source.file));
        REQUIRE_FALSE(text.empty());
        auto check_as_written = [&](const std::string& where, const std::string& value) {
            std::size_t start = 0;
            while (start <= value.size()) {
                std::size_t end = value.find('\n', start);
                if (end == std::string::npos) end = value.size();
                const std::string line = test::without_layout_spaces(value.substr(start, end - start));
                if (!line.empty()) {
                    CAPTURE(id);
                    CAPTURE(where);
                    CAPTURE(line);
                    CHECK(text.find(line) != std::string::npos);
                    ++lines;
                }
                start = end + 1;
            }
        };
        check_as_written("title", plan.title);
        check_as_written("summary", plan.summary);
        check_as_written("vision", plan.vision);
        for (const Node& n : plan.nodes) check_as_written(n.id + "/description", n.description);
        for (const Indicator& i : plan.indicators) check_as_written(i.id + "/note", i.note);
    }
    CHECK(lines > 100);
}
