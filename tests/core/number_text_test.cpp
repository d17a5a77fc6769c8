#include <doctest/doctest.h>

#include "wardscope/number_text.hpp"

using namespace wardscope;

namespace {
std::optional<double> value_of(std::string_view text) { return parse_number_text(text).value; }
NumberProblem problem_of(std::string_view text) { return parse_number_text(text).problem; }
}  // namespace

TEST_CASE("numbers typed with full-width digits, separators and signs are read") {
    CHECK(value_of("45") == 45.0);
    CHECK(value_of("４５") == 45.0);
    CHECK(value_of("１，２３４") == 1234.0);
    CHECK(value_of("1,234") == 1234.0);
    CHECK(value_of("12,345,678.25") == 12345678.25);
    CHECK(value_of("４７．９") == 47.9);
    CHECK(value_of("－３") == -3.0);
    CHECK(value_of("−3.5") == -3.5);  // U+2212 minus sign
    CHECK(value_of("+7") == 7.0);
    CHECK(value_of("＋7") == 7.0);
    CHECK(value_of("  ４５　") == 45.0);  // spaces and an ideographic space around
    CHECK(value_of(".5") == 0.5);
    CHECK(value_of("1e3") == 1000.0);
    CHECK(value_of("-1,000") == -1000.0);
    CHECK(parse_number_text("45").problem == NumberProblem::none);
}

TEST_CASE("text that is not a number says why") {
    CHECK(problem_of("") == NumberProblem::empty);
    CHECK(problem_of("　 ") == NumberProblem::empty);
    CHECK(problem_of("abc") == NumberProblem::not_a_number);
    CHECK(problem_of("45円") == NumberProblem::not_a_number);
    CHECK(problem_of("1.2.3") == NumberProblem::not_a_number);
    CHECK(problem_of("inf") == NumberProblem::not_a_number);
    CHECK(problem_of("nan") == NumberProblem::not_a_number);
    CHECK(problem_of("--3") == NumberProblem::not_a_number);
    CHECK(problem_of("3-") == NumberProblem::not_a_number);
    CHECK(problem_of("1,23") == NumberProblem::bad_grouping);     // a decimal comma is ambiguous: refused
    CHECK(problem_of("12,3456") == NumberProblem::bad_grouping);
    CHECK(problem_of("1234,567") == NumberProblem::bad_grouping);
    CHECK(problem_of(",123") == NumberProblem::bad_grouping);
    CHECK(problem_of("1,234.5,6") == NumberProblem::bad_grouping);
    CHECK(problem_of("1,,234") == NumberProblem::bad_grouping);
    CHECK(problem_of("1e999") == NumberProblem::out_of_range);
    CHECK_FALSE(value_of("1,23").has_value());
}

TEST_CASE("the English messages quote the text") {
    CHECK(number_problem_message(NumberProblem::bad_grouping, "1,23").find("'1,23'") != std::string::npos);
    CHECK(number_problem_message(NumberProblem::not_a_number, "x").find("not a number") != std::string::npos);
    CHECK(number_problem_message(NumberProblem::none, "1").empty());
}
