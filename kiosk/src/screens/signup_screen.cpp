#include "signup_screen.hpp"

#include <algorithm>

#include <lc/ui/widgets.hpp>

#include "screen_kit.hpp"

namespace lc::kiosk::screens {

using lc::ui::ButtonStyle;
using lc::ui::FieldKind;
using lc::ui::FontRole;

std::string fieldUiId(Field f) { return std::string("signup.") + fieldId(f); }

namespace {

FieldKind kindOf(Field f) {
    switch (f) {
        case Field::Name: return FieldKind::Name;
        case Field::Email: return FieldKind::Email;
        case Field::Mobile: return FieldKind::Phone;
        default: return FieldKind::Text;
    }
}

std::size_t maxCharsOf(Field f) {
    switch (f) {
        case Field::Name: return 128;
        case Field::Email: return 254;
        case Field::Mobile: return 32;
        default: return 500;
    }
}

// The flow owns the focus: make lc_ui's input path follow it.
void syncFocus(lc::ui::Ui& ui, const SignupView& v) {
    for (const auto& f : v.fields) {
        if (!f.focused) continue;
        const std::string id = fieldUiId(f.field);
        if (ui.input().focused() != id) ui.input().focus(id, kindOf(f.field));
        return;
    }
}

// The text fields, tight enough that the whole form fits above the keyboard in portrait.
std::optional<SignupIntent> fields(lc::ui::Ui& ui, const SignupView& v, float width) {
    std::optional<SignupIntent> out;
    const float gap = ui.metrics().gap;
    if (!v.circleError.empty()) ui.textWrapped(v.circleError, FontRole::Bold, ui.palette().danger, width);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap * 0.35f));
    for (std::size_t i = 0; i < v.fields.size(); ++i) {
        const FieldView& fv = v.fields[i];
        lc::ui::FieldOptions o;
        o.kind = kindOf(fv.field);
        o.maxChars = maxCharsOf(fv.field);
        o.width = width;
        if (!fv.error.empty()) o.error = fv.error;
        const auto r = lc::ui::textField(ui, fieldUiId(fv.field), fv.label, fv.value, o);
        if (r.changed) out = EditText{fv.field, *r.changed};
        else if (r.focused && !fv.focused) out = Focus{fv.field};
        if (r.submitted || r.tabbed) {
            out = i + 1 < v.fields.size() ? SignupIntent{Focus{v.fields[i + 1].field}}
                                          : SignupIntent{Submit{}};
        }
        if (fv.field == Field::Email && v.offerMobileOnly &&
            ui.button("signup.mobile-only", ui.tr("No email? Use your phone number"), ImVec2(0, 0),
                      ButtonStyle::Quiet)) {
            out = UseMobileOnly{true};
        }
        ImGui::Dummy(ImVec2(0, gap * 0.6f));
    }
    ImGui::PopStyleVar();
    return out;
}

// The privacy notice, consent and the news opt-in.
std::optional<SignupIntent> consent(lc::ui::Ui& ui, const SignupView& v, float width) {
    std::optional<SignupIntent> out;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ui.metrics().gap, ui.metrics().gap * 0.5f));
    ui.textWrapped(v.privacyNotice, FontRole::Small, ui.palette().textMuted, width);
    if (checkRow(ui, "signup.consent", v.consentText, v.consent, width, v.consentError)) {
        out = ToggleConsent{};
    }
    if (checkRow(ui, "signup.news", v.optInText, v.optIn, width)) out = ToggleOptIn{};
    ImGui::PopStyleVar();
    return out;
}

// Back was tapped with something typed: one question, two answers, nothing lost by accident.
std::optional<SignupIntent> drawDiscardQuestion(lc::ui::Ui& ui, const SignupView& v, const Frame& f) {
    std::optional<SignupIntent> out;
    if (ui.input().focused()) ui.input().clearFocus();
    header(ui, f, v.card.name, false);
    const float width = f.size.x - 2 * f.pad;
    moveDownTo(f.portrait ? f.size.y / 3.0f : f.size.y / 4.0f);
    ImGui::SetCursorPosX(f.pad);
    ui.textWrapped(ui.tr("Leave this form? What you typed will be deleted."), FontRole::Title,
                   std::nullopt, width);
    const float h = ui.metrics().touchTarget * 1.4f;
    const float w = (width - f.gap) * 0.5f;
    ImGui::SetCursorPos(ImVec2(f.pad, f.size.y - f.pad - h));
    if (ui.button("signup.discard", ui.tr("Delete and leave"), ImVec2(w, h), ButtonStyle::Secondary)) out = Discard{};
    ImGui::SameLine(0, f.gap);
    if (ui.button("signup.keep", ui.tr("Keep editing"), ImVec2(w, h))) out = KeepEditing{};
    return out;
}

}  // namespace

std::optional<SignupIntent> drawSignupForm(lc::ui::Ui& ui, const SignupView& v) {
    const Frame f = frameOf(ui);
    if (v.confirmDiscard) return drawDiscardQuestion(ui, v, f);
    const auto& m = ui.metrics();
    syncFocus(ui, v);
    std::optional<SignupIntent> out;
    if (header(ui, f, v.card.name, true)) out = GoBack{};
    ImGui::SetCursorPosX(f.pad);
    ui.textWrapped(v.card.when + "  ·  " + v.card.place, FontRole::Body, ui.palette().textMuted,
                   f.size.x - 2 * f.pad);
    ImGui::Dummy(ImVec2(0, f.gap * 0.25f));
    const float top = ImGui::GetCursorPosY();
    const float width = f.size.x - 2 * f.pad;
    const float buttonH = m.touchTarget * 1.3f;
    const auto keep = [&out](std::optional<SignupIntent> i) {
        if (i) out = std::move(i);
    };
    if (f.portrait) {
        // Keyboard at the bottom, Continue just above it, the form (scrolling only if it must,
        // with a "More below" hint) in between. Enter moves on, so nobody has to reach up.
        const float kbH = lc::ui::keyboardHeight(ui, width);
        const float kbTop = f.size.y - f.pad - kbH;
        const float buttonTop = kbTop - f.gap - buttonH;
        ImGui::SetCursorPos(ImVec2(f.pad, top));
        beginScrollWithHint(ui, "signup.form", ImVec2(width, buttonTop - f.gap - top));
        keep(fields(ui, v, width - f.gap));
        keep(consent(ui, v, width - f.gap));
        endScrollWithHint(ui);
        ImGui::SetCursorPos(ImVec2(f.pad, buttonTop));
        if (ui.button("signup.continue", ui.tr("Continue"), ImVec2(width, buttonH))) out = Submit{};
        ImGui::SetCursorPos(ImVec2(f.pad, kbTop));
        lc::ui::drawKeyboard(ui, width);
        return out;
    }
    // Landscape: the fields on the left; on the right the notice, consent and opt-in, then
    // Continue and the keyboard low down (wide enough for "Nimemaliza" on its Done key).
    const float left = width * 0.46f;
    const float right = width - left - 2 * f.gap;
    ImGui::SetCursorPos(ImVec2(f.pad, top));
    beginScrollWithHint(ui, "signup.form", ImVec2(left, f.size.y - top - f.pad));
    keep(fields(ui, v, left - f.gap));
    endScrollWithHint(ui);
    const float rx = f.pad + left + 2 * f.gap;
    const float kbH = lc::ui::keyboardHeight(ui, right);
    const float kbTop = f.size.y - f.pad - kbH;
    const float buttonTop = kbTop - f.gap - buttonH;
    ImGui::SetCursorPos(ImVec2(rx, top));
    beginScrollWithHint(ui, "signup.consent-block", ImVec2(right, buttonTop - f.gap - top));
    keep(consent(ui, v, right - f.gap));
    endScrollWithHint(ui);
    ImGui::SetCursorPos(ImVec2(rx, buttonTop));
    if (ui.button("signup.continue", ui.tr("Continue"), ImVec2(right, buttonH))) out = Submit{};
    ImGui::SetCursorPos(ImVec2(rx, kbTop));
    lc::ui::drawKeyboard(ui, right);
    return out;
}

std::optional<SignupIntent> drawSignupScreen(lc::ui::Ui& ui, const SignupView& v) {
    switch (v.step) {
        case SignupStep::Form: return drawSignupForm(ui, v);
        case SignupStep::Review:
        case SignupStep::Saving: return drawReviewScreen(ui, v);
        case SignupStep::Done: return drawDoneScreen(ui, v);
        default: return drawSignupRefusedScreen(ui, v);
    }
}

}  // namespace lc::kiosk::screens
