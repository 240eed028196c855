#include "checkin_screen.hpp"

#include <algorithm>

#include <lc/ui/widgets.hpp>

#include "screen_kit.hpp"

namespace lc::kiosk::screens {

using lc::ui::ButtonStyle;
using lc::ui::FontRole;

namespace {

constexpr const char* kQueryId = "checkin.query";

std::optional<CheckinIntent> chooseCircle(lc::ui::Ui& ui, const CheckinView& v, const Frame& f) {
    std::optional<CheckinIntent> out;
    const float width = f.size.x - 2 * f.pad;
    if (f.portrait) moveDownTo(f.size.y / 3.0f);
    ImGui::SetCursorPosX(f.pad);
    ui.textWrapped(ui.tr("Which circle are you here for?"), FontRole::Bold, std::nullopt, width);
    // Each circle's whole name wraps in its row; many circles at once scroll.
    ImGui::SetCursorPosX(f.pad);
    beginScrollWithHint(ui, "checkin.circles", ImVec2(width, f.size.y - ImGui::GetCursorPosY() - f.pad));
    for (const auto& c : v.circles) {
        if (listRow(ui, "checkin.circle." + std::to_string(c.circleId), c.name, c.when, width - f.gap)) {
            out = ChooseCircle{c.circleId};
        }
    }
    endScrollWithHint(ui);
    return out;
}

std::optional<CheckinIntent> matches(lc::ui::Ui& ui, const CheckinView& v, float x, float width) {
    std::optional<CheckinIntent> out;
    const float h = ui.metrics().touchTarget * 1.3f;
    std::string spoken;  // masked names only, as drawn
    for (const auto& m : v.matches) spoken += (spoken.empty() ? "" : ", ") + m.masked;
    ui.announce("checkin.matches." + spoken, spoken);
    for (const auto& m : v.matches) {
        ImGui::SetCursorPosX(x);
        if (ui.button("checkin.name." + std::to_string(m.index), m.masked, ImVec2(width, h),
                      ButtonStyle::Secondary)) {
            out = PickName{m.index};
        }
    }
    if (v.matches.empty() && !v.query.empty()) {
        ImGui::SetCursorPosX(x);
        // Nobody matched: say so plainly, in the body's size, not as a muted hint.
        ui.textWrapped(v.hint, v.noMatch ? FontRole::Bold : FontRole::Small,
                       v.noMatch ? ui.palette().text : ui.palette().textMuted, width);
        ui.announce("checkin.hint." + v.hint, v.hint);
    }
    return out;
}

std::optional<CheckinIntent> search(lc::ui::Ui& ui, const CheckinView& v, const Frame& f) {
    std::optional<CheckinIntent> out;
    if (ui.input().focused() != kQueryId) ui.input().focus(kQueryId, lc::ui::FieldKind::Name);
    const float width = f.size.x - 2 * f.pad;
    const float colW = f.portrait ? width : width * 0.5f - f.gap;
    const float rx = f.portrait ? f.pad : f.pad + colW + 2 * f.gap;
    const float kbH = lc::ui::keyboardHeight(ui, colW);
    const float kbTop = f.size.y - f.pad - kbH;
    const float notH = ui.metrics().touchTarget * 1.2f;
    if (f.portrait) moveDownTo(f.size.y / 3.0f - 2 * ui.metrics().touchTarget);
    ImGui::SetCursorPosX(f.pad);
    lc::ui::FieldOptions o;
    o.kind = lc::ui::FieldKind::Name;
    o.maxChars = 64;
    o.width = colW;
    o.placeholder = v.hint;
    const auto r = lc::ui::textField(ui, kQueryId, ui.tr("Your name"), v.query, o);
    if (r.changed) out = SetQuery{*r.changed};
    if (!v.error.empty()) {
        ImGui::SetCursorPosX(f.pad);
        ui.textWrapped(v.error, FontRole::Bold, ui.palette().danger, colW);
    }
    // The matches scroll in the space left above "Not on the list?" (portrait) or beside the
    // keyboard (landscape): many look-alike names never push a row off the screen.
    const float listBottom = f.portrait ? kbTop - 2 * f.gap - notH : f.size.y - f.pad;
    ImGui::SetCursorPosX(f.pad);
    beginScrollWithHint(ui, "checkin.matches",
                        ImVec2(colW, std::max(ui.metrics().touchTarget, listBottom - ImGui::GetCursorPosY())));
    if (auto i = matches(ui, v, 0, colW - f.gap)) out = i;
    endScrollWithHint(ui);
    ImGui::SetCursorPos(ImVec2(rx, kbTop - f.gap - notH));
    if (ui.button("checkin.not-listed", ui.tr("Not on the list?"), ImVec2(colW, notH),
                  v.noMatch ? ButtonStyle::Primary : ButtonStyle::Quiet)) {
        out = NotOnList{};
    }
    ImGui::SetCursorPos(ImVec2(rx, kbTop));
    lc::ui::drawKeyboard(ui, colW);
    return out;
}

}  // namespace

std::optional<CheckinIntent> drawCheckinScreen(lc::ui::Ui& ui, const CheckinView& v) {
    const Frame f = frameOf(ui);
    std::optional<CheckinIntent> out;
    const bool searching = v.step == CheckinStep::Search;
    if (!searching && ui.input().focused()) ui.input().clearFocus();
    const std::string title = (searching || v.step == CheckinStep::Welcome) ? v.circle.name
                                                                              : ui.tr("Check in");
    if (header(ui, f, title, true)) out = GoBack{};
    const float width = f.size.x - 2 * f.pad;
    switch (v.step) {
        case CheckinStep::Unavailable:
        case CheckinStep::NoCircle:
            if (f.portrait) moveDownTo(f.size.y / 3.0f);
            ImGui::SetCursorPosX(f.pad);
            ui.textWrapped(v.message, FontRole::Title, std::nullopt, width);
            break;
        case CheckinStep::ChooseCircle:
            if (auto i = chooseCircle(ui, v, f)) out = i;
            break;
        case CheckinStep::Search:
            if (auto i = search(ui, v, f)) out = i;
            break;
        case CheckinStep::Welcome:
            moveDownTo(f.size.y * 0.35f);
            textCenteredWrapped(ui, v.welcome,
                                ui.measure(v.welcome, FontRole::Huge).x < width ? FontRole::Huge
                                                                                : FontRole::Title,
                                ui.palette().success, f.pad, width);
            ImGui::Dummy(ImVec2(0, f.gap));
            textCenteredWrapped(ui, ui.tr("You're checked in. Enjoy the session!"), FontRole::Body,
                                std::nullopt, f.pad, width);
            ui.announce("checkin.welcome", v.welcome + " " + ui.tr("You're checked in. Enjoy the session!"));
            break;
    }
    return out;
}

}  // namespace lc::kiosk::screens
