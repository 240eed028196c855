#include "flow/pages.hpp"

#include <algorithm>

#include <lc/core/signup_rules.hpp>
#include <lc/core/text.hpp>

namespace lc::display::detail {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

JoinCard makeCard(const Placed& p, const Meeting& next, Instant now) {
    const auto& e = *p.entry;
    JoinCard card;
    card.next = makeRow(p, next, now);
    card.url = e.circle.url;
    card.seatsLeft = lc::seatsLeft(e.circle, e.localPending);
    card.badge = !card.seatsLeft ? SeatsBadge::Open
                 : *card.seatsLeft > 0 ? SeatsBadge::SeatsLeft
                                       : SeatsBadge::Full;
    card.startDate = e.circle.startDate;
    card.lastDate = e.circle.lastMeetingDate;
    card.isoWeekday = std::chrono::weekday{sys_days{e.circle.startDate}}.iso_encoding();
    card.started = !e.meetings.empty() && e.meetings.front().start <= now;
    return card;
}

template <class PageT, class Item>
std::vector<PageT> split(std::vector<Item> items, int perPage, std::vector<Item> PageT::*field) {
    std::vector<PageT> pages;
    const std::size_t n = static_cast<std::size_t>(std::max(1, perPage));
    for (std::size_t i = 0; i < items.size(); i += n) {
        PageT page;
        const auto last = std::min(items.size(), i + n);
        (page.*field).assign(items.begin() + long(i), items.begin() + long(last));
        pages.push_back(std::move(page));
    }
    return pages;
}

}  // namespace

std::vector<Placed> placeCircles(const DisplayInput& in) {
    const auto& cfg = in.settings.config;
    std::vector<Placed> out;
    for (const auto& e : in.circles) {
        if (!lc::servesCircle(cfg, e.circle)) continue;
        std::string room = lc::roomFor(cfg, e.circle);
        if (room.empty()) room = lc::text::trim(e.circle.venue.name);
        if (!cfg.display.room.empty() && room != cfg.display.room) continue;
        out.push_back({&e, std::move(room)});
    }
    return out;
}

bool isDemo(const DisplayInput& in) { return in.settings.config.venues.empty(); }

Zone zoneFor(const DisplayInput& in, const Circle& c) {
    std::string name = lc::configuredZone(in.settings.config, c);
    if (name.empty()) name = c.timeZone;
    auto z = Zone::find(name);
    return z ? *z : Zone::utc();
}

Zone headerZone(const DisplayInput& in) {
    const auto& lib = in.settings.config.timeZone;
    auto z = Zone::find(lib.empty() ? in.fallbackZone : lib);
    return z ? *z : Zone::utc();
}

MeetingRow makeRow(const Placed& p, const Meeting& m, Instant now) {
    const auto& c = p.entry->circle;
    MeetingRow r;
    r.circleId = c.id;
    r.name = c.name;
    r.room = p.room;
    r.venue = c.venue.name;
    r.language = c.language;
    r.start = m.start;
    r.end = m.end;
    r.offsetMinutes = m.offsetMinutes;
    r.localDate = m.localDate;
    const auto wallStart = m.start + std::chrono::minutes{m.offsetMinutes};
    const auto wallEnd = m.end + std::chrono::minutes{m.offsetMinutes};
    r.localStart = std::chrono::floor<std::chrono::minutes>(wallStart - std::chrono::floor<days>(wallStart));
    r.localEnd = std::chrono::floor<std::chrono::minutes>(wallEnd - std::chrono::floor<days>(wallEnd));
    r.state = meetingState(m, now, &r.latecomersWelcome);
    r.irregular = p.entry->irregular;
    return r;
}

std::vector<JoinPage> buildJoin(const DisplayInput& in, const std::vector<Placed>& placed,
                                Instant now) {
    std::vector<JoinCard> cards;
    for (const auto& p : placed) {
        const auto& e = *p.entry;
        if (lc::signupState(e.circle, e.lastMeetingEnd, e.localPending, now) != SignupState::Open)
            continue;
        const auto next = std::find_if(e.meetings.begin(), e.meetings.end(),
                                       [&](const Meeting& m) { return m.end > now; });
        if (next == e.meetings.end()) continue;
        cards.push_back(makeCard(p, *next, now));
    }
    std::stable_sort(cards.begin(), cards.end(), [](const JoinCard& a, const JoinCard& b) {
        return a.next.start < b.next.start;
    });
    auto pages = split<JoinPage>(std::move(cards), in.settings.joinCardsPerPage, &JoinPage::cards);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        pages[i].part = int(i) + 1;
        pages[i].parts = int(pages.size());
    }
    return pages;
}

WeekPage buildWeek(const DisplayInput& in, const std::vector<Placed>& placed, Instant now) {
    const auto local = headerZone(in).local(now);
    const auto first = sys_days{local.date};
    const auto last = first + days{6};
    WeekPage page;
    for (int i = 0; i < 7; ++i) {
        WeekDay d;
        d.date = Date{first + days{i}};
        d.isoWeekday = std::chrono::weekday{first + days{i}}.iso_encoding();
        d.today = i == 0;
        page.days.push_back(std::move(d));
    }
    for (const auto& p : placed) {
        bool any = false;
        for (const auto& m : p.entry->meetings) {
            const auto day = sys_days{m.localDate};
            if (day < first || day > last) continue;
            page.days[std::size_t((day - first).count())].rows.push_back(makeRow(p, m, now));
            any = true;
        }
        const auto& c = p.entry->circle;
        if (p.entry->irregular && !any && sys_days{c.startDate} <= last &&
            sys_days{c.lastMeetingDate} >= first && !p.entry->meetings.empty()) {
            page.datesVary.push_back(makeRow(p, p.entry->meetings.front(), now));
        }
    }
    for (auto& d : page.days) {
        std::sort(d.rows.begin(), d.rows.end(),
                  [](const MeetingRow& a, const MeetingRow& b) { return a.start < b.start; });
    }
    return page;
}

std::vector<UpcomingPage> buildUpcoming(const DisplayInput& in, const std::vector<Placed>& placed) {
    std::vector<JoinCard> items;
    for (const auto& p : placed) {
        const auto& e = *p.entry;
        if (e.meetings.empty() || e.circle.status == "completed") continue;
        // With no trustworthy "now", a meeting's state is unknown: every row reads as "later".
        auto card = makeCard(p, e.meetings.front(), Instant::min());
        card.started = false;
        items.push_back(std::move(card));
    }
    std::stable_sort(items.begin(), items.end(), [](const JoinCard& a, const JoinCard& b) {
        return a.startDate < b.startDate;
    });
    return split<UpcomingPage>(std::move(items), in.settings.joinCardsPerPage * 2,
                               &UpcomingPage::circles);
}

}  // namespace lc::display::detail
