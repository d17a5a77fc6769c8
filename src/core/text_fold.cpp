// Linux: ICU's NFKC_Casefold. Windows: text_fold_win32.cpp.
#ifndef _WIN32

#include "wardscope/text_fold.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/utf8.h>

#include "kana_fold.hpp"
#include "wardscope/error.hpp"

namespace wardscope {
namespace {

const icu::Normalizer2& nfkc_casefold() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || !n) throw Error(std::string("ICU: no NFKC_Casefold data: ") + u_errorName(status));
    return *n;
}

void fold_into(const icu::Normalizer2& n, std::string_view piece, std::string& out) {
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out);
    n.normalizeUTF8(0, icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())), sink, nullptr, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU: cannot fold text: ") + u_errorName(status));
}

}  // namespace

std::string fold_for_search(std::string_view text, std::vector<std::size_t>* offsets) {
    const icu::Normalizer2& n = nfkc_casefold();
    std::string out;
    out.reserve(text.size());
    if (!offsets) {
        fold_into(n, text, out);
        fold_kana(out);
        return out;
    }
    offsets->clear();
    offsets->reserve(text.size() + 1);
    // Segment by segment (a segment starts where normalization has a
    // boundary), so each folded byte knows where in `text` it came from.
    const auto size = static_cast<int32_t>(text.size());
    int32_t start = 0;
    while (start < size) {
        int32_t end = start;
        UChar32 c = 0;
        U8_NEXT(text.data(), end, size, c);
        while (end < size) {
            int32_t next = end;
            UChar32 d = 0;
            U8_NEXT(text.data(), next, size, d);
            if (d >= 0 && n.hasBoundaryBefore(d)) break;
            end = next;
        }
        const std::size_t before = out.size();
        fold_into(n, text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)), out);
        offsets->insert(offsets->end(), out.size() - before, static_cast<std::size_t>(start));
        start = end;
    }
    offsets->push_back(text.size());
    fold_kana(out);
    return out;
}

bool is_folded_for_search(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const bool folded =
        nfkc_casefold().isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
    return U_SUCCESS(status) && folded && !has_foldable_hiragana(text);
}

}  // namespace wardscope

#endif
