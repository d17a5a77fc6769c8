# Cross-compiling for 64-bit Windows with Debian's mingw-w64 (posix threads:
# std::thread and std::mutex need them). Used by scripts/build-windows.sh.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(WS_MINGW x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${WS_MINGW}-gcc-posix)
set(CMAKE_CXX_COMPILER ${WS_MINGW}-g++-posix)
set(CMAKE_RC_COMPILER ${WS_MINGW}-windres)
# The dependency prefix (built by scripts/build-windows.sh) comes from the
# environment: toolchain files are read again for every try_compile.
set(CMAKE_FIND_ROOT_PATH /usr/${WS_MINGW} $ENV{WARDSCOPE_WIN_PREFIX})
# Programs (rsvg-convert, python3) from the build machine; libraries and
# headers only from the mingw sysroot and the dependency prefix (CMAKE_PREFIX_PATH).
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
