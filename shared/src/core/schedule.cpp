// Meeting instants from the feed's dates and times, wall-clock in the venue's IANA zone.
// Dates stay std::chrono calendar types; only the zone arithmetic goes through date/tz. The two
// libraries' duration types differ in rep, so values cross between them by count.
//
// Past 2037: the system's TZif files list transitions up to 2037 and carry the rule for later
// years in a footer (a POSIX TZ string) that date/tz 3.0 ignores, so it would keep the last
// period for ever (2038-06-01 18:00 in Chicago at -06:00). From kTableEnd on, offsets come from
// ICU's time zones instead (libicu, already linked through Boost.Locale), which apply the rule;
// before it, the system's tzdata stays the one source.

#include <lc/core/schedule.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include <memory>
#include <optional>

#include <date/tz.h>
#include <unicode/basictz.h>
#include <unicode/timezone.h>

namespace lc::schedule {
namespace {

constexpr long long kSecondsPerDay = 86400;

/// 2038-01-01T00:00:00Z: from here on, offsets come from ICU (see the top of this file).
constexpr long long kTableEnd = 2145916800;

/// The UTC offset in seconds of the zone called `name` at `secs` (Unix seconds, UTC when
/// `local` is false, wall time when true: an ambiguous or skipped wall time takes the offset from
/// before the transition, as toSys does), from ICU; nullopt when ICU does not know the zone.
std::optional<long long> icuOffset(const std::string& name, long long secs, bool local) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(name)));
    auto* basic = dynamic_cast<icu::BasicTimeZone*>(zone.get());
    if (basic == nullptr || *zone == icu::TimeZone::getUnknown()) {
        return std::nullopt;
    }
    UErrorCode status = U_ZERO_ERROR;
    int32_t raw = 0;
    int32_t dst = 0;
    const UDate ms = static_cast<UDate>(secs) * 1000.0;
    if (local) {
        basic->getOffsetFromLocal(ms, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst, status);
    } else {
        basic->getOffset(ms, false, raw, dst, status);
    }
    if (U_FAILURE(status)) {
        return std::nullopt;
    }
    return (static_cast<long long>(raw) + dst) / 1000;
}

/// The UTC offset in seconds of `tz` at the instant `t`.
long long offsetSeconds(const date::time_zone& tz, Instant t) {
    const long long secs = t.time_since_epoch().count();
    if (secs >= kTableEnd) {
        if (auto icu = icuOffset(tz.name(), secs, false)) {
            return *icu;
        }
    }
    return tz.get_info(t).offset.count();
}

/// The tzdata zone called `name`, or nullptr. date::locate_zone throws when the name is unknown
/// (and get_tzdb when tzdata is missing); callers here want a plain answer.
const date::time_zone* findZone(std::string_view name) {
    if (name.empty() || name.size() > 128) {
        return nullptr;
    }
    try {
        return date::locate_zone(std::string(name));
    } catch (const std::exception&) {
        return nullptr;
    }
}

Unexpected unknownZone(std::string_view zone) {
    return fail(ErrorCode::InvalidInput, "[schedule.zone.1]",
                "unknown time zone '" + std::string(zone.substr(0, 128)) + "'");
}

Unexpected invalidDate(const char* what) {
    return fail(ErrorCode::InvalidInput, "[schedule.date.1]",
                std::string("invalid date: ") + what);
}

/// Days since 1970-01-01 of a calendar date.
long long dayNumber(Date d) { return std::chrono::sys_days(d).time_since_epoch().count(); }

Date dateFromDayNumber(long long n) {
    return Date{std::chrono::sys_days{std::chrono::days{n}}};
}

/// The wall time `day` + `time` in `tz` as an instant (rules in schedule.hpp: localToInstant).
/// local_info::first is, for an ambiguous time, the earlier period (summer time: the earliest
/// instant) and, for a nonexistent one, the period before the gap (02:30 in a 02:00->03:00 gap
/// lands at 03:30 new time, as pytz does). For a unique time it is the only period.
Instant toSys(const date::time_zone& tz, Date day, TimeOfDay time) {
    const long long local = dayNumber(day) * kSecondsPerDay + time.count() * 60LL;
    const date::local_info info = tz.get_info(date::local_seconds{std::chrono::seconds{local}});
    const long long utc = local - info.first.offset.count();
    if (utc >= kTableEnd) {
        if (auto icu = icuOffset(tz.name(), local, true)) {
            return Instant{std::chrono::seconds{local - *icu}};
        }
    }
    return Instant{std::chrono::seconds{utc}};
}

int offsetAt(const date::time_zone& tz, Instant t) {
    return static_cast<int>(offsetSeconds(tz, t) / 60);
}

/// The dates of the circle's meetings, sorted, each with its 1-based index (0 when irregular).
std::vector<std::pair<Date, int>> meetingDates(const Circle& c) {
    std::vector<std::pair<Date, int>> dates;
    if (!isIrregular(c)) {
        const long long first = dayNumber(c.startDate);
        for (int i = 0; i < c.weeks; ++i) {
            dates.emplace_back(dateFromDayNumber(first + 7LL * i), i + 1);
        }
        return dates;
    }
    dates.emplace_back(c.startDate, 0);
    // next_meeting_date comes from an untrusted feed: keep it only where a meeting can be.
    if (c.nextMeetingDate && c.nextMeetingDate->ok() && *c.nextMeetingDate >= c.startDate &&
        *c.nextMeetingDate <= c.lastMeetingDate) {
        dates.emplace_back(*c.nextMeetingDate, 0);
    }
    dates.emplace_back(c.lastMeetingDate, 0);
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

/// One meeting on `day`; it ends the next day when end_time <= meeting_time (past midnight).
Meeting makeMeeting(const date::time_zone& tz, const Circle& c, Date day, int index) {
    Meeting m;
    m.circleId = c.id;
    m.localDate = day;
    m.start = toSys(tz, day, c.meetingTime);
    const TimeOfDay end =
        c.endTime <= c.meetingTime ? c.endTime + std::chrono::hours{24} : c.endTime;
    m.end = toSys(tz, day, end);
    m.offsetMinutes = offsetAt(tz, m.start);
    m.index = index;
    return m;
}

}  // namespace

bool isIrregular(const Circle& c) {
    if (!c.startDate.ok() || !c.lastMeetingDate.ok() || c.weeks < 1 || c.weeks > kMaxWeeks) {
        return true;
    }
    const long long span = dayNumber(c.lastMeetingDate) - dayNumber(c.startDate);
    return span < 0 || span % 7 != 0 || span / 7 + 1 != c.weeks;
}

Result<Instant> localToInstant(Date day, TimeOfDay time, std::string_view zone) {
    if (!day.ok()) {
        return invalidDate("local day");
    }
    const date::time_zone* tz = findZone(zone);
    if (tz == nullptr) {
        return unknownZone(zone);
    }
    return toSys(*tz, day, time);
}

Result<std::vector<Meeting>> meetings(const Circle& c) {
    const date::time_zone* tz = findZone(c.timeZone);
    if (tz == nullptr) {
        return unknownZone(c.timeZone);
    }
    if (!c.startDate.ok() || !c.lastMeetingDate.ok()) {
        return invalidDate("start_date or last_meeting_date");
    }
    std::vector<Meeting> ms;
    for (const auto& [day, index] : meetingDates(c)) {
        ms.push_back(makeMeeting(*tz, c, day, index));
    }
    // Dates are sorted; starts follow them unless a zone's rules jump by a day (Samoa, 2011).
    std::stable_sort(ms.begin(), ms.end(),
                     [](const Meeting& a, const Meeting& b) { return a.start < b.start; });
    return ms;
}

std::optional<Meeting> nextMeetingAfter(const std::vector<Meeting>& ms, Instant t) {
    std::optional<Meeting> best;
    for (const Meeting& m : ms) {
        if (m.start >= t && (!best || m.start < best->start)) {
            best = m;
        }
    }
    return best;
}

Result<Instant> lastMeetingEnd(const Circle& c) {
    const date::time_zone* tz = findZone(c.timeZone);
    if (tz == nullptr) {
        return unknownZone(c.timeZone);
    }
    if (!c.lastMeetingDate.ok()) {
        return invalidDate("last_meeting_date");
    }
    return makeMeeting(*tz, c, c.lastMeetingDate, 0).end;
}

Result<Date> localDate(Instant t, std::string_view zone) {
    const date::time_zone* tz = findZone(zone);
    if (tz == nullptr) {
        return unknownZone(zone);
    }
    const long long local = t.time_since_epoch().count() + offsetSeconds(*tz, t);
    // Floor division: instants before 1970 have negative counts.
    long long days = local / kSecondsPerDay;
    if (local % kSecondsPerDay < 0) {
        --days;
    }
    return dateFromDayNumber(days);
}

std::vector<Meeting> meetingsOnLocalDay(const std::vector<Meeting>& ms, const Circle& c,
                                        Instant t) {
    std::vector<Meeting> out;
    const Result<Date> today = localDate(t, c.timeZone);
    if (!today) {
        return out;
    }
    for (const Meeting& m : ms) {
        if (m.localDate == *today) {
            out.push_back(m);
        }
    }
    return out;
}

std::string formatLocalIso(Instant t, int offsetMinutes) {
    const long long local = t.time_since_epoch().count() + offsetMinutes * 60LL;
    long long days = local / kSecondsPerDay;
    long long secs = local % kSecondsPerDay;
    if (secs < 0) {
        secs += kSecondsPerDay;
        --days;
    }
    const Date d = dateFromDayNumber(days);
    const int off = std::abs(offsetMinutes);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld%c%02d:%02d",
                  static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()), secs / 3600, secs / 60 % 60, secs % 60,
                  offsetMinutes < 0 ? '-' : '+', off / 60, off % 60);
    return buf;
}

Result<int> offsetMinutesAt(std::string_view zone, Instant t) {
    const date::time_zone* tz = findZone(zone);
    if (tz == nullptr) {
        return unknownZone(zone);
    }
    return offsetAt(*tz, t);
}

bool isKnownZone(std::string_view zone) { return findZone(zone) != nullptr; }

}  // namespace lc::schedule
