// Folding text for search, so that width, case and kana do not matter:
// ＳＵＭＩＤＡ, Sumida and sumida all fold to "sumida", ｶﾀｶﾅ and かたかな to
// カタカナ, the ideographic space to a space. Unicode NFKC with case folding
// (ICU's NFKC_Casefold), on UTF-8, then hiragana to katakana.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wardscope {

// `text` folded. `offsets` (optional) receives, for each byte of the result
// plus one past the end, the byte offset in `text` of the character (or
// composed sequence) it came from. Invalid UTF-8 is kept as U+FFFD.
std::string fold_for_search(std::string_view text, std::vector<std::size_t>* offsets = nullptr);

// Whether folding would leave `text` as it is (most Japanese text): search
// can then look in it directly, without a folded copy.
bool is_folded_for_search(std::string_view text);

}  // namespace wardscope
