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
    ImGui::SetCursorPos(ImVec2(f.pad, f.size.y - f.pad - h));
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
    if (header(ui, f, ui.tr("Check your details"), v.step != SignupStep::Saving)) out = GoBack{};
    const float barH = ui.metrics().touchTarget * 1.4f;
    // Everything the patron typed scrolls if it must; Edit and Confirm stay on screen.
    const float width = beginBody(ui, f, "review.details", barH) - f.gap;
    ui.textWrapped(v.card.name + "  ·  " + v.card.when, FontRole::Bold, std::nullopt, width);
    ImGui::Dummy(ImVec2(0, f.gap));
    for (const auto& [label, value] : v.review) {
        ui.textWrapped(label, FontRole::Small, p.textMuted, width);
        ui.textWrapped(value, FontRole::Body, std::nullopt, width);
        ImGui::Dummy(ImVec2(0, f.gap * 0.3f));
    }
    ui.textWrapped("\u2713 " + v.consentText, FontRole::Small, p.textMuted, width);
    // Read back to the one who typed it, after the title.
    std::string spoken = v.card.name + ". " + v.card.when + ".";
    for (const auto& [label, value] : v.review) spoken += " " + label + ": " + value + ".";
    ui.announce("review", spoken);
    if (!v.saveError.empty()) ui.textWrapped(v.saveError, FontRole::Bold, p.danger, width);
    endBody(ui, f, barH);
    if (v.step == SignupStep::Saving) {  // the seat is being claimed: a moment, no buttons
        ImGui::SetCursorPos(ImVec2(f.pad, f.size.y - f.pad - barH));
        ui.textWrapped(ui.tr("Saving your signup…"), FontRole::Title, p.textMuted,
                       f.size.x - 2 * f.pad);
        ui.announce("saving", ui.tr("Saving your signup…"));
        return std::nullopt;
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
    const float blockW = std::min(f.size.x - 2 * f.pad - f.gap, 1500.0f * m.scale);
    const float buttonH = m.touchTarget * 1.4f;
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
    // Centred in the space above Done; scrolled (Done staying put) when it cannot fit.
    ImGui::SetCursorPosY(f.pad);
    const float width = beginBody(ui, f, "done.body", buttonH);
    const float x = (width - blockW) * 0.5f;
    ImGui::SetCursorPosY(std::max(0.0f, (ImGui::GetWindowSize().y - blockH) * 0.5f));
    for (const auto& l : lines) {
        if (l.text->empty()) continue;
        textCenteredWrapped(ui, *l.text, l.role, l.color, x, blockW);
        ImGui::Dummy(ImVec2(0, l.gapAfter));
    }
    // Speech confirms with the day, time and room, after the title.
    std::string spoken;
    for (const std::string* part : {&v.welcome, &v.card.name, &v.doneWhen, &v.donePlace})
        if (!part->empty()) spoken += (spoken.empty() ? "" : ". ") + *part;
    ui.announce("done", spoken);
    endBody(ui, f, buttonH);
    ImGui::SetCursorPosX((f.size.x - blockW) * 0.5f);
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
    const float h = ui.metrics().touchTarget * 1.4f;
    const float width = beginBody(ui, f, "refused.body", h) - f.gap;
    if (v.step == SignupStep::Paused) {
        ui.textWrapped(v.refusal, FontRole::Title, p.warning, width);
    } else if (v.step == SignupStep::Refused) {
        ui.textWrapped(v.refusal, FontRole::Title, p.warning, width);
        ui.announce("refused", v.refusal);
        ImGui::Dummy(ImVec2(0, f.gap));
        if (v.alternative) {
            ui.textWrapped(ui.tr("The next circle of this course:"), FontRole::Bold, std::nullopt, width);
            if (circleCard(ui, *v.alternative, width)) out = OpenAlternative{};
        }
    }
    endBody(ui, f, h);
    if (ui.button("signup.home", ui.tr("Back to start"), ImVec2(f.size.x - 2 * f.pad, h),
                  ButtonStyle::Secondary)) {
        out = Finish{};
    }
    return out;
}

}  // namespace lc::kiosk::screens
