#pragma once
// The one signup-state function (shared/README.md) and the one validation of a signup, used by the kiosk,
// lcctl and every other entry point.

#include <optional>
#include <string>
#include <vector>

#include <lc/core/model.hpp>

namespace lc {

/// ended (last meeting over) before closed (signup_open false) before full before open.
enum class SignupState { Open, Full, Closed, Ended };

/// "open", "full", "closed", "ended".
const char* toString(SignupState s);

/// Seats left: signup_limit - signup_count - localPending, never below 0; nullopt when unlimited.
/// `localPending` counts this device's signups the snapshot cannot include yet (store's query).
std::optional<int> seatsLeft(const Circle& c, int localPending);

/// The state, by precedence. `lastMeetingEnd` comes from schedule::lastMeetingEnd.
SignupState signupState(const Circle& c, Instant lastMeetingEnd, int localPending, Instant now);

/// A message key a patron understands, for a refused state ("This circle has ended.", ...), in
/// English; the UI translates the same msgid. Empty for Open.
std::string stateReason(SignupState s);

/// What a patron typed (or an admin passed to `lcctl signup`).
struct SignupForm {
    std::int64_t circleId = 0;
    std::string name;
    std::string email;
    std::string mobile;
    std::string goals;
    std::string support;
    std::string customAnswer;
    bool consent = false;
    bool communicationsOptIn = false;
};

/// One problem with a form: `field` is "name", "email", "mobile", "goals", "support", "answer",
/// "consent" or "circle"; `message` is the English msgid (translated by the UI).
struct FieldError {
    std::string field;
    std::string message;
};

/// What validation needs to know besides the form.
struct SignupContext {
    const Circle* circle = nullptr;  ///< nullptr: unknown circle
    SignupState state = SignupState::Open;
    std::string regionCode;        ///< ISO 3166 "US", "KE", "FR" for national mobile numbers
    bool allowMobileOnly = false;  ///< the library's config
};

/// A form that passed validation, normalised: name and email trimmed (the email otherwise kept as
/// typed), mobile in E.164, answers trimmed, circleId the circle's. sendUpstream false (with a
/// reason) for mobile-only.
struct ValidSignup {
    SignupForm form;
    bool sendUpstream = true;
    std::string localOnlyReason;
};

/// Every problem at once, in form order; the circle's state last. Empty errors → `valid` is set.
struct SignupValidation {
    std::optional<ValidSignup> valid;
    std::vector<FieldError> errors;
};
SignupValidation validateSignup(const SignupForm& form, const SignupContext& ctx);

}  // namespace lc
