// lc::health: the health file's JSON and atomic write, and which WATCHDOG_PID we accept.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <lc/core/health.hpp>

#include "ops_fixtures.hpp"

using namespace lc::ops_test;
using nlohmann::json;

namespace {

lc::health::HealthReport sampleReport() {
    lc::health::HealthReport r;
    r.program = "lc-display";
    r.pid = 4242;
    r.version = "0.1.0";
    r.startedAt = *lc::parseInstant("2026-12-01T08:00:00Z");
    r.updatedAt = *lc::parseInstant("2026-12-01T09:00:00Z");
    r.appNow = *lc::parseInstant("2026-12-01T09:00:00Z");
    return r;
}

}  // namespace

TEST_CASE("Health", "[ops]") {
    using lc::health::watchdogInterval;
    SECTION("toJson: every field, unknown sync state as null") {
        const json j = json::parse(lc::health::toJson(sampleReport()));
        CHECK(j["program"] == "lc-display");
        CHECK(j["pid"] == 4242);
        CHECK(j["version"] == "0.1.0");
        CHECK(j["started_at"] == "2026-12-01T08:00:00Z");
        CHECK(j["updated_at"] == "2026-12-01T09:00:00Z");
        CHECK(j["db"].is_null());
        CHECK(j["feed_age_s"].is_null());
        CHECK(j["last_sync_ok"].is_null());
        CHECK(j["last_sync_attempt"].is_null());
    }
    SECTION("toJson: feed age measured on the app clock") {
        auto r = sampleReport();
        r.sync.db = "/var/lib/learning-circles/lc.db";
        r.sync.lastSyncOk = true;
        r.sync.lastSyncAttempt = *lc::parseInstant("2026-12-01T08:59:00Z");
        r.sync.feedFetchedAt = *lc::parseInstant("2026-12-01T08:45:00Z");
        const json j = json::parse(lc::health::toJson(r));
        CHECK(j["db"] == "/var/lib/learning-circles/lc.db");
        CHECK(j["feed_age_s"] == 900);
        CHECK(j["last_sync_ok"] == true);
        CHECK(j["last_sync_attempt"] == "2026-12-01T08:59:00Z");
    }
    SECTION("toJson: the staff PIN lockout and the store's integrity") {
        auto r = sampleReport();
        CHECK(json::parse(lc::health::toJson(r))["integrity_ok"].is_null());
        CHECK(json::parse(lc::health::toJson(r))["pin_locked_until"].is_null());
        r.sync.pinLockedUntil = *lc::parseInstant("2026-12-01T09:20:00Z");
        r.sync.pinLockouts = 3;
        r.sync.integrityOk = false;
        const json j = json::parse(lc::health::toJson(r));
        CHECK(j["pin_locked_until"] == "2026-12-01T09:20:00Z");
        CHECK(j["pin_lockouts"] == 3);
        CHECK(j["integrity_ok"] == false);
    }
    SECTION("writeHealthFile: replaces the file whole, leaves no temp file, readable by others") {
        TempDir dir;
        auto r = sampleReport();
        REQUIRE(lc::health::writeHealthFile(dir.path.string(), r));
        r.pid = 7;
        REQUIRE(lc::health::writeHealthFile(dir.path.string(), r));
        CHECK(json::parse(readFile(dir.path / "lc-display.json"))["pid"] == 7);
        int files = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++files;
        CHECK(files == 1);
        const auto perms = fs::status(dir.path / "lc-display.json").permissions();
        CHECK((perms & fs::perms::others_read) != fs::perms::none);
        CHECK((perms & fs::perms::others_write) == fs::perms::none);
    }
    SECTION("writeHealthFile errors") {
        auto r = sampleReport();
        auto missing = lc::health::writeHealthFile("/nonexistent/lc-ops", r);
        REQUIRE_FALSE(missing);
        CHECK(missing.error().id == "[health.write.1]");
        CHECK(missing.error().code == lc::ErrorCode::Io);
        r.program = "../evil";
        auto bad = lc::health::writeHealthFile("/tmp", r);
        REQUIRE_FALSE(bad);
        CHECK(bad.error().id == "[health.write.3]");
    }
    SECTION("runDir: LC_RUN_DIR, else /run/learning-circles") {
        ::setenv("LC_RUN_DIR", "/tmp/x", 1);
        CHECK(lc::health::runDir() == "/tmp/x");
        ::setenv("LC_RUN_DIR", "", 1);
        CHECK(lc::health::runDir() == "/run/learning-circles");
        ::unsetenv("LC_RUN_DIR");
        CHECK(lc::health::runDir() == "/run/learning-circles");
    }
    SECTION("watchdogInterval: WATCHDOG_PID unset, ours or our parent's (cage)") {
        CHECK(watchdogInterval("1000000", nullptr, 100, 99) == std::chrono::microseconds(1000000));
        CHECK(watchdogInterval("1000000", "", 100, 99) == std::chrono::microseconds(1000000));
        CHECK(watchdogInterval("30000000", "100", 100, 99) == std::chrono::microseconds(30000000));
        CHECK(watchdogInterval("30000000", "99", 100, 99) == std::chrono::microseconds(30000000));
    }
    SECTION("watchdogInterval: off for another process, or a bad or missing interval") {
        CHECK_FALSE(watchdogInterval("1000000", "1", 100, 99));
        CHECK_FALSE(watchdogInterval("1000000", "abc", 100, 99));
        CHECK_FALSE(watchdogInterval(nullptr, nullptr, 100, 99));
        CHECK_FALSE(watchdogInterval("", "100", 100, 99));
        CHECK_FALSE(watchdogInterval("0", "100", 100, 99));
        CHECK_FALSE(watchdogInterval("-5", "100", 100, 99));
        CHECK_FALSE(watchdogInterval("10s", "100", 100, 99));
    }
}
