#pragma once
// Which meeting is "now" for check-in: from `before` ahead of its start to `after` past it.

#include <optional>
#include <vector>

#include "circle_card.hpp"
#include "flow_config.hpp"

namespace lc::kiosk {

/// A circle meeting now, and which meeting.
struct MeetingNow {
    CircleEntry entry;
    Meeting meeting;
};

/// The meeting of `e` whose check-in window holds `now` (edges included).
std::optional<Meeting> meetingInWindow(const CircleEntry& e, Instant now, const FlowConfig& cfg);

/// Every circle served here with a meeting in its window, soonest start first.
std::vector<MeetingNow> meetingsNow(const std::vector<CircleEntry>& all, Instant now,
                                    const FlowConfig& cfg);

/// The next meeting served here starting after `now`'s window, if any.
std::optional<MeetingNow> nextMeetingHere(const std::vector<CircleEntry>& all, Instant now,
                                          const FlowConfig& cfg);

}  // namespace lc::kiosk
