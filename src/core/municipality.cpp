#include "wardscope/municipality.hpp"

#include <algorithm>
#include <array>
#include <type_traits>

#include "wardscope/records.hpp"
#include "wardscope/text_fold.hpp"

namespace wardscope {

namespace {

constexpr std::array<Prefecture, 47> all_prefectures{{
    {1, "北海道", "ほっかいどう", "Hokkaido"},   {2, "青森県", "あおもりけん", "Aomori"},
    {3, "岩手県", "いわてけん", "Iwate"},        {4, "宮城県", "みやぎけん", "Miyagi"},
    {5, "秋田県", "あきたけん", "Akita"},        {6, "山形県", "やまがたけん", "Yamagata"},
    {7, "福島県", "ふくしまけん", "Fukushima"},  {8, "茨城県", "いばらきけん", "Ibaraki"},
    {9, "栃木県", "とちぎけん", "Tochigi"},      {10, "群馬県", "ぐんまけん", "Gunma"},
    {11, "埼玉県", "さいたまけん", "Saitama"},   {12, "千葉県", "ちばけん", "Chiba"},
    {13, "東京都", "とうきょうと", "Tokyo"},     {14, "神奈川県", "かながわけん", "Kanagawa"},
    {15, "新潟県", "にいがたけん", "Niigata"},   {16, "富山県", "とやまけん", "Toyama"},
    {17, "石川県", "いしかわけん", "Ishikawa"},  {18, "福井県", "ふくいけん", "Fukui"},
    {19, "山梨県", "やまなしけん", "Yamanashi"}, {20, "長野県", "ながのけん", "Nagano"},
    {21, "岐阜県", "ぎふけん", "Gifu"},          {22, "静岡県", "しずおかけん", "Shizuoka"},
    {23, "愛知県", "あいちけん", "Aichi"},       {24, "三重県", "みえけん", "Mie"},
    {25, "滋賀県", "しがけん", "Shiga"},         {26, "京都府", "きょうとふ", "Kyoto"},
    {27, "大阪府", "おおさかふ", "Osaka"},       {28, "兵庫県", "ひょうごけん", "Hyogo"},
    {29, "奈良県", "ならけん", "Nara"},          {30, "和歌山県", "わかやまけん", "Wakayama"},
    {31, "鳥取県", "とっとりけん", "Tottori"},   {32, "島根県", "しまねけん", "Shimane"},
    {33, "岡山県", "おかやまけん", "Okayama"},   {34, "広島県", "ひろしまけん", "Hiroshima"},
    {35, "山口県", "やまぐちけん", "Yamaguchi"}, {36, "徳島県", "とくしまけん", "Tokushima"},
    {37, "香川県", "かがわけん", "Kagawa"},      {38, "愛媛県", "えひめけん", "Ehime"},
    {39, "高知県", "こうちけん", "Kochi"},       {40, "福岡県", "ふくおかけん", "Fukuoka"},
    {41, "佐賀県", "さがけん", "Saga"},          {42, "長崎県", "ながさきけん", "Nagasaki"},
    {43, "熊本県", "くまもとけん", "Kumamoto"},  {44, "大分県", "おおいたけん", "Oita"},
    {45, "宮崎県", "みやざきけん", "Miyazaki"},  {46, "鹿児島県", "かごしまけん", "Kagoshima"},
    {47, "沖縄県", "おきなわけん", "Okinawa"},
}};

int check_digit(std::string_view five) {
    int sum = 0;
    for (int i = 0; i < 5; ++i) sum += (five[static_cast<std::size_t>(i)] - '0') * (6 - i);
    return (11 - sum % 11) % 10;
}

bool all_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Calls fn(key, member) for each attribute two descriptions must agree on.
template <typename Record, typename Fn>
void for_each_attribute(Record& m, Fn&& fn) {
    records::municipality.for_each([&](const auto& entry) {
        using Entry = std::remove_cvref_t<decltype(entry)>;
        if constexpr (Entry::has_member) {
            if constexpr (std::is_same_v<typename Entry::value_type, std::string>)
                if (entry.key && std::string_view(entry.key) != "id") fn(std::string_view(entry.key), entry.get(m));
        }
    });
}

}  // namespace

std::span<const Prefecture> prefectures() { return all_prefectures; }

const Prefecture* find_prefecture(std::string_view name_ja) {
    for (const Prefecture& p : all_prefectures)
        if (p.name_ja == name_ja) return &p;
    return nullptr;
}

const Prefecture* prefecture_of_code(std::string_view code) {
    if (code.size() < 2 || !all_digits(code.substr(0, 2))) return nullptr;
    const int n = (code[0] - '0') * 10 + (code[1] - '0');
    return n >= 1 && n <= 47 ? &all_prefectures[static_cast<std::size_t>(n - 1)] : nullptr;
}

bool valid_local_government_code(std::string_view code) {
    return code.size() == 6 && all_digits(code) && code[5] - '0' == check_digit(code);
}

std::string with_check_digit(std::string_view five) {
    return std::string(five) + static_cast<char>('0' + check_digit(five));
}

std::vector<AttributeConflict> attribute_conflicts(const Municipality& ours, const Municipality& theirs) {
    std::vector<std::string_view> ours_values;
    for_each_attribute(ours, [&](std::string_view, const std::string& v) { ours_values.push_back(v); });
    std::vector<AttributeConflict> out;
    std::size_t i = 0;
    for_each_attribute(theirs, [&](std::string_view key, const std::string& v) {
        const std::string_view mine = ours_values[i++];
        if (!mine.empty() && !v.empty() && mine != v) out.push_back({std::string(key), std::string(mine), v});
    });
    return out;
}

bool same_attributes(const Municipality& a, const Municipality& b) {
    std::vector<std::string_view> values;
    for_each_attribute(a, [&](std::string_view, const std::string& v) { values.push_back(v); });
    std::size_t i = 0;
    bool same = true;
    for_each_attribute(b, [&](std::string_view, const std::string& v) { same = same && values[i++] == v; });
    return same;
}

std::string describe_conflicts(const std::vector<AttributeConflict>& conflicts, std::string_view where) {
    std::string out;
    for (const AttributeConflict& c : conflicts) {
        if (!out.empty()) out += "; ";
        out += c.key + " '" + c.ours + "' here, '" + c.theirs + "' in " + std::string(where);
    }
    return out;
}

namespace {

// Katakana (ァ…ヶ, U+30A1–U+30F6) as hiragana (U+3041–U+3096): a reading typed either way matches.
std::string hiragana(std::string text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]),
                   b2 = static_cast<unsigned char>(text[i + 2]);
        if (b0 != 0xE3) continue;
        const unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
        if (cp < 0x30A1 || cp > 0x30F6) continue;
        const unsigned h = cp - 0x60;
        text[i + 1] = static_cast<char>(0x80 | ((h >> 6) & 0x3F));
        text[i + 2] = static_cast<char>(0x80 | (h & 0x3F));
        i += 2;
    }
    return text;
}

std::string search_key(std::string_view text) { return hiragana(fold_for_search(text)); }

}  // namespace

MunicipalityFinder::MunicipalityFinder(const std::vector<Municipality>& municipalities) {
    keys_.reserve(municipalities.size());
    for (const Municipality& m : municipalities)
        keys_.push_back(search_key(m.name_ja + "\n" + m.name_kana + "\n" + m.code + "\n" + m.name_en + "\n" + m.prefecture));
}

std::vector<std::size_t> MunicipalityFinder::find(std::string_view query) const {
    const std::string key = search_key(query);
    const bool blank = key.find_first_not_of(" \t") == std::string::npos;
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < keys_.size(); ++i)
        if (blank || keys_[i].find(key) != std::string::npos) out.push_back(i);
    return out;
}

Municipality merge_descriptions(const Municipality& known, const Municipality& incoming) {
    Municipality out = known;
    std::vector<const std::string*> theirs;
    for_each_attribute(incoming, [&](std::string_view, const std::string& v) { theirs.push_back(&v); });
    std::size_t i = 0;
    for_each_attribute(out, [&](std::string_view, std::string& v) {
        if (v.empty()) v = *theirs[i];
        ++i;
    });
    if (out.source.empty()) out.source = incoming.source;
    auto add = [&](const SourceRef& s) {
        if (s.empty()) return;
        const bool seen = std::any_of(out.sources.begin(), out.sources.end(), [&](const SourceRef& o) {
            return o.file == s.file && o.section == s.section && o.url == s.url;
        });
        if (!seen) out.sources.push_back(s);
    };
    add(known.source);
    for (const SourceRef& s : incoming.sources) add(s);
    add(incoming.source);
    return out;
}

}  // namespace wardscope
