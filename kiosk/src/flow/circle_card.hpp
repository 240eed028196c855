#pragma once
// The facts about a circle a patron reads on a card, already in their language.

#include <cstdint>
#include <optional>
#include <string>

#include <lc/core/signup_rules.hpp>

#include "flow_config.hpp"
#include "ports.hpp"

namespace lc::kiosk {

/// One circle as Browse, Details and the signup form show it.
struct CircleCard {
    std::int64_t id = 0;
    std::string name;
    std::string course;
    std::string when;          ///< "Every Tuesday, 6:00 PM"
    std::string dates;         ///< "Week 3 of 6", "Dates vary", "Starts Tuesday, December 1"
    std::string language;      ///< "Español"
    std::string facilitators;  ///< "With Ana, Ben"; "" when none are named
    std::string place;         ///< venue name
    std::string room;          ///< the configured room ("" when none is configured)
    std::string seats;         ///< "7 seats left", "Full", "Closed", "Ended", "Open"
    SignupState state = SignupState::Open;
    std::optional<int> seatsLeft;
    std::string url;  ///< P2PU signup page, for the QR code
};

/// The signup state of a circle now (lc::signupState with the store's facts).
SignupState stateOf(const CircleEntry& e, Instant now);

/// The first meeting that has not ended by `now`.
std::optional<Meeting> upcomingMeeting(const CircleEntry& e, Instant now);

/// The card for a circle at `now`, in the translator's language (with its room when `config`
/// is given).
CircleCard makeCard(const CircleEntry& e, Instant now, const Translator& t,
                    const FlowConfig* config = nullptr);

/// The room a circle meets in: its `circle_rooms` entry, else its venue's `default_room`.
std::string roomOf(const Circle& c, const FlowConfig& config);

/// "Tuesday, December 1, 6:00 PM": a meeting's local day and time, for Done and Check-in.
std::string meetingWhen(const Meeting& m, const Translator& t);

/// Whether the circle meets at one of `venues` (every circle when the list is empty).
bool servedHere(const Circle& c, const std::vector<std::string>& venues);

}  // namespace lc::kiosk
