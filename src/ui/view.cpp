#include "ui/view.hpp"

#include <charconv>

namespace wardscope::ui {

int find_view(const Views& views, std::string_view id) {
    for (std::size_t i = 0; i < views.size(); ++i)
        if (id == views[i]->id()) return static_cast<int>(i);
    return -1;
}

std::vector<std::string> view_ids() {
    std::vector<std::string> ids;
    for (const auto& v : make_views()) ids.emplace_back(v->id());
    return ids;
}

std::map<std::string, std::string> save_view_options(const Views& views) {
    std::map<std::string, std::string> out;
    for (const auto& v : views)
    {
        for (auto& [name, value] : v->save_options()) out.emplace(std::string(v->id()) + "." + name, std::move(value));
        if (std::string anchor = v->save_anchor(); !anchor.empty()) out.emplace(std::string(v->id()) + ".anchor", std::move(anchor));
    }
    return out;
}

void restore_view_options(Views& views, const std::map<std::string, std::string>& values) {
    for (auto& v : views) {
        const std::string prefix = std::string(v->id()) + ".";
        OptionValues own;
        for (auto it = values.lower_bound(prefix); it != values.end() && it->first.starts_with(prefix); ++it)
            own.emplace(it->first.substr(prefix.size()), it->second);
        const auto anchor = own.find("anchor");
        v->restore_anchor(anchor == own.end() ? std::string() : anchor->second);
        if (anchor != own.end()) own.erase(anchor);
        v->restore_options(own);
    }
}

std::string restore_view_options_checked(Views& views, const std::map<std::string, std::string>& values) {
    std::map<std::string, std::string> known;
    for (const auto& v : make_views()) {
        for (auto& [name, value] : v->save_options()) known.emplace(std::string(v->id()) + "." + name, std::move(value));
        known.emplace(std::string(v->id()) + ".anchor", "");  // a scroll anchor, as slides save it: any text
    }
    for (const auto& [name, value] : values) {
        if (known.count(name)) continue;
        std::string list;
        for (const auto& [k, v] : known) list += (list.empty() ? "" : ", ") + k;
        return "unknown view option '" + name + "'; the known ones are: " + list;
    }
    restore_view_options(views, values);
    const std::map<std::string, std::string> taken = save_view_options(views);
    for (const auto& [name, value] : values) {
        const auto it = taken.find(name);
        if (it != taken.end() && it->second == value) continue;
        if (name.ends_with(".anchor")) continue;  // an anchor is restored when its row exists; none is not an error
        const std::string& fallback = known.at(name);
        restore_view_options(views, {});
        return "view option " + name + ": '" + value + "' is not a value it takes (its default is '" + fallback + "')";
    }
    return {};
}

void read_option(const OptionValues& values, const char* name, std::string& out) {
    if (const auto it = values.find(name); it != values.end()) out = it->second;
}

void read_option(const OptionValues& values, const char* name, int& out) {
    const auto it = values.find(name);
    if (it == values.end()) return;
    int v = 0;
    const auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
    if (ec == std::errc() && end == it->second.data() + it->second.size()) out = v;
}

void read_option(const OptionValues& values, const char* name, bool& out) {
    if (const auto it = values.find(name); it != values.end()) out = it->second == "1";
}

}  // namespace wardscope::ui
