// SyncStateRepository: one row, read and overwritten.
#include <catch2/catch.hpp>

#include <lc/store/sync_state_repository.hpp>

#include "store_test_support.hpp"

using namespace lc;
using namespace lc::store;

TEST_CASE("SyncStateRepository", "[store]") {
    Database db = test::memoryDb();
    SyncStateRepository sync(db);

    SECTION("empty before the first sync") {
        auto s = sync.get();
        REQUIRE(s);
        CHECK_FALSE(s->lastAttempt.has_value());
        CHECK_FALSE(s->lastSuccess.has_value());
        CHECK(s->etag.empty());
        CHECK(s->consecutiveFailures == 0);
    }

    SECTION("put then get round-trips every field, and can clear them again") {
        SyncState s;
        s.lastAttempt = test::at(10);
        s.lastSuccess = test::at(5);
        s.lastError = "timeout";
        s.etag = "\"abc\"";
        s.lastModified = "Tue, 01 Dec 2026 00:00:00 GMT";
        s.feedHash = "deadbeef";
        s.nextDueAt = test::at(900);
        s.consecutiveFailures = 3;
        s.retryAfter = test::at(120);
        REQUIRE(sync.put(s));
        auto got = sync.get();
        REQUIRE(got);
        CHECK(got->lastAttempt == s.lastAttempt);
        CHECK(got->lastSuccess == s.lastSuccess);
        CHECK(got->lastError == "timeout");
        CHECK(got->etag == s.etag);
        CHECK(got->lastModified == s.lastModified);
        CHECK(got->feedHash == "deadbeef");
        CHECK(got->nextDueAt == s.nextDueAt);
        CHECK(got->consecutiveFailures == 3);
        CHECK(got->retryAfter == s.retryAfter);
        REQUIRE(sync.put(SyncState{}));
        CHECK_FALSE(sync.get()->retryAfter.has_value());
    }
}
