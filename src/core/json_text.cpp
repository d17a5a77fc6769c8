#include "wardscope/json_text.hpp"

#include <utility>
#include <vector>

namespace wardscope {
namespace {

using json = nlohmann::json;

// Builds the document as json::parse does, with one check more: a key's slot
// is taken with emplace, so a key already in the object is seen at no extra
// cost (a callback parser that tracked keys itself made parsing 30 % slower).
class StrictDomBuilder {
public:
    explicit StrictDomBuilder(json& root) : root_(root) {}

    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(json::number_integer_t v) { return value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v); }
    bool number_float(json::number_float_t v, const json::string_t&) { return value(v); }
    // Copied, not moved: v is the lexer's buffer, which keeps its capacity for
    // the next string (moved out, it regrew character by character for each).
    bool string(json::string_t& v) { return value(std::as_const(v)); }
    bool binary(json::binary_t& v) { return value(json::binary(std::move(v))); }

    bool start_object(std::size_t) {
        stack_.push_back(place(json::value_t::object));
        return true;
    }
    bool key(json::string_t& k) {
        auto& object = stack_.back()->get_ref<json::object_t&>();
        auto [it, inserted] = object.try_emplace(k, nullptr);  // copied: k is the lexer's buffer (see string())
        if (!inserted) throw DuplicateKeyError(pointer() + "/" + json_pointer_token(k), k);
        slot_ = &it->second;
        return true;
    }
    bool end_object() {
        stack_.pop_back();
        return true;
    }
    bool start_array(std::size_t) {
        stack_.push_back(place(json::value_t::array));
        return true;
    }
    bool end_array() {
        stack_.pop_back();
        return true;
    }
    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& e) {
        throw e;  // as json::parse does: parse_error with its byte, or out_of_range
    }

private:
    template <class Value>
    bool value(Value&& v) {
        *place(json::value_t::null) = json(std::forward<Value>(v));
        return true;
    }
    // Where the next value goes: the root, the next array element, or the slot of the last key.
    json* place(json::value_t type) {
        if (stack_.empty()) {
            root_ = json(type);
            return &root_;
        }
        if (stack_.back()->is_array()) {
            auto& array = stack_.back()->get_ref<json::array_t&>();
            array.emplace_back(type);
            return &array.back();
        }
        *slot_ = json(type);
        return slot_;
    }
    // The pointer of the innermost open object, found by walking down from the root (only on error).
    std::string pointer() const {
        std::string out;
        for (std::size_t d = 1; d < stack_.size(); ++d) {
            const json& parent = *stack_[d - 1];
            if (parent.is_array()) {
                out += "/" + std::to_string(parent.size() - 1);  // the open child is the last element
            } else {
                for (const auto& [k, v] : parent.items())
                    if (&v == stack_[d]) out += "/" + json_pointer_token(k);
            }
        }
        return out;
    }

    json& root_;
    std::vector<json*> stack_;
    json* slot_ = nullptr;
};

}  // namespace

std::string json_pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

nlohmann::json parse_json_strict(std::string_view text) {
    json root;
    StrictDomBuilder builder(root);
    json::sax_parse(text.begin(), text.end(), &builder);
    return root;
}

}  // namespace wardscope
