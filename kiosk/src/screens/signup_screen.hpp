#pragma once
// The signup screens: the form with the on-screen keyboard, Review, Done ("You're in!"), and
// the refused / paused / missing cases.

#include <optional>

#include <lc/ui/ui.hpp>

#include "flow/signup_flow.hpp"

namespace lc::kiosk::screens {

/// Draws whichever signup step the view is at; returns what the patron did.
std::optional<SignupIntent> drawSignupScreen(lc::ui::Ui& ui, const SignupView& v);

/// The form with its keyboard.
std::optional<SignupIntent> drawSignupForm(lc::ui::Ui& ui, const SignupView& v);
/// "Check your details", Edit / Confirm.
std::optional<SignupIntent> drawReviewScreen(lc::ui::Ui& ui, const SignupView& v);
/// "You're in!" with the first (or next) meeting.
std::optional<SignupIntent> drawDoneScreen(lc::ui::Ui& ui, const SignupView& v);
/// Refused (with the next circle of the course), paused, or a circle gone from the store.
std::optional<SignupIntent> drawSignupRefusedScreen(lc::ui::Ui& ui, const SignupView& v);

/// The lc_ui field id of a form field ("signup.name").
std::string fieldUiId(Field f);

}  // namespace lc::kiosk::screens
