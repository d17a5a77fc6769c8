// The one list of views and the state rules every view relies on.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "ui/selection.hpp"
#include "ui/view.hpp"

using namespace wardscope;

namespace {

Dataset two_municipalities() {
    Dataset d;
    for (const char* id : {"kita", "sumida"}) {
        Municipality m;
        m.id = id;
        m.kind = "区";
        d.municipalities.push_back(m);
    }
    Plan a;
    a.id = "kita-2026";
    a.municipality_id = "kita";
    Plan b;
    b.id = "sumida-2019";
    b.municipality_id = "sumida";
    Plan c;
    c.id = "sumida-2022";
    c.municipality_id = "sumida";
    d.plans = {a, b, c};
    return d;
}

}  // namespace

TEST_CASE("the registry lists each view once, with an id, titles and strings") {
    const ui::Views views = ui::make_views();
    REQUIRE(views.size() >= 7);
    std::set<std::string> ids;
    for (const auto& v : views) {
        CAPTURE(v->id());
        CHECK(ids.insert(v->id()).second);
        CHECK(std::string(v->title(ui::Lang::ja)).size() > 0);
        CHECK(std::string(v->title(ui::Lang::en)).size() > 0);
        std::vector<const char*> strings;
        v->append_strings(strings);
        CHECK(strings.size() >= 2);  // at least its title in both languages
        CHECK(ui::find_view(views, v->id()) == static_cast<int>(&v - views.data()));
    }
    CHECK(ui::find_view(views, "nope") == -1);
    CHECK(ui::view_ids().front() == "timeline");
}

TEST_CASE("the README's view table lists the registry's views in tab order") {
    std::ifstream in(std::string(WARDSCOPE_SOURCE_DIR) + "/README.md");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    // Rows of the dashboard's table: "| `id` title | what it shows |".
    const std::string readme = text.str();
    const std::regex row(R"(\n\| `([a-z_]+)` ([^|]+)\|)");
    std::vector<std::string> listed;
    std::vector<std::string> titles;
    for (auto it = std::sregex_iterator(readme.begin(), readme.end(), row); it != std::sregex_iterator(); ++it) {
        listed.push_back((*it)[1]);
        titles.push_back((*it)[2]);
    }
    CHECK(listed == ui::view_ids());
    const ui::Views views = ui::make_views();
    for (std::size_t i = 0; i < views.size() && i < titles.size(); ++i)
        CHECK(titles[i].find(views[i]->title(ui::Lang::ja)) != std::string::npos);
}

TEST_CASE("the municipality follows the front plan, whichever way the plans change") {
    const Dataset data = two_municipalities();
    ui::Selection s;
    s.select_plan(data, "kita-2026", "n1");
    CHECK(s.front_plan() == "kita-2026");
    CHECK(s.municipality_id() == "kita");
    CHECK(s.node_id() == "n1");

    s.toggle_plan(data, "sumida-2019");  // Ctrl-click: added after the current plan
    CHECK(s.plan_ids() == std::vector<std::string>{"kita-2026", "sumida-2019"});
    CHECK(s.municipality_id() == "kita");
    s.select_plan(data, "sumida-2019");  // a click on a selected plan: it becomes current, the other stays
    CHECK(s.plan_ids() == std::vector<std::string>{"sumida-2019", "kita-2026"});
    CHECK(s.municipality_id() == "sumida");
    CHECK(s.node_id().empty());

    s.swap_first_two(data);
    CHECK(s.front_plan() == "kita-2026");
    CHECK(s.municipality_id() == "kita");

    s.set_plans(data, {"gone", "sumida-2022", "kita-2026"}, 1);
    CHECK(s.plan_ids() == std::vector<std::string>{"sumida-2022"});
    CHECK(s.municipality_id() == "sumida");

    s.select_second(data, {}, "kita-2026");
    CHECK(s.plan_ids() == std::vector<std::string>{"sumida-2022", "kita-2026"});
    CHECK(s.municipality_id() == "sumida");  // the front plan did not change
    s.drop_second();
    CHECK(s.plan_ids() == std::vector<std::string>{"sumida-2022"});

    // A column header points at a municipality without changing the plans.
    s.select_municipality("kita");
    CHECK(s.municipality_id() == "kita");
    CHECK(s.front_plan() == "sumida-2022");

    ui::Selection none;
    none.select_node("n1");  // no plan: no node
    CHECK(none.node_id().empty());
    none.select_plan(data, "kita-2026");
    for (int i = 0; i < 6; ++i) none.select_plan(data, i % 2 ? "sumida-2019" : "sumida-2022");
    CHECK(none.plan_ids() == std::vector<std::string>{"sumida-2019"});  // clicks replace: nothing piles up
}

TEST_CASE("deliberate selection: a click selects, Ctrl-click adds or takes out, at most four, clear all") {
    Dataset data = two_municipalities();
    for (const char* id : {"kita-2030", "kita-2034", "sumida-2026"}) {
        Plan p = data.plans.back();
        p.id = id;
        data.plans.push_back(p);
    }
    ui::Selection s;
    s.select_plan(data, "sumida-2019", "n1");
    CHECK(s.plan_ids() == std::vector<std::string>{"sumida-2019"});
    CHECK(s.node_id() == "n1");
    // A click on another plan replaces the selection (the last four clicked do not pile up).
    s.select_plan(data, "kita-2026");
    CHECK(s.plan_ids() == std::vector<std::string>{"kita-2026"});
    CHECK(s.node_id().empty());
    // Ctrl-click adds, in the order clicked; the current plan stays the first.
    CHECK(s.toggle_plan(data, "sumida-2019"));
    CHECK(s.toggle_plan(data, "kita-2030"));
    CHECK(s.toggle_plan(data, "kita-2034"));
    CHECK(s.plan_ids() == std::vector<std::string>{"kita-2026", "sumida-2019", "kita-2030", "kita-2034"});
    // Full: a fifth is refused, nothing changes.
    CHECK_FALSE(s.toggle_plan(data, "sumida-2026"));
    CHECK(s.plan_ids().size() == ui::Selection::max_plans);
    CHECK_FALSE(s.toggle_plan(data, "no-such-plan"));
    // Ctrl-click on a selected plan takes it out; taking out the current plan makes the next one current.
    CHECK(s.toggle_plan(data, "kita-2030"));
    CHECK(s.plan_ids() == std::vector<std::string>{"kita-2026", "sumida-2019", "kita-2034"});
    s.select_node("n1");
    s.remove_plan(data, "kita-2026");  // a chip's ×
    CHECK(s.front_plan() == "sumida-2019");
    CHECK(s.municipality_id() == "sumida");
    CHECK(s.node_id().empty());  // the node belonged to the plan taken out
    // A click on a selected plan makes it current without dropping the others.
    s.select_plan(data, "kita-2034");
    CHECK(s.plan_ids() == std::vector<std::string>{"kita-2034", "sumida-2019"});
    // Ctrl-click into an empty selection: that plan is the current one.
    s.clear();
    CHECK(s.plan_ids().empty());
    CHECK(s.node_id().empty());
    CHECK(s.toggle_plan(data, "sumida-2026"));
    CHECK(s.front_plan() == "sumida-2026");
}

TEST_CASE("the filter keeps its years in order and tests plans as the filter bar shows") {
    const Dataset data = two_municipalities();
    ui::Filter f;
    CHECK_FALSE(f.active());
    f.set_fiscal_years(2030, 2020);
    CHECK(f.fiscal_year_from() == 2020);
    CHECK(f.fiscal_year_to() == 2030);
    CHECK(f.active());
    CHECK(f.passes(data, data.plans[0]));  // an unknown period passes
    f.set_municipality_ids({"sumida"});
    CHECK_FALSE(f.passes(data, data.plans[0]));
    CHECK(f.passes(data, data.plans[1]));
    CHECK_FALSE(f == ui::Filter{});
}
