// Circle details: a refused circle (full, closed, ended) says why and offers the next circle of
// the same course when there is one open, which the patron can open instead.
#include <catch2/catch.hpp>

#include "fakes.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

TEST_CASE("DetailsFlow", "[kiosk]") {
    World w;
    w.catalog.entries[0].circle.signupCount = 12;  // 3101: full (limit 12)
    Circle later = chicagoCircle(3115);  // the same course (id 77), Saturdays from Dec 5
    later.name = "Public Speaking (Saturdays)";
    later.startDate = ymd(2026, 12, 5);
    later.lastMeetingDate = ymd(2027, 1, 9);
    w.catalog.entries.push_back(entryFor(later));
    Circle& full = w.catalog.entries[0].circle;
    DetailsFlow flow(w.catalog, w.clock, w.tr, w.config);

    SECTION("a full circle says why and offers the next circle of the course") {
        flow.open(3101);
        const auto v = flow.view();
        CHECK_FALSE(v.canSignUp);
        CHECK(v.refusal == "This circle is full.");
        REQUIRE(v.alternative);
        CHECK(v.alternative->id == 3115);
        CHECK(v.alternative->name == "Public Speaking (Saturdays)");
        const auto route = flow.apply(ShowAlternative{});
        REQUIRE(route);
        CHECK(route->screen == Screen::Details);
        CHECK(route->circleId == 3115);
        flow.open(route->circleId);
        CHECK(flow.view().canSignUp);
        CHECK_FALSE(flow.view().alternative);
    }

    SECTION("closed and ended circles offer it too") {
        full.signupCount = 1;
        full.signupOpen = false;
        flow.open(3101);
        CHECK(flow.view().refusal == "Signup for this circle is closed.");
        CHECK(flow.view().alternative);
        w.clock.set(at("2027-01-06T12:00:00-06:00"));  // 3101 ended; 3115 still open
        CHECK(flow.view().refusal == "This circle has ended.");
        REQUIRE(flow.view().alternative);
        CHECK(flow.view().alternative->id == 3115);
    }

    SECTION("no alternative when the other circle is full, another course, or gone") {
        SECTION("full") { w.catalog.entries[1].circle.signupCount = 12; }
        SECTION("another course") {
            w.catalog.entries[1].circle.courseId = 78;
            w.catalog.entries[1].circle.courseTitle = "Debate";
        }
        SECTION("gone") { w.catalog.entries.pop_back(); }
        flow.open(3101);
        CHECK(flow.view().refusal == "This circle is full.");
        CHECK_FALSE(flow.view().alternative);
        CHECK_FALSE(flow.apply(ShowAlternative{}));
    }
}
