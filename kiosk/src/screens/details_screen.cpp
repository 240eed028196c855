#include "details_screen.hpp"

#include <algorithm>

#include <lc/ui/widgets.hpp>

#include "screen_kit.hpp"

namespace lc::kiosk::screens {

using lc::ui::ButtonStyle;
using lc::ui::FontRole;

namespace {

constexpr std::size_t kMeetingsShown = 6;  // the rest are counted, not listed

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
    if (!v.card.room.empty())
        line(lc::ui::format(ui.tr("Room: {room}"), {{"room", v.card.room}}), FontRole::Bold, std::nullopt);
    line(v.address, FontRole::Small, p.textMuted);
    line(v.card.language, FontRole::Body, std::nullopt);
    line(v.card.facilitators, FontRole::Body, std::nullopt);
    line(v.card.seats, FontRole::Bold, stateColor(ui, v.card.state));
    if (!v.meetingDates.empty()) {
        ImGui::Dummy(ImVec2(0, ui.metrics().gap * 0.5f));
        line(ui.tr("Meetings"), FontRole::Bold, std::nullopt);
        const std::size_t shown = std::min<std::size_t>(v.meetingDates.size(), kMeetingsShown);
        for (std::size_t i = 0; i < shown; ++i) line(v.meetingDates[i], FontRole::Small, std::nullopt);
        if (const std::size_t more = v.meetingDates.size() - shown; more > 0) {
            line(ui.trn("and {n} more meeting", "and {n} more meetings", static_cast<long>(more)),
                 FontRole::Small, p.textMuted);
        }
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
    const float width = f.size.x - 2 * f.pad;
    const float buttonH = m.touchTarget * 1.6f;
    // The action bar (why not, and Sign up here or the next circle) stays at the bottom; the
    // facts above it scroll when a long feed makes them outgrow the window.
    const std::string altTitle = v.alternative
        ? lc::ui::format(ui.tr("Next circle of this course: {name}"), {{"name", v.alternative->name}}) : "";
    const std::string altDetail = v.alternative ? v.alternative->when : "";
    float barH = 0;
    if (!v.refusal.empty()) barH += wrappedHeight(ui, v.refusal, FontRole::Bold, width) + f.gap;
    if (v.canSignUp) barH += buttonH;
    else if (v.alternative) barH += listRowHeight(ui, altTitle, altDetail, width);
    const float bodyW = beginBody(ui, f, "details.body", barH) - f.gap;
    if (f.portrait) {
        facts(ui, v, 0, bodyW);
        ImGui::Dummy(ImVec2(0, f.gap));
        qrPanel(ui, v, 0, bodyW, std::min(bodyW * 0.5f, f.size.y * 0.22f));
    } else {
        const float left = bodyW * 0.6f, right = bodyW - left - f.gap * 2;
        const float top = ImGui::GetCursorPosY();
        facts(ui, v, 0, left);
        const float after = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(top);
        qrPanel(ui, v, left + f.gap * 2, right, std::min(right, f.size.y * 0.42f));
        moveDownTo(after);
    }
    endBody(ui, f, barH);
    if (!v.refusal.empty()) ui.textWrapped(v.refusal, FontRole::Bold, ui.palette().warning, width);
    ImGui::SetCursorPosX(f.pad);
    if (v.canSignUp) {
        if (ui.button("details.signup", ui.tr("Sign up here"), ImVec2(width, buttonH))) {
            out = StartSignup{};
        }
    } else if (v.alternative) {
        // The circle's whole name wraps in the row: a feed title never clips.
        if (listRow(ui, "details.alternative", altTitle, altDetail, width)) out = ShowAlternative{};
    }
    return out;
}

}  // namespace lc::kiosk::screens
