#include <lc/core/health.hpp>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/stat.h>
#include <unistd.h>

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

bool writeAll(int fd, const std::string& text) {
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
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
                   {"last_sync_attempt", instantOrNull(r.sync.lastSyncAttempt)}};
    return out.dump(2) + "\n";
}

std::string runDir() {
    const char* env = std::getenv("LC_RUN_DIR");
    return env && *env ? env : "/run/learning-circles";
}

Result<void> writeHealthFile(const std::string& dir, const HealthReport& report) {
    if (report.program.empty() || report.program.find('/') != std::string::npos || report.program[0] == '.')
        return fail(ErrorCode::InvalidInput, "[health.write.3]", "bad program name '" + report.program + "'");
    const std::string path = dir + "/" + report.program + ".json";
    std::string temp = dir + "/." + report.program + ".json.XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        return fail(ErrorCode::Io, "[health.write.1]", "cannot write in " + dir + ": " + std::strerror(errno));
    // Readable by an admin running `lcctl status` (mkstemp makes 0600); it holds no personal data.
    const bool ok = ::fchmod(fd, 0644) == 0 && writeAll(fd, toJson(report));
    ::close(fd);
    if (!ok) {
        ::unlink(temp.c_str());
        return fail(ErrorCode::Io, "[health.write.1]", "cannot write " + temp);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temp.c_str());
        return fail(ErrorCode::Io, "[health.write.2]", "cannot rename to " + path + ": " + why);
    }
    return {};
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
