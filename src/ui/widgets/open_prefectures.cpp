#include "ui/widgets/open_prefectures.hpp"

#include <imgui.h>

#include "ui/plot/plot.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/municipality.hpp"

namespace wardscope::ui {

namespace {
// No prefecture is called "-"; the unknown one's name is "" (nothing to join).
constexpr const char* unknown_name = "-";

// X(name, ja, en)
#define WS_PREFECTURE_STRINGS(X)                                                          \
    X(heading_fmt, "%s（%d自治体・%d計画）", "%s (%d {municipality|municipalities}, %d {plan|plans})")           \
    X(short_heading_fmt, "%s（%d計画）", "%s (%d {plan|plans})")                           \
    X(unknown, "都道府県不明", "prefecture unknown")

namespace S {
WS_PREFECTURE_STRINGS(WS_STR_DECLARE)
}  // namespace S
}  // namespace

std::string prefecture_name(const std::string& prefecture, Lang lang) {
    if (prefecture.empty()) return S::unknown(lang);
    if (lang == Lang::en)
        if (const Prefecture* p = find_prefecture(prefecture)) return std::string(p->name_en);
    return prefecture;
}

std::string prefecture_heading(const std::string& prefecture, bool open, int municipalities, int plans, Lang lang) {
    return std::string(open ? "▼ " : "▶ ") + format(S::heading_fmt(lang), prefecture_name(prefecture, lang).c_str(), municipalities, plans);
}

std::string fitted_prefecture_heading(const std::string& prefecture, bool open, int municipalities, int plans, Lang lang,
                                      float width, bool all_fit, bool& shortened) {
    std::string text = prefecture_heading(prefecture, open, municipalities, plans, lang);
    shortened = !all_fit || ImGui::CalcTextSize(text.c_str()).x > width;
    if (!shortened) return text;
    text = std::string(open ? "▼ " : "▶ ") + format(S::short_heading_fmt(lang), prefecture_name(prefecture, lang).c_str(), plans);
    return plot::ellipsize(text, width);
}

void append_prefecture_strings(std::vector<const char*>& out) { WS_PREFECTURE_STRINGS(WS_STR_COLLECT) }

void OpenPrefectures::toggle(const std::string& prefecture) {
    if (!open_.erase(prefecture)) open_.insert(prefecture);
}

void OpenPrefectures::follow_selection(const Dataset& data, const Selection& selection) {
    if (selection.municipality_id() == opened_for_ && !take_selection_) return;
    opened_for_ = selection.municipality_id();
    if (take_selection_) {
        take_selection_ = false;
        return;
    }
    if (const Municipality* m = data.find_municipality(opened_for_)) open_.insert(m->prefecture);
}

std::string OpenPrefectures::option_value() const {
    std::string out;
    for (const std::string& name : open_) out += (out.empty() ? "" : ",") + (name.empty() ? std::string(unknown_name) : name);
    return out;
}

void OpenPrefectures::restore(const OptionValues& values, const char* name) {
    open_.clear();
    const auto it = values.find(name);
    take_selection_ = it != values.end();
    opened_for_.clear();
    if (!take_selection_) return;
    const std::string& text = it->second;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find(',', at), text.size());
        const std::string item = text.substr(at, end - at);
        if (!item.empty()) open_.insert(item == unknown_name ? std::string() : item);
        at = end + 1;
    }
}

}  // namespace wardscope::ui
