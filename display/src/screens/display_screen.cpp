#include "screens/display_screen.hpp"

#include <algorithm>

#include <lc/ui/i18n.hpp>

#include "screens/display_theme.hpp"
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

// The library's name never elides: Title on up to two lines, else Bold on up to three, else as
// many Bold lines as it takes.
struct NameFit {
    FontRole role = FontRole::Title;
    int lines = 1;
};

NameFit fitName(const lc::ui::Ui& ui, const std::string& name, float width) {
    for (auto [role, maxLines] : {std::pair{FontRole::Title, 2}, std::pair{FontRole::Bold, 3}})
        if (fitsLines(ui, name, role, width, maxLines)) return {role, lineCount(ui, name, role, width)};
    return {FontRole::Bold, lineCount(ui, name, FontRole::Bold, width)};
}

// Library name left, date and time right (landscape); name above date and time (portrait).
// Returns the height used; draws only when `draw`.
float layoutHeader(lc::ui::Ui& ui, const Header& h, const Area& a, bool draw) {
    const auto& p = ui.palette();
    const float gap = ui.metrics().gap;
    const std::string name = libraryLine(ui, h);
    std::string date, time;
    if (h.now) {
        date = lc::ui::formatDate(ui.catalogs(), ui.language(), h.now->date);
        time = glued(lc::ui::formatTime(ui.catalogs(), ui.language(), h.now->minutes));
    }
    const float titleH = lineHeight(ui, FontRole::Title);
    const float timeW = time.empty() ? 0 : ui.measure(time, FontRole::Title).x;
    const float dateW = date.empty() ? 0 : ui.measure(date, FontRole::Body).x;
    const float dy = (titleH - lineHeight(ui)) * 0.6f;
    const float clockW = timeW + (dateW > 0 ? dateW + gap : 0);
    // Landscape, and portrait when everything fits one line: the clock beside the name.
    const bool beside = !a.portrait || ui.measure(name, FontRole::Title).x + clockW + 2 * gap <= a.size.x;
    const float nameW = beside ? a.size.x - clockW - 2 * gap : a.size.x;
    const NameFit fit = fitName(ui, name, nameW);
    float y = a.pos.y;
    if (draw) drawWrapped(ui, {a.pos.x, y}, name, nameW, fit.lines, fit.role, p.text);
    const float nameH = lineHeight(ui, fit.role) * float(fit.lines);
    const float clockY = beside ? y : y + nameH;
    // Portrait: the date left of the time, or under it when both do not fit one line.
    const bool dateBelow = !beside && dateW + gap + timeW > a.size.x;
    const int dateLines = dateBelow ? lineCount(ui, date, FontRole::Body, a.size.x) : 1;
    if (draw && !time.empty()) {
        drawLineRight(ui, {a.right(), clockY}, time, timeW + 1, FontRole::Title, p.text);
        if (!date.empty()) {
            if (beside) drawLineRight(ui, {a.right() - timeW - gap, clockY + dy}, date, dateW + 1, FontRole::Body, p.textMuted);
            else if (dateBelow) drawWrapped(ui, {a.pos.x, clockY + titleH}, date, a.size.x, dateLines, FontRole::Body, p.textMuted);
            else drawLine(ui, {a.pos.x, clockY + dy}, date, dateW + 1, FontRole::Body, p.textMuted);
        }
    }
    y += beside ? std::max(nameH, time.empty() ? 0.0f : titleH) : nameH + (time.empty() ? 0 : titleH);
    if (dateBelow && !time.empty()) y += lineHeight(ui) * float(dateLines);
    y += gap * 0.5f;
    if (draw)
        ImGui::GetWindowDrawList()->AddLine({a.pos.x, y}, {a.right(), y}, lc::ui::toU32(p.border),
                                            std::max(2.0f, gap * 0.15f));
    return y + gap - a.pos.y;
}

std::string pageTitle(lc::ui::Ui& ui, const Page& page) {
    const auto parts = [&](const char* msgid, int n, int m) {
        return lc::ui::format(ui.tr(msgid), {{"n", std::to_string(n)}, {"m", std::to_string(m)}});
    };
    if (const auto* t = std::get_if<TodayPage>(&page))
        return t->parts > 1 ? parts("Today ({n}/{m})", t->part, t->parts) : ui.tr("Today");
    if (std::holds_alternative<WeekPage>(page)) return ui.tr("This week");
    if (std::holds_alternative<UpcomingPage>(page)) return ui.tr("Coming up");
    const auto& j = std::get<JoinPage>(page);
    std::string t = ui.tr("Join a learning circle");
    if (j.parts > 1) t += " (" + std::to_string(j.part) + "/" + std::to_string(j.parts) + ")";
    return t;
}

std::string staleText(lc::ui::Ui& ui, const StaleNote& s) {
    if (!s.lastSuccess) return ui.tr("Schedule not downloaded yet");
    const auto when = glued(lc::ui::formatShortDate(ui.catalogs(), ui.language(), s.lastSuccess->date)) +
                      ", " + glued(lc::ui::formatTime(ui.catalogs(), ui.language(), s.lastSuccess->minutes));
    return lc::ui::format(ui.tr("Schedule updated {when}"), {{"when", when}});
}

// More pages than this show "3 / 28" instead of dots.
constexpr std::size_t kMaxDots = 10;

// Page dots (or "3 / 28") bottom right, the stale note left of them, or above them when it does
// not fit. Returns the height used; draws only when `draw`.
float layoutFooter(lc::ui::Ui& ui, const DisplayView& v, const Area& a, bool draw) {
    const auto& p = ui.palette();
    const float lh = lineHeight(ui, FontRole::Small);
    const float y = a.bottom() - lh;
    const float r = lh * 0.18f;
    float x = a.right();
    const std::size_t n = v.pages.size();
    if (n > kMaxDots) {
        const std::string count = std::to_string(v.currentPage + 1) + " / " + std::to_string(n);
        x -= ui.measure(count, FontRole::Small).x;
        if (draw) drawLine(ui, {x, y}, count, a.right() - x + 1, FontRole::Small, p.textMuted);
    } else if (n > 1) {
        x -= r;
        for (std::size_t i = n; i-- > 0;) {
            if (draw)
                ImGui::GetWindowDrawList()->AddCircleFilled({x, y + lh * 0.5f}, r,
                                                            lc::ui::toU32(i == v.currentPage ? p.accent : p.border), 16);
            x -= r * 3.5f;
        }
    }
    float height = lh;
    if (v.stale) {
        const std::string note = staleText(ui, *v.stale);
        const float room = x - a.pos.x - r * 4;
        if (ui.measure(note, FontRole::Small).x <= room) {
            if (draw) drawLine(ui, {a.pos.x, y}, note, room, FontRole::Small, p.textMuted);
        } else {
            const int lines = lineCount(ui, note, FontRole::Small, a.size.x);
            const float top = y - lh * float(lines);
            if (draw) drawWrapped(ui, {a.pos.x, top}, note, a.size.x, lines, FontRole::Small, p.textMuted);
            height += lh * float(lines);
        }
    }
    return height + ui.metrics().gap;
}

// The whole picture's area: inside a margin wider than the burn-in shift, so the shifted picture
// is never cut.
Area screenArea(const lc::ui::Ui& ui, const DisplayView& v, ImVec2 size) {
    const float margin = std::max(ui.metrics().padding, size.y * 0.03f);
    return Area{{margin + float(v.shiftX), margin + float(v.shiftY)},
                {size.x - 2 * margin, size.y - 2 * margin},
                size.y > size.x};
}

// Lays out (and with `draw`, draws) the frame around a page; returns the page's area.
Area layoutFrame(lc::ui::Ui& ui, const DisplayView& v, const Page& page, ImVec2 size, bool draw) {
    ui.fonts().useStep(-1);  // header, titles and footer at the theme's sizes
    const Area a = screenArea(ui, v, size);
    const float headerH = layoutHeader(ui, v.header, a, draw);
    const float footerH = layoutFooter(ui, v, a, draw);
    // The page's title: Title on one line, else it shrinks and wraps (never elides).
    const std::string title = pageTitle(ui, page);
    const FontRole role = fitsLines(ui, title, FontRole::Title, a.size.x, 1) ? FontRole::Title : FontRole::Bold;
    const int titleLines = lineCount(ui, title, role, a.size.x);
    if (draw) drawWrapped(ui, {a.pos.x, a.pos.y + headerH}, title, a.size.x, titleLines, role, ui.palette().accent);
    const float top = headerH + lineHeight(ui, role) * float(titleLines) + ui.metrics().gap;
    return Area{{a.pos.x, a.pos.y + top}, {a.size.x, a.size.y - top - footerH}, a.portrait};
}

void drawPage(lc::ui::Ui& ui, const Page& page, const Area& a, ImVec2 screen) {
    if (const auto* t = std::get_if<TodayPage>(&page)) drawTodayPage(ui, *t, a);
    else if (const auto* j = std::get_if<JoinPage>(&page)) drawJoinPage(ui, *j, a, screen);
    else if (const auto* w = std::get_if<WeekPage>(&page)) drawWeekPage(ui, *w, a);
    else if (const auto* u = std::get_if<UpcomingPage>(&page)) drawUpcomingPage(ui, *u, a);
}

}  // namespace

void drawDisplayScreen(lc::ui::Ui& ui, const DisplayView& v, ImVec2 size) {
    if (v.blank) {
        // The whole frame, edges included (the root window's own list is clipped to its padding).
        ImGui::GetBackgroundDrawList()->AddRectFilled({0, 0}, size, IM_COL32(0, 0, 0, 255));
        return;
    }
    if (v.pages.empty()) {
        layoutFrame(ui, v, Page{UpcomingPage{}}, size, false);
        return;
    }
    const Page& page = v.pages[std::min(v.currentPage, v.pages.size() - 1)];
    const Area a = layoutFrame(ui, v, page, size, true);
    drawPage(ui, page, a, size);
    ui.fonts().useStep(-1);
}

bool todayPageFits(lc::ui::Ui& ui, const DisplayView& v, const TodayPage& page, ImVec2 size) {
    const Area a = layoutFrame(ui, v, Page{page}, size, false);
    ui.fonts().useStep(0);
    const bool fits = todayFits(ui, page, a);
    ui.fonts().useStep(-1);
    return fits;
}

PageFit measurePage(lc::ui::Ui& ui, const DisplayView& v, std::size_t index, ImVec2 size) {
    PageFit out;
    if (v.blank || index >= v.pages.size()) return out;
    const Page& page = v.pages[index];
    const Area a = layoutFrame(ui, v, page, size, false);
    if (const auto* t = std::get_if<TodayPage>(&page)) fitTodayPage(ui, *t, a);
    else if (const auto* j = std::get_if<JoinPage>(&page)) out.qrPx = joinQrSide(ui, *j, a, size);
    else if (const auto* w = std::get_if<WeekPage>(&page)) fitWeekPage(ui, *w, a);
    else if (const auto* u = std::get_if<UpcomingPage>(&page)) fitUpcomingPage(ui, *u, a);
    out.bodyCapPx = capHeight(ui.fonts().font(FontRole::Body)->FontSize);
    ui.fonts().useStep(-1);
    return out;
}

}  // namespace lc::display
