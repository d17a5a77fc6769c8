#include "wardscope/json_text.hpp"

#include <algorithm>
#include <vector>

namespace wardscope {
namespace {

// One open object or array while parsing: the keys seen so far (objects hold
// a handful, so a linear search beats a set) or the index of the next element.
struct Frame {
    bool is_object = false;
    std::size_t index = 0;
    std::vector<std::string> keys;
};

std::string pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

// Tracks where the parser is, for the pointer of a duplicate. Frames are
// reused (cleared, not freed) so that a large file does not allocate per object.
class KeyChecker {
public:
    bool operator()(int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using event_t = nlohmann::json::parse_event_t;
        switch (event) {
            case event_t::object_start:
            case event_t::array_start: {
                if (static_cast<std::size_t>(depth) >= frames_.size()) frames_.resize(depth + 1);
                Frame& f = frames_[depth];
                f.is_object = event == event_t::object_start;
                f.index = 0;
                f.keys.clear();
                break;
            }
            case event_t::key: {
                Frame& f = frames_[depth - 1];
                const std::string& key = parsed.get_ref<const std::string&>();
                if (std::find(f.keys.begin(), f.keys.end(), key) != f.keys.end())
                    throw DuplicateKeyError(pointer(depth - 1) + "/" + pointer_token(key), key);
                f.keys.push_back(key);
                break;
            }
            case event_t::object_end:
            case event_t::array_end:
            case event_t::value:
                // A finished element moves its array on to the next index.
                if (depth > 0 && !frames_[depth - 1].is_object) ++frames_[depth - 1].index;
                break;
        }
        return true;
    }

private:
    // The pointer of the container at `depth` (its own key or index in its parent).
    std::string pointer(int depth) const {
        std::string out;
        for (int d = 0; d < depth; ++d) {
            const Frame& parent = frames_[d];
            out += "/" + (parent.is_object ? pointer_token(parent.keys.back()) : std::to_string(parent.index));
        }
        return out;
    }

    std::vector<Frame> frames_;
};

}  // namespace

nlohmann::json parse_json_strict(std::string_view text) {
    KeyChecker checker;
    return nlohmann::json::parse(text.begin(), text.end(),
                                 [&checker](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
                                     return checker(depth, event, parsed);
                                 });
}

}  // namespace wardscope
