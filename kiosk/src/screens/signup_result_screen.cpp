// Review, Done, Refused/Paused: the signup steps after the form.

#include <algorithm>

#include <lc/ui/widgets.hpp>

#include "screen_kit.hpp"
#include "signup_screen.hpp"

namespace lc::kiosk::screens {

using lc::ui::ButtonStyle;
using lc::ui::FontRole;

namespace {

// Two buttons side by side at the bottom of the window (the lower part, within reach).
int bottomButtons(lc::ui::Ui& ui, const Frame& f, const char* leftId, const std::string& left,
                  const char* rightId, const std::string& right) {
    const float h = ui.metrics().touchTarget * 1.4f;
    const float w = (f.size.x - 2 * f.pad - f.gap) * 0.5f;
    ImGui::SetCursorPos(ImVec2(f.pad, std::max(ImGui::GetCursorPosY() + f.gap, f.size.y - f.pad - h)));
    int tapped = 0;
    if (leftId && ui.button(leftId, left, ImVec2(w, h), ButtonStyle::Secondary)) tapped = 1;
    ImGui::SameLine(0, f.gap);
    if (!leftId) ImGui::SetCursorPosX(f.pad + w + f.gap);
    if (rightId && ui.button(rightId, right, ImVec2(w, h))) tapped = 2;
    return tapped;
}

}  // namespace

std::optional<SignupIntent> drawReviewScreen(lc::ui::Ui& ui, const SignupView& v) {
    if (ui.input().focused()) ui.input().clearFocus();
    const Frame f = frameOf(ui);
    const auto& p = ui.palette();
    std::optional<SignupIntent> out;
    if (header(ui, f, ui.tr("Check your details"), true)) out = GoBack{};
    const float width = f.size.x - 2 * f.pad;
    if (f.portrait) ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), f.size.y / 3.0f - 200 * ui.metrics().scale));
    ImGui::SetCursorPosX(f.pad);
    ui.textWrapped(v.card.name + "  ·  " + v.card.when, FontRole::Bold, std::nullopt, width);
    ImGui::Dummy(ImVec2(0, f.gap));
    for (const auto& [label, value] : v.review) {
        ImGui::SetCursorPosX(f.pad);
        ui.textWrapped(label, FontRole::Small, p.textMuted, width);
        ImGui::SetCursorPosX(f.pad);
        ui.textWrapped(value, FontRole::Body, std::nullopt, width);
        ImGui::Dummy(ImVec2(0, f.gap * 0.3f));
    }
    ImGui::SetCursorPosX(f.pad);
    ui.textWrapped("\u2713 " + v.consentText, FontRole::Small, p.textMuted, width);
    if (!v.saveError.empty()) {
        ImGui::SetCursorPosX(f.pad);
        ui.textWrapped(v.saveError, FontRole::Bold, p.danger, width);
    }
    const int t = bottomButtons(ui, f, "review.edit", ui.tr("Edit"), "review.confirm",
                                ui.tr("Confirm signup"));
    if (t == 1) out = Edit{};
    if (t == 2) out = Confirm{};
    return out;
}

std::optional<SignupIntent> drawDoneScreen(lc::ui::Ui& ui, const SignupView& v) {
    if (ui.input().focused()) ui.input().clearFocus();
    const Frame f = frameOf(ui);
    const auto& p = ui.palette();
    const float width = f.size.x - 2 * f.pad;
    ImGui::SetCursorPosY(f.size.y * (f.portrait ? 0.30f : 0.18f));
    ui.textCentered(ui.tr("You're in!"), FontRole::Huge, p.success);
    ImGui::Dummy(ImVec2(0, f.gap));
    if (!v.welcome.empty()) ui.textCentered(v.welcome, FontRole::Title);
    ImGui::SetCursorPosX(f.pad);
    ui.textWrapped(v.card.name, FontRole::Title, std::nullopt, width);
    for (const std::string* s : {&v.doneWhen, &v.donePlace}) {
        if (s->empty()) continue;
        ImGui::SetCursorPosX(f.pad);
        ui.textWrapped(*s, FontRole::Body, std::nullopt, width);
    }
    ImGui::Dummy(ImVec2(0, f.gap));
    ImGui::SetCursorPosX(f.pad);
    ui.textWrapped(ui.tr("See you there! You can ask library staff if anything changes."),
                   FontRole::Body, p.textMuted, width);
    const float h = ui.metrics().touchTarget * 1.4f;
    ImGui::SetCursorPos(ImVec2(f.pad, std::max(ImGui::GetCursorPosY() + f.gap, f.size.y - f.pad - h)));
    if (ui.button("done.finish", ui.tr("Done"), ImVec2(width, h))) return Finish{};
    return std::nullopt;
}

std::optional<SignupIntent> drawSignupRefusedScreen(lc::ui::Ui& ui, const SignupView& v) {
    if (ui.input().focused()) ui.input().clearFocus();
    const Frame f = frameOf(ui);
    const auto& p = ui.palette();
    std::optional<SignupIntent> out;
    const std::string title = v.step == SignupStep::Paused ? ui.tr("Signup is paused")
                              : v.step == SignupStep::Missing ? ui.tr("This circle is no longer listed.")
                                                              : v.card.name;
    if (header(ui, f, title, true)) out = GoBack{};
    const float width = f.size.x - 2 * f.pad;
    if (f.portrait) ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), f.size.y / 3.0f));
    ImGui::SetCursorPosX(f.pad);
    if (v.step == SignupStep::Paused) {
        ui.textWrapped(ui.tr("Signup is paused. Please ask a member of staff."), FontRole::Title,
                       p.warning, width);
    } else if (v.step == SignupStep::Refused) {
        ui.textWrapped(v.refusal, FontRole::Title, p.warning, width);
        ImGui::Dummy(ImVec2(0, f.gap));
        if (v.alternative) {
            ImGui::SetCursorPosX(f.pad);
            ui.textWrapped(ui.tr("The next circle of this course:"), FontRole::Bold, std::nullopt, width);
            ImGui::SetCursorPosX(f.pad);
            if (circleCard(ui, *v.alternative, width)) out = OpenAlternative{};
        }
    }
    const float h = ui.metrics().touchTarget * 1.4f;
    ImGui::SetCursorPos(ImVec2(f.pad, std::max(ImGui::GetCursorPosY() + f.gap, f.size.y - f.pad - h)));
    if (ui.button("signup.home", ui.tr("Back to start"), ImVec2(width, h), ButtonStyle::Secondary)) {
        out = Finish{};
    }
    return out;
}

}  // namespace lc::kiosk::screens
