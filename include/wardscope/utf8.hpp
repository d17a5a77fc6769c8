#pragma once

#include <cstddef>
#include <string_view>

namespace wardscope {

// Offset of the first byte that is not valid UTF-8, or npos when all is valid.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace wardscope
