#pragma once
// Home: "Sign up for a learning circle", "Check in", and EN / FR / ES / SW.

#include <optional>

#include <lc/ui/ui.hpp>

#include "flow/kiosk_flow.hpp"

namespace lc::kiosk::screens {

/// Draws Home; returns what the patron tapped.
std::optional<HomeIntent> drawHomeScreen(lc::ui::Ui& ui, const HomeView& v);

}  // namespace lc::kiosk::screens
