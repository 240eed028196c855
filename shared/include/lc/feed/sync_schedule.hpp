#pragma once
// When to sync: pure functions of the sync state, "now" and an injected random source, so the
// timer's `--if-due` logic and the apps' worker are tested without a wall clock.
//
// After a success the next sync is due after max(max-age, the configured interval), stretched by
// up to +jitter so a fleet of kiosks drifts apart; after failures, full-jitter exponential backoff
// (uniform in [0, min(1 h, 1 min × 2^(n-1))], at least 30 s), never before a server's Retry-After.

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>

#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>
#include <lc/store/sync_state_repository.hpp>

namespace lc::feed {

/// A source of uniform doubles in [0, 1). Injected so tests are deterministic.
using UniformRandom = std::function<double()>;

/// A std::mt19937_64 seeded from std::random_device. Thread-safety: one per thread.
UniformRandom systemRandom();
/// A std::mt19937_64 with a fixed seed (tests, benchmarks).
UniformRandom seededRandom(unsigned long long seed);

/// The scheduling knobs.
struct SyncPolicy {
    std::chrono::seconds interval{15 * 60};     ///< the refresh interval (feed.refresh_minutes)
    double intervalJitter = 0.2;                ///< stretch the wait by up to this fraction
    std::chrono::seconds backoffBase{60};       ///< first backoff ceiling
    std::chrono::seconds backoffCap{60 * 60};   ///< largest backoff ceiling
    std::chrono::seconds minRetry{30};          ///< floor of a jittered backoff (no hammering)
    std::chrono::seconds maxAgeCap{24 * 3600};  ///< a larger max-age (or Retry-After) is clipped

    /// The policy a config's `feed` section asks for.
    static SyncPolicy fromConfig(const FeedConfig& feed);
};

/// Full jitter: uniform in [0, min(cap, base × 2^(failures-1))]; failures < 1 counts as 1.
std::chrono::seconds backoffDelay(int failures, std::chrono::seconds base, std::chrono::seconds cap,
                                  const UniformRandom& random);

/// `max-age` from a Cache-Control value; nullopt when absent or malformed ("no-store" → 0 s).
std::optional<std::chrono::seconds> parseMaxAge(std::string_view cacheControl);

/// Retry-After as an instant: delta-seconds or an IMF-fixdate; nullopt when malformed.
std::optional<Instant> parseRetryAfter(std::string_view value, Instant now);

/// Next due instant after a successful sync.
Instant nextDueAfterSuccess(Instant now, std::optional<std::chrono::seconds> maxAge,
                            const SyncPolicy& policy, const UniformRandom& random);

/// Next due instant after the `consecutiveFailures`-th failure in a row (≥ 1): now + max(minRetry,
/// backoffDelay), or the Retry-After instant when later (clipped to maxAgeCap).
Instant nextDueAfterFailure(Instant now, int consecutiveFailures, std::optional<Instant> retryAfter,
                            const SyncPolicy& policy, const UniformRandom& random);

/// `lcctl sync --if-due`: true when never synced, when due (nextDueAt and retryAfter passed), or
/// when the clock moved back before the last attempt, or the due time is implausibly far away.
bool isSyncDue(const store::SyncState& state, Instant now, const SyncPolicy& policy);

}  // namespace lc::feed
