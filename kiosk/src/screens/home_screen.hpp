#pragma once
// Home: "Sign up for a learning circle", "Check in", and EN / FR / ES / SW.

#include <optional>

#include <lc/ui/ui.hpp>

#include "flow/kiosk_flow.hpp"

namespace lc::kiosk::screens {

/// What the app (not the flow) holds that Home shows: speech is on until the idle reset.
struct HomeAccess {
    bool speechOn = false;
};

/// Draws Home; returns what the patron tapped. "Read aloud" (id "home.speech") sits at the
/// bottom left, opposite Staff.
std::optional<HomeIntent> drawHomeScreen(lc::ui::Ui& ui, const HomeView& v,
                                         const HomeAccess& access = {});

}  // namespace lc::kiosk::screens
