#include "flow/display_model.hpp"

#include <algorithm>
#include <array>

#include "flow/opening_hours.hpp"
#include "flow/pages.hpp"

namespace lc::display {

using std::chrono::days;
using std::chrono::seconds;
using std::chrono::sys_days;

namespace {

// The rotation slot at `now`: which turn of `interval` since the rotation started.
long long slotOf(const DisplayInput& in, Instant now, int intervalS) {
    const seconds interval{std::max(intervalS, 1)};
    if (now < in.rotationStart) return 0;
    return (now - in.rotationStart) / interval;
}

// The next turn of a rotation of `intervalS` seconds after `now`.
Instant nextTurn(const DisplayInput& in, Instant now, int intervalS) {
    if (now < in.rotationStart) return in.rotationStart;
    return in.rotationStart + seconds{std::max(intervalS, 1)} * (slotOf(in, now, intervalS) + 1);
}

std::vector<std::string> languagesOf(const DisplaySettings& s) {
    const auto& l = s.config.display.languages;
    return l.empty() ? std::vector<std::string>{"en"} : l;
}

// A slow walk around a small square, so that no pixel holds one colour for months.
std::pair<int, int> burnInShift(const DisplaySettings& s, Instant now) {
    if (!s.config.display.burnInShift) return {0, 0};
    static constexpr std::array<std::pair<int, int>, 8> kWalk{
        {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}}};
    const auto period = std::max(s.burnInPeriod, seconds{1});
    const auto k = now.time_since_epoch() / period;
    const auto& [x, y] = kWalk[std::size_t(((k % 8) + 8) % 8)];
    return {x * s.burnInPixels, y * s.burnInPixels};
}

std::vector<Page> buildPages(const DisplayInput& in, Instant now, bool plausible) {
    const auto placed = detail::placeCircles(in);
    std::vector<Page> pages;
    if (!plausible) {
        for (auto& p : detail::buildUpcoming(in, placed)) pages.emplace_back(std::move(p));
        if (pages.empty()) pages.emplace_back(UpcomingPage{});
        return pages;
    }
    for (auto& p : detail::buildToday(in, placed, now)) pages.emplace_back(std::move(p));
    for (auto& p : detail::buildJoin(in, placed, now)) pages.emplace_back(std::move(p));
    pages.emplace_back(detail::buildWeek(in, placed, now));
    return pages;
}

void consider(std::optional<Instant>& best, Instant t, Instant now) {
    if (t > now && (!best || t < *best)) best = t;
}

}  // namespace

const char* toString(MeetingState s) {
    switch (s) {
        case MeetingState::Later: return "later";
        case MeetingState::StartingSoon: return "starting_soon";
        case MeetingState::InSession: return "in_session";
        case MeetingState::Ended: return "ended";
    }
    return "later";
}

const char* toString(SeatsBadge b) {
    switch (b) {
        case SeatsBadge::Open: return "open";
        case SeatsBadge::SeatsLeft: return "seats_left";
        case SeatsBadge::Full: return "full";
    }
    return "open";
}

std::string signupUrlIn(const std::string& url, const std::string& lang,
                        const std::vector<std::string>& served) {
    // P2PU's pages sit under a language prefix: https://host/en/signup/<slug>-<id>/.
    static constexpr std::string_view kSignup = "/signup/";
    const auto at = url.find(kSignup);
    if (at == std::string::npos || std::find(served.begin(), served.end(), lang) == served.end())
        return url;
    if (url.compare(0, 8, "https://") != 0) return url;
    const auto hostEnd = url.find('/', 8);
    const auto slash = url.rfind('/', at - 1);
    if (slash == std::string::npos || slash < hostEnd || at - slash - 1 > 5) return url;
    return url.substr(0, slash + 1) + lang + url.substr(at);
}

const char* pageKind(const Page& p) {
    static constexpr std::array<const char*, 4> kNames{"today", "join", "week", "upcoming"};
    return kNames[p.index()];
}

MeetingState meetingState(const Meeting& m, Instant now, bool* latecomers) {
    if (latecomers) *latecomers = false;
    if (now >= m.end) return MeetingState::Ended;
    if (now >= m.start) {
        if (latecomers) *latecomers = now < m.start + kLatecomerWindow;
        return MeetingState::InSession;
    }
    if (now >= m.start - kStartingSoon) return MeetingState::StartingSoon;
    return MeetingState::Later;
}

bool clockBelievable(const DisplayInput& in, Instant now) {
    if (!lc::clockPlausible(now)) return false;
    // A clock earlier than a sync it has recorded has been set back.
    if (in.sync.lastSuccess && now + days{1} < *in.sync.lastSuccess) return false;
    if (in.circles.empty()) return true;
    auto earliest = sys_days::max();
    auto latest = sys_days::min();
    for (const auto& e : in.circles) {
        earliest = std::min(earliest, sys_days{e.circle.startDate});
        latest = std::max(latest, sys_days{e.circle.lastMeetingDate});
    }
    return now >= earliest - kClockSlack && now < latest + kClockSlack;
}

bool isOpen(const DisplayInput& in, Instant now) {
    // A clock that cannot be believed cannot say the library is closed: stay on.
    if (!clockBelievable(in, now)) return true;
    return openAt(in.settings.config.display, detail::headerZone(in), now);
}

DisplayView buildView(const DisplayInput& in, Instant now) {
    DisplayView v;
    const auto& s = in.settings;
    const auto& d = s.config.display;
    if (!isOpen(in, now)) {
        v.blank = true;
        return v;
    }
    v.clockPlausible = clockBelievable(in, now);
    v.header.libraryName = s.config.libraryName;
    v.header.onlyRoom = d.room;
    if (v.clockPlausible) v.header.now = detail::headerZone(in).local(now);
    v.pages = buildPages(in, now, v.clockPlausible);

    const auto n = static_cast<long long>(v.pages.size());
    v.currentPage = std::size_t(n > 1 ? slotOf(in, now, d.rotationS) % n : 0);
    const auto langs = languagesOf(s);
    v.language = langs[std::size_t(slotOf(in, now, d.languageSwitchS) % long(langs.size()))];
    for (auto& page : v.pages)
        if (auto* j = std::get_if<JoinPage>(&page))
            for (auto& c : j->cards) c.url = signupUrlIn(c.url, v.language, s.signupPageLanguages);

    const auto& last = in.sync.lastSuccess;
    if (!last || !v.clockPlausible || now - *last > std::chrono::hours{d.staleAfterH}) {
        StaleNote note;
        if (last) note.lastSuccess = detail::headerZone(in).local(*last);
        v.stale = note;
    }
    std::tie(v.shiftX, v.shiftY) = burnInShift(s, now);
    return v;
}

Instant rotationStartFor(Instant start, int rotationS) {
    const seconds interval{std::max(rotationS, 1)};
    return Instant{start.time_since_epoch() / interval * interval};
}

Instant nextDeadline(const DisplayInput& in, Instant now) {
    const auto& s = in.settings;
    const auto& d = s.config.display;
    const Zone zone = detail::headerZone(in);
    std::optional<Instant> best;
    if (clockBelievable(in, now)) {
        if (const auto change = nextHoursChange(d, zone, now)) consider(best, *change, now);
        if (!openAt(d, zone, now)) return best.value_or(now + days{1});
    }

    using std::chrono::minutes;
    consider(best, Instant{std::chrono::floor<minutes>(now)} + minutes{1}, now);
    if (buildView(in, now).pages.size() > 1) consider(best, nextTurn(in, now, d.rotationS), now);
    if (languagesOf(s).size() > 1) consider(best, nextTurn(in, now, d.languageSwitchS), now);
    if (d.burnInShift && s.burnInPixels != 0) {
        const auto period = std::max(s.burnInPeriod, seconds{1});
        consider(best, Instant{period * (now.time_since_epoch() / period + 1)}, now);
    }
    if (in.sync.lastSuccess)
        consider(best, *in.sync.lastSuccess + std::chrono::hours{d.staleAfterH} + seconds{1}, now);
    for (const auto& e : in.circles) {
        for (const auto& m : e.meetings) {
            if (m.end < now - days{1} || m.start > now + days{2}) continue;
            for (Instant t : {m.start - kStartingSoon, m.start, m.start + kLatecomerWindow, m.end})
                consider(best, t, now);
        }
    }
    return *best;
}

}  // namespace lc::display
