#pragma once
// The display model: pure functions of (circles and their meetings, settings, now, sync state).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <lc/core/model.hpp>

#include "flow/display_settings.hpp"
#include "flow/display_view.hpp"

namespace lc::display {

/// How long before its start a meeting is "starting soon".
inline constexpr std::chrono::minutes kStartingSoon{30};
/// How long after its start a meeting stays "now", latecomers welcome.
inline constexpr std::chrono::minutes kLatecomerWindow{25};
/// Further than this from every date in the store, the clock is not believed.
inline constexpr std::chrono::days kClockSlack{366};

/// One circle with what the store and lc::schedule know about it.
struct CircleEntry {
    Circle circle;
    std::vector<Meeting> meetings;  ///< lc::schedule::meetings, sorted by start
    bool irregular = false;         ///< lc::schedule::isIrregular
    Instant lastMeetingEnd{};       ///< lc::schedule::lastMeetingEnd
    int localPending = 0;           ///< SignupRepository::localPending
};

/// What the store says about syncing.
struct SyncInfo {
    std::optional<Instant> lastSuccess;
};

/// Everything the view depends on besides "now".
struct DisplayInput {
    DisplaySettings settings;
    std::vector<CircleEntry> circles;
    SyncInfo sync;
    Instant rotationStart{};      ///< the rotation starts on "Today" at this instant (rotationStartFor)
    std::string fallbackZone = "UTC";  ///< header zone when the settings name none (demo)
    /// Whether a Today page fits the screen at the smallest type in every language shown (the
    /// App asks the screens' layout; tests count rows). Empty: Today is one page.
    std::function<bool(const TodayPage&)> todayFits;
};

/// How many of this week's next meetings a Today page offers for its free space.
inline constexpr std::size_t kComingUpMax = 8;

/// The signup page `url` (P2PU's "/en/signup/…") in `lang` when `lang` is one of `served`;
/// otherwise `url` unchanged.
std::string signupUrlIn(const std::string& url, const std::string& lang,
                        const std::vector<std::string>& served);

/// A meeting's state at `now`; `latecomers` tells whether it is within its first 25 minutes.
MeetingState meetingState(const Meeting& m, Instant now, bool* latecomers = nullptr);

/// Whether `now` can be believed, given the store's dates and last sync.
bool clockBelievable(const DisplayInput& in, Instant now);

/// Where a rotation of `rotationS` seconds starting at `start` is anchored: the last multiple
/// of the interval on the wall clock at or before `start`. Pages then turn on the clock's grid
/// (with 12 s: at :00, :12, :24, ... of each minute), so the minute's tick is drawn in the same
/// frame as a page turn instead of a frame of its own, and two screens in one lobby turn
/// together. "Today" still shows first, for at most one interval.
Instant rotationStartFor(Instant start, int rotationS);

/// The view at `now`.
DisplayView buildView(const DisplayInput& in, Instant now);

/// The first instant after `now` when something visible may change: the minute, a page turn, a
/// meeting's state, the burn-in shift, opening or closing, the data going stale.
Instant nextDeadline(const DisplayInput& in, Instant now);

/// Whether the screen is on at `now`: inside opening hours, or the clock cannot be believed.
bool isOpen(const DisplayInput& in, Instant now);

}  // namespace lc::display
