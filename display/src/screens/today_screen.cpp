// "Today": rooms with their meetings, what is on now first, in the largest type at which the page
// fits; this week's next meetings in the space a short day leaves.

#include <algorithm>

#include <lc/ui/i18n.hpp>

#include "screens/screen_parts.hpp"
#include "screens/text_fit.hpp"

namespace lc::display {

using lc::ui::FontRole;

namespace {

// A row: time range with the state on the right (under it when both don't fit), then the
// circle's name on up to two lines.
struct RowLayout {
    std::string label;
    bool labelBelow = false;
    int nameLines = 1;
    float height = 0;
};

bool isEnded(const MeetingRow& r) { return r.state == MeetingState::Ended; }

// "Ended" is plain muted text; the other states are badges.
float labelWidth(const lc::ui::Ui& ui, const MeetingRow& r, const std::string& label) {
    if (label.empty()) return 0;
    return isEnded(r) ? ui.measure(label).x : badgeSize(ui, label).x;
}

RowLayout layoutRow(lc::ui::Ui& ui, const MeetingRow& r, float width) {
    RowLayout l;
    l.label = stateLabel(ui, r);
    const float timeW = ui.measure(timeRangeText(ui, r)).x;
    l.labelBelow = !l.label.empty() && timeW + ui.metrics().gap + labelWidth(ui, r, l.label) > width;
    l.nameLines = std::min(2, lineCount(ui, r.name, FontRole::Bold, width));
    l.height = lineHeight(ui) * (l.labelBelow ? 2.3f : 1.15f) + lineHeight(ui, FontRole::Bold) * float(l.nameLines) +
               ui.metrics().gap;
    return l;
}

void drawRow(lc::ui::Ui& ui, const MeetingRow& r, const RowLayout& l, ImVec2 pos, float width) {
    const auto& p = ui.palette();
    const bool ended = isEnded(r);
    const float lh = lineHeight(ui) * 1.15f;
    const float labelW = labelWidth(ui, r, l.label);
    if (!l.label.empty()) {
        // Badges and "Ended" end at the same edge.
        const ImVec2 at = l.labelBelow ? ImVec2{pos.x, pos.y + lh} : ImVec2{pos.x + width - labelW, pos.y};
        if (ended) drawLine(ui, at, l.label, labelW + 1, FontRole::Body, p.textMuted);
        else drawBadge(ui, at, l.label, stateColor(ui, r));
    }
    const float timeRoom = l.labelBelow || l.label.empty() ? width : width - labelW - ui.metrics().gap;
    drawLine(ui, pos, timeRangeText(ui, r), timeRoom, FontRole::Body, ended ? p.textMuted : p.text);
    const float nameY = pos.y + (l.labelBelow ? lh * 2 : lh);
    drawWrapped(ui, {pos.x, nameY}, r.name, width, l.nameLines, FontRole::Bold, ended ? p.textMuted : p.text);
}

std::string subtitleOf(lc::ui::Ui& ui, const RoomGroup& g) {
    std::string sub = g.subtitle;
    if (g.localNow) {
        const auto t = lc::ui::formatTime(ui.catalogs(), ui.language(), *g.localNow);
        sub += (sub.empty() ? "" : " · ") + t;
    }
    return sub;
}

// The room (the demo: the venue, then its city and local time), and "Room available". The
// room's name wraps, never elides. Returns the height; draws when `draw`.
float groupHeader(lc::ui::Ui& ui, const RoomGroup& g, ImVec2 pos, float width, bool draw) {
    const auto& p = ui.palette();
    const int lines = lineCount(ui, g.room, FontRole::Bold, width);
    if (draw) drawWrapped(ui, pos, g.room, width, lines, FontRole::Bold, g.ended ? p.textMuted : p.accent);
    float y = pos.y + lineHeight(ui, FontRole::Bold) * float(lines);
    if (const std::string sub = subtitleOf(ui, g); !sub.empty()) {
        if (draw) drawLine(ui, {pos.x, y}, sub, width, FontRole::Body, p.textMuted);
        y += lineHeight(ui);
    }
    y += ui.metrics().gap * 0.5f;
    if (g.available) {
        if (draw) drawLine(ui, {pos.x, y}, ui.tr("Room available"), width, FontRole::Body, p.success);
        y += lineHeight(ui) + ui.metrics().gap * 0.5f;
    }
    return y - pos.y;
}

// Rooms flowed into columns; a room continued in the next column repeats its name.
struct Flow {
    bool fits = true;
    ImVec2 end;  ///< where the last column's content ends
    float width = 0;
};

Flow flow(lc::ui::Ui& ui, const TodayPage& page, const Area& a, int columns, bool draw) {
    const float gap = ui.metrics().gap;
    Flow f;
    f.width = (a.size.x - gap * 2 * float(columns - 1)) / float(columns);
    int col = 0;
    float y = a.pos.y;
    const auto x = [&] { return a.pos.x + (f.width + 2 * gap) * float(col); };
    for (const auto& g : page.rooms) {
        const float hh = groupHeader(ui, g, {0, 0}, f.width, false);
        bool headed = false;
        for (std::size_t i = 0; i < std::max<std::size_t>(g.rows.size(), 1); ++i) {
            const RowLayout l = i < g.rows.size() ? layoutRow(ui, g.rows[i], f.width) : RowLayout{};
            const float need = l.height + (headed ? 0 : hh);
            if (y + need > a.bottom() + 0.5f && y > a.pos.y) {
                if (++col >= columns) return Flow{false, {x(), y}, f.width};
                y = a.pos.y;
                headed = false;
            }
            if (!headed) y += groupHeader(ui, g, {x(), y}, f.width, draw);
            headed = true;
            if (i < g.rows.size()) {
                if (draw) drawRow(ui, g.rows[i], l, {x(), y}, f.width);
                y += l.height;
            }
        }
        y += gap;
    }
    f.fits = y <= a.bottom() + gap + 0.5f;
    f.end = {x(), y};
    return f;
}

int columnsFor(lc::ui::Ui& ui, const TodayPage& page, const Area& a) {
    if (flow(ui, page, a, 1, false).fits || a.portrait) return 1;
    return 2;
}

// "Thursday 5:00 PM" then the name, one line each, as many as fit under "Next this week".
void drawComingUp(lc::ui::Ui& ui, const std::vector<MeetingRow>& rows, ImVec2 pos, float width, float bottom) {
    const auto& p = ui.palette();
    const float lh = lineHeight(ui);
    const std::string heading = ui.tr("Next this week");
    const int headLines = lineCount(ui, heading, FontRole::Bold, width);
    const float headH = lineHeight(ui, FontRole::Bold) * float(headLines) + ui.metrics().gap * 0.5f;
    if (rows.empty() || pos.y + headH + 2 * lh > bottom) return;
    drawWrapped(ui, pos, heading, width, headLines, FontRole::Bold, p.accent);
    std::vector<std::string> whens;
    float whenW = 0;
    for (const auto& r : rows) {
        const auto wd = std::chrono::weekday{std::chrono::sys_days{r.localDate}};
        whens.push_back(lc::ui::formatWeekday(ui.catalogs(), ui.language(), wd) + " " +
                        lc::ui::formatTime(ui.catalogs(), ui.language(), r.localStart));
        whenW = std::max(whenW, ui.measure(whens.back()).x);
    }
    const float nameX = pos.x + whenW + ui.metrics().gap * 2;
    const bool twoColumns = nameX < pos.x + width * 0.6f;
    float y = pos.y + headH;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float rowH = twoColumns ? lh : 2 * lh;
        if (y + rowH > bottom) break;
        drawLine(ui, {pos.x, y}, whens[i], whenW + 1, FontRole::Body, p.textMuted);
        const ImVec2 at = twoColumns ? ImVec2{nameX, y} : ImVec2{pos.x, y + lh};
        drawElided(ui, at, rows[i].name, pos.x + width - at.x, FontRole::Body, p.text);
        y += rowH;
    }
}

}  // namespace

bool todayFits(lc::ui::Ui& ui, const TodayPage& page, const Area& a) {
    return flow(ui, page, a, 1, false).fits || (!a.portrait && flow(ui, page, a, 2, false).fits);
}

int fitTodayPage(lc::ui::Ui& ui, const TodayPage& page, const Area& a) {
    return fitPage(ui, [&] { return todayFits(ui, page, a); });
}

void drawTodayPage(lc::ui::Ui& ui, const TodayPage& page, const Area& a) {
    const auto& p = ui.palette();
    fitTodayPage(ui, page, a);
    if (page.rooms.empty()) {
        const float y = a.pos.y + a.size.y * (page.comingUp.empty() ? 0.3f : 0.05f);
        const std::string none = ui.tr("No circles today");
        const float h = drawWrapped(ui, {a.pos.x, y}, none, a.size.x, lineCount(ui, none, FontRole::Title, a.size.x),
                                    FontRole::Title, p.text) + ui.metrics().gap;
        if (page.comingUp.empty()) {
            const std::string see = ui.tr("See what is coming up on the next pages.");
            drawWrapped(ui, {a.pos.x, y + h}, see, a.size.x, lineCount(ui, see, FontRole::Body, a.size.x),
                        FontRole::Body, p.textMuted);
        }
        drawComingUp(ui, page.comingUp, {a.pos.x, y + h + ui.metrics().gap}, a.size.x, a.bottom());
        return;
    }
    const Flow f = flow(ui, page, a, columnsFor(ui, page, a), true);
    drawComingUp(ui, page.comingUp, {f.end.x, f.end.y + ui.metrics().gap}, f.width, a.bottom());
}

}  // namespace lc::display
