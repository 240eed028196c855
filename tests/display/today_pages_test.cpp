// Today on a busy day: state order, pages instead of "+N more", rooms kept with their rows,
// this week's next meetings for the free space; badges and localized signup links.

#include <set>

#include <catch2/catch.hpp>

#include "display_fixtures.hpp"
#include "flow/display_model.hpp"

using namespace lc::display;
using namespace lc::display::testing;

namespace {

std::vector<TodayPage> todayPages(const DisplayView& v) {
    std::vector<TodayPage> out;
    for (const auto& p : v.pages)
        if (const auto* t = std::get_if<TodayPage>(&p)) out.push_back(*t);
    return out;
}

std::vector<std::int64_t> ids(const TodayPage& p) {
    std::vector<std::int64_t> out;
    for (const auto& g : p.rooms)
        for (const auto& r : g.rows) out.push_back(r.circleId);
    return out;
}

// A fake layout: a page holds `rows` rows whatever their rooms.
std::function<bool(const TodayPage&)> atMost(std::size_t rows) {
    return [rows](const TodayPage& p) { return ids(p).size() <= rows; };
}

}  // namespace

TEST_CASE("TodayPages", "[display]") {
    const auto now = at("2026-12-01T13:50:00-06:00");  // a Tuesday
    auto in = input(busyDay(), now);
    in.settings.config = busyConfig();

    SECTION("one page when it fits: the circle in session first, then the one starting soon") {
        const auto pages = todayPages(buildView(in, now));
        REQUIRE(pages.size() == 1);
        const auto& rooms = pages[0].rooms;
        REQUIRE(rooms.size() == 5);
        CHECK(rooms[0].room == "Room 4N-1");
        CHECK(rooms[0].rows.at(0).state == MeetingState::InSession);
        CHECK(rooms[1].room == "Computer Lab 2");
        CHECK(rooms[1].rows.at(0).state == MeetingState::StartingSoon);
        CHECK(rooms[1].rows.at(0).circleId == 4105);
        // A room's ended meetings come after its meetings still to come.
        CHECK(rooms[2].room == "Lower Level Classroom");
        CHECK(rooms[2].rows.at(0).circleId == 4106);
        CHECK(rooms[2].rows.at(1).state == MeetingState::Ended);
        CHECK(ids(pages[0]).size() == 9);
    }

    SECTION("when it does not fit: further pages, ended meetings last, nothing left out") {
        in.todayFits = atMost(4);
        const auto v = buildView(in, now);
        const auto pages = todayPages(v);
        REQUIRE(pages.size() == 3);
        CHECK(ids(pages[0]) == std::vector<std::int64_t>{4104, 4105, 4107, 4106});
        std::multiset<std::int64_t> all;
        for (const auto& p : pages) {
            CHECK(p.parts == 3);
            for (const auto& g : p.rooms) CHECK_FALSE(g.rows.empty());  // no name without its rows
            for (auto id : ids(p)) all.insert(id);
        }
        CHECK(all.size() == 9);
        CHECK(std::set<std::int64_t>(all.begin(), all.end()).size() == 9);
        // Ended meetings come after every other, under their rooms marked ended.
        bool endedSeen = false;
        for (const auto& p : pages) {
            for (const auto& g : p.rooms) {
                for (const auto& r : g.rows) {
                    const bool ended = r.state == MeetingState::Ended;
                    CHECK(ended == g.ended);
                    CHECK((ended || !endedSeen));
                    endedSeen = endedSeen || ended;
                }
            }
        }
        CHECK(ids(pages[2]) == std::vector<std::int64_t>{4101});
        // The rotation: Today 1/3, 2/3, 3/3 first.
        CHECK(std::get<TodayPage>(v.pages[1]).part == 2);
    }

    SECTION("a room continued on the next page repeats its name") {
        in.todayFits = atMost(2);
        const auto pages = todayPages(buildView(in, now));
        // Computer Lab 2 has 14:00 and 16:00: split over pages 1 and 2.
        CHECK(pages[0].rooms.back().room == "Computer Lab 2");
        CHECK(pages[1].rooms.front().room == "Computer Lab 2");
    }

    SECTION("the last page offers this week's next meetings, in time order") {
        auto thursday = circle(4110, "Chess Club", day(2026, 12, 3), 4, hm(17, 0), hm(18, 30));
        in.circles.push_back(entry(thursday));
        const auto pages = todayPages(buildView(in, now));
        const auto& next = pages.back().comingUp;
        REQUIRE_FALSE(next.empty());
        CHECK(next.size() <= kComingUpMax);
        CHECK(next[0].localDate == day(2026, 12, 3));  // Thursday's circle
        for (std::size_t i = 1; i < next.size(); ++i) CHECK(next[i - 1].start <= next[i].start);
    }

    SECTION("badges say only what the feed knows") {
        auto open = busyDay()[0];
        open.signupLimit.reset();
        auto few = busyDay()[1];
        few.signupLimit = 12;
        few.signupCount = 5;
        const auto v = buildView(input({open, few}, now), now);
        std::map<std::int64_t, JoinCard> cards;
        for (const auto& p : v.pages)
            if (const auto* j = std::get_if<JoinPage>(&p))
                for (const auto& c : j->cards) cards[c.next.circleId] = c;
        REQUIRE(cards.size() == 2);
        CHECK(cards[open.id].badge == SeatsBadge::Open);
        CHECK(cards[few.id].badge == SeatsBadge::SeatsLeft);
        CHECK(cards[few.id].seatsLeft == 7);
        CHECK(std::string(toString(SeatsBadge::Full)) == "full");
    }
}

TEST_CASE("SignupUrlIn", "[display]") {
    const std::string en = "https://learningcircles.p2pu.org/en/signup/harold-washington-library-center-3101/";
    SECTION("a language P2PU serves replaces the prefix") {
        CHECK(signupUrlIn(en, "fr", {"en", "fr"}) ==
              "https://learningcircles.p2pu.org/fr/signup/harold-washington-library-center-3101/");
        CHECK(signupUrlIn(en, "en", {"en"}) == en);
    }
    SECTION("a language not known to be served, or an unexpected URL, is left alone") {
        CHECK(signupUrlIn(en, "sw", {"en"}) == en);
        CHECK(signupUrlIn("https://example.org/signup/x/", "fr", {"fr"}) == "https://example.org/signup/x/");
        CHECK(signupUrlIn("http://h/en/signup/x/", "fr", {"fr"}) == "http://h/en/signup/x/");
        CHECK(signupUrlIn("", "fr", {"fr"}).empty());
    }
}
