#include <lc/core/circle_summary.hpp>

#include <lc/core/schedule.hpp>

namespace lc {

Result<CircleSummary> summarize(const Circle& c, int localPending, Instant now) {
    auto meetings = schedule::meetings(c);
    if (!meetings) return fail(meetings.error());
    auto lastEnd = schedule::lastMeetingEnd(c);
    if (!lastEnd) return fail(lastEnd.error());
    CircleSummary s;
    s.meetings = std::move(*meetings);
    s.irregular = schedule::isIrregular(c);
    if (!s.meetings.empty()) {
        s.first = s.meetings.front();
        s.last = s.meetings.back();
    }
    s.next = schedule::nextMeetingAfter(s.meetings, now);
    s.lastEnd = *lastEnd;
    s.state = signupState(c, s.lastEnd, localPending, now);
    s.seatsLeft = seatsLeft(c, localPending);
    return s;
}

}  // namespace lc
