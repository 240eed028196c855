#include "meeting_window.hpp"

#include <algorithm>

namespace lc::kiosk {

std::optional<Meeting> meetingInWindow(const CircleEntry& e, Instant now, const FlowConfig& cfg) {
    for (const auto& m : e.meetings) {
        if (now >= m.start - cfg.checkinBefore && now <= m.start + cfg.checkinAfter) return m;
    }
    return std::nullopt;
}

std::vector<MeetingNow> meetingsNow(const std::vector<CircleEntry>& all, Instant now,
                                    const FlowConfig& cfg) {
    std::vector<MeetingNow> out;
    for (const auto& e : all) {
        if (!servedHere(e.circle, cfg.venues)) continue;
        if (auto m = meetingInWindow(e, now, cfg)) out.push_back({e, *m});
    }
    std::stable_sort(out.begin(), out.end(), [](const MeetingNow& a, const MeetingNow& b) {
        return a.meeting.start < b.meeting.start;
    });
    return out;
}

std::optional<MeetingNow> nextMeetingHere(const std::vector<CircleEntry>& all, Instant now,
                                          const FlowConfig& cfg) {
    std::optional<MeetingNow> best;
    for (const auto& e : all) {
        if (!servedHere(e.circle, cfg.venues)) continue;
        for (const auto& m : e.meetings) {
            if (m.start - cfg.checkinBefore <= now) continue;
            if (!best || m.start < best->meeting.start) best = MeetingNow{e, m};
            break;
        }
    }
    return best;
}

}  // namespace lc::kiosk
