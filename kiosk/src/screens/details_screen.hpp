#pragma once
// Circle details, with a QR code of its P2PU signup page.

#include <optional>

#include <lc/ui/ui.hpp>

#include "flow/details_flow.hpp"

namespace lc::kiosk::screens {

/// Draws the details; returns what the patron tapped.
std::optional<DetailsIntent> drawDetailsScreen(lc::ui::Ui& ui, const DetailsView& v);

}  // namespace lc::kiosk::screens
