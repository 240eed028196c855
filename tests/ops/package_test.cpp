// The Debian package: `cpack -G DEB` in the build folder leaves one .deb there; its control data
// (dependencies, maintainer scripts, conffiles) and contents (binaries, units, example configs,
// man pages, assets) are what an operator needs; `lcctl --help` runs from the extracted tree;
// lintian reports no errors and no missing hardening.
#include <catch2/catch.hpp>

#include <regex>
#include <vector>

#include "ops_fixtures.hpp"

using namespace lc::ops_test;

namespace {

// Builds the package once for all sections; returns its path ("" on failure, `log` says why).
fs::path buildPackage(std::string& log) {
    static fs::path deb;
    static std::string firstLog;
    if (deb.empty()) {
        for (const auto& e : fs::directory_iterator(LC_BINARY_DIR))
            if (e.path().extension() == ".deb") fs::remove(e.path());
        const Run r = run("cd " + quote(LC_BINARY_DIR) + " && cpack -G DEB");
        firstLog = r.out;
        std::vector<fs::path> debs;
        for (const auto& e : fs::directory_iterator(LC_BINARY_DIR))
            if (e.path().extension() == ".deb") debs.push_back(e.path());
        if (r.status == 0 && debs.size() == 1) deb = debs.front();
    }
    log = firstLog;
    return deb;
}

}  // namespace

TEST_CASE("Package", "[ops]") {
    INFO("the package's build must be configured with -DCMAKE_INSTALL_PREFIX=/usr");
    REQUIRE(std::string(LC_INSTALL_PREFIX) == "/usr");
    std::string log;
    const fs::path deb = buildPackage(log);
    INFO(log);
    REQUIRE_FALSE(deb.empty());
    REQUIRE(deb.parent_path() == fs::path(LC_BINARY_DIR));

    SECTION("control data: name, dependencies, scripts, conffiles") {
        const Run info = run("dpkg-deb --info " + quote(deb.string()));
        INFO(info.out);
        REQUIRE(info.status == 0);
        CHECK_THAT(info.out, Catch::Contains("Package: learning-circles"));
        for (const char* dep : {"cage", "xwayland", "libglfw3", "ca-certificates", "systemd-timesyncd | time-daemon",
                                "fonts-dejavu-core", "libsqlite3-0", "libcurl4", "libsodium23"})
            CHECK_THAT(info.out, Catch::Contains(dep));
        CHECK_THAT(info.out, !Catch::Contains("libglfw3-wayland"));
        std::smatch depends;
        REQUIRE(std::regex_search(info.out, depends, std::regex("\\n Depends: ([^\\n]*)")));
        const std::string deps = depends[1];
        CHECK(deps.find("libglfw3") == deps.rfind("libglfw3"));  // listed once
        for (const char* script : {"postinst", "prerm", "postrm", "conffiles", "md5sums"})
            CHECK_THAT(info.out, Catch::Contains(script));
        const std::string postinst = run("dpkg-deb --ctrl-tarfile " + quote(deb.string()) +
                                         " | tar -xO ./postinst").out;
        CHECK_THAT(postinst, Catch::Contains("systemd-sysusers learning-circles.conf") &&
                                 Catch::Contains("systemd-tmpfiles --create learning-circles.conf"));
        CHECK_THAT(postinst, !Catch::Contains("systemctl enable") && !Catch::Contains("helper enable"));
        // The configs may hold the webhook's secret: /etc/learning-circles is 0750 root:learning-circles.
        CHECK_THAT(postinst, Catch::Contains("chown root:learning-circles /etc/learning-circles") &&
                                 Catch::Contains("chmod 0750 /etc/learning-circles"));
        const std::string conffiles = run("dpkg-deb --ctrl-tarfile " + quote(deb.string()) +
                                          " | tar -xO ./conffiles").out;
        CHECK_THAT(conffiles, Catch::Contains("/etc/learning-circles/examples/chicago.json") &&
                                  Catch::Contains("/etc/learning-circles/examples/nairobi.json"));
    }
    SECTION("contents: binaries, units, configs, assets, man pages, docs") {
        const Run list = run("dpkg-deb --contents " + quote(deb.string()));
        REQUIRE(list.status == 0);
        INFO(list.out);
        for (const char* path :
             {"./usr/bin/lcctl", "./usr/bin/lc-kiosk", "./usr/bin/lc-display",
              "./lib/systemd/system/lc-kiosk.service", "./lib/systemd/system/lc-display.service",
              "./lib/systemd/system/lc-sync.service", "./lib/systemd/system/lc-sync.timer",
              "./usr/lib/sysusers.d/learning-circles.conf", "./usr/lib/tmpfiles.d/learning-circles.conf",
              "./etc/learning-circles/examples/chicago.json", "./etc/pam.d/learning-circles",
              "./usr/share/learning-circles/demo/feed.json", "./usr/share/learning-circles/config/nairobi.json",
              "./usr/share/learning-circles/locale/fr/LC_MESSAGES/common.mo",
              "./usr/share/man/man1/lcctl.1.gz", "./usr/share/man/man1/lc-kiosk.1.gz",
              "./usr/share/man/man1/lc-display.1.gz", "./usr/share/doc/learning-circles/copyright",
              "./usr/share/doc/learning-circles/changelog.Debian.gz"})
            CHECK_THAT(list.out, Catch::Contains(std::string(path) + "\n"));
        CHECK_THAT(list.out, !Catch::Contains("/usr/local/") && !Catch::Contains("/var/lib/learning-circles"));
        CHECK(std::regex_search(list.out, std::regex("-rwxr-xr-x root/root +[0-9]+ [^\\n]+ \\./usr/bin/lcctl\\n")));
    }
    SECTION("lcctl --help runs from the extracted tree") {
        TempDir dir;
        REQUIRE(run("dpkg-deb -x " + quote(deb.string()) + " " + quote(dir.path.string())).status == 0);
        const Run help = run(quote((dir.path / "usr/bin/lcctl").string()) + " --help");
        INFO(help.out);
        CHECK(help.status == 0);
        CHECK_THAT(help.out, Catch::Contains("Usage: lcctl") && Catch::Contains("set-pin"));
        const Run kiosk = run(quote((dir.path / "usr/bin/lc-kiosk").string()) + " --help");
        CHECK(kiosk.status == 0);
        CHECK_THAT(kiosk.out, !Catch::Contains("test-freeze"));  // a test-only option stays hidden
    }
    SECTION("lintian: no errors") {
        if (!onPath("lintian")) {
            WARN("lintian is not installed (apt-get install lintian): not checked");
            return;
        }
        const Run lint = run("lintian --no-tag-display-limit " + quote(deb.string()));
        INFO(lint.out);
        CHECK_FALSE(std::regex_search(lint.out, std::regex("(^|\\n)E: ")));
        // Built with _FORTIFY_SOURCE=2 and -z relro -z now (the top CMakeLists.txt).
        CHECK_THAT(lint.out, !Catch::Contains("hardening-"));
    }
}
