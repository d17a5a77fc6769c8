# The Debian package (cpack -G DEB in the build tree): what cmake --install
# puts under /usr. The shared libraries it needs come from dpkg-shlibdeps; the
# Japanese font is named here (it is read, not linked).
if(WIN32)
  return()
endif()
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME wardscope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "dashboard of the industrial-promotion plans of Japanese municipalities")
set(CPACK_PACKAGE_DESCRIPTION "wardscope loads the plans and KPI history of Japanese municipalities from SQLite and
shows cross-municipality comparison plots, SWOT and cross-SWOT (TOWS) matrices and strategy-coverage heatmaps.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "wardscope developers <wardscope@example.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# GLFW opens libGL.so.1 (GLX) at run time, so dpkg-shlibdeps sees only
# libopengl0; Mesa's drivers for the OpenGL 3.3 window; the Japanese font.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk, libgl1, libgl1-mesa-dri")
include(CPack)
