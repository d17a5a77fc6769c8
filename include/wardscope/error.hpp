// One exception type for user-facing failures: the message is what the user reads.
#pragma once

#include <stdexcept>
#include <string>

namespace wardscope {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace wardscope
