// libFuzzer target: the plan-file validator, plan → JSON → plan, and the
// database round trip (see fuzz_checks.hpp).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string failure =
        wardscope::fuzz::check_plan_file(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!failure.empty()) {
        std::fprintf(stderr, "fuzz_plan_file: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
