#pragma once
// Time is injected: whatever asks "what time is it" takes a Clock, so tests and screenshots run
// at a fixed instant (shared/README.md).

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

#include <lc/core/result.hpp>

namespace lc {

/// An instant in UTC, to the second.
using Instant = std::chrono::sys_seconds;

/// The source of "now". Thread-safety: implementations are safe to call from any thread.
class Clock {
public:
    virtual ~Clock() = default;
    /// The current instant.
    virtual Instant now() const = 0;
};

/// The real wall clock.
class SystemClock final : public Clock {
public:
    Instant now() const override;
};

/// A clock that moves only when told to (`--now`, tests, `advance` in scripts).
/// Thread-safety: now(), set() and advance() may be called from any thread.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Instant start) : m_now(start.time_since_epoch().count()) {}
    Instant now() const override { return Instant{std::chrono::seconds{m_now.load()}}; }
    /// Jump to an instant.
    void set(Instant t) { m_now.store(t.time_since_epoch().count()); }
    /// Move forward (or back, with a negative duration).
    void advance(std::chrono::seconds d) { m_now.fetch_add(d.count()); }

private:
    std::atomic<long long> m_now;
};

/// Parses an ISO-8601 instant: "2026-11-30T12:00:00Z", "2026-12-01T17:45:00-06:00",
/// "2026-12-01T17:45:00+0100" or with fractional seconds (dropped). A date alone is refused.
Result<Instant> parseInstant(std::string_view text);

/// "2026-11-30T12:00:00Z".
std::string formatInstantUtc(Instant t);

/// Whether a clock reading can be trusted: not before a floor fixed in the code (a box without a
/// real-time clock boots in 1970 or at its image's build date).
bool clockPlausible(Instant now);

}  // namespace lc
