// Japanese fiscal years (年度) and eras: 令和8年度 ⇄ FY2026.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wardscope {

// Parses a fiscal year in any notation the plans use: "2026", "FY2026",
// "令和8年度", "令和８年度", "令和元年度", "平成31年度", "平成33年度" (nominal → 2021),
// "R8", "H31", "R8年度", "令和8（2026）年度", "令和6年度（2024年度）" (both notations
// must agree). Returns nullopt when not a fiscal year; then `problem`, when
// given, says why if there is more to say than "not a fiscal year": an era
// year past the era's end (平成99年度; nominal years are read up to 平成40年度),
// two notations that disagree, or a calendar year (平成23年, without 度).
std::optional<int> parse_fiscal_year(std::string_view text, std::string* problem = nullptr);

// "令和8年度" (FY2019 → "令和元年度"; before 2019 → "平成n年度").
std::string to_japanese_fiscal_year(int fiscal_year);

// "R8" / "H30".
std::string to_era_abbreviation(int fiscal_year);

// Both notations for display: "R8 (2026)".
std::string fiscal_year_label(int fiscal_year);

// The fiscal year a date falls in (April–March).
int fiscal_year_of(int year, int month);

}  // namespace wardscope
