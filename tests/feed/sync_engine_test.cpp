// The feed pull against the loopback P2PU server: paging, unchanged feeds, and the fault table
// (every fault → no crash, the previous snapshot whole, the error recorded in the sync state).

#include <catch2/catch.hpp>

#include <lc/feed/curl_transport.hpp>
#include <lc/feed/sync_engine.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/sync_state_repository.hpp>

#include "network_test_support.hpp"
#include "p2pu_test_server.hpp"

using namespace std::chrono_literals;
using lc::feed::PullOptions;
using nlohmann::json;

namespace {

struct Fixture {
    lc::feed::CurlGlobal curl;
    lc::testing::TempStore store;
    lc::FixedClock clock{lc::testing::sampleNow()};
    lc::feed::UniformRandom random = [] { return 0.5; };
    lc::Config cfg;
    lc::feed::CurlTransport http;

    lc::Result<lc::feed::PullResult> pull(const std::string& url, lc::feed::HttpTransport* via = nullptr) {
        PullOptions o;
        o.feedUrl = url;
        return lc::feed::pullFeed(via ? *via : http, store.db(), cfg, clock, random, o);
    }
    lc::store::SyncState state() { return lc::store::SyncStateRepository(store.db()).get().value(); }
    std::vector<lc::Circle> circles() { return lc::store::CircleRepository(store.db()).all().value(); }
    lc::Instant fetchedAt() {
        return lc::store::CircleRepository(store.db()).snapshot().value().value().fetchedAt;
    }
};

}  // namespace

TEST_CASE("SyncEngine", "[feed]") {
    Fixture f;

    SECTION("a full sync lands every circle and schedules the next after max-age") {
        lc::testing::P2puTestServer server;
        auto r = f.pull(server.feedUrl("?scope=active"));
        REQUIRE(r);
        CHECK_FALSE(r->notModified);
        CHECK(r->circles == 13);
        CHECK(r->requests == 1);
        CHECK(f.circles().size() == 13);
        auto s = f.state();
        CHECK(s.lastSuccess == f.clock.now());
        CHECK(s.lastError.empty());
        CHECK(s.nextDueAt == f.clock.now() + 990s);  // max-age 900 stretched by 0.5 × 20 %
        CHECK_FALSE(s.feedHash.empty());
        auto seen = server.received("/api/learningcircles/");
        CHECK(seen[0]["query"] == json({{"scope", "active"}, {"limit", "100"}, {"offset", "0"}}));
    }

    SECTION("paging across 3 pages keeps the URL's filters and its limit") {
        lc::testing::P2puTestServer server;
        auto r = f.pull(server.feedUrl("?scope=active&limit=5"));
        REQUIRE(r);
        CHECK(r->circles == 13);
        CHECK(r->requests == 3);
        auto seen = server.received("/api/learningcircles/");
        REQUIRE(seen.size() == 3);
        for (int i = 0; i < 3; ++i) {
            CHECK(seen[i]["query"]["limit"] == "5");
            CHECK(seen[i]["query"]["scope"] == "active");
            CHECK(seen[i]["query"]["offset"] == std::to_string(i * 5));
        }
    }

    SECTION("an unchanged feed without validators is not re-ingested (page hash)") {
        lc::testing::P2puTestServer server;
        REQUIRE(f.pull(server.feedUrl("?scope=active&limit=5")));
        const auto first = f.fetchedAt();
        f.clock.advance(1h);
        auto r = f.pull(server.feedUrl("?scope=active&limit=5"));
        REQUIRE(r);
        CHECK(r->notModified);
        CHECK(r->circles == 13);
        CHECK(r->requests == 3);
        CHECK(f.fetchedAt() == first);  // the snapshot was not rewritten
        CHECK(f.state().lastSuccess == f.clock.now());
        for (const auto& req : server.received("/api/learningcircles/"))
            CHECK_FALSE(req["headers"].contains("if-none-match"));
    }

    SECTION("an unchanged feed with validators: conditional GET, 304, no body") {
        lc::testing::P2puServerOptions o;
        o.validators = true;
        lc::testing::P2puTestServer server(o);
        REQUIRE(f.pull(server.feedUrl("?scope=active&limit=5")));
        const auto first = f.fetchedAt();
        f.clock.advance(1h);
        auto r = f.pull(server.feedUrl("?scope=active&limit=5"));
        REQUIRE(r);
        CHECK(r->notModified);
        CHECK(r->bytes == 0);
        CHECK(r->requests == 3);
        CHECK(f.fetchedAt() == first);
        auto seen = server.received("/api/learningcircles/");
        REQUIRE(seen.size() == 6);
        for (int i = 3; i < 6; ++i) {
            CHECK(seen[i]["outcome"] == "304");
            CHECK(seen[i]["headers"].contains("if-none-match"));
            CHECK(seen[i]["headers"].contains("if-modified-since"));
        }
    }

    SECTION("a changed feed is re-ingested, with and without validators") {
        for (bool validators : {false, true}) {
            INFO("validators " << validators);
            lc::testing::P2puServerOptions o;
            o.validators = validators;
            lc::testing::P2puTestServer server(o);
            REQUIRE(f.pull(server.feedUrl("?scope=active&limit=5")));
            json items = lc::testing::sampleItems();
            items.erase(items.begin() + 7, items.end());
            server.control("/feed", {{"items", items}});
            auto r = f.pull(server.feedUrl("?scope=active&limit=5"));
            REQUIRE(r);
            CHECK_FALSE(r->notModified);
            CHECK(r->circles == 7);
            CHECK(f.circles().size() == 7);
        }
    }

    SECTION("a feed file is ingested without HTTP") {
        auto r = f.pull(LC_TEST_DATA_DIR "/p2pu-learningcircles-sample.json");
        REQUIRE(r);
        CHECK(r->circles == 13);
        CHECK(r->requests == 0);
    }
}

TEST_CASE("SyncEngine faults", "[feed]") {
    Fixture f;
    lc::testing::P2puTestServer server;
    const std::string url = server.feedUrl("?scope=active&limit=5");
    REQUIRE(f.pull(url));
    const auto first = f.fetchedAt();
    f.clock.advance(1h);

    auto expectKept = [&](const lc::Result<lc::feed::PullResult>& r, const std::string& id) {
        REQUIRE_FALSE(r);
        CHECK(r.error().id == id);
        CHECK(f.circles().size() == 13);
        CHECK(f.fetchedAt() == first);
        auto s = f.state();
        CHECK(s.lastAttempt == f.clock.now());
        CHECK(s.lastError.rfind(id, 0) == 0);
        CHECK(s.consecutiveFailures >= 1);
        REQUIRE(s.nextDueAt.has_value());
        CHECK(*s.nextDueAt >= f.clock.now());
        CHECK(*s.nextDueAt <= f.clock.now() + 1h);
    };

    SECTION("every fault mode keeps the previous snapshot whole and records the error") {
        const std::vector<std::pair<json, std::string>> table = {
            {{{"mode", "http500"}}, "[feed.sync.1]"},
            {{{"mode", "http404"}}, "[feed.sync.1]"},
            {{{"mode", "html_error"}}, "[feed.sync.1]"},
            {{{"mode", "random_fail"}, {"percent", 100}, {"seed", 1}}, "[feed.sync.1]"},
            {{{"mode", "captive_portal"}}, "[feed.parse.2]"},
            {{{"mode", "invalid_json"}}, "[feed.parse.2]"},
            {{{"mode", "wrong_types"}}, "[feed.parse.5]"},
            {{{"mode", "status_error"}}, "[feed.parse.4]"},
            {{{"mode", "count_mismatch"}}, "[feed.sync.3]"},
            {{{"mode", "truncated"}}, "[feed.net.6]"},
            {{{"mode", "drop"}}, "[feed.net.6]"},
            {{{"mode", "oversized"}, {"bytes", 21 * 1024 * 1024}}, "[feed.net.4]"},
            {{{"mode", "redirect_loop"}}, "[feed.net.5]"},
            {{{"mode", "http500"}, {"after", 1}}, "[feed.sync.1]"},      // page 2 of 3 fails
            {{{"mode", "captive_portal"}, {"after", 2}}, "[feed.parse.2]"},  // page 3 of 3
        };
        for (const auto& [spec, id] : table) {
            INFO("fault " << spec.dump());
            server.fault(spec);
            expectKept(f.pull(url), id);
            server.fault({{"mode", "normal"}});
        }
        CHECK(f.state().consecutiveFailures == static_cast<int>(table.size()));
        f.clock.advance(1h);
        auto healed = f.pull(url);  // the same feed again: nothing to re-ingest
        REQUIRE(healed);
        CHECK(healed->notModified);
        CHECK(f.state().consecutiveFailures == 0);
        CHECK(f.state().lastError.empty());
    }

    SECTION("connection refused") {
        server.stop();
        expectKept(f.pull(url), "[feed.net.1]");
        server.start();
    }

    SECTION("timeouts (delay, slowloris) as the transport reports them") {
        lc::testing::FailingTransport timingOut({lc::ErrorCode::Network, "[feed.net.2]", "timed out"});
        expectKept(f.pull(url, &timingOut), "[feed.net.2]");
    }

    SECTION("503 with Retry-After postpones the next sync") {
        server.fault({{"mode", "http503"}, {"retry_after", 1800}});
        expectKept(f.pull(url), "[feed.sync.1]");
        auto s = f.state();
        CHECK(s.retryAfter == f.clock.now() + 1800s);
        CHECK(*s.nextDueAt == f.clock.now() + 1800s);
    }
}
