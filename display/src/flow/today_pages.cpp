// "Today": meetings by room, what is on now first; continued over further pages when the day
// does not fit one, ended meetings giving way first. Nothing hides behind "+N more".

#include <algorithm>
#include <map>

#include "flow/pages.hpp"

namespace lc::display::detail {

using std::chrono::days;
using std::chrono::sys_days;

namespace {

using TodayFits = std::function<bool(const TodayPage&)>;

// In session first, then starting soon, then later today; ended last.
int rank(MeetingState s) {
    switch (s) {
        case MeetingState::InSession: return 0;
        case MeetingState::StartingSoon: return 1;
        case MeetingState::Later: return 2;
        case MeetingState::Ended: return 3;
    }
    return 3;
}

bool isEnded(const MeetingRow& r) { return r.state == MeetingState::Ended; }

// Today's meetings by room (the demo: by venue), each room's rows in time order.
std::map<std::string, RoomGroup> groupByRoom(const DisplayInput& in, const std::vector<Placed>& placed,
                                             Instant now) {
    const bool demo = isDemo(in);
    std::map<std::string, RoomGroup> groups;
    for (const auto& p : placed) {
        const auto local = zoneFor(in, p.entry->circle).local(now);
        const std::string key = demo ? p.entry->circle.venue.name : p.room;
        for (const auto& m : p.entry->meetings) {
            if (m.localDate != local.date) continue;
            auto& g = groups[key];
            g.room = key;
            if (demo) {
                g.subtitle = p.entry->circle.venue.city;
                g.localNow = local.minutes;
            }
            g.rows.push_back(makeRow(p, m, now));
        }
    }
    const std::string& onlyRoom = in.settings.config.display.room;
    if (!onlyRoom.empty() && groups.empty()) groups[onlyRoom].room = onlyRoom;
    for (auto& [key, g] : groups) {
        std::sort(g.rows.begin(), g.rows.end(),
                  [](const MeetingRow& a, const MeetingRow& b) { return a.start < b.start; });
        g.available = !onlyRoom.empty() && std::none_of(g.rows.begin(), g.rows.end(), [](const MeetingRow& r) {
                          return r.state == MeetingState::InSession || r.state == MeetingState::StartingSoon;
                      });
    }
    return groups;
}

// A room's place in the day: its most pressing meeting still to come (by state, then time);
// rooms whose meetings have all ended after the others, the most recently ended first.
bool comesBefore(const RoomGroup& a, const RoomGroup& b) {
    const auto pressing = [](const RoomGroup& g) -> std::pair<int, long long> {
        const auto it = std::find_if_not(g.rows.begin(), g.rows.end(), isEnded);
        if (it != g.rows.end()) return {rank(it->state), (long long)it->start.time_since_epoch().count()};
        if (g.rows.empty()) return {4, 0};
        return {3, -(long long)g.rows.back().end.time_since_epoch().count()};
    };
    return pressing(a) < pressing(b);
}

// Within a room: meetings still to come in time order (which is state order), then ended ones.
void endedLast(RoomGroup& g) {
    std::stable_partition(g.rows.begin(), g.rows.end(), [](const MeetingRow& r) { return !isEnded(r); });
}

// Every room once, in day order.
std::vector<RoomGroup> merged(std::map<std::string, RoomGroup> groups) {
    std::vector<RoomGroup> out;
    for (auto& [key, g] : groups) {
        endedLast(g);
        out.push_back(std::move(g));
    }
    std::stable_sort(out.begin(), out.end(), comesBefore);
    return out;
}

// Rooms with what is still to come, then the ended meetings under their rooms again (ended):
// what gives way first when the day does not fit one page.
std::vector<RoomGroup> split(const std::vector<RoomGroup>& rooms) {
    std::vector<RoomGroup> active, ended;
    for (const auto& g : rooms) {
        RoomGroup a = g, e = g;
        std::erase_if(a.rows, isEnded);
        std::erase_if(e.rows, [](const MeetingRow& r) { return !isEnded(r); });
        e.ended = true;
        if (!a.rows.empty() || g.rows.empty()) active.push_back(std::move(a));
        if (!e.rows.empty()) ended.push_back(std::move(e));
    }
    std::stable_sort(ended.begin(), ended.end(), comesBefore);
    active.insert(active.end(), std::make_move_iterator(ended.begin()), std::make_move_iterator(ended.end()));
    return active;
}

std::size_t rowCount(const TodayPage& p) {
    std::size_t n = 0;
    for (const auto& g : p.rooms) n += g.rows.size();
    return n;
}

// Rows in order, as many on a page as fit; a room continued on the next page repeats its name,
// and a room's name never ends a page without its first row.
std::vector<TodayPage> paginate(const std::vector<RoomGroup>& seq, const TodayFits& fits) {
    std::vector<TodayPage> pages(1);
    for (const auto& g : seq) {
        RoomGroup header = g;
        header.rows.clear();
        if (g.rows.empty()) {
            pages.back().rooms.push_back(header);
            continue;
        }
        bool open = false;  // this room has a group on the current page
        for (const auto& r : g.rows) {
            TodayPage candidate = pages.back();
            if (!open) candidate.rooms.push_back(header);
            candidate.rooms.back().rows.push_back(r);
            if (rowCount(pages.back()) == 0 || fits(candidate)) {
                pages.back() = std::move(candidate);
            } else {
                pages.emplace_back();
                pages.back().rooms.push_back(header);
                pages.back().rooms.back().rows.push_back(r);
            }
            open = true;
        }
    }
    return pages;
}

// This week's next meetings after today, in time order.
std::vector<MeetingRow> comingUp(const DisplayInput& in, const std::vector<Placed>& placed, Instant now) {
    const auto today = sys_days{headerZone(in).local(now).date};
    std::vector<MeetingRow> rows;
    for (const auto& p : placed) {
        for (const auto& m : p.entry->meetings) {
            const auto d = sys_days{m.localDate};
            if (d > today && d <= today + days{6}) rows.push_back(makeRow(p, m, now));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const MeetingRow& a, const MeetingRow& b) { return a.start < b.start; });
    if (rows.size() > kComingUpMax) rows.resize(kComingUpMax);
    return rows;
}

}  // namespace

std::vector<TodayPage> buildToday(const DisplayInput& in, const std::vector<Placed>& placed, Instant now) {
    auto rooms = merged(groupByRoom(in, placed, now));
    if (in.settings.config.display.room.empty())
        std::erase_if(rooms, [](const RoomGroup& g) { return g.rows.empty(); });
    std::vector<TodayPage> pages(1);
    pages[0].rooms = rooms;
    if (in.todayFits && !pages[0].rooms.empty() && !in.todayFits(pages[0]))
        pages = paginate(split(rooms), in.todayFits);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        pages[i].part = int(i) + 1;
        pages[i].parts = int(pages.size());
    }
    pages.back().comingUp = comingUp(in, placed, now);
    return pages;
}

}  // namespace lc::display::detail
