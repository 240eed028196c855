#pragma once
// Check-in: the circles meeting now, three letters, masked names, "Welcome, María!".

#include <optional>

#include <lc/ui/ui.hpp>

#include "flow/checkin_flow.hpp"

namespace lc::kiosk::screens {

/// Draws check-in; returns what the participant did.
std::optional<CheckinIntent> drawCheckinScreen(lc::ui::Ui& ui, const CheckinView& v);

}  // namespace lc::kiosk::screens
