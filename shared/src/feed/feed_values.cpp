#include "feed_values.hpp"

#include <charconv>
#include <cmath>

#include <lc/core/clock.hpp>
#include <lc/core/text.hpp>
#include <lc/feed/feed_parser.hpp>

namespace lc::feed {

namespace {

bool readFixedDigits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

}  // namespace

bool isHttpUrl(std::string_view url) {
    std::size_t rest = 0;
    if (startsWithNoCase(url, "https://")) {
        rest = 8;
    } else if (startsWithNoCase(url, "http://")) {
        rest = 7;
    } else {
        return false;
    }
    if (url.size() <= rest || url[rest] == '/') return false;  // no host
    for (const char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f) return false;
    }
    return true;
}

namespace detail {

std::optional<Date> parseDate(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!readFixedDigits(s, 0, 4, y) || !readFixedDigits(s, 5, 2, m) || !readFixedDigits(s, 8, 2, d))
        return std::nullopt;
    const Date date{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::optional<TimeOfDay> parseTimeOfDay(std::string_view s) {
    int h = 0, m = 0, sec = 0;
    if ((s.size() != 5 && s.size() != 8) || s[2] != ':') return std::nullopt;
    if (!readFixedDigits(s, 0, 2, h) || !readFixedDigits(s, 3, 2, m)) return std::nullopt;
    if (s.size() == 8 && (s[5] != ':' || !readFixedDigits(s, 6, 2, sec))) return std::nullopt;
    if (h > 23 || m > 59 || sec > 59) return std::nullopt;
    // Seconds are dropped: meeting times are whole minutes upstream.
    return TimeOfDay{h * 60 + m};
}

std::optional<int> parseUtcOffsetMinutes(std::string_view s) {
    if (!parseInstant(s)) return std::nullopt;  // validates the whole shape first
    if (s.back() == 'Z' || s.back() == 'z') return 0;
    const std::size_t sign = s.find_last_of("+-");
    if (sign == std::string_view::npos || sign < 11) return std::nullopt;  // past "YYYY-MM-DDT"
    const std::string_view off = s.substr(sign + 1);
    int h = 0, m = 0;
    if (!readFixedDigits(off, 0, 2, h)) return std::nullopt;
    const std::size_t mpos = (off.size() > 2 && off[2] == ':') ? 3 : 2;
    if (!readFixedDigits(off, mpos, 2, m)) return std::nullopt;
    const int minutes = h * 60 + m;
    return s[sign] == '-' ? -minutes : minutes;
}

std::optional<double> parseCoordinate(std::string_view s, double maxAbs) {
    if (s.empty() || s.size() > 32) return std::nullopt;
    double v = 0;
    const char* first = s.data();
    if (*first == '+') ++first;  // from_chars refuses a leading '+'
    const auto [end, ec] = std::from_chars(first, s.data() + s.size(), v, std::chars_format::fixed);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    if (!std::isfinite(v) || std::fabs(v) > maxAbs) return std::nullopt;
    return v;
}

std::string cleanText(std::string_view s, std::size_t maxChars) {
    // Repair before cutting: truncateChars needs valid UTF-8. Controls (ESC, BEL...) never
    // reach a terminal or a screen.
    if (text::isValidUtf8(s) && s.find('\0') == std::string_view::npos)
        return text::truncateChars(text::stripControls(s), maxChars);
    return text::truncateChars(text::stripControls(text::repairUtf8(s)), maxChars);
}

std::string cleanUrl(std::string_view s) {
    std::string url = cleanText(s, FeedLimits::kUrl + 1);
    if (text::codepointCount(url) > FeedLimits::kUrl || !isHttpUrl(url)) return {};
    return url;
}

}  // namespace detail
}  // namespace lc::feed
