#include "screens/display_screen.hpp"

#include <algorithm>

#include <lc/ui/i18n.hpp>

#include "screens/screen_parts.hpp"
#include "screens/text_fit.hpp"

namespace lc::display {

using lc::ui::FontRole;

namespace {

std::string libraryLine(lc::ui::Ui& ui, const Header& h) {
    std::string name = h.libraryName.empty() ? ui.tr("Learning circles") : h.libraryName;
    if (!h.onlyRoom.empty()) name += " · " + h.onlyRoom;
    return name;
}

// Library name left, date and time right (landscape); name above date and time (portrait).
// The time is never cut: the name and then the date give way.
float drawHeader(lc::ui::Ui& ui, const Header& h, const Area& a) {
    const auto& p = ui.palette();
    const float gap = ui.metrics().gap;
    const std::string name = libraryLine(ui, h);
    std::string date, time;
    if (h.now) {
        date = lc::ui::formatDate(ui.catalogs(), ui.language(), h.now->date);
        time = lc::ui::formatTime(ui.catalogs(), ui.language(), h.now->minutes);
    }
    const float titleH = lineHeight(ui, FontRole::Title);
    const float timeW = time.empty() ? 0 : ui.measure(time, FontRole::Title).x;
    const float dateW = date.empty() ? 0 : ui.measure(date, FontRole::Body).x;
    const float dy = (titleH - lineHeight(ui)) * 0.6f;
    float y = a.pos.y;
    if (!a.portrait) {
        if (!time.empty()) drawLineRight(ui, {a.right(), y}, time, timeW + 1, FontRole::Title, p.text);
        const float dateRoom = std::min(dateW, a.size.x * 0.35f);
        const float nameW = a.size.x - timeW - (dateRoom > 0 ? dateRoom + 2 * gap : 0) - 2 * gap;
        drawLine(ui, {a.pos.x, y}, name, nameW, FontRole::Title, p.text);
        if (!date.empty())
            drawLineRight(ui, {a.right() - timeW - 2 * gap, y + dy}, date, dateRoom + 1, FontRole::Body, p.textMuted);
        y += titleH;
    } else {
        // Portrait: the name on up to two lines, then the date left and the time right.
        y += drawWrapped(ui, {a.pos.x, y}, name, a.size.x, 2, FontRole::Title, p.text);
        if (!time.empty()) {
            drawLineRight(ui, {a.right(), y}, time, timeW + 1, FontRole::Title, p.text);
            if (dateW + timeW + 2 * gap <= a.size.x) {
                drawLine(ui, {a.pos.x, y + dy}, date, a.size.x - timeW - 2 * gap, FontRole::Body, p.textMuted);
            } else {
                y += titleH;
                drawLine(ui, {a.pos.x, y}, date, a.size.x, FontRole::Body, p.textMuted);
                y += lineHeight(ui) - titleH;
            }
            y += titleH;
        }
    }
    y += gap * 0.5f;
    ImGui::GetWindowDrawList()->AddLine({a.pos.x, y}, {a.right(), y}, lc::ui::toU32(p.border),
                                        std::max(2.0f, gap * 0.15f));
    return y + gap - a.pos.y;
}

std::string pageTitle(lc::ui::Ui& ui, const Page& page) {
    if (std::holds_alternative<TodayPage>(page)) return ui.tr("Today");
    if (std::holds_alternative<WeekPage>(page)) return ui.tr("This week");
    if (std::holds_alternative<UpcomingPage>(page)) return ui.tr("Coming up");
    const auto& j = std::get<JoinPage>(page);
    std::string t = ui.tr("Join a learning circle");
    if (j.parts > 1) t += " (" + std::to_string(j.part) + "/" + std::to_string(j.parts) + ")";
    return t;
}

std::string staleText(lc::ui::Ui& ui, const StaleNote& s) {
    if (!s.lastSuccess) return ui.tr("Schedule not downloaded yet");
    const auto when = lc::ui::formatShortDate(ui.catalogs(), ui.language(), s.lastSuccess->date) +
                      ", " + lc::ui::formatTime(ui.catalogs(), ui.language(), s.lastSuccess->minutes);
    return lc::ui::format(ui.tr("Schedule updated {when}"), {{"when", when}});
}

// Page dots bottom right, the stale note left of them, or above them when it does not fit.
float drawFooter(lc::ui::Ui& ui, const DisplayView& v, const Area& a) {
    const auto& p = ui.palette();
    const float lh = lineHeight(ui, FontRole::Small);
    const float y = a.bottom() - lh;
    const float r = lh * 0.18f;
    float x = a.right() - r;
    auto* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = v.pages.size(); i-- > 0 && v.pages.size() > 1;) {
        const ImVec4 c = i == v.currentPage ? p.accent : p.border;
        dl->AddCircleFilled({x, y + lh * 0.5f}, r, lc::ui::toU32(c), 16);
        x -= r * 3.5f;
    }
    float height = lh;
    if (v.stale) {
        const std::string note = staleText(ui, *v.stale);
        const float room = x - a.pos.x - r * 4;
        if (ui.measure(note, FontRole::Small).x <= room) {
            drawLine(ui, {a.pos.x, y}, note, room, FontRole::Small, p.textMuted);
        } else {
            const auto lines = wrapLines(ui, note, FontRole::Small, a.size.x, 2);
            const float top = y - lh * float(lines.size());
            drawWrapped(ui, {a.pos.x, top}, note, a.size.x, 2, FontRole::Small, p.textMuted);
            height += lh * float(lines.size());
        }
    }
    return height + ui.metrics().gap;
}

void drawPage(lc::ui::Ui& ui, const Page& page, const Area& a) {
    if (const auto* t = std::get_if<TodayPage>(&page)) drawTodayPage(ui, *t, a);
    else if (const auto* j = std::get_if<JoinPage>(&page)) drawJoinPage(ui, *j, a);
    else if (const auto* w = std::get_if<WeekPage>(&page)) drawWeekPage(ui, *w, a);
    else if (const auto* u = std::get_if<UpcomingPage>(&page)) drawUpcomingPage(ui, *u, a);
}

}  // namespace

void drawDisplayScreen(lc::ui::Ui& ui, const DisplayView& v, ImVec2 size) {
    if (v.blank) {
        ImGui::GetWindowDrawList()->AddRectFilled({0, 0}, size, IM_COL32(0, 0, 0, 255));
        return;
    }
    // A margin wider than the burn-in shift, so the shifted picture is never cut.
    const float margin = std::max(ui.metrics().padding, size.y * 0.03f);
    Area a{{margin + float(v.shiftX), margin + float(v.shiftY)},
           {size.x - 2 * margin, size.y - 2 * margin},
           size.y > size.x};
    const float headerH = drawHeader(ui, v.header, a);
    const float footerH = drawFooter(ui, v, a);
    if (v.pages.empty()) return;
    const Page& page = v.pages[std::min(v.currentPage, v.pages.size() - 1)];
    const float titleH = drawWrapped(ui, {a.pos.x, a.pos.y + headerH}, pageTitle(ui, page), a.size.x,
                                     2, FontRole::Title, ui.palette().accent);
    const float top = headerH + titleH + ui.metrics().gap;
    drawPage(ui, page, Area{{a.pos.x, a.pos.y + top}, {a.size.x, a.size.y - top - footerH}, a.portrait});
}

}  // namespace lc::display
