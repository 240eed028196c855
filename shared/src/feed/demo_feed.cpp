#include <lc/feed/demo_feed.hpp>

#include <lc/core/schedule.hpp>

namespace lc::feed {

Date mondayOf(Date d) {
    const std::chrono::sys_days day{d};
    const std::chrono::weekday wd{day};
    return Date{day - (wd - std::chrono::Monday)};
}

void shiftForDemo(std::vector<Circle>& circles, Date referenceMonday, Date todayLocal) {
    const auto days = std::chrono::sys_days{mondayOf(todayLocal)} - std::chrono::sys_days{mondayOf(referenceMonday)};
    const std::chrono::days shift{days.count()};  // a multiple of 7: both are Mondays
    const auto move = [shift](Date d) { return Date{std::chrono::sys_days{d} + shift}; };
    for (Circle& c : circles) {
        c.startDate = move(c.startDate);
        c.lastMeetingDate = move(c.lastMeetingDate);
        if (c.nextMeetingDate) c.nextMeetingDate = move(*c.nextMeetingDate);
    }
}

Result<FeedPage> loadDemoFeed(const std::string& assetsDir, Date todayLocal) {
    auto page = parseFeedFile(assetsDir + "/demo/feed.json");
    if (!page) return page;
    // Guess zones on the dates the feed was made for: once shifted, a start date can cross a DST
    // change and no longer agree with the feed's abbreviation and offset.
    for (Circle& c : page->circles)
        if (auto guess = schedule::guessZone(c)) c.timeZone = guess->zone;
    shiftForDemo(page->circles, kDemoFeedMonday, todayLocal);
    return page;
}

}  // namespace lc::feed
