// "Join a learning circle": cards with seats, schedule, language and a QR code to sign up, the
// code the same size on every card and never under a fifth of the screen's shorter side; and
// "Coming up", the list shown when the clock cannot be trusted.

#include <algorithm>
#include <cmath>

#include <lc/ui/i18n.hpp>
#include <lc/ui/widgets.hpp>

#include "screens/screen_parts.hpp"
#include "screens/text_fit.hpp"

namespace lc::display {

using lc::ui::FontRole;

namespace {

// The card's lines under its name, each wrapped (never cut).
std::vector<std::pair<std::string, bool>> detailLines(lc::ui::Ui& ui, const JoinCard& c) {
    std::vector<std::pair<std::string, bool>> out{{recurrenceText(ui, c), false}, {startText(ui, c), false},
                                                  {languageName(ui, c.next.language), true}};
    if (!c.next.room.empty()) out.push_back({c.next.room, true});
    return out;
}

// The card's text block: name (two lines, then "…"), seats badge, schedule, language, room.
// Returns the height; draws when `draw`.
float cardText(lc::ui::Ui& ui, const JoinCard& c, ImVec2 pos, float width, bool draw) {
    const auto& p = ui.palette();
    const float gap = ui.metrics().gap;
    float y = pos.y;
    const int nameLines = std::min(2, lineCount(ui, c.next.name, FontRole::Bold, width));
    if (draw) drawWrapped(ui, {pos.x, y}, c.next.name, width, nameLines, FontRole::Bold, p.text);
    y += lineHeight(ui, FontRole::Bold) * float(nameLines) + gap * 0.5f;
    const std::string seats = seatsText(ui, c);
    const ImVec4 color = c.badge == SeatsBadge::SeatsLeft && c.seatsLeft.value_or(0) <= 3 ? p.warning
                         : c.badge == SeatsBadge::Full                                  ? p.danger
                                                                                        : p.success;
    if (badgeSize(ui, seats).x <= width) {
        if (draw) drawBadge(ui, {pos.x, y}, seats, color);
        y += badgeSize(ui, seats).y + gap * 0.5f;
    } else {
        const int lines = lineCount(ui, seats, FontRole::Body, width);
        if (draw) drawWrapped(ui, {pos.x, y}, seats, width, lines, FontRole::Body, color);
        y += lineHeight(ui) * float(lines) + gap * 0.5f;
    }
    for (const auto& [line, muted] : detailLines(ui, c)) {
        const int lines = lineCount(ui, line, FontRole::Body, width);
        if (draw) drawWrapped(ui, {pos.x, y}, line, width, lines, FontRole::Body, muted ? p.textMuted : p.text);
        y += lineHeight(ui) * float(lines);
    }
    return y - pos.y;
}

// Where the cards go: one slot per card; a card wider than tall puts its code beside its text.
struct JoinGeometry {
    std::size_t slots = 1;
    ImVec2 card;       ///< one card's size
    ImVec2 inner;      ///< inside its padding
    bool beside = false;
};

JoinGeometry geometry(const lc::ui::Ui& ui, const JoinPage& page, const Area& a) {
    JoinGeometry g;
    const float gap = ui.metrics().gap * 1.5f;
    const float pad = ui.metrics().padding;
    g.slots = std::max<std::size_t>(1, std::min<std::size_t>(page.cards.size(), std::size_t(joinCardsPerPage(a.portrait))));
    const float n = float(g.slots);
    g.card = a.portrait ? ImVec2{a.size.x, (a.size.y - gap * (n - 1)) / n} : ImVec2{(a.size.x - gap * (n - 1)) / n, a.size.y};
    g.inner = {g.card.x - 2 * pad, g.card.y - 2 * pad};
    g.beside = g.inner.x >= g.inner.y * 1.2f;
    return g;
}

std::string caption(lc::ui::Ui& ui) { return ui.tr("Scan to sign up"); }

float captionHeight(lc::ui::Ui& ui, float width) {
    return lineHeight(ui, FontRole::Small) * float(lineCount(ui, caption(ui), FontRole::Small, width)) +
           ui.metrics().gap * 0.4f;
}

// The largest QR side (up to `cap`) that leaves room for every card's text, at the type in use.
float qrRoom(lc::ui::Ui& ui, const JoinPage& page, const JoinGeometry& g, float cap) {
    const float gap = ui.metrics().gap;
    float side = std::min(cap, g.beside ? g.inner.y : g.inner.x);
    for (; side > 0; side = std::floor(side * 0.95f)) {
        const float capH = captionHeight(ui, g.beside ? side : g.inner.x);
        const float textW = g.beside ? g.inner.x - side - 2 * gap : g.inner.x;
        float textH = 0;
        for (const auto& c : page.cards) textH = std::max(textH, cardText(ui, c, {0, 0}, textW, false));
        const float needH = g.beside ? std::max(textH, side + capH) : textH + gap + side + capH;
        if (needH <= g.inner.y) return side;
    }
    return 0;
}

struct JoinFit {
    JoinGeometry g;
    float side = 0;
};

// The fit pass: the largest type at which a generous code still fits; else the floor.
JoinFit fitJoin(lc::ui::Ui& ui, const JoinPage& page, const Area& a, ImVec2 screen) {
    const float shortSide = std::min(screen.x, screen.y);
    const float generous = std::max(minQrSide(screen), std::round(shortSide * 0.26f));
    const float cap = std::round(shortSide * 0.34f);
    JoinFit f;
    f.g = geometry(ui, page, a);
    fitPage(ui, [&] { return qrRoom(ui, page, f.g, cap) >= generous; });
    // Never under the minimum: at the floor, text that still does not fit shows in the audit.
    f.side = std::max(qrRoom(ui, page, f.g, cap), minQrSide(screen));
    return f;
}

void drawQr(lc::ui::Ui& ui, const JoinCard& c, ImVec2 pos, float width, float side) {
    ImGui::SetCursorScreenPos({pos.x + (width - side) * 0.5f, pos.y});
    if (!lc::ui::drawQrCode(ui, c.url, side)) return;  // a URL too long for a code: no code
    const std::string text = caption(ui);
    const auto lines = wrapLines(ui, text, FontRole::Small, width, kManyLines);
    float y = pos.y + side + ui.metrics().gap * 0.4f;
    for (const auto& line : lines) {
        const float w = ui.measure(line, FontRole::Small).x;
        drawLine(ui, {pos.x + (width - w) * 0.5f, y}, line, width, FontRole::Small, ui.palette().textMuted);
        y += lineHeight(ui, FontRole::Small);
    }
}

void drawCard(lc::ui::Ui& ui, const JoinCard& c, ImVec2 pos, const JoinFit& f) {
    const float pad = ui.metrics().padding;
    const float gap = ui.metrics().gap;
    drawPanel(ui, pos, f.g.card, ui.palette().surface);
    const ImVec2 in{pos.x + pad, pos.y + pad};
    if (f.g.beside) {
        cardText(ui, c, in, f.g.inner.x - f.side - 2 * gap, true);
        drawQr(ui, c, {in.x + f.g.inner.x - f.side, in.y}, f.side, f.side);
        return;
    }
    cardText(ui, c, in, f.g.inner.x, true);
    // The code at the bottom, so that codes line up from card to card.
    const float capH = captionHeight(ui, f.g.inner.x);
    drawQr(ui, c, {in.x, in.y + f.g.inner.y - capH - f.side}, f.g.inner.x, f.side);
}

}  // namespace

float joinQrSide(lc::ui::Ui& ui, const JoinPage& page, const Area& a, ImVec2 screen) {
    if (page.cards.empty()) return 0;
    return fitJoin(ui, page, a, screen).side;
}

void drawJoinPage(lc::ui::Ui& ui, const JoinPage& page, const Area& a, ImVec2 screen) {
    if (page.cards.empty()) return;
    const JoinFit f = fitJoin(ui, page, a, screen);
    const float gap = ui.metrics().gap * 1.5f;
    for (std::size_t i = 0; i < page.cards.size() && i < f.g.slots; ++i) {
        const float offset = (a.portrait ? f.g.card.y : f.g.card.x) * float(i) + gap * float(i);
        const ImVec2 pos = a.portrait ? ImVec2{a.pos.x, a.pos.y + offset} : ImVec2{a.pos.x + offset, a.pos.y};
        drawCard(ui, page.cards[i], pos, f);
    }
}

}  // namespace lc::display
