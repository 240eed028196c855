#include "flow/opening_hours.hpp"

#include <algorithm>

namespace lc::display {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

// The opening of local day `d`, as instants; nullopt when closed that day.
std::optional<std::pair<Instant, Instant>> openingOn(const DisplayConfig& hours, const Zone& zone,
                                                     Date d) {
    const unsigned wd = std::chrono::weekday{sys_days{d}}.iso_encoding();
    const auto& h = hours.openingHours[wd - 1];
    if (!h || h->close <= h->open) return std::nullopt;
    return std::pair{zone.instant(d, h->open), zone.instant(d, h->close)};
}

// Hours that close every day would black the screen for good: the config means "always open".
bool hoursApply(const DisplayConfig& d) {
    return d.hasOpeningHours && std::any_of(d.openingHours.begin(), d.openingHours.end(),
                                            [](const auto& h) { return h.has_value(); });
}

}  // namespace

bool openAt(const DisplayConfig& hours, const Zone& zone, Instant t) {
    if (!hoursApply(hours)) return true;
    const auto today = zone.local(t).date;
    const auto o = openingOn(hours, zone, today);
    return o && o->first <= t && t < o->second;
}

std::optional<Instant> nextHoursChange(const DisplayConfig& hours, const Zone& zone, Instant t) {
    if (!hoursApply(hours)) return std::nullopt;
    const auto today = sys_days{zone.local(t).date};
    std::optional<Instant> best;
    for (int i = 0; i <= 8 && !best; ++i) {
        const auto o = openingOn(hours, zone, Date{today + days{i}});
        if (!o) continue;
        // An opening that ends where the next day's begins (24:00 then 00:00) is no change.
        for (Instant x : {o->first, o->second}) {
            if (x > t && openAt(hours, zone, x - std::chrono::seconds{1}) != openAt(hours, zone, x)) {
                best = x;
                break;
            }
        }
    }
    return best;
}

}  // namespace lc::display
