# The Windows cross build (scripts/build-windows.sh): the same ws:: targets,
# found in the prefix that script builds from Debian's source packages
# (CMAKE_PREFIX_PATH), with static libraries throughout.
function(ws_windows_library target header library)
  find_path(WS_WIN_${target}_INCLUDE ${header})
  if(NOT WS_WIN_${target}_INCLUDE)
    message(FATAL_ERROR "${header} not found in CMAKE_PREFIX_PATH: run scripts/build-windows.sh")
  endif()
  add_library(ws_win_${target} INTERFACE)
  target_include_directories(ws_win_${target} SYSTEM INTERFACE ${WS_WIN_${target}_INCLUDE})
  if(library)
    find_library(WS_WIN_${target}_LIB ${library})
    if(NOT WS_WIN_${target}_LIB)
      message(FATAL_ERROR "lib${library}.a not found in CMAKE_PREFIX_PATH: run scripts/build-windows.sh")
    endif()
    target_link_libraries(ws_win_${target} INTERFACE ${WS_WIN_${target}_LIB} ${ARGN})
  endif()
  add_library(ws::${target} ALIAS ws_win_${target})
endfunction()

find_package(Threads REQUIRED GLOBAL)
add_library(ws::threads ALIAS Threads::Threads)
ws_windows_library(sqlite3 sqlite3.h sqlite3)
ws_windows_library(json nlohmann/json.hpp "")
ws_windows_library(cli11 CLI/CLI.hpp "")
ws_windows_library(zlib zlib.h z)
ws_windows_library(glfw GLFW/glfw3.h glfw3 gdi32)
ws_windows_library(stb stb/stb_image.h stb)
target_include_directories(ws_win_stb SYSTEM INTERFACE ${WS_WIN_stb_INCLUDE}/stb)
ws_windows_library(imgui imgui/imgui.h imgui ws::stb ws::glfw opengl32 imm32)
target_include_directories(ws_win_imgui SYSTEM INTERFACE ${WS_WIN_imgui_INCLUDE}/imgui)

# Not on Windows: fonts are found in the Windows fonts folder
# (src/app/font_lookup.cpp), and text folding and encodings use the Win32 API
# where the core would use ICU; tables are written as CSV only (no
# libxlsxwriter in that prefix yet: src/core/table_xlsx.cpp says so). The targets stay so that the CMake files
# above them need no Windows branch.
foreach(absent fontconfig icu_uc icu_i18n xlsxwriter)
  add_library(ws_win_${absent} INTERFACE)
  add_library(ws::${absent} ALIAS ws_win_${absent})
endforeach()
# NormalizeString (text_fold_win32.cpp) is in normaliz.dll.
target_link_libraries(ws_win_icu_uc INTERFACE normaliz)
