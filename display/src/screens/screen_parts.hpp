#pragma once
// Pieces shared by the display's pages (internal to display_screens).

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
/// "6:00 PM – 7:30 PM" in the current language.
std::string timeRangeText(lc::ui::Ui& ui, const MeetingRow& r);
/// "Every Tuesday, 6:00 PM" or "Dates vary · 6:00 PM".
std::string recurrenceText(lc::ui::Ui& ui, const JoinCard& c);
/// "Starts Dec 1" or "Started Nov 17 · join anytime".
std::string startText(lc::ui::Ui& ui, const JoinCard& c);
/// "7 seats left" or "Walk-ins welcome".
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

/// Join cards on one page: three side by side in landscape, one in portrait.
inline int joinCardsPerPage(bool portrait) { return portrait ? 1 : 3; }

void drawTodayPage(lc::ui::Ui& ui, const TodayPage& page, const Area& area);
void drawJoinPage(lc::ui::Ui& ui, const JoinPage& page, const Area& area);
void drawWeekPage(lc::ui::Ui& ui, const WeekPage& page, const Area& area);
void drawUpcomingPage(lc::ui::Ui& ui, const UpcomingPage& page, const Area& area);

}  // namespace lc::display
