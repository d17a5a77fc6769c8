// The Table value every view's data goes through: typed cells, CSV and xlsx, sorting.
#include <doctest/doctest.h>

#include "wardscope/coverage.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/table.hpp"
#include "wardscope/view_tables.hpp"

using namespace wardscope;

namespace {

Table sample() {
    Table t;
    t.name = "sample";
    t.add_column("名前", "Name", CellType::text);
    t.add_column("値", "Value", CellType::number);
    t.add_column("年度", "FY", CellType::fiscal_year);
    t.add_row({TableCell::of_text("=SUM(A1)"), TableCell::of_number(2.5), TableCell::of_fiscal_year(2026)});
    t.add_row({TableCell::of_text("b"), TableCell::unknown(), TableCell::of_fiscal_year(std::nullopt)});
    t.add_row({TableCell::of_text("a"), TableCell::of_number(-3), TableCell::of_fiscal_year(2019)});
    return t;
}

}  // namespace

TEST_CASE("a table as CSV: BOM, headers in the language, formulas neutralised, unknown empty, never 0") {
    const Table t = sample();
    const std::string ja = table_to_csv(t, false);
    CHECK(ja.rfind(std::string(utf8_bom), 0) == 0);
    const auto rows = parse_csv(ja, "t.csv");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].fields == std::vector<std::string>{"名前", "値", "年度"});
    CHECK(ja.find("'=SUM(A1)") != std::string::npos);  // neutralised on disk
    CHECK(rows[1].fields == std::vector<std::string>{"=SUM(A1)", "2.5", "2026"});  // read back as it was
    CHECK(rows[2].fields == std::vector<std::string>{"b", "", ""});
    CHECK(parse_csv(table_to_csv(t, true), "t.csv")[0].fields == std::vector<std::string>{"Name", "Value", "FY"});
    CHECK_THROWS(Table(t).add_row({TableCell::of_text("short")}));
}

TEST_CASE("sorting a table column: numbers by value, text by bytes, unknown last both ways, ties stable") {
    const Table t = sample();
    CHECK(sorted_row_order(t, 1, false) == std::vector<std::size_t>{2, 0, 1});
    CHECK(sorted_row_order(t, 1, true) == std::vector<std::size_t>{0, 2, 1});
    CHECK(sorted_row_order(t, 2, false) == std::vector<std::size_t>{2, 0, 1});
    CHECK(sorted_row_order(t, 0, false) == std::vector<std::size_t>{0, 2, 1});  // '=' < 'a' < 'b'
    CHECK(sorted_row_order(t, 9, false) == std::vector<std::size_t>{0, 1, 2});  // no such column: as it is
    Table ties;
    ties.add_column("k", "k", CellType::integer);
    for (int v : {2, 1, 2, 1}) ties.add_row({TableCell::of_integer(v)});
    CHECK(sorted_row_order(ties, 0, false) == std::vector<std::size_t>{1, 3, 0, 2});
    CHECK(sorted_row_order(ties, 0, true) == std::vector<std::size_t>{0, 2, 1, 3});
}

TEST_CASE("a table as xlsx is a zip workbook, and formats are named") {
    const std::string bytes = table_to_xlsx(sample(), true);
    REQUIRE(bytes.size() > 100);
    CHECK(bytes.compare(0, 2, "PK") == 0);
    CHECK(table_format_from("xlsx") == TableFormat::xlsx);
    CHECK(table_format_from("csv") == TableFormat::csv);
    CHECK_FALSE(table_format_from("xls").has_value());
    CHECK(file_extension(TableFormat::xlsx) == ".xlsx");
}

TEST_CASE("the heatmap's table: one row per matrix row, cells in the matrix's mode, no share without items") {
    Dataset data;
    data.taxonomy.themes = {{"startup", "創業", "Startups", {}, "", ""}, {"tourism", "観光", "Tourism", {}, "", ""}};
    data.municipalities.push_back({"kita", "北区", "Kita", "区", "", {}, "", "", {}});
    Plan p;
    p.id = "kita-a";
    p.municipality_id = "kita";
    p.title = "北区計画";
    Node m1;
    m1.id = "m1";
    m1.themes = {{"startup", TagOrigin::hand}};
    Node m2;
    m2.id = "m2";
    p.nodes = {m1, m2};
    Plan empty = p;
    empty.id = "kita-b";
    empty.nodes.clear();
    data.plans = {p, empty};
    for (CoverageMode mode : {CoverageMode::count, CoverageMode::share, CoverageMode::present}) {
        CoverageOptions o;
        o.mode = mode;
        const CoverageMatrix m = build_coverage(data, {0, 1}, o);
        const Table t = coverage_table(data, m, false);
        REQUIRE(t.rows.size() == m.rows.size());
        REQUIRE(t.columns.size() == 4 + m.columns.size());
        CHECK(t.columns[4].header_ja == "創業");
        CHECK(t.columns[4].header_en == "Startups");
        const int r = m.find_row("kita-a");
        const int e = m.find_row("kita-b");
        const auto& startup = t.rows[static_cast<std::size_t>(r)][4];
        if (mode == CoverageMode::share) {
            CHECK(startup == TableCell::of_number(0.5));
            CHECK(t.rows[static_cast<std::size_t>(e)][4].type == CellType::unknown);  // nothing counted: no share
        } else {
            CHECK(startup == TableCell::of_integer(1));
            CHECK(t.rows[static_cast<std::size_t>(e)][4] == TableCell::of_integer(0));
        }
    }
}

TEST_CASE("KPI table: unknown baseline and target stay unknown, fiscal years typed") {
    Dataset data;
    Plan p;
    p.id = "p";
    p.title = "計画";
    Indicator known;
    known.id = "k";
    known.name = "創業件数";
    known.baseline = {10.0, 2024, "", ""};
    known.target = {20.0, 2030, "", ""};
    Indicator unknown;
    unknown.id = "u";
    unknown.name = "不明";
    p.indicators = {known, unknown};
    data.plans = {p};
    const Table t = kpi_table(data, {{&data.plans[0], &data.plans[0].indicators[0], nullptr},
                                     {&data.plans[0], &data.plans[0].indicators[1], nullptr}},
                              false);
    const auto col = [](KpiColumn c) { return static_cast<std::size_t>(c); };
    CHECK(t.rows[0][col(KpiColumn::baseline)] == TableCell::of_number(10.0));
    CHECK(t.rows[0][col(KpiColumn::target_fy)] == TableCell::of_fiscal_year(2030));
    CHECK(t.rows[1][col(KpiColumn::baseline)].type == CellType::unknown);
    CHECK(t.rows[1][col(KpiColumn::target_fy)].type == CellType::unknown);
    CHECK(t.rows[1][col(KpiColumn::node)] == TableCell::of_text("計画全体"));
    CHECK(t.rows[0][col(KpiColumn::status)].type == CellType::unknown);  // no history: no status, not "no data"
}
