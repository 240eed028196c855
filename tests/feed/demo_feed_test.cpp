#include <lc/feed/demo_feed.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

namespace {

constexpr lc::Date ymd(int y, unsigned m, unsigned d) {
    return lc::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

lc::Circle circle(lc::Date start, lc::Date last, std::optional<lc::Date> next) {
    lc::Circle c;
    c.id = 1;
    c.startDate = start;
    c.lastMeetingDate = last;
    c.nextMeetingDate = next;
    return c;
}

std::chrono::weekday weekdayOf(lc::Date d) { return std::chrono::weekday{std::chrono::sys_days{d}}; }

}  // namespace

TEST_CASE("DemoFeed", "[feed]") {
    SECTION("mondayOf") {
        CHECK(lc::feed::mondayOf(ymd(2026, 11, 30)) == ymd(2026, 11, 30));
        CHECK(lc::feed::mondayOf(ymd(2026, 12, 6)) == ymd(2026, 11, 30));  // Sunday
        CHECK(lc::feed::mondayOf(ymd(2026, 12, 1)) == ymd(2026, 11, 30));
        CHECK(lc::feed::mondayOf(ymd(2025, 1, 1)) == ymd(2024, 12, 30));  // across a year
    }

    SECTION("today in the reference week: nothing moves") {
        std::vector<lc::Circle> cs{circle(ymd(2026, 12, 1), ymd(2027, 1, 5), ymd(2026, 12, 1))};
        lc::feed::shiftForDemo(cs, lc::feed::kDemoFeedMonday, ymd(2026, 12, 6));
        CHECK(cs[0].startDate == ymd(2026, 12, 1));
        CHECK(cs[0].lastMeetingDate == ymd(2027, 1, 5));
        CHECK(cs[0].nextMeetingDate == ymd(2026, 12, 1));
    }

    SECTION("moves every date by whole weeks, forwards and backwards, keeping weekdays") {
        std::vector<lc::Circle> cs{circle(ymd(2026, 12, 1), ymd(2027, 1, 5), ymd(2026, 12, 8)),
                                   circle(ymd(2026, 10, 3), ymd(2026, 12, 5), std::nullopt)};
        // Wednesday 2027-03-10 is in the week of Monday 2027-03-08: 14 weeks after 2026-11-30.
        lc::feed::shiftForDemo(cs, lc::feed::kDemoFeedMonday, ymd(2027, 3, 10));
        CHECK(cs[0].startDate == ymd(2027, 3, 9));
        CHECK(cs[0].lastMeetingDate == ymd(2027, 4, 13));
        CHECK(cs[0].nextMeetingDate == ymd(2027, 3, 16));
        CHECK(cs[1].startDate == ymd(2027, 1, 9));
        CHECK_FALSE(cs[1].nextMeetingDate.has_value());
        CHECK(weekdayOf(cs[1].startDate) == std::chrono::Saturday);

        std::vector<lc::Circle> back{circle(ymd(2026, 12, 1), ymd(2027, 1, 5), std::nullopt)};
        lc::feed::shiftForDemo(back, lc::feed::kDemoFeedMonday, ymd(2024, 2, 29));  // Thursday
        CHECK(back[0].startDate == ymd(2024, 2, 27));
        CHECK(weekdayOf(back[0].startDate) == std::chrono::Tuesday);
    }

    SECTION("the bundled feed parses and lands around the current week") {
        const lc::Date today = ymd(2031, 6, 18);  // a Wednesday
        auto page = lc::feed::loadDemoFeed(LC_ASSETS_DIR, today);
        REQUIRE(page.has_value());
        REQUIRE(page->circles.size() == 13);
        CHECK(page->skipped == 0);
        const lc::Date monday = lc::feed::mondayOf(today);
        // In the sample, the server's Monday falls inside 3101's first week; after the shift the
        // current Monday does.
        const auto& c = *std::find_if(page->circles.begin(), page->circles.end(),
                                      [](const lc::Circle& x) { return x.id == 3101; });
        CHECK(c.startDate == lc::Date{std::chrono::sys_days{monday} + std::chrono::days{1}});
        for (const lc::Circle& x : page->circles) {
            if (!x.nextMeetingDate) continue;
            const auto days = (std::chrono::sys_days{*x.nextMeetingDate} - std::chrono::sys_days{monday}).count();
            CHECK(days >= 0);
            CHECK(days < 7 * 6);
        }
    }

    SECTION("a missing assets dir is an error naming the file") {
        auto page = lc::feed::loadDemoFeed("/nonexistent-assets", ymd(2026, 12, 1));
        REQUIRE_FALSE(page.has_value());
        CHECK(page.error().id == "[feed.file.1]");
        CHECK(page.error().message.find("/nonexistent-assets/demo/feed.json") != std::string::npos);
    }
}
