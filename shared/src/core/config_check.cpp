#include <lc/core/config_check.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include <lc/core/names.hpp>
#include <lc/core/schedule.hpp>
#include <lc/core/text.hpp>

namespace lc {
namespace {

constexpr const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr const char* kDayKeys[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string hhmm(std::chrono::minutes t) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", int(t.count() / 60) % 100, int(t.count() % 60));
    return buf;
}

// Levenshtein distance over bytes of two venue keys (short strings: names of venues).
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// The local weekday (0 = Monday) and minutes of `t` in `zone`, or false when the zone is unknown.
bool localClock(Instant t, const std::string& zone, int& weekday, std::chrono::minutes& minutes) {
    const auto offset = schedule::offsetMinutesAt(zone, t);
    if (!offset) return false;
    const auto local = t + std::chrono::minutes{*offset};
    const auto day = std::chrono::floor<std::chrono::days>(local);
    weekday = int(std::chrono::weekday{day}.iso_encoding()) - 1;
    minutes = std::chrono::floor<std::chrono::minutes>(local - day);
    return true;
}

// The first meeting still to come that is not wholly inside the day's opening hours.
std::optional<ConfigWarning> outsideHours(const Config& cfg, const Circle& c, Instant now) {
    const auto ms = schedule::meetings(c);
    if (!ms) return std::nullopt;
    const std::string zone = cfg.timeZone.empty() ? c.timeZone : cfg.timeZone;
    for (const auto& m : *ms) {
        if (m.end <= now) continue;
        int wd = 0;
        std::chrono::minutes from{}, to{};
        if (!localClock(m.start, zone, wd, from)) return std::nullopt;
        const auto length = std::chrono::duration_cast<std::chrono::minutes>(m.end - m.start);
        to = from + length;
        const auto& hours = cfg.display.openingHours[std::size_t(wd)];
        if (hours && from >= hours->open && to <= hours->close) continue;
        ConfigWarning w{"outside_opening_hours", c.id, c.venue.name, c.venue.city, {}, {}};
        w.message = "circle " + std::to_string(c.id) + " '" + c.name + "' meets " + kDays[wd] + " " +
                    hhmm(from) + "-" + hhmm(to) + ", outside the display's opening hours (" +
                    (hours ? hhmm(hours->open) + "-" + hhmm(hours->close) : std::string("closed")) +
                    "): the screen is dark then; widen display.opening_hours." + kDayKeys[wd];
        return w;
    }
    return std::nullopt;
}

ConfigWarning unmatched(const Config& cfg, const Circle& c) {
    const std::string key = venueKey(c.venue.name);
    const VenueConfig* best = nullptr;
    std::size_t bestD = 0;
    for (const auto& v : cfg.venues) {
        const std::size_t d = distance(key, venueKey(v.name));
        if (!best || d < bestD) best = &v, bestD = d;
    }
    ConfigWarning w{"unmatched_venue", 0, c.venue.name, c.venue.city, best ? best->name : "", {}};
    w.message = "feed venue '" + c.venue.name + "' (" + c.venue.city +
                ") matches no configured venue, so its circles are on no screen; closest configured: '" +
                w.closest + "'";
    return w;
}

}  // namespace

std::string venueKey(std::string_view name) {
    // ASCII (most venue names) needs no ICU: ingest calls this for every circle of the feed.
    const bool ascii = std::all_of(name.begin(), name.end(), [](char ch) { return (unsigned char)ch < 0x80; });
    const std::string folded = ascii ? std::string(name) : names::fold(name);
    std::string key;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        const std::size_t at = pos;
        const char32_t cp = text::nextCodepoint(folded, pos);
        if (cp < 0x80) {
            if (std::isalnum(int(cp))) key += char(std::tolower(int(cp)));  // punctuation, spaces dropped
            continue;
        }
        if (text::isSpace(cp) || (cp >= 0x2010 && cp <= 0x205E) || cp == 0xAB || cp == 0xBB) continue;
        key.append(folded, at, pos - at);
    }
    return key;
}

std::vector<ConfigWarning> configWarnings(const Config& cfg, const std::vector<Circle>& circles, Instant now) {
    std::vector<ConfigWarning> out;
    std::set<std::string> venuesSeen;
    for (const auto& c : circles) {
        if (!servesCircle(cfg, c)) {
            if (!cfg.venues.empty() && venuesSeen.insert(venueKey(c.venue.name) + "\n" + c.venue.city).second)
                out.push_back(unmatched(cfg, c));
            continue;
        }
        if (!cfg.display.hasOpeningHours) continue;
        if (auto w = outsideHours(cfg, c, now)) out.push_back(std::move(*w));
    }
    return out;
}

}  // namespace lc
