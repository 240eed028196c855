// Meeting instants for the sample feed's circles (tests/data/p2pu-learningcircles-sample.json),
// built by hand, plus DST edges, midnight edges and zone guessing.

#include <lc/core/schedule.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace {

using lc::Circle;
using lc::Date;
using lc::Instant;
using lc::Meeting;
namespace sched = lc::schedule;

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

lc::TimeOfDay hm(int h, int m) { return std::chrono::hours{h} + std::chrono::minutes{m}; }

Instant at(const char* iso) {
    auto r = lc::parseInstant(iso);
    REQUIRE(r.has_value());
    return *r;
}

struct Spec {
    std::int64_t id;
    const char* city;
    const char* region;
    const char* country;
    Date start;
    Date last;
    std::optional<Date> next;
    int weeks;
    lc::TimeOfDay time;
    lc::TimeOfDay end;
    const char* abbrev;
    int offset;
    const char* zone;
};

Circle circle(const Spec& s) {
    Circle c;
    c.id = s.id;
    c.venue.city = s.city;
    c.venue.region = s.region;
    c.venue.country = s.country;
    c.startDate = s.start;
    c.lastMeetingDate = s.last;
    c.nextMeetingDate = s.next;
    c.weeks = s.weeks;
    c.meetingTime = s.time;
    c.endTime = s.end;
    c.timeZoneAbbrev = s.abbrev;
    c.startOffsetMinutes = s.offset;
    c.timeZone = s.zone;
    return c;
}

const char* const kUsa = "United States of America";

// The sample feed's circles (server date 2026-11-30).
Circle chicago3101() {
    return circle({3101, "Chicago", "Illinois", kUsa, ymd(2026, 12, 1), ymd(2027, 1, 5),
                   ymd(2026, 12, 1), 6, hm(18, 0), hm(19, 30), "CST", -360, "America/Chicago"});
}
Circle detroit3106() {
    return circle({3106, "Detroit", "Michigan", kUsa, ymd(2026, 11, 4), ymd(2026, 12, 23),
                   ymd(2026, 12, 2), 8, hm(17, 0), hm(18, 30), "EST", -300, "America/Detroit"});
}
Circle nairobi3108() {
    return circle({3108, "Nairobi", "Nairobi Area", "Kenya", ymd(2026, 12, 5), ymd(2027, 1, 9),
                   ymd(2026, 12, 5), 6, hm(10, 0), hm(12, 0), "EAT", 180, "Africa/Nairobi"});
}
Circle kisumu3110() {
    return circle({3110, "Kisumu", "", "Kenya", ymd(2026, 12, 2), ymd(2026, 12, 23),
                   ymd(2026, 12, 2), 4, hm(15, 0), hm(16, 30), "EAT", 180, "Africa/Nairobi"});
}
Circle marseille3111() {
    return circle({3111, "Marseille", "Provence-Alpes-C\xC3\xB4te d'Azur", "France",
                   ymd(2026, 11, 25), ymd(2026, 12, 30), ymd(2026, 12, 2), 6, hm(18, 0),
                   hm(19, 30), "CET", 60, "Europe/Paris"});
}
Circle marseille3112() {
    return circle({3112, "Marseille", "Provence-Alpes-C\xC3\xB4te d'Azur", "France",
                   ymd(2026, 12, 9), ymd(2027, 1, 20), ymd(2026, 12, 9), 5, hm(14, 30),
                   hm(16, 30), "CET", 60, "Europe/Paris"});
}
Circle bordeaux3113() {
    return circle({3113, "Bordeaux", "Nouvelle-Aquitaine", "France", ymd(2026, 10, 3),
                   ymd(2026, 12, 5), ymd(2026, 12, 5), 10, hm(10, 0), hm(12, 0), "CEST", 120,
                   "Europe/Paris"});
}

std::string iso(const Meeting& m) { return sched::formatLocalIso(m.start, m.offsetMinutes); }

}  // namespace

TEST_CASE("Schedule", "[core]") {
    SECTION("Bordeaux 3113: ten weekly meetings across the European DST change") {
        auto ms = sched::meetings(bordeaux3113());
        REQUIRE(ms.has_value());
        REQUIRE(ms->size() == 10);
        CHECK_FALSE(sched::isIrregular(bordeaux3113()));
        for (std::size_t i = 0; i < ms->size(); ++i) {
            const Meeting& m = (*ms)[i];
            CHECK(m.circleId == 3113);
            CHECK(m.index == static_cast<int>(i) + 1);
            CHECK(m.offsetMinutes == (i < 4 ? 120 : 60));
            CHECK(m.end - m.start == std::chrono::hours{2});
        }
        CHECK(iso(ms->front()) == "2026-10-03T10:00:00+02:00");
        CHECK(ms->front().start == at("2026-10-03T08:00:00Z"));
        CHECK(iso((*ms)[3]) == "2026-10-24T10:00:00+02:00");
        CHECK(iso((*ms)[4]) == "2026-10-31T10:00:00+01:00");
        CHECK(ms->back().localDate == ymd(2026, 12, 5));
        auto next = sched::nextMeetingAfter(*ms, at("2026-11-30T12:00:00Z"));
        REQUIRE(next.has_value());
        CHECK(iso(*next) == "2026-12-05T10:00:00+01:00");
        CHECK(next->index == 10);
        // "At or after": a meeting starting exactly now is still next; one second later none is.
        CHECK(sched::nextMeetingAfter(*ms, at("2026-12-05T09:00:00Z")).has_value());
        CHECK_FALSE(sched::nextMeetingAfter(*ms, at("2026-12-05T09:00:01Z")).has_value());
        auto end = sched::lastMeetingEnd(bordeaux3113());
        REQUIRE(end.has_value());
        CHECK(*end == at("2026-12-05T11:00:00Z"));
    }

    SECTION("Marseille 3112: irregular, only the stated dates, no week numbers") {
        Circle c = marseille3112();
        CHECK(sched::isIrregular(c));
        auto ms = sched::meetings(c);
        REQUIRE(ms.has_value());
        REQUIRE(ms->size() == 2);  // next_meeting_date equals start_date
        CHECK(iso((*ms)[0]) == "2026-12-09T14:30:00+01:00");
        CHECK(iso((*ms)[1]) == "2027-01-20T14:30:00+01:00");
        CHECK((*ms)[0].index == 0);
        CHECK((*ms)[1].index == 0);
        CHECK((*ms)[1].end == at("2027-01-20T15:30:00Z"));

        c.nextMeetingDate = ymd(2026, 12, 16);  // a distinct next date is a third known meeting
        ms = sched::meetings(c);
        REQUIRE(ms->size() == 3);
        CHECK((*ms)[1].localDate == ymd(2026, 12, 16));
        c.nextMeetingDate = ymd(2027, 3, 1);  // outside start..last: not a meeting we trust
        CHECK(sched::meetings(c)->size() == 2);
    }

    SECTION("isIrregular: count, whole weeks and bounds") {
        Circle c = chicago3101();
        CHECK_FALSE(sched::isIrregular(c));
        c.lastMeetingDate = ymd(2027, 1, 6);  // 36 days: not whole weeks
        CHECK(sched::isIrregular(c));
        c = chicago3101();
        c.weeks = 0;
        CHECK(sched::isIrregular(c));
        c.startDate = c.lastMeetingDate;  // last before start
        c.lastMeetingDate = ymd(2026, 12, 1);
        c.weeks = 6;
        CHECK(sched::isIrregular(c));
        c = chicago3101();
        c.startDate = ymd(2000, 1, 4);
        c.lastMeetingDate = ymd(2000, 1, 4);
        c.weeks = 1;
        CHECK_FALSE(sched::isIrregular(c));  // one meeting: start == last
        c.lastMeetingDate = Date{std::chrono::sys_days{c.startDate} +
                                 std::chrono::days{7 * sched::kMaxWeeks}};
        c.weeks = sched::kMaxWeeks + 1;  // consistent but absurd: never expanded
        CHECK(sched::isIrregular(c));
    }

    SECTION("Chicago 3101: 18:00 CST is midnight UTC") {
        auto ms = sched::meetings(chicago3101());
        REQUIRE(ms.has_value());
        REQUIRE(ms->size() == 6);
        CHECK(ms->front().start == at("2026-12-02T00:00:00Z"));
        CHECK(ms->front().end == at("2026-12-02T01:30:00Z"));
        CHECK(ms->front().localDate == ymd(2026, 12, 1));
        CHECK(iso(ms->back()) == "2027-01-05T18:00:00-06:00");
        CHECK(ms->back().index == 6);
    }

    SECTION("A US circle across the 1 Nov 2026 change stays at 18:00 local") {
        Circle c = chicago3101();
        c.startDate = ymd(2026, 10, 20);
        c.lastMeetingDate = ymd(2026, 11, 10);
        c.weeks = 4;
        c.timeZoneAbbrev = "CDT";
        c.startOffsetMinutes = -300;
        auto ms = sched::meetings(c);
        REQUIRE(ms->size() == 4);
        CHECK(iso((*ms)[0]) == "2026-10-20T18:00:00-05:00");
        CHECK(iso((*ms)[1]) == "2026-10-27T18:00:00-05:00");
        CHECK(iso((*ms)[2]) == "2026-11-03T18:00:00-06:00");
        CHECK((*ms)[1].start == at("2026-10-27T23:00:00Z"));
        CHECK((*ms)[2].start == at("2026-11-04T00:00:00Z"));
        CHECK((*ms)[3].offsetMinutes == -360);
    }

    SECTION("Detroit 3106 and Nairobi 3108") {
        auto det = sched::meetings(detroit3106());
        REQUIRE(det->size() == 8);
        CHECK(det->front().start == at("2026-11-04T22:00:00Z"));
        CHECK(iso(det->back()) == "2026-12-23T17:00:00-05:00");
        auto nai = sched::meetings(nairobi3108());
        REQUIRE(nai->size() == 6);
        for (const Meeting& m : *nai) {
            CHECK(m.offsetMinutes == 180);  // no DST in Kenya
        }
        CHECK(nai->front().start == at("2026-12-05T07:00:00Z"));
        CHECK(iso(nai->back()) == "2027-01-09T10:00:00+03:00");
        CHECK(sched::meetings(kisumu3110())->size() == 4);
        CHECK(sched::meetings(marseille3111())->size() == 6);
    }

    SECTION("Today at this venue: midnight edges are local, not UTC") {
        Circle c = chicago3101();
        auto ms = *sched::meetings(c);
        // 18:00 CST on 1 Dec is 00:00Z on 2 Dec; the meeting belongs to the 1st in Chicago.
        CHECK(sched::meetingsOnLocalDay(ms, c, at("2026-12-01T06:00:00Z")).size() == 1);
        CHECK(sched::meetingsOnLocalDay(ms, c, at("2026-12-02T05:59:59Z")).size() == 1);
        CHECK(sched::meetingsOnLocalDay(ms, c, at("2026-12-01T05:59:59Z")).empty());
        CHECK(sched::meetingsOnLocalDay(ms, c, at("2026-12-02T06:00:00Z")).empty());
        CHECK(*sched::localDate(at("2026-12-02T05:59:59Z"), "America/Chicago") == ymd(2026, 12, 1));
        CHECK(*sched::localDate(at("2026-12-01T21:00:00Z"), "Africa/Nairobi") == ymd(2026, 12, 2));
        CHECK(*sched::localDate(at("1969-12-31T23:00:00Z"), "Etc/UTC") == ymd(1969, 12, 31));
        c.timeZone = "Nowhere/Atlantis";
        CHECK(sched::meetingsOnLocalDay(ms, c, at("2026-12-01T12:00:00Z")).empty());
    }

    SECTION("A meeting past midnight ends on the next day") {
        Circle c = nairobi3108();
        c.meetingTime = hm(22, 0);
        c.endTime = hm(1, 0);
        auto ms = sched::meetings(c);
        CHECK(ms->front().start == at("2026-12-05T19:00:00Z"));
        CHECK(ms->front().end == at("2026-12-05T22:00:00Z"));
        CHECK(*sched::lastMeetingEnd(c) == at("2027-01-09T22:00:00Z"));
    }

    SECTION("Past 2037: the zone's rule still applies (2038, 2090, 2100)") {
        Circle c = chicago3101();
        c.startDate = ymd(2038, 6, 1);
        c.lastMeetingDate = ymd(2038, 6, 1);
        c.weeks = 1;
        auto ms = sched::meetings(c);
        REQUIRE(ms);
        CHECK(ms->front().offsetMinutes == -300);
        CHECK(sched::formatLocalIso(ms->front().start, ms->front().offsetMinutes) == "2038-06-01T18:00:00-05:00");
        CHECK(*sched::localToInstant(ymd(2090, 7, 4), hm(18, 0), "America/Chicago") == at("2090-07-04T23:00:00Z"));
        CHECK(*sched::offsetMinutesAt("America/Chicago", at("2090-07-04T23:00:00Z")) == -300);
        CHECK(*sched::offsetMinutesAt("America/Chicago", at("2090-12-04T23:00:00Z")) == -360);
        CHECK(*sched::offsetMinutesAt("Europe/Paris", at("2100-07-01T12:00:00Z")) == 120);
        CHECK(*sched::offsetMinutesAt("Africa/Nairobi", at("2095-07-01T12:00:00Z")) == 180);
        // Spring forward and fall back past 2037 follow the same rules as before it.
        CHECK(*sched::localToInstant(ymd(2050, 3, 13), hm(2, 30), "America/Chicago") == at("2050-03-13T08:30:00Z"));
        CHECK(*sched::localToInstant(ymd(2050, 11, 6), hm(1, 30), "America/Chicago") == at("2050-11-06T06:30:00Z"));
        CHECK(*sched::localDate(at("2090-07-05T04:59:59Z"), "America/Chicago") == ymd(2090, 7, 4));
    }

    SECTION("Nonexistent and ambiguous local times") {
        // Spring forward, Chicago 14 Mar 2027 02:00 -> 03:00: 02:30 moves to 03:30 CDT.
        CHECK(*sched::localToInstant(ymd(2027, 3, 14), hm(2, 30), "America/Chicago") ==
              at("2027-03-14T08:30:00Z"));
        CHECK(*sched::localToInstant(ymd(2027, 3, 28), hm(2, 30), "Europe/Paris") ==
              at("2027-03-28T01:30:00Z"));
        // Fall back, Chicago 1 Nov 2026: 01:30 happens twice; the earlier (CDT) one is taken.
        CHECK(*sched::localToInstant(ymd(2026, 11, 1), hm(1, 30), "America/Chicago") ==
              at("2026-11-01T06:30:00Z"));
        Circle c = chicago3101();
        c.startDate = ymd(2027, 3, 7);
        c.lastMeetingDate = ymd(2027, 3, 21);
        c.weeks = 3;
        c.meetingTime = hm(2, 30);
        c.endTime = hm(4, 0);
        auto ms = *sched::meetings(c);
        REQUIRE(ms.size() == 3);
        CHECK(ms[0].start == at("2027-03-07T08:30:00Z"));
        CHECK(ms[1].start == at("2027-03-14T08:30:00Z"));
        CHECK(iso(ms[1]) == "2027-03-14T03:30:00-05:00");
        CHECK(ms[1].end == at("2027-03-14T09:00:00Z"));
        CHECK(ms[2].start == at("2027-03-21T07:30:00Z"));
    }

    SECTION("formatLocalIso and offsets") {
        CHECK(sched::formatLocalIso(at("2026-12-02T00:00:00Z"), -360) ==
              "2026-12-01T18:00:00-06:00");
        CHECK(sched::formatLocalIso(at("2026-12-01T12:00:00Z"), 330) ==
              "2026-12-01T17:30:00+05:30");
        CHECK(sched::formatLocalIso(at("2027-01-01T02:00:00Z"), -210) ==
              "2026-12-31T22:30:00-03:30");
        CHECK(sched::formatLocalIso(at("2026-12-01T12:00:00Z"), 0) == "2026-12-01T12:00:00+00:00");
        CHECK(*sched::offsetMinutesAt("Europe/Paris", at("2026-07-01T12:00:00Z")) == 120);
        CHECK(*sched::offsetMinutesAt("America/St_Johns", at("2026-12-01T12:00:00Z")) == -210);
        CHECK(sched::isKnownZone("America/Detroit"));
        CHECK_FALSE(sched::isKnownZone("Mars/Olympus_Mons"));
        CHECK_FALSE(sched::isKnownZone(""));
        CHECK_FALSE(sched::isKnownZone("../../etc/passwd"));
        CHECK_FALSE(sched::isKnownZone("CST"));
    }

    SECTION("Errors name the zone or date") {
        Circle c = chicago3101();
        c.timeZone = "America/Gotham";
        auto ms = sched::meetings(c);
        REQUIRE_FALSE(ms.has_value());
        CHECK(ms.error().id == "[schedule.zone.1]");
        CHECK(ms.error().code == lc::ErrorCode::InvalidInput);
        CHECK(sched::lastMeetingEnd(c).error().id == "[schedule.zone.1]");
        CHECK(sched::localDate(at("2026-12-01T00:00:00Z"), "").error().id == "[schedule.zone.1]");
        CHECK(sched::offsetMinutesAt("Nope", at("2026-12-01T00:00:00Z")).error().id ==
              "[schedule.zone.1]");
        c = chicago3101();
        c.startDate = ymd(2026, 2, 30);
        CHECK(sched::meetings(c).error().id == "[schedule.date.1]");
        CHECK(sched::localToInstant(ymd(2026, 13, 1), hm(1, 0), "Etc/UTC").error().id ==
              "[schedule.date.1]");
    }
}

TEST_CASE("Schedule zone guess", "[core]") {
    SECTION("each sample city") {
        auto g = sched::guessZone(chicago3101());
        REQUIRE(g.has_value());
        CHECK(g->zone == "America/Chicago");
        CHECK(g->reason == "guessed America/Chicago from country 'United States of America' and "
                           "abbreviation 'CST' (offset -06:00)");
        g = sched::guessZone(detroit3106());
        CHECK(g->zone == "America/Detroit");
        CHECK(g->reason == "guessed America/Detroit from country 'United States of America', "
                           "region 'Michigan' and abbreviation 'EST' (offset -05:00)");
        CHECK(sched::guessZone(nairobi3108())->zone == "Africa/Nairobi");
        CHECK(sched::guessZone(kisumu3110())->zone == "Africa/Nairobi");
        CHECK(sched::guessZone(marseille3111())->zone == "Europe/Paris");
        g = sched::guessZone(bordeaux3113());
        CHECK(g->zone == "Europe/Paris");
        CHECK(g->reason.find("'CEST' (offset +02:00)") != std::string::npos);
    }

    SECTION("country and region refine the abbreviation") {
        Circle c = nairobi3108();
        c.venue.country = "Tanzania";
        CHECK(sched::guessZone(c)->zone == "Africa/Dar_es_Salaam");
        c.venue.country = "Uganda";
        CHECK(sched::guessZone(c)->zone == "Africa/Kampala");
        c = marseille3111();
        c.venue.country = "Germany";
        CHECK(sched::guessZone(c)->zone == "Europe/Berlin");
        c.venue.country = "";
        CHECK(sched::guessZone(c)->zone == "Europe/Paris");
        c = detroit3106();
        c.venue.region = "New York";
        CHECK(sched::guessZone(c)->zone == "America/New_York");
        c = chicago3101();  // China Standard Time shares the abbreviation; the offset tells
        c.venue.country = "China";
        c.startOffsetMinutes = 480;
        CHECK(sched::guessZone(c)->zone == "Asia/Shanghai");
    }

    SECTION("MST: Denver, or Phoenix when Arizona or in summer") {
        Circle c = chicago3101();
        c.timeZoneAbbrev = "MST";
        c.startOffsetMinutes = -420;
        c.venue.region = "Colorado";
        CHECK(sched::guessZone(c)->zone == "America/Denver");
        c.venue.region = "Arizona";
        CHECK(sched::guessZone(c)->zone == "America/Phoenix");
        c.venue.region = "Colorado";
        c.startDate = ymd(2026, 7, 7);  // Denver is on MDT (-06:00) then; MST says no DST
        CHECK(sched::guessZone(c)->zone == "America/Phoenix");
    }

    SECTION("WAT and GMT") {
        Circle c = nairobi3108();
        c.venue.country = "Nigeria";
        c.timeZoneAbbrev = "WAT";
        c.startOffsetMinutes = 60;
        CHECK(sched::guessZone(c)->zone == "Africa/Lagos");
        c.venue.country = "United Kingdom";
        c.timeZoneAbbrev = "GMT";
        c.startOffsetMinutes = 0;
        CHECK(sched::guessZone(c)->zone == "Europe/London");
        c.timeZoneAbbrev = "UTC";
        CHECK(sched::guessZone(c)->zone == "Etc/UTC");
    }

    SECTION("failures") {
        Circle c = chicago3101();
        c.timeZoneAbbrev = "XYZ";
        auto g = sched::guessZone(c);
        REQUIRE_FALSE(g.has_value());
        CHECK(g.error().id == "[schedule.guess.1]");
        CHECK(g.error().code == lc::ErrorCode::NotFound);
        CHECK(g.error().message.find("'XYZ'") != std::string::npos);
        c.timeZoneAbbrev = "";
        CHECK(sched::guessZone(c).error().id == "[schedule.guess.1]");
        c = chicago3101();
        c.startOffsetMinutes = 60;  // CST but +01:00: no candidate agrees
        g = sched::guessZone(c);
        REQUIRE_FALSE(g.has_value());
        CHECK(g.error().id == "[schedule.guess.2]");
        CHECK(g.error().message.find("America/Chicago") != std::string::npos);
    }
}
