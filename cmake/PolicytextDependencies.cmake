# Included by the top-level CMakeLists.txt and, installed, by policytextConfig.cmake,
# so that a consumer of the static library finds the same dependencies.
# System dependencies of the core, each exposed as an imported target.
# Debian 12 packages: libicu-dev libre2-dev libgumbo-dev libcmark-gfm(-extensions)-dev
# libcld2-dev nlohmann-json3-dev (see Makefile `deps`).
find_package(ICU 70 REQUIRED COMPONENTS uc i18n data)
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)

# RE2 ships a CMake package from 2023 on; Debian 12's only has pkg-config.
find_package(re2 CONFIG QUIET)
if(NOT TARGET re2::re2)
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
  add_library(re2::re2 INTERFACE IMPORTED)
  target_link_libraries(re2::re2 INTERFACE PkgConfig::RE2)
endif()

pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(CMARK_GFM REQUIRED IMPORTED_TARGET libcmark-gfm)

# CLD2 has neither a CMake package nor a pkg-config file.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
if(NOT TARGET policytext::cld2)
  add_library(policytext::cld2 INTERFACE IMPORTED)
  target_include_directories(policytext::cld2 SYSTEM INTERFACE "${CLD2_INCLUDE_DIR}")
  target_link_libraries(policytext::cld2 INTERFACE "${CLD2_LIBRARY}")
endif()
