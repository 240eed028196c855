#pragma once
// A signup's seat, taken in the fleet database before the signup commits locally: one
// transaction holding the circle's row lock counts the feed's signups plus the fleet's signups
// the feed cannot include yet against the limit. Bounded as a whole (connect and every statement)
// by fleet.claim_timeout_ms: a database that does not answer in time leaves the device to decide
// alone (the signup is then "claimed
// offline", and an oversold circle shows to staff after the next exchange).

#include <string>

#include <lc/core/config.hpp>
#include <lc/core/model.hpp>
#include <lc/core/result.hpp>

namespace lc::fleet {

/// How a claim ended.
enum class ClaimOutcome {
    Claimed,      ///< the seat is this signup's; commit it locally now
    AlreadyHeld,  ///< this person already holds a seat in the circle (an update, no new seat)
    Full,         ///< no seat left across the fleet
    Offline,      ///< no answer in time: decide alone, as without a fleet
};

/// A claim's outcome, and why when Offline.
struct SeatClaim {
    ClaimOutcome outcome = ClaimOutcome::Offline;
    std::string error;
};

/// The circle as this device's snapshot knows it.
struct CircleSeats {
    std::int64_t circleId = 0;
    int limit = 0;        ///< 0 = no limit
    int feedCount = 0;    ///< the feed's signup_count
    Instant fetchedAt{};  ///< when the snapshot was fetched
};

/// Claims a seat for `signup` (its id must be set). Never throws.
SeatClaim claimSeat(const Config& cfg, const Signup& signup, const CircleSeats& circle);

/// Gives a claimed seat back (the local commit failed): the record becomes a tombstone.
Result<void> releaseSeat(const Config& cfg, const std::string& signupId);

}  // namespace lc::fleet
