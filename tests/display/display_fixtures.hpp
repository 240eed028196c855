#pragma once
// Circles, configs and instants for the display's model tests.

#include <string>
#include <vector>

#include <lc/core/circle_summary.hpp>
#include <lc/core/clock.hpp>
#include <lc/core/config.hpp>

#include "flow/display_model.hpp"

namespace lc::display::testing {

inline Instant at(const char* iso) { return lc::parseInstant(iso).value(); }

inline Date day(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline TimeOfDay hm(int h, int m) { return std::chrono::hours{h} + std::chrono::minutes{m}; }

/// A weekly circle at Harold Washington (America/Chicago) unless told otherwise.
inline Circle circle(std::int64_t id, std::string name, Date start, int weeks, TimeOfDay from,
                     TimeOfDay to) {
    Circle c;
    c.id = id;
    c.name = std::move(name);
    c.venue.name = "Harold Washington Library Center";
    c.venue.city = "Chicago";
    c.language = "en";
    c.startDate = start;
    c.weeks = weeks;
    c.lastMeetingDate = Date{std::chrono::sys_days{start} + std::chrono::days{7 * (weeks - 1)}};
    c.meetingTime = from;
    c.endTime = to;
    c.timeZone = "America/Chicago";
    c.url = "https://learningcircles.p2pu.org/en/signup/hwlc-" + std::to_string(id) + "/";
    c.signupOpen = true;
    c.status = "upcoming";
    return c;
}

/// The entry the App builds from the store: lc::summarize's meetings, irregularity, last end.
inline CircleEntry entry(const Circle& c, int localPending = 0) {
    auto s = lc::summarize(c, localPending, Instant{}).value();
    return CircleEntry{c, s.meetings, s.irregular, s.lastEnd, localPending};
}

/// Harold Washington with three rooms, America/Chicago.
inline lc::Config chicagoConfig() {
    lc::Config cfg;
    cfg.libraryName = "Harold Washington Library Center";
    cfg.timeZone = "America/Chicago";
    cfg.venues.push_back({"Harold Washington Library Center", "Chicago", "America/Chicago",
                          "Lower Level Classroom"});
    cfg.circleRooms[3101] = "Room 4N-1";
    return cfg;
}

/// An input with the Chicago config, synced an hour before `now`, rotation starting at `now`.
inline DisplayInput input(std::vector<Circle> circles, Instant now) {
    DisplayInput in;
    in.settings = settingsFromConfig(chicagoConfig());
    for (const auto& c : circles) in.circles.push_back(entry(c));
    in.sync.lastSuccess = now - std::chrono::hours{1};
    in.rotationStart = now;
    return in;
}

}  // namespace lc::display::testing
