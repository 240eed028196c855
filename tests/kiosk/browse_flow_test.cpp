#include <catch2/catch.hpp>

#include <algorithm>

#include "fakes.hpp"

using namespace lc;
using namespace lc::kiosk;
using namespace lc::kiosk::testing;

TEST_CASE("BrowseFlow", "[kiosk]") {
    World w;
    Circle started = chicagoCircle(3102);
    started.name = "Resume Writing";
    started.startDate = ymd(2026, 11, 17);
    started.lastMeetingDate = ymd(2026, 12, 22);
    started.meetingTime = std::chrono::minutes{10 * 60 + 30};
    started.endTime = std::chrono::minutes{12 * 60 + 30};
    started.signupCount = 12;
    started.signupLimit = 10;
    Circle spanish = chicagoCircle(3103);
    spanish.name = "Programación";
    spanish.language = "es";
    spanish.venue.name = "Sulzer Regional Library";
    spanish.startDate = ymd(2026, 12, 3);
    spanish.lastMeetingDate = ymd(2027, 1, 21);
    spanish.weeks = 8;
    spanish.signupLimit.reset();
    Circle irregular = chicagoCircle(3104);
    irregular.lastMeetingDate = ymd(2027, 2, 1);  // not whole weeks from the start
    irregular.signupOpen = false;
    Circle ended = chicagoCircle(3105);
    ended.startDate = ymd(2026, 10, 1);
    ended.lastMeetingDate = ymd(2026, 11, 5);
    w.catalog.entries = {entryFor(spanish), entryFor(ended), entryFor(irregular),
                         entryFor(chicagoCircle()), entryFor(started)};
    BrowseFlow flow(w.catalog, w.clock, w.tr, w.config);
    flow.refresh();

    SECTION("open circles first, then full and closed ones, each soonest first; ended left out") {
        const auto v = flow.view();
        REQUIRE(v.cards.size() == 4);
        CHECK(v.cards[0].id == 3101);  // open, Tue Dec 1 18:00
        CHECK(v.cards[1].id == 3103);  // open, Thu Dec 3
        CHECK(v.cards[2].id == 3102);  // full, next meets Tue Dec 1 10:30
        CHECK(v.cards[3].id == 3104);  // closed
    }

    SECTION("card texts") {
        const auto all = flow.view().cards;
        // In catalog order (soonest first), whatever the browse order.
        const auto byId = [&](std::int64_t id) {
            return *std::find_if(all.begin(), all.end(), [&](const CircleCard& c) { return c.id == id; });
        };
        const std::vector<CircleCard> cards{byId(3102), byId(3101), byId(3104), byId(3103)};
        struct { const std::vector<CircleCard>& cards; } v{cards};
        const auto& s = v.cards[0];
        CHECK(s.name == "Resume Writing");
        CHECK(s.course == "Speak Up");
        CHECK(s.when == "Every Tuesday, 10:30\u00a0AM");
        CHECK(s.dates == "Week 3 of 6");
        CHECK(s.seats == "Full");
        CHECK(s.facilitators == "With Ana, Ben");
        CHECK(s.language == "English");
        CHECK(v.cards[1].dates == "Starts Tuesday, December\u00a01");
        CHECK(v.cards[1].seats == "7 seats left");
        CHECK(v.cards[2].dates == "Dates vary");
        CHECK(v.cards[2].seats == "Closed");
        CHECK(v.cards[3].seats == "Open");
        CHECK(v.cards[3].language == "Español");
    }

    SECTION("language filter") {
        auto v = flow.view();
        REQUIRE(v.languages.size() == 3);
        CHECK(v.languages[0].label == "All languages");
        CHECK(v.languages[0].selected);
        flow.apply(FilterLanguage{"es"});
        v = flow.view();
        REQUIRE(v.cards.size() == 1);
        CHECK(v.cards[0].id == 3103);
        flow.reset();
        CHECK(flow.view().cards.size() == 4);
    }

    SECTION("only this library's venues when configured") {
        w.config.venues = {"Sulzer Regional Library"};
        flow.refresh();
        const auto v = flow.view();
        REQUIRE(v.cards.size() == 1);
        CHECK(v.cards[0].id == 3103);
        CHECK(v.languages.empty());
    }

    SECTION("a card opens the details, whose QR holds the P2PU page") {
        const auto r = flow.apply(OpenCircle{3101});
        REQUIRE(r);
        CHECK(r->screen == Screen::Details);
        DetailsFlow details(w.catalog, w.clock, w.tr, w.config);
        details.open(3101);
        const auto d = details.view();
        CHECK(d.qrUrl == chicagoCircle().url);
        CHECK(d.canSignUp);
        CHECK(d.meetingDates.size() == 6);
        details.open(3102);
        CHECK(details.view().refusal == "This circle is full.");
        CHECK(safeUrl("javascript:alert(1)").empty());
        CHECK(safeUrl("http://example.org").empty());
    }

    SECTION("the next circle of the same course: the soonest open one, by course id or title") {
        Circle a = chicagoCircle(3120), b = chicagoCircle(3121), other = chicagoCircle(3122);
        a.startDate = ymd(2026, 12, 8);   // Tuesdays from Dec 8
        a.lastMeetingDate = ymd(2027, 1, 12);
        b.startDate = ymd(2026, 12, 15);  // later still
        b.lastMeetingDate = ymd(2027, 1, 19);
        other.courseId = 90;
        other.courseTitle = "Debate";
        other.startDate = ymd(2026, 12, 2);
        other.lastMeetingDate = ymd(2027, 1, 6);
        FakeCatalog cat;
        cat.entries = {entryFor(b), entryFor(other), entryFor(a), entryFor(chicagoCircle())};
        const Circle me = chicagoCircle();
        auto next = nextOfSameCourse(cat, me, w.config, w.clock.now());
        REQUIRE(next);
        CHECK(next->circle.id == 3120);
        cat.entries[2].circle.signupCount = 12;  // 3120 full: skipped
        next = nextOfSameCourse(cat, me, w.config, w.clock.now());
        REQUIRE(next);
        CHECK(next->circle.id == 3121);
        Circle untitled = me;  // no course id: the title decides
        untitled.courseId = 0;
        cat.entries[0].circle.courseId = 0;
        next = nextOfSameCourse(cat, untitled, w.config, w.clock.now());
        REQUIRE(next);
        CHECK(next->circle.id == 3121);
        w.config.venues = {"Sulzer Regional Library"};  // served elsewhere: none
        CHECK_FALSE(nextOfSameCourse(cat, me, w.config, w.clock.now()));
    }
}
