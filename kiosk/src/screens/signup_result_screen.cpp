// Review, Done, Refused/Paused: the signup steps after the form.

#include <algorithm>
#include <vector>

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
    const auto& m = ui.metrics();
    // One centred block at a readable measure, the meeting's day, time and place large.
    const float blockW = std::min(f.size.x - 2 * f.pad, 1500.0f * m.scale);
    const float x = (f.size.x - blockW) * 0.5f;
    const float buttonH = m.touchTarget * 1.4f;
    const float buttonTop = f.size.y - f.pad - buttonH;
    struct Line {
        const std::string* text;
        FontRole role;
        std::optional<ImVec4> color;
        float gapAfter;
    };
    const std::string thanks = ui.tr("See you there! You can ask library staff if anything changes.");
    const std::string title = ui.tr("You're in!");
    const std::vector<Line> lines{{&title, FontRole::Huge, p.success, f.gap},
                                  {&v.welcome, FontRole::Title, std::nullopt, f.gap * 0.5f},
                                  {&v.card.name, FontRole::Bold, std::nullopt, f.gap * 1.5f},
                                  {&v.doneWhen, FontRole::Title, std::nullopt, f.gap * 0.5f},
                                  {&v.donePlace, FontRole::Title, std::nullopt, 0},
                                  {&v.doneAddress, FontRole::Body, std::nullopt, f.gap * 2},
                                  {&thanks, FontRole::Body, p.textMuted, 0}};
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float blockH = 0;
    for (const auto& l : lines) {
        if (l.text->empty()) continue;
        const ImFont* font = ui.fonts().font(l.role);
        const float lineH = (font ? font->FontSize : ImGui::GetFontSize()) + spacing;
        blockH += lineH * static_cast<float>(wrapLines(ui, *l.text, l.role, blockW).size()) +
                  l.gapAfter + spacing;
    }
    ImGui::SetCursorPosY(std::max(f.pad, (buttonTop - f.gap - blockH) * 0.5f));
    for (const auto& l : lines) {
        if (l.text->empty()) continue;
        textCenteredWrapped(ui, *l.text, l.role, l.color, x, blockW);
        ImGui::Dummy(ImVec2(0, l.gapAfter));
    }
    ImGui::SetCursorPos(ImVec2(x, std::max(ImGui::GetCursorPosY() + f.gap, buttonTop)));
    if (ui.button("done.finish", ui.tr("Done"), ImVec2(blockW, buttonH))) return Finish{};
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
