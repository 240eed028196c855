#pragma once
// Opening hours per weekday (display.opening_hours), in the library's zone.

#include <optional>

#include <lc/core/config.hpp>

#include "flow/zone.hpp"

namespace lc::display {

/// True when no hours are configured or `t` falls inside the day's opening.
bool openAt(const DisplayConfig& d, const Zone& zone, Instant t);

/// The next opening or closing strictly after `t` (within the next 8 days); nullopt when the hours
/// are not configured or never change.
std::optional<Instant> nextHoursChange(const DisplayConfig& d, const Zone& zone, Instant t);

}  // namespace lc::display
