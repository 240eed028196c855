#include <set>

#include <catch2/catch.hpp>

#include "display_fixtures.hpp"
#include "flow/display_model.hpp"

using namespace lc::display;
using namespace lc::display::testing;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const TodayPage& today(const DisplayView& v) { return std::get<TodayPage>(v.pages.at(0)); }

std::vector<MeetingRow> todayRows(const DisplayView& v) {
    std::vector<MeetingRow> rows;
    for (const auto& g : today(v).rooms) rows.insert(rows.end(), g.rows.begin(), g.rows.end());
    return rows;
}

// Public Speaking, Tuesdays 18:00-19:30 from 2026-12-01, six weeks.
lc::Circle publicSpeaking() { return circle(3101, "Public Speaking", day(2026, 12, 1), 6, hm(18, 0), hm(19, 30)); }

MeetingState stateAt(const char* iso) {
    const auto now = at(iso);
    const auto rows = todayRows(buildView(input({publicSpeaking()}, now), now));
    REQUIRE(rows.size() == 1);
    return rows[0].state;
}

}  // namespace

TEST_CASE("DisplayModel", "[display]") {
    SECTION("states around the start and the end") {
        CHECK(stateAt("2026-12-01T17:29:59-06:00") == MeetingState::Later);
        CHECK(stateAt("2026-12-01T17:30:00-06:00") == MeetingState::StartingSoon);
        CHECK(stateAt("2026-12-01T17:40:00-06:00") == MeetingState::StartingSoon);
        CHECK(stateAt("2026-12-01T17:59:59-06:00") == MeetingState::StartingSoon);
        CHECK(stateAt("2026-12-01T18:00:00-06:00") == MeetingState::InSession);
        CHECK(stateAt("2026-12-01T19:29:59-06:00") == MeetingState::InSession);
        CHECK(stateAt("2026-12-01T19:30:00-06:00") == MeetingState::Ended);
        CHECK(stateAt("2026-12-01T23:59:00-06:00") == MeetingState::Ended);
    }

    SECTION("the 25-minute latecomer window") {
        const auto circleIn = [](const char* iso) {
            const auto now = at(iso);
            return todayRows(buildView(input({publicSpeaking()}, now), now)).at(0);
        };
        CHECK(circleIn("2026-12-01T18:00:00-06:00").latecomersWelcome);
        CHECK(circleIn("2026-12-01T18:24:59-06:00").latecomersWelcome);
        const auto late = circleIn("2026-12-01T18:25:00-06:00");
        CHECK(late.state == MeetingState::InSession);
        CHECK_FALSE(late.latecomersWelcome);
        CHECK_FALSE(circleIn("2026-12-01T17:59:00-06:00").latecomersWelcome);
    }

    SECTION("a row carries room, times with the venue's offset, and is in today's page") {
        const auto now = at("2026-12-01T17:40:00-06:00");
        const auto v = buildView(input({publicSpeaking()}, now), now);
        REQUIRE(today(v).rooms.size() == 1);
        CHECK(today(v).rooms[0].room == "Room 4N-1");
        const auto& r = today(v).rooms[0].rows.at(0);
        CHECK(r.circleId == 3101);
        CHECK(formatIsoLocal(r.start, r.offsetMinutes) == "2026-12-01T18:00:00-06:00");
        CHECK(formatIsoLocal(r.end, r.offsetMinutes) == "2026-12-01T19:30:00-06:00");
        CHECK(r.localStart == hm(18, 0));
    }

    SECTION("rooms in order of their first meeting, meetings in time order") {
        auto morning = circle(3102, "Resume Writing", day(2026, 11, 17), 6, hm(10, 30), hm(12, 30));
        auto evening = circle(3120, "Chess Club", day(2026, 12, 1), 4, hm(19, 45), hm(21, 0));
        const auto now = at("2026-12-01T09:00:00-06:00");
        const auto v = buildView(input({publicSpeaking(), evening, morning}, now), now);
        REQUIRE(today(v).rooms.size() == 2);
        CHECK(today(v).rooms[0].room == "Lower Level Classroom");
        REQUIRE(today(v).rooms[0].rows.size() == 2);
        CHECK(today(v).rooms[0].rows[0].circleId == 3102);
        CHECK(today(v).rooms[0].rows[1].circleId == 3120);
        CHECK(today(v).rooms[1].room == "Room 4N-1");
    }

    SECTION("midnight: the local day decides, not the UTC day") {
        // 18:00 in Chicago is already 00:00 UTC on the 2nd: still today at 23:59 local.
        const auto late = at("2026-12-01T23:59:59-06:00");
        CHECK(todayRows(buildView(input({publicSpeaking()}, late), late)).size() == 1);
        const auto next = at("2026-12-02T00:00:00-06:00");
        const auto v = buildView(input({publicSpeaking()}, next), next);
        CHECK(today(v).rooms.empty());
        CHECK(v.header.now->date == day(2026, 12, 2));
        CHECK(v.header.now->isoWeekday == 3);
    }

    SECTION("a DST change day: wall clock kept, offset changes") {
        // Chicago leaves DST on Sunday 2026-11-01; the circle meets Sundays at 10:00 from 10-25.
        auto sunday = circle(3130, "Sunday Sketching", day(2026, 10, 25), 4, hm(10, 0), hm(11, 30));
        const auto now = at("2026-11-01T09:45:00-06:00");
        const auto v = buildView(input({sunday}, now), now);
        const auto rows = todayRows(v);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].state == MeetingState::StartingSoon);
        CHECK(formatIsoLocal(rows[0].start, rows[0].offsetMinutes) == "2026-11-01T10:00:00-06:00");
        CHECK(v.header.now->minutes == hm(9, 45));
        // The grid still has seven distinct local days across the change.
        const auto& week = std::get<WeekPage>(v.pages.back());
        REQUIRE(week.days.size() == 7);
        CHECK(week.days[0].date == day(2026, 11, 1));
        CHECK(week.days[6].date == day(2026, 11, 7));
        // Spring forward: 2027-03-14 at 18:00 is CDT (-05:00).
        auto spring = circle(3131, "Spring Circle", day(2027, 3, 7), 3, hm(18, 0), hm(19, 0));
        const auto s = at("2027-03-14T17:45:00-05:00");
        const auto srows = todayRows(buildView(input({spring}, s), s));
        REQUIRE(srows.size() == 1);
        CHECK(formatIsoLocal(srows[0].start, srows[0].offsetMinutes) == "2027-03-14T18:00:00-05:00");
        CHECK(srows[0].state == MeetingState::StartingSoon);
    }

    SECTION("an empty day: no rooms; one-room display says the room is available") {
        const auto now = at("2026-12-02T12:00:00-06:00");
        auto in = input({publicSpeaking()}, now);
        CHECK(today(buildView(in, now)).rooms.empty());
        in.settings.config.display.room = "Room 4N-1";
        const auto v = buildView(in, now);
        REQUIRE(today(v).rooms.size() == 1);
        CHECK(today(v).rooms[0].available);
        CHECK(v.header.onlyRoom == "Room 4N-1");
        // On Tuesday at 17:40 the room is about to be used.
        const auto tue = at("2026-12-01T17:40:00-06:00");
        CHECK_FALSE(today(buildView(in, tue)).rooms.at(0).available);
        // Another room's circle is not shown on this room's display.
        in.settings.config.display.room = "Lower Level Classroom";
        CHECK(todayRows(buildView(in, tue)).empty());
    }

    SECTION("circles of other venues are not this library's") {
        auto elsewhere = publicSpeaking();
        elsewhere.id = 3199;
        elsewhere.venue.name = "Sulzer Regional Library";
        const auto now = at("2026-12-01T17:40:00-06:00");
        const auto rows = todayRows(buildView(input({publicSpeaking(), elsewhere}, now), now));
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].circleId == 3101);
    }

    SECTION("demo: every venue grouped by venue, each in its own local time") {
        auto nairobi = circle(3108, "Kompyuta kwa Wote", day(2026, 12, 5), 6, hm(10, 0), hm(12, 0));
        nairobi.venue = {"McMillan Memorial Library", "", "Nairobi", "", "Kenya", {}, {}};
        nairobi.timeZone = "Africa/Nairobi";
        const auto now = at("2026-12-05T09:40:00+03:00");  // Saturday 00:40 in Chicago
        auto saturday = circle(3105, "Build Your First Website", day(2026, 12, 5), 6, hm(11, 0), hm(13, 0));
        DisplayInput in;
        for (const auto& c : {nairobi, saturday}) in.circles.push_back(entry(c));
        in.sync.lastSuccess = now;
        in.rotationStart = now;
        in.fallbackZone = "America/Chicago";
        const auto v = buildView(in, now);
        REQUIRE(today(v).rooms.size() == 2);
        CHECK(today(v).rooms[0].room == "McMillan Memorial Library");
        CHECK(today(v).rooms[0].subtitle == "Nairobi");
        CHECK(today(v).rooms[0].localNow == hm(9, 40));
        CHECK(today(v).rooms[0].rows.at(0).state == MeetingState::StartingSoon);
        CHECK(today(v).rooms[1].localNow == hm(0, 40));
        CHECK(v.header.now->minutes == hm(0, 40));
    }
}

TEST_CASE("DisplayModel guards, rotation and deadlines", "[display]") {
    const auto now = at("2026-12-01T17:40:00-06:00");

    SECTION("stale data: a discreet note past 24 h, with when") {
        auto in = input({publicSpeaking()}, now);
        in.sync.lastSuccess = now - std::chrono::hours{23};
        CHECK_FALSE(buildView(in, now).stale);
        in.sync.lastSuccess = now - std::chrono::hours{25};
        const auto v = buildView(in, now);
        REQUIRE(v.stale);
        REQUIRE(v.stale->lastSuccess);
        CHECK(v.stale->lastSuccess->date == day(2026, 11, 30));
        CHECK(v.stale->lastSuccess->minutes == hm(16, 40));
        // The last good data is still shown.
        CHECK(todayRows(v).size() == 1);
        in.settings.config.display.staleAfterH = 48;
        CHECK_FALSE(buildView(in, now).stale);
        in.sync.lastSuccess.reset();
        REQUIRE(buildView(in, now).stale);
        CHECK_FALSE(buildView(in, now).stale->lastSuccess);
    }

    SECTION("the data going stale is a deadline") {
        auto in = input({publicSpeaking()}, now);
        in.settings.config.display.burnInShift = false;
        in.sync.lastSuccess = now - std::chrono::hours{24};
        CHECK(nextDeadline(in, now) == now + seconds{1});
    }

    SECTION("implausible clock: no today, upcoming circles with their dates") {
        for (const char* iso : {"1970-01-01T00:00:10Z", "2026-06-01T12:00:00-05:00",
                                "2031-01-01T12:00:00-06:00"}) {
            const auto t = at(iso);
            auto in = input({publicSpeaking()}, now);
            const auto v = buildView(in, t);
            CHECK_FALSE(v.clockPlausible);
            CHECK_FALSE(v.header.now);
            REQUIRE(v.pages.size() == 1);
            const auto& up = std::get<UpcomingPage>(v.pages[0]);
            REQUIRE(up.circles.size() == 1);
            CHECK(up.circles[0].startDate == day(2026, 12, 1));
            CHECK(up.circles[0].next.state == MeetingState::Later);
            CHECK(v.stale);  // "Schedule updated <when>" says how old the list is
        }
        // A clock set back more than a day before the last recorded sync is not believed.
        auto in = input({publicSpeaking()}, now);
        in.sync.lastSuccess = now + std::chrono::days{3};
        CHECK_FALSE(buildView(in, now).clockPlausible);
        // An empty store only has the floor to go by.
        auto empty = input({}, now);
        CHECK(buildView(empty, now).clockPlausible);
    }

    SECTION("rotation starts on Today, turns every 12 s, one page does not rotate") {
        auto in = input({publicSpeaking()}, now);
        const auto v0 = buildView(in, now);
        REQUIRE(v0.pages.size() == 3);  // today, join, week
        CHECK(std::string(pageKind(v0.pages[0])) == "today");
        CHECK(std::string(pageKind(v0.pages[1])) == "join");
        CHECK(std::string(pageKind(v0.pages[2])) == "week");
        CHECK(v0.currentPage == 0);
        CHECK(buildView(in, now + seconds{11}).currentPage == 0);
        CHECK(buildView(in, now + seconds{12}).currentPage == 1);
        CHECK(buildView(in, now + seconds{24}).currentPage == 2);
        CHECK(buildView(in, now + seconds{36}).currentPage == 0);
        in.settings.config.display.burnInShift = false;
        CHECK(nextDeadline(in, now) == now + seconds{12});
        // A clock gone wrong shows one page: nothing turns, the minute alone ticks.
        const auto wrong = at("2020-01-01T10:00:30Z");
        CHECK(buildView(in, wrong).pages.size() == 1);
        CHECK(nextDeadline(in, wrong) == at("2020-01-01T10:01:00Z"));
    }

    SECTION("two languages alternate") {
        auto in = input({publicSpeaking()}, now);
        in.settings.config.display.languages = {"fr", "en"};
        in.settings.config.display.languageSwitchS = 30;
        CHECK(buildView(in, now).language == "fr");
        CHECK(buildView(in, now + seconds{29}).language == "fr");
        CHECK(buildView(in, now + seconds{30}).language == "en");
        CHECK(buildView(in, now + seconds{60}).language == "fr");
        const auto forced = settingsFromConfig(in.settings.config, "sw");
        in.settings = forced;
        CHECK(buildView(in, now + seconds{30}).language == "sw");
    }

    SECTION("burn-in: the picture moves a few pixels every few minutes") {
        auto in = input({publicSpeaking()}, now);
        std::set<std::pair<int, int>> seen;
        for (int k = 0; k < 8; ++k) {
            const auto v = buildView(in, now + std::chrono::minutes{3 * k});
            CHECK(std::abs(v.shiftX) <= 3);
            CHECK(std::abs(v.shiftY) <= 3);
            seen.insert({v.shiftX, v.shiftY});
        }
        CHECK(seen.size() == 8);
        in.settings = settingsFromConfig([] { auto c = chicagoConfig(); c.display.burnInShift = false; return c; }());
        CHECK(buildView(in, now + std::chrono::minutes{3}).shiftX == 0);
    }

    SECTION("the rotation runs on the wall clock's grid: the minute and a page turn share a frame") {
        using std::chrono::minutes;
        // Started 17:40:05: anchored at 17:40:00, Today first, turns at :12, :24, ... :00.
        const auto started = now + seconds{5};
        CHECK(rotationStartFor(started, 12) == now);
        CHECK(rotationStartFor(now + seconds{59}, 12) == now + seconds{48});
        CHECK(rotationStartFor(now, 12) == now);
        CHECK(rotationStartFor(now + seconds{59}, 0) == now + seconds{59});  // 0 reads as 1 s
        auto in = input({publicSpeaking()}, now);
        in.settings.config.display.burnInShift = false;
        in.rotationStart = rotationStartFor(started, 12);
        CHECK(buildView(in, started).currentPage == 0);
        CHECK(nextDeadline(in, started) == now + seconds{12});
        CHECK(buildView(in, now + seconds{12}).currentPage == 1);
        // Every deadline of the next minutes is a page turn: the minute ticks with one.
        int frames = 0;
        for (auto t = started; t < now + minutes{10}; t = nextDeadline(in, t)) ++frames;
        CHECK(frames == 50);  // the start, and 49 turns up to 17:49:48; no frame for a minute alone
        // Anchored at the start instead, the minute would cost frames of its own.
        in.rotationStart = started;
        frames = 0;
        for (auto t = started; t < now + minutes{10}; t = nextDeadline(in, t)) ++frames;
        CHECK(frames == 59);  // the start, 49 turns (17:40:17 ... 17:49:53), and 9 minutes alone
    }

    SECTION("deadlines: never later than a meeting's state change, always after now") {
        auto in = input({publicSpeaking()}, now);
        in.settings.config.display.rotationS = 3600;
        in.settings.config.display.burnInShift = false;
        auto t = at("2026-12-01T17:29:30-06:00");
        for (int i = 0; i < 200 && t < at("2026-12-01T19:31:00-06:00"); ++i) {
            const auto next = nextDeadline(in, t);
            CHECK(next > t);
            CHECK(next - t <= seconds{60});
            t = next;
        }
        CHECK(nextDeadline(in, at("2026-12-01T17:29:30-06:00")) == at("2026-12-01T17:30:00-06:00"));
    }
}
