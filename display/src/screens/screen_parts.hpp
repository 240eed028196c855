#pragma once
// Pieces shared by the display's pages (internal to display_screens).

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include <lc/ui/ui.hpp>

#include "flow/display_view.hpp"

namespace lc::display {

/// Where a page draws: screen coordinates.
struct Area {
    ImVec2 pos;
    ImVec2 size;
    bool portrait = false;
    float right() const { return pos.x + size.x; }
    float bottom() const { return pos.y + size.y; }
};

/// "Starting soon", "Now · latecomers welcome", "In session", "Ended", or "" (later).
std::string stateLabel(lc::ui::Ui& ui, const MeetingRow& r);
/// The colour of that label's badge.
ImVec4 stateColor(const lc::ui::Ui& ui, const MeetingRow& r);
/// `s` with its spaces made non-breaking: a time or a date never breaks across lines.
std::string glued(std::string_view s);
/// "6:00 PM – 7:30 PM" in the current language, each time kept whole.
std::string timeRangeText(lc::ui::Ui& ui, const MeetingRow& r);
/// "Every Tuesday, 6:00 PM" or "Dates vary · 6:00 PM".
std::string recurrenceText(lc::ui::Ui& ui, const JoinCard& c);
/// "Starts Dec 1" or "Started Nov 17 · join anytime".
std::string startText(lc::ui::Ui& ui, const JoinCard& c);
/// What the feed knows: "7 seats left", "Full" or "Open".
std::string seatsText(lc::ui::Ui& ui, const JoinCard& c);
/// "English", "Français", … for a language code (the code itself when unknown).
std::string languageName(lc::ui::Ui& ui, const std::string& code);

/// A rounded badge with `label` at `pos`; returns its size. Nothing drawn for an empty label.
ImVec2 drawBadge(lc::ui::Ui& ui, ImVec2 pos, const std::string& label, ImVec4 color,
                 lc::ui::FontRole role = lc::ui::FontRole::Body);
/// The size drawBadge would take.
ImVec2 badgeSize(const lc::ui::Ui& ui, const std::string& label,
                 lc::ui::FontRole role = lc::ui::FontRole::Body);

/// A filled rounded rectangle (cards, panels).
void drawPanel(lc::ui::Ui& ui, ImVec2 pos, ImVec2 size, ImVec4 color);

/// The fit pass: the largest step of the font ladder at which `fits()` holds (measured with that
/// step in use), else step 0, the floor; that step stays in use. No atlas is rebuilt.
int fitPage(lc::ui::Ui& ui, const std::function<bool()>& fits);

/// Join cards on one page: three side by side in landscape, one in portrait (its type is large).
inline int joinCardsPerPage(bool portrait) { return portrait ? 1 : 3; }

/// The smallest QR code that scans from a step back: a fifth of the screen's shorter side.
inline float minQrSide(ImVec2 screen) { return std::ceil(std::min(screen.x, screen.y) / 5.0f); }

/// Whether Today `page` fits `a` at the type in use (landscape: in one or two columns).
bool todayFits(lc::ui::Ui& ui, const TodayPage& page, const Area& a);

// Each page: fit* runs the fit pass and leaves the chosen step in use (returns it); draw* fits,
// then draws.
int fitTodayPage(lc::ui::Ui& ui, const TodayPage& page, const Area& a);
void drawTodayPage(lc::ui::Ui& ui, const TodayPage& page, const Area& a);
/// Fits a join page; returns the QR side it is drawn with (the same on every card).
float joinQrSide(lc::ui::Ui& ui, const JoinPage& page, const Area& a, ImVec2 screen);
void drawJoinPage(lc::ui::Ui& ui, const JoinPage& page, const Area& a, ImVec2 screen);
int fitWeekPage(lc::ui::Ui& ui, const WeekPage& page, const Area& a);
void drawWeekPage(lc::ui::Ui& ui, const WeekPage& page, const Area& a);
int fitUpcomingPage(lc::ui::Ui& ui, const UpcomingPage& page, const Area& a);
void drawUpcomingPage(lc::ui::Ui& ui, const UpcomingPage& page, const Area& a);

}  // namespace lc::display
