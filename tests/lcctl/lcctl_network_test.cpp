// `lcctl sync` over HTTP against the loopback P2PU test server (issue #3's acceptance lines).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../feed/p2pu_test_server.hpp"
#include "lcctl_runner.hpp"

using namespace lc::testing;
using nlohmann::json;

TEST_CASE("lcctl sync over HTTP", "[lcctl][network]") {
    TempDir dir;
    P2puTestServer server;
    const std::string feed = quote(server.feedUrl("?scope=active"));

    auto first = lcctl(dir, "--json sync --feed " + feed);
    REQUIRE(first.status == 0);
    CHECK(json::parse(first.out)["circles"] == 13);
    CHECK(json::parse(first.out)["not_modified"] == false);

    SECTION("an unchanged feed is not ingested again") {
        auto again = lcctl(dir, "--json sync --feed " + feed);
        CHECK(again.status == 0);
        CHECK(json::parse(again.out)["not_modified"] == true);
    }
    SECTION("a stopped server: exit 2, the error in status, the circles kept") {
        server.stop();
        auto offline = lcctl(dir, "sync --feed " + feed, "2026-11-30T12:20:00Z");
        CHECK(offline.status == 2);
        const json status = json::parse(lcctl(dir, "status --json", "2026-11-30T12:20:00Z").out);
        CHECK(status["last_sync_ok"] == false);
        CHECK_THAT(status["last_error"].get<std::string>(), Catch::Contains("[feed.net.1]"));
        CHECK(json::parse(lcctl(dir, "circles --json").out).size() == 13);
    }
    SECTION("signups made offline arrive once the server is back; mobile-only ones never") {
        server.stop();
        REQUIRE(lcctl(dir, "signup --circle 3101 --name 'Ana Ruiz' --email ana@example.org " +
                               std::string(kAnswers)).status == 0);
        REQUIRE(lcctl(dir, "signup --circle 3103 --name 'José Pérez' --email jose@example.org " +
                               std::string(kAnswers)).status == 0);
        std::ofstream(dir.path / "config.json") << R"({"signup": {"allow_mobile_only": true}})";
        const std::string config = "--config " + quote((dir.path / "config.json").string()) + " ";
        REQUIRE(lcctl(dir, config + "signup --circle 3103 --name 'Wanjiru K' --mobile '(312) 555-0123' " +
                               std::string(kAnswers)).status == 0);
        CHECK(lcctl(dir, "sync --feed " + feed, "2026-11-30T12:20:00Z").status == 2);
        CHECK(json::parse(lcctl(dir, "status --json").out)["outbox_pending"] == 2);

        server.start();
        auto back = lcctl(dir, "--json sync --feed " + feed, "2026-11-30T13:30:00Z");
        CHECK(back.status == 0);
        CHECK(json::parse(back.out)["pushed"] == 2);
        const json signups = server.received("/api/signup/");
        REQUIRE(signups.size() == 2);
        CHECK(signups.dump().find("Wanjiru") == std::string::npos);
        // A third pass sends nothing again.
        CHECK(json::parse(lcctl(dir, "--json sync --feed " + feed, "2026-11-30T14:00:00Z").out)["pushed"] == 0);
        CHECK(server.received("/api/signup/").size() == 2);
    }
}

TEST_CASE("lcctl outbox: a signup that keeps failing waits for staff, and staff retries it", "[lcctl][network]") {
    TempDir dir;
    P2puTestServer server;
    const std::string feed = quote(server.feedUrl("?scope=active"));
    REQUIRE(lcctl(dir, "sync --feed " + feed).status == 0);
    server.control("", {{"fail_emails", {"stuck@example.org"}}});
    REQUIRE(lcctl(dir, "signup --circle 3101 --name 'Sam Stuck' --email stuck@example.org " +
                           std::string(kAnswers)).status == 0);
    REQUIRE(lcctl(dir, "signup --circle 3101 --name 'Ana Ruiz' --email ana@example.org " +
                           std::string(kAnswers)).status == 0);

    // First pass: the stuck one fails (and is retried later), the one behind it is delivered.
    CHECK(lcctl(dir, "sync --feed " + feed, "2026-11-30T12:05:00Z").status == 2);
    CHECK(server.received("/api/signup/").size() == 2);
    // 73 hours after its first failure it is handed to staff.
    CHECK(lcctl(dir, "sync --feed " + feed, "2026-12-03T13:10:00Z").status == 2);
    const json listed = json::parse(lcctl(dir, "--json outbox", "2026-12-03T13:10:00Z").out);
    REQUIRE(listed["needs_staff"].size() == 1);
    CHECK(listed["needs_staff"][0].dump().find("stuck@") == std::string::npos);  // no personal data
    CHECK(json::parse(lcctl(dir, "status --json").out)["outbox_needs_staff"] == 1);

    // Staff fix the cause and retry: it is delivered.
    server.control("", {{"fail_emails", json::array()}});
    CHECK(lcctl(dir, "outbox --retry-all", "2026-12-03T13:20:00Z").status == 0);
    CHECK(lcctl(dir, "sync --feed " + feed, "2026-12-03T13:21:00Z").status == 0);
    const json after = json::parse(lcctl(dir, "status --json", "2026-12-03T13:21:00Z").out);
    CHECK(after["outbox_needs_staff"] == 0);
    CHECK(after["outbox_pending"] == 0);
}
