// "This week": one row per day, today first, each meeting on a line; "dates vary" for circles
// whose dates are not all known.

#include <algorithm>

#include <lc/ui/i18n.hpp>

#include "screens/screen_parts.hpp"
#include "screens/text_fit.hpp"

namespace lc::display {

using lc::ui::FontRole;

namespace {

std::string dayLabel(lc::ui::Ui& ui, const WeekDay& d) {
    const auto& c = ui.catalogs();
    const auto& lang = ui.language();
    const std::string date = lc::ui::formatShortDate(c, lang, d.date);
    if (d.today) return ui.tr("Today") + " · " + date;
    return lc::ui::formatWeekday(c, lang, std::chrono::weekday{d.isoWeekday % 7}) + " · " + date;
}

std::string timeText(lc::ui::Ui& ui, const MeetingRow& r) {
    return lc::ui::formatTime(ui.catalogs(), ui.language(), r.localStart);
}

std::string nameText(lc::ui::Ui& ui, const MeetingRow& r) {
    return r.irregular ? r.name + " (" + ui.tr("dates vary") + ")" : r.name;
}

// The widest start time of the page: times stand in a column, right-aligned.
float timeColumn(lc::ui::Ui& ui, const WeekPage& page) {
    float w = 0;
    for (const auto& d : page.days)
        for (const auto& r : d.rows) w = std::max(w, ui.measure(timeText(ui, r)).x);
    return w;
}

// Item lines for each day: one for every day with meetings (landscape: for every day), the
// rest shared out in day order.
std::vector<int> shareLines(const WeekPage& page, int available, bool portrait) {
    std::vector<int> lines(page.days.size(), 0);
    int left = available;
    for (std::size_t i = 0; i < page.days.size(); ++i) {
        if (portrait && page.days[i].rows.empty()) continue;
        lines[i] = 1;
        --left;
    }
    for (std::size_t i = 0; i < page.days.size() && left > 0; ++i) {
        const int want = std::max<int>(0, int(page.days[i].rows.size()) - lines[i]);
        const int give = std::min(want, left);
        lines[i] += give;
        left -= give;
    }
    return lines;
}

// One day's meetings in `lines` lines; the last says "+N more" when they don't all fit.
void drawDayItems(lc::ui::Ui& ui, const WeekDay& d, ImVec2 pos, float width, int lines, float timeW) {
    const auto& p = ui.palette();
    const float lh = lineHeight(ui);
    if (d.rows.empty()) {
        drawLine(ui, pos, "—", width, FontRole::Body, p.textMuted);
        return;
    }
    const int shown = int(d.rows.size()) <= lines ? int(d.rows.size()) : lines - 1;
    for (int i = 0; i < shown; ++i) {
        const auto& r = d.rows[std::size_t(i)];
        const bool ended = r.state == MeetingState::Ended;
        const float y = pos.y + lh * float(i);
        const ImVec4 ink = ended ? p.textMuted : p.text;
        drawLineRight(ui, {pos.x + timeW, y}, timeText(ui, r), timeW + 1, FontRole::Body, ink);
        const float nameX = pos.x + timeW + ui.metrics().gap;
        drawElided(ui, {nameX, y}, nameText(ui, r), pos.x + width - nameX, FontRole::Body, ink);
    }
    if (shown < int(d.rows.size())) {
        const auto more = lc::ui::format(ui.tr("+{n} more"), {{"n", std::to_string(d.rows.size() - std::size_t(shown))}});
        drawLine(ui, {pos.x, pos.y + lh * float(shown)}, more, width, FontRole::Body, p.textMuted);
    }
}

}  // namespace

// Item lines the page has room for at the type in use, and how many it needs.
static std::pair<int, int> weekLines(lc::ui::Ui& ui, const WeekPage& page, const Area& a) {
    const float lh = lineHeight(ui);
    const float footer = page.datesVary.empty() ? 0 : lh + ui.metrics().gap * 0.5f;
    const float perDay = ui.metrics().gap * 0.5f + (a.portrait ? lineHeight(ui, FontRole::Bold) : 0);
    const int available = int((a.size.y - footer - perDay * float(page.days.size())) / lh);
    int needed = 0;
    for (const auto& d : page.days)
        needed += std::max<int>(a.portrait && d.rows.empty() ? 0 : 1, int(d.rows.size()));
    return {available, needed};
}

int fitWeekPage(lc::ui::Ui& ui, const WeekPage& page, const Area& a) {
    return fitPage(ui, [&] {
        const auto [available, needed] = weekLines(ui, page, a);
        return needed <= available;
    });
}

void drawWeekPage(lc::ui::Ui& ui, const WeekPage& page, const Area& a) {
    fitWeekPage(ui, page, a);
    const auto& p = ui.palette();
    const float lh = lineHeight(ui);
    const float boldH = lineHeight(ui, FontRole::Bold);
    const float gap = ui.metrics().gap * 0.5f;
    float labelW = 0;
    for (const auto& d : page.days) labelW = std::max(labelW, ui.measure(dayLabel(ui, d), FontRole::Bold).x);
    labelW = a.portrait ? a.size.x : std::min(labelW, a.size.x * 0.3f);
    // Portrait: the label above the day's meetings (an empty day: a dash after it); landscape:
    // the label beside them.
    const float itemsX = a.portrait ? a.pos.x + ui.metrics().padding : a.pos.x + labelW + ui.metrics().gap * 2;
    const float itemsW = a.right() - itemsX;
    const float footer = page.datesVary.empty() ? 0 : lh + gap;
    const float perDay = gap + (a.portrait ? boldH : 0);
    const int available = int((a.size.y - footer - perDay * float(page.days.size())) / lh);
    const auto lines = shareLines(page, available, a.portrait);
    const float timeW = timeColumn(ui, page);
    float y = a.pos.y;
    for (std::size_t i = 0; i < page.days.size(); ++i) {
        const auto& d = page.days[i];
        const float need = lh * float(lines[i]) + perDay;
        if (y + need > a.bottom() - footer + 0.5f) break;
        std::string label = dayLabel(ui, d);
        if (a.portrait && d.rows.empty()) label += "  —";
        drawLine(ui, {a.pos.x, y}, label, labelW, FontRole::Bold, d.today ? p.accent : p.text);
        if (lines[i] > 0) drawDayItems(ui, d, {itemsX, a.portrait ? y + boldH : y}, itemsW, lines[i], timeW);
        y += need;
    }
    if (!page.datesVary.empty()) {
        std::string names;
        for (const auto& r : page.datesVary) names += (names.empty() ? "" : ", ") + r.name;
        drawElided(ui, {a.pos.x, a.bottom() - lh},
                   lc::ui::format(ui.tr("Dates vary: {names}"), {{"names", names}}), a.size.x,
                   FontRole::Body, p.textMuted);
    }
}

}  // namespace lc::display
