#include "details_screen.hpp"

#include <algorithm>

#include <lc/ui/widgets.hpp>

#include "screen_kit.hpp"

namespace lc::kiosk::screens {

using lc::ui::ButtonStyle;
using lc::ui::FontRole;

namespace {

void facts(lc::ui::Ui& ui, const DetailsView& v, float x, float width) {
    const auto& p = ui.palette();
    const auto line = [&](std::string_view s, FontRole role, std::optional<ImVec4> color) {
        if (s.empty()) return;
        ImGui::SetCursorPosX(x);
        ui.textWrapped(s, role, color, width);
    };
    line(v.card.course, FontRole::Body, p.textMuted);
    line(v.card.when + "  ·  " + v.card.dates, FontRole::Bold, std::nullopt);
    line(v.card.place, FontRole::Body, std::nullopt);
    line(v.address, FontRole::Small, p.textMuted);
    line(v.card.language, FontRole::Body, std::nullopt);
    line(v.card.facilitators, FontRole::Body, std::nullopt);
    line(v.card.seats, FontRole::Bold, stateColor(ui, v.card.state));
    if (!v.meetingDates.empty()) {
        ImGui::Dummy(ImVec2(0, ui.metrics().gap * 0.5f));
        line(ui.tr("Meetings"), FontRole::Bold, std::nullopt);
        const std::size_t shown = std::min<std::size_t>(v.meetingDates.size(), 6);
        for (std::size_t i = 0; i < shown; ++i) line(v.meetingDates[i], FontRole::Small, std::nullopt);
    }
}

void qrPanel(lc::ui::Ui& ui, const DetailsView& v, float x, float width, float side) {
    if (v.qrUrl.empty()) return;
    ImGui::SetCursorPosX(x + (width - side) * 0.5f);
    if (!lc::ui::drawQrCode(ui, v.qrUrl, side)) return;
    ImGui::SetCursorPosX(x);
    ui.textWrapped(ui.tr("Prefer your phone? Scan this code to sign up on the P2PU website."),
                   FontRole::Small, ui.palette().textMuted, width);
}

}  // namespace

std::optional<DetailsIntent> drawDetailsScreen(lc::ui::Ui& ui, const DetailsView& v) {
    const Frame f = frameOf(ui);
    const auto& m = ui.metrics();
    std::optional<DetailsIntent> out;
    if (header(ui, f, v.found ? v.card.name : ui.tr("This circle is no longer listed."), true)) {
        out = GoBack{};
    }
    if (!v.found) return out;
    const float top = ImGui::GetCursorPosY();
    const float buttonH = m.touchTarget * 1.6f;
    const float width = f.size.x - 2 * f.pad;
    if (f.portrait) {
        facts(ui, v, f.pad, width);
        ImGui::Dummy(ImVec2(0, f.gap));
        const float side = std::min(width * 0.5f, f.size.y * 0.22f);
        qrPanel(ui, v, f.pad, width, side);
    } else {
        const float left = width * 0.6f;
        facts(ui, v, f.pad, left);
        ImGui::SetCursorPosY(top);
        const float side = std::min(width - left - f.gap * 2, f.size.y * 0.42f);
        qrPanel(ui, v, f.pad + left + f.gap * 2, width - left - f.gap * 2, side);
    }
    // The main control, at the bottom (the lower part of the screen in both orientations).
    const float refusalH = v.refusal.empty() ? 0 : wrappedHeight(ui, v.refusal, FontRole::Bold, width) + f.gap;
    ImGui::SetCursorPos(ImVec2(f.pad, std::max(ImGui::GetCursorPosY() + f.gap,
                                               f.size.y - f.pad - buttonH - refusalH)));
    if (!v.refusal.empty()) ui.textWrapped(v.refusal, FontRole::Bold, ui.palette().warning, width);
    ImGui::SetCursorPosX(f.pad);
    if (v.canSignUp) {
        if (ui.button("details.signup", ui.tr("Sign up here"), ImVec2(width, buttonH))) {
            out = StartSignup{};
        }
    } else if (v.alternative) {
        const std::string label = lc::ui::format(ui.tr("Next circle of this course: {name}"),
                                                 {{"name", v.alternative->name}});
        if (ui.button("details.alternative", label, ImVec2(width, buttonH))) out = ShowAlternative{};
    }
    return out;
}

}  // namespace lc::kiosk::screens
