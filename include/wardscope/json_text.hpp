// JSON text as wardscope reads it: like nlohmann::json::parse, but a key that
// appears twice in one object is an error instead of the last one silently
// winning (issue #12: a second "id" replaced a whole plan).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace wardscope {

struct DuplicateKeyError : std::runtime_error {
    DuplicateKeyError(std::string pointer_, std::string key_)
        : std::runtime_error(pointer_ + ": duplicate key \"" + key_ + "\" (a second value would silently replace the first)"),
          pointer(std::move(pointer_)), key(std::move(key_)) {}
    std::string pointer;  // JSON pointer of the second occurrence, e.g. "/nodes/3/id"
    std::string key;
};

// A key as one token of a JSON pointer (RFC 6901): "~" → "~0", "/" → "~1".
std::string json_pointer_token(std::string_view key);

// Throws DuplicateKeyError, or nlohmann::json::parse_error / out_of_range for
// malformed text.
nlohmann::json parse_json_strict(std::string_view text);

}  // namespace wardscope
