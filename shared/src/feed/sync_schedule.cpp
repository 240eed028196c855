#include <lc/feed/sync_schedule.hpp>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <iomanip>
#include <locale>
#include <memory>
#include <random>
#include <sstream>
#include <string>

namespace lc::feed {

using std::chrono::seconds;

namespace {

double clamp01(double u) { return std::clamp(u, 0.0, 0.999999999); }

std::optional<long long> parseDigits(std::string_view s) {
    if (s.empty() || s.size() > 12) return std::nullopt;
    long long v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::string_view trimView(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

UniformRandom seededRandom(unsigned long long seed) {
    auto engine = std::make_shared<std::mt19937_64>(seed);
    return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

UniformRandom systemRandom() {
    std::random_device device;
    return seededRandom((static_cast<unsigned long long>(device()) << 32) ^ device());
}

SyncPolicy SyncPolicy::fromConfig(const FeedConfig& feed) {
    SyncPolicy p;
    p.interval = std::chrono::minutes(std::max(1, feed.refreshMinutes));
    return p;
}

seconds backoffDelay(int failures, seconds base, seconds cap, const UniformRandom& random) {
    const int n = std::clamp(failures, 1, 31);
    long long ceiling = std::max<long long>(1, base.count());
    for (int i = 1; i < n && ceiling < static_cast<long long>(cap.count()); ++i) ceiling *= 2;
    ceiling = std::min<long long>(ceiling, cap.count());
    return seconds(static_cast<long long>(clamp01(random()) * static_cast<double>(ceiling + 1)));
}

std::optional<seconds> parseMaxAge(std::string_view cacheControl) {
    std::optional<seconds> result;
    while (!cacheControl.empty()) {
        const auto comma = cacheControl.find(',');
        std::string directive(trimView(cacheControl.substr(0, comma)));
        cacheControl = comma == std::string_view::npos ? std::string_view{} : cacheControl.substr(comma + 1);
        std::transform(directive.begin(), directive.end(), directive.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (directive == "no-store" || directive == "no-cache") return seconds(0);
        if (directive.rfind("max-age=", 0) == 0) {
            std::string_view v(directive);
            v.remove_prefix(8);
            if (!v.empty() && v.front() == '"' && v.back() == '"' && v.size() >= 2) v = v.substr(1, v.size() - 2);
            if (auto n = parseDigits(v)) result = seconds(*n);
            else return std::nullopt;
        }
    }
    return result;
}

std::optional<Instant> parseRetryAfter(std::string_view value, Instant now) {
    value = trimView(value);
    if (auto n = parseDigits(value)) return now + seconds(*n);
    std::tm tm{};
    std::istringstream in{std::string(value)};
    in.imbue(std::locale::classic());
    in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S");
    if (in.fail()) return std::nullopt;
    std::string zone;
    in >> zone;
    if (zone != "GMT" && zone != "UTC") return std::nullopt;
    return Instant{seconds(timegm(&tm))};
}

Instant nextDueAfterSuccess(Instant now, std::optional<seconds> maxAge, const SyncPolicy& policy,
                            const UniformRandom& random) {
    seconds wait = policy.interval;
    if (maxAge) wait = std::max(wait, std::min(*maxAge, policy.maxAgeCap));
    const double stretch = 1.0 + policy.intervalJitter * clamp01(random());
    return now + seconds(static_cast<long long>(static_cast<double>(wait.count()) * stretch));
}

Instant nextDueAfterFailure(Instant now, int consecutiveFailures, std::optional<Instant> retryAfter,
                            const SyncPolicy& policy, const UniformRandom& random) {
    Instant due = now + std::max(policy.minRetry,
                                 backoffDelay(consecutiveFailures, policy.backoffBase, policy.backoffCap, random));
    if (retryAfter) due = std::max(due, std::min(*retryAfter, now + policy.maxAgeCap));
    return due;
}

bool isSyncDue(const store::SyncState& state, Instant now, const SyncPolicy& policy) {
    if (!state.lastAttempt) return true;
    if (now < *state.lastAttempt) return true;  // the clock moved back: don't wait for a lost future
    const seconds longest = std::max({policy.interval * 2, policy.backoffCap * 2, policy.maxAgeCap});
    if (state.retryAfter && now < *state.retryAfter && *state.retryAfter - now <= longest) return false;
    if (!state.nextDueAt) return true;
    if (*state.nextDueAt - now > longest) return true;  // written by a clock that was wrong
    return now >= *state.nextDueAt;
}

}  // namespace lc::feed
