#pragma once
// Browse: the circles here, soonest first, as cards; language filter chips.

#include <optional>

#include <lc/ui/ui.hpp>

#include "flow/browse_flow.hpp"

namespace lc::kiosk::screens {

/// Draws Browse; returns what the patron tapped.
std::optional<BrowseIntent> drawBrowseScreen(lc::ui::Ui& ui, const BrowseView& v);

}  // namespace lc::kiosk::screens
