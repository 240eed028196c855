// The apps' background sync thread: a first pass when due, a forced pass when woken, clean stop.

#include <catch2/catch.hpp>

#include <condition_variable>
#include <mutex>
#include <vector>

#include <lc/feed/sync_worker.hpp>
#include <lc/store/signup_repository.hpp>

#include "network_test_support.hpp"
#include "p2pu_test_server.hpp"

TEST_CASE("SyncWorker", "[feed]") {
    lc::feed::CurlGlobal curl;
    lc::testing::P2puTestServer server;
    lc::testing::TempStore store;
    lc::FixedClock clock{lc::testing::sampleNow()};
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<lc::feed::SyncResult> passes;
    auto waitPasses = [&](std::size_t n) {  // bounded: the worker's passes take milliseconds
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, std::chrono::seconds(20), [&] { return passes.size() >= n; });
    };

    lc::feed::SyncOptions options;
    options.feedUrl = server.feedUrl("?scope=active");
    options.push = false;  // installed boxes: the timer pushes
    lc::feed::SyncWorker worker([&] { return lc::store::Database::open(store.path()); }, lc::Config{}, clock,
                                options,
                                [&](const lc::feed::SyncResult& r) {
                                    std::lock_guard lock(mutex);
                                    passes.push_back(r);
                                    cv.notify_all();
                                },
                                std::chrono::hours(1));
    worker.start();
    REQUIRE(waitPasses(1));
    CHECK(passes[0].pulled);
    CHECK(passes[0].circles == 13);

    worker.wakeNow();  // staff's "sync now": asks even though not due
    REQUIRE(waitPasses(2));
    CHECK(passes[1].pulled);
    CHECK(passes[1].notModified);
    CHECK(server.received("/api/signup/").empty());

    // A kiosk's staff "sync now": that pass pushes too, although the worker's passes do not.
    auto addSignup = [&](const std::string& name, const std::string& email) {
        lc::Signup s;
        s.circleId = 3101;
        s.name = name;
        s.email = email;
        s.goals = "Learn with others";
        s.support = "Come every week";
        s.consent = true;
        s.consentVersion = "2026-11-01";
        s.createdAt = s.updatedAt = clock.now();
        s.sendUpstream = true;
        s.source = "kiosk";
        REQUIRE(lc::store::SignupRepository(store.db()).upsert(s));
    };
    addSignup("Ana Lopez", "ana@example.org");
    worker.wakeNow(true);
    REQUIRE(waitPasses(3));
    CHECK(passes[2].pushed == 1);
    addSignup("Ben Okafor", "ben@example.org");
    worker.wakeNow();  // and the next forced pass is back to pull only
    REQUIRE(waitPasses(4));
    worker.stop();
    CHECK(server.received("/api/learningcircles/").size() == 4);
    CHECK(server.received("/api/signup/").size() == 1);
}
