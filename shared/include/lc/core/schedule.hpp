#pragma once
// Meeting instants from the feed's dates and times, in the venue's IANA zone, wall-clock across
// DST (18:00 stays 18:00). Irregular schedules list only the dates the feed states.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>

namespace lc::schedule {

/// True when (last_meeting_date - start_date) / 7 + 1 != weeks, or the span is not whole weeks:
/// only the dates the feed states (start, next, last) are known. Also true when weeks < 1 or
/// weeks > kMaxWeeks (untrusted feed: we never expand more than kMaxWeeks meetings).
bool isIrregular(const Circle& c);

/// The most weekly meetings we expand for one circle (upstream allows 1-52).
inline constexpr int kMaxWeeks = 520;

/// The instant of the wall time `day` + `time` in the IANA zone `zone`. An ambiguous time (the
/// hour repeated when clocks go back) takes the earlier instant; a nonexistent one (in the gap
/// when clocks go forward) is read with the offset in force before the gap, so it moves forward
/// by the gap's length (02:30 becomes 03:30), as pytz's localize() does upstream. `time` may be
/// 24:00 or more (it runs into the next days). Fails when the zone is unknown or the date invalid.
Result<Instant> localToInstant(Date day, TimeOfDay time, std::string_view zone);

/// Every meeting we know of, sorted by start. Weekly: `weeks` meetings from start_date. Irregular:
/// the distinct stated dates (start, next_meeting_date when it lies between them, last). A meeting
/// ends at its date + end_time, the next day when end_time <= meeting_time (past midnight).
/// Fails when c.timeZone is unknown ("[schedule.zone.1]") or a date is invalid ("[schedule.date.1]").
Result<std::vector<Meeting>> meetings(const Circle& c);

/// The first meeting whose start is at or after `t`; nullopt when none is left.
std::optional<Meeting> nextMeetingAfter(const std::vector<Meeting>& ms, Instant t);

/// The end instant of the circle's last meeting (its last_meeting_date at end_time, local).
Result<Instant> lastMeetingEnd(const Circle& c);

/// The local calendar date of `t` in the IANA zone `zone`.
Result<Date> localDate(Instant t, std::string_view zone);

/// The meetings whose local date, in their venue's zone, is the local date of `t` there.
std::vector<Meeting> meetingsOnLocalDay(const std::vector<Meeting>& ms, const Circle& c, Instant t);

/// "2026-10-03T10:00:00+02:00": `t` written in local time with the given UTC offset.
std::string formatLocalIso(Instant t, int offsetMinutes);

/// The UTC offset of `zone` at `t`, in minutes.
Result<int> offsetMinutesAt(std::string_view zone, Instant t);

/// True when `zone` is an IANA name the system's tzdata knows.
bool isKnownZone(std::string_view zone);

/// A guessed IANA zone and how it was reached, for the warning that names the guess.
struct ZoneGuess {
    std::string zone;
    std::string reason;  ///< e.g. "country 'Kenya' and abbreviation 'EAT'"
};

/// Guesses the venue's zone from country + the feed's abbreviation + the start_datetime offset
/// (CST/CDT → America/Chicago, EST/EDT → America/New_York (America/Detroit for Michigan),
/// EAT → Africa/Nairobi, CET/CEST → Europe/Paris, ...). Fails when nothing fits.
Result<ZoneGuess> guessZone(const Circle& c);

}  // namespace lc::schedule
