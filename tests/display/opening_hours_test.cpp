#include <catch2/catch.hpp>

#include "display_fixtures.hpp"
#include "flow/display_model.hpp"
#include "flow/opening_hours.hpp"

using namespace lc::display;
using namespace lc::display::testing;

TEST_CASE("OpeningHours", "[display]") {
    // Harold Washington: Mon-Thu 9-20, Fri-Sat 9-17, Sun 13-17.
    lc::DisplayConfig d;
    d.hasOpeningHours = true;
    for (int i = 0; i < 4; ++i) d.openingHours[i] = lc::OpeningHours{hm(9, 0), hm(20, 0)};
    for (int i = 4; i < 6; ++i) d.openingHours[i] = lc::OpeningHours{hm(9, 0), hm(17, 0)};
    d.openingHours[6] = lc::OpeningHours{hm(13, 0), hm(17, 0)};
    const auto zone = Zone::find("America/Chicago").value();

    SECTION("inside and outside") {
        CHECK(openAt(d, zone, at("2026-12-01T09:00:00-06:00")));
        CHECK(openAt(d, zone, at("2026-12-01T19:59:59-06:00")));
        CHECK_FALSE(openAt(d, zone, at("2026-12-01T20:00:00-06:00")));
        CHECK_FALSE(openAt(d, zone, at("2026-12-01T08:59:59-06:00")));
        CHECK_FALSE(openAt(d, zone, at("2026-12-06T12:59:00-06:00")));  // Sunday morning
        CHECK(openAt(d, zone, at("2026-12-06T13:00:00-06:00")));
    }

    SECTION("the next change") {
        CHECK(nextHoursChange(d, zone, at("2026-12-01T17:40:00-06:00")) == at("2026-12-01T20:00:00-06:00"));
        CHECK(nextHoursChange(d, zone, at("2026-12-01T20:00:00-06:00")) == at("2026-12-02T09:00:00-06:00"));
        CHECK(nextHoursChange(d, zone, at("2026-12-05T17:00:00-06:00")) == at("2026-12-06T13:00:00-06:00"));
    }

    SECTION("a closed day, and hours that close every day mean always open") {
        d.openingHours[6].reset();
        CHECK(nextHoursChange(d, zone, at("2026-12-05T17:00:00-06:00")) == at("2026-12-07T09:00:00-06:00"));
        lc::DisplayConfig never;
        never.hasOpeningHours = true;
        CHECK(openAt(never, zone, at("2026-12-05T03:00:00-06:00")));
        CHECK_FALSE(nextHoursChange(never, zone, at("2026-12-05T03:00:00-06:00")));
        CHECK(openAt(lc::DisplayConfig{}, zone, at("2026-12-05T03:00:00-06:00")));
    }

    SECTION("outside the hours the view is blank and sleeps until the opening") {
        auto in = input({circle(3101, "Public Speaking", day(2026, 12, 1), 6, hm(18, 0), hm(19, 30))},
                        at("2026-12-01T19:00:00-06:00"));
        in.settings.config.display = d;
        const auto closed = at("2026-12-01T20:30:00-06:00");
        const auto v = buildView(in, closed);
        CHECK(v.blank);
        CHECK(v.pages.empty());
        CHECK_FALSE(isOpen(in, closed));
        CHECK(nextDeadline(in, closed) == at("2026-12-02T09:00:00-06:00"));
        // Just before closing, the closing is a deadline.
        CHECK(nextDeadline(in, at("2026-12-01T19:59:59-06:00")) == at("2026-12-01T20:00:00-06:00"));
        CHECK_FALSE(buildView(in, at("2026-12-02T09:00:00-06:00")).blank);
        // A clock that cannot be believed does not black the screen out.
        const auto wrong = at("2020-01-01T06:00:00-06:00");
        CHECK_FALSE(buildView(in, wrong).blank);
        CHECK(isOpen(in, wrong));
    }
}
