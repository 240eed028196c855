// "Today": meetings by room in time order, each with its state.

#include <algorithm>

#include <lc/ui/i18n.hpp>

#include "screens/screen_parts.hpp"
#include "screens/text_fit.hpp"

namespace lc::display {

using lc::ui::FontRole;

namespace {

// A row: time range with the state on the right (or under it when both don't fit), then the
// circle's name (two lines in portrait).
struct RowLayout {
    std::string label;
    bool labelBelow = false;
    int nameLines = 1;
    float height = 0;
};

RowLayout layoutRow(lc::ui::Ui& ui, const MeetingRow& r, float width, bool portrait) {
    RowLayout l;
    l.label = stateLabel(ui, r);
    const float timeW = ui.measure(timeRangeText(ui, r)).x;
    const float badgeW = badgeSize(ui, l.label).x;
    l.labelBelow = !l.label.empty() && timeW + ui.metrics().gap + badgeW > width;
    l.nameLines = portrait ? int(wrapLines(ui, r.name, FontRole::Bold, width, 2).size()) : 1;
    l.height = lineHeight(ui) * (l.labelBelow ? 2.3f : 1.15f) +
               lineHeight(ui, FontRole::Bold) * float(std::max(1, l.nameLines)) + ui.metrics().gap;
    return l;
}

void drawRow(lc::ui::Ui& ui, const MeetingRow& r, const RowLayout& l, ImVec2 pos, float width) {
    const auto& p = ui.palette();
    const bool ended = r.state == MeetingState::Ended;
    const float lh = lineHeight(ui) * 1.15f;
    float labelW = 0;
    if (!l.label.empty()) {
        const ImVec2 at = l.labelBelow ? ImVec2{pos.x, pos.y + lh}
                                       : ImVec2{pos.x + width - badgeSize(ui, l.label).x, pos.y};
        if (ended) drawLine(ui, at, l.label, width, FontRole::Body, p.textMuted);
        else drawBadge(ui, at, l.label, stateColor(ui, r));
        if (!l.labelBelow) labelW = badgeSize(ui, l.label).x + ui.metrics().gap;
    }
    drawLine(ui, pos, timeRangeText(ui, r), width - labelW, FontRole::Body, ended ? p.textMuted : p.text);
    const float nameY = pos.y + (l.labelBelow ? lh * 2 : lh);
    drawWrapped(ui, {pos.x, nameY}, r.name, width, l.nameLines, FontRole::Bold, ended ? p.textMuted : p.text);
}

float groupHeaderHeight(const lc::ui::Ui& ui, const RoomGroup& g) {
    float h = lineHeight(ui, FontRole::Bold) + ui.metrics().gap * 0.5f;
    if (!g.subtitle.empty() || g.localNow) h += lineHeight(ui);
    if (g.available) h += lineHeight(ui) + ui.metrics().gap * 0.5f;
    return h;
}

// The room (demo: the venue, then its city and local time), and "Room available".
float drawGroupHeader(lc::ui::Ui& ui, const RoomGroup& g, ImVec2 pos, float width) {
    const auto& p = ui.palette();
    drawLine(ui, pos, g.room, width, FontRole::Bold, p.accent);
    float y = pos.y + lineHeight(ui, FontRole::Bold);
    if (!g.subtitle.empty() || g.localNow) {
        std::string sub = g.subtitle;
        if (g.localNow) {
            const auto t = lc::ui::formatTime(ui.catalogs(), ui.language(), *g.localNow);
            sub += (sub.empty() ? "" : " · ") + t;
        }
        y += drawLine(ui, {pos.x, y}, sub, width, FontRole::Body, p.textMuted);
    }
    y += ui.metrics().gap * 0.5f;
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
        const float h = drawWrapped(ui, {a.pos.x, y}, ui.tr("No circles today"), a.size.x, 2, FontRole::Title, p.text);
        drawWrapped(ui, {a.pos.x, y + h + ui.metrics().gap}, ui.tr("See what is coming up on the next pages."),
                    a.size.x, 3, FontRole::Body, p.textMuted);
        return;
    }
    const float gap = ui.metrics().gap;
    const float moreH = lineHeight(ui);
    std::size_t total = 0;
    float needed = 0;
    for (const auto& g : page.rooms) {
        total += g.rows.size();
        needed += groupHeaderHeight(ui, g) + gap;
        for (const auto& r : g.rows) needed += layoutRow(ui, r, a.size.x, a.portrait).height;
    }
    // Landscape: a second column only when one is not enough.
    const int columns = (!a.portrait && page.rooms.size() > 1 && needed > a.size.y) ? 2 : 1;
    const float colW = (a.size.x - gap * 2 * float(columns - 1)) / float(columns);
    std::size_t drawn = 0;
    int col = 0;
    Column c{a.pos.x, a.pos.y};
    bool full = false;
    for (const auto& g : page.rooms) {
        if (full) break;
        const float first = g.rows.empty() ? 0 : layoutRow(ui, g.rows.front(), colW, a.portrait).height;
        const float need = groupHeaderHeight(ui, g) + first;
        if (c.y + need + moreH > a.bottom() && col + 1 < columns && c.y > a.pos.y)
            c = Column{a.pos.x + (colW + 2 * gap) * float(++col), a.pos.y};
        if (c.y + need > a.bottom()) break;
        c.y += drawGroupHeader(ui, g, {c.x, c.y}, colW);
        for (const auto& r : g.rows) {
            const auto l = layoutRow(ui, r, colW, a.portrait);
            const bool last = drawn + 1 == total;
            if (c.y + l.height + (last ? 0 : moreH) > a.bottom()) {
                full = true;
                break;
            }
            drawRow(ui, r, l, {c.x, c.y}, colW);
            c.y += l.height;
            ++drawn;
        }
        c.y += gap;
    }
    if (drawn < total) drawMore(ui, total - drawn, {c.x, std::min(c.y, a.bottom() - moreH)}, colW);
}

}  // namespace lc::display
