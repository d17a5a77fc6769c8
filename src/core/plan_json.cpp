#include "wardscope/plan_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "wardscope/era.hpp"
#include "wardscope/error.hpp"
#include "wardscope/json_text.hpp"
#include "wardscope/kpi_history.hpp"
#include "wardscope/municipality.hpp"
#include "wardscope/records.hpp"
#include "wardscope/utf8.hpp"

namespace wardscope {

using nlohmann::json;

namespace {

constexpr std::string_view plan_format_1 = "wardscope-plan/1";
constexpr std::string_view plan_format_2 = "wardscope-plan/2";  // what wardscope writes
constexpr int max_node_depth = 12;
const std::set<std::string> known_statuses = {"素案", "案", "策定済", "承認"};
const std::set<std::string> municipality_kinds = {"区", "市", "町", "村"};
const std::set<std::string> indicator_kinds = {"KGI", "KPI", "成果指標"};  // docs/plan-format.md "indicator"
// The plan-file keys of fields that may hold tabs and line breaks
// (records::prose); every other string is one line. (An indicator's baseline
// and target notes share the key "note".)
std::set<std::string_view, std::less<>> make_prose_keys() {
    std::set<std::string_view, std::less<>> keys;
    records::for_each_table([&](const auto& t) { records::for_each_key_with(t, records::prose, [&](std::string_view key) { keys.insert(key); }); });
    return keys;
}
const std::set<std::string_view, std::less<>> prose_keys = make_prose_keys();

std::string join(const std::string& pointer, std::string_view key) {
    return pointer + "/" + json_pointer_token(key);
}
std::string join(const std::string& pointer, std::size_t index) { return pointer + "/" + std::to_string(index); }

const char* type_name(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "a number";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "an unexpected value";
    }
}

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 100) return false;
    if (!(std::islower(static_cast<unsigned char>(id[0])) || std::isdigit(static_cast<unsigned char>(id[0]))))
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
               c == '-' || c == '_' || c == '.';
    });
}

// Characters outside the Basic Multilingual Plane (𠮷 U+20BB7 …): Debian's
// Dear ImGui 1.86 has a 16-bit ImWchar and the dashboard draws them as its
// substitute mark 〓 (app/font_atlas.hpp). Valid data: a warning naming each, once.
std::optional<std::string> undrawable_characters_warning(std::string_view text) {
    std::string names;
    std::set<std::uint32_t> seen;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0xF0 || c > 0xF4 || i + 4 > text.size()) continue;  // lead bytes of 4-byte sequences (UTF-8 checked before)
        const std::uint32_t cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 12) |
                                 ((static_cast<unsigned char>(text[i + 2]) & 0x3Fu) << 6) |
                                 (static_cast<unsigned char>(text[i + 3]) & 0x3Fu);
        if (seen.insert(cp).second) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
            names += (names.empty() ? "" : ", ") + std::string("'") + std::string(text.substr(i, 4)) + "' (" + code + ")";
        }
        i += 3;
    }
    if (names.empty()) return std::nullopt;
    return "the dashboard cannot draw " + names +
           " (outside the Basic Multilingual Plane; Dear ImGui 1.86 as packaged): shown as \xE3\x80\x93 (U+3013)";
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real month and day: a calendar date, never a fiscal year.
bool valid_calendar_date(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t n) {
        if (s.size() < from + n) return false;
        for (std::size_t i = from; i < from + n; ++i)
            if (s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    auto number = [&](std::size_t from, std::size_t n) { return std::stoi(std::string(s.substr(from, n))); };
    if (!digits(0, 4) || (s.size() != 4 && s.size() != 7 && s.size() != 10)) return false;
    if (s.size() == 4) return true;
    if (s[4] != '-' || !digits(5, 2)) return false;
    const int month = number(5, 2);
    if (month < 1 || month > 12) return false;
    if (s.size() == 7) return true;
    if (s[7] != '-' || !digits(8, 2)) return false;
    const int year = number(0, 4), day = number(8, 2);
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day >= 1 && day <= (month == 2 && !leap ? 28 : days[month - 1]);
}

// Reads typed fields out of JSON objects and records every problem with its pointer.
class Reader {
public:
    Reader(std::string file, std::vector<Problem>& problems, std::vector<Problem>* warnings = nullptr)
        : file_(std::move(file)), problems_(problems), warnings_(warnings) {}

    void problem(const std::string& pointer, std::string message) {
        problems_.push_back({file_, pointer.empty() ? "/" : pointer, std::move(message)});
    }

    bool expect_object(const json& value, const std::string& pointer, std::initializer_list<std::string_view> keys) {
        return expect_object_of(value, pointer, keys);
    }
    bool expect_object(const json& value, const std::string& pointer, const std::vector<std::string_view>& keys) {
        return expect_object_of(value, pointer, keys);
    }

    template <typename Keys>
    bool expect_object_of(const json& value, const std::string& pointer, const Keys& keys) {
        if (!value.is_object()) {
            problem(pointer, std::string("expected an object, found ") + type_name(value));
            return false;
        }
        for (const auto& [key, member] : value.items()) {
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) problem(join(pointer, key), "unknown field");
        }
        return true;
    }

    // Missing or null optional strings read as "". (Pointers are joined only
    // for a problem: a plan file has hundreds of thousands of fields.)
    std::string text(const json& object, const std::string& pointer, std::string_view key, bool required) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required) problem(join(pointer, key), "missing required field");
            return {};
        }
        if (!it->is_string()) {
            problem(join(pointer, key), std::string("expected a string, found ") + type_name(*it));
            return {};
        }
        std::string value = it->get_ref<const std::string&>();
        if (required && value.empty()) problem(join(pointer, key), "must not be empty");
        check_control_characters(value, [&] { return join(pointer, key); },
                                 prose_keys.count(key) ? TextKind::prose : TextKind::one_line);
        return value;
    }

    std::optional<std::string> nullable_text(const json& object, const std::string& pointer, std::string_view key) {
        auto it = object.find(key);
        if (it == object.end()) {
            problem(join(pointer, key), "missing required field (write null when the source does not say)");
            return std::nullopt;
        }
        if (it->is_null()) return std::nullopt;
        return text(object, pointer, key, true);
    }

    std::string id(const json& object, const std::string& pointer, std::string_view key = "id") {
        std::string value = text(object, pointer, key, true);
        if (!value.empty() && !valid_id(value))
            problem(join(pointer, key), "invalid id '" + value + "': use lowercase ASCII letters, digits, '-', '_' or '.'");
        return value;
    }

    bool boolean(const json& object, const std::string& pointer, std::string_view key) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return false;
        if (!it->is_boolean()) {
            problem(join(pointer, key), std::string("expected true or false, found ") + type_name(*it));
            return false;
        }
        return it->get<bool>();
    }

    std::optional<double> number(const json& object, const std::string& pointer, std::string_view key, bool required) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required) problem(join(pointer, key), "missing required number");
            return std::nullopt;
        }
        if (!it->is_number()) {
            problem(join(pointer, key), std::string("expected a number or null, found ") + type_name(*it));
            return std::nullopt;
        }
        return it->get<double>();
    }

    // An integer year or any notation parse_fiscal_year understands.
    std::optional<int> fiscal_year(const json& object, const std::string& pointer, std::string_view key, bool required) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required) problem(join(pointer, key), "missing required fiscal year");
            return std::nullopt;
        }
        if (it->is_number_integer() || it->is_number_unsigned()) {
            const auto year = it->get<long long>();
            if (year < 1900 || year > 2200) {
                problem(join(pointer, key), "fiscal year " + std::to_string(year) + " is out of range (1900–2200)");
                return std::nullopt;
            }
            return static_cast<int>(year);
        }
        const std::string at = join(pointer, key);
        if (it->is_string()) {
            std::string why;
            if (auto year = parse_fiscal_year(it->get<std::string>(), &why)) return year;
            problem(at, !why.empty() ? why : "'" + it->get<std::string>() + "' is not a fiscal year (e.g. 2026, \"FY2026\", \"令和8年度\", \"R8\")");
            return std::nullopt;
        }
        problem(at, std::string("expected a fiscal year, found ") + type_name(*it));
        return std::nullopt;
    }

    std::vector<std::string> text_list(const json& object, const std::string& pointer, std::string_view key) {
        std::vector<std::string> out;
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return out;
        if (!it->is_array()) {
            problem(join(pointer, key), std::string("expected an array of strings, found ") + type_name(*it));
            return out;
        }
        out.reserve(it->size());
        for (std::size_t i = 0; i < it->size(); ++i) {
            const json& item = (*it)[i];
            if (!item.is_string()) {
                problem(join(join(pointer, key), i), std::string("expected a string, found ") + type_name(item));
                continue;
            }
            out.push_back(item.get_ref<const std::string&>());
            check_control_characters(out.back(), [&] { return join(join(pointer, key), i); });
        }
        return out;
    }

    const json* array(const json& object, const std::string& pointer, std::string_view key) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return nullptr;
        if (!it->is_array()) {
            problem(join(pointer, key), std::string("expected an array, found ") + type_name(*it));
            return nullptr;
        }
        return &*it;
    }

    SourceRef source(const json& object, const std::string& pointer, bool required, const SourceRef& fallback) {
        const std::string at = join(pointer, "source");
        auto it = object.find("source");
        if (it == object.end() || it->is_null()) {
            if (required) problem(at, "missing required field: every item needs a source (file + section, or url)");
            return fallback;
        }
        if (!expect_object(*it, at, {"file", "section", "url", "page"})) return fallback;
        SourceRef ref{text(*it, at, "file", false), text(*it, at, "section", false), text(*it, at, "url", false),
                      text(*it, at, "page", false)};
        if (ref.empty()) problem(at, "a source needs a file or a url");
        return ref;
    }

private:
    // Line breaks and tabs are fine in prose (descriptions, SWOT text, notes);
    // names, ids, labels and sources are one line; no other control characters
    // anywhere. `pointer_of()` gives the value's pointer, made only when needed.
    template <typename PointerOf>
    void check_control_characters(const std::string& value, const PointerOf& pointer_of, TextKind kind = TextKind::one_line) {
        if (auto control = control_character_problem(value, kind)) problem(pointer_of(), *control);
        if (warnings_)
            if (auto undrawable = undrawable_characters_warning(value)) {
                const std::string at = pointer_of();
                warnings_->push_back({file_, at.empty() ? "/" : at, *undrawable});
            }
    }

    std::string file_;
    std::vector<Problem>& problems_;
    std::vector<Problem>* warnings_;  // null: warnings are not collected
};

// The plan-file keys of a record's table, then those its parser reads itself.
template <typename T>
std::vector<std::string_view> keys_of(const T& t, std::initializer_list<std::string_view> parsed) {
    std::vector<std::string_view> keys;
    t.for_each([&](const auto& entry) {
        if constexpr (std::remove_cvref_t<decltype(entry)>::has_member)
            if (entry.key) keys.emplace_back(entry.key);
    });
    keys.insert(keys.end(), parsed.begin(), parsed.end());
    return keys;
}

// Reads a record's plain fields, in table order: those with a plan-file key
// that its parser does not check itself (records::json_checked). Integers in
// plan files are fiscal years (2026, "FY2026", "令和8年度" …).
template <typename T, typename Record>
void read_plain_fields(Reader& reader, const T& t, const json& object, const std::string& at, Record& record) {
    t.for_each([&](const auto& entry) {
        if constexpr (std::remove_cvref_t<decltype(entry)>::has_member) {
            if (!entry.key || entry.is(records::json_checked)) return;
            auto& value = entry.get(record);
            using Value = std::remove_cvref_t<decltype(value)>;
            const bool required = entry.is(records::required);
            if constexpr (std::is_same_v<Value, std::string>)
                value = entry.is(records::nullable) ? reader.nullable_text(object, at, entry.key).value_or("")
                                                    : reader.text(object, at, entry.key, required);
            else if constexpr (std::is_same_v<Value, bool>) value = reader.boolean(object, at, entry.key);
            else if constexpr (std::is_same_v<Value, double>) value = reader.number(object, at, entry.key, true).value_or(0);
            else if constexpr (std::is_same_v<Value, std::optional<double>>) value = reader.number(object, at, entry.key, required);
            else if constexpr (std::is_same_v<Value, int>) value = reader.fiscal_year(object, at, entry.key, true).value_or(0);
            else if constexpr (std::is_same_v<Value, std::optional<int>>) value = reader.fiscal_year(object, at, entry.key, required);
            else if constexpr (std::is_same_v<Value, std::int64_t>)
                value = static_cast<std::int64_t>(reader.number(object, at, entry.key, required).value_or(0));
            else if constexpr (std::is_enum_v<Value>) {
                const std::string name = reader.text(object, at, entry.key, required);
                if (auto parsed = records::enum_from(name, static_cast<Value*>(nullptr))) value = *parsed;
                else if (!name.empty()) reader.problem(join(at, entry.key), "unknown " + std::string(entry.key) + " '" + name + "'");
            } else static_assert(sizeof(Value) == 0, "no plan-file reader for this field type");
        }
    });
}

struct PlanParser {
    PlanParser(Reader& r, const Taxonomy& t) : reader(r), taxonomy(t) {}
    Reader& reader;
    const Taxonomy& taxonomy;
    PlanFile result;
    std::set<std::string> node_ids;
    std::set<std::string> swot_ids;       // lookups stay O(log n) with 100k items
    std::set<std::string> unmapped_swot_ids;  // SWOT items without a quadrant (not for cross-SWOT)
    std::set<std::string> indicator_ids;
    // What each object may hold: its table's keys and those read here.
    const std::vector<std::string_view> plan_keys =
        keys_of(records::plan, {"format", "municipality", "period", "viewpoints", "focus_fields", "source", "nodes", "swot",
                                "tows", "indicators", "observations", "rating_scale", "evaluations", "authors", "approvals",
                                "budget", "levels", "statements"});
    const std::vector<std::string_view> approval_keys = keys_of(records::approval, {"source"});
    const std::vector<std::string_view> budget_keys = keys_of(records::budget_line, {"source"});
    const std::vector<std::string_view> statement_keys = keys_of(records::plan_statement, {"source"});
    int format = 2;
    std::vector<std::pair<std::size_t, std::string>> node_pointers;  // node index → its pointer (for also_under)
    const std::vector<std::string_view> municipality_keys = keys_of(records::municipality, {"source"});
    const std::vector<std::string_view> node_keys =
        keys_of(records::node, {"themes", "actors", "source", "children", "also_under"});
    const std::vector<std::string_view> swot_keys = keys_of(records::swot_item, {"source"});
    const std::vector<std::string_view> tows_keys = keys_of(records::tows_strategy, {"swot", "nodes", "source"});
    const std::vector<std::string_view> indicator_keys = keys_of(records::indicator, {"baseline", "target", "targets", "source"});
    const std::vector<std::string_view> observation_keys = keys_of(records::observation, {});
    const std::vector<std::string_view> evaluation_keys = keys_of(records::evaluation, {});

    void parse(const json& root) {
        if (!reader.expect_object(root, "", plan_keys)) return;
        const std::string format_name = reader.text(root, "", "format", true);
        if (format_name == plan_format_1) format = 1;
        else if (!format_name.empty() && format_name != plan_format_2)
            reader.problem("/format", "unsupported format '" + format_name +
                                          "' (expected \"wardscope-plan/2\" or \"wardscope-plan/1\")");

        Plan& plan = result.plan;
        plan.id = reader.id(root, "");
        read_plain_fields(reader, records::plan, root, "", plan);
        parse_levels(root);
        if (!plan.status.empty() && !known_statuses.contains(plan.status))
            reader.problem("/status", "unknown status '" + plan.status + "' (素案, 案, 策定済 or 承認)");
        plan.viewpoints = reader.text_list(root, "", "viewpoints");
        plan.focus_fields = reader.text_list(root, "", "focus_fields");
        plan.source = reader.source(root, "", true, {});
        parse_municipality(root);
        parse_period(root);

        if (const json* nodes = reader.array(root, "", "nodes"))
            for (std::size_t i = 0; i < nodes->size(); ++i) parse_node((*nodes)[i], join("/nodes", i), nullptr, plan.source, 1);
        check_also_under();
        parse_swot(root);
        parse_tows(root);
        parse_indicators(root);
        parse_observations(root);
        parse_evaluations(root);
        plan.authors = reader.text_list(root, "", "authors");
        parse_approvals(root);
        parse_budget(root);
        parse_statements(root);
    }

    // Statements the plan makes about itself (format 2), each under the source's label.
    void parse_statements(const json& root) {
        const json* items = reader.array(root, "", "statements");
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            const std::string at = join("/statements", i);
            const json& value = (*items)[i];
            if (!reader.expect_object(value, at, statement_keys)) continue;
            PlanStatement s;
            read_plain_fields(reader, records::plan_statement, value, at, s);
            s.source = reader.source(value, at, false, result.plan.source);
            result.plan.statements.push_back(std::move(s));
        }
    }

    // Approvals and consents: a date is a calendar date, never a fiscal year.
    void parse_approvals(const json& root) {
        const json* items = reader.array(root, "", "approvals");
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            const std::string at = join("/approvals", i);
            const json& value = (*items)[i];
            if (!reader.expect_object(value, at, approval_keys)) continue;
            Approval a;
            read_plain_fields(reader, records::approval, value, at, a);
            if (!a.date.empty() && !valid_calendar_date(a.date))
                reader.problem(join(at, "date"), "'" + a.date +
                                                     "' is not a calendar date: write YYYY, YYYY-MM or YYYY-MM-DD "
                                                     "(a fiscal year is not a date; the text as written goes in date_as_written)");
            a.source = reader.source(value, at, false, result.plan.source);
            result.plan.approvals.push_back(std::move(a));
        }
    }

    // Budget (予算) and settled (決算) amounts per measure and fiscal year, in 千円.
    void parse_budget(const json& root) {
        const json* items = reader.array(root, "", "budget");
        std::map<std::tuple<std::string, int, std::string>, std::size_t> seen;
        for (std::size_t i = 0; items && i < items->size(); ++i) {
            const std::string at = join("/budget", i);
            const json& value = (*items)[i];
            if (!reader.expect_object(value, at, budget_keys)) continue;
            BudgetLine b;
            b.node_id = reader.text(value, at, "node", true);
            if (!b.node_id.empty() && !node_ids.contains(b.node_id)) reader.problem(join(at, "node"), "unknown node '" + b.node_id + "'");
            b.fiscal_year = reader.fiscal_year(value, at, "fiscal_year", true).value_or(0);
            b.kind = reader.text(value, at, "kind", true);
            if (!b.kind.empty() && b.kind != "予算" && b.kind != "決算")
                reader.problem(join(at, "kind"), "unknown kind '" + b.kind + "' (予算 or 決算)");
            const std::optional<double> amount = reader.number(value, at, "thousand_yen", true);
            if (amount && *amount < 0) reader.problem(join(at, "thousand_yen"), "an amount cannot be negative");
            b.thousand_yen = amount.value_or(0);
            if (!b.node_id.empty() && b.fiscal_year != 0 && !b.kind.empty()) {
                auto [it, inserted] = seen.emplace(std::make_tuple(b.node_id, b.fiscal_year, b.kind), i);
                if (!inserted)
                    reader.problem(join(at, "fiscal_year"), "a second " + b.kind + " for '" + b.node_id + "' in fiscal year " +
                                                                std::to_string(b.fiscal_year) + " (the first is /budget/" +
                                                                std::to_string(it->second) + ")");
            }
            b.source = reader.source(value, at, false, result.plan.source);
            result.plan.budget.push_back(std::move(b));
        }
    }

    // Format 2: the plan's own levels, top first, and which one is "measure".
    // Format 1: the fixed four (default_plan_levels), and neither key.
    void parse_levels(const json& root) {
        Plan& plan = result.plan;
        if (format == 1) {
            for (const char* key : {"levels", "measure_level", "statements"})
                if (root.contains(key)) reader.problem(join("", key), "only in \"wardscope-plan/2\" files (this file says /1)");
            return;
        }
        plan.levels.clear();
        plan.measure_level.clear();
        const json* levels = reader.array(root, "", "levels");
        if (!levels || levels->empty()) {
            reader.problem("/levels", "missing required field: the plan's levels, top first "
                                      "(e.g. [{\"id\": \"pillar\", \"name\": \"柱\"}, …])");
        } else {
            std::set<std::string> ids;
            for (std::size_t i = 0; i < levels->size(); ++i) {
                const std::string at = join("/levels", i);
                if (!reader.expect_object((*levels)[i], at, {"id", "name", "name_en"})) continue;
                PlanLevel level;
                level.id = reader.id((*levels)[i], at);
                if (!level.id.empty() && !ids.insert(level.id).second)
                    reader.problem(join(at, "id"), "duplicate level id '" + level.id + "'");
                read_plain_fields(reader, records::plan_level, (*levels)[i], at, level);
                plan.levels.push_back(std::move(level));
            }
        }
        auto it = root.find("measure_level");
        if (it == root.end()) {
            reader.problem("/measure_level", "missing required field: the id of the level whose nodes are measures "
                                             "(null when the plan has none: its leaves are counted)");
        } else if (!it->is_null()) {
            plan.measure_level = reader.text(root, "", "measure_level", true);
            if (!plan.measure_level.empty() && plan.level_rank(plan.measure_level) < 0)
                reader.problem("/measure_level", "unknown level '" + plan.measure_level + "' (" + level_list() + ")");
        }
    }

    // "pillar, strategy, policy or measure": the levels a node may name.
    std::string level_list() const {
        const auto& levels = result.plan.levels;
        std::string out;
        for (std::size_t i = 0; i < levels.size(); ++i)
            out += (i == 0 ? "" : i + 1 == levels.size() ? " or " : ", ") + levels[i].id;
        return out.empty() ? "the plan declares no levels" : out;
    }

    // Cross-listed nodes (format 2): each further parent exists, is at the
    // level of the node's own parent, is not the node or below it, and is named once.
    void check_also_under() {
        const Plan& plan = result.plan;
        std::map<std::string_view, std::size_t> index;
        for (std::size_t i = 0; i < plan.nodes.size(); ++i) index.emplace(plan.nodes[i].id, i);
        for (const auto& [i, at] : node_pointers) {
            const Node& node = plan.nodes[i];
            std::set<std::string_view> seen;
            for (std::size_t k = 0; k < node.also_under.size(); ++k) {
                const std::string here = join(join(at, "also_under"), k);
                const std::string& ref = node.also_under[k];
                auto it = index.find(ref);
                if (it == index.end()) {
                    reader.problem(here, "unknown node '" + ref + "'");
                    continue;
                }
                if (!seen.insert(ref).second) reader.problem(here, "node '" + ref + "' is listed twice");
                else if (node.parent_id.empty())
                    reader.problem(here, "a top-level node cannot be listed under another node as well");
                else if (ref == node.parent_id)
                    reader.problem(here, "'" + ref + "' is already the node's parent (it is nested there)");
                else if (is_at_or_below(index, it->second, node.id))
                    reader.problem(here, "'" + ref + "' is the node itself or below it: a node cannot be listed under itself");
                else if (const Node& parent = plan.nodes[index.at(node.parent_id)]; plan.nodes[it->second].level != parent.level)
                    reader.problem(here, "'" + ref + "' is a " + plan.nodes[it->second].level + ", but the node's parent '" +
                                             parent.id + "' is a " + parent.level + ": a cross-listed node sits at one level");
            }
        }
    }

    // Whether node `k` is `id` or lies below it (following the nested parents).
    bool is_at_or_below(const std::map<std::string_view, std::size_t>& index, std::size_t k, const std::string& id) const {
        const Plan& plan = result.plan;
        for (std::size_t steps = 0; steps <= plan.nodes.size(); ++steps) {
            const Node& n = plan.nodes[k];
            if (n.id == id) return true;
            auto it = n.parent_id.empty() ? index.end() : index.find(n.parent_id);
            if (it == index.end()) return false;
            k = it->second;
        }
        return false;
    }

    // 施策評価: the plan's scale (best first, each once), then ratings of nodes per year on it.
    void parse_evaluations(const json& root) {
        Plan& plan = result.plan;
        plan.rating_scale = reader.text_list(root, "", "rating_scale");
        for (std::size_t k = 0; k < plan.rating_scale.size(); ++k)
            if (std::find(plan.rating_scale.begin(), plan.rating_scale.begin() + static_cast<long>(k), plan.rating_scale[k]) !=
                plan.rating_scale.begin() + static_cast<long>(k))
                reader.problem(join("/rating_scale", k), "rating '" + plan.rating_scale[k] + "' is listed twice");
        const json* items = reader.array(root, "", "evaluations");
        if (!items) return;
        if (plan.rating_scale.empty() && !items->empty())
            reader.problem("/rating_scale", "evaluations need the plan's rating scale (e.g. [\"A\", \"B\", \"C\", \"D\"])");
        std::map<std::pair<std::string, int>, std::size_t> seen;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string at = join("/evaluations", i);
            const json& value = (*items)[i];
            if (!reader.expect_object(value, at, evaluation_keys)) continue;
            Evaluation e;
            read_plain_fields(reader, records::evaluation, value, at, e);
            e.node_id = reader.text(value, at, "node", true);
            if (!e.node_id.empty() && !node_ids.contains(e.node_id)) reader.problem(join(at, "node"), "unknown node '" + e.node_id + "'");
            e.fiscal_year = reader.fiscal_year(value, at, "fiscal_year", true).value_or(0);
            e.rating = reader.text(value, at, "rating", true);
            if (!e.rating.empty() && !plan.rating_scale.empty() &&
                std::find(plan.rating_scale.begin(), plan.rating_scale.end(), e.rating) == plan.rating_scale.end())
                reader.problem(join(at, "rating"), "rating '" + e.rating + "' is not on the plan's rating scale");
            if (!e.node_id.empty() && e.fiscal_year != 0)
                if (auto [it, inserted] = seen.emplace(std::make_pair(e.node_id, e.fiscal_year), i); !inserted)
                    reader.problem(join(at, "fiscal_year"), "a second rating of '" + e.node_id + "' for fiscal year " +
                                                                std::to_string(e.fiscal_year) + " (the first is /evaluations/" +
                                                                std::to_string(it->second) + ")");
            plan.evaluations.push_back(std::move(e));
        }
        std::stable_sort(plan.evaluations.begin(), plan.evaluations.end(), [](const Evaluation& a, const Evaluation& b) {
            return a.node_id != b.node_id ? a.node_id < b.node_id : a.fiscal_year < b.fiscal_year;
        });
    }

    void parse_municipality(const json& root) {
        auto it = root.find("municipality");
        if (it == root.end()) {
            reader.problem("/municipality", "missing required field");
            return;
        }
        if (!reader.expect_object(*it, "/municipality", municipality_keys)) return;
        Municipality& m = result.municipality;
        m.id = reader.id(*it, "/municipality");
        read_plain_fields(reader, records::municipality, *it, "/municipality", m);
        if (!m.kind.empty() && !municipality_kinds.contains(m.kind))
            reader.problem("/municipality/kind", "unknown kind '" + m.kind + "' (区, 市, 町 or 村)");
        if (!m.code.empty() && !valid_local_government_code(m.code))
            reader.problem("/municipality/code", "'" + m.code + "' is not a 6-digit 全国地方公共団体コード with a valid check digit");
        check_prefecture(m);
        m.source = reader.source(*it, "/municipality", false, result.plan.source);
        result.plan.municipality_id = m.id;
    }

    // The prefecture is one of the 47 as written, and the one the code's first two digits name.
    void check_prefecture(const Municipality& m) {
        if (m.prefecture.empty()) return;
        const Prefecture* named = find_prefecture(m.prefecture);
        if (!named) {
            reader.problem("/municipality/prefecture", "unknown prefecture '" + m.prefecture + "' (one of the 47, as written: 東京都, 大阪府, 北海道 …)");
            return;
        }
        const Prefecture* coded = valid_local_government_code(m.code) ? prefecture_of_code(m.code) : nullptr;
        if (coded && coded != named)
            reader.problem("/municipality/prefecture", "'" + m.prefecture + "' differs from the prefecture of code " + m.code +
                                                           " (" + std::string(coded->name_ja) + ")");
    }

    void parse_period(const json& root) {
        auto it = root.find("period");
        if (it == root.end()) {
            reader.problem("/period", "missing required field");
            return;
        }
        if (!reader.expect_object(*it, "/period", {"start", "end", "as_written", "actual_end"})) return;
        Plan& plan = result.plan;
        plan.start_fy = reader.fiscal_year(*it, "/period", "start", false);
        plan.end_fy = reader.fiscal_year(*it, "/period", "end", false);
        plan.period_as_written = reader.text(*it, "/period", "as_written", false);
        plan.actual_end_fy = reader.fiscal_year(*it, "/period", "actual_end", false);
        if (plan.actual_end_fy && plan.start_fy && *plan.actual_end_fy < *plan.start_fy)
            reader.problem("/period/actual_end", "actual end year " + std::to_string(*plan.actual_end_fy) +
                                                     " is before start year " + std::to_string(*plan.start_fy));
        if (plan.start_fy && plan.end_fy && *plan.end_fy < *plan.start_fy)
            reader.problem("/period/end", "end year " + std::to_string(*plan.end_fy) + " is before start year " +
                                              std::to_string(*plan.start_fy));
    }

    void parse_node(const json& value, const std::string& at, const Node* parent, const SourceRef& inherited, int depth) {
        if (depth > max_node_depth) {
            reader.problem(at, "nodes are nested deeper than " + std::to_string(max_node_depth) + " levels");
            return;
        }
        if (!reader.expect_object(value, at, node_keys)) return;
        Node node;
        node.id = reader.id(value, at);
        if (!node.id.empty() && !node_ids.insert(node.id).second)
            reader.problem(join(at, "id"), "duplicate node id '" + node.id + "'");
        node.parent_id = parent ? parent->id : std::string();
        const Plan& plan = result.plan;
        node.level = reader.text(value, at, "level", true);
        const int rank = plan.level_rank(node.level);
        if (rank < 0 && !node.level.empty())
            reader.problem(join(at, "level"), "unknown level '" + node.level + "' (" + level_list() + ")");
        if (parent && rank >= 0 && rank < plan.level_rank(parent->level))
            reader.problem(join(at, "level"), "a " + node.level + " cannot sit under a " + parent->level);
        read_plain_fields(reader, records::node, value, at, node);
        parse_node_name(value, at, node);
        if (format == 1 && value.contains("also_under"))
            reader.problem(join(at, "also_under"), "only in \"wardscope-plan/2\" files (this file says /1)");
        else node.also_under = reader.text_list(value, at, "also_under");
        auto themes = reader.text_list(value, at, "themes");
        std::set<std::string> seen;  // a repeated tag would break the database's key (found by fuzz_plan_file)
        for (std::size_t i = 0; i < themes.size(); ++i) {
            if (!taxonomy.find_theme(themes[i]))
                reader.problem(join(join(at, "themes"), i), "unknown theme '" + themes[i] + "' (see data/themes.json)");
            else if (!seen.insert(themes[i]).second)
                reader.problem(join(join(at, "themes"), i), "theme '" + themes[i] + "' is listed twice");
            else node.themes.push_back({themes[i], TagOrigin::hand});
        }
        auto actors = reader.text_list(value, at, "actors");
        seen.clear();
        for (std::size_t i = 0; i < actors.size(); ++i) {
            if (!taxonomy.find_actor(actors[i]))
                reader.problem(join(join(at, "actors"), i), "unknown actor '" + actors[i] + "' (see data/actors.json)");
            else if (!seen.insert(actors[i]).second)
                reader.problem(join(join(at, "actors"), i), "actor '" + actors[i] + "' is listed twice");
            else node.actors.push_back(actors[i]);
        }
        node.source = reader.source(value, at, false, inherited);
        if (!node.also_under.empty()) node_pointers.emplace_back(result.plan.nodes.size(), at);
        const json* children = reader.array(value, at, "children");
        // What the children need of their parent, copied: the vector may reallocate while they are added.
        Node self;
        if (children && !children->empty()) {
            self.id = node.id;
            self.level = node.level;
            self.source = node.source;
        }
        result.plan.nodes.push_back(std::move(node));
        if (children)
            for (std::size_t i = 0; i < children->size(); ++i)
                parse_node((*children)[i], join(join(at, "children"), i), &self, self.source, depth + 1);
    }

    // A name as written. Format 2: null when the source does not show one
    // (shown as unknown, never invented); format 1: always a name.
    void parse_node_name(const json& value, const std::string& at, Node& node) {
        if (format == 1) {
            node.name = reader.text(value, at, "name", true);
            return;
        }
        auto it = value.find("name");
        if (it == value.end()) reader.problem(join(at, "name"), "missing required field (null when the source does not show the name)");
        else if (!it->is_null()) node.name = reader.text(value, at, "name", true);
    }

    void parse_swot(const json& root) {
        const json* items = reader.array(root, "", "swot");
        if (!items) return;
        std::set<std::string>& ids = swot_ids;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string at = join("/swot", i);
            const json& value = (*items)[i];
            if (!reader.expect_object(value, at, swot_keys)) continue;
            SwotItem item;
            item.id = reader.id(value, at);
            if (!item.id.empty() && !ids.insert(item.id).second)
                reader.problem(join(at, "id"), "duplicate SWOT item id '" + item.id + "'");
            // Format 2: an item the source labels (特徴, 現況 …) without a quadrant leaves it out.
            const bool unmapped = format == 2 && (!value.contains("quadrant") || value["quadrant"].is_null());
            const std::string quadrant = unmapped ? std::string() : reader.text(value, at, "quadrant", true);
            if (unmapped) item.quadrant = Quadrant::none;
            else if (auto q = quadrant_from(quadrant)) item.quadrant = *q;
            else if (!quadrant.empty())
                reader.problem(join(at, "quadrant"), "unknown quadrant '" + quadrant + "' (strength, weakness, opportunity or threat)");
            read_plain_fields(reader, records::swot_item, value, at, item);
            if (unmapped && item.label.empty() && value.contains("text"))
                reader.problem(join(at, "label"), "an item without a quadrant needs the source's label (特徴, 現況 …)");
            if (unmapped && !item.id.empty()) unmapped_swot_ids.insert(item.id);
            item.source = reader.source(value, at, false, result.plan.source);
            result.plan.swot.push_back(std::move(item));
        }
    }

    void parse_tows(const json& root) {
        const json* items = reader.array(root, "", "tows");
        if (!items) return;
        std::set<std::string> ids;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string at = join("/tows", i);
            const json& value = (*items)[i];
            if (!reader.expect_object(value, at, tows_keys)) continue;
            TowsStrategy item;
            item.id = reader.id(value, at);
            if (!item.id.empty() && !ids.insert(item.id).second)
                reader.problem(join(at, "id"), "duplicate cross-SWOT id '" + item.id + "'");
            const std::string type = reader.text(value, at, "type", true);
            if (auto t = tows_type_from(type)) item.type = *t;
            else if (!type.empty()) reader.problem(join(at, "type"), "unknown type '" + type + "' (SO, ST, WO or WT)");
            read_plain_fields(reader, records::tows_strategy, value, at, item);
            item.swot_ids = reader.text_list(value, at, "swot");
            std::set<std::string> seen;  // a repeated reference would break the database's key
            for (std::size_t k = 0; k < item.swot_ids.size(); ++k) {
                const auto& ref = item.swot_ids[k];
                if (!swot_ids.contains(ref)) reader.problem(join(join(at, "swot"), k), "unknown SWOT item '" + ref + "'");
                else if (!seen.insert(ref).second) reader.problem(join(join(at, "swot"), k), "SWOT item '" + ref + "' is listed twice");
                else if (unmapped_swot_ids.contains(ref))
                    reader.problem(join(join(at, "swot"), k), "SWOT item '" + ref +
                                                                  "' is not mapped to a quadrant (a cross-SWOT strategy combines mapped items)");
            }
            item.node_ids = reader.text_list(value, at, "nodes");
            seen.clear();
            for (std::size_t k = 0; k < item.node_ids.size(); ++k) {
                const auto& ref = item.node_ids[k];
                if (!node_ids.contains(ref)) reader.problem(join(join(at, "nodes"), k), "unknown node '" + ref + "'");
                else if (!seen.insert(ref).second) reader.problem(join(join(at, "nodes"), k), "node '" + ref + "' is listed twice");
            }
            item.source = reader.source(value, at, false, result.plan.source);
            result.plan.tows.push_back(std::move(item));
        }
    }

    IndicatorPoint parse_point(const json& indicator, const std::string& at, std::string_view key) {
        IndicatorPoint point;
        auto it = indicator.find(std::string(key));
        if (it == indicator.end() || it->is_null()) return point;
        const std::string here = join(at, key);
        if (!reader.expect_object(*it, here, {"value", "fiscal_year", "note", "text"})) return point;
        point.value = reader.number(*it, here, "value", false);
        point.fiscal_year = reader.fiscal_year(*it, here, "fiscal_year", false);
        point.note = reader.text(*it, here, "note", false);
        point.text = reader.text(*it, here, "text", false);
        return point;
    }

    // "comparator" (以上 / 以下 / 程度 / exact) against "direction": an at-least
    // target of a lower-is-better indicator is a contradiction; without a
    // direction, 以下 means lower is better.
    void parse_comparator(const json& value, const std::string& at, Indicator& ind, bool direction_given) {
        const std::string name = reader.text(value, at, "comparator", false);
        if (name.empty()) return;
        const auto c = comparator_from(name);
        if (!c || *c == Comparator::unspecified) {
            reader.problem(join(at, "comparator"),
                           "unknown comparator '" + name + "' (at_least = 以上, at_most = 以下, about = 程度, or exact)");
            return;
        }
        ind.comparator = *c;
        if (!direction_given && *c == Comparator::at_most) ind.direction = Direction::lower_is_better;
        if ((*c == Comparator::at_least && ind.direction == Direction::lower_is_better) ||
            (*c == Comparator::at_most && ind.direction == Direction::higher_is_better && direction_given))
            reader.problem(join(at, "comparator"), "comparator '" + name + "' contradicts direction '" +
                                                       std::string(to_string(ind.direction)) + "'");
    }

    // "targets": a target per fiscal year (a trajectory), each a value or a text.
    void parse_year_targets(const json& value, const std::string& at, Indicator& ind) {
        const json* items = reader.array(value, at, "targets");
        if (!items) return;
        const std::string here = join(at, "targets");
        std::map<int, std::size_t> years;
        for (std::size_t k = 0; k < items->size(); ++k) {
            const std::string item_at = join(here, k);
            const json& item = (*items)[k];
            if (!reader.expect_object(item, item_at, {"fiscal_year", "value", "text", "note"})) continue;
            YearTarget t;
            t.fiscal_year = reader.fiscal_year(item, item_at, "fiscal_year", true).value_or(0);
            t.value = reader.number(item, item_at, "value", false);
            t.text = reader.text(item, item_at, "text", false);
            t.note = reader.text(item, item_at, "note", false);
            if (!t.value && t.text.empty()) reader.problem(join(item_at, "value"), "a year's target needs a value or a text");
            if (t.fiscal_year == 0) continue;
            if (auto [it, inserted] = years.emplace(t.fiscal_year, k); !inserted)
                reader.problem(join(item_at, "fiscal_year"), "a second target for fiscal year " + std::to_string(t.fiscal_year) +
                                                                 " (the first is " + join(here, it->second) + ")");
            else if (ind.baseline.fiscal_year && t.fiscal_year < *ind.baseline.fiscal_year)
                reader.problem(join(item_at, "fiscal_year"), "target year " + std::to_string(t.fiscal_year) +
                                                                 " is before baseline year " +
                                                                 std::to_string(*ind.baseline.fiscal_year));
            ind.targets.push_back(std::move(t));
        }
        std::sort(ind.targets.begin(), ind.targets.end(),
                  [](const YearTarget& a, const YearTarget& b) { return a.fiscal_year < b.fiscal_year; });
    }

    // A qualitative indicator's baseline and targets are texts.
    void check_qualitative(const std::string& at, const Indicator& ind) {
        if (!ind.qualitative) return;
        if (ind.baseline.value) reader.problem(join(join(at, "baseline"), "value"), "a qualitative indicator has a text baseline (baseline.text), not a number");
        if (ind.target.value) reader.problem(join(join(at, "target"), "value"), "a qualitative indicator has a text target (target.text), not a number");
    }

    void parse_indicators(const json& root) {
        const json* items = reader.array(root, "", "indicators");
        if (!items) return;
        std::set<std::string>& ids = indicator_ids;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string at = join("/indicators", i);
            const json& value = (*items)[i];
            if (!reader.expect_object(value, at, indicator_keys)) continue;
            Indicator ind;
            ind.id = reader.id(value, at);
            if (!ind.id.empty() && !ids.insert(ind.id).second)
                reader.problem(join(at, "id"), "duplicate indicator id '" + ind.id + "'");
            read_plain_fields(reader, records::indicator, value, at, ind);
            if (!ind.kind.empty() && !indicator_kinds.contains(ind.kind))
                reader.problem(join(at, "kind"), "unknown indicator kind '" + ind.kind + "' (KGI, KPI or 成果指標)");
            const std::string direction = reader.text(value, at, "direction", false);
            if (auto d = direction_from(direction)) ind.direction = *d;
            else if (!direction.empty())
                reader.problem(join(at, "direction"), "unknown direction '" + direction + "' (higher_is_better or lower_is_better)");
            parse_comparator(value, at, ind, !direction.empty());
            ind.node_id = reader.text(value, at, "node", false);
            if (!ind.node_id.empty() && !node_ids.contains(ind.node_id))
                reader.problem(join(at, "node"), "unknown node '" + ind.node_id + "'");
            ind.baseline = parse_point(value, at, "baseline");
            ind.target = parse_point(value, at, "target");
            if (ind.baseline.fiscal_year && ind.target.fiscal_year && *ind.target.fiscal_year < *ind.baseline.fiscal_year)
                reader.problem(join(join(at, "target"), "fiscal_year"),
                               "target year " + std::to_string(*ind.target.fiscal_year) + " is before baseline year " +
                                   std::to_string(*ind.baseline.fiscal_year));
            parse_year_targets(value, at, ind);
            check_qualitative(at, ind);
            ind.source = reader.source(value, at, false, result.plan.source);
            result.plan.indicators.push_back(std::move(ind));
        }
    }

    void parse_observations(const json& root) {
        const json* items = reader.array(root, "", "observations");
        if (!items) return;
        // (indicator, year, source, as_of) → index; the texts are the stored observations' (reserved: they do not move)
        std::map<std::tuple<std::string_view, int, std::string_view, std::string_view>, std::size_t> seen;
        result.observations.reserve(result.observations.size() + items->size());
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string at = join("/observations", i);
            const json& value = (*items)[i];
            if (!reader.expect_object(value, at, observation_keys)) continue;
            Observation obs;
            obs.plan_id = result.plan.id;
            obs.indicator_id = reader.text(value, at, "indicator", true);
            if (!obs.indicator_id.empty() && !indicator_ids.contains(obs.indicator_id))
                reader.problem(join(at, "indicator"), "unknown indicator '" + obs.indicator_id + "'");
            obs.fiscal_year = reader.fiscal_year(value, at, "fiscal_year", true).value_or(0);
            read_plain_fields(reader, records::observation, value, at, obs);
            obs.as_of = reader.text(value, at, "as_of", false);
            if (!obs.as_of.empty() && !valid_iso_date(obs.as_of))
                reader.problem(join(at, "as_of"), "'" + obs.as_of + "' is not a date (YYYY-MM-DD, e.g. 2025-06-30)");
            // A number, or null / left out when the result is a text (a qualitative indicator's).
            const std::optional<double> number = reader.number(value, at, "value", obs.text.empty());
            obs.value = number ? *number : std::numeric_limits<double>::quiet_NaN();
            obs.origin = ObservationOrigin::plan_file;
            const Observation& stored = result.observations.emplace_back(std::move(obs));
            // One value per indicator, year, source and as_of (the database's key; found by
            // fuzz_plan_file); other sources or dates for the year are revisions (docs/kpi-status.md).
            if (!stored.indicator_id.empty() && stored.fiscal_year != 0) {
                auto [it, inserted] =
                    seen.emplace(std::make_tuple(std::string_view(stored.indicator_id), stored.fiscal_year,
                                                 std::string_view(stored.source), std::string_view(stored.as_of)),
                                 i);
                if (!inserted)
                    reader.problem(join(at, "fiscal_year"), "a second value for '" + stored.indicator_id + "' in fiscal year " +
                                                                std::to_string(stored.fiscal_year) + " from the same source and as_of" +
                                                                " (the first is /observations/" + std::to_string(it->second) + ")");
            }
        }
    }
};

std::string read_whole_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read " + path.string() + ": " + (std::filesystem::exists(path) ? "permission denied" : "no such file"));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// "line 3, column 14" for a byte offset, so hand editors can find the spot.
std::string describe_offset(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') { ++line; column = 1; }
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

json parse_json_text(std::string_view text, const std::string& file, std::vector<Problem>& problems) {
    if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        problems.push_back({file, "/", "invalid UTF-8 at byte " + std::to_string(bad) + " (" + describe_offset(text, bad) +
                                           "): plan files must be saved as UTF-8"});
        return json();
    }
    try {
        return parse_json_strict(text);
    } catch (const DuplicateKeyError& e) {
        problems.push_back({file, e.pointer, "duplicate key \"" + e.key + "\": each key may appear once in an object"});
        return json();
    } catch (const json::parse_error& e) {
        // nlohmann's message names the byte; add line and column.
        std::string what = e.what();
        if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
        problems.push_back({file, "/", "malformed JSON at " + describe_offset(text, e.byte > 0 ? e.byte - 1 : 0) + ": " + what});
        return json();
    } catch (const json::exception& e) {
        // A number too large for a double (1e400) throws out_of_range, which
        // names no position (found by fuzz_plan_file).
        std::string what = e.what();
        if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
        problems.push_back({file, "/", "malformed JSON: " + what});
        return json();
    }
}

}  // namespace

std::string Problem::to_string() const { return file + ": " + pointer + ": " + message; }

ParseResult parse_plan_file(std::string_view text, const std::string& file, const Taxonomy& taxonomy) {
    ParseResult result;
    result.file = file;
    json root = parse_json_text(text, file, result.problems);
    if (!result.problems.empty()) return result;
    Reader reader(file, result.problems, &result.warnings);
    PlanParser parser(reader, taxonomy);
    parser.parse(root);
    result.plan_file = std::move(parser.result);
    return result;
}

ParseResult read_plan_file(const std::filesystem::path& path, const Taxonomy& taxonomy) {
    std::string text;
    try {
        text = read_whole_file(path);
    } catch (const Error& e) {
        ParseResult result;
        result.file = path.string();
        result.problems.push_back({path.string(), "/", e.what()});
        return result;
    }
    return parse_plan_file(text, path.string(), taxonomy);
}

std::vector<Problem> PlanSetCheck::add(const ParseResult& result) {
    std::vector<Problem> problems;
    if (!result.ok()) return problems;
    const PlanFile& pf = result.plan_file;
    const std::string& file = result.file;
    auto [it, inserted] = plan_files_.emplace(pf.plan.id, file);
    if (!inserted) problems.push_back({file, "/id", "plan id '" + pf.plan.id + "' is also used by " + it->second});
    // Compared with each different description of the municipality so far, to name the file that said it.
    std::vector<std::pair<Municipality, std::string>>& seen = municipalities_[pf.municipality.id];
    for (const auto& [earlier, earlier_file] : seen) {
        const std::vector<AttributeConflict> conflicts = attribute_conflicts(pf.municipality, earlier);
        if (conflicts.empty()) continue;
        problems.push_back({file, "/municipality",
                            "municipality '" + pf.municipality.id + "': " + describe_conflicts(conflicts, earlier_file)});
        return problems;
    }
    const bool known = std::any_of(seen.begin(), seen.end(), [&](const auto& e) { return same_attributes(pf.municipality, e.first); });
    if (!known) seen.emplace_back(pf.municipality, file);
    return problems;
}

std::vector<Problem> check_plan_set(const std::vector<ParseResult>& results) {
    std::vector<Problem> problems;
    PlanSetCheck check;
    for (const ParseResult& result : results) {
        const std::vector<Problem> found = check.add(result);
        problems.insert(problems.end(), found.begin(), found.end());
    }
    return problems;
}

namespace {

// documents.json: {"documents": [{file, title, title_en?, publisher?, published?, url?}]}.
std::vector<SourceDocument> parse_documents(std::string_view text) {
    std::vector<Problem> problems;
    json root = parse_json_text(text, "documents.json", problems);
    Reader reader("documents.json", problems);
    std::vector<SourceDocument> out;
    if (problems.empty()) {
        const json* list = root.is_object() ? reader.array(root, "", "documents") : nullptr;
        if (!list && (!root.is_object() || !root.contains("documents")))
            reader.problem("/documents", "expected an object with an array \"documents\"");
        std::set<std::string> seen;
        for (std::size_t i = 0; list && i < list->size(); ++i) {
            const json& d = (*list)[i];
            const std::string at = join("/documents", i);
            if (!reader.expect_object(d, at, {"file", "title", "title_en", "publisher", "published", "url"})) continue;
            SourceDocument doc{reader.text(d, at, "file", true),      reader.text(d, at, "title", true),
                               reader.text(d, at, "title_en", false), reader.text(d, at, "publisher", false),
                               reader.text(d, at, "published", false), reader.text(d, at, "url", false)};
            if (!doc.published.empty() && !valid_calendar_date(doc.published))
                reader.problem(join(at, "published"), "'" + doc.published +
                                                          "' is not a calendar date: write YYYY, YYYY-MM or YYYY-MM-DD "
                                                          "(fiscal years belong in a plan's period)");
            if (!doc.file.empty() && !seen.insert(doc.file).second)
                reader.problem(join(at, "file"), "duplicate document '" + doc.file + "'");
            out.push_back(std::move(doc));
        }
    }
    if (!problems.empty()) {
        std::string message;
        for (const Problem& p : problems) message += (message.empty() ? "" : "\n") + p.to_string();
        throw Error(message);
    }
    return out;
}

// A theme's or actor's texts, by the keys of its field table (records::theme,
// records::actor): required ones present and not empty, each one line.
template <typename T, typename Record>
void read_vocabulary_fields(const T& t, const json& object, const std::string& what, Record& record) {
    if (!object.is_object()) throw Error(what + ": expected an object, found " + type_name(object));
    t.for_each([&](const auto& entry) {
        if constexpr (std::remove_cvref_t<decltype(entry)>::has_member) {
            if (!entry.key) return;
            const auto it = object.find(entry.key);
            if (it == object.end() || it->is_null()) {
                if (entry.is(records::required)) throw Error(what + ": missing \"" + entry.key + "\"");
                return;
            }
            if (!it->is_string()) throw Error(what + ": \"" + entry.key + "\" must be a string, not " + type_name(*it));
            std::string& value = entry.get(record);
            value = it->template get<std::string>();
            if (entry.is(records::required) && value.empty()) throw Error(what + ": \"" + entry.key + "\" must not be empty");
            if (auto control = control_character_problem(value, TextKind::one_line))
                throw Error(what + ": \"" + entry.key + "\" " + *control);
        }
    });
}

}  // namespace

Taxonomy parse_taxonomy(std::string_view themes_text, std::string_view actors_text, std::string_view documents_text) {
    Taxonomy taxonomy;
    auto load = [](std::string_view text, const char* what, const char* list_key) {
        std::vector<Problem> problems;
        json root = parse_json_text(text, what, problems);
        if (!problems.empty()) throw Error(problems.front().to_string());
        if (!root.is_object() || !root.contains(list_key) || !root[list_key].is_array())
            throw Error(std::string(what) + ": expected an object with an array \"" + list_key + "\"");
        return root[list_key];
    };
    std::set<std::string> seen;
    for (const json& t : load(themes_text, "themes.json", "themes")) {
        Theme theme;
        const std::string what = "themes.json: theme " + std::to_string(taxonomy.themes.size());
        read_vocabulary_fields(records::theme, t, what, theme);
        try {
            if (t.contains("keywords")) theme.keywords = t["keywords"].get<std::vector<std::string>>();
            if (t.contains("except"))
                taxonomy.keyword_exceptions[theme.id] = t["except"].get<std::vector<std::string>>();
        } catch (const json::exception& e) {
            throw Error(what + ": " + e.what());
        }
        if (!valid_id(theme.id) || !seen.insert(theme.id).second)
            throw Error("themes.json: invalid or duplicate theme id '" + theme.id + "'");
        taxonomy.themes.push_back(std::move(theme));
    }
    seen.clear();
    for (const json& a : load(actors_text, "actors.json", "actors")) {
        Actor actor;
        read_vocabulary_fields(records::actor, a, "actors.json: actor " + std::to_string(taxonomy.actors.size()), actor);
        if (!valid_id(actor.id) || !seen.insert(actor.id).second)
            throw Error("actors.json: invalid or duplicate actor id '" + actor.id + "'");
        taxonomy.actors.push_back(std::move(actor));
    }
    if (!documents_text.empty()) taxonomy.documents = parse_documents(documents_text);
    return taxonomy;
}

Taxonomy read_taxonomy(const std::filesystem::path& themes_json, const std::filesystem::path& actors_json) {
    // The catalogue of source documents is optional and sits beside themes.json.
    const std::filesystem::path documents = themes_json.parent_path() / "documents.json";
    std::error_code ec;
    const std::string documents_text = std::filesystem::exists(documents, ec) ? read_whole_file(documents) : std::string();
    return parse_taxonomy(read_whole_file(themes_json), read_whole_file(actors_json), documents_text);
}

namespace {

// A 4,096-bit set of the byte triples in a node's name and description. A
// keyword (≥ 3 bytes) whose first three bytes are not in it cannot occur in
// either text, so most of the 88 keywords × 80,600 nodes string searches of
// the synthetic set are skipped (issue #5); the search itself decides the rest.
class TripleFilter {
public:
    static std::uint32_t bit(const char* p) {
        const auto b = [&](int i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(p[i])); };
        return ((b(0) * 0x9E37u) ^ (b(1) * 0x3Bu) ^ b(2)) & 4095u;
    }
    void add(const std::string& text) {
        for (std::size_t i = 0; i + 2 < text.size(); ++i) {
            const std::uint32_t k = bit(text.data() + i);
            words_[k >> 6] |= std::uint64_t{1} << (k & 63);
        }
    }
    bool may_contain(const std::string& keyword) const {
        if (keyword.size() < 3) return true;
        const std::uint32_t k = bit(keyword.data());
        return (words_[k >> 6] >> (k & 63)) & 1;
    }

private:
    std::uint64_t words_[64] = {};
};

}  // namespace

namespace {
// `text` with every occurrence of the phrases replaced by a control character
// (never part of a keyword), so a keyword inside them is not found.
std::string masked_phrases(std::string text, const std::vector<std::string>& phrases) {
    for (const std::string& phrase : phrases) {
        if (phrase.empty()) continue;
        for (std::size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1))
            text.replace(at, phrase.size(), "\x1F");
    }
    return text;
}
}  // namespace

std::vector<ThemeTag> derived_theme_tags(const Node& node, const Taxonomy& taxonomy) {
    std::vector<ThemeTag> themes;
    themes.reserve(node.themes.size() + 2);
    for (const ThemeTag& tag : node.themes)
        if (tag.origin != TagOrigin::rule) themes.push_back(tag);
    TripleFilter filter;
    filter.add(node.name);
    filter.add(node.description);
    for (const Theme& theme : taxonomy.themes) {
        const bool tagged = std::any_of(themes.begin(), themes.end(), [&](const ThemeTag& tag) { return tag.theme_id == theme.id; });
        if (tagged) continue;
        // The texts with the theme's exception phrases masked (copied only when it has some).
        const auto except = taxonomy.keyword_exceptions.find(theme.id);
        const bool masking = except != taxonomy.keyword_exceptions.end();
        std::string masked_name, masked_description;
        if (masking) {
            masked_name = masked_phrases(node.name, except->second);
            masked_description = masked_phrases(node.description, except->second);
        }
        const std::string& name = masking ? masked_name : node.name;
        const std::string& description = masking ? masked_description : node.description;
        const bool matches = std::any_of(theme.keywords.begin(), theme.keywords.end(), [&](const std::string& kw) {
            return !kw.empty() && filter.may_contain(kw) &&
                   (name.find(kw) != std::string::npos || description.find(kw) != std::string::npos);
        });
        if (matches) themes.push_back({theme.id, TagOrigin::rule});
    }
    return themes;
}

void derive_rule_tags(Plan& plan, const Taxonomy& taxonomy) {
    for (Node& node : plan.nodes) node.themes = derived_theme_tags(node, taxonomy);
}

namespace {

json source_json(const SourceRef& ref) {
    json out = json::object();
    if (!ref.file.empty()) out["file"] = ref.file;
    if (!ref.section.empty()) out["section"] = ref.section;
    if (!ref.url.empty()) out["url"] = ref.url;
    if (!ref.page.empty()) out["page"] = ref.page;
    return out;
}

void put_text(json& out, const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
}

json year_json(const std::optional<int>& year) { return year ? json(*year) : json(nullptr); }

// Writes a value as an integer when it is one, so 46 stays 46 and not 46.0.
json number_json(double value) {
    if (std::abs(value) < 1e15 && value == static_cast<double>(static_cast<long long>(value)))
        return json(static_cast<long long>(value));
    return json(value);
}

// Writes a record's fields that have a plan-file key: required texts always,
// other texts when not empty (or as null: records::json_null), flags when
// true, numbers and years always (null when unknown), enumerations by name.
template <typename T, typename Record>
void write_fields(const T& t, const Record& record, json& out) {
    t.for_each([&](const auto& entry) {
        if constexpr (std::remove_cvref_t<decltype(entry)>::has_member) {
            if (!entry.key) return;
            const auto& value = entry.get(record);
            using Value = std::remove_cvref_t<decltype(value)>;
            if constexpr (std::is_same_v<Value, std::string>) {
                if (entry.is(records::required) || !value.empty()) out[entry.key] = value;
                else if (entry.is(records::json_null)) out[entry.key] = nullptr;
            } else if constexpr (std::is_same_v<Value, bool>) {
                if (value) out[entry.key] = true;
            } else if constexpr (std::is_same_v<Value, double>) out[entry.key] = number_json(value);
            else if constexpr (std::is_same_v<Value, std::optional<double>>) out[entry.key] = value ? number_json(*value) : json(nullptr);
            else if constexpr (std::is_same_v<Value, int> || std::is_same_v<Value, std::int64_t>) out[entry.key] = value;
            else if constexpr (std::is_same_v<Value, std::optional<int>>) out[entry.key] = year_json(value);
            else if constexpr (std::is_enum_v<Value>) {
                if (!to_string(value).empty()) out[entry.key] = to_string(value);  // Quadrant::none: left out
            }
            else static_assert(sizeof(Value) == 0, "no plan-file writer for this field type");
        }
    });
}

// out[key] = the records as objects, each with its source; left out when there are none.
template <typename T, typename Record>
void put_records(json& out, const char* key, const T& t, const std::vector<Record>& items) {
    if (items.empty()) return;
    json list = json::array();
    for (const Record& r : items) {
        json j = json::object();
        write_fields(t, r, j);
        j["source"] = source_json(r.source);
        list.push_back(std::move(j));
    }
    out[key] = std::move(list);
}

json point_json(const IndicatorPoint& point) {
    json out = {{"value", point.value ? number_json(*point.value) : json(nullptr)},
                {"fiscal_year", year_json(point.fiscal_year)}};
    put_text(out, "note", point.note);
    put_text(out, "text", point.text);
    return out;
}

}  // namespace

json to_json(const PlanFile& pf) {
    const Plan& plan = pf.plan;
    const Municipality& m = pf.municipality;
    json out;
    out["format"] = plan_format_2;
    write_fields(records::plan, plan, out);
    json levels = json::array();
    for (const PlanLevel& level : plan.levels) {
        json l = json::object();
        write_fields(records::plan_level, level, l);
        levels.push_back(l);
    }
    out["levels"] = levels;
    out["measure_level"] = plan.measure_level.empty() ? json(nullptr) : json(plan.measure_level);
    json municipality = json::object();
    write_fields(records::municipality, m, municipality);
    if (!m.source.empty()) municipality["source"] = source_json(m.source);
    out["municipality"] = municipality;
    json period = {{"start", year_json(plan.start_fy)}, {"end", year_json(plan.end_fy)}};
    put_text(period, "as_written", plan.period_as_written);
    if (plan.actual_end_fy) period["actual_end"] = *plan.actual_end_fy;
    out["period"] = period;
    if (!plan.viewpoints.empty()) out["viewpoints"] = plan.viewpoints;
    if (!plan.focus_fields.empty()) out["focus_fields"] = plan.focus_fields;
    out["source"] = source_json(plan.source);

    // Nodes are stored flat in pre-order; nest them again under their parents.
    std::map<std::string, std::vector<const Node*>> children;
    for (const Node& node : plan.nodes) children[node.parent_id].push_back(&node);
    std::function<json(const Node&, const SourceRef&)> node_json = [&](const Node& node, const SourceRef& inherited) {
        json n = json::object();
        write_fields(records::node, node, n);
        json themes = json::array();
        for (const auto& tag : node.themes)
            if (tag.origin == TagOrigin::hand) themes.push_back(tag.theme_id);
        if (!themes.empty()) n["themes"] = themes;
        if (!node.actors.empty()) n["actors"] = node.actors;
        if (!node.also_under.empty()) n["also_under"] = node.also_under;
        if (node.source.file != inherited.file || node.source.section != inherited.section || node.source.url != inherited.url ||
            node.source.page != inherited.page)
            n["source"] = source_json(node.source);
        if (auto it = children.find(node.id); it != children.end()) {
            json kids = json::array();
            for (const Node* child : it->second) kids.push_back(node_json(*child, node.source));
            n["children"] = kids;
        }
        return n;
    };
    json nodes = json::array();
    for (const Node* top : children[""]) nodes.push_back(node_json(*top, plan.source));
    out["nodes"] = nodes;

    json swot = json::array();
    for (const SwotItem& item : plan.swot) {
        json s = json::object();
        write_fields(records::swot_item, item, s);
        s["source"] = source_json(item.source);
        swot.push_back(s);
    }
    out["swot"] = swot;
    json tows = json::array();
    for (const TowsStrategy& item : plan.tows) {
        json t = json::object();
        write_fields(records::tows_strategy, item, t);
        t["swot"] = item.swot_ids;
        t["nodes"] = item.node_ids;
        t["source"] = source_json(item.source);
        tows.push_back(t);
    }
    out["tows"] = tows;
    json indicators = json::array();
    for (const Indicator& ind : plan.indicators) {
        json i = json::object();
        write_fields(records::indicator, ind, i);
        if (ind.comparator == Comparator::unspecified) i.erase("comparator");  // a format-1 file's meaning: left out
        i["baseline"] = point_json(ind.baseline);
        i["target"] = point_json(ind.target);
        if (!ind.targets.empty()) {
            json targets = json::array();
            for (const YearTarget& t : ind.targets) {
                json y = json::object();
                write_fields(records::indicator_target, t, y);
                if (!t.value) y.erase("value");
                targets.push_back(y);
            }
            i["targets"] = targets;
        }
        i["source"] = source_json(ind.source);
        indicators.push_back(i);
    }
    out["indicators"] = indicators;
    if (!plan.rating_scale.empty()) out["rating_scale"] = plan.rating_scale;
    if (!plan.evaluations.empty()) {
        json evaluations = json::array();
        for (const Evaluation& e : plan.evaluations) {
            json v = json::object();
            write_fields(records::evaluation, e, v);
            evaluations.push_back(v);
        }
        out["evaluations"] = evaluations;
    }
    if (!plan.authors.empty()) out["authors"] = plan.authors;
    put_records(out, "approvals", records::approval, plan.approvals);
    put_records(out, "budget", records::budget_line, plan.budget);
    put_records(out, "statements", records::plan_statement, plan.statements);
    json observations = json::array();
    for (const Observation& obs : pf.observations) {
        json o = json::object();
        write_fields(records::observation, obs, o);
        if (std::isnan(obs.value)) o["value"] = nullptr;  // a qualitative result: its text says it
        observations.push_back(o);
    }
    out["observations"] = observations;
    return out;
}

std::string to_json_text(const PlanFile& plan_file) {
    return to_json(plan_file).dump(2, ' ', false) + "\n";
}

}  // namespace wardscope
