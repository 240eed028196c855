// The systemd units: `systemd-analyze security --offline=true` exposure within budget
// (lc-sync ≤ 2.0, the GUI units ≤ 3.0) and `systemd-analyze verify --man=no` silent against the
// package's staged install root.
#include <catch2/catch.hpp>

#include <regex>

#include "ops_fixtures.hpp"

using namespace lc::ops_test;

namespace {

const fs::path kUnits = fs::path(LC_SOURCE_DIR) / "systemd";

double exposure(const std::string& unit, std::string& out) {
    const Run r = run("systemd-analyze security --offline=true --no-pager " + quote((kUnits / unit).string()));
    out = r.out;
    std::smatch m;
    const std::regex re("Overall exposure level for " + std::regex_replace(unit, std::regex("\\."), "\\.") +
                        ": ([0-9]+\\.[0-9])");
    if (r.status != 0 || !std::regex_search(out, m, re)) return 99;
    return std::stod(m[1]);
}

// A root holding the staged package plus what its dependencies would bring: the system's own
// units (sysinit.target, time-sync.target, …) and the cage binary (Depends: cage).
void stageRoot(const fs::path& root) {
    std::string log;
    INFO(log);
    REQUIRE(stageInstall(root, log));
    fs::create_directories(root / "usr/lib/systemd/system");
    REQUIRE(run("cp -an /usr/lib/systemd/system/. " + quote((root / "usr/lib/systemd/system").string())).status == 0);
    const fs::path cage = root / "usr/bin/cage";
    if (fs::exists("/usr/bin/cage")) {
        fs::copy_file("/usr/bin/cage", cage);
    } else {
        std::ofstream(cage) << "#!/bin/sh\n# stands for Debian's cage (a Depends of the package)\nexit 0\n";
        fs::permissions(cage, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
    }
}

}  // namespace

TEST_CASE("Units", "[ops]") {
    SECTION("exposure: lc-sync at most 2.0, the GUI units at most 3.0") {
        for (const auto& [unit, budget] : {std::pair{"lc-sync.service", 2.0}, {"lc-kiosk.service", 3.0},
                                           {"lc-display.service", 3.0}}) {
            std::string out;
            const double level = exposure(unit, out);
            INFO(unit << ":\n" << out);
            CHECK(level <= budget);
            WARN(unit << " exposure " << level);
        }
    }
    SECTION("verify is silent against the staged install root") {
        TempDir dir;
        const fs::path root = dir.path / "root";
        stageRoot(root);
        for (const char* unit : {"lc-kiosk.service", "lc-display.service", "lc-sync.service", "lc-sync.timer"}) {
            const fs::path file = root / "lib/systemd/system" / unit;
            REQUIRE(fs::exists(file));
            const Run r = run("systemd-analyze verify --man=no --root=" + quote(root.string()) + " " +
                              quote(file.string()));
            INFO(unit << ":\n" << r.out);
            CHECK(r.status == 0);
            CHECK(r.out.empty());
        }
    }
    SECTION("the GUI units are watched and restarted, the sync is timed and waits for the clock") {
        for (const char* unit : {"lc-kiosk.service", "lc-display.service"}) {
            const std::string text = readFile(kUnits / unit);
            INFO(unit);
            for (const char* line : {"\nType=notify\n", "\nNotifyAccess=all\n", "\nWatchdogSec=", "\nRestart=always\n",
                                     "\nUser=learning-circles\n", "\nStateDirectory=learning-circles\n",
                                     "\nConfigurationDirectory=learning-circles\n", "ExecStart=/usr/bin/cage "})
                CHECK_THAT(text, Catch::Contains(line));
            CHECK_THAT(text, !Catch::Contains("\nMemoryDenyWriteExecute="));
        }
        const std::string timer = readFile(kUnits / "lc-sync.timer");
        CHECK_THAT(timer, Catch::Contains("OnUnitActiveSec=15min") && Catch::Contains("RandomizedDelaySec="));
        const std::string sync = readFile(kUnits / "lc-sync.service");
        CHECK_THAT(sync, Catch::Contains("After=network-online.target time-sync.target") &&
                             Catch::Contains("lcctl sync --if-due"));
        CHECK_THAT(readFile(kUnits / "learning-circles.tmpfiles"), Catch::Contains("d /run/learning-circles "));
        CHECK_THAT(readFile(kUnits / "learning-circles.sysusers"), Catch::Contains("u learning-circles "));
    }
}
