#include "screens/screen_parts.hpp"

#include <lc/ui/i18n.hpp>

#include "screens/display_theme.hpp"

namespace lc::display {

using lc::ui::FontRole;

std::string stateLabel(lc::ui::Ui& ui, const MeetingRow& r) {
    switch (r.state) {
        case MeetingState::StartingSoon: return ui.tr("Starting soon");
        case MeetingState::InSession:
            return r.latecomersWelcome ? ui.tr("Now · latecomers welcome") : ui.tr("In session");
        case MeetingState::Ended: return ui.tr("Ended");
        case MeetingState::Later: return {};
    }
    return {};
}

ImVec4 stateColor(const lc::ui::Ui& ui, const MeetingRow& r) {
    const auto& p = ui.palette();
    switch (r.state) {
        case MeetingState::StartingSoon: return p.warning;
        case MeetingState::InSession: return r.latecomersWelcome ? p.success : p.accent;
        case MeetingState::Ended: return p.border;
        case MeetingState::Later: return p.surface;
    }
    return p.surface;
}

std::string glued(std::string_view s) {
    std::string out;
    for (char ch : s) out += ch == ' ' ? std::string("\u00A0") : std::string(1, ch);
    return out;
}

std::string timeRangeText(lc::ui::Ui& ui, const MeetingRow& r) {
    const auto& c = ui.catalogs();
    return lc::ui::format(c.trc(ui.language(), "time format", "{from} – {to}"),
                          {{"from", glued(lc::ui::formatTime(c, ui.language(), r.localStart))},
                           {"to", glued(lc::ui::formatTime(c, ui.language(), r.localEnd))}});
}

std::string recurrenceText(lc::ui::Ui& ui, const JoinCard& c) {
    const auto time = glued(lc::ui::formatTime(ui.catalogs(), ui.language(), c.next.localStart));
    if (c.next.irregular) return lc::ui::format(ui.tr("Dates vary · {time}"), {{"time", time}});
    const auto wd = lc::ui::formatWeekday(ui.catalogs(), ui.language(),
                                          std::chrono::weekday{c.isoWeekday % 7});
    return lc::ui::format(ui.tr("Every {weekday}, {time}"), {{"weekday", wd}, {"time", time}});
}

std::string startText(lc::ui::Ui& ui, const JoinCard& c) {
    const auto date = glued(lc::ui::formatShortDate(ui.catalogs(), ui.language(), c.startDate));
    if (c.started) return lc::ui::format(ui.tr("Started {date} · join anytime"), {{"date", date}});
    return lc::ui::format(ui.tr("Starts {date}"), {{"date", date}});
}

std::string seatsText(lc::ui::Ui& ui, const JoinCard& c) {
    switch (c.badge) {
        case SeatsBadge::Open: return ui.tr("Open");
        case SeatsBadge::Full: return ui.tr("Full");
        case SeatsBadge::SeatsLeft: break;
    }
    return ui.trn("{n} seat left", "{n} seats left", c.seatsLeft.value_or(0));
}

int fitPage(lc::ui::Ui& ui, const std::function<bool()>& fits) {
    const int steps = int(ui.fonts().ladder().size());
    for (int k = steps - 1; k > 0; --k) {
        ui.fonts().useStep(k);
        if (fits()) return k;
    }
    ui.fonts().useStep(0);
    return 0;
}

std::string languageName(lc::ui::Ui& ui, const std::string& code) {
    if (code == "en") return ui.tr("In English");
    if (code == "fr") return ui.tr("In French");
    if (code == "es") return ui.tr("In Spanish");
    if (code == "sw") return ui.tr("In Swahili");
    return lc::ui::format(ui.tr("Language: {code}"), {{"code", code}});
}

ImVec2 badgeSize(const lc::ui::Ui& ui, const std::string& label, FontRole role) {
    if (label.empty()) return {0, 0};
    const ImVec2 t = ui.measure(label, role);
    const float pad = ui.metrics().gap * 0.6f;
    return {t.x + 2 * pad, t.y + pad * 0.5f};
}

ImVec2 drawBadge(lc::ui::Ui& ui, ImVec2 pos, const std::string& label, ImVec4 color,
                 FontRole role) {
    if (label.empty()) return {0, 0};
    const ImVec2 size = badgeSize(ui, label, role);
    drawPanel(ui, pos, size, color);
    const float pad = ui.metrics().gap * 0.6f;
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad, pos.y + pad * 0.25f));
    ui.text(label, role, ui.palette().accentText);
    return size;
}

void drawPanel(lc::ui::Ui& ui, ImVec2 pos, ImVec2 size, ImVec4 color) {
    // Recorded, so that the layout audit judges the text drawn over it against it.
    ui.fillRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), color, ui.metrics().rounding);
}

}  // namespace lc::display
