// "Today": meetings by room in time order, each with its state.

#include <algorithm>

#include <lc/ui/i18n.hpp>

#include "screens/screen_parts.hpp"
#include "screens/text_fit.hpp"

namespace lc::display {

using lc::ui::FontRole;

namespace {

// Two lines: time range with the state badge on the right, then the circle's name.
float rowHeight(const lc::ui::Ui& ui) {
    return lineHeight(ui, FontRole::Body) * 1.15f + lineHeight(ui, FontRole::Bold) + ui.metrics().gap;
}

void drawRow(lc::ui::Ui& ui, const MeetingRow& r, ImVec2 pos, float width) {
    const auto& p = ui.palette();
    const bool ended = r.state == MeetingState::Ended;
    const std::string label = stateLabel(ui, r);
    const float badgeW = badgeSize(ui, label).x;
    float badgeDrawn = 0;
    if (!label.empty() && badgeW <= width * 0.6f) {
        const ImVec2 at{pos.x + width - badgeW, pos.y};
        if (ended) drawLineRight(ui, {pos.x + width, pos.y}, label, width * 0.6f, FontRole::Body, p.textMuted);
        else drawBadge(ui, at, label, stateColor(ui, r));
        badgeDrawn = badgeW + ui.metrics().gap;
    }
    const float lh = lineHeight(ui, FontRole::Body) * 1.15f;
    drawLine(ui, pos, timeRangeText(ui, r), width - badgeDrawn, FontRole::Body,
             ended ? p.textMuted : p.text);
    drawLine(ui, {pos.x, pos.y + lh}, r.name, width, FontRole::Bold, ended ? p.textMuted : p.text);
}

float groupHeaderHeight(const lc::ui::Ui& ui, const RoomGroup& g) {
    float h = lineHeight(ui, FontRole::Bold) + ui.metrics().gap * 0.5f;
    if (g.available) h += lineHeight(ui) + ui.metrics().gap * 0.5f;
    return h;
}

float drawGroupHeader(lc::ui::Ui& ui, const RoomGroup& g, ImVec2 pos, float width) {
    const auto& p = ui.palette();
    std::string heading = g.room;
    if (!g.subtitle.empty()) heading += " · " + g.subtitle;
    float localW = 0;
    if (g.localNow) {
        const auto t = lc::ui::formatTime(ui.catalogs(), ui.language(), *g.localNow);
        localW = drawLineRight(ui, {pos.x + width, pos.y}, t, width * 0.35f, FontRole::Bold, p.textMuted) +
                 ui.metrics().gap;
    }
    drawLine(ui, pos, heading, width - localW, FontRole::Bold, p.accent);
    float y = pos.y + lineHeight(ui, FontRole::Bold) + ui.metrics().gap * 0.5f;
    if (g.available) {
        drawLine(ui, {pos.x, y}, ui.tr("Room available"), width, FontRole::Body, p.success);
        y += lineHeight(ui) + ui.metrics().gap * 0.5f;
    }
    return y - pos.y;
}

struct Column {
    float x = 0;
    float y = 0;
};

void drawMore(lc::ui::Ui& ui, std::size_t left, ImVec2 pos, float width) {
    const auto text = lc::ui::format(ui.tr("+{n} more"), {{"n", std::to_string(left)}});
    drawLine(ui, pos, text, width, FontRole::Body, ui.palette().textMuted);
}

}  // namespace

void drawTodayPage(lc::ui::Ui& ui, const TodayPage& page, const Area& a) {
    const auto& p = ui.palette();
    if (page.rooms.empty()) {
        const float y = a.pos.y + a.size.y * 0.3f;
        drawLine(ui, {a.pos.x, y}, ui.tr("No circles today"), a.size.x, FontRole::Title, p.text);
        drawLine(ui, {a.pos.x, y + lineHeight(ui, FontRole::Title) * 1.3f},
                 ui.tr("See what is coming up on the next pages."), a.size.x, FontRole::Body, p.textMuted);
        return;
    }
    const float gap = ui.metrics().gap;
    const int columns = (!a.portrait && page.rooms.size() > 1) ? 2 : 1;
    const float colW = (a.size.x - gap * 2 * float(columns - 1)) / float(columns);
    const float rowH = rowHeight(ui);
    const float moreH = lineHeight(ui);
    std::size_t total = 0;
    for (const auto& g : page.rooms) total += g.rows.size();
    std::size_t drawn = 0;
    int col = 0;
    Column c{a.pos.x, a.pos.y};
    bool full = false;
    for (const auto& g : page.rooms) {
        if (full) break;
        const float need = groupHeaderHeight(ui, g) + (g.rows.empty() ? 0 : rowH);
        if (c.y + need + moreH > a.bottom() && col + 1 < columns && c.y > a.pos.y) {
            c = Column{a.pos.x + (colW + 2 * gap) * float(++col), a.pos.y};
        }
        if (c.y + need > a.bottom()) break;
        c.y += drawGroupHeader(ui, g, {c.x, c.y}, colW);
        for (const auto& r : g.rows) {
            const bool last = drawn + 1 == total;
            if (c.y + rowH + (last ? 0 : moreH) > a.bottom()) {
                full = true;
                break;
            }
            drawRow(ui, r, {c.x, c.y}, colW);
            c.y += rowH;
            ++drawn;
        }
        c.y += gap;
    }
    if (drawn < total) drawMore(ui, total - drawn, {c.x, std::min(c.y, a.bottom() - moreH)}, colW);
}

}  // namespace lc::display
