#include <doctest/doctest.h>

#include "wardscope/era.hpp"

using namespace wardscope;

TEST_CASE("Japanese era years become fiscal years") {
    CHECK(parse_fiscal_year("令和8年度") == 2026);
    CHECK(parse_fiscal_year("令和８年度") == 2026);  // full-width digits
    CHECK(parse_fiscal_year("令和元年度") == 2019);
    CHECK(parse_fiscal_year("平成31年度") == 2019);
    CHECK(parse_fiscal_year("平成33年度") == 2021);  // nominal Heisei year after the era change
    CHECK(parse_fiscal_year("平成 31 年度") == 2019);
    CHECK(parse_fiscal_year("R7") == 2025);
    CHECK(parse_fiscal_year("H31") == 2019);
    CHECK(parse_fiscal_year("R11年度") == 2029);
    CHECK(parse_fiscal_year("令和8（2026）年度") == 2026);
    CHECK(parse_fiscal_year("FY2026") == 2026);
    CHECK(parse_fiscal_year("2026") == 2026);
    CHECK(parse_fiscal_year("２０２６年度") == 2026);
}

TEST_CASE("text that is not a fiscal year is rejected") {
    CHECK_FALSE(parse_fiscal_year("").has_value());
    CHECK_FALSE(parse_fiscal_year("令和").has_value());
    CHECK_FALSE(parse_fiscal_year("令和8（2027）年度").has_value());  // inconsistent western year
    CHECK_FALSE(parse_fiscal_year("R7年2月時点").has_value());       // a date, not a fiscal year
    CHECK_FALSE(parse_fiscal_year("next year").has_value());
    CHECK_FALSE(parse_fiscal_year("99999").has_value());
    CHECK_FALSE(parse_fiscal_year("令和0年度").has_value());
}

TEST_CASE("fiscal years are written back in Japanese notation") {
    CHECK(to_japanese_fiscal_year(2026) == "令和8年度");
    CHECK(to_japanese_fiscal_year(2019) == "令和元年度");
    CHECK(to_japanese_fiscal_year(2018) == "平成30年度");
    CHECK(to_japanese_fiscal_year(1989) == "平成元年度");
    CHECK(to_era_abbreviation(2026) == "R8");
    CHECK(to_era_abbreviation(2018) == "H30");
    CHECK(fiscal_year_label(2026) == "R8 (2026)");
}

TEST_CASE("round trip for every fiscal year of the plans' range") {
    for (int fy = 1990; fy <= 2060; ++fy) {
        CAPTURE(fy);
        CHECK(parse_fiscal_year(to_japanese_fiscal_year(fy)) == fy);
        CHECK(parse_fiscal_year(to_era_abbreviation(fy)) == fy);
    }
}

TEST_CASE("a date falls in the fiscal year that starts in April") {
    CHECK(fiscal_year_of(2025, 2) == 2024);  // R7年2月 belongs to R6年度
    CHECK(fiscal_year_of(2025, 4) == 2025);
    CHECK(fiscal_year_of(2026, 3) == 2025);
}
