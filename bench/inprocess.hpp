// In-process measurements run as `wardscope_bench --child MODE ARGS…`:
//   gen DATA_DIR OUT                     write the default synthetic database
//   import-synthetic DATA_DIR TMP_DB N   import_plans of the synthetic plans, N times
//   import-files DATA_DIR TMP_DB N FILE… parse plan files, then import_plans N times
//   load DB N                            Store::open + load_dataset, N times
//   similarity DB N Q                    the similar-measures index built N times, then Q queries
// Each prints key=value lines: measures=, parse_ms=, run_ms= (one per run), vmhwm_kb=.
#pragma once

#include <string>
#include <vector>

namespace bench {

int child_main(const std::vector<std::string>& args);

}  // namespace bench
