// A count with its noun in English: "1 plan", "2 plans", "0 plans". One rule
// for the CLI's messages and the UI's format() strings ("%d {plan|plans}").
#pragma once

#include <string>
#include <string_view>

namespace wardscope {

// English takes the singular for one (and minus one) only: "0 plans", "1 plan".
constexpr bool is_singular(long long n) { return n == 1 || n == -1; }

inline std::string count_words(long long n, std::string_view one, std::string_view other) {
    return std::to_string(n) + " " + std::string(is_singular(n) ? one : other);
}

}  // namespace wardscope
