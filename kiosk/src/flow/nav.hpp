#pragma once
// Where the kiosk can be, and how one flow asks to go somewhere else.

#include <cstdint>
#include <string>

namespace lc::kiosk {

/// The kiosk's screens.
enum class Screen { Home, Browse, Details, Signup, Checkin, Staff };

/// Why a signup form is open: a patron, a participant not on the list (checked in right after),
/// or a walk-in that staff add (checked in, and not counted by the rate limit).
enum class SignupPurpose { Patron, CheckinAfter, WalkIn };

/// A request to show a screen, for a circle when the screen needs one.
struct Route {
    Screen screen = Screen::Home;
    std::int64_t circleId = 0;
    SignupPurpose purpose = SignupPurpose::Patron;
    std::string name{};  ///< a name the patron already typed (check-in's "Not on the list?")
};

/// Leave the current screen for the previous one.
struct GoBack {};

}  // namespace lc::kiosk
