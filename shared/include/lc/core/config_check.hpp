#pragma once
// What an operator should hear about at sync and in `lcctl status`: circles that meet while the
// display is dark (outside display.opening_hours) and feed venues that no configured venue matches
// (their circles are on no screen), with the closest configured name.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <lc/core/config.hpp>
#include <lc/core/model.hpp>

namespace lc {

/// One warning. No personal data.
struct ConfigWarning {
    std::string kind;           ///< "outside_opening_hours" or "unmatched_venue"
    std::int64_t circleId = 0;  ///< outside_opening_hours: the circle
    std::string venue;          ///< the feed's venue name
    std::string city;           ///< the feed's city
    std::string closest;        ///< unmatched_venue: the closest configured venue name
    std::string message;        ///< one line for people, naming the circle or venue
};

/// A venue name as venueFor() compares it: case, accents, punctuation and spacing ignored
/// ("Harold Washington Library-Center" and "harold washington library center" are one venue).
std::string venueKey(std::string_view name);

/// Warnings for `circles` (the store's snapshot) under `cfg` at `now`: each served circle whose
/// next meetings fall outside the opening hours (once per circle, its first such meeting), and
/// each distinct feed venue that matches no configured venue (none when no venues are configured).
std::vector<ConfigWarning> configWarnings(const Config& cfg, const std::vector<Circle>& circles,
                                          Instant now);

}  // namespace lc
