#pragma once
// The lobby screen's theme: dark (kinder to panels that show one layout for months) and sized by
// the screen's height so that body text is readable from across the lobby: a cap height of at
// least 2.2 % of the height, up to 1.37 times that when a page has room (the type ladder).

#include <vector>

#include <lc/ui/fonts.hpp>
#include <lc/ui/theme.hpp>

namespace lc::display {

/// DejaVu Sans: cap height 1493 / (ascent 1901 + descent 483) of ImGui's pixel size.
inline constexpr float kCapHeightRatio = 1493.0f / 2384.0f;
/// Body text cap height at its smallest, as a share of the screen height (the floor).
inline constexpr float kBodyCapShare = 0.022f;
/// Each step of the type ladder is this much larger than the one below.
inline constexpr float kLadderRatio = 1.17f;
/// Steps of the ladder: the floor and two larger (the largest, the ceiling, is 1.37 × the floor).
inline constexpr int kLadderSteps = 3;
/// Titles (the library's name, the page's) stay above the largest body text.
inline constexpr float kTitleScale = 1.6f;

/// The theme for a `width` x `height` screen: Body at the floor, Small one step below it, Title
/// at kTitleScale × the floor.
lc::ui::Theme displayTheme(int width, int height, bool highContrast = false);

/// The ladder the fit pass picks from, baked once per screen size: step k has Body and Bold at
/// floor × kLadderRatio^k and Small one step lower.
std::vector<lc::ui::TypeStep> displayLadder(int height);

/// The cap height of Body text at `bodySize` pixels.
inline float capHeight(float bodySize) { return bodySize * kCapHeightRatio; }

}  // namespace lc::display
