// "Coming up": the list shown when the clock cannot be trusted, each circle with its dates and
// what the feed says about its seats; details wrap, never cut.

#include <lc/ui/i18n.hpp>

#include "screens/screen_parts.hpp"
#include "screens/text_fit.hpp"

namespace lc::display {

using lc::ui::FontRole;

namespace {

std::string detailText(lc::ui::Ui& ui, const JoinCard& c) {
    std::string s = startText(ui, c) + " · " + recurrenceText(ui, c);
    if (!c.next.room.empty()) s += " · " + c.next.room;
    return s + " · " + seatsText(ui, c);
}

std::string notice(lc::ui::Ui& ui) { return ui.tr("The clock is not set: circles are listed with their dates."); }

// Lays out (and with `draw`, draws) the page; returns the height it needs.
float layoutUpcoming(lc::ui::Ui& ui, const UpcomingPage& page, const Area& a, bool draw) {
    const auto& p = ui.palette();
    const float gap = ui.metrics().gap;
    float y = a.pos.y;
    const std::string warn = notice(ui);
    const int warnLines = lineCount(ui, warn, FontRole::Body, a.size.x);
    if (draw) drawWrapped(ui, {a.pos.x, y}, warn, a.size.x, warnLines, FontRole::Body, p.warning);
    y += lineHeight(ui) * float(warnLines) + gap;
    if (page.circles.empty()) {
        if (draw) drawLine(ui, {a.pos.x, y}, ui.tr("No upcoming circles"), a.size.x, FontRole::Body, p.text);
        return y + lineHeight(ui) - a.pos.y;
    }
    for (const auto& c : page.circles) {
        const int nameLines = std::min(2, lineCount(ui, c.next.name, FontRole::Bold, a.size.x));
        const std::string detail = detailText(ui, c);
        const int detailLines = lineCount(ui, detail, FontRole::Body, a.size.x);
        const float rowH = lineHeight(ui, FontRole::Bold) * float(nameLines) + lineHeight(ui) * float(detailLines) + gap;
        if (draw && y + rowH > a.bottom() + 0.5f) break;
        if (draw) {
            drawWrapped(ui, {a.pos.x, y}, c.next.name, a.size.x, nameLines, FontRole::Bold, p.text);
            drawWrapped(ui, {a.pos.x, y + lineHeight(ui, FontRole::Bold) * float(nameLines)}, detail, a.size.x,
                        detailLines, FontRole::Body, p.textMuted);
        }
        y += rowH;
    }
    return y - a.pos.y;
}

}  // namespace

int fitUpcomingPage(lc::ui::Ui& ui, const UpcomingPage& page, const Area& a) {
    return fitPage(ui, [&] { return layoutUpcoming(ui, page, a, false) <= a.size.y + ui.metrics().gap; });
}

void drawUpcomingPage(lc::ui::Ui& ui, const UpcomingPage& page, const Area& a) {
    fitUpcomingPage(ui, page, a);
    layoutUpcoming(ui, page, a, true);
}

}  // namespace lc::display
