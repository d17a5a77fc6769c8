// libFuzzer target: the CSV parser and the KPI CSV importer, against an
// in-memory database holding one plan (see fuzz_checks.hpp).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string failure = wardscope::fuzz::check_kpi_csv(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!failure.empty()) {
        std::fprintf(stderr, "fuzz_kpi_csv: %s\n", failure.c_str());
        std::abort();
    }
    return 0;
}
