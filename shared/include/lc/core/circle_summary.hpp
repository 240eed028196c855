#pragma once
// What every part shows of one circle, computed once: its meetings, the next one, its signup
// state and seats. Pure: the caller supplies the store's local-pending count and the instant.

#include <optional>
#include <vector>

#include <lc/core/model.hpp>
#include <lc/core/result.hpp>
#include <lc/core/signup_rules.hpp>

namespace lc {

/// A circle's schedule and signup state at one instant.
struct CircleSummary {
    std::vector<Meeting> meetings;  ///< known meetings, by start
    bool irregular = false;
    std::optional<Meeting> first;
    std::optional<Meeting> next;  ///< first meeting starting at or after now
    std::optional<Meeting> last;
    Instant lastEnd{};
    SignupState state = SignupState::Open;
    std::optional<int> seatsLeft;  ///< nullopt: unlimited
};

/// Fails only when the circle's time zone is unknown ([core.schedule.*]).
Result<CircleSummary> summarize(const Circle& c, int localPending, Instant now);

}  // namespace lc
