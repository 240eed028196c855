#pragma once
// "Still there?": drawn instead of the patron's screen, so nothing of theirs stays on show.

#include <lc/ui/ui.hpp>

#include "flow/kiosk_flow.hpp"

namespace lc::kiosk::screens {

/// Draws the prompt; returns StillHere when the patron answers.
std::optional<StillHere> drawIdleScreen(lc::ui::Ui& ui, long secondsLeft);

}  // namespace lc::kiosk::screens
