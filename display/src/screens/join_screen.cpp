// "Join a learning circle": cards with seats, schedule, language and a QR code to sign up; and
// "Coming up", the list shown when the clock cannot be trusted.

#include <algorithm>

#include <lc/ui/i18n.hpp>
#include <lc/ui/widgets.hpp>

#include "screens/screen_parts.hpp"
#include "screens/text_fit.hpp"

namespace lc::display {

using lc::ui::FontRole;

namespace {

// The card's text block; returns the height used.
float drawCardText(lc::ui::Ui& ui, const JoinCard& c, ImVec2 pos, float width, float maxH) {
    const auto& p = ui.palette();
    const float lh = lineHeight(ui);
    const float gap = ui.metrics().gap;
    float y = pos.y;
    const int nameLines = std::clamp(int((maxH - 4 * lh) / lineHeight(ui, FontRole::Bold)), 1, 3);
    y += drawWrapped(ui, {pos.x, y}, c.next.name, width, nameLines, FontRole::Bold, p.text) + gap * 0.5f;
    const std::string seats = seatsText(ui, c);
    const bool fewSeats = c.seatsLeft && *c.seatsLeft <= 3;
    if (badgeSize(ui, seats).x <= width) {
        y += drawBadge(ui, {pos.x, y}, seats, fewSeats ? p.warning : p.success).y + gap * 0.5f;
    } else {
        y += drawLine(ui, {pos.x, y}, seats, width, FontRole::Body, p.success) + gap * 0.5f;
    }
    for (const std::string& line : {recurrenceText(ui, c), startText(ui, c)}) {
        if (y + lh > pos.y + maxH) break;
        const int lines = y + 2 * lh <= pos.y + maxH ? 2 : 1;
        y += drawWrapped(ui, {pos.x, y}, line, width, lines, FontRole::Body, p.text);
    }
    for (const std::string& line : {languageName(ui, c.next.language), c.next.room}) {
        if (y + lh > pos.y + maxH) break;
        y += drawLine(ui, {pos.x, y}, line, width, FontRole::Body, p.textMuted);
    }
    return y - pos.y;
}

// The QR code to the signup page with its caption under it, centred in `width`.
void drawQr(lc::ui::Ui& ui, const JoinCard& c, ImVec2 pos, float width, float side) {
    const std::string caption = ui.tr("Scan to sign up");
    const float capH = lineHeight(ui, FontRole::Small);
    if (side < capH * 2) return;
    ImGui::SetCursorScreenPos({pos.x + (width - side) * 0.5f, pos.y});
    if (!lc::ui::drawQrCode(ui, c.url, side)) return;  // a URL too long for a code: no code
    const std::string fitted = ellipsize(ui, caption, FontRole::Small, width);
    const float w = ui.measure(fitted, FontRole::Small).x;
    drawLine(ui, {pos.x + (width - w) * 0.5f, pos.y + side + ui.metrics().gap * 0.4f}, fitted, width,
             FontRole::Small, ui.palette().textMuted);
}

// Text above, the code at the bottom (so codes line up from card to card).
void drawCard(lc::ui::Ui& ui, const JoinCard& c, ImVec2 pos, ImVec2 size) {
    const float pad = ui.metrics().padding;
    const float capH = lineHeight(ui, FontRole::Small) + ui.metrics().gap;
    drawPanel(ui, pos, size, ui.palette().surface);
    const ImVec2 in{pos.x + pad, pos.y + pad};
    const ImVec2 inner{size.x - 2 * pad, size.y - 2 * pad};
    const float textH = drawCardText(ui, c, in, inner.x, inner.y * 0.6f);
    const float side = std::min(inner.x * 0.8f, inner.y - textH - capH - pad);
    drawQr(ui, c, {in.x, in.y + inner.y - capH - side}, inner.x, side);
}

}  // namespace

void drawJoinPage(lc::ui::Ui& ui, const JoinPage& page, const Area& a) {
    const float gap = ui.metrics().gap * 1.5f;
    // Landscape: three slots whatever the count, so cards keep their size from page to page.
    // Portrait: one card a page (the App asks the model for that), as big as the screen allows.
    const int slots = a.portrait ? 1 : 3;
    const float w = (a.size.x - gap * float(slots - 1)) / float(slots);
    for (std::size_t i = 0; i < page.cards.size() && i < std::size_t(slots); ++i)
        drawCard(ui, page.cards[i], {a.pos.x + (w + gap) * float(i), a.pos.y}, {w, a.size.y});
}

void drawUpcomingPage(lc::ui::Ui& ui, const UpcomingPage& page, const Area& a) {
    const auto& p = ui.palette();
    const float lh = lineHeight(ui);
    const float gap = ui.metrics().gap;
    float y = a.pos.y;
    y += drawWrapped(ui, {a.pos.x, y}, ui.tr("The clock is not set: circles are listed with their dates."),
                     a.size.x, 2, FontRole::Small, p.warning) + gap;
    if (page.circles.empty()) {
        drawLine(ui, {a.pos.x, y}, ui.tr("No upcoming circles"), a.size.x, FontRole::Body, p.text);
        return;
    }
    const float rowH = lineHeight(ui, FontRole::Bold) + lh + gap;
    for (const auto& c : page.circles) {
        if (y + rowH > a.bottom()) break;
        drawLine(ui, {a.pos.x, y}, c.next.name, a.size.x, FontRole::Bold, p.text);
        const std::string detail = startText(ui, c) + " · " + recurrenceText(ui, c) + " · " + c.next.room;
        drawLine(ui, {a.pos.x, y + lineHeight(ui, FontRole::Bold)}, detail, a.size.x, FontRole::Body, p.textMuted);
        y += rowH;
    }
}

}  // namespace lc::display
