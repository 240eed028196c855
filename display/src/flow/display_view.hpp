#pragma once
// The display's view-model: what the screens draw and --dump-view writes. Plain data, no ImGui.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <lc/core/model.hpp>

#include "flow/zone.hpp"

namespace lc::display {

/// A meeting's state at the displayed instant.
enum class MeetingState { Later, StartingSoon, InSession, Ended };

/// "later", "starting_soon", "in_session", "ended".
const char* toString(MeetingState s);

/// One meeting on a page (Today, This week) or the next meeting of a circle (Join, Upcoming).
struct MeetingRow {
    std::int64_t circleId = 0;
    std::string name;
    std::string room;
    std::string venue;
    std::string language;
    Instant start{};
    Instant end{};
    int offsetMinutes = 0;       ///< venue's UTC offset at the start
    TimeOfDay localStart{};      ///< wall clock at the venue
    TimeOfDay localEnd{};
    Date localDate{};
    MeetingState state = MeetingState::Later;
    bool latecomersWelcome = false;  ///< in session, within its first 25 minutes
    bool irregular = false;          ///< only some dates are known: "dates vary"
};

/// Today's meetings in one room (or one venue, in the demo), in time order.
struct RoomGroup {
    std::string room;
    bool ended = false;                ///< only meetings that are over ("Earlier today")
    std::string subtitle;              ///< demo: the venue's city
    std::optional<TimeOfDay> localNow; ///< demo: the venue's own wall clock
    bool available = false;            ///< one-room display: nothing in session or starting soon
    std::vector<MeetingRow> rows;
};

/// "Today at <library>": what is on now first (in session, starting soon, later), then what has
/// ended; continued on further pages when it does not fit one.
struct TodayPage {
    std::vector<RoomGroup> rooms;  ///< empty: "No circles today"
    int part = 1;
    int parts = 1;
    /// On the last Today page: this week's next meetings after today, for the space left over.
    std::vector<MeetingRow> comingUp;
};

/// What a join card says about seats: only what the feed knows.
enum class SeatsBadge { Open, SeatsLeft, Full };

/// "open", "seats_left", "full".
const char* toString(SeatsBadge b);

/// A circle that can still be joined.
struct JoinCard {
    MeetingRow next;                 ///< its next (or running) meeting
    std::string url;                 ///< P2PU signup page, for the QR code (display's language when P2PU serves it)
    std::optional<int> seatsLeft;    ///< nullopt: no limit
    SeatsBadge badge = SeatsBadge::Open;  ///< "7 seats left", "Full", "Open"
    Date startDate{};
    Date lastDate{};
    unsigned isoWeekday = 1;         ///< of its meetings (irregular: "dates vary")
    bool started = false;            ///< already running: "Join anytime"
};

/// "Join a learning circle" (several pages when there are more cards than fit one).
struct JoinPage {
    std::vector<JoinCard> cards;
    int part = 1;
    int parts = 1;
    float qrPx = 0;  ///< the QR codes' drawn size, the same on every card (set by the App from the layout)
};

/// One day of "This week".
struct WeekDay {
    Date date{};
    unsigned isoWeekday = 1;
    bool today = false;
    std::vector<MeetingRow> rows;
};

/// "This week": today and the six days after it.
struct WeekPage {
    std::vector<WeekDay> days;
    std::vector<MeetingRow> datesVary;  ///< irregular circles running this week with no known date in it
};

/// Clock not plausible: circles with their dates, no "today".
struct UpcomingPage {
    std::vector<JoinCard> circles;  ///< `next` is their first known meeting; state Later
};

/// One page of the rotation.
using Page = std::variant<TodayPage, JoinPage, WeekPage, UpcomingPage>;

/// "today", "join", "week", "upcoming".
const char* pageKind(const Page& p);

/// The top line.
struct Header {
    std::string libraryName;       ///< "" in the demo (screens say "Learning circles")
    std::optional<LocalTime> now;  ///< nullopt when the clock is not plausible
    std::string onlyRoom;          ///< one-room display
};

/// "Schedule updated <when>" (data older than the threshold).
struct StaleNote {
    std::optional<LocalTime> lastSuccess;  ///< nullopt: never synced
};

/// Everything drawn at one instant.
struct DisplayView {
    bool blank = false;             ///< outside opening hours: black, nothing drawn
    bool clockPlausible = true;
    std::string language = "en";
    Header header;
    std::vector<Page> pages;        ///< the rotation, starting on Today
    std::vector<float> bodyCapPx;   ///< per page: body text cap height as drawn (set by the App)
    std::size_t currentPage = 0;
    std::optional<StaleNote> stale;
    int shiftX = 0;                 ///< burn-in shift, pixels
    int shiftY = 0;
};

}  // namespace lc::display
