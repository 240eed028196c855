#pragma once
// Local wall-clock arithmetic in one IANA zone, for "today", the header clock and opening hours.

#include <string>
#include <string_view>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>

namespace date {
class time_zone;
}

namespace lc::display {

/// An instant seen on a wall clock in some zone.
struct LocalTime {
    Date date{};
    TimeOfDay minutes{};       ///< minutes since local midnight (seconds dropped)
    unsigned isoWeekday = 1;   ///< 1 = Monday … 7 = Sunday
    int offsetMinutes = 0;     ///< UTC offset at that instant
};

/// An IANA zone from the system's tzdata. Cheap to copy.
class Zone {
public:
    /// The zone named `name` ("America/Chicago"); fails with [display.zone.1] when unknown.
    static Result<Zone> find(std::string_view name);
    /// UTC, which always exists.
    static Zone utc();

    /// The wall clock at `t`.
    LocalTime local(Instant t) const;
    /// The instant when the wall clock shows `date` at `tod` (tod may be 24:00). In a DST gap, the
    /// end of the gap; when the time happens twice, the first.
    Instant instant(Date date, TimeOfDay tod) const;
    /// The next local midnight strictly after `t`.
    Instant nextMidnight(Instant t) const;
    /// The IANA name.
    const std::string& name() const { return m_name; }

private:
    Zone(const date::time_zone* tz, std::string name) : m_tz(tz), m_name(std::move(name)) {}
    const date::time_zone* m_tz;
    std::string m_name;
};

/// "18:05" for 18:05 (a time of day, HH:MM, 24-hour).
std::string formatHhMm(TimeOfDay t);

/// "2026-12-01".
std::string formatIsoDate(Date d);

/// "2026-12-01T18:00:00-06:00": `t` written as local time with `offsetMinutes`.
std::string formatIsoLocal(Instant t, int offsetMinutes);

}  // namespace lc::display
