#pragma once
// Page builders behind buildView (internal to display_flows).

#include <string>
#include <vector>

#include "flow/display_model.hpp"
#include "flow/zone.hpp"

namespace lc::display::detail {

/// A circle this display serves, with its room.
struct Placed {
    const CircleEntry* entry = nullptr;
    std::string room;
};

/// The circles this display serves (its venues, or one room; every venue in the demo).
std::vector<Placed> placeCircles(const DisplayInput& in);

/// True with no venues configured: every venue in the store, grouped by venue, each in its own zone.
bool isDemo(const DisplayInput& in);

/// The zone of the library, or of the circle's venue in the demo (UTC when unknown).
Zone zoneFor(const DisplayInput& in, const Circle& c);

/// The zone of the header clock: the library's, else the fallback.
Zone headerZone(const DisplayInput& in);

/// A row for meeting `m` of `p` at `now`.
MeetingRow makeRow(const Placed& p, const Meeting& m, Instant now);

/// Today in state order (in session, starting soon, later, then ended), over as many pages as
/// in.todayFits needs; the last page offers this week's next meetings.
std::vector<TodayPage> buildToday(const DisplayInput& in, const std::vector<Placed>& placed,
                                  Instant now);
std::vector<JoinPage> buildJoin(const DisplayInput& in, const std::vector<Placed>& placed,
                                Instant now);
WeekPage buildWeek(const DisplayInput& in, const std::vector<Placed>& placed, Instant now);
std::vector<UpcomingPage> buildUpcoming(const DisplayInput& in, const std::vector<Placed>& placed);

}  // namespace lc::display::detail
