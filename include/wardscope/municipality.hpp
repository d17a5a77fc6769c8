// The municipality as one record: its prefecture (都道府県), kind (区/市/町/村)
// and 全国地方公共団体コード, checked; and the rule for two descriptions of the
// same municipality (two plan files, or a file and the database): an attribute
// one of them leaves unknown is taken from the other, two different known
// values are a conflict — never last-wins.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope {

struct Prefecture {
    int code;                  // JIS X 0401: 1 (北海道) … 47 (沖縄県), the first two digits of its municipalities' codes
    std::string_view name_ja;  // "東京都"
    std::string_view kana;     // "とうきょうと"
    std::string_view name_en;  // "Tokyo"
};

// The 47 prefectures in JIS order.
std::span<const Prefecture> prefectures();
const Prefecture* find_prefecture(std::string_view name_ja);
const Prefecture* prefecture_of_code(std::string_view local_government_code);

// 全国地方公共団体コード: five digits and a check digit (modulus 11, weights 6..2).
bool valid_local_government_code(std::string_view code);
// The six-digit code of five digits: the five and their check digit.
std::string with_check_digit(std::string_view five_digits);

// A municipality's plain attributes that two descriptions must agree on: the
// plan-file keys of its field table, but its id and source.
struct AttributeConflict {
    std::string key;     // "name_en"
    std::string ours;    // the value in the description being added
    std::string theirs;  // the value already known
};
std::vector<AttributeConflict> attribute_conflicts(const Municipality& ours, const Municipality& theirs);
bool same_attributes(const Municipality& a, const Municipality& b);
// "name_en 'A' here, 'B' in WHERE; kind …"
std::string describe_conflicts(const std::vector<AttributeConflict>& conflicts, std::string_view where);
// `known` with the attributes it leaves unknown taken from `incoming`; the
// sources of both, each once, known ones first.
Municipality merge_descriptions(const Municipality& known, const Municipality& incoming);

// Type-ahead search over municipalities (the picker): a query matches a
// municipality when it is part of its name (kanji), its reading (hiragana or
// katakana alike), its code, its English name or its prefecture, after
// search folding (NFKC, case). Built once per data change.
class MunicipalityFinder {
public:
    explicit MunicipalityFinder(const std::vector<Municipality>& municipalities);
    // Indexes into the municipalities, in their order; all of them for a blank query.
    std::vector<std::size_t> find(std::string_view query) const;

private:
    std::vector<std::string> keys_;  // per municipality: its folded texts, separated by '\n'
};

}  // namespace wardscope
