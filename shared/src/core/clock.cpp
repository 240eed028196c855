#include <lc/core/clock.hpp>

#include <cctype>
#include <cstdio>

namespace lc {
namespace {

// Reads exactly `n` digits at `pos`.
bool readDigits(std::string_view s, std::size_t& pos, int n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (int i = 0; i < n; ++i) {
        const char c = s[pos + i];
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        out = out * 10 + (c - '0');
    }
    pos += n;
    return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
    if (pos >= s.size() || s[pos] != c) return false;
    ++pos;
    return true;
}

}  // namespace

Instant SystemClock::now() const {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

Result<Instant> parseInstant(std::string_view s) {
    const auto bad = [&] {
        return fail(ErrorCode::InvalidInput, "[core.time.1]",
                    "not an ISO-8601 instant with a zone (like 2026-12-01T17:45:00-06:00): '" +
                        std::string(s.substr(0, 64)) + "'");
    };
    std::size_t pos = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!readDigits(s, pos, 4, y) || !expect(s, pos, '-') || !readDigits(s, pos, 2, mo) ||
        !expect(s, pos, '-') || !readDigits(s, pos, 2, d))
        return bad();
    if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return bad();
    ++pos;
    if (!readDigits(s, pos, 2, h) || !expect(s, pos, ':') || !readDigits(s, pos, 2, mi)) return bad();
    if (pos < s.size() && s[pos] == ':' && !(++pos, readDigits(s, pos, 2, sec))) return bad();
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    }
    int offsetMinutes = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        const int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        int oh = 0, om = 0;
        if (!readDigits(s, pos, 2, oh)) return bad();
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (!readDigits(s, pos, 2, om) || oh > 23 || om > 59) return bad();
        offsetMinutes = sign * (oh * 60 + om);
    } else {
        return bad();
    }
    if (pos != s.size()) return bad();
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{unsigned(mo)},
                                          std::chrono::day{unsigned(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return bad();
    const auto local = std::chrono::sys_days{ymd} + std::chrono::hours{h} +
                       std::chrono::minutes{mi} + std::chrono::seconds{sec};
    return Instant{local - std::chrono::minutes{offsetMinutes}};
}

std::string formatInstantUtc(Instant t) {
    const auto days = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{days};
    const std::chrono::hh_mm_ss hms{t - days};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()));
    return buf;
}

bool clockPlausible(Instant now) {
    // The floor: this code did not exist before 2026-11-01, so no clock can rightly read earlier.
    constexpr std::chrono::year_month_day kFloor{std::chrono::year{2026}, std::chrono::November,
                                                 std::chrono::day{1}};
    return now >= Instant{std::chrono::sys_days{kFloor}};
}

}  // namespace lc
