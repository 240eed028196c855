#include <catch2/catch.hpp>

#include "display_fixtures.hpp"
#include "flow/display_model.hpp"

using namespace lc::display;
using namespace lc::display::testing;

namespace {

std::vector<JoinCard> joinCards(const DisplayView& v) {
    std::vector<JoinCard> cards;
    for (const auto& p : v.pages)
        if (const auto* j = std::get_if<JoinPage>(&p)) cards.insert(cards.end(), j->cards.begin(), j->cards.end());
    return cards;
}

const WeekPage& week(const DisplayView& v) { return std::get<WeekPage>(v.pages.back()); }

lc::Circle irregularCircle() {
    // Six meetings stated over an eight-week span: only start, next and last are known.
    auto c = circle(3140, "Knitting Circle", day(2026, 11, 3), 6, hm(14, 0), hm(15, 0));
    c.lastMeetingDate = day(2026, 12, 29);
    c.nextMeetingDate = day(2026, 12, 1);
    c.status = "in_progress";
    return c;
}

}  // namespace

TEST_CASE("Pages", "[display]") {
    const auto now = at("2026-12-01T17:40:00-06:00");

    SECTION("join: open circles with seats or no limit; full, closed and ended ones not advertised") {
        auto open = circle(3101, "Public Speaking", day(2026, 12, 1), 6, hm(18, 0), hm(19, 30));
        open.signupLimit = 12;
        open.signupCount = 5;
        auto full = circle(3102, "Resume Writing", day(2026, 11, 17), 6, hm(10, 30), hm(12, 30));
        full.signupLimit = 10;
        full.signupCount = 10;
        auto closed = circle(3104, "Learning How to Learn", day(2026, 11, 5), 6, hm(13, 0), hm(14, 30));
        closed.signupOpen = false;
        auto ended = circle(3150, "Autumn Poetry", day(2026, 10, 1), 4, hm(18, 0), hm(19, 0));
        auto walkIn = circle(3103, "Programming", day(2026, 12, 3), 8, hm(17, 30), hm(19, 0));
        auto in = input({open, full, closed, ended, walkIn}, now);
        in.circles[0].localPending = 2;  // two kiosk signups not yet in the snapshot
        const auto cards = joinCards(buildView(in, now));
        REQUIRE(cards.size() == 2);
        CHECK(cards[0].next.circleId == 3101);
        CHECK(cards[0].seatsLeft == 5);
        CHECK(cards[0].url == open.url);
        CHECK(cards[0].startDate == day(2026, 12, 1));
        CHECK(cards[0].isoWeekday == 2);
        CHECK_FALSE(cards[0].started);
        CHECK(cards[1].next.circleId == 3103);
        CHECK(cards[0].badge == SeatsBadge::SeatsLeft);
        CHECK_FALSE(cards[1].seatsLeft);  // no limit: "Open", never "walk-ins welcome"
        CHECK(cards[1].badge == SeatsBadge::Open);
        // The last free seats taken on this device make the circle full: it leaves the page.
        in.circles[0].localPending = 7;
        CHECK(joinCards(buildView(in, now)).size() == 1);
    }

    SECTION("join: a running circle can still be joined; cards split over pages") {
        std::vector<lc::Circle> many;
        for (int i = 0; i < 7; ++i)
            many.push_back(circle(3200 + i, "Circle " + std::to_string(i), day(2026, 11, 24), 6,
                                  hm(9 + i, 0), hm(10 + i, 0)));
        const auto v = buildView(input(many, now), now);
        REQUIRE(v.pages.size() == 5);  // today, 3 join pages (3+3+1), week
        const auto& j = std::get<JoinPage>(v.pages[3]);
        CHECK(j.part == 3);
        CHECK(j.parts == 3);
        REQUIRE(j.cards.size() == 1);
        // All seven started on Nov 24 and met earlier today: their next meeting is on Dec 8.
        const auto& first = std::get<JoinPage>(v.pages[1]).cards[0];
        CHECK(first.started);
        CHECK(first.next.circleId == 3200);
        CHECK(first.next.localDate == day(2026, 12, 8));
    }

    SECTION("this week: seven days from today, meetings by time") {
        auto tue = circle(3101, "Public Speaking", day(2026, 12, 1), 6, hm(18, 0), hm(19, 30));
        auto thu = circle(3103, "Programming", day(2026, 12, 3), 8, hm(17, 30), hm(19, 0));
        auto thuEarly = circle(3160, "Morning Math", day(2026, 12, 3), 2, hm(9, 0), hm(10, 0));
        const auto v = buildView(input({tue, thu, thuEarly}, now), now);
        const auto& w = week(v);
        REQUIRE(w.days.size() == 7);
        CHECK(w.days[0].today);
        CHECK(w.days[0].isoWeekday == 2);
        REQUIRE(w.days[0].rows.size() == 1);
        CHECK(w.days[0].rows[0].state == MeetingState::StartingSoon);
        REQUIRE(w.days[2].rows.size() == 2);
        CHECK(w.days[2].rows[0].circleId == 3160);
        CHECK(w.days[2].rows[1].circleId == 3103);
        CHECK(w.days[1].rows.empty());
        CHECK(w.datesVary.empty());
    }

    SECTION("irregular circles: known dates flagged, otherwise 'dates vary'") {
        const auto c = irregularCircle();
        const auto onKnownDate = buildView(input({c}, now), now);
        REQUIRE(week(onKnownDate).days[0].rows.size() == 1);
        CHECK(week(onKnownDate).days[0].rows[0].irregular);
        CHECK(week(onKnownDate).datesVary.empty());
        const auto later = at("2026-12-08T12:00:00-06:00");
        const auto v = buildView(input({c}, later), later);
        for (const auto& d : week(v).days) CHECK(d.rows.empty());
        REQUIRE(week(v).datesVary.size() == 1);
        CHECK(week(v).datesVary[0].circleId == 3140);
        const auto cards = joinCards(v);
        REQUIRE(cards.size() == 1);
        CHECK(cards[0].next.irregular);
        CHECK(cards[0].next.localDate == day(2026, 12, 29));  // the next date we know
    }
}
