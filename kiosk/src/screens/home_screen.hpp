#pragma once
// Home: "Sign up for a learning circle", "Check in", and EN / FR / ES / SW.

#include <optional>

#include <lc/ui/ui.hpp>

#include "flow/kiosk_flow.hpp"

namespace lc::kiosk::screens {

/// What the app (not the flow) holds that Home shows: speech and large text stay on until the
/// idle reset.
struct HomeAccess {
    bool speechOn = false;
    bool largeText = false;
};

/// Draws Home; returns what the patron tapped. "Read aloud" (id "home.speech") and "Large
/// text" (id "home.large-text") sit at the bottom left, opposite Staff.
std::optional<HomeIntent> drawHomeScreen(lc::ui::Ui& ui, const HomeView& v,
                                         const HomeAccess& access = {});

/// The smallest capital H large text draws, in millimetres (EN 301 549 5.1.4 at 500 mm).
inline constexpr float kLargeTextCapMm = 6.0f;

/// The text scale (at least `base`, at most 2) at which a capital H of the smallest type
/// (FontRole::Small) is kLargeTextCapMm tall on a screen of `screenMm` shown as `framePx`
/// pixels, measured on the glyph baked now (at `ui`'s current text scale).
float largeTextScale(lc::ui::Ui& ui, ImVec2 screenMm, ImVec2 framePx, float base);

}  // namespace lc::kiosk::screens
