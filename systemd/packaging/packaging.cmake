# Operations: man pages, install rules for everything
# that is not a binary, and CPack's Debian package (`cpack -G DEB` in the build folder).
# Included once, at the end of the top CMakeLists.txt.
#
# The package installs under /usr (the top CMakeLists.txt makes that the default prefix), and the
# binaries find their assets through paths compiled in from CMAKE_INSTALL_PREFIX.

include(GNUInstallDirs)

set(LC_PACKAGE_NAME learning-circles)
set(LC_SYSTEMD_UNIT_DIR "/lib/systemd/system" CACHE PATH "Where the systemd units are installed")
set(LC_SYSUSERS_DIR "/usr/lib/sysusers.d" CACHE PATH "Where the sysusers.d entry is installed")
set(LC_TMPFILES_DIR "/usr/lib/tmpfiles.d" CACHE PATH "Where the tmpfiles.d entry is installed")
set(LC_SYSCONF_DIR "/etc" CACHE PATH "Where the example configs and the PAM service go")
set(LC_DOC_DIR "${CMAKE_INSTALL_DATADIR}/doc/${LC_PACKAGE_NAME}")

# --- Man pages: help2man from each binary's --help, at build time when help2man is there --------
find_program(HELP2MAN help2man)
find_program(GZIP gzip)
set(LC_MAN_DIR "${CMAKE_BINARY_DIR}/man")
set(LC_MAN_PAGES)
function(lc_man_page target summary)
  if(NOT TARGET ${target} OR NOT HELP2MAN OR NOT GZIP)
    return()
  endif()
  set(page "${LC_MAN_DIR}/${target}.1.gz")
  # help2man runs "PROGRAM --help" through the shell: a cross build (scripts/build-arm64) runs
  # the binary through its emulator.
  set(program "$<TARGET_FILE:${target}>")
  if(CMAKE_CROSSCOMPILING_EMULATOR)
    set(program "${CMAKE_CROSSCOMPILING_EMULATOR} $<TARGET_FILE:${target}>")
  endif()
  add_custom_command(OUTPUT "${page}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${LC_MAN_DIR}"
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
            "--version-string=${PROJECT_VERSION}" "--name=${summary}"
            "--output=${LC_MAN_DIR}/${target}.1" "${program}"
    COMMAND ${GZIP} -9nf "${LC_MAN_DIR}/${target}.1"
    DEPENDS ${target}
    COMMENT "help2man ${target}"
    VERBATIM)
  set(LC_MAN_PAGES ${LC_MAN_PAGES} "${page}" PARENT_SCOPE)
endfunction()
lc_man_page(lcctl "admin command line for Learning Circle Kiosk")
lc_man_page(lc-kiosk "touchscreen kiosk for P2PU learning circles: signup and check-in")
lc_man_page(lc-display "lobby display of today's P2PU learning circles")
if(LC_MAN_PAGES)
  add_custom_target(lc_man_pages ALL DEPENDS ${LC_MAN_PAGES})
  install(FILES ${LC_MAN_PAGES} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
elseif(NOT HELP2MAN)
  message(STATUS "help2man not found: no man pages (apt-get install help2man)")
endif()

# --- Assets, units, configs, docs ---------------------------------------------------------------
set(LC_SHARE "${CMAKE_INSTALL_DATADIR}/learning-circles")
install(FILES "${LC_ASSETS_DIR}/demo/feed.json" DESTINATION "${LC_SHARE}/demo")
install(DIRECTORY "${LC_ASSETS_DIR}/config/" DESTINATION "${LC_SHARE}/config" FILES_MATCHING PATTERN "*.json")
install(DIRECTORY "${LC_ASSETS_DIR}/config/" DESTINATION "${LC_SYSCONF_DIR}/learning-circles/examples"
        FILES_MATCHING PATTERN "*.json")
install(FILES "${CMAKE_SOURCE_DIR}/systemd/learning-circles.pam" DESTINATION "${LC_SYSCONF_DIR}/pam.d"
        RENAME learning-circles)
install(FILES "${CMAKE_SOURCE_DIR}/systemd/lc-kiosk.service" "${CMAKE_SOURCE_DIR}/systemd/lc-display.service"
              "${CMAKE_SOURCE_DIR}/systemd/lc-sync.service" "${CMAKE_SOURCE_DIR}/systemd/lc-sync.timer"
        DESTINATION "${LC_SYSTEMD_UNIT_DIR}")
install(FILES "${CMAKE_SOURCE_DIR}/systemd/learning-circles.sysusers" DESTINATION "${LC_SYSUSERS_DIR}"
        RENAME learning-circles.conf)
install(FILES "${CMAKE_SOURCE_DIR}/systemd/learning-circles.tmpfiles" DESTINATION "${LC_TMPFILES_DIR}"
        RENAME learning-circles.conf)
install(FILES "${CMAKE_CURRENT_LIST_DIR}/debian/copyright" DESTINATION "${LC_DOC_DIR}")

# --- CPack: one Debian package ------------------------------------------------------------------
set(CPACK_PACKAGE_NAME ${LC_PACKAGE_NAME})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Learning Circle Kiosk")
set(CPACK_PACKAGE_CONTACT "Learning Circle Kiosk maintainers <learning-circles@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "kiosk and lobby display for P2PU learning circles")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_NAME ${LC_PACKAGE_NAME})
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://www.p2pu.org/en/learning-circles/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libglfw3, GLFW's X11 build (its Wayland build has no touch input; cage runs the apps through
# Xwayland), comes from dpkg-shlibdeps with the other libraries, once. eSpeak NG and ALSA are
# loaded with dlopen when the kiosk first speaks, so dpkg-shlibdeps cannot see them: named here.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "cage, xwayland, libgl1-mesa-dri, ca-certificates, systemd, libpam-systemd, systemd-timesyncd | time-daemon, fonts-dejavu-core, libespeak-ng1, libasound2")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "v4l-utils, cec-utils, wlr-randr")
# The extended description: CPack indents each line; keep them under 80 columns.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "A self-hosted kiosk and lobby display for P2PU learning circles in
public libraries. lc-kiosk is a touchscreen where walk-in patrons browse
the learning circles that meet at the library, sign up in under a minute,
and check in at the start of a session. lc-display is a lobby screen
showing what meets today, where and when, with QR codes to sign up on a
phone. lcctl is the admin command line. Both apps run fullscreen under the
cage kiosk compositor as systemd services with a render-loop watchdog;
lc-sync.timer keeps the local store in step with the P2PU feed every 15
minutes. Nothing is enabled on installation.")

string(TIMESTAMP LC_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(LC_DEB_VERSION "${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/debian/changelog.in" "${CMAKE_BINARY_DIR}/debian/changelog.Debian" @ONLY)
execute_process(COMMAND ${GZIP} -9nf "${CMAKE_BINARY_DIR}/debian/changelog.Debian")
install(FILES "${CMAKE_BINARY_DIR}/debian/changelog.Debian.gz" DESTINATION "${LC_DOC_DIR}")

# Every file under /etc is a conffile: dpkg keeps the operator's edits on upgrade.
file(GLOB _lc_examples RELATIVE "${LC_ASSETS_DIR}/config" "${LC_ASSETS_DIR}/config/*.json")
set(_lc_conffiles "${LC_SYSCONF_DIR}/pam.d/learning-circles\n")
foreach(f IN LISTS _lc_examples)
  string(APPEND _lc_conffiles "${LC_SYSCONF_DIR}/learning-circles/examples/${f}\n")
endforeach()
file(WRITE "${CMAKE_BINARY_DIR}/debian/conffiles" "${_lc_conffiles}")
foreach(script postinst prerm postrm)
  configure_file("${CMAKE_CURRENT_LIST_DIR}/debian/${script}" "${CMAKE_BINARY_DIR}/debian/${script}" COPYONLY)
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CMAKE_BINARY_DIR}/debian/conffiles;${CMAKE_BINARY_DIR}/debian/postinst;${CMAKE_BINARY_DIR}/debian/prerm;${CMAKE_BINARY_DIR}/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "packaging: CMAKE_INSTALL_PREFIX is ${CMAKE_INSTALL_PREFIX}; a Debian package wants /usr "
                 "(configure with -DCMAKE_INSTALL_PREFIX=/usr before cpack -G DEB)")
endif()
# `cpack` and `cmake --install` package what is built: they don't first build every target
# (tests, benchmarks) through the `all` dependency of `install`/`preinstall`.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
if(TARGET ops_tests AND TARGET lc_man_pages)
  add_dependencies(ops_tests lc_man_pages)  # the package test looks for the man pages
endif()
include(CPack)
