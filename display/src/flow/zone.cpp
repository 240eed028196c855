#include "flow/zone.hpp"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include <date/tz.h>

namespace lc::display {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::minutes;
using std::chrono::sys_days;

Result<Zone> Zone::find(std::string_view name) {
    try {
        const auto* tz = date::locate_zone(std::string(name));
        return Zone(tz, std::string(name));
    } catch (const std::exception&) {
        return fail(ErrorCode::InvalidInput, "[display.zone.1]",
                    "unknown time zone '" + std::string(name.substr(0, 64)) + "'");
    }
}

Zone Zone::utc() { return Zone(date::locate_zone("Etc/UTC"), "UTC"); }

LocalTime Zone::local(Instant t) const {
    const auto info = m_tz->get_info(t);
    const auto wall = t + info.offset;
    const auto day = floor<days>(wall);
    LocalTime out;
    out.date = Date{day};
    out.minutes = floor<minutes>(wall - day);
    out.isoWeekday = std::chrono::weekday{day}.iso_encoding();
    out.offsetMinutes = static_cast<int>(info.offset.count() / 60);
    return out;
}

Instant Zone::instant(Date d, TimeOfDay tod) const {
    const auto wall = sys_days{d} + tod;
    const date::local_seconds lt{std::chrono::seconds{wall.time_since_epoch()}};
    const auto info = m_tz->get_info(lt);
    if (info.result == date::local_info::nonexistent) {
        // The wall clock skips this time: the gap ends at the second transition's begin.
        return Instant{info.second.begin};
    }
    return m_tz->to_sys(lt, date::choose::earliest);
}

Instant Zone::nextMidnight(Instant t) const {
    const auto lt = local(t);
    return instant(Date{sys_days{lt.date} + days{1}}, TimeOfDay{0});
}

std::string formatHhMm(TimeOfDay t) {
    const long m = ((t.count() % 1440) + 1440) % 1440;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02ld:%02ld", m / 60, m % 60);
    return buf;
}

std::string formatIsoDate(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                  unsigned(d.day()));
    return buf;
}

std::string formatIsoLocal(Instant t, int offsetMinutes) {
    const auto wall = t + minutes{offsetMinutes};
    const auto day = floor<days>(wall);
    const std::chrono::hh_mm_ss hms{wall - day};
    const int off = std::abs(offsetMinutes);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d",
                  formatIsoDate(Date{day}).c_str(), int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()),
                  offsetMinutes < 0 ? '-' : '+', off / 60, off % 60);
    return buf;
}

}  // namespace lc::display
