#include <lc/core/signup_rules.hpp>

#include <algorithm>

// The signup state of a circle, apart from the validation of a form (signup_rules.cpp): the
// display shows seats and states but validates nothing, and linking it the form's validation
// would load the phone-number library (and protobuf) into it for nothing.

namespace lc {
namespace {

bool hasLimit(const Circle& c) { return c.signupLimit.has_value() && *c.signupLimit != 0; }

}  // namespace

const char* toString(SignupState s) {
    switch (s) {
        case SignupState::Open: return "open";
        case SignupState::Full: return "full";
        case SignupState::Closed: return "closed";
        case SignupState::Ended: return "ended";
    }
    return "unknown";
}

std::optional<int> seatsLeft(const Circle& c, int localPending) {
    if (!hasLimit(c)) return std::nullopt;
    const long long left = static_cast<long long>(*c.signupLimit) - c.signupCount -
                           std::max(localPending, 0);
    return static_cast<int>(std::max(left, 0LL));
}

SignupState signupState(const Circle& c, Instant lastMeetingEnd, int localPending, Instant now) {
    if (now >= lastMeetingEnd) return SignupState::Ended;
    if (!c.signupOpen) return SignupState::Closed;
    if (hasLimit(c) && static_cast<long long>(c.signupCount) + std::max(localPending, 0) >=
                           *c.signupLimit) {
        return SignupState::Full;
    }
    return SignupState::Open;
}

std::string stateReason(SignupState s) {
    switch (s) {
        case SignupState::Open: return {};
        case SignupState::Full: return "This circle is full.";
        case SignupState::Closed: return "Signup for this circle is closed.";
        case SignupState::Ended: return "This circle has ended.";
    }
    return {};
}

}  // namespace lc
