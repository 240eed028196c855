#pragma once
// The plain data of the domain. No I/O, no JSON, no SQL: the feed parser fills these, the store
// persists them, flows and screens read them.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/clock.hpp>

namespace lc {

/// A calendar date with no zone attached (a local date at a venue).
using Date = std::chrono::year_month_day;
/// A wall-clock time of day, as minutes since local midnight.
using TimeOfDay = std::chrono::minutes;

/// Where a circle meets, as the feed names it, plus what only configuration knows.
struct Venue {
    std::string name;     ///< the feed's `venue`
    std::string address;  ///< the feed's `venue_address` (city appended by upstream)
    std::string city;
    std::string region;
    std::string country;  ///< `country_en` when present, else `country`
    std::optional<double> latitude;
    std::optional<double> longitude;
};

/// One learning circle, as the feed describes it. All strings are valid UTF-8 and length-bounded.
struct Circle {
    std::int64_t id = 0;
    std::string name;
    std::int64_t courseId = 0;
    std::string courseTitle;
    std::string courseProvider;
    std::string courseLink;
    std::vector<std::string> facilitators;  ///< first names only
    Venue venue;
    bool online = false;
    std::string language;  ///< ISO code, "en", "fr", "sw", ...
    Date startDate{};
    Date lastMeetingDate{};
    std::optional<Date> nextMeetingDate;  ///< only when the feed was asked with `scope`
    int weeks = 0;                        ///< the number of meetings (not a calendar span)
    TimeOfDay meetingTime{};
    TimeOfDay endTime{};
    std::string timeZoneAbbrev;          ///< the feed's `time_zone`: "CST", "EAT", "CEST"...
    int startOffsetMinutes = 0;          ///< UTC offset of `start_datetime`, in minutes
    std::string timeZone;                ///< IANA zone, resolved at ingest (config or guess)
    std::string url;                     ///< the P2PU signup page
    std::optional<int> signupLimit;      ///< null, 0 and missing all mean "no limit"
    int signupCount = 0;
    bool signupOpen = false;
    std::string status;                  ///< upstream's: upcoming, in_progress, closed, completed
    std::optional<std::string> imageUrl;
    std::optional<std::string> signupQuestion;
};

/// One meeting of a circle, resolved to instants.
struct Meeting {
    std::int64_t circleId = 0;
    Date localDate{};
    Instant start{};
    Instant end{};
    int offsetMinutes = 0;  ///< the venue's UTC offset at the start, for ISO-8601 output
    int index = 0;          ///< 1-based "week N of M"; 0 when the schedule is irregular
};

/// A patron's signup, as kept on this device.
struct Signup {
    std::string id;  ///< UUID
    std::int64_t circleId = 0;
    std::string name;
    std::string email;   ///< "" when the patron gave only a mobile
    std::string mobile;  ///< E.164 or ""
    std::string goals;
    std::string support;
    std::string customAnswer;
    bool consent = false;
    std::string consentVersion;
    bool communicationsOptIn = false;
    Instant createdAt{};
    Instant updatedAt{};
    bool sendUpstream = true;
    std::string localOnlyReason;  ///< why it is not sent to P2PU, when it is not
    std::string source;           ///< "kiosk", "lcctl", "walk-in"
    bool voided = false;
};

/// A person on a facilitator's imported learner list.
struct RosterEntry {
    std::string id;  ///< UUID
    std::int64_t circleId = 0;
    std::string name;
    std::string email;
    std::string mobile;
    Instant importedAt{};
};

/// Someone arriving at a meeting.
struct CheckIn {
    std::string id;  ///< UUID
    std::int64_t circleId = 0;
    Date meetingDate{};   ///< the meeting's local date
    std::string personName;
    std::string signupId;  ///< "" unless from a signup
    std::string rosterId;  ///< "" unless from a roster
    Instant at{};
};

}  // namespace lc
