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

/// A busy Tuesday at Harold Washington: 9 circles in 5 rooms (en, es, sw), from 09:30 to 20:30.
/// At 13:50, 4104 is in session, 4105 starts at 14:00, three have ended and four come later.
inline std::vector<Circle> busyDay() {
    struct Spec {
        std::int64_t id;
        const char* name;
        const char* lang;
        int from, to;  // HHMM
    };
    static constexpr Spec kSpecs[] = {
        {4101, "Resume Writing Workshop", "en", 930, 1100},
        {4102, "English Conversation Club", "en", 1000, 1130},
        {4103, "Conversación en inglés", "es", 1100, 1230},
        {4104, "Public Speaking", "en", 1300, 1500},
        {4105, "Python for Beginners", "en", 1400, 1530},
        {4106, "Kiswahili kwa Wanaoanza", "sw", 1530, 1700},
        {4107, "Programación para principiantes", "es", 1600, 1730},
        {4108, "Learning How to Learn", "en", 1800, 1930},
        {4109, "Digital Photography for Everyone", "en", 1900, 2030},
    };
    std::vector<Circle> out;
    for (const auto& s : kSpecs) {
        auto c = circle(s.id, s.name, day(2026, 11, 17), 8, hm(s.from / 100, s.from % 100),
                        hm(s.to / 100, s.to % 100));
        c.language = s.lang;
        c.signupLimit = 15;
        c.signupCount = int(s.id % 10) + 3;
        c.status = "in_progress";
        out.push_back(std::move(c));
    }
    return out;
}

/// The Chicago config with busyDay()'s five rooms.
inline lc::Config busyConfig() {
    auto cfg = chicagoConfig();
    cfg.circleRooms = {{4101, "Lower Level Classroom"}, {4102, "Room 3N-5"}, {4103, "Community Room"},
                       {4104, "Room 4N-1"},             {4105, "Computer Lab 2"}, {4106, "Lower Level Classroom"},
                       {4107, "Computer Lab 2"},        {4108, "Room 3N-5"}, {4109, "Community Room"}};
    return cfg;
}

}  // namespace lc::display::testing
