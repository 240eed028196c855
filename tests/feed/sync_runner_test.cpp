// runSync, the pass behind `lcctl sync`: pull then push, --if-due, the JSON line and exit codes.

#include <catch2/catch.hpp>

#include <lc/feed/curl_transport.hpp>
#include <lc/feed/sync_runner.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/signup_repository.hpp>
#include <lc/store/sync_state_repository.hpp>

#include "network_test_support.hpp"
#include "p2pu_test_server.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

struct Fixture {
    lc::feed::CurlGlobal curl;
    lc::testing::TempStore store;
    lc::FixedClock clock{lc::testing::sampleNow()};
    lc::feed::CurlTransport http;
    lc::testing::P2puTestServer server;
    lc::Config cfg;
    lc::feed::UniformRandom random = [] { return 0.0; };

    lc::feed::SyncResult run(bool ifDue = false) {
        lc::feed::SyncOptions o;
        o.feedUrl = server.feedUrl("?scope=active");
        o.ifDue = ifDue;
        return lc::feed::runSync(http, store.db(), cfg, clock, random, o);
    }
    void signup(const std::string& email, const std::string& mobile = "") {
        lc::Signup s;
        s.circleId = 3101;
        s.name = "Jordan Lee";
        s.email = email;
        s.mobile = mobile;
        s.goals = "g";
        s.support = "s";
        s.consent = true;
        s.createdAt = s.updatedAt = clock.now();
        s.sendUpstream = !email.empty();
        REQUIRE(lc::store::SignupRepository(store.db()).upsert(s));
    }
    std::size_t feedRequests() { return server.received("/api/learningcircles/").size(); }
};

}  // namespace

TEST_CASE("SyncRunner", "[feed]") {
    Fixture f;

    SECTION("pull then push to /api/signup/ on the feed's origin; a second run is not_modified") {
        f.signup("jordan@example.com");
        f.signup("", "+13125550123");  // mobile-only: stays local
        auto r = f.run();
        CHECK(r.error.empty());
        CHECK(r.pulled);
        CHECK(r.circles == 13);
        CHECK(r.pushed == 1);
        CHECK(r.pending == 0);
        CHECK(lc::feed::syncExitCode(r) == 0);
        CHECK(f.server.received("/api/signup/").size() == 1);
        auto line = json::parse(lc::feed::syncResultJson(r));
        for (const char* key : {"not_modified", "circles", "skipped", "pushed", "rejected", "needs_staff"})
            CHECK(line.contains(key));
        CHECK(line["not_modified"] == false);
        CHECK(line["error"].is_null());

        auto again = f.run();
        CHECK(again.notModified);
        CHECK(again.circles == 13);
        CHECK(json::parse(lc::feed::syncResultJson(again))["not_modified"] == true);
        CHECK(lc::feed::syncExitCode(again) == 0);
    }

    SECTION("a stopped server: offline, exit 2, the old circles kept, the error in the state") {
        REQUIRE(f.run().error.empty());
        f.signup("jordan@example.com");
        f.server.stop();
        f.clock.advance(1h);
        auto r = f.run();
        CHECK(r.offline);
        CHECK(r.error.rfind("[feed.net.1]", 0) == 0);
        CHECK(lc::feed::syncExitCode(r) == 2);
        CHECK(r.pending == 1);
        CHECK(lc::store::CircleRepository(f.store.db()).all()->size() == 13);
        auto state = lc::store::SyncStateRepository(f.store.db()).get();
        CHECK(state->lastError.rfind("[feed.net.1]", 0) == 0);
        f.server.start();
        f.clock.advance(2h);
        auto back = f.run();
        CHECK(back.pushed == 1);
        CHECK(lc::feed::syncExitCode(back) == 0);
    }

    SECTION("a captive portal is an error (exit 1), not a crash") {
        f.server.fault({{"mode", "captive_portal"}, {"path", "/api/learningcircles/"}});
        auto r = f.run();
        CHECK_FALSE(r.offline);
        CHECK(r.error.rfind("[feed.parse.2]", 0) == 0);
        CHECK(lc::feed::syncExitCode(r) == 1);
    }

    SECTION("--if-due honours max-age and backoff; pushing still happens") {
        REQUIRE(f.run(true).pulled);  // never synced: due
        f.signup("jordan@example.com");
        f.clock.advance(10min);
        auto early = f.run(true);
        CHECK_FALSE(early.pulled);
        CHECK(early.pushed == 1);
        CHECK(f.feedRequests() == 1);
        f.clock.advance(6min);  // past max-age (900 s; the test's random adds no stretch)
        CHECK(f.run(true).pulled);
        CHECK(f.feedRequests() == 2);

        f.server.stop();
        f.clock.advance(20min);
        CHECK(f.run(true).offline);
        const auto due = *lc::store::SyncStateRepository(f.store.db()).get()->nextDueAt;
        CHECK(due == f.clock.now() + 30s);  // full jitter drew 0: the 30 s floor
        f.server.start();
        f.clock.advance(29s);
        CHECK_FALSE(f.run(true).pulled);
        f.clock.advance(1s);
        CHECK(f.run(true).pulled);
        CHECK(f.run().notModified);  // by hand: always asks
    }
}

TEST_CASE("SyncRunner afterPass", "[feed]") {
    lc::testing::TempStore store;
    lc::FixedClock clock{lc::testing::sampleNow()};
    lc::feed::CurlTransport http;
    lc::Config cfg;
    int calls = 0;
    lc::feed::SyncOptions o;
    o.feedUrl = "file:///nonexistent/feed.json";  // the pull fails
    o.afterPass = [&](lc::store::Database& db) {
        ++calls;
        CHECK(&db == &store.db());
        return std::string("fleet: [fleet.connect.1] no answer");
    };
    const auto r = lc::feed::runSync(http, store.db(), cfg, clock, [] { return 0.0; }, o);
    CHECK_FALSE(r.error.empty());  // the failed pull did not skip the step after it
    CHECK(calls == 1);
    REQUIRE_FALSE(r.warnings.empty());
    CHECK(r.warnings.back() == "fleet: [fleet.connect.1] no answer");
}
