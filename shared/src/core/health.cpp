#include <lc/core/health.hpp>

#include <charconv>
#include <cstdlib>
#include <string_view>


#include <nlohmann/json.hpp>

namespace lc::health {
namespace {

using nlohmann::json;

json instantOrNull(const std::optional<Instant>& t) {
    return t ? json(formatInstantUtc(*t)) : json(nullptr);
}

template <class T>
std::optional<T> parseInteger(const char* text) {
    if (!text || !*text) return std::nullopt;
    const std::string_view s(text);
    T v{};
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

std::string toJson(const HealthReport& r) {
    json feedAge = nullptr;
    if (r.sync.feedFetchedAt) feedAge = std::max<long long>(0, (r.appNow - *r.sync.feedFetchedAt).count());
    const json out{{"program", r.program},
                   {"pid", r.pid},
                   {"version", r.version},
                   {"started_at", formatInstantUtc(r.startedAt)},
                   {"updated_at", formatInstantUtc(r.updatedAt)},
                   {"db", r.sync.db.empty() ? json(nullptr) : json(r.sync.db)},
                   {"feed_age_s", feedAge},
                   {"last_sync_ok", r.sync.lastSyncOk ? json(*r.sync.lastSyncOk) : json(nullptr)},
                   {"last_sync_attempt", instantOrNull(r.sync.lastSyncAttempt)},
                   {"pin_locked_until", instantOrNull(r.sync.pinLockedUntil)},
                   {"pin_lockouts", r.sync.pinLockouts},
                   {"integrity_ok", r.sync.integrityOk ? json(*r.sync.integrityOk) : json(nullptr)}};
    return out.dump(2) + "\n";
}

std::optional<std::chrono::microseconds> watchdogInterval(const char* usec, const char* watchdogPid,
                                                          pid_t self, pid_t parent) {
    const auto us = parseInteger<long long>(usec);
    if (!us || *us <= 0) return std::nullopt;
    if (watchdogPid && *watchdogPid) {
        const auto pid = parseInteger<long long>(watchdogPid);
        if (!pid || *pid <= 0 || (*pid != self && *pid != parent)) return std::nullopt;
    }
    return std::chrono::microseconds(*us);
}

}  // namespace lc::health
