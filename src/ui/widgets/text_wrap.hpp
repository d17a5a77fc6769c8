// Line breaking for Japanese and mixed text. ImGui 1.86 wraps only at spaces,
// so a Japanese sentence with one ASCII space ("昭和 45 年を…") breaks early and
// leaves half a line empty. Here any boundary between CJK characters may
// break, except before closing punctuation and small kana or after an
// opening bracket (simple 禁則処理); Latin words still break at spaces.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace wardscope::ui {

// `advance(code_point)` gives a character's width in pixels.
std::vector<std::string_view> wrap_lines(std::string_view text, float width,
                                         const std::function<float(unsigned)>& advance);

// With the current ImGui font and size.
std::vector<std::string_view> wrap_lines(std::string_view text, float width);

}  // namespace wardscope::ui
