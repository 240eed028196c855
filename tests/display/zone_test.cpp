#include <catch2/catch.hpp>

#include "display_fixtures.hpp"
#include "flow/zone.hpp"

using namespace lc::display;
using namespace lc::display::testing;

TEST_CASE("Zone", "[display]") {
    const auto chicago = Zone::find("America/Chicago").value();

    SECTION("unknown zones are refused") {
        const auto z = Zone::find("Mars/Olympus_Mons");
        REQUIRE_FALSE(z);
        CHECK(z.error().id == "[display.zone.1]");
        CHECK(z.error().code == lc::ErrorCode::InvalidInput);
    }

    SECTION("local wall clock") {
        const auto l = chicago.local(at("2026-12-02T00:10:00Z"));
        CHECK(l.date == day(2026, 12, 1));
        CHECK(l.minutes == hm(18, 10));
        CHECK(l.isoWeekday == 2);
        CHECK(l.offsetMinutes == -360);
    }

    SECTION("wall clock to instant across DST") {
        CHECK(chicago.instant(day(2026, 10, 31), hm(10, 0)) == at("2026-10-31T10:00:00-05:00"));
        CHECK(chicago.instant(day(2026, 11, 1), hm(10, 0)) == at("2026-11-01T10:00:00-06:00"));
        // 01:30 happens twice on 2026-11-01: the first.
        CHECK(chicago.instant(day(2026, 11, 1), hm(1, 30)) == at("2026-11-01T01:30:00-05:00"));
        // 02:30 does not exist on 2027-03-14: the end of the gap.
        CHECK(chicago.instant(day(2027, 3, 14), hm(2, 30)) == at("2027-03-14T03:00:00-05:00"));
        CHECK(chicago.instant(day(2026, 12, 1), hm(24, 0)) == at("2026-12-02T00:00:00-06:00"));
        // A 25-hour day.
        CHECK(chicago.nextMidnight(at("2026-11-01T00:00:00-05:00")) == at("2026-11-02T00:00:00-06:00"));
    }

    SECTION("formatting") {
        CHECK(formatHhMm(hm(7, 5)) == "07:05");
        CHECK(formatIsoDate(day(2026, 12, 1)) == "2026-12-01");
        CHECK(formatIsoLocal(at("2026-12-02T00:00:00Z"), -360) == "2026-12-01T18:00:00-06:00");
        CHECK(formatIsoLocal(at("2026-12-02T00:00:00Z"), 330) == "2026-12-02T05:30:00+05:30");
    }
}
