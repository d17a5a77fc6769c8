#!/usr/bin/env bash
# Builds the core library and its tests with AddressSanitizer + UndefinedBehaviorSanitizer
# (-DWARDSCOPE_SANITIZE=ON) in their own build tree and runs them; then with
# ThreadSanitizer (-DWARDSCOPE_TSAN=ON, in BUILD_DIR-tsan) the tests of the code
# that runs on several threads (test suite "threads"). Any report fails.
#   scripts/test-sanitizers.sh [BUILD_DIR]     (default: build/asan)
# Only the core targets are built: the UI and its packages are not needed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/asan}
jobs=${WARDSCOPE_JOBS:-$(nproc 2>/dev/null || echo 2)}

cmake -S "$here" -B "$build" -DWARDSCOPE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j"$jobs" --target wardscope_core_tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# As tests/CMakeLists.txt does: without the seed documents, their suite is left out.
args=()
if grep -q '^WARDSCOPE_SEEDS_DIR:PATH=.*NOTFOUND' "$build/CMakeCache.txt"; then
  echo "seed documents not found: the 'seeds' test suite is left out"
  args+=(--test-suite-exclude=seeds)
fi
echo "== core tests under ASan + UBSan"
"$build/tests/wardscope_core_tests" "${args[@]}"

cmake -S "$here" -B "$build-tsan" -DWARDSCOPE_TSAN=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build-tsan" -j"$jobs" --target wardscope_core_tests
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
echo "== threaded core tests under TSan"
"$build-tsan/tests/wardscope_core_tests" --test-suite=threads
