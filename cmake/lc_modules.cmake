# How the modules are built (see "The house" in README.md):
#
# - Explicit source lists. lc_sources(VAR DIR a.cpp b.cpp ...) sets VAR to DIR/a.cpp ... and stops
#   the configure, naming the file, when DIR holds a .cpp that the list forgets, so a new file is
#   never silently left out of the build.
# - One include root per module. lc_include_root(TARGET MODULE) links
#   <build>/include/MODULE/lc/MODULE -> shared/include/lc/MODULE at configure time and gives TARGET
#   that root (PUBLIC). A target sees the headers of the modules it links and no others, so
#   `#include <lc/store/...>` in a kiosk flow (which links lc_core only) does not compile.
#   The headers stay where they are; only the build's view of them is per module.

function(lc_sources var dir)
  set(listed)
  set(full)
  foreach(f IN LISTS ARGN)
    list(APPEND listed "${f}")
    list(APPEND full "${CMAKE_CURRENT_SOURCE_DIR}/${dir}/${f}")
  endforeach()
  file(GLOB present RELATIVE "${CMAKE_CURRENT_SOURCE_DIR}/${dir}" "${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*.cpp")
  foreach(f IN LISTS present)
    if(NOT f IN_LIST listed)
      message(FATAL_ERROR "${CMAKE_CURRENT_SOURCE_DIR}/${dir}/${f} is in no source list: add it to "
                          "the lc_sources(${var} ...) call in ${CMAKE_CURRENT_LIST_FILE}")
    endif()
  endforeach()
  foreach(f IN LISTS full)
    if(NOT EXISTS "${f}")
      message(FATAL_ERROR "${f} is listed in ${CMAKE_CURRENT_LIST_FILE} but does not exist")
    endif()
  endforeach()
  set(${var} ${full} PARENT_SCOPE)
endfunction()

set(LC_HEADERS_DIR "${CMAKE_SOURCE_DIR}/shared/include/lc")
set(LC_INCLUDE_ROOTS_DIR "${CMAKE_BINARY_DIR}/include")

function(lc_include_root target module)
  set(root "${LC_INCLUDE_ROOTS_DIR}/${module}")
  file(MAKE_DIRECTORY "${root}/lc")
  if(NOT IS_SYMLINK "${root}/lc/${module}")
    file(CREATE_LINK "${LC_HEADERS_DIR}/${module}" "${root}/lc/${module}" SYMBOLIC)
  endif()
  target_include_directories(${target} PUBLIC "${root}")
endfunction()
