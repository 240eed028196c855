// The pure scheduling rules behind `lcctl sync --if-due` and the apps' worker.

#include <catch2/catch.hpp>

#include <lc/feed/sync_schedule.hpp>

using namespace std::chrono_literals;
using lc::Instant;
using lc::feed::SyncPolicy;
using lc::feed::UniformRandom;

namespace {

Instant t0() { return Instant{std::chrono::seconds{1796040000}}; }  // 2026-11-30T12:00:00Z
UniformRandom fixed(double u) { return [u] { return u; }; }

}  // namespace

TEST_CASE("SyncSchedule", "[feed]") {
    const SyncPolicy policy;

    SECTION("full-jitter backoff grows from 1 minute to 1 hour") {
        CHECK(lc::feed::backoffDelay(1, 60s, 3600s, fixed(0.0)) == 0s);
        CHECK(lc::feed::backoffDelay(1, 60s, 3600s, fixed(0.999999)) == 60s);
        CHECK(lc::feed::backoffDelay(2, 60s, 3600s, fixed(0.999999)) == 120s);
        CHECK(lc::feed::backoffDelay(6, 60s, 3600s, fixed(0.999999)) == 1920s);
        CHECK(lc::feed::backoffDelay(7, 60s, 3600s, fixed(0.999999)) == 3600s);
        CHECK(lc::feed::backoffDelay(500, 60s, 3600s, fixed(0.999999)) == 3600s);
        CHECK(lc::feed::backoffDelay(3, 60s, 3600s, fixed(0.5)) == 120s);
        auto rng = lc::feed::seededRandom(7);
        for (int i = 0; i < 100; ++i) {
            auto d = lc::feed::backoffDelay(4, 60s, 3600s, rng);
            CHECK(d >= 0s);
            CHECK(d <= 480s);
        }
    }

    SECTION("Cache-Control max-age") {
        CHECK(lc::feed::parseMaxAge("max-age=900") == 900s);
        CHECK(lc::feed::parseMaxAge("public, MAX-AGE=60") == 60s);
        CHECK(lc::feed::parseMaxAge("no-store") == 0s);
        CHECK_FALSE(lc::feed::parseMaxAge("public").has_value());
        CHECK_FALSE(lc::feed::parseMaxAge("max-age=abc").has_value());
    }

    SECTION("Retry-After: seconds or an HTTP date") {
        CHECK(lc::feed::parseRetryAfter("120", t0()) == t0() + 120s);
        CHECK(lc::feed::parseRetryAfter("Mon, 30 Nov 2026 12:30:00 GMT", t0()) == t0() + 1800s);
        CHECK_FALSE(lc::feed::parseRetryAfter("soon", t0()).has_value());
    }

    SECTION("after a success: max(max-age, interval), stretched by up to 20 %") {
        CHECK(lc::feed::nextDueAfterSuccess(t0(), 900s, policy, fixed(0.0)) == t0() + 900s);
        CHECK(lc::feed::nextDueAfterSuccess(t0(), 900s, policy, fixed(0.5)) == t0() + 990s);
        CHECK(lc::feed::nextDueAfterSuccess(t0(), 7200s, policy, fixed(0.0)) == t0() + 7200s);
        CHECK(lc::feed::nextDueAfterSuccess(t0(), std::nullopt, policy, fixed(0.0)) == t0() + 900s);
        CHECK(lc::feed::nextDueAfterSuccess(t0(), 999999s, policy, fixed(0.0)) == t0() + 24h);
    }

    SECTION("after a failure: backoff, but never before Retry-After") {
        CHECK(lc::feed::nextDueAfterFailure(t0(), 1, std::nullopt, policy, fixed(0.5)) == t0() + 30s);
        CHECK(lc::feed::nextDueAfterFailure(t0(), 1, std::nullopt, policy, fixed(0.0)) == t0() + 30s);
        CHECK(lc::feed::nextDueAfterFailure(t0(), 3, std::nullopt, policy, fixed(0.5)) == t0() + 120s);
        CHECK(lc::feed::nextDueAfterFailure(t0(), 1, t0() + 600s, policy, fixed(0.5)) == t0() + 600s);
    }

    SECTION("--if-due") {
        lc::store::SyncState s;
        CHECK(lc::feed::isSyncDue(s, t0(), policy));  // never synced
        s.lastAttempt = t0();
        s.nextDueAt = t0() + 900s;
        CHECK_FALSE(lc::feed::isSyncDue(s, t0() + 899s, policy));
        CHECK(lc::feed::isSyncDue(s, t0() + 900s, policy));
        s.retryAfter = t0() + 1200s;
        CHECK_FALSE(lc::feed::isSyncDue(s, t0() + 1000s, policy));
        CHECK(lc::feed::isSyncDue(s, t0() + 1200s, policy));
        CHECK(lc::feed::isSyncDue(s, t0() - 3600s, policy));  // the clock moved back
        s.retryAfter.reset();
        s.nextDueAt = t0() + std::chrono::hours(24 * 365);  // written by a wrong clock
        CHECK(lc::feed::isSyncDue(s, t0() + 60s, policy));
    }

    SECTION("policy from config") {
        lc::FeedConfig feed;
        feed.refreshMinutes = 30;
        CHECK(SyncPolicy::fromConfig(feed).interval == 1800s);
    }
}
